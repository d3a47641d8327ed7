//! Words within a slip or two of a typed word (a letter dropped, added,
//! changed, or two neighbours swapped), found by walking a field's term
//! dictionary with a Levenshtein automaton. Used for the typo alternatives
//! of a query word and for "did you mean".
//!
//! The first letter must match, as search engines' `prefix_length` of 1
//! does: people rarely slip on it, and holding it lets the walk skip every
//! branch of the dictionary but one. Walking all of it cost about a
//! millisecond per word on 100,000 offers, more than the rest of a search.

use std::sync::{Arc, OnceLock};

use levenshtein_automata::{DFA, Distance, LevenshteinAutomatonBuilder, SINK_STATE};
use tantivy::{
    query::{AutomatonWeight, EnableScoring, Query, Weight},
    schema::Field,
};
use tantivy_fst::Automaton;

/// Before the first byte: the state that only the typed first byte leaves.
const START: u32 = u32::MAX;

/// The automaton of one typed word.
pub struct Slips {
    dfa: DFA,
    first: u8,
}

impl Slips {
    /// Words at most `distance` (1 or 2) slips from `word`.
    pub fn new(word: &str, distance: u8) -> Slips {
        Slips {
            dfa: builder(distance).build_dfa(word),
            first: word.bytes().next().unwrap_or(0),
        }
    }

    /// How many slips `known` is from the typed word, if within reach and
    /// with the same first letter.
    pub fn distance(&self, known: &str) -> Option<u8> {
        if known.bytes().next() != Some(self.first) {
            return None;
        }
        match self.dfa.eval(known) {
            Distance::Exact(d) => Some(d),
            Distance::AtLeast(_) => None,
        }
    }
}

/// The farthest a correction may be from a typed word of `chars`
/// letters, in slips: one for short words, two from seven letters.
pub fn reach(chars: usize) -> u8 {
    if chars >= 7 { 2 } else { 1 }
}

/// Building the tables of an automaton builder takes milliseconds; each
/// distance is built once per process.
fn builder(distance: u8) -> &'static LevenshteinAutomatonBuilder {
    static ONE: OnceLock<LevenshteinAutomatonBuilder> = OnceLock::new();
    static TWO: OnceLock<LevenshteinAutomatonBuilder> = OnceLock::new();
    let cell = if distance <= 1 { &ONE } else { &TWO };
    cell.get_or_init(|| LevenshteinAutomatonBuilder::new(distance.clamp(1, 2), true))
}

impl Automaton for Slips {
    type State = u32;

    fn start(&self) -> u32 {
        START
    }

    fn is_match(&self, state: &u32) -> bool {
        *state != START && matches!(self.dfa.distance(*state), Distance::Exact(_))
    }

    fn can_match(&self, state: &u32) -> bool {
        *state != SINK_STATE
    }

    fn accept(&self, state: &u32, byte: u8) -> u32 {
        match *state {
            START if byte == self.first => self.dfa.transition(self.dfa.initial_state(), byte),
            START => SINK_STATE,
            state => self.dfa.transition(state, byte),
        }
    }
}

/// The offers containing a word within `distance` slips of `word` in
/// `field`, all scored alike (the boost around it says how much a typo
/// counts). The automaton is built once with the query: a word's query is
/// kept and weighed again by later searches.
#[derive(Clone)]
pub struct TypoQuery {
    field: Field,
    slips: Arc<Slips>,
}

impl std::fmt::Debug for TypoQuery {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TypoQuery")
            .field("field", &self.field)
            .finish_non_exhaustive()
    }
}

impl TypoQuery {
    pub fn new(field: Field, word: &str, distance: u8) -> TypoQuery {
        TypoQuery {
            field,
            slips: Arc::new(Slips::new(word, distance)),
        }
    }
}

impl Query for TypoQuery {
    fn weight(&self, _scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(AutomatonWeight::<Slips>::new(
            self.field,
            self.slips.clone(),
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::Slips;

    #[test]
    fn slips_count_swaps_once_and_keep_the_first_letter() {
        let d = |typed: &str, known: &str| Slips::new(typed, 2).distance(known);
        assert_eq!(d("beratung", "beratung"), Some(0));
        assert_eq!(d("bertaung", "beratung"), Some(1));
        assert_eq!(d("sprachkrus", "sprachkurs"), Some(1));
        assert_eq!(d("deutsh", "deutsch"), Some(1));
        assert_eq!(d("migrationsberatng", "migrationsberatung"), Some(1));
        assert_eq!(d("kurs", "café"), None);
        // The first letter is held.
        assert_eq!(d("ocunselling", "counselling"), None);
        assert_eq!(d("beratung", "geratung"), None);
        assert_eq!(Slips::new("kurs", 1).distance("kurse"), Some(1));
        assert_eq!(Slips::new("kurs", 1).distance("kursen"), None);
    }
}
