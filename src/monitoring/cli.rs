//! `ikon statistics import FILE…`: the same import as the web page, one
//! line per file, a non-zero exit when any file had a problem (that file
//! imports nothing; the others are imported).

use std::path::PathBuf;

use clap::Subcommand;

use super::service::import::{Report, import_file};
use crate::core::{audit::Actor, store::Db};

#[derive(Subcommand)]
pub enum StatisticsCommand {
    /// Import GENESIS tables (classic CSV, flat-file CSV, or a ZIP of one).
    Import {
        /// The files, each imported all-or-nothing.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

/// One line about an imported file.
pub fn report_line(r: &Report) -> String {
    if r.unchanged {
        return format!(
            "{}: unchanged — {} {} was imported before ({} observations)",
            r.file, r.format, r.table_code, r.observations
        );
    }
    let marks = if r.marks.is_empty() {
        "none".to_string()
    } else {
        r.marks
            .iter()
            .map(|(m, n)| format!("{m:?}×{n}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut line = format!(
        "{}: {} {} — {} observations, {} periods, {} regions, marks: {marks}",
        r.file,
        r.format,
        r.table_code,
        r.observations,
        r.periods.len(),
        r.regions
    );
    if r.replaced > 0 {
        line.push_str(&format!(", replaced {} earlier observations", r.replaced));
    }
    if !r.historic_regions.is_empty() {
        line.push_str(&format!(
            ", kept historic region keys: {}",
            r.historic_regions.join(" ")
        ));
    }
    line
}

impl StatisticsCommand {
    pub async fn run(self, db: &Db) -> anyhow::Result<()> {
        match self {
            StatisticsCommand::Import { files } => {
                let mut failed = 0;
                for path in &files {
                    let name = path.display().to_string();
                    match import_file(db, path, &name, Actor::System("cli")).await? {
                        Ok(report) => println!("{}", report_line(&report)),
                        Err(e) => {
                            failed += 1;
                            eprintln!("{e} — nothing imported from this file");
                        }
                    }
                }
                if failed > 0 {
                    anyhow::bail!("{failed} of {} files not imported", files.len());
                }
                Ok(())
            }
        }
    }
}
