//! Organisations. Names are unique within a network (case- and
//! umlaut-insensitive), because the CSV import finds organisations by name.

use sqlx::{Any, Executor, Row};

use crate::{
    core::store::{Db, Tx, like_pattern, now, search_key},
    network::model::{Category, Organization, OrganizationFilter, OrganizationRecord},
};

const COLUMNS: &str = "o.id, o.name, o.category, o.street, o.postal_code, o.city, o.website, o.email, o.phone, o.description, o.created_at, o.updated_at";

/// The filter of an organisation list; readers outside the registry list
/// a network's organisations with `Filter::default()`.
pub type Filter = OrganizationFilter;

/// The stored form of `Organization`: the `Any` driver knows no enums.
#[derive(sqlx::FromRow)]
struct OrganizationRow {
    id: i64,
    name: String,
    category: String,
    street: String,
    postal_code: String,
    city: String,
    website: String,
    email: String,
    phone: String,
    description: String,
    created_at: i64,
    updated_at: i64,
}

impl From<OrganizationRow> for Organization {
    fn from(r: OrganizationRow) -> Self {
        Organization {
            id: r.id,
            name: r.name,
            // Only `validate` writes categories, so a stored one always parses.
            category: Category::parse(&r.category).unwrap_or(Category::Other),
            street: r.street,
            postal_code: r.postal_code,
            city: r.city,
            website: r.website,
            email: r.email,
            phone: r.phone,
            description: r.description,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
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

/// Whether another organisation of one of the networks has this name.
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

/// The organisation row only; its membership is written apart.
pub async fn insert(tx: &mut Tx, record: &OrganizationRecord) -> Result<i64, sqlx::Error> {
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
    .bind(now())
    .fetch_one(&mut **tx)
    .await?;
    Ok(row.get("id"))
}

pub async fn update(tx: &mut Tx, id: i64, record: &OrganizationRecord) -> Result<(), sqlx::Error> {
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
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Deletes the row; what refers to it (offers, people) goes by cascade.
pub async fn delete(tx: &mut Tx, id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM organizations WHERE id = $1")
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
