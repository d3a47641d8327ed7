//! Action items of the conferences attached to a project: the SQL on
//! `project_actions`, attaching (only an item of the project's own
//! network) and detaching, each in one transaction with its audit record
//! and timeline entry, and the attached items with their current state.

use serde::Deserialize;
use serde_json::json;
use sqlx::{Any, Executor, Row};

use super::{model::Project, store};
use crate::{
    coordination::registry::{self, ActionItem},
    core::{
        audit::{self, Actor, Change},
        error::{AppError, AppResult, FieldErrors, Msg},
        identity::User,
        ids::{ActionItemId, ProjectId},
        store::{Tx, now},
        web::App,
    },
};

/// The attach form: an action item's id.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct AttachInput {
    #[serde(default)]
    pub action_item_id: String,
}

async fn attached_ids<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    project_id: ProjectId,
) -> Result<Vec<ActionItemId>, sqlx::Error> {
    Ok(sqlx::query(
        "SELECT action_item_id FROM project_actions WHERE project_id = $1 ORDER BY attached_at, action_item_id",
    )
    .bind(project_id.get())
    .fetch_all(ex)
    .await?
    .iter()
    .map(|r| ActionItemId(r.get("action_item_id")))
    .collect())
}

/// The project's action items, in the order they were attached, and the
/// network's others (for the attach form).
pub async fn actions(
    app: &App,
    project: &Project,
) -> AppResult<(Vec<ActionItem>, Vec<ActionItem>)> {
    let ids = attached_ids(app.db.pool(), project.id).await?;
    let all = registry::action_items(&app.db, project.network_id).await?;
    let attached = ids
        .iter()
        .filter_map(|id| all.iter().find(|a| a.id == *id).cloned())
        .collect();
    let others = all.into_iter().filter(|a| !ids.contains(&a.id)).collect();
    Ok((attached, others))
}

fn invalid(msg: &str) -> AppError {
    let mut errors = FieldErrors::new();
    errors.insert("action_item_id".into(), Msg::new(msg));
    AppError::invalid(errors)
}

async fn log_and_audit(
    tx: &mut Tx,
    user: &User,
    project: &Project,
    item: &ActionItem,
    action: &'static str,
) -> AppResult<()> {
    store::log(tx, project.id, Some(user), action, &item.title).await?;
    audit::record(
        tx,
        Actor::User(user),
        Change {
            network_id: Some(project.network_id.get()),
            entity: "project_action",
            entity_id: Some(project.id.get()),
            action,
            before: None,
            after: Some(json!({ "action_item_id": item.id })),
        },
    )
    .await?;
    Ok(())
}

/// Attaches an action item of the project's network; an unknown one, one
/// of another network or one already attached is a field error.
pub async fn attach(
    app: &App,
    user: &User,
    project: &Project,
    input: &AttachInput,
) -> AppResult<()> {
    let id = input
        .action_item_id
        .trim()
        .parse::<i64>()
        .map(ActionItemId)
        .map_err(|_| invalid("proj-err-action"))?;
    let item = registry::action_item(&app.db, id)
        .await?
        .ok_or_else(|| invalid("proj-err-action"))?;
    if item.network_id != project.network_id {
        return Err(invalid("proj-err-action-network"));
    }
    let mut tx = app.db.begin().await?;
    if attached_ids(&mut *tx, project.id).await?.contains(&id) {
        return Err(invalid("proj-err-action-attached"));
    }
    sqlx::query(
        "INSERT INTO project_actions (project_id, action_item_id, attached_at) VALUES ($1, $2, $3)",
    )
    .bind(project.id.get())
    .bind(id.get())
    .bind(now())
    .execute(&mut *tx)
    .await?;
    log_and_audit(&mut tx, user, project, &item, "action_attached").await?;
    tx.commit().await?;
    Ok(())
}

/// Detaches an attached item; one not attached is a 404.
pub async fn detach(app: &App, user: &User, project: &Project, id: ActionItemId) -> AppResult<()> {
    let item = registry::action_item(&app.db, id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let mut tx = app.db.begin().await?;
    let removed =
        sqlx::query("DELETE FROM project_actions WHERE project_id = $1 AND action_item_id = $2")
            .bind(project.id.get())
            .bind(id.get())
            .execute(&mut *tx)
            .await?
            .rows_affected();
    if removed == 0 {
        return Err(AppError::not_found());
    }
    log_and_audit(&mut tx, user, project, &item, "action_detached").await?;
    tx.commit().await?;
    Ok(())
}
