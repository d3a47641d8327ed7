//! The demo network's bulletin: about twenty posts of every type (a
//! state funding call with its deadline in a few weeks, the Tag der
//! Begegnung with registration and its planning tasks on the action
//! board, a change at the immigration authority,
//! good practice, news, an expired call in the archive, a member's post
//! waiting for review), a supervisor's call to every network of
//! Mittelfranken, and subscriptions of the demo users. Dates are relative
//! to the day the demo is loaded; every post passes the post form's
//! validation.

use anyhow::{Context, anyhow};
use chrono::Days;
use serde::Deserialize;
use sqlx::Row;

use crate::{
    accounts::store::user_by_email,
    bulletin::{
        model::{Check, PostInput, Status, iso, today},
        service::posts,
        store::{self, Author, networks_in_region, subscriptions},
    },
    conferences::actions::{self, model::ActionRecord},
    core::{
        audit::Actor,
        ids::{NetworkId, OrganizationId, PostId},
        secrets::random_token,
        store::{Db, Tx, now},
    },
};

static DATA: &str = include_str!("bulletin.json");

#[derive(Deserialize)]
struct DemoBulletin {
    posts: Vec<DemoPost>,
    subscriptions: Vec<DemoSubscription>,
}

#[derive(Deserialize)]
struct DemoPost {
    /// coordinator, member or supervisor.
    author: String,
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    pinned: bool,
    /// A supervisor's post to every network of her region.
    #[serde(default)]
    region: bool,
    #[serde(default)]
    published_days_ago: i64,
    #[serde(default)]
    deadline_in_days: Option<i64>,
    #[serde(default)]
    effective_in_days: Option<i64>,
    #[serde(default)]
    starts_in_days: Option<i64>,
    #[serde(default)]
    starts_time: Option<String>,
    #[serde(default)]
    ends_time: Option<String>,
    /// An event's planning tasks.
    #[serde(default)]
    tasks: Vec<DemoTask>,
    #[serde(flatten)]
    form: PostInput,
}

#[derive(Deserialize)]
struct DemoTask {
    title: String,
    /// The responsible member organisation, by name.
    organization: String,
    due_in_days: i64,
}

#[derive(Deserialize)]
struct DemoSubscription {
    user: String,
    frequency: String,
    #[serde(default)]
    types: Vec<String>,
    #[serde(default)]
    tags: Vec<String>,
}

fn day(offset: i64) -> String {
    let today = today();
    let d = if offset >= 0 {
        today.checked_add_days(Days::new(offset as u64))
    } else {
        today.checked_sub_days(Days::new(offset.unsigned_abs()))
    };
    iso(d.unwrap_or(today))
}

/// A planning task of a demo event, on the network's action board.
async fn add_task(
    tx: &mut Tx,
    (network_id, post_id): (NetworkId, PostId),
    task: &DemoTask,
) -> anyhow::Result<()> {
    let organization: i64 = sqlx::query("SELECT id FROM organizations WHERE name = $1")
        .bind(&task.organization)
        .fetch_optional(&mut **tx)
        .await?
        .with_context(|| format!("the demo organisation {}", task.organization))?
        .get("id");
    let record = ActionRecord {
        agenda_item_id: None,
        post_id: Some(post_id),
        decision_id: None,
        title: task.title.clone(),
        responsible_organization_id: Some(OrganizationId(organization)),
        responsible_person_id: None,
        due_on: Some(day(task.due_in_days)),
    };
    actions::store::create(tx, Actor::System("demo"), network_id, &record).await?;
    Ok(())
}

fn email(role: &str) -> anyhow::Result<&'static str> {
    Ok(match role {
        "coordinator" => "koordination@demo.ikon.example",
        "member" => "mitglied@demo.ikon.example",
        "supervisor" => "regierung@demo.ikon.example",
        other => return Err(anyhow!("demo post: unknown author {other}")),
    })
}

/// Adds the bulletin to the demo network loaded by `super::load`; returns
/// how many posts were written (a region-wide post counts once per
/// network).
pub async fn load(db: &Db, network_id: i64) -> anyhow::Result<usize> {
    let data: DemoBulletin =
        serde_json::from_str(DATA).context("the embedded demo bulletin is malformed")?;
    let network_id = NetworkId(network_id);
    let mut written = 0;
    let mut tx = db.begin().await?;
    for entry in &data.posts {
        let mut form = entry.form.clone();
        if let Some(d) = entry.deadline_in_days {
            form.deadline = day(d);
        }
        if let Some(d) = entry.effective_in_days {
            form.effective_on = day(d);
        }
        if let Some(d) = entry.starts_in_days {
            let date = day(d);
            form.starts_at = format!("{date}T{}", entry.starts_time.as_deref().unwrap_or("10:00"));
            if let Some(end) = &entry.ends_time {
                form.ends_at = format!("{date}T{end}");
            }
        }
        // An old call keeps the deadline it had (as when it is edited).
        let check = Check {
            today: today(),
            previous_deadline: (!form.deadline.is_empty()).then(|| form.deadline.clone()),
            registered: 0,
        };
        let record = form.validate(&check).map_err(|e| {
            anyhow!(
                "demo post {}: invalid {:?}",
                form.title,
                e.into_keys().collect::<Vec<_>>()
            )
        })?;
        let (user, _) = user_by_email(db, email(&entry.author)?)
            .await?
            .with_context(|| format!("the demo user {}", entry.author))?;
        let networks = match (&user.region_key, entry.region) {
            (Some(region), true) => networks_in_region(&mut *tx, region).await?,
            _ => vec![network_id],
        };
        let status = match entry.status.as_deref() {
            None => Status::Published,
            Some(code) => Status::parse(code).with_context(|| format!("demo status {code}"))?,
        };
        let group_key = (networks.len() > 1).then(random_token);
        let author = Author {
            user_id: Some(user.id),
            name: &user.name,
        };
        for network in networks {
            let id = posts::create(
                &mut tx,
                Actor::System("demo"),
                network,
                &record,
                status,
                &author,
                group_key.as_deref(),
            )
            .await?;
            if entry.pinned {
                store::set_pinned(&mut tx, id, true).await?;
            }
            for task in &entry.tasks {
                add_task(&mut tx, (network, id), task).await?;
            }
            if status == Status::Published {
                let at = now() - entry.published_days_ago * 86_400;
                sqlx::query("UPDATE posts SET published_at = $1, created_at = $1, updated_at = $1 WHERE id = $2")
                    .bind(at)
                    .bind(id.get())
                    .execute(&mut *tx)
                    .await?;
            }
            written += 1;
        }
    }
    for s in &data.subscriptions {
        let (user, _) = user_by_email(db, email(&s.user)?)
            .await?
            .with_context(|| format!("the demo user {}", s.user))?;
        subscriptions::save(
            &mut tx,
            user.id,
            network_id,
            &s.types,
            &s.tags,
            &s.frequency,
            "de",
        )
        .await?;
    }
    tx.commit().await?;
    Ok(written)
}
