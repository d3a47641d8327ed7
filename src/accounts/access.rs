//! Authorisation decisions, all in one place. Handlers call one of the
//! `require_*` methods before they read or change anything; the route ×
//! role test proves that every route made a decision.

use super::{
    model::{Role, User},
    viewer::Viewer,
};
use crate::core::error::{AppError, AppResult};

/// The facts about a network that decide who may see it.
pub struct NetworkScope<'a> {
    pub id: i64,
    pub region_key: &'a str,
}

impl Viewer {
    /// Anonymous callers must sign in (401); signed-in ones are refused (403).
    fn deny(&self) -> AppError {
        if self.user.is_some() {
            AppError::forbidden()
        } else {
            AppError::unauthenticated()
        }
    }

    fn check(&self, allowed: bool) -> AppResult<&User> {
        match &self.user {
            Some(user) if allowed => Ok(user),
            _ => Err(self.deny()),
        }
    }

    pub fn require_signed_in(&self) -> AppResult<&User> {
        self.check(true)
    }

    pub fn require_admin(&self) -> AppResult<&User> {
        self.check(self.is_admin())
    }

    pub fn can_read_network(&self, network: &NetworkScope) -> bool {
        let Some(user) = &self.user else { return false };
        match user.role {
            Role::Admin => true,
            Role::Supervisor => user
                .region_key
                .as_deref()
                .is_some_and(|region| network.region_key.starts_with(region)),
            Role::Coordinator | Role::Member => user.network_id == Some(network.id),
        }
    }

    pub fn can_manage_network(&self, network_id: i64) -> bool {
        let Some(user) = &self.user else { return false };
        match user.role {
            Role::Admin => true,
            Role::Coordinator => user.network_id == Some(network_id),
            Role::Supervisor | Role::Member => false,
        }
    }

    /// Statistics are installation-wide: administrators and the
    /// coordinator of any network import them; members and supervisors
    /// only read them.
    pub fn can_import_statistics(&self) -> bool {
        let Some(user) = &self.user else { return false };
        match user.role {
            Role::Admin => true,
            Role::Coordinator => user.network_id.is_some(),
            Role::Supervisor | Role::Member => false,
        }
    }

    pub fn require_import_statistics(&self) -> AppResult<&User> {
        self.check(self.can_import_statistics())
    }

    pub fn require_read_network(&self, network: &NetworkScope) -> AppResult<&User> {
        self.check(self.can_read_network(network))
    }

    pub fn require_manage_network(&self, network_id: i64) -> AppResult<&User> {
        self.check(self.can_manage_network(network_id))
    }

    /// Members of the network's organisations, its coordinator and admins
    /// take part in its conferences (propose agenda items, comment on
    /// minutes); supervisors only read.
    pub fn can_take_part(&self, network_id: i64) -> bool {
        let Some(user) = &self.user else { return false };
        match user.role {
            Role::Admin => true,
            Role::Coordinator | Role::Member => user.network_id == Some(network_id),
            Role::Supervisor => false,
        }
    }

    pub fn require_take_part(&self, network_id: i64) -> AppResult<&User> {
        self.check(self.can_take_part(network_id))
    }

    /// The network's coordinator, or the contact person a meeting names for
    /// a task (e.g. the minute taker) when signed in with the account
    /// linked to that person, in the network.
    pub fn can_manage_or_be(&self, network_id: i64, person_id: Option<i64>) -> bool {
        self.can_manage_network(network_id)
            || (self.can_take_part(network_id) && self.is_person(person_id))
    }

    /// Whether the signed-in account is linked to this contact person.
    pub fn is_person(&self, person_id: Option<i64>) -> bool {
        self.user
            .as_ref()
            .is_some_and(|u| u.person_id.is_some() && u.person_id == person_id)
    }

    pub fn require_manage_or_be(
        &self,
        network_id: i64,
        person_id: Option<i64>,
    ) -> AppResult<&User> {
        self.check(self.can_manage_or_be(network_id, person_id))
    }

    /// Whether the viewer may read an organisation that belongs to these
    /// networks.
    pub fn can_read_organization(&self, networks: &[NetworkScope]) -> bool {
        self.is_admin() || networks.iter().any(|n| self.can_read_network(n))
    }

    /// Coordinators edit the organisations of their network; members edit
    /// their own organisation.
    pub fn can_edit_organization(&self, organization_id: i64, network_ids: &[i64]) -> bool {
        let Some(user) = &self.user else { return false };
        match user.role {
            Role::Admin => true,
            Role::Coordinator => user.network_id.is_some_and(|n| network_ids.contains(&n)),
            Role::Member => {
                user.organization_id == Some(organization_id)
                    && user.network_id.is_some_and(|n| network_ids.contains(&n))
            }
            Role::Supervisor => false,
        }
    }

    pub fn require_read_organization(&self, networks: &[NetworkScope]) -> AppResult<&User> {
        self.check(self.can_read_organization(networks))
    }

    pub fn require_edit_organization(
        &self,
        organization_id: i64,
        network_ids: &[i64],
    ) -> AppResult<&User> {
        self.check(self.can_edit_organization(organization_id, network_ids))
    }
}
