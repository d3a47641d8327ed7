//! The Gemeinden of a network's Kreis on the situation page: a map per
//! indicator that has figures at municipality level, and the residential
//! concentration of foreign nationals — the indices over the Gemeinden
//! (Zensus 2022) and over the 1 km grid cells (Zensus 2011), always with
//! unit and year, and a map of location quotients. Every map is followed
//! by its data table; the Gemeinde outlines are older than the figures and
//! the page says so.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{
    charts::{
        choropleth::{Area, Scale, Words, choropleth},
        number,
    },
    concentration::{self, Concentration},
    indicators::{
        catalogue::Indicator,
        series::{Point, below},
    },
};
use crate::{
    core::{i18n::Lang, store::Db},
    geography::boundaries::{self, GEMEINDEN_AS_OF, GEMEINDEN_SOURCE, Outline},
};

/// Indicators drawn as a map of the Gemeinden, when they have figures there.
pub const MAPPED: &[&str] = &["population", "foreigners", "foreigners_share"];

/// A source and period counts for the map when it covers at least this
/// share of the Gemeinden the best-covered one does (then the newest wins).
const COVERAGE: f64 = 0.8;

#[derive(Serialize)]
pub struct MapRow {
    pub key: String,
    pub name: String,
    /// Figures in the order of the panel's columns.
    pub values: Vec<String>,
    pub mark: Option<String>,
}

#[derive(Serialize)]
pub struct MapPanel {
    pub id: String,
    pub title: String,
    pub svg: String,
    pub source: String,
    pub licence: String,
    pub period: String,
    /// The outlines' attribution, and whether they are older than the figures.
    pub boundaries: String,
    pub boundaries_older: bool,
    pub columns: Vec<String>,
    pub rows: Vec<MapRow>,
}

fn boundaries_older(period: &str) -> bool {
    period
        .get(0..4)
        .is_some_and(|year| year > &GEMEINDEN_AS_OF[0..4])
}

fn words<'a>(title: &'a str, unit: &'a str, no_data: &'a str, lang: Lang) -> Words<'a> {
    Words {
        title,
        no_data,
        unit,
        german: lang == Lang::De,
    }
}

/// The map of an indicator over the Kreis's Gemeinden, from the source and
/// period that cover most of them (the newest among the nearly best), or
/// `None` without figures at that level.
pub async fn indicator_map(
    db: &Db,
    indicator: &Indicator,
    kreis: &str,
    lang: Lang,
) -> Result<Option<MapPanel>, sqlx::Error> {
    if !indicator.levels.contains(&"municipality") {
        return Ok(None);
    }
    let outlines = boundaries::municipality_outlines(kreis);
    if outlines.is_empty() {
        return Ok(None);
    }
    let by_region = below(db, indicator, kreis, 8).await?;
    let names = concentration::municipality_names(db, kreis).await?;
    let name_of = |o: &'static Outline| names.get(&o.key).map_or(o.name.as_str(), String::as_str);
    let mut coverage: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for p in by_region.values().flatten().filter(|p| p.value.is_some()) {
        *coverage.entry((&p.source, &p.period)).or_default() += 1;
    }
    let most = coverage.values().copied().max().unwrap_or(0);
    let Some(((source, period), _)) = coverage
        .iter()
        .filter(|(_, n)| **n as f64 >= most as f64 * COVERAGE)
        .max_by(|a, b| a.0.1.cmp(b.0.1).then(a.1.cmp(b.1)))
    else {
        return Ok(None);
    };
    let pick = |key: &str| -> Option<&Point> {
        by_region
            .get(key)?
            .iter()
            .find(|p| p.source == *source && p.period == *period)
    };
    let german = lang == Lang::De;
    let name = if german {
        indicator.name_de
    } else {
        indicator.name_en
    };
    let title = lang.t_args(
        "mon-map-title",
        &[
            ("indicator".into(), name.into()),
            ("period".into(), period.to_string()),
        ],
    );
    let no_data = lang.t("mon-map-no-data");
    let areas: Vec<Area> = outlines
        .iter()
        .map(|outline| Area {
            outline,
            name: name_of(outline),
            value: pick(&outline.key).and_then(|p| p.value),
        })
        .collect();
    let decimals = if indicator.unit == "%" { 1 } else { 0 };
    let rows = outlines
        .iter()
        .filter_map(|o| {
            let p = pick(&o.key)?;
            Some(MapRow {
                key: o.key.clone(),
                name: name_of(o).to_string(),
                values: vec![
                    p.value
                        .map(|v| number(v, decimals, german))
                        .unwrap_or_default(),
                ],
                mark: p.mark.clone(),
            })
        })
        .collect();
    let licence = by_region
        .values()
        .flatten()
        .find(|p| p.source == *source)
        .map(|p| p.licence.clone())
        .unwrap_or_default();
    let id = format!("{}-map", indicator.code);
    Ok(Some(MapPanel {
        svg: choropleth(
            &id,
            &areas,
            Scale::Quantiles,
            // A count needs no unit after each figure; a share its "%".
            &words(
                &title,
                if indicator.unit == "%" { "%" } else { "" },
                &no_data,
                lang,
            ),
        ),
        id,
        title,
        source: source.to_string(),
        licence,
        period: period.to_string(),
        boundaries: GEMEINDEN_SOURCE.into(),
        boundaries_older: boundaries_older(period),
        columns: vec![format!("{} ({})", lang.t("mon-value"), indicator.unit)],
        rows,
    }))
}

/// One line of the indices table.
#[derive(Serialize)]
pub struct IndexRow {
    pub unit: String,
    pub units: usize,
    pub source: String,
    pub period: String,
    pub dissimilarity: String,
    pub isolation: String,
    pub interaction: String,
    pub entropy: String,
}

#[derive(Serialize)]
pub struct ConcentrationPanel {
    pub rows: Vec<IndexRow>,
    pub map: Option<MapPanel>,
}

fn index_row(c: &Concentration, lang: Lang) -> IndexRow {
    let german = lang == Lang::De;
    let n = |v: f64| number(v, 3, german);
    IndexRow {
        unit: lang.t(if c.unit == "grid_1km" {
            "mon-units-grid"
        } else {
            "mon-units-municipalities"
        }),
        units: c.units,
        source: c.source.clone(),
        period: c.period.clone(),
        dissimilarity: n(c.dissimilarity),
        isolation: n(c.isolation),
        interaction: n(c.interaction),
        entropy: n(c.entropy),
    }
}

/// The indices for the Kreis over both kinds of units, and the map of the
/// Gemeinden's location quotients.
pub async fn concentration_panel(
    db: &Db,
    kreis: &str,
    lang: Lang,
) -> Result<ConcentrationPanel, sqlx::Error> {
    let by_gemeinde = concentration::municipalities(db, kreis).await?;
    let grid = concentration::grid_in(kreis);
    let rows = by_gemeinde
        .iter()
        .chain(grid.iter())
        .map(|c| index_row(c, lang))
        .collect();
    let map = by_gemeinde
        .as_ref()
        .and_then(|c| quotient_map(c, kreis, lang));
    Ok(ConcentrationPanel { rows, map })
}

fn quotient_map(c: &Concentration, kreis: &str, lang: Lang) -> Option<MapPanel> {
    let outlines = boundaries::municipality_outlines(kreis);
    if outlines.is_empty() {
        return None;
    }
    let german = lang == Lang::De;
    let quotient = |key: &str| {
        c.location_quotients
            .iter()
            .find(|q| q.key == key)
            .and_then(|q| q.lq)
    };
    let areas: Vec<Area> = outlines
        .iter()
        .map(|outline| Area {
            outline,
            name: c
                .location_quotients
                .iter()
                .find(|q| q.key == outline.key)
                .map_or(outline.name.as_str(), |q| q.name.as_str()),
            value: quotient(&outline.key),
        })
        .collect();
    let title = lang.t_args("mon-lq-map-title", &[("period".into(), c.period.clone())]);
    let no_data = lang.t("mon-map-no-data");
    let id = "location-quotients".to_string();
    let rows = c
        .location_quotients
        .iter()
        .map(|q| MapRow {
            key: q.key.clone(),
            name: q.name.clone(),
            values: vec![q.lq.map(|v| number(v, 2, german)).unwrap_or_default()],
            mark: None,
        })
        .collect();
    Some(MapPanel {
        svg: choropleth(
            &id,
            &areas,
            Scale::AroundOne,
            &words(&title, "", &no_data, lang),
        ),
        id,
        title,
        source: c.source.clone(),
        licence: "dl-de/by-2-0".into(),
        period: c.period.clone(),
        boundaries: GEMEINDEN_SOURCE.into(),
        boundaries_older: boundaries_older(&c.period),
        columns: vec![lang.t("mon-lq")],
        rows,
    })
}
