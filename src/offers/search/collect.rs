//! Running a search in one pass over the matches: a tantivy collector that
//! drops what the index cannot filter itself (outside the radius, closed
//! now), counts the rest and its facet values, and keeps only the best
//! `page × per_page` hits in a bounded heap. Nothing is materialised per
//! match: facet values, ids and places come from a per-segment table of
//! plain arrays ([`SegmentTable`], built the first time a segment is
//! searched), and a hit
//! that cannot make the page is not read further. Then one page of stored
//! offers is loaded.

use std::{
    cmp::Ordering,
    collections::{BTreeMap, BinaryHeap},
    sync::{Arc, Mutex},
};

use chrono::{NaiveDateTime, Utc};
use chrono_tz::Europe::Berlin;

use serde::Serialize;
use tantivy::{
    DocAddress, DocId, Score, Searcher, SegmentOrdinal, SegmentReader, TantivyDocument,
    collector::{Collector, SegmentCollector},
    query::{Bm25StatisticsProvider, Query},
    schema::Value,
};
use utoipa::ToSchema;

use super::{
    Search, Sort,
    answer::FoundOffer,
    counted,
    geo::{self, Inside, Unit, Within},
    open_now::{OpenFilter, OpenNow},
    params::Params,
    segment_table::{FacetCounts, MUNICIPALITY, SegmentTable, Tables},
};

/// Counts per value of each facet, over all results (not only the page).
/// `municipality` holds the [`MAX_MUNICIPALITIES`] municipalities with
/// the most results (a broad search touches thousands).
#[derive(Clone, Debug, Default, Serialize, ToSchema)]
pub struct Facets {
    pub field: BTreeMap<String, u64>,
    #[serde(rename = "type")]
    pub offer_type: BTreeMap<String, u64>,
    pub target_group: BTreeMap<String, u64>,
    pub language: BTreeMap<String, u64>,
    pub municipality: BTreeMap<String, u64>,
}

/// How many municipalities the facet lists at most.
pub const MAX_MUNICIPALITIES: usize = 100;

pub struct Outcome {
    pub total: usize,
    pub facets: Facets,
    pub offers: Vec<FoundOffer>,
    /// Set when not every word had to match.
    pub relaxed: Option<Relaxed>,
    /// A corrected query, for a search that found nothing.
    pub suggestion: Option<String>,
}

/// A relaxed search: offers matching at least `at_least` of the `of`
/// significant words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct Relaxed {
    pub at_least: usize,
    pub of: usize,
}

pub(super) const FACETS: [&str; 5] = [
    "field",
    "offer_type",
    "target_group",
    "language",
    "municipality",
];

/// One kept hit. Relevance counts in steps of a tenth, so near-equal
/// matches go by distance (when sorting by it); then the offer id, for a
/// stable order.
#[derive(Clone, Copy)]
struct Hit {
    segment: SegmentOrdinal,
    doc: DocId,
    /// The score in tenths.
    rank: i64,
    id: u64,
    /// To the nearest place, as a chord ([`geo::chord`]): it orders as
    /// the distance does.
    distance: Option<f64>,
    by_distance: bool,
}

impl Hit {
    /// `Less` means `self` comes first in the results.
    fn order(&self, other: &Hit) -> Ordering {
        let by_score = other.rank.cmp(&self.rank);
        let by_distance = if self.by_distance {
            self.distance
                .unwrap_or(f64::MAX)
                .total_cmp(&other.distance.unwrap_or(f64::MAX))
        } else {
            Ordering::Equal
        };
        by_score.then(by_distance).then(self.id.cmp(&other.id))
    }
}

impl PartialEq for Hit {
    fn eq(&self, other: &Self) -> bool {
        self.order(other) == Ordering::Equal
    }
}
impl Eq for Hit {}
impl PartialOrd for Hit {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
/// The heap's greatest element is the hit that comes last: the one to drop.
impl Ord for Hit {
    fn cmp(&self, other: &Self) -> Ordering {
        self.order(other)
    }
}

/// Keeps the best `limit` hits.
struct Best {
    limit: usize,
    heap: BinaryHeap<Hit>,
}

impl Best {
    fn new(limit: usize) -> Best {
        Best {
            limit,
            heap: BinaryHeap::with_capacity(limit.min(1024)),
        }
    }

    /// False when a hit of this rank cannot make it (the page is full of
    /// better ones), so the rest of it need not be read.
    fn might_take(&self, rank: i64) -> bool {
        self.heap.len() < self.limit || self.heap.peek().is_some_and(|worst| rank >= worst.rank)
    }

    fn offer(&mut self, hit: Hit) {
        if self.heap.len() < self.limit {
            self.heap.push(hit);
        } else if let Some(mut worst) = self.heap.peek_mut()
            && hit.order(&worst) == Ordering::Less
        {
            *worst = hit;
        }
    }
}

/// What one segment (and, merged, the whole index) yields: one [`Level`]
/// per number of words matched in a counted search ([`counted`]), or only
/// level 0 otherwise.
pub struct Fruit {
    levels: Vec<Level>,
}

/// The matches of one level.
#[derive(Default)]
pub struct Level {
    total: usize,
    /// Counts by value number (see [`super::segment_table::FacetNames`]).
    facets: [Vec<u32>; 5],
    best: Vec<Hit>,
}

impl Level {
    /// Adds `other`'s matches, keeping the best `limit` hits.
    fn add(&mut self, other: Level, limit: usize) {
        if self.total == 0 {
            // Nothing to add to (a level without matches counts nothing
            // and keeps no hits): take the other whole rather than add
            // thousands of municipality counts to zeros.
            *self = other;
            self.best.truncate(limit);
            return;
        }
        self.total += other.total;
        for (into, from) in self.facets.iter_mut().zip(other.facets) {
            if into.len() < from.len() {
                into.resize(from.len(), 0);
            }
            for (sum, n) in into.iter_mut().zip(from) {
                *sum += n;
            }
        }
        let mut best = Best::new(limit);
        for hit in std::mem::take(&mut self.best).into_iter().chain(other.best) {
            best.offer(hit);
        }
        self.best = best.heap.into_sorted_vec();
    }
}

/// A segment's tally of one level.
struct Tally {
    total: usize,
    counts: FacetCounts,
    best: Best,
}

/// The collector of one search.
struct Page {
    limit: usize,
    near: Option<(f64, f64)>,
    /// The offers within the radius, when one is asked for.
    within: Option<Arc<Within>>,
    by_distance: bool,
    /// Open-now filter: the time, and the shared per-minute decisions.
    open_now: Option<(NaiveDateTime, Arc<Mutex<OpenNow>>)>,
    tables: Arc<Mutex<Tables>>,
    /// Scores are counted ([`counted`]) over this many significant words:
    /// tally each number of words matched apart.
    counted: Option<usize>,
}

struct SegmentPage {
    segment: SegmentOrdinal,
    near: Option<Unit>,
    /// The segment's offers within the radius, and how far the matches
    /// have come through them.
    inside: Option<Inside>,
    at: usize,
    by_distance: bool,
    open: Option<OpenFilter>,
    table: Arc<SegmentTable>,
    /// How many values each facet has.
    sizes: [usize; 5],
    limit: usize,
    counted: Option<usize>,
    /// The most words short of all that a match of this segment has had:
    /// matches of fewer words can no longer be shown ([`run_relaxed`]
    /// shows the offers matching the most words short of all, and those
    /// matching more), so they are not tallied.
    floor: usize,
    /// By level: words matched in a counted search, else only 0.
    tallies: Vec<Tally>,
}

impl Collector for Page {
    type Fruit = Fruit;
    type Child = SegmentPage;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentPage> {
        let (table, sizes) = {
            let mut tables = self.tables.lock().expect("segment tables");
            (tables.of(reader)?, tables.names.counts())
        };
        let inside = match &self.within {
            Some(within) => Some(within.of(reader)?),
            None => None,
        };
        let open = match &self.open_now {
            Some((now, cache)) => Some(OpenFilter::new(reader, *now, cache.clone())?),
            None => None,
        };
        Ok(SegmentPage {
            segment,
            near: self.near.map(geo::unit),
            inside,
            at: 0,
            by_distance: self.by_distance,
            open,
            table,
            sizes,
            limit: self.limit,
            counted: self.counted,
            floor: 0,
            tallies: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<Fruit>) -> tantivy::Result<Fruit> {
        let mut levels: Vec<Level> = Vec::new();
        for fruit in fruits {
            for (at, level) in fruit.levels.into_iter().enumerate() {
                if levels.len() <= at {
                    levels.resize_with(at + 1, Level::default);
                }
                levels[at].add(level, self.limit);
            }
        }
        Ok(Fruit { levels })
    }
}

impl SegmentPage {
    /// The chord ([`geo::chord`]) from `near` to the offer's nearest
    /// place inside the radius (of all its places without one); `Err`
    /// when a radius is asked for and no place lies in it.
    fn nearest(&mut self, doc: DocId, near: &Unit) -> Result<Option<f64>, ()> {
        let Some(inside) = &self.inside else {
            let places = self.table.places.of(doc).iter();
            return Ok(places.map(|at| geo::chord(near, at)).reduce(f64::min));
        };
        // The matches come in the order of documents, as the list does.
        while inside.get(self.at).is_some_and(|entry| entry.0 < doc) {
            self.at += 1;
        }
        match inside.get(self.at) {
            Some(&(inside, chord)) if inside == doc => Ok(Some(chord)),
            _ => Err(()),
        }
    }
}

impl SegmentCollector for SegmentPage {
    type Fruit = Fruit;

    fn collect(&mut self, doc: DocId, score: Score) {
        let level = self.counted.map_or(0, |_| counted::words(score));
        let below_all = self.counted.is_some_and(|of| level < of);
        if below_all && level < self.floor {
            return;
        }
        let mut distance = None;
        if let Some(near) = self.near {
            match self.nearest(doc, &near) {
                Ok(d) => distance = d,
                Err(()) => return,
            }
        }
        if let Some(open) = &self.open
            && !open.is_open(doc)
        {
            return;
        }
        if below_all {
            self.floor = level;
        }
        if self.tallies.len() <= level {
            let (sizes, limit) = (self.sizes, self.limit);
            self.tallies.resize_with(level + 1, || Tally {
                total: 0,
                counts: FacetCounts::new(sizes),
                best: Best::new(limit),
            });
        }
        let tally = &mut self.tallies[level];
        tally.total += 1;
        self.table.facets.count(doc, &mut tally.counts);
        // Scores are never negative: adding a half and cutting rounds
        // (`f32::round` is a library call per match).
        let rank = (score * 10.0 + 0.5) as i64;
        if tally.best.might_take(rank) {
            tally.best.offer(Hit {
                segment: self.segment,
                doc,
                rank,
                id: self.table.places.id(doc),
                distance,
                by_distance: self.by_distance,
            });
        }
    }

    fn harvest(self) -> Fruit {
        let levels = self
            .tallies
            .into_iter()
            .map(|t| Level {
                total: t.total,
                facets: self.table.facets.totals(t.counts),
                best: t.best.heap.into_sorted_vec(),
            })
            .collect();
        Fruit { levels }
    }
}

/// The index searched, and the statistics its words are weighed by.
pub type Index<'a> = (&'a Searcher, &'a dyn Bm25StatisticsProvider);

/// Runs the query and makes a page of the matches.
pub fn run(
    search: &Search,
    (searcher, stats): Index<'_>,
    query: &dyn Query,
    p: &Params,
    within: Option<&Arc<Within>>,
) -> anyhow::Result<Outcome> {
    let level = collect(search, (searcher, stats), query, p, within, None)?
        .levels
        .into_iter()
        .next()
        .unwrap_or_default();
    finish(search, searcher, level, p)
}

/// Runs a counted query ([`counted`]) over `of` significant words and
/// makes a page of the offers matching the most words short of all of
/// them (and those matching more), or `None` when no offer matches some
/// but not all.
pub fn run_relaxed(
    search: &Search,
    (searcher, stats): Index<'_>,
    query: &dyn Query,
    p: &Params,
    within: Option<&Arc<Within>>,
    of: usize,
) -> anyhow::Result<Option<(Outcome, usize)>> {
    let mut levels = collect(search, (searcher, stats), query, p, within, Some(of))?.levels;
    let Some(at_least) = (1..of.min(levels.len()))
        .rev()
        .find(|l| levels[*l].total > 0)
    else {
        return Ok(None);
    };
    let limit = p.page * p.per_page;
    let mut level = Level::default();
    for more in levels.drain(at_least..) {
        level.add(more, limit);
    }
    Ok(Some((finish(search, searcher, level, p)?, at_least)))
}

fn collect(
    search: &Search,
    (searcher, stats): Index<'_>,
    query: &dyn Query,
    p: &Params,
    within: Option<&Arc<Within>>,
    counted: Option<usize>,
) -> anyhow::Result<Fruit> {
    let now = Utc::now().with_timezone(&Berlin).naive_local();
    let collector = Page {
        limit: p.page * p.per_page,
        near: p.near,
        within: within.cloned(),
        by_distance: p.sort() == Sort::Distance,
        open_now: p.open_now.then(|| (now, search.open_now.clone())),
        tables: search.tables.clone(),
        counted,
    };
    search
        .tables
        .lock()
        .expect("segment tables")
        .keep_only(searcher);
    Ok(searcher.search_with_statistics_provider(query, &collector, stats)?)
}

/// One page of a level's matches, with its facets named and its offers
/// read.
fn finish(
    search: &Search,
    searcher: &Searcher,
    fruit: Level,
    p: &Params,
) -> anyhow::Result<Outcome> {
    let start = (p.page - 1) * p.per_page;
    let mut named: [BTreeMap<String, u64>; 5] = Default::default();
    {
        let tables = search.tables.lock().expect("segment tables");
        let names = &tables.names;
        for (i, counts) in fruit.facets.iter().enumerate() {
            let name = |number: usize| names.names[i].get(number).cloned().unwrap_or_default();
            let counted: Vec<(usize, u32)> = if i == MUNICIPALITY {
                most_counted(counts, &names.ranks[i], MAX_MUNICIPALITIES)
            } else {
                counts
                    .iter()
                    .enumerate()
                    .filter(|(_, n)| **n > 0)
                    .map(|(number, n)| (number, *n))
                    .collect()
            };
            named[i] = counted
                .into_iter()
                .map(|(k, n)| (name(k), u64::from(n)))
                .collect();
        }
    }
    let [field, offer_type, target_group, language, municipality] = named;
    let facets = Facets {
        field,
        offer_type,
        target_group,
        language,
        municipality,
    };
    let mut offers = Vec::with_capacity(p.per_page);
    for h in fruit.best.iter().skip(start) {
        let doc: TantivyDocument = searcher.doc(DocAddress::new(h.segment, h.doc))?;
        let json = doc
            .get_first(search.fields.doc)
            .and_then(|v| v.as_str())
            .unwrap_or("{}");
        let distance_km = h
            .distance
            .map(|chord| (geo::chord_km(chord) * 10.0).round() / 10.0);
        let offer = FoundOffer::from_stored(json, p.lang.as_deref(), p.near, distance_km)?;
        offers.push(offer);
    }
    Ok(Outcome {
        total: fruit.total,
        facets,
        offers,
        relaxed: None,
        suggestion: None,
    })
}

/// The facet's `most` values with the most results, equal counts by
/// name (`ranks`: each value's place in the order of names). A broad
/// search counts thousands of municipalities; a bounded heap keeps the
/// best while they are read once, and most never enter it.
fn most_counted(counts: &[u32], ranks: &[u32], most: usize) -> Vec<(usize, u32)> {
    // The heap's top is the worst value kept: the fewest results, then
    // the last name.
    let mut best: BinaryHeap<(std::cmp::Reverse<u32>, u32, usize)> =
        BinaryHeap::with_capacity(most + 1);
    // Most municipalities have no results: whole runs of zeros are
    // passed over at once (a check the compiler does in wide registers).
    const RUN: usize = 32;
    let matched = counts
        .chunks(RUN)
        .enumerate()
        .filter(|(_, run)| run.iter().any(|&n| n != 0))
        .flat_map(|(at, run)| (at * RUN..).zip(run));
    for (number, &n) in matched {
        if n == 0 {
            continue;
        }
        let candidate = (
            std::cmp::Reverse(n),
            ranks.get(number).copied().unwrap_or(u32::MAX),
            number,
        );
        if best.len() < most {
            best.push(candidate);
        } else if let Some(mut worst) = best.peek_mut()
            && candidate < *worst
        {
            *worst = candidate;
        }
    }
    best.into_iter()
        .map(|(n, _, number)| (number, n.0))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::most_counted;

    #[test]
    fn the_most_counted_values_break_ties_by_name() {
        // Values 0..6 with their counts; ranks give the order of names.
        let counts = [3, 0, 5, 3, 1, 3];
        let ranks = [4, 5, 0, 1, 2, 3];
        let mut top = most_counted(&counts, &ranks, 3);
        top.sort_unstable();
        // 5 results for value 2, then two of the three values with 3: by
        // name, value 3 (rank 1) and value 5 (rank 3) before value 0.
        assert_eq!(top, [(2, 5), (3, 3), (5, 3)]);
        let mut all = most_counted(&counts, &ranks, 10);
        all.sort_unstable();
        assert_eq!(all, [(0, 3), (2, 5), (3, 3), (4, 1), (5, 3)]);
    }
}
