//! Action items: what has to happen after a conference (or to prepare an
//! event of the bulletin: its planning tasks), who does it and by when,
//! with the rules shared by the HTML pages, the API and the reminders.

use chrono::{NaiveDate, Utc};
use chrono_tz::Europe::Berlin;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::conferences::model::{choice, id_text};
use crate::core::{
    error::{FieldErrors, Msg},
    ids::{
        ActionItemId, AgendaItemId, DecisionId, MeetingId, NetworkId, OrganizationId, PersonId,
        PostId, UserId,
    },
    web::forms::Validator,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Open,
    InProgress,
    Done,
    Dropped,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Open,
        Status::InProgress,
        Status::Done,
        Status::Dropped,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::InProgress => "in_progress",
            Status::Done => "done",
            Status::Dropped => "dropped",
        }
    }

    pub fn parse(code: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Open and in-progress items still need someone to act.
    pub fn is_open(self) -> bool {
        matches!(self, Status::Open | Status::InProgress)
    }
}

/// One action item as stored, with the names the pages show. It comes
/// either from a conference (meeting and agenda item set) or from an
/// event of the bulletin (post set): never both.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ActionItem {
    pub id: ActionItemId,
    pub network_id: NetworkId,
    pub meeting_id: Option<MeetingId>,
    pub meeting_title: Option<String>,
    pub agenda_item_id: Option<AgendaItemId>,
    pub agenda_item_title: Option<String>,
    /// The event whose planning task this is.
    pub post_id: Option<PostId>,
    pub post_title: Option<String>,
    pub decision_id: Option<DecisionId>,
    pub decision_text: Option<String>,
    pub title: String,
    pub responsible_organization_id: Option<OrganizationId>,
    pub responsible_organization: Option<String>,
    pub responsible_person_id: Option<PersonId>,
    pub responsible_person: Option<String>,
    /// `YYYY-MM-DD`.
    pub due_on: Option<String>,
    pub status: Status,
    /// 0–100 %.
    pub progress: i64,
    /// Open or in progress and the due date has passed (German time).
    pub overdue: bool,
    pub created_at: i64,
    pub updated_at: i64,
}

impl ActionItem {
    /// Where the item was agreed, for text: the meeting's or the event's
    /// title.
    pub fn origin(&self) -> String {
        self.meeting_title
            .clone()
            .or_else(|| self.post_title.clone())
            .unwrap_or_default()
    }

    /// Who is responsible, for text (mail, agenda report).
    pub fn responsible(&self) -> String {
        match (&self.responsible_person, &self.responsible_organization) {
            (Some(p), Some(o)) => format!("{p} ({o})"),
            (Some(p), None) => p.clone(),
            (None, Some(o)) => o.clone(),
            (None, None) => "–".into(),
        }
    }
}

/// One entry of an item's history.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ActionUpdate {
    pub id: i64,
    pub action_item_id: ActionItemId,
    pub user_id: Option<UserId>,
    pub user_name: Option<String>,
    pub status: Status,
    pub progress: i64,
    pub comment: String,
    pub created_at: i64,
}

/// Which items the board shows.
#[derive(Clone, Debug, Default)]
pub struct BoardFilter {
    pub organization_id: Option<OrganizationId>,
    /// `None`: open and in progress.
    pub statuses: Option<Vec<Status>>,
    pub meeting_id: Option<MeetingId>,
}

/// The filters of the board as the page's GET form and the API's query
/// send them.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct BoardQuery {
    /// Responsible organisation id.
    #[serde(default)]
    pub organization: String,
    /// Empty: open and in progress; `all`; or one of `open`, `in_progress`, `done`, `dropped`.
    #[serde(default)]
    pub status: String,
    /// Meeting id.
    #[serde(default)]
    pub meeting: String,
}

impl BoardQuery {
    /// Unknown values are ignored rather than refused: the board is a
    /// read-only view and a stale bookmark should still show something.
    pub fn filter(&self) -> BoardFilter {
        let statuses = match self.status.trim() {
            "" | "open_all" => None,
            "all" => Some(Status::ALL.to_vec()),
            code => Status::parse(code).map(|s| vec![s]),
        };
        BoardFilter {
            organization_id: self.organization.trim().parse().ok(),
            statuses,
            meeting_id: self.meeting.trim().parse().ok(),
        }
    }
}

/// Today's date in German local time.
pub fn today() -> NaiveDate {
    Utc::now().with_timezone(&Berlin).date_naive()
}

pub fn is_overdue(status: Status, due_on: Option<&str>, today: NaiveDate) -> bool {
    status.is_open()
        && due_on
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .is_some_and(|d| d < today)
}

/// A date as German text, `31.12.2026`.
pub fn format_day(iso: &str) -> String {
    NaiveDate::parse_from_str(iso, "%Y-%m-%d")
        .map(|d| d.format("%d.%m.%Y").to_string())
        .unwrap_or_else(|_| iso.to_string())
}

/// What creating or editing an action item sets: a conference's item names
/// its agenda item, an event's planning task its post.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ActionRecord {
    pub agenda_item_id: Option<AgendaItemId>,
    pub post_id: Option<PostId>,
    pub decision_id: Option<DecisionId>,
    pub title: String,
    pub responsible_organization_id: Option<OrganizationId>,
    pub responsible_person_id: Option<PersonId>,
    pub due_on: Option<String>,
}

/// Raw input of the action item form.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct ActionInput {
    #[serde(default)]
    pub agenda_item_id: String,
    #[serde(default)]
    pub decision_id: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub responsible_organization_id: String,
    #[serde(default)]
    pub responsible_person_id: String,
    /// `YYYY-MM-DD`, may be empty.
    #[serde(default)]
    pub due_on: String,
}

/// The valid choices for one meeting: its agenda items, their decisions
/// (decision id → agenda item id), member organisations and their people
/// (person id → organisation id).
pub struct Choices {
    pub agenda_item_ids: Vec<AgendaItemId>,
    pub decisions: Vec<(DecisionId, AgendaItemId)>,
    pub organization_ids: Vec<OrganizationId>,
    pub people: Vec<(PersonId, OrganizationId)>,
}

fn optional_id<T: Copy + PartialEq + std::str::FromStr>(
    v: &mut Validator,
    field: &str,
    raw: &str,
    valid: impl Fn(T) -> bool,
) -> Option<T> {
    choice(v, field, raw, valid, "act-err-choice")
}

impl ActionInput {
    /// The form of an existing item.
    pub fn of(item: &ActionItem) -> Self {
        Self {
            agenda_item_id: id_text(item.agenda_item_id),
            decision_id: id_text(item.decision_id),
            title: item.title.clone(),
            responsible_organization_id: id_text(item.responsible_organization_id),
            responsible_person_id: id_text(item.responsible_person_id),
            due_on: item.due_on.clone().unwrap_or_default(),
        }
    }

    /// A conference's item: its agenda item and decision among the
    /// meeting's, and who is responsible.
    pub fn validate(&self, choices: &Choices) -> Result<ActionRecord, FieldErrors> {
        let mut v = Validator::new();
        let agenda_item_id = match self.agenda_item_id.trim().parse::<AgendaItemId>() {
            Ok(id) if choices.agenda_item_ids.contains(&id) => id,
            _ => {
                v.add("agenda_item_id", Msg::new("act-err-agenda-item"));
                AgendaItemId(0)
            }
        };
        let decision_id = optional_id(&mut v, "decision_id", &self.decision_id, |id| {
            choices
                .decisions
                .iter()
                .any(|(d, item)| *d == id && *item == agenda_item_id)
        });
        let record = self.responsibility(v, choices)?;
        Ok(ActionRecord {
            agenda_item_id: Some(agenda_item_id),
            decision_id,
            ..record
        })
    }

    /// An event's planning task: what, who and by when (the agenda item
    /// and decision fields are not asked).
    pub fn validate_task(
        &self,
        post_id: PostId,
        choices: &Choices,
    ) -> Result<ActionRecord, FieldErrors> {
        let record = self.responsibility(Validator::new(), choices)?;
        Ok(ActionRecord {
            post_id: Some(post_id),
            ..record
        })
    }

    /// Title, responsible organisation and person, due date — what every
    /// action item needs, whatever it comes from — on top of the errors
    /// `v` already holds.
    fn responsibility(
        &self,
        mut v: Validator,
        choices: &Choices,
    ) -> Result<ActionRecord, FieldErrors> {
        let title = v.text("title", &self.title, true, 300);
        let organization = optional_id(
            &mut v,
            "responsible_organization_id",
            &self.responsible_organization_id,
            |id| choices.organization_ids.contains(&id),
        );
        let person = optional_id(
            &mut v,
            "responsible_person_id",
            &self.responsible_person_id,
            |id| choices.people.iter().any(|(p, _)| *p == id),
        );
        if organization.is_none() && person.is_none() && v.is_ok() {
            v.add(
                "responsible_organization_id",
                Msg::new("act-err-responsible"),
            );
        }
        // A person must belong to the organisation named with them.
        if let (Some(o), Some(p)) = (organization, person)
            && !choices.people.iter().any(|(id, org)| *id == p && *org == o)
        {
            v.add("responsible_person_id", Msg::new("act-err-person-org"));
        }
        let due_on = match self.due_on.trim() {
            "" => None,
            value => match NaiveDate::parse_from_str(value, "%Y-%m-%d") {
                Ok(d) => Some(d.format("%Y-%m-%d").to_string()),
                Err(_) => {
                    v.add("due_on", Msg::new("act-err-date"));
                    None
                }
            },
        };
        if !v.is_ok() {
            return Err(v.errors);
        }
        // Naming only a person makes their organisation responsible too.
        let organization = organization.or_else(|| {
            person.and_then(|p| choices.people.iter().find(|(id, _)| *id == p).map(|x| x.1))
        });
        Ok(ActionRecord {
            agenda_item_id: None,
            post_id: None,
            decision_id: None,
            title,
            responsible_organization_id: organization,
            responsible_person_id: person,
            due_on,
        })
    }
}

/// A progress update as entered.
#[derive(Clone, Debug, Default, Deserialize, Serialize, ToSchema)]
pub struct UpdateInput {
    /// `open`, `in_progress`, `done` or `dropped`.
    #[serde(default)]
    pub status: String,
    /// 0–100; a number or its text.
    #[serde(default)]
    #[schema(value_type = i64)]
    pub progress: serde_json::Value,
    #[serde(default)]
    pub comment: String,
}

/// A validated progress update.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UpdateRecord {
    pub status: Status,
    pub progress: i64,
    pub comment: String,
}

impl UpdateInput {
    pub fn validate(&self) -> Result<UpdateRecord, FieldErrors> {
        let mut v = Validator::new();
        let status = Status::parse(self.status.trim());
        if status.is_none() {
            v.add("status", Msg::new("act-err-status"));
        }
        let progress = match &self.progress {
            serde_json::Value::Number(n) => n.as_i64(),
            serde_json::Value::String(s) => s.trim().parse::<i64>().ok(),
            _ => None,
        };
        let progress = match progress {
            Some(p) if (0..=100).contains(&p) => p,
            _ => {
                v.add("progress", Msg::new("act-err-progress"));
                0
            }
        };
        let comment = v.text("comment", &self.comment, false, 4000);
        if !v.is_ok() {
            return Err(v.errors);
        }
        // Done means complete.
        let status = status.expect("checked above");
        let progress = if status == Status::Done {
            100
        } else {
            progress
        };
        Ok(UpdateRecord {
            status,
            progress,
            comment,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overdue_needs_an_open_status_and_a_past_date() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        assert!(is_overdue(Status::Open, Some("2026-11-25"), today));
        assert!(is_overdue(Status::InProgress, Some("2026-01-01"), today));
        assert!(!is_overdue(Status::Open, Some("2026-11-26"), today));
        assert!(!is_overdue(Status::Done, Some("2026-11-25"), today));
        assert!(!is_overdue(Status::Open, None, today));
    }

    #[test]
    fn progress_must_be_a_percentage() {
        let input = |p: serde_json::Value| UpdateInput {
            status: "in_progress".into(),
            progress: p,
            comment: String::new(),
        };
        assert_eq!(input(50.into()).validate().unwrap().progress, 50);
        assert_eq!(input("0".into()).validate().unwrap().progress, 0);
        for bad in [
            (-1).into(),
            101.into(),
            "viel".into(),
            serde_json::Value::Null,
        ] {
            assert!(input(bad).validate().unwrap_err().contains_key("progress"));
        }
    }
}
