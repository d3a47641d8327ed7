//! Open data as CSV: the published offers, filtered like the JSON list, in
//! two dialects, one row per place (the offer's columns repeated; an offer
//! without a place has one row with empty place columns). `german` (the default) is what Excel opens correctly in a
//! German office: `;`-separated, UTF-8 with a byte order mark, German
//! headers, decimal commas, CRLF. `plain` is for programs: comma-separated
//! UTF-8 without BOM, the JSON field names as headers, values as in JSON.
//! The licence travels in HTTP headers, since a CSV file has no place for
//! it that every reader skips.

use std::collections::HashMap;

use axum::{
    extract::{Query, State},
    http::{HeaderValue, header},
    response::{IntoResponse, Response},
};

use crate::{
    core::{
        error::{AppError, AppResult},
        ids::NetworkId,
        web::{App, errors::ErrorBody},
    },
    network::csv::{BOM, protect},
    offers::{
        model::{
            input::{Dialect, ExportQuery},
            views::OpenOffer,
        },
        service::open_data::{filtered, license},
    },
};

/// (English snake_case header, German header)
pub const COLUMNS: &[(&str, &str)] = &[
    ("id", "ID"),
    ("network_id", "Netzwerk-ID"),
    ("provider", "Anbieter"),
    ("title", "Titel"),
    ("summary", "Kurzbeschreibung"),
    ("description", "Beschreibung"),
    ("field", "Handlungsfeld"),
    ("offer_type", "Art des Angebots"),
    ("target_groups", "Zielgruppen"),
    ("age_min", "Mindestalter"),
    ("age_max", "Höchstalter"),
    ("languages", "Sprachen"),
    ("cost", "Kosten"),
    ("appointment", "Termin nötig"),
    ("place", "Ort Nr."),
    ("places", "Orte"),
    ("street", "Straße"),
    ("postal_code", "PLZ"),
    ("municipality_key", "Gemeindeschlüssel"),
    ("lat", "Breitengrad"),
    ("lon", "Längengrad"),
    ("room", "Raum"),
    ("opening_hours", "Öffnungszeiten"),
    ("wheelchair", "Rollstuhlgerecht"),
    ("accessibility_note", "Hinweis zur Barrierefreiheit"),
    ("area_whole_kreis", "Einzugsgebiet ganzer Kreis"),
    ("area", "Einzugsgebiet (Gemeindeschlüssel)"),
    ("phone", "Telefon"),
    ("email", "E-Mail"),
    ("website", "Website"),
    ("valid_from", "Gültig ab"),
    ("valid_until", "Gültig bis"),
    ("updated_at", "Geändert"),
];

/// The row of place `n` (from 0) of an offer; `None` for an offer
/// without places.
fn row(o: &OpenOffer, n: Option<usize>, dialect: Dialect) -> Vec<String> {
    let german = dialect == Dialect::German;
    let flag = |b: bool| match (german, b) {
        (true, true) => "ja".to_string(),
        (true, false) => "nein".to_string(),
        (false, b) => b.to_string(),
    };
    let number = |n: Option<i64>| n.map(|n| n.to_string()).unwrap_or_default();
    let coordinate = |c: Option<f64>| match c {
        Some(c) if german => c.to_string().replace('.', ","),
        Some(c) => c.to_string(),
        None => String::new(),
    };
    let updated = if german {
        chrono::DateTime::from_timestamp(o.updated_at, 0)
            .map(|t| {
                t.with_timezone(&chrono_tz::Europe::Berlin)
                    .format("%d.%m.%Y %H:%M")
                    .to_string()
            })
            .unwrap_or_default()
    } else {
        o.updated_at.to_string()
    };
    let place = n.and_then(|n| o.places.get(n)).cloned().unwrap_or_default();
    vec![
        o.id.to_string(),
        o.network_id.to_string(),
        o.provider.clone(),
        o.title.clone(),
        o.summary.clone(),
        o.description.clone(),
        o.field.clone(),
        o.offer_type.clone(),
        o.target_groups.join(","),
        number(o.age_min),
        number(o.age_max),
        o.languages.join(","),
        o.cost.clone(),
        flag(o.appointment),
        n.map(|n| (n + 1).to_string()).unwrap_or_default(),
        o.places.len().to_string(),
        place.street,
        place.postal_code,
        place.municipality_key.unwrap_or_default(),
        coordinate(place.lat),
        coordinate(place.lon),
        place.room,
        place.opening_hours,
        if n.is_some() {
            flag(place.wheelchair)
        } else {
            String::new()
        },
        place.accessibility_note,
        flag(o.area.whole_kreis),
        o.area.municipalities.join(","),
        o.phone.clone(),
        o.email.clone(),
        o.website.clone(),
        o.valid_from.clone().unwrap_or_default(),
        o.valid_until.clone().unwrap_or_default(),
        updated,
    ]
}

/// The CSV file for the offers; every cell that a spreadsheet would run
/// as a formula is neutralised with a leading apostrophe.
pub fn write(offers: &[OpenOffer], dialect: Dialect) -> Vec<u8> {
    let german = dialect == Dialect::German;
    let mut out = if german { BOM.to_vec() } else { Vec::new() };
    {
        let mut writer = ::csv::WriterBuilder::new()
            .delimiter(if german { b';' } else { b',' })
            .terminator(if german {
                ::csv::Terminator::CRLF
            } else {
                ::csv::Terminator::Any(b'\n')
            })
            .from_writer(&mut out);
        let header: Vec<&str> = COLUMNS
            .iter()
            .map(|(plain, de)| if german { *de } else { *plain })
            .collect();
        // Writing to memory fails only on a length mismatch, which the fixed
        // column list rules out.
        writer.write_record(&header).expect("header row");
        for o in offers {
            let numbers: Vec<Option<usize>> = if o.places.is_empty() {
                vec![None]
            } else {
                (0..o.places.len()).map(Some).collect()
            };
            for n in numbers {
                let cells: Vec<String> = row(o, n, dialect)
                    .iter()
                    .map(|v| protect(v).into_owned())
                    .collect();
                writer.write_record(&cells).expect("data row");
            }
        }
        writer.flush().expect("in-memory flush");
    }
    out
}

/// Percent-encodes what a header value cannot carry (non-ASCII, controls).
fn header_text(value: &str) -> String {
    let mut out = String::new();
    for b in value.bytes() {
        if (b.is_ascii_graphic() && b != b'%') || b == b' ' {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Published offers as CSV (public), with the licence in HTTP headers.
#[utoipa::path(get, path = "/api/v1/offers.csv", tag = "offers", params(ExportQuery),
    responses(
        (status = 200, description = "Published offers as CSV, one row per place of an offer (the offer's fields repeated, `place` numbering its places from 1; an offer without places has one row) with the fields of `GET /api/v1/offers`. \
            Dialect `german` (default): `;`-separated, UTF-8 with byte order mark, German headers, `ja`/`nein`, decimal commas, \
            dates as `TT.MM.JJJJ HH:MM` (Europe/Berlin), CRLF. Dialect `plain`: comma-separated UTF-8 without BOM, the JSON field \
            names as headers, values as in JSON (lists comma-joined). Cells starting with `=`, `+`, `-`, `@`, tab or CR get a \
            leading `'` so that spreadsheets do not run them as formulas. A CSV file has no room for the licence, so it is in \
            the headers. Public.",
            content_type = "text/csv", body = String,
            headers(
                ("Link" = String, description = "The licence text, as `<https://www.govdata.de/dl-de/by-2-0>; rel=\"license\"` (RFC 8288)."),
                ("X-License" = String, description = "The licence identifier, e.g. `dl-de/by-2-0`."),
                ("X-Attribution" = String, description = "The attribution to show with the data (network names and ikon), UTF-8 percent-encoded where not plain ASCII."),
            )),
        (status = 400, description = "Unknown dialect (`invalid_dialect`).", body = ErrorBody)),
    security((), ("api_token" = [])))]
pub async fn csv(State(app): State<App>, Query(q): Query<ExportQuery>) -> AppResult<Response> {
    let dialect = q.dialect()?;
    let offers = filtered(&app, &q).await?;
    let networks: Vec<NetworkId> = offers.iter().map(|o| o.network_id).collect();
    let license = license(&app, &networks).await?;
    let body = write(&offers, dialect);
    let mut response = body.into_response();
    let headers = response.headers_mut();
    let name = if dialect == Dialect::German {
        "angebote.csv"
    } else {
        "offers.csv"
    };
    let values: HashMap<&str, String> = HashMap::from([
        ("content-type", "text/csv; charset=utf-8".to_string()),
        (
            "content-disposition",
            format!("attachment; filename=\"{name}\""),
        ),
        ("link", format!("<{}>; rel=\"license\"", license.url)),
        ("x-license", license.id.clone()),
        ("x-attribution", header_text(&license.attribution)),
    ]);
    for (key, value) in values {
        let value = HeaderValue::from_str(&value).map_err(AppError::internal)?;
        headers.insert(header::HeaderName::from_static(key), value);
    }
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_carry_only_ascii() {
        assert_eq!(
            header_text("Netz München, via ikon"),
            "Netz M%C3%BCnchen, via ikon"
        );
        assert_eq!(header_text("100%"), "100%25");
    }
}
