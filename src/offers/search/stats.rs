//! What searches ask the index about words, kept while the index stands
//! still (one searcher generation). A word becomes term queries over
//! every analysed field in each of its forms; deciding on respellings,
//! compounds and typos asks how many offers each term matches, and BM25
//! asks again for every term when the query is weighed. Each answer is a
//! walk of a term dictionary per segment, and analysing a word (stemming
//! it in every language) costs as much again. People's words repeat from
//! search to search even when their questions do not, so the answers, and
//! each word's finished query, are kept until the index changes.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
};

use tantivy::{
    Searcher, Term,
    query::{Bm25StatisticsProvider, EnableScoring, Query, Weight},
    schema::Field,
};

/// Past this many entries a memo starts afresh: a flood of made-up words
/// must not grow the process without bound.
const MOST_KEPT: usize = 50_000;
/// Words' queries are larger (a few kB each): fewer of them are kept.
const MOST_WORDS_KEPT: usize = 3_000;

/// The memo of one searcher generation.
pub struct Lexicon {
    searcher: Searcher,
    doc_freqs: Mutex<HashMap<Term, u64>>,
    tokens: Mutex<HashMap<Field, u64>>,
    /// How many offers a word matches as typed (see `query::Counts`).
    hits: Mutex<HashMap<String, u64>>,
    /// Each word's query in all its forms, by word.
    words: Mutex<HashMap<String, SharedQuery>>,
}

impl Lexicon {
    pub fn new(searcher: &Searcher) -> Lexicon {
        Lexicon {
            searcher: searcher.clone(),
            doc_freqs: Mutex::default(),
            tokens: Mutex::default(),
            hits: Mutex::default(),
            words: Mutex::default(),
        }
    }

    /// The searcher generation this memo speaks for.
    fn generation(&self) -> u64 {
        self.searcher.generation().generation_id()
    }

    /// How many offers hold the term (0 when looking fails: a term that
    /// cannot be read matches nothing).
    pub fn doc_freq_of(&self, term: &Term) -> u64 {
        if let Some(n) = lock(&self.doc_freqs).get(term) {
            return *n;
        }
        let n = self.searcher.doc_freq(term).unwrap_or(0);
        insert(&self.doc_freqs, term.clone(), n);
        n
    }

    /// How many offers `word` matches, computed by `count` the first time.
    pub fn hits(&self, word: &str, count: impl FnOnce() -> u64) -> u64 {
        if let Some(n) = lock(&self.hits).get(word) {
            return *n;
        }
        let n = count();
        insert(&self.hits, word.to_string(), n);
        n
    }

    /// The query of `word`, built by `build` the first time.
    pub fn word(&self, word: &str, build: impl FnOnce() -> Box<dyn Query>) -> SharedQuery {
        if let Some(q) = lock(&self.words).get(word) {
            return q.clone();
        }
        let q = SharedQuery(Arc::from(build()));
        let mut words = lock(&self.words);
        if words.len() >= MOST_WORDS_KEPT {
            words.clear();
        }
        words.insert(word.to_string(), q.clone());
        q
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // A panic elsewhere leaves a memo that is still right.
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn insert<K: std::hash::Hash + Eq, V>(memo: &Mutex<HashMap<K, V>>, key: K, value: V) {
    let mut memo = lock(memo);
    if memo.len() >= MOST_KEPT {
        memo.clear();
    }
    memo.insert(key, value);
}

impl Bm25StatisticsProvider for Lexicon {
    fn total_num_tokens(&self, field: Field) -> tantivy::Result<u64> {
        if let Some(n) = lock(&self.tokens).get(&field) {
            return Ok(*n);
        }
        let n = self.searcher.total_num_tokens(field)?;
        insert(&self.tokens, field, n);
        Ok(n)
    }

    fn total_num_docs(&self) -> tantivy::Result<u64> {
        Ok(self.searcher.num_docs())
    }

    fn doc_freq(&self, term: &Term) -> tantivy::Result<u64> {
        Ok(self.doc_freq_of(term))
    }
}

/// A kept query, shared by the searches that use it: cloning it into a
/// search's query copies a pointer, not the tree of term queries.
#[derive(Clone, Debug)]
pub struct SharedQuery(Arc<dyn Query>);

impl Query for SharedQuery {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        self.0.weight(scoring)
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.0.query_terms(visitor);
    }
}

/// The lexicon of the newest generation searched, made anew when the
/// index changed.
#[derive(Default)]
pub struct Lexicons(Mutex<Option<Arc<Lexicon>>>);

impl Lexicons {
    pub fn of(&self, searcher: &Searcher) -> Arc<Lexicon> {
        let generation = searcher.generation().generation_id();
        let mut current = lock(&self.0);
        match &*current {
            Some(lexicon) if lexicon.generation() == generation => lexicon.clone(),
            // A search that took its searcher just before the index moved
            // on gets a memo of its own, so the newer one is not dropped.
            Some(lexicon) if lexicon.generation() > generation => Arc::new(Lexicon::new(searcher)),
            _ => {
                let lexicon = Arc::new(Lexicon::new(searcher));
                *current = Some(lexicon.clone());
                lexicon
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use tantivy::{
        Index, TantivyDocument, Term,
        schema::{Schema, TEXT},
    };

    use super::Lexicons;

    #[test]
    fn a_lexicon_lasts_while_the_index_stands_still() {
        let mut schema = Schema::builder();
        let text = schema.add_text_field("text", TEXT);
        let index = Index::create_in_ram(schema.build());
        let mut writer = index.writer_with_num_threads(1, 15_000_000).unwrap();
        let reader = index.reader().unwrap();
        let add = |writer: &mut tantivy::IndexWriter, words: &str| {
            let mut doc = TantivyDocument::new();
            doc.add_text(text, words);
            writer.add_document(doc).unwrap();
            writer.commit().unwrap();
            reader.reload().unwrap();
        };
        add(&mut writer, "beratung kurs");
        let lexicons = Lexicons::default();
        let old = reader.searcher();
        let first = lexicons.of(&old);
        let beratung = Term::from_field_text(text, "beratung");
        assert_eq!(first.doc_freq_of(&beratung), 1);
        assert!(Arc::ptr_eq(&first, &lexicons.of(&reader.searcher())));

        add(&mut writer, "beratung");
        let new = lexicons.of(&reader.searcher());
        assert!(!Arc::ptr_eq(&first, &new));
        assert_eq!(new.doc_freq_of(&beratung), 2);
        // A search still holding the older searcher gets a memo of its
        // own; the newer one stays.
        assert_eq!(lexicons.of(&old).doc_freq_of(&beratung), 1);
        assert!(Arc::ptr_eq(&new, &lexicons.of(&reader.searcher())));
    }
}
