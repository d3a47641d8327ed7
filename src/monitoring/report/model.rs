//! The situation report's records and form inputs: a commentary per
//! indicator, and the network's one current report (title, introduction,
//! chosen indicators, whether and since when it is published).

use serde::Serialize;

use crate::{
    core::{error::FieldErrors, web::forms::Validator},
    monitoring::web::SITUATION,
};

/// Longest commentary, in characters: a few paragraphs beside a chart.
pub const COMMENTARY_MAX: usize = 2_000;
pub const TITLE_MAX: usize = 200;
pub const INTRODUCTION_MAX: usize = 5_000;

/// A coordinator's commentary on one indicator.
#[derive(Clone, Debug, Serialize)]
pub struct Commentary {
    pub indicator: String,
    /// Markdown as written.
    pub body: String,
    pub author_name: String,
    /// UNIX seconds.
    pub updated_at: i64,
}

/// The network's current report.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub title: String,
    pub introduction: String,
    /// Codes in the order of the situation page.
    pub indicators: Vec<String>,
    pub updated_at: i64,
    /// UNIX seconds; `None` while the report is internal.
    pub published_at: Option<i64>,
    pub published_by: Option<i64>,
}

impl Report {
    pub fn is_published(&self) -> bool {
        self.published_at.is_some()
    }

    pub fn includes(&self, code: &str) -> bool {
        self.indicators.iter().any(|c| c == code)
    }
}

/// The commentary form.
#[derive(Clone, Debug, Default, Serialize)]
pub struct CommentaryInput {
    pub body: String,
}

impl CommentaryInput {
    /// The trimmed text, or the field's message.
    pub fn validate(&self) -> Result<String, FieldErrors> {
        let mut v = Validator::new();
        let body = v.text("body", &self.body, true, COMMENTARY_MAX);
        if v.is_ok() { Ok(body) } else { Err(v.errors) }
    }
}

/// The report form: title, introduction and the chosen indicators.
#[derive(Clone, Debug, Default, Serialize)]
pub struct ReportInput {
    pub title: String,
    pub introduction: String,
    pub indicators: Vec<String>,
}

/// What the report form stores.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReportRecord {
    pub title: String,
    pub introduction: String,
    pub indicators: Vec<String>,
}

impl ReportInput {
    /// From the form's pairs: `indicators` repeats, one per checked box.
    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        let mut input = Self::default();
        for (k, v) in pairs {
            match k.as_str() {
                "title" => input.title.clone_from(v),
                "introduction" => input.introduction.clone_from(v),
                "indicators" => input.indicators.push(v.clone()),
                _ => {}
            }
        }
        input
    }

    /// Checks the texts and that every chosen code is an indicator of the
    /// situation page; the codes come back in the page's order, once each.
    pub fn validate(&self) -> Result<ReportRecord, FieldErrors> {
        let mut v = Validator::new();
        let title = v.text("title", &self.title, true, TITLE_MAX);
        let introduction = v.text("introduction", &self.introduction, false, INTRODUCTION_MAX);
        if self.indicators.is_empty() {
            v.add(
                "indicators",
                crate::core::error::Msg::new("report-err-no-indicator"),
            );
        } else if let Some(unknown) = self
            .indicators
            .iter()
            .find(|c| !SITUATION.contains(&c.as_str()))
        {
            v.add(
                "indicators",
                crate::core::error::Msg::new("report-err-unknown-indicator").arg("code", unknown),
            );
        }
        let indicators = SITUATION
            .iter()
            .filter(|code| self.indicators.iter().any(|c| c == *code))
            .map(|code| code.to_string())
            .collect();
        if v.is_ok() {
            Ok(ReportRecord {
                title,
                introduction,
                indicators,
            })
        } else {
            Err(v.errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commentary_must_have_text_within_the_limit() {
        let empty = CommentaryInput { body: "  ".into() };
        assert_eq!(empty.validate().unwrap_err()["body"].id, "err-required");
        let long = CommentaryInput {
            body: "x".repeat(COMMENTARY_MAX + 1),
        };
        assert_eq!(long.validate().unwrap_err()["body"].id, "err-too-long");
        let fine = CommentaryInput {
            body: " Gut. ".into(),
        };
        assert_eq!(fine.validate().unwrap(), "Gut.");
    }

    #[test]
    fn chosen_indicators_come_back_in_page_order_and_unknown_ones_are_refused() {
        let input = ReportInput {
            title: "Bericht".into(),
            introduction: String::new(),
            indicators: vec!["foreigners_share".into(), "population".into()],
        };
        assert_eq!(
            input.validate().unwrap().indicators,
            ["population", "foreigners_share"]
        );
        let bad = ReportInput {
            indicators: vec!["nonsense".into()],
            ..input.clone()
        };
        assert!(bad.validate().unwrap_err().contains_key("indicators"));
        let none = ReportInput {
            indicators: vec![],
            ..input
        };
        assert!(none.validate().unwrap_err().contains_key("indicators"));
    }
}
