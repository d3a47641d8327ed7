//! Running a search: every matching offer with its score, then the filters
//! the index cannot answer itself (distance, open now), the facet counts
//! over all of what is left, the order and one page of stored offers.

use std::collections::{BTreeMap, HashMap};

use chrono::Utc;
use chrono_tz::Europe::Berlin;
use serde::Serialize;
use tantivy::{
    DocAddress, DocId, Score, Searcher, SegmentOrdinal, SegmentReader, TantivyDocument,
    collector::{Collector, SegmentCollector},
    columnar::{Column, StrColumn},
    query::Query,
    schema::Value,
};
use utoipa::ToSchema;

use super::{Search, Sort, index::Stored, params::Params};
use crate::offers::api::OpenOffer;

/// Counts per value of each facet, over all results (not only the page).
#[derive(Debug, Default, Serialize, ToSchema)]
pub struct Facets {
    pub field: BTreeMap<String, u64>,
    #[serde(rename = "type")]
    pub offer_type: BTreeMap<String, u64>,
    pub target_group: BTreeMap<String, u64>,
    pub language: BTreeMap<String, u64>,
    pub municipality: BTreeMap<String, u64>,
}

pub struct Outcome {
    pub total: usize,
    pub facets: Facets,
    pub offers: Vec<OpenOffer>,
}

struct All;
struct SegmentAll {
    ord: SegmentOrdinal,
    hits: Vec<(SegmentOrdinal, DocId, Score)>,
}

impl Collector for All {
    type Fruit = Vec<(SegmentOrdinal, DocId, Score)>;
    type Child = SegmentAll;

    fn for_segment(&self, ord: SegmentOrdinal, _: &SegmentReader) -> tantivy::Result<SegmentAll> {
        Ok(SegmentAll {
            ord,
            hits: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<Self::Fruit>) -> tantivy::Result<Self::Fruit> {
        Ok(fruits.into_iter().flatten().collect())
    }
}

impl SegmentCollector for SegmentAll {
    type Fruit = Vec<(SegmentOrdinal, DocId, Score)>;

    fn collect(&mut self, doc: DocId, score: Score) {
        self.hits.push((self.ord, doc, score));
    }

    fn harvest(self) -> Self::Fruit {
        self.hits
    }
}

/// The fast columns of one segment.
struct Columns {
    id: Column<u64>,
    lat: Column<f64>,
    lon: Column<f64>,
    hours: Option<StrColumn>,
    facets: [Option<StrColumn>; 5],
}

const FACETS: [&str; 5] = [
    "field",
    "offer_type",
    "target_group",
    "language",
    "municipality",
];

impl Columns {
    fn of(reader: &SegmentReader) -> tantivy::Result<Columns> {
        let ff = reader.fast_fields();
        Ok(Columns {
            id: ff.u64("id")?,
            lat: ff.f64("lat")?,
            lon: ff.f64("lon")?,
            hours: ff.str("hours")?,
            facets: [
                ff.str(FACETS[0])?,
                ff.str(FACETS[1])?,
                ff.str(FACETS[2])?,
                ff.str(FACETS[3])?,
                ff.str(FACETS[4])?,
            ],
        })
    }
}

/// Great-circle distance in kilometres.
pub fn distance_km((lat1, lon1): (f64, f64), (lat2, lon2): (f64, f64)) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    6371.0 * 2.0 * a.sqrt().asin()
}

struct Hit {
    segment: SegmentOrdinal,
    doc: DocId,
    score: Score,
    id: u64,
    distance: Option<f64>,
}

pub fn run(
    search: &Search,
    searcher: &Searcher,
    query: &dyn Query,
    p: &Params,
) -> anyhow::Result<Outcome> {
    let raw = searcher.search(query, &All)?;
    let columns: Vec<Columns> = searcher
        .segment_readers()
        .iter()
        .map(Columns::of)
        .collect::<tantivy::Result<_>>()?;
    let now = Utc::now().with_timezone(&Berlin).naive_local();
    let mut hours_text = String::new();
    let mut open_by_ord: Vec<HashMap<u64, bool>> = columns.iter().map(|_| HashMap::new()).collect();
    let mut hits: Vec<Hit> = Vec::with_capacity(raw.len());
    for (segment, doc, score) in raw {
        let c = &columns[segment as usize];
        let position = c.lat.first(doc).zip(c.lon.first(doc));
        let distance = match (p.near, position) {
            (Some(near), Some(at)) => Some(distance_km(near, at)),
            _ => None,
        };
        if let Some(radius) = p.radius_km
            && p.near.is_some()
            && !distance.is_some_and(|d| d <= radius)
        {
            continue;
        }
        if p.open_now {
            let Some(column) = &c.hours else { continue };
            let Some(ord) = column.term_ords(doc).next() else {
                continue;
            };
            // Offers share few distinct opening hours: decide each once.
            let open = *open_by_ord[segment as usize].entry(ord).or_insert_with(|| {
                hours_text.clear();
                column.ord_to_str(ord, &mut hours_text).unwrap_or(false)
                    && search
                        .opening_hours(&hours_text)
                        .is_some_and(|oh| oh.is_open(now))
            });
            if !open {
                continue;
            }
        }
        hits.push(Hit {
            segment,
            doc,
            score,
            id: c.id.first(doc).unwrap_or(0),
            distance,
        });
    }
    let facets = count_facets(&columns, &hits)?;
    let total = hits.len();
    let end = (p.page * p.per_page).min(total);
    let start = ((p.page - 1) * p.per_page).min(end);
    let order = |a: &Hit, b: &Hit| {
        // Relevance in steps of a tenth, so near-equal matches go by
        // distance; then the offer id for a stable order.
        let (sa, sb) = ((a.score * 10.0).round(), (b.score * 10.0).round());
        let by_score = sb.total_cmp(&sa);
        let by_distance = match p.sort() {
            Sort::Distance => a
                .distance
                .unwrap_or(f64::MAX)
                .total_cmp(&b.distance.unwrap_or(f64::MAX)),
            Sort::Relevance => std::cmp::Ordering::Equal,
        };
        by_score.then(by_distance).then(a.id.cmp(&b.id))
    };
    if end > 0 && end < total {
        hits.select_nth_unstable_by(end - 1, order);
        hits.truncate(end);
    }
    hits.sort_unstable_by(order);
    let mut offers = Vec::with_capacity(end - start);
    for h in &hits[start..end] {
        let doc: TantivyDocument = searcher.doc(DocAddress::new(h.segment, h.doc))?;
        let json = doc
            .get_first(search.fields.doc)
            .and_then(|v| v.as_str())
            .unwrap_or("{}");
        let stored: Stored = serde_json::from_str(json)?;
        let mut offer = stored.offer;
        if let Some(lang) = &p.lang
            && let Some(t) = stored.translations.iter().find(|t| t.lang == *lang)
        {
            offer.title.clone_from(&t.title);
            offer.summary.clone_from(&t.summary);
            offer.description.clone_from(&t.description);
            offer.content_lang = Some(t.lang.clone());
        } else {
            offer.content_lang = Some("de".into());
        }
        offer.distance_km = h.distance.map(|d| (d * 10.0).round() / 10.0);
        offers.push(offer);
    }
    Ok(Outcome {
        total,
        facets,
        offers,
    })
}

fn count_facets(columns: &[Columns], hits: &[Hit]) -> anyhow::Result<Facets> {
    // Count term ordinals per segment, then name them once.
    // Dense counters: a facet has few distinct values per segment.
    let mut counts: Vec<[Vec<u64>; 5]> = columns
        .iter()
        .map(|c| {
            std::array::from_fn(|i| {
                c.facets[i]
                    .as_ref()
                    .map(|col| vec![0; col.num_terms()])
                    .unwrap_or_default()
            })
        })
        .collect();
    for h in hits {
        let c = &columns[h.segment as usize];
        for (i, column) in c.facets.iter().enumerate() {
            if let Some(column) = column {
                let slots = &mut counts[h.segment as usize][i];
                for ord in column.term_ords(h.doc) {
                    if let Some(n) = slots.get_mut(ord as usize) {
                        *n += 1;
                    }
                }
            }
        }
    }
    let mut facets = Facets::default();
    let mut name = String::new();
    for (segment, per_facet) in counts.iter().enumerate() {
        for (i, ords) in per_facet.iter().enumerate() {
            let Some(column) = &columns[segment].facets[i] else {
                continue;
            };
            let target = match i {
                0 => &mut facets.field,
                1 => &mut facets.offer_type,
                2 => &mut facets.target_group,
                3 => &mut facets.language,
                _ => &mut facets.municipality,
            };
            for (ord, n) in ords.iter().enumerate().filter(|(_, n)| **n > 0) {
                name.clear();
                if column.ord_to_str(ord as u64, &mut name)? {
                    *target.entry(name.clone()).or_default() += n;
                }
            }
        }
    }
    Ok(facets)
}
