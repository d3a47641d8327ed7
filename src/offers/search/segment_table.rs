//! What a search reads of every matching offer, kept per segment as plain
//! arrays: facet values as numbers, the offer id, and where its places
//! are. Segments never change, so each table is built the first time a
//! segment is searched. Decoding tantivy's fast columns per match instead
//! (bit-packed, optional and multi-valued columns) cost more than the rest
//! of a broad search, and a radius search scanned the latitude of every
//! offer.

use std::{collections::HashMap, sync::Arc};

use tantivy::{
    BitSet, DocId, Searcher, SegmentReader,
    columnar::{Column, StrColumn},
    index::SegmentId,
};

use super::{collect::FACETS, geo::Area, schema};

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

/// A segment's facet values per document, each packed with its facet
/// ([`unpack`]), all of a document's values in one run: counting a match
/// reads one run of one array.
pub struct DocFacets {
    /// Where each document's values start in `values` (one entry more than
    /// documents).
    offsets: Vec<u32>,
    values: Vec<u32>,
}

/// The facet of a packed value sits in the bits above this.
const FACET_SHIFT: u32 = 28;

/// A packed value's facet and value number.
pub fn unpack(value: u32) -> (usize, usize) {
    (
        (value >> FACET_SHIFT) as usize,
        (value & ((1 << FACET_SHIFT) - 1)) as usize,
    )
}

impl DocFacets {
    pub(super) fn of(&self, doc: DocId) -> &[u32] {
        slice(&self.offsets, &self.values, doc)
    }
}

/// The entries of `doc` in a table of offsets and values.
fn slice<'a, T>(offsets: &[u32], values: &'a [T], doc: DocId) -> &'a [T] {
    match (offsets.get(doc as usize), offsets.get(doc as usize + 1)) {
        (Some(&start), Some(&end)) => &values[start as usize..end as usize],
        _ => &[],
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
                numbered.push((facet as u32, column, self.numbers(facet, column)?));
            }
        }
        let mut offsets = Vec::with_capacity(docs as usize + 1);
        let mut values = Vec::new();
        offsets.push(0);
        for doc in 0..docs {
            for (facet, column, numbers) in &numbered {
                values.extend(
                    column
                        .term_ords(doc)
                        .filter_map(|ord| numbers.get(ord as usize))
                        .map(|number| facet << FACET_SHIFT | number),
                );
            }
            offsets.push(values.len() as u32);
        }
        Ok(DocFacets { offsets, values })
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
    positions: Vec<(f64, f64)>,
    /// Every place as (latitude, longitude, document), by latitude: the
    /// places in a band of latitudes are one slice.
    by_latitude: Vec<(f64, f64, DocId)>,
}

impl DocPlaces {
    fn read(docs: DocId, ids: &Column<u64>, points: &Column<u64>) -> DocPlaces {
        let mut offsets = Vec::with_capacity(docs as usize + 1);
        let mut positions = Vec::new();
        offsets.push(0);
        for doc in 0..docs {
            positions.extend(points.values_for_doc(doc).map(schema::position));
            offsets.push(positions.len() as u32);
        }
        let mut by_latitude: Vec<(f64, f64, DocId)> = (0..docs)
            .flat_map(|doc| {
                slice(&offsets, &positions, doc)
                    .iter()
                    .map(move |&(lat, lon)| (lat, lon, doc))
            })
            .collect();
        by_latitude.sort_unstable_by(|a, b| a.0.total_cmp(&b.0));
        DocPlaces {
            ids: (0..docs).map(|doc| ids.first(doc).unwrap_or(0)).collect(),
            offsets,
            positions,
            by_latitude,
        }
    }

    /// The offer's id.
    pub fn id(&self, doc: DocId) -> u64 {
        self.ids.get(doc as usize).copied().unwrap_or(0)
    }

    /// The positions of the offer's places (those with coordinates).
    pub fn of(&self, doc: DocId) -> &[(f64, f64)] {
        slice(&self.offsets, &self.positions, doc)
    }

    /// The documents with a place inside the area's box.
    pub fn within(&self, area: &Area, max_doc: DocId) -> BitSet {
        let mut docs = BitSet::with_max_value(max_doc);
        let (south, north) = (area.centre.0 - area.dlat, area.centre.0 + area.dlat);
        let from = self.by_latitude.partition_point(|p| p.0 < south);
        for &(lat, lon, doc) in &self.by_latitude[from..] {
            if lat > north {
                break;
            }
            if (lon - area.centre.1).abs() <= area.dlon {
                docs.insert(doc);
            }
        }
        docs
    }
}
