//! What a search reads of every matching offer, kept per segment as plain
//! arrays: facet values as numbers, the offer id, and where its places
//! are. Segments never change, so each table is built the first time a
//! segment is searched. Decoding tantivy's fast columns per match instead
//! (bit-packed, optional and multi-valued columns) cost more than the rest
//! of a broad search, and a radius search scanned the latitude of every
//! offer.

use std::{collections::HashMap, sync::Arc};

use tantivy::{
    DocId, Searcher, SegmentReader,
    columnar::{Column, StrColumn},
    index::SegmentId,
};

use super::{
    collect::FACETS,
    geo::{self, Area, Unit},
    schema,
};

/// The tables of the segments searched lately, and the facet values'
/// names.
#[derive(Default)]
pub struct Tables {
    pub(super) names: FacetNames,
    segments: HashMap<SegmentId, Arc<SegmentTable>>,
}

/// One segment's table.
pub struct SegmentTable {
    pub facets: DocFacets,
    pub places: DocPlaces,
}

impl Tables {
    /// The segment's table, built if this is the first search of it.
    pub fn of(&mut self, reader: &SegmentReader) -> tantivy::Result<Arc<SegmentTable>> {
        let segment = reader.segment_id();
        if let Some(table) = self.segments.get(&segment) {
            return Ok(table.clone());
        }
        let ff = reader.fast_fields();
        let mut columns: [Option<StrColumn>; 5] = Default::default();
        for (column, name) in columns.iter_mut().zip(FACETS) {
            *column = ff.str(name)?;
        }
        let table = Arc::new(SegmentTable {
            facets: self.names.table(reader.max_doc(), &columns)?,
            places: DocPlaces::read(reader.max_doc(), &ff.u64("id")?, &ff.u64("point")?),
        });
        self.segments.insert(segment, table.clone());
        Ok(table)
    }

    /// Forgets the tables of segments the searcher no longer has (merged
    /// away).
    pub fn keep_only(&mut self, searcher: &Searcher) {
        if self.segments.len() > searcher.segment_readers().len() {
            let live: Vec<SegmentId> = searcher
                .segment_readers()
                .iter()
                .map(|r| r.segment_id())
                .collect();
            self.segments.retain(|id, _| live.contains(id));
        }
    }
}

/// Facet values numbered across segments, so a search counts by number
/// and names only what it shows: looking a value up by its ordinal costs
/// microseconds, and a broad search counts thousands of municipalities.
#[derive(Default)]
pub struct FacetNames {
    pub(super) names: [Vec<String>; 5],
    ids: [HashMap<String, u32>; 5],
    /// Per value number, its place in the order of names: ties in the
    /// municipality cut are broken by an integer, not by comparing text.
    pub(super) ranks: [Vec<u32>; 5],
}

/// A segment's facet values per document, one 16-byte record each, so
/// that counting a match reads one place in memory (four documents to a
/// cache line). Values of field, type, target group and language (the 64
/// most frequent of them) are bits of `bits`; the first municipality is a
/// number; whatever else a document has (rarer values, more
/// municipalities) is listed in `more`. Counting the matches of a broad
/// search used to wait mostly for memory: each match read its values from
/// two arrays of megabytes.
pub struct DocFacets {
    /// One per document, and one more marking where `more` ends.
    records: Vec<Record>,
    /// The facet and value number of each bit of a record.
    slots: Vec<(usize, usize)>,
    /// Values without a bit of their own, packed ([`pack`]).
    more: Vec<u32>,
}

#[derive(Clone, Copy, Default)]
struct Record {
    bits: u64,
    /// The first municipality's number + 1 (0: none).
    municipality: u32,
    /// Where this document's entries in `more` start.
    more: u32,
}

/// The municipality facet: a number of its own per record, as it has
/// thousands of values.
pub(super) const MUNICIPALITY: usize = 4;

/// The facet of a packed value sits in the bits above this.
const FACET_SHIFT: u32 = 28;

fn pack(facet: usize, number: u32) -> u32 {
    (facet as u32) << FACET_SHIFT | number
}

/// A packed value's facet and value number.
fn unpack(value: u32) -> (usize, usize) {
    (
        (value >> FACET_SHIFT) as usize,
        (value & ((1 << FACET_SHIFT) - 1)) as usize,
    )
}

/// Counts of facet values over matches: per bit while counting, per value
/// number when done ([`DocFacets::totals`]).
pub struct FacetCounts {
    bits: [u32; 64],
    values: [Vec<u32>; 5],
}

impl FacetCounts {
    /// Empty counts for values numbered up to `sizes`.
    pub fn new(sizes: [usize; 5]) -> FacetCounts {
        FacetCounts {
            bits: [0; 64],
            values: sizes.map(|n| vec![0; n]),
        }
    }
}

impl DocFacets {
    /// Counts the values of `doc`.
    #[inline]
    pub fn count(&self, doc: DocId, counts: &mut FacetCounts) {
        let doc = doc as usize;
        let (Some(record), Some(next)) = (self.records.get(doc), self.records.get(doc + 1)) else {
            return;
        };
        let mut bits = record.bits;
        while bits != 0 {
            counts.bits[bits.trailing_zeros() as usize] += 1;
            bits &= bits - 1;
        }
        if let Some(n) = (record.municipality as usize)
            .checked_sub(1)
            .and_then(|m| counts.values[MUNICIPALITY].get_mut(m))
        {
            *n += 1;
        }
        for &value in &self.more[record.more as usize..next.more as usize] {
            let (facet, number) = unpack(value);
            if let Some(n) = counts.values[facet].get_mut(number) {
                *n += 1;
            }
        }
    }

    /// The counts per facet and value number.
    pub fn totals(&self, counts: FacetCounts) -> [Vec<u32>; 5] {
        let FacetCounts { bits, mut values } = counts;
        for (&(facet, number), n) in self.slots.iter().zip(bits) {
            if let Some(sum) = values[facet].get_mut(number) {
                *sum += n;
            }
        }
        values
    }
}

impl FacetNames {
    /// The numbers of a segment's values of one facet, by term ordinal.
    fn numbers(&mut self, facet: usize, column: &StrColumn) -> std::io::Result<Vec<u32>> {
        let mut numbers = Vec::with_capacity(column.num_terms());
        let mut stream = column.dictionary().stream()?;
        let (names, ids) = (&mut self.names[facet], &mut self.ids[facet]);
        while stream.advance() {
            let name = String::from_utf8_lossy(stream.key());
            let id = match ids.get(name.as_ref()) {
                Some(id) => *id,
                None => {
                    let id = names.len() as u32;
                    names.push(name.to_string());
                    ids.insert(name.to_string(), id);
                    id
                }
            };
            numbers.push(id);
        }
        if self.ranks[facet].len() != names.len() {
            let mut order: Vec<u32> = (0..names.len() as u32).collect();
            order.sort_unstable_by(|a, b| names[*a as usize].cmp(&names[*b as usize]));
            let ranks = &mut self.ranks[facet];
            ranks.resize(names.len(), 0);
            for (place, number) in order.into_iter().enumerate() {
                ranks[number as usize] = place as u32;
            }
        }
        Ok(numbers)
    }

    fn table(
        &mut self,
        docs: DocId,
        columns: &[Option<StrColumn>; 5],
    ) -> std::io::Result<DocFacets> {
        let mut numbered = Vec::new();
        for (facet, column) in columns.iter().enumerate() {
            if let Some(column) = column {
                numbered.push((facet, column, self.numbers(facet, column)?));
            }
        }
        let values_of = |doc: DocId| {
            numbered.iter().flat_map(move |(facet, column, numbers)| {
                column
                    .term_ords(doc)
                    .filter_map(|ord| numbers.get(ord as usize))
                    .map(move |number| (*facet, *number))
            })
        };
        // The most frequent values of the small facets get a bit each.
        let mut frequency: HashMap<(usize, u32), u32> = HashMap::new();
        for doc in 0..docs {
            for value in values_of(doc).filter(|(facet, _)| *facet != MUNICIPALITY) {
                *frequency.entry(value).or_default() += 1;
            }
        }
        let mut by_frequency: Vec<((usize, u32), u32)> = frequency.into_iter().collect();
        by_frequency.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        by_frequency.truncate(64);
        let bit_of: HashMap<(usize, u32), u32> = by_frequency
            .iter()
            .enumerate()
            .map(|(bit, (value, _))| (*value, bit as u32))
            .collect();
        let mut records = Vec::with_capacity(docs as usize + 1);
        let mut more = Vec::new();
        for doc in 0..docs {
            let mut record = Record {
                more: more.len() as u32,
                ..Record::default()
            };
            for (facet, number) in values_of(doc) {
                if let Some(bit) = bit_of.get(&(facet, number)) {
                    record.bits |= 1 << bit;
                } else if facet == MUNICIPALITY && record.municipality == 0 {
                    record.municipality = number + 1;
                } else {
                    more.push(pack(facet, number));
                }
            }
            records.push(record);
        }
        records.push(Record {
            more: more.len() as u32,
            ..Record::default()
        });
        let slots = by_frequency
            .into_iter()
            .map(|((facet, number), _)| (facet, number as usize))
            .collect();
        Ok(DocFacets {
            records,
            slots,
            more,
        })
    }

    /// How many values each facet has (over every segment seen so far).
    pub(super) fn counts(&self) -> [usize; 5] {
        std::array::from_fn(|i| self.names[i].len())
    }
}

/// A segment's offer ids and place positions per document.
pub struct DocPlaces {
    ids: Vec<u64>,
    offsets: Vec<u32>,
    /// Each place as a point of the unit sphere ([`geo::unit`]).
    units: Vec<Unit>,
    /// Every place as (longitude, point, document), by band of latitude
    /// ([`BAND_DEGREES`]) and in each band by longitude: the places in a
    /// box are a slice of each band it crosses.
    by_band: Vec<(f64, Unit, DocId)>,
    /// Where each band starts in `by_band`, and one more for the end.
    bands: Vec<u32>,
}

/// How many degrees of latitude a band of places spans (about 11 km).
const BAND_DEGREES: f64 = 0.1;

/// How many bands of latitude there are, from the south pole.
const BANDS: usize = (180.0 / BAND_DEGREES) as usize + 1;

/// The band of a latitude.
fn band(lat: f64) -> usize {
    (((lat + 90.0) / BAND_DEGREES) as usize).min(BANDS - 1)
}

impl DocPlaces {
    fn read(docs: DocId, ids: &Column<u64>, points: &Column<u64>) -> DocPlaces {
        DocPlaces::new(
            (0..docs).map(|doc| ids.first(doc).unwrap_or(0)).collect(),
            (0..docs)
                .map(|doc| points.values_for_doc(doc).map(schema::position).collect())
                .collect(),
        )
    }

    /// The table of documents with these ids and places (latitude,
    /// longitude).
    fn new(ids: Vec<u64>, places: Vec<Vec<(f64, f64)>>) -> DocPlaces {
        let mut offsets = Vec::with_capacity(places.len() + 1);
        offsets.push(0);
        let mut units = Vec::new();
        // Each place in the band of its latitude, by longitude.
        let mut by_band: Vec<(usize, f64, Unit, DocId)> = Vec::new();
        for (doc, of_doc) in places.into_iter().enumerate() {
            for (lat, lon) in of_doc {
                let at = geo::unit((lat, lon));
                units.push(at);
                by_band.push((band(lat), lon, at, doc as DocId));
            }
            offsets.push(units.len() as u32);
        }
        by_band.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
        let mut bands = vec![0u32; BANDS + 1];
        for (band, ..) in &by_band {
            bands[band + 1] += 1;
        }
        for at in 1..bands.len() {
            bands[at] += bands[at - 1];
        }
        DocPlaces {
            ids,
            offsets,
            units,
            by_band: by_band
                .into_iter()
                .map(|(_, lon, at, doc)| (lon, at, doc))
                .collect(),
            bands,
        }
    }

    /// The offer's id.
    pub fn id(&self, doc: DocId) -> u64 {
        self.ids.get(doc as usize).copied().unwrap_or(0)
    }

    /// The offer's places (those with coordinates).
    pub fn of(&self, doc: DocId) -> &[Unit] {
        slice(&self.offsets, &self.units, doc)
    }

    /// The documents with a place inside the area, in order, each with
    /// the chord to its nearest place there.
    pub fn within(&self, area: &Area) -> Vec<(DocId, f64)> {
        let (west, east) = (area.centre.1 - area.dlon, area.centre.1 + area.dlon);
        let mut inside = Vec::new();
        for band in band(area.centre.0 - area.dlat)..=band(area.centre.0 + area.dlat) {
            let places = &self.by_band[self.bands[band] as usize..self.bands[band + 1] as usize];
            let from = places.partition_point(|p| p.0 < west);
            for (lon, at, doc) in &places[from..] {
                if *lon > east {
                    break;
                }
                if let Some(chord) = area.chord(at) {
                    inside.push((*doc, chord));
                }
            }
        }
        // The nearest place of each document first, then the others
        // dropped.
        inside.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
        inside.dedup_by_key(|entry| entry.0);
        inside
    }
}

/// The entries of `doc` in a table of offsets and values.
fn slice<'a, T>(offsets: &[u32], values: &'a [T], doc: DocId) -> &'a [T] {
    match (offsets.get(doc as usize), offsets.get(doc as usize + 1)) {
        (Some(&start), Some(&end)) => &values[start as usize..end as usize],
        _ => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_places_within_a_radius_come_in_order_with_the_nearest_distance() {
        let erlangen = (49.5897, 11.0120);
        let places = DocPlaces::new(
            vec![10, 11, 12, 13],
            vec![
                // Fürth (about 13 km), and Erlangen itself: the nearer counts.
                vec![(49.4771, 10.9887), (49.5898, 11.0121)],
                // Munich: far outside.
                vec![(48.1374, 11.5755)],
                // Nuremberg (about 16 km), a band of latitude further south.
                vec![(49.4521, 11.0767)],
                // No place at all.
                vec![],
            ],
        );
        let inside = places.within(&Area::around(erlangen, 20.0));
        let docs: Vec<DocId> = inside.iter().map(|entry| entry.0).collect();
        assert_eq!(docs, [0, 2]);
        let km: Vec<f64> = inside.iter().map(|entry| geo::chord_km(entry.1)).collect();
        assert!(km[0] < 0.1, "the place in Erlangen is the nearest: {km:?}");
        assert!((km[1] - geo::distance_km(erlangen, (49.4521, 11.0767))).abs() < 1e-6);
        let near: Vec<DocId> = places
            .within(&Area::around(erlangen, 5.0))
            .iter()
            .map(|entry| entry.0)
            .collect();
        assert_eq!(near, [0]);
        assert_eq!(places.id(2), 12);
        assert_eq!(places.of(3), &[] as &[Unit]);
    }
}
