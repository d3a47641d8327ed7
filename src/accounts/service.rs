//! Account changes that other capabilities must follow.

use super::{events, model::User, store};
use crate::core::{audit::Actor, store::Tx, web::App};

/// Sets the user's password and voids every secret of the old one,
/// including those capabilities keep (through `events::PASSWORD_CHANGED`).
pub async fn change_password(
    app: &App,
    tx: &mut Tx,
    actor: Actor<'_>,
    user: &User,
    password: &str,
) -> anyhow::Result<()> {
    store::set_password(tx, actor, user, password).await?;
    app.emit(tx, events::PASSWORD_CHANGED, user.id).await?;
    Ok(())
}
