//! Typing mistakes in the bulletin's full-text filter: when a search finds
//! nothing, each searched word that no post of the network contains is
//! replaced by the closest word the posts do contain — with the offer
//! search's measure (`offers::search::typos`: at most one slip for short
//! words, two from seven letters, a swap of neighbours counting as one,
//! the first letter held).

use std::collections::BTreeSet;

use crate::offers::search::typos::{Slips, reach};

/// The words with their corrections, or `None` when none needs or has one.
/// `words` and `vocabulary` are stems as `model::stems` makes them; a word
/// is known when some stem of the vocabulary starts with it (the filter
/// matches word beginnings).
pub fn correct(words: &[String], vocabulary: &BTreeSet<String>) -> Option<Vec<String>> {
    let mut changed = false;
    let out = words
        .iter()
        .map(|w| {
            let known = vocabulary
                .range(w.clone()..)
                .next()
                .is_some_and(|v| v.starts_with(w.as_str()));
            let letters = w.chars().count();
            if known || letters < 3 || w.chars().all(|c| c.is_ascii_digit()) {
                return w.clone();
            }
            let slips = Slips::new(w, reach(letters));
            let best = vocabulary
                .iter()
                .filter_map(|v| slips.distance(v).map(|d| (d, v)))
                .min();
            match best {
                Some((_, v)) => {
                    changed = true;
                    v.clone()
                }
                None => w.clone(),
            }
        })
        .collect();
    changed.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bulletin::model::stems;

    fn vocabulary(text: &str) -> BTreeSet<String> {
        stems(text).into_iter().collect()
    }

    #[test]
    fn a_misspelt_word_becomes_the_closest_known_one() {
        let v = vocabulary("Sprachcafé in der Bücherei, Förderprogramm Integration");
        let typed = stems("Sprachkafe Integraton");
        let fixed = correct(&typed, &v).unwrap();
        assert_eq!(fixed, stems("Sprachcafé Integration"));
        // Known words and word beginnings stay; nothing close, nothing changes.
        assert_eq!(correct(&stems("Sprach Integration"), &v), None);
        assert_eq!(correct(&stems("Wohnung"), &v), None);
    }
}
