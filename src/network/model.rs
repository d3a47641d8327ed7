//! The network registry's records: networks, organisations with their
//! category, contact people, memberships.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

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
