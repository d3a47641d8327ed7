//! What the registry tells other capabilities inside the transaction of a
//! change (see `App::emit`). The registry names no capability above it;
//! those that keep data derived from organisations or people (the offer
//! index, OParl tombstones) follow these events in their `install`.

/// An organisation was renamed or recategorised, or is about to be deleted
/// (its offers go with it). The id is the organisation's.
pub const ORGANIZATION_CHANGED: &str = "network.organization_changed";

/// A membership is about to end (the row still exists). The id is the
/// membership row's, so a follower can look up both network and
/// organisation.
pub const MEMBERSHIP_ENDING: &str = "network.membership_ending";

/// A person is about to be erased (GDPR Art. 17; the row still exists).
/// The id is the person's.
pub const PERSON_ERASED: &str = "network.person_erased";

/// A person withdrew the consent to be shown publicly (the row still says
/// public). The id is the person's.
pub const PERSON_WITHDRAWN: &str = "network.person_withdrawn";
