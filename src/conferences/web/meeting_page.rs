//! The meeting page: the facts, the documents, the date poll (as a matrix
//! for the coordinator) and the invitation with its registrations.

use std::collections::BTreeMap;

use axum::response::Response;
use minijinja::{Value, context};

use crate::conferences::{
    model::{Answer, AnswerRow, Meeting, OptionInput, PollOption, State},
    registry::{self, Access, Network},
    store,
};
use crate::{
    accounts::viewer::Viewer,
    core::{
        error::{AppResult, FieldErrors},
        ids::PersonId,
        store::now,
        web::{App, forms::texts},
    },
};

use super::respond;

/// The poll as a matrix: per option the counts, per person the answers.
fn matrix(
    options: &[PollOption],
    answers: &[AnswerRow],
    people: &BTreeMap<PersonId, (String, String)>,
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
    let mut respondents: Vec<PersonId> = answers.iter().map(|a| a.person_id).collect();
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

/// Chair, minute taker and what the page offers on and after the day.
async fn roles(app: &App, meeting: &Meeting) -> AppResult<Value> {
    Ok(context! {
        chair => registry::person_name(&app.db, meeting.chair_person_id).await?,
        minute_taker => registry::person_name(&app.db, meeting.minute_taker_person_id).await?,
        can_mark_held => meeting.can_mark_held(now()),
        after => matches!(meeting.state, State::Held | State::MinutesApproved),
    })
}

/// The page; `option_form` is the poll option as last entered.
pub(super) async fn render(
    app: &App,
    viewer: &Viewer,
    (network, meeting): (&Network, &Meeting),
    option_form: &OptionInput,
    errors: &FieldErrors,
) -> AppResult<Response> {
    let can_manage = viewer.can_manage(meeting.network_id);
    let organizer = match meeting.organizer_organization_id {
        Some(o) => registry::organization_name(&app.db, o).await?,
        None => None,
    };
    let options = store::poll_options(app.db.pool(), meeting.id).await?;
    let roles = roles(app, meeting).await?;
    let (columns, rows, recipients) = if can_manage {
        let answers = store::poll_answers(app.db.pool(), meeting.id).await?;
        let contacts = registry::contacts(&app.db, meeting.network_id).await?;
        let recipients = contacts.iter().filter(|c| !c.email.is_empty()).count();
        let people: BTreeMap<PersonId, (String, String)> = contacts
            .into_iter()
            .map(|c| (c.id, (c.name, c.organization)))
            .collect();
        let (columns, rows) = matrix(&options, &answers, &people);
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
