//! The translation form of an offer: the German source beside the
//! translation into one language.

use axum::{
    Form,
    extract::{Path, State},
    response::{IntoResponse, Response},
};
use minijinja::context;
use serde::Serialize;

use super::{load_offer, require_editor};
use crate::{
    accounts::viewer::Viewer,
    core::{
        error::{AppError, AppResult, FieldErrors},
        ids::{NetworkId, OfferId},
        markdown, paths,
        web::{
            App,
            forms::{saved, texts, unprocessable},
        },
    },
    network::model::Network,
    offers::{
        model::{Offer, input::TranslationInput, is_rtl, translation::target_lang},
        service::translations as service,
        store::translations,
    },
};

async fn render(
    app: &App,
    viewer: &Viewer,
    (offer, network): (&Offer, &Network),
    lang: &str,
    form: &impl Serialize,
    errors: &FieldErrors,
) -> AppResult<Response> {
    let page = app.page(
        viewer,
        "offers/translation.html",
        context! {
            offer => offer, network => network, target => lang, rtl => is_rtl(lang), form => form,
            source_html => markdown::render(&offer.record.description),
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
    Path((network_id, offer_id, lang)): Path<(NetworkId, OfferId, String)>,
) -> AppResult<Response> {
    let (offer, network) = load_offer(&app, network_id, offer_id).await?;
    require_editor(&viewer, &offer)?;
    let lang = target_lang(&lang).ok_or_else(AppError::not_found)?;
    let saved = translations::translation(app.db.pool(), offer.id, lang)
        .await?
        .unwrap_or_default();
    let errors = FieldErrors::new();
    render(&app, &viewer, (&offer, &network), lang, &saved, &errors).await
}

pub async fn submit(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, offer_id, lang)): Path<(NetworkId, OfferId, String)>,
    Form(input): Form<TranslationInput>,
) -> AppResult<Response> {
    let (offer, network) = load_offer(&app, network_id, offer_id).await?;
    let user = require_editor(&viewer, &offer)?;
    let lang = target_lang(&lang).ok_or_else(AppError::not_found)?;
    let back_to_review = !viewer.can_manage_network(network.id);
    match service::save_from(&app, user, &offer, lang, &input, back_to_review).await? {
        Ok(()) => Ok(saved(
            &paths::offer(network_id, offer_id),
            "offer-translation-saved",
        )),
        Err(errors) => render(&app, &viewer, (&offer, &network), lang, &input, &errors).await,
    }
}
