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
        ids::{DecisionId, MeetingId, NetworkId, OrganizationId},
        store::Db,
    },
    offers::{
        model::Status,
        store::{self as offer_store, contact_points, places},
    },
};

pub use crate::conferences::registry::{Access, Network, Organization, id, members, network};

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
    use crate::accounts::model::Role;
    let mut emails: Vec<String> = crate::accounts::store::list_users(db)
        .await?
        .into_iter()
        .filter(|u| u.role == Role::Coordinator && u.network_id == Some(network_id.get()))
        .map(|u| u.email)
        .collect();
    emails.sort();
    emails.dedup();
    Ok(emails)
}
