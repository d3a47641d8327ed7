//! Who a request or a change belongs to: the user record every layer
//! needs (the audit log, the page shell, the capabilities' checks). The
//! accounts capability reads and writes users; the record itself is part
//! of the floor so that core never has to name a capability.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// What a user may do. One role per user, scoped as the role requires.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Runs the installation: settings, users, networks, backups.
    Admin,
    /// Reads every network inside a region (e.g. a Regierungsbezirk).
    Supervisor,
    /// Runs one network.
    Coordinator,
    /// Keeps one organisation's data current in one network.
    Member,
}

impl Role {
    pub const ALL: [Role; 4] = [
        Role::Admin,
        Role::Supervisor,
        Role::Coordinator,
        Role::Member,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Supervisor => "supervisor",
            Role::Coordinator => "coordinator",
            Role::Member => "member",
        }
    }

    pub fn parse(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == code)
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: Role,
    /// Coordinator and member: their network.
    pub network_id: Option<i64>,
    /// Member: the organisation whose data they keep.
    pub organization_id: Option<i64>,
    /// Supervisor: the region (AGS prefix) they oversee.
    pub region_key: Option<String>,
    /// The contact person this account acts as (minute taker, responsible
    /// for an action item): an explicit link an administrator sets, never
    /// inferred from e-mail addresses.
    pub person_id: Option<i64>,
}
