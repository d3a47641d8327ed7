//! Agenda items proposed by members: any member of the network proposes
//! for a planned or invited meeting; the coordinator accepts (the item
//! joins the agenda with the proposer's organisation) or declines with a
//! note. Shown on the agenda page.

use std::collections::BTreeMap;

use axum::{
    Form,
    extract::{Path, State},
    response::Response,
};
use minijinja::{Value, context};
use serde::{Deserialize, Serialize};

use crate::conferences::{
    model::{Meeting, State as MeetingState},
    store::{
        self, AgendaRecord, PROPOSAL_ACCEPTED, PROPOSAL_DECLINED, PROPOSAL_OPEN, ProposalRecord,
    },
};
use crate::{
    accounts::viewer::Viewer,
    core::{
        audit::Actor,
        error::{AppError, AppResult, FieldErrors, Msg},
        web::{App, forms::Validator},
    },
    network::web::saved,
};

use super::agenda::DURATION_RANGE;
use super::*;

#[derive(Debug, Default, Deserialize, Serialize)]
pub struct ProposalForm {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub duration_minutes: String,
}

impl ProposalForm {
    fn validate(&self) -> Result<(String, String, i64), FieldErrors> {
        let mut v = Validator::new();
        let title = v.text("proposal_title", &self.title, true, 200);
        let description = v.text("proposal_description", &self.description, false, 4000);
        let (min, max) = DURATION_RANGE;
        let duration = match self.duration_minutes.trim().parse::<i64>() {
            Ok(d) if (min..=max).contains(&d) => d,
            _ => {
                v.add(
                    "proposal_duration_minutes",
                    Msg::new("conf-err-rhythm").arg("min", min).arg("max", max),
                );
                0
            }
        };
        if !v.is_ok() {
            return Err(v.errors);
        }
        Ok((title, description, duration))
    }
}

/// Proposals may be made while the agenda can still change.
fn open_for_proposals(meeting: &Meeting) -> bool {
    matches!(meeting.state, MeetingState::Planned | MeetingState::Invited)
}

/// What the agenda page shows of proposals: all of them to the
/// coordinator, one's own to a member; and whether the form is shown.
pub(super) async fn proposals_context(
    app: &App,
    viewer: &Viewer,
    meeting: &Meeting,
    organization_names: &BTreeMap<i64, String>,
) -> AppResult<Value> {
    let can_manage = viewer.can_manage_network(meeting.network_id);
    let user_id = viewer.user.as_ref().map(|u| u.id);
    let list: Vec<Value> = store::proposals(app.db.pool(), meeting.id)
        .await?
        .into_iter()
        .filter(|p| can_manage || (user_id.is_some() && p.proposed_by == user_id))
        .map(|p| {
            let organization = p
                .organization_id
                .and_then(|o| organization_names.get(&o).cloned());
            context! { proposal => p, organization => organization, open => p.state == PROPOSAL_OPEN }
        })
        .collect();
    Ok(context! {
        list => list,
        can_propose => viewer.can_take_part(meeting.network_id) && open_for_proposals(meeting),
    })
}

pub async fn propose(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(form): Form<ProposalForm>,
) -> AppResult<Response> {
    let (meeting, network) = load_meeting(&app, id).await?;
    let user = viewer.require_take_part(network.id)?;
    if !open_for_proposals(&meeting) {
        return Err(AppError::conflict("wrong_state", "min-err-proposal-state"));
    }
    let (title, description, duration) = match form.validate() {
        Ok(v) => v,
        Err(errors) => {
            let agenda_form = AgendaForm {
                duration_minutes: "15".into(),
                ..AgendaForm::default()
            };
            return render_agenda_with(
                &app,
                &viewer,
                (&meeting, &network),
                (&agenda_form, &form),
                &errors,
            )
            .await;
        }
    };
    // A member proposes for their organisation (when it is a member).
    let ids = member_ids(&app, network.id).await?;
    let organization_id = user.organization_id.filter(|o| ids.contains(o));
    let record = ProposalRecord {
        organization_id,
        title,
        description,
        duration_minutes: duration,
    };
    let mut tx = app.db.begin().await?;
    store::add_proposal(&mut tx, Actor::User(user), &meeting, user.id, &record).await?;
    tx.commit().await?;
    Ok(saved(
        &format!("/conferences/{}/agenda", meeting.id),
        "min-proposal-added",
    ))
}

#[derive(Debug, Default, Deserialize)]
pub struct ProposalDecisionForm {
    #[serde(default)]
    pub proposal_id: String,
    /// `accept` or `decline`.
    #[serde(default)]
    pub decision: String,
    #[serde(default)]
    pub note: String,
}

pub async fn decide_proposal(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(form): Form<ProposalDecisionForm>,
) -> AppResult<Response> {
    let (meeting, network) = load_meeting(&app, id).await?;
    let user = viewer.require_manage_network(network.id)?;
    let proposal_id: i64 = form
        .proposal_id
        .trim()
        .parse()
        .map_err(|_| AppError::not_found())?;
    let proposal = store::proposals(app.db.pool(), meeting.id)
        .await?
        .into_iter()
        .find(|p| p.id == proposal_id)
        .ok_or_else(AppError::not_found)?;
    if proposal.state != PROPOSAL_OPEN {
        return Err(AppError::conflict("decided", "min-err-proposal-decided"));
    }
    let mut v = Validator::new();
    let note = v.text("note", &form.note, false, 2000);
    let accept = match form.decision.as_str() {
        "accept" => true,
        "decline" => {
            if note.is_empty() {
                v.add("note", Msg::new("min-err-decline-note"));
            }
            false
        }
        _ => return Err(AppError::bad_request("invalid_request", "min-err-decision")),
    };
    if !v.is_ok() {
        return Err(AppError::invalid(v.errors));
    }
    let mut tx = app.db.begin().await?;
    let (state, item_id, notice) = if accept {
        let record = AgendaRecord {
            title: proposal.title.clone(),
            description: proposal.description.clone(),
            proposer_organization_id: proposal.organization_id,
            duration_minutes: proposal.duration_minutes,
            is_public: false,
        };
        let item = store::add_agenda_item(&mut tx, Actor::User(user), &meeting, &record).await?;
        (PROPOSAL_ACCEPTED, Some(item), "min-proposal-accepted")
    } else {
        (PROPOSAL_DECLINED, None, "min-proposal-declined")
    };
    if !store::decide_proposal(
        &mut tx,
        Actor::User(user),
        &meeting,
        &proposal,
        (state, &note, item_id),
    )
    .await?
    {
        return Err(AppError::conflict("decided", "min-err-proposal-decided"));
    }
    tx.commit().await?;
    Ok(saved(
        &format!("/conferences/{}/agenda", meeting.id),
        notice,
    ))
}
