//! From the user's words to a tantivy query. The text is never handed to
//! tantivy's query syntax: it is cleaned, split into words and every word
//! becomes term queries built here, so quotes, colons, brackets, `*`, `~`
//! or `^` are just characters.

use std::sync::Arc;

use tantivy::{
    Index, Searcher, Term,
    query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery},
    schema::{Field, IndexRecordOption},
    tokenizer::TextAnalyzer,
};

use super::{
    counted::Counted,
    schema::{self, Fields},
    stats::{Lexicon, Lexicons},
    synonyms::Synonyms,
    typos::TypoQuery,
};

/// Longest query text looked at, in characters.
pub const MAX_QUERY_CHARS: usize = 200;
/// At most this many words take part (the rest are dropped).
const MAX_WORDS: usize = 12;
/// The compound (trigram) alternatives of a word are only tried when its
/// exact and stemmed forms (and synonyms) match fewer offers than this:
/// the trigrams of a common word match most offers, and a word that
/// already matches this many has a full page of exact results.
pub const EXPAND_BELOW: u64 = 1_000;
/// Typo alternatives only for a word that matches fewer offers than this
/// as typed, as search engines try typos only when the words as typed
/// find (almost) nothing: a word the offers use is what the reader meant,
/// and its near neighbours ("Ranschbach", "Rauschbach") would only add
/// noise and work.
pub const TYPOS_BELOW: u64 = super::FEW as u64;

/// The shortest part a compound is split into.
const MIN_PART: usize = 4;
/// Linking elements (Fugenelemente) between the parts of a compound.
const LINKING: &[&str] = &["s", "es", "n", "en", "er", "e"];

/// Words that join rather than carry meaning; they never make a result
/// fail to match.
const STOP_WORDS: &[&str] = &[
    "der", "die", "das", "den", "dem", "des", "und", "oder", "für", "fur", "mit", "in", "im", "am",
    "an", "von", "vom", "zu", "zum", "zur", "bei", "auf", "als", "ein", "eine", "the", "a", "and",
    "or", "for", "of", "to", "at", "with", "ich", "mich", "mir", "mein", "meine", "meinen",
    "meinem", "meiner", "wo", "wie", "was", "wer", "kann", "ist", "gibt", "es", "einen", "einem",
    "einer", "my", "i", "where", "how", "can", "is",
];

/// The query text made safe: control characters become spaces, and it is
/// cut to [`MAX_QUERY_CHARS`] characters.
pub fn clean(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(MAX_QUERY_CHARS)
        .collect::<String>()
        .trim()
        .to_string()
}

/// The lower-cased words of a query: letters and digits only.
pub fn words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
    {
        if !out.contains(&w) && out.len() < MAX_WORDS {
            out.push(w);
        }
    }
    out
}

/// One analysed text field.
struct Target {
    field: Field,
    analyzer: TextAnalyzer,
}

/// How many of the significant words an offer must match: all, or any
/// (counting how many, so a relaxed search can tell its levels apart).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Need {
    All,
    /// At least one, each counted in the score (see `counted`).
    Counted,
}

pub struct Builder {
    targets: Vec<Target>,
    synonyms: Synonyms,
    raw: Field,
    ngram: Field,
    ngram_analyzer: TextAnalyzer,
    lexicons: Lexicons,
}

impl Builder {
    pub fn new(index: &Index, f: &Fields, synonyms: Synonyms) -> Self {
        let analyzer = |name: &str| {
            index
                .tokenizers()
                .get(name)
                .expect("tokenizers are registered")
        };
        let mut targets = Vec::new();
        for (lang, field) in &f.text {
            targets.push(Target {
                field: *field,
                analyzer: analyzer(&schema::stem_tokenizer(lang)),
            });
        }
        targets.push(Target {
            field: f.text_other,
            analyzer: analyzer(schema::SIMPLE),
        });
        // Not the exact words (`raw`): every text is also in a field above,
        // whose analysis the query's word goes through alike, so `raw`
        // would only add a third posting list to most words' unions for
        // the same matches. It serves typos and suggestions.
        Builder {
            targets,
            synonyms,
            raw: f.raw,
            ngram: f.ngram,
            ngram_analyzer: analyzer(schema::NGRAM),
            lexicons: Lexicons::default(),
        }
    }

    /// The words of a search, each turned into its query once, or `None`
    /// when there are none (everything matches). Each significant word
    /// matches in some form: exact, stemmed in any language, with a typo,
    /// as part of a compound, split into the parts of a compound, or as a
    /// synonym. Relaxing the search only combines the same word queries
    /// differently ([`Prepared::query`]).
    pub fn prepare(&self, searcher: &Searcher, words: &[String]) -> Option<Prepared> {
        if words.is_empty() {
            return None;
        }
        let counts = Counts::new(self, searcher);
        let respelled: Vec<String> = words.iter().map(|w| self.respell(&counts, w)).collect();
        let significant = significant(&respelled);
        let words = respelled
            .iter()
            .map(|w| {
                // A word with typo alternatives is not kept: its automaton
                // takes up to hundreds of kB, and such words rarely return.
                let typos = typo_distance(counts.of(w), w.chars().count());
                let q: Box<dyn Query> = if typos.is_some() {
                    self.word(&counts, w, true)
                } else {
                    Box::new(counts.lexicon.word(w, || self.word(&counts, w, true)))
                };
                (q, significant.contains(&w))
            })
            .collect();
        Some(Prepared {
            words,
            significant: significant.len(),
            lexicon: counts.lexicon,
        })
    }

    /// One word in any of its forms; `split` allows splitting it into the
    /// parts of a compound.
    fn word(&self, counts: &Counts, w: &str, split: bool) -> Box<dyn Query> {
        let mut any: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let stats = &*counts.lexicon;
        self.exact(stats, w, 1.0, &mut any);
        let chars = w.chars().count();
        let hits = counts.of(w);
        let expand = hits < EXPAND_BELOW;
        if split
            && hits == 0
            && let Some((head, tail)) = self.split(counts, w)
        {
            let both: Vec<(Occur, Box<dyn Query>)> = vec![
                (Occur::Must, self.word(counts, &head, false)),
                (Occur::Must, self.word(counts, &tail, false)),
            ];
            let q = BoostQuery::new(Box::new(BooleanQuery::new(both)), 0.7);
            any.push((Occur::Should, Box::new(q)));
        }
        if let Some(distance) = typo_distance(hits, chars) {
            let typos = TypoQuery::new(self.raw, w, distance);
            any.push((
                Occur::Should,
                Box::new(BoostQuery::new(Box::new(typos), 0.5)),
            ));
        }
        if expand && chars >= 4 {
            let grams = self.grams(w);
            if !grams.is_empty() && grams.iter().all(|t| stats.doc_freq_of(t) > 0) {
                let all: Vec<(Occur, Box<dyn Query>)> = grams
                    .into_iter()
                    .map(|t| {
                        let q: Box<dyn Query> =
                            Box::new(TermQuery::new(t, IndexRecordOption::Basic));
                        (Occur::Must, q)
                    })
                    .collect();
                let q = BoostQuery::new(Box::new(BooleanQuery::new(all)), 0.1);
                any.push((Occur::Should, Box::new(q)));
            }
        }
        for group in self.synonyms.groups_of(w) {
            for other in group.iter().filter(|o| *o != w) {
                let parts = words(other);
                let significant: Vec<&String> = parts
                    .iter()
                    .filter(|p| !STOP_WORDS.contains(&p.as_str()))
                    .collect();
                // "Migrationsberatung für erwachsene Zuwanderer" finds
                // nothing that "Migrationsberatung" (in the same group)
                // does not: skip the longer form, a third of the work.
                let covered =
                    significant.len() > 1 && significant.iter().any(|p| group.contains(p));
                if covered {
                    continue;
                }
                if significant.len() == 1 {
                    self.exact(stats, significant[0], 0.8, &mut any);
                } else {
                    let all: Vec<(Occur, Box<dyn Query>)> = significant
                        .iter()
                        .map(|p| {
                            let mut one = Vec::new();
                            self.exact(stats, p, 1.0, &mut one);
                            let q: Box<dyn Query> = Box::new(BooleanQuery::new(one));
                            (Occur::Must, q)
                        })
                        .collect();
                    let q = BoostQuery::new(Box::new(BooleanQuery::new(all)), 0.8);
                    any.push((Occur::Should, Box::new(q)));
                }
            }
        }
        Box::new(BooleanQuery::new(any))
    }

    /// About how many offers the word matches without typos or compounds:
    /// the most that any one of its exact, stemmed or one-word synonym
    /// forms matches.
    fn exact_hits(&self, stats: &Lexicon, w: &str) -> u64 {
        let mut forms = vec![w];
        for group in self.synonyms.groups_of(w) {
            forms.extend(
                group
                    .iter()
                    .filter(|o| !o.contains(' '))
                    .map(String::as_str),
            );
        }
        let mut most = 0;
        for form in forms {
            for t in &self.targets {
                if let [term] = analyse(&t.analyzer, t.field, form).as_slice() {
                    most = most.max(stats.doc_freq_of(term));
                }
            }
        }
        most
    }

    /// A compound the index does not know as a whole, split into a head
    /// and a tail it does know ("flüchtlingsberatung" → "flüchtlings" +
    /// "beratung"). The head may carry a linking element ("-s", "-es",
    /// "-n", "-en", "-er") that the index knows without. The split leaving
    /// the longest known tail wins.
    fn split(&self, counts: &Counts, w: &str) -> Option<(String, String)> {
        let chars: Vec<char> = w.chars().collect();
        if chars.len() < 2 * MIN_PART {
            return None;
        }
        let known = |part: &str| counts.of(part) > 0;
        (MIN_PART..=chars.len() - MIN_PART).find_map(|at| {
            let head: String = chars[..at].iter().collect();
            let tail: String = chars[at..].iter().collect();
            if !known(&tail) {
                return None;
            }
            if known(&head) {
                return Some((head, tail));
            }
            LINKING
                .iter()
                .filter_map(|l| head.strip_suffix(l))
                .find(|bare| bare.chars().count() >= MIN_PART && known(bare))
                .map(|bare| (bare.to_string(), tail.clone()))
        })
    }

    /// A word typed without umlauts ("auslaenderbehoerde", "strasse")
    /// spelt with them, when only that spelling is known.
    fn respell(&self, counts: &Counts, w: &str) -> String {
        let umlauts = w.replace("ae", "ä").replace("oe", "ö").replace("ue", "ü");
        let sharp = umlauts.replace("ss", "ß");
        if umlauts == w && sharp == w || counts.of(w) > 0 {
            return w.to_string();
        }
        [umlauts, sharp]
            .into_iter()
            .find(|c| c != w && counts.of(c) > 0)
            .unwrap_or_else(|| w.to_string())
    }

    /// How many offers the word matches without typos or compounds (the
    /// most of any one of its forms).
    pub fn hits(&self, searcher: &Searcher, w: &str) -> u64 {
        Counts::new(self, searcher).of(w)
    }

    /// The field of exact, unstemmed words of every text.
    pub fn raw_field(&self) -> Field {
        self.raw
    }

    /// The word as every text field analyses it (exact or stemmed), in
    /// the fields that hold it: most fields hold a word in none of its
    /// forms, and leaving them out spares weighing terms that match
    /// nothing.
    fn exact(&self, stats: &Lexicon, w: &str, weight: f32, out: &mut Vec<(Occur, Box<dyn Query>)>) {
        for t in &self.targets {
            let terms = analyse(&t.analyzer, t.field, w);
            if terms.iter().any(|term| stats.doc_freq_of(term) == 0) {
                continue;
            }
            let q: Box<dyn Query> = match terms.len() {
                0 => continue,
                1 => Box::new(TermQuery::new(
                    terms.into_iter().next().expect("one term"),
                    IndexRecordOption::WithFreqs,
                )),
                _ => Box::new(BooleanQuery::new(
                    terms
                        .into_iter()
                        .map(|term| {
                            let q: Box<dyn Query> =
                                Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs));
                            (Occur::Must, q)
                        })
                        .collect(),
                )),
            };
            out.push((Occur::Should, Box::new(BoostQuery::new(q, weight))));
        }
    }

    fn grams(&self, w: &str) -> Vec<Term> {
        let mut terms = analyse(&self.ngram_analyzer, self.ngram, w);
        terms.sort_by(|a, b| a.serialized_value_bytes().cmp(b.serialized_value_bytes()));
        terms.dedup();
        terms
    }
}

/// The word queries of one search.
pub struct Prepared {
    /// Each word's query, and whether it is significant (not a stop word).
    words: Vec<(Box<dyn Query>, bool)>,
    significant: usize,
    /// The statistics looked up while preparing, for weighing the query.
    lexicon: Arc<Lexicon>,
}

impl Prepared {
    /// How many words must match for all of them to.
    pub fn significant(&self) -> usize {
        self.significant
    }

    /// The index statistics of the words' terms.
    pub fn stats(&self) -> &Lexicon {
        &self.lexicon
    }

    /// The words combined: all significant words must match, or any of
    /// them, counted; stop words only add to the score.
    pub fn query(&self, need: Need) -> Box<dyn Query> {
        let mut main: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut extra: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (q, significant) in &self.words {
            if *significant {
                match need {
                    Need::All => main.push((Occur::Must, q.box_clone())),
                    Need::Counted => main.push((Occur::Should, Box::new(Counted(q.box_clone())))),
                }
            } else {
                extra.push((Occur::Should, q.box_clone()));
            }
        }
        let main: Box<dyn Query> = Box::new(BooleanQuery::new(main));
        if extra.is_empty() {
            return main;
        }
        extra.push((Occur::Must, main));
        Box::new(BooleanQuery::new(extra))
    }
}

/// How many offers each form of a word matches, asked of the index once
/// while it stands still ([`Lexicon`]): respelling, splitting a compound
/// and deciding on typo alternatives ask about the same forms again and
/// again.
pub struct Counts<'a> {
    builder: &'a Builder,
    lexicon: Arc<Lexicon>,
}

impl<'a> Counts<'a> {
    pub fn new(builder: &'a Builder, searcher: &Searcher) -> Self {
        Counts {
            builder,
            lexicon: builder.lexicons.of(searcher),
        }
    }

    pub fn of(&self, w: &str) -> u64 {
        self.lexicon
            .hits(w, || self.builder.exact_hits(&self.lexicon, w))
    }
}

/// How many slips a word's typo alternatives may be from it, for a word
/// of `chars` letters that matches `hits` offers as typed; `None` when it
/// has none.
fn typo_distance(hits: u64, chars: usize) -> Option<u8> {
    (hits < TYPOS_BELOW && chars >= 5).then_some(if chars >= 8 { 2 } else { 1 })
}

/// The words that must match: all but the stop words (or all, when every
/// word is one).
pub fn significant(words: &[String]) -> Vec<&String> {
    let all_stop = words.iter().all(|w| STOP_WORDS.contains(&w.as_str()));
    words
        .iter()
        .filter(|w| all_stop || !STOP_WORDS.contains(&w.as_str()))
        .collect()
}

fn analyse(analyzer: &TextAnalyzer, field: Field, text: &str) -> Vec<Term> {
    let mut analyzer = analyzer.clone();
    let mut stream = analyzer.token_stream(text);
    let mut terms = Vec::new();
    while stream.advance() {
        terms.push(Term::from_field_text(field, &stream.token().text));
    }
    terms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_text_is_cleaned_and_capped() {
        assert_eq!(clean("  a\u{0}b\tc\n "), "a b c");
        assert_eq!(clean(&"x".repeat(10_000)).chars().count(), MAX_QUERY_CHARS);
        assert_eq!(
            words("\"((Deutsch-Kurs*~ ^2 kurs:"),
            ["deutsch", "kurs", "2"]
        );
        assert!(words("\"((*~^").is_empty());
    }
}
