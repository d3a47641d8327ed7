//! The agenda: items the coordinator adds, changes, moves and deletes;
//! items members propose and the coordinator accepts or declines; files
//! attached to items.

use axum::http::StatusCode;

use crate::accounts::model::User;
use crate::conferences::{
    files,
    model::{
        AgendaInput, AgendaItem, AgendaRecord, Attachment, Meeting, NewAttachment,
        PROPOSAL_ACCEPTED, PROPOSAL_DECLINED, PROPOSAL_OPEN, ProposalDecisionInput, ProposalInput,
    },
    registry, store,
};
use crate::core::{
    audit::Actor,
    error::{AppError, AppResult, Msg},
    ids::{AgendaItemId, ProposalId},
    web::App,
};

use super::invalid;

/// A new item at the end of the agenda (the form and `POST /api/v1/…/agenda`).
pub async fn add_agenda_item(
    app: &App,
    user: &User,
    meeting: &Meeting,
    input: &AgendaInput,
) -> AppResult<AgendaItemId> {
    let members = registry::member_ids(&app.db, meeting.network_id).await?;
    let record = match input.validate(&members) {
        Ok(record) => record,
        Err(errors) => return invalid(errors),
    };
    let mut tx = app.db.begin().await?;
    let id = store::add_agenda_item(&mut tx, Actor::User(user), meeting, &record).await?;
    tx.commit().await?;
    Ok(id)
}

pub async fn update_agenda_item(
    app: &App,
    user: &User,
    meeting: &Meeting,
    item: &AgendaItem,
    input: &AgendaInput,
) -> AppResult<()> {
    let members = registry::member_ids(&app.db, meeting.network_id).await?;
    let record = match input.validate(&members) {
        Ok(record) => record,
        Err(errors) => return invalid(errors),
    };
    let mut tx = app.db.begin().await?;
    store::update_agenda_item(&mut tx, Actor::User(user), meeting, item, &record).await?;
    tx.commit().await?;
    Ok(())
}

/// Moves an item one place up or down (at either end nothing changes).
pub async fn move_agenda_item(
    app: &App,
    user: &User,
    meeting: &Meeting,
    item_id: AgendaItemId,
    up: bool,
) -> AppResult<()> {
    let mut tx = app.db.begin().await?;
    if !store::move_agenda_item(&mut tx, Actor::User(user), meeting, item_id, up).await? {
        return Err(AppError::not_found());
    }
    tx.commit().await?;
    Ok(())
}

pub async fn delete_agenda_item(
    app: &App,
    user: &User,
    meeting: &Meeting,
    item_id: AgendaItemId,
) -> AppResult<()> {
    let mut tx = app.db.begin().await?;
    if !store::delete_agenda_item(&mut tx, Actor::User(user), meeting, item_id).await? {
        return Err(AppError::not_found());
    }
    tx.commit().await?;
    Ok(())
}

/// A member's proposal for a meeting whose agenda can still change, for
/// their organisation when it is a member of the network.
pub async fn propose(
    app: &App,
    user: &User,
    meeting: &Meeting,
    input: &ProposalInput,
) -> AppResult<()> {
    if !meeting.before_the_day() {
        return Err(AppError::conflict("wrong_state", "min-err-proposal-state"));
    }
    let members = registry::member_ids(&app.db, meeting.network_id).await?;
    let organization_id = registry::user_organization(user).filter(|o| members.contains(o));
    let record = match input.validate(organization_id) {
        Ok(record) => record,
        Err(errors) => return invalid(errors),
    };
    let mut tx = app.db.begin().await?;
    store::add_proposal(
        &mut tx,
        Actor::User(user),
        meeting,
        registry::user_id(user),
        &record,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

fn decided() -> AppError {
    AppError::conflict("decided", "min-err-proposal-decided")
}

/// Accepts an open proposal (it joins the agenda as an internal item with
/// the proposer's organisation) or declines it with a note. Returns
/// whether it was accepted.
pub async fn decide_proposal(
    app: &App,
    user: &User,
    meeting: &Meeting,
    proposal_id: ProposalId,
    input: &ProposalDecisionInput,
) -> AppResult<bool> {
    let proposal = store::proposal(app.db.pool(), meeting.id, proposal_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    if proposal.state != PROPOSAL_OPEN {
        return Err(decided());
    }
    let (accept, note) = input.validate()?;
    let mut tx = app.db.begin().await?;
    let (state, item_id) = if accept {
        let record = AgendaRecord {
            title: proposal.title.clone(),
            description: proposal.description.clone(),
            proposer_organization_id: proposal.organization_id,
            duration_minutes: proposal.duration_minutes,
            is_public: false,
        };
        let item = store::add_agenda_item(&mut tx, Actor::User(user), meeting, &record).await?;
        (PROPOSAL_ACCEPTED, Some(item))
    } else {
        (PROPOSAL_DECLINED, None)
    };
    let changed = store::decide_proposal(
        &mut tx,
        Actor::User(user),
        meeting,
        &proposal,
        (state, &note, item_id),
    )
    .await?;
    if !changed {
        return Err(decided());
    }
    tx.commit().await?;
    Ok(accept)
}

/// A file as uploaded: its cleaned name and its bytes, and the form's
/// other text fields in order.
pub struct Upload {
    pub file_name: String,
    pub bytes: Vec<u8>,
    pub is_public: bool,
    pub fields: Vec<(String, String)>,
}

fn unprocessable(code: &'static str, msg: Msg) -> AppError {
    AppError::new(StatusCode::UNPROCESSABLE_ENTITY, code, msg)
}

/// Keeps an uploaded file of an allowed kind (its content must match its
/// extension) on disk under its checksum and attaches it to the item.
pub async fn attach_file(
    app: &App,
    user: &User,
    meeting: &Meeting,
    item: &AgendaItem,
    upload: Upload,
) -> AppResult<()> {
    if upload.bytes.is_empty() || upload.file_name.is_empty() {
        return Err(unprocessable(
            "file_missing",
            Msg::new("min-err-file-missing"),
        ));
    }
    let Some(mime) = files::sniff(&upload.file_name, &upload.bytes) else {
        return Err(unprocessable(
            "file_type",
            Msg::new("min-err-file-type").arg("allowed", files::ALLOWED),
        ));
    };
    let new = NewAttachment {
        agenda_item_id: item.id,
        mime_type: mime.to_string(),
        size_bytes: upload.bytes.len() as i64,
        sha256: files::sha256_hex(&upload.bytes),
        sha512: files::sha512_hex(&upload.bytes),
        is_public: upload.is_public,
        file_name: upload.file_name,
    };
    files::store(&app.config.data_dir, &new.sha256, &upload.bytes)
        .await
        .map_err(AppError::internal)?;
    let mut tx = app.db.begin().await?;
    store::add_attachment(
        &mut tx,
        Actor::User(user),
        meeting,
        registry::user_id(user),
        &new,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn remove_file(
    app: &App,
    user: &User,
    meeting: &Meeting,
    attachment: &Attachment,
) -> AppResult<()> {
    let mut tx = app.db.begin().await?;
    store::delete_attachment(&mut tx, Actor::User(user), meeting, attachment).await?;
    tx.commit().await?;
    Ok(())
}
