//! The public queries: the contact-point finder (its page and its API ask
//! the same) and the open-data export's filters.

use serde::Deserialize;
use utoipa::IntoParams;

use crate::core::{
    error::{AppError, AppResult, Msg},
    ids::NetworkId,
};
use crate::offers::model::{GROUPS, views::OpenOffer};

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FinderQuery {
    /// Five-digit German postal code.
    #[serde(default)]
    #[param(pattern = r"^[0-9]{5}$")]
    pub postal_code: String,
    /// Official municipality key (8 digits), instead of a postal code.
    #[serde(default)]
    #[param(pattern = r"^[0-9]{8}$")]
    pub region: String,
    /// Postal code or town name (the finder form's field).
    #[serde(default)]
    pub place: String,
    /// Age in years.
    #[serde(default)]
    pub age: String,
    /// `adults`, `young_people` or `refugees`.
    #[serde(default)]
    pub target_group: String,
}

/// Where the person asking lives, as they said it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// A town's name (no digits).
    Name(String),
    /// An official municipality key.
    Region(String),
    /// A five-digit postal code.
    PostalCode(String),
}

/// A checked finder question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FinderAsk {
    pub age: Option<i64>,
    pub group: Option<&'static str>,
    pub place: Place,
}

impl FinderQuery {
    /// Whether a place was asked for at all (the page shows only the form
    /// otherwise).
    pub fn asked(&self) -> bool {
        [&self.place, &self.postal_code, &self.region]
            .iter()
            .any(|v| !v.trim().is_empty())
    }

    /// What the form's place field shows.
    pub fn place_shown(&self) -> &str {
        if self.place.is_empty() {
            &self.postal_code
        } else {
            &self.place
        }
    }

    /// The question, or a 400 with a stable code for a malformed one.
    pub fn validate(&self) -> AppResult<FinderAsk> {
        let group = match self.target_group.trim() {
            "" => None,
            g => Some(GROUPS.iter().copied().find(|x| *x == g).ok_or_else(|| {
                AppError::bad_request(
                    "invalid_target_group",
                    Msg::new("cp-err-group").arg("valid", GROUPS.join(", ")),
                )
            })?),
        };
        let age = match self.age.trim() {
            "" => None,
            a => Some(
                a.parse::<i64>()
                    .ok()
                    .filter(|a| (0..=130).contains(a))
                    .ok_or_else(|| AppError::bad_request("invalid_age", "cp-err-age"))?,
            ),
        };
        let place = self.place.trim();
        let region = self.region.trim();
        let place = if !place.is_empty() && !place.bytes().any(|b| b.is_ascii_digit()) {
            Place::Name(place.to_string())
        } else if !region.is_empty() {
            Place::Region(region.to_string())
        } else {
            let postal_code = if place.is_empty() {
                self.postal_code.trim()
            } else {
                place
            };
            if postal_code.len() != 5 || !postal_code.bytes().all(|b| b.is_ascii_digit()) {
                return Err(AppError::bad_request(
                    "invalid_postal_code",
                    "cp-err-postal-code",
                ));
            }
            Place::PostalCode(postal_code.to_string())
        };
        Ok(FinderAsk { age, group, place })
    }
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportQuery {
    /// Only offers of this network (id).
    #[param(value_type = Option<i64>)]
    pub network: Option<NetworkId>,
    /// Only offers in this region: an official key (AGS) prefix, e.g. a
    /// Kreis `09575` or a municipality `09575113`.
    #[serde(default)]
    #[param(pattern = r"^([0-9]{2}|[0-9]{3}|[0-9]{5}|[0-9]{8})$")]
    pub region: String,
    /// Only this field of integration (code, e.g. `counselling`).
    #[serde(default)]
    pub field: String,
    /// Only this type of offer (code, e.g. `mbe`).
    #[serde(rename = "type", default)]
    pub offer_type: String,
    /// Only offers given in this language (code, e.g. `ar`).
    #[serde(default)]
    pub lang: String,
    /// `german` (default) or `plain`.
    #[serde(default)]
    pub dialect: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    German,
    Plain,
}

impl ExportQuery {
    pub fn keeps(&self, o: &OpenOffer) -> bool {
        let region = self.region.trim();
        let field = self.field.trim();
        let offer_type = self.offer_type.trim();
        let lang = self.lang.trim();
        self.network.is_none_or(|n| o.network_id == n)
            && (region.is_empty()
                || o.places.iter().any(|p| {
                    p.municipality_key
                        .as_deref()
                        .is_some_and(|k| k.starts_with(region))
                }))
            && (field.is_empty() || o.field == field)
            && (offer_type.is_empty() || o.offer_type == offer_type)
            && (lang.is_empty() || o.languages.iter().any(|l| l == lang))
    }

    pub fn dialect(&self) -> AppResult<Dialect> {
        match self.dialect.trim() {
            "" | "german" => Ok(Dialect::German),
            "plain" => Ok(Dialect::Plain),
            _ => Err(AppError::bad_request(
                "invalid_dialect",
                "export-err-dialect",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ask(place: &str, region: &str, postal_code: &str) -> AppResult<FinderAsk> {
        FinderQuery {
            place: place.into(),
            region: region.into(),
            postal_code: postal_code.into(),
            ..FinderQuery::default()
        }
        .validate()
    }

    #[test]
    fn the_place_is_a_name_a_key_or_a_postal_code() {
        assert_eq!(
            ask("Neustadt", "", "").unwrap().place,
            Place::Name("Neustadt".into())
        );
        assert_eq!(
            ask("", "09575113", "").unwrap().place,
            Place::Region("09575113".into())
        );
        assert_eq!(
            ask("91413", "", "").unwrap().place,
            Place::PostalCode("91413".into())
        );
        assert_eq!(ask("", "", "9141").unwrap_err().code, "invalid_postal_code");
        let bad_group = FinderQuery {
            postal_code: "91413".into(),
            target_group: "aliens".into(),
            ..FinderQuery::default()
        };
        assert_eq!(
            bad_group.validate().unwrap_err().code,
            "invalid_target_group"
        );
    }
}
