//! Full-text search of published offers: an in-process tantivy index, which
//! is derived data. It lives in `<data_dir>/search/` (memory-mapped), so a
//! restart only applies the changes since the last commit instead of
//! reading every offer again; a process that cannot have that directory
//! (another process holds its lock) builds its index in memory instead.
//!
//! The index follows the database's change log (`search_changes`, written
//! in the same transaction as every offer change): each `ikon serve`
//! process polls it every second, and a search first checks whether the log
//! moved on (at most every quarter second), so processes behind a load
//! balancer answer alike.

pub mod answer;
pub mod changes;
pub mod collect;
mod counted;
pub mod elision;
pub mod geo;
pub mod index;
pub mod memo;
mod open_now;
pub mod params;
pub mod query;
pub mod schema;
mod segment_table;
mod stats;
pub mod suggest;
pub mod synonyms;
pub mod typos;

use std::{
    collections::HashMap,
    path::Path,
    sync::{Arc, Mutex},
    time::Duration,
};

use tantivy::{
    Index, IndexReader, IndexWriter, ReloadPolicy,
    directory::MmapDirectory,
    query::{AllQuery, Bm25StatisticsProvider},
};

use crate::core::web::App;

pub use params::{Params, Sort};

/// How far back (seconds) the follower re-reads the change log for rows
/// that committed late.
pub const LOOK_BACK_SECS: i64 = 30;
const POLL: Duration = Duration::from_secs(1);
/// How long a search trusts the last look at the change log.
pub const RECHECK: Duration = Duration::from_millis(250);
/// The change log keeps a week: a process (or an index directory) away
/// longer rebuilds its index at start.
const KEEP_CHANGES_SECS: i64 = 7 * 24 * 3600;
const PRUNE_EVERY: Duration = Duration::from_secs(3600);
const WRITER_BYTES: usize = 40_000_000;

/// Fewer results than this, and the search relaxes.
pub const FEW: usize = 3;

/// How many decompressed blocks of stored offers (4 KiB each, see
/// `schema`) a process keeps, instead of tantivy's 100: the offers that
/// top common searches are read again and again.
const STORE_BLOCKS_KEPT: usize = 400;

/// How many finished Wegweiser PDFs a process keeps.
const WEGWEISERS_KEPT: usize = 16;

#[derive(Default)]
pub struct FollowState {
    pub last: i64,
    pub generation: String,
    /// Change ids applied within the look-back window, with their times.
    pub applied: HashMap<i64, i64>,
}

pub struct Search {
    index: Index,
    reader: IndexReader,
    writer: Mutex<IndexWriter>,
    fields: schema::Fields,
    builder: query::Builder,
    follow: tokio::sync::Mutex<FollowState>,
    /// When a search last asked the change log, and how many rows this
    /// process had written then.
    checked: Mutex<Option<(std::time::Instant, u64)>>,
    /// Set while one search looks at the change log for all.
    looking: std::sync::atomic::AtomicBool,
    /// Open-now decisions by opening-hours text, per minute.
    open_now: Arc<Mutex<open_now::OpenNow>>,
    /// What a search reads of each match, per segment.
    tables: Arc<Mutex<segment_table::Tables>>,
    /// Counts the commits this process made to the index: answers derived
    /// from published offers stay valid while it stands still.
    version: std::sync::atomic::AtomicU64,
    /// The published contact points of a Kreis (the finder asks for them
    /// on every request).
    pub contact_points: memo::Memo<String, Vec<crate::offers::store::contact_points::Published>>,
    /// Answers by the search's parameters ([`Params::cache_key`]), as
    /// full-text engines keep their query results: a public search's
    /// questions repeat a lot.
    pub answers: memo::Memo<String, collect::Outcome>,
    /// Finished Wegweiser PDFs per network, language and day (see
    /// `service::wegweiser::pdf`); a few, as each is up to a few MB.
    pub wegweisers: memo::Memo<String, Vec<u8>>,
}

impl Search {
    /// This process's index, handed to the app at start.
    pub fn of(app: &App) -> &Search {
        app.part::<Search>()
    }

    /// Opens (or creates) the index in `dir`, or in memory if `dir` is
    /// `None` or unusable.
    pub fn open(dir: Option<&Path>, synonyms: synonyms::Synonyms) -> anyhow::Result<Search> {
        let (schema, fields) = schema::build();
        let on_disk = dir.and_then(|d| match Self::open_dir(d, &schema) {
            Ok(pair) => Some(pair),
            Err(e) => {
                tracing::warn!(
                    "search index in {} unusable ({e}); building it in memory",
                    d.display()
                );
                None
            }
        });
        let (index, writer) = match on_disk {
            Some(pair) => pair,
            None => {
                let index = Index::builder()
                    .schema(schema)
                    .settings(schema::settings())
                    .create_in_ram()?;
                schema::register_tokenizers(&index);
                let writer = index.writer_with_num_threads(1, WRITER_BYTES)?;
                (index, writer)
            }
        };
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .doc_store_cache_num_blocks(STORE_BLOCKS_KEPT)
            .try_into()?;
        let builder = query::Builder::new(&index, &fields, synonyms);
        Ok(Search {
            index,
            reader,
            writer: Mutex::new(writer),
            fields,
            builder,
            follow: tokio::sync::Mutex::new(FollowState::default()),
            checked: Mutex::default(),
            looking: Default::default(),
            open_now: Arc::default(),
            tables: Arc::default(),
            version: Default::default(),
            contact_points: memo::Memo::new(1000),
            answers: memo::Memo::new(0),
            wegweisers: memo::Memo::new(WEGWEISERS_KEPT),
        })
    }

    fn open_dir(
        dir: &Path,
        schema: &tantivy::schema::Schema,
    ) -> anyhow::Result<(Index, IndexWriter)> {
        std::fs::create_dir_all(dir)?;
        let existing = MmapDirectory::open(dir)
            .ok()
            .and_then(|d| Index::open(d).ok())
            .filter(|i| i.schema() == *schema && schema::same_settings(i));
        let index = match existing {
            Some(i) => i,
            None => {
                // Another layout: start afresh (it is derived data).
                for entry in std::fs::read_dir(dir)? {
                    let path = entry?.path();
                    if path.is_file() {
                        std::fs::remove_file(path)?;
                    }
                }
                Index::builder()
                    .schema(schema.clone())
                    .settings(schema::settings())
                    .create_in_dir(dir)?
            }
        };
        schema::register_tokenizers(&index);
        let writer = index.writer_with_num_threads(1, WRITER_BYTES)?;
        Ok((index, writer))
    }

    /// Number of offers in the index.
    pub fn len(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The index version: moves on with every change applied.
    pub fn version(&self) -> u64 {
        self.version.load(std::sync::atomic::Ordering::Acquire)
    }

    /// Answers a search. When all words together find fewer than
    /// [`FEW`] offers, the search relaxes step by step — all words but
    /// one, …, any word — and says so in the outcome; offers matching more
    /// of the words rank higher. A search that still finds nothing carries
    /// a spelling suggestion when one of its words is unknown.
    pub fn search(&self, p: &Params) -> anyhow::Result<collect::Outcome> {
        let searcher = self.reader.searcher();
        let words = self.builder.prepare(&searcher, &p.words);
        let within = match (p.near, p.radius_km) {
            (Some(centre), Some(radius_km)) => Some(Arc::new(geo::Within::new(
                geo::Area::around(centre, radius_km),
                self.tables.clone(),
            ))),
            _ => None,
        };
        // The words combined as `need` says, within the filters.
        let combined = |need| {
            let text = words.as_ref().map(|w| w.query(need));
            self.with_filters(p, within.as_ref(), text)
        };
        let stats: &dyn Bm25StatisticsProvider = match &words {
            Some(words) => words.stats(),
            None => &searcher,
        };
        let index = (&searcher, stats);
        let within = within.as_ref();
        let mut outcome = collect::run(self, index, &*combined(query::Need::All), p, within)?;
        let of = words.as_ref().map_or(0, query::Prepared::significant);
        if outcome.total < FEW && of > 1 {
            // One pass counts the words each offer matches; the most words
            // short of all that some offer matches is the level shown.
            let counted = combined(query::Need::Counted);
            if let Some((relaxed, at_least)) =
                collect::run_relaxed(self, index, &*counted, p, within, of)?
                && relaxed.total > outcome.total
            {
                outcome = relaxed;
                outcome.relaxed = Some(collect::Relaxed { at_least, of });
            }
        }
        if outcome.total == 0 {
            outcome.suggestion = suggest::suggest(&self.builder, &searcher, &p.words);
        }
        Ok(outcome)
    }

    /// The text query (all offers without one) within the filters.
    fn with_filters(
        &self,
        p: &Params,
        within: Option<&Arc<geo::Within>>,
        text: Option<Box<dyn tantivy::query::Query>>,
    ) -> Box<dyn tantivy::query::Query> {
        let mut filters = p.filter_queries(&self.fields);
        if let Some(within) = within {
            filters.push(Box::new(geo::WithinQuery(within.clone())));
        }
        if filters.is_empty() {
            text.unwrap_or_else(|| Box::new(AllQuery))
        } else {
            let mut clauses: Vec<(tantivy::query::Occur, Box<dyn tantivy::query::Query>)> = filters
                .into_iter()
                .map(|q| (tantivy::query::Occur::Must, q))
                .collect();
            if let Some(t) = text {
                clauses.push((tantivy::query::Occur::Must, t));
            }
            Box::new(tantivy::query::BooleanQuery::new(clauses))
        }
    }
}

/// The background task of every server process: follows the change log
/// until `stop` turns true.
pub async fn follow(app: App, mut stop: tokio::sync::watch::Receiver<bool>) {
    let mut last_prune = std::time::Instant::now();
    loop {
        tokio::select! {
            _ = tokio::time::sleep(POLL) => {}
            _ = stop.changed() => {}
        }
        if *stop.borrow() {
            break;
        }
        if let Err(e) = Search::of(&app).poll(&app.db).await {
            tracing::warn!("search index: applying changes failed: {e:#}");
        }
        if last_prune.elapsed() >= PRUNE_EVERY {
            last_prune = std::time::Instant::now();
            if let Err(e) = changes::prune(&app.db, KEEP_CHANGES_SECS).await {
                tracing::warn!("search change log: pruning failed: {e:#}");
            }
        }
    }
}
