//! `ikon user …`

use clap::Subcommand;

use crate::core::{config::Config, store::Db};

#[derive(Subcommand)]
pub enum UserCommand {}

impl UserCommand {
    pub async fn run(self, _db: &Db, _config: &Config) -> anyhow::Result<()> {
        match self {}
    }
}
