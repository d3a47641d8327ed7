//! "Did you mean …": for a search that finds nothing, each word the index
//! does not know is replaced by the closest word it does know (at most two
//! edits away, a swap of neighbours counting as one), the more common
//! word winning a tie.

use tantivy::Searcher;

use super::{
    query::{Builder, significant},
    typos::Slips,
};

/// The farthest a suggestion may be from the typed word, in edits.
fn reach(chars: usize) -> usize {
    if chars >= 7 { 2 } else { 1 }
}

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
    let reach = reach(w.chars().count());
    let slips = Slips::new(w, reach as u8);
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

/// Edit distance with neighbour swaps (optimal string alignment), or
/// `None` when it exceeds `limit`.
pub fn edits(a: &[char], b: &[char], limit: usize) -> Option<usize> {
    let (n, m) = (a.len(), b.len());
    let mut rows = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=n {
        let mut row_min = usize::MAX;
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = d;
            row_min = row_min.min(d);
        }
        if row_min > limit {
            return None;
        }
    }
    Some(rows[n][m]).filter(|d| *d <= limit)
}

#[cfg(test)]
mod tests {
    use super::edits;

    fn d(a: &str, b: &str) -> Option<usize> {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        edits(&a, &b, 2)
    }

    #[test]
    fn edits_count_swaps_once_and_stop_at_the_limit() {
        assert_eq!(d("beratung", "beratung"), Some(0));
        assert_eq!(d("bertaung", "beratung"), Some(1));
        assert_eq!(d("sprachkrus", "sprachkurs"), Some(1));
        assert_eq!(d("deutsh", "deutsch"), Some(1));
        assert_eq!(d("kurs", "café"), None);
    }
}
