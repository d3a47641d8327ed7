//! What accounts tell the capabilities above them inside the transaction
//! of a change (see `App::emit`); accounts name no capability.

/// A user's password was set anew (changed, reset, or by an admin). Every
/// secret that stood for the old one is void: sessions, API tokens and
/// pending links go in `store::set_password`, capabilities revoke their
/// own (e.g. the calendar feed). The id is the user's.
pub const PASSWORD_CHANGED: &str = "accounts.password_changed";
