//! The printable documents of a meeting: the invitation with its agenda,
//! the attendance list to sign, and the minutes. They follow the meeting
//! page's access (readers of the network); the invitation of a public
//! meeting is also public, with its public agenda items only.

use std::collections::HashMap;

use axum::{
    extract::{Path, State},
    response::Response,
};
use serde::Serialize;

use crate::{
    accounts::viewer::Viewer,
    conferences::{
        actions::{self, model::format_day},
        model::{Decision, Meeting, State as MeetingState, german_when},
        registry::{self, Access, Network},
        service, store,
    },
    core::{
        error::{AppError, AppResult},
        ids::{AgendaItemId, MeetingId, NetworkId, OrganizationId},
        pdf::{self, Document},
        web::App,
    },
};

const INVITATION: &str = include_str!("../../../templates/pdf/invitation.typ");
const ATTENDANCE: &str = include_str!("../../../templates/pdf/attendance.typ");
const MINUTES: &str = include_str!("../../../templates/pdf/minutes.typ");

#[derive(Serialize)]
struct Head {
    network: String,
    title: String,
    when: String,
    location: String,
    online_url: String,
    organizer: String,
    cancelled: bool,
}

/// Names of the network's member organisations (proposers, organiser).
async fn member_names(
    app: &App,
    network_id: NetworkId,
) -> AppResult<HashMap<OrganizationId, String>> {
    Ok(registry::members(&app.db, network_id)
        .await?
        .into_iter()
        .map(|o| (OrganizationId(o.id), o.name))
        .collect())
}

fn head(meeting: &Meeting, network: &Network, names: &HashMap<OrganizationId, String>) -> Head {
    Head {
        network: network.name.clone(),
        title: meeting.title.clone(),
        when: german_when(meeting.starts_at, meeting.ends_at),
        location: meeting.location.clone(),
        online_url: meeting.online_url.clone(),
        organizer: meeting
            .organizer_organization_id
            .and_then(|o| names.get(&o).cloned())
            .unwrap_or_default(),
        cancelled: meeting.state == MeetingState::Cancelled,
    }
}

/// An action item as the minutes list it.
#[derive(Debug, Serialize)]
struct Action {
    title: String,
    responsible: String,
    due: String,
}

#[derive(Serialize)]
struct Item {
    #[serde(skip)]
    id: AgendaItemId,
    number: usize,
    title: String,
    description: String,
    minutes: i64,
    proposer: String,
    notes: String,
    decisions: Vec<Decision>,
    actions: Vec<Action>,
}

/// The agenda, numbered from 1, optionally its public items only.
async fn items(
    app: &App,
    meeting: &Meeting,
    names: &HashMap<OrganizationId, String>,
    public_only: bool,
) -> AppResult<Vec<Item>> {
    Ok(store::agenda(app.db.pool(), meeting.id)
        .await?
        .into_iter()
        .filter(|i| i.is_public || !public_only)
        .enumerate()
        .map(|(n, i)| Item {
            id: i.id,
            number: n + 1,
            proposer: i
                .proposer_organization_id
                .and_then(|o| names.get(&o).cloned())
                .unwrap_or_default(),
            title: i.title,
            description: i.description,
            minutes: i.duration_minutes,
            notes: String::new(),
            decisions: Vec::new(),
            actions: Vec::new(),
        })
        .collect())
}

async fn render(template: &'static str, data: &impl Serialize, name: &str) -> AppResult<Response> {
    let pdf = Document::new(template, data)?.render().await?;
    Ok(pdf::response(pdf, name))
}

/// `GET /networks/{network_id}/meetings/{meeting_id}/invitation.pdf`
pub async fn invitation(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, meeting_id)): Path<(NetworkId, MeetingId)>,
) -> AppResult<Response> {
    let (network, meeting) = service::meeting_in(&app, network_id, meeting_id).await?;
    let reader = viewer.can_read(&network);
    if !reader && !meeting.is_public {
        viewer.require_read(&network)?;
    }
    #[derive(Serialize)]
    struct Data {
        head: Head,
        items: Vec<Item>,
        total_minutes: i64,
    }
    let names = member_names(&app, network_id).await?;
    let items = items(&app, &meeting, &names, !reader).await?;
    let data = Data {
        head: head(&meeting, &network, &names),
        total_minutes: items.iter().map(|i| i.minutes).sum(),
        items,
    };
    render(INVITATION, &data, &format!("einladung-{}.pdf", meeting.id)).await
}

/// `GET /networks/{network_id}/meetings/{meeting_id}/attendance.pdf`
pub async fn attendance(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, meeting_id)): Path<(NetworkId, MeetingId)>,
) -> AppResult<Response> {
    let (network, meeting) = service::meeting_in(&app, network_id, meeting_id).await?;
    viewer.require_read(&network)?;
    #[derive(Serialize)]
    struct Data {
        head: Head,
        people: Vec<store::Invitee>,
    }
    let names = member_names(&app, network_id).await?;
    let data = Data {
        head: head(&meeting, &network, &names),
        people: store::invitees(app.db.pool(), network_id, meeting.id).await?,
    };
    render(
        ATTENDANCE,
        &data,
        &format!("anwesenheitsliste-{}.pdf", meeting.id),
    )
    .await
}

/// `GET /networks/{network_id}/meetings/{meeting_id}/minutes.pdf`
pub async fn minutes(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, meeting_id)): Path<(NetworkId, MeetingId)>,
) -> AppResult<Response> {
    let (network, meeting) = service::meeting_in(&app, network_id, meeting_id).await?;
    viewer.require_read(&network)?;
    // Drafts are for their writers: the PDF follows the minutes page.
    if !service::readable(&viewer, &network, &meeting) {
        return Err(AppError::forbidden());
    }
    let pool = app.db.pool();
    let minutes_head = store::minutes_head(pool, meeting.id).await?;
    let names = member_names(&app, network_id).await?;
    let mut items = items(&app, &meeting, &names, false).await?;
    let mut notes = store::item_notes(pool, meeting.id).await?;
    let mut decisions = store::decisions(pool, meeting.id).await?;
    let mut actions = actions::store::for_meeting(pool, meeting.id).await?;
    // The minutes list an item's actions in the order they were recorded.
    actions.sort_by_key(|a| a.id);
    for item in items.iter_mut() {
        let id = item.id;
        item.notes = notes.remove(&id).unwrap_or_default();
        let (mine, rest): (Vec<_>, Vec<_>) =
            decisions.into_iter().partition(|d| d.agenda_item_id == id);
        item.decisions = mine;
        decisions = rest;
        let (mine, rest): (Vec<_>, Vec<_>) = actions
            .into_iter()
            .partition(|a| a.agenda_item_id == Some(id));
        item.actions = mine
            .into_iter()
            .map(|a| Action {
                responsible: [
                    a.responsible_person.clone(),
                    a.responsible_organization.clone(),
                ]
                .into_iter()
                .flatten()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(", "),
                due: a.due_on.as_deref().map(format_day).unwrap_or_default(),
                title: a.title,
            })
            .collect();
        actions = rest;
    }
    #[derive(Serialize)]
    struct Present {
        name: String,
        organization: String,
    }
    #[derive(Serialize)]
    struct Data {
        head: Head,
        state: String,
        draft: bool,
        chair: String,
        minute_taker: String,
        present: Vec<Present>,
        items: Vec<Item>,
    }
    let state = match minutes_head.state.as_str() {
        "approved" => "genehmigt",
        "circulated" => "versandt, noch nicht genehmigt",
        _ => "Entwurf",
    };
    let data = Data {
        head: head(&meeting, &network, &names),
        state: state.to_string(),
        draft: minutes_head.state != "approved",
        chair: minutes_head.chair.unwrap_or_default(),
        minute_taker: minutes_head.minute_taker.unwrap_or_default(),
        present: store::present(pool, meeting.id)
            .await?
            .into_iter()
            .map(|(name, organization)| Present { name, organization })
            .collect(),
        items,
    };
    render(MINUTES, &data, &format!("protokoll-{}.pdf", meeting.id)).await
}
