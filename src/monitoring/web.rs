//! The situation page of a network: for its Kreis each indicator with
//! figure, source, reference date, licence and definition, a chart drawn
//! on the server and the data table below it, and the share of foreigners
//! beside the Regierungsbezirk, the Land and Germany. For the network's
//! members, its supervisor and administrators.

use axum::{
    extract::{Path, State},
    response::Html,
};
use minijinja::context;
use serde::Serialize;

use super::{
    charts::{self, Line},
    indicators::{
        catalogue::{self, Indicator},
        series::{Point, series},
    },
    service::shipped,
};
use crate::{
    accounts::viewer::Viewer,
    core::{
        error::{AppError, AppResult},
        i18n::Lang,
        ids::NetworkId,
        web::App,
    },
    network::context::{load_network, scope},
};

/// The indicators on the page, in this order.
pub const SITUATION: &[&str] = &[
    "population",
    "foreigners",
    "foreigners_share",
    "residence_status",
    "foreigners_age_groups",
    "naturalisations",
    "naturalisation_rate",
    "unemployed_foreigners",
    "unemployment_rate_foreigners",
    "unemployment_rate",
    "youth_unemployment_rate",
    "school_leavers_without_degree",
    "childcare_under3",
    "childcare_3to6",
];

#[derive(Serialize)]
struct Row {
    period: String,
    category: Option<String>,
    source: String,
    value: String,
    numerator: Option<String>,
    denominator: Option<String>,
    mark: Option<String>,
}

#[derive(Serialize)]
struct Source {
    name: String,
    licence: String,
    latest: String,
}

#[derive(Serialize)]
struct Panel {
    code: &'static str,
    name: &'static str,
    definition: &'static str,
    unit: &'static str,
    chart: String,
    rows: Vec<Row>,
    sources: Vec<Source>,
    breakdown: bool,
}

fn text(value: Option<f64>, unit: &str, german: bool) -> String {
    value.map_or_else(String::new, |v| {
        charts::number(v, if unit == "%" { 1 } else { 0 }, german)
    })
}

fn panel(i: &'static Indicator, points: &[Point], lang: Lang) -> Panel {
    let german = lang == Lang::De;
    let name = if german { i.name_de } else { i.name_en };
    let breakdown = i.variants.iter().any(|v| v.breakdown.is_some());
    let mut sources: Vec<Source> = Vec::new();
    for p in points {
        match sources.iter_mut().find(|s| s.name == p.source) {
            Some(s) => {
                if p.period > s.latest {
                    s.latest.clone_from(&p.period);
                }
            }
            None => sources.push(Source {
                name: p.source.clone(),
                licence: p.licence.clone(),
                latest: p.period.clone(),
            }),
        }
    }
    let chart = if points.is_empty() {
        String::new()
    } else if breakdown {
        // The latest period of each breakdown, one bar per category.
        let latest = points
            .iter()
            .map(|p| p.period.as_str())
            .max()
            .unwrap_or_default();
        let items: Vec<(String, Option<f64>)> = points
            .iter()
            .filter(|p| p.period == latest)
            .map(|p| (p.category.clone().unwrap_or_default(), p.value))
            .collect();
        charts::bars(
            i.code,
            &format!("{name} ({latest})"),
            i.unit,
            &items,
            german,
        )
    } else {
        let lines: Vec<Line> = sources
            .iter()
            .map(|s| Line {
                label: s.name.clone(),
                points: points
                    .iter()
                    .filter(|p| p.source == s.name)
                    .map(|p| (p.period.get(0..4).unwrap_or(&p.period).to_string(), p.value))
                    .collect(),
            })
            .collect();
        charts::lines(i.code, name, i.unit, &lines, german)
    };
    let rows = points
        .iter()
        .map(|p| Row {
            period: p.period.clone(),
            category: p.category.clone(),
            source: p.source.clone(),
            value: text(p.value, i.unit, german),
            numerator: p.numerator.map(|v| charts::number(v, 0, german)),
            denominator: p.denominator.map(|v| charts::number(v, 0, german)),
            mark: p.mark.clone(),
        })
        .collect();
    Panel {
        code: i.code,
        name,
        definition: if german {
            i.definition_de
        } else {
            i.definition_en
        },
        unit: i.unit,
        chart,
        rows,
        sources,
        breakdown,
    }
}

#[derive(Serialize)]
struct Comparison {
    region: String,
    key: String,
    values: Vec<String>,
}

/// `/networks/{network_id}/situation`
pub async fn situation(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
) -> AppResult<Html<String>> {
    let network = load_network(&app.db, network_id).await?;
    viewer.require_read_network(&scope(&network))?;
    shipped::ensure_loaded(&app.db)
        .await
        .map_err(AppError::internal)?;
    let key = network.region_key.clone();
    let mut panels = Vec::new();
    for code in SITUATION {
        let indicator = catalogue::find(code).ok_or_else(|| AppError::internal(code))?;
        let points = series(&app.db, indicator, &key, None).await?;
        panels.push(panel(indicator, &points, viewer.lang));
    }
    // The share of foreigners beside the larger regions, latest per source.
    let share = catalogue::find("foreigners_share")
        .ok_or_else(|| AppError::internal("foreigners_share"))?;
    let german = viewer.lang == Lang::De;
    let mut regions = vec![key.clone()];
    if key.len() >= 3 {
        regions.push(key[0..3].to_string());
    }
    regions.push(key[0..2].to_string());
    regions.push("DG".to_string());
    let sources: Vec<&str> = share.variants.iter().map(|v| v.source).collect();
    let mut comparison = Vec::new();
    for region in regions {
        let Ok(named) = super::api::region_name(&app, &region).await else {
            continue;
        };
        let points = series(&app.db, share, &region, None).await?;
        let values = sources
            .iter()
            .map(|source| {
                points
                    .iter()
                    .filter(|p| p.source.starts_with(source) && p.value.is_some())
                    .max_by(|a, b| a.period.cmp(&b.period))
                    .map(|p| format!("{} % ({})", text(p.value, "%", german), p.period))
                    .unwrap_or_else(|| "–".into())
            })
            .collect();
        comparison.push(Comparison {
            region: named.name,
            key: region,
            values,
        });
    }
    app.page(
        &viewer,
        "monitoring/situation.html",
        context! {
            network => network,
            panels => panels,
            comparison => comparison,
            comparison_sources => sources,
            can_import => viewer.can_import_statistics(),
        },
    )
}
