//! Writing a post's files, an event's report and the copies of shared
//! good practice, each with its audit entry in one transaction. Files get
//! the agenda's checks: an allow-listed kind whose content matches its
//! extension, stored on disk by SHA-256.

use serde_json::json;

use super::posts::{create, log};
use crate::bulletin::{
    model::{
        Kind, Post, Status,
        files::{FileInput, FileRole, PostFile, validate_report},
    },
    store::{self, Author, files as file_store},
};
use crate::conferences::{files, service::Upload};
use crate::core::{
    audit::Actor,
    error::{AppError, AppResult, FieldErrors, Msg},
    identity::User,
    ids::{NetworkId, PostFileId},
    store::now,
    web::App,
};

fn invalid(field: &str, msg: Msg) -> AppError {
    let mut errors = FieldErrors::new();
    errors.insert(field.into(), msg);
    AppError::invalid(errors)
}

/// Keeps an uploaded file on the post; a photo only on an event that is
/// over (it belongs to the report).
pub async fn attach(app: &App, user: &User, post: &Post, upload: Upload) -> AppResult<PostFileId> {
    if upload.bytes.is_empty() || upload.file_name.is_empty() {
        return Err(invalid("file", Msg::new("min-err-file-missing")));
    }
    let Some(mime) = files::sniff(&upload.file_name, &upload.bytes) else {
        return Err(invalid(
            "file",
            Msg::new("min-err-file-type").arg("allowed", files::ALLOWED),
        ));
    };
    let input = FileInput::validate(&upload.fields, mime).map_err(AppError::invalid)?;
    if input.role == FileRole::Photo
        && (post.record.kind != Kind::Event
            || !post.is_over(crate::bulletin::model::today(), now()))
    {
        return Err(AppError::conflict(
            "event_not_over",
            "bul-err-report-too-early",
        ));
    }
    let file = PostFile {
        id: PostFileId(0),
        post_id: post.id,
        role: input.role,
        file_name: upload.file_name,
        mime_type: mime.to_string(),
        size_bytes: upload.bytes.len() as i64,
        sha256: files::sha256_hex(&upload.bytes),
        description: input.description,
        created_at: now(),
    };
    files::store(&app.config.data_dir, &file.sha256, &upload.bytes)
        .await
        .map_err(AppError::internal)?;
    let mut tx = app.db.begin().await?;
    let id = file_store::insert(&mut tx, &file, user.id).await?;
    let after = json!({ "file": id.get(), "role": file.role, "file_name": file.file_name,
        "sha256": file.sha256, "description": file.description });
    log(
        &mut tx,
        Actor::User(user),
        (post.network_id, post.id, "attach"),
        None,
        Some(after),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Removes a file from the post (the bytes stay on disk for the record,
/// as with agenda files).
pub async fn remove(app: &App, user: &User, post: &Post, file: &PostFile) -> AppResult<()> {
    let mut tx = app.db.begin().await?;
    file_store::delete(&mut tx, file.id).await?;
    let before = json!({ "file": file.id.get(), "role": file.role, "file_name": file.file_name,
        "sha256": file.sha256 });
    log(
        &mut tx,
        Actor::User(user),
        (post.network_id, post.id, "detach"),
        Some(before),
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Saves the report of an event that is over.
pub async fn save_report(
    app: &App,
    user: &User,
    post: &Post,
    body: &str,
) -> AppResult<Result<(), FieldErrors>> {
    if post.record.kind != Kind::Event {
        return Err(AppError::not_found());
    }
    if !post.is_over(crate::bulletin::model::today(), now()) {
        return Err(AppError::conflict(
            "event_not_over",
            "bul-err-report-too-early",
        ));
    }
    let body = match validate_report(body) {
        Ok(body) => body,
        Err(errors) => return Ok(Err(errors)),
    };
    let before = file_store::report(app.db.pool(), post.id).await?;
    let mut tx = app.db.begin().await?;
    file_store::save_report(&mut tx, post.id, &body, (user.id, &user.name)).await?;
    log(
        &mut tx,
        Actor::User(user),
        (post.network_id, post.id, "report"),
        before.map(|r| json!({ "report": r.body })),
        Some(json!({ "report": body })),
    )
    .await?;
    tx.commit().await?;
    Ok(Ok(()))
}

/// Copies a published good-practice post into every other network of the
/// region that has no copy yet, published at once and naming its origin;
/// the number of networks reached. Sharing twice adds nothing.
pub async fn share(app: &App, user: &User, post: &Post, region: &str) -> AppResult<usize> {
    if post.record.kind != Kind::GoodPractice {
        return Err(AppError::conflict(
            "not_good_practice",
            "bul-err-share-kind",
        ));
    }
    if post.status != Status::Published {
        return Err(AppError::conflict(
            "not_published",
            "bul-err-share-unpublished",
        ));
    }
    let mut tx = app.db.begin().await?;
    let have = file_store::copies_in(&mut *tx, post.id).await?;
    let targets: Vec<NetworkId> = store::networks_in_region(&mut *tx, region)
        .await?
        .into_iter()
        .filter(|n| *n != post.network_id && !have.contains(n))
        .collect();
    let author = Author {
        user_id: post.author_id,
        name: &post.author_name,
    };
    for network_id in &targets {
        let copy = create(
            &mut tx,
            Actor::User(user),
            *network_id,
            &post.record,
            Status::Published,
            &author,
            None,
        )
        .await?;
        file_store::insert_share(&mut tx, copy, post.id, user.id).await?;
    }
    let after = json!({ "shared_with": targets.iter().map(|n| n.get()).collect::<Vec<_>>() });
    log(
        &mut tx,
        Actor::User(user),
        (post.network_id, post.id, "share"),
        None,
        Some(after),
    )
    .await?;
    tx.commit().await?;
    app.jobs_ready.notify_one();
    Ok(targets.len())
}
