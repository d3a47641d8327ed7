//! Backups that restore exactly: a folder with a consistent copy of the
//! SQLite database (`VACUUM INTO`, taken while ikon runs) and every file
//! of `<data_dir>/files/` (attachments, stored under their SHA-256, so a
//! copy can be checked against its name). `ikon restore` puts both back
//! into a data folder while ikon is stopped, checking every file first.
//! On PostgreSQL the database is saved with `pg_dump` (README); the
//! backup folder then holds the files.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail, ensure};
use sha2::{Digest, Sha256};

use crate::core::{
    config::Config,
    store::{Backend, Db},
};

pub const DATABASE_FILE: &str = "ikon.sqlite3";
pub const FILES: &str = "files";

#[derive(Debug, Default)]
pub struct Summary {
    pub database: bool,
    pub files: usize,
}

/// Writes a backup folder `target` (which must not exist yet).
pub async fn backup(config: &Config, db: &Db, target: &Path) -> anyhow::Result<Summary> {
    ensure!(
        !target.exists(),
        "{} exists already; choose a new folder",
        target.display()
    );
    std::fs::create_dir_all(target)
        .with_context(|| format!("cannot create {}", target.display()))?;
    let mut summary = Summary::default();
    if db.backend() == Backend::Sqlite {
        db.backup_sqlite(&target.join(DATABASE_FILE)).await?;
        summary.database = true;
    }
    summary.files = copy_files(&config.data_dir.join(FILES), &target.join(FILES), false)?;
    Ok(summary)
}

/// Restores a backup folder into the configured data folder. The target
/// database must not exist unless `replace` is given; ikon must not run.
pub fn restore(config: &Config, source: &Path, replace: bool) -> anyhow::Result<Summary> {
    ensure!(
        source.is_dir(),
        "{} is not a backup folder",
        source.display()
    );
    let mut summary = Summary::default();
    let database = source.join(DATABASE_FILE);
    if database.exists() {
        let Some(path) = sqlite_path(config) else {
            bail!(
                "this backup holds a SQLite database, but IKON_DATABASE_URL is not a SQLite file"
            );
        };
        if path.exists() && !replace {
            bail!(
                "{} exists; stop ikon and add --replace to overwrite it",
                path.display()
            );
        }
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        // A stale write-ahead log would be replayed over the restored file.
        for suffix in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
        }
        let partial = path.with_extension("restoring");
        std::fs::copy(&database, &partial)
            .with_context(|| format!("cannot write {}", partial.display()))?;
        std::fs::rename(&partial, &path)?;
        summary.database = true;
    }
    summary.files = copy_files(&source.join(FILES), &config.data_dir.join(FILES), true)?;
    Ok(summary)
}

fn sqlite_path(config: &Config) -> Option<PathBuf> {
    let url = config.database_url.expose();
    let rest = url
        .strip_prefix("sqlite://")
        .or(url.strip_prefix("sqlite:"))?;
    Some(PathBuf::from(rest.split('?').next().unwrap_or_default()))
}

/// Copies every file of `from` into `to`; with `verify`, each file's
/// SHA-256 must equal its name (checked before anything is copied).
fn copy_files(from: &Path, to: &Path, verify: bool) -> anyhow::Result<usize> {
    if !from.is_dir() {
        return Ok(0);
    }
    let mut names = Vec::new();
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        if !entry.file_type()?.is_file() {
            continue;
        }
        let name = entry.file_name().to_string_lossy().into_owned();
        // Half-written uploads are not part of the data.
        if name.ends_with(".partial") {
            continue;
        }
        if verify {
            let bytes = std::fs::read(entry.path())?;
            let hash = hex::encode(Sha256::digest(&bytes));
            ensure!(
                hash == name,
                "{} does not match its checksum; the backup is damaged",
                entry.path().display()
            );
        }
        names.push(name);
    }
    std::fs::create_dir_all(to)?;
    for name in &names {
        let target = to.join(name);
        if !target.exists() {
            std::fs::copy(from.join(name), &target)
                .with_context(|| format!("cannot write {}", target.display()))?;
        }
    }
    Ok(names.len())
}
