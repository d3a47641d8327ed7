//! "Did you mean …": for a search that finds nothing, each word the index
//! does not know is replaced by the closest word it does know (within
//! [`reach`] slips of it, see `typos`), the more common word winning a
//! tie.

use tantivy::Searcher;

use super::{
    query::{Builder, significant},
    typos::{Slips, reach},
};

/// The corrected query, or `None` when no word needs or has a correction.
pub fn suggest(builder: &Builder, searcher: &Searcher, words: &[String]) -> Option<String> {
    let significant = significant(words);
    let mut changed = false;
    let mut out = Vec::with_capacity(words.len());
    for w in words {
        let fix = (significant.contains(&w)
            && w.chars().count() >= 3
            && !w.chars().all(|c| c.is_ascii_digit())
            && builder.hits(searcher, w) == 0)
            .then(|| closest(builder, searcher, w))
            .flatten();
        changed |= fix.is_some();
        out.push(fix.unwrap_or_else(|| w.clone()));
    }
    changed.then(|| out.join(" "))
}

/// The known word closest to `w`: the fewest slips, then the most offers,
/// then the first in order.
fn closest(builder: &Builder, searcher: &Searcher, w: &str) -> Option<String> {
    let slips = Slips::new(w, reach(w.chars().count()));
    let mut best: Option<(u8, u32, String)> = None;
    for segment in searcher.segment_readers() {
        let Ok(inverted) = segment.inverted_index(builder.raw_field()) else {
            continue;
        };
        let Ok(mut terms) = inverted.terms().search(&slips).into_stream() else {
            continue;
        };
        while terms.advance() {
            let Ok(text) = std::str::from_utf8(terms.key()) else {
                continue;
            };
            let Some(d) = slips.distance(text).filter(|_| text.chars().count() >= 3) else {
                continue;
            };
            let freq = terms.value().doc_freq;
            let better = best.as_ref().is_none_or(|(bd, bf, bt)| {
                (d, std::cmp::Reverse(freq), text) < (*bd, std::cmp::Reverse(*bf), bt.as_str())
            });
            if better {
                best = Some((d, freq, text.to_string()));
            }
        }
    }
    best.map(|(_, _, t)| t)
}
