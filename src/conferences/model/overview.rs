//! The supervisor's view of a network's rhythm: the last conference that
//! took place, the next one, and whether the rhythm holds.

use chrono::{DateTime, Months, Utc};
use chrono_tz::Europe::Berlin;
use serde::Serialize;

use super::meeting::{Meeting, State as MeetingState};

/// How late a conference may be before the rhythm counts as broken.
pub const GRACE_MONTHS: u32 = 1;

/// Why the rhythm holds or not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rhythm {
    Holds,
    /// No conference has taken place yet.
    NoneHeld,
    /// The last one is longer ago than the rhythm plus the grace month.
    LastTooLongAgo,
    /// No next one is planned in time.
    NextNotPlanned,
}

fn plus_months(ts: i64, months: i64) -> i64 {
    DateTime::<Utc>::from_timestamp(ts, 0)
        .and_then(|t| {
            t.with_timezone(&Berlin)
                .checked_add_months(Months::new(months.clamp(0, 1200) as u32))
        })
        .map(|t| t.timestamp())
        .unwrap_or(i64::MAX)
}

/// The rule: the last conference lies within the rhythm plus a month of
/// grace, and the next one is planned for no later than that too.
pub fn rhythm(last: Option<i64>, next: Option<i64>, rhythm_months: i64, now: i64) -> Rhythm {
    let Some(last) = last else {
        return Rhythm::NoneHeld;
    };
    let deadline = plus_months(last, rhythm_months + i64::from(GRACE_MONTHS));
    if now > deadline {
        return Rhythm::LastTooLongAgo;
    }
    match next {
        Some(next) if next <= deadline => Rhythm::Holds,
        _ => Rhythm::NextNotPlanned,
    }
}

/// The last conference that took place and the next one, by start time.
pub fn last_and_next(meetings: &[Meeting], now: i64) -> (Option<&Meeting>, Option<&Meeting>) {
    let dated = meetings
        .iter()
        .filter(|m| m.state != MeetingState::Cancelled && m.starts_at.is_some());
    let last = dated
        .clone()
        .filter(|m| m.starts_at.is_some_and(|s| s <= now))
        .max_by_key(|m| m.starts_at);
    let next = dated
        .filter(|m| m.starts_at.is_some_and(|s| s > now))
        .min_by_key(|m| m.starts_at);
    (last, next)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conferences::model::parse_local;

    fn at(s: &str) -> i64 {
        parse_local(s).unwrap()
    }

    #[test]
    fn rhythm_allows_one_month_of_grace() {
        let last = Some(at("2026-01-15T10:00"));
        let now = at("2026-07-20T10:00");
        // Six months plus grace: the next one by 15 August is in time.
        assert_eq!(
            rhythm(last, Some(at("2026-08-10T10:00")), 6, now),
            Rhythm::Holds
        );
        assert_eq!(
            rhythm(last, Some(at("2026-09-10T10:00")), 6, now),
            Rhythm::NextNotPlanned
        );
        assert_eq!(rhythm(last, None, 6, now), Rhythm::NextNotPlanned);
        assert_eq!(
            rhythm(last, None, 6, at("2026-08-16T10:00")),
            Rhythm::LastTooLongAgo
        );
        assert_eq!(rhythm(None, None, 6, now), Rhythm::NoneHeld);
    }
}
