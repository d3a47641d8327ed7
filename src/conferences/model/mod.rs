//! The conference records, the one input type per form or API body with
//! its `validate`, the views pages and the API share, and the pure rules
//! of the cycle: when the next conference is due and which organisation
//! organises it.

mod agenda;
mod input;
mod meeting;
mod minutes;
mod overview;
mod poll;

pub use self::{agenda::*, input::*, meeting::*, minutes::*, overview::*, poll::*};

use chrono::{DateTime, Datelike, Months, NaiveDateTime, TimeZone, Timelike, Utc};
use chrono_tz::Europe::Berlin;

use crate::core::i18n::Lang;

/// When the next conference is due: the last one's start plus the rhythm
/// (in calendar months, in German local time), or now if none was held.
pub fn next_due(last_start: Option<i64>, rhythm_months: i64, now: i64) -> i64 {
    let Some(last) = last_start.and_then(|t| DateTime::<Utc>::from_timestamp(t, 0)) else {
        return now;
    };
    let months = Months::new(rhythm_months.clamp(0, i64::from(u32::MAX)) as u32);
    last.with_timezone(&Berlin)
        .checked_add_months(months)
        .map(|t| t.timestamp())
        .unwrap_or(now)
}

/// The organisation after the last organiser in the rotation (wrapping
/// around); the first one if the last organiser is not in the rotation.
pub fn next_organizer<T: Copy + PartialEq>(rotation: &[T], last_organizer: Option<T>) -> Option<T> {
    let first = *rotation.first()?;
    let Some(at) = last_organizer.and_then(|id| rotation.iter().position(|r| *r == id)) else {
        return Some(first);
    };
    Some(rotation[(at + 1) % rotation.len()])
}

/// A `<input type="datetime-local">` value in German local time.
pub fn parse_local(value: &str) -> Option<i64> {
    let value = value.trim();
    let naive = NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M:%S"))
        .ok()?;
    Berlin
        .from_local_datetime(&naive)
        .earliest()
        .map(|t| t.timestamp())
}

/// The `datetime-local` value of a time, in German local time.
pub fn format_local(ts: i64) -> String {
    DateTime::<Utc>::from_timestamp(ts, 0)
        .map(|t| {
            t.with_timezone(&Berlin)
                .format("%Y-%m-%dT%H:%M")
                .to_string()
        })
        .unwrap_or_default()
}

/// A time for e-mail text, in German local time.
pub fn format_human(ts: i64) -> String {
    DateTime::<Utc>::from_timestamp(ts, 0)
        .map(|t| {
            t.with_timezone(&Berlin)
                .format("%d.%m.%Y, %H:%M")
                .to_string()
        })
        .unwrap_or_default()
}

const MONTHS: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];

/// "Donnerstag, 26. November 2026, 14:00–16:00 Uhr" (Europe/Berlin).
pub fn german_when(starts_at: Option<i64>, ends_at: Option<i64>) -> String {
    let at = |ts: i64| Berlin.timestamp_opt(ts, 0).single();
    let Some(start) = starts_at.and_then(at) else {
        return "Termin noch offen".to_string();
    };
    let date = format!(
        "{}, {}. {} {}",
        Lang::De.weekdays()[start.weekday().num_days_from_monday() as usize],
        start.day(),
        MONTHS[start.month0() as usize],
        start.year()
    );
    let time = |t: chrono::DateTime<chrono_tz::Tz>| format!("{:02}:{:02}", t.hour(), t.minute());
    match ends_at.and_then(at) {
        Some(end) if end.date_naive() == start.date_naive() => {
            format!("{date}, {}–{} Uhr", time(start), time(end))
        }
        Some(end) => format!(
            "{date}, {} Uhr – {}. {} {}, {} Uhr",
            time(start),
            end.day(),
            MONTHS[end.month0() as usize],
            end.year(),
            time(end)
        ),
        None => format!("{date}, {} Uhr", time(start)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> i64 {
        parse_local(s).unwrap()
    }

    #[test]
    fn due_is_last_start_plus_rhythm_or_now() {
        assert_eq!(next_due(None, 6, 42), 42);
        assert_eq!(
            next_due(Some(at("2026-03-15T14:00")), 6, 0),
            at("2026-09-15T14:00")
        );
        // Calendar months clamp to the end of a shorter month.
        assert_eq!(
            next_due(Some(at("2026-08-31T10:00")), 6, 0),
            at("2027-02-28T10:00")
        );
    }

    #[test]
    fn rotation_moves_on_and_wraps() {
        assert_eq!(next_organizer(&[], Some(1)), None);
        assert_eq!(next_organizer(&[1, 2, 3], None), Some(1));
        assert_eq!(next_organizer(&[1, 2, 3], Some(1)), Some(2));
        assert_eq!(next_organizer(&[1, 2, 3], Some(3)), Some(1));
        assert_eq!(next_organizer(&[1, 2, 3], Some(9)), Some(1));
    }

    #[test]
    fn local_times_are_german_time() {
        // 14:00 in summer (CEST) is 12:00 UTC.
        assert_eq!(at("2026-07-01T14:00"), 1_782_907_200);
        assert_eq!(format_local(1_782_907_200), "2026-07-01T14:00");
        assert_eq!(parse_local("1.7.2026"), None);
    }

    #[test]
    fn dates_read_the_german_way() {
        // 2026-11-26 13:00 UTC is 14:00 in Berlin (winter time).
        let start = 1_795_698_000;
        assert_eq!(
            german_when(Some(start), Some(start + 7200)),
            "Donnerstag, 26. November 2026, 14:00–16:00 Uhr"
        );
        assert_eq!(german_when(None, None), "Termin noch offen");
    }
}
