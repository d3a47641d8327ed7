//! SQL on a post's files, an event's report and the copies of shared good
//! practice.

use sqlx::{Any, Executor, Row, any::AnyRow};

use crate::bulletin::model::files::{FileRole, PostFile, Report, Share};
use crate::core::{
    ids::{NetworkId, PostFileId, PostId},
    store::{Tx, now},
};

fn file_of(r: &AnyRow) -> PostFile {
    PostFile {
        id: PostFileId(r.get("id")),
        post_id: PostId(r.get("post_id")),
        role: FileRole::parse(&r.get::<String, _>("role")).unwrap_or(FileRole::Attachment),
        file_name: r.get("file_name"),
        mime_type: r.get("mime_type"),
        size_bytes: r.get("size_bytes"),
        sha256: r.get("sha256"),
        description: r.get("description"),
        created_at: r.get("created_at"),
    }
}

/// A post's files, in the order they came.
pub async fn of_post<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    post_id: PostId,
) -> Result<Vec<PostFile>, sqlx::Error> {
    let rows = sqlx::query("SELECT * FROM post_files WHERE post_id = $1 ORDER BY id")
        .bind(post_id.get())
        .fetch_all(ex)
        .await?;
    Ok(rows.iter().map(file_of).collect())
}

pub async fn insert(
    tx: &mut Tx,
    file: &PostFile,
    uploaded_by: i64,
) -> Result<PostFileId, sqlx::Error> {
    let row = sqlx::query(
        "INSERT INTO post_files (post_id, role, file_name, mime_type, size_bytes, sha256,
            description, uploaded_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(file.post_id.get())
    .bind(file.role.code())
    .bind(&file.file_name)
    .bind(&file.mime_type)
    .bind(file.size_bytes)
    .bind(&file.sha256)
    .bind(&file.description)
    .bind(uploaded_by)
    .bind(now())
    .fetch_one(&mut **tx)
    .await?;
    Ok(PostFileId(row.get("id")))
}

pub async fn delete(tx: &mut Tx, id: PostFileId) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM post_files WHERE id = $1")
        .bind(id.get())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The event's report, if written.
pub async fn report<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    post_id: PostId,
) -> Result<Option<Report>, sqlx::Error> {
    let row =
        sqlx::query("SELECT body, author_name, updated_at FROM post_reports WHERE post_id = $1")
            .bind(post_id.get())
            .fetch_optional(ex)
            .await?;
    Ok(row.map(|r| Report {
        body: r.get("body"),
        author_name: r.get("author_name"),
        updated_at: r.get("updated_at"),
    }))
}

pub async fn save_report(
    tx: &mut Tx,
    post_id: PostId,
    body: &str,
    (author_id, author_name): (i64, &str),
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO post_reports (post_id, body, author_id, author_name, updated_at)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (post_id) DO UPDATE SET body = $2, author_id = $3, author_name = $4, updated_at = $5",
    )
    .bind(post_id.get())
    .bind(body)
    .bind(author_id)
    .bind(author_name)
    .bind(now())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn insert_share(
    tx: &mut Tx,
    copy_id: PostId,
    source_id: PostId,
    shared_by: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO post_shares (copy_id, source_id, shared_by, shared_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(copy_id.get())
    .bind(source_id.get())
    .bind(shared_by)
    .bind(now())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Where a copy came from: the original post and its network's name.
pub async fn shared_from<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    copy_id: PostId,
) -> Result<Option<Share>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT s.source_id, p.network_id, n.name FROM post_shares s
         JOIN posts p ON p.id = s.source_id JOIN networks n ON n.id = p.network_id
         WHERE s.copy_id = $1",
    )
    .bind(copy_id.get())
    .fetch_optional(ex)
    .await?;
    Ok(row.map(|r| Share {
        post_id: PostId(r.get("source_id")),
        network_id: NetworkId(r.get("network_id")),
        network_name: r.get("name"),
    }))
}

/// The networks that already hold a copy of the post.
pub async fn copies_in<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    source_id: PostId,
) -> Result<Vec<NetworkId>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT p.network_id FROM post_shares s JOIN posts p ON p.id = s.copy_id
         WHERE s.source_id = $1 ORDER BY p.network_id",
    )
    .bind(source_id.get())
    .fetch_all(ex)
    .await?;
    Ok(rows
        .iter()
        .map(|r| NetworkId(r.get("network_id")))
        .collect())
}
