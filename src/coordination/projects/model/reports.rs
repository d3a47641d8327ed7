//! What the lead reports on a project: progress, milestones and funding,
//! each with its one `validate`.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{
    APPLICATION_STATUSES, FUNDING_LEVELS, Funding, Project, ProjectStatus, optional_day, within,
};
use crate::{
    coordination::responsibilities::model::parse_day,
    core::{
        error::{FieldErrors, Msg},
        web::forms::Validator,
    },
};

/// A progress report: a status of the list and a percentage; an empty
/// percentage takes the status's default.
#[derive(Clone, Debug, Default, Deserialize, Serialize, ToSchema)]
pub struct ProgressInput {
    #[serde(default)]
    pub status: String,
    /// 0–100; a number or its text; empty: the status's default progress.
    #[serde(default)]
    #[schema(value_type = i64)]
    pub progress: serde_json::Value,
}

impl ProgressInput {
    pub fn validate(&self, statuses: &[ProjectStatus]) -> Result<(String, i64), FieldErrors> {
        let mut v = Validator::new();
        let status = statuses.iter().find(|s| s.code == self.status.trim());
        if status.is_none() {
            v.add("status", Msg::new("proj-err-status"));
        }
        let progress = match &self.progress {
            serde_json::Value::Null => None,
            serde_json::Value::String(s) if s.trim().is_empty() => None,
            serde_json::Value::Number(n) => Some(n.as_i64()),
            serde_json::Value::String(s) => Some(s.trim().parse::<i64>().ok()),
            _ => Some(None),
        };
        let progress = match progress {
            None => status.map_or(0, |s| s.default_progress),
            Some(Some(p)) if (0..=100).contains(&p) => p,
            Some(_) => {
                v.add("progress", Msg::new("proj-err-progress"));
                0
            }
        };
        match status {
            Some(s) if v.is_ok() => Ok((s.code.clone(), progress)),
            _ => Err(v.errors),
        }
    }
}

/// A milestone as the form sends it.
#[derive(Clone, Debug, Default, Deserialize, Serialize, ToSchema)]
pub struct MilestoneInput {
    #[serde(default)]
    pub title: String,
    /// `YYYY-MM-DD`, within the project's period.
    #[serde(default)]
    pub due_on: String,
    #[serde(default)]
    pub done: bool,
    #[serde(default)]
    pub note: String,
}

impl MilestoneInput {
    pub fn validate(
        &self,
        project: &Project,
    ) -> Result<(String, String, bool, String), FieldErrors> {
        let mut v = Validator::new();
        let title = v.text("title", &self.title, true, 300);
        let note = v.text("note", &self.note, false, 2000);
        let due_on = parse_day(&self.due_on);
        match &due_on {
            None => v.add("due_on", Msg::new("proj-err-date")),
            Some(d) if !within(d, project.starts_on.as_deref(), project.ends_on.as_deref()) => {
                v.add("due_on", Msg::new("proj-err-milestone-outside"))
            }
            Some(_) => {}
        }
        if !v.is_ok() {
            return Err(v.errors);
        }
        Ok((title, due_on.expect("checked"), self.done, note))
    }
}

/// A funding source as the form sends it.
#[derive(Clone, Debug, Default, Deserialize, Serialize, ToSchema)]
pub struct FundingInput {
    #[serde(default)]
    pub programme: String,
    #[serde(default)]
    pub funder: String,
    #[serde(default)]
    pub level: String,
    /// Euros, e.g. `120000` or `120.000,50`.
    #[serde(default)]
    pub amount: String,
    #[serde(default)]
    pub period_from: String,
    #[serde(default)]
    pub period_until: String,
    #[serde(default)]
    pub application_status: String,
    #[serde(default)]
    pub deadline: String,
    /// The id of a funding call of the network's bulletin; may be empty.
    #[serde(default)]
    pub funding_call: String,
}

/// Cents as German text: `120.000,50 €`.
pub fn euros(cents: i64) -> String {
    let whole = (cents / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(c);
    }
    format!("{grouped},{:02} €", cents % 100)
}

/// Euros as a German or plain number (`1.234,56`, `1234.56`, `1234`) in cents.
pub fn parse_euros(value: &str) -> Option<i64> {
    let value = value.trim().trim_end_matches('€').trim();
    let normal = if value.contains(',') {
        value.replace('.', "").replace(',', ".")
    } else {
        value.to_string()
    };
    let amount: f64 = normal.parse().ok()?;
    (0.0..1e12)
        .contains(&amount)
        .then(|| (amount * 100.0).round() as i64)
}

impl FundingInput {
    pub fn validate(&self) -> Result<Funding, FieldErrors> {
        let mut v = Validator::new();
        let programme = v.text("programme", &self.programme, true, 300);
        let funder = v.text("funder", &self.funder, true, 300);
        if !FUNDING_LEVELS.contains(&self.level.trim()) {
            v.add("level", Msg::new("proj-err-level"));
        }
        let amount_cents = parse_euros(&self.amount).unwrap_or_else(|| {
            v.add("amount", Msg::new("proj-err-amount"));
            0
        });
        let period_from = optional_day(&mut v, "period_from", &self.period_from);
        let period_until = optional_day(&mut v, "period_until", &self.period_until);
        if let (Some(f), Some(u)) = (&period_from, &period_until)
            && u < f
        {
            v.add("period_until", Msg::new("proj-err-end-before-start"));
        }
        if !APPLICATION_STATUSES.contains(&self.application_status.trim()) {
            v.add(
                "application_status",
                Msg::new("proj-err-application-status"),
            );
        }
        let deadline = optional_day(&mut v, "deadline", &self.deadline);
        // Whether the call is one of the network's is the service's check.
        let funding_call_id = match self.funding_call.trim() {
            "" => None,
            value => value.parse::<i64>().ok().or_else(|| {
                v.add("funding_call", Msg::new("proj-err-funding-call"));
                None
            }),
        };
        if !v.is_ok() {
            return Err(v.errors);
        }
        Ok(Funding {
            id: 0,
            programme,
            funder,
            level: self.level.trim().into(),
            amount_cents,
            amount: euros(amount_cents),
            period_from,
            period_until,
            application_status: self.application_status.trim().into(),
            deadline,
            funding_call_id,
        })
    }
}
