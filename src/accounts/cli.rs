//! `ikon user …`: create users, change roles, reset passwords from the
//! command line (e.g. to regain access when no administrator can log in).

use clap::{Args, Subcommand};

use super::{
    scope::{self, ScopeInput},
    secrets::random_password,
    service::change_password,
    store::{NewUser, create_user, list_users, set_role, user_by_email},
};
use crate::core::{
    audit::Actor,
    i18n::Lang,
    store::Db,
    web::{App, forms::Validator},
};

#[derive(Subcommand)]
pub enum UserCommand {
    /// Create a user and print a generated password.
    Create {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        #[command(flatten)]
        scope: ScopeArgs,
    },
    /// Change a user's role and scope.
    SetRole {
        email: String,
        #[command(flatten)]
        scope: ScopeArgs,
    },
    /// Set a new generated password and print it; ends the user's sessions.
    ResetPassword { email: String },
    /// List all users.
    List,
}

#[derive(Args)]
pub struct ScopeArgs {
    /// admin, supervisor, coordinator or member.
    #[arg(long)]
    role: String,
    /// Network id (coordinator, member).
    #[arg(long)]
    network: Option<i64>,
    /// Organisation id (member).
    #[arg(long)]
    organization: Option<i64>,
    /// Region key, e.g. 095 for Mittelfranken (supervisor).
    #[arg(long)]
    region: Option<String>,
}

impl ScopeArgs {
    async fn validate(&self, db: &Db) -> anyhow::Result<scope::Scope> {
        let input = ScopeInput {
            role: self.role.clone(),
            network_id: self.network.map(|n| n.to_string()).unwrap_or_default(),
            organization_id: self.organization.map(|n| n.to_string()).unwrap_or_default(),
            region_key: self.region.clone().unwrap_or_default(),
        };
        let mut v = Validator::new();
        match scope::validate(db, &mut v, &input).await? {
            Some(scope) => Ok(scope),
            None => anyhow::bail!("{}", describe_errors(&v)),
        }
    }
}

fn describe_errors(v: &Validator) -> String {
    v.errors
        .iter()
        .map(|(field, msg)| format!("{field}: {}", Lang::En.msg(msg)))
        .collect::<Vec<_>>()
        .join("; ")
}

impl UserCommand {
    pub async fn run(self, app: &App) -> anyhow::Result<()> {
        let db = &app.db;
        let actor = Actor::System("cli");
        match self {
            UserCommand::Create { email, name, scope } => {
                let scope = scope.validate(db).await?;
                let mut v = Validator::new();
                let email = v.email("email", &email, true);
                let name = v.text("name", &name, true, 120);
                if !v.is_ok() {
                    anyhow::bail!("{}", describe_errors(&v));
                }
                let password = random_password();
                let new = NewUser {
                    email,
                    name,
                    password: password.clone(),
                    role: scope.role,
                    network_id: scope.network_id,
                    organization_id: scope.organization_id,
                    region_key: scope.region_key,
                };
                let mut tx = db.begin().await?;
                let user = create_user(&mut tx, actor, &new).await.map_err(|e| {
                    if e.to_string().contains("UNIQUE") || e.to_string().contains("unique") {
                        anyhow::anyhow!("a user with this e-mail address exists already")
                    } else {
                        e
                    }
                })?;
                tx.commit().await?;
                println!(
                    "created {} ({}) with password: {password}",
                    user.email,
                    user.role.code()
                );
            }
            UserCommand::SetRole { email, scope } => {
                let (user, _) = user_by_email(db, &email)
                    .await?
                    .ok_or_else(|| anyhow::anyhow!("no user {email}"))?;
                let scope = scope.validate(db).await?;
                let mut tx = db.begin().await?;
                set_role(
                    &mut tx,
                    actor,
                    &user,
                    scope.role,
                    scope.network_id,
                    scope.organization_id,
                    scope.region_key,
                )
                .await?;
                tx.commit().await?;
                println!("{} is now {}", user.email, scope.role.code());
            }
            UserCommand::ResetPassword { email } => {
                let (user, _) = user_by_email(db, &email)
                    .await?
                    .ok_or_else(|| anyhow::anyhow!("no user {email}"))?;
                let password = random_password();
                let mut tx = db.begin().await?;
                change_password(app, &mut tx, actor, &user, &password).await?;
                tx.commit().await?;
                println!("new password for {}: {password}", user.email);
            }
            UserCommand::List => {
                for user in list_users(db).await? {
                    println!("{:<40} {:<12} {}", user.email, user.role.code(), user.name);
                }
            }
        }
        Ok(())
    }
}
