//! OpenStreetMap `opening_hours` values in words: one line per weekday (or
//! run of weekdays with the same hours), evaluated for a given week so that
//! date-dependent rules show what applies now.

use chrono::{Duration, NaiveDate, NaiveTime};
use opening_hours::{OpeningHours, RuleKind};

/// The Monday of the week `date` falls in.
pub fn monday_of(date: NaiveDate) -> NaiveDate {
    use chrono::Datelike;
    date - Duration::days(i64::from(date.weekday().num_days_from_monday()))
}

fn day_hours(oh: &OpeningHours, day: NaiveDate) -> String {
    let start = day.and_time(NaiveTime::MIN);
    let end = start + Duration::days(1);
    let ranges: Vec<String> = oh
        .iter_range(start, end)
        .filter(|r| r.kind != RuleKind::Closed)
        .map(|r| {
            let to = if r.range.end >= end {
                "24:00".to_string()
            } else {
                r.range.end.format("%H:%M").to_string()
            };
            let mut text = format!("{}–{to}", r.range.start.format("%H:%M"));
            if !r.comment.is_empty() {
                text.push_str(&format!(" ({})", r.comment));
            }
            text
        })
        .collect();
    ranges.join(", ")
}

/// The lines for a value, with `weekdays` Monday first. A value the parser
/// does not understand is shown as written; an empty one gives no lines.
pub fn in_words(
    value: &str,
    weekdays: &[String; 7],
    closed_otherwise: &str,
    week_of: NaiveDate,
) -> Vec<String> {
    let value = value.trim();
    if value.is_empty() {
        return Vec::new();
    }
    let Ok(oh) = value.parse::<OpeningHours>() else {
        return vec![value.to_string()];
    };
    let monday = monday_of(week_of);
    let days: Vec<String> = (0..7)
        .map(|i| day_hours(&oh, monday + Duration::days(i)))
        .collect();
    let mut lines = Vec::new();
    let mut i = 0;
    while i < 7 {
        let mut j = i;
        while j + 1 < 7 && days[j + 1] == days[i] {
            j += 1;
        }
        if !days[i].is_empty() {
            let names = if i == j {
                weekdays[i].to_string()
            } else {
                format!("{} – {}", weekdays[i], weekdays[j])
            };
            lines.push(format!("{names}: {}", days[i]));
        }
        i = j + 1;
    }
    if lines.is_empty() {
        return vec![value.to_string()];
    }
    if days.iter().any(String::is_empty) {
        lines.push(closed_otherwise.to_string());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn de() -> [String; 7] {
        crate::core::i18n::Lang::De.weekdays()
    }

    fn week() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    #[test]
    fn weekdays_with_the_same_hours_share_a_line() {
        let lines = in_words(
            "Mo-Fr 08:00-12:00; Th 14:00-18:00",
            &de(),
            "sonst geschlossen",
            week(),
        );
        assert_eq!(
            lines,
            [
                "Montag – Mittwoch: 08:00–12:00",
                "Donnerstag: 14:00–18:00",
                "Freitag: 08:00–12:00",
                "sonst geschlossen"
            ]
        );
    }

    #[test]
    fn additional_rules_and_whole_days() {
        let lines = in_words("Mo 09:00-12:00, 13:00-15:00", &de(), "x", week());
        assert_eq!(lines, ["Montag: 09:00–12:00, 13:00–15:00", "x"]);
        let lines = in_words("24/7", &de(), "x", week());
        assert_eq!(lines, ["Montag – Sonntag: 00:00–24:00"]);
    }

    #[test]
    fn unparsable_values_are_shown_as_written() {
        assert_eq!(
            in_words("nach Absprache", &de(), "x", week()),
            ["nach Absprache"]
        );
        assert!(in_words(" ", &de(), "x", week()).is_empty());
    }
}
