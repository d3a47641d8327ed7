//! The search parameters, shared by the API and the search page: read from
//! the query string, checked (bad input is a 400 that lists the valid
//! values, an unknown postal code a 404 with nearby ones) and turned into
//! index filters.

use axum::http::StatusCode;
use tantivy::{
    Term,
    query::{BooleanQuery, ConstScoreQuery, Occur, Query, TermQuery},
    schema::{Field, IndexRecordOption},
};

use super::{query, schema::Fields};
use crate::{
    core::error::{AppError, Msg},
    geography::gazetteer::Gazetteer,
    offers::model::{FIELDS, LANGUAGES, TARGET_GROUPS, TYPES},
};

pub const MAX_PER_PAGE: usize = 200;
pub const DEFAULT_PER_PAGE: usize = 20;
/// Radius around a postal code's centre when none is given.
pub const DEFAULT_RADIUS_KM: f64 = 25.0;
pub const MAX_RADIUS_KM: f64 = 1000.0;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sort {
    Relevance,
    Distance,
}

#[derive(Clone, Debug, Default)]
pub struct Params {
    /// The cleaned query text, as shown back in the form.
    pub q: String,
    pub words: Vec<String>,
    pub fields: Vec<String>,
    pub types: Vec<String>,
    pub target_groups: Vec<String>,
    pub languages: Vec<String>,
    pub region: Option<String>,
    pub postal_code: Option<String>,
    pub near: Option<(f64, f64)>,
    pub radius_km: Option<f64>,
    pub open_now: bool,
    pub free: bool,
    /// Content language of the answers (a translation where there is one).
    pub lang: Option<String>,
    pub page: usize,
    pub per_page: usize,
}

fn values(pairs: &[(String, String)], name: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for v in pairs
        .iter()
        .filter(|(k, _)| k == name)
        .flat_map(|(_, v)| v.split(','))
        .map(|v| v.trim().to_ascii_lowercase())
        .filter(|v| !v.is_empty())
    {
        if !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

fn one(pairs: &[(String, String)], name: &str) -> Option<String> {
    pairs
        .iter()
        .rev()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

fn listed(
    pairs: &[(String, String)],
    name: &'static str,
    valid: &[&str],
) -> Result<Vec<String>, AppError> {
    let got = values(pairs, name);
    match got.iter().find(|v| !valid.contains(&v.as_str())) {
        None => Ok(got),
        Some(bad) => Err(invalid(name, bad, &valid.join(", "))),
    }
}

fn invalid(name: &'static str, value: &str, valid: &str) -> AppError {
    let code = match name {
        "field" => "invalid_field",
        "type" => "invalid_type",
        "target_group" => "invalid_target_group",
        "language" => "invalid_language",
        "lang" => "invalid_lang",
        "open_now" => "invalid_open_now",
        "free" => "invalid_free",
        "page" | "per_page" => "invalid_page",
        "near" => "invalid_near",
        "radius_km" => "invalid_radius",
        _ => "invalid_parameter",
    };
    AppError::bad_request(
        code,
        Msg::new("search-err-value")
            .arg("name", name)
            .arg("value", value.chars().take(50).collect::<String>())
            .arg("valid", valid),
    )
}

fn flag(pairs: &[(String, String)], name: &'static str) -> Result<bool, AppError> {
    match one(pairs, name).as_deref() {
        None | Some("0") | Some("false") | Some("no") => Ok(false),
        Some("1") | Some("true") | Some("yes") | Some("on") => Ok(true),
        Some(other) => Err(invalid(name, other, "1, 0, true, false")),
    }
}

fn number<T: std::str::FromStr>(
    pairs: &[(String, String)],
    name: &'static str,
    ok: impl Fn(&T) -> bool,
    valid: &str,
) -> Result<Option<T>, AppError> {
    match one(pairs, name) {
        None => Ok(None),
        Some(v) => v
            .parse::<T>()
            .ok()
            .filter(|n| ok(n))
            .map(Some)
            .ok_or_else(|| invalid(name, &v, valid)),
    }
}

impl Params {
    /// Reads and checks the query string's pairs.
    pub fn parse(places: &Gazetteer, pairs: &[(String, String)]) -> Result<Params, AppError> {
        let q = query::clean(&one(pairs, "q").unwrap_or_default());
        let mut p = Params {
            words: query::words(&q),
            q,
            fields: listed(pairs, "field", FIELDS)?,
            types: listed(pairs, "type", TYPES)?,
            target_groups: listed(pairs, "target_group", TARGET_GROUPS)?,
            languages: listed(pairs, "language", LANGUAGES)?,
            open_now: flag(pairs, "open_now")?,
            free: flag(pairs, "free")?,
            page: number(
                pairs,
                "page",
                |n: &usize| (1..=10_000).contains(n),
                "1–10000",
            )?
            .unwrap_or(1),
            per_page: number(
                pairs,
                "per_page",
                |n: &usize| (1..=MAX_PER_PAGE).contains(n),
                "1–200",
            )?
            .unwrap_or(DEFAULT_PER_PAGE),
            radius_km: number(
                pairs,
                "radius_km",
                |n: &f64| *n > 0.0 && *n <= MAX_RADIUS_KM,
                "0–1000",
            )?,
            ..Params::default()
        };
        if let Some(lang) = one(pairs, "lang").map(|l| l.to_ascii_lowercase()) {
            if !LANGUAGES.contains(&lang.as_str()) {
                return Err(invalid("lang", &lang, &LANGUAGES.join(", ")));
            }
            p.lang = Some(lang);
        }
        if let Some(near) = one(pairs, "near") {
            let parsed = near
                .split_once(',')
                .and_then(|(a, b)| Some((a.trim().parse().ok()?, b.trim().parse().ok()?)))
                .filter(|(lat, lon): &(f64, f64)| {
                    (-90.0..=90.0).contains(lat) && (-180.0..=180.0).contains(lon)
                });
            p.near = Some(parsed.ok_or_else(|| invalid("near", &near, "lat,lon"))?);
        }
        if let Some(region) = one(pairs, "region") {
            let known = region.len() <= 12
                && region.bytes().all(|b| b.is_ascii_digit())
                && places.region_name(&region).is_some();
            if !known {
                return Err(AppError::new(
                    StatusCode::NOT_FOUND,
                    "unknown_region",
                    Msg::new("search-err-region")
                        .arg("value", region.chars().take(20).collect::<String>()),
                ));
            }
            p.region = Some(region);
        }
        if let Some(code) = one(pairs, "postal_code") {
            if code.len() != 5 || !code.bytes().all(|b| b.is_ascii_digit()) {
                return Err(AppError::bad_request(
                    "invalid_postal_code",
                    "cp-err-postal-code",
                ));
            }
            match places.municipalities(&code).first() {
                Some(m) => {
                    if let (Some((lat, lon)), None) = (m.centre, p.near) {
                        p.near = Some((lat, lon));
                        p.radius_km = Some(p.radius_km.unwrap_or(DEFAULT_RADIUS_KM));
                    }
                }
                None => {
                    return Err(AppError::new(
                        StatusCode::NOT_FOUND,
                        "unknown_postal_code",
                        Msg::new("cp-err-unknown").arg("nearby", places.nearby(&code).join(", ")),
                    ));
                }
            }
            p.postal_code = Some(code);
        }
        Ok(p)
    }

    pub fn sort(&self) -> Sort {
        if self.near.is_some() {
            Sort::Distance
        } else {
            Sort::Relevance
        }
    }

    /// The index filters (each a must-match query).
    pub fn filter_queries(&self, f: &Fields) -> Vec<Box<dyn Query>> {
        let any = |field: Field, values: &[String]| -> Option<Box<dyn Query>> {
            if values.is_empty() {
                return None;
            }
            let clauses = values
                .iter()
                .map(|v| {
                    let q: Box<dyn Query> = Box::new(TermQuery::new(
                        Term::from_field_text(field, v),
                        IndexRecordOption::Basic,
                    ));
                    (Occur::Should, q)
                })
                .collect();
            // Scored 0: a filter narrows, it does not rank (and its
            // postings need no scoring).
            let any = Box::new(BooleanQuery::new(clauses));
            Some(Box::new(ConstScoreQuery::new(any, 0.0)))
        };
        let free = ["free".to_string()];
        let region: Vec<String> = self.region.iter().cloned().collect();
        [
            any(f.field, &self.fields),
            any(f.offer_type, &self.types),
            any(f.target_group, &self.target_groups),
            any(f.language, &self.languages),
            any(f.region, &region),
            if self.free { any(f.cost, &free) } else { None },
        ]
        .into_iter()
        .flatten()
        .collect()
    }

    /// Identifies the answer to these parameters: equal keys, equal
    /// answers (at one index version, and within one minute when only
    /// offers open now are asked for).
    pub fn cache_key(&self) -> String {
        // Every field, so a parameter added later cannot be forgotten here.
        let mut key = format!("{self:?}");
        if self.open_now {
            let minute = chrono::Utc::now().timestamp() / 60;
            key.push_str(&format!("&minute={minute}"));
        }
        key
    }

    /// The query string of these parameters on another page (for links).
    pub fn query_string(&self, page: usize) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if !self.q.is_empty() {
            pairs.push(("q", self.q.clone()));
        }
        for (name, list) in [
            ("field", &self.fields),
            ("type", &self.types),
            ("target_group", &self.target_groups),
            ("language", &self.languages),
        ] {
            for v in list {
                pairs.push((name, v.clone()));
            }
        }
        if let Some(r) = &self.region {
            pairs.push(("region", r.clone()));
        }
        if let Some(c) = &self.postal_code {
            pairs.push(("postal_code", c.clone()));
        } else if let Some((lat, lon)) = self.near {
            pairs.push(("near", format!("{lat},{lon}")));
        }
        if let Some(r) = self.radius_km {
            pairs.push(("radius_km", r.to_string()));
        }
        if self.open_now {
            pairs.push(("open_now", "1".into()));
        }
        if self.free {
            pairs.push(("free", "1".into()));
        }
        if let Some(l) = &self.lang {
            pairs.push(("lang", l.clone()));
        }
        if page > 1 {
            pairs.push(("page", page.to_string()));
        }
        serde_urlencoded::to_string(&pairs).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_kept_apart_by_every_parameter() {
        let base = Params {
            words: vec!["kurs".into()],
            page: 1,
            per_page: 20,
            ..Params::default()
        };
        let variants = [
            Params {
                near: Some((49.58, 10.61)),
                ..base.clone()
            },
            Params {
                near: Some((49.58, 10.62)),
                ..base.clone()
            },
            Params {
                per_page: 21,
                ..base.clone()
            },
            Params {
                lang: Some("ar".into()),
                ..base.clone()
            },
            Params {
                free: true,
                ..base.clone()
            },
        ];
        let mut keys: Vec<String> = variants.iter().map(Params::cache_key).collect();
        keys.push(base.cache_key());
        let count = keys.len();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), count);
        assert_eq!(base.cache_key(), base.clone().cache_key());
        let open = Params {
            open_now: true,
            ..base.clone()
        };
        assert!(
            open.cache_key().contains("&minute="),
            "open now: per minute"
        );
    }
}
