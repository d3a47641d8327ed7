//! Subscriptions (one per user and network) and the mails sent for them
//! (`bulletin_deliveries`, one row per mail: the unique key (subscription,
//! period) lets exactly one process queue each mail).

use sqlx::{Any, Executor, Row, any::AnyRow};

use crate::core::{
    ids::NetworkId,
    secrets::token_hash,
    store::{Tx, now},
};

#[derive(Clone, Debug, serde::Serialize)]
pub struct Subscription {
    pub id: i64,
    pub user_id: i64,
    pub network_id: NetworkId,
    /// Type codes; none: every type.
    pub kinds: Vec<String>,
    /// Tags; none: every post, tagged or not.
    pub tags: Vec<String>,
    pub frequency: String,
    /// The language of its mails (the subscriber's when subscribing).
    pub lang: String,
    pub created_at: i64,
}

const COLUMNS: &str = "id, user_id, network_id, kinds, tags, frequency, lang, created_at";

fn of(r: &AnyRow) -> Subscription {
    let split = |s: String| s.split_whitespace().map(str::to_string).collect();
    Subscription {
        id: r.get("id"),
        user_id: r.get("user_id"),
        network_id: NetworkId(r.get("network_id")),
        kinds: split(r.get("kinds")),
        tags: split(r.get("tags")),
        frequency: r.get("frequency"),
        lang: r.get("lang"),
        created_at: r.get("created_at"),
    }
}

pub async fn of_user<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    user_id: i64,
    network_id: NetworkId,
) -> Result<Option<Subscription>, sqlx::Error> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM bulletin_subscriptions WHERE user_id = $1 AND network_id = $2"
    ))
    .bind(user_id)
    .bind(network_id.get())
    .fetch_optional(ex)
    .await?;
    Ok(row.as_ref().map(of))
}

pub async fn by_id<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    id: i64,
) -> Result<Option<Subscription>, sqlx::Error> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM bulletin_subscriptions WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(ex)
    .await?;
    Ok(row.as_ref().map(of))
}

/// Every subscription with this frequency (`None`: all), oldest first.
pub async fn with_frequency<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    frequency: Option<&str>,
) -> Result<Vec<Subscription>, sqlx::Error> {
    let rows = match frequency {
        Some(f) => {
            sqlx::query(&format!(
                "SELECT {COLUMNS} FROM bulletin_subscriptions WHERE frequency = $1 ORDER BY id"
            ))
            .bind(f)
            .fetch_all(ex)
            .await?
        }
        None => {
            sqlx::query(&format!(
                "SELECT {COLUMNS} FROM bulletin_subscriptions ORDER BY id"
            ))
            .fetch_all(ex)
            .await?
        }
    };
    Ok(rows.iter().map(of).collect())
}

/// The subscriptions of a network.
pub async fn of_network<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    network_id: NetworkId,
) -> Result<Vec<Subscription>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM bulletin_subscriptions WHERE network_id = $1 ORDER BY id"
    ))
    .bind(network_id.get())
    .fetch_all(ex)
    .await?;
    Ok(rows.iter().map(of).collect())
}

/// Creates or changes the user's subscription to a network; returns its id.
pub async fn save(
    tx: &mut Tx,
    user_id: i64,
    network_id: NetworkId,
    kinds: &[String],
    tags: &[String],
    frequency: &str,
    lang: &str,
) -> Result<i64, sqlx::Error> {
    let at = now();
    let row = sqlx::query(
        "INSERT INTO bulletin_subscriptions (user_id, network_id, kinds, tags, frequency, lang, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $7, $6, $6)
         ON CONFLICT (user_id, network_id) DO UPDATE SET kinds = $3, tags = $4, frequency = $5, lang = $7, updated_at = $6
         RETURNING id",
    )
    .bind(user_id)
    .bind(network_id.get())
    .bind(kinds.join(" "))
    .bind(tags.join(" "))
    .bind(frequency)
    .bind(at)
    .bind(lang)
    .fetch_one(&mut **tx)
    .await?;
    Ok(row.get("id"))
}

pub async fn delete(tx: &mut Tx, id: i64) -> Result<bool, sqlx::Error> {
    let gone = sqlx::query("DELETE FROM bulletin_subscriptions WHERE id = $1")
        .bind(id)
        .execute(&mut **tx)
        .await?
        .rows_affected();
    Ok(gone == 1)
}

/// Claims the mail of a period for a subscription, with the hash of the
/// unsubscribe token it carries; false if it was claimed before (by this
/// or another process).
pub async fn claim(
    tx: &mut Tx,
    subscription_id: i64,
    period: &str,
    covers_until: i64,
    items: usize,
    token: &str,
) -> Result<bool, sqlx::Error> {
    let claimed = sqlx::query(
        "INSERT INTO bulletin_deliveries (subscription_id, period, covers_until, items, token_hash, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (subscription_id, period) DO NOTHING",
    )
    .bind(subscription_id)
    .bind(period)
    .bind(covers_until)
    .bind(items as i64)
    .bind(token_hash(token))
    .bind(now())
    .execute(&mut **tx)
    .await?
    .rows_affected();
    Ok(claimed == 1)
}

/// Until when the last digest of the subscription reached (periods
/// starting with `prefix`), if one went out.
pub async fn last_covered<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    subscription_id: i64,
    prefix: &str,
) -> Result<Option<i64>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT MAX(covers_until) AS until FROM bulletin_deliveries
         WHERE subscription_id = $1 AND period LIKE $2",
    )
    .bind(subscription_id)
    .bind(format!("{prefix}%"))
    .fetch_one(ex)
    .await?;
    Ok(row.get("until"))
}

/// The subscription an unsubscribe token names and when its mail was
/// queued; `None` for an unknown token (or one whose subscription ended).
pub async fn by_token<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    token: &str,
) -> Result<Option<(Subscription, i64)>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT s.id, s.user_id, s.network_id, s.kinds, s.tags, s.frequency, s.lang, s.created_at,
                d.created_at AS sent_at
         FROM bulletin_deliveries d JOIN bulletin_subscriptions s ON s.id = d.subscription_id
         WHERE d.token_hash = $1",
    )
    .bind(token_hash(token))
    .fetch_optional(ex)
    .await?;
    Ok(row.map(|r| (of(&r), r.get("sent_at"))))
}
