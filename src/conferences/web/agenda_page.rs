//! The agenda page, shown by the agenda's handlers and by the proposals'
//! (a refused proposal shows the page again with its messages): the items
//! in order with their files, the coordinator's form, and the proposals.

use std::collections::BTreeMap;

use axum::response::Response;
use minijinja::{Value, context};

use crate::conferences::{
    model::{AgendaInput, Meeting, PROPOSAL_OPEN, ProposalInput},
    registry::{self, Access, Network},
    store,
};
use crate::{
    accounts::viewer::Viewer,
    core::{
        error::{AppResult, FieldErrors},
        ids::{AgendaItemId, OrganizationId},
        web::{App, forms::texts},
    },
};

use super::respond;

/// The two forms of the page as last entered: the agenda item form (with
/// the item it edits) and the proposal form.
#[derive(Default)]
pub(super) struct Forms {
    pub item: AgendaInput,
    pub editing: Option<AgendaItemId>,
    pub proposal: ProposalInput,
}

/// What the page shows of proposals: all of them to the coordinator, one's
/// own to a member; and whether the proposal form is shown.
async fn proposals(
    app: &App,
    viewer: &Viewer,
    meeting: &Meeting,
    organization_names: &BTreeMap<OrganizationId, String>,
) -> AppResult<Value> {
    let can_manage = viewer.can_manage(meeting.network_id);
    let user_id = viewer.user.as_ref().map(registry::user_id);
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
        can_propose => viewer.can_participate(meeting.network_id) && meeting.before_the_day(),
    })
}

pub(super) async fn render(
    app: &App,
    viewer: &Viewer,
    (network, meeting): (&Network, &Meeting),
    forms: Forms,
    errors: &FieldErrors,
) -> AppResult<Response> {
    let items = store::agenda(app.db.pool(), meeting.id).await?;
    let organizations = registry::members(&app.db, meeting.network_id).await?;
    let names: BTreeMap<OrganizationId, String> = organizations
        .iter()
        .map(|o| (OrganizationId(o.id), o.name.clone()))
        .collect();
    let total: i64 = items.iter().map(|i| i.duration_minutes).sum();
    let attachments = store::meeting_attachments(app.db.pool(), meeting.id).await?;
    let rows: Vec<_> = items
        .iter()
        .map(|i| {
            let proposer = i
                .proposer_organization_id
                .and_then(|o| names.get(&o).cloned());
            let files: Vec<_> = attachments
                .iter()
                .filter(|a| a.agenda_item_id == Some(i.id))
                .collect();
            context! { item => i, proposer => proposer, files => files }
        })
        .collect();
    let proposals = proposals(app, viewer, meeting, &names).await?;
    let page = app.page(
        viewer,
        "conferences/agenda.html",
        context! {
            meeting => meeting, network => network, rows => rows, total => total,
            can_manage => viewer.can_manage(meeting.network_id),
            form => &forms.item, editing => forms.editing, errors => texts(viewer, errors),
            organizations => organizations, proposals => proposals,
            proposal_form => &forms.proposal,
            max_upload_mb => app.config.max_upload_bytes.div_ceil(1024 * 1024),
        },
    )?;
    Ok(respond(page, errors))
}
