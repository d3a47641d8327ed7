//! Numbers as readers of each language write them: `12.766` and `78,24`
//! in German, `12,766` and `78.24` in English. Fluent's own number
//! formatting does not group digits, so the region pages use these.

use crate::core::i18n::Lang;

fn separators(lang: Lang) -> (char, char) {
    match lang {
        Lang::De | Lang::Tr => ('.', ','),
        Lang::Uk | Lang::Ru => ('\u{a0}', ','),
        Lang::En | Lang::Ar | Lang::Fa => (',', '.'),
    }
}

fn group(digits: &str, separator: char) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// A whole number with thousands separators.
pub fn integer(lang: Lang, value: i64) -> String {
    let grouped = group(&value.unsigned_abs().to_string(), separators(lang).0);
    if value < 0 {
        format!("-{grouped}")
    } else {
        grouped
    }
}

/// A decimal number with `places` fraction digits and thousands separators.
pub fn decimal(lang: Lang, value: f64, places: usize) -> String {
    let (thousands, point) = separators(lang);
    let text = format!("{:.*}", places, value.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let sign = if value < 0.0 && text.bytes().any(|b| matches!(b, b'1'..=b'9')) {
        "-"
    } else {
        ""
    };
    let mut out = format!("{sign}{}", group(whole, thousands));
    if !fraction.is_empty() {
        out.push(point);
        out.push_str(fraction);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands_per_language() {
        assert_eq!(integer(Lang::De, 12_766), "12.766");
        assert_eq!(integer(Lang::En, 12_766), "12,766");
        assert_eq!(integer(Lang::De, 83_577_140), "83.577.140");
        assert_eq!(integer(Lang::De, 999), "999");
        assert_eq!(integer(Lang::De, 0), "0");
        assert_eq!(integer(Lang::En, -1_000), "-1,000");
    }

    #[test]
    fn writes_decimals_per_language() {
        assert_eq!(decimal(Lang::De, 78.24, 2), "78,24");
        assert_eq!(decimal(Lang::En, 1267.5, 2), "1,267.50");
        assert_eq!(decimal(Lang::De, 70541.7, 1), "70.541,7");
        assert_eq!(decimal(Lang::De, 49.579782, 4), "49,5798");
        assert_eq!(decimal(Lang::En, -0.001, 2), "0.00");
        assert_eq!(decimal(Lang::De, 12.0, 0), "12");
    }
}
