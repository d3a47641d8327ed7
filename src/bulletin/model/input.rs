//! What the bulletin's forms send: a post (one form for all five types,
//! each type checking its own fields), the network's moderation setting
//! and a subscription.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{
    APPLICANTS, AUTHORITIES, Audience, DEADLINE_TYPES, Details, FUNDER_LEVELS, FUNDING_AREAS,
    FUNDING_TYPES, Kind, PostRecord, REGISTRATIONS, format_local, is_tag, parse_day, parse_local,
};
use crate::core::{
    error::{FieldErrors, Msg},
    web::forms::Validator,
};

/// What a post is checked against besides its own fields.
#[derive(Clone, Debug)]
pub struct Check {
    pub today: NaiveDate,
    /// The deadline the post had before this change (a new call: none).
    /// A deadline in the past is refused unless it is this one.
    pub previous_deadline: Option<String>,
    /// How many people registered for the event so far (a limit below
    /// that is refused).
    pub registered: i64,
}

/// The post form (checkbox groups repeat a name).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PostInput {
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub body: String,
    pub audience: String,
    pub tags: Vec<String>,
    pub expires_on: String,
    // regulation
    pub authority: String,
    pub legal_reference: String,
    pub link: String,
    pub effective_on: String,
    pub affected: String,
    // funding call
    pub funder: String,
    pub funder_level: String,
    pub programme: String,
    pub funding_type: String,
    pub funding_areas: Vec<String>,
    pub applicants: Vec<String>,
    pub amount_min: String,
    pub amount_max: String,
    pub deadline_type: String,
    pub deadline: String,
    // event
    pub starts_at: String,
    pub ends_at: String,
    pub place: String,
    pub lat: String,
    pub lon: String,
    pub online_url: String,
    pub organiser: String,
    pub registration: String,
    pub registration_url: String,
    pub registration_limit: String,
    // good practice
    pub problem: String,
    pub approach: String,
    pub results: String,
    pub contact: String,
    pub related: String,
    /// A supervisor's post goes to every network of her region.
    pub all_networks: bool,
}

fn opt(value: &Option<impl ToString>) -> String {
    value.as_ref().map(ToString::to_string).unwrap_or_default()
}

impl PostInput {
    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        let mut f = PostInput::default();
        for (k, v) in pairs {
            let v = v.clone();
            match k.as_str() {
                "type" => f.kind = v,
                "title" => f.title = v,
                "body" => f.body = v,
                "audience" => f.audience = v,
                "tags" => f.tags.push(v),
                "expires_on" => f.expires_on = v,
                "authority" => f.authority = v,
                "legal_reference" => f.legal_reference = v,
                "link" => f.link = v,
                "effective_on" => f.effective_on = v,
                "affected" => f.affected = v,
                "funder" => f.funder = v,
                "funder_level" => f.funder_level = v,
                "programme" => f.programme = v,
                "funding_type" => f.funding_type = v,
                "funding_areas" => f.funding_areas.push(v),
                "applicants" => f.applicants.push(v),
                "amount_min" => f.amount_min = v,
                "amount_max" => f.amount_max = v,
                "deadline_type" => f.deadline_type = v,
                "deadline" => f.deadline = v,
                "starts_at" => f.starts_at = v,
                "ends_at" => f.ends_at = v,
                "place" => f.place = v,
                "lat" => f.lat = v,
                "lon" => f.lon = v,
                "online_url" => f.online_url = v,
                "organiser" => f.organiser = v,
                "registration" => f.registration = v,
                "registration_url" => f.registration_url = v,
                "registration_limit" => f.registration_limit = v,
                "problem" => f.problem = v,
                "approach" => f.approach = v,
                "results" => f.results = v,
                "contact" => f.contact = v,
                "related" => f.related = v,
                "all_networks" => f.all_networks = !v.is_empty(),
                _ => {}
            }
        }
        f
    }

    /// The form filled with a post's values.
    pub fn of(r: &PostRecord) -> Self {
        let d = &r.details;
        Self {
            kind: r.kind.code().into(),
            title: r.title.clone(),
            body: r.body.clone(),
            audience: r.audience.code().into(),
            tags: r.tags.clone(),
            expires_on: opt(&r.expires_on),
            authority: d.authority.clone(),
            legal_reference: d.legal_reference.clone(),
            link: d.link.clone(),
            effective_on: d.effective_on.clone(),
            affected: d.affected.clone(),
            funder: d.funder.clone(),
            funder_level: d.funder_level.clone(),
            programme: d.programme.clone(),
            funding_type: d.funding_type.clone(),
            funding_areas: d.funding_areas.clone(),
            applicants: d.applicants.clone(),
            amount_min: opt(&d.amount_min),
            amount_max: opt(&d.amount_max),
            deadline_type: d.deadline_type.clone(),
            deadline: opt(&r.deadline_on),
            starts_at: r.starts_at.map(format_local).unwrap_or_default(),
            ends_at: r.ends_at.map(format_local).unwrap_or_default(),
            place: d.place.clone(),
            lat: opt(&d.lat),
            lon: opt(&d.lon),
            online_url: d.online_url.clone(),
            organiser: d.organiser.clone(),
            registration: d.registration.clone(),
            registration_url: d.registration_url.clone(),
            registration_limit: opt(&d.registration_limit),
            problem: d.problem.clone(),
            approach: d.approach.clone(),
            results: d.results.clone(),
            contact: d.contact.clone(),
            related: d.related.clone(),
            all_networks: false,
        }
    }

    /// Checks the common fields and those of the chosen type; fields of
    /// the other types are dropped.
    pub fn validate(&self, check: &Check) -> Result<PostRecord, FieldErrors> {
        let mut v = Validator::new();
        let kind = Kind::parse(&self.kind);
        if kind.is_none() {
            v.add("type", Msg::new(required_or_choice(&self.kind)));
        }
        let audience = Audience::parse(&self.audience);
        if audience.is_none() {
            v.add("audience", Msg::new(required_or_choice(&self.audience)));
        }
        let title = v.text("title", &self.title, true, 200);
        let body = v.text("body", &self.body, false, 20_000);
        let mut tags = Vec::new();
        for tag in self.tags.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
            if !is_tag(tag) {
                v.add("tags", Msg::new("bul-err-tag").arg("tag", tag));
            } else if !tags.iter().any(|t| t == tag) {
                tags.push(tag.to_string());
            }
        }
        let expires_on = day(&mut v, "expires_on", &self.expires_on);
        let mut record = PostRecord {
            kind: kind.unwrap_or(Kind::News),
            audience: audience.unwrap_or(Audience::Network),
            title,
            body,
            tags,
            expires_on,
            starts_at: None,
            ends_at: None,
            deadline_on: None,
            details: Details::default(),
        };
        match kind {
            Some(Kind::Regulation) => self.regulation(&mut v, &mut record),
            Some(Kind::FundingCall) => self.funding_call(&mut v, &mut record, check),
            Some(Kind::Event) => self.event(&mut v, &mut record, check),
            Some(Kind::GoodPractice) => self.good_practice(&mut v, &mut record),
            Some(Kind::News) | None => {}
        }
        if v.is_ok() { Ok(record) } else { Err(v.errors) }
    }

    fn regulation(&self, v: &mut Validator, r: &mut PostRecord) {
        let d = &mut r.details;
        d.authority = choice(v, "authority", &self.authority, AUTHORITIES, true);
        d.legal_reference = v.text("legal_reference", &self.legal_reference, false, 300);
        d.link = v.website("link", &self.link);
        d.effective_on = day(v, "effective_on", &self.effective_on).unwrap_or_default();
        d.affected = v.text("affected", &self.affected, false, 500);
    }

    fn funding_call(&self, v: &mut Validator, r: &mut PostRecord, check: &Check) {
        let d = &mut r.details;
        d.funder = v.text("funder", &self.funder, true, 200);
        d.funder_level = choice(v, "funder_level", &self.funder_level, FUNDER_LEVELS, true);
        d.programme = v.text("programme", &self.programme, false, 300);
        d.funding_type = choice(v, "funding_type", &self.funding_type, FUNDING_TYPES, false);
        d.funding_areas = choices(v, "funding_areas", &self.funding_areas, FUNDING_AREAS);
        d.applicants = choices(v, "applicants", &self.applicants, APPLICANTS);
        d.amount_min = amount(v, "amount_min", &self.amount_min);
        d.amount_max = amount(v, "amount_max", &self.amount_max);
        if let (Some(a), Some(b)) = (d.amount_min, d.amount_max)
            && a > b
        {
            v.add("amount_max", Msg::new("bul-err-amount-order"));
        }
        d.deadline_type = choice(
            v,
            "deadline_type",
            &self.deadline_type,
            DEADLINE_TYPES,
            true,
        );
        d.link = v.website("link", &self.link);
        let deadline = day(v, "deadline", &self.deadline);
        match d.deadline_type.as_str() {
            "fixed" | "rounds" if deadline.is_none() && !v.errors.contains_key("deadline") => {
                v.add("deadline", Msg::new("err-required"));
            }
            _ => {}
        }
        if let Some(on) = deadline.as_deref().and_then(parse_day)
            && on < check.today
            && check.previous_deadline.as_deref() != deadline.as_deref()
        {
            v.add("deadline", Msg::new("bul-err-deadline-past"));
        }
        // A rolling call has no deadline.
        r.deadline_on = deadline.filter(|_| d.deadline_type != "rolling");
    }

    fn event(&self, v: &mut Validator, r: &mut PostRecord, check: &Check) {
        let starts_at = moment(v, "starts_at", &self.starts_at, true);
        let ends_at = moment(v, "ends_at", &self.ends_at, false);
        if let (Some(a), Some(b)) = (starts_at, ends_at)
            && b < a
        {
            v.add("ends_at", Msg::new("bul-err-end-before-start"));
        }
        r.starts_at = starts_at;
        r.ends_at = ends_at;
        let d = &mut r.details;
        d.place = v.text("place", &self.place, false, 300);
        (d.lat, d.lon) = coordinates(v, &self.lat, &self.lon);
        d.online_url = v.website("online_url", &self.online_url);
        if d.place.is_empty() && d.online_url.is_empty() && !v.errors.contains_key("online_url") {
            v.add("place", Msg::new("bul-err-place"));
        }
        d.organiser = v.text("organiser", &self.organiser, false, 200);
        let registration = if self.registration.trim().is_empty() {
            "none".to_string()
        } else {
            choice(v, "registration", &self.registration, REGISTRATIONS, true)
        };
        match registration.as_str() {
            "link" => {
                d.registration_url = v.website("registration_url", &self.registration_url);
                if d.registration_url.is_empty() && !v.errors.contains_key("registration_url") {
                    v.add("registration_url", Msg::new("err-required"));
                }
            }
            "ikon" => {
                let raw = self.registration_limit.trim();
                if !raw.is_empty() {
                    match raw.parse::<i64>() {
                        Ok(n) if (1..=100_000).contains(&n) => {
                            if n < check.registered {
                                v.add(
                                    "registration_limit",
                                    Msg::new("bul-err-limit-below").arg("count", check.registered),
                                );
                            }
                            d.registration_limit = Some(n);
                        }
                        _ => v.add("registration_limit", Msg::new("bul-err-limit")),
                    }
                }
            }
            _ => {}
        }
        d.registration = registration;
    }

    fn good_practice(&self, v: &mut Validator, r: &mut PostRecord) {
        let d = &mut r.details;
        d.problem = v.text("problem", &self.problem, true, 5_000);
        d.approach = v.text("approach", &self.approach, true, 10_000);
        d.results = v.text("results", &self.results, false, 5_000);
        d.contact = v.text("contact", &self.contact, false, 500);
        d.related = v.text("related", &self.related, false, 1_000);
    }
}

fn required_or_choice(value: &str) -> &'static str {
    if value.trim().is_empty() {
        "err-required"
    } else {
        "bul-err-choice"
    }
}

fn choice(v: &mut Validator, name: &str, value: &str, list: &[&str], required: bool) -> String {
    let value = value.trim();
    if value.is_empty() {
        if required {
            v.add(name, Msg::new("err-required"));
        }
    } else if !list.contains(&value) {
        v.add(name, Msg::new("bul-err-choice"));
    }
    value.to_string()
}

fn choices(v: &mut Validator, name: &str, values: &[String], list: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for value in values.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        if !list.contains(&value) {
            v.add(name, Msg::new("bul-err-choice"));
        } else if !out.iter().any(|o| o == value) {
            out.push(value.to_string());
        }
    }
    out
}

fn day(v: &mut Validator, name: &str, value: &str) -> Option<String> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    if parse_day(value).is_none() {
        v.add(name, Msg::new("bul-err-date"));
        return None;
    }
    Some(value.to_string())
}

fn moment(v: &mut Validator, name: &str, value: &str, required: bool) -> Option<i64> {
    let value = value.trim();
    if value.is_empty() {
        if required {
            v.add(name, Msg::new("err-required"));
        }
        return None;
    }
    let at = parse_local(value);
    if at.is_none() {
        v.add(name, Msg::new("bul-err-datetime"));
    }
    at
}

fn amount(v: &mut Validator, name: &str, value: &str) -> Option<i64> {
    let value: String = value
        .trim()
        .chars()
        .filter(|c| !matches!(c, '.' | ' ' | '€'))
        .collect();
    if value.is_empty() {
        return None;
    }
    let n = value
        .parse::<i64>()
        .ok()
        .filter(|n| (0..=1_000_000_000_000).contains(n));
    if n.is_none() {
        v.add(name, Msg::new("bul-err-amount"));
    }
    n
}

/// Both coordinates or neither, as decimal degrees within Germany.
fn coordinates(v: &mut Validator, lat: &str, lon: &str) -> (Option<f64>, Option<f64>) {
    let (lat, lon) = (lat.trim().replace(',', "."), lon.trim().replace(',', "."));
    if lat.is_empty() && lon.is_empty() {
        return (None, None);
    }
    match (lat.parse::<f64>(), lon.parse::<f64>()) {
        (Ok(a), Ok(o)) if crate::offers::model::in_germany(a, o) => (Some(a), Some(o)),
        _ => {
            v.add("lat", Msg::new("bul-err-coordinates"));
            (None, None)
        }
    }
}

/// The moderation setting of a network.
#[derive(Debug, Default, Deserialize)]
pub struct SettingsInput {
    /// `1`: members' posts wait for the coordinator's review.
    #[serde(default)]
    pub review_member_posts: String,
}

impl SettingsInput {
    pub fn review(&self) -> bool {
        self.review_member_posts == "1"
    }
}

/// How often a subscriber gets mail.
pub const FREQUENCIES: &[&str] = &["immediate", "daily", "weekly"];

/// A subscription: types and tags (none: all), and how often.
#[derive(Clone, Debug, Default, Serialize)]
pub struct SubscriptionInput {
    pub kinds: Vec<String>,
    pub tags: Vec<String>,
    pub frequency: String,
}

impl SubscriptionInput {
    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        let mut f = Self::default();
        for (k, v) in pairs {
            match k.as_str() {
                "types" => f.kinds.push(v.clone()),
                "tags" => f.tags.push(v.clone()),
                "frequency" => f.frequency = v.clone(),
                _ => {}
            }
        }
        f
    }

    pub fn validate(&self) -> Result<SubscriptionInput, FieldErrors> {
        let mut v = Validator::new();
        let codes: Vec<&str> = Kind::ALL.iter().map(|k| k.code()).collect();
        let kinds = choices(&mut v, "types", &self.kinds, &codes);
        let mut tags = Vec::new();
        for tag in self.tags.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
            if !is_tag(tag) {
                v.add("tags", Msg::new("bul-err-tag").arg("tag", tag));
            } else if !tags.iter().any(|t| t == tag) {
                tags.push(tag.to_string());
            }
        }
        let frequency = choice(&mut v, "frequency", &self.frequency, FREQUENCIES, true);
        if v.is_ok() {
            Ok(SubscriptionInput {
                kinds,
                tags,
                frequency,
            })
        } else {
            Err(v.errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check() -> Check {
        Check {
            today: parse_day("2026-06-01").unwrap(),
            previous_deadline: None,
            registered: 0,
        }
    }

    fn form(pairs: &[(&str, &str)]) -> PostInput {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        PostInput::from_pairs(&pairs)
    }

    #[test]
    fn a_funding_call_needs_a_deadline_type_and_a_future_deadline() {
        let base = [
            ("type", "funding_call"),
            ("title", "Integrationsprojekte 2027"),
            ("audience", "public"),
            ("funder", "StMI"),
            ("funder_level", "land"),
        ];
        let errors = form(&base).validate(&check()).unwrap_err();
        assert_eq!(errors["deadline_type"].id, "err-required");
        let mut past = base.to_vec();
        past.extend([("deadline_type", "fixed"), ("deadline", "2026-05-31")]);
        let errors = form(&past).validate(&check()).unwrap_err();
        assert_eq!(errors["deadline"].id, "bul-err-deadline-past");
        // The deadline it had may stay (an edit of an older call).
        let mut kept = check();
        kept.previous_deadline = Some("2026-05-31".into());
        assert!(form(&past).validate(&kept).is_ok());
        let mut rolling = base.to_vec();
        rolling.extend([("deadline_type", "rolling"), ("deadline", "2026-07-01")]);
        let r = form(&rolling).validate(&check()).unwrap();
        assert_eq!(r.deadline_on, None);
    }

    #[test]
    fn an_event_cannot_end_before_it_starts_nor_limit_below_its_registrations() {
        let pairs = [
            ("type", "event"),
            ("title", "Tag der Begegnung"),
            ("audience", "public"),
            ("starts_at", "2026-07-04T14:00"),
            ("ends_at", "2026-07-04T12:00"),
            ("place", "Marktplatz"),
            ("registration", "ikon"),
            ("registration_limit", "10"),
        ];
        let mut c = check();
        c.registered = 12;
        let errors = form(&pairs).validate(&c).unwrap_err();
        assert_eq!(errors["ends_at"].id, "bul-err-end-before-start");
        assert_eq!(errors["registration_limit"].id, "bul-err-limit-below");
    }

    #[test]
    fn unknown_tags_are_refused() {
        let errors = form(&[
            ("type", "news"),
            ("title", "x"),
            ("audience", "network"),
            ("tags", "work"),
            ("tags", "aliens"),
        ])
        .validate(&check())
        .unwrap_err();
        assert_eq!(errors["tags"].id, "bul-err-tag");
        let ok = form(&[
            ("type", "news"),
            ("title", "x"),
            ("audience", "network"),
            ("tags", "work"),
            ("tags", "refugees"),
        ])
        .validate(&check())
        .unwrap();
        assert_eq!(ok.tags, ["work", "refugees"]);
    }
}
