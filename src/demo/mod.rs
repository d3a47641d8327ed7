//! The demo network: Landkreis Neustadt a.d.Aisch-Bad Windsheim (AGS 09575)
//! with organisations of every category, contact people, and one user per
//! role with a freshly generated password.

use crate::core::store::Db;

#[derive(Clone, Debug)]
pub struct Login {
    pub email: String,
    pub password: String,
}

/// What `load` created: the network and one login per role.
#[derive(Clone, Debug)]
pub struct DemoLogins {
    pub network_id: i64,
    /// The organisation the member user keeps.
    pub member_organization_id: i64,
    pub admin: Login,
    pub supervisor: Login,
    pub coordinator: Login,
    pub member: Login,
}

/// Loads the demo network (fails if it exists already).
pub async fn load(_db: &Db) -> anyhow::Result<DemoLogins> {
    anyhow::bail!("not yet")
}

pub async fn load_and_print(_db: &Db) -> anyhow::Result<()> {
    Ok(())
}

pub async fn load_if_missing(_db: &Db) -> anyhow::Result<()> {
    Ok(())
}
