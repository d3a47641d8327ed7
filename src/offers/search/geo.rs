//! Distances and the radius filter: a box around the radius, answered
//! from the segment tables' places sorted by latitude, so a radius search
//! visits only the places near it.

use std::sync::{Arc, Mutex};

use tantivy::{
    DocId, Score, SegmentReader,
    query::{BitSetDocSet, ConstScorer, EnableScoring, Explanation, Query, Scorer, Weight},
};

use super::segment_table::Tables;

/// Great-circle distance in kilometres.
pub fn distance_km((lat1, lon1): (f64, f64), (lat2, lon2): (f64, f64)) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    6371.0 * 2.0 * a.sqrt().asin()
}

/// A radius and the box around it, in degrees: a cheap first test before
/// the great-circle distance.
#[derive(Clone, Copy, Debug)]
pub struct Area {
    pub centre: (f64, f64),
    pub radius_km: f64,
    pub dlat: f64,
    pub dlon: f64,
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
        }
    }

    /// The distance to `at` when it lies within the radius.
    pub fn distance(&self, at: (f64, f64)) -> Option<f64> {
        if (at.0 - self.centre.0).abs() > self.dlat || (at.1 - self.centre.1).abs() > self.dlon {
            return None;
        }
        Some(distance_km(self.centre, at)).filter(|d| *d <= self.radius_km)
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
            .any(|at| self.area.distance(*at).is_some());
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
