//! OpenStreetMap `opening_hours` values: parsed with Germany's public
//! holidays (so `PH off` closes on them), said in words — one line per
//! weekday or run of weekdays with the same hours, evaluated for a given
//! week so that date-dependent rules show what applies — and whether an
//! offer is open at a moment, with its next change.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime};
use opening_hours::{Context, OpeningHours, RuleKind, localization::Country};

/// The value with the German holiday calendars: nationwide public holidays
/// for certain, the regional ones (Bavaria's among them) as possible.
pub fn parse(value: &str) -> Option<OpeningHours> {
    let oh = value.trim().parse::<OpeningHours>().ok()?;
    let context = Context::default()
        .with_holidays(Country::DE.holidays())
        .with_holidays_unknown(Country::DE.holidays_regional());
    Some(oh.with_context(context))
}

/// Whether an offer is open at a moment (local time), and when that
/// changes next (within a week).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Now {
    pub open: bool,
    pub next_change: Option<NaiveDateTime>,
}

/// Monday 0 … Sunday 6, to index the weekday names.
pub fn weekday_index(day: NaiveDate) -> usize {
    day.weekday().num_days_from_monday() as usize
}

/// The Monday of the week `date` falls in.
pub fn monday_of(date: NaiveDate) -> NaiveDate {
    date - Duration::days(i64::from(date.weekday().num_days_from_monday()))
}

fn day_hours(oh: &OpeningHours, day: NaiveDate, isolate: bool) -> String {
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
            let range = format!("{}–{to}", r.range.start.format("%H:%M"));
            // Left-to-right isolated, a right-to-left page keeps 09:00–12:00
            // in its order (PDFs lay out their text themselves).
            let mut text = if isolate {
                format!("\u{2066}{range}\u{2069}")
            } else {
                range
            };
            if !r.comment.is_empty() {
                text.push_str(&format!(" ({})", r.comment));
            }
            text
        })
        .collect();
    ranges.join(", ")
}

/// A value read once, to be said in words and asked whether it is open.
pub struct Hours<'a> {
    value: &'a str,
    parsed: Option<OpeningHours>,
}

impl<'a> Hours<'a> {
    pub fn read(value: &'a str) -> Self {
        let value = value.trim();
        Hours {
            value,
            parsed: parse(value),
        }
    }

    /// The lines, with `weekdays` Monday first; `isolate` wraps each time
    /// range in a left-to-right isolate (for web pages). A value the parser
    /// does not understand is shown as written; an empty one gives no lines.
    pub fn in_words(
        &self,
        weekdays: &[String; 7],
        closed_otherwise: &str,
        week_of: NaiveDate,
        isolate: bool,
    ) -> Vec<String> {
        if self.value.is_empty() {
            return Vec::new();
        }
        let Some(oh) = &self.parsed else {
            return vec![self.value.to_string()];
        };
        let monday = monday_of(week_of);
        let days: Vec<String> = (0..7)
            .map(|i| day_hours(oh, monday + Duration::days(i), isolate))
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
            return vec![self.value.to_string()];
        }
        if days.iter().any(String::is_empty) {
            lines.push(closed_otherwise.to_string());
        }
        lines
    }

    /// Whether it is open at `at` (local time) and when that changes next
    /// (within a week); `None` for an empty or unreadable value.
    pub fn now(&self, at: NaiveDateTime) -> Option<Now> {
        let oh = self.parsed.as_ref()?;
        let next_change = oh
            .next_change(at)
            .filter(|next| *next - at <= Duration::days(7));
        Some(Now {
            open: oh.is_open(at),
            next_change,
        })
    }
}

/// The lines for a value, as the printed Wegweiser shows them.
pub fn in_words(
    value: &str,
    weekdays: &[String; 7],
    closed_otherwise: &str,
    week_of: NaiveDate,
) -> Vec<String> {
    Hours::read(value).in_words(weekdays, closed_otherwise, week_of, false)
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

    fn now(value: &str, at: NaiveDateTime) -> Option<Now> {
        Hours::read(value).now(at)
    }

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, min, 0)
            .unwrap()
    }

    #[test]
    fn time_ranges_are_isolated_left_to_right() {
        let lines = Hours::read("Mo-Fr 09:00-12:00, 13:00-15:30").in_words(
            &de(),
            "sonst geschlossen",
            week(),
            true,
        );
        assert_eq!(
            lines,
            [
                "Montag – Freitag: \u{2066}09:00–12:00\u{2069}, \u{2066}13:00–15:30\u{2069}",
                "sonst geschlossen"
            ]
        );
    }

    #[test]
    fn open_now_and_the_next_change() {
        let value = "Mo-Fr 09:00-12:00; Tu 14:00-17:00";
        // Monday 30 November 2026, 08:00: closed, opens at 09:00.
        let early = now(value, at(2026, 11, 30, 8, 0)).unwrap();
        assert!(!early.open);
        assert_eq!(early.next_change, Some(at(2026, 11, 30, 9, 0)));
        // 10:00: open until 12:00.
        let open = now(value, at(2026, 11, 30, 10, 0)).unwrap();
        assert!(open.open);
        assert_eq!(open.next_change, Some(at(2026, 11, 30, 12, 0)));
        // Friday afternoon: closed until Monday 09:00.
        let weekend = now(value, at(2026, 12, 4, 15, 0)).unwrap();
        assert!(!weekend.open);
        assert_eq!(weekend.next_change, Some(at(2026, 12, 7, 9, 0)));
        assert_eq!(weekday_index(at(2026, 12, 7, 9, 0).date()), 0);
        assert!(now("", at(2026, 12, 4, 15, 0)).is_none());
        assert!(now("Mo-Fr 8 bis 12", at(2026, 12, 4, 15, 0)).is_none());
    }

    #[test]
    fn public_holidays_close_when_the_value_says_so() {
        // Friday 25 December 2026 is a public holiday all over Germany.
        let value = "Mo-Fr 09:00-12:00; PH off";
        assert!(!now(value, at(2026, 12, 25, 10, 0)).unwrap().open);
        assert!(now(value, at(2026, 12, 22, 10, 0)).unwrap().open);
    }
}
