//! Residential concentration of foreign nationals in a region: the indices
//! of `indices` over its Gemeinden (Zensus 2022; counts derived from the
//! published shares, so marked) or over the Zensus 2011 1 km grid cells
//! (shipped for Mittelfranken). The unit and the year are always part of
//! the answer: the indices depend strongly on the size of the units.

pub mod indices;

use std::collections::HashMap;

use serde::Serialize;
use utoipa::ToSchema;

use crate::{
    core::store::Db,
    geography::boundaries,
    monitoring::{
        import::values,
        store::observations::{self, Cells},
    },
};

use indices::{Unit, compute};

const GRID: &str = include_str!("../../../data/statistics/zensus2011_grid1km_mittelfranken.csv");
/// The region the shipped grid covers.
pub const GRID_REGION: &str = "095";
const GRID_SOURCE: &str = "Zensus 2011, 1-km-Gitterzellen (Ausländer aus dem Anteil abgeleitet)";

/// A unit's location quotient.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Quotient {
    pub key: String,
    pub name: String,
    /// (xᵢ/tᵢ)/(X/T); null for a unit without inhabitants.
    pub lq: Option<f64>,
}

/// The indices of a region over its units.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Concentration {
    pub dissimilarity: f64,
    pub isolation: f64,
    pub interaction: f64,
    pub entropy: f64,
    /// Inhabited units counted.
    pub units: usize,
    pub total: f64,
    pub group_total: f64,
    /// `municipalities` or `grid_1km`.
    pub unit: String,
    pub source: String,
    pub period: String,
    /// Whether group counts were derived from published shares.
    pub derived: bool,
    pub location_quotients: Vec<Quotient>,
}

/// Which units.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Units {
    Municipalities,
    Grid,
}

fn finish(
    units: Vec<(String, String, Unit)>,
    unit: &str,
    source: &str,
    period: &str,
) -> Option<Concentration> {
    let figures: Vec<Unit> = units.iter().map(|(_, _, u)| *u).collect();
    let i = compute(&figures)?;
    Some(Concentration {
        dissimilarity: i.dissimilarity,
        isolation: i.isolation,
        interaction: i.interaction,
        entropy: i.entropy,
        units: i.units,
        total: i.total,
        group_total: i.group_total,
        unit: unit.into(),
        source: source.into(),
        period: period.into(),
        derived: true,
        location_quotients: units
            .into_iter()
            .zip(i.location_quotients)
            .map(|((key, name, _), lq)| Quotient { key, name, lq })
            .collect(),
    })
}

/// The current names of the Gemeinden whose key starts with `prefix`.
pub async fn municipality_names(
    db: &Db,
    prefix: &str,
) -> Result<std::collections::HashMap<String, String>, sqlx::Error> {
    let names: Vec<(String, String)> = sqlx::query_as(
        "SELECT key, name FROM regions WHERE key LIKE $1 AND level = 'municipality'",
    )
    .bind(format!("{prefix}%"))
    .fetch_all(db.pool())
    .await?;
    Ok(names.into_iter().collect())
}

/// The Gemeinden below `region` with Zensus 2022 population and
/// (derived) foreigners.
pub async fn municipalities(db: &Db, region: &str) -> Result<Option<Concentration>, sqlx::Error> {
    let prefix = if region == "DG" { "" } else { region };
    let table = "Zensus2022-Gemeinden";
    let totals = observations::series_below(db, Cells::all(table, "PRS018"), prefix, 8).await?;
    let foreigners = observations::series_below(db, Cells::all(table, "AUSL"), prefix, 8).await?;
    let names = municipality_names(db, prefix).await?;
    // The first cell of each Gemeinde, looked up by key (not searched: a
    // Land has thousands of Gemeinden).
    let mut groups: HashMap<&str, Option<f64>> = HashMap::new();
    for g in foreigners.iter() {
        groups.entry(g.region_key.as_str()).or_insert(g.value);
    }
    let mut units: Vec<(String, String, Unit)> = totals
        .iter()
        .filter_map(|t| {
            let group = (*groups.get(t.region_key.as_str())?)?;
            Some((
                t.region_key.clone(),
                names.get(&t.region_key).cloned().unwrap_or_default(),
                Unit {
                    group,
                    total: t.value?,
                },
            ))
        })
        .collect();
    units.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(finish(
        units,
        "municipalities",
        "Zensus 2022, Gemeinden (Ausländer aus dem Anteil abgeleitet)",
        "2022",
    ))
}

/// The shipped 1 km cells (Mittelfranken, Zensus 2011): inhabitants and
/// foreigners derived from the published share; cells without data (−1)
/// are left out.
pub fn grid_units() -> Vec<(String, String, Unit)> {
    grid_cells()
        .into_iter()
        .map(|(key, unit, _)| (key, String::new(), unit))
        .collect()
}

/// The cells with their centre as (longitude, latitude).
fn grid_cells() -> Vec<(String, Unit, [f64; 2])> {
    let mut out = Vec::new();
    for line in GRID.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        if f.len() < 4 {
            continue;
        }
        let (Some(total), Some(share)) = (values::number(f[0]), values::number(f[3])) else {
            continue;
        };
        if total < 0.0 || share < 0.0 {
            continue;
        }
        let key = format!(
            "1kmN{}E{}",
            &f[2][..f[2].len().saturating_sub(3)],
            &f[1][..f[1].len().saturating_sub(3)]
        );
        let centre = [
            values::number(f[4]).unwrap_or(f64::NAN),
            values::number(f[5]).unwrap_or(f64::NAN),
        ];
        out.push((
            key,
            Unit {
                group: (total * share / 100.0).round(),
                total,
            },
            centre,
        ));
    }
    out
}

/// The region's grid indices: all of Mittelfranken, or the cells whose
/// centre lies in a Kreis or Gemeinde of it (by the Gemeinde outlines);
/// `None` outside the shipped grid.
pub fn grid_in(region: &str) -> Option<Concentration> {
    if region == GRID_REGION {
        return grid();
    }
    if !region.starts_with(GRID_REGION) || !matches!(region.len(), 5 | 8) {
        return None;
    }
    let outlines = boundaries::municipality_outlines(region);
    let bounds: Vec<[f64; 4]> = outlines.iter().map(|o| extent(o)).collect();
    let units = grid_cells()
        .into_iter()
        .filter(|(_, _, [lon, lat])| {
            outlines.iter().zip(&bounds).any(|(o, b)| {
                *lon >= b[0]
                    && *lon <= b[1]
                    && *lat >= b[2]
                    && *lat <= b[3]
                    && boundaries::contains(o, *lon, *lat)
            })
        })
        .map(|(key, unit, _)| (key, String::new(), unit))
        .collect();
    finish(units, "grid_1km", GRID_SOURCE, "2011")
}

/// West, east, south and north of an outline.
fn extent(o: &boundaries::Outline) -> [f64; 4] {
    o.polygons
        .iter()
        .flatten()
        .flatten()
        .fold([f64::MAX, f64::MIN, f64::MAX, f64::MIN], |b, p| {
            [
                b[0].min(p[0]),
                b[1].max(p[0]),
                b[2].min(p[1]),
                b[3].max(p[1]),
            ]
        })
}

pub fn grid() -> Option<Concentration> {
    finish(grid_units(), "grid_1km", GRID_SOURCE, "2011")
}
