//! Organisations. Names are unique within a network (case- and
//! umlaut-insensitive), because the CSV import finds organisations by name.

use serde_json::{Value, json};
use sqlx::{Any, Executor, Row};

use super::again;
use crate::{
    core::{
        audit::{self, Actor, Change},
        store::{Db, Tx, like_pattern, now, search_key},
    },
    network::{
        model::{Category, Organization, OrganizationRow},
        validate::OrganizationRecord,
    },
};

const COLUMNS: &str = "o.id, o.name, o.category, o.street, o.postal_code, o.city, o.website, o.email, o.phone, o.description, o.created_at, o.updated_at";

/// Search text (matched anywhere in the name) and category of a list.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    pub query: String,
    pub category: Option<Category>,
}

/// The organisations of a network, ordered by name.
pub async fn list_in_network<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    network_id: i64,
    filter: &Filter,
) -> Result<Vec<Organization>, sqlx::Error> {
    let mut sql = format!(
        "SELECT {COLUMNS} FROM organizations o JOIN memberships m ON m.organization_id = o.id WHERE m.network_id = $1"
    );
    let query = filter.query.trim();
    if !query.is_empty() {
        sql.push_str(" AND o.name_search LIKE $2 ESCAPE '\\'");
    }
    if filter.category.is_some() {
        sql.push_str(if query.is_empty() {
            " AND o.category = $2"
        } else {
            " AND o.category = $3"
        });
    }
    sql.push_str(" ORDER BY o.name_search, o.id");
    let mut q = sqlx::query_as::<_, OrganizationRow>(&sql).bind(network_id);
    if !query.is_empty() {
        q = q.bind(like_pattern(query));
    }
    if let Some(category) = filter.category {
        q = q.bind(category.code());
    }
    let rows = q.fetch_all(ex).await?;
    Ok(rows.into_iter().map(Organization::from).collect())
}

pub async fn organization<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    id: i64,
) -> Result<Option<Organization>, sqlx::Error> {
    let row: Option<OrganizationRow> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM organizations o WHERE o.id = $1"
    ))
    .bind(id)
    .fetch_optional(ex)
    .await?;
    Ok(row.map(Organization::from))
}

/// Whether another organisation of the network has this name.
pub async fn name_taken(
    db: &Db,
    network_ids: &[i64],
    name: &str,
    except: Option<i64>,
) -> Result<bool, sqlx::Error> {
    for network_id in network_ids {
        let row = sqlx::query(
            "SELECT o.id FROM organizations o JOIN memberships m ON m.organization_id = o.id
             WHERE m.network_id = $1 AND o.name_search = $2 AND o.id <> $3",
        )
        .bind(network_id)
        .bind(search_key(name))
        .bind(except.unwrap_or(0))
        .fetch_optional(db.pool())
        .await?;
        if row.is_some() {
            return Ok(true);
        }
    }
    Ok(false)
}

/// What the audit log keeps of an organisation (no personal data in it).
pub fn snapshot(record: &OrganizationRecord) -> Value {
    json!(record)
}

/// Creates an organisation as a member of `network_id`.
pub async fn create(
    tx: &mut Tx,
    actor: &Actor<'_>,
    network_id: i64,
    record: &OrganizationRecord,
) -> Result<i64, sqlx::Error> {
    let at = now();
    let row = sqlx::query(
        "INSERT INTO organizations (name, name_search, category, street, postal_code, city, website, email, phone, description, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id",
    )
    .bind(&record.name)
    .bind(search_key(&record.name))
    .bind(record.category.code())
    .bind(&record.street)
    .bind(&record.postal_code)
    .bind(&record.city)
    .bind(&record.website)
    .bind(&record.email)
    .bind(&record.phone)
    .bind(&record.description)
    .bind(at)
    .fetch_one(&mut **tx)
    .await?;
    let id: i64 = row.get("id");
    audit::record(
        tx,
        again(actor),
        Change {
            network_id: Some(network_id),
            entity: "organization",
            entity_id: Some(id),
            action: "create",
            before: None,
            after: Some(snapshot(record)),
        },
    )
    .await?;
    super::memberships::add(tx, actor, network_id, id).await?;
    Ok(id)
}

/// `network_id`: the network in whose context the change is made, for the
/// network's audit log.
pub async fn update(
    tx: &mut Tx,
    actor: &Actor<'_>,
    network_id: Option<i64>,
    before: &Organization,
    record: &OrganizationRecord,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE organizations SET name = $1, name_search = $2, category = $3, street = $4, postal_code = $5,
            city = $6, website = $7, email = $8, phone = $9, description = $10, updated_at = $11
         WHERE id = $12",
    )
    .bind(&record.name)
    .bind(search_key(&record.name))
    .bind(record.category.code())
    .bind(&record.street)
    .bind(&record.postal_code)
    .bind(&record.city)
    .bind(&record.website)
    .bind(&record.email)
    .bind(&record.phone)
    .bind(&record.description)
    .bind(now())
    .bind(before.id)
    .execute(&mut **tx)
    .await?;
    // The provider's name is part of its offers' search entries.
    crate::offers::search::changes::organization_changed(tx, before.id).await?;
    audit::record(
        tx,
        again(actor),
        Change {
            network_id,
            entity: "organization",
            entity_id: Some(before.id),
            action: "update",
            before: Some(snapshot(&OrganizationRecord::from(before))),
            after: Some(snapshot(record)),
        },
    )
    .await?;
    Ok(())
}

/// Deletes an organisation that has no memberships and no people left.
pub async fn delete(
    tx: &mut Tx,
    actor: &Actor<'_>,
    network_id: i64,
    organization: &Organization,
) -> Result<(), sqlx::Error> {
    // Its offers go with it (cascade): drop them from the search index.
    crate::offers::search::changes::organization_changed(tx, organization.id).await?;
    sqlx::query("DELETE FROM organizations WHERE id = $1")
        .bind(organization.id)
        .execute(&mut **tx)
        .await?;
    audit::record(
        tx,
        again(actor),
        Change {
            network_id: Some(network_id),
            entity: "organization",
            entity_id: Some(organization.id),
            action: "delete",
            before: Some(snapshot(&OrganizationRecord::from(organization))),
            after: None,
        },
    )
    .await?;
    Ok(())
}
