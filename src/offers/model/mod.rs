//! Offer records, their code lists, the workflow and the pure validation
//! rules (languages, opening hours, coordinates). `input` holds what forms
//! and API bodies send, each with its one `validate`; `views` what pages
//! and JSON answers show.

pub mod contact_point;
pub mod freshness;
pub mod hours;
pub mod input;
pub mod place;
pub mod translation;
pub mod views;

use serde::Serialize;

use crate::core::ids::{NetworkId, OfferId, OrganizationId};

pub use contact_point::{ContactPoint, GROUPS};
pub use place::{PlaceRecord, ServiceArea};
pub use translation::{LangStatus, Translation, source_hash};

pub const FIELDS: &[&str] = &[
    "kindergarten",
    "school",
    "work",
    "leisure",
    "seniors",
    "counselling",
    "language",
    "health",
    "housing",
    "other",
];

pub const TYPES: &[&str] = &[
    "mbe",
    "jmd",
    "refugee_counselling",
    "return_counselling",
    "integration_course",
    "language_course",
    "childcare",
    "school_support",
    "job_support",
    "leisure",
    "seniors",
    "women",
    "families",
    "other",
];

pub const TARGET_GROUPS: &[&str] = &[
    "refugees",
    "eu_citizens",
    "women",
    "families",
    "seniors",
    "young_people",
];

pub const COSTS: &[&str] = &["free", "reduced", "paid"];

/// Languages an offer may name (ISO 639-1, and ISO 639-3 where a language
/// has no two-letter code, e.g. Central Kurdish).
pub const LANGUAGES: &[&str] = &[
    "de", "en", "ar", "tr", "uk", "ru", "fa", "ku", "ckb", "kmr", "ps", "prs", "ti", "so", "am",
    "fr", "es", "it", "pt", "pl", "ro", "bg", "hr", "sr", "bs", "sq", "el", "hu", "cs", "sk", "sl",
    "lt", "lv", "vi", "zh", "hi", "ur", "bn", "ta", "sw", "ha", "yo", "ka", "hy", "az",
];

/// Languages written right to left (one list for UI and offer texts).
pub use crate::core::i18n::{RTL_LANGUAGES, is_rtl};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Draft,
    Review,
    Published,
    Archived,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Draft,
        Status::Review,
        Status::Published,
        Status::Archived,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Review => "review",
            Status::Published => "published",
            Status::Archived => "archived",
        }
    }

    pub fn parse(code: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// Who may move an offer from one status to another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Transition {
    /// The offer's editors: the provider's members and the coordinators.
    Editor,
    /// Only the network's coordinators (and admins).
    Manager,
}

/// The allowed transitions; `None` for an impossible one.
pub fn transition(from: Status, to: Status) -> Option<Transition> {
    use Status::*;
    match (from, to) {
        (Draft, Review) | (Review, Draft) => Some(Transition::Editor),
        (Review, Published)
        | (Draft, Published)
        | (Published, Archived)
        | (Review, Archived)
        | (Draft, Archived)
        | (Published, Draft)
        | (Archived, Draft) => Some(Transition::Manager),
        _ => None,
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct Offer {
    pub id: OfferId,
    pub network_id: NetworkId,
    pub organization_id: OrganizationId,
    pub status: Status,
    #[serde(flatten)]
    pub record: OfferRecord,
    pub last_verified_at: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
}

/// What the offer form sets.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct OfferRecord {
    pub title: String,
    pub summary: String,
    pub description: String,
    pub field: String,
    pub offer_type: String,
    pub target_groups: Vec<String>,
    pub age_min: Option<i64>,
    pub age_max: Option<i64>,
    pub languages: Vec<String>,
    pub cost: String,
    pub cost_note: String,
    /// At least one place is step-free (kept with the offer for the
    /// search filter; each place says its own).
    pub wheelchair: bool,
    pub appointment: bool,
    pub booking_note: String,
    /// Where the offer takes place, in the order the form lists them.
    pub places: Vec<PlaceRecord>,
    /// Whom it serves.
    pub area: ServiceArea,
    pub phone: String,
    pub email: String,
    pub website: String,
    pub valid_from: Option<String>,
    pub valid_until: Option<String>,
}

/// Language codes from a comma- or space-separated list: the known ones,
/// lower-cased and without duplicates, or the first unknown one.
pub fn parse_languages(value: &str) -> Result<Vec<String>, String> {
    let mut codes: Vec<String> = Vec::new();
    for code in value
        .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .map(|c| c.trim().to_ascii_lowercase())
        .filter(|c| !c.is_empty())
    {
        if !LANGUAGES.contains(&code.as_str()) {
            return Err(code);
        }
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    Ok(codes)
}

/// Checks an OpenStreetMap `opening_hours` value; the error is the parser's
/// explanation on one line, led by the position (line:column) of the problem
/// for syntax errors.
pub fn check_opening_hours(value: &str) -> Result<(), String> {
    if value.trim().is_empty() {
        return Ok(());
    }
    value
        .parse::<opening_hours::OpeningHours>()
        .map(|_| ())
        .map_err(|e| explain(&e.to_string()))
}

/// One line from the parser's message: "1:7: expected …" for a syntax
/// error (whose message points at the problem over several lines).
fn explain(message: &str) -> String {
    let position = message.lines().find_map(|l| l.trim().strip_prefix("--> "));
    let expected = message.lines().find_map(|l| l.trim().strip_prefix("= "));
    match (position, expected) {
        (Some(at), Some(what)) => format!("{}: {what}", at.trim()),
        _ => message.split_whitespace().collect::<Vec<_>>().join(" "),
    }
}

/// Whether a point lies (roughly) within Germany.
pub fn in_germany(lat: f64, lon: f64) -> bool {
    (47.2..=55.1).contains(&lat) && (5.8..=15.1).contains(&lon)
}

/// A `YYYY-MM-DD` date.
pub fn is_date(value: &str) -> bool {
    chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d").is_ok() && value.len() == 10
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_are_checked_against_the_list() {
        assert_eq!(parse_languages("de, EN ar;de").unwrap(), ["de", "en", "ar"]);
        assert_eq!(parse_languages("ckb").unwrap(), ["ckb"]);
        assert_eq!(parse_languages("de, xx").unwrap_err(), "xx");
        assert!(parse_languages("").unwrap().is_empty());
    }

    #[test]
    fn opening_hours_use_the_osm_syntax() {
        assert!(check_opening_hours("Mo-Fr 08:00-12:00; Th 14:00-18:00").is_ok());
        assert!(check_opening_hours("").is_ok());
        let err = check_opening_hours("Mo-Fr 8 bis 12").unwrap_err();
        assert!(err.starts_with("1:7: expected"), "{err}");
    }

    #[test]
    fn coordinates_must_be_in_germany() {
        assert!(in_germany(49.58, 10.61));
        assert!(!in_germany(48.85, 2.35));
        assert!(!in_germany(0.0, 0.0));
    }

    #[test]
    fn workflow_transitions() {
        use Status::*;
        assert_eq!(transition(Draft, Review), Some(Transition::Editor));
        assert_eq!(transition(Review, Published), Some(Transition::Manager));
        assert_eq!(transition(Published, Review), None);
        assert_eq!(transition(Archived, Archived), None);
        assert!(is_date("2026-01-31") && !is_date("31.01.2026"));
    }
}
