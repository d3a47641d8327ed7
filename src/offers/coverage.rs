//! The coverage of a network's Kreis with contact points: a matrix of
//! municipality × target group, and its gaps as JSON.

use axum::{
    Json,
    extract::{Path, State},
    response::{IntoResponse, Response},
};
use minijinja::context;
use serde::Serialize;
use utoipa::ToSchema;

use crate::{
    accounts::viewer::Viewer,
    core::{
        error::AppResult,
        web::{App, errors::ErrorBody},
    },
    network::context::{load_network, scope},
    offers::contact_points::{self as cp, GROUPS},
};

/// A municipality without a contact point for a target group.
#[derive(Debug, Serialize, ToSchema)]
pub struct Gap {
    pub municipality_key: String,
    pub municipality_name: String,
    pub target_group: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Coverage {
    pub network_id: i64,
    pub gaps: Vec<Gap>,
}

pub(crate) struct Cell {
    pub key: String,
    pub name: String,
    /// Per target group, the titles and ids of the covering offers.
    pub groups: Vec<(String, Vec<(i64, String)>)>,
}

pub(crate) async fn cells(app: &App, region_key: &str) -> AppResult<Vec<Cell>> {
    let pool = app.db.pool();
    let points = cp::current(app, region_key).await?;
    let rows = cp::municipalities(pool, region_key).await?;
    Ok(rows
        .into_iter()
        .map(|(key, name)| {
            let groups = GROUPS
                .iter()
                .map(|g| {
                    let covering = points
                        .iter()
                        .filter(|(_, _, p)| {
                            p.covers(&key) && p.target_groups.iter().any(|t| t == g)
                        })
                        .map(|(o, _, _)| (o.id, o.record.title.clone()))
                        .collect();
                    (g.to_string(), covering)
                })
                .collect();
            Cell { key, name, groups }
        })
        .collect())
}

/// Every municipality × target group without a contact point.
pub(crate) fn gaps(cells: Vec<Cell>) -> Vec<Gap> {
    cells
        .into_iter()
        .flat_map(|c| {
            let (key, name) = (c.key, c.name);
            c.groups
                .into_iter()
                .filter(|(_, covering)| covering.is_empty())
                .map(move |(g, _)| Gap {
                    municipality_key: key.clone(),
                    municipality_name: name.clone(),
                    target_group: g,
                })
        })
        .collect()
}

/// The coverage of a network's Kreis with contact points (read access).
#[utoipa::path(get, path = "/api/v1/networks/{id}/coverage", tag = "offers",
    params(("id" = i64, Path, description = "Network id")),
    responses(
        (status = 200, description = "Municipalities and target groups without a published contact point.", body = Coverage),
        (status = 401, description = "Not signed in.", body = ErrorBody),
        (status = 403, description = "No read access to the network.", body = ErrorBody),
        (status = 404, description = "Unknown network.", body = ErrorBody)),
    security(("api_token" = [])))]
pub async fn api_coverage(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> AppResult<Json<Coverage>> {
    let network = load_network(&app.db, id).await?;
    viewer.require_read_network(&scope(&network))?;
    let gaps = gaps(cells(&app, &network.region_key).await?);
    Ok(Json(Coverage {
        network_id: network.id,
        gaps,
    }))
}

/// The coverage matrix page (read access).
pub async fn coverage(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let network = load_network(&app.db, id).await?;
    viewer.require_read_network(&scope(&network))?;
    let rows: Vec<_> = cells(&app, &network.region_key)
        .await?
        .into_iter()
        .map(|c| context! { key => c.key, name => c.name, groups => c.groups })
        .collect();
    let page = app.page(
        &viewer,
        "offers/coverage.html",
        context! { network => network, rows => rows, groups => GROUPS },
    )?;
    Ok(page.into_response())
}
