//! The minutes of a held meeting: notes (Markdown) and decisions per agenda
//! item, written by the minute taker or the coordinator; then circulated to
//! the members for comments and approved, after which nothing changes.
//! Approved minutes are for the network's members, or for everyone if the
//! network chooses so — internal agenda items never leave the network.

use axum::{
    Form,
    extract::{Path, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};
use minijinja::context;
use serde::{Deserialize, Serialize};

use crate::conferences::{
    model::{Meeting, State as MeetingState},
    store::{self, MINUTES_APPROVED, MINUTES_CIRCULATED, MINUTES_DRAFT},
};
use crate::{
    accounts::viewer::Viewer,
    core::{
        audit::Actor,
        error::{AppError, AppResult, FieldErrors, Msg},
        i18n::Lang,
        mail::{self, Email},
        web::{App, forms::Validator},
    },
    network::{
        context::scope,
        model::Network,
        web::{saved, texts},
    },
};

use super::attachments::find_agenda_item;
use super::*;

/// The e-mail address of the meeting's minute taker, if one is named.
async fn minute_taker_email(app: &App, meeting: &Meeting) -> AppResult<Option<String>> {
    Ok(match meeting.minute_taker_person_id {
        Some(p) => crate::network::store::people::person(app.db.pool(), p)
            .await?
            .map(|p| p.email),
        None => None,
    })
}

/// Who may write: the coordinator or the minute taker.
async fn require_writer<'v>(
    app: &App,
    viewer: &'v Viewer,
    meeting: &Meeting,
) -> AppResult<&'v crate::accounts::model::User> {
    let email = minute_taker_email(app, meeting).await?;
    viewer.require_manage_or_be(meeting.network_id, email.as_deref())
}

/// Minutes are written once the meeting was held, until they are approved.
fn check_editable(meeting: &Meeting) -> AppResult<()> {
    if meeting.minutes_state == MINUTES_APPROVED || meeting.state == MeetingState::MinutesApproved {
        return Err(AppError::conflict("minutes_approved", "min-err-approved"));
    }
    if meeting.state != MeetingState::Held {
        return Err(AppError::conflict("not_held", "min-err-not-held"));
    }
    Ok(())
}

/// Yes, no, abstain.
type Votes = (i64, i64, i64);

#[derive(Debug, Default, Deserialize, Serialize)]
pub struct DecisionForm {
    #[serde(default)]
    pub item_id: String,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub votes_yes: String,
    #[serde(default)]
    pub votes_no: String,
    #[serde(default)]
    pub votes_abstain: String,
}

impl DecisionForm {
    /// The text and the votes: all three counts or none, none negative.
    fn validate(&self) -> Result<(String, Option<Votes>), FieldErrors> {
        let mut v = Validator::new();
        let text = v.text("text", &self.text, true, 4000);
        let raw = [
            ("votes_yes", self.votes_yes.trim()),
            ("votes_no", self.votes_no.trim()),
            ("votes_abstain", self.votes_abstain.trim()),
        ];
        let given = raw.iter().filter(|(_, s)| !s.is_empty()).count();
        let mut counts = [0i64; 3];
        if given != 0 && given != 3 {
            for (field, value) in raw {
                if value.is_empty() {
                    v.add(field, Msg::new("min-err-votes-partial"));
                }
            }
        }
        for (n, (field, value)) in raw.iter().enumerate() {
            if value.is_empty() {
                continue;
            }
            match value.parse::<i64>() {
                Ok(c) if (0..=100_000).contains(&c) => counts[n] = c,
                _ => v.add(field, Msg::new("min-err-votes-number")),
            }
        }
        if !v.is_ok() {
            return Err(v.errors);
        }
        let votes = (given == 3).then_some((counts[0], counts[1], counts[2]));
        Ok((text, votes))
    }
}

/// What the page shows about input that was refused, and where.
#[derive(Default)]
struct Refused<'a> {
    item_id: Option<i64>,
    decision: Option<&'a DecisionForm>,
    notes: Option<&'a str>,
    comment: Option<&'a str>,
    errors: FieldErrors,
}

async fn render_minutes(
    app: &App,
    viewer: &Viewer,
    (meeting, network): (&Meeting, &Network),
    refused: Refused<'_>,
) -> AppResult<Response> {
    let member = viewer.can_read_network(&scope(network));
    let email = minute_taker_email(app, meeting).await?;
    let can_write = viewer.can_manage_or_be(network.id, email.as_deref());
    let can_manage = viewer.can_manage_network(network.id);
    let approved = meeting.minutes_state == MINUTES_APPROVED;
    // Members read the minutes once they are circulated; writers always.
    let show = can_write
        || (member && meeting.minutes_state != MINUTES_DRAFT && !meeting.minutes_state.is_empty())
        || approved;
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
                number => n + 1, item => i, notes_html => crate::core::markdown::render(&text),
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
    let (chair, minute_taker) = (
        person_name(app, meeting.chair_person_id).await?,
        person_name(app, meeting.minute_taker_person_id).await?,
    );
    let page = app.page(
        viewer,
        "conferences/minutes.html",
        context! {
            meeting => meeting, network => network, rows => rows, show => show,
            member => member, can_write => can_write && !approved && meeting.state == MeetingState::Held,
            can_manage => can_manage, approved => approved,
            minutes_state => meeting.minutes_state,
            can_comment => viewer.can_take_part(network.id) && meeting.minutes_state == MINUTES_CIRCULATED,
            comments => comments, comment => refused.comment.unwrap_or_default(),
            chair => chair, minute_taker => minute_taker,
            minutes_public => store::minutes_public(app.db.pool(), network.id).await?,
            errors => texts(viewer, &refused.errors),
        },
    )?;
    Ok(if refused.errors.is_empty() {
        page.into_response()
    } else {
        (StatusCode::UNPROCESSABLE_ENTITY, page).into_response()
    })
}

/// Chair, minute taker and what the meeting page offers after the day.
pub(super) async fn roles_context(app: &App, meeting: &Meeting) -> AppResult<minijinja::Value> {
    Ok(context! {
        chair => person_name(app, meeting.chair_person_id).await?,
        minute_taker => person_name(app, meeting.minute_taker_person_id).await?,
        can_mark_held => matches!(meeting.state, MeetingState::Planned | MeetingState::Invited)
            && meeting.starts_at.is_some_and(|t| t <= crate::core::store::now()),
        after => matches!(meeting.state, MeetingState::Held | MeetingState::MinutesApproved),
    })
}

async fn person_name(app: &App, id: Option<i64>) -> AppResult<Option<String>> {
    Ok(match id {
        Some(id) => crate::network::store::people::person(app.db.pool(), id)
            .await?
            .map(|p| p.name),
        None => None,
    })
}

/// Members of the network read the minutes (circulated or approved; the
/// draft only its writers); approved minutes of a public meeting are for
/// everyone when the network publishes minutes — its public items only.
pub async fn minutes_page(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let (meeting, network) = load_meeting(&app, id).await?;
    let published = meeting.minutes_state == MINUTES_APPROVED
        && meeting.is_public
        && store::minutes_public(app.db.pool(), network.id).await?;
    if !published {
        viewer.require_read_network(&scope(&network))?;
    }
    render_minutes(&app, &viewer, (&meeting, &network), Refused::default()).await
}

#[derive(Debug, Default, Deserialize)]
pub struct NotesForm {
    #[serde(default)]
    pub item_id: String,
    #[serde(default)]
    pub notes: String,
}

pub async fn save_notes(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(form): Form<NotesForm>,
) -> AppResult<Response> {
    let (meeting, network) = load_meeting(&app, id).await?;
    let user = require_writer(&app, &viewer, &meeting).await?;
    check_editable(&meeting)?;
    let item = find_agenda_item(&app, &meeting, &form.item_id).await?;
    let mut v = Validator::new();
    let notes = v.text("notes", &form.notes, false, 20_000);
    if !v.is_ok() {
        let refused = Refused {
            item_id: Some(item.id),
            notes: Some(&form.notes),
            errors: v.errors,
            ..Refused::default()
        };
        return render_minutes(&app, &viewer, (&meeting, &network), refused).await;
    }
    let mut tx = app.db.begin().await?;
    store::save_notes(&mut tx, Actor::User(user), &meeting, item.id, &notes).await?;
    tx.commit().await?;
    Ok(saved(
        &format!("/conferences/{}/minutes", meeting.id),
        "min-notes-saved",
    ))
}

pub async fn add_decision(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(form): Form<DecisionForm>,
) -> AppResult<Response> {
    let (meeting, network) = load_meeting(&app, id).await?;
    let user = require_writer(&app, &viewer, &meeting).await?;
    check_editable(&meeting)?;
    let item = find_agenda_item(&app, &meeting, &form.item_id).await?;
    let (text, votes) = match form.validate() {
        Ok(v) => v,
        Err(errors) => {
            let refused = Refused {
                item_id: Some(item.id),
                decision: Some(&form),
                errors,
                ..Refused::default()
            };
            return render_minutes(&app, &viewer, (&meeting, &network), refused).await;
        }
    };
    let mut tx = app.db.begin().await?;
    store::add_decision(&mut tx, Actor::User(user), &meeting, item.id, &text, votes).await?;
    tx.commit().await?;
    Ok(saved(
        &format!("/conferences/{}/minutes", meeting.id),
        "min-decision-added",
    ))
}

#[derive(Debug, Default, Deserialize)]
pub struct DecisionAction {
    #[serde(default)]
    pub decision_id: String,
}

pub async fn delete_decision(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(action): Form<DecisionAction>,
) -> AppResult<Response> {
    let (meeting, _) = load_meeting(&app, id).await?;
    let user = require_writer(&app, &viewer, &meeting).await?;
    check_editable(&meeting)?;
    let decision_id: i64 = action
        .decision_id
        .trim()
        .parse()
        .map_err(|_| AppError::not_found())?;
    let decision = store::decisions(app.db.pool(), meeting.id)
        .await?
        .into_iter()
        .find(|d| d.id == decision_id)
        .ok_or_else(AppError::not_found)?;
    let mut tx = app.db.begin().await?;
    store::delete_decision(&mut tx, Actor::User(user), &meeting, &decision).await?;
    tx.commit().await?;
    Ok(saved(
        &format!("/conferences/{}/minutes", meeting.id),
        "min-decision-deleted",
    ))
}

/// Sends the draft to every member contact with an e-mail address and
/// opens it for comments.
pub async fn circulate(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let (meeting, network) = load_meeting(&app, id).await?;
    let user = require_writer(&app, &viewer, &meeting).await?;
    check_editable(&meeting)?;
    if meeting.minutes_state != MINUTES_DRAFT {
        return Err(AppError::conflict("wrong_state", "min-err-circulate-state"));
    }
    let lang = Lang::De;
    let link = format!("{}/conferences/{}/minutes", app.config.base(), meeting.id);
    let mut tx = app.db.begin().await?;
    store::set_minutes_state(&mut tx, Actor::User(user), &meeting, MINUTES_CIRCULATED).await?;
    for r in store::recipients(&mut *tx, network.id).await? {
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
    Ok(saved(
        &format!("/conferences/{}/minutes", meeting.id),
        "min-circulated",
    ))
}

/// Approval (usually at the next conference) locks the minutes.
pub async fn approve(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let (meeting, network) = load_meeting(&app, id).await?;
    let user = viewer.require_manage_network(network.id)?;
    check_editable(&meeting)?;
    if meeting.minutes_state != MINUTES_CIRCULATED {
        return Err(AppError::conflict("wrong_state", "min-err-approve-state"));
    }
    let mut tx = app.db.begin().await?;
    store::set_minutes_state(&mut tx, Actor::User(user), &meeting, MINUTES_APPROVED).await?;
    tx.commit().await?;
    Ok(saved(
        &format!("/conferences/{}/minutes", meeting.id),
        "min-approved",
    ))
}

#[derive(Debug, Default, Deserialize)]
pub struct CommentForm {
    #[serde(default)]
    pub body: String,
}

pub async fn add_comment(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(form): Form<CommentForm>,
) -> AppResult<Response> {
    let (meeting, network) = load_meeting(&app, id).await?;
    let user = viewer.require_take_part(network.id)?;
    if meeting.minutes_state != MINUTES_CIRCULATED {
        return Err(AppError::conflict("wrong_state", "min-err-comment-state"));
    }
    let mut v = Validator::new();
    let body = v.text("body", &form.body, true, 4000);
    if !v.is_ok() {
        let refused = Refused {
            comment: Some(&form.body),
            errors: v.errors,
            ..Refused::default()
        };
        return render_minutes(&app, &viewer, (&meeting, &network), refused).await;
    }
    let mut tx = app.db.begin().await?;
    store::add_comment(&mut tx, Actor::User(user), &meeting, user.id, &body).await?;
    tx.commit().await?;
    Ok(saved(
        &format!("/conferences/{}/minutes", meeting.id),
        "min-comment-added",
    ))
}

#[derive(Debug, Default, Deserialize)]
pub struct VisibilityForm {
    #[serde(default)]
    pub minutes_public: String,
}

/// The network's choice whether approved minutes are public.
pub async fn set_visibility(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(form): Form<VisibilityForm>,
) -> AppResult<Response> {
    let (meeting, network) = load_meeting(&app, id).await?;
    let user = viewer.require_manage_network(network.id)?;
    let public = !form.minutes_public.trim().is_empty();
    let mut tx = app.db.begin().await?;
    store::set_minutes_public(&mut tx, Actor::User(user), network.id, public).await?;
    tx.commit().await?;
    Ok(saved(
        &format!("/conferences/{}/minutes", meeting.id),
        "min-visibility-saved",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(text: &str, votes: [&str; 3]) -> DecisionForm {
        DecisionForm {
            item_id: "1".into(),
            text: text.into(),
            votes_yes: votes[0].into(),
            votes_no: votes[1].into(),
            votes_abstain: votes[2].into(),
        }
    }

    #[test]
    fn votes_are_all_three_or_none_and_not_negative() {
        assert_eq!(
            form("Beschlossen", ["", "", ""]).validate().unwrap().1,
            None
        );
        assert_eq!(
            form("Beschlossen", ["12", "0", "3"]).validate().unwrap().1,
            Some((12, 0, 3))
        );
        let partial = form("Beschlossen", ["12", "", "3"]).validate().unwrap_err();
        assert!(partial.contains_key("votes_no"));
        let negative = form("Beschlossen", ["-1", "2", "3"])
            .validate()
            .unwrap_err();
        assert!(negative.contains_key("votes_yes"));
        assert!(
            form(" ", ["", "", ""])
                .validate()
                .unwrap_err()
                .contains_key("text")
        );
    }
}
