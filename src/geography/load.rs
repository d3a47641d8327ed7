//! Loads the shipped data files into the database on first start.

use crate::core::store::Db;

pub async fn ensure_loaded(_db: &Db) -> anyhow::Result<()> {
    Ok(())
}
