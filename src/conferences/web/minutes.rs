//! The minutes of a held meeting. Members of the network read them once
//! they are circulated (the draft only its writers: the coordinator and
//! the minute taker); approved minutes of a public meeting are for
//! everyone when the network publishes minutes — its public items only.

use axum::{
    Form,
    extract::{Path, State},
    response::Response,
};
use minijinja::context;

use crate::conferences::{
    model::{
        CommentInput, DecisionInput, MINUTES_APPROVED, MINUTES_CIRCULATED, Meeting, NotesInput,
        State as MeetingState, VisibilityInput, ticked,
    },
    registry::{self, Access, Network},
    service, store,
};
use crate::{
    accounts::{model::User, viewer::Viewer},
    core::{
        error::{AppResult, FieldErrors},
        ids::{AgendaItemId, DecisionId, MeetingId, NetworkId},
        markdown, paths,
        web::{
            App,
            forms::{saved, texts},
        },
    },
};

use super::{refused, respond};

/// Who may write: the coordinator or the minute taker.
fn require_writer<'v>(viewer: &'v Viewer, meeting: &Meeting) -> AppResult<&'v User> {
    viewer.require_manage_or_person(meeting.network_id, meeting.minute_taker_person_id)
}

/// What the page shows of input that was refused, and where.
#[derive(Default)]
struct Refused<'a> {
    item_id: Option<AgendaItemId>,
    decision: Option<&'a DecisionInput>,
    notes: Option<&'a str>,
    comment: Option<&'a str>,
    errors: FieldErrors,
}

async fn render(
    app: &App,
    viewer: &Viewer,
    (network, meeting): (&Network, &Meeting),
    refused: Refused<'_>,
) -> AppResult<Response> {
    let member = viewer.can_read(network);
    let can_write = viewer.can_manage_or_person(meeting.network_id, meeting.minute_taker_person_id);
    let can_manage = viewer.can_manage(meeting.network_id);
    let approved = meeting.minutes_state == MINUTES_APPROVED;
    let show = service::readable(viewer, network, meeting);
    let items: Vec<_> = store::agenda(app.db.pool(), meeting.id)
        .await?
        .into_iter()
        .filter(|i| member || i.is_public)
        .collect();
    let notes = store::item_notes(app.db.pool(), meeting.id).await?;
    let decisions = store::decisions(app.db.pool(), meeting.id).await?;
    let rows: Vec<_> = items
        .iter()
        .enumerate()
        .map(|(n, i)| {
            let text = notes.get(&i.id).cloned().unwrap_or_default();
            let is_refused = refused.item_id == Some(i.id);
            let notes_value = match (is_refused, refused.notes) {
                (true, Some(n)) => n.to_string(),
                _ => text.clone(),
            };
            context! {
                number => n + 1, item => i, notes_html => markdown::render(&text),
                notes => notes_value,
                decisions => decisions.iter().filter(|d| d.agenda_item_id == i.id).collect::<Vec<_>>(),
                refused => is_refused,
                decision_form => if is_refused { refused.decision } else { None },
            }
        })
        .collect();
    let comments = if member {
        store::comments(app.db.pool(), meeting.id).await?
    } else {
        Vec::new()
    };
    let chair = registry::person_name(&app.db, meeting.chair_person_id).await?;
    let minute_taker = registry::person_name(&app.db, meeting.minute_taker_person_id).await?;
    let page = app.page(
        viewer,
        "conferences/minutes.html",
        context! {
            meeting => meeting, network => network, rows => rows, show => show,
            member => member, can_write => can_write && !approved && meeting.state == MeetingState::Held,
            can_manage => can_manage, approved => approved,
            minutes_state => meeting.minutes_state,
            can_comment => viewer.can_participate(meeting.network_id) && meeting.minutes_state == MINUTES_CIRCULATED,
            comments => comments, comment => refused.comment.unwrap_or_default(),
            chair => chair, minute_taker => minute_taker,
            minutes_public => store::minutes_public(app.db.pool(), meeting.network_id).await?,
            errors => texts(viewer, &refused.errors),
        },
    )?;
    Ok(respond(page, &refused.errors))
}

pub async fn minutes_page(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, meeting_id)): Path<(NetworkId, MeetingId)>,
) -> AppResult<Response> {
    let (network, meeting) = service::meeting_in(&app, network_id, meeting_id).await?;
    let published = meeting.minutes_state == MINUTES_APPROVED
        && meeting.is_public
        && store::minutes_public(app.db.pool(), network_id).await?;
    if !published {
        viewer.require_read(&network)?;
    }
    render(&app, &viewer, (&network, &meeting), Refused::default()).await
}

fn back(network_id: NetworkId, meeting: &Meeting, notice: &str) -> Response {
    saved(&paths::minutes(network_id, meeting.id), notice)
}

/// The item a refused form was about, to show its messages next to it.
fn item_of(raw: &str) -> Option<AgendaItemId> {
    raw.trim().parse().ok().map(AgendaItemId)
}

/// `POST …/minutes`: the notes on the agenda item `item_id`.
pub async fn save_notes(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, meeting_id)): Path<(NetworkId, MeetingId)>,
    Form(form): Form<NotesInput>,
) -> AppResult<Response> {
    let (network, meeting) = service::meeting_in(&app, network_id, meeting_id).await?;
    let user = require_writer(&viewer, &meeting)?;
    match refused(service::save_notes(&app, user, &meeting, &form).await)? {
        Ok(()) => Ok(back(network_id, &meeting, "min-notes-saved")),
        Err(errors) => {
            let refused = Refused {
                item_id: item_of(&form.item_id),
                notes: Some(&form.notes),
                errors,
                ..Refused::default()
            };
            render(&app, &viewer, (&network, &meeting), refused).await
        }
    }
}

/// `POST …/minutes/decisions`: a decision on the agenda item `item_id`.
pub async fn add_decision(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, meeting_id)): Path<(NetworkId, MeetingId)>,
    Form(form): Form<DecisionInput>,
) -> AppResult<Response> {
    let (network, meeting) = service::meeting_in(&app, network_id, meeting_id).await?;
    let user = require_writer(&viewer, &meeting)?;
    match refused(service::add_decision(&app, user, &meeting, &form).await)? {
        Ok(()) => Ok(back(network_id, &meeting, "min-decision-added")),
        Err(errors) => {
            let refused = Refused {
                item_id: item_of(&form.item_id),
                decision: Some(&form),
                errors,
                ..Refused::default()
            };
            render(&app, &viewer, (&network, &meeting), refused).await
        }
    }
}

pub async fn delete_decision(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, meeting_id, decision_id)): Path<(NetworkId, MeetingId, DecisionId)>,
) -> AppResult<Response> {
    let (_, meeting) = service::meeting_in(&app, network_id, meeting_id).await?;
    let user = require_writer(&viewer, &meeting)?;
    service::delete_decision(&app, user, &meeting, decision_id).await?;
    Ok(back(network_id, &meeting, "min-decision-deleted"))
}

/// Sends the draft to every member contact with an e-mail address and
/// opens it for comments.
pub async fn circulate(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, meeting_id)): Path<(NetworkId, MeetingId)>,
) -> AppResult<Response> {
    let (network, meeting) = service::meeting_in(&app, network_id, meeting_id).await?;
    let user = require_writer(&viewer, &meeting)?;
    service::circulate(&app, user, &meeting, &network).await?;
    Ok(back(network_id, &meeting, "min-circulated"))
}

pub async fn approve(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, meeting_id)): Path<(NetworkId, MeetingId)>,
) -> AppResult<Response> {
    let (_, meeting) = service::meeting_in(&app, network_id, meeting_id).await?;
    let user = viewer.require_manage(network_id)?;
    service::approve(&app, user, &meeting).await?;
    Ok(back(network_id, &meeting, "min-approved"))
}

pub async fn add_comment(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, meeting_id)): Path<(NetworkId, MeetingId)>,
    Form(form): Form<CommentInput>,
) -> AppResult<Response> {
    let (network, meeting) = service::meeting_in(&app, network_id, meeting_id).await?;
    let user = viewer.require_participate(network_id)?;
    match refused(service::add_comment(&app, user, &meeting, &form).await)? {
        Ok(()) => Ok(back(network_id, &meeting, "min-comment-added")),
        Err(errors) => {
            let refused = Refused {
                comment: Some(&form.body),
                errors,
                ..Refused::default()
            };
            render(&app, &viewer, (&network, &meeting), refused).await
        }
    }
}

/// The network's choice whether approved minutes are public.
pub async fn set_visibility(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, meeting_id)): Path<(NetworkId, MeetingId)>,
    Form(form): Form<VisibilityInput>,
) -> AppResult<Response> {
    let (_, meeting) = service::meeting_in(&app, network_id, meeting_id).await?;
    let user = viewer.require_manage(network_id)?;
    service::set_minutes_public(&app, user, network_id, ticked(&form.minutes_public)).await?;
    Ok(back(network_id, &meeting, "min-visibility-saved"))
}
