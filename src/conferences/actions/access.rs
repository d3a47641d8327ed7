//! Who may record action items and who may report progress on one. These
//! decisions depend on data (the minute taker, the responsible person), so
//! they sit next to the action items rather than in `accounts::access`.

use axum::http::StatusCode;

use super::model::ActionItem;
use crate::{
    accounts::{model::Role, model::User, viewer::Viewer},
    conferences::{
        model::Meeting,
        registry::{self, Access},
    },
    core::{
        error::{AppError, AppResult},
        store::Db,
    },
};

fn refused(message: &'static str) -> AppError {
    AppError::new(StatusCode::FORBIDDEN, "forbidden", message)
}

fn same_email(user: &User, email: Option<&str>) -> bool {
    email.is_some_and(|e| e.trim().eq_ignore_ascii_case(user.email.trim()))
}

/// The coordinator (and admins) or the meeting's minute taker, if their
/// user account has the minute taker's e-mail address.
pub async fn may_record<'v>(db: &Db, viewer: &'v Viewer, meeting: &Meeting) -> AppResult<&'v User> {
    let user = viewer.require_signed_in()?;
    if viewer.can_manage(meeting.network_id) {
        return Ok(user);
    }
    if registry::user_network(user) == Some(meeting.network_id)
        && meeting.minute_taker_person_id.is_some()
    {
        let email = registry::person_email(db, meeting.minute_taker_person_id).await?;
        if same_email(user, email.as_deref()) {
            return Ok(user);
        }
    }
    Err(refused("act-err-not-recorder"))
}

/// Whether the viewer may record action items (for showing the form).
pub async fn can_record(db: &Db, viewer: &Viewer, meeting: &Meeting) -> AppResult<bool> {
    match may_record(db, viewer, meeting).await {
        Ok(_) => Ok(true),
        Err(e) if e.status.is_client_error() => Ok(false),
        Err(e) => Err(e),
    }
}

/// Coordinators of the network; the user account linked to the responsible
/// person (same e-mail address); if that person has no account, the member
/// users of the responsible organisation.
pub async fn may_update<'v>(db: &Db, viewer: &'v Viewer, item: &ActionItem) -> AppResult<&'v User> {
    let user = viewer.require_signed_in()?;
    if viewer.can_manage(item.network_id) {
        return Ok(user);
    }
    if registry::user_network(user) != Some(item.network_id) {
        return Err(refused("act-err-not-responsible"));
    }
    let person_email = registry::person_email(db, item.responsible_person_id).await?;
    if same_email(user, person_email.as_deref()) {
        return Ok(user);
    }
    let person_has_account = match &person_email {
        Some(email) => registry::has_account(db, email.trim()).await?,
        None => false,
    };
    let org_member = user.role == Role::Member
        && registry::user_organization(user).is_some()
        && registry::user_organization(user) == item.responsible_organization_id;
    if !person_has_account && org_member {
        return Ok(user);
    }
    Err(refused("act-err-not-responsible"))
}

pub async fn can_update(db: &Db, viewer: &Viewer, item: &ActionItem) -> AppResult<bool> {
    match may_update(db, viewer, item).await {
        Ok(_) => Ok(true),
        Err(e) if e.status.is_client_error() => Ok(false),
        Err(e) => Err(e),
    }
}
