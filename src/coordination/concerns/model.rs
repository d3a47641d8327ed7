//! Concerns (Anliegen): what the network asks of politics and
//! administration, its state machine and the inputs with their one
//! `validate`.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::{
    coordination::responsibilities::model::parse_day,
    core::{
        error::{FieldErrors, Msg},
        ids::{
            AgendaItemId, ConcernId, DecisionId, MeetingId, NetworkId, OrganizationId, PersonId,
        },
        web::forms::Validator,
    },
};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ConcernState {
    Draft,
    OnAgenda,
    Agreed,
    Rejected,
    Postponed,
    Submitted,
    Answered,
    Closed,
    Withdrawn,
}

impl ConcernState {
    pub const ALL: [ConcernState; 9] = [
        ConcernState::Draft,
        ConcernState::OnAgenda,
        ConcernState::Agreed,
        ConcernState::Rejected,
        ConcernState::Postponed,
        ConcernState::Submitted,
        ConcernState::Answered,
        ConcernState::Closed,
        ConcernState::Withdrawn,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ConcernState::Draft => "draft",
            ConcernState::OnAgenda => "on_agenda",
            ConcernState::Agreed => "agreed",
            ConcernState::Rejected => "rejected",
            ConcernState::Postponed => "postponed",
            ConcernState::Submitted => "submitted",
            ConcernState::Answered => "answered",
            ConcernState::Closed => "closed",
            ConcernState::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The states a concern may move to from this one.
    pub fn next(self) -> &'static [ConcernState] {
        use ConcernState::*;
        match self {
            Draft => &[OnAgenda, Withdrawn],
            OnAgenda => &[Agreed, Rejected, Postponed, Withdrawn],
            Postponed => &[OnAgenda, Withdrawn],
            Agreed => &[Submitted, Withdrawn],
            Rejected => &[Closed],
            Submitted => &[Answered],
            Answered => &[Closed],
            Closed | Withdrawn => &[],
        }
    }

    pub fn allows(self, to: ConcernState) -> bool {
        self.next().contains(&to)
    }

    /// Submitted to its addressee (and maybe answered and closed since):
    /// what a network may publish.
    pub fn is_sent(self) -> bool {
        matches!(
            self,
            ConcernState::Submitted | ConcernState::Answered | ConcernState::Closed
        )
    }
}

/// Whom a concern is addressed to.
pub const ADDRESSEES: &[&str] = &[
    "kreistag",
    "kreistag_committee",
    "landrat",
    "buergermeister",
    "land_ministry",
    "regierung",
    "employment_agency",
    "job_centre",
    "bamf",
    "other",
];

/// One concern as stored.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Concern {
    pub id: ConcernId,
    pub network_id: NetworkId,
    /// The organisation whose member drafted it.
    pub organization_id: Option<OrganizationId>,
    pub title: String,
    pub body: String,
    pub addressee: String,
    pub justification: String,
    pub state: ConcernState,
    pub meeting_id: Option<MeetingId>,
    pub agenda_item_id: Option<AgendaItemId>,
    pub decision_id: Option<DecisionId>,
    pub submitted_on: Option<String>,
    pub reference: String,
    pub answered_on: Option<String>,
    pub answer: String,
    /// Member organisations that support it (named on page and letter).
    pub supporters: Vec<Supporter>,
    /// The contact person to ask about it (internal: never on the letter
    /// or a public page).
    pub contact_person_id: Option<PersonId>,
    /// The letter generated at submission, if any.
    pub letter: Option<StoredFile>,
    /// The answer's document, if one was uploaded.
    pub answer_document: Option<StoredFile>,
    /// The states it may move to now.
    pub allowed: Vec<ConcernState>,
    pub created_at: i64,
    pub updated_at: i64,
}

/// A supporting organisation.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct Supporter {
    pub organization_id: OrganizationId,
    pub name: String,
}

/// A file kept under its SHA-256 in the data folder.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct StoredFile {
    pub file_name: String,
    pub mime_type: String,
    pub size: i64,
    #[serde(skip)]
    pub sha256: String,
    /// Published by OParl as `sha512Checksum`.
    pub sha512: String,
}

/// The concern form and the API body.
#[derive(Clone, Debug, Default, Deserialize, Serialize, ToSchema)]
pub struct ConcernInput {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub body: String,
    /// One of `kreistag`, `kreistag_committee`, `landrat`, `buergermeister`,
    /// `land_ministry`, `regierung`, `employment_agency`, `job_centre`, `bamf`, `other`.
    #[serde(default)]
    pub addressee: String,
    #[serde(default)]
    pub justification: String,
    /// Ids of supporting member organisations.
    #[serde(default)]
    #[schema(value_type = Vec<String>)]
    pub supporters: Vec<String>,
    /// Id of a contact person of a member organisation; empty: none.
    #[serde(default)]
    #[schema(value_type = String)]
    pub contact_person_id: String,
}

/// Who supports a concern and whom to ask, as chosen (checked against the
/// network's members by the service).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ConcernLinks {
    pub supporters: Vec<OrganizationId>,
    pub contact_person_id: Option<PersonId>,
}

/// What the form sets.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ConcernRecord {
    pub title: String,
    pub body: String,
    pub addressee: String,
    pub justification: String,
}

impl ConcernInput {
    pub fn of(c: &Concern) -> Self {
        Self {
            title: c.title.clone(),
            body: c.body.clone(),
            addressee: c.addressee.clone(),
            justification: c.justification.clone(),
            supporters: c
                .supporters
                .iter()
                .map(|s| s.organization_id.to_string())
                .collect(),
            contact_person_id: c
                .contact_person_id
                .map(|p| p.to_string())
                .unwrap_or_default(),
        }
    }

    /// The form as sent by a browser: repeated `supporters` fields.
    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        let mut input = Self::default();
        for (key, value) in pairs {
            match key.as_str() {
                "title" => input.title = value.clone(),
                "body" => input.body = value.clone(),
                "addressee" => input.addressee = value.clone(),
                "justification" => input.justification = value.clone(),
                "supporters" => input.supporters.push(value.clone()),
                "contact_person_id" => input.contact_person_id = value.clone(),
                _ => {}
            }
        }
        input
    }

    /// The chosen supporters and contact, checked against the network's
    /// member organisations and their people.
    pub fn links(
        &self,
        members: &[OrganizationId],
        people: &[(PersonId, OrganizationId)],
    ) -> Result<ConcernLinks, FieldErrors> {
        let mut v = Validator::new();
        let mut supporters = Vec::new();
        for raw in self.supporters.iter().filter(|s| !s.trim().is_empty()) {
            match raw.trim().parse::<i64>().map(OrganizationId) {
                Ok(id) if members.contains(&id) => {
                    if !supporters.contains(&id) {
                        supporters.push(id);
                    }
                }
                _ => v.add("supporters", Msg::new("conc-err-supporter")),
            }
        }
        let contact_person_id = match self.contact_person_id.trim() {
            "" => None,
            raw => match raw.parse::<i64>().map(PersonId) {
                Ok(id) if people.iter().any(|(p, _)| *p == id) => Some(id),
                _ => {
                    v.add("contact_person_id", Msg::new("conc-err-contact"));
                    None
                }
            },
        };
        if v.is_ok() {
            Ok(ConcernLinks {
                supporters,
                contact_person_id,
            })
        } else {
            Err(v.errors)
        }
    }

    pub fn validate(&self) -> Result<ConcernRecord, FieldErrors> {
        let mut v = Validator::new();
        let title = v.text("title", &self.title, true, 300);
        let body = v.text("body", &self.body, true, 20000);
        let justification = v.text("justification", &self.justification, false, 20000);
        if !ADDRESSEES.contains(&self.addressee.trim()) {
            v.add("addressee", Msg::new("conc-err-addressee"));
        }
        if !v.is_ok() {
            return Err(v.errors);
        }
        Ok(ConcernRecord {
            title,
            body,
            addressee: self.addressee.trim().into(),
            justification,
        })
    }
}

/// A move of the state machine with what the target state needs: the
/// meeting for `on_agenda`, the decision for `agreed`, date and reference
/// for `submitted`, date and text for `answered`.
#[derive(Clone, Debug, Default, Deserialize, Serialize, ToSchema)]
pub struct TransitionInput {
    /// The state to move to.
    #[serde(default)]
    pub to: String,
    #[serde(default)]
    #[schema(value_type = String)]
    pub meeting_id: String,
    #[serde(default)]
    #[schema(value_type = String)]
    pub decision_id: String,
    /// `YYYY-MM-DD` (submitted, answered).
    #[serde(default)]
    pub date: String,
    /// The addressee's reference number (submitted).
    #[serde(default)]
    pub reference: String,
    /// The answer's text (answered).
    #[serde(default)]
    pub text: String,
}

/// A checked move.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum Transition {
    ToAgenda(MeetingId),
    Agree(DecisionId),
    Reject,
    Postpone,
    Submit { on: String, reference: String },
    Answer { on: String, text: String },
    Close,
    Withdraw,
}

impl Transition {
    pub fn target(&self) -> ConcernState {
        match self {
            Transition::ToAgenda(_) => ConcernState::OnAgenda,
            Transition::Agree(_) => ConcernState::Agreed,
            Transition::Reject => ConcernState::Rejected,
            Transition::Postpone => ConcernState::Postponed,
            Transition::Submit { .. } => ConcernState::Submitted,
            Transition::Answer { .. } => ConcernState::Answered,
            Transition::Close => ConcernState::Closed,
            Transition::Withdraw => ConcernState::Withdrawn,
        }
    }
}

impl TransitionInput {
    /// The target state, if it is one (checked before anything else, so
    /// that a forbidden move is told as such).
    pub fn target(&self) -> Option<ConcernState> {
        ConcernState::parse(self.to.trim())
    }

    /// The details the target state needs.
    pub fn validate(&self) -> Result<Transition, FieldErrors> {
        let mut v = Validator::new();
        let id = |v: &mut Validator, field: &str, raw: &str| -> i64 {
            raw.trim().parse::<i64>().unwrap_or_else(|_| {
                v.add(field, Msg::new("conc-err-required-choice"));
                0
            })
        };
        let day = |v: &mut Validator| -> String {
            parse_day(&self.date).unwrap_or_else(|| {
                v.add("date", Msg::new("resp-err-date"));
                String::new()
            })
        };
        let transition = match self.target() {
            None => {
                v.add("to", Msg::new("conc-err-state"));
                Transition::Close
            }
            Some(ConcernState::OnAgenda) => {
                Transition::ToAgenda(MeetingId(id(&mut v, "meeting_id", &self.meeting_id)))
            }
            Some(ConcernState::Agreed) => {
                Transition::Agree(DecisionId(id(&mut v, "decision_id", &self.decision_id)))
            }
            Some(ConcernState::Rejected) => Transition::Reject,
            Some(ConcernState::Postponed) => Transition::Postpone,
            Some(ConcernState::Submitted) => {
                let on = day(&mut v);
                let reference = v.text("reference", &self.reference, true, 100);
                Transition::Submit { on, reference }
            }
            Some(ConcernState::Answered) => {
                let on = day(&mut v);
                let text = v.text("text", &self.text, true, 20000);
                Transition::Answer { on, text }
            }
            Some(ConcernState::Closed) => Transition::Close,
            Some(ConcernState::Withdrawn) => Transition::Withdraw,
            Some(ConcernState::Draft) => {
                v.add("to", Msg::new("conc-err-state"));
                Transition::Close
            }
        };
        if v.is_ok() {
            Ok(transition)
        } else {
            Err(v.errors)
        }
    }
}

/// One entry of a concern's history.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ConcernStep {
    pub at: i64,
    pub from_state: String,
    pub to_state: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use ConcernState::*;

    #[test]
    fn withdrawal_is_possible_only_before_submission() {
        for s in [Draft, OnAgenda, Postponed, Agreed] {
            assert!(s.allows(Withdrawn), "{s:?}");
        }
        for s in [Submitted, Answered, Closed, Rejected, Withdrawn] {
            assert!(!s.allows(Withdrawn), "{s:?}");
        }
        assert!(!Draft.allows(Submitted) && !Closed.allows(Draft));
    }

    #[test]
    fn each_target_asks_for_its_details() {
        let input = |to: &str| TransitionInput {
            to: to.into(),
            ..TransitionInput::default()
        };
        assert!(
            input("on_agenda")
                .validate()
                .unwrap_err()
                .contains_key("meeting_id")
        );
        assert!(
            input("agreed")
                .validate()
                .unwrap_err()
                .contains_key("decision_id")
        );
        let errors = input("submitted").validate().unwrap_err();
        assert!(errors.contains_key("date") && errors.contains_key("reference"));
        assert!(
            input("answered")
                .validate()
                .unwrap_err()
                .contains_key("text")
        );
        assert!(input("draft").validate().unwrap_err().contains_key("to"));
        assert_eq!(input("closed").validate().unwrap(), Transition::Close);
    }
}
