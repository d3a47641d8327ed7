//! Groups with special needs: the fixed vocabulary of kinds, the input the
//! form and the API send with its one `validate`, the stored record and the
//! view pages and JSON share (with the gap and the uncovered municipalities
//! worked out against the linked offers).

use serde::{Deserialize, Deserializer, Serialize};
use utoipa::ToSchema;

use crate::core::{
    error::{FieldErrors, Msg},
    ids::{NeedId, NetworkId, OfferId},
    web::forms::Validator,
};

/// The kinds of groups a network records; `other` names its group in words.
pub const KINDS: &[&str] = &[
    "unaccompanied_minors",
    "women_with_children",
    "disabilities",
    "elderly_migrants",
    "duldung",
    "traumatised",
    "illiterate",
    "other",
];

/// Which offers suit a kind: (target groups, fields) of the offers'
/// vocabularies; an offer matching either is suggested first.
pub fn suits(kind: &str) -> (&'static [&'static str], &'static [&'static str]) {
    match kind {
        "unaccompanied_minors" => (&["young_people", "refugees"], &["school", "counselling"]),
        "women_with_children" => (&["women", "families"], &["kindergarten"]),
        "disabilities" => (&[], &["health"]),
        "elderly_migrants" => (&["seniors"], &["seniors"]),
        "duldung" => (&["refugees"], &["counselling", "work"]),
        "traumatised" => (&["refugees"], &["health"]),
        "illiterate" => (&[], &["language"]),
        _ => (&[], &[]),
    }
}

/// A `YYYY-MM-DD` date, normalised.
fn parse_day(value: &str) -> Option<String> {
    chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .ok()
        .filter(|_| value.len() == 10)
        .map(|d| d.format("%Y-%m-%d").to_string())
}

/// A stored group.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Need {
    pub id: NeedId,
    pub network_id: NetworkId,
    /// One of the fixed kinds, e.g. `unaccompanied_minors`.
    pub kind: String,
    /// The group in words when `kind` is `other`.
    pub other_kind: String,
    pub age_from: Option<i64>,
    pub age_to: Option<i64>,
    pub estimated_size: Option<i64>,
    /// The group lives all over the Kreis.
    pub whole_kreis: bool,
    /// Municipality keys (AGS) when not the whole Kreis.
    pub municipalities: Vec<String>,
    /// Where the estimate comes from.
    pub source: String,
    /// `YYYY-MM-DD`: the day of the estimate.
    pub estimated_on: Option<String>,
    pub notes: String,
    /// The offers of the network's directory linked to the group.
    pub offers: Vec<OfferId>,
    pub created_at: i64,
    pub updated_at: i64,
}

/// What creating or changing a group sets.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NeedRecord {
    pub kind: String,
    pub other_kind: String,
    pub age_from: Option<i64>,
    pub age_to: Option<i64>,
    pub estimated_size: Option<i64>,
    pub whole_kreis: bool,
    pub municipalities: Vec<String>,
    pub source: String,
    pub estimated_on: Option<String>,
    pub notes: String,
    pub offers: Vec<OfferId>,
}

/// A number or a text, read as text (the form sends text, API callers
/// send numbers; `validate` reads both alike).
fn loose<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(match serde_json::Value::deserialize(d)? {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s,
        other => other.to_string(),
    })
}

/// Numbers or texts, read as texts.
fn loose_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    Ok(match serde_json::Value::deserialize(d)? {
        serde_json::Value::Array(items) => items
            .into_iter()
            .map(|v| match v {
                serde_json::Value::String(s) => s,
                other => other.to_string(),
            })
            .collect(),
        serde_json::Value::Null => Vec::new(),
        serde_json::Value::String(s) => vec![s],
        other => vec![other.to_string()],
    })
}

/// The group form and the API body.
#[derive(Clone, Debug, Default, Deserialize, Serialize, ToSchema)]
pub struct NeedInput {
    /// One of `unaccompanied_minors`, `women_with_children`,
    /// `disabilities`, `elderly_migrants`, `duldung`, `traumatised`,
    /// `illiterate`, `other`.
    #[serde(default, deserialize_with = "loose")]
    pub kind: String,
    /// The group in words (required when `kind` is `other`).
    #[serde(default, deserialize_with = "loose")]
    pub other_kind: String,
    /// Youngest age, may be empty.
    #[serde(default, deserialize_with = "loose")]
    #[schema(value_type = Option<i64>)]
    pub age_from: String,
    /// Oldest age, may be empty; not below `age_from`.
    #[serde(default, deserialize_with = "loose")]
    #[schema(value_type = Option<i64>)]
    pub age_to: String,
    /// Estimated number of people, may be empty; not negative.
    #[serde(default, deserialize_with = "loose")]
    #[schema(value_type = Option<i64>)]
    pub estimated_size: String,
    /// The whole Kreis (then `municipalities` is ignored).
    #[serde(default)]
    pub whole_kreis: bool,
    /// Municipality keys (AGS) of the network's Kreis.
    #[serde(default, deserialize_with = "loose_list")]
    pub municipalities: Vec<String>,
    /// Where the estimate comes from.
    #[serde(default, deserialize_with = "loose")]
    pub source: String,
    /// `YYYY-MM-DD`, may be empty.
    #[serde(default, deserialize_with = "loose")]
    pub estimated_on: String,
    #[serde(default, deserialize_with = "loose")]
    pub notes: String,
    /// Ids of published offers of the network's directory.
    #[serde(default, deserialize_with = "loose_list")]
    #[schema(value_type = Vec<i64>)]
    pub offers: Vec<String>,
}

/// What the input is checked against: the municipalities of the Kreis and
/// the published offers of the network.
pub struct Choices {
    pub municipalities: Vec<String>,
    pub offers: Vec<OfferId>,
}

impl NeedInput {
    /// The form of a stored group.
    pub fn of(n: &Need) -> Self {
        let number = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
        Self {
            kind: n.kind.clone(),
            other_kind: n.other_kind.clone(),
            age_from: number(n.age_from),
            age_to: number(n.age_to),
            estimated_size: number(n.estimated_size),
            whole_kreis: n.whole_kreis,
            municipalities: n.municipalities.clone(),
            source: n.source.clone(),
            estimated_on: n.estimated_on.clone().unwrap_or_default(),
            notes: n.notes.clone(),
            offers: n.offers.iter().map(ToString::to_string).collect(),
        }
    }

    /// The form as a browser sends it: `municipalities` and `offers` once
    /// per ticked box, `whole_kreis` as `1`.
    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        let mut input = Self::default();
        for (key, value) in pairs {
            match key.as_str() {
                "kind" => input.kind = value.clone(),
                "other_kind" => input.other_kind = value.clone(),
                "age_from" => input.age_from = value.clone(),
                "age_to" => input.age_to = value.clone(),
                "estimated_size" => input.estimated_size = value.clone(),
                "whole_kreis" => input.whole_kreis = value == "1",
                "municipalities" => input.municipalities.push(value.clone()),
                "source" => input.source = value.clone(),
                "estimated_on" => input.estimated_on = value.clone(),
                "notes" => input.notes = value.clone(),
                "offers" => input.offers.push(value.clone()),
                _ => {}
            }
        }
        input
    }

    pub fn has_municipality(&self, key: &str) -> bool {
        self.municipalities.iter().any(|m| m == key)
    }

    pub fn has_offer(&self, id: OfferId) -> bool {
        let id = id.to_string();
        self.offers.iter().any(|o| o.trim() == id)
    }

    pub fn validate(&self, choices: &Choices) -> Result<NeedRecord, FieldErrors> {
        let mut v = Validator::new();
        let kind = self.kind.trim();
        if !KINDS.contains(&kind) {
            v.add(
                "kind",
                Msg::new("needs-err-kind").arg("valid", KINDS.join(", ")),
            );
        }
        let other_kind = v.text("other_kind", &self.other_kind, kind == "other", 200);
        let age = |v: &mut Validator, field: &str, value: &str| match value.trim() {
            "" => None,
            value => match value.parse::<i64>() {
                Ok(n) if (0..=120).contains(&n) => Some(n),
                _ => {
                    v.add(field, Msg::new("needs-err-age"));
                    None
                }
            },
        };
        let age_from = age(&mut v, "age_from", &self.age_from);
        let age_to = age(&mut v, "age_to", &self.age_to);
        if let (Some(from), Some(to)) = (age_from, age_to)
            && from > to
        {
            v.add("age_to", Msg::new("needs-err-age-order"));
        }
        let estimated_size = match self.estimated_size.trim() {
            "" => None,
            value => match value.parse::<i64>() {
                Ok(n) if n >= 0 => Some(n),
                _ => {
                    v.add("estimated_size", Msg::new("needs-err-size"));
                    None
                }
            },
        };
        let mut municipalities: Vec<String> = Vec::new();
        if !self.whole_kreis {
            for key in self.municipalities.iter().map(|m| m.trim()) {
                if !choices.municipalities.iter().any(|m| m == key) {
                    v.add(
                        "municipalities",
                        Msg::new("needs-err-municipality").arg("key", key),
                    );
                } else if !municipalities.iter().any(|m| m == key) {
                    municipalities.push(key.to_string());
                }
            }
            if municipalities.is_empty() && !v.errors.contains_key("municipalities") {
                v.add("municipalities", Msg::new("needs-err-no-area"));
            }
        }
        municipalities.sort();
        let source = v.text("source", &self.source, false, 300);
        let estimated_on = match self.estimated_on.trim() {
            "" => None,
            value => match parse_day(value) {
                Some(d) => Some(d),
                None => {
                    v.add("estimated_on", Msg::new("needs-err-date"));
                    None
                }
            },
        };
        let notes = v.text("notes", &self.notes, false, 2000);
        let mut offers: Vec<OfferId> = Vec::new();
        for value in self.offers.iter().map(|o| o.trim()) {
            match value.parse::<i64>().map(OfferId) {
                Ok(id) if choices.offers.contains(&id) => {
                    if !offers.contains(&id) {
                        offers.push(id);
                    }
                }
                _ => v.add("offers", Msg::new("needs-err-offer").arg("id", value)),
            }
        }
        offers.sort();
        if !v.is_ok() {
            return Err(v.errors);
        }
        Ok(NeedRecord {
            kind: kind.into(),
            other_kind: if kind == "other" {
                other_kind
            } else {
                String::new()
            },
            age_from,
            age_to,
            estimated_size,
            whole_kreis: self.whole_kreis,
            municipalities,
            source,
            estimated_on,
            notes,
            offers,
        })
    }
}

/// An offer linked to a group, as the list shows it.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct LinkedOffer {
    pub id: OfferId,
    pub title: String,
    /// Still published: only a published offer serves the group.
    pub published: bool,
}

/// A municipality by key and name.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct UncoveredPlace {
    pub key: String,
    pub name: String,
}

/// A group with what its offers leave open (the JSON answer and the rows
/// of the list).
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct NeedView {
    #[serde(flatten)]
    pub need: Need,
    pub linked: Vec<LinkedOffer>,
    /// No published offer is linked.
    pub gap: bool,
    /// Municipalities of the group that no linked published offer's
    /// service area covers (empty when it is a gap: then all are open).
    pub uncovered: Vec<UncoveredPlace>,
}

/// The groups of a network (the JSON answer).
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Needs {
    pub network_id: NetworkId,
    pub needs: Vec<NeedView>,
    /// How many of them are gaps.
    pub gaps: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> NeedInput {
        NeedInput {
            kind: "unaccompanied_minors".into(),
            age_from: "14".into(),
            age_to: "17".into(),
            estimated_size: "25".into(),
            municipalities: vec!["095750001".into()],
            offers: vec!["3".into()],
            ..NeedInput::default()
        }
    }

    fn choices() -> Choices {
        Choices {
            municipalities: vec!["095750001".into(), "095750002".into()],
            offers: vec![OfferId(3)],
        }
    }

    #[test]
    fn a_complete_group_is_valid() {
        let record = input().validate(&choices()).unwrap();
        assert_eq!(record.age_from, Some(14));
        assert_eq!(record.offers, [OfferId(3)]);
        assert_eq!(record.municipalities, ["095750001"]);
    }

    #[test]
    fn bad_fields_are_named() {
        let mut bad = input();
        bad.kind = "other".into();
        bad.age_from = "18".into();
        bad.estimated_size = "-3".into();
        bad.municipalities = vec!["091620000".into()];
        bad.offers = vec!["99".into()];
        bad.estimated_on = "1.1.2026".into();
        let errors = bad.validate(&choices()).unwrap_err();
        assert_eq!(
            errors.keys().collect::<Vec<_>>(),
            [
                "age_to",
                "estimated_on",
                "estimated_size",
                "municipalities",
                "offers",
                "other_kind"
            ]
        );
        let mut nowhere = input();
        nowhere.municipalities.clear();
        assert!(
            nowhere
                .validate(&choices())
                .unwrap_err()
                .contains_key("municipalities")
        );
        nowhere.whole_kreis = true;
        assert!(nowhere.validate(&choices()).is_ok());
    }

    #[test]
    fn numbers_and_texts_read_alike() {
        let body: NeedInput = serde_json::from_str(
            r#"{"kind":"duldung","age_from":3,"estimated_size":null,"offers":[3],"whole_kreis":true}"#,
        )
        .unwrap();
        assert_eq!(body.age_from, "3");
        assert_eq!(body.estimated_size, "");
        assert_eq!(body.offers, ["3"]);
    }
}
