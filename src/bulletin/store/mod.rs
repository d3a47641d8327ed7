//! SQL on the bulletin's own tables: posts and their tags here,
//! registrations, settings, subscriptions and a post's files, report and
//! shares in the submodules.

pub mod files;
pub mod registrations;
pub mod subscriptions;

use sqlx::{Any, Executor, Row, any::AnyRow};

use crate::bulletin::model::{Audience, Details, Kind, Post, PostRecord, Status, iso, search_text};
use crate::core::{
    ids::{NetworkId, PostId},
    store::{Tx, now},
};

const COLUMNS: &str = "p.id, p.network_id, p.kind, p.status, p.audience, p.pinned, p.title, p.body, \
    p.details, p.tags, p.starts_at, p.ends_at, p.deadline_on, p.expires_on, p.author_id, \
    p.author_name, p.group_key, p.published_at, p.created_at, p.updated_at";

fn post_of(r: &AnyRow) -> Post {
    let tags: String = r.get("tags");
    let details: String = r.get("details");
    Post {
        id: PostId(r.get("id")),
        network_id: NetworkId(r.get("network_id")),
        status: Status::parse(&r.get::<String, _>("status")).unwrap_or(Status::Archived),
        pinned: r.get::<i64, _>("pinned") == 1,
        record: PostRecord {
            kind: Kind::parse(&r.get::<String, _>("kind")).unwrap_or(Kind::News),
            audience: Audience::parse(&r.get::<String, _>("audience")).unwrap_or(Audience::Network),
            title: r.get("title"),
            body: r.get("body"),
            tags: tags.split_whitespace().map(str::to_string).collect(),
            expires_on: r.get("expires_on"),
            starts_at: r.get("starts_at"),
            ends_at: r.get("ends_at"),
            deadline_on: r.get("deadline_on"),
            details: serde_json::from_str::<Details>(&details).unwrap_or_default(),
        },
        author_id: r.get("author_id"),
        author_name: r.get("author_name"),
        group_key: r.get("group_key"),
        published_at: r.get("published_at"),
        created_at: r.get("created_at"),
        updated_at: r.get("updated_at"),
    }
}

fn details_json(r: &PostRecord) -> String {
    serde_json::to_string(&r.details).expect("details serialise")
}

/// Who wrote a post.
pub struct Author<'a> {
    pub user_id: Option<i64>,
    pub name: &'a str,
}

async fn set_tags(tx: &mut Tx, id: PostId, tags: &[String]) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM post_tags WHERE post_id = $1")
        .bind(id.get())
        .execute(&mut **tx)
        .await?;
    for tag in tags {
        sqlx::query("INSERT INTO post_tags (post_id, tag) VALUES ($1, $2)")
            .bind(id.get())
            .bind(tag)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

pub async fn insert(
    tx: &mut Tx,
    network_id: NetworkId,
    record: &PostRecord,
    status: Status,
    author: &Author<'_>,
    group_key: Option<&str>,
) -> Result<PostId, sqlx::Error> {
    let at = now();
    let published_at = (status == Status::Published).then_some(at);
    let row = sqlx::query(
        "INSERT INTO posts (network_id, kind, status, audience, pinned, title, body, details, tags,
            search_text, starts_at, ends_at, deadline_on, expires_on, author_id, author_name,
            group_key, published_at, created_at, updated_at)
         VALUES ($1, $2, $3, $4, 0, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18)
         RETURNING id",
    )
    .bind(network_id.get())
    .bind(record.kind.code())
    .bind(status.code())
    .bind(record.audience.code())
    .bind(&record.title)
    .bind(&record.body)
    .bind(details_json(record))
    .bind(record.tags.join(" "))
    .bind(search_text(record))
    .bind(record.starts_at)
    .bind(record.ends_at)
    .bind(&record.deadline_on)
    .bind(&record.expires_on)
    .bind(author.user_id)
    .bind(author.name)
    .bind(group_key)
    .bind(published_at)
    .bind(at)
    .fetch_one(&mut **tx)
    .await?;
    let id = PostId(row.get("id"));
    set_tags(tx, id, &record.tags).await?;
    Ok(id)
}

pub async fn update(tx: &mut Tx, id: PostId, record: &PostRecord) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE posts SET kind = $1, audience = $2, title = $3, body = $4, details = $5, tags = $6,
            search_text = $7, starts_at = $8, ends_at = $9, deadline_on = $10, expires_on = $11,
            updated_at = $12
         WHERE id = $13",
    )
    .bind(record.kind.code())
    .bind(record.audience.code())
    .bind(&record.title)
    .bind(&record.body)
    .bind(details_json(record))
    .bind(record.tags.join(" "))
    .bind(search_text(record))
    .bind(record.starts_at)
    .bind(record.ends_at)
    .bind(&record.deadline_on)
    .bind(&record.expires_on)
    .bind(now())
    .bind(id.get())
    .execute(&mut **tx)
    .await?;
    set_tags(tx, id, &record.tags).await
}

/// Moves a post; publishing it the first time dates it.
pub async fn set_status(tx: &mut Tx, id: PostId, status: Status) -> Result<(), sqlx::Error> {
    let at = now();
    sqlx::query(
        "UPDATE posts SET status = $1, updated_at = $2,
            published_at = CASE WHEN $1 = 'published' AND published_at IS NULL THEN $2 ELSE published_at END
         WHERE id = $3",
    )
    .bind(status.code())
    .bind(at)
    .bind(id.get())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn set_pinned(tx: &mut Tx, id: PostId, pinned: bool) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE posts SET pinned = $1 WHERE id = $2")
        .bind(i64::from(pinned))
        .bind(id.get())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub async fn post<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    id: PostId,
) -> Result<Option<Post>, sqlx::Error> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM posts p WHERE p.id = $1"))
        .bind(id.get())
        .fetch_optional(ex)
        .await?;
    Ok(row.as_ref().map(post_of))
}

/// Which posts a list shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// Live and current (the bulletin, the feeds).
    Current,
    /// Archived, or live but over (deadline, event, expiry passed).
    Archive,
    /// Waiting for review.
    Review,
}

/// A list's filters.
#[derive(Clone, Debug)]
pub struct Query {
    pub view: View,
    pub public_only: bool,
    pub kind: Option<Kind>,
    pub tag: Option<String>,
    /// Funding calls with a deadline from today up to this day.
    pub deadline_until: Option<String>,
    /// Stems every one of which the post must contain.
    pub words: Vec<String>,
    pub limit: i64,
    pub offset: i64,
}

impl Query {
    pub fn current() -> Self {
        Query {
            view: View::Current,
            public_only: false,
            kind: None,
            tag: None,
            deadline_until: None,
            words: Vec::new(),
            limit: 50,
            offset: 0,
        }
    }
}

/// `over` is true for posts whose time is over (with `$2` today's date and
/// `$3` now).
const OVER: &str = "((p.expires_on IS NOT NULL AND p.expires_on < $2)
    OR (p.kind = 'funding_call' AND p.deadline_on IS NOT NULL AND p.deadline_on < $2)
    OR (p.kind = 'event' AND COALESCE(p.ends_at, p.starts_at) < $3))";

/// The WHERE clause of a list and its values after `$1` (network), `$2`
/// (today) and `$3` (now).
fn conditions(q: &Query) -> (String, Vec<String>) {
    let mut sql = String::from("p.network_id = $1");
    let mut values: Vec<String> = Vec::new();
    match q.view {
        View::Current => sql.push_str(&format!(" AND p.status = 'published' AND NOT {OVER}")),
        View::Archive => sql.push_str(&format!(
            " AND (p.status = 'archived' OR (p.status = 'published' AND {OVER}))"
        )),
        View::Review => sql.push_str(" AND p.status = 'review' AND $2 = $2 AND $3 = $3"),
    }
    let next = |value: String, values: &mut Vec<String>| {
        values.push(value);
        format!("${}", values.len() + 3)
    };
    if q.public_only {
        sql.push_str(" AND p.audience = 'public'");
    }
    if let Some(kind) = q.kind {
        let n = next(kind.code().to_string(), &mut values);
        sql.push_str(&format!(" AND p.kind = {n}"));
    }
    if let Some(tag) = &q.tag {
        let n = next(tag.clone(), &mut values);
        sql.push_str(&format!(
            " AND EXISTS (SELECT 1 FROM post_tags t WHERE t.post_id = p.id AND t.tag = {n})"
        ));
    }
    if let Some(until) = &q.deadline_until {
        let n = next(until.clone(), &mut values);
        sql.push_str(&format!(
            " AND p.kind = 'funding_call' AND p.deadline_on >= $2 AND p.deadline_on <= {n}"
        ));
    }
    for word in &q.words {
        let mut pattern = String::from("% ");
        for c in word.chars() {
            if matches!(c, '%' | '_' | '\\') {
                pattern.push('\\');
            }
            pattern.push(c);
        }
        pattern.push('%');
        let n = next(pattern, &mut values);
        sql.push_str(&format!(" AND p.search_text LIKE {n} ESCAPE '\\'"));
    }
    (sql, values)
}

/// A page of a network's posts (pinned first, then newest) and how many
/// match in all.
pub async fn list<'e, E>(
    ex: E,
    network_id: NetworkId,
    q: &Query,
    today: chrono::NaiveDate,
) -> Result<(Vec<Post>, i64), sqlx::Error>
where
    E: Executor<'e, Database = Any> + Copy,
{
    let (conditions, values) = conditions(q);
    let order = match q.view {
        // Live posts always have a publication time.
        View::Current => "p.pinned DESC, p.published_at DESC, p.id DESC",
        _ => "COALESCE(p.published_at, p.created_at) DESC, p.id DESC",
    };
    let n = values.len() + 3;
    let sql = format!(
        "SELECT {COLUMNS} FROM posts p WHERE {conditions} ORDER BY {order} LIMIT ${} OFFSET ${}",
        n + 1,
        n + 2
    );
    let today = iso(today);
    let at = now();
    let mut query = sqlx::query(&sql)
        .bind(network_id.get())
        .bind(&today)
        .bind(at);
    for v in &values {
        query = query.bind(v);
    }
    let rows = query.bind(q.limit).bind(q.offset).fetch_all(ex).await?;
    let count_sql = format!("SELECT COUNT(*) AS n FROM posts p WHERE {conditions}");
    let mut count = sqlx::query(&count_sql)
        .bind(network_id.get())
        .bind(&today)
        .bind(at);
    for v in &values {
        count = count.bind(v);
    }
    let total: i64 = count.fetch_one(ex).await?.get("n");
    Ok((rows.iter().map(post_of).collect(), total))
}

/// The network's live events starting, and funding deadlines falling,
/// within `[from, to)` (UNIX seconds for events, dates for deadlines),
/// by time; at most 1,000.
pub async fn calendar<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    network_id: NetworkId,
    public_only: bool,
    (from, to): (i64, i64),
    (from_day, to_day): (&str, &str),
) -> Result<Vec<Post>, sqlx::Error> {
    let audience = if public_only {
        " AND p.audience = 'public'"
    } else {
        ""
    };
    let sql = format!(
        "SELECT {COLUMNS} FROM posts p
         WHERE p.network_id = $1 AND p.status IN ('published', 'archived'){audience}
           AND ((p.kind = 'event' AND p.starts_at < $3 AND COALESCE(p.ends_at, p.starts_at) >= $2)
             OR (p.kind = 'funding_call' AND p.deadline_on >= $4 AND p.deadline_on < $5))
         ORDER BY COALESCE(p.starts_at, 0), p.deadline_on, p.id LIMIT 1000"
    );
    let rows = sqlx::query(&sql)
        .bind(network_id.get())
        .bind(from)
        .bind(to)
        .bind(from_day)
        .bind(to_day)
        .fetch_all(ex)
        .await?;
    Ok(rows.iter().map(post_of).collect())
}

/// Every live post whose time is over (to be archived by the sweep).
pub async fn over<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    today: chrono::NaiveDate,
) -> Result<Vec<Post>, sqlx::Error> {
    let sql = format!(
        "SELECT {COLUMNS} FROM posts p WHERE p.status = 'published' AND $1 = $1 AND {OVER} ORDER BY p.id"
    );
    let rows = sqlx::query(&sql)
        .bind(0_i64)
        .bind(iso(today))
        .bind(now())
        .fetch_all(ex)
        .await?;
    Ok(rows.iter().map(post_of).collect())
}

/// Posts published into a network after `since` up to `until`, oldest
/// first (for digests).
pub async fn published_between<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    network_id: NetworkId,
    since: i64,
    until: i64,
) -> Result<Vec<Post>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM posts p
         WHERE p.network_id = $1 AND p.status = 'published'
           AND p.published_at > $2 AND p.published_at <= $3
         ORDER BY p.published_at, p.id"
    ))
    .bind(network_id.get())
    .bind(since)
    .bind(until)
    .fetch_all(ex)
    .await?;
    Ok(rows.iter().map(post_of).collect())
}

/// Live funding calls with their deadline on `day` (for reminders).
pub async fn deadlines_on<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    day: &str,
) -> Result<Vec<Post>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM posts p
         WHERE p.status = 'published' AND p.kind = 'funding_call' AND p.deadline_on = $1
         ORDER BY p.id"
    ))
    .bind(day)
    .fetch_all(ex)
    .await?;
    Ok(rows.iter().map(post_of).collect())
}

/// Every stem the network's posts contain (only public posts' for readers
/// outside the network), for correcting typing mistakes.
pub async fn vocabulary<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    network_id: NetworkId,
    public_only: bool,
) -> Result<std::collections::BTreeSet<String>, sqlx::Error> {
    let sql = if public_only {
        "SELECT search_text FROM posts WHERE network_id = $1 AND status <> 'review' AND audience = 'public'"
    } else {
        "SELECT search_text FROM posts WHERE network_id = $1 AND status <> 'review'"
    };
    let rows = sqlx::query(sql)
        .bind(network_id.get())
        .fetch_all(ex)
        .await?;
    Ok(rows
        .iter()
        .flat_map(|r| {
            r.get::<String, _>("search_text")
                .split_whitespace()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect())
}

/// The networks of a region (key prefix), for a supervisor's post.
pub async fn networks_in_region<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    region_key: &str,
) -> Result<Vec<NetworkId>, sqlx::Error> {
    let pattern = format!("{}%", region_key.replace(['%', '_'], ""));
    let rows = sqlx::query("SELECT id FROM networks WHERE region_key LIKE $1 ORDER BY id")
        .bind(pattern)
        .fetch_all(ex)
        .await?;
    Ok(rows.iter().map(|r| NetworkId(r.get("id"))).collect())
}

/// Whether members' posts in the network wait for review (the default).
pub async fn review_member_posts<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    network_id: NetworkId,
) -> Result<bool, sqlx::Error> {
    let row =
        sqlx::query("SELECT review_member_posts FROM bulletin_settings WHERE network_id = $1")
            .bind(network_id.get())
            .fetch_optional(ex)
            .await?;
    Ok(row.is_none_or(|r| r.get::<i64, _>("review_member_posts") == 1))
}

pub async fn set_review_member_posts(
    tx: &mut Tx,
    network_id: NetworkId,
    review: bool,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO bulletin_settings (network_id, review_member_posts, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (network_id) DO UPDATE SET review_member_posts = $2, updated_at = $3",
    )
    .bind(network_id.get())
    .bind(i64::from(review))
    .bind(now())
    .execute(&mut **tx)
    .await?;
    Ok(())
}
