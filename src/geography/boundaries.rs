//! Boundaries of the Kreise (all of Germany), of the Bavarian
//! Regierungsbezirke and of the Bavarian Gemeinden, served as GeoJSON and
//! handed to the maps as rings of points. Geometry never enters the
//! database: the embedded files are parsed once, on first use, and each
//! feature's geometry is kept as ready-to-send JSON text indexed by key.

use std::{collections::HashMap, sync::LazyLock};

use serde::{Deserialize, Serialize};

use super::model::Level;

static KREISE: &str = include_str!("../../data/landkreise_simplify200.geojson");
static RBZ_BAYERN: &str = include_str!("../../data/vg250_rbz_bayern_simplified.geojson");
static GEMEINDEN_BAYERN: &str = include_str!("../../data/vg250_2016_gemeinden_bayern.geojson");

/// The attribution each file requires (see data/README.md).
pub const KREISE_SOURCE: &str = "© GeoBasis-DE / BKG 2013 (Daten verändert)";
const RBZ_SOURCE: &str = "© GeoBasis-DE / BKG (2021), Daten verändert";
/// The Gemeinde outlines' attribution.
pub const GEMEINDEN_SOURCE: &str = "© GeoBasis-DE / BKG 2017 (Daten verändert)";
/// The Gemeinde outlines' Gebietsstand: maps of later figures say the
/// boundaries are older.
pub const GEMEINDEN_AS_OF: &str = "2016-01-01";

struct Shape {
    /// The feature's `geometry` member, serialised.
    geometry: String,
    source: &'static str,
}

#[derive(Deserialize)]
struct Collection {
    features: Vec<Feature>,
}

#[derive(Deserialize)]
struct Feature {
    properties: Properties,
    geometry: serde_json::Value,
}

#[derive(Deserialize)]
struct Properties {
    #[serde(rename = "AGS")]
    ags: String,
}

static SHAPES: LazyLock<HashMap<String, Shape>> = LazyLock::new(|| {
    let mut shapes = HashMap::new();
    for (text, level, source) in [
        (KREISE, Level::District, KREISE_SOURCE),
        (RBZ_BAYERN, Level::DistrictGovernment, RBZ_SOURCE),
        (GEMEINDEN_BAYERN, Level::Municipality, GEMEINDEN_SOURCE),
    ] {
        let collection: Collection = serde_json::from_str(text).expect("embedded GeoJSON is valid");
        for feature in collection.features {
            // One Kreis carries its 8-digit key (09662000 for 09662).
            let Some(key) = feature.properties.ags.get(..level.key_len()) else {
                continue;
            };
            let geometry = feature.geometry.to_string();
            shapes
                .entry(key.to_string())
                .or_insert(Shape { geometry, source });
        }
    }
    shapes
});

/// Whether a boundary exists for this key.
pub fn has(key: &str) -> bool {
    SHAPES.contains_key(key)
}

/// A ring of (longitude, latitude) points.
pub type Ring = Vec<[f64; 2]>;

/// A Gemeinde's or Kreis's outline for drawing: its polygons, each an
/// outer ring followed by its holes.
pub struct Outline {
    pub key: String,
    pub name: String,
    pub polygons: Vec<Vec<Ring>>,
}

#[derive(Deserialize)]
#[serde(tag = "type", content = "coordinates")]
enum Geometry {
    Polygon(Vec<Ring>),
    MultiPolygon(Vec<Vec<Ring>>),
}

#[derive(Deserialize)]
struct OutlineFeature {
    properties: OutlineProperties,
    geometry: Geometry,
}

#[derive(Deserialize)]
struct OutlineProperties {
    #[serde(rename = "AGS")]
    ags: String,
    #[serde(rename = "GEN")]
    name: String,
}

#[derive(Deserialize)]
struct OutlineCollection {
    features: Vec<OutlineFeature>,
}

/// The outlines of an embedded file, by key.
fn outlines_of(text: &str) -> Vec<Outline> {
    let collection: OutlineCollection =
        serde_json::from_str(text).expect("embedded GeoJSON is valid");
    let mut outlines: Vec<Outline> = collection
        .features
        .into_iter()
        .map(|f| Outline {
            key: f.properties.ags,
            name: f.properties.name,
            polygons: match f.geometry {
                Geometry::Polygon(rings) => vec![rings],
                Geometry::MultiPolygon(polygons) => polygons,
            },
        })
        .collect();
    outlines.sort_by(|a, b| a.key.cmp(&b.key));
    outlines
}

/// Every Bavarian Gemeinde's outline, by key.
static OUTLINES: LazyLock<Vec<Outline>> = LazyLock::new(|| outlines_of(GEMEINDEN_BAYERN));

/// Every Kreis's outline (all of Germany), by key.
static KREIS_OUTLINES: LazyLock<Vec<Outline>> = LazyLock::new(|| outlines_of(KREISE));

/// The outlines of the Kreise whose key starts with `prefix` (a Land or
/// Regierungsbezirk key), by key.
pub fn kreis_outlines(prefix: &str) -> Vec<&'static Outline> {
    KREIS_OUTLINES
        .iter()
        .filter(|o| o.key.starts_with(prefix))
        .collect()
}

/// The outlines of the Gemeinden whose key starts with `prefix` (a Land,
/// Regierungsbezirk or Kreis key), by key; empty outside Bavaria.
pub fn municipality_outlines(prefix: &str) -> Vec<&'static Outline> {
    OUTLINES
        .iter()
        .filter(|o| o.key.starts_with(prefix))
        .collect()
}

/// Whether the point (longitude, latitude) lies inside the outline (even-odd
/// rule over every ring, so holes are left out).
pub fn contains(outline: &Outline, lon: f64, lat: f64) -> bool {
    let mut inside = false;
    for ring in outline.polygons.iter().flatten() {
        let mut j = ring.len().wrapping_sub(1);
        for (i, p) in ring.iter().enumerate() {
            let q = ring[j];
            if (p[1] > lat) != (q[1] > lat)
                && lon < (q[0] - p[0]) * (lat - p[1]) / (q[1] - p[1]) + p[0]
            {
                inside = !inside;
            }
            j = i;
        }
    }
    inside
}

#[derive(Serialize)]
struct FeatureProperties<'a> {
    key: &'a str,
    name: &'a str,
    level: Level,
    attribution: &'a str,
}

/// A GeoJSON Feature (RFC 7946) for the region, or `None` without a shape.
pub fn feature(key: &str, name: &str, level: Level) -> Option<String> {
    let shape = SHAPES.get(key)?;
    let properties = serde_json::to_string(&FeatureProperties {
        key,
        name,
        level,
        attribution: shape.source,
    })
    .ok()?;
    let id = serde_json::to_string(key).ok()?;
    Some(format!(
        r#"{{"type":"Feature","id":{id},"properties":{properties},"geometry":{}}}"#,
        shape.geometry
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kreis_and_bavarian_district_government_has_a_shape() {
        let kreise = SHAPES.keys().filter(|k| k.len() == 5).count();
        let rbz = SHAPES.keys().filter(|k| k.len() == 3).count();
        let gemeinden = SHAPES.keys().filter(|k| k.len() == 8).count();
        assert_eq!((kreise, rbz, gemeinden), (400, 7, 2238));
        assert!(has("09662") && has("095") && !has("09") && has("09575153"));
        assert!(!has("08111000"));
    }

    #[test]
    fn features_are_geojson() {
        let text = feature("09575", "Neustadt a.d.Aisch-Bad Windsheim", Level::District).unwrap();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["type"], "Feature");
        assert_eq!(value["properties"]["key"], "09575");
        assert!(matches!(
            value["geometry"]["type"].as_str(),
            Some("Polygon" | "MultiPolygon")
        ));
        assert!(feature("081", "Stuttgart", Level::DistrictGovernment).is_none());
    }

    #[test]
    fn a_kreis_has_its_gemeinden_and_a_town_lies_inside_its_own() {
        let neustadt = municipality_outlines("09575");
        assert_eq!(neustadt.len(), 39);
        // Bad Windsheim's market square lies in Bad Windsheim only.
        let holding: Vec<&str> = neustadt
            .iter()
            .filter(|o| contains(o, 10.4158, 49.5017))
            .map(|o| o.name.as_str())
            .collect();
        assert_eq!(holding, ["Bad Windsheim"]);
        assert!(municipality_outlines("08").is_empty());
    }
}
