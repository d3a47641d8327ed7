//! Contact people. Names are unique within an organisation, because the
//! CSV import finds people by organisation and name.

use sqlx::{Any, Executor, Row};

use crate::{
    core::store::{Tx, now, search_key},
    network::model::{Person, PersonRecord},
};

const COLUMNS: &str =
    "p.id, p.organization_id, p.name, p.function, p.email, p.phone, p.created_at, p.updated_at";

pub async fn list_for_organization<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    organization_id: i64,
) -> Result<Vec<Person>, sqlx::Error> {
    let mut people: Vec<Person> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM people p WHERE p.organization_id = $1"
    ))
    .bind(organization_id)
    .fetch_all(ex)
    .await?;
    people.sort_by_cached_key(|p| (search_key(&p.name), p.id));
    Ok(people)
}

/// A person with the name of their organisation, for the CSV export.
#[derive(Clone, Debug)]
pub struct PersonInNetwork {
    pub organization_name: String,
    pub person: Person,
}

/// Everyone at the organisations of a network, by organisation and name.
pub async fn list_in_network<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    network_id: i64,
) -> Result<Vec<PersonInNetwork>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS}, o.name AS organization_name, o.name_search AS organization_search
         FROM people p JOIN organizations o ON o.id = p.organization_id
         JOIN memberships m ON m.organization_id = o.id
         WHERE m.network_id = $1"
    ))
    .bind(network_id)
    .fetch_all(ex)
    .await?;
    let mut out: Vec<(String, PersonInNetwork)> = rows
        .into_iter()
        .map(|r| {
            let person = Person {
                id: r.get("id"),
                organization_id: r.get("organization_id"),
                name: r.get("name"),
                function: r.get("function"),
                email: r.get("email"),
                phone: r.get("phone"),
                created_at: r.get("created_at"),
                updated_at: r.get("updated_at"),
            };
            let sort = format!(
                "{}\u{0}{}",
                r.get::<String, _>("organization_search"),
                search_key(&person.name)
            );
            (
                sort,
                PersonInNetwork {
                    organization_name: r.get("organization_name"),
                    person,
                },
            )
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.person.id.cmp(&b.1.person.id)));
    Ok(out.into_iter().map(|(_, p)| p).collect())
}

pub async fn person<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    id: i64,
) -> Result<Option<Person>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {COLUMNS} FROM people p WHERE p.id = $1"))
        .bind(id)
        .fetch_optional(ex)
        .await
}

/// Whether another person of the organisation has this name.
pub async fn name_taken<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    organization_id: i64,
    name: &str,
    except: Option<i64>,
) -> Result<bool, sqlx::Error> {
    let key = search_key(name);
    let people = list_for_organization(ex, organization_id).await?;
    Ok(people
        .iter()
        .any(|p| Some(p.id) != except && search_key(&p.name) == key))
}

pub async fn insert(
    tx: &mut Tx,
    organization_id: i64,
    record: &PersonRecord,
) -> Result<i64, sqlx::Error> {
    let row = sqlx::query(
        "INSERT INTO people (organization_id, name, function, email, phone, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
    )
    .bind(organization_id)
    .bind(&record.name)
    .bind(&record.function)
    .bind(&record.email)
    .bind(&record.phone)
    .bind(now())
    .fetch_one(&mut **tx)
    .await?;
    Ok(row.get("id"))
}

pub async fn update(tx: &mut Tx, id: i64, record: &PersonRecord) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE people SET name = $1, function = $2, email = $3, phone = $4, updated_at = $5 WHERE id = $6",
    )
    .bind(&record.name)
    .bind(&record.function)
    .bind(&record.email)
    .bind(&record.phone)
    .bind(now())
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Deletes the row; what refers to the person goes by cascade.
pub async fn delete(tx: &mut Tx, id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM people WHERE id = $1")
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Whether the person agreed to appear in the open OParl interface.
pub async fn is_public<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    id: i64,
) -> Result<bool, sqlx::Error> {
    let row = sqlx::query("SELECT is_public FROM people WHERE id = $1")
        .bind(id)
        .fetch_optional(ex)
        .await?;
    Ok(row.is_some_and(|r| r.get::<i64, _>("is_public") == 1))
}

pub async fn set_public(tx: &mut Tx, id: i64, public: bool) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE people SET is_public = $1, updated_at = $2 WHERE id = $3")
        .bind(i64::from(public))
        .bind(now())
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
