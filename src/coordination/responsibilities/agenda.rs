//! One click from an unconfirmed cell to the next conference: the
//! coordinator proposes an item for the agenda of the network's next
//! meeting that names the providers of the covering offers as proposed
//! lead (the one with the most offers there) and involved organisations.
//! The conference decides it like any proposal; the matrix shows the cell
//! as proposed meanwhile, and a second click for it is refused.

use std::collections::HashMap;

use serde::Deserialize;
use serde_json::json;

use super::{
    matrix::proposed_parties,
    model::{FIELDS, Role, TARGET_GROUPS},
    service::{Loaded, today},
    store::{self, CellProposal},
};
use crate::{
    accounts::model::User,
    coordination::registry::{self, Network, ProposalRef},
    core::{
        audit::{self, Actor, Change},
        error::{AppError, AppResult, FieldErrors, Msg},
        i18n::Lang,
        ids::NetworkId,
        store::now,
        web::App,
    },
};

/// The cell the button names.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct CellInput {
    /// A municipality key of the Kreis, or `kreis`.
    #[serde(default)]
    pub municipality: String,
    #[serde(default)]
    pub field: String,
    #[serde(default)]
    pub target_group: String,
}

/// The key of a cell in the page's map of proposals.
pub fn cell_key(municipality: Option<&str>, field: &str, group: &str) -> String {
    format!("{}|{field}|{group}", municipality.unwrap_or("kreis"))
}

/// A checked cell: the municipality (key and name; `None`: the Kreis),
/// the field and the target group.
type Cell = (Option<(String, String)>, String, String);

impl CellInput {
    /// The municipality (`None`: the Kreis), field and target group.
    fn validate(&self, municipalities: &[(String, String)]) -> Result<Cell, FieldErrors> {
        let mut errors = FieldErrors::new();
        let municipality = match self.municipality.trim() {
            "" | "kreis" => None,
            key => match municipalities.iter().find(|(k, _)| k == key) {
                Some(m) => Some(m.clone()),
                None => {
                    errors.insert("municipality".into(), Msg::new("resp-err-municipality"));
                    None
                }
            },
        };
        let field = self.field.trim();
        if !FIELDS.contains(&field) {
            errors.insert(
                "field".into(),
                Msg::new("resp-err-field").arg("valid", FIELDS.join(", ")),
            );
        }
        let group = self.target_group.trim();
        if !TARGET_GROUPS.contains(&group) {
            errors.insert(
                "target_group".into(),
                Msg::new("resp-err-target-group").arg("valid", TARGET_GROUPS.join(", ")),
            );
        }
        if errors.is_empty() {
            Ok((municipality, field.into(), group.into()))
        } else {
            Err(errors)
        }
    }
}

/// Whether a proposal still stands for its meeting: not declined, and
/// its meeting not yet past.
fn standing(p: &ProposalRef, at: i64) -> bool {
    p.state != "declined" && p.meeting_starts_at.is_none_or(|t| t >= at)
}

/// The cells on (or proposed for) an agenda still to come, by
/// [`cell_key`].
pub async fn on_agenda(
    app: &App,
    network_id: NetworkId,
) -> AppResult<HashMap<String, ProposalRef>> {
    let proposals = registry::proposals(&app.db, network_id).await?;
    let at = now();
    Ok(store::cell_proposals(app.db.pool(), network_id)
        .await?
        .into_iter()
        .filter_map(|c| {
            let p = proposals.get(&c.proposal_id).filter(|p| standing(p, at))?;
            let key = cell_key(c.municipality_key.as_deref(), &c.field, &c.target_group);
            Some((key, p.clone()))
        })
        .collect())
}

/// Proposes the cell for the next meeting's agenda; returns that meeting's
/// proposal. A cell that is not unconfirmed today, one already proposed,
/// or a network without a coming meeting is a 409.
pub async fn propose(
    app: &App,
    user: &User,
    network: &Network,
    input: &CellInput,
    lang: Lang,
) -> AppResult<ProposalRef> {
    let network_id = registry::id(network);
    let loaded = Loaded::of(app, network, today()).await?;
    let (municipality, field, group) = input
        .validate(&loaded.municipalities)
        .map_err(AppError::invalid)?;
    let key = municipality.as_ref().map(|(k, _)| k.as_str());
    let scope = municipality.as_ref().map(|(k, n)| (k.as_str(), n.as_str()));
    let cell = loaded.grid().cell(scope, &field, &group);
    if !cell.unconfirmed {
        return Err(AppError::conflict(
            "not_unconfirmed",
            "resp-err-not-unconfirmed",
        ));
    }
    if let Some(p) = on_agenda(app, network_id)
        .await?
        .get(&cell_key(key, &field, &group))
    {
        return Err(AppError::conflict(
            "already_proposed",
            Msg::new("resp-err-already-proposed").arg("meeting", &p.meeting_title),
        ));
    }
    let Some(meeting) = registry::next_meeting(&app.db, network_id).await? else {
        return Err(AppError::conflict("no_meeting", "resp-err-no-meeting"));
    };
    let parties = proposed_parties(&loaded.coverings, key, &field, &group);
    let area = municipality
        .as_ref()
        .map_or(network.region_name.clone(), |(_, n)| n.clone());
    let title = lang.t_args(
        "resp-agenda-title",
        &[
            ("field".into(), lang.t(&format!("offer-field-{field}"))),
            ("group".into(), lang.t(&format!("offer-group-{group}"))),
            ("area".into(), area),
        ],
    );
    let mut lines = vec![lang.t("resp-agenda-intro")];
    for role in [Role::Lead, Role::Involved] {
        let names: Vec<&str> = parties
            .iter()
            .filter(|(_, r)| *r == role)
            .map(|(p, _)| p.organization.as_str())
            .collect();
        if !names.is_empty() {
            lines.push(format!(
                "{}: {}",
                lang.t(&format!("resp-role-{}", role.code())),
                names.join(", ")
            ));
        }
    }
    let mut tx = app.db.begin().await?;
    let proposal_id =
        registry::propose_agenda_item(&mut tx, user, &meeting, title, lines.join("\n")).await?;
    let cell = CellProposal {
        municipality_key: key.map(str::to_string),
        field,
        target_group: group,
        proposal_id,
    };
    store::add_cell_proposal(&mut tx, network_id, &cell).await?;
    audit::record(
        &mut tx,
        Actor::User(user),
        Change {
            network_id: Some(network.id),
            entity: "responsibility_proposal",
            entity_id: Some(proposal_id.get()),
            action: "create",
            before: None,
            after: Some(json!({
                "municipality_key": cell.municipality_key, "field": cell.field,
                "target_group": cell.target_group, "meeting_id": meeting.id,
                "parties": parties.iter().map(|(p, r)| json!({ "organization_id": p.organization_id, "role": r })).collect::<Vec<_>>(),
            })),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(ProposalRef {
        id: proposal_id,
        state: "open".into(),
        meeting_id: meeting.id,
        meeting_title: meeting.title,
        meeting_starts_at: meeting.starts_at,
    })
}
