//! Typed ids. A path parameter, a store function and a view all say which
//! kind of record an id belongs to, so a meeting id can never be passed
//! where a network id is meant. They are plain integers on the wire
//! (`serde(transparent)`), in URLs and in the database.

use std::{fmt, str::FromStr};

use serde::{Deserialize, Serialize};

macro_rules! ids {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(
            Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
            utoipa::ToSchema,
        )]
        #[serde(transparent)]
        #[schema(value_type = i64)]
        pub struct $name(pub i64);

        impl $name {
            pub fn get(self) -> i64 {
                self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = std::num::ParseIntError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                s.parse().map($name)
            }
        }

        impl From<$name> for i64 {
            fn from(id: $name) -> i64 {
                id.0
            }
        }

        impl From<$name> for minijinja::Value {
            fn from(id: $name) -> minijinja::Value {
                id.0.into()
            }
        }
    )*};
}

ids! {
    /// A network (one Integrationskonferenz, one Kreis).
    NetworkId,
    /// An organisation; it may belong to several networks.
    OrganizationId,
    /// A contact person of an organisation.
    PersonId,
    /// A user account.
    UserId,
    /// A personal API token of a user.
    TokenId,
    /// A meeting (one conference) of a network.
    MeetingId,
    /// An item on a meeting's agenda.
    AgendaItemId,
    /// A file attached to an agenda item.
    AttachmentId,
    /// A member's proposal for a meeting's agenda.
    ProposalId,
    /// A decision recorded in a meeting's minutes.
    DecisionId,
    /// An action item that came out of a meeting.
    ActionItemId,
    /// An integration offer of a member organisation.
    OfferId,
    /// A post on a network's bulletin.
    PostId,
    /// A file attached to a bulletin post (a document or a report's photo).
    PostFileId,
    /// An agreement of the responsibility matrix (coordination).
    AgreementId,
    /// A joint project of a network (coordination).
    ProjectId,
    /// A milestone of a project.
    MilestoneId,
    /// A concern the network carries to politics and administration.
    ConcernId,
    /// A group with special needs in a network's Kreis (situation analysis).
    NeedId,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_plain_numbers_on_the_wire() {
        assert_eq!(serde_json::to_string(&MeetingId(7)).unwrap(), "7");
        let id: NetworkId = serde_json::from_str("12").unwrap();
        assert_eq!(id, NetworkId(12));
        assert_eq!("42".parse::<OfferId>().unwrap().get(), 42);
        assert!("x".parse::<OfferId>().is_err());
        assert_eq!(AgendaItemId(3).to_string(), "3");
    }
}
