//! The "open now" filter: whether any of an offer's places is open at
//! this minute in Europe/Berlin, by its opening hours.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
};

use chrono::{NaiveDateTime, Timelike};
use opening_hours::OpeningHours;
use tantivy::{DocId, SegmentReader, columnar::StrColumn};

use crate::offers::model::hours;

/// Whether offers are open now, by their opening-hours text. Offers share
/// few distinct texts, so each is decided once per minute (the finest step
/// opening hours have), not once per offer.
#[derive(Default)]
pub struct OpenNow {
    minute: Option<NaiveDateTime>,
    open: HashMap<String, bool>,
    parsed: HashMap<String, Option<Arc<OpeningHours>>>,
}

impl OpenNow {
    fn is_open(&mut self, text: &str, now: NaiveDateTime) -> bool {
        let minute = now.with_second(0).and_then(|t| t.with_nanosecond(0));
        if self.minute != minute {
            self.minute = minute;
            self.open.clear();
        }
        if let Some(open) = self.open.get(text) {
            return *open;
        }
        if self.parsed.len() > 10_000 {
            self.parsed.clear();
        }
        let parsed = self
            .parsed
            .entry(text.to_string())
            .or_insert_with(|| hours::parse(text).map(Arc::new));
        let open = parsed.as_ref().is_some_and(|oh| oh.is_open(now));
        self.open.insert(text.to_string(), open);
        open
    }
}

/// The open-now filter of one segment.
pub struct OpenFilter {
    /// No column: no offer of the segment has opening hours.
    column: Option<StrColumn>,
    /// Per opening-hours term ordinal: 0 not yet decided, 1 open, 2 closed.
    known: Vec<u8>,
    now: NaiveDateTime,
    cache: Arc<Mutex<OpenNow>>,
}

impl OpenFilter {
    pub fn new(
        reader: &SegmentReader,
        now: NaiveDateTime,
        cache: Arc<Mutex<OpenNow>>,
    ) -> tantivy::Result<OpenFilter> {
        let column = reader.fast_fields().str("hours")?;
        let n = column.as_ref().map_or(0, |c| c.num_terms());
        Ok(OpenFilter {
            column,
            known: vec![0; n],
            now,
            cache,
        })
    }

    /// Open when any of the offer's places is.
    pub fn is_open(&mut self, doc: DocId) -> bool {
        let OpenFilter {
            column,
            known,
            now,
            cache,
        } = self;
        let Some(column) = column else { return false };
        column.term_ords(doc).any(|ord| {
            let Some(slot) = known.get_mut(ord as usize) else {
                return false;
            };
            if *slot == 0 {
                let mut text = String::new();
                let open = column.ord_to_str(ord, &mut text).unwrap_or(false)
                    && cache.lock().expect("open-now cache").is_open(&text, *now);
                *slot = if open { 1 } else { 2 };
            }
            *slot == 1
        })
    }
}
