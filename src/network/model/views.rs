//! What pages and API answers show beyond the plain records.

use serde::Serialize;
use utoipa::ToSchema;

use super::{Category, Organization, Person};
use crate::core::audit::AuditEntry;

/// An organisation with its contact people and networks.
#[derive(Debug, Serialize, ToSchema)]
pub struct OrganizationDetail {
    #[serde(flatten)]
    pub organization: Organization,
    pub people: Vec<Person>,
    /// Ids of the networks the organisation belongs to.
    pub network_ids: Vec<i64>,
}

/// Members of one category on the network page.
#[derive(Debug, Serialize)]
pub struct Group {
    pub code: &'static str,
    pub message_id: String,
    pub organizations: Vec<Organization>,
}

impl Group {
    /// The organisations by category, in the categories' order; empty
    /// categories are left out.
    pub fn all(organizations: &[Organization]) -> Vec<Group> {
        Category::ALL
            .into_iter()
            .map(|c| Group {
                code: c.code(),
                message_id: c.message_id(),
                organizations: organizations
                    .iter()
                    .filter(|o| o.category == c)
                    .cloned()
                    .collect(),
            })
            .filter(|g| !g.organizations.is_empty())
            .collect()
    }
}

/// Everything ikon holds about one person (GDPR Art. 15): the registry's
/// own record and audit trail, and the sections other capabilities add
/// (e.g. `attendance`, `registrations`), flattened into the same object.
#[derive(Debug, Serialize)]
pub struct PersonExport {
    /// RFC 3339 time of the export.
    pub exported_at: String,
    pub person: Person,
    /// Whether the person agreed to appear in the open OParl interface.
    pub public_in_oparl: bool,
    pub organization: OrganizationRef,
    /// Every audit entry about the person, oldest first.
    pub audit: Vec<AuditEntry>,
    #[serde(flatten)]
    pub sections: serde_json::Map<String, serde_json::Value>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OrganizationRef {
    pub id: i64,
    pub name: String,
}
