//! What coordination needs from the capabilities below it: the network and
//! who may see or manage it (the conferences' access decisions), the member
//! organisations, the municipalities of the Kreis, the published offers
//! that cover cells of the matrix, and the decisions in the minutes of the
//! network's meetings. Every call into those capabilities is here, so a
//! change of theirs is answered in one file.

use sqlx::Row;

use crate::{
    coordination::responsibilities::matrix::Covering,
    core::{
        error::AppResult,
        ids::{DecisionId, MeetingId, NetworkId, OrganizationId, ProposalId},
        store::Db,
    },
    offers::{
        model::Status,
        store::{self as offer_store, contact_points, places},
    },
};

pub use crate::conferences::registry::{
    Access, Contact, Network, Organization, contacts, id, members, network, networks,
};

/// The municipalities of the network's Kreis as (key, name), by key.
pub async fn municipalities(db: &Db, network: &Network) -> AppResult<Vec<(String, String)>> {
    Ok(places::municipalities(db.pool(), &network.region_key).await?)
}

/// The member organisations' ids.
pub async fn member_ids(db: &Db, network_id: NetworkId) -> AppResult<Vec<OrganizationId>> {
    crate::conferences::registry::member_ids(db, network_id).await
}

/// What the network's published offers cover: their own places, and as
/// contact points their service area (a few queries whatever the size).
pub async fn coverings(db: &Db, network: &Network) -> AppResult<Vec<Covering>> {
    let offers = offer_store::offers(db.pool(), id(network), Some(Status::Published)).await?;
    let points = contact_points::published_in(db.pool(), &network.region_key).await?;
    let names: std::collections::HashMap<OrganizationId, String> = members(db, id(network))
        .await?
        .into_iter()
        .map(|o| (OrganizationId(o.id), o.name))
        .collect();
    Ok(offers
        .into_iter()
        .map(|o| {
            let point = points
                .iter()
                .find(|(p, _, _)| p.id == o.id)
                .map(|(_, _, point)| point.clone())
                .unwrap_or_default();
            Covering {
                organization_id: o.organization_id,
                organization: names.get(&o.organization_id).cloned().unwrap_or_default(),
                field: o.record.field,
                target_groups: o.record.target_groups,
                places: o
                    .record
                    .places
                    .iter()
                    .filter_map(|p| p.municipality_key.clone())
                    .collect(),
                whole_kreis: point.whole_kreis,
                area: point.municipalities,
            }
        })
        .collect())
}

/// A decision in the minutes, with the meeting it was taken in.
#[derive(Clone, Debug, serde::Serialize)]
pub struct DecisionRef {
    pub id: DecisionId,
    pub network_id: NetworkId,
    pub meeting_id: MeetingId,
    pub meeting_title: String,
    pub meeting_starts_at: Option<i64>,
    pub text: String,
}

const DECISIONS: &str = "SELECT d.id, d.text, m.id AS meeting_id, m.network_id, m.title, m.starts_at
     FROM decisions d JOIN agenda_items i ON i.id = d.agenda_item_id JOIN meetings m ON m.id = i.meeting_id";

fn decision_from(r: &sqlx::any::AnyRow) -> DecisionRef {
    DecisionRef {
        id: DecisionId(r.get("id")),
        network_id: NetworkId(r.get("network_id")),
        meeting_id: MeetingId(r.get("meeting_id")),
        meeting_title: r.get("title"),
        meeting_starts_at: r.get("starts_at"),
        text: r.get("text"),
    }
}

/// Every decision of the network's meetings, newest meeting first.
pub async fn decisions(db: &Db, network_id: NetworkId) -> AppResult<Vec<DecisionRef>> {
    let rows = sqlx::query(&format!(
        "{DECISIONS} WHERE m.network_id = $1 ORDER BY m.starts_at DESC, m.id DESC, i.position, d.position, d.id"
    ))
    .bind(network_id.get())
    .fetch_all(db.pool())
    .await?;
    Ok(rows.iter().map(decision_from).collect())
}

/// One decision, whichever network took it.
pub async fn decision(db: &Db, id: DecisionId) -> AppResult<Option<DecisionRef>> {
    let row = sqlx::query(&format!("{DECISIONS} WHERE d.id = $1"))
        .bind(id.get())
        .fetch_optional(db.pool())
        .await?;
    Ok(row.as_ref().map(decision_from))
}

/// The e-mail addresses of the network's coordinators.
pub async fn coordinator_emails(db: &Db, network_id: NetworkId) -> AppResult<Vec<String>> {
    let mut emails: Vec<String> = crate::accounts::store::coordinators_of(db, network_id.get())
        .await?
        .into_iter()
        .map(|u| u.email)
        .collect();
    emails.sort();
    emails.dedup();
    Ok(emails)
}

/// The organisation of the network's (first) coordinator: the address on
/// the network's letters. A coordinator account without an organisation
/// works, as a rule, at the county office: then its member of that
/// category.
pub async fn coordinator_organization(
    db: &Db,
    network_id: NetworkId,
) -> AppResult<Option<Organization>> {
    let first_with_organization = crate::accounts::store::coordinators_of(db, network_id.get())
        .await?
        .into_iter()
        .find_map(|u| u.organization_id);
    let members = members(db, network_id).await?;
    let by_account = first_with_organization.and_then(|id| members.iter().find(|o| o.id == id));
    let county_office = || {
        members
            .iter()
            .find(|o| o.category == crate::network::model::Category::CountyOffice)
    };
    Ok(by_account.or_else(county_office).cloned())
}

pub use crate::conferences::model::Meeting;

/// The next meeting of the network whose agenda can still change: the
/// earliest still to come, else the first not yet dated (its date poll
/// still open).
pub async fn next_meeting(db: &Db, network_id: NetworkId) -> AppResult<Option<Meeting>> {
    let now = crate::core::store::now();
    let mut open: Vec<Meeting> = crate::conferences::store::meetings(db.pool(), network_id)
        .await?
        .into_iter()
        .filter(|m| m.before_the_day() && m.starts_at.is_none_or(|t| t >= now))
        .collect();
    open.sort_by_key(|m| (m.starts_at.is_none(), m.starts_at, m.id));
    Ok(open.into_iter().next())
}

/// A proposal for a meeting's agenda in the caller's transaction, decided
/// by the coordinator on the agenda page like any member's proposal.
pub async fn propose_agenda_item(
    tx: &mut crate::core::store::Tx,
    user: &crate::accounts::model::User,
    meeting: &Meeting,
    title: String,
    description: String,
) -> AppResult<ProposalId> {
    let record = crate::conferences::model::ProposalRecord {
        organization_id: None,
        title,
        description,
        duration_minutes: 15,
    };
    Ok(crate::conferences::store::add_proposal(
        tx,
        crate::core::audit::Actor::User(user),
        meeting,
        crate::conferences::registry::user_id(user),
        &record,
    )
    .await?)
}

/// An agenda proposal as coordination shows it: open or decided, for
/// which meeting.
#[derive(Clone, Debug, serde::Serialize)]
pub struct ProposalRef {
    pub id: ProposalId,
    /// `open`, `accepted` or `declined`.
    pub state: String,
    pub meeting_id: MeetingId,
    pub meeting_title: String,
    pub meeting_starts_at: Option<i64>,
}

/// The agenda proposals of the network's meetings, by id.
pub async fn proposals(
    db: &Db,
    network_id: NetworkId,
) -> AppResult<std::collections::HashMap<ProposalId, ProposalRef>> {
    let rows = sqlx::query(
        "SELECT p.id, p.state, m.id AS meeting_id, m.title, m.starts_at
         FROM agenda_proposals p JOIN meetings m ON m.id = p.meeting_id WHERE m.network_id = $1",
    )
    .bind(network_id.get())
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .iter()
        .map(|r| {
            let id = ProposalId(r.get("id"));
            let p = ProposalRef {
                id,
                state: r.get("state"),
                meeting_id: MeetingId(r.get("meeting_id")),
                meeting_title: r.get("title"),
                meeting_starts_at: r.get("starts_at"),
            };
            (id, p)
        })
        .collect())
}

/// The codes of the situation analysis's indicator catalogue.
pub fn indicator_codes() -> Vec<&'static str> {
    crate::monitoring::indicators::catalogue::CATALOGUE
        .iter()
        .map(|i| i.code)
        .collect()
}

/// An indicator's name in the language (German, else English) and unit.
pub fn indicator_label(code: &str, lang: crate::core::i18n::Lang) -> (String, String) {
    match crate::monitoring::indicators::catalogue::find(code) {
        Some(i) if lang == crate::core::i18n::Lang::De => (i.name_de.into(), i.unit.into()),
        Some(i) => (i.name_en.into(), i.unit.into()),
        None => (code.into(), String::new()),
    }
}

/// The latest value of an indicator's series for a region (the total, not
/// a category of a breakdown), with its period and source; `None` when
/// the statistics have no value for it.
pub async fn latest_value(
    db: &Db,
    code: &str,
    region: &str,
) -> AppResult<Option<(f64, String, String)>> {
    use crate::monitoring::{indicators, service::shipped};
    let Some(indicator) = indicators::catalogue::find(code) else {
        return Ok(None);
    };
    shipped::ensure_loaded(db)
        .await
        .map_err(crate::core::error::AppError::internal)?;
    let points = indicators::series::series(db, indicator, region, None).await?;
    // Oldest period first: the last with a value is the current one.
    Ok(points
        .into_iter()
        .filter(|p| p.category.is_none())
        .filter_map(|p| p.value.map(|v| (v, p.period, p.source)))
        .next_back())
}

pub use crate::conferences::actions::model::ActionItem;

/// Every action item of the network's conferences, whatever its status.
pub async fn action_items(db: &Db, network_id: NetworkId) -> AppResult<Vec<ActionItem>> {
    use crate::conferences::actions::{model::BoardFilter, model::Status, store};
    let filter = BoardFilter {
        statuses: Some(Status::ALL.to_vec()),
        ..BoardFilter::default()
    };
    Ok(store::board(db.pool(), network_id, &filter).await?)
}

/// One action item, whichever network it belongs to.
pub async fn action_item(
    db: &Db,
    id: crate::core::ids::ActionItemId,
) -> AppResult<Option<ActionItem>> {
    Ok(crate::conferences::actions::store::item(db.pool(), id).await?)
}

/// A funding call of the network's bulletin.
#[derive(Clone, Debug, serde::Serialize)]
pub struct FundingCall {
    pub id: i64,
    pub title: String,
    /// `YYYY-MM-DD`.
    pub deadline_on: Option<String>,
}

/// The network's published and archived funding calls, latest deadline
/// first (a project may be funded by a call whose deadline has passed).
pub async fn funding_calls(db: &Db, network_id: NetworkId) -> AppResult<Vec<FundingCall>> {
    let rows = sqlx::query(
        "SELECT id, title, deadline_on FROM posts
         WHERE network_id = $1 AND kind = 'funding_call' AND status IN ('published', 'archived')
         ORDER BY deadline_on DESC, id DESC",
    )
    .bind(network_id.get())
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .iter()
        .map(|r| FundingCall {
            id: r.get("id"),
            title: r.get("title"),
            deadline_on: r.get("deadline_on"),
        })
        .collect())
}
