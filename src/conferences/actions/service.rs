//! Recording action items, changing them, progress updates (the page and
//! `POST /api/v1/…/actions/{action_id}/updates`), and the report on open
//! items that a coordinator adds to the next agenda.

use super::{
    model::{ActionInput, ActionItem, BoardFilter, Choices, UpdateInput, format_day},
    store,
};
use crate::{
    accounts::model::User,
    conferences::{
        model::{AgendaRecord, Meeting},
        registry, store as conf_store,
    },
    core::{
        audit::Actor,
        error::{AppError, AppResult},
        i18n::Lang,
        ids::{ActionItemId, NetworkId, OrganizationId, PostId},
        web::App,
    },
};

/// The valid choices of the action item form for a meeting: its agenda
/// items and decisions, the member organisations and their people.
pub async fn choices(app: &App, meeting: &Meeting) -> AppResult<Choices> {
    let agenda = conf_store::agenda(app.db.pool(), meeting.id).await?;
    let decisions = conf_store::decisions(app.db.pool(), meeting.id).await?;
    Ok(Choices {
        agenda_item_ids: agenda.iter().map(|i| i.id).collect(),
        decisions: decisions.iter().map(|d| (d.id, d.agenda_item_id)).collect(),
        ..responsible_choices(app, meeting.network_id).await?
    })
}

/// Who may be responsible for an item of the network: its member
/// organisations and their people (no agenda items or decisions).
pub async fn responsible_choices(app: &App, network_id: NetworkId) -> AppResult<Choices> {
    let organizations = registry::member_ids(&app.db, network_id).await?;
    let contacts = registry::contacts(&app.db, network_id).await?;
    Ok(Choices {
        agenda_item_ids: Vec::new(),
        decisions: Vec::new(),
        organization_ids: organizations,
        people: contacts.iter().map(|c| (c.id, c.organization_id)).collect(),
    })
}

/// A planning task of an event post of the network: an action item on the
/// network's board that names the post instead of an agenda item.
pub async fn create_task(
    app: &App,
    user: &User,
    (network_id, post_id): (NetworkId, PostId),
    input: &ActionInput,
) -> AppResult<ActionItemId> {
    let record = input
        .validate_task(post_id, &responsible_choices(app, network_id).await?)
        .map_err(AppError::invalid)?;
    let mut tx = app.db.begin().await?;
    let id = store::create(&mut tx, Actor::User(user), network_id, &record).await?;
    tx.commit().await?;
    Ok(id)
}

/// A new action item of the meeting.
pub async fn create_action(
    app: &App,
    user: &User,
    meeting: &Meeting,
    input: &ActionInput,
) -> AppResult<ActionItemId> {
    let record = input
        .validate(&choices(app, meeting).await?)
        .map_err(AppError::invalid)?;
    let mut tx = app.db.begin().await?;
    let id = store::create(&mut tx, Actor::User(user), meeting.network_id, &record).await?;
    tx.commit().await?;
    Ok(id)
}

/// Changes what an item of the meeting is about.
pub async fn update_action(
    app: &App,
    user: &User,
    meeting: &Meeting,
    item: &ActionItem,
    input: &ActionInput,
) -> AppResult<()> {
    let record = input
        .validate(&choices(app, meeting).await?)
        .map_err(AppError::invalid)?;
    let mut tx = app.db.begin().await?;
    store::update(&mut tx, Actor::User(user), item, &record).await?;
    tx.commit().await?;
    Ok(())
}

/// Status, progress and a comment on an item; returns the new entry of
/// its history.
pub async fn report_progress(
    app: &App,
    user: &User,
    item: &ActionItem,
    input: &UpdateInput,
) -> AppResult<i64> {
    let record = input.validate().map_err(AppError::invalid)?;
    let mut tx = app.db.begin().await?;
    let id = store::add_update(&mut tx, user, item, &record).await?;
    tx.commit().await?;
    Ok(id)
}

/// The text of the agenda item that reports on open action items.
pub fn open_items_report(lang: Lang, items: &[ActionItem]) -> String {
    if items.is_empty() {
        return lang.t("act-report-none");
    }
    items
        .iter()
        .map(|i| {
            let args = [
                ("title".to_string(), i.title.clone()),
                ("responsible".to_string(), i.responsible()),
                (
                    "due".to_string(),
                    i.due_on
                        .as_deref()
                        .map(format_day)
                        .unwrap_or_else(|| "–".into()),
                ),
                ("progress".to_string(), i.progress.to_string()),
            ];
            let mut line = format!("- {}", lang.t_args("act-report-line", &args));
            if i.overdue {
                line.push_str(&format!(" ({})", lang.t("act-overdue")));
            }
            line
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Adds the report on the network's open action items (from earlier
/// meetings) to a meeting that has not taken place.
pub async fn add_open_items_report(app: &App, user: &User, meeting: &Meeting) -> AppResult<()> {
    if !meeting.before_the_day() {
        return Err(AppError::conflict("wrong_state", "act-err-report-state"));
    }
    let items = store::board(app.db.pool(), meeting.network_id, &BoardFilter::default()).await?;
    // Items of this very meeting are not "open items from before".
    let items: Vec<ActionItem> = items
        .into_iter()
        .filter(|i| i.meeting_id != Some(meeting.id))
        .collect();
    let lang = Lang::De;
    let record = AgendaRecord {
        title: lang.t("act-report-title"),
        description: open_items_report(lang, &items),
        proposer_organization_id: None::<OrganizationId>,
        duration_minutes: 15,
        is_public: false,
    };
    let mut tx = app.db.begin().await?;
    conf_store::add_agenda_item(&mut tx, Actor::User(user), meeting, &record).await?;
    tx.commit().await?;
    Ok(())
}
