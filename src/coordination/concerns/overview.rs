//! The concerns of every network a supervisor oversees, side by side and
//! read-only: grouped by addressee and title, because the same concern
//! raised by several counties is what a Regierung carries to the
//! ministry; filtered by state.

use axum::{
    extract::{Query, State},
    response::{IntoResponse, Response},
};
use minijinja::context;
use serde::{Deserialize, Serialize};

use super::{
    model::{ADDRESSEES, ConcernState},
    store,
};
use crate::{
    accounts::viewer::Viewer,
    coordination::registry::{self, Access},
    core::{error::AppResult, ids::ConcernId, ids::NetworkId, web::App},
};

#[derive(Debug, Default, Deserialize)]
pub struct Filter {
    #[serde(default)]
    pub state: String,
}

#[derive(Debug, Serialize)]
struct Raised {
    network_id: NetworkId,
    network: String,
    concern_id: ConcernId,
    state: ConcernState,
    submitted_on: Option<String>,
    reference: String,
}

/// One concern as several networks raised it.
#[derive(Debug, Serialize)]
struct Group {
    addressee: String,
    title: String,
    networks: usize,
    raised: Vec<Raised>,
}

/// Titles match regardless of case and spacing.
fn key(title: &str) -> String {
    title
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// `GET /concerns?state=…`.
pub async fn page(
    State(app): State<App>,
    viewer: Viewer,
    Query(filter): Query<Filter>,
) -> AppResult<Response> {
    viewer.require_signed_in()?;
    let state = ConcernState::parse(filter.state.trim());
    let mut groups: Vec<Group> = Vec::new();
    for network in registry::networks(&app.db).await? {
        if !viewer.can_read(&network) {
            continue;
        }
        for c in store::concerns(app.db.pool(), registry::id(&network)).await? {
            if state.is_some_and(|s| s != c.state) {
                continue;
            }
            let raised = Raised {
                network_id: c.network_id,
                network: network.name.clone(),
                concern_id: c.id,
                state: c.state,
                submitted_on: c.submitted_on.clone(),
                reference: c.reference.clone(),
            };
            match groups
                .iter_mut()
                .find(|g| g.addressee == c.addressee && key(&g.title) == key(&c.title))
            {
                Some(group) => group.raised.push(raised),
                None => groups.push(Group {
                    addressee: c.addressee.clone(),
                    title: c.title.clone(),
                    networks: 0,
                    raised: vec![raised],
                }),
            }
        }
    }
    let order = |a: &str| {
        ADDRESSEES
            .iter()
            .position(|x| *x == a)
            .unwrap_or(usize::MAX)
    };
    for group in &mut groups {
        group.raised.sort_by(|a, b| a.network.cmp(&b.network));
        let mut networks: Vec<NetworkId> = group.raised.iter().map(|r| r.network_id).collect();
        networks.dedup();
        group.networks = networks.len();
    }
    // Concerns several networks share come first within their addressee.
    groups.sort_by(|a, b| {
        (
            order(&a.addressee),
            std::cmp::Reverse(a.networks),
            key(&a.title),
        )
            .cmp(&(
                order(&b.addressee),
                std::cmp::Reverse(b.networks),
                key(&b.title),
            ))
    });
    let states: Vec<&str> = ConcernState::ALL.iter().map(|s| s.code()).collect();
    Ok(app
        .page(
            &viewer,
            "coordination/concerns_overview.html",
            context! { groups => groups, states => states, state => filter.state.trim() },
        )?
        .into_response())
}
