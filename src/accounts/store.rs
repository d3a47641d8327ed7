//! Store queries for users.

use serde_json::json;
use sqlx::Row;

use super::{
    model::{Role, USER_COLUMNS, User, UserRow},
    secrets::hash_password,
};
use crate::core::{
    audit::{self, Actor, Change},
    store::{Db, Tx, now},
};

/// Everything needed to create a user; scope fields as the role requires.
#[derive(Clone, Debug)]
pub struct NewUser {
    pub email: String,
    pub name: String,
    pub password: String,
    pub role: Role,
    pub network_id: Option<i64>,
    pub organization_id: Option<i64>,
    pub region_key: Option<String>,
}

pub fn describe(user: &User) -> serde_json::Value {
    json!({
        "email": user.email, "name": user.name, "role": user.role,
        "network_id": user.network_id, "organization_id": user.organization_id,
        "region_key": user.region_key, "person_id": user.person_id,
    })
}

pub async fn create_user(tx: &mut Tx, actor: Actor<'_>, new: &NewUser) -> anyhow::Result<User> {
    let hash = hash_password(&new.password)?;
    let at = now();
    let row = sqlx::query(
        "INSERT INTO users (email, name, password_hash, role, network_id, organization_id, region_key, disabled, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 0, $8, $8) RETURNING id",
    )
    .bind(new.email.to_lowercase())
    .bind(&new.name)
    .bind(hash)
    .bind(new.role.code())
    .bind(new.network_id)
    .bind(new.organization_id)
    .bind(&new.region_key)
    .bind(at)
    .fetch_one(&mut **tx)
    .await?;
    let user = User {
        id: row.get("id"),
        email: new.email.to_lowercase(),
        name: new.name.clone(),
        role: new.role,
        network_id: new.network_id,
        organization_id: new.organization_id,
        region_key: new.region_key.clone(),
        person_id: None,
    };
    audit::record(
        tx,
        actor,
        Change {
            network_id: user.network_id,
            entity: "user",
            entity_id: Some(user.id),
            action: "create",
            before: None,
            after: Some(describe(&user)),
        },
    )
    .await?;
    Ok(user)
}

pub async fn user_by_email(db: &Db, email: &str) -> Result<Option<(User, String)>, sqlx::Error> {
    let sql = format!("SELECT {USER_COLUMNS}, password_hash FROM users WHERE email = $1");
    let row = sqlx::query(&sql)
        .bind(email.trim().to_lowercase())
        .fetch_optional(db.pool())
        .await?;
    Ok(row.and_then(|r| {
        let hash: String = r.get("password_hash");
        user_from_row(&r).map(|u| (u, hash))
    }))
}

pub async fn user_by_id(db: &Db, id: i64) -> Result<Option<User>, sqlx::Error> {
    let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE id = $1");
    let row: Option<UserRow> = sqlx::query_as(&sql)
        .bind(id)
        .fetch_optional(db.pool())
        .await?;
    Ok(row.and_then(UserRow::into_user))
}

pub async fn list_users(db: &Db) -> Result<Vec<User>, sqlx::Error> {
    let sql = format!("SELECT {USER_COLUMNS} FROM users ORDER BY email");
    let rows: Vec<UserRow> = sqlx::query_as(&sql).fetch_all(db.pool()).await?;
    Ok(rows.into_iter().filter_map(UserRow::into_user).collect())
}

/// The coordinator accounts of one network, oldest first.
pub async fn coordinators_of(db: &Db, network_id: i64) -> Result<Vec<User>, sqlx::Error> {
    let sql =
        format!("SELECT {USER_COLUMNS} FROM users WHERE role = $1 AND network_id = $2 ORDER BY id");
    let rows: Vec<UserRow> = sqlx::query_as(&sql)
        .bind(crate::accounts::model::Role::Coordinator.code())
        .bind(network_id)
        .fetch_all(db.pool())
        .await?;
    Ok(rows.into_iter().filter_map(UserRow::into_user).collect())
}

pub async fn admin_exists(db: &Db) -> Result<bool, sqlx::Error> {
    let row = sqlx::query("SELECT COUNT(*) AS n FROM users WHERE role = 'admin' AND disabled = 0")
        .fetch_one(db.pool())
        .await?;
    Ok(row.get::<i64, _>("n") > 0)
}

/// Changes role and scope; returns the user as it was before.
pub async fn set_role(
    tx: &mut Tx,
    actor: Actor<'_>,
    before: &User,
    role: Role,
    network_id: Option<i64>,
    organization_id: Option<i64>,
    region_key: Option<String>,
) -> Result<User, sqlx::Error> {
    sqlx::query(
        "UPDATE users SET role = $1, network_id = $2, organization_id = $3, region_key = $4, updated_at = $5 WHERE id = $6",
    )
    .bind(role.code())
    .bind(network_id)
    .bind(organization_id)
    .bind(&region_key)
    .bind(now())
    .bind(before.id)
    .execute(&mut **tx)
    .await?;
    let after = User {
        role,
        network_id,
        organization_id,
        region_key,
        ..before.clone()
    };
    audit::record(
        tx,
        actor,
        Change {
            network_id: after.network_id.or(before.network_id),
            entity: "user",
            entity_id: Some(before.id),
            action: "set_role",
            before: Some(describe(before)),
            after: Some(describe(&after)),
        },
    )
    .await?;
    Ok(after)
}

/// Links the account to the contact person it acts as (or unlinks it);
/// returns the user as it is now.
pub async fn link_person(
    tx: &mut Tx,
    actor: Actor<'_>,
    before: &User,
    person_id: Option<i64>,
) -> Result<User, sqlx::Error> {
    sqlx::query("UPDATE users SET person_id = $1, updated_at = $2 WHERE id = $3")
        .bind(person_id)
        .bind(now())
        .bind(before.id)
        .execute(&mut **tx)
        .await?;
    let after = User {
        person_id,
        ..before.clone()
    };
    audit::record(
        tx,
        actor,
        Change {
            network_id: after.network_id,
            entity: "user",
            entity_id: Some(before.id),
            action: "link_person",
            before: Some(describe(before)),
            after: Some(describe(&after)),
        },
    )
    .await?;
    Ok(after)
}

/// Whether an active account acts as this contact person.
pub async fn person_has_account(db: &Db, person_id: i64) -> Result<bool, sqlx::Error> {
    let row = sqlx::query("SELECT COUNT(*) AS n FROM users WHERE person_id = $1 AND disabled = 0")
        .bind(person_id)
        .fetch_one(db.pool())
        .await?;
    Ok(row.get::<i64, _>("n") > 0)
}

/// Sets a new password and ends every session of the user.
pub async fn set_password(
    tx: &mut Tx,
    actor: Actor<'_>,
    user: &User,
    password: &str,
) -> anyhow::Result<()> {
    let hash = hash_password(password)?;
    sqlx::query("UPDATE users SET password_hash = $1, updated_at = $2 WHERE id = $3")
        .bind(hash)
        .bind(now())
        .bind(user.id)
        .execute(&mut **tx)
        .await?;
    // A new password is a fresh start: every session, API token and
    // pending one-time link (password reset) of the old one is void.
    super::sessions::end_all(tx, user.id).await?;
    sqlx::query("DELETE FROM api_tokens WHERE user_id = $1")
        .bind(user.id)
        .execute(&mut **tx)
        .await?;
    sqlx::query("DELETE FROM one_time_tokens WHERE user_id = $1 AND used_at IS NULL")
        .bind(user.id)
        .execute(&mut **tx)
        .await?;
    audit::record(
        tx,
        actor,
        Change {
            network_id: user.network_id,
            entity: "user",
            entity_id: Some(user.id),
            action: "set_password",
            before: None,
            after: None,
        },
    )
    .await?;
    Ok(())
}

fn user_from_row(r: &sqlx::any::AnyRow) -> Option<User> {
    UserRow {
        id: r.get("id"),
        email: r.get("email"),
        name: r.get("name"),
        role: r.get("role"),
        network_id: r.get("network_id"),
        organization_id: r.get("organization_id"),
        region_key: r.get("region_key"),
        person_id: r.get("person_id"),
        disabled: r.get("disabled"),
    }
    .into_user()
}

/// What a user's scope can name, for the role form: every network, the
/// organisations that are members of one (with the network's name), and
/// the states and government districts a supervisor can watch.
pub async fn scope_choices(
    db: &Db,
) -> sqlx::Result<(
    Vec<minijinja::Value>,
    Vec<minijinja::Value>,
    Vec<minijinja::Value>,
)> {
    use minijinja::{Value, context};
    let networks: Vec<Value> = sqlx::query("SELECT id, name FROM networks ORDER BY name")
        .fetch_all(db.pool())
        .await?
        .into_iter()
        .map(|r| context! { id => r.get::<i64, _>("id"), name => r.get::<String, _>("name") })
        .collect();
    let organizations: Vec<Value> = sqlx::query(
        "SELECT o.id, o.name, n.name AS network FROM organizations o
         JOIN memberships m ON m.organization_id = o.id JOIN networks n ON n.id = m.network_id
         ORDER BY n.name, o.name",
    )
    .fetch_all(db.pool())
    .await?
    .into_iter()
    .map(|r| {
        context! {
            id => r.get::<i64, _>("id"), name => r.get::<String, _>("name"),
            network => r.get::<String, _>("network"),
        }
    })
    .collect();
    let regions: Vec<Value> = sqlx::query(
        "SELECT key, name, level FROM regions WHERE level IN ('state', 'district_government') ORDER BY key",
    )
    .fetch_all(db.pool())
    .await?
    .into_iter()
    .map(|r| context! { key => r.get::<String, _>("key"), name => r.get::<String, _>("name") })
    .collect();
    Ok((networks, organizations, regions))
}

/// The contact people an account can be linked to, with organisation, for
/// the user form.
pub async fn person_choices(db: &Db) -> sqlx::Result<Vec<minijinja::Value>> {
    use minijinja::context;
    Ok(sqlx::query(
        "SELECT p.id, p.name, o.name AS organization FROM people p
         JOIN organizations o ON o.id = p.organization_id ORDER BY o.name, p.name",
    )
    .fetch_all(db.pool())
    .await?
    .into_iter()
    .map(|r| {
        context! {
            id => r.get::<i64, _>("id"), name => r.get::<String, _>("name"),
            organization => r.get::<String, _>("organization"),
        }
    })
    .collect())
}

/// Who a contact person is for linking: their organisation, and the other
/// account already linked to them, if any.
pub async fn person_for_link(db: &Db, person_id: i64) -> sqlx::Result<Option<(i64, Option<i64>)>> {
    let row = sqlx::query(
        "SELECT p.organization_id, (SELECT MIN(u.id) FROM users u WHERE u.person_id = p.id) AS linked
         FROM people p WHERE p.id = $1",
    )
    .bind(person_id)
    .fetch_optional(db.pool())
    .await?;
    Ok(row.map(|r| (r.get("organization_id"), r.get("linked"))))
}
