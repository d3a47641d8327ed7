//! The date poll: options, the personal poll links sent by e-mail, the
//! answers given through them, choosing the date; and the registration
//! through the invitation's personal link.

use std::collections::HashMap;

use crate::accounts::model::User;
use crate::conferences::{
    model::{
        AnswersInput, ChooseInput, LINK_VALID_SECS, Meeting, OptionInput, ReadAnswers, RsvpInput,
    },
    registry::{self, Network},
    store::{self, Purpose},
};
use crate::core::{
    audit::Actor,
    error::{AppError, AppResult, FieldErrors, Msg},
    i18n::Lang,
    ids::PersonId,
    mail::{self, Email},
    paths,
    store::now,
    web::App,
};

use super::{absolute, invalid};

fn poll_closed() -> AppError {
    AppError::conflict("poll_closed", "conf-err-poll-closed")
}

/// Adds a date to the open poll: in the future, overlapping no other.
pub async fn add_poll_option(
    app: &App,
    user: &User,
    meeting: &Meeting,
    input: &OptionInput,
) -> AppResult<()> {
    if !meeting.poll_open() {
        return Err(poll_closed());
    }
    let mut tx = app.db.begin().await?;
    let existing = store::poll_options(&mut *tx, meeting.id).await?;
    let (start, end) = match input.validate(&existing, now()) {
        Ok(times) => times,
        Err(errors) => return invalid(errors),
    };
    store::add_poll_option(&mut tx, Actor::User(user), meeting, start, end).await?;
    tx.commit().await?;
    Ok(())
}

/// Queues one e-mail with a personal poll link per contact person.
pub async fn send_poll(
    app: &App,
    user: &User,
    meeting: &Meeting,
    network: &Network,
) -> AppResult<()> {
    if !meeting.poll_open() {
        return Err(poll_closed());
    }
    let mut tx = app.db.begin().await?;
    if store::poll_options(&mut *tx, meeting.id).await?.is_empty() {
        return Err(AppError::conflict("no_options", "conf-err-no-options"));
    }
    let recipients = registry::recipients(&app.db, meeting.network_id).await?;
    let lang = Lang::De;
    for r in &recipients {
        let token =
            store::issue_link(&mut tx, meeting.id, r.id, Purpose::Poll, LINK_VALID_SECS).await?;
        let args = [
            ("name".to_string(), r.name.clone()),
            ("title".to_string(), meeting.title.clone()),
            ("network".to_string(), network.name.clone()),
            ("link".to_string(), absolute(app, &paths::poll_link(&token))),
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
        meeting.network_id,
        ("meeting", Some(meeting.id.get()), "poll_sent"),
        None,
        Some(after),
    )
    .await?;
    tx.commit().await?;
    app.jobs_ready.notify_one();
    Ok(())
}

/// Makes one of the poll's options the meeting's date.
pub async fn choose_option(
    app: &App,
    user: &User,
    meeting: &Meeting,
    input: &ChooseInput,
) -> AppResult<()> {
    if !meeting.poll_open() {
        return Err(poll_closed());
    }
    let mut tx = app.db.begin().await?;
    let options = store::poll_options(&mut *tx, meeting.id).await?;
    let chosen = input.option_id.trim().parse::<i64>().ok();
    let Some(option) = options.iter().find(|o| Some(o.id) == chosen) else {
        let mut errors = FieldErrors::new();
        errors.insert("option_id".into(), Msg::new("conf-err-option-unknown"));
        return invalid(errors);
    };
    store::choose_option(&mut tx, Actor::User(user), meeting, option).await?;
    tx.commit().await?;
    Ok(())
}

/// Saves one person's answers given through their poll link; answers that
/// are no answer come back with what was entered, to show the form again.
pub async fn answer_poll(
    app: &App,
    meeting: &Meeting,
    person_id: PersonId,
    form: &HashMap<String, String>,
) -> AppResult<Result<(), ReadAnswers>> {
    if !meeting.poll_open() {
        return Err(poll_closed());
    }
    let options = store::poll_options(app.db.pool(), meeting.id).await?;
    let read = AnswersInput(form).read(&options);
    if !read.errors.is_empty() {
        return Ok(Err(read));
    }
    let mut tx = app.db.begin().await?;
    store::save_answers(&mut tx, meeting, person_id, &read.answers).await?;
    tx.commit().await?;
    Ok(Ok(()))
}

/// Registers or declines one person through their invitation link;
/// returns whether they come.
pub async fn answer_invitation(
    app: &App,
    meeting: &Meeting,
    person_id: PersonId,
    input: &RsvpInput,
) -> AppResult<bool> {
    if meeting.state != crate::conferences::model::State::Invited {
        return Err(AppError::conflict("wrong_state", "conf-err-state"));
    }
    let attending = match input.validate() {
        Ok(attending) => attending,
        Err(errors) => return invalid(errors),
    };
    let mut tx = app.db.begin().await?;
    store::save_rsvp(&mut tx, meeting, person_id, attending).await?;
    tx.commit().await?;
    Ok(attending)
}
