//! Distances and the radius filter: a box around the radius, answered
//! from the segment tables' places sorted by latitude, so a radius search
//! visits only the places near it.

use std::sync::{Arc, Mutex};

use tantivy::{
    DocId, Score, SegmentReader,
    query::{BitSetDocSet, ConstScorer, EnableScoring, Explanation, Query, Scorer, Weight},
};

use super::segment_table::Tables;

/// The earth's mean radius in kilometres.
const EARTH_KM: f64 = 6371.0;

/// Great-circle distance in kilometres.
pub fn distance_km((lat1, lon1): (f64, f64), (lat2, lon2): (f64, f64)) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    EARTH_KM * 2.0 * a.sqrt().asin()
}

/// A position as a point on the unit sphere. The straight line (chord)
/// between two such points grows with their great-circle distance, so
/// places are compared and filtered by chords, with no trigonometry per
/// place; only a distance shown is turned into kilometres ([`chord_km`]).
/// The sines and cosines per place and match took a quarter of a radius
/// search.
pub type Unit = [f64; 3];

pub fn unit((lat, lon): (f64, f64)) -> Unit {
    let (lat, lon) = (lat.to_radians(), lon.to_radians());
    [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()]
}

/// The chord between two points of the unit sphere.
pub fn chord(a: &Unit, b: &Unit) -> f64 {
    let (x, y, z) = (a[0] - b[0], a[1] - b[1], a[2] - b[2]);
    (x * x + y * y + z * z).sqrt()
}

/// The great-circle distance in kilometres of a chord.
pub fn chord_km(chord: f64) -> f64 {
    EARTH_KM * 2.0 * (chord / 2.0).min(1.0).asin()
}

/// The chord of a great-circle distance in kilometres.
fn km_chord(km: f64) -> f64 {
    2.0 * (km / EARTH_KM / 2.0).min(std::f64::consts::FRAC_PI_2).sin()
}

/// A radius and the box around it, in degrees: a cheap first test before
/// the great-circle distance.
#[derive(Clone, Copy, Debug)]
pub struct Area {
    pub centre: (f64, f64),
    pub radius_km: f64,
    pub dlat: f64,
    pub dlon: f64,
    /// The centre on the unit sphere, and the radius as a chord.
    pub unit: Unit,
    max_chord: f64,
}

impl Area {
    pub fn around(centre: (f64, f64), radius_km: f64) -> Area {
        // A degree of latitude is ~111.2 km; of longitude, that times the
        // cosine of the latitude (widest at the edge nearer the pole).
        // Padded by a tenth.
        let dlat = radius_km / 111.2 * 1.1;
        let edge = (centre.0.abs() + dlat).min(89.0);
        let dlon = (radius_km / (111.2 * edge.to_radians().cos()) * 1.1).min(360.0);
        Area {
            centre,
            radius_km,
            dlat,
            dlon,
            unit: unit(centre),
            max_chord: km_chord(radius_km),
        }
    }

    /// The chord to `at` when it lies within the radius.
    pub fn chord(&self, at: &Unit) -> Option<f64> {
        Some(chord(&self.unit, at)).filter(|c| *c <= self.max_chord)
    }
}

/// The offers with a place in the area's box, scored 0 (the ranking stays
/// as it was); the collector checks the exact distance.
#[derive(Clone)]
pub struct WithinQuery {
    pub area: Area,
    pub tables: Arc<Mutex<Tables>>,
}

impl std::fmt::Debug for WithinQuery {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WithinQuery")
            .field("area", &self.area)
            .finish()
    }
}

impl Query for WithinQuery {
    fn weight(&self, _scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(self.clone()))
    }
}

impl Weight for WithinQuery {
    fn scorer(&self, reader: &SegmentReader, _boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let table = self.tables.lock().expect("segment tables").of(reader)?;
        let docs = table.places.within(&self.area, reader.max_doc());
        Ok(Box::new(ConstScorer::new(BitSetDocSet::from(docs), 0.0)))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let table = self.tables.lock().expect("segment tables").of(reader)?;
        let inside = table
            .places
            .of(doc)
            .iter()
            .any(|at| self.area.chord(at).is_some());
        Ok(Explanation::new(
            if inside {
                "within the radius"
            } else {
                "outside the radius"
            },
            0.0,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chords_keep_distances() {
        let erlangen = (49.5897, 11.0120);
        for other in [(49.5797, 10.6114), (48.1374, 11.5755), (49.5898, 11.0121)] {
            let km = distance_km(erlangen, other);
            let via_chord = chord_km(chord(&unit(erlangen), &unit(other)));
            assert!((km - via_chord).abs() < 1e-6, "{km} {via_chord}");
            let area = Area::around(erlangen, km + 0.01);
            assert!(area.chord(&unit(other)).is_some());
            let area = Area::around(erlangen, km - 0.01);
            assert!(area.chord(&unit(other)).is_none());
        }
    }
}
