//! SQL on the concern tables only.

use sqlx::{Any, Executor, Row, any::AnyRow};

use super::model::{
    Concern, ConcernLinks, ConcernRecord, ConcernState, ConcernStep, StoredFile, Supporter,
};
use crate::core::{
    ids::{
        AgendaItemId, ConcernId, DecisionId, MeetingId, NetworkId, OrganizationId, PersonId, UserId,
    },
    store::{Tx, now},
};

const COLUMNS: &str = "id, network_id, organization_id, title, body, addressee, justification, state, meeting_id, agenda_item_id, decision_id, submitted_on, reference, answered_on, answer, created_at, updated_at, contact_person_id, letter_sha256, letter_sha512, letter_size, answer_file_name, answer_mime_type, answer_sha256, answer_sha512, answer_size";

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
        supporters: Vec::new(),
        contact_person_id: r.get::<Option<i64>, _>("contact_person_id").map(PersonId),
        letter: stored(r, "letter", |_| {
            ("anliegen.pdf".into(), "application/pdf".into())
        }),
        answer_document: stored(r, "answer", |r| {
            (r.get("answer_file_name"), r.get("answer_mime_type"))
        }),
        allowed: state.next().to_vec(),
        created_at: r.get("created_at"),
        updated_at: r.get("updated_at"),
    }
}

/// The file a concern keeps under the column prefix (`letter`, `answer`).
fn stored(r: &AnyRow, prefix: &str, name: fn(&AnyRow) -> (String, String)) -> Option<StoredFile> {
    let sha256: String = r.get(format!("{prefix}_sha256").as_str());
    if sha256.is_empty() {
        return None;
    }
    let (file_name, mime_type) = name(r);
    Some(StoredFile {
        file_name,
        mime_type,
        size: r.get(format!("{prefix}_size").as_str()),
        sha256,
        sha512: r.get(format!("{prefix}_sha512").as_str()),
    })
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

/// The supporting organisations of a network's concerns, by name.
pub async fn supporters<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    network_id: NetworkId,
) -> Result<Vec<(ConcernId, Supporter)>, sqlx::Error> {
    Ok(sqlx::query(
        "SELECT s.concern_id, o.id, o.name FROM concern_supporters s
         JOIN concerns c ON c.id = s.concern_id JOIN organizations o ON o.id = s.organization_id
         WHERE c.network_id = $1 ORDER BY o.name, o.id",
    )
    .bind(network_id.get())
    .fetch_all(ex)
    .await?
    .iter()
    .map(|r| {
        (
            ConcernId(r.get("concern_id")),
            Supporter {
                organization_id: OrganizationId(r.get("id")),
                name: r.get("name"),
            },
        )
    })
    .collect())
}

/// Fills in the supporters of the concerns.
pub fn with_supporters(concerns: &mut [Concern], all: &[(ConcernId, Supporter)]) {
    for c in concerns {
        c.supporters = all
            .iter()
            .filter(|(id, _)| *id == c.id)
            .map(|(_, s)| s.clone())
            .collect();
    }
}

/// Replaces the supporters and the contact person.
pub async fn set_links(
    tx: &mut Tx,
    id: ConcernId,
    links: &ConcernLinks,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM concern_supporters WHERE concern_id = $1")
        .bind(id.get())
        .execute(&mut **tx)
        .await?;
    for organization in &links.supporters {
        sqlx::query("INSERT INTO concern_supporters (concern_id, organization_id) VALUES ($1, $2)")
            .bind(id.get())
            .bind(organization.get())
            .execute(&mut **tx)
            .await?;
    }
    sqlx::query("UPDATE concerns SET contact_person_id = $1 WHERE id = $2")
        .bind(links.contact_person_id.map(PersonId::get))
        .bind(id.get())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Keeps the answer's document (replacing an earlier one).
pub async fn set_answer_document(
    tx: &mut Tx,
    id: ConcernId,
    file: &StoredFile,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE concerns SET answer_file_name = $1, answer_mime_type = $2, answer_sha256 = $3,
         answer_sha512 = $4, answer_size = $5, answer_uploaded_at = $6, updated_at = $6 WHERE id = $7",
    )
    .bind(&file.file_name)
    .bind(&file.mime_type)
    .bind(&file.sha256)
    .bind(&file.sha512)
    .bind(file.size)
    .bind(now())
    .bind(id.get())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Whether the network publishes its submitted concerns.
pub async fn publishes<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    network_id: NetworkId,
) -> Result<bool, sqlx::Error> {
    Ok(sqlx::query_scalar::<_, i64>(
        "SELECT publish_submitted FROM concern_publication WHERE network_id = $1",
    )
    .bind(network_id.get())
    .fetch_optional(ex)
    .await?
    .is_some_and(|p| p != 0))
}

pub async fn set_publishes(
    tx: &mut Tx,
    network_id: NetworkId,
    on: bool,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM concern_publication WHERE network_id = $1")
        .bind(network_id.get())
        .execute(&mut **tx)
        .await?;
    sqlx::query(
        "INSERT INTO concern_publication (network_id, publish_submitted, updated_at) VALUES ($1, $2, $3)",
    )
    .bind(network_id.get())
    .bind(i64::from(on))
    .bind(now())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The concerns naming a contact person (for the GDPR export).
pub async fn naming_person<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    person_id: PersonId,
) -> Result<Vec<Concern>, sqlx::Error> {
    Ok(sqlx::query(&format!(
        "SELECT {COLUMNS} FROM concerns WHERE contact_person_id = $1 ORDER BY id"
    ))
    .bind(person_id.get())
    .fetch_all(ex)
    .await?
    .iter()
    .map(concern_from)
    .collect())
}

/// Removes a contact person from every concern (GDPR erasure); returns
/// the concerns it was named on, with their network.
pub async fn forget_person(
    tx: &mut Tx,
    person_id: PersonId,
) -> Result<Vec<(ConcernId, NetworkId)>, sqlx::Error> {
    let ids = sqlx::query("SELECT id, network_id FROM concerns WHERE contact_person_id = $1")
        .bind(person_id.get())
        .fetch_all(&mut **tx)
        .await?
        .iter()
        .map(|r| (ConcernId(r.get("id")), NetworkId(r.get("network_id"))))
        .collect();
    sqlx::query("UPDATE concerns SET contact_person_id = NULL WHERE contact_person_id = $1")
        .bind(person_id.get())
        .execute(&mut **tx)
        .await?;
    Ok(ids)
}

/// A column value a move sets.
pub enum Set {
    Id(i64),
    Text(String),
}

/// Keeps the letter of a concern submitted without one (the demo's, or
/// data from before letters); `false` when it has one already.
pub async fn set_missing_letter(
    tx: &mut Tx,
    id: ConcernId,
    letter: &StoredFile,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE concerns SET letter_sha256 = $1, letter_sha512 = $2, letter_size = $3
         WHERE id = $4 AND letter_sha256 = ''",
    )
    .bind(&letter.sha256)
    .bind(&letter.sha512)
    .bind(letter.size)
    .bind(id.get())
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
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
