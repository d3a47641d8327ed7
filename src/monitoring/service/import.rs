//! Importing a statistics file: all of it in one transaction, or nothing.
//!
//! The file is hashed first (the same bytes twice are a no-op), then read
//! on a blocking thread that hands batches of observations over a bounded
//! channel to the writer here, so memory stays flat for any file size.
//! Region keys are checked against the official geography: a key the
//! geography does not have is kept with the table's name for it only if
//! it lies in an existing Land and has Kreis or Gemeinde length (a key
//! from before a boundary reform); any other unknown key is an error.
//! A newer export of the same table replaces the overlapping periods; the
//! replaced cells go to the history and the import is audited.

use std::{
    collections::{BTreeMap, HashSet},
    io::Read,
    path::{Path, PathBuf},
};

use anyhow::Context;
use serde::Serialize;
use serde_json::json;
use sha2::{Digest, Sha256};
use tokio::sync::mpsc;

use crate::{
    core::{
        audit::{self, Actor, Change},
        store::{Db, Tx, now},
    },
    monitoring::{
        import::{
            self, Event, Format, Header, ImportError, Obs, Sink, Summary, Tally,
            generic::{self, Mapping},
        },
        store::{self, NewDataset, observations},
    },
};

/// The licence of every GENESIS instance's tables, when a file names none.
pub const DEFAULT_LICENCE: &str =
    "Datenlizenz Deutschland – Namensnennung – Version 2.0 (dl-de/by-2-0)";

/// What an import did.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub file: String,
    pub dataset_id: i64,
    pub format: String,
    pub table_code: String,
    pub title: String,
    pub observations: u64,
    pub periods: Vec<String>,
    pub regions: u64,
    pub marks: BTreeMap<String, u64>,
    /// Region keys the geography lacks, kept with the table's names.
    pub historic_regions: Vec<String>,
    /// Cells of earlier exports this import replaced.
    pub replaced: u64,
    /// The same file was imported before: nothing changed.
    pub unchanged: bool,
}

/// The GENESIS instance a table code belongs to.
pub fn source_of(table_code: &str) -> &'static str {
    let parts: Vec<&str> = table_code.split('-').collect();
    if table_code.starts_with("1000A") || table_code.starts_with("2000") {
        "Zensus 2022 Datenbank"
    } else if parts.len() >= 4 {
        "Regionaldatenbank Deutschland"
    } else if parts.len() == 2 {
        "GENESIS-Online (Destatis)"
    } else {
        "GENESIS"
    }
}

/// SHA-256 of a file, read in pieces.
pub fn sha256_file(path: &Path) -> std::io::Result<String> {
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        match file.read(&mut buf)? {
            0 => break,
            n => hasher.update(&buf[..n]),
        }
    }
    Ok(hex::encode(hasher.finalize()))
}

struct ChannelSink(mpsc::Sender<Event>);

impl Sink for ChannelSink {
    fn event(&mut self, event: Event) -> Result<(), ImportError> {
        self.0
            .blocking_send(event)
            .map_err(|_| ImportError::file("import", "import stopped"))
    }
}

/// What to import: a file, bytes built into ikon (the shipped tables), or
/// a table of one's own with its mapping.
#[derive(Clone)]
pub enum Input {
    File(PathBuf),
    Bytes(&'static [u8]),
    Mapped(PathBuf, Mapping),
}

impl Input {
    /// What makes an import the same as an earlier one: the bytes, and for
    /// a table of one's own also how it is read.
    pub fn sha256(&self) -> std::io::Result<String> {
        match self {
            Input::File(path) => sha256_file(path),
            Input::Bytes(bytes) => Ok(hex::encode(Sha256::digest(bytes))),
            Input::Mapped(path, mapping) => {
                let mut hasher = Sha256::new();
                hasher.update(sha256_file(path)?.as_bytes());
                hasher.update(serde_json::to_vec(mapping).map_err(std::io::Error::other)?);
                Ok(hex::encode(hasher.finalize()))
            }
        }
    }

    /// Reads the input into `sink`; `label` is how messages call it.
    pub fn read(
        &self,
        label: &str,
        sink: &mut dyn Sink,
        tally: &mut Tally,
    ) -> Result<(), ImportError> {
        match self {
            Input::File(path) => import::read(path, label, sink, tally),
            Input::Bytes(bytes) => import::read_stream(
                Box::new(std::io::Cursor::new(*bytes)),
                label,
                label,
                sink,
                tally,
            ),
            Input::Mapped(path, mapping) => generic::read(path, label, mapping, sink, tally),
        }
    }
}

/// Reads and stores the file at `path`; `name` is how reports call it.
/// The outer error is an internal failure, the inner one a problem of the
/// file. Either way nothing is stored.
pub async fn import_file(
    db: &Db,
    path: &Path,
    name: &str,
    actor: Actor<'_>,
) -> anyhow::Result<Result<Report, ImportError>> {
    import_input(db, Input::File(path.to_path_buf()), name, actor).await
}

/// Reads and stores `input`, as [`import_file`] does for a file.
pub async fn import_input(
    db: &Db,
    input: Input,
    name: &str,
    actor: Actor<'_>,
) -> anyhow::Result<Result<Report, ImportError>> {
    let probe = input.clone();
    let sha = tokio::task::spawn_blocking(move || probe.sha256())
        .await?
        .with_context(|| format!("cannot read {name}"))?;
    if let Some(existing) = store::dataset_by_sha(db, &sha).await? {
        return Ok(Ok(unchanged(name, existing)));
    }
    let geography = store::region_keys(db).await?;
    let mut tx = db.begin().await?;
    match import_in(&mut tx, input, &sha, name, actor, false, &geography).await? {
        Ok(report) => {
            tx.commit().await?;
            Ok(Ok(report))
        }
        Err(e) => {
            tx.rollback().await?;
            Ok(Err(e))
        }
    }
}

fn unchanged(name: &str, existing: store::DatasetRow) -> Report {
    Report {
        file: name.to_string(),
        dataset_id: existing.id,
        format: existing.format,
        table_code: existing.table_code,
        title: existing.title,
        observations: existing.observations as u64,
        periods: existing.periods,
        regions: 0,
        marks: existing.marks,
        historic_regions: Vec::new(),
        replaced: 0,
        unchanged: true,
    }
}

/// The import inside the caller's transaction; on an inner error the
/// caller must roll back.
pub async fn import_in(
    tx: &mut Tx,
    input: Input,
    sha: &str,
    name: &str,
    actor: Actor<'_>,
    shipped: bool,
    geography: &HashSet<String>,
) -> anyhow::Result<Result<Report, ImportError>> {
    let (sender, mut receiver) = mpsc::channel::<Event>(4);
    let label = name.to_string();
    let reader = tokio::task::spawn_blocking(move || {
        let mut tally = Tally::default();
        let mut sink = ChannelSink(sender);
        input
            .read(&label, &mut sink, &mut tally)
            .map(|()| tally.finish())
    });
    let actor_label = match &actor {
        Actor::User(u) => u.email.clone(),
        Actor::System(s) => s.to_string(),
    };
    let mut writer = Writer {
        name,
        sha,
        imported_by: &actor_label,
        regions: RegionCheck::new(geography),
        shipped,
        dataset: None,
    };
    let mut failure: Option<ImportError> = None;
    while let Some(event) = receiver.recv().await {
        if let Err(e) = writer.event(tx, event).await? {
            failure = Some(e);
            break;
        }
    }
    drop(receiver);
    let read = reader.await?;
    if let Some(e) = failure {
        return Ok(Err(e));
    }
    let summary: Summary = match read {
        Ok(s) => s,
        Err(e) => return Ok(Err(e)),
    };
    let Some((dataset_id, format, header)) = writer.dataset.take() else {
        return Ok(Err(ImportError::file(name, "the table has no data rows")));
    };
    let historic: Vec<(String, String)> = writer.regions.historic.into_iter().collect();
    store::keep_region_names(tx, &historic).await?;
    let replaced =
        observations::replace_periods(tx, &header.table_code, dataset_id, &summary.periods, now())
            .await?;
    store::finish_dataset(tx, dataset_id, &summary).await?;
    audit::record(
        tx,
        actor,
        Change {
            network_id: None,
            entity: "statistics_dataset",
            entity_id: Some(dataset_id),
            action: if replaced > 0 {
                "import_replace"
            } else {
                "import"
            },
            before: (replaced > 0).then(|| json!({ "replaced_observations": replaced })),
            after: Some(json!({
                "table_code": header.table_code,
                "file_name": name,
                "sha256": sha,
                "format": format.code(),
                "observations": summary.observations,
                "periods": summary.periods,
            })),
        },
    )
    .await?;
    Ok(Ok(Report {
        file: name.to_string(),
        dataset_id,
        format: format.code().to_string(),
        table_code: header.table_code,
        title: header.title,
        observations: summary.observations,
        periods: summary.periods,
        regions: summary.regions,
        marks: summary.marks,
        historic_regions: historic.into_iter().map(|(k, _)| k).collect(),
        replaced,
        unchanged: false,
    }))
}

/// Checks region keys against the official geography and keeps the
/// names of the historic ones it lets through.
pub struct RegionCheck<'a> {
    geography: &'a HashSet<String>,
    /// Keys the geography lacks, with the table's name for each.
    pub historic: BTreeMap<String, String>,
}

impl<'a> RegionCheck<'a> {
    pub fn new(geography: &'a HashSet<String>) -> Self {
        Self {
            geography,
            historic: BTreeMap::new(),
        }
    }

    /// A key the geography lacks passes only if it lies in an existing
    /// Land, has Kreis or Gemeinde length and the table names it (a key
    /// from before a boundary reform).
    pub fn check(&mut self, file: &str, obs: &Obs) -> Result<(), ImportError> {
        let key = &obs.region_key;
        if key == "DG" || self.geography.contains(key) || self.historic.contains_key(key) {
            return Ok(());
        }
        let in_a_land = key.len() >= 2 && self.geography.contains(&key[0..2]);
        if in_a_land && matches!(key.len(), 5 | 8) && !obs.region_name.is_empty() {
            self.historic.insert(key.clone(), obs.region_name.clone());
            return Ok(());
        }
        Err(ImportError::at(
            file,
            obs.line,
            Some(obs.region_column),
            format!("region key {key:?} does not exist in the official geography"),
        ))
    }
}

struct Writer<'a> {
    name: &'a str,
    sha: &'a str,
    imported_by: &'a str,
    regions: RegionCheck<'a>,
    shipped: bool,
    dataset: Option<(i64, Format, Header)>,
}

impl Writer<'_> {
    async fn event(
        &mut self,
        tx: &mut Tx,
        event: Event,
    ) -> anyhow::Result<Result<(), ImportError>> {
        match event {
            Event::Header(format, header) => match &mut self.dataset {
                Some((id, _, existing)) => {
                    if let Some(licence) = &header.licence {
                        store::set_licence(tx, *id, licence).await?;
                        existing.licence = Some(licence.clone());
                    }
                }
                None => {
                    let id = store::insert_dataset(
                        tx,
                        &NewDataset {
                            source: header
                                .source
                                .as_deref()
                                .unwrap_or(source_of(&header.table_code)),
                            table_code: &header.table_code,
                            title: &header.title,
                            format: format.code(),
                            licence: header.licence.as_deref().unwrap_or(DEFAULT_LICENCE),
                            file_name: self.name,
                            sha256: self.sha,
                            imported_at: now(),
                            imported_by: self.imported_by,
                            shipped: self.shipped,
                        },
                    )
                    .await?;
                    self.dataset = Some((id, format, header));
                }
            },
            Event::Batch(rows) => {
                let Some((id, table_code)) = self
                    .dataset
                    .as_ref()
                    .map(|(id, _, h)| (*id, h.table_code.clone()))
                else {
                    return Ok(Err(ImportError::file(
                        self.name,
                        "cells before the table header",
                    )));
                };
                for obs in &rows {
                    if let Err(e) = self.regions.check(self.name, obs) {
                        return Ok(Err(e));
                    }
                }
                observations::insert(tx, id, &table_code, &rows).await?;
            }
        }
        Ok(Ok(()))
    }
}
