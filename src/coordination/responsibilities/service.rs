//! Recording, changing and removing agreements (one transaction each, with
//! its audit record), and the matrix of a network on a day for pages, the
//! API and the CSV export.

use serde_json::json;

use super::{
    matrix::Grid,
    model::{
        Agreement, AgreementInput, AgreementRecord, Cell, Choices, FIELDS, Matrix, MatrixQuery,
        TARGET_GROUPS, conflict, parse_day,
    },
    store,
};
use crate::{
    accounts::model::User,
    coordination::registry::{self, Network},
    core::{
        audit::{self, Actor, Change},
        error::{AppError, AppResult, FieldErrors, Msg},
        ids::{AgreementId, NetworkId},
        store::Tx,
        web::App,
    },
};

/// Today in German local time, `YYYY-MM-DD`.
pub fn today() -> String {
    chrono::Utc::now()
        .with_timezone(&chrono_tz::Europe::Berlin)
        .format("%Y-%m-%d")
        .to_string()
}

/// The day a matrix query asks for; an unreadable one is today.
pub fn day_of(query: &MatrixQuery) -> String {
    parse_day(&query.on).unwrap_or_else(today)
}

/// The input checked against the network: its municipalities and members,
/// and a decision of one of its own meetings.
async fn checked(
    app: &App,
    network: &Network,
    input: &AgreementInput,
) -> AppResult<AgreementRecord> {
    let choices = Choices {
        municipalities: registry::municipalities(&app.db, network)
            .await?
            .into_iter()
            .map(|(k, _)| k)
            .collect(),
        organizations: registry::member_ids(&app.db, registry::id(network)).await?,
    };
    let record = input.validate(&choices).map_err(AppError::invalid)?;
    if let Some(decision_id) = record.decision_id {
        let own = registry::decision(&app.db, decision_id)
            .await?
            .is_some_and(|d| d.network_id == registry::id(network));
        if !own {
            let mut errors = FieldErrors::new();
            errors.insert("decision_id".into(), Msg::new("resp-err-decision-network"));
            return Err(AppError::invalid(errors));
        }
    }
    Ok(record)
}

/// Refuses a record whose organisation and role the same cell already
/// names for an overlapping period, naming that agreement.
async fn refuse_overlap(
    tx: &mut Tx,
    network_id: NetworkId,
    record: &AgreementRecord,
    own: Option<AgreementId>,
) -> AppResult<()> {
    let others = store::in_cell(tx, network_id, record).await?;
    if let Some(other) = conflict(record, &others, own) {
        let names: Vec<String> = other
            .parties
            .iter()
            .filter(|p| record.parties.contains(&(p.organization_id, p.role)))
            .map(|p| p.organization.clone())
            .collect();
        let mut errors = FieldErrors::new();
        errors.insert(
            "valid_from".into(),
            Msg::new("resp-err-overlap")
                .arg("id", other.id)
                .arg("organizations", names.join(", "))
                .arg("from", &other.valid_from)
                .arg("until", other.valid_until.as_deref().unwrap_or("–")),
        );
        return Err(AppError::invalid(errors));
    }
    Ok(())
}

pub async fn create(
    app: &App,
    user: &User,
    network: &Network,
    input: &AgreementInput,
) -> AppResult<AgreementId> {
    let record = checked(app, network, input).await?;
    let network_id = registry::id(network);
    let mut tx = app.db.begin().await?;
    refuse_overlap(&mut tx, network_id, &record, None).await?;
    let id = store::create(&mut tx, network_id, &record).await?;
    audit::record(
        &mut tx,
        Actor::User(user),
        Change {
            network_id: Some(network.id),
            entity: "responsibility_agreement",
            entity_id: Some(id.get()),
            action: "create",
            before: None,
            after: Some(json!(record)),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

pub async fn update(
    app: &App,
    user: &User,
    network: &Network,
    agreement: &Agreement,
    input: &AgreementInput,
) -> AppResult<()> {
    let record = checked(app, network, input).await?;
    let network_id = registry::id(network);
    let mut tx = app.db.begin().await?;
    refuse_overlap(&mut tx, network_id, &record, Some(agreement.id)).await?;
    store::update(&mut tx, agreement.id, &record).await?;
    audit::record(
        &mut tx,
        Actor::User(user),
        Change {
            network_id: Some(network.id),
            entity: "responsibility_agreement",
            entity_id: Some(agreement.id.get()),
            action: "update",
            before: Some(json!(agreement)),
            after: Some(json!(record)),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn delete(
    app: &App,
    user: &User,
    network: &Network,
    agreement: &Agreement,
) -> AppResult<()> {
    let mut tx = app.db.begin().await?;
    store::delete(&mut tx, agreement.id).await?;
    audit::record(
        &mut tx,
        Actor::User(user),
        Change {
            network_id: Some(network.id),
            entity: "responsibility_agreement",
            entity_id: Some(agreement.id.get()),
            action: "delete",
            before: Some(json!(agreement)),
            after: None,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// An agreement of this network; one of another network is a 404.
pub async fn agreement_in(
    app: &App,
    network_id: NetworkId,
    id: AgreementId,
) -> AppResult<Agreement> {
    store::agreement(app.db.pool(), id)
        .await?
        .filter(|a| a.network_id == network_id)
        .ok_or_else(AppError::not_found)
}

/// Everything a view of the matrix needs, read once: the agreements, the
/// municipalities and what the offers cover.
pub struct Loaded {
    pub day: String,
    pub agreements: Vec<Agreement>,
    pub municipalities: Vec<(String, String)>,
    pub coverings: Vec<super::matrix::Covering>,
    pub kreis_name: String,
}

impl Loaded {
    pub async fn of(app: &App, network: &Network, day: String) -> AppResult<Self> {
        Ok(Loaded {
            agreements: store::agreements(&app.db, registry::id(network)).await?,
            municipalities: registry::municipalities(&app.db, network).await?,
            coverings: registry::coverings(&app.db, network).await?,
            kreis_name: network.region_name.clone(),
            day,
        })
    }

    pub fn grid(&self) -> Grid<'_> {
        Grid::new(
            self.agreements.iter().filter(|a| a.valid_on(&self.day)),
            &self.coverings,
            &self.kreis_name,
        )
    }

    /// Every cell: the Kreis, then each municipality.
    pub fn cells(&self) -> Vec<Cell> {
        self.grid().all(&self.municipalities, FIELDS, TARGET_GROUPS)
    }

    /// The JSON answer: the agreements that hold and the marked cells.
    pub fn matrix(self, network_id: NetworkId) -> Matrix {
        let cells = self.cells();
        let pick = |f: fn(&Cell) -> bool| cells.iter().filter(|c| f(c)).cloned().collect();
        Matrix {
            network_id,
            gaps: pick(|c| c.gap),
            overlaps: pick(|c| c.overlap),
            unconfirmed: pick(|c| c.unconfirmed),
            agreements: self
                .agreements
                .into_iter()
                .filter(|a| a.valid_on(&self.day))
                .collect(),
            on: self.day,
        }
    }
}
