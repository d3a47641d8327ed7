//! The Wegweiser: a network's published offers as a printable PDF guide in
//! one of several languages, grouped by field of integration, with opening
//! hours in words and a QR code to each online entry. Public, like the
//! published offers themselves. This module lays the guide out from what
//! `service::wegweiser` reads; it reads nothing itself.

pub mod labels;

use std::collections::HashMap;

use serde::Serialize;

use crate::{
    core::{
        error::AppResult,
        i18n::Lang,
        paths,
        pdf::{self, Document},
    },
    offers::model::{FIELDS, Offer, PlaceRecord, hours, is_rtl},
};

use self::labels::{Labels, language_name};

const TEMPLATE: &str = include_str!("../../../templates/pdf/wegweiser.typ");

/// One offer as printed.
#[derive(Debug, Serialize)]
pub struct Entry {
    pub title: String,
    pub provider: String,
    pub summary: String,
    /// Every place of the offer, in order.
    pub places: Vec<Place>,
    pub phone: String,
    pub email: String,
    pub website: String,
    pub languages: String,
    pub cost: String,
    pub appointment: bool,
    pub url: String,
    pub qr: String,
}

/// One place as printed: its address on one line, its opening hours in
/// words.
#[derive(Debug, Serialize)]
pub struct Place {
    pub address: String,
    pub hours: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct Section {
    pub heading: String,
    pub offers: Vec<Entry>,
}

#[derive(Debug, Serialize)]
pub struct Guide {
    pub lang: &'static str,
    pub rtl: bool,
    pub labels: Labels,
    pub network: String,
    pub region: String,
    pub date: String,
    pub sections: Vec<Section>,
}

/// Everything the guide prints about one offer, before layout.
pub struct Source {
    pub offer: Offer,
    pub provider: String,
    /// The municipality name of each place (same order).
    pub towns: Vec<Option<String>>,
    /// Translated (title, summary), if there is a translation.
    pub translation: Option<(String, String)>,
}

/// Virtual image files: (name, bytes).
pub type Images = Vec<(String, Vec<u8>)>;

/// Builds the guide's data and the QR code images (`qr/<id>.svg`).
pub fn guide(
    lang: &'static str,
    (network, region): (&str, &str),
    base_url: &str,
    today: chrono::NaiveDate,
    sources: Vec<Source>,
) -> AppResult<(Guide, Images)> {
    let l = Labels::of(Lang::parse(lang).unwrap_or_default());
    let mut images = Vec::new();
    let mut by_field: HashMap<&str, Vec<Entry>> = HashMap::new();
    for s in sources {
        let r = &s.offer.record;
        let (title, summary) = match s.translation {
            Some((t, sum)) => (
                t,
                if sum.is_empty() {
                    r.summary.clone()
                } else {
                    sum
                },
            ),
            None => (r.title.clone(), r.summary.clone()),
        };
        let places = r
            .places
            .iter()
            .zip(s.towns.iter().chain(std::iter::repeat(&None)))
            .map(|(p, town)| Place {
                address: address(p, town.as_deref()),
                hours: hours::in_words(&p.opening_hours, &l.weekdays, &l.closed_otherwise, today),
            })
            .collect();
        let page = paths::offer(s.offer.network_id, s.offer.id);
        let url = if lang == "de" {
            format!("{base_url}{page}")
        } else {
            format!("{base_url}{page}?lang={lang}")
        };
        let qr = format!("qr/{}.svg", s.offer.id);
        images.push((qr.clone(), pdf::qr_svg(&url)?));
        let field = FIELDS
            .iter()
            .find(|f| **f == r.field)
            .copied()
            .unwrap_or("other");
        by_field.entry(field).or_default().push(Entry {
            title,
            provider: s.provider,
            summary,
            places,
            phone: r.phone.clone(),
            email: r.email.clone(),
            website: r.website.clone(),
            languages: r
                .languages
                .iter()
                .map(|c| language_name(c))
                .collect::<Vec<_>>()
                .join(", "),
            cost: if r.cost.is_empty() {
                String::new()
            } else {
                l.cost_name(&r.cost)
            },
            appointment: r.appointment,
            url,
            qr,
        });
    }
    let sections = FIELDS
        .iter()
        .filter_map(|f| {
            let mut offers = by_field.remove(f)?;
            offers.sort_by_key(|e| e.title.to_lowercase());
            Some(Section {
                heading: l.field(f),
                offers,
            })
        })
        .collect();
    Ok((
        Guide {
            lang,
            rtl: is_rtl(lang),
            labels: l,
            network: network.to_string(),
            region: region.to_string(),
            date: today.format("%d.%m.%Y").to_string(),
            sections,
        },
        images,
    ))
}

/// "Street, postal code town, room", leaving out what is not known.
fn address(p: &PlaceRecord, town: Option<&str>) -> String {
    let town = [p.postal_code.as_str(), town.unwrap_or("")]
        .iter()
        .filter(|t| !t.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    [p.street.as_str(), town.as_str(), p.room.as_str()]
        .iter()
        .filter(|t| !t.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(", ")
}

/// Renders a guide to PDF.
pub async fn render(guide: &Guide, images: Images) -> AppResult<Vec<u8>> {
    let mut document = Document::new(TEMPLATE, guide)?;
    for (name, bytes) in images {
        document = document.file(name, bytes);
    }
    document.render().await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ids::{NetworkId, OfferId, OrganizationId};
    use crate::offers::model::{OfferRecord, Status};

    fn sources(n: usize) -> Vec<Source> {
        (0..n)
            .map(|i| Source {
                offer: Offer {
                    id: OfferId(i as i64 + 1),
                    network_id: NetworkId(1),
                    organization_id: OrganizationId(1),
                    status: Status::Published,
                    record: OfferRecord {
                        title: format!("Beratungsangebot {i:03}"),
                        summary:
                            "Hilfe bei Anträgen, Behördenpost und der Suche nach einem Sprachkurs."
                                .into(),
                        field: FIELDS[i % FIELDS.len()].into(),
                        languages: vec!["de".into(), "ar".into(), "uk".into()],
                        cost: "free".into(),
                        places: vec![PlaceRecord {
                            street: "Am Markt 1".into(),
                            postal_code: "91413".into(),
                            opening_hours: "Mo-Fr 08:00-12:00; Th 14:00-18:00".into(),
                            ..PlaceRecord::default()
                        }],
                        phone: "09161 12345".into(),
                        email: "beratung@example.org".into(),
                        website: "https://example.org/beratung".into(),
                        ..OfferRecord::default()
                    },
                    last_verified_at: None,
                    created_at: 0,
                    updated_at: 0,
                },
                provider: "Caritasverband".into(),
                towns: vec![Some("Neustadt a.d.Aisch".into())],
                translation: (i % 2 == 0).then(|| ("مقهى اللغة".into(), String::new())),
            })
            .collect()
    }

    fn today() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    #[test]
    fn guide_groups_by_field_in_field_order() {
        let (guide, images) = guide(
            "de",
            ("Netz", "Kreis"),
            "https://ikon.example",
            today(),
            sources(12),
        )
        .unwrap();
        assert_eq!(images.len(), 12);
        assert_eq!(guide.sections[0].heading, "Kindergarten");
        assert_eq!(guide.sections[5].heading, "Beratung");
        let first = &guide.sections[0].offers[0];
        assert_eq!(first.url, "https://ikon.example/networks/1/offers/1");
        assert_eq!(first.places[0].hours[0], "Montag – Mittwoch: 08:00–12:00");
        assert_eq!(
            first.places[0].address,
            "Am Markt 1, 91413 Neustadt a.d.Aisch"
        );
        assert_eq!(first.languages, "Deutsch, العربية, Українська");
        assert_eq!(first.cost, "kostenlos");
    }

    /// The size the Wegweiser must handle quickly; run in a release build
    /// with `cargo test --release --lib three_hundred -- --ignored`
    /// (figure in bench/README.md).
    #[test]
    #[ignore = "a release-build timing: cargo test --release --lib three_hundred -- --ignored"]
    fn three_hundred_offers_render() {
        let started = std::time::Instant::now();
        let (guide, images) = guide(
            "ar",
            ("Integrationskonferenz", "Landkreis"),
            "https://ikon.example",
            today(),
            sources(300),
        )
        .unwrap();
        let mut document = Document::new(TEMPLATE, &guide).unwrap();
        for (name, bytes) in images {
            document = document.file(name, bytes);
        }
        let pdf = document.render_now().unwrap();
        let took = started.elapsed();
        eprintln!("Wegweiser, 300 offers: {took:?}, {} KiB", pdf.len() / 1024);
        assert!(took.as_secs_f64() < 5.0, "took {took:?}");
    }
}
