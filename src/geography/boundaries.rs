//! Boundaries of the Kreise (all of Germany) and of the Bavarian
//! Regierungsbezirke, served as GeoJSON. Geometry never enters the
//! database: the embedded files are parsed once, on first use, and each
//! feature's geometry is kept as ready-to-send JSON text indexed by key.

use std::{collections::HashMap, sync::LazyLock};

use serde::{Deserialize, Serialize};

use super::model::Level;

static KREISE: &str = include_str!("../../data/landkreise_simplify200.geojson");
static RBZ_BAYERN: &str = include_str!("../../data/vg250_rbz_bayern_simplified.geojson");

/// The attribution each file requires (see data/README.md).
const KREISE_SOURCE: &str = "© GeoBasis-DE / BKG 2013 (Daten verändert)";
const RBZ_SOURCE: &str = "© GeoBasis-DE / BKG (2021), Daten verändert";

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
        assert_eq!((kreise, rbz), (400, 7));
        assert!(has("09662") && has("095") && !has("09") && !has("09575153"));
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
}
