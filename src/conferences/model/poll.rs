//! The date poll: options, answers given through personal links, and the
//! registration for an invited meeting.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::meeting::times;
use crate::core::{
    error::{FieldErrors, Msg},
    ids::{MeetingId, PersonId},
    web::forms::Validator,
};

#[derive(Clone, Debug, Serialize)]
pub struct PollOption {
    pub id: i64,
    pub meeting_id: MeetingId,
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

/// One answer of one person to one option.
#[derive(Clone, Debug)]
pub struct AnswerRow {
    pub option_id: i64,
    pub person_id: PersonId,
    pub answer: Answer,
}

/// A date proposed in the poll.
#[derive(Debug, Default, Deserialize, Serialize)]
pub struct OptionInput {
    #[serde(default)]
    pub starts_at: String,
    #[serde(default)]
    pub ends_at: String,
}

impl OptionInput {
    /// Start and end, in the future and overlapping none of `existing`.
    pub fn validate(&self, existing: &[PollOption], now: i64) -> Result<(i64, i64), FieldErrors> {
        let mut v = Validator::new();
        let (start, end) = times(&mut v, &self.starts_at, &self.ends_at, true);
        if let Some(start) = start
            && start <= now
        {
            v.add("starts_at", Msg::new("conf-err-in-past"));
        }
        match (start, end) {
            (Some(start), Some(end)) if v.is_ok() => {
                if existing
                    .iter()
                    .any(|o| start < o.ends_at && o.starts_at < end)
                {
                    v.add("starts_at", Msg::new("conf-err-overlap"));
                    Err(v.errors)
                } else {
                    Ok((start, end))
                }
            }
            _ => Err(v.errors),
        }
    }
}

/// The poll form behind a personal link: `o<option id>` = `yes`, `maybe`,
/// `no` or empty (no answer).
pub struct AnswersInput<'a>(pub &'a HashMap<String, String>);

/// The answers given, what was entered per option (to show the form again)
/// and the fields that held no valid answer.
pub struct ReadAnswers {
    pub answers: Vec<(i64, Answer)>,
    pub entered: HashMap<i64, String>,
    pub errors: FieldErrors,
}

impl AnswersInput<'_> {
    pub fn read(&self, options: &[PollOption]) -> ReadAnswers {
        let mut read = ReadAnswers {
            answers: Vec::new(),
            entered: HashMap::new(),
            errors: FieldErrors::new(),
        };
        for option in options {
            let field = format!("o{}", option.id);
            let value = self.0.get(&field).map(|s| s.trim()).unwrap_or_default();
            read.entered.insert(option.id, value.to_string());
            match (value, Answer::parse(value)) {
                ("", _) => {}
                (_, Some(answer)) => read.answers.push((option.id, answer)),
                (_, None) => {
                    read.errors.insert(field, Msg::new("conf-err-answer"));
                }
            }
        }
        read
    }
}

/// Registering for (`yes`) or declining (`no`) an invited meeting.
#[derive(Debug, Default, Deserialize)]
pub struct RsvpInput {
    #[serde(default)]
    pub response: String,
}

impl RsvpInput {
    /// Whether the person comes.
    pub fn validate(&self) -> Result<bool, FieldErrors> {
        match self.response.trim() {
            "yes" => Ok(true),
            "no" => Ok(false),
            _ => {
                let mut errors = FieldErrors::new();
                errors.insert("response".into(), Msg::new("conf-err-rsvp"));
                Err(errors)
            }
        }
    }
}

/// A registration or a decline, with the person's name.
#[derive(Clone, Debug, Serialize)]
pub struct Rsvp {
    pub person_id: PersonId,
    pub name: String,
    pub organization: String,
    pub attending: bool,
}

/// The option the coordinator picks as the meeting's date.
#[derive(Debug, Default, Deserialize)]
pub struct ChooseInput {
    #[serde(default)]
    pub option_id: String,
}
