//! The facet values of the offer index, numbered once per segment: the
//! tables the search collector counts with (see `collect`).

use std::{collections::HashMap, sync::Arc};

use tantivy::{DocId, SegmentReader, columnar::StrColumn, index::SegmentId};

/// Facet values numbered across segments. A segment's term ordinals are
/// mapped to these numbers once (segments never change), so a search
/// counts by number and names only what it shows: looking a value up by
/// its ordinal costs microseconds, and a broad search counts thousands of
/// municipalities.
#[derive(Default)]
pub struct FacetNames {
    pub(super) names: [Vec<String>; 5],
    ids: [HashMap<String, u32>; 5],
    /// Per value number, its place in the order of names: ties in the
    /// municipality cut are broken by an integer, not by comparing text.
    pub(super) ranks: [Vec<u32>; 5],
    segments: HashMap<(SegmentId, usize), Arc<Vec<u32>>>,
    tables: HashMap<SegmentId, Arc<DocFacets>>,
}

/// A segment's facet values per document, as value numbers, read once
/// from its fast columns (segments never change): counting a match then
/// costs a few array reads instead of decoding five columns.
pub struct DocFacets {
    /// Per facet: where each document's values start in `values` (one
    /// entry more than documents).
    offsets: [Vec<u32>; 5],
    values: [Vec<u32>; 5],
}

impl DocFacets {
    pub(super) fn values(&self, facet: usize, doc: DocId) -> &[u32] {
        let offsets = &self.offsets[facet];
        match (offsets.get(doc as usize), offsets.get(doc as usize + 1)) {
            (Some(&start), Some(&end)) => &self.values[facet][start as usize..end as usize],
            _ => &[],
        }
    }
}

impl FacetNames {
    pub(super) fn of_segment(
        &mut self,
        segment: SegmentId,
        facet: usize,
        column: &StrColumn,
    ) -> std::io::Result<Arc<Vec<u32>>> {
        if let Some(map) = self.segments.get(&(segment, facet)) {
            return Ok(map.clone());
        }
        if self.segments.len() > 1_000 {
            // Mostly segments merged away since.
            self.segments.clear();
            self.tables.clear();
        }
        let mut map = Vec::with_capacity(column.num_terms());
        let mut stream = column.dictionary().stream()?;
        while stream.advance() {
            let name = String::from_utf8_lossy(stream.key());
            let (names, ids) = (&mut self.names[facet], &mut self.ids[facet]);
            let id = match ids.get(name.as_ref()) {
                Some(id) => *id,
                None => {
                    let id = names.len() as u32;
                    names.push(name.to_string());
                    ids.insert(name.to_string(), id);
                    id
                }
            };
            map.push(id);
        }
        if self.ranks[facet].len() != self.names[facet].len() {
            let names = &self.names[facet];
            let mut order: Vec<u32> = (0..names.len() as u32).collect();
            order.sort_unstable_by(|a, b| names[*a as usize].cmp(&names[*b as usize]));
            let ranks = &mut self.ranks[facet];
            ranks.resize(names.len(), 0);
            for (place, number) in order.into_iter().enumerate() {
                ranks[number as usize] = place as u32;
            }
        }
        let map = Arc::new(map);
        self.segments.insert((segment, facet), map.clone());
        Ok(map)
    }

    /// The segment's documents' facet values (see [`DocFacets`]).
    pub(super) fn table(
        &mut self,
        reader: &SegmentReader,
        columns: &[Option<StrColumn>; 5],
    ) -> std::io::Result<Arc<DocFacets>> {
        let segment = reader.segment_id();
        if let Some(table) = self.tables.get(&segment) {
            return Ok(table.clone());
        }
        let docs = reader.max_doc();
        let mut offsets: [Vec<u32>; 5] = Default::default();
        let mut values: [Vec<u32>; 5] = Default::default();
        for (facet, column) in columns.iter().enumerate() {
            let numbers = match column {
                Some(column) => Some(self.of_segment(segment, facet, column)?),
                None => None,
            };
            let (offsets, values) = (&mut offsets[facet], &mut values[facet]);
            offsets.reserve(docs as usize + 1);
            offsets.push(0);
            for doc in 0..docs {
                if let (Some(column), Some(numbers)) = (column, &numbers) {
                    values.extend(
                        column
                            .term_ords(doc)
                            .filter_map(|ord| numbers.get(ord as usize).copied()),
                    );
                }
                offsets.push(values.len() as u32);
            }
        }
        let table = Arc::new(DocFacets { offsets, values });
        self.tables.insert(segment, table.clone());
        Ok(table)
    }

    /// How many values each facet has (over every segment seen so far).
    pub(super) fn counts(&self) -> [usize; 5] {
        std::array::from_fn(|i| self.names[i].len())
    }
}
