//! The store: one query code path for SQLite and PostgreSQL.
//!
//! Queries are portable SQL run through `sqlx::Any` with `$1` placeholders,
//! which both backends accept. The few dialect differences (row locking for
//! the job queue, the connection set-up) are confined to this module and
//! `core::jobs`. Times are stored as UNIX seconds, flags as 0/1 integers,
//! because the `Any` driver carries only basic types.

use std::{path::Path, str::FromStr, time::Duration};

use anyhow::Context;
use sqlx::{
    AnyPool, Executor,
    any::{AnyConnectOptions, AnyPoolOptions},
    migrate::Migrator,
};

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/postgres");

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }
}

pub type Tx = sqlx::Transaction<'static, sqlx::Any>;

#[derive(Clone, Debug)]
pub struct Db {
    pool: AnyPool,
    backend: Backend,
}

impl Db {
    /// Connects, creating the SQLite file (and its folder) if needed.
    pub async fn connect(url: &str) -> anyhow::Result<Self> {
        sqlx::any::install_default_drivers();
        let backend = if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else {
            Backend::Postgres
        };
        let url = match backend {
            Backend::Sqlite => sqlite_url(url)?,
            Backend::Postgres => url.to_string(),
        };
        let options = AnyConnectOptions::from_str(&url).context("invalid database URL")?;
        let pool = AnyPoolOptions::new()
            .max_connections(if backend == Backend::Sqlite { 8 } else { 16 })
            .acquire_timeout(Duration::from_secs(10))
            .after_connect(move |conn, _| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        // WAL lets readers work while one writer commits; the
                        // busy timeout makes writers wait instead of failing.
                        conn.execute("PRAGMA journal_mode = WAL").await?;
                        conn.execute("PRAGMA busy_timeout = 10000").await?;
                        conn.execute("PRAGMA synchronous = NORMAL").await?;
                        conn.execute("PRAGMA foreign_keys = ON").await?;
                    }
                    Ok(())
                })
            })
            .connect_with(options)
            .await
            .with_context(|| format!("cannot open the {} database", backend.name()))?;
        Ok(Self { pool, backend })
    }

    /// Applies the migrations of this backend's tree.
    pub async fn migrate(&self) -> anyhow::Result<()> {
        let migrator = match self.backend {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        };
        migrator
            .run(&self.pool)
            .await
            .context("database migration failed")?;
        Ok(())
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Begins a write transaction. On SQLite it takes the write lock at
    /// once (`BEGIN IMMEDIATE`): a deferred transaction that reads first
    /// and writes later cannot wait for a busy writer (SQLite answers
    /// "database is locked" at once instead of honouring the busy
    /// timeout), so parallel writers would fail; taken up front, they
    /// queue for up to the busy timeout.
    pub async fn begin(&self) -> Result<Tx, sqlx::Error> {
        match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await,
            Backend::Postgres => self.pool.begin().await,
        }
    }

    /// Writes a consistent copy of a SQLite database while it is in use.
    pub async fn backup_sqlite(&self, target: &Path) -> anyhow::Result<()> {
        anyhow::ensure!(
            self.backend == Backend::Sqlite,
            "ikon backup copies SQLite databases; for PostgreSQL use pg_dump (see README)"
        );
        anyhow::ensure!(
            !target.exists(),
            "{} exists already; choose a new file",
            target.display()
        );
        let path = target.to_str().context("backup path must be UTF-8")?;
        sqlx::query("VACUUM INTO $1")
            .bind(path)
            .execute(&self.pool)
            .await
            .context("backup failed")?;
        Ok(())
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// Adds `mode=rwc` so a missing file is created, and creates its folder.
fn sqlite_url(url: &str) -> anyhow::Result<String> {
    let path = url
        .trim_start_matches("sqlite://")
        .trim_start_matches("sqlite:");
    let path = path.split('?').next().unwrap_or_default();
    if path.is_empty() || path == ":memory:" {
        anyhow::bail!(
            "IKON_DATABASE_URL must name a SQLite file, e.g. sqlite://ikon-data/ikon.sqlite3"
        );
    }
    if let Some(dir) = Path::new(path)
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
    {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create the folder {}", dir.display()))?;
    }
    Ok(if url.contains('?') {
        url.to_string()
    } else {
        format!("sqlite://{path}?mode=rwc")
    })
}

/// The current time as UNIX seconds, the unit every `*_at` column uses.
pub fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

/// A query on the `Any` driver, as `sqlx::query` builds it.
pub type AnyQuery<'q> = sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>;

/// Binding a number that may be missing.
pub trait BindFloat {
    /// Binds `value` so that PostgreSQL sees an 8-byte float whether or
    /// not it is missing. sqlx 0.8's `Any` driver swaps the types of
    /// missing floats: a missing `f64` is sent as a 4-byte float, a missing
    /// `f32` as an 8-byte one. Bound plainly, a statement prepared on a
    /// connection with a missing value in one place refuses a number there
    /// later ("incorrect binary data format").
    fn bind_float(self, value: Option<f64>) -> Self;
}

impl BindFloat for AnyQuery<'_> {
    fn bind_float(self, value: Option<f64>) -> Self {
        match value {
            Some(v) => self.bind(v),
            None => self.bind(None::<f32>),
        }
    }
}

/// Rows per multi-row insert of `columns` columns. SQLite looks up each
/// `$N` by a linear scan of the statement's parameter names, when it
/// parses the statement and again when sqlx binds it, so the cost per row
/// grows with the size of the statement: at 999 parameters these lookups
/// were 60 % of a statistics import's time. About 150 parameters keep
/// them small and the statements few. PostgreSQL binds in order, so there
/// a larger statement only saves round trips.
pub fn rows_per_insert(tx: &mut Tx, columns: usize) -> usize {
    let params = if tx.backend_name() == "SQLite" {
        150
    } else {
        4_500
    };
    (params / columns.max(1)).max(1)
}

/// `($1, $2, $3), ($4, $5, $6), …` for a multi-row insert.
pub fn values_placeholders(rows: usize, columns: usize) -> String {
    let mut out = String::with_capacity(rows * columns * 5);
    for r in 0..rows {
        if r > 0 {
            out.push_str(", ");
        }
        out.push('(');
        for c in 0..columns {
            if c > 0 {
                out.push_str(", ");
            }
            out.push('$');
            out.push_str(&(r * columns + c + 1).to_string());
        }
        out.push(')');
    }
    out
}

/// Folds a name for case- and accent-insensitive search the same way on
/// both backends (SQLite's `lower()` only knows ASCII).
pub fn search_key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            'é' | 'è' | 'ê' => out.push('e'),
            'á' | 'à' | 'â' => out.push('a'),
            c => out.push(c),
        }
    }
    out
}

/// Escapes `%`, `_` and `\` so user text matches literally inside LIKE.
pub fn like_pattern(text: &str) -> String {
    let mut out = String::from("%");
    for c in search_key(text.trim()).chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('%');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_number_rows_in_order() {
        assert_eq!(values_placeholders(2, 2), "($1, $2), ($3, $4)");
    }

    #[test]
    fn search_key_folds_umlauts() {
        assert_eq!(
            search_key("Neustadt a.d.Aisch-Bad Windsheim"),
            "neustadt a.d.aisch-bad windsheim"
        );
        assert_eq!(search_key("Fürth"), "fuerth");
        assert_eq!(like_pattern("50%_x"), "%50\\%\\_x%");
    }
}
