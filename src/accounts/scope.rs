//! A role together with what it applies to: checked against the database
//! so that a coordinator always has a network, a member an organisation in
//! that network, a supervisor an existing region.

use sqlx::Row;

use super::model::Role;
use crate::core::{error::Msg, store::Db, web::forms::Validator};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scope {
    pub role: Role,
    pub network_id: Option<i64>,
    pub organization_id: Option<i64>,
    pub region_key: Option<String>,
}

/// Raw form or CLI input.
#[derive(Clone, Debug, Default, serde::Deserialize, serde::Serialize)]
pub struct ScopeInput {
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub network_id: String,
    #[serde(default)]
    pub organization_id: String,
    #[serde(default)]
    pub region_key: String,
}

fn parse_id(v: &mut Validator, field: &str, raw: &str) -> Option<i64> {
    let raw = raw.trim();
    if raw.is_empty() {
        v.add(field, Msg::new("err-required"));
        return None;
    }
    match raw.parse() {
        Ok(id) => Some(id),
        Err(_) => {
            v.add(field, Msg::new("acc-err-unknown"));
            None
        }
    }
}

pub async fn validate(
    db: &Db,
    v: &mut Validator,
    input: &ScopeInput,
) -> Result<Option<Scope>, sqlx::Error> {
    let Some(role) = Role::parse(input.role.trim()) else {
        v.add("role", Msg::new("acc-err-role"));
        return Ok(None);
    };
    let mut scope = Scope {
        role,
        network_id: None,
        organization_id: None,
        region_key: None,
    };
    match role {
        Role::Admin => {}
        Role::Supervisor => {
            let key = input.region_key.trim();
            let exists = sqlx::query("SELECT level FROM regions WHERE key = $1")
                .bind(key)
                .fetch_optional(db.pool())
                .await?
                .is_some_and(|r| r.get::<String, _>("level") != "municipality");
            if exists {
                scope.region_key = Some(key.to_string());
            } else {
                v.add("region_key", Msg::new("acc-err-region"));
            }
        }
        Role::Coordinator | Role::Member => {
            if let Some(id) = parse_id(v, "network_id", &input.network_id) {
                let exists = sqlx::query("SELECT id FROM networks WHERE id = $1")
                    .bind(id)
                    .fetch_optional(db.pool())
                    .await?
                    .is_some();
                if exists {
                    scope.network_id = Some(id);
                } else {
                    v.add("network_id", Msg::new("acc-err-unknown"));
                }
            }
            let org = (role == Role::Member)
                .then(|| parse_id(v, "organization_id", &input.organization_id))
                .flatten();
            if let Some(org) = org {
                let member = sqlx::query(
                    "SELECT id FROM memberships WHERE organization_id = $1 AND network_id = $2",
                )
                .bind(org)
                .bind(scope.network_id.unwrap_or(-1))
                .fetch_optional(db.pool())
                .await?
                .is_some();
                if member {
                    scope.organization_id = Some(org);
                } else {
                    v.add("organization_id", Msg::new("acc-err-not-member"));
                }
            }
        }
    }
    Ok(v.is_ok().then_some(scope))
}
