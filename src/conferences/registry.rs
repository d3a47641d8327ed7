//! What the conferences need from the network registry and the accounts:
//! the network of a page and who may see or manage it, the member
//! organisations and their contact people, names and e-mail addresses.
//! Every call into those capabilities is here, so that a change of theirs
//! is answered in one file, and their ids become typed ids at this border.

use crate::{
    accounts::{model::User, viewer::Viewer},
    core::{
        error::AppResult,
        ids::{NetworkId, OrganizationId, PersonId, UserId},
        store::Db,
    },
    network::{
        context::{load_network, scope},
        store::{memberships, networks, organizations, people},
    },
};

pub use crate::network::model::{Network, Organization};

/// The typed id of a network.
pub fn id(network: &Network) -> NetworkId {
    NetworkId(network.id)
}

/// A network from the path; unknown is a 404 for everybody.
pub async fn network(db: &Db, id: NetworkId) -> AppResult<Network> {
    load_network(db, id.get()).await
}

/// Every network, for the views across networks.
pub async fn networks(db: &Db) -> AppResult<Vec<Network>> {
    Ok(networks::list_networks(db).await?)
}

/// The authorisation decisions of `accounts::access`, for conference
/// pages: reading a network's conferences, managing them, taking part.
pub trait Access {
    fn can_read(&self, network: &Network) -> bool;
    fn require_read(&self, network: &Network) -> AppResult<&User>;
    fn can_manage(&self, network_id: NetworkId) -> bool;
    fn require_manage(&self, network_id: NetworkId) -> AppResult<&User>;
    /// Members, the coordinator and admins take part (propose, comment).
    fn can_participate(&self, network_id: NetworkId) -> bool;
    fn require_participate(&self, network_id: NetworkId) -> AppResult<&User>;
    /// The coordinator, or the account linked to this contact person.
    fn can_manage_or_person(&self, network_id: NetworkId, person: Option<PersonId>) -> bool;
    fn require_manage_or_person(
        &self,
        network_id: NetworkId,
        person: Option<PersonId>,
    ) -> AppResult<&User>;
}

impl Access for Viewer {
    fn can_read(&self, network: &Network) -> bool {
        self.can_read_network(&scope(network))
    }
    fn require_read(&self, network: &Network) -> AppResult<&User> {
        self.require_read_network(&scope(network))
    }
    fn can_manage(&self, network_id: NetworkId) -> bool {
        self.can_manage_network(network_id.get())
    }
    fn require_manage(&self, network_id: NetworkId) -> AppResult<&User> {
        self.require_manage_network(network_id.get())
    }
    fn can_participate(&self, network_id: NetworkId) -> bool {
        self.can_take_part(network_id.get())
    }
    fn require_participate(&self, network_id: NetworkId) -> AppResult<&User> {
        self.require_take_part(network_id.get())
    }
    fn can_manage_or_person(&self, network_id: NetworkId, person: Option<PersonId>) -> bool {
        self.can_manage_or_be(network_id.get(), person.map(PersonId::get))
    }
    fn require_manage_or_person(
        &self,
        network_id: NetworkId,
        person: Option<PersonId>,
    ) -> AppResult<&User> {
        self.require_manage_or_be(network_id.get(), person.map(PersonId::get))
    }
}

/// The signed-in user's id.
pub fn user_id(user: &User) -> UserId {
    UserId(user.id)
}

/// The user's organisation, if they belong to one.
pub fn user_organization(user: &User) -> Option<OrganizationId> {
    user.organization_id.map(OrganizationId)
}

/// The network a user works in (coordinators and members).
pub fn user_network(user: &User) -> Option<NetworkId> {
    user.network_id.map(NetworkId)
}

/// An active user account.
pub async fn user(db: &Db, id: UserId) -> AppResult<Option<User>> {
    Ok(crate::accounts::store::user_by_id(db, id.get()).await?)
}

/// Whether an active user account is linked to this contact person.
pub async fn has_account(db: &Db, person: PersonId) -> AppResult<bool> {
    Ok(crate::accounts::store::person_has_account(db, person.get()).await?)
}

/// The member organisations of a network, by name.
pub async fn members(db: &Db, network_id: NetworkId) -> AppResult<Vec<Organization>> {
    Ok(organizations::list_in_network(
        db.pool(),
        network_id.get(),
        &organizations::Filter::default(),
    )
    .await?)
}

/// The ids of the member organisations (for validating choices).
pub async fn member_ids(db: &Db, network_id: NetworkId) -> AppResult<Vec<OrganizationId>> {
    Ok(members(db, network_id)
        .await?
        .iter()
        .map(|o| OrganizationId(o.id))
        .collect())
}

/// Whether an organisation is a member of the network, read in the
/// caller's transaction.
pub async fn is_member(
    tx: &mut crate::core::store::Tx,
    network_id: NetworkId,
    organization_id: OrganizationId,
) -> AppResult<bool> {
    Ok(memberships::exists(&mut **tx, network_id.get(), organization_id.get()).await?)
}

/// The name of an organisation.
pub async fn organization_name(db: &Db, id: OrganizationId) -> AppResult<Option<String>> {
    Ok(organizations::organization(db.pool(), id.get())
        .await?
        .map(|o| o.name))
}

/// A contact person of a member organisation.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Contact {
    pub id: PersonId,
    pub organization_id: OrganizationId,
    pub name: String,
    pub function: String,
    pub email: String,
    /// The organisation's name.
    pub organization: String,
}

/// The contact people of a network's member organisations, by
/// organisation and name.
pub async fn contacts(db: &Db, network_id: NetworkId) -> AppResult<Vec<Contact>> {
    Ok(people::list_in_network(db.pool(), network_id.get())
        .await?
        .into_iter()
        .map(|p| Contact {
            id: PersonId(p.person.id),
            organization_id: OrganizationId(p.person.organization_id),
            name: p.person.name,
            function: p.person.function,
            email: p.person.email,
            organization: p.organization_name,
        })
        .collect())
}

/// The contact people with an e-mail address, in the order they were
/// entered: whom invitations, polls and circulated minutes go to.
pub async fn recipients(db: &Db, network_id: NetworkId) -> AppResult<Vec<Contact>> {
    let mut list: Vec<Contact> = contacts(db, network_id)
        .await?
        .into_iter()
        .filter(|c| !c.email.is_empty())
        .collect();
    list.sort_by_key(|c| c.id);
    Ok(list)
}

/// A contact person's name and e-mail address.
pub struct PersonFacts {
    pub name: String,
    pub email: String,
}

pub async fn person(db: &Db, id: PersonId) -> AppResult<Option<PersonFacts>> {
    Ok(people::person(db.pool(), id.get())
        .await?
        .map(|p| PersonFacts {
            name: p.name,
            email: p.email,
        }))
}

/// A person's name, if the id names one.
pub async fn person_name(db: &Db, id: Option<PersonId>) -> AppResult<Option<String>> {
    Ok(match id {
        Some(id) => person(db, id).await?.map(|p| p.name),
        None => None,
    })
}

/// A person's e-mail address, if they have one.
pub async fn person_email(db: &Db, id: Option<PersonId>) -> AppResult<Option<String>> {
    Ok(match id {
        Some(id) => person(db, id)
            .await?
            .map(|p| p.email)
            .filter(|e| !e.trim().is_empty()),
        None => None,
    })
}

/// The distinct e-mail addresses of an organisation's contact people.
pub async fn organization_emails(db: &Db, id: OrganizationId) -> AppResult<Vec<String>> {
    let mut emails: Vec<String> = people::list_for_organization(db.pool(), id.get())
        .await?
        .into_iter()
        .map(|p| p.email)
        .filter(|e| !e.is_empty())
        .collect();
    emails.sort();
    emails.dedup();
    Ok(emails)
}
