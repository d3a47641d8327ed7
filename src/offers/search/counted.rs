//! Counting the words an offer matches, in one pass: each significant
//! word's score is raised by [`WORD`], so the sum over the words an offer
//! matches says how many they are (the whole part in units of `WORD`) and
//! how well they match (the rest). A relaxed search reads every level at
//! once — offers matching all words but one, two, … — instead of searching
//! again for each (tantivy's "at least n of these" walk kept a heap per
//! match and was the dearest part of a relaxed search).

use tantivy::{
    DocId, DocSet, Score, SegmentReader,
    query::{EnableScoring, Explanation, Query, Scorer, Weight},
};

/// What one matched word adds: far above any score a word reaches (a few
/// hundred at most), and small enough that twelve words keep a tenth's
/// precision in an `f32`.
pub const WORD: Score = 10_000.0;

/// How many words a counted score stands for.
pub fn words(score: Score) -> usize {
    // Cutting is flooring for scores, which are never negative.
    (score / WORD) as usize
}

/// A word's query whose matches count as one word ([`WORD`] added).
#[derive(Debug)]
pub struct Counted(pub Box<dyn Query>);

impl Clone for Counted {
    fn clone(&self) -> Self {
        Counted(self.0.box_clone())
    }
}

impl Query for Counted {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(CountedWeight(self.0.weight(scoring)?)))
    }
}

struct CountedWeight(Box<dyn Weight>);

impl Weight for CountedWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(Box::new(CountedScorer(self.0.scorer(reader, boost)?)))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let inner = self.0.explain(reader, doc)?;
        let mut explanation = Explanation::new("one word matched", inner.value() + WORD);
        explanation.add_detail(inner);
        Ok(explanation)
    }
}

struct CountedScorer(Box<dyn Scorer>);

impl DocSet for CountedScorer {
    fn advance(&mut self) -> DocId {
        self.0.advance()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        self.0.seek(target)
    }

    fn doc(&self) -> DocId {
        self.0.doc()
    }

    fn size_hint(&self) -> u32 {
        self.0.size_hint()
    }

    fn cost(&self) -> u64 {
        self.0.cost()
    }
}

impl Scorer for CountedScorer {
    fn score(&mut self) -> Score {
        self.0.score() + WORD
    }
}

#[cfg(test)]
mod tests {
    use super::{WORD, words};

    #[test]
    fn a_counted_score_says_how_many_words() {
        assert_eq!(words(WORD + 3.5), 1);
        assert_eq!(words(3.0 * WORD + 250.0), 3);
        // Twelve words keep tenths apart.
        let twelve = 12.0 * WORD;
        assert!(twelve + 0.1 > twelve && words(twelve + 999.9) == 12);
    }
}
