//! Store queries for action items and their progress updates. Every write
//! takes the caller's transaction and records an audit entry in it.

use serde_json::json;
use sqlx::{Any, Executor, Row, any::AnyRow};

use super::model::{
    ActionItem, ActionRecord, ActionUpdate, BoardFilter, Status, UpdateRecord, is_overdue, today,
};
use crate::{
    accounts::model::User,
    conferences::store::audit,
    core::{
        audit::Actor,
        ids::{
            ActionItemId, AgendaItemId, DecisionId, MeetingId, NetworkId, OrganizationId, PersonId,
            PostId, UserId,
        },
        store::{Tx, now},
    },
};

// An item comes from an agenda item (and so a meeting) or from an event
// post: both joins are outer.
const SELECT: &str = "SELECT a.id, a.network_id, ai.meeting_id, m.title AS meeting_title,
    a.agenda_item_id, ai.title AS agenda_item_title, a.post_id, po.title AS post_title,
    a.decision_id, d.text AS decision_text,
    a.title, a.responsible_organization_id, o.name AS organization_name,
    a.responsible_person_id, p.name AS person_name, a.due_on, a.status, a.progress,
    a.created_at, a.updated_at
    FROM action_items a
    LEFT JOIN agenda_items ai ON ai.id = a.agenda_item_id
    LEFT JOIN meetings m ON m.id = ai.meeting_id
    LEFT JOIN posts po ON po.id = a.post_id
    LEFT JOIN decisions d ON d.id = a.decision_id
    LEFT JOIN organizations o ON o.id = a.responsible_organization_id
    LEFT JOIN people p ON p.id = a.responsible_person_id";

fn opt<T>(r: &AnyRow, column: &str, wrap: fn(i64) -> T) -> Option<T> {
    r.get::<Option<i64>, _>(column).map(wrap)
}

fn item_from(r: &AnyRow, today: chrono::NaiveDate) -> ActionItem {
    let status = Status::parse(&r.get::<String, _>("status")).unwrap_or(Status::Open);
    let due_on: Option<String> = r.get("due_on");
    ActionItem {
        id: ActionItemId(r.get("id")),
        network_id: NetworkId(r.get("network_id")),
        meeting_id: opt(r, "meeting_id", MeetingId),
        meeting_title: r.get("meeting_title"),
        agenda_item_id: opt(r, "agenda_item_id", AgendaItemId),
        agenda_item_title: r.get("agenda_item_title"),
        post_id: opt(r, "post_id", PostId),
        post_title: r.get("post_title"),
        decision_id: opt(r, "decision_id", DecisionId),
        decision_text: r.get("decision_text"),
        title: r.get("title"),
        responsible_organization_id: opt(r, "responsible_organization_id", OrganizationId),
        responsible_organization: r.get("organization_name"),
        responsible_person_id: opt(r, "responsible_person_id", PersonId),
        responsible_person: r.get("person_name"),
        overdue: is_overdue(status, due_on.as_deref(), today),
        due_on,
        status,
        progress: r.get("progress"),
        created_at: r.get("created_at"),
        updated_at: r.get("updated_at"),
    }
}

/// The action items of a network: earliest due date first (none last).
pub async fn board<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    network_id: NetworkId,
    filter: &BoardFilter,
) -> Result<Vec<ActionItem>, sqlx::Error> {
    let mut sql = format!("{SELECT} WHERE a.network_id = $1");
    let mut n = 1;
    if filter.organization_id.is_some() {
        n += 1;
        sql.push_str(&format!(" AND a.responsible_organization_id = ${n}"));
    }
    if filter.meeting_id.is_some() {
        n += 1;
        sql.push_str(&format!(" AND ai.meeting_id = ${n}"));
    }
    let statuses = filter
        .statuses
        .clone()
        .unwrap_or_else(|| vec![Status::Open, Status::InProgress]);
    let list: Vec<String> = statuses.iter().map(|s| format!("'{}'", s.code())).collect();
    sql.push_str(&format!(" AND a.status IN ({})", list.join(", ")));
    sql.push_str(" ORDER BY CASE WHEN a.due_on IS NULL THEN 1 ELSE 0 END, a.due_on, a.id");
    let mut query = sqlx::query(&sql).bind(network_id.get());
    if let Some(o) = filter.organization_id {
        query = query.bind(o.get());
    }
    if let Some(m) = filter.meeting_id {
        query = query.bind(m.get());
    }
    let today = today();
    Ok(query
        .fetch_all(ex)
        .await?
        .iter()
        .map(|r| item_from(r, today))
        .collect())
}

/// The action items of one meeting, in agenda order.
pub async fn for_meeting<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    meeting_id: MeetingId,
) -> Result<Vec<ActionItem>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "{SELECT} WHERE ai.meeting_id = $1 ORDER BY ai.position, a.id"
    ))
    .bind(meeting_id.get())
    .fetch_all(ex)
    .await?;
    let today = today();
    Ok(rows.iter().map(|r| item_from(r, today)).collect())
}

/// The planning tasks of an event post, earliest due date first (none
/// last).
pub async fn for_post<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    post_id: PostId,
) -> Result<Vec<ActionItem>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "{SELECT} WHERE a.post_id = $1
         ORDER BY CASE WHEN a.due_on IS NULL THEN 1 ELSE 0 END, a.due_on, a.id"
    ))
    .bind(post_id.get())
    .fetch_all(ex)
    .await?;
    let today = today();
    Ok(rows.iter().map(|r| item_from(r, today)).collect())
}

pub async fn item<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    id: ActionItemId,
) -> Result<Option<ActionItem>, sqlx::Error> {
    let row = sqlx::query(&format!("{SELECT} WHERE a.id = $1"))
        .bind(id.get())
        .fetch_optional(ex)
        .await?;
    Ok(row.map(|r| item_from(&r, today())))
}

/// The history of an item, newest first.
pub async fn updates<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    item_id: ActionItemId,
) -> Result<Vec<ActionUpdate>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT u.id, u.action_item_id, u.user_id, us.name AS user_name, u.status, u.progress, u.comment, u.created_at
         FROM action_updates u LEFT JOIN users us ON us.id = u.user_id
         WHERE u.action_item_id = $1 ORDER BY u.created_at DESC, u.id DESC",
    )
    .bind(item_id.get())
    .fetch_all(ex)
    .await?;
    Ok(rows
        .iter()
        .map(|r| ActionUpdate {
            id: r.get("id"),
            action_item_id: ActionItemId(r.get("action_item_id")),
            user_id: opt(r, "user_id", UserId),
            user_name: r.get("user_name"),
            status: Status::parse(&r.get::<String, _>("status")).unwrap_or(Status::Open),
            progress: r.get("progress"),
            comment: r.get("comment"),
            created_at: r.get("created_at"),
        })
        .collect())
}

pub async fn create(
    tx: &mut Tx,
    actor: Actor<'_>,
    network_id: NetworkId,
    record: &ActionRecord,
) -> Result<ActionItemId, sqlx::Error> {
    let at = now();
    let id: i64 = sqlx::query(
        "INSERT INTO action_items (network_id, agenda_item_id, post_id, decision_id, title,
         responsible_organization_id, responsible_person_id, due_on, status, progress, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'open', 0, $9, $9) RETURNING id",
    )
    .bind(network_id.get())
    .bind(record.agenda_item_id.map(AgendaItemId::get))
    .bind(record.post_id.map(PostId::get))
    .bind(record.decision_id.map(DecisionId::get))
    .bind(&record.title)
    .bind(record.responsible_organization_id.map(OrganizationId::get))
    .bind(record.responsible_person_id.map(PersonId::get))
    .bind(record.due_on.clone())
    .bind(at)
    .fetch_one(&mut **tx)
    .await?
    .get("id");
    audit(
        tx,
        actor,
        network_id,
        ("action_item", Some(id), "create"),
        None,
        Some(json!(record)),
    )
    .await?;
    Ok(ActionItemId(id))
}

/// Changes what an item is about; a new due date gets new reminders.
pub async fn update(
    tx: &mut Tx,
    actor: Actor<'_>,
    item: &ActionItem,
    record: &ActionRecord,
) -> Result<(), sqlx::Error> {
    let due_changed = item.due_on != record.due_on;
    sqlx::query(
        "UPDATE action_items SET agenda_item_id = $1, post_id = $2, decision_id = $3, title = $4,
         responsible_organization_id = $5, responsible_person_id = $6, due_on = $7, updated_at = $8,
         reminded_due_at = CASE WHEN $9 = 1 THEN NULL ELSE reminded_due_at END,
         reminded_overdue_at = CASE WHEN $9 = 1 THEN NULL ELSE reminded_overdue_at END
         WHERE id = $10",
    )
    .bind(record.agenda_item_id.map(AgendaItemId::get))
    .bind(record.post_id.map(PostId::get))
    .bind(record.decision_id.map(DecisionId::get))
    .bind(&record.title)
    .bind(record.responsible_organization_id.map(OrganizationId::get))
    .bind(record.responsible_person_id.map(PersonId::get))
    .bind(record.due_on.clone())
    .bind(now())
    .bind(i64::from(due_changed))
    .bind(item.id.get())
    .execute(&mut **tx)
    .await?;
    let before = ActionRecord {
        agenda_item_id: item.agenda_item_id,
        post_id: item.post_id,
        decision_id: item.decision_id,
        title: item.title.clone(),
        responsible_organization_id: item.responsible_organization_id,
        responsible_person_id: item.responsible_person_id,
        due_on: item.due_on.clone(),
    };
    audit(
        tx,
        actor,
        item.network_id,
        ("action_item", Some(item.id.get()), "update"),
        Some(json!(before)),
        Some(json!(record)),
    )
    .await
}

/// Appends a progress update to the history and sets the item's status.
pub async fn add_update(
    tx: &mut Tx,
    user: &User,
    item: &ActionItem,
    update: &UpdateRecord,
) -> Result<i64, sqlx::Error> {
    let at = now();
    let id: i64 = sqlx::query(
        "INSERT INTO action_updates (action_item_id, user_id, status, progress, comment, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(item.id.get())
    .bind(user.id)
    .bind(update.status.code())
    .bind(update.progress)
    .bind(&update.comment)
    .bind(at)
    .fetch_one(&mut **tx)
    .await?
    .get("id");
    sqlx::query(
        "UPDATE action_items SET status = $1, progress = $2, updated_at = $3 WHERE id = $4",
    )
    .bind(update.status.code())
    .bind(update.progress)
    .bind(at)
    .bind(item.id.get())
    .execute(&mut **tx)
    .await?;
    audit(
        tx,
        Actor::User(user),
        item.network_id,
        ("action_item", Some(item.id.get()), "progress"),
        Some(json!({ "status": item.status, "progress": item.progress })),
        Some(json!(update)),
    )
    .await?;
    Ok(id)
}

/// Which reminder: before the due date, or once the date has passed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reminder {
    Due,
    Overdue,
}

impl Reminder {
    fn column(self) -> &'static str {
        match self {
            Reminder::Due => "reminded_due_at",
            Reminder::Overdue => "reminded_overdue_at",
        }
    }
}

/// Open items whose reminder falls due and was not sent: overdue ones
/// (due before `today`) or those due from `today` to `ahead`
/// (`YYYY-MM-DD`).
pub async fn to_remind<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    reminder: Reminder,
    today: &str,
    ahead: &str,
) -> Result<Vec<ActionItemId>, sqlx::Error> {
    let condition = match reminder {
        Reminder::Overdue => "due_on < $1",
        Reminder::Due => "due_on >= $1 AND due_on <= $2",
    };
    let sql = format!(
        "SELECT id FROM action_items WHERE status IN ('open', 'in_progress')
         AND due_on IS NOT NULL AND {condition} AND {} IS NULL ORDER BY id",
        reminder.column()
    );
    let mut query = sqlx::query(&sql).bind(today);
    if reminder == Reminder::Due {
        query = query.bind(ahead);
    }
    Ok(query
        .fetch_all(ex)
        .await?
        .iter()
        .map(|r| ActionItemId(r.get("id")))
        .collect())
}

/// Claims an item's reminder in the transaction that queues its mails;
/// false if another process was first.
pub async fn claim_reminder(
    tx: &mut Tx,
    id: ActionItemId,
    reminder: Reminder,
) -> Result<bool, sqlx::Error> {
    let column = reminder.column();
    let claimed = sqlx::query(&format!(
        "UPDATE action_items SET {column} = $1 WHERE id = $2 AND {column} IS NULL"
    ))
    .bind(now())
    .bind(id.get())
    .execute(&mut **tx)
    .await?
    .rows_affected();
    Ok(claimed == 1)
}
