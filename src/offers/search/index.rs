//! Loading offers from the database into index documents, the full
//! rebuild and the change-log follower.

use std::{collections::HashMap, sync::LazyLock};

use serde::{Deserialize, Serialize};
use tantivy::{TantivyDocument, Term};

use super::{
    Search,
    changes::{self, generation},
    schema::Fields,
};
use crate::{
    core::{i18n::Lang, ids::OfferId, store::Db},
    offers::{
        model::{FIELDS, Status, TYPES, views::OpenOffer},
        store::index::{published_after, published_of},
    },
};

pub use crate::offers::store::index::{Entry, Texts};

/// What the index stores per offer: the API view and its translations
/// (a result page's offers are written from it, see [`super::answer`]).
#[derive(Debug, Serialize)]
pub struct Stored {
    pub offer: OpenOffer,
    pub translations: Vec<Texts>,
}

/// The commit payload: which analysis, which database and how far in its
/// change log the index is.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Payload {
    pub version: u32,
    pub generation: String,
    pub last_change: i64,
}

/// The index document of one published offer.
/// The names of every field and offer type in German and English (the
/// order of [`Lang::ALL`]), by message id (`offer-field-…`,
/// `offer-type-…`); looked up once, not per offer.
static KIND_NAMES: LazyLock<HashMap<String, [String; 2]>> = LazyLock::new(|| {
    let named = |id: String| {
        let names = Lang::ALL.map(|lang| lang.t(&id));
        (id, names)
    };
    FIELDS
        .iter()
        .map(|code| named(format!("offer-field-{code}")))
        .chain(TYPES.iter().map(|code| named(format!("offer-type-{code}"))))
        .collect()
});

pub fn document(f: &Fields, e: &Entry) -> TantivyDocument {
    let o = &e.offer;
    let r = &o.record;
    debug_assert_eq!(o.status, Status::Published);
    let mut doc = TantivyDocument::default();
    doc.add_u64(f.id, o.id.get() as u64);
    doc.add_u64(f.network, o.network_id.get() as u64);
    // Every place's town, street and postal code: a search for a town
    // finds the offers held there.
    let places = e
        .towns
        .iter()
        .map(String::as_str)
        .chain(
            r.places
                .iter()
                .flat_map(|p| [p.street.as_str(), p.postal_code.as_str()]),
        )
        .collect::<Vec<_>>()
        .join(" ");
    let german_body = [
        r.summary.as_str(),
        r.description.as_str(),
        e.provider.as_str(),
        places.as_str(),
    ];
    let text_field = |lang: &str| f.text.iter().find(|(l, _)| *l == lang).map(|(_, f)| *f);
    let de = text_field("de").expect("German is stemmed");
    for _ in 0..super::schema::TITLE_REPEATS {
        doc.add_text(de, &r.title);
    }
    for part in german_body {
        doc.add_text(de, part);
    }
    for part in [r.title.as_str()].into_iter().chain(german_body) {
        doc.add_text(f.raw, part);
    }
    // "Flüchtlings- und Integrationsberatung" also as "Flüchtlingsberatung"
    // (a title's as often as the title).
    for (text, repeats) in [
        (&r.title, super::schema::TITLE_REPEATS),
        (&r.summary, 1),
        (&r.description, 1),
    ] {
        let words = super::elision::elided_words(text).join(" ");
        if !words.is_empty() {
            for _ in 0..repeats {
                doc.add_text(de, &words);
            }
            doc.add_text(f.raw, &words);
        }
    }
    // What the offer is, by name, in German and English: a search for
    // "Kindergarten" (or "Kita") finds a Kinderkrippe whose own text never
    // says so. Matched like the body, so it ranks below the title.
    for (i, lang) in Lang::ALL.iter().enumerate() {
        let field = text_field(lang.code()).expect("German and English are stemmed");
        for id in [
            format!("offer-field-{}", r.field),
            format!("offer-type-{}", r.offer_type),
        ] {
            if let Some(names) = KIND_NAMES.get(&id) {
                doc.add_text(field, &names[i]);
                doc.add_text(f.raw, &names[i]);
            }
        }
    }
    for t in &e.translations {
        let field = text_field(&t.lang).unwrap_or(f.text_other);
        for part in [&t.title, &t.summary, &t.description] {
            doc.add_text(field, part);
            doc.add_text(f.raw, part);
        }
    }
    // n-grams of the German words, each word on its own so no gram spans
    // two words.
    for w in super::query::words(&format!("{} {} {}", r.title, r.summary, e.provider)) {
        if w.chars().count() >= 4 {
            doc.add_text(f.ngram, &w);
        }
    }
    doc.add_text(f.field, &r.field);
    doc.add_text(f.offer_type, &r.offer_type);
    for g in &r.target_groups {
        doc.add_text(f.target_group, g);
    }
    for l in &r.languages {
        doc.add_text(f.language, l);
    }
    // Each place counts: its municipality for the facet and the region
    // filter, its hours for "open now", its position for the radius and
    // the distance (the collector takes the nearest).
    let mut keys: Vec<&str> = r
        .places
        .iter()
        .filter_map(|p| p.municipality_key.as_deref())
        .collect();
    keys.sort_unstable();
    keys.dedup();
    let mut prefixes = Vec::new();
    for key in keys {
        doc.add_text(f.municipality, key);
        for n in [2, 3, 5, 8] {
            if let Some(prefix) = key.get(..n)
                && !prefixes.contains(&prefix)
            {
                prefixes.push(prefix);
                doc.add_text(f.region, prefix);
            }
        }
    }
    doc.add_text(f.cost, &r.cost);
    for p in &r.places {
        doc.add_text(f.hours, &p.opening_hours);
        if let Some(at) = p.position() {
            doc.add_u64(f.point, super::schema::point(at));
        }
    }
    let stored = Stored {
        offer: OpenOffer::of(o.clone(), e.provider.clone()),
        translations: e.translations.clone(),
    };
    doc.add_text(
        f.doc,
        serde_json::to_string(&stored).expect("offers serialise"),
    );
    doc
}

impl Search {
    /// Brings the index up to date at start: rebuilt when missing, of
    /// another version or database, ahead of the change log (a reset
    /// database) or behind its pruned part; otherwise only the changes
    /// since its last commit are applied.
    pub async fn catch_up(&self, db: &Db) -> anyhow::Result<()> {
        let generation = generation(db).await?;
        let payload = self.payload();
        let last = changes::last_id(db.pool()).await?;
        let pruned = changes::pruned_through(db.pool()).await?;
        let fresh = payload.version == super::schema::VERSION
            && payload.generation == generation
            && payload.last_change <= last
            && payload.last_change >= pruned;
        if fresh {
            let mut state = self.follow.lock().await;
            state.last = payload.last_change;
            state.generation = generation;
            drop(state);
            self.poll(db).await?;
        } else {
            self.rebuild(db, generation).await?;
        }
        Ok(())
    }

    /// Reads every published offer into a new index.
    pub async fn rebuild(&self, db: &Db, generation: String) -> anyhow::Result<usize> {
        let mut state = self.follow.lock().await;
        let started = std::time::Instant::now();
        let last = changes::last_id(db.pool()).await?;
        self.writer.lock().expect("writer").delete_all_documents()?;
        let mut after = OfferId(0);
        let mut count = 0;
        loop {
            let batch = published_after(db, after, 2000).await?;
            let Some(e) = batch.last() else { break };
            after = e.offer.id;
            count += batch.len();
            let writer = self.writer.lock().expect("writer");
            for e in &batch {
                writer.add_document(document(&self.fields, e))?;
            }
        }
        state.last = last;
        state.generation = generation;
        state.applied.clear();
        self.commit(&state)?;
        self.compact()?;
        tracing::info!(
            "search index rebuilt: {count} offers in {} ms",
            started.elapsed().as_millis()
        );
        Ok(count)
    }

    /// Applies the change log since the last poll; true if anything
    /// changed.
    pub async fn poll(&self, db: &Db) -> anyhow::Result<bool> {
        let mut state = self.follow.lock().await;
        let rows = changes::since(db.pool(), state.last, super::LOOK_BACK_SECS).await?;
        let new: Vec<&(i64, i64, i64)> = rows
            .iter()
            .filter(|(id, _, _)| !state.applied.contains_key(id))
            .collect();
        if new.is_empty() {
            return Ok(false);
        }
        let mut ids: Vec<i64> = new.iter().map(|(_, offer, _)| *offer).collect();
        ids.sort_unstable();
        ids.dedup();
        let found = published_of(db, &ids).await?;
        {
            let writer = self.writer.lock().expect("writer");
            for id in &ids {
                writer.delete_term(Term::from_field_u64(self.fields.id, *id as u64));
            }
            for e in &found {
                writer.add_document(document(&self.fields, e))?;
            }
        }
        for (id, _, at) in new {
            state.applied.insert(*id, *at);
            state.last = state.last.max(*id);
        }
        let horizon = crate::core::store::now() - super::LOOK_BACK_SECS - 5;
        state.applied.retain(|_, at| *at >= horizon);
        self.commit(&state)?;
        Ok(true)
    }

    /// Polls when the change log has moved past what this process has seen,
    /// so a search right after a change (in any process) shows it. The log
    /// is asked at most every [`super::RECHECK`] (a busy server answers
    /// thousands of searches a second), and at once after this process
    /// wrote to it.
    pub async fn refresh(&self, db: &Db) -> anyhow::Result<()> {
        let written = changes::written_here();
        let checked = *self.checked.lock().expect("checked");
        let own_change_unseen = checked.is_none_or(|(_, seen)| seen != written);
        if !own_change_unseen && checked.is_some_and(|(at, _)| at.elapsed() < super::RECHECK) {
            return Ok(());
        }
        // One search looks at the log for all: the others answer from the
        // index as it stands (it was current a quarter second ago) instead
        // of each asking the database at the same moment. A change this
        // process made is always waited for.
        let _looking = match Looking::start(&self.looking) {
            Some(looking) => Some(looking),
            None if own_change_unseen => None,
            None => return Ok(()),
        };
        let last = changes::last_id(db.pool()).await?;
        if last > self.follow.lock().await.last {
            self.poll(db).await?;
        }
        *self.checked.lock().expect("checked") = Some((std::time::Instant::now(), written));
        Ok(())
    }

    fn commit(&self, state: &super::FollowState) -> anyhow::Result<()> {
        let payload = Payload {
            version: super::schema::VERSION,
            generation: state.generation.clone(),
            last_change: state.last,
        };
        let mut writer = self.writer.lock().expect("writer");
        let mut prepared = writer.prepare_commit()?;
        prepared.set_payload(&serde_json::to_string(&payload)?);
        prepared.commit()?;
        drop(writer);
        self.reader.reload()?;
        self.version
            .fetch_add(1, std::sync::atomic::Ordering::AcqRel);
        Ok(())
    }

    /// Merges the index into one segment. A search pays per segment (term
    /// lookups, typo automata, collectors), the writer leaves a full build
    /// in several, and offers change a few at a time afterwards (the
    /// writer's merge policy folds those small segments in as they come).
    fn compact(&self) -> anyhow::Result<()> {
        let segments = self.index.searchable_segment_ids()?;
        if segments.len() > 1 {
            let merging = self.writer.lock().expect("writer").merge(&segments);
            merging.wait()?;
            self.reader.reload()?;
        }
        Ok(())
    }

    fn payload(&self) -> Payload {
        self.index
            .load_metas()
            .ok()
            .and_then(|m| m.payload)
            .and_then(|p| serde_json::from_str(&p).ok())
            .unwrap_or_default()
    }
}

/// The one search looking at the change log; the flag drops with it.
struct Looking<'a>(&'a std::sync::atomic::AtomicBool);

impl<'a> Looking<'a> {
    fn start(flag: &'a std::sync::atomic::AtomicBool) -> Option<Looking<'a>> {
        (!flag.swap(true, std::sync::atomic::Ordering::AcqRel)).then_some(Looking(flag))
    }
}

impl Drop for Looking<'_> {
    fn drop(&mut self) {
        self.0.store(false, std::sync::atomic::Ordering::Release);
    }
}
