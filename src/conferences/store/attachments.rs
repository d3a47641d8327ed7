//! Store queries for files attached to agenda items. The row keeps both
//! checksums and is only marked deleted, so that OParl can report
//! `deleted: true`.

use serde_json::json;
use sqlx::{Any, Executor, Row, any::AnyRow};

use crate::conferences::model::{Attachment, Meeting, NewAttachment};
use crate::core::{
    audit::Actor,
    ids::{AgendaItemId, AttachmentId, MeetingId, NetworkId, UserId},
    store::{Tx, now},
};

use super::*;

const COLUMNS: &str = "id, network_id, agenda_item_id, file_name, mime_type, size_bytes, sha256, sha512, is_public, created_at, deleted_at";

fn attachment_from(r: &AnyRow) -> Attachment {
    Attachment {
        id: AttachmentId(r.get("id")),
        network_id: NetworkId(r.get("network_id")),
        agenda_item_id: opt(r, "agenda_item_id", AgendaItemId),
        file_name: r.get("file_name"),
        mime_type: r.get("mime_type"),
        size_bytes: r.get("size_bytes"),
        sha256: r.get("sha256"),
        sha512: r.get("sha512"),
        is_public: r.get::<i64, _>("is_public") != 0,
        created_at: r.get("created_at"),
        deleted_at: r.get("deleted_at"),
    }
}

/// A file of an agenda item that is not deleted (`None` for a file of
/// another item).
pub async fn attachment<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    item_id: AgendaItemId,
    id: AttachmentId,
) -> Result<Option<Attachment>, sqlx::Error> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM attachments WHERE id = $1 AND agenda_item_id = $2 AND deleted_at IS NULL"
    ))
    .bind(id.get())
    .bind(item_id.get())
    .fetch_optional(ex)
    .await?;
    Ok(row.as_ref().map(attachment_from))
}

/// Where a file that is not deleted lives: its network, meeting and
/// agenda item (for the old `/attachments/{id}` links).
pub async fn attachment_place<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    id: AttachmentId,
) -> Result<Option<(NetworkId, MeetingId, AgendaItemId)>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT m.network_id, i.meeting_id, a.agenda_item_id FROM attachments a
         JOIN agenda_items i ON i.id = a.agenda_item_id JOIN meetings m ON m.id = i.meeting_id
         WHERE a.id = $1 AND a.deleted_at IS NULL",
    )
    .bind(id.get())
    .fetch_optional(ex)
    .await?;
    Ok(row.map(|r| {
        (
            NetworkId(r.get("network_id")),
            MeetingId(r.get("meeting_id")),
            AgendaItemId(r.get("agenda_item_id")),
        )
    }))
}

/// The files of a meeting's agenda that are not deleted, by item and name.
pub async fn meeting_attachments<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    meeting_id: MeetingId,
) -> Result<Vec<Attachment>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM attachments WHERE deleted_at IS NULL AND agenda_item_id IN
         (SELECT id FROM agenda_items WHERE meeting_id = $1) ORDER BY agenda_item_id, file_name, id"
    ))
    .bind(meeting_id.get())
    .fetch_all(ex)
    .await?;
    Ok(rows.iter().map(attachment_from).collect())
}

pub async fn add_attachment(
    tx: &mut Tx,
    actor: Actor<'_>,
    meeting: &Meeting,
    user_id: UserId,
    new: &NewAttachment,
) -> Result<AttachmentId, sqlx::Error> {
    let id: i64 = sqlx::query(
        "INSERT INTO attachments (network_id, agenda_item_id, file_name, mime_type, size_bytes, sha256, sha512, is_public, uploaded_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(meeting.network_id.get())
    .bind(new.agenda_item_id.get())
    .bind(&new.file_name)
    .bind(&new.mime_type)
    .bind(new.size_bytes)
    .bind(&new.sha256)
    .bind(&new.sha512)
    .bind(i64::from(new.is_public))
    .bind(user_id.get())
    .bind(now())
    .fetch_one(&mut **tx)
    .await?
    .get("id");
    audit(
        tx,
        actor,
        meeting.network_id,
        ("attachment", Some(id), "create"),
        None,
        Some(json!({ "meeting_id": meeting.id, "attachment": new })),
    )
    .await?;
    Ok(AttachmentId(id))
}

/// Marks a file deleted (the row stays for OParl); false if it is unknown
/// or already deleted.
pub async fn delete_attachment(
    tx: &mut Tx,
    actor: Actor<'_>,
    meeting: &Meeting,
    attachment: &Attachment,
) -> Result<bool, sqlx::Error> {
    let changed =
        sqlx::query("UPDATE attachments SET deleted_at = $1 WHERE id = $2 AND deleted_at IS NULL")
            .bind(now())
            .bind(attachment.id.get())
            .execute(&mut **tx)
            .await?
            .rows_affected();
    if changed == 0 {
        return Ok(false);
    }
    audit(
        tx,
        actor,
        meeting.network_id,
        ("attachment", Some(attachment.id.get()), "delete"),
        Some(json!(attachment)),
        None,
    )
    .await?;
    Ok(true)
}
