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
        })
    }
}

pub const USER_COLUMNS: &str =
    "id, email, name, role, network_id, organization_id, region_key, disabled";
