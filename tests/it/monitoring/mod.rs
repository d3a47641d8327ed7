//! Monitoring: official statistics in (every export format, marks kept,
//! bad files refused whole), indicators and the situation analysis.

mod api;
mod cli;
mod comparison;
mod concentration;
mod import_errors;
mod import_formats;
mod import_mapping;
mod import_page;
mod import_updates;
mod maps;
mod needs;
mod report;
mod shipped;
mod situation;
mod sums;

use std::{collections::BTreeMap, path::PathBuf};

use ikon::{
    core::audit::Actor,
    monitoring::{import::ImportError, service::import::Report},
};
use sqlx::Row;

use crate::common::TestApp;

pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/statistics")
        .join(name)
}

/// Imports a file as the CLI would.
pub async fn import(app: &TestApp, path: &std::path::Path) -> Result<Report, ImportError> {
    let name = path.file_name().unwrap().to_string_lossy().to_string();
    ikon::monitoring::service::import::import_file(app.db(), path, &name, Actor::System("test"))
        .await
        .expect("no internal failure")
}

/// Writes `content` to a file called `name` and imports it as the CLI
/// would.
pub async fn import_text(
    app: &TestApp,
    name: &str,
    content: impl AsRef<[u8]>,
) -> Result<Report, ImportError> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, content).unwrap();
    import(app, &path).await
}

/// (region, period, measure, attribute labels) of a stored cell.
pub type CellKey = (String, String, String, Vec<String>);

/// Every stored cell of a table: value and mark.
pub async fn cells(app: &TestApp, table: &str) -> BTreeMap<CellKey, (Option<f64>, Option<String>)> {
    let rows = sqlx::query(
        "SELECT region_key, period, measure, dims, value, mark FROM stat_observations WHERE table_code = $1",
    )
    .bind(table)
    .fetch_all(app.db().pool())
    .await
    .unwrap();
    let mut out = BTreeMap::new();
    for r in rows {
        let dims: Vec<[String; 4]> = serde_json::from_str(r.get::<&str, _>("dims")).unwrap();
        let mut labels: Vec<String> = dims.into_iter().map(|[_, _, _, a]| a).collect();
        labels.sort();
        let key = (
            r.get::<String, _>("region_key"),
            r.get::<String, _>("period"),
            r.get::<String, _>("measure"),
            labels,
        );
        let previous = out.insert(key.clone(), (r.get("value"), r.get("mark")));
        assert!(previous.is_none(), "two cells for {key:?}");
    }
    out
}

pub async fn count(app: &TestApp, table: &str) -> i64 {
    sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
        .fetch_one(app.db().pool())
        .await
        .unwrap()
}

/// A file's lines as text (ISO-8859-1 where it is not UTF-8), line ends cut.
pub fn lines(path: &std::path::Path) -> Vec<String> {
    let bytes = std::fs::read(path).unwrap();
    let text = match String::from_utf8(bytes.clone()) {
        Ok(t) => t,
        Err(_) => bytes.iter().map(|&b| b as char).collect(),
    };
    text.trim_start_matches('\u{feff}')
        .split('\n')
        .map(|l| l.trim_end_matches('\r').to_string())
        .collect()
}

/// What a published cell must become: `-` is zero marked `-`, `.` and
/// the other marks have no value, a number is itself.
pub fn expected(cell: &str) -> (Option<f64>, Option<String>) {
    match cell {
        "-" => (Some(0.0), Some("-".into())),
        "." | "..." | "/" | "x" | "0" => (None, Some(cell.into())),
        n => (Some(n.replace(',', ".").parse().unwrap()), None),
    }
}
