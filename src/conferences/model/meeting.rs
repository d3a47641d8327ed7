//! Meetings and the meeting series of a network.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::input::{choice, id_text, text, ticked};
use super::{format_local, parse_local};
use crate::core::{
    error::{FieldErrors, Msg},
    ids::{MeetingId, NetworkId, OrganizationId, PersonId},
    web::forms::Validator,
};

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
    pub organization_id: OrganizationId,
    pub name: String,
}

/// The series settings form: `action` is `save` (rhythm and default
/// location) or a change of the rotation (`add`, `up`, `down`, `remove`
/// with `organization_id`).
#[derive(Debug, Default, Deserialize, Serialize)]
pub struct SettingsInput {
    #[serde(default)]
    pub action: String,
    #[serde(default)]
    pub rhythm_months: String,
    #[serde(default)]
    pub default_location: String,
    #[serde(default)]
    pub organization_id: String,
}

impl SettingsInput {
    pub fn changes_rotation(&self) -> bool {
        matches!(self.action.as_str(), "add" | "up" | "down" | "remove")
    }

    /// The rhythm and default location of a `save`.
    pub fn validate_series(&self) -> Result<Series, FieldErrors> {
        let mut v = Validator::new();
        let rhythm = self.rhythm_months.trim().parse::<i64>().ok();
        let rhythm = rhythm.filter(|r| (MIN_RHYTHM_MONTHS..=MAX_RHYTHM_MONTHS).contains(r));
        if rhythm.is_none() {
            v.add(
                "rhythm_months",
                Msg::new("conf-err-rhythm")
                    .arg("min", MIN_RHYTHM_MONTHS)
                    .arg("max", MAX_RHYTHM_MONTHS),
            );
        }
        let default_location = v.text("default_location", &self.default_location, false, 300);
        match rhythm {
            Some(rhythm_months) if v.is_ok() => Ok(Series {
                rhythm_months,
                default_location,
            }),
            _ => Err(v.errors),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ToSchema)]
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
    pub id: MeetingId,
    pub network_id: NetworkId,
    pub title: String,
    /// UNIX seconds; `None` until a date is chosen.
    pub starts_at: Option<i64>,
    pub ends_at: Option<i64>,
    pub location: String,
    pub online_url: String,
    pub organizer_organization_id: Option<OrganizationId>,
    pub state: State,
    pub is_public: bool,
    pub ics_uid: String,
    pub ics_sequence: i64,
    pub created_at: i64,
    pub updated_at: i64,
    /// Contact people of member organisations.
    pub chair_person_id: Option<PersonId>,
    pub minute_taker_person_id: Option<PersonId>,
    /// '' before any minutes, then draft, circulated, approved.
    pub minutes_state: String,
    pub minutes_approved_at: Option<i64>,
}

impl Meeting {
    /// The date poll is open while no date is chosen and nothing was sent.
    pub fn poll_open(&self) -> bool {
        self.state == State::Planned && self.starts_at.is_none()
    }

    /// The agenda can still change (and members may propose items).
    pub fn before_the_day(&self) -> bool {
        matches!(self.state, State::Planned | State::Invited)
    }

    /// The coordinator may mark it held once it has started.
    pub fn can_mark_held(&self, now: i64) -> bool {
        self.before_the_day() && self.starts_at.is_some_and(|t| t <= now)
    }
}

/// What a meeting form sets.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MeetingRecord {
    pub title: String,
    pub starts_at: Option<i64>,
    pub ends_at: Option<i64>,
    pub location: String,
    pub online_url: String,
    pub organizer_organization_id: Option<OrganizationId>,
    pub is_public: bool,
}

impl MeetingRecord {
    pub fn of(m: &Meeting) -> Self {
        Self {
            title: m.title.clone(),
            starts_at: m.starts_at,
            ends_at: m.ends_at,
            location: m.location.clone(),
            online_url: m.online_url.clone(),
            organizer_organization_id: m.organizer_organization_id,
            is_public: m.is_public,
        }
    }
}

/// Chair and minute taker (contact people).
pub type Roles = (Option<PersonId>, Option<PersonId>);

/// A meeting as the form page and the API send it.
#[derive(Debug, Default, Deserialize, Serialize, ToSchema)]
pub struct MeetingInput {
    #[serde(default)]
    pub title: String,
    /// German local time, `YYYY-MM-DDTHH:MM`; both or neither.
    #[serde(default)]
    pub starts_at: String,
    #[serde(default)]
    pub ends_at: String,
    #[serde(default)]
    pub location: String,
    #[serde(default)]
    pub online_url: String,
    /// A member organisation.
    #[serde(default, deserialize_with = "text")]
    #[schema(value_type = Option<i64>)]
    pub organizer_organization_id: String,
    #[serde(default, deserialize_with = "text")]
    #[schema(value_type = bool)]
    pub is_public: String,
    /// A contact person of a member organisation.
    #[serde(default, deserialize_with = "text")]
    #[schema(value_type = Option<i64>)]
    pub chair_person_id: String,
    /// A contact person of a member organisation.
    #[serde(default, deserialize_with = "text")]
    #[schema(value_type = Option<i64>)]
    pub minute_taker_person_id: String,
}

/// The member organisations and their contact people a meeting may name.
pub struct MeetingChoices {
    pub organizations: Vec<OrganizationId>,
    pub people: Vec<PersonId>,
}

impl MeetingInput {
    /// The form of an existing meeting.
    pub fn of(m: &Meeting) -> Self {
        Self {
            title: m.title.clone(),
            starts_at: m.starts_at.map(format_local).unwrap_or_default(),
            ends_at: m.ends_at.map(format_local).unwrap_or_default(),
            location: m.location.clone(),
            online_url: m.online_url.clone(),
            organizer_organization_id: id_text(m.organizer_organization_id),
            is_public: if m.is_public {
                "1".into()
            } else {
                String::new()
            },
            chair_person_id: id_text(m.chair_person_id),
            minute_taker_person_id: id_text(m.minute_taker_person_id),
        }
    }

    pub fn validate(
        &self,
        choices: &MeetingChoices,
    ) -> Result<(MeetingRecord, Roles), FieldErrors> {
        let mut v = Validator::new();
        let title = v.text("title", &self.title, true, 200);
        let location = v.text("location", &self.location, false, 300);
        let online_url = if self.online_url.trim().is_empty() {
            String::new()
        } else {
            v.website("online_url", &self.online_url)
        };
        let (starts_at, ends_at) = times(&mut v, &self.starts_at, &self.ends_at, false);
        let organizer = choice(
            &mut v,
            "organizer_organization_id",
            &self.organizer_organization_id,
            |id| choices.organizations.contains(&id),
            "conf-err-not-member",
        );
        let mut person = |field: &str, raw: &str| {
            choice(
                &mut v,
                field,
                raw,
                |id| choices.people.contains(&id),
                "min-err-not-member-person",
            )
        };
        let chair = person("chair_person_id", &self.chair_person_id);
        let minute_taker = person("minute_taker_person_id", &self.minute_taker_person_id);
        if !v.is_ok() {
            return Err(v.errors);
        }
        let record = MeetingRecord {
            title,
            starts_at,
            ends_at,
            location,
            online_url,
            organizer_organization_id: organizer,
            is_public: ticked(&self.is_public),
        };
        Ok((record, (chair, minute_taker)))
    }
}

/// Start and end from `datetime-local` fields: both or (unless required)
/// neither, the end after the start.
pub fn times(
    v: &mut Validator,
    start: &str,
    end: &str,
    required: bool,
) -> (Option<i64>, Option<i64>) {
    let (start, end) = (start.trim(), end.trim());
    if !required && start.is_empty() && end.is_empty() {
        return (None, None);
    }
    let mut parse = |field: &str, value: &str| {
        if value.is_empty() {
            v.add(field, Msg::new("err-required"));
            None
        } else {
            let t = parse_local(value);
            if t.is_none() {
                v.add(field, Msg::new("conf-err-datetime"));
            }
            t
        }
    };
    let s = parse("starts_at", start);
    let e = parse("ends_at", end);
    if let (Some(s), Some(e)) = (s, e)
        && e <= s
    {
        v.add("ends_at", Msg::new("conf-err-end-before-start"));
    }
    (s, e)
}

/// A meeting as the API shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct MeetingOut {
    pub id: MeetingId,
    pub network_id: NetworkId,
    pub title: String,
    /// UNIX seconds; null until a date is chosen.
    pub starts_at: Option<i64>,
    pub ends_at: Option<i64>,
    pub location: String,
    pub online_url: String,
    pub organizer_organization_id: Option<OrganizationId>,
    /// `planned`, `invited`, `held`, `minutes_approved` or `cancelled`.
    pub state: State,
    pub is_public: bool,
}

impl From<&Meeting> for MeetingOut {
    fn from(m: &Meeting) -> Self {
        Self {
            id: m.id,
            network_id: m.network_id,
            title: m.title.clone(),
            starts_at: m.starts_at,
            ends_at: m.ends_at,
            location: m.location.clone(),
            online_url: m.online_url.clone(),
            organizer_organization_id: m.organizer_organization_id,
            state: m.state,
            is_public: m.is_public,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choices() -> MeetingChoices {
        MeetingChoices {
            organizations: vec![OrganizationId(7)],
            people: vec![PersonId(3)],
        }
    }

    #[test]
    fn one_validation_for_form_and_api() {
        let form: MeetingInput = serde_urlencoded::from_str(
            "title=K&starts_at=2030-05-04T14%3A00&ends_at=2030-05-04T16%3A00&organizer_organization_id=7&is_public=1&chair_person_id=3",
        )
        .unwrap();
        let json: MeetingInput = serde_json::from_str(
            r#"{"title":"K","starts_at":"2030-05-04T14:00","ends_at":"2030-05-04T16:00","organizer_organization_id":7,"is_public":true,"chair_person_id":3}"#,
        )
        .unwrap();
        let a = form.validate(&choices()).unwrap();
        assert_eq!(a, json.validate(&choices()).unwrap());
        assert_eq!(a.0.organizer_organization_id, Some(OrganizationId(7)));
        assert!(a.0.is_public);
        assert_eq!(a.1, (Some(PersonId(3)), None));
    }

    #[test]
    fn times_are_both_or_neither_and_in_order() {
        let input = |s: &str, e: &str| MeetingInput {
            title: "K".into(),
            starts_at: s.into(),
            ends_at: e.into(),
            ..MeetingInput::default()
        };
        assert!(input("", "").validate(&choices()).is_ok());
        let only_start = input("2030-05-04T14:00", "")
            .validate(&choices())
            .unwrap_err();
        assert_eq!(only_start["ends_at"].id, "err-required");
        let bad = input("morgen", "").validate(&choices()).unwrap_err();
        assert_eq!(bad["starts_at"].id, "conf-err-datetime");
        let backwards = input("2030-05-04T14:00", "2030-05-04T13:00")
            .validate(&choices())
            .unwrap_err();
        assert_eq!(backwards["ends_at"].id, "conf-err-end-before-start");
        let stranger = MeetingInput {
            organizer_organization_id: "8".into(),
            ..input("", "")
        };
        assert_eq!(
            stranger.validate(&choices()).unwrap_err()["organizer_organization_id"].id,
            "conf-err-not-member"
        );
    }
}
