//! `ikon import …` and `ikon export …` for the registry CSVs.

use clap::Subcommand;

use crate::core::store::Db;

#[derive(Subcommand)]
pub enum ImportCommand {}

#[derive(Subcommand)]
pub enum ExportCommand {}

impl ImportCommand {
    pub async fn run(self, _db: &Db) -> anyhow::Result<()> {
        match self {}
    }
}

impl ExportCommand {
    pub async fn run(self, _db: &Db) -> anyhow::Result<()> {
        match self {}
    }
}
