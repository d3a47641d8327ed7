//! Distances and the radius filter: a box around the radius, answered
//! from the segment tables' places in bands of latitude sorted by
//! longitude, so a radius search visits only the places near it.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
};

use tantivy::{
    DocId, DocSet, Score, SegmentReader, TERMINATED,
    index::SegmentId,
    query::{EnableScoring, Explanation, Query, Scorer, Weight},
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

/// A radius around a centre, and the box around it in degrees: the
/// places to look at.
#[derive(Clone, Copy, Debug)]
pub struct Area {
    pub centre: (f64, f64),
    pub dlat: f64,
    pub dlon: f64,
    /// The centre on the unit sphere, and the radius as a chord.
    unit: Unit,
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

/// The offers with a place within a radius, per segment, each with the
/// chord to its nearest place there: found once per segment and search,
/// and shared by the filter ([`WithinQuery`]) and the collector, which
/// reads the distances from it in order instead of each match's places.
pub struct Within {
    pub area: Area,
    tables: Arc<Mutex<Tables>>,
    segments: Mutex<HashMap<SegmentId, Inside>>,
}

/// A segment's documents within the radius, in order, with their chords.
pub type Inside = Arc<[(DocId, f64)]>;

impl Within {
    pub fn new(area: Area, tables: Arc<Mutex<Tables>>) -> Within {
        Within {
            area,
            tables,
            segments: Mutex::default(),
        }
    }

    /// The segment's documents within the radius.
    pub fn of(&self, reader: &SegmentReader) -> tantivy::Result<Inside> {
        let segment = reader.segment_id();
        if let Some(inside) = self.segments.lock().expect("within").get(&segment) {
            return Ok(inside.clone());
        }
        let table = self.tables.lock().expect("segment tables").of(reader)?;
        let inside: Inside = table.places.within(&self.area).into();
        self.segments
            .lock()
            .expect("within")
            .insert(segment, inside.clone());
        Ok(inside)
    }
}

/// The offers with a place within the radius, scored 0 (the ranking
/// stays as it was).
#[derive(Clone)]
pub struct WithinQuery(pub Arc<Within>);

impl std::fmt::Debug for WithinQuery {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WithinQuery")
            .field("area", &self.0.area)
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
        Ok(Box::new(InsideDocs {
            inside: self.0.of(reader)?,
            at: 0,
        }))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let inside = self
            .0
            .of(reader)?
            .binary_search_by_key(&doc, |entry| entry.0)
            .is_ok();
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

/// A segment's documents within the radius as a scorer (scoring 0).
struct InsideDocs {
    inside: Inside,
    at: usize,
}

impl DocSet for InsideDocs {
    fn advance(&mut self) -> DocId {
        self.at += 1;
        self.doc()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        // Galloping: the target is mostly near.
        let rest = &self.inside[self.at.min(self.inside.len())..];
        let mut end = 1;
        while end < rest.len() && rest[end].0 < target {
            end *= 2;
        }
        let end = end.min(rest.len());
        self.at += rest[..end].partition_point(|entry| entry.0 < target);
        self.doc()
    }

    fn doc(&self) -> DocId {
        self.inside.get(self.at).map_or(TERMINATED, |entry| entry.0)
    }

    fn size_hint(&self) -> u32 {
        self.inside.len() as u32
    }
}

impl Scorer for InsideDocs {
    fn score(&mut self) -> Score {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_documents_within_seek_like_any_docset() {
        let inside: Inside = [2, 3, 5, 8, 13, 21, 34, 55, 89]
            .map(|doc| (doc, 0.0))
            .into();
        let mut docs = InsideDocs { inside, at: 0 };
        assert_eq!(docs.doc(), 2);
        assert_eq!(docs.seek(3), 3);
        assert_eq!(docs.seek(4), 5);
        assert_eq!(docs.advance(), 8);
        // Far ahead, past several gallops, and onto the last one.
        assert_eq!(docs.seek(50), 55);
        assert_eq!(docs.seek(89), 89);
        assert_eq!(docs.seek(90), TERMINATED);
        assert_eq!(docs.advance(), TERMINATED);
    }

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
