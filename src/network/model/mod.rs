//! The network registry's records: networks, organisations with their
//! category, contact people, memberships. The view structs serve the HTML
//! templates and the JSON API alike; `input` holds what forms and API
//! bodies send, each with its one `validate`.

mod input;
mod views;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

pub use input::*;
pub use views::*;

use crate::core::{i18n::Lang, store::search_key};

/// The participant categories of an integration conference.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    CountyOffice,
    DistrictGovernment,
    School,
    AdultEducation,
    WelfareAssociation,
    Bamf,
    EmploymentAgency,
    Business,
    MigrantAssociation,
    Police,
    SportsClub,
    IntegrationCouncil,
    Other,
}

impl Category {
    pub const ALL: [Category; 13] = [
        Category::CountyOffice,
        Category::DistrictGovernment,
        Category::School,
        Category::AdultEducation,
        Category::WelfareAssociation,
        Category::Bamf,
        Category::EmploymentAgency,
        Category::Business,
        Category::MigrantAssociation,
        Category::Police,
        Category::SportsClub,
        Category::IntegrationCouncil,
        Category::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Category::CountyOffice => "county_office",
            Category::DistrictGovernment => "district_government",
            Category::School => "school",
            Category::AdultEducation => "adult_education",
            Category::WelfareAssociation => "welfare_association",
            Category::Bamf => "bamf",
            Category::EmploymentAgency => "employment_agency",
            Category::Business => "business",
            Category::MigrantAssociation => "migrant_association",
            Category::Police => "police",
            Category::SportsClub => "sports_club",
            Category::IntegrationCouncil => "integration_council",
            Category::Other => "other",
        }
    }

    pub fn parse(code: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.code() == code.trim())
    }

    /// Fluent message id of the category's name.
    pub fn message_id(self) -> String {
        format!("category-{}", self.code().replace('_', "-"))
    }

    /// The category's name in a UI language (the Fluent files are the one
    /// source of the names, also for the German CSV column).
    pub fn label(self, lang: Lang) -> String {
        lang.t(&self.message_id())
    }

    /// Accepts the code or the name in any UI language, ignoring case and
    /// umlaut spelling, because spreadsheets are typed by hand.
    pub fn from_text(text: &str) -> Option<Category> {
        let key = search_key(text.trim());
        if key.is_empty() {
            return None;
        }
        Category::ALL.into_iter().find(|c| {
            c.code() == key
                || c.code().replace('_', "-") == key
                || Lang::ALL
                    .iter()
                    .any(|lang| search_key(&c.label(*lang)) == key)
        })
    }

    /// All codes, for error messages that list what is allowed.
    pub fn codes() -> String {
        Category::ALL.map(Category::code).join(", ")
    }
}

/// A category as offered in a form or filter.
#[derive(Clone, Debug, Serialize)]
pub struct CategoryOption {
    pub code: &'static str,
    pub message_id: String,
}

pub fn category_options() -> Vec<CategoryOption> {
    Category::ALL
        .into_iter()
        .map(|c| CategoryOption {
            code: c.code(),
            message_id: c.message_id(),
        })
        .collect()
}

/// A network as listed publicly.
#[derive(Clone, Debug, Serialize, ToSchema, sqlx::FromRow)]
pub struct Network {
    pub id: i64,
    pub name: String,
    /// AGS of the Kreis or kreisfreie Stadt the network serves.
    pub region_key: String,
    pub region_name: String,
    pub description: String,
    pub member_count: i64,
    pub created_at: i64,
    pub updated_at: i64,
}

/// An organisation taking part in one or more networks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct Organization {
    pub id: i64,
    pub name: String,
    pub category: Category,
    pub street: String,
    /// Five digits or empty.
    pub postal_code: String,
    pub city: String,
    /// Absolute http(s) address or empty.
    pub website: String,
    pub email: String,
    pub phone: String,
    pub description: String,
    pub created_at: i64,
    pub updated_at: i64,
}

/// A contact person of an organisation. Deliberately only these fields:
/// it is personal data, and the registry needs no more (GDPR Art. 5(1)(c)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema, sqlx::FromRow)]
pub struct Person {
    pub id: i64,
    pub organization_id: i64,
    pub name: String,
    /// Role in the organisation, e.g. "Migrationsberatung".
    pub function: String,
    pub email: String,
    pub phone: String,
    pub created_at: i64,
    pub updated_at: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_parse_from_codes_and_names() {
        for c in Category::ALL {
            assert_eq!(Category::parse(c.code()), Some(c));
            assert_eq!(Category::from_text(c.code()), Some(c));
            assert_eq!(Category::from_text(&c.label(Lang::De)), Some(c));
            assert_eq!(
                Category::from_text(&c.label(Lang::En).to_uppercase()),
                Some(c)
            );
        }
        assert_eq!(Category::from_text("Wohlfahrtsverbände"), None);
        assert_eq!(Category::from_text(""), None);
    }
}
