//! Users and their roles.

pub use crate::core::identity::{Role, User};

/// A user row as stored.
#[derive(sqlx::FromRow)]
pub struct UserRow {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: String,
    pub network_id: Option<i64>,
    pub organization_id: Option<i64>,
    pub region_key: Option<String>,
    pub person_id: Option<i64>,
    pub disabled: i64,
}

impl UserRow {
    pub fn into_user(self) -> Option<User> {
        if self.disabled != 0 {
            return None;
        }
        Some(User {
            role: Role::parse(&self.role)?,
            id: self.id,
            email: self.email,
            name: self.name,
            network_id: self.network_id,
            organization_id: self.organization_id,
            region_key: self.region_key,
            person_id: self.person_id,
        })
    }
}

pub const USER_COLUMNS: &str =
    "id, email, name, role, network_id, organization_id, region_key, person_id, disabled";

/// The columns of a signed-in user (`users u`), whose rights follow the
/// current membership of their organisation: a member acts in the network
/// the account names only while the organisation belongs to it, else in
/// the network it belongs to now (none when it left all). Computed on every
/// request, so rights end with the membership, not with an admin's edit.
pub const ACTING_USER_COLUMNS: &str = "u.id, u.email, u.name, u.role,
    CASE WHEN u.role = 'member' THEN COALESCE(
        (SELECT m.network_id FROM memberships m
         WHERE m.organization_id = u.organization_id AND m.network_id = u.network_id),
        (SELECT MIN(m.network_id) FROM memberships m WHERE m.organization_id = u.organization_id))
    ELSE u.network_id END AS network_id,
    u.organization_id, u.region_key, u.person_id, u.disabled";
