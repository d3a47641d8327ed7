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
        ids::PersonId,
        store::Db,
    },
};

fn refused(message: &'static str) -> AppError {
    AppError::new(StatusCode::FORBIDDEN, "forbidden", message)
}

/// Whether the account is linked to this contact person.
fn acts_as(user: &User, person: Option<PersonId>) -> bool {
    user.person_id.is_some() && user.person_id == person.map(PersonId::get)
}

/// The coordinator (and admins) or the meeting's minute taker, if their
/// user account is linked to the minute taker.
pub fn may_record<'v>(viewer: &'v Viewer, meeting: &Meeting) -> AppResult<&'v User> {
    let user = viewer.require_signed_in()?;
    if viewer.can_manage(meeting.network_id) {
        return Ok(user);
    }
    if registry::user_network(user) == Some(meeting.network_id)
        && acts_as(user, meeting.minute_taker_person_id)
    {
        return Ok(user);
    }
    Err(refused("act-err-not-recorder"))
}

/// Whether the viewer may record action items (for showing the form).
pub fn can_record(viewer: &Viewer, meeting: &Meeting) -> bool {
    may_record(viewer, meeting).is_ok()
}

/// Coordinators of the network; the user account linked to the responsible
/// person; if no account is linked to that person, the member users of the
/// responsible organisation.
pub async fn may_update<'v>(db: &Db, viewer: &'v Viewer, item: &ActionItem) -> AppResult<&'v User> {
    let user = viewer.require_signed_in()?;
    if viewer.can_manage(item.network_id) {
        return Ok(user);
    }
    if registry::user_network(user) != Some(item.network_id) {
        return Err(refused("act-err-not-responsible"));
    }
    if acts_as(user, item.responsible_person_id) {
        return Ok(user);
    }
    let person_has_account = match item.responsible_person_id {
        Some(person) => registry::has_account(db, person).await?,
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
