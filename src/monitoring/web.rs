//! The situation page of a network: for its Kreis each indicator with
//! figure, source, reference date, licence and definition, a chart drawn
//! on the server and the data table below it, and the share of foreigners
//! beside the Regierungsbezirk, the Land and Germany, each indicator with
//! its commentary. For the network's members, its supervisor and
//! administrators; everybody else gets the published report's figures
//! (`report/`).

use std::collections::BTreeMap;

use axum::{
    extract::{Path, State},
    response::{Html, IntoResponse, Response},
};
use minijinja::{Value, context};
use serde::Serialize;

use super::{
    charts::{self, Line},
    indicators::{
        catalogue::{self, Indicator},
        series::{Point, series},
    },
    maps, report,
    service::shipped,
    store::observations,
};
use crate::{
    accounts::viewer::Viewer,
    core::{
        error::{AppError, AppResult, FieldErrors},
        i18n::Lang,
        ids::NetworkId,
        web::{App, forms::texts},
    },
    network::{
        context::{load_network, scope},
        model::Network,
    },
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
pub(crate) struct Row {
    period: String,
    category: Option<String>,
    source: String,
    value: String,
    numerator: Option<String>,
    denominator: Option<String>,
    mark: Option<String>,
}

#[derive(Serialize)]
pub(crate) struct Source {
    name: String,
    licence: String,
    latest: String,
}

/// One indicator as a page or a document shows it.
#[derive(Serialize)]
pub(crate) struct Panel {
    pub code: &'static str,
    pub name: &'static str,
    pub definition: &'static str,
    pub unit: &'static str,
    /// SVG.
    pub chart: String,
    pub rows: Vec<Row>,
    pub sources: Vec<Source>,
    pub breakdown: bool,
}

/// The indicator's name in German, else in English.
pub(crate) fn name(i: &Indicator, lang: Lang) -> &'static str {
    if lang == Lang::De {
        i.name_de
    } else {
        i.name_en
    }
}

fn text(value: Option<f64>, unit: &str, german: bool) -> String {
    value.map_or_else(String::new, |v| {
        charts::number(v, if unit == "%" { 1 } else { 0 }, german)
    })
}

/// The indicator's panel from its (possibly protected) points.
pub(crate) fn panel(i: &'static Indicator, points: &[Point], lang: Lang) -> Panel {
    let german = lang == Lang::De;
    let name = name(i, lang);
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

/// A commentary form that failed: the indicator, its messages and the
/// text as sent.
pub(crate) type Failed<'a> = (&'a str, &'a FieldErrors, &'a str);

/// `/networks/{network_id}/situation`: for the network's readers every
/// indicator with its commentary (and the forms for coordinators); for
/// everybody else the published report's figures, protected, or the
/// refusal when nothing is published.
pub async fn situation(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
) -> AppResult<Response> {
    let network = load_network(&app.db, network_id).await?;
    if !viewer.can_read_network(&scope(&network)) {
        return report::web::public_situation(&app, &viewer, &network).await;
    }
    Ok(render(&app, &viewer, &network, None).await?.into_response())
}

/// The internal situation page, with a failed commentary form filled in.
pub(crate) async fn render(
    app: &App,
    viewer: &Viewer,
    network: &Network,
    failed: Option<Failed<'_>>,
) -> AppResult<Html<String>> {
    observations::read_once(render_page(app, viewer, network, failed)).await
}

async fn render_page(
    app: &App,
    viewer: &Viewer,
    network: &Network,
    failed: Option<Failed<'_>>,
) -> AppResult<Html<String>> {
    viewer.require_read_network(&scope(network))?;
    shipped::ensure_loaded(&app.db)
        .await
        .map_err(AppError::internal)?;
    let key = network.region_key.clone();
    let network_id = NetworkId(network.id);
    let commentaries = report::view::commentaries(app, network_id).await?;
    let mut panels = Vec::new();
    for code in SITUATION {
        let indicator = catalogue::find(code).ok_or_else(|| AppError::internal(code))?;
        let points = series(&app.db, indicator, &key, None).await?;
        let mut commentary = commentaries.get(*code).cloned();
        let mut errors = BTreeMap::new();
        if let Some((failed_code, failed_errors, body)) = failed
            && failed_code == *code
        {
            errors = texts(viewer, failed_errors);
            commentary = Some(context! { body => body });
        }
        panels.push(context! {
            ..Value::from_serialize(panel(indicator, &points, viewer.lang)),
            ..context! { commentary => commentary, errors => errors }
        });
    }
    let mut gemeinde_maps = std::collections::BTreeMap::new();
    for code in maps::MAPPED {
        let indicator = catalogue::find(code).ok_or_else(|| AppError::internal(code))?;
        if let Some(map) = maps::indicator_map(&app.db, indicator, &key, viewer.lang).await? {
            gemeinde_maps.insert(*code, map);
        }
    }
    let concentration = maps::concentration_panel(&app.db, &key, viewer.lang).await?;
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
        let Ok(named) = super::api::region_name(app, &region).await else {
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
    // The groups with special needs that no offer serves, or only in part.
    let needs = super::needs::service::list(app, network).await?;
    let open: Vec<_> = needs
        .needs
        .into_iter()
        .filter(|n| n.gap || !n.uncovered.is_empty())
        .collect();
    app.page(
        viewer,
        "monitoring/situation.html",
        context! {
            network => network,
            panels => panels,
            comparison => comparison,
            comparison_sources => sources,
            maps => gemeinde_maps,
            concentration => concentration,
            needs_open => open,
            needs_gaps => needs.gaps,
            can_comment => viewer.can_manage_network(network.id),
            report => report::store::report(app.db.pool(), network_id).await?,
            commentary_max => report::model::COMMENTARY_MAX,
            can_import => viewer.can_import_statistics(),
        },
    )
}
