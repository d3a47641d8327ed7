//! What pages and JSON answers show. A type here is the one shape of its
//! data: the HTML template and the JSON response render the same value.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::core::ids::{NetworkId, OfferId, OrganizationId};

use super::{ContactPoint, Offer, PlaceRecord, ServiceArea};
use crate::offers::search::{
    answer::FoundOffer,
    collect::{Facets, Relaxed},
};

/// Data licence Germany – attribution – version 2.0.
pub const LICENCE: &str = "dl-de/by-2-0";
pub const ATTRIBUTION: &str = "Integration networks and their member organisations, via ikon";

/// One published offer.
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
pub struct OpenOffer {
    #[schema(value_type = i64)]
    pub id: OfferId,
    #[schema(value_type = i64)]
    pub network_id: NetworkId,
    pub provider: String,
    pub title: String,
    pub summary: String,
    /// Markdown.
    pub description: String,
    pub field: String,
    pub offer_type: String,
    pub target_groups: Vec<String>,
    pub age_min: Option<i64>,
    pub age_max: Option<i64>,
    pub languages: Vec<String>,
    pub cost: String,
    /// At least one place is step-free.
    pub wheelchair: bool,
    pub appointment: bool,
    /// Where the offer takes place. In a search answer from a position
    /// (`near`, `postal_code`), the nearest place comes first.
    pub places: Vec<PlaceRecord>,
    /// The municipalities it serves.
    pub area: ServiceArea,
    pub phone: String,
    pub email: String,
    pub website: String,
    pub valid_from: Option<String>,
    pub valid_until: Option<String>,
    pub updated_at: i64,
    /// Language of title, summary and description in a search answer: the
    /// requested `lang` where translated, German otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_lang: Option<String>,
    /// Distance in km from `near` (or the postal code's centre) to the
    /// nearest place, in a search answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distance_km: Option<f64>,
}

impl OpenOffer {
    pub fn of(o: Offer, provider: String) -> Self {
        let r = o.record;
        Self {
            id: o.id,
            network_id: o.network_id,
            provider,
            title: r.title,
            summary: r.summary,
            description: r.description,
            field: r.field,
            offer_type: r.offer_type,
            target_groups: r.target_groups,
            age_min: r.age_min,
            age_max: r.age_max,
            languages: r.languages,
            cost: r.cost,
            wheelchair: r.wheelchair,
            appointment: r.appointment,
            places: r.places,
            area: r.area,
            phone: r.phone,
            email: r.email,
            website: r.website,
            valid_from: r.valid_from,
            valid_until: r.valid_until,
            updated_at: o.updated_at,
            content_lang: None,
            distance_km: None,
        }
    }
}

/// The licence of the open data and the attribution it asks for.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct License {
    /// Licence identifier, e.g. `dl-de/by-2-0`.
    pub id: String,
    /// Where the licence text is.
    pub url: String,
    /// What to credit when using the data.
    pub attribution: String,
}

/// A page of published offers.
// It borrows the search's outcome, which may be kept for the next reader:
// the page is written out without copying its offers.
#[derive(Debug, Serialize, ToSchema)]
pub struct OfferPage<'a> {
    pub licence: &'static str,
    pub attribution: &'static str,
    /// The configured licence with its URL and the attribution it asks for.
    pub license: License,
    /// Number of offers matching the search (all pages).
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
    #[schema(value_type = Vec<OpenOffer>)]
    pub offers: &'a [FoundOffer],
    /// Counts per value of field, type, target group, language and
    /// municipality (key) over all matching offers.
    pub facets: &'a Facets,
    /// Present when too few offers matched every word: the page then
    /// holds offers matching at least `at_least` of the `of` words, the
    /// best matches first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relaxed: Option<Relaxed>,
    /// For a search that found nothing: the query with unknown words
    /// replaced by the closest known ones.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<&'a str>,
}

/// The places of the published offers as a GeoJSON FeatureCollection:
/// one feature per place.
#[derive(Debug, Serialize)]
pub struct FeatureCollection {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub licence: &'static str,
    pub attribution: &'static str,
    pub license: License,
    pub features: Vec<Feature>,
}

#[derive(Debug, Serialize)]
pub struct Feature {
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// `{offer id}-{place number}`, the place number counting from 1.
    pub id: String,
    pub geometry: Point,
    pub properties: FeatureProperties,
}

#[derive(Debug, Serialize)]
pub struct Point {
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// Longitude first, as GeoJSON has it.
    pub coordinates: [f64; 2],
}

#[derive(Debug, Serialize)]
pub struct FeatureProperties {
    pub offer_id: OfferId,
    /// Which of the offer's places, from 1.
    pub place: usize,
    pub places: usize,
    pub title: String,
    pub provider: String,
    pub field: String,
    pub offer_type: String,
    pub languages: Vec<String>,
    pub street: String,
    pub postal_code: String,
    pub room: String,
    pub opening_hours: String,
    pub wheelchair: bool,
    /// The public offer page.
    pub url: String,
}

/// One contact point in a finder answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct Found {
    #[schema(value_type = i64)]
    pub offer_id: OfferId,
    pub title: String,
    pub provider: String,
    pub street: String,
    pub postal_code: String,
    /// OpenStreetMap `opening_hours` syntax.
    pub opening_hours: String,
    pub languages: Vec<String>,
    pub appointment: bool,
    pub booking_note: String,
    pub target_groups: Vec<String>,
    pub url: String,
}

impl Found {
    /// `url` is the public offer page; the place shown is the one in
    /// `municipality_key`, else the first.
    pub fn of(
        offer: &Offer,
        provider: &str,
        (point, municipality_key): (&ContactPoint, &str),
        url: String,
    ) -> Self {
        let r = &offer.record;
        let place = r
            .places
            .iter()
            .find(|p| p.municipality_key.as_deref() == Some(municipality_key))
            .or(r.places.first())
            .cloned()
            .unwrap_or_default();
        Found {
            offer_id: offer.id,
            title: r.title.clone(),
            provider: provider.to_string(),
            street: place.street,
            postal_code: place.postal_code,
            opening_hours: place.opening_hours,
            languages: r.languages.clone(),
            appointment: r.appointment,
            booking_note: r.booking_note.clone(),
            target_groups: point.target_groups.clone(),
            url,
        }
    }
}

/// The contact points of one municipality.
#[derive(Debug, Serialize, ToSchema)]
pub struct MunicipalityAnswer {
    pub municipality_key: String,
    pub municipality_name: String,
    pub contact_points: Vec<Found>,
}

/// A finder answer: one entry per municipality of the postal code.
#[derive(Debug, Serialize, ToSchema)]
pub struct FinderAnswer {
    /// True when the postal code spans several municipalities.
    pub several_municipalities: bool,
    pub municipalities: Vec<MunicipalityAnswer>,
}

/// A municipality without a contact point for a target group.
#[derive(Debug, Serialize, ToSchema)]
pub struct Gap {
    pub municipality_key: String,
    pub municipality_name: String,
    pub target_group: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Coverage {
    #[schema(value_type = i64)]
    pub network_id: NetworkId,
    pub gaps: Vec<Gap>,
}

/// One municipality's line of the coverage matrix.
#[derive(Debug, Serialize)]
pub struct Cell {
    pub key: String,
    pub name: String,
    /// Per target group, the ids and titles of the covering offers.
    pub groups: Vec<(String, Vec<(OfferId, String)>)>,
}

/// One network's line in the supervisor's comparison.
#[derive(Debug, Serialize)]
pub struct NetworkCoverage {
    pub id: NetworkId,
    pub name: String,
    pub region_key: String,
    pub region_name: String,
    pub municipalities: usize,
    /// Gaps per target group, in the order of `GROUPS`.
    pub gaps: Vec<usize>,
    /// Covered municipality × target group cells, in whole percent.
    pub covered_percent: usize,
}

/// A published offer not confirmed since the cutoff, for dashboards.
#[derive(Clone, Debug, Serialize)]
pub struct StaleOffer {
    pub id: OfferId,
    pub title: String,
    pub organization_id: OrganizationId,
    pub provider: String,
    pub verified_at: i64,
}

/// schema.org description of a published offer.
#[derive(Debug, Serialize)]
pub struct JsonLd<'a> {
    #[serde(rename = "@context")]
    pub context: &'static str,
    #[serde(rename = "@type")]
    pub kind: &'static str,
    pub name: &'a str,
    pub description: &'a str,
    pub provider: Named<'a>,
    #[serde(rename = "availableLanguage")]
    pub available_language: &'a [String],
    #[serde(rename = "areaServed", skip_serializing_if = "Option::is_none")]
    pub area_served: Option<Named<'a>>,
    #[serde(rename = "hoursAvailable", skip_serializing_if = "Option::is_none")]
    pub hours_available: Option<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct Named<'a> {
    #[serde(rename = "@type")]
    pub kind: &'static str,
    pub name: &'a str,
}

impl<'a> JsonLd<'a> {
    pub fn of(offer: &'a Offer, provider: &'a str, area: Option<&'a str>) -> Self {
        let r = &offer.record;
        JsonLd {
            context: "https://schema.org",
            kind: "GovernmentService",
            name: &r.title,
            description: if r.summary.is_empty() {
                &r.description
            } else {
                &r.summary
            },
            provider: Named {
                kind: "Organization",
                name: provider,
            },
            available_language: &r.languages,
            area_served: area.map(|name| Named {
                kind: "AdministrativeArea",
                name,
            }),
            hours_available: r
                .places
                .iter()
                .map(|p| p.opening_hours.as_str())
                .find(|h| !h.is_empty()),
        }
    }

    /// The description, safe to embed in a
    /// `<script type="application/ld+json">` element.
    pub fn embeddable(&self) -> String {
        serde_json::to_string(self)
            .expect("JSON-LD serialises")
            .replace('<', "\\u003c")
            .replace('>', "\\u003e")
            .replace('&', "\\u0026")
    }
}
