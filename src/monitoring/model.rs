//! Views of the statistics capability, shared by the JSON API and the
//! pages.

use std::collections::BTreeMap;

use serde::Serialize;
use utoipa::ToSchema;

use super::{
    import::Measure,
    indicators::{catalogue::Indicator, series::Point},
    store::{DatasetRow, observations::Stored},
};

/// A measure of a table.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct MeasureView {
    pub code: String,
    pub name: String,
    pub unit: String,
}

impl From<Measure> for MeasureView {
    fn from(m: Measure) -> Self {
        Self {
            code: m.code,
            name: m.name,
            unit: m.unit,
        }
    }
}

/// An imported or shipped table.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct TableView {
    pub code: String,
    pub title: String,
    /// The publishing office or database.
    pub source: String,
    pub licence: String,
    pub periods: Vec<String>,
    /// Observations stored from this file.
    pub count: i64,
    pub sha256: String,
    pub format: String,
    pub file_name: String,
    /// UNIX seconds.
    pub imported_at: i64,
    pub shipped: bool,
    pub measures: Vec<MeasureView>,
    /// Count of each special mark.
    pub marks: BTreeMap<String, u64>,
}

impl From<DatasetRow> for TableView {
    fn from(d: DatasetRow) -> Self {
        Self {
            code: d.table_code,
            title: d.title,
            source: d.source,
            licence: d.licence,
            periods: d.periods,
            count: d.observations,
            sha256: d.sha256,
            format: d.format,
            file_name: d.file_name,
            imported_at: d.imported_at,
            shipped: d.shipped,
            measures: d.measures.into_iter().map(Into::into).collect(),
            marks: d.marks,
        }
    }
}

/// One observation.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ObservationView {
    pub table: String,
    /// AGS (any level) or `DG` for Germany.
    pub region: String,
    /// A year (`2016`) or a reference day (`2015-12-31`).
    pub period: String,
    pub measure: String,
    pub unit: String,
    /// Classifier → attribute, e.g. `{"Geschlecht": "weiblich"}`.
    pub dimensions: BTreeMap<String, String>,
    pub value: Option<f64>,
    /// Special mark as published (`-`, `.`, `...`, `/`, `x`, `()`, `p`, …), or `derived`.
    pub mark: Option<String>,
    pub source: String,
    pub licence: String,
}

impl From<Stored> for ObservationView {
    fn from(s: Stored) -> Self {
        Self {
            table: s.table_code,
            region: s.region_key,
            period: s.period,
            measure: s.measure,
            unit: s.unit,
            dimensions: s
                .dims
                .iter()
                .map(|d| (d.classifier.clone(), d.attribute.clone()))
                .collect(),
            value: s.value,
            mark: s.mark,
            source: s.source,
            licence: s.licence,
        }
    }
}

/// A page of observations.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ObservationPage {
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
    pub items: Vec<ObservationView>,
}

/// An indicator's definition.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct IndicatorView {
    pub code: String,
    pub name_de: String,
    pub name_en: String,
    pub definition_de: String,
    pub definition_en: String,
    pub unit: String,
    /// `germany`, `state`, `district_government`, `district`, `municipality`.
    pub levels: Vec<String>,
    /// Each source is its own series.
    pub sources: Vec<String>,
    /// Whether the series is a breakdown into categories.
    pub breakdown: bool,
}

impl From<&Indicator> for IndicatorView {
    fn from(i: &Indicator) -> Self {
        Self {
            code: i.code.into(),
            name_de: i.name_de.into(),
            name_en: i.name_en.into(),
            definition_de: i.definition_de.into(),
            definition_en: i.definition_en.into(),
            unit: i.unit.into(),
            levels: i.levels.iter().map(|l| l.to_string()).collect(),
            sources: i.variants.iter().map(|v| v.source.to_string()).collect(),
            breakdown: i.variants.iter().any(|v| v.breakdown.is_some()),
        }
    }
}

/// A region named in a series.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct RegionName {
    pub key: String,
    pub name: String,
}

/// An indicator's series for one region.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct IndicatorSeries {
    pub indicator: IndicatorView,
    pub region: RegionName,
    pub series: Vec<Point>,
}
