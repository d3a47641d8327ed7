//! User administration (admins only): list, invite, change role.

use axum::{
    Form,
    extract::{Path, State},
    response::{Html, IntoResponse, Redirect, Response},
};
use minijinja::{Value, context};
use serde::{Deserialize, Serialize};

use super::{password::send_reset_link, unprocessable};
use crate::{
    accounts::{
        model::{Role, User},
        scope::{self, ScopeInput},
        secrets::random_password,
        store::{self, NewUser, create_user, list_users, set_role, user_by_id},
        viewer::Viewer,
    },
    core::{
        audit::Actor,
        error::{AppError, AppResult, Msg},
        web::{App, forms},
    },
};

/// An invitation link stays valid for a week.
const INVITATION_SECS: i64 = 7 * 86_400;

pub async fn list(State(app): State<App>, viewer: Viewer) -> AppResult<Html<String>> {
    viewer.require_admin()?;
    let users = list_users(&app.db).await?;
    app.page(&viewer, "accounts/users.html", context! { users => users })
}

/// Choices for the role form: networks, their organisations, regions, and
/// — when editing an account — the contact people it can act as.
async fn choices(app: &App, editing: bool) -> AppResult<Value> {
    let (networks, organizations, regions) = store::scope_choices(&app.db).await?;
    let people = if editing {
        store::person_choices(&app.db).await?
    } else {
        Vec::new()
    };
    let roles: Vec<&str> = Role::ALL.iter().map(|r| r.code()).collect();
    Ok(context! {
        networks => networks, organizations => organizations, regions => regions,
        people => people, roles => roles,
    })
}

#[derive(Deserialize, Serialize, Default)]
pub struct UserForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    name: String,
    #[serde(flatten)]
    scope: ScopeInput,
    /// The contact person the account acts as (edit form only).
    #[serde(default)]
    person_id: String,
}

async fn form_page(
    app: &App,
    viewer: &Viewer,
    values: &UserForm,
    editing: Option<i64>,
    errors: Value,
) -> AppResult<Html<String>> {
    let choices = choices(app, editing.is_some()).await?;
    app.page(
        viewer,
        "accounts/user_form.html",
        context! { values => values, editing => editing, errors => errors, ..choices },
    )
}

pub async fn new_form(State(app): State<App>, viewer: Viewer) -> AppResult<Html<String>> {
    viewer.require_admin()?;
    let values = UserForm {
        scope: ScopeInput {
            role: "member".into(),
            ..ScopeInput::default()
        },
        ..UserForm::default()
    };
    form_page(&app, &viewer, &values, None, context! {}).await
}

pub async fn create(
    State(app): State<App>,
    viewer: Viewer,
    Form(input): Form<UserForm>,
) -> AppResult<Response> {
    let admin = viewer.require_admin()?;
    let mut v = forms::Validator::new();
    let email = v.email("email", &input.email, true);
    let name = v.text("name", &input.name, true, 120);
    let scope = scope::validate(&app.db, &mut v, &input.scope).await?;
    let (Some(scope), true) = (scope, v.is_ok()) else {
        let errors = forms::translate(viewer.lang, &v.errors);
        return Ok(unprocessable(
            form_page(&app, &viewer, &input, None, errors.into()).await?,
        ));
    };
    let new = NewUser {
        email,
        name,
        // Nobody knows this password: the invitee sets their own through the mailed link.
        password: random_password(),
        role: scope.role,
        network_id: scope.network_id,
        organization_id: scope.organization_id,
        region_key: scope.region_key,
    };
    let mut tx = app.db.begin().await?;
    let user = create_user(&mut tx, Actor::User(admin), &new).await?;
    send_reset_link(
        &mut tx,
        &app,
        user.id,
        &user.email,
        viewer.lang,
        INVITATION_SECS,
    )
    .await?;
    tx.commit().await?;
    app.jobs_ready.notify_one();
    Ok(Redirect::to("/admin/users?notice=user-invited").into_response())
}

pub async fn edit_form(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> AppResult<Html<String>> {
    viewer.require_admin()?;
    let user = user_by_id(&app.db, id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let values = UserForm {
        email: user.email,
        name: user.name,
        scope: ScopeInput {
            role: user.role.code().into(),
            network_id: user.network_id.map(|n| n.to_string()).unwrap_or_default(),
            organization_id: user
                .organization_id
                .map(|n| n.to_string())
                .unwrap_or_default(),
            region_key: user.region_key.unwrap_or_default(),
        },
        person_id: user.person_id.map(|p| p.to_string()).unwrap_or_default(),
    };
    form_page(&app, &viewer, &values, Some(id), context! {}).await
}

pub async fn update(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(input): Form<UserForm>,
) -> AppResult<Response> {
    let admin = viewer.require_admin()?;
    let before = user_by_id(&app.db, id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let mut v = forms::Validator::new();
    let scope = scope::validate(&app.db, &mut v, &input.scope).await?;
    let person_id = linked_person(&app, &mut v, &before, scope.as_ref(), &input.person_id).await?;
    let (Some(scope), true) = (scope, v.is_ok()) else {
        let errors = forms::translate(viewer.lang, &v.errors);
        let values = UserForm {
            email: before.email.clone(),
            name: before.name.clone(),
            ..input
        };
        return Ok(unprocessable(
            form_page(&app, &viewer, &values, Some(id), errors.into()).await?,
        ));
    };
    if before.id == admin.id && scope.role != Role::Admin {
        return Err(AppError::conflict("last_admin", "acc-err-self-demote"));
    }
    let mut tx = app.db.begin().await?;
    set_role(
        &mut tx,
        Actor::User(admin),
        &before,
        scope.role,
        scope.network_id,
        scope.organization_id,
        scope.region_key,
    )
    .await?;
    if person_id != before.person_id {
        store::link_person(&mut tx, Actor::User(admin), &before, person_id).await?;
    }
    tx.commit().await?;
    Ok(Redirect::to("/admin/users?notice=user-saved").into_response())
}

/// The contact person chosen for the account: none, or one that exists, is
/// not linked to another account, and — for a member — belongs to the
/// member's organisation.
async fn linked_person(
    app: &App,
    v: &mut forms::Validator,
    user: &User,
    scope: Option<&scope::Scope>,
    raw: &str,
) -> AppResult<Option<i64>> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    let Ok(person_id) = raw.parse::<i64>() else {
        v.add("person_id", Msg::new("acc-err-person"));
        return Ok(None);
    };
    match store::person_for_link(&app.db, person_id).await? {
        None => v.add("person_id", Msg::new("acc-err-person")),
        Some((_, Some(other))) if other != user.id => {
            v.add("person_id", Msg::new("acc-err-person-taken"))
        }
        Some((organization_id, _)) => {
            let member_elsewhere = scope.is_some_and(|s| {
                s.role == Role::Member && s.organization_id != Some(organization_id)
            });
            if member_elsewhere {
                v.add("person_id", Msg::new("acc-err-person-organization"));
            }
        }
    }
    Ok(Some(person_id))
}
