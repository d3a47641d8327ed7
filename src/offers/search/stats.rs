//! The index statistics one search asks for, each looked up once. A word
//! becomes term queries over every analysed field in each of its forms;
//! deciding on respellings, compounds and typos asks how many offers each
//! term matches, and BM25 asks again for every term when the query is
//! weighed (twice for a relaxed search). Each answer is a walk of a term
//! dictionary per segment.

use std::{cell::RefCell, collections::HashMap};

use tantivy::{Searcher, Term, query::Bm25StatisticsProvider, schema::Field};

/// One search's memo of document frequencies and field lengths.
pub struct Stats {
    searcher: Searcher,
    doc_freqs: RefCell<HashMap<Term, u64>>,
    tokens: RefCell<HashMap<Field, u64>>,
}

impl Stats {
    pub fn new(searcher: &Searcher) -> Stats {
        Stats {
            searcher: searcher.clone(),
            doc_freqs: RefCell::default(),
            tokens: RefCell::default(),
        }
    }

    /// How many offers hold the term (0 when looking fails: a term that
    /// cannot be read matches nothing).
    pub fn doc_freq_of(&self, term: &Term) -> u64 {
        if let Some(n) = self.doc_freqs.borrow().get(term) {
            return *n;
        }
        let n = self.searcher.doc_freq(term).unwrap_or(0);
        self.doc_freqs.borrow_mut().insert(term.clone(), n);
        n
    }
}

impl Bm25StatisticsProvider for Stats {
    fn total_num_tokens(&self, field: Field) -> tantivy::Result<u64> {
        if let Some(n) = self.tokens.borrow().get(&field) {
            return Ok(*n);
        }
        let n = self.searcher.total_num_tokens(field)?;
        self.tokens.borrow_mut().insert(field, n);
        Ok(n)
    }

    fn total_num_docs(&self) -> tantivy::Result<u64> {
        Ok(self.searcher.num_docs())
    }

    fn doc_freq(&self, term: &Term) -> tantivy::Result<u64> {
        Ok(self.doc_freq_of(term))
    }
}
