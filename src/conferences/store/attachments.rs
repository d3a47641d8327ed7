//! Store queries for files attached to agenda items. The bytes live on
//! disk under their SHA-256; the row keeps both checksums and is only
//! marked deleted, so that OParl can report `deleted: true`.

use serde::Serialize;
use serde_json::json;
use sqlx::{Any, Executor, Row, any::AnyRow};

use crate::conferences::model::Meeting;
use crate::core::{
    audit::Actor,
    store::{Tx, now},
};

use super::*;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AttachmentRow {
    pub id: i64,
    pub network_id: i64,
    pub agenda_item_id: Option<i64>,
    pub file_name: String,
    pub mime_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub sha512: String,
    pub is_public: bool,
    pub created_at: i64,
    pub deleted_at: Option<i64>,
}

/// What an upload stores.
#[derive(Clone, Debug, Serialize)]
pub struct NewAttachment {
    pub agenda_item_id: i64,
    pub file_name: String,
    pub mime_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub sha512: String,
    pub is_public: bool,
}

const COLUMNS: &str = "id, network_id, agenda_item_id, file_name, mime_type, size_bytes, sha256, sha512, is_public, created_at, deleted_at";

fn attachment_from(r: &AnyRow) -> AttachmentRow {
    AttachmentRow {
        id: r.get("id"),
        network_id: r.get("network_id"),
        agenda_item_id: r.get("agenda_item_id"),
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

pub async fn attachment<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    id: i64,
) -> Result<Option<AttachmentRow>, sqlx::Error> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM attachments WHERE id = $1"))
        .bind(id)
        .fetch_optional(ex)
        .await?;
    Ok(row.as_ref().map(attachment_from))
}

/// The files of a meeting's agenda that are not deleted, by item and name.
pub async fn meeting_attachments<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    meeting_id: i64,
) -> Result<Vec<AttachmentRow>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM attachments WHERE deleted_at IS NULL AND agenda_item_id IN
         (SELECT id FROM agenda_items WHERE meeting_id = $1) ORDER BY agenda_item_id, file_name, id"
    ))
    .bind(meeting_id)
    .fetch_all(ex)
    .await?;
    Ok(rows.iter().map(attachment_from).collect())
}

pub async fn add_attachment(
    tx: &mut Tx,
    actor: Actor<'_>,
    meeting: &Meeting,
    user_id: i64,
    new: &NewAttachment,
) -> Result<i64, sqlx::Error> {
    let id: i64 = sqlx::query(
        "INSERT INTO attachments (network_id, agenda_item_id, file_name, mime_type, size_bytes, sha256, sha512, is_public, uploaded_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(meeting.network_id)
    .bind(new.agenda_item_id)
    .bind(&new.file_name)
    .bind(&new.mime_type)
    .bind(new.size_bytes)
    .bind(&new.sha256)
    .bind(&new.sha512)
    .bind(i64::from(new.is_public))
    .bind(user_id)
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
    Ok(id)
}

/// Marks a file deleted (the row stays for OParl); false if it is unknown
/// or already deleted.
pub async fn delete_attachment(
    tx: &mut Tx,
    actor: Actor<'_>,
    meeting: &Meeting,
    attachment: &AttachmentRow,
) -> Result<bool, sqlx::Error> {
    let changed =
        sqlx::query("UPDATE attachments SET deleted_at = $1 WHERE id = $2 AND deleted_at IS NULL")
            .bind(now())
            .bind(attachment.id)
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
        ("attachment", Some(attachment.id), "delete"),
        Some(json!(attachment)),
        None,
    )
    .await?;
    Ok(true)
}
