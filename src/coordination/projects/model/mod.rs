//! Joint projects of a network: records, the status list with its default
//! progress, and the weighted roll-up of sub-projects. `input` holds what
//! forms, the API and the CSV import send (with its one `validate`),
//! `reports` the smaller inputs: progress, milestones, funding.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::{
    coordination::responsibilities::model::parse_day,
    core::{
        error::Msg,
        ids::{MilestoneId, NetworkId, OrganizationId, PersonId, ProjectId},
        web::forms::Validator,
    },
};

/// A partner's part in a project.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PartnerRole {
    Lead,
    Partner,
    Funder,
}

impl PartnerRole {
    pub const ALL: [PartnerRole; 3] =
        [PartnerRole::Lead, PartnerRole::Partner, PartnerRole::Funder];

    pub fn code(self) -> &'static str {
        match self {
            PartnerRole::Lead => "lead",
            PartnerRole::Partner => "partner",
            PartnerRole::Funder => "funder",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// Where a proposal stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = ProjectProposalState)]
pub enum State {
    /// Proposed by a member; the proposer may still change it.
    Proposed,
    /// Accepted by the coordinator: a project of the network.
    Accepted,
    Declined,
}

impl State {
    pub fn code(self) -> &'static str {
        match self {
            State::Proposed => "proposed",
            State::Accepted => "accepted",
            State::Declined => "declined",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        [State::Proposed, State::Accepted, State::Declined]
            .into_iter()
            .find(|s| s.code() == code)
    }
}

/// A status of the network's list and the progress it stands for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ProjectStatus {
    pub code: String,
    /// Empty for the built-in statuses (their names are translated).
    pub label: String,
    pub default_progress: i64,
}

/// The built-in list, for networks that have not set their own.
pub fn default_statuses() -> Vec<ProjectStatus> {
    [
        ("idea", 0),
        ("planned", 10),
        ("running", 50),
        ("finished", 100),
    ]
    .into_iter()
    .map(|(code, progress)| ProjectStatus {
        code: code.into(),
        label: String::new(),
        default_progress: progress,
    })
    .collect()
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct Partner {
    pub organization_id: OrganizationId,
    pub organization: String,
    pub role: PartnerRole,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct Milestone {
    pub id: MilestoneId,
    pub title: String,
    /// `YYYY-MM-DD`.
    pub due_on: String,
    pub done: bool,
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct Funding {
    pub id: i64,
    pub programme: String,
    pub funder: String,
    /// `eu`, `bund`, `land`, `kommune` or `foundation`.
    pub level: String,
    pub amount_cents: i64,
    /// The amount as German text, e.g. `120.000,00 €`.
    pub amount: String,
    pub period_from: Option<String>,
    pub period_until: Option<String>,
    /// `planned`, `submitted`, `approved` or `rejected`.
    pub application_status: String,
    pub deadline: Option<String>,
    /// The funding call of the network's bulletin this answers, if any.
    pub funding_call_id: Option<i64>,
}

pub const FUNDING_LEVELS: &[&str] = &["eu", "bund", "land", "kommune", "foundation"];
pub const APPLICATION_STATUSES: &[&str] = &["planned", "submitted", "approved", "rejected"];

/// One project as stored, with what its pages show.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Project {
    pub id: ProjectId,
    pub network_id: NetworkId,
    pub parent_id: Option<ProjectId>,
    pub title: String,
    pub goal: String,
    pub description: String,
    pub fields: Vec<String>,
    pub target_groups: Vec<String>,
    pub starts_on: Option<String>,
    pub ends_on: Option<String>,
    pub status: String,
    /// 0–100 as set by the lead; see `rolled_up` for a parent.
    pub progress: i64,
    /// The share of a sub-project in its parent's progress.
    pub weight: i64,
    pub is_public: bool,
    pub state: State,
    pub proposer_organization_id: Option<OrganizationId>,
    /// Whom the network asks about the project (internal: never on the
    /// public page).
    pub contact_person_id: Option<PersonId>,
    pub partners: Vec<Partner>,
    pub milestones: Vec<Milestone>,
    pub funding: Vec<Funding>,
    /// The progress shown: a parent's is its sub-projects' weighted mean.
    pub rolled_up: i64,
    pub created_at: i64,
    pub updated_at: i64,
}

impl Project {
    pub fn lead(&self) -> Option<OrganizationId> {
        self.partners
            .iter()
            .find(|p| p.role == PartnerRole::Lead)
            .map(|p| p.organization_id)
    }
}

/// The weighted mean of the sub-projects' progress (Decidim's
/// accountability), or the project's own progress without any.
pub fn roll_up(own: i64, children: &[(i64, i64)]) -> i64 {
    let weights: i64 = children.iter().map(|(_, w)| *w).sum();
    if children.is_empty() || weights <= 0 {
        return own;
    }
    let sum: i64 = children.iter().map(|(p, w)| p * w).sum();
    // Rounded to the nearest whole percent.
    (sum * 2 + weights) / (weights * 2)
}

/// One entry of a project's timeline.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct HistoryEntry {
    pub at: i64,
    pub actor: String,
    pub action: String,
    pub detail: String,
}

pub(super) fn optional_day(v: &mut Validator, field: &str, value: &str) -> Option<String> {
    match value.trim() {
        "" => None,
        value => {
            let day = parse_day(value);
            if day.is_none() {
                v.add(field, Msg::new("proj-err-date"));
            }
            day
        }
    }
}

/// Whether `day` lies within the period (open ends allowed).
pub fn within(day: &str, starts_on: Option<&str>, ends_on: Option<&str>) -> bool {
    starts_on.is_none_or(|s| s <= day) && ends_on.is_none_or(|e| day <= e)
}

mod input;
mod reports;
mod targets;

pub use input::{Choices, PartnerInput, ProjectInput, ProjectRecord};
pub use reports::{FundingInput, MilestoneInput, ProgressInput, euros, parse_euros};
pub use targets::{Current, Target, TargetChoices, TargetInput, TargetRecord, parse_number};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_rolls_up_by_weight() {
        assert_eq!(roll_up(10, &[]), 10);
        assert_eq!(roll_up(0, &[(100, 1), (0, 1)]), 50);
        assert_eq!(roll_up(0, &[(100, 3), (0, 1)]), 75);
        assert_eq!(roll_up(0, &[(50, 2), (20, 1)]), 40);
        assert_eq!(roll_up(0, &[(33, 1), (34, 1)]), 34);
    }

    #[test]
    fn progress_takes_the_status_default_or_a_percentage() {
        let statuses = default_statuses();
        let input = |s: &str, p: serde_json::Value| ProgressInput {
            status: s.into(),
            progress: p,
        };
        assert_eq!(
            input("running", serde_json::Value::Null)
                .validate(&statuses)
                .unwrap(),
            ("running".into(), 50)
        );
        assert_eq!(
            input("running", "".into()).validate(&statuses).unwrap().1,
            50
        );
        assert_eq!(
            input("planned", 25.into()).validate(&statuses).unwrap().1,
            25
        );
        for bad in [101.into(), (-1).into(), "viel".into()] {
            assert!(
                input("running", bad)
                    .validate(&statuses)
                    .unwrap_err()
                    .contains_key("progress")
            );
        }
        assert!(
            input("paused", 5.into())
                .validate(&statuses)
                .unwrap_err()
                .contains_key("status")
        );
    }

    #[test]
    fn euros_in_german_and_plain_notation() {
        assert_eq!(parse_euros("120.000,50"), Some(12_000_050));
        assert_eq!(parse_euros("1234.5"), Some(123_450));
        assert_eq!(parse_euros("800 €"), Some(80_000));
        assert_eq!(parse_euros("-3"), None);
        assert_eq!(parse_euros("viel"), None);
        assert_eq!(euros(12_000_050), "120.000,50 €");
        assert_eq!(euros(99), "0,99 €");
    }
}
