//! What forms and API bodies send: one input type per form or body, each
//! with one `validate` that turns it into a record or field errors (Fluent
//! message ids). The HTML forms, the JSON API, the CSV import and the demo
//! loader share them, so every way in applies the same rules and the same
//! messages. Checks that need the database (a name already taken) are the
//! service's.
//!
//! Inputs are all strings with `#[serde(default)]`: a missing or unknown
//! value then becomes a field error with a helpful message instead of a
//! deserialisation failure.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{Category, Organization, Person};
use crate::{
    core::{
        error::{FieldErrors, Msg},
        ids::OrganizationId,
        web::forms::Validator,
    },
    network::csv::Kind,
};

pub const NAME_MAX: usize = 200;
pub const TEXT_MAX: usize = 200;
pub const CITY_MAX: usize = 100;
pub const DESCRIPTION_MAX: usize = 4000;

/// A network as entered by an administrator (region only when creating).
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct NetworkInput {
    pub name: String,
    pub region_key: String,
    pub description: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NetworkRecord {
    pub name: String,
    pub region_key: String,
    pub description: String,
}

impl NetworkInput {
    /// `with_region`: creating needs a region; editing keeps the old one.
    pub fn validate(&self, with_region: bool) -> Result<NetworkRecord, FieldErrors> {
        let mut v = Validator::new();
        let record = NetworkRecord {
            name: v.text("name", &self.name, true, NAME_MAX),
            region_key: v.text("region_key", &self.region_key, with_region, 12),
            description: v.text("description", &self.description, false, DESCRIPTION_MAX),
        };
        finish(v, record)
    }
}

/// An organisation as entered in a form, sent to the API or read from a
/// CSV row.
#[derive(Clone, Debug, Default, Deserialize, Serialize, ToSchema)]
#[serde(default)]
pub struct OrganizationInput {
    pub name: String,
    /// A category code (e.g. `welfare_association`); the German or English
    /// category name is accepted too.
    pub category: String,
    pub street: String,
    /// Five digits or empty.
    pub postal_code: String,
    pub city: String,
    /// `https://…`; a bare host name gets `https://` prepended.
    pub website: String,
    pub email: String,
    pub phone: String,
    pub description: String,
}

/// A valid organisation, ready to be stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OrganizationRecord {
    pub name: String,
    pub category: Category,
    pub street: String,
    pub postal_code: String,
    pub city: String,
    pub website: String,
    pub email: String,
    pub phone: String,
    pub description: String,
}

impl OrganizationInput {
    pub fn validate(&self) -> Result<OrganizationRecord, FieldErrors> {
        let mut v = Validator::new();
        let name = v.text("name", &self.name, true, NAME_MAX);
        let category = if self.category.trim().is_empty() {
            v.add("category", Msg::new("err-required"));
            Category::Other
        } else {
            Category::from_text(&self.category).unwrap_or_else(|| {
                v.add(
                    "category",
                    Msg::new("net-err-category").arg("codes", Category::codes()),
                );
                Category::Other
            })
        };
        let record = OrganizationRecord {
            name,
            category,
            street: v.text("street", &self.street, false, TEXT_MAX),
            postal_code: v.postal_code("postal_code", &self.postal_code, false),
            city: v.text("city", &self.city, false, CITY_MAX),
            website: v.website("website", &self.website),
            email: v.email("email", &self.email, false),
            phone: v.phone("phone", &self.phone),
            description: v.text("description", &self.description, false, DESCRIPTION_MAX),
        };
        finish(v, record)
    }
}

impl From<&Organization> for OrganizationInput {
    /// Pre-fills an edit form.
    fn from(o: &Organization) -> Self {
        OrganizationInput {
            name: o.name.clone(),
            category: o.category.code().to_string(),
            street: o.street.clone(),
            postal_code: o.postal_code.clone(),
            city: o.city.clone(),
            website: o.website.clone(),
            email: o.email.clone(),
            phone: o.phone.clone(),
            description: o.description.clone(),
        }
    }
}

impl OrganizationRecord {
    /// Whether storing this record would change the organisation (the CSV
    /// import leaves unchanged rows alone, so a round trip writes nothing).
    pub fn same_as(&self, o: &Organization) -> bool {
        *self == OrganizationRecord::from(o)
    }
}

impl From<&Organization> for OrganizationRecord {
    fn from(o: &Organization) -> Self {
        OrganizationRecord {
            name: o.name.clone(),
            category: o.category,
            street: o.street.clone(),
            postal_code: o.postal_code.clone(),
            city: o.city.clone(),
            website: o.website.clone(),
            email: o.email.clone(),
            phone: o.phone.clone(),
            description: o.description.clone(),
        }
    }
}

/// A contact person as entered.
#[derive(Clone, Debug, Default, Deserialize, Serialize, ToSchema)]
#[serde(default)]
pub struct PersonInput {
    pub name: String,
    pub function: String,
    pub email: String,
    pub phone: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PersonRecord {
    pub name: String,
    pub function: String,
    pub email: String,
    pub phone: String,
}

impl PersonInput {
    pub fn validate(&self) -> Result<PersonRecord, FieldErrors> {
        let mut v = Validator::new();
        let record = PersonRecord {
            name: v.text("name", &self.name, true, NAME_MAX),
            function: v.text("function", &self.function, false, TEXT_MAX),
            email: v.email("email", &self.email, false),
            phone: v.phone("phone", &self.phone),
        };
        finish(v, record)
    }
}

impl From<&Person> for PersonInput {
    fn from(p: &Person) -> Self {
        PersonInput {
            name: p.name.clone(),
            function: p.function.clone(),
            email: p.email.clone(),
            phone: p.phone.clone(),
        }
    }
}

impl PersonRecord {
    pub fn same_as(&self, p: &Person) -> bool {
        self.name == p.name
            && self.function == p.function
            && self.email == p.email
            && self.phone == p.phone
    }
}

/// The person form: the record plus the consent to appear publicly
/// (OParl), which is kept apart from the record the CSV import shares.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct PersonForm {
    #[serde(flatten)]
    pub input: PersonInput,
    /// The checkbox: present (any value) when ticked.
    #[serde(default)]
    pub is_public: Option<String>,
}

impl PersonForm {
    pub fn validate(&self) -> Result<PersonRecord, FieldErrors> {
        self.input.validate()
    }

    pub fn public(&self) -> bool {
        self.is_public.is_some()
    }

    /// Pre-fills an edit form.
    pub fn of(person: &Person, public: bool) -> Self {
        Self {
            input: PersonInput::from(person),
            is_public: public.then(|| "yes".into()),
        }
    }
}

/// The search and category filter of an organisation list, for the page
/// and the API alike.
#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OrganizationQuery {
    /// Part of the name, case- and umlaut-insensitive.
    #[serde(default)]
    pub q: String,
    /// A category code, e.g. `school`.
    #[serde(default)]
    pub category: String,
}

/// A validated organisation filter.
#[derive(Clone, Debug, Default)]
pub struct OrganizationFilter {
    pub query: String,
    pub category: Option<Category>,
}

impl OrganizationQuery {
    /// An unknown category is an error (the API says which codes exist).
    pub fn validate(&self) -> Result<OrganizationFilter, FieldErrors> {
        let mut v = Validator::new();
        let category = match self.category.trim() {
            "" => None,
            code => Category::parse(code).or_else(|| {
                v.add(
                    "category",
                    Msg::new("net-err-category").arg("codes", Category::codes()),
                );
                None
            }),
        };
        let filter = OrganizationFilter {
            query: self.q.trim().to_string(),
            category,
        };
        finish(v, filter)
    }

    /// The list page forgives: an unknown category in a hand-edited URL
    /// shows everything.
    pub fn lenient(&self) -> OrganizationFilter {
        self.validate().unwrap_or_else(|_| OrganizationFilter {
            query: self.q.trim().to_string(),
            category: None,
        })
    }
}

/// Adding an existing organisation to a network by its id (e.g. one
/// serving several Kreise).
#[derive(Clone, Debug, Default, Deserialize)]
pub struct MembershipInput {
    #[serde(default)]
    pub organization_id: String,
}

impl MembershipInput {
    pub fn validate(&self) -> Result<OrganizationId, FieldErrors> {
        let mut v = Validator::new();
        let id = self.organization_id.trim().parse().map(OrganizationId);
        if id.is_err() {
            v.add("organization_id", Msg::new("net-err-organization-unknown"));
        }
        finish(v, id.unwrap_or(OrganizationId(0)))
    }
}

/// The GDPR erasure form, confirmed by a checkbox (works without
/// JavaScript).
#[derive(Clone, Debug, Default, Deserialize)]
pub struct EraseInput {
    #[serde(default)]
    pub confirm: String,
}

impl EraseInput {
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut v = Validator::new();
        if self.confirm != "yes" {
            v.add("confirm", Msg::new("net-err-confirm-erase"));
        }
        finish(v, ())
    }
}

/// An upload of the import page: which file (`organizations` or
/// `people`) and its bytes.
#[derive(Clone, Debug, Default)]
pub struct ImportInput {
    pub kind: String,
    pub file: Vec<u8>,
}

impl ImportInput {
    pub fn validate(&self) -> Result<Kind, FieldErrors> {
        let mut v = Validator::new();
        let kind = Kind::parse(&self.kind);
        if kind.is_none() {
            v.add("kind", Msg::new("net-err-import-kind"));
        }
        if self.file.is_empty() {
            v.add("file", Msg::new("net-err-import-file"));
        }
        finish(v, kind.unwrap_or(Kind::Organizations))
    }
}

fn finish<T>(v: Validator, record: T) -> Result<T, FieldErrors> {
    if v.is_ok() { Ok(record) } else { Err(v.errors) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organisation_needs_name_and_known_category() {
        let errors = OrganizationInput {
            category: "church".into(),
            email: "x".into(),
            ..Default::default()
        }
        .validate()
        .unwrap_err();
        assert_eq!(
            errors.keys().collect::<Vec<_>>(),
            ["category", "email", "name"]
        );
        assert_eq!(errors["category"].id, "net-err-category");
        let ok = OrganizationInput {
            name: " Caritas ".into(),
            category: "Wohlfahrtsverband".into(),
            website: "caritas.example".into(),
            ..Default::default()
        }
        .validate()
        .unwrap();
        assert_eq!(ok.name, "Caritas");
        assert_eq!(ok.category, Category::WelfareAssociation);
        assert_eq!(ok.website, "https://caritas.example");
    }

    #[test]
    fn person_needs_a_name() {
        let errors = PersonInput::default().validate().unwrap_err();
        assert_eq!(errors.keys().collect::<Vec<_>>(), ["name"]);
    }
}
