//! The bulletin's changes: posts and their moderation (`posts`),
//! subscriptions (here), the mail sent for them (`mail`), and a post's
//! files, an event's report and shared good practice (`files`).

pub mod files;
pub mod mail;
pub mod posts;
pub mod spelling;

use serde_json::json;

use crate::bulletin::{model::SubscriptionInput, store::subscriptions as store};
use crate::core::{
    audit::{self, Actor},
    error::AppResult,
    i18n::Lang,
    identity::User,
    ids::NetworkId,
    web::App,
};

async fn log(
    tx: &mut crate::core::store::Tx,
    actor: Actor<'_>,
    network_id: NetworkId,
    id: i64,
    action: &str,
    after: Option<serde_json::Value>,
) -> Result<(), sqlx::Error> {
    let what = ("bulletin_subscription", Some(id), action);
    audit::in_network(tx, actor, network_id, what, None, after).await
}

/// Creates or changes the user's subscription to the network's posts;
/// its mails speak `lang`.
pub async fn subscribe(
    app: &App,
    user: &User,
    network_id: NetworkId,
    input: &SubscriptionInput,
    lang: Lang,
) -> AppResult<i64> {
    let mut tx = app.db.begin().await?;
    let id = store::save(
        &mut tx,
        user.id,
        network_id,
        &input.kinds,
        &input.tags,
        &input.frequency,
        lang.code(),
    )
    .await?;
    log(
        &mut tx,
        Actor::User(user),
        network_id,
        id,
        "save",
        Some(json!(input)),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Ends a subscription: by its owner (`actor` a user) or through the
/// link of one of its mails (the system, on the token's word).
pub async fn unsubscribe(
    app: &App,
    actor: Actor<'_>,
    subscription: &store::Subscription,
) -> AppResult<()> {
    let mut tx = app.db.begin().await?;
    if store::delete(&mut tx, subscription.id).await? {
        log(
            &mut tx,
            actor,
            subscription.network_id,
            subscription.id,
            "delete",
            None,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// A page of posts as a list, the API or a feed asks for it.
pub struct Listed {
    pub posts: Vec<crate::bulletin::model::Post>,
    /// The searched words as corrected when they found nothing as typed.
    pub corrected: Option<String>,
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
}

/// The store's query for the filters of a page, the API or a feed:
/// unknown values are ignored (a feed URL with an old tag still answers).
pub fn query(
    filters: &crate::bulletin::model::Feed,
    view: crate::bulletin::store::View,
    public_only: bool,
    per_page: i64,
) -> (crate::bulletin::store::Query, i64) {
    use crate::bulletin::model::{Kind, is_tag, iso, stems, today};
    let page = filters
        .page
        .as_deref()
        .and_then(|p| p.trim().parse::<i64>().ok())
        .filter(|p| (1..=10_000).contains(p))
        .unwrap_or(1);
    let text = crate::offers::search::query::clean(filters.q.as_deref().unwrap_or(""));
    let mut words = stems(&text);
    words.truncate(12);
    let deadline_until = filters
        .deadline_within
        .as_deref()
        .and_then(|d| d.trim().parse::<u64>().ok())
        .filter(|d| *d <= 366)
        .and_then(|d| today().checked_add_days(chrono::Days::new(d)))
        .map(iso);
    let q = crate::bulletin::store::Query {
        view,
        public_only,
        kind: filters.kind.as_deref().and_then(Kind::parse),
        tag: filters
            .tag
            .as_deref()
            .map(str::trim)
            .filter(|t| is_tag(t))
            .map(str::to_string),
        deadline_until,
        words,
        limit: per_page,
        offset: (page - 1) * per_page,
    };
    (q, page)
}

/// A network's posts as `filters` ask.
pub async fn list(
    app: &App,
    network_id: NetworkId,
    filters: &crate::bulletin::model::Feed,
    view: crate::bulletin::store::View,
    public_only: bool,
    per_page: i64,
) -> AppResult<Listed> {
    let (mut q, page) = query(filters, view, public_only, per_page);
    let today = crate::bulletin::model::today();
    let (mut posts, mut total) =
        crate::bulletin::store::list(app.db.pool(), network_id, &q, today).await?;
    // Nothing found: perhaps a typing mistake (only then is the network's
    // vocabulary read).
    let mut corrected = None;
    if total == 0 && !q.words.is_empty() {
        let vocabulary =
            crate::bulletin::store::vocabulary(app.db.pool(), network_id, public_only).await?;
        if let Some(words) = spelling::correct(&q.words, &vocabulary) {
            q.words = words;
            (posts, total) =
                crate::bulletin::store::list(app.db.pool(), network_id, &q, today).await?;
            if total > 0 {
                corrected = Some(q.words.join(" "));
            }
        }
    }
    Ok(Listed {
        posts,
        corrected,
        total,
        page,
        per_page,
    })
}
