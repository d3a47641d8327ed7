//! What the report page, the public situation page, the PDF and the
//! open-data files share: the chosen indicators' figures for the
//! network's Kreis — protected for anonymous readers — with their
//! commentaries.

use std::collections::HashMap;

use minijinja::{Value, context};

use super::{
    disclosure::{self, Rules},
    model::Report,
    store,
};
use crate::{
    core::{error::AppResult, i18n::Lang, ids::NetworkId, markdown, web::App},
    monitoring::{
        charts,
        indicators::{
            catalogue::{self, Indicator},
            series::{Point, series},
        },
        service::shipped,
        web::SITUATION,
    },
    network::model::Network,
};

/// The minimums the configuration sets.
pub fn rules(app: &App) -> Rules {
    Rules {
        min_count: f64::from(app.config.statistics_min_count),
        min_count_sensitive: f64::from(app.config.statistics_min_count_sensitive),
        min_denominator: f64::from(app.config.statistics_min_denominator),
    }
}

/// The network's commentaries by indicator code, for templates: the text,
/// its sanitised HTML, author and day.
pub async fn commentaries(app: &App, network_id: NetworkId) -> AppResult<HashMap<String, Value>> {
    Ok(store::commentaries(app.db.pool(), network_id)
        .await?
        .into_iter()
        .map(|c| {
            let value = context! {
                body => c.body, html => markdown::render(&c.body),
                author => c.author_name, day => day(c.updated_at, Lang::De),
            };
            (c.indicator, value)
        })
        .collect())
}

/// One indicator's figures.
pub struct Figures {
    pub indicator: &'static Indicator,
    pub points: Vec<Point>,
}

/// The indicators a report or download covers: the report's choice, or
/// with no report every indicator of the situation page.
pub fn codes(report: Option<&Report>) -> Vec<String> {
    match report {
        Some(r) => r.indicators.clone(),
        None => SITUATION.iter().map(|c| c.to_string()).collect(),
    }
}

/// The figures of `codes` for the network's Kreis; `protect` applies
/// disclosure control for anonymous readers.
pub async fn figures(
    app: &App,
    network: &Network,
    codes: &[String],
    protect: bool,
) -> AppResult<Vec<Figures>> {
    crate::monitoring::store::observations::read_once(figures_now(app, network, codes, protect))
        .await
}

async fn figures_now(
    app: &App,
    network: &Network,
    codes: &[String],
    protect: bool,
) -> AppResult<Vec<Figures>> {
    shipped::ensure_loaded(&app.db)
        .await
        .map_err(crate::core::error::AppError::internal)?;
    let rules = rules(app);
    let mut out = Vec::new();
    for code in codes {
        let Some(indicator) = catalogue::find(code) else {
            continue;
        };
        let mut points = series(&app.db, indicator, &network.region_key, None).await?;
        if protect {
            points = disclosure::protect(&points, indicator.unit == "Anzahl", rules);
        }
        out.push(Figures { indicator, points });
    }
    Ok(out)
}

/// The sections of the report page: each indicator's panel with its
/// commentary.
pub fn sections(
    figures: &[Figures],
    commentaries: &HashMap<String, Value>,
    lang: Lang,
) -> Vec<Value> {
    figures
        .iter()
        .map(|f| {
            let panel = crate::monitoring::web::panel(f.indicator, &f.points, lang);
            context! {
                ..Value::from_serialize(&panel),
                ..context! { commentary => commentaries.get(f.indicator.code) }
            }
        })
        .collect()
}

/// A day as `31.12.2026` (German) or `2026-12-31`.
pub fn day(at: i64, lang: Lang) -> String {
    chrono::DateTime::from_timestamp(at, 0)
        .map(|t| {
            let local = t.with_timezone(&chrono_tz::Europe::Berlin);
            if lang == Lang::De {
                local.format("%d.%m.%Y").to_string()
            } else {
                local.format("%Y-%m-%d").to_string()
            }
        })
        .unwrap_or_default()
}

/// A value as the files write it: plain, with the unit's decimals.
pub fn plain(value: f64, unit: &str) -> String {
    charts::number(value, if unit == "%" { 1 } else { 0 }, false).replace(',', "")
}
