//! Reading observations for indicators and maps: by region, below a
//! region, or summed below a region by the database; each query once per
//! page inside `read_once`.

use std::{collections::HashMap, sync::Arc};

use sqlx::Row;

use super::{Stored, Tally, dims_from_json};
use crate::{
    core::store::{Backend, Db},
    monitoring::{import::Dim, service::shipped::sources::DERIVED},
};

/// A value bound to a query of observations.
enum Bind<'a> {
    Text(std::borrow::Cow<'a, str>),
    Int(i64),
}

impl std::fmt::Display for Bind<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Bind::Text(t) => f.write_str(t),
            Bind::Int(i) => write!(f, "{i}"),
        }
    }
}

/// Which cells to read: a measure of a table, and the (classifier,
/// attribute) labels every cell must carry (none: every cell of the
/// measure). Only the attributes narrow the read.
#[derive(Clone, Copy, Debug)]
pub struct Cells<'a> {
    pub table: &'a str,
    pub measure: &'a str,
    pub labels: &'a [(&'a str, &'a str)],
}

impl<'a> Cells<'a> {
    /// Every cell of `measure` in `table`.
    pub fn all(table: &'a str, measure: &'a str) -> Self {
        Cells {
            table,
            measure,
            labels: &[],
        }
    }

    /// `condition` (binds from `$3`) narrowed to cells whose dimensions
    /// name every label. The stored dimensions are JSON text, so the
    /// database looks for each label as a JSON string in it: a cell that
    /// names it only as a code or classifier may come along too, and the
    /// caller matches labels to classifiers exactly. Of the 189 cells per
    /// region and day of 12411-03-03-4 (21 age groups × 3 nationalities ×
    /// 3 sexes), the foreigners' total (`Ausländer(innen)`, `Insgesamt`,
    /// `Insgesamt`) sends 23: those of foreigners that name `Insgesamt`
    /// for either the sex or the age.
    fn narrow<'b>(
        &self,
        mut condition: String,
        mut binds: Vec<Bind<'b>>,
    ) -> (String, Vec<Bind<'b>>) {
        for (_, attribute) in self.labels {
            let json = serde_json::to_string(attribute).unwrap_or_default();
            let escaped = json
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_");
            binds.push(Bind::Text(format!("%{escaped}%").into()));
            condition.push_str(&format!(
                " AND o.dims LIKE ${} ESCAPE '\\'",
                binds.len() + 2
            ));
        }
        (condition, binds)
    }
}

/// `sql` with the table and measure as `$1` and `$2`, then `binds`.
fn bound<'q>(
    sql: &'q str,
    cells: Cells<'q>,
    binds: &'q [Bind<'_>],
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
    let mut q = sqlx::query(sql).bind(cells.table).bind(cells.measure);
    for b in binds {
        q = match b {
            Bind::Text(t) => q.bind(t.as_ref()),
            Bind::Int(i) => q.bind(*i),
        };
    }
    q
}

/// What one page has read, by query: see `read_once`.
type Kept = std::sync::Mutex<HashMap<String, Arc<Vec<Stored>>>>;

tokio::task_local! {
    static KEPT: Kept;
}

/// Runs `work` with every query of observations it makes answered once:
/// a page asks for the same cells many times (a share's numerator and
/// denominator are usually one table, several indicators and the
/// comparison with the larger regions read the same tables), and within
/// one page the data cannot change in a way the reader would notice.
/// Nothing is kept beyond `work`.
pub async fn read_once<F: std::future::Future>(work: F) -> F::Output {
    KEPT.scope(Kept::default(), work).await
}

/// The cells that `condition` (on `o`, binds from `$3`) selects, by
/// period and order of import; once per page inside `read_once`.
async fn read(
    db: &Db,
    cells: Cells<'_>,
    condition: String,
    binds: Vec<Bind<'_>>,
) -> Result<Arc<Vec<Stored>>, sqlx::Error> {
    let (condition, binds) = cells.narrow(condition, binds);
    once(key("cells", cells, &condition, &binds), || {
        read_now(db, cells, &condition, &binds)
    })
    .await
}

fn key(kind: &str, cells: Cells<'_>, condition: &str, binds: &[Bind<'_>]) -> String {
    let mut key = format!(
        "{kind}\u{1f}{}\u{1f}{}\u{1f}{condition}",
        cells.table, cells.measure
    );
    for b in binds {
        key.push_str(&format!("\u{1f}{b}"));
    }
    key
}

/// `load`'s answer, read once per page inside `read_once` and shared, not
/// copied, with every later reader (a copy of a few thousand cells costs
/// more than reading them).
async fn once<F, Fut>(key: String, load: F) -> Result<Arc<Vec<Stored>>, sqlx::Error>
where
    F: FnOnce() -> Fut,
    Fut: std::future::Future<Output = Result<Vec<Stored>, sqlx::Error>>,
{
    let kept = KEPT
        .try_with(|k| k.lock().ok().and_then(|k| k.get(&key).cloned()))
        .ok()
        .flatten();
    if let Some(kept) = kept {
        return Ok(kept);
    }
    let read = Arc::new(load().await?);
    let _ = KEPT.try_with(|k| {
        if let Ok(mut k) = k.lock() {
            k.insert(key, read.clone());
        }
    });
    Ok(read)
}

/// `read` from the database, as one JSON array the database builds: the
/// SQLite driver hands rows over one by one across threads (several
/// microseconds each), which made the few thousand cells of a Kreis's
/// Gemeinden the largest part of the situation page on SQLite
/// (`bench/README.md`).
async fn read_now(
    db: &Db,
    cells: Cells<'_>,
    condition: &str,
    binds: &[Bind<'_>],
) -> Result<Vec<Stored>, sqlx::Error> {
    let columns = "o.dataset_id, o.region_key, o.period, o.unit, o.dims, o.value, o.mark";
    let sql = match db.backend() {
        Backend::Sqlite => format!(
            "SELECT json_group_array(json_array({columns}) ORDER BY o.period, o.id)
             FROM stat_observations o WHERE o.table_code = $1 AND o.measure = $2 AND {condition}"
        ),
        Backend::Postgres => format!(
            "SELECT COALESCE(json_agg(json_build_array({columns}) ORDER BY o.period, o.id), '[]'::json)::text
             FROM stat_observations o WHERE o.table_code = $1 AND o.measure = $2 AND {condition}"
        ),
    };
    let json: String = bound(&sql, cells, binds).fetch_one(db.pool()).await?.get(0);
    type Cell = (
        i64,
        String,
        String,
        String,
        String,
        Option<f64>,
        Option<String>,
    );
    let read: Vec<Cell> = serde_json::from_str(&json).map_err(|e| sqlx::Error::Decode(e.into()))?;
    let datasets = datasets(db, cells.table).await?;
    // A table has few combinations of dimensions and many cells: each
    // combination is parsed once and shared.
    let mut parsed: HashMap<String, Arc<Vec<Dim>>> = HashMap::new();
    Ok(read
        .into_iter()
        .filter_map(|(dataset, region_key, period, unit, dims, value, mark)| {
            let (source, licence) = datasets.get(&dataset)?.clone();
            let dims = match parsed.get(&dims) {
                Some(known) => known.clone(),
                None => {
                    let new = Arc::new(dims_from_json(&dims));
                    parsed.insert(dims, new.clone());
                    new
                }
            };
            Some(Stored {
                table_code: cells.table.to_string(),
                region_key,
                period,
                measure: cells.measure.to_string(),
                unit,
                dims,
                value,
                mark,
                source,
                licence,
            })
        })
        .collect())
}

/// The cells of the given regions.
pub async fn series(
    db: &Db,
    cells: Cells<'_>,
    regions: &[String],
) -> Result<Arc<Vec<Stored>>, sqlx::Error> {
    if regions.is_empty() {
        return Ok(Arc::default());
    }
    let list = (0..regions.len())
        .map(|i| format!("${}", i + 3))
        .collect::<Vec<_>>()
        .join(", ");
    let binds: Vec<Bind> = regions.iter().map(|r| Bind::Text(r.into())).collect();
    read(db, cells, format!("o.region_key IN ({list})"), binds).await
}

/// The smallest key after every key that starts with `prefix` ("09575" →
/// "09576", "0959" → "096"); `None` for an empty prefix, one of nines only,
/// or one with other characters than digits. Neither SQLite (its `LIKE` is
/// case-insensitive) nor PostgreSQL (outside the C collation) search an
/// index for `LIKE 'prefix%'`, so a query below a region also names the
/// range of keys; digit strings sort the same in every collation.
fn after_prefix(prefix: &str) -> Option<String> {
    if !prefix.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let kept = prefix.trim_end_matches('9');
    let last = *kept.as_bytes().last()?;
    Some(format!("{}{}", &kept[..kept.len() - 1], (last + 1) as char))
}

/// Source and licence of the datasets of `table_code`, by id.
async fn datasets(
    db: &Db,
    table_code: &str,
) -> Result<HashMap<i64, (String, String)>, sqlx::Error> {
    Ok(
        sqlx::query("SELECT id, source, licence FROM stat_datasets WHERE table_code = $1")
            .bind(table_code)
            .fetch_all(db.pool())
            .await?
            .iter()
            .map(|r| (r.get("id"), (r.get("source"), r.get("licence"))))
            .collect(),
    )
}

/// The condition (on `o`, binds from `$3`) for the regions whose keys
/// start with `prefix` and have `key_len` characters (`""` for all).
fn below(prefix: &str, key_len: usize) -> (String, Vec<Bind<'_>>) {
    let digits = !prefix.is_empty() && prefix.bytes().all(|b| b.is_ascii_digit());
    let mut binds = vec![
        Bind::Text(format!("{prefix}%").into()),
        Bind::Int(key_len as i64),
    ];
    let range = match (digits, after_prefix(prefix)) {
        (true, Some(upper)) => {
            binds.extend([Bind::Text(prefix.into()), Bind::Text(upper.into())]);
            " AND o.region_key >= $5 AND o.region_key < $6"
        }
        (true, None) => {
            binds.push(Bind::Text(prefix.into()));
            " AND o.region_key >= $5"
        }
        (false, _) => "",
    };
    (
        format!("o.region_key LIKE $3 AND LENGTH(o.region_key) = $4{range}"),
        binds,
    )
}

/// The cells of the regions whose keys start with `prefix` and have
/// `key_len` characters (`""` for all).
pub async fn series_below(
    db: &Db,
    cells: Cells<'_>,
    prefix: &str,
    key_len: usize,
) -> Result<Arc<Vec<Stored>>, sqlx::Error> {
    let (condition, binds) = below(prefix, key_len);
    read(db, cells, condition, binds).await
}

/// The observations that `series_below` reads, summed by the database per
/// dataset, period, unit and dimensions, as cells of `region`: a Land's or
/// Germany's figure from its Kreise or Gemeinden without handing every
/// cell over. The marks combine as `Tally` says.
pub async fn totals_below(
    db: &Db,
    cells: Cells<'_>,
    prefix: &str,
    key_len: usize,
    region: &str,
) -> Result<Arc<Vec<Stored>>, sqlx::Error> {
    let (condition, binds) = below(prefix, key_len);
    let (condition, binds) = cells.narrow(condition, binds);
    let key = key("totals", cells, &condition, &binds);
    once(key, || async {
        let sql = format!(
            "SELECT o.dataset_id, o.period, o.unit, o.dims, COUNT(*) AS cells,
                COUNT(o.value) AS known, SUM(o.value) AS total,
                MIN(CASE WHEN o.value IS NULL THEN o.mark END) AS missing_mark,
                SUM(CASE WHEN o.mark = '{DERIVED}' THEN 1 ELSE 0 END) AS derived,
                SUM(CASE WHEN o.mark = '-' THEN 1 ELSE 0 END) AS dashes
             FROM stat_observations o
             WHERE o.table_code = $1 AND o.measure = $2 AND {condition}
             GROUP BY o.dataset_id, o.period, o.unit, o.dims
             ORDER BY o.period, MIN(o.id)"
        );
        let rows = bound(&sql, cells, &binds).fetch_all(db.pool()).await?;
        let datasets = datasets(db, cells.table).await?;
        Ok(rows
            .iter()
            .filter_map(|r| {
                let (source, licence) = datasets.get(&r.get::<i64, _>("dataset_id"))?.clone();
                let tally = Tally {
                    cells: r.get("cells"),
                    known: r.get("known"),
                    total: r.get::<Option<f64>, _>("total").unwrap_or_default(),
                    missing_mark: r.get("missing_mark"),
                    derived: r.get("derived"),
                    dashes: r.get("dashes"),
                };
                Some(Stored {
                    table_code: cells.table.to_string(),
                    region_key: region.to_string(),
                    period: r.get("period"),
                    measure: cells.measure.to_string(),
                    unit: r.get("unit"),
                    dims: Arc::new(dims_from_json(r.get::<&str, _>("dims"))),
                    value: tally.value(),
                    mark: tally.mark(),
                    source,
                    licence,
                })
            })
            .collect())
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::{Bind, Cells, after_prefix};

    #[test]
    fn labels_are_looked_for_as_json_strings_with_like_wildcards_escaped() {
        let cells = Cells {
            table: "t",
            measure: "m",
            labels: &[("", "Ausländer(innen)"), ("Probe", "50%_\"x\"")],
        };
        let (condition, binds) = cells.narrow("o.region_key = $3".into(), vec![Bind::Int(1)]);
        assert_eq!(
            condition,
            "o.region_key = $3 AND o.dims LIKE $4 ESCAPE '\\' AND o.dims LIKE $5 ESCAPE '\\'"
        );
        let patterns: Vec<String> = binds.iter().skip(1).map(ToString::to_string).collect();
        assert_eq!(patterns, ["%\"Ausländer(innen)\"%", r#"%"50\%\_\\"x\\""%"#]);
        // Without labels the condition stays as it was.
        let (condition, binds) = Cells::all("t", "m").narrow("x".into(), vec![]);
        assert_eq!((condition.as_str(), binds.len()), ("x", 0));
    }

    #[test]
    fn the_key_after_a_prefix() {
        assert_eq!(after_prefix("09575").as_deref(), Some("09576"));
        assert_eq!(after_prefix("0959").as_deref(), Some("096"));
        assert_eq!(after_prefix("095").as_deref(), Some("096"));
        assert_eq!(after_prefix("09").as_deref(), Some("1"));
        assert_eq!(after_prefix("99"), None);
        assert_eq!(after_prefix(""), None);
        assert_eq!(after_prefix("DG"), None);
        // Every key below the prefix lies in [prefix, after).
        for key in ["09575000", "09575999", "09575135"] {
            assert!(key >= "09575" && key < after_prefix("09575").unwrap().as_str());
        }
        assert!("09576000" >= after_prefix("09575").unwrap().as_str());
    }
}
