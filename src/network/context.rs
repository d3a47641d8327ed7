//! Loading a record together with the facts its authorisation decision
//! needs (which networks it belongs to), shared by the HTML pages, the API
//! and other capabilities. A missing record is a 404 before anyone's rights
//! are looked at.

use crate::{
    accounts::{access::NetworkScope, model::User},
    core::{
        error::{AppError, AppResult},
        ids::{NetworkId, OrganizationId},
        store::Db,
    },
    network::{
        model::{Network, Organization, Person},
        store::{self, networks, organizations, people},
    },
};

/// Takes a typed id or, from callers that still pass plain integers, an
/// `i64`.
pub async fn load_network(db: &Db, id: impl Into<i64>) -> AppResult<Network> {
    store::network(db, id.into())
        .await?
        .ok_or_else(AppError::not_found)
}

pub fn scope(network: &Network) -> NetworkScope<'_> {
    NetworkScope {
        id: network.id,
        region_key: &network.region_key,
    }
}

/// An organisation and the networks it belongs to.
pub struct OrgContext {
    pub organization: Organization,
    pub networks: Vec<Network>,
}

impl OrgContext {
    pub async fn load(db: &Db, id: impl Into<i64>) -> AppResult<Self> {
        let id = id.into();
        let organization = organizations::organization(db.pool(), id)
            .await?
            .ok_or_else(AppError::not_found)?;
        let networks = networks::networks_of_organization(db.pool(), id).await?;
        Ok(Self {
            organization,
            networks,
        })
    }

    pub fn id(&self) -> OrganizationId {
        OrganizationId(self.organization.id)
    }

    pub fn scopes(&self) -> Vec<NetworkScope<'_>> {
        self.networks.iter().map(scope).collect()
    }

    pub fn network_ids(&self) -> Vec<i64> {
        self.networks.iter().map(|n| n.id).collect()
    }

    /// The network whose audit log records a change to this organisation:
    /// the user's own network if the organisation is in it, else its first.
    pub fn audit_network(&self, user: &User) -> Option<NetworkId> {
        let ids = self.network_ids();
        user.network_id
            .filter(|id| ids.contains(id))
            .or_else(|| ids.first().copied())
            .map(NetworkId)
    }
}

/// A person with their organisation's context.
pub struct PersonContext {
    pub person: Person,
    pub org: OrgContext,
}

impl PersonContext {
    pub async fn load(db: &Db, id: impl Into<i64>) -> AppResult<Self> {
        let person = people::person(db.pool(), id.into())
            .await?
            .ok_or_else(AppError::not_found)?;
        let org = OrgContext::load(db, person.organization_id).await?;
        Ok(Self { person, org })
    }
}
