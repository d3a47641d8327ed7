//! The "open now" filter: whether any of an offer's places is open at
//! this minute in Europe/Berlin, by its opening hours.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
};

use chrono::{NaiveDateTime, Timelike};
use opening_hours::OpeningHours;
use tantivy::{BitSet, DocId, SegmentReader, index::SegmentId};

use crate::offers::model::hours;

/// Whether offers are open now, by their opening-hours text. Offers share
/// few distinct texts, so each is decided once per minute (the finest step
/// opening hours have), not once per offer; and each segment's open offers
/// are listed once per minute, as a set that every search of that minute
/// asks in one step.
#[derive(Default)]
pub struct OpenNow {
    minute: Option<NaiveDateTime>,
    open: HashMap<String, bool>,
    parsed: HashMap<String, Option<Arc<OpeningHours>>>,
    /// Per segment: the minute and its open documents.
    segments: HashMap<SegmentId, (NaiveDateTime, Arc<BitSet>)>,
}

/// Segments whose sets are kept at most (merged-away segments drop out
/// when this many are kept).
const SEGMENTS_KEPT: usize = 64;

impl OpenNow {
    fn is_open(&mut self, text: &str, now: NaiveDateTime) -> bool {
        let minute = to_minute(now);
        if self.minute != Some(minute) {
            self.minute = Some(minute);
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

    /// The documents of a segment open at `now`'s minute.
    fn segment(
        &mut self,
        reader: &SegmentReader,
        now: NaiveDateTime,
    ) -> tantivy::Result<Arc<BitSet>> {
        let minute = to_minute(now);
        let id = reader.segment_id();
        if let Some((at, open)) = self.segments.get(&id)
            && *at == minute
        {
            return Ok(open.clone());
        }
        let mut open = BitSet::with_max_value(reader.max_doc());
        if let Some(column) = reader.fast_fields().str("hours")? {
            // Per opening-hours term ordinal: 0 not yet decided, 1 open,
            // 2 closed.
            let mut known = vec![0u8; column.num_terms()];
            let mut text = String::new();
            for doc in 0..reader.max_doc() {
                let any = column.term_ords(doc).any(|ord| {
                    let Some(slot) = known.get_mut(ord as usize) else {
                        return false;
                    };
                    if *slot == 0 {
                        text.clear();
                        let open = column.ord_to_str(ord, &mut text).unwrap_or(false)
                            && self.is_open(&text, now);
                        *slot = if open { 1 } else { 2 };
                    }
                    *slot == 1
                });
                if any {
                    open.insert(doc);
                }
            }
        }
        let open = Arc::new(open);
        if self.segments.len() >= SEGMENTS_KEPT {
            self.segments.clear();
        }
        self.segments.insert(id, (minute, open.clone()));
        Ok(open)
    }
}

fn to_minute(now: NaiveDateTime) -> NaiveDateTime {
    now.with_second(0)
        .and_then(|t| t.with_nanosecond(0))
        .unwrap_or(now)
}

/// The open-now filter of one segment.
pub struct OpenFilter {
    open: Arc<BitSet>,
}

impl OpenFilter {
    pub fn new(
        reader: &SegmentReader,
        now: NaiveDateTime,
        cache: Arc<Mutex<OpenNow>>,
    ) -> tantivy::Result<OpenFilter> {
        let open = cache.lock().expect("open-now cache").segment(reader, now)?;
        Ok(OpenFilter { open })
    }

    /// Open when any of the offer's places is.
    pub fn is_open(&self, doc: DocId) -> bool {
        self.open.contains(doc)
    }
}
