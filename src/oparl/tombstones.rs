//! Tombstones: what OParl clients must learn was deleted. The delete paths
//! of the other parts call these functions in their transaction, *before*
//! the rows go, and only public objects leave a tombstone (a tombstone of
//! something internal would reveal that it existed).

use sqlx::Row;

use super::store::PUBLISHED_CONCERNS;
use crate::core::store::{Tx, now};

async fn insert(
    tx: &mut Tx,
    network_id: i64,
    object_type: &str,
    object_id: i64,
    created_at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO oparl_tombstones (network_id, object_type, object_id, created_at, deleted_at)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (network_id, object_type, object_id) DO UPDATE SET deleted_at = excluded.deleted_at",
    )
    .bind(network_id)
    .bind(object_type)
    .bind(object_id)
    .bind(created_at)
    .bind(now())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A public agenda item of a public meeting is about to be deleted or made
/// internal: it and its public files (which stay as rows without an item
/// when it is deleted) become tombstones.
pub async fn agenda_item_deleted(tx: &mut Tx, item_id: i64) -> Result<(), sqlx::Error> {
    let Some(row) = sqlx::query(
        "SELECT m.network_id, i.created_at FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
         WHERE i.id = $1 AND i.is_public = 1 AND m.is_public = 1",
    )
    .bind(item_id)
    .fetch_optional(&mut **tx)
    .await?
    else {
        return Ok(());
    };
    let network_id: i64 = row.get("network_id");
    insert(
        tx,
        network_id,
        "agenda_item",
        item_id,
        row.get("created_at"),
    )
    .await?;
    let files = sqlx::query(
        "SELECT id, created_at FROM attachments
         WHERE agenda_item_id = $1 AND is_public = 1 AND deleted_at IS NULL",
    )
    .bind(item_id)
    .fetch_all(&mut **tx)
    .await?;
    for file in files {
        insert(
            tx,
            network_id,
            "file",
            file.get("id"),
            file.get("created_at"),
        )
        .await?;
    }
    Ok(())
}

/// A public meeting is about to be made internal: for OParl clients it and
/// its public agenda items and files are gone.
pub async fn meeting_hidden(tx: &mut Tx, meeting_id: i64) -> Result<(), sqlx::Error> {
    let Some(row) =
        sqlx::query("SELECT network_id, created_at FROM meetings WHERE id = $1 AND is_public = 1")
            .bind(meeting_id)
            .fetch_optional(&mut **tx)
            .await?
    else {
        return Ok(());
    };
    let network_id: i64 = row.get("network_id");
    insert(tx, network_id, "meeting", meeting_id, row.get("created_at")).await?;
    let items = sqlx::query("SELECT id FROM agenda_items WHERE meeting_id = $1 AND is_public = 1")
        .bind(meeting_id)
        .fetch_all(&mut **tx)
        .await?;
    for item in items {
        agenda_item_deleted(tx, item.get("id")).await?;
    }
    Ok(())
}

/// An organisation is about to leave a network (or be deleted with its last
/// membership): it, its public people and their memberships disappear
/// from that body.
pub async fn organization_left(
    tx: &mut Tx,
    network_id: i64,
    organization_id: i64,
) -> Result<(), sqlx::Error> {
    let Some(row) = sqlx::query("SELECT created_at FROM organizations WHERE id = $1")
        .bind(organization_id)
        .fetch_optional(&mut **tx)
        .await?
    else {
        return Ok(());
    };
    insert(
        tx,
        network_id,
        "organization",
        organization_id,
        row.get("created_at"),
    )
    .await?;
    let people = sqlx::query(
        "SELECT id, created_at FROM people WHERE organization_id = $1 AND is_public = 1",
    )
    .bind(organization_id)
    .fetch_all(&mut **tx)
    .await?;
    for person in people {
        let (id, created): (i64, i64) = (person.get("id"), person.get("created_at"));
        insert(tx, network_id, "person", id, created).await?;
        insert(tx, network_id, "membership", id, created).await?;
    }
    Ok(())
}

/// A membership (by its row id) is about to end: `organization_left` for
/// its network and organisation.
pub async fn membership_ending(tx: &mut Tx, membership_id: i64) -> Result<(), sqlx::Error> {
    let Some(row) =
        sqlx::query("SELECT network_id, organization_id FROM memberships WHERE id = $1")
            .bind(membership_id)
            .fetch_optional(&mut **tx)
            .await?
    else {
        return Ok(());
    };
    organization_left(tx, row.get("network_id"), row.get("organization_id")).await
}

/// A public person is about to be erased or withdrew their consent: they
/// and their membership disappear from every body their organisation
/// belongs to.
pub async fn person_withdrawn(tx: &mut Tx, person_id: i64) -> Result<(), sqlx::Error> {
    let rows = sqlx::query(
        "SELECT m.network_id, p.created_at FROM people p
         JOIN memberships m ON m.organization_id = p.organization_id
         WHERE p.id = $1 AND p.is_public = 1",
    )
    .bind(person_id)
    .fetch_all(&mut **tx)
    .await?;
    for row in rows {
        let (network_id, created): (i64, i64) = (row.get("network_id"), row.get("created_at"));
        insert(tx, network_id, "person", person_id, created).await?;
        insert(tx, network_id, "membership", person_id, created).await?;
    }
    Ok(())
}

/// A network is about to stop publishing its submitted concerns: for
/// OParl clients each paper is gone with its consultation and letter, and
/// an answered one with its answer paper and document. (Submitted concerns
/// cannot be withdrawn or deleted, so this is the only way a paper goes.)
pub async fn papers_hidden(tx: &mut Tx, network_id: i64) -> Result<(), sqlx::Error> {
    let papers = sqlx::query(&format!(
        "SELECT c.id, c.created_at, c.answered_on, c.letter_sha512, c.answer_sha512 {PUBLISHED_CONCERNS}"
    ))
    .bind(network_id)
    .fetch_all(&mut **tx)
    .await?;
    for paper in papers {
        let (id, created): (i64, i64) = (paper.get("id"), paper.get("created_at"));
        let answered = paper
            .get::<Option<String>, _>("answered_on")
            .is_some_and(|d| !d.is_empty());
        let letter = !paper.get::<String, _>("letter_sha512").is_empty();
        let document = answered && !paper.get::<String, _>("answer_sha512").is_empty();
        for (kind, existed) in [
            ("paper", true),
            ("consultation", true),
            ("paper_letter", letter),
            ("answer_paper", answered),
            ("answer_document", document),
        ] {
            if existed {
                insert(tx, network_id, kind, id, created).await?;
            }
        }
    }
    Ok(())
}
