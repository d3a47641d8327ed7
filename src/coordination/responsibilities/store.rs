//! SQL on the responsibility tables only.

use std::collections::HashMap;

use sqlx::{Any, Executor, Row, any::AnyRow};

use super::model::{Agreement, AgreementRecord, Party, Role};
use crate::core::{
    ids::{AgreementId, DecisionId, NetworkId, OrganizationId, ProposalId},
    store::{Backend, Db, Tx, now},
};

const COLUMNS: &str = "a.id, a.network_id, a.municipality_key, a.field, a.target_group, a.valid_from, a.valid_until, a.decision_id, a.note, a.created_at, a.updated_at,
    (SELECT name FROM regions r WHERE r.key = a.municipality_key) AS municipality_name";

fn agreement_from(r: &AnyRow) -> Agreement {
    Agreement {
        id: AgreementId(r.get("id")),
        network_id: NetworkId(r.get("network_id")),
        municipality_key: r.get("municipality_key"),
        municipality_name: r.get("municipality_name"),
        field: r.get("field"),
        target_group: r.get("target_group"),
        valid_from: r.get("valid_from"),
        valid_until: r.get("valid_until"),
        decision_id: r.get::<Option<i64>, _>("decision_id").map(DecisionId),
        note: r.get("note"),
        parties: Vec::new(),
        created_at: r.get("created_at"),
        updated_at: r.get("updated_at"),
    }
}

/// Fills in the parties of the agreements, in one query.
async fn with_parties<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    network_id: NetworkId,
    mut list: Vec<Agreement>,
) -> Result<Vec<Agreement>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT p.agreement_id, p.organization_id, p.role, o.name
         FROM responsibility_parties p
         JOIN responsibility_agreements a ON a.id = p.agreement_id
         JOIN organizations o ON o.id = p.organization_id
         WHERE a.network_id = $1 ORDER BY p.role, o.name, p.organization_id",
    )
    .bind(network_id.get())
    .fetch_all(ex)
    .await?;
    let mut parties: HashMap<i64, Vec<Party>> = HashMap::new();
    for r in rows {
        let Some(role) = Role::parse(r.get("role")) else {
            continue;
        };
        parties
            .entry(r.get("agreement_id"))
            .or_default()
            .push(Party {
                organization_id: OrganizationId(r.get("organization_id")),
                organization: r.get("name"),
                role,
            });
    }
    // Lead first, then involved, then informed (the text order of the
    // codes is not that order).
    for a in &mut list {
        let mut own = parties.remove(&a.id.get()).unwrap_or_default();
        own.sort_by(|x, y| (x.role, &x.organization).cmp(&(y.role, &y.organization)));
        a.parties = own;
    }
    Ok(list)
}

/// Every agreement of a network with its parties, by cell and start, read
/// as one JSON array built by the database: the SQLite driver hands rows
/// over one by one across threads (several microseconds each), so the
/// 2,000 agreements and 6,000 parties of a large Kreis took 60–80 ms as
/// rows and take about 20 ms as one value (`bench/README.md`).
pub async fn agreements(db: &Db, network_id: NetworkId) -> Result<Vec<Agreement>, sqlx::Error> {
    let sql = match db.backend() {
        Backend::Sqlite => {
            "SELECT json_group_array(json_array(a.id, a.municipality_key, a.field, a.target_group,
                a.valid_from, a.valid_until, a.decision_id, a.note, a.created_at, a.updated_at,
                (SELECT name FROM regions r WHERE r.key = a.municipality_key),
                json((SELECT json_group_array(json_array(p.organization_id, p.role, o.name))
                      FROM responsibility_parties p JOIN organizations o ON o.id = p.organization_id
                      WHERE p.agreement_id = a.id)))
                ORDER BY a.municipality_key, a.field, a.target_group, a.valid_from, a.id)
             FROM responsibility_agreements a WHERE a.network_id = $1"
        }
        Backend::Postgres => {
            "SELECT COALESCE(json_agg(json_build_array(a.id, a.municipality_key, a.field, a.target_group,
                a.valid_from, a.valid_until, a.decision_id, a.note, a.created_at, a.updated_at,
                (SELECT name FROM regions r WHERE r.key = a.municipality_key),
                (SELECT COALESCE(json_agg(json_build_array(p.organization_id, p.role, o.name)), '[]'::json)
                 FROM responsibility_parties p JOIN organizations o ON o.id = p.organization_id
                 WHERE p.agreement_id = a.id))
                ORDER BY a.municipality_key NULLS FIRST, a.field, a.target_group, a.valid_from, a.id), '[]'::json)::text
             FROM responsibility_agreements a WHERE a.network_id = $1"
        }
    };
    let json: String = sqlx::query_scalar(sql)
        .bind(network_id.get())
        .fetch_one(db.pool())
        .await?;
    type Row = (
        i64,
        Option<String>,
        String,
        String,
        String,
        Option<String>,
        Option<i64>,
        String,
        i64,
        i64,
        Option<String>,
        Vec<(i64, String, String)>,
    );
    let rows: Vec<Row> = serde_json::from_str(&json).map_err(|e| sqlx::Error::Decode(e.into()))?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let mut parties: Vec<Party> =
                r.11.into_iter()
                    .filter_map(|(organization_id, role, organization)| {
                        Some(Party {
                            organization_id: OrganizationId(organization_id),
                            organization,
                            role: Role::parse(&role)?,
                        })
                    })
                    .collect();
            parties.sort_by(|x, y| (x.role, &x.organization).cmp(&(y.role, &y.organization)));
            Agreement {
                id: AgreementId(r.0),
                network_id,
                municipality_key: r.1,
                field: r.2,
                target_group: r.3,
                valid_from: r.4,
                valid_until: r.5,
                decision_id: r.6.map(DecisionId),
                note: r.7,
                created_at: r.8,
                updated_at: r.9,
                municipality_name: r.10,
                parties,
            }
        })
        .collect())
}

/// One agreement with its parties.
pub async fn agreement<'e, E: Executor<'e, Database = Any> + Copy>(
    ex: E,
    id: AgreementId,
) -> Result<Option<Agreement>, sqlx::Error> {
    let Some(row) = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM responsibility_agreements a WHERE a.id = $1"
    ))
    .bind(id.get())
    .fetch_optional(ex)
    .await?
    else {
        return Ok(None);
    };
    let a = agreement_from(&row);
    let network_id = a.network_id;
    Ok(with_parties(ex, network_id, vec![a]).await?.pop())
}

/// The agreements of one cell, read in the caller's transaction (for the
/// overlap check).
pub async fn in_cell(
    tx: &mut Tx,
    network_id: NetworkId,
    record: &AgreementRecord,
) -> Result<Vec<Agreement>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM responsibility_agreements a
         WHERE a.network_id = $1 AND a.field = $2 AND a.target_group = $3
         AND COALESCE(a.municipality_key, '') = $4 ORDER BY a.id"
    ))
    .bind(network_id.get())
    .bind(&record.field)
    .bind(&record.target_group)
    .bind(record.municipality_key.clone().unwrap_or_default())
    .fetch_all(&mut **tx)
    .await?;
    let list: Vec<Agreement> = rows.iter().map(agreement_from).collect();
    with_parties(&mut **tx, network_id, list).await
}

async fn insert_parties(
    tx: &mut Tx,
    id: AgreementId,
    record: &AgreementRecord,
) -> Result<(), sqlx::Error> {
    for (organization_id, role) in &record.parties {
        sqlx::query(
            "INSERT INTO responsibility_parties (agreement_id, organization_id, role) VALUES ($1, $2, $3)",
        )
        .bind(id.get())
        .bind(organization_id.get())
        .bind(role.code())
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

pub async fn create(
    tx: &mut Tx,
    network_id: NetworkId,
    record: &AgreementRecord,
) -> Result<AgreementId, sqlx::Error> {
    let at = now();
    let id: i64 = sqlx::query(
        "INSERT INTO responsibility_agreements
         (network_id, municipality_key, field, target_group, valid_from, valid_until, decision_id, note, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id",
    )
    .bind(network_id.get())
    .bind(record.municipality_key.clone())
    .bind(&record.field)
    .bind(&record.target_group)
    .bind(&record.valid_from)
    .bind(record.valid_until.clone())
    .bind(record.decision_id.map(DecisionId::get))
    .bind(&record.note)
    .bind(at)
    .fetch_one(&mut **tx)
    .await?
    .get("id");
    let id = AgreementId(id);
    insert_parties(tx, id, record).await?;
    Ok(id)
}

pub async fn update(
    tx: &mut Tx,
    id: AgreementId,
    record: &AgreementRecord,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE responsibility_agreements SET municipality_key = $1, field = $2, target_group = $3,
         valid_from = $4, valid_until = $5, decision_id = $6, note = $7, updated_at = $8 WHERE id = $9",
    )
    .bind(record.municipality_key.clone())
    .bind(&record.field)
    .bind(&record.target_group)
    .bind(&record.valid_from)
    .bind(record.valid_until.clone())
    .bind(record.decision_id.map(DecisionId::get))
    .bind(&record.note)
    .bind(now())
    .bind(id.get())
    .execute(&mut **tx)
    .await?;
    sqlx::query("DELETE FROM responsibility_parties WHERE agreement_id = $1")
        .bind(id.get())
        .execute(&mut **tx)
        .await?;
    insert_parties(tx, id, record).await
}

pub async fn delete(tx: &mut Tx, id: AgreementId) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM responsibility_parties WHERE agreement_id = $1")
        .bind(id.get())
        .execute(&mut **tx)
        .await?;
    sqlx::query("DELETE FROM responsibility_agreements WHERE id = $1")
        .bind(id.get())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// A cell proposed for a meeting's agenda.
#[derive(Clone, Debug)]
pub struct CellProposal {
    pub municipality_key: Option<String>,
    pub field: String,
    pub target_group: String,
    pub proposal_id: ProposalId,
}

/// The network's cells proposed for an agenda, oldest first.
pub async fn cell_proposals<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    network_id: NetworkId,
) -> Result<Vec<CellProposal>, sqlx::Error> {
    Ok(sqlx::query(
        "SELECT municipality_key, field, target_group, proposal_id FROM responsibility_proposals
         WHERE network_id = $1 ORDER BY id",
    )
    .bind(network_id.get())
    .fetch_all(ex)
    .await?
    .iter()
    .map(|r| CellProposal {
        municipality_key: r.get("municipality_key"),
        field: r.get("field"),
        target_group: r.get("target_group"),
        proposal_id: ProposalId(r.get("proposal_id")),
    })
    .collect())
}

pub async fn add_cell_proposal(
    tx: &mut Tx,
    network_id: NetworkId,
    cell: &CellProposal,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO responsibility_proposals (network_id, municipality_key, field, target_group, proposal_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(network_id.get())
    .bind(cell.municipality_key.clone())
    .bind(&cell.field)
    .bind(&cell.target_group)
    .bind(cell.proposal_id.get())
    .bind(now())
    .execute(&mut **tx)
    .await?;
    Ok(())
}
