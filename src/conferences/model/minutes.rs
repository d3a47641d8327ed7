//! The day and after: attendance, the minutes with notes and decisions
//! per agenda item, comments on circulated minutes.

use serde::{Deserialize, Serialize};

use crate::core::{
    error::{FieldErrors, Msg},
    ids::{AgendaItemId, DecisionId, MeetingId, OrganizationId, PersonId, UserId},
    web::forms::Validator,
};

pub const MINUTES_DRAFT: &str = "draft";
pub const MINUTES_CIRCULATED: &str = "circulated";
pub const MINUTES_APPROVED: &str = "approved";

/// Yes, no, abstain.
pub type Votes = (i64, i64, i64);

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Decision {
    pub id: DecisionId,
    pub agenda_item_id: AgendaItemId,
    pub position: i64,
    pub text: String,
    /// Yes, no, abstain: all three or none.
    pub votes: Option<Votes>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Comment {
    pub id: i64,
    pub user_id: Option<UserId>,
    pub author: String,
    pub body: String,
    pub created_at: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AttendanceRow {
    pub meeting_id: MeetingId,
    pub person_id: PersonId,
    pub organization_id: Option<OrganizationId>,
    pub present: bool,
    pub recorded_at: i64,
}

/// The notes on one agenda item (Markdown).
#[derive(Debug, Default, Deserialize)]
pub struct NotesInput {
    /// The agenda item the notes are about.
    #[serde(default)]
    pub item_id: String,
    #[serde(default)]
    pub notes: String,
}

impl NotesInput {
    pub fn validate(&self) -> Result<String, FieldErrors> {
        let mut v = Validator::new();
        let notes = v.text("notes", &self.notes, false, 20_000);
        if v.is_ok() { Ok(notes) } else { Err(v.errors) }
    }
}

/// A decision on one agenda item, with optional votes.
#[derive(Debug, Default, Deserialize, Serialize)]
pub struct DecisionInput {
    /// The agenda item decided on.
    #[serde(default)]
    pub item_id: String,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub votes_yes: String,
    #[serde(default)]
    pub votes_no: String,
    #[serde(default)]
    pub votes_abstain: String,
}

impl DecisionInput {
    /// The text and the votes: all three counts or none, none negative.
    pub fn validate(&self) -> Result<(String, Option<Votes>), FieldErrors> {
        let mut v = Validator::new();
        let text = v.text("text", &self.text, true, 4000);
        let raw = [
            ("votes_yes", self.votes_yes.trim()),
            ("votes_no", self.votes_no.trim()),
            ("votes_abstain", self.votes_abstain.trim()),
        ];
        let given = raw.iter().filter(|(_, s)| !s.is_empty()).count();
        let mut counts = [0i64; 3];
        if given != 0 && given != 3 {
            for (field, value) in raw {
                if value.is_empty() {
                    v.add(field, Msg::new("min-err-votes-partial"));
                }
            }
        }
        for (n, (field, value)) in raw.iter().enumerate() {
            if value.is_empty() {
                continue;
            }
            match value.parse::<i64>() {
                Ok(c) if (0..=100_000).contains(&c) => counts[n] = c,
                _ => v.add(field, Msg::new("min-err-votes-number")),
            }
        }
        if !v.is_ok() {
            return Err(v.errors);
        }
        let votes = (given == 3).then_some((counts[0], counts[1], counts[2]));
        Ok((text, votes))
    }
}

/// A member's comment on circulated minutes.
#[derive(Debug, Default, Deserialize)]
pub struct CommentInput {
    #[serde(default)]
    pub body: String,
}

impl CommentInput {
    pub fn validate(&self) -> Result<String, FieldErrors> {
        let mut v = Validator::new();
        let body = v.text("body", &self.body, true, 4000);
        if v.is_ok() { Ok(body) } else { Err(v.errors) }
    }
}

/// The network's choice whether approved minutes are public.
#[derive(Debug, Default, Deserialize)]
pub struct VisibilityInput {
    #[serde(default)]
    pub minutes_public: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(text: &str, votes: [&str; 3]) -> DecisionInput {
        DecisionInput {
            item_id: "1".into(),
            text: text.into(),
            votes_yes: votes[0].into(),
            votes_no: votes[1].into(),
            votes_abstain: votes[2].into(),
        }
    }

    #[test]
    fn votes_are_all_three_or_none_and_not_negative() {
        assert_eq!(
            form("Beschlossen", ["", "", ""]).validate().unwrap().1,
            None
        );
        assert_eq!(
            form("Beschlossen", ["12", "0", "3"]).validate().unwrap().1,
            Some((12, 0, 3))
        );
        let partial = form("Beschlossen", ["12", "", "3"]).validate().unwrap_err();
        assert!(partial.contains_key("votes_no"));
        let negative = form("Beschlossen", ["-1", "2", "3"])
            .validate()
            .unwrap_err();
        assert!(negative.contains_key("votes_yes"));
        assert!(
            form(" ", ["", "", ""])
                .validate()
                .unwrap_err()
                .contains_key("text")
        );
    }
}
