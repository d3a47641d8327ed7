//! The printable documents of a meeting: the invitation with its agenda,
//! the attendance list to sign, and the minutes. They follow the meeting
//! page's access (readers of the network); the invitation of a public
//! meeting is also public, with its public agenda items only.

mod store;

use std::collections::HashMap;

use axum::{
    extract::{Path, State},
    response::Response,
};
use chrono::{Datelike, TimeZone, Timelike};
use chrono_tz::Europe::Berlin;
use serde::Serialize;

use crate::{
    accounts::viewer::Viewer,
    conferences::{
        model::{Meeting, State as MeetingState},
        store as conference_store,
        web::load_meeting,
    },
    core::{
        error::{AppError, AppResult},
        i18n::Lang,
        pdf::{self, Document},
        web::App,
    },
    network::{context::scope, model::Network},
};

const INVITATION: &str = include_str!("../../../templates/pdf/invitation.typ");
const ATTENDANCE: &str = include_str!("../../../templates/pdf/attendance.typ");
const MINUTES: &str = include_str!("../../../templates/pdf/minutes.typ");

const MONTHS: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];

/// "Donnerstag, 26. November 2026, 14:00–16:00 Uhr" (Europe/Berlin).
pub fn german_when(starts_at: Option<i64>, ends_at: Option<i64>) -> String {
    let at = |ts: i64| Berlin.timestamp_opt(ts, 0).single();
    let Some(start) = starts_at.and_then(at) else {
        return "Termin noch offen".to_string();
    };
    let date = format!(
        "{}, {}. {} {}",
        Lang::De.weekdays()[start.weekday().num_days_from_monday() as usize],
        start.day(),
        MONTHS[start.month0() as usize],
        start.year()
    );
    let time = |t: chrono::DateTime<chrono_tz::Tz>| format!("{:02}:{:02}", t.hour(), t.minute());
    match ends_at.and_then(at) {
        Some(end) if end.date_naive() == start.date_naive() => {
            format!("{date}, {}–{} Uhr", time(start), time(end))
        }
        Some(end) => format!(
            "{date}, {} Uhr – {}. {} {}, {} Uhr",
            time(start),
            end.day(),
            MONTHS[end.month0() as usize],
            end.year(),
            time(end)
        ),
        None => format!("{date}, {} Uhr", time(start)),
    }
}

/// The meeting named in the path, which must belong to the network named
/// there too (otherwise 404, before any access decision).
async fn meeting(app: &App, (id, mid): (i64, i64)) -> AppResult<(Meeting, Network)> {
    let (meeting, network) = load_meeting(app, mid).await?;
    if network.id != id {
        return Err(AppError::not_found());
    }
    Ok((meeting, network))
}

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

async fn head(app: &App, meeting: &Meeting, network: &Network) -> AppResult<Head> {
    let organizer = match meeting.organizer_organization_id {
        Some(id) => store::organization_names(app.db.pool(), network.id)
            .await?
            .into_iter()
            .find(|(o, _)| *o == id)
            .map(|(_, name)| name)
            .unwrap_or_default(),
        None => String::new(),
    };
    Ok(Head {
        network: network.name.clone(),
        title: meeting.title.clone(),
        when: german_when(meeting.starts_at, meeting.ends_at),
        location: meeting.location.clone(),
        online_url: meeting.online_url.clone(),
        organizer,
        cancelled: meeting.state == MeetingState::Cancelled,
    })
}

#[derive(Serialize)]
struct Item {
    #[serde(skip)]
    id: i64,
    number: usize,
    title: String,
    description: String,
    minutes: i64,
    proposer: String,
    notes: String,
    decisions: Vec<conference_store::Decision>,
    actions: Vec<store::ActionItem>,
}

/// The agenda, numbered from 1, optionally its public items only.
async fn items(app: &App, meeting: &Meeting, public_only: bool) -> AppResult<Vec<Item>> {
    let pool = app.db.pool();
    let names: HashMap<i64, String> = store::organization_names(pool, meeting.network_id)
        .await?
        .into_iter()
        .collect();
    Ok(conference_store::agenda(pool, meeting.id)
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

/// `GET /networks/{id}/meetings/{mid}/invitation.pdf`
pub async fn invitation(
    State(app): State<App>,
    viewer: Viewer,
    Path(ids): Path<(i64, i64)>,
) -> AppResult<Response> {
    let (meeting, network) = meeting(&app, ids).await?;
    let reader = viewer.can_read_network(&scope(&network));
    if !reader && !meeting.is_public {
        viewer.require_read_network(&scope(&network))?;
    }
    #[derive(Serialize)]
    struct Data {
        head: Head,
        items: Vec<Item>,
        total_minutes: i64,
    }
    let items = items(&app, &meeting, !reader).await?;
    let data = Data {
        head: head(&app, &meeting, &network).await?,
        total_minutes: items.iter().map(|i| i.minutes).sum(),
        items,
    };
    render(INVITATION, &data, &format!("einladung-{}.pdf", meeting.id)).await
}

/// `GET /networks/{id}/meetings/{mid}/attendance.pdf`
pub async fn attendance(
    State(app): State<App>,
    viewer: Viewer,
    Path(ids): Path<(i64, i64)>,
) -> AppResult<Response> {
    let (meeting, network) = meeting(&app, ids).await?;
    viewer.require_read_network(&scope(&network))?;
    #[derive(Serialize)]
    struct Data {
        head: Head,
        people: Vec<store::Invitee>,
    }
    let data = Data {
        head: head(&app, &meeting, &network).await?,
        people: store::invitees(app.db.pool(), network.id, meeting.id).await?,
    };
    render(
        ATTENDANCE,
        &data,
        &format!("anwesenheitsliste-{}.pdf", meeting.id),
    )
    .await
}

/// `GET /networks/{id}/meetings/{mid}/minutes.pdf`
pub async fn minutes(
    State(app): State<App>,
    viewer: Viewer,
    Path(ids): Path<(i64, i64)>,
) -> AppResult<Response> {
    let (meeting, network) = meeting(&app, ids).await?;
    viewer.require_read_network(&scope(&network))?;
    let pool = app.db.pool();
    let minutes_head = store::minutes_head(pool, meeting.id).await?;
    let mut items = items(&app, &meeting, false).await?;
    let mut notes = conference_store::item_notes(pool, meeting.id).await?;
    let mut decisions = conference_store::decisions(pool, meeting.id).await?;
    let mut actions = store::action_items(pool, meeting.id).await?;
    for item in items.iter_mut() {
        let id = item.id;
        item.notes = notes.remove(&id).unwrap_or_default();
        let (mine, rest): (Vec<_>, Vec<_>) =
            decisions.into_iter().partition(|d| d.agenda_item_id == id);
        item.decisions = mine;
        decisions = rest;
        let (mine, rest): (Vec<_>, Vec<_>) =
            actions.into_iter().partition(|a| a.agenda_item_id == id);
        item.actions = mine;
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
        head: head(&app, &meeting, &network).await?,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_the_german_way() {
        // 2026-11-26 13:00 UTC is 14:00 in Berlin (winter time).
        let start = 1_795_698_000;
        assert_eq!(
            german_when(Some(start), Some(start + 7200)),
            "Donnerstag, 26. November 2026, 14:00–16:00 Uhr"
        );
        assert_eq!(german_when(None, None), "Termin noch offen");
    }
}
