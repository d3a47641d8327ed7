//! `ikon import …` and `ikon export …` for the registry CSVs, for offices
//! that prefer scripts or scheduled jobs to the upload page. The same code
//! as the web import runs: all rows or none, with a row-by-row report.

use std::{
    io::Write,
    path::{Path, PathBuf},
};

use anyhow::{Context, bail};
use clap::Subcommand;

use super::{
    csv::{self, Kind, export},
    service::import::{self, Outcome},
    store,
};
use crate::core::{audit::Actor, i18n::Lang, ids::NetworkId, store::Db, web::App};

#[derive(Subcommand)]
pub enum ImportCommand {
    /// Organisations: Name;Kategorie;Straße;PLZ;Ort;Website;E-Mail;Telefon;Beschreibung
    Organizations {
        /// Id of the network (see /networks).
        #[arg(long)]
        network: i64,
        /// The CSV file (`;`-separated, UTF-8 or Windows-1252).
        file: PathBuf,
    },
    /// Contact people: Organisation;Name;Funktion;E-Mail;Telefon
    People {
        #[arg(long)]
        network: i64,
        file: PathBuf,
    },
}

#[derive(Subcommand)]
pub enum ExportCommand {
    /// All organisations of a network.
    Organizations {
        #[arg(long)]
        network: i64,
        /// Write here instead of to standard output.
        #[arg(long)]
        output: Option<PathBuf>,
    },
    /// All contact people of a network's organisations.
    People {
        #[arg(long)]
        network: i64,
        #[arg(long)]
        output: Option<PathBuf>,
    },
}

impl ImportCommand {
    /// Takes the whole app: a renamed organisation must reach the other
    /// capabilities (e.g. the offer index) as it does from the web.
    pub async fn run(self, app: &App) -> anyhow::Result<()> {
        let db = &app.db;
        let (kind, network, file) = match self {
            ImportCommand::Organizations { network, file } => (Kind::Organizations, network, file),
            ImportCommand::People { network, file } => (Kind::People, network, file),
        };
        ensure_network(db, network).await?;
        let bytes =
            std::fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?;
        let actor = Actor::System("cli");
        match import::run(app, &actor, NetworkId(network), kind, &bytes).await? {
            Outcome::Done(s) => {
                println!(
                    "imported {}: {} created, {} updated, {} unchanged",
                    file.display(),
                    s.created,
                    s.updated,
                    s.unchanged
                );
                Ok(())
            }
            Outcome::Rejected(errors) => {
                eprintln!("{}", report(&file, &errors));
                bail!(
                    "{} error(s) in {}; nothing was imported",
                    errors.len(),
                    file.display()
                )
            }
        }
    }
}

/// `file:row: column: message`, one line per problem.
fn report(file: &Path, errors: &[csv::RowError]) -> String {
    csv::translate(errors, Lang::En)
        .iter()
        .map(|e| {
            let column = if e.column.is_empty() { "-" } else { &e.column };
            format!("{}:{}: {}: {}", file.display(), e.row, column, e.message)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

impl ExportCommand {
    pub async fn run(self, db: &Db) -> anyhow::Result<()> {
        let (bytes, output) = match self {
            ExportCommand::Organizations { network, output } => {
                ensure_network(db, network).await?;
                (export::organizations(db, network).await?, output)
            }
            ExportCommand::People { network, output } => {
                ensure_network(db, network).await?;
                (export::people(db, network).await?, output)
            }
        };
        match output {
            Some(path) => std::fs::write(&path, &bytes)
                .with_context(|| format!("cannot write {}", path.display()))?,
            None => {
                let mut out = std::io::stdout().lock();
                out.write_all(&bytes)?;
                out.flush()?;
            }
        }
        Ok(())
    }
}

async fn ensure_network(db: &Db, id: i64) -> anyhow::Result<()> {
    if store::network(db, id).await?.is_none() {
        bail!("there is no network with id {id}");
    }
    Ok(())
}
