//! The report's figures as open data: CSV for Excel in a German locale
//! (`;`, decimal comma, UTF-8 with a byte order mark, CRLF) or plain
//! (`?dialect=plain`: `,`, decimal point, no mark), and JSON. One row per
//! value; anonymous readers get the published report's protected figures,
//! the network's readers every figure.

use axum::{
    Json,
    extract::{Path, Query, State},
    http::header,
    response::{IntoResponse, Response},
};
use serde::{Deserialize, Serialize};

use super::{store, view, web::internal_reader};
use crate::{
    accounts::viewer::Viewer,
    core::{error::AppResult, ids::NetworkId, web::App},
    network::{
        context::load_network,
        csv::{BOM, protect},
        model::Network,
    },
};

/// One value of the files.
#[derive(Clone, Debug, Serialize)]
pub struct Row {
    pub indicator_code: String,
    pub indicator_name: String,
    pub region_key: String,
    pub region_name: String,
    pub period: String,
    /// The category of a breakdown.
    pub category: Option<String>,
    pub value: Option<f64>,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
    pub unit: String,
    /// An official mark, `*` (kept back: small number) or `/` (no rate:
    /// too small a base), `derived`.
    pub mark: Option<String>,
    pub source: String,
    pub licence: String,
}

pub const HEADERS: [&str; 13] = [
    "indicator_code",
    "indicator_name",
    "region_key",
    "region_name",
    "period",
    "category",
    "value",
    "numerator",
    "denominator",
    "unit",
    "mark",
    "source",
    "licence",
];

/// The rows the viewer may read.
async fn rows(app: &App, viewer: &Viewer, network: &Network) -> AppResult<Vec<Row>> {
    let internal = internal_reader(app, viewer, network).await?;
    let report = store::report(app.db.pool(), NetworkId(network.id)).await?;
    let codes = view::codes(report.as_ref());
    let figures = view::figures(app, network, &codes, !internal).await?;
    let mut out = Vec::new();
    for f in figures {
        for p in f.points {
            out.push(Row {
                indicator_code: f.indicator.code.into(),
                indicator_name: f.indicator.name_de.into(),
                region_key: network.region_key.clone(),
                region_name: network.region_name.clone(),
                period: p.period,
                category: p.category,
                value: p.value,
                numerator: p.numerator,
                denominator: p.denominator,
                unit: f.indicator.unit.into(),
                mark: p.mark,
                source: p.source,
                licence: p.licence,
            });
        }
    }
    Ok(out)
}

#[derive(Debug, Default, Deserialize)]
pub struct DialectQuery {
    /// `plain`: comma, decimal point, no byte order mark.
    #[serde(default)]
    pub dialect: String,
}

fn number(value: Option<f64>, unit: &str, german: bool) -> String {
    value.map_or_else(String::new, |v| {
        let text = view::plain(v, unit);
        if german { text.replace('.', ",") } else { text }
    })
}

/// The rows as CSV in the German Excel dialect or plain.
pub fn write(rows: &[Row], german: bool) -> Vec<u8> {
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
        writer.write_record(HEADERS).expect("header row");
        for r in rows {
            let record = [
                r.indicator_code.clone(),
                r.indicator_name.clone(),
                r.region_key.clone(),
                r.region_name.clone(),
                r.period.clone(),
                r.category.clone().unwrap_or_default(),
                number(r.value, &r.unit, german),
                number(r.numerator, "", german),
                number(r.denominator, "", german),
                r.unit.clone(),
                r.mark.clone().unwrap_or_default(),
                r.source.clone(),
                r.licence.clone(),
            ];
            let record: Vec<String> = record.iter().map(|v| protect(v).into_owned()).collect();
            writer.write_record(&record).expect("data row");
        }
        writer.flush().expect("in-memory flush");
    }
    out
}

/// `GET /networks/{network_id}/situation.csv`
pub async fn csv(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
    Query(query): Query<DialectQuery>,
) -> AppResult<Response> {
    let network = load_network(&app.db, network_id).await?;
    let rows = rows(&app, &viewer, &network).await?;
    let german = query.dialect != "plain";
    let name = format!("situationsanalyse-{}.csv", network.region_key);
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        write(&rows, german),
    )
        .into_response())
}

/// `GET /networks/{network_id}/situation.json`
pub async fn json(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
) -> AppResult<Response> {
    let network = load_network(&app.db, network_id).await?;
    let rows = rows(&app, &viewer, &network).await?;
    Ok(Json(serde_json::json!({
        "network": network.name,
        "region_key": network.region_key,
        "region_name": network.region_name,
        "rows": rows,
    }))
    .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(value: f64) -> Row {
        Row {
            indicator_code: "foreigners_share".into(),
            indicator_name: "Ausländeranteil".into(),
            region_key: "09575".into(),
            region_name: "Neustadt a.d.Aisch-Bad Windsheim".into(),
            period: "2023".into(),
            category: None,
            value: Some(value),
            numerator: Some(10_234.0),
            denominator: Some(100_000.0),
            unit: "%".into(),
            mark: None,
            source: "Regionaldatenbank Deutschland".into(),
            licence: "dl-de/by-2-0".into(),
        }
    }

    #[test]
    fn german_dialect_has_bom_semicolons_decimal_commas_and_crlf() {
        let german = String::from_utf8(write(&[row(10.234)], true)).unwrap();
        assert!(german.starts_with('\u{feff}'));
        assert!(german.contains("\r\n"));
        assert!(german.contains(";10,2;10234;100000;%;"), "{german}");
        let plain = String::from_utf8(write(&[row(10.234)], false)).unwrap();
        assert!(!plain.starts_with('\u{feff}'));
        assert!(!plain.contains('\r'));
        assert!(plain.contains(",10.2,10234,100000,%,"), "{plain}");
    }
}
