//! The coverage of a network's Kreis with contact points: a matrix of
//! municipality × target group, its gaps, and the comparison of several
//! networks for supervisors.

use crate::core::{error::AppResult, ids::NetworkId, web::App};
use crate::network::model::Network;
use crate::offers::{
    model::{
        GROUPS,
        views::{Cell, Coverage, Gap, NetworkCoverage},
    },
    service::contact_points::current,
    store::places,
};

/// One line per municipality of the Kreis, with the covering offers per
/// target group.
pub async fn cells(app: &App, region_key: &str) -> AppResult<Vec<Cell>> {
    let points = current(app, region_key).await?;
    let rows = places::municipalities(app.db.pool(), region_key).await?;
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
pub fn gaps(cells: Vec<Cell>) -> Vec<Gap> {
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

/// The gaps of one network's Kreis (the JSON answer).
pub async fn of_network(app: &App, network: &Network) -> AppResult<Coverage> {
    Ok(Coverage {
        network_id: NetworkId(network.id),
        gaps: gaps(cells(app, &network.region_key).await?),
    })
}

/// The given networks side by side: gaps per target group and the share
/// of covered cells.
pub async fn compare(app: &App, networks: Vec<Network>) -> AppResult<Vec<NetworkCoverage>> {
    let mut rows = Vec::new();
    for network in networks {
        let cells = cells(app, &network.region_key).await?;
        let total = cells.len() * GROUPS.len();
        let gaps: Vec<usize> = GROUPS
            .iter()
            .map(|g| {
                cells
                    .iter()
                    .filter(|c| c.groups.iter().any(|(k, o)| k == g && o.is_empty()))
                    .count()
            })
            .collect();
        let missing: usize = gaps.iter().sum();
        rows.push(NetworkCoverage {
            id: NetworkId(network.id),
            name: network.name,
            region_key: network.region_key,
            region_name: network.region_name,
            municipalities: cells.len(),
            gaps,
            covered_percent: ((total - missing) * 100).checked_div(total).unwrap_or(0),
        });
    }
    Ok(rows)
}
