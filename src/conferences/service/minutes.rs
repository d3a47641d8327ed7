//! The day and after: marking a meeting held, the attendance list, and the
//! minutes — notes and decisions per agenda item, written by the minute
//! taker or the coordinator, then circulated to the members for comments
//! and approved, after which nothing changes.

use std::collections::{BTreeMap, BTreeSet};

use crate::accounts::{model::User, viewer::Viewer};
use crate::conferences::{
    model::{
        CommentInput, DecisionInput, MINUTES_APPROVED, MINUTES_CIRCULATED, MINUTES_DRAFT, Meeting,
        NotesInput, State,
    },
    registry::{self, Access, Network},
    store,
};
use crate::core::{
    audit::Actor,
    error::{AppError, AppResult},
    i18n::Lang,
    ids::{DecisionId, OrganizationId, PersonId},
    mail::{self, Email},
    paths,
    store::now,
    web::App,
};

use super::{absolute, invalid, item_named};

/// Marks a planned or invited meeting held once it has started.
pub async fn mark_held(app: &App, user: &User, meeting: &Meeting) -> AppResult<()> {
    if !meeting.before_the_day() {
        return Err(AppError::conflict("wrong_state", "min-err-held-state"));
    }
    if meeting.starts_at.is_none_or(|t| t > now()) {
        return Err(AppError::conflict("not_started", "min-err-held-too-early"));
    }
    let mut tx = app.db.begin().await?;
    // Holding a meeting changes nothing its invitation said: same sequence.
    store::set_state(
        &mut tx,
        Actor::User(user),
        meeting,
        State::Held,
        meeting.ics_sequence,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Records who attended a held meeting: `present` are the ticked contact
/// people; anyone who is no contact of a member organisation is refused.
pub async fn save_attendance(
    app: &App,
    user: &User,
    meeting: &Meeting,
    present: &[String],
) -> AppResult<()> {
    match meeting.state {
        State::Held => {}
        State::MinutesApproved => {
            return Err(AppError::conflict("minutes_approved", "min-err-approved"));
        }
        _ => return Err(AppError::conflict("not_held", "min-err-not-held")),
    }
    let people: BTreeMap<PersonId, OrganizationId> =
        registry::contacts(&app.db, meeting.network_id)
            .await?
            .into_iter()
            .map(|c| (c.id, c.organization_id))
            .collect();
    let mut ticked = BTreeSet::new();
    for value in present {
        let person = value
            .trim()
            .parse::<i64>()
            .ok()
            .map(PersonId)
            .filter(|p| people.contains_key(p));
        match person {
            Some(p) => ticked.insert(p),
            None => {
                return Err(AppError::bad_request(
                    "invalid_request",
                    "min-err-not-member-person",
                ));
            }
        };
    }
    let rows: Vec<(PersonId, OrganizationId)> = people.into_iter().collect();
    let mut tx = app.db.begin().await?;
    store::save_attendance(&mut tx, Actor::User(user), meeting, &rows, &ticked).await?;
    tx.commit().await?;
    Ok(())
}

/// Who reads what the minutes say (notes, decisions), in HTML and PDF
/// alike: their writers always; the network's readers once circulated;
/// and, once approved, everyone who may see the meeting.
pub fn readable(viewer: &Viewer, network: &Network, meeting: &Meeting) -> bool {
    let writer = viewer.can_manage_or_person(meeting.network_id, meeting.minute_taker_person_id);
    let state = meeting.minutes_state.as_str();
    writer || state == MINUTES_APPROVED || (viewer.can_read(network) && state == MINUTES_CIRCULATED)
}

/// Minutes are written once the meeting was held, until they are approved.
pub fn check_editable(meeting: &Meeting) -> AppResult<()> {
    if meeting.minutes_state == MINUTES_APPROVED || meeting.state == State::MinutesApproved {
        return Err(AppError::conflict("minutes_approved", "min-err-approved"));
    }
    if meeting.state != State::Held {
        return Err(AppError::conflict("not_held", "min-err-not-held"));
    }
    Ok(())
}

/// The notes on the agenda item the form names.
pub async fn save_notes(
    app: &App,
    user: &User,
    meeting: &Meeting,
    input: &NotesInput,
) -> AppResult<()> {
    check_editable(meeting)?;
    let item = item_named(app, meeting, &input.item_id).await?;
    let notes = match input.validate() {
        Ok(notes) => notes,
        Err(errors) => return invalid(errors),
    };
    let mut tx = app.db.begin().await?;
    store::save_notes(&mut tx, Actor::User(user), meeting, item.id, &notes).await?;
    tx.commit().await?;
    Ok(())
}

/// A decision on the agenda item the form names.
pub async fn add_decision(
    app: &App,
    user: &User,
    meeting: &Meeting,
    input: &DecisionInput,
) -> AppResult<()> {
    check_editable(meeting)?;
    let item = item_named(app, meeting, &input.item_id).await?;
    let (text, votes) = match input.validate() {
        Ok(valid) => valid,
        Err(errors) => return invalid(errors),
    };
    let mut tx = app.db.begin().await?;
    store::add_decision(&mut tx, Actor::User(user), meeting, item.id, &text, votes).await?;
    tx.commit().await?;
    Ok(())
}

pub async fn delete_decision(
    app: &App,
    user: &User,
    meeting: &Meeting,
    decision_id: DecisionId,
) -> AppResult<()> {
    // The path names the decision: one of another meeting is no page.
    let decision = store::decision(app.db.pool(), meeting.id, decision_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    check_editable(meeting)?;
    let mut tx = app.db.begin().await?;
    store::delete_decision(&mut tx, Actor::User(user), meeting, &decision).await?;
    tx.commit().await?;
    Ok(())
}

/// Sends the draft to every member contact with an e-mail address and
/// opens it for comments.
pub async fn circulate(
    app: &App,
    user: &User,
    meeting: &Meeting,
    network: &Network,
) -> AppResult<()> {
    check_editable(meeting)?;
    if meeting.minutes_state != MINUTES_DRAFT {
        return Err(AppError::conflict("wrong_state", "min-err-circulate-state"));
    }
    let lang = Lang::De;
    let link = absolute(app, &paths::minutes(meeting.network_id, meeting.id));
    let mut tx = app.db.begin().await?;
    store::set_minutes_state(&mut tx, Actor::User(user), meeting, MINUTES_CIRCULATED).await?;
    for r in registry::recipients(&app.db, meeting.network_id).await? {
        let args = [
            ("name".to_string(), r.name.clone()),
            ("title".to_string(), meeting.title.clone()),
            ("network".to_string(), network.name.clone()),
            ("link".to_string(), link.clone()),
        ];
        let email = Email {
            to: r.email.clone(),
            subject: lang.t_args("min-mail-circulate-subject", &args),
            text: lang.t_args("min-mail-circulate-body", &args),
            attachments: Vec::new(),
        };
        mail::enqueue(&mut tx, &email).await?;
    }
    tx.commit().await?;
    app.jobs_ready.notify_one();
    Ok(())
}

/// Approval (usually at the next conference) locks the minutes.
pub async fn approve(app: &App, user: &User, meeting: &Meeting) -> AppResult<()> {
    check_editable(meeting)?;
    if meeting.minutes_state != MINUTES_CIRCULATED {
        return Err(AppError::conflict("wrong_state", "min-err-approve-state"));
    }
    let mut tx = app.db.begin().await?;
    store::set_minutes_state(&mut tx, Actor::User(user), meeting, MINUTES_APPROVED).await?;
    tx.commit().await?;
    Ok(())
}

/// A member's comment on circulated minutes.
pub async fn add_comment(
    app: &App,
    user: &User,
    meeting: &Meeting,
    input: &CommentInput,
) -> AppResult<()> {
    if meeting.minutes_state != MINUTES_CIRCULATED {
        return Err(AppError::conflict("wrong_state", "min-err-comment-state"));
    }
    let body = match input.validate() {
        Ok(body) => body,
        Err(errors) => return invalid(errors),
    };
    let mut tx = app.db.begin().await?;
    store::add_comment(
        &mut tx,
        Actor::User(user),
        meeting,
        registry::user_id(user),
        &body,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The network's choice whether approved minutes are public.
pub async fn set_minutes_public(
    app: &App,
    user: &User,
    network_id: crate::core::ids::NetworkId,
    public: bool,
) -> AppResult<()> {
    let mut tx = app.db.begin().await?;
    store::set_minutes_public(&mut tx, Actor::User(user), network_id, public).await?;
    tx.commit().await?;
    Ok(())
}
