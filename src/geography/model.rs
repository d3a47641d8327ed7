//! The views of the official geography. One struct per view serves both the
//! JSON API and the HTML pages, so the two can never disagree; numbers stay
//! raw here and are formatted for the reader's language only in templates.

use serde::Serialize;
use utoipa::ToSchema;

/// The administrative level of a region; an AGS prefix's length tells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Land (2-digit key).
    State,
    /// Regierungsbezirk or a Land's equivalent statistical region (3 digits).
    DistrictGovernment,
    /// Kreis or kreisfreie Stadt (5 digits).
    District,
    /// Gemeinde (8 digits).
    Municipality,
}

impl Level {
    pub const ALL: [Level; 4] = [
        Level::State,
        Level::DistrictGovernment,
        Level::District,
        Level::Municipality,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Level::State => "state",
            Level::DistrictGovernment => "district_government",
            Level::District => "district",
            Level::Municipality => "municipality",
        }
    }

    pub fn parse(code: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.code() == code)
    }

    /// Number of AGS digits of a region of this level.
    pub fn key_len(self) -> usize {
        match self {
            Level::State => 2,
            Level::DistrictGovernment => 3,
            Level::District => 5,
            Level::Municipality => 8,
        }
    }

    pub fn from_key(key: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.key_len() == key.len())
    }
}

/// What kind of region it is, from the directory's `textkennzeichen` (and,
/// for Regierungsbezirke, the name's prefix). Shown next to the clean name,
/// so that "Ansbach" the town and "Ansbach" the Landkreis stay apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Flächenland.
    State,
    /// Stadtstaat: Berlin, Hamburg, Bremen.
    CityState,
    /// Regierungsbezirk.
    GovernmentDistrict,
    /// Statistische Region (Niedersachsen).
    StatisticalRegion,
    /// Former Regierungsbezirk kept for statistics (Rheinland-Pfalz).
    FormerGovernmentDistrict,
    /// Former Direktionsbezirk kept for statistics (Sachsen).
    FormerDirectorateDistrict,
    /// Kreisfreie Stadt.
    IndependentCity,
    /// Stadtkreis (Baden-Württemberg).
    CityDistrict,
    /// Kreis.
    County,
    /// Landkreis.
    RuralCounty,
    /// Regionalverband (Saarbrücken).
    RegionalAssociation,
    /// Markt.
    MarketTown,
    /// Stadt.
    Town,
    /// Kreisangehörige Gemeinde.
    Municipality,
    /// Große Kreisstadt.
    MajorCountyTown,
    /// Gemeindefreies Gebiet, bewohnt.
    UnincorporatedInhabited,
    /// Gemeindefreies Gebiet, unbewohnt.
    UnincorporatedUninhabited,
}

impl Kind {
    pub const ALL: [Kind; 17] = [
        Kind::State,
        Kind::CityState,
        Kind::GovernmentDistrict,
        Kind::StatisticalRegion,
        Kind::FormerGovernmentDistrict,
        Kind::FormerDirectorateDistrict,
        Kind::IndependentCity,
        Kind::CityDistrict,
        Kind::County,
        Kind::RuralCounty,
        Kind::RegionalAssociation,
        Kind::MarketTown,
        Kind::Town,
        Kind::Municipality,
        Kind::MajorCountyTown,
        Kind::UnincorporatedInhabited,
        Kind::UnincorporatedUninhabited,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Kind::State => "state",
            Kind::CityState => "city_state",
            Kind::GovernmentDistrict => "government_district",
            Kind::StatisticalRegion => "statistical_region",
            Kind::FormerGovernmentDistrict => "former_government_district",
            Kind::FormerDirectorateDistrict => "former_directorate_district",
            Kind::IndependentCity => "independent_city",
            Kind::CityDistrict => "city_district",
            Kind::County => "county",
            Kind::RuralCounty => "rural_county",
            Kind::RegionalAssociation => "regional_association",
            Kind::MarketTown => "market_town",
            Kind::Town => "town",
            Kind::Municipality => "municipality",
            Kind::MajorCountyTown => "major_county_town",
            Kind::UnincorporatedInhabited => "unincorporated_inhabited",
            Kind::UnincorporatedUninhabited => "unincorporated_uninhabited",
        }
    }

    pub fn parse(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// A link to a region: enough to name it and build its URL.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct RegionRef {
    /// AGS prefix, e.g. `095`.
    pub key: String,
    pub name: String,
    pub level: Level,
}

/// A region in a list of children.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct RegionItem {
    pub key: String,
    pub name: String,
    pub level: Level,
    pub kind: Kind,
    pub population: i64,
}

/// A region found by name or postal code, with its parent for context
/// (there are many places called Neustadt).
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct RegionMatch {
    pub key: String,
    pub name: String,
    pub level: Level,
    pub kind: Kind,
    pub population: i64,
    /// The Kreis of a municipality, the Land of a Kreis, …
    pub parent: Option<RegionRef>,
    /// For a postal-code lookup: the place names under that code in this
    /// municipality (OpenStreetMap). Empty for a name search.
    pub places: Vec<String>,
}

/// WGS84 coordinates.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, ToSchema)]
pub struct Centre {
    pub lat: f64,
    pub lon: f64,
}

/// One region with its context: the body of `GET /api/v1/regions/{key}`
/// and the content of the region page.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct Region {
    /// AGS or AGS prefix: 2 (Land), 3 (Regierungsbezirk), 5 (Kreis) or 8
    /// digits (Gemeinde).
    pub key: String,
    /// The name without designations such as ", Stadt" or ", M".
    pub name: String,
    pub level: Level,
    pub kind: Kind,
    /// Regional key (ARS): 12 digits for a municipality, else the key.
    pub ars: String,
    pub parent: Option<RegionRef>,
    /// From the Land down to the parent, for breadcrumbs.
    pub ancestors: Vec<RegionRef>,
    /// Ordered by name.
    pub children: Vec<RegionItem>,
    /// Inhabitants (31.12.2023); for Kreise and above the sum of their
    /// municipalities.
    pub population: i64,
    pub area_km2: f64,
    /// A municipality's centre as published; above, the population-weighted
    /// mean of the municipalities' centres.
    pub centre: Option<Centre>,
    /// A municipality's postal codes; empty for other levels.
    pub postal_codes: Vec<String>,
    /// Whether `GET /api/v1/regions/{key}/boundary` has a shape for it.
    pub has_boundary: bool,
}

/// The answer to a postal-code lookup.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct PostalCodeResult {
    pub postal_code: String,
    /// The municipalities this postal code belongs to, each with its Kreis.
    pub regions: Vec<RegionMatch>,
}

/// The answer to a name search.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct SearchResult {
    pub query: String,
    /// At most 50, ordered by level, then by population (largest first).
    pub regions: Vec<RegionMatch>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for level in Level::ALL {
            assert_eq!(Level::parse(level.code()), Some(level));
            assert_eq!(Level::from_key(&"0".repeat(level.key_len())), Some(level));
        }
        for kind in Kind::ALL {
            assert_eq!(Kind::parse(kind.code()), Some(kind));
        }
        assert_eq!(
            serde_json::to_value(Level::DistrictGovernment).unwrap(),
            "district_government"
        );
        assert_eq!(
            serde_json::to_value(Kind::RuralCounty).unwrap(),
            "rural_county"
        );
    }
}
