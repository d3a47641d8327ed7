//! Mail to subscribers: a notice of each new post (immediate), daily and
//! weekly digests, and reminders 14 and 3 days before a funding call's
//! deadline. Each mail is one row of `bulletin_deliveries`, claimed with
//! its unique key (subscription, period) in the transaction that queues
//! the mail on the job queue: whichever process inserts the row sends,
//! every other one finds it taken, so a mail goes once per user and
//! period however many `ikon serve` processes sweep, and the queue
//! retries a delivery that fails until the mail server takes it.
//!
//! Every mail has a plain-text and an HTML part in the subscriber's
//! language, an unsubscribe link of its own that works without signing
//! in, and the `List-Unsubscribe` / `List-Unsubscribe-Post` headers of
//! RFC 8058.

use std::{
    collections::{HashMap, hash_map::Entry},
    time::Duration,
};

use chrono::{Datelike, Days, Timelike};
use minijinja::context;

use crate::accounts::{access::NetworkScope, store::user_by_id, viewer::Viewer};
use crate::bulletin::{
    model::{Kind, Post, berlin, iso},
    service::posts::archive_over,
    store::{
        self as posts,
        subscriptions::{self as store, Subscription},
    },
};
use crate::core::{
    error::AppResult,
    i18n::Lang,
    ids::{NetworkId, PostId},
    mail::{RichEmail, enqueue_rich},
    paths,
    secrets::random_token,
    store::now,
    web::App,
};
use crate::network::{context::load_network, model::Network};

/// How often each process looks for digests and reminders that are due.
pub const SWEEP_EVERY: Duration = Duration::from_secs(5 * 60);

/// Digests go out from this hour (German local time) of their day.
pub const DIGEST_HOUR: u32 = 7;

/// Days before a funding call's deadline that its reminders go out.
pub const REMINDER_DAYS: [u64; 2] = [14, 3];

/// How long an unsubscribe link works.
pub const UNSUBSCRIBE_DAYS: i64 = 180;

/// What one sweep did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Swept {
    pub archived: usize,
    pub digests: usize,
    pub reminders: usize,
}

/// The periodic work: archives what is over, queues the digests and
/// reminders that are due at `at` (UNIX seconds).
pub async fn sweep(app: &App, at: i64) -> AppResult<Swept> {
    let archived = archive_over(app).await?;
    let digests = digests(app, at).await?;
    let reminders = reminders(app, at).await?;
    Ok(Swept {
        archived,
        digests,
        reminders,
    })
}

/// The digest period a subscription's mail at `at` belongs to, if its
/// digest is due then: `digest:daily:2026-12-04` from 07:00 of each day,
/// `digest:weekly:2026-W49` from Monday 07:00.
pub fn period(frequency: &str, at: i64) -> Option<String> {
    let local = berlin(at)?;
    match frequency {
        "daily" if local.hour() >= DIGEST_HOUR => {
            Some(format!("digest:daily:{}", iso(local.date_naive())))
        }
        "weekly" if local.weekday() != chrono::Weekday::Mon || local.hour() >= DIGEST_HOUR => {
            let week = local.iso_week();
            Some(format!("digest:weekly:{}-W{:02}", week.year(), week.week()))
        }
        _ => None,
    }
}

/// Whether a post is one the subscription asks for.
pub fn matches(s: &Subscription, post: &Post) -> bool {
    (s.kinds.is_empty() || s.kinds.iter().any(|k| k == post.record.kind.code()))
        && (s.tags.is_empty() || post.record.tags.iter().any(|t| s.tags.contains(t)))
}

/// The subscriber, if they may still read the network (a subscriber who
/// lost the right gets nothing).
async fn reader(
    app: &App,
    s: &Subscription,
    network: &Network,
) -> AppResult<Option<(String, String)>> {
    let Some(user) = user_by_id(&app.db, s.user_id).await? else {
        return Ok(None);
    };
    let viewer = Viewer {
        user: Some(user.clone()),
        lang: Lang::De,
        public_lang: Lang::De,
        csrf: String::new(),
        via_api_token: false,
        path: String::new(),
    };
    let scope = NetworkScope {
        id: network.id,
        region_key: &network.region_key,
    };
    Ok(viewer
        .can_read_network(&scope)
        .then_some((user.email, network.name.clone())))
}

/// What one digest run reads once for all the subscribers of a network:
/// the network, and its posts published since the earliest start any of
/// its digests asked for (each digest then takes its own part).
#[derive(Default)]
struct Run {
    networks: HashMap<NetworkId, Network>,
    posts: HashMap<NetworkId, (i64, Vec<Post>)>,
}

impl Run {
    async fn network(&mut self, app: &App, id: NetworkId) -> AppResult<&Network> {
        Ok(match self.networks.entry(id) {
            Entry::Occupied(e) => e.into_mut(),
            Entry::Vacant(e) => e.insert(load_network(&app.db, id).await?),
        })
    }

    /// The network's posts published after `since` up to `at`, oldest
    /// first.
    async fn published(
        &mut self,
        app: &App,
        id: NetworkId,
        (since, at): (i64, i64),
    ) -> AppResult<Vec<Post>> {
        if self.posts.get(&id).is_none_or(|(from, _)| *from > since) {
            let list = posts::published_between(app.db.pool(), id, since, at).await?;
            self.posts.insert(id, (since, list));
        }
        Ok(self.posts[&id]
            .1
            .iter()
            .filter(|p| p.published_at.is_some_and(|t| t > since))
            .cloned()
            .collect())
    }
}

async fn digests(app: &App, at: i64) -> AppResult<usize> {
    let mut queued = 0;
    let mut run = Run::default();
    for s in store::with_frequency(app.db.pool(), None).await? {
        let Some(period) = period(&s.frequency, at) else {
            continue;
        };
        // Since the last digest; the first one from the second of
        // subscribing on.
        let since = store::last_covered(app.db.pool(), s.id, "digest:")
            .await?
            .unwrap_or(s.created_at - 1);
        let network = run.network(app, s.network_id).await?;
        let Some((email, network_name)) = reader(app, &s, network).await? else {
            continue;
        };
        let items: Vec<Post> = run
            .published(app, s.network_id, (since, at))
            .await?
            .into_iter()
            .filter(|p| matches(&s, p))
            .collect();
        let token = random_token();
        let mut tx = app.db.begin().await?;
        if !store::claim(&mut tx, s.id, &period, at, items.len(), &token).await? {
            continue;
        }
        // A period without news is done without a mail.
        if !items.is_empty() {
            let mail = compose(
                app,
                &s,
                &email,
                &network_name,
                Letter::Digest(&items),
                &token,
            )?;
            enqueue_rich(&mut tx, &mail).await?;
            queued += 1;
        }
        tx.commit().await?;
    }
    if queued > 0 {
        app.jobs_ready.notify_one();
    }
    Ok(queued)
}

async fn reminders(app: &App, at: i64) -> AppResult<usize> {
    let Some(local) = berlin(at) else {
        return Ok(0);
    };
    let mut queued = 0;
    for days in REMINDER_DAYS {
        let Some(day) = local.date_naive().checked_add_days(Days::new(days)) else {
            continue;
        };
        for post in posts::deadlines_on(app.db.pool(), &iso(day)).await? {
            let network = load_network(&app.db, post.network_id).await?;
            for s in store::of_network(app.db.pool(), post.network_id).await? {
                if !matches(&s, &post) {
                    continue;
                }
                let Some((email, network_name)) = reader(app, &s, &network).await? else {
                    continue;
                };
                let period = format!("reminder{days}:post:{}", post.id);
                let token = random_token();
                let mut tx = app.db.begin().await?;
                if !store::claim(&mut tx, s.id, &period, at, 1, &token).await? {
                    continue;
                }
                let letter = Letter::Reminder(&post, days);
                let mail = compose(app, &s, &email, &network_name, letter, &token)?;
                enqueue_rich(&mut tx, &mail).await?;
                tx.commit().await?;
                queued += 1;
            }
        }
    }
    if queued > 0 {
        app.jobs_ready.notify_one();
    }
    Ok(queued)
}

/// The job [`super::posts::NOTIFY_JOB`]: mails a new post to the
/// network's immediate subscribers whom it concerns.
pub async fn notify(app: &App, post_id: PostId) -> AppResult<()> {
    let Some(post) = posts::post(app.db.pool(), post_id).await? else {
        return Ok(());
    };
    if post.status != crate::bulletin::model::Status::Published {
        return Ok(());
    }
    let at = now();
    let network = load_network(&app.db, post.network_id).await?;
    for s in store::of_network(app.db.pool(), post.network_id).await? {
        if s.frequency != "immediate" || !matches(&s, &post) {
            continue;
        }
        let Some((email, network_name)) = reader(app, &s, &network).await? else {
            continue;
        };
        let token = random_token();
        let mut tx = app.db.begin().await?;
        let period = format!("post:{}", post.id);
        if !store::claim(&mut tx, s.id, &period, at, 1, &token).await? {
            continue;
        }
        let mail = compose(app, &s, &email, &network_name, Letter::Post(&post), &token)?;
        enqueue_rich(&mut tx, &mail).await?;
        tx.commit().await?;
    }
    app.jobs_ready.notify_one();
    Ok(())
}

enum Letter<'a> {
    Post(&'a Post),
    Digest(&'a [Post]),
    Reminder(&'a Post, u64),
}

/// One item of a mail, as its templates show it.
#[derive(serde::Serialize)]
struct Item {
    title: String,
    kind: Kind,
    url: String,
    /// The first lines of the text.
    summary: String,
    deadline: Option<String>,
    starts_at: Option<i64>,
}

fn item(app: &App, post: &Post) -> Item {
    let mut summary: String = post.record.body.chars().take(280).collect();
    if summary.len() < post.record.body.len() {
        summary.push('…');
    }
    Item {
        title: post.record.title.clone(),
        kind: post.record.kind,
        url: format!(
            "{}{}",
            app.config.base(),
            paths::post(post.network_id, post.id)
        ),
        summary,
        deadline: post.record.deadline_on.clone(),
        starts_at: post.record.starts_at,
    }
}

fn compose(
    app: &App,
    s: &Subscription,
    to: &str,
    network_name: &str,
    letter: Letter<'_>,
    token: &str,
) -> AppResult<RichEmail> {
    let lang = Lang::parse(&s.lang)
        .filter(|l| l.is_full())
        .unwrap_or_default();
    let base = app.config.base();
    let unsubscribe = format!("{base}{}", paths::unsubscribe(token));
    let settings = format!("{base}{}", paths::subscription(s.network_id));
    let (what, items, days) = match letter {
        Letter::Post(p) => ("post", vec![item(app, p)], 0),
        Letter::Digest(list) => (
            if s.frequency == "weekly" {
                "weekly"
            } else {
                "daily"
            },
            list.iter().map(|p| item(app, p)).collect(),
            0,
        ),
        Letter::Reminder(p, d) => ("reminder", vec![item(app, p)], d),
    };
    let subject = match what {
        "post" => lang.t_args(
            "bul-mail-subject-post",
            &[("title".into(), items[0].title.clone())],
        ),
        "reminder" => lang.t_args(
            "bul-mail-subject-reminder",
            &[
                ("title".into(), items[0].title.clone()),
                ("days".into(), days.to_string()),
            ],
        ),
        _ => lang.t_args(
            &format!("bul-mail-subject-{what}"),
            &[
                ("network".into(), network_name.to_string()),
                ("count".into(), items.len().to_string()),
            ],
        ),
    };
    let ctx = context! {
        lang => lang.code(), what => what, items => items, days => days,
        network => network_name, unsubscribe => unsubscribe, settings => settings,
        subject => subject,
    };
    let text = app.templates.render("bulletin/mail.txt", ctx.clone())?;
    let html = app.templates.render("bulletin/mail.html", ctx)?;
    Ok(RichEmail {
        to: to.to_string(),
        subject,
        text,
        html,
        headers: vec![
            ("List-Unsubscribe".into(), format!("<{unsubscribe}>")),
            (
                "List-Unsubscribe-Post".into(),
                "List-Unsubscribe=One-Click".into(),
            ),
            (
                "List-Id".into(),
                format!("<bulletin-{}.{}>", s.network_id, list_host(&base)),
            ),
        ],
    })
}

fn list_host(base: &str) -> String {
    url::Url::parse(base)
        .ok()
        .and_then(|u| u.host_str().map(str::to_string))
        .unwrap_or_else(|| "localhost".into())
}
