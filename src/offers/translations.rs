//! Translations of an offer's texts. Each remembers a hash of the German
//! source at save time, so a later change of the German text marks it
//! outdated without anyone having to.

use axum::{
    Form,
    extract::{Path, State},
    response::{IntoResponse, Response},
};
use minijinja::context;
use serde::{Deserialize, Serialize};
use serde_json::json;
use sha2::{Digest, Sha256};
use sqlx::{Any, Executor, Row};

use crate::{
    accounts::viewer::Viewer,
    core::{
        audit::{self, Actor, Change},
        error::{AppError, AppResult, FieldErrors},
        store::{Tx, now},
        web::{App, forms::Validator},
    },
    network::web::{saved, texts, unprocessable},
    offers::{
        model::{LANGUAGES, Offer, OfferRecord, is_rtl},
        web::{load_offer, require_editor},
    },
};

#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct Translation {
    #[serde(default)]
    pub lang: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub description: String,
    #[serde(default, skip_deserializing)]
    pub source_hash: String,
}

/// The hash of the German texts a translation is made from.
pub fn source_hash(record: &OfferRecord) -> String {
    let mut h = Sha256::new();
    for part in [&record.title, &record.summary, &record.description] {
        h.update(part.as_bytes());
        h.update([0x1f]);
    }
    hex::encode(h.finalize())
}

/// How a language stands for an offer: `current`, `outdated` or `missing`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LangStatus {
    pub lang: String,
    pub status: &'static str,
    pub rtl: bool,
}

pub async fn translation<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    offer_id: i64,
    lang: &str,
) -> Result<Option<Translation>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT lang, title, summary, description, source_hash FROM offer_translations WHERE offer_id = $1 AND lang = $2",
    )
    .bind(offer_id)
    .bind(lang)
    .fetch_optional(ex)
    .await?;
    Ok(row.map(|r| Translation {
        lang: r.get("lang"),
        title: r.get("title"),
        summary: r.get("summary"),
        description: r.get("description"),
        source_hash: r.get("source_hash"),
    }))
}

/// The status of English, of every language the offer is given in, and of
/// every language it has a translation for.
pub async fn statuses<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    offer: &Offer,
) -> Result<Vec<LangStatus>, sqlx::Error> {
    let rows = sqlx::query("SELECT lang, source_hash FROM offer_translations WHERE offer_id = $1")
        .bind(offer.id)
        .fetch_all(ex)
        .await?;
    let saved: Vec<(String, String)> = rows
        .iter()
        .map(|r| (r.get("lang"), r.get("source_hash")))
        .collect();
    let hash = source_hash(&offer.record);
    let mut langs: Vec<String> = vec!["en".into()];
    for l in offer
        .record
        .languages
        .iter()
        .chain(saved.iter().map(|(l, _)| l))
    {
        if l != "de" && !langs.contains(l) {
            langs.push(l.clone());
        }
    }
    Ok(langs
        .into_iter()
        .map(|lang| {
            let status = match saved.iter().find(|(l, _)| *l == lang) {
                Some((_, h)) if *h == hash => "current",
                Some(_) => "outdated",
                None => "missing",
            };
            LangStatus {
                rtl: is_rtl(&lang),
                lang,
                status,
            }
        })
        .collect())
}

pub async fn save(
    tx: &mut Tx,
    actor: Actor<'_>,
    offer: &Offer,
    t: &Translation,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO offer_translations (offer_id, lang, title, summary, description, source_hash, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (offer_id, lang) DO UPDATE SET title = excluded.title, summary = excluded.summary,
         description = excluded.description, source_hash = excluded.source_hash, updated_at = excluded.updated_at",
    )
    .bind(offer.id)
    .bind(&t.lang)
    .bind(&t.title)
    .bind(&t.summary)
    .bind(&t.description)
    .bind(&t.source_hash)
    .bind(now())
    .execute(&mut **tx)
    .await?;
    crate::offers::search::changes::offer_changed(tx, offer.id).await?;
    let change = Change {
        network_id: Some(offer.network_id),
        entity: "offer",
        entity_id: Some(offer.id),
        action: "translate",
        before: None,
        after: Some(json!(t)),
    };
    audit::record(tx, actor, change).await
}

fn known_lang(lang: &str) -> AppResult<&str> {
    LANGUAGES
        .iter()
        .find(|l| **l == lang && **l != "de")
        .copied()
        .ok_or_else(AppError::not_found)
}

async fn render(
    app: &App,
    viewer: &Viewer,
    offer: &Offer,
    lang: &str,
    form: &Translation,
    errors: &FieldErrors,
) -> AppResult<Response> {
    let page = app.page(
        viewer,
        "offers/translation.html",
        context! {
            offer => offer, target => lang, rtl => is_rtl(lang), form => form,
            source_html => crate::core::markdown::render(&offer.record.description),
            errors => texts(viewer, errors),
        },
    )?;
    Ok(if errors.is_empty() {
        page.into_response()
    } else {
        unprocessable(page)
    })
}

pub async fn form(
    State(app): State<App>,
    viewer: Viewer,
    Path((id, lang)): Path<(i64, String)>,
) -> AppResult<Response> {
    let (offer, _) = load_offer(&app, id).await?;
    require_editor(&viewer, &offer)?;
    let lang = known_lang(&lang)?;
    let form = translation(app.db.pool(), offer.id, lang)
        .await?
        .unwrap_or_default();
    render(&app, &viewer, &offer, lang, &form, &FieldErrors::new()).await
}

pub async fn submit(
    State(app): State<App>,
    viewer: Viewer,
    Path((id, lang)): Path<(i64, String)>,
    Form(form): Form<Translation>,
) -> AppResult<Response> {
    let (offer, _) = load_offer(&app, id).await?;
    let user = require_editor(&viewer, &offer)?;
    let lang = known_lang(&lang)?;
    let mut v = Validator::new();
    let t = Translation {
        lang: lang.to_string(),
        title: v.text("title", &form.title, true, 200),
        summary: v.text("summary", &form.summary, false, 500),
        description: v.text("description", &form.description, false, 20_000),
        source_hash: source_hash(&offer.record),
    };
    if !v.is_ok() {
        return render(&app, &viewer, &offer, lang, &form, &v.errors).await;
    }
    let mut tx = app.db.begin().await?;
    save(&mut tx, Actor::User(user), &offer, &t).await?;
    tx.commit().await?;
    Ok(saved(
        &format!("/offers/{}", offer.id),
        "offer-translation-saved",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_follows_the_german_texts() {
        let mut r = OfferRecord {
            title: "Beratung".into(),
            ..OfferRecord::default()
        };
        let before = source_hash(&r);
        r.room = "2.14".into();
        assert_eq!(source_hash(&r), before);
        r.title = "Migrationsberatung".into();
        assert_ne!(source_hash(&r), before);
    }
}
