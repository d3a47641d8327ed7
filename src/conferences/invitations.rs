//! Invitations by e-mail with an iCalendar attachment, their updates and
//! cancellation, and the public calendar feed of a network.

use axum::{
    extract::{Path, State},
    http::header,
    response::{IntoResponse, Response},
};

use super::{
    ical::{self, Method, Party},
    model::{LINK_VALID_SECS, Meeting, State as MeetingState, format_human},
    store::{self, Purpose},
    web::load_meeting,
};
use crate::{
    accounts::viewer::Viewer,
    core::{
        audit::Actor,
        error::{AppError, AppResult},
        i18n::Lang,
        mail::{self, Attachment, Email},
        store::{Tx, now},
        web::App,
    },
    network::{context::load_network, model::Network, web::saved},
};

/// The sender of invitations, as the iCalendar ORGANIZER.
pub(crate) fn organizer(app: &App) -> Party {
    match app.config.mail_from.parse::<lettre::message::Mailbox>() {
        Ok(mailbox) => Party {
            name: mailbox.name.unwrap_or_else(|| "ikon".into()),
            email: mailbox.email.to_string(),
        },
        Err(_) => Party {
            name: "ikon".into(),
            email: app.config.mail_from.clone(),
        },
    }
}

/// Queues one message per contact person: the invitation (`Request`, with a
/// personal link to register or decline) or the cancellation.
async fn send(
    tx: &mut Tx,
    app: &App,
    meeting: &Meeting,
    network: &Network,
    method: Method,
) -> AppResult<usize> {
    let lang = Lang::De;
    let organizer = organizer(app);
    let recipients = store::recipients(&mut **tx, network.id).await?;
    let (start, end) = match (meeting.starts_at, meeting.ends_at) {
        (Some(s), Some(e)) => (format_human(s), format_human(e)),
        _ => return Err(AppError::conflict("no_date", "conf-err-no-date")),
    };
    let place = [meeting.location.as_str(), meeting.online_url.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    let description = lang.t_args(
        "conf-ics-description",
        &[("network".to_string(), network.name.clone())],
    );
    let at = now();
    for r in &recipients {
        let link = match method {
            Method::Request => {
                let token =
                    store::issue_link(tx, meeting.id, r.person_id, Purpose::Rsvp, LINK_VALID_SECS)
                        .await?;
                format!("{}/r/{token}", app.config.base())
            }
            Method::Cancel => String::new(),
        };
        let args = [
            ("name".to_string(), r.name.clone()),
            ("title".to_string(), meeting.title.clone()),
            ("network".to_string(), network.name.clone()),
            ("start".to_string(), start.clone()),
            ("end".to_string(), end.clone()),
            ("place".to_string(), place.clone()),
            ("link".to_string(), link),
        ];
        let (subject, body, method_name) = match (method, meeting.ics_sequence) {
            (Method::Request, 0) => (
                "conf-mail-invite-subject",
                "conf-mail-invite-body",
                "REQUEST",
            ),
            (Method::Request, _) => (
                "conf-mail-update-subject",
                "conf-mail-invite-body",
                "REQUEST",
            ),
            (Method::Cancel, _) => (
                "conf-mail-cancel-subject",
                "conf-mail-cancel-body",
                "CANCEL",
            ),
        };
        let attendee = Party {
            name: r.name.clone(),
            email: r.email.clone(),
        };
        let calendar = ical::invitation(method, meeting, &description, &organizer, &attendee, at);
        let email = Email {
            to: r.email.clone(),
            subject: lang.t_args(subject, &args),
            text: lang.t_args(body, &args),
            attachments: vec![Attachment {
                filename: "einladung.ics".into(),
                content_type: format!("text/calendar; method={method_name}; charset=UTF-8"),
                content: calendar,
            }],
        };
        mail::enqueue(tx, &email).await?;
    }
    Ok(recipients.len())
}

/// What a transition does: the new state and sequence number, and the
/// iTIP method of the mail to everyone (none: no mail).
type Step = Result<(MeetingState, i64, Option<Method>), AppError>;

/// Changes the meeting's state and sequence, then mails everyone, in one
/// transaction.
async fn transition(
    app: &App,
    viewer: &Viewer,
    id: i64,
    check: fn(&Meeting) -> Step,
    notice: &str,
) -> AppResult<Response> {
    let (meeting, network) = load_meeting(app, id).await?;
    let user = viewer.require_manage_network(network.id)?;
    let (state, sequence, method) = check(&meeting)?;
    let mut tx = app.db.begin().await?;
    store::set_state(&mut tx, Actor::User(user), &meeting, state, sequence).await?;
    let updated = Meeting {
        state,
        ics_sequence: sequence,
        ..meeting.clone()
    };
    if let Some(method) = method {
        send(&mut tx, app, &updated, &network, method).await?;
    }
    tx.commit().await?;
    app.jobs_ready.notify_one();
    Ok(saved(&format!("/conferences/{}", meeting.id), notice))
}

fn wrong_state() -> AppError {
    AppError::conflict("wrong_state", "conf-err-state")
}

pub async fn invite(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    transition(
        &app,
        &viewer,
        id,
        |m| {
            if m.starts_at.is_none() {
                return Err(AppError::conflict("no_date", "conf-err-no-date"));
            }
            if m.state != MeetingState::Planned {
                return Err(wrong_state());
            }
            Ok((MeetingState::Invited, m.ics_sequence, Some(Method::Request)))
        },
        "conf-invited",
    )
    .await
}

pub async fn update_invitation(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    transition(
        &app,
        &viewer,
        id,
        |m| {
            if m.state != MeetingState::Invited {
                return Err(wrong_state());
            }
            if m.starts_at.is_none() {
                return Err(AppError::conflict("no_date", "conf-err-no-date"));
            }
            Ok((
                MeetingState::Invited,
                m.ics_sequence + 1,
                Some(Method::Request),
            ))
        },
        "conf-invitation-updated",
    )
    .await
}

pub async fn cancel(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    transition(
        &app,
        &viewer,
        id,
        |m| match m.state {
            MeetingState::Invited => Ok((
                MeetingState::Cancelled,
                m.ics_sequence + 1,
                Some(Method::Cancel),
            )),
            MeetingState::Planned => Ok((MeetingState::Cancelled, m.ics_sequence, None)),
            _ => Err(wrong_state()),
        },
        "conf-cancelled",
    )
    .await
}

/// The public meetings of a network as a subscribable calendar.
pub async fn feed(State(app): State<App>, Path(id): Path<i64>) -> AppResult<Response> {
    let network = load_network(&app.db, id).await?;
    let meetings = store::public_meetings(app.db.pool(), network.id).await?;
    let body = ical::feed(&network.name, &meetings, &organizer(&app), now());
    Ok((
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "inline; filename=\"meetings.ics\"",
            ),
        ],
        body,
    )
        .into_response())
}
