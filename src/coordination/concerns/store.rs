//! SQL on the concern tables only.

use sqlx::{Any, Executor, Row, any::AnyRow};

use super::model::{Concern, ConcernRecord, ConcernState, ConcernStep};
use crate::core::{
    ids::{AgendaItemId, ConcernId, DecisionId, MeetingId, NetworkId, OrganizationId, UserId},
    store::{Tx, now},
};

const COLUMNS: &str = "id, network_id, organization_id, title, body, addressee, justification, state, meeting_id, agenda_item_id, decision_id, submitted_on, reference, answered_on, answer, created_at, updated_at";

fn concern_from(r: &AnyRow) -> Concern {
    let state = ConcernState::parse(r.get("state")).unwrap_or(ConcernState::Draft);
    Concern {
        id: ConcernId(r.get("id")),
        network_id: NetworkId(r.get("network_id")),
        organization_id: r
            .get::<Option<i64>, _>("organization_id")
            .map(OrganizationId),
        title: r.get("title"),
        body: r.get("body"),
        addressee: r.get("addressee"),
        justification: r.get("justification"),
        state,
        meeting_id: r.get::<Option<i64>, _>("meeting_id").map(MeetingId),
        agenda_item_id: r.get::<Option<i64>, _>("agenda_item_id").map(AgendaItemId),
        decision_id: r.get::<Option<i64>, _>("decision_id").map(DecisionId),
        submitted_on: r.get("submitted_on"),
        reference: r.get("reference"),
        answered_on: r.get("answered_on"),
        answer: r.get("answer"),
        allowed: state.next().to_vec(),
        created_at: r.get("created_at"),
        updated_at: r.get("updated_at"),
    }
}

/// The concerns of a network, newest first.
pub async fn concerns<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    network_id: NetworkId,
) -> Result<Vec<Concern>, sqlx::Error> {
    Ok(sqlx::query(&format!(
        "SELECT {COLUMNS} FROM concerns WHERE network_id = $1 ORDER BY created_at DESC, id DESC"
    ))
    .bind(network_id.get())
    .fetch_all(ex)
    .await?
    .iter()
    .map(concern_from)
    .collect())
}

pub async fn concern<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    id: ConcernId,
) -> Result<Option<Concern>, sqlx::Error> {
    Ok(
        sqlx::query(&format!("SELECT {COLUMNS} FROM concerns WHERE id = $1"))
            .bind(id.get())
            .fetch_optional(ex)
            .await?
            .as_ref()
            .map(concern_from),
    )
}

pub async fn create(
    tx: &mut Tx,
    network_id: NetworkId,
    record: &ConcernRecord,
    (organization, user): (Option<OrganizationId>, Option<UserId>),
) -> Result<ConcernId, sqlx::Error> {
    let row = sqlx::query(
        "INSERT INTO concerns (network_id, organization_id, created_by, title, body, addressee, justification, state,
         reference, answer, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 'draft', '', '', $8, $8) RETURNING id",
    )
    .bind(network_id.get())
    .bind(organization.map(OrganizationId::get))
    .bind(user.map(UserId::get))
    .bind(&record.title)
    .bind(&record.body)
    .bind(&record.addressee)
    .bind(&record.justification)
    .bind(now())
    .fetch_one(&mut **tx)
    .await?;
    Ok(ConcernId(row.get("id")))
}

pub async fn update(tx: &mut Tx, id: ConcernId, record: &ConcernRecord) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE concerns SET title = $1, body = $2, addressee = $3, justification = $4, updated_at = $5 WHERE id = $6",
    )
    .bind(&record.title)
    .bind(&record.body)
    .bind(&record.addressee)
    .bind(&record.justification)
    .bind(now())
    .bind(id.get())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A column value a move sets.
pub enum Set {
    Id(i64),
    Text(String),
}

/// Moves the concern from its state to `to` with the columns the move
/// sets; `false` when another request moved it first.
pub async fn set_state(
    tx: &mut Tx,
    concern: &Concern,
    to: ConcernState,
    sets: &[(&str, Set)],
) -> Result<bool, sqlx::Error> {
    let mut sql = String::from("UPDATE concerns SET state = $1, updated_at = $2");
    for (i, (column, _)) in sets.iter().enumerate() {
        sql.push_str(&format!(", {column} = ${}", i + 5));
    }
    sql.push_str(" WHERE id = $3 AND state = $4");
    let mut query = sqlx::query(&sql)
        .bind(to.code())
        .bind(now())
        .bind(concern.id.get())
        .bind(concern.state.code());
    for (_, value) in sets {
        query = match value {
            Set::Id(id) => query.bind(*id),
            Set::Text(text) => query.bind(text.clone()),
        };
    }
    let done = query.execute(&mut **tx).await?.rows_affected() == 1;
    if done {
        sqlx::query(
            "INSERT INTO concern_history (concern_id, at, user_id, from_state, to_state) VALUES ($1, $2, NULL, $3, $4)",
        )
        .bind(concern.id.get())
        .bind(now())
        .bind(concern.state.code())
        .bind(to.code())
        .execute(&mut **tx)
        .await?;
    }
    Ok(done)
}

pub async fn history<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    id: ConcernId,
) -> Result<Vec<ConcernStep>, sqlx::Error> {
    Ok(sqlx::query(
        "SELECT at, from_state, to_state FROM concern_history WHERE concern_id = $1 ORDER BY at, id",
    )
    .bind(id.get())
    .fetch_all(ex)
    .await?
    .iter()
    .map(|r| ConcernStep {
        at: r.get("at"),
        from_state: r.get("from_state"),
        to_state: r.get("to_state"),
    })
    .collect())
}
