//! The offer form: raw values from the request (checkbox groups repeat a
//! name) and their validation into an [`OfferRecord`].

use serde::{Deserialize, Serialize};

use crate::core::{
    error::{FieldErrors, Msg},
    ids::OrganizationId,
    web::forms::Validator,
};
use crate::offers::model::{
    COSTS, FIELDS, OfferRecord, TARGET_GROUPS, TYPES, check_opening_hours, in_germany, is_date,
    parse_languages,
};

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct OfferInput {
    pub organization_id: String,
    pub title: String,
    pub summary: String,
    pub description: String,
    pub field: String,
    pub offer_type: String,
    pub target_groups: Vec<String>,
    pub age_min: String,
    pub age_max: String,
    pub languages: String,
    pub cost: String,
    pub cost_note: String,
    pub wheelchair: bool,
    pub accessibility_note: String,
    pub appointment: bool,
    pub booking_note: String,
    pub street: String,
    pub postal_code: String,
    pub municipality_key: String,
    pub lat: String,
    pub lon: String,
    pub room: String,
    pub opening_hours: String,
    pub phone: String,
    pub email: String,
    pub website: String,
    pub valid_from: String,
    pub valid_until: String,
}

fn opt(value: &Option<impl ToString>) -> String {
    value.as_ref().map(ToString::to_string).unwrap_or_default()
}

impl OfferInput {
    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        let mut f = OfferInput::default();
        for (k, v) in pairs {
            let v = v.clone();
            match k.as_str() {
                "organization_id" => f.organization_id = v,
                "title" => f.title = v,
                "summary" => f.summary = v,
                "description" => f.description = v,
                "field" => f.field = v,
                "offer_type" => f.offer_type = v,
                "target_groups" => f.target_groups.push(v),
                "age_min" => f.age_min = v,
                "age_max" => f.age_max = v,
                "languages" => f.languages = v,
                "cost" => f.cost = v,
                "cost_note" => f.cost_note = v,
                "wheelchair" => f.wheelchair = !v.is_empty(),
                "accessibility_note" => f.accessibility_note = v,
                "appointment" => f.appointment = !v.is_empty(),
                "booking_note" => f.booking_note = v,
                "street" => f.street = v,
                "postal_code" => f.postal_code = v,
                "municipality_key" => f.municipality_key = v,
                "lat" => f.lat = v,
                "lon" => f.lon = v,
                "room" => f.room = v,
                "opening_hours" => f.opening_hours = v,
                "phone" => f.phone = v,
                "email" => f.email = v,
                "website" => f.website = v,
                "valid_from" => f.valid_from = v,
                "valid_until" => f.valid_until = v,
                _ => {}
            }
        }
        f
    }

    pub fn of(organization_id: OrganizationId, r: &OfferRecord) -> Self {
        Self {
            organization_id: organization_id.to_string(),
            title: r.title.clone(),
            summary: r.summary.clone(),
            description: r.description.clone(),
            field: r.field.clone(),
            offer_type: r.offer_type.clone(),
            target_groups: r.target_groups.clone(),
            age_min: opt(&r.age_min),
            age_max: opt(&r.age_max),
            languages: r.languages.join(", "),
            cost: r.cost.clone(),
            cost_note: r.cost_note.clone(),
            wheelchair: r.wheelchair,
            accessibility_note: r.accessibility_note.clone(),
            appointment: r.appointment,
            booking_note: r.booking_note.clone(),
            street: r.street.clone(),
            postal_code: r.postal_code.clone(),
            municipality_key: opt(&r.municipality_key),
            lat: opt(&r.lat),
            lon: opt(&r.lon),
            room: r.room.clone(),
            opening_hours: r.opening_hours.clone(),
            phone: r.phone.clone(),
            email: r.email.clone(),
            website: r.website.clone(),
            valid_from: opt(&r.valid_from),
            valid_until: opt(&r.valid_until),
        }
    }

    /// The provider a coordinator chose, if the value is an id.
    pub fn chosen_provider(&self) -> Option<OrganizationId> {
        self.organization_id.trim().parse().ok()
    }

    /// Checks every field; the place's municipality and coordinates are
    /// completed from the postal code by the service.
    pub fn validate(&self) -> Result<OfferRecord, FieldErrors> {
        let mut v = Validator::new();
        let choice = |v: &mut Validator, name: &str, value: &str, list: &[&str]| {
            let value = value.trim().to_string();
            if value.is_empty() {
                v.add(name, Msg::new("err-required"));
            } else if !list.contains(&value.as_str()) {
                v.add(name, Msg::new("offer-err-choice"));
            }
            value
        };
        let field = choice(&mut v, "field", &self.field, FIELDS);
        let offer_type = choice(&mut v, "offer_type", &self.offer_type, TYPES);
        let cost = choice(&mut v, "cost", &self.cost, COSTS);
        let mut target_groups = Vec::new();
        for g in &self.target_groups {
            if !TARGET_GROUPS.contains(&g.as_str()) {
                v.add("target_groups", Msg::new("offer-err-choice"));
            } else if !target_groups.contains(g) {
                target_groups.push(g.clone());
            }
        }
        let age_min = age(&mut v, "age_min", &self.age_min);
        let age_max = age(&mut v, "age_max", &self.age_max);
        if let (Some(a), Some(b)) = (age_min, age_max)
            && a > b
        {
            v.add("age_max", Msg::new("offer-err-age-order"));
        }
        let languages = match parse_languages(&self.languages) {
            Ok(codes) => codes,
            Err(code) => {
                v.add(
                    "languages",
                    Msg::new("offer-err-language").arg("code", code),
                );
                Vec::new()
            }
        };
        let opening_hours = v.text("opening_hours", &self.opening_hours, false, 500);
        if let Err(reason) = check_opening_hours(&opening_hours) {
            v.add(
                "opening_hours",
                Msg::new("offer-err-opening-hours").arg("reason", reason),
            );
        }
        let (lat, lon) = coordinates(&mut v, &self.lat, &self.lon);
        let municipality_key = v.text("municipality_key", &self.municipality_key, false, 12);
        let record = OfferRecord {
            title: v.text("title", &self.title, true, 200),
            summary: v.text("summary", &self.summary, false, 500),
            description: v.text("description", &self.description, false, 20_000),
            field,
            offer_type,
            target_groups,
            age_min,
            age_max,
            languages,
            cost,
            cost_note: v.text("cost_note", &self.cost_note, false, 300),
            wheelchair: self.wheelchair,
            accessibility_note: v.text("accessibility_note", &self.accessibility_note, false, 500),
            appointment: self.appointment,
            booking_note: v.text("booking_note", &self.booking_note, false, 500),
            street: v.text("street", &self.street, false, 200),
            postal_code: v.postal_code("postal_code", &self.postal_code, false),
            municipality_key: Some(municipality_key).filter(|k| !k.is_empty()),
            lat,
            lon,
            room: v.text("room", &self.room, false, 200),
            opening_hours,
            phone: v.phone("phone", &self.phone),
            email: v.email("email", &self.email, false),
            website: v.website("website", &self.website),
            valid_from: date(&mut v, "valid_from", &self.valid_from),
            valid_until: date(&mut v, "valid_until", &self.valid_until),
        };
        if let (Some(a), Some(b)) = (&record.valid_from, &record.valid_until)
            && a > b
        {
            v.add("valid_until", Msg::new("offer-err-date-order"));
        }
        if v.is_ok() { Ok(record) } else { Err(v.errors) }
    }
}

fn age(v: &mut Validator, name: &str, value: &str) -> Option<i64> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    let n = value.parse::<i64>().ok().filter(|n| (0..=120).contains(n));
    if n.is_none() {
        v.add(name, Msg::new("offer-err-age"));
    }
    n
}

fn date(v: &mut Validator, name: &str, value: &str) -> Option<String> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    if !is_date(value) {
        v.add(name, Msg::new("offer-err-date"));
    }
    Some(value.to_string())
}

/// Both coordinates or neither, as decimal degrees within Germany.
fn coordinates(v: &mut Validator, lat: &str, lon: &str) -> (Option<f64>, Option<f64>) {
    let (lat, lon) = (lat.trim().replace(',', "."), lon.trim().replace(',', "."));
    if lat.is_empty() && lon.is_empty() {
        return (None, None);
    }
    match (lat.parse::<f64>(), lon.parse::<f64>()) {
        (Ok(a), Ok(o)) if in_germany(a, o) => (Some(a), Some(o)),
        (Ok(a), Ok(o)) if a.is_finite() && o.is_finite() => {
            v.add("lat", Msg::new("offer-err-outside-germany"));
            (None, None)
        }
        _ => {
            v.add("lat", Msg::new("offer-err-coordinates"));
            (None, None)
        }
    }
}
