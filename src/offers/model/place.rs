//! Where an offer takes place and whom it serves: any number of places,
//! each with its own address, coordinates, room, opening hours and
//! accessibility (a counselling service with office hours in three towns
//! is one offer with three places), and the service area — the whole
//! Kreis of the network or some of its municipalities — that contact
//! points and the public pages read.

use serde::{Deserialize, Serialize};

use crate::core::{
    error::{FieldErrors, Msg},
    web::forms::Validator,
};

use super::{check_opening_hours, in_germany};

/// Most places one offer may have (a form re-rendered with "add another
/// place" stops growing here).
pub const MAX_PLACES: usize = 20;

/// One place of an offer.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct PlaceRecord {
    pub street: String,
    pub postal_code: String,
    pub municipality_key: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub room: String,
    /// OpenStreetMap `opening_hours` syntax.
    pub opening_hours: String,
    pub wheelchair: bool,
    pub accessibility_note: String,
}

impl PlaceRecord {
    pub fn position(&self) -> Option<(f64, f64)> {
        self.lat.zip(self.lon)
    }
}

/// The municipalities an offer serves: the whole Kreis of its network, or
/// the listed ones (official keys, sorted).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ServiceArea {
    pub whole_kreis: bool,
    pub municipalities: Vec<String>,
}

impl ServiceArea {
    pub fn covers(&self, municipality_key: &str) -> bool {
        self.whole_kreis || self.municipalities.iter().any(|m| m == municipality_key)
    }

    pub fn is_empty(&self) -> bool {
        !self.whole_kreis && self.municipalities.is_empty()
    }
}

/// One place as a form or API body sends it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlaceInput {
    pub street: String,
    pub postal_code: String,
    pub municipality_key: String,
    pub lat: String,
    pub lon: String,
    pub room: String,
    pub opening_hours: String,
    pub wheelchair: bool,
    pub accessibility_note: String,
    /// "Remove this place" in the form.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub remove: bool,
}

fn opt(value: &Option<impl ToString>) -> String {
    value.as_ref().map(ToString::to_string).unwrap_or_default()
}

impl PlaceInput {
    pub fn of(p: &PlaceRecord) -> Self {
        Self {
            street: p.street.clone(),
            postal_code: p.postal_code.clone(),
            municipality_key: opt(&p.municipality_key),
            lat: opt(&p.lat),
            lon: opt(&p.lon),
            room: p.room.clone(),
            opening_hours: p.opening_hours.clone(),
            wheelchair: p.wheelchair,
            accessibility_note: p.accessibility_note.clone(),
            remove: false,
        }
    }

    /// Nothing entered: an empty fieldset of the form, skipped.
    pub fn is_blank(&self) -> bool {
        [
            &self.street,
            &self.postal_code,
            &self.municipality_key,
            &self.lat,
            &self.lon,
            &self.room,
            &self.opening_hours,
            &self.accessibility_note,
        ]
        .iter()
        .all(|v| v.trim().is_empty())
            && !self.wheelchair
    }

    /// Sets one field from a form name without the `place-N-` prefix.
    pub fn set(&mut self, name: &str, value: String) {
        match name {
            "street" => self.street = value,
            "postal_code" => self.postal_code = value,
            "municipality_key" => self.municipality_key = value,
            "lat" => self.lat = value,
            "lon" => self.lon = value,
            "room" => self.room = value,
            "opening_hours" => self.opening_hours = value,
            "wheelchair" => self.wheelchair = !value.is_empty(),
            "accessibility_note" => self.accessibility_note = value,
            "remove" => self.remove = !value.is_empty(),
            _ => {}
        }
    }

    /// The place, with errors under `place-{n}-{field}`. A place needs an
    /// address (a postal code) or coordinates, or it cannot be found on a
    /// map nor by a search near it; the service completes the
    /// municipality and coordinates from the postal code.
    pub fn validate(&self, n: usize, v: &mut Validator) -> PlaceRecord {
        let name = |field: &str| format!("place-{n}-{field}");
        let opening_hours = v.text(&name("opening_hours"), &self.opening_hours, false, 500);
        if let Err(reason) = check_opening_hours(&opening_hours) {
            v.add(
                &name("opening_hours"),
                Msg::new("offer-err-opening-hours").arg("reason", reason),
            );
        }
        let (lat, lon) = coordinates(v, &name("lat"), &self.lat, &self.lon);
        let postal_code = v.postal_code(&name("postal_code"), &self.postal_code, false);
        let coordinates_given = !(self.lat.trim().is_empty() && self.lon.trim().is_empty());
        if self.postal_code.trim().is_empty() && !coordinates_given {
            v.add(&name("postal_code"), Msg::new("offer-err-place-address"));
        }
        let municipality_key = v.text(&name("municipality_key"), &self.municipality_key, false, 12);
        PlaceRecord {
            street: v.text(&name("street"), &self.street, false, 200),
            postal_code,
            municipality_key: Some(municipality_key).filter(|k| !k.is_empty()),
            lat,
            lon,
            room: v.text(&name("room"), &self.room, false, 200),
            opening_hours,
            wheelchair: self.wheelchair,
            accessibility_note: v.text(
                &name("accessibility_note"),
                &self.accessibility_note,
                false,
                500,
            ),
        }
    }
}

/// Both coordinates or neither, as decimal degrees within Germany.
fn coordinates(v: &mut Validator, field: &str, lat: &str, lon: &str) -> (Option<f64>, Option<f64>) {
    let (lat, lon) = (lat.trim().replace(',', "."), lon.trim().replace(',', "."));
    if lat.is_empty() && lon.is_empty() {
        return (None, None);
    }
    match (lat.parse::<f64>(), lon.parse::<f64>()) {
        (Ok(a), Ok(o)) if in_germany(a, o) => (Some(a), Some(o)),
        (Ok(a), Ok(o)) if a.is_finite() && o.is_finite() => {
            v.add(field, Msg::new("offer-err-outside-germany"));
            (None, None)
        }
        _ => {
            v.add(field, Msg::new("offer-err-coordinates"));
            (None, None)
        }
    }
}

/// The service area as entered: keys from a list (repeated or comma- or
/// space-separated), sorted and without duplicates.
pub fn area_of(whole_kreis: bool, keys: &[String]) -> ServiceArea {
    let mut municipalities: Vec<String> = keys
        .iter()
        .flat_map(|v| v.split([',', ' ']))
        .map(str::trim)
        .filter(|k| !k.is_empty())
        .map(str::to_string)
        .collect();
    municipalities.sort();
    municipalities.dedup();
    ServiceArea {
        whole_kreis,
        municipalities,
    }
}

/// Checks an area against the municipalities of the network's Kreis
/// (`known`, as (key, name)): every key must be one of them. The whole
/// Kreis needs no list.
pub fn check_area(
    area: &ServiceArea,
    known: &[(String, String)],
    field: &str,
    errors: &mut FieldErrors,
) {
    let outside: Vec<&str> = area
        .municipalities
        .iter()
        .filter(|m| !known.iter().any(|(k, _)| k == *m))
        .map(String::as_str)
        .collect();
    if !outside.is_empty() {
        errors.insert(
            field.into(),
            Msg::new("cp-err-outside").arg("keys", outside.join(", ")),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_needs_an_address_or_coordinates() {
        let mut v = Validator::new();
        let input = PlaceInput {
            room: "Raum 2".into(),
            ..PlaceInput::default()
        };
        input.validate(1, &mut v);
        assert!(v.errors.contains_key("place-1-postal_code"));
        let mut v = Validator::new();
        let input = PlaceInput {
            lat: "49,58".into(),
            lon: "10.61".into(),
            ..PlaceInput::default()
        };
        let place = input.validate(0, &mut v);
        assert!(v.is_ok());
        assert_eq!(place.position(), Some((49.58, 10.61)));
        let mut v = Validator::new();
        let input = PlaceInput {
            lat: "48.85".into(),
            lon: "2.35".into(),
            ..PlaceInput::default()
        };
        input.validate(2, &mut v);
        assert!(v.errors.contains_key("place-2-lat"));
    }

    #[test]
    fn areas_are_sorted_and_checked_against_the_kreis() {
        let area = area_of(false, &["09575113, 09575117".into(), "09575113".into()]);
        assert_eq!(area.municipalities, ["09575113", "09575117"]);
        let known = vec![("09575113".to_string(), "Neustadt".to_string())];
        let mut errors = FieldErrors::new();
        check_area(&area, &known, "area", &mut errors);
        assert!(errors.contains_key("area"));
        assert!(area.covers("09575117") && !area.covers("09575000"));
    }
}
