//! The agenda of a meeting: its items, the files attached to them and the
//! items members propose.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::input::{choice, id_text, text, ticked};
use crate::core::{
    error::{AppError, AppResult, FieldErrors, Msg},
    ids::{AgendaItemId, AttachmentId, MeetingId, NetworkId, OrganizationId, ProposalId, UserId},
    web::forms::Validator,
};

/// Planned duration of one item, in minutes.
pub const DURATION_RANGE: (i64, i64) = (1, 480);
/// What a new item (or proposal) lasts unless the form says otherwise.
pub const DEFAULT_DURATION: &str = "15";

/// One agenda item, as the agenda page and the API show it.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct AgendaItem {
    pub id: AgendaItemId,
    pub meeting_id: MeetingId,
    /// 1, 2, 3 … in agenda order.
    pub position: i64,
    pub title: String,
    pub description: String,
    pub proposer_organization_id: Option<OrganizationId>,
    pub duration_minutes: i64,
    pub is_public: bool,
}

/// What the agenda form sets.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AgendaRecord {
    pub title: String,
    pub description: String,
    pub proposer_organization_id: Option<OrganizationId>,
    pub duration_minutes: i64,
    pub is_public: bool,
}

/// An agenda item as the agenda form and the API send it.
#[derive(Debug, Deserialize, Serialize, ToSchema)]
pub struct AgendaInput {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// A member organisation.
    #[serde(default, deserialize_with = "text")]
    #[schema(value_type = Option<i64>)]
    pub proposer_organization_id: String,
    /// 1–480.
    #[serde(default, deserialize_with = "text")]
    #[schema(value_type = i64)]
    pub duration_minutes: String,
    #[serde(default, deserialize_with = "text")]
    #[schema(value_type = bool)]
    pub is_public: String,
}

impl Default for AgendaInput {
    /// The empty form for a new item.
    fn default() -> Self {
        Self {
            title: String::new(),
            description: String::new(),
            proposer_organization_id: String::new(),
            duration_minutes: DEFAULT_DURATION.into(),
            is_public: String::new(),
        }
    }
}

/// A duration in minutes within [`DURATION_RANGE`]; the message goes to `field`.
fn duration(v: &mut Validator, field: &str, raw: &str) -> i64 {
    let (min, max) = DURATION_RANGE;
    match raw.trim().parse::<i64>() {
        Ok(d) if (min..=max).contains(&d) => d,
        _ => {
            v.add(
                field,
                Msg::new("conf-err-rhythm").arg("min", min).arg("max", max),
            );
            0
        }
    }
}

impl AgendaInput {
    /// The form of an existing item.
    pub fn of(item: &AgendaItem) -> Self {
        Self {
            title: item.title.clone(),
            description: item.description.clone(),
            proposer_organization_id: id_text(item.proposer_organization_id),
            duration_minutes: item.duration_minutes.to_string(),
            is_public: if item.is_public {
                "1".into()
            } else {
                String::new()
            },
        }
    }

    /// `members`: the network's member organisations, who may propose.
    pub fn validate(&self, members: &[OrganizationId]) -> Result<AgendaRecord, FieldErrors> {
        let mut v = Validator::new();
        let title = v.text("title", &self.title, true, 200);
        let description = v.text("description", &self.description, false, 4000);
        let proposer = choice(
            &mut v,
            "proposer_organization_id",
            &self.proposer_organization_id,
            |id| members.contains(&id),
            "conf-err-not-member",
        );
        let duration_minutes = duration(&mut v, "duration_minutes", &self.duration_minutes);
        if !v.is_ok() {
            return Err(v.errors);
        }
        Ok(AgendaRecord {
            title,
            description,
            proposer_organization_id: proposer,
            duration_minutes,
            is_public: ticked(&self.is_public),
        })
    }
}

/// Which way a move button moves an item.
#[derive(Debug, Default, Deserialize)]
pub struct MoveInput {
    /// `up` or `down`.
    #[serde(default)]
    pub direction: String,
}

impl MoveInput {
    /// Up (`true`) or down; anything else is no page (404).
    pub fn up(&self) -> AppResult<bool> {
        match self.direction.as_str() {
            "up" => Ok(true),
            "down" => Ok(false),
            _ => Err(AppError::not_found()),
        }
    }
}

pub const PROPOSAL_OPEN: &str = "open";
pub const PROPOSAL_ACCEPTED: &str = "accepted";
pub const PROPOSAL_DECLINED: &str = "declined";

/// An agenda item a member proposed: open until the coordinator accepts
/// it (it joins the agenda) or declines it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Proposal {
    pub id: ProposalId,
    pub meeting_id: MeetingId,
    pub organization_id: Option<OrganizationId>,
    pub proposed_by: Option<UserId>,
    pub title: String,
    pub description: String,
    pub duration_minutes: i64,
    pub state: String,
    pub decision_note: String,
    pub agenda_item_id: Option<AgendaItemId>,
    pub created_at: i64,
}

/// What a member proposes.
#[derive(Clone, Debug, Serialize)]
pub struct ProposalRecord {
    pub organization_id: Option<OrganizationId>,
    pub title: String,
    pub description: String,
    pub duration_minutes: i64,
}

/// The proposal form on the agenda page. Its messages go to
/// `proposal_*` fields, because the page shows the agenda form too.
#[derive(Debug, Deserialize, Serialize)]
pub struct ProposalInput {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub duration_minutes: String,
}

impl Default for ProposalInput {
    fn default() -> Self {
        Self {
            title: String::new(),
            description: String::new(),
            duration_minutes: DEFAULT_DURATION.into(),
        }
    }
}

impl ProposalInput {
    /// The proposal for `organization_id` (the proposer's organisation
    /// when it is a member).
    pub fn validate(
        &self,
        organization_id: Option<OrganizationId>,
    ) -> Result<ProposalRecord, FieldErrors> {
        let mut v = Validator::new();
        let title = v.text("proposal_title", &self.title, true, 200);
        let description = v.text("proposal_description", &self.description, false, 4000);
        let duration_minutes =
            duration(&mut v, "proposal_duration_minutes", &self.duration_minutes);
        if !v.is_ok() {
            return Err(v.errors);
        }
        Ok(ProposalRecord {
            organization_id,
            title,
            description,
            duration_minutes,
        })
    }
}

/// The coordinator's answer to a proposal.
#[derive(Debug, Default, Deserialize)]
pub struct ProposalDecisionInput {
    /// `accept` or `decline`.
    #[serde(default)]
    pub decision: String,
    #[serde(default)]
    pub note: String,
}

impl ProposalDecisionInput {
    /// Accepted (`true`) or declined, and the note; a decline needs one.
    pub fn validate(&self) -> AppResult<(bool, String)> {
        let mut v = Validator::new();
        let note = v.text("note", &self.note, false, 2000);
        let accept = match self.decision.as_str() {
            "accept" => true,
            "decline" => {
                if note.is_empty() {
                    v.add("note", Msg::new("min-err-decline-note"));
                }
                false
            }
            _ => return Err(AppError::bad_request("invalid_request", "min-err-decision")),
        };
        v.finish()?;
        Ok((accept, note))
    }
}

/// A file attached to an agenda item. The bytes live on disk under their
/// SHA-256; a deleted file keeps its row so that OParl can report it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Attachment {
    pub id: AttachmentId,
    pub network_id: NetworkId,
    pub agenda_item_id: Option<AgendaItemId>,
    pub file_name: String,
    pub mime_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub sha512: String,
    pub is_public: bool,
    pub created_at: i64,
    pub deleted_at: Option<i64>,
}

/// What an upload stores.
#[derive(Clone, Debug, Serialize)]
pub struct NewAttachment {
    pub agenda_item_id: AgendaItemId,
    pub file_name: String,
    pub mime_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub sha512: String,
    pub is_public: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agenda_items_validate_alike_from_forms_and_json() {
        let members = [OrganizationId(4)];
        let form: AgendaInput =
            serde_urlencoded::from_str("title=Begr%C3%BC%C3%9Fung&duration_minutes=10").unwrap();
        let json: AgendaInput =
            serde_json::from_str(r#"{"title":"Begrüßung","duration_minutes":10}"#).unwrap();
        assert_eq!(
            form.validate(&members).unwrap(),
            json.validate(&members).unwrap()
        );
        let long: AgendaInput =
            serde_json::from_str(r#"{"title":"Zu lang","duration_minutes":481}"#).unwrap();
        assert!(
            long.validate(&members)
                .unwrap_err()
                .contains_key("duration_minutes")
        );
        let missing: AgendaInput = serde_json::from_str(r#"{"title":"Ohne Dauer"}"#).unwrap();
        assert!(missing.validate(&members).is_err());
        let stranger: AgendaInput = serde_json::from_str(
            r#"{"title":"x","duration_minutes":5,"proposer_organization_id":9}"#,
        )
        .unwrap();
        assert!(
            stranger
                .validate(&members)
                .unwrap_err()
                .contains_key("proposer_organization_id")
        );
    }
}
