//! Invitations by e-mail with an iCalendar attachment, their updates and
//! the cancellation: each a state transition of the meeting with its
//! mails, in one transaction.

use crate::accounts::model::User;
use crate::conferences::{
    ical::{self, Method, Party},
    model::{LINK_VALID_SECS, Meeting, State, format_human},
    registry::{self, Network},
    store::{self, Purpose},
};
use crate::core::{
    audit::Actor,
    error::{AppError, AppResult},
    i18n::Lang,
    mail::{self, Attachment, Email},
    paths,
    store::{Tx, now},
    web::App,
};

use super::absolute;

/// The sender of invitations, as the iCalendar ORGANIZER.
pub fn organizer(app: &App) -> Party {
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

/// Where a meeting takes place, for mail text: the place and the online link.
pub fn place(meeting: &Meeting) -> String {
    [meeting.location.as_str(), meeting.online_url.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
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
    let recipients = registry::recipients(&app.db, meeting.network_id).await?;
    let (start, end) = match (meeting.starts_at, meeting.ends_at) {
        (Some(s), Some(e)) => (format_human(s), format_human(e)),
        _ => return Err(AppError::conflict("no_date", "conf-err-no-date")),
    };
    let place = place(meeting);
    let description = lang.t_args(
        "conf-ics-description",
        &[("network".to_string(), network.name.clone())],
    );
    let at = now();
    for r in &recipients {
        let link = match method {
            Method::Request => {
                let token =
                    store::issue_link(tx, meeting.id, r.id, Purpose::Rsvp, LINK_VALID_SECS).await?;
                absolute(app, &paths::rsvp_link(&token))
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

/// One transition of the invitation: the new state and sequence number,
/// and the iTIP method of the mail to everyone (none: no mail).
pub enum Invitation {
    Invite,
    Update,
    Cancel,
}

fn wrong_state() -> AppError {
    AppError::conflict("wrong_state", "conf-err-state")
}

fn no_date() -> AppError {
    AppError::conflict("no_date", "conf-err-no-date")
}

impl Invitation {
    fn step(&self, m: &Meeting) -> AppResult<(State, i64, Option<Method>)> {
        match self {
            Invitation::Invite => {
                if m.starts_at.is_none() {
                    return Err(no_date());
                }
                if m.state != State::Planned {
                    return Err(wrong_state());
                }
                Ok((State::Invited, m.ics_sequence, Some(Method::Request)))
            }
            Invitation::Update => {
                if m.state != State::Invited {
                    return Err(wrong_state());
                }
                if m.starts_at.is_none() {
                    return Err(no_date());
                }
                Ok((State::Invited, m.ics_sequence + 1, Some(Method::Request)))
            }
            Invitation::Cancel => match m.state {
                State::Invited => Ok((State::Cancelled, m.ics_sequence + 1, Some(Method::Cancel))),
                State::Planned => Ok((State::Cancelled, m.ics_sequence, None)),
                _ => Err(wrong_state()),
            },
        }
    }
}

/// Changes the meeting's state and sequence, then mails everyone, in one
/// transaction.
pub async fn invitation(
    app: &App,
    user: &User,
    meeting: &Meeting,
    network: &Network,
    what: Invitation,
) -> AppResult<()> {
    let (state, sequence, method) = what.step(meeting)?;
    let mut tx = app.db.begin().await?;
    store::set_state(&mut tx, Actor::User(user), meeting, state, sequence).await?;
    let updated = Meeting {
        state,
        ics_sequence: sequence,
        ..meeting.clone()
    };
    if let Some(method) = method {
        send(&mut tx, app, &updated, network, method).await?;
    }
    tx.commit().await?;
    app.jobs_ready.notify_one();
    Ok(())
}
