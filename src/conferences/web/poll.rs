//! The meeting page and the coordinator's side of the date poll.

use std::collections::BTreeMap;

use axum::{
    Form,
    extract::{Path, State},
    response::Response,
};
use minijinja::{Value, context};
use serde::{Deserialize, Serialize};

use crate::conferences::{
    model::{Answer, LINK_VALID_SECS, Meeting, PollOption},
    store::{self, Purpose},
};
use crate::{
    accounts::viewer::Viewer,
    core::{
        audit::Actor,
        error::{AppError, AppResult, FieldErrors, Msg},
        i18n::Lang,
        mail::{self, Email},
        store::now,
        web::{App, forms::Validator},
    },
    network::{
        context::scope,
        model::Network,
        store::organizations::{self},
        web::{saved, texts},
    },
};

use super::meetings::times;
use super::*;

#[derive(Debug, Default, Deserialize, Serialize)]
pub struct OptionForm {
    #[serde(default)]
    pub starts_at: String,
    #[serde(default)]
    pub ends_at: String,
}

pub async fn show(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let (meeting, network) = load_meeting(&app, id).await?;
    viewer.require_read_network(&scope(&network))?;
    render_show(
        &app,
        &viewer,
        &meeting,
        &network,
        &OptionForm::default(),
        &FieldErrors::new(),
    )
    .await
}

/// The poll as a matrix: per option the counts, per person the answers.
fn matrix(
    options: &[PollOption],
    answers: &[store::AnswerRow],
    people: &BTreeMap<i64, (String, String)>,
) -> (Vec<Value>, Vec<Value>) {
    let columns = options
        .iter()
        .map(|o| {
            let count = |a: Answer| {
                answers
                    .iter()
                    .filter(|r| r.option_id == o.id && r.answer == a)
                    .count()
            };
            context! {
                option => o, yes => count(Answer::Yes), maybe => count(Answer::Maybe),
                no => count(Answer::No),
            }
        })
        .collect();
    let mut respondents: Vec<i64> = answers.iter().map(|a| a.person_id).collect();
    respondents.sort_unstable();
    respondents.dedup();
    let rows = respondents
        .into_iter()
        .map(|person_id| {
            let (name, organization) = people.get(&person_id).cloned().unwrap_or_default();
            let cells: Vec<Option<Answer>> = options
                .iter()
                .map(|o| {
                    answers
                        .iter()
                        .find(|a| a.option_id == o.id && a.person_id == person_id)
                        .map(|a| a.answer)
                })
                .collect();
            context! { name => name, organization => organization, cells => cells }
        })
        .collect();
    (columns, rows)
}

async fn render_show(
    app: &App,
    viewer: &Viewer,
    meeting: &Meeting,
    network: &Network,
    option_form: &OptionForm,
    errors: &FieldErrors,
) -> AppResult<Response> {
    let can_manage = viewer.can_manage_network(network.id);
    let organizer = match meeting.organizer_organization_id {
        Some(o) => organizations::organization(app.db.pool(), o)
            .await?
            .map(|o| o.name),
        None => None,
    };
    let options = store::poll_options(app.db.pool(), meeting.id).await?;
    let roles = super::minutes::roles_context(app, meeting).await?;
    let (columns, rows, recipients) = if can_manage {
        let answers = store::poll_answers(app.db.pool(), meeting.id).await?;
        let people: BTreeMap<i64, (String, String)> =
            crate::network::store::people::list_in_network(app.db.pool(), network.id)
                .await?
                .into_iter()
                .map(|p| (p.person.id, (p.person.name, p.organization_name)))
                .collect();
        let (columns, rows) = matrix(&options, &answers, &people);
        let recipients = store::recipients(app.db.pool(), network.id).await?.len();
        (columns, rows, recipients)
    } else {
        (Vec::new(), Vec::new(), 0)
    };
    let rsvps = store::rsvps(app.db.pool(), meeting.id).await?;
    let (attending, declined): (Vec<_>, Vec<_>) = rsvps.iter().partition(|r| r.attending);
    let rsvps = if can_manage {
        rsvps.clone()
    } else {
        Vec::new()
    };
    let page = app.page(
        viewer,
        "conferences/meeting.html",
        context! {
            meeting => meeting, network => network, organizer => organizer,
            options => options, columns => columns, rows => rows,
            recipients => recipients, poll_open => meeting.poll_open(),
            option_form => option_form, errors => texts(viewer, errors),
            can_manage => can_manage, rsvps => rsvps,
            attending => attending, declined => declined, roles => roles,
        },
    )?;
    Ok(respond(page, errors))
}

pub async fn add_option(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(form): Form<OptionForm>,
) -> AppResult<Response> {
    let (meeting, network) = load_meeting(&app, id).await?;
    let user = viewer.require_manage_network(network.id)?;
    if !meeting.poll_open() {
        return Err(AppError::conflict("poll_closed", "conf-err-poll-closed"));
    }
    let mut v = Validator::new();
    let (start, end) = times(&mut v, &form.starts_at, &form.ends_at, true);
    if let Some(start) = start
        && start <= now()
    {
        v.add("starts_at", Msg::new("conf-err-in-past"));
    }
    let mut tx = app.db.begin().await?;
    if let (Some(start), Some(end), true) = (start, end, v.is_ok()) {
        let existing = store::poll_options(&mut *tx, meeting.id).await?;
        if existing
            .iter()
            .any(|o| start < o.ends_at && o.starts_at < end)
        {
            v.add("starts_at", Msg::new("conf-err-overlap"));
        } else {
            store::add_poll_option(&mut tx, Actor::User(user), &meeting, start, end).await?;
        }
    }
    if !v.is_ok() {
        drop(tx);
        return render_show(&app, &viewer, &meeting, &network, &form, &v.errors).await;
    }
    tx.commit().await?;
    Ok(saved(
        &format!("/conferences/{}", meeting.id),
        "conf-option-added",
    ))
}

/// Queues one e-mail with a personal poll link per contact person.
pub async fn send_poll(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let (meeting, network) = load_meeting(&app, id).await?;
    let user = viewer.require_manage_network(network.id)?;
    if !meeting.poll_open() {
        return Err(AppError::conflict("poll_closed", "conf-err-poll-closed"));
    }
    let mut tx = app.db.begin().await?;
    if store::poll_options(&mut *tx, meeting.id).await?.is_empty() {
        return Err(AppError::conflict("no_options", "conf-err-no-options"));
    }
    let recipients = store::recipients(&mut *tx, network.id).await?;
    let lang = Lang::De;
    for r in &recipients {
        let token = store::issue_link(
            &mut tx,
            meeting.id,
            r.person_id,
            Purpose::Poll,
            LINK_VALID_SECS,
        )
        .await?;
        let args = [
            ("name".to_string(), r.name.clone()),
            ("title".to_string(), meeting.title.clone()),
            ("network".to_string(), network.name.clone()),
            (
                "link".to_string(),
                format!("{}/p/{token}", app.config.base()),
            ),
            ("days".to_string(), (LINK_VALID_SECS / 86_400).to_string()),
        ];
        let email = Email {
            to: r.email.clone(),
            subject: lang.t_args("conf-mail-poll-subject", &args),
            text: lang.t_args("conf-mail-poll-body", &args),
            ..Email::default()
        };
        mail::enqueue(&mut tx, &email).await?;
    }
    let after = serde_json::json!({ "recipients": recipients.len() });
    store::audit(
        &mut tx,
        Actor::User(user),
        network.id,
        ("meeting", Some(meeting.id), "poll_sent"),
        None,
        Some(after),
    )
    .await?;
    tx.commit().await?;
    app.jobs_ready.notify_one();
    Ok(saved(
        &format!("/conferences/{}", meeting.id),
        "conf-poll-sent",
    ))
}

#[derive(Debug, Default, Deserialize)]
pub struct ChooseForm {
    #[serde(default)]
    pub option_id: String,
}

pub async fn choose(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(form): Form<ChooseForm>,
) -> AppResult<Response> {
    let (meeting, network) = load_meeting(&app, id).await?;
    let user = viewer.require_manage_network(network.id)?;
    if !meeting.poll_open() {
        return Err(AppError::conflict("poll_closed", "conf-err-poll-closed"));
    }
    let mut tx = app.db.begin().await?;
    let options = store::poll_options(&mut *tx, meeting.id).await?;
    let chosen = form.option_id.trim().parse::<i64>().ok();
    let Some(option) = options.iter().find(|o| Some(o.id) == chosen) else {
        let mut errors = FieldErrors::new();
        errors.insert("option_id".into(), Msg::new("conf-err-option-unknown"));
        return Err(AppError::invalid(errors));
    };
    store::choose_option(&mut tx, Actor::User(user), &meeting, option).await?;
    tx.commit().await?;
    Ok(saved(
        &format!("/conferences/{}", meeting.id),
        "conf-date-chosen",
    ))
}
