//! A project's targets: an indicator of the situation analysis for a
//! region (the network's Kreis by default) with its baseline, the value
//! the project aims at and the day it should be reached. The page shows
//! the latest value of the indicator's series beside them.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::Project;
use crate::{
    coordination::responsibilities::model::parse_day,
    core::{
        error::{FieldErrors, Msg},
        web::forms::Validator,
    },
};

/// The latest value of the indicator's series for the target's region.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct Current {
    pub value: f64,
    /// `2024`, or a reference day `2024-12-31`.
    pub period: String,
    pub source: String,
}

/// One target as stored, with what the page shows.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct Target {
    pub id: i64,
    /// A code of the indicator catalogue, e.g. `foreigners_share`.
    pub indicator: String,
    pub region_key: String,
    pub baseline: f64,
    pub target: f64,
    /// `YYYY-MM-DD`.
    pub target_on: String,
    /// Filled in when shown: the indicator's name in the reader's
    /// language, the region's name, its unit and the current value.
    pub indicator_name: String,
    pub region_name: String,
    pub unit: String,
    pub current: Option<Current>,
}

/// What adding a target sets.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TargetRecord {
    pub indicator: String,
    pub region_key: String,
    pub baseline: f64,
    pub target: f64,
    pub target_on: String,
}

/// The target form. Its fields are prefixed because the project page
/// shows the milestone and funding forms too.
#[derive(Clone, Debug, Default, Deserialize, Serialize, ToSchema)]
pub struct TargetInput {
    #[serde(default)]
    pub target_indicator: String,
    /// A region key: the network's Kreis or one of its municipalities;
    /// empty: the Kreis.
    #[serde(default)]
    pub target_region: String,
    /// A number; a decimal comma is fine.
    #[serde(default)]
    pub target_baseline: String,
    #[serde(default)]
    pub target_value: String,
    /// `YYYY-MM-DD`, not before the project's start.
    #[serde(default)]
    pub target_on: String,
}

/// A number as people type it: `12,5`, `12.5`, `1.234,5`.
pub fn parse_number(value: &str) -> Option<f64> {
    let value = value.trim().trim_end_matches('%').trim();
    let normal = if value.contains(',') {
        value.replace('.', "").replace(',', ".")
    } else {
        value.to_string()
    };
    normal.parse::<f64>().ok().filter(|n| n.is_finite())
}

/// What a target is checked against: the catalogue's codes, the regions
/// it may name (the first is the default) and the project.
pub struct TargetChoices<'a> {
    pub indicators: &'a [&'a str],
    pub regions: &'a [String],
    pub project: &'a Project,
}

impl TargetInput {
    pub fn validate(&self, choices: &TargetChoices) -> Result<TargetRecord, FieldErrors> {
        let mut v = Validator::new();
        let indicator = self.target_indicator.trim();
        if !choices.indicators.contains(&indicator) {
            v.add(
                "target_indicator",
                Msg::new("proj-err-indicator").arg("code", indicator),
            );
        }
        let region = match self.target_region.trim() {
            "" => choices.regions.first().cloned().unwrap_or_default(),
            key if choices.regions.iter().any(|r| r == key) => key.to_string(),
            _ => {
                v.add("target_region", Msg::new("proj-err-target-region"));
                String::new()
            }
        };
        let mut number = |field: &str, value: &str| {
            parse_number(value).unwrap_or_else(|| {
                v.add(field, Msg::new("proj-err-number"));
                0.0
            })
        };
        let baseline = number("target_baseline", &self.target_baseline);
        let target = number("target_value", &self.target_value);
        let target_on = parse_day(&self.target_on);
        match (&target_on, choices.project.starts_on.as_deref()) {
            (None, _) => v.add("target_on", Msg::new("proj-err-date")),
            (Some(day), Some(start)) if day.as_str() < start => v.add(
                "target_on",
                Msg::new("proj-err-target-before-start").arg("start", start),
            ),
            _ => {}
        }
        if !v.is_ok() {
            return Err(v.errors);
        }
        Ok(TargetRecord {
            indicator: indicator.into(),
            region_key: region,
            baseline,
            target,
            target_on: target_on.expect("checked above"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_with_a_decimal_comma() {
        assert_eq!(parse_number("12,5"), Some(12.5));
        assert_eq!(parse_number("1.234,5"), Some(1234.5));
        assert_eq!(parse_number("12.5 %"), Some(12.5));
        assert_eq!(parse_number("viel"), None);
        assert_eq!(parse_number("inf"), None);
    }
}
