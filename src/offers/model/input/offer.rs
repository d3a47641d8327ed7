//! The offer form: raw values from the request (checkbox groups repeat a
//! name; each place's fields are named `place-N-field`) and their
//! validation into an [`OfferRecord`].

use serde::{Deserialize, Serialize};

use crate::core::{
    error::{FieldErrors, Msg},
    ids::OrganizationId,
    web::forms::Validator,
};
use crate::offers::model::{
    COSTS, FIELDS, OfferRecord, TARGET_GROUPS, TYPES, is_date, parse_languages,
    place::{MAX_PLACES, PlaceInput, ServiceArea, area_of},
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
    pub appointment: bool,
    pub booking_note: String,
    /// The places, in order; blank ones (an empty fieldset of the form)
    /// and those marked `remove` are dropped.
    pub places: Vec<PlaceInput>,
    /// The service area: the whole Kreis, or these municipality keys.
    /// Neither: the municipalities of the places.
    pub whole_kreis: bool,
    pub area: Vec<String>,
    /// The form asked for one more empty place ("add another place"):
    /// show it again instead of saving.
    #[serde(skip)]
    pub add_place: bool,
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
            if let Some((n, name)) = place_field(k) {
                if f.places.len() <= n {
                    f.places.resize(n + 1, PlaceInput::default());
                }
                f.places[n].set(name, v);
                continue;
            }
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
                "appointment" => f.appointment = !v.is_empty(),
                "booking_note" => f.booking_note = v,
                "whole_kreis" => f.whole_kreis = !v.is_empty(),
                "area" => f.area.push(v),
                "add_place" => f.add_place = true,
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
            appointment: r.appointment,
            booking_note: r.booking_note.clone(),
            places: r.places.iter().map(PlaceInput::of).collect(),
            whole_kreis: r.area.whole_kreis,
            area: r.area.municipalities.clone(),
            add_place: false,
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

    /// The places the form keeps: without blank ones and those marked
    /// for removal, each with the number its fields are named by.
    pub fn kept_places(&self) -> impl Iterator<Item = (usize, &PlaceInput)> {
        self.places
            .iter()
            .enumerate()
            .filter(|(_, p)| !p.remove && !p.is_blank())
    }

    /// The form shown again: the kept places renumbered, then one empty
    /// fieldset to add a place (after "add another place": one more than
    /// the empty ones sent).
    pub fn for_form(&self) -> Self {
        let mut form = self.clone();
        form.places = self.kept_places().map(|(_, p)| p.clone()).collect();
        let blanks = self.places.iter().filter(|p| p.is_blank()).count();
        let empty = if self.add_place { blanks + 1 } else { 1 };
        for _ in 0..empty {
            if form.places.len() < MAX_PLACES {
                form.places.push(PlaceInput::default());
            }
        }
        form.add_place = false;
        form
    }

    /// Checks every field; each place's municipality and coordinates are
    /// completed from its postal code, and the service area checked
    /// against the network's Kreis, by the service.
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
        let places: Vec<_> = self
            .kept_places()
            .map(|(n, p)| p.validate(n, &mut v))
            .collect();
        if places.len() > MAX_PLACES {
            v.add("places", Msg::new("offer-err-too-many-places"));
        }
        let area: ServiceArea = area_of(self.whole_kreis, &self.area);
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
            wheelchair: places.iter().any(|p| p.wheelchair),
            appointment: self.appointment,
            booking_note: v.text("booking_note", &self.booking_note, false, 500),
            places,
            area,
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

/// `place-3-street` → (3, "street").
fn place_field(name: &str) -> Option<(usize, &str)> {
    let rest = name.strip_prefix("place-")?;
    let (n, field) = rest.split_once('-')?;
    let n: usize = n.parse().ok()?;
    (n < MAX_PLACES * 2).then_some((n, field))
}
