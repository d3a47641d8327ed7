//! What forms and API requests send, one type per form or query, each with
//! the one `validate` that both the HTML and the JSON handlers use.

mod offer;
mod query;

pub use offer::OfferInput;
pub use query::{Dialect, ExportQuery, FinderAsk, FinderQuery, Place};

use serde::{Deserialize, Serialize};

use crate::core::{
    error::{FieldErrors, Msg},
    paths,
    web::forms::Validator,
};

use super::{ContactPoint, GROUPS, OfferRecord, Status, Translation, source_hash};

/// The status workflow's form: where to move the offer.
#[derive(Debug, Default, Deserialize)]
pub struct StatusInput {
    #[serde(default)]
    pub to: String,
}

impl StatusInput {
    pub fn validate(&self) -> Result<Status, FieldErrors> {
        Status::parse(self.to.trim())
            .ok_or_else(|| FieldErrors::from([("to".to_string(), Msg::new("offer-err-choice"))]))
    }
}

/// "Details still correct".
#[derive(Debug, Default, Deserialize)]
pub struct VerifyInput {
    /// Where to go afterwards: a local path (the list or dashboard the
    /// button was on); the offer page otherwise.
    #[serde(default)]
    pub back: String,
}

impl VerifyInput {
    /// `back` if it is a path on this site (never another host: the value
    /// comes from the browser) without a query (the confirmation is added
    /// as one), else `otherwise`.
    pub fn target(&self, otherwise: String) -> String {
        match paths::local_path(self.back.trim()) {
            Some(back) if !back.contains('?') => back.to_string(),
            _ => otherwise,
        }
    }
}

/// A translation of an offer's texts into one language.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct TranslationInput {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub description: String,
}

impl TranslationInput {
    /// The translation into `lang` of the German `source`, remembering the
    /// source's hash so a later change shows it outdated.
    pub fn validate(&self, lang: &str, source: &OfferRecord) -> Result<Translation, FieldErrors> {
        let mut v = Validator::new();
        let t = Translation {
            lang: lang.to_string(),
            title: v.text("title", &self.title, true, 200),
            summary: v.text("summary", &self.summary, false, 500),
            description: v.text("description", &self.description, false, 20_000),
            source_hash: source_hash(source),
        };
        if v.is_ok() { Ok(t) } else { Err(v.errors) }
    }
}

/// The contact point form: target groups and the area served (the whole
/// Kreis or some of its municipalities). Checkbox groups repeat a name;
/// a value may also list several, separated by commas or spaces.
#[derive(Clone, Debug, Default)]
pub struct ContactPointInput {
    pub target_groups: Vec<String>,
    pub whole_kreis: bool,
    pub municipalities: Vec<String>,
}

impl ContactPointInput {
    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        let values = |name: &str| -> Vec<String> {
            pairs
                .iter()
                .filter(|(k, _)| k == name)
                .flat_map(|(_, v)| v.split([',', ' ']).map(str::trim).map(str::to_string))
                .filter(|v| !v.is_empty())
                .collect()
        };
        let mut municipalities = values("municipalities");
        municipalities.sort();
        municipalities.dedup();
        Self {
            target_groups: values("target_groups"),
            whole_kreis: pairs.iter().any(|(k, v)| k == "whole_kreis" && v == "1"),
            municipalities,
        }
    }

    /// The designation as entered, to show the form again.
    pub fn as_entered(&self) -> ContactPoint {
        ContactPoint {
            target_groups: GROUPS
                .iter()
                .filter(|g| self.target_groups.iter().any(|t| t == *g))
                .map(|g| g.to_string())
                .collect(),
            whole_kreis: self.whole_kreis,
            municipalities: self.municipalities.clone(),
        }
    }

    /// The designation, with municipalities only from `known` (the Kreis's,
    /// as (key, name)); no target group removes the designation.
    pub fn validate(&self, known: &[(String, String)]) -> Result<ContactPoint, FieldErrors> {
        let mut errors = FieldErrors::new();
        if self
            .target_groups
            .iter()
            .any(|g| !GROUPS.contains(&g.as_str()))
        {
            errors.insert("target_groups".into(), Msg::new("offer-err-choice"));
        }
        let outside: Vec<&str> = self
            .municipalities
            .iter()
            .filter(|m| !known.iter().any(|(k, _)| k == *m))
            .map(String::as_str)
            .collect();
        if !outside.is_empty() {
            errors.insert(
                "municipalities".into(),
                Msg::new("cp-err-outside").arg("keys", outside.join(", ")),
            );
        }
        if !self.target_groups.is_empty() && !self.whole_kreis && self.municipalities.is_empty() {
            errors.insert("municipalities".into(), Msg::new("cp-err-area"));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut point = self.as_entered();
        if point.whole_kreis {
            point.municipalities.clear();
        }
        Ok(point)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn contact_point_needs_an_area_inside_the_kreis() {
        let known = vec![("09575113".to_string(), "Neustadt".to_string())];
        let input = ContactPointInput::from_pairs(&pairs(&[("target_groups", "adults")]));
        assert!(
            input
                .validate(&known)
                .unwrap_err()
                .contains_key("municipalities")
        );
        let input = ContactPointInput::from_pairs(&pairs(&[
            ("target_groups", "adults refugees"),
            ("municipalities", "09575113, 09575113"),
        ]));
        let point = input.validate(&known).unwrap();
        assert_eq!(point.target_groups, ["adults", "refugees"]);
        assert_eq!(point.municipalities, ["09575113"]);
        let input = ContactPointInput::from_pairs(&pairs(&[
            ("target_groups", "adults"),
            ("whole_kreis", "1"),
            ("municipalities", "09575113"),
        ]));
        assert!(input.validate(&known).unwrap().municipalities.is_empty());
        let input = ContactPointInput::from_pairs(&pairs(&[
            ("target_groups", "aliens"),
            ("municipalities", "09162000"),
        ]));
        let errors = input.validate(&known).unwrap_err();
        assert_eq!(errors.len(), 2);
    }

    #[test]
    fn only_local_paths_are_followed_back() {
        let to =
            |back: &str| VerifyInput { back: back.into() }.target("/networks/1/offers/2".into());
        assert_eq!(to("/networks/1"), "/networks/1");
        assert_eq!(to("//evil.example"), "/networks/1/offers/2");
        assert_eq!(to("https://evil.example"), "/networks/1/offers/2");
        assert_eq!(to("/networks/1?x=1"), "/networks/1/offers/2");
        assert_eq!(to("/\t/evil.example"), "/networks/1/offers/2");
    }
}
