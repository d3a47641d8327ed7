//! A project's targets: the SQL on `project_targets`, adding one (checked
//! against the indicator catalogue, the Kreis and its municipalities and
//! the project's start; one transaction with its audit record and
//! timeline entry), and the targets as the page shows them with the
//! current value of each indicator.

use serde_json::json;
use sqlx::{Any, Executor, Row};

use super::{
    model::{Current, Project, Target, TargetChoices, TargetInput, TargetRecord},
    store,
};
use crate::{
    coordination::registry::{self, Network},
    core::{
        audit::{self, Actor, Change},
        error::{AppError, AppResult},
        i18n::Lang,
        identity::User,
        ids::ProjectId,
        store::Tx,
        web::App,
    },
};

async fn stored<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    project_id: ProjectId,
) -> Result<Vec<Target>, sqlx::Error> {
    Ok(sqlx::query(
        "SELECT id, indicator, region_key, baseline, target, target_on FROM project_targets
         WHERE project_id = $1 ORDER BY target_on, id",
    )
    .bind(project_id.get())
    .fetch_all(ex)
    .await?
    .iter()
    .map(|r| Target {
        id: r.get("id"),
        indicator: r.get("indicator"),
        region_key: r.get("region_key"),
        baseline: r.get("baseline"),
        target: r.get("target"),
        target_on: r.get("target_on"),
        indicator_name: String::new(),
        region_name: String::new(),
        unit: String::new(),
        current: None,
    })
    .collect())
}

async fn insert(tx: &mut Tx, project_id: ProjectId, t: &TargetRecord) -> Result<i64, sqlx::Error> {
    Ok(sqlx::query(
        "INSERT INTO project_targets (project_id, indicator, region_key, baseline, target, target_on)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(project_id.get())
    .bind(&t.indicator)
    .bind(&t.region_key)
    .bind(t.baseline)
    .bind(t.target)
    .bind(&t.target_on)
    .fetch_one(&mut **tx)
    .await?
    .get("id"))
}

/// The regions a target may name, the Kreis first, with their names.
async fn regions(app: &App, network: &Network) -> AppResult<Vec<(String, String)>> {
    let mut list = vec![(network.region_key.clone(), network.region_name.clone())];
    list.extend(registry::municipalities(&app.db, network).await?);
    Ok(list)
}

/// The targets of a project with names and the current values.
pub async fn targets(
    app: &App,
    network: &Network,
    project: &Project,
    lang: Lang,
) -> AppResult<Vec<Target>> {
    let regions = regions(app, network).await?;
    let mut list = stored(app.db.pool(), project.id).await?;
    for t in &mut list {
        (t.indicator_name, t.unit) = registry::indicator_label(&t.indicator, lang);
        t.region_name = regions
            .iter()
            .find(|(k, _)| *k == t.region_key)
            .map_or_else(|| t.region_key.clone(), |(_, n)| n.clone());
        t.current = registry::latest_value(&app.db, &t.indicator, &t.region_key)
            .await?
            .map(|(value, period, source)| Current {
                value,
                period,
                source,
            });
    }
    Ok(list)
}

/// The regions a target form offers.
pub async fn region_choices(app: &App, network: &Network) -> AppResult<Vec<(String, String)>> {
    regions(app, network).await
}

pub async fn add(
    app: &App,
    user: &User,
    network: &Network,
    project: &Project,
    input: &TargetInput,
) -> AppResult<()> {
    let regions: Vec<String> = regions(app, network)
        .await?
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    let indicators = registry::indicator_codes();
    let choices = TargetChoices {
        indicators: &indicators,
        regions: &regions,
        project,
    };
    let record = input.validate(&choices).map_err(AppError::invalid)?;
    let mut tx = app.db.begin().await?;
    let id = insert(&mut tx, project.id, &record).await?;
    store::log(
        &mut tx,
        project.id,
        Some(user),
        "target_added",
        &format!(
            "{} ({}): {} → {} ({})",
            record.indicator, record.region_key, record.baseline, record.target, record.target_on
        ),
    )
    .await?;
    audit::record(
        &mut tx,
        Actor::User(user),
        Change {
            network_id: Some(network.id),
            entity: "project_target",
            entity_id: Some(id),
            action: "create",
            before: None,
            after: Some(json!({ "project_id": project.id, "target": record })),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
