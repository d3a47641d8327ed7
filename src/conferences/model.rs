//! Conference records and the pure rules of the cycle: when the next
//! conference is due and which organisation organises it.

use chrono::{DateTime, Months, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Europe::Berlin;
use serde::Serialize;

/// Rhythm of a network without settings: "as a rule every six months".
pub const DEFAULT_RHYTHM_MONTHS: i64 = 6;
pub const MIN_RHYTHM_MONTHS: i64 = 1;
pub const MAX_RHYTHM_MONTHS: i64 = 24;
/// How long a personal link (poll, RSVP) stays valid.
pub const LINK_VALID_SECS: i64 = 60 * 24 * 3600;

/// The meeting series of a network.
#[derive(Clone, Debug, Serialize)]
pub struct Series {
    pub rhythm_months: i64,
    pub default_location: String,
}

impl Default for Series {
    fn default() -> Self {
        Self {
            rhythm_months: DEFAULT_RHYTHM_MONTHS,
            default_location: String::new(),
        }
    }
}

/// One place in the organisers' rotation.
#[derive(Clone, Debug, Serialize)]
pub struct RotationEntry {
    pub organization_id: i64,
    pub name: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    Planned,
    Invited,
    Held,
    MinutesApproved,
    Cancelled,
}

impl State {
    pub fn code(self) -> &'static str {
        match self {
            State::Planned => "planned",
            State::Invited => "invited",
            State::Held => "held",
            State::MinutesApproved => "minutes_approved",
            State::Cancelled => "cancelled",
        }
    }

    pub fn parse(code: &str) -> State {
        match code {
            "invited" => State::Invited,
            "held" => State::Held,
            "minutes_approved" => State::MinutesApproved,
            "cancelled" => State::Cancelled,
            _ => State::Planned,
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct Meeting {
    pub id: i64,
    pub network_id: i64,
    pub title: String,
    /// UNIX seconds; `None` until a date is chosen.
    pub starts_at: Option<i64>,
    pub ends_at: Option<i64>,
    pub location: String,
    pub online_url: String,
    pub organizer_organization_id: Option<i64>,
    pub state: State,
    pub is_public: bool,
    pub ics_uid: String,
    pub ics_sequence: i64,
    pub created_at: i64,
    pub updated_at: i64,
    /// Contact people of member organisations.
    pub chair_person_id: Option<i64>,
    pub minute_taker_person_id: Option<i64>,
    /// '' before any minutes, then draft, circulated, approved.
    pub minutes_state: String,
    pub minutes_approved_at: Option<i64>,
}

impl Meeting {
    /// The date poll is open while no date is chosen and nothing was sent.
    pub fn poll_open(&self) -> bool {
        self.state == State::Planned && self.starts_at.is_none()
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct PollOption {
    pub id: i64,
    pub meeting_id: i64,
    pub starts_at: i64,
    pub ends_at: i64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    Yes,
    Maybe,
    No,
}

impl Answer {
    pub const ALL: [Answer; 3] = [Answer::Yes, Answer::Maybe, Answer::No];

    pub fn code(self) -> &'static str {
        match self {
            Answer::Yes => "yes",
            Answer::Maybe => "maybe",
            Answer::No => "no",
        }
    }

    pub fn parse(code: &str) -> Option<Answer> {
        Answer::ALL.into_iter().find(|a| a.code() == code)
    }
}

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
pub fn next_organizer(rotation: &[i64], last_organizer: Option<i64>) -> Option<i64> {
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
}
