//! Observations: written in batches, replaced per table and period, read
//! by table, region and period.

use sqlx::Row;

use super::{dims_from_json, dims_json};
use crate::{
    core::store::{Backend, Db, Tx, values_placeholders},
    monitoring::import::{Dim, Obs},
};

const COLUMNS: usize = 9;

/// Cells per insert statement. SQLite looks up each `$N` by a linear scan
/// of the statement's parameter names, when it parses the statement and
/// again when sqlx binds it, so the cost per cell grows with the size of
/// the statement: at 111 cells (999 parameters) these lookups were 60 % of
/// an import's time. 16 cells keep them small and the statements few.
/// PostgreSQL binds in order, so there a larger statement only saves
/// round trips.
fn cells_per_statement(tx: &mut Tx) -> usize {
    if tx.backend_name() == "SQLite" {
        16
    } else {
        500
    }
}

pub async fn insert(
    tx: &mut Tx,
    dataset_id: i64,
    table_code: &str,
    rows: &[Obs],
) -> Result<(), sqlx::Error> {
    let per_statement = cells_per_statement(tx);
    for chunk in rows.chunks(per_statement) {
        let sql = format!(
            "INSERT INTO stat_observations (dataset_id, table_code, region_key, period, measure,
                unit, dims, value, mark) VALUES {}",
            values_placeholders(chunk.len(), COLUMNS)
        );
        // Not prepared for reuse: the `Any` driver binds a missing float
        // as a 4-byte float on PostgreSQL, so a statement prepared with a
        // missing value in one place would refuse a number there later.
        let mut q = sqlx::query(&sql).persistent(false);
        for o in chunk {
            q = q
                .bind(dataset_id)
                .bind(table_code)
                .bind(o.region_key.as_str())
                .bind(o.period.as_str())
                .bind(o.measure.as_str())
                .bind(o.unit.as_str())
                .bind(dims_json(&o.dims))
                .bind(o.value)
                .bind(o.mark.as_deref());
        }
        q.execute(&mut **tx).await?;
    }
    Ok(())
}

/// Moves the observations of other datasets of `table_code` in `periods`
/// into the history (a newer export replaces them); returns how many.
pub async fn replace_periods(
    tx: &mut Tx,
    table_code: &str,
    dataset_id: i64,
    periods: &[String],
    at: i64,
) -> Result<u64, sqlx::Error> {
    let mut moved = 0;
    for chunk in periods.chunks(200) {
        let list = |first: usize| {
            (0..chunk.len())
                .map(|i| format!("${}", i + first))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let copy = format!(
            "INSERT INTO stat_observation_history (dataset_id, replaced_by, replaced_at, table_code,
                region_key, period, measure, unit, dims, value, mark)
             SELECT dataset_id, $2, $3, table_code, region_key, period, measure, unit, dims, value, mark
             FROM stat_observations
             WHERE table_code = $1 AND dataset_id <> $2 AND period IN ({})",
            list(4)
        );
        let mut q = sqlx::query(&copy)
            .bind(table_code)
            .bind(dataset_id)
            .bind(at);
        for p in chunk {
            q = q.bind(p.as_str());
        }
        moved += q.execute(&mut **tx).await?.rows_affected();
        let delete = format!(
            "DELETE FROM stat_observations
             WHERE table_code = $1 AND dataset_id <> $2 AND period IN ({})",
            list(3)
        );
        let mut q = sqlx::query(&delete).bind(table_code).bind(dataset_id);
        for p in chunk {
            q = q.bind(p.as_str());
        }
        q.execute(&mut **tx).await?;
    }
    // A dataset left without observations counts none.
    sqlx::query(
        "UPDATE stat_datasets SET observations = (SELECT COUNT(*) FROM stat_observations o WHERE o.dataset_id = stat_datasets.id)
         WHERE table_code = $1 AND id <> $2",
    )
    .bind(table_code)
    .bind(dataset_id)
    .execute(&mut **tx)
    .await?;
    Ok(moved)
}

/// The periods of `table_code` that have observations.
pub async fn stored_periods(
    db: &Db,
    table_code: &str,
) -> Result<std::collections::HashSet<String>, sqlx::Error> {
    let periods: Vec<String> =
        sqlx::query_scalar("SELECT DISTINCT period FROM stat_observations WHERE table_code = $1")
            .bind(table_code)
            .fetch_all(db.pool())
            .await?;
    Ok(periods.into_iter().collect())
}

/// One stored observation with its dataset's source and licence.
#[derive(Clone, Debug)]
pub struct Stored {
    pub table_code: String,
    pub region_key: String,
    pub period: String,
    pub measure: String,
    pub unit: String,
    pub dims: Vec<Dim>,
    pub value: Option<f64>,
    pub mark: Option<String>,
    pub source: String,
    pub licence: String,
}

fn stored(row: sqlx::any::AnyRow) -> Stored {
    Stored {
        table_code: row.get("table_code"),
        region_key: row.get("region_key"),
        period: row.get("period"),
        measure: row.get("measure"),
        unit: row.get("unit"),
        dims: dims_from_json(row.get::<&str, _>("dims")),
        value: row.get("value"),
        mark: row.get("mark"),
        source: row.get("source"),
        licence: row.get("licence"),
    }
}

/// Filters of the observations listing; `None` = any.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    pub table: Option<String>,
    pub region: Option<String>,
    pub period: Option<String>,
}

fn where_clause(f: &Filter) -> (String, Vec<String>) {
    let mut parts = Vec::new();
    let mut binds = Vec::new();
    for (column, value) in [
        ("o.table_code", &f.table),
        ("o.region_key", &f.region),
        ("o.period", &f.period),
    ] {
        if let Some(v) = value {
            binds.push(v.clone());
            parts.push(format!("{column} = ${}", binds.len()));
        }
    }
    let clause = if parts.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", parts.join(" AND "))
    };
    (clause, binds)
}

pub async fn count(db: &Db, f: &Filter) -> Result<i64, sqlx::Error> {
    let (clause, binds) = where_clause(f);
    let sql = format!("SELECT COUNT(*) FROM stat_observations o {clause}");
    let mut q = sqlx::query_scalar(&sql);
    for b in &binds {
        q = q.bind(b.as_str());
    }
    q.fetch_one(db.pool()).await
}

pub async fn page(
    db: &Db,
    f: &Filter,
    offset: i64,
    limit: i64,
) -> Result<Vec<Stored>, sqlx::Error> {
    let (clause, binds) = where_clause(f);
    let sql = format!(
        "SELECT o.table_code, o.region_key, o.period, o.measure, o.unit, o.dims, o.value, o.mark,
            d.source, d.licence
         FROM stat_observations o JOIN stat_datasets d ON d.id = o.dataset_id
         {clause} ORDER BY o.id LIMIT ${} OFFSET ${}",
        binds.len() + 1,
        binds.len() + 2
    );
    let mut q = sqlx::query(&sql);
    for b in &binds {
        q = q.bind(b.as_str());
    }
    Ok(q.bind(limit)
        .bind(offset)
        .fetch_all(db.pool())
        .await?
        .into_iter()
        .map(stored)
        .collect())
}

/// A value bound to a query of observations.
enum Bind<'a> {
    Text(&'a str),
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

/// What one page has read, by query: see `read_once`.
type Kept = std::sync::Mutex<std::collections::HashMap<String, std::sync::Arc<Vec<Stored>>>>;

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

/// The observations of `table_code` and `measure` that `condition` (on
/// `o`, binds from `$3`) selects, by period and order of import; once per
/// page inside `read_once`.
async fn read(
    db: &Db,
    table_code: &str,
    measure: &str,
    condition: &str,
    binds: &[Bind<'_>],
) -> Result<Vec<Stored>, sqlx::Error> {
    let mut key = format!("{table_code}\u{1f}{measure}\u{1f}{condition}");
    for b in binds {
        key.push_str(&format!("\u{1f}{b}"));
    }
    let kept = KEPT
        .try_with(|k| k.lock().ok().and_then(|k| k.get(&key).cloned()))
        .ok()
        .flatten();
    if let Some(kept) = kept {
        return Ok(kept.as_ref().clone());
    }
    let read = read_now(db, table_code, measure, condition, binds).await?;
    let _ = KEPT.try_with(|k| {
        if let Ok(mut k) = k.lock() {
            k.insert(key, std::sync::Arc::new(read.clone()));
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
    table_code: &str,
    measure: &str,
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
    let mut q = sqlx::query_scalar::<_, String>(&sql)
        .bind(table_code)
        .bind(measure);
    for b in binds {
        q = match b {
            Bind::Text(t) => q.bind(*t),
            Bind::Int(i) => q.bind(*i),
        };
    }
    let json = q.fetch_one(db.pool()).await?;
    type Cell = (
        i64,
        String,
        String,
        String,
        String,
        Option<f64>,
        Option<String>,
    );
    let cells: Vec<Cell> =
        serde_json::from_str(&json).map_err(|e| sqlx::Error::Decode(e.into()))?;
    let datasets: std::collections::HashMap<i64, (String, String)> =
        sqlx::query("SELECT id, source, licence FROM stat_datasets WHERE table_code = $1")
            .bind(table_code)
            .fetch_all(db.pool())
            .await?
            .iter()
            .map(|r| (r.get("id"), (r.get("source"), r.get("licence"))))
            .collect();
    Ok(cells
        .into_iter()
        .filter_map(|(dataset, region_key, period, unit, dims, value, mark)| {
            let (source, licence) = datasets.get(&dataset)?.clone();
            Some(Stored {
                table_code: table_code.to_string(),
                region_key,
                period,
                measure: measure.to_string(),
                unit,
                dims: dims_from_json(&dims),
                value,
                mark,
                source,
                licence,
            })
        })
        .collect())
}

/// Every observation of `table_code` and `measure` for the given regions.
pub async fn series(
    db: &Db,
    table_code: &str,
    measure: &str,
    regions: &[String],
) -> Result<Vec<Stored>, sqlx::Error> {
    if regions.is_empty() {
        return Ok(Vec::new());
    }
    let list = (0..regions.len())
        .map(|i| format!("${}", i + 3))
        .collect::<Vec<_>>()
        .join(", ");
    let binds: Vec<Bind> = regions.iter().map(|r| Bind::Text(r)).collect();
    read(
        db,
        table_code,
        measure,
        &format!("o.region_key IN ({list})"),
        &binds,
    )
    .await
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

/// Every observation of `table_code` and `measure` for the regions whose
/// keys start with `prefix` and have `key_len` characters (`""` for all).
pub async fn series_below(
    db: &Db,
    table_code: &str,
    measure: &str,
    prefix: &str,
    key_len: usize,
) -> Result<Vec<Stored>, sqlx::Error> {
    let digits = !prefix.is_empty() && prefix.bytes().all(|b| b.is_ascii_digit());
    let upper = after_prefix(prefix);
    let pattern = format!("{prefix}%");
    let mut binds = vec![Bind::Text(&pattern), Bind::Int(key_len as i64)];
    let range = match (digits, &upper) {
        (true, Some(upper)) => {
            binds.extend([Bind::Text(prefix), Bind::Text(upper)]);
            " AND o.region_key >= $5 AND o.region_key < $6"
        }
        (true, None) => {
            binds.push(Bind::Text(prefix));
            " AND o.region_key >= $5"
        }
        (false, _) => "",
    };
    read(
        db,
        table_code,
        measure,
        &format!("o.region_key LIKE $3 AND LENGTH(o.region_key) = $4{range}"),
        &binds,
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::after_prefix;

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
