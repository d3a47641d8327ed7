//! Cells of official tables: numbers with a decimal comma, the special
//! marks of the statistical offices (STATISTICS.md §2d), reference periods
//! and region keys.

/// Marks that stand instead of a number: the cell has no value.
const VALUE_LESS_MARKS: &[&str] = &[".", "...", "/", "x", "*", "0"];
/// Flags that follow a number (provisional, revised, corrected, estimated).
const FLAGS: &[char] = &['p', 'r', 's', 'e'];

/// A parsed value cell: the number (if the cell has one) and its mark.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    pub value: Option<f64>,
    pub mark: Option<String>,
}

/// Reads one value cell. `-` is zero marked `-`; `.`, `...`, `/`, `x`,
/// `*` and a lone `0` (less than half the smallest unit) have no value;
/// `(12)` is 12 marked `()`; `12p` is 12 marked `p`. Anything else that
/// is not a number is an error (`None`).
pub fn cell(text: &str) -> Option<Cell> {
    let t = text.trim();
    if t == "-" {
        return Some(Cell {
            value: Some(0.0),
            mark: Some("-".into()),
        });
    }
    if VALUE_LESS_MARKS.contains(&t) {
        return Some(Cell {
            value: None,
            mark: Some(t.into()),
        });
    }
    if let Some(inner) = t.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        return number(inner).map(|v| Cell {
            value: Some(v),
            mark: Some("()".into()),
        });
    }
    if let Some(flag) = t.chars().last().filter(|c| FLAGS.contains(c)) {
        let body = t[..t.len() - 1].trim_end();
        return number(body).map(|v| Cell {
            value: Some(v),
            mark: Some(flag.to_string()),
        });
    }
    number(t).map(|v| Cell {
        value: Some(v),
        mark: None,
    })
}

/// A number as the offices write it: decimal comma (`6,8`), or a decimal
/// point where no comma appears; an optional sign.
pub fn number(text: &str) -> Option<f64> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    let digits = t.strip_prefix('-').unwrap_or(t);
    let valid = digits.starts_with(|c: char| c.is_ascii_digit())
        && digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        && digits.matches(',').count() <= 1;
    if !valid {
        return None;
    }
    let normal = if t.contains(',') {
        t.replace('.', "").replace(',', ".")
    } else {
        t.to_string()
    };
    normal.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// A reference period in ISO form: `31.12.2015` → `2015-12-31`,
/// `2024-12-31` and `2024` stay as they are.
pub fn period(text: &str) -> Option<String> {
    let t = text.trim();
    let b = t.as_bytes();
    let all_digits = |s: &[u8]| !s.is_empty() && s.iter().all(u8::is_ascii_digit);
    if b.len() == 4 && all_digits(b) {
        return Some(t.into());
    }
    if b.len() == 10 && b[2] == b'.' && b[5] == b'.' {
        let (d, m, y) = (&t[0..2], &t[3..5], &t[6..10]);
        if [d, m, y].iter().all(|p| all_digits(p.as_bytes())) {
            return Some(format!("{y}-{m}-{d}"));
        }
    }
    if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
        let ok = [&t[0..4], &t[5..7], &t[8..10]]
            .iter()
            .all(|p| all_digits(p.as_bytes()));
        if ok {
            return Some(t.into());
        }
    }
    None
}

/// A region key as tables write it, in the form ikon stores: `DG`
/// (Germany), or an AGS or AGS prefix of 2, 3, 5 or 8 digits. A 12-digit
/// regional key (ARS, Zensus tables) becomes its 8-digit AGS.
pub fn region_key(text: &str) -> Option<String> {
    let t = text.trim();
    if t == "DG" {
        return Some(t.into());
    }
    if !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match t.len() {
        2 | 3 | 5 | 8 => Some(t.into()),
        12 => Some(format!("{}{}", &t[0..5], &t[9..12])),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_are_kept_and_only_dash_is_zero() {
        assert_eq!(cell("-").unwrap().value, Some(0.0));
        assert_eq!(cell("-").unwrap().mark.as_deref(), Some("-"));
        for m in [".", "...", "/", "x", "*", "0"] {
            let c = cell(m).unwrap();
            assert_eq!(c.value, None, "{m}");
            assert_eq!(c.mark.as_deref(), Some(m));
        }
        assert_eq!(
            cell("(12,5)").unwrap(),
            Cell {
                value: Some(12.5),
                mark: Some("()".into())
            }
        );
        assert_eq!(cell("1234p").unwrap().mark.as_deref(), Some("p"));
        assert_eq!(cell("1234 e").unwrap().value, Some(1234.0));
        assert_eq!(cell("6,8").unwrap().value, Some(6.8));
        assert_eq!(cell("0,0").unwrap().value, Some(0.0));
        assert_eq!(cell("1.234,5").unwrap().value, Some(1234.5));
        assert_eq!(cell("-3,5").unwrap().value, Some(-3.5));
        assert!(cell("abc").is_none());
        assert!(cell("12a").is_none());
        assert!(cell("").is_none());
    }

    #[test]
    fn periods_and_keys() {
        assert_eq!(period("31.12.2015").unwrap(), "2015-12-31");
        assert_eq!(period("2016").unwrap(), "2016");
        assert_eq!(period("2024-12-31").unwrap(), "2024-12-31");
        assert!(period("Insgesamt").is_none());
        assert_eq!(region_key("092760130130").unwrap(), "09276130");
        assert_eq!(region_key("09575").unwrap(), "09575");
        assert!(region_key("0957").is_none());
        assert!(region_key("X1").is_none());
    }
}
