//! An indicator's series for one region: per source, per period (and per
//! category of a breakdown) the value with its numerator, denominator and
//! mark. A region without own figures gets the sum of its children where
//! the indicator allows it (the source then says so). Marks travel: a sum
//! over a cell without value has no value and carries that cell's mark.

use std::collections::BTreeMap;

use serde::Serialize;
use utoipa::ToSchema;

use super::catalogue::{Indicator, PeriodRule, Query, Variant};
use crate::{
    core::store::Db,
    monitoring::{
        service::shipped::sources::DERIVED,
        store::observations::{self, Stored, Tally},
    },
};

/// One value of a series.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct Point {
    /// `2024`, or a reference day `2024-12-31`.
    pub period: String,
    pub value: Option<f64>,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
    /// An official mark (STATISTICS.md §2d) or `derived` for a count ikon
    /// derived from a published share.
    pub mark: Option<String>,
    pub source: String,
    /// The category of a breakdown (e.g. a residence title), else null.
    pub category: Option<String>,
    pub licence: String,
}

/// Cells of one (period, category) added up, with the licence they carry.
#[derive(Clone, Debug, Default)]
struct Sum {
    tally: Tally,
    licence: String,
}

impl Sum {
    fn add(&mut self, s: &Stored) {
        self.tally.add(s.value, s.mark.as_deref());
        self.licence.clone_from(&s.licence);
    }
}

fn matches(q: &Query, s: &Stored) -> bool {
    let has = |classifier: &str, attribute: &str| {
        s.dims.iter().any(|d| {
            d.attribute == attribute && (classifier.is_empty() || d.classifier == classifier)
        })
    };
    q.dims.iter().all(|(c, a)| has(c, a))
        && !q
            .except
            .iter()
            .any(|a| s.dims.iter().any(|d| d.attribute == *a))
}

type Sums = BTreeMap<(String, Option<String>), Sum>;

/// The cells that match a query summed per (period, category).
fn group<'a>(q: &Query, rows: impl Iterator<Item = &'a Stored>, breakdown: Option<&str>) -> Sums {
    let mut out = Sums::new();
    for r in rows.filter(|r| matches(q, r)) {
        let category = breakdown.map(|b| {
            r.dims
                .iter()
                .find(|d| d.classifier == b)
                .map(|d| d.attribute.clone())
                .unwrap_or_default()
        });
        out.entry((r.period.clone(), category)).or_default().add(r);
    }
    out
}

/// Sums of a query per (period, category); `true` when they come from the
/// region's children.
async fn sums(
    db: &Db,
    q: &Query,
    region: &str,
    sum_children: Option<usize>,
    breakdown: Option<&str>,
) -> Result<(Sums, bool), sqlx::Error> {
    let regions = [region.to_string()];
    let mut reads = Vec::new();
    for measure in q.measures {
        reads.push(observations::series(db, q.cells(measure), &regions).await?);
    }
    let mut from_children = false;
    if reads.iter().flat_map(|r| r.iter()).all(|r| !matches(q, r))
        && let Some(len) = sum_children.filter(|&len| region == "DG" || region.len() < len)
    {
        let prefix = if region == "DG" { "" } else { region };
        for measure in q.measures {
            let cells = q.cells(measure);
            reads.push(observations::totals_below(db, cells, prefix, len, region).await?);
        }
        from_children = true;
    }
    let rows = reads.iter().flat_map(|r| r.iter());
    Ok((group(q, rows, breakdown), from_children))
}

/// Sums of a query for every region below `prefix` with keys of `len`
/// digits, by region: a few queries whatever the number of regions.
async fn sums_below(
    db: &Db,
    q: &Query,
    prefix: &str,
    len: usize,
) -> Result<BTreeMap<String, Sums>, sqlx::Error> {
    let mut reads = Vec::new();
    for measure in q.measures {
        reads.push(observations::series_below(db, q.cells(measure), prefix, len).await?);
    }
    let mut regions: BTreeMap<&str, Vec<&Stored>> = BTreeMap::new();
    for r in reads.iter().flat_map(|r| r.iter()) {
        regions.entry(&r.region_key).or_default().push(r);
    }
    Ok(regions
        .into_iter()
        .map(|(key, rows)| (key.to_string(), group(q, rows.into_iter(), None)))
        .collect())
}

fn denominator_period(rule: PeriodRule, period: &str) -> Option<String> {
    match rule {
        PeriodRule::Same => Some(period.to_string()),
        PeriodRule::PreviousYearEnd => {
            let year: i32 = period.get(0..4)?.parse().ok()?;
            Some(format!("{}-12-31", year - 1))
        }
    }
}

async fn variant_series(db: &Db, v: &Variant, region: &str) -> Result<Vec<Point>, sqlx::Error> {
    let (numerators, children) =
        sums(db, &v.numerator, region, v.sum_children, v.breakdown).await?;
    let denominators = match &v.denominator {
        Some(d) => Some(sums(db, d, region, v.sum_children, None).await?.0),
        None => None,
    };
    let source = match (children, v.sum_children) {
        (true, Some(8)) => format!("{} (Summe der Gemeinden)", v.source),
        (true, _) => format!("{} (Summe der Kreise)", v.source),
        (false, _) => v.source.to_string(),
    };
    Ok(combine(v, numerators, denominators.as_ref(), &source))
}

/// Numerators over denominators (of the period the variant's rule names)
/// as points; a numerator without its denominator gives no point.
fn combine(v: &Variant, numerators: Sums, denominators: Option<&Sums>, source: &str) -> Vec<Point> {
    let mut out = Vec::new();
    for ((period, category), num) in numerators {
        let (num_value, num_mark) = (num.tally.value(), num.tally.mark());
        let point = match denominators {
            None => Point {
                period,
                value: num_value,
                numerator: None,
                denominator: None,
                mark: num_mark,
                source: source.to_string(),
                category,
                licence: num.licence,
            },
            Some(dens) => {
                let Some(den) =
                    denominator_period(v.period_rule, &period).and_then(|p| dens.get(&(p, None)))
                else {
                    continue;
                };
                let (den_value, den_mark) = (den.tally.value(), den.tally.mark());
                let value = match (num_value, den_value) {
                    (Some(n), Some(d)) if d > 0.0 => Some(n / d * v.factor),
                    _ => None,
                };
                let mark = if value.is_none() {
                    num_mark.or(den_mark).or(Some("/".into()))
                } else if num_mark.as_deref() == Some(DERIVED)
                    || den_mark.as_deref() == Some(DERIVED)
                {
                    Some(DERIVED.into())
                } else {
                    None
                };
                Point {
                    period,
                    value,
                    numerator: num_value,
                    denominator: den_value,
                    mark,
                    source: source.to_string(),
                    category,
                    licence: num.licence,
                }
            }
        };
        out.push(point);
    }
    out
}

/// The series of `indicator` for every region below `prefix` whose key has
/// `len` digits (8: the Gemeinden of a Kreis), by region, every source
/// with own figures at that level; breakdowns are left out.
pub async fn below(
    db: &Db,
    indicator: &Indicator,
    prefix: &str,
    len: usize,
) -> Result<BTreeMap<String, Vec<Point>>, sqlx::Error> {
    let mut out: BTreeMap<String, Vec<Point>> = BTreeMap::new();
    for v in indicator.variants.iter().filter(|v| v.breakdown.is_none()) {
        let numerators = sums_below(db, &v.numerator, prefix, len).await?;
        let denominators = match &v.denominator {
            Some(d) => Some(sums_below(db, d, prefix, len).await?),
            None => None,
        };
        for (region, sums) in numerators {
            let dens = match &denominators {
                Some(all) => match all.get(&region) {
                    Some(d) => Some(d),
                    None => continue,
                },
                None => None,
            };
            out.entry(region)
                .or_default()
                .extend(combine(v, sums, dens, v.source));
        }
    }
    Ok(out)
}

/// The series of `indicator` for `region` (an AGS or `DG`), every source,
/// oldest period first; only `period` if given (`2016` also matches
/// `2016-12-31`).
pub async fn series(
    db: &Db,
    indicator: &Indicator,
    region: &str,
    period: Option<&str>,
) -> Result<Vec<Point>, sqlx::Error> {
    let mut out = Vec::new();
    for v in indicator.variants {
        out.extend(variant_series(db, v, region).await?);
    }
    if let Some(p) = period {
        out.retain(|point| point.period == p || point.period.starts_with(&format!("{p}-")));
    }
    out.sort_by(|a, b| a.period.cmp(&b.period).then(a.source.cmp(&b.source)));
    Ok(out)
}
