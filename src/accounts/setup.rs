//! First-run setup: no default password anywhere. While no administrator
//! exists, `ikon serve` prints a one-time link to create one.

use super::{
    store::admin_exists,
    tokens::{self, Purpose},
};
use crate::core::{config::Config, store::Db};

/// A setup link stays valid for a day.
pub const SETUP_VALID_SECS: i64 = 86_400;

pub async fn announce_if_needed(db: &Db, config: &Config) -> anyhow::Result<()> {
    if let Some(link) = setup_link(db, config).await? {
        println!();
        println!("  ikon has no administrator yet. Create one within 24 hours at:");
        println!("  {link}");
        println!();
    }
    Ok(())
}

/// A fresh one-time setup link, or none once an administrator exists.
pub async fn setup_link(db: &Db, config: &Config) -> anyhow::Result<Option<String>> {
    if admin_exists(db).await? {
        return Ok(None);
    }
    let mut tx = db.begin().await?;
    let token = tokens::issue(&mut tx, Purpose::Setup, None, SETUP_VALID_SECS).await?;
    tx.commit().await?;
    Ok(Some(format!("{}/setup/{token}", config.base())))
}
