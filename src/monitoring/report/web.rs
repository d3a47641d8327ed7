//! The report's pages and forms: the report page (for the network's
//! readers with every figure, for everybody once published with the
//! protected ones), the public situation page, the commentary form under
//! each indicator, the report form, publishing and withdrawing.

use std::collections::BTreeMap;

use axum::{
    Form,
    extract::{Path, State},
    response::{Html, IntoResponse, Redirect, Response},
};
use minijinja::context;
use serde::Deserialize;

use super::{
    model::{CommentaryInput, INTRODUCTION_MAX, ReportInput, TITLE_MAX},
    service, store, view,
};
use crate::{
    accounts::viewer::Viewer,
    conferences::web::refused,
    core::{
        error::{AppResult, FieldErrors},
        ids::NetworkId,
        markdown, paths,
        web::{
            App,
            forms::{saved, texts, unprocessable},
        },
    },
    monitoring::{indicators::catalogue, web::SITUATION},
    network::{
        context::{load_network, scope},
        model::Network,
    },
};

/// The report form as sent, for showing it again with its messages.
struct Failed<'a> {
    input: &'a ReportInput,
    errors: &'a FieldErrors,
}

/// The report page; `public`: the protected figures for readers outside
/// the network.
async fn render(
    app: &App,
    viewer: &Viewer,
    network: &Network,
    public: bool,
    failed: Option<Failed<'_>>,
) -> AppResult<Html<String>> {
    let network_id = NetworkId(network.id);
    let report = store::report(app.db.pool(), network_id).await?;
    let lang = if public {
        viewer.public_lang
    } else {
        viewer.lang
    };
    let codes = view::codes(report.as_ref());
    let figures = view::figures(app, network, &codes, public).await?;
    let commentaries = view::commentaries(app, network_id).await?;
    let sections = view::sections(&figures, &commentaries, lang);
    let can_manage = !public && viewer.can_manage_network(network.id);
    // The form: as sent after a refusal, else the stored report.
    let (form_title, form_intro, chosen) = match (&failed, &report) {
        (Some(f), _) => (
            f.input.title.clone(),
            f.input.introduction.clone(),
            f.input.indicators.clone(),
        ),
        (None, Some(r)) => (
            r.title.clone(),
            r.introduction.clone(),
            r.indicators.clone(),
        ),
        (None, None) => (String::new(), String::new(), Vec::new()),
    };
    let choices: Vec<_> = SITUATION
        .iter()
        .filter_map(|c| catalogue::find(c))
        .map(|i| {
            context! {
                code => i.code, name => crate::monitoring::web::name(i, lang),
                chosen => chosen.iter().any(|c| c == i.code),
            }
        })
        .collect();
    let errors: BTreeMap<String, String> = failed
        .as_ref()
        .map(|f| texts(viewer, f.errors))
        .unwrap_or_default();
    app.page(
        viewer,
        "monitoring/report.html",
        context! {
            network => network,
            public => public,
            // Indicator names and definitions are German or English; on a
            // page in another language they say which.
            content_lang => if lang == crate::core::i18n::Lang::De { "de" } else { "en" },
            title => report.as_ref().map_or_else(|| lang.t("report-default-title"), |r| r.title.clone()),
            report => report,
            introduction_html => report.as_ref().map(|r| markdown::render(&r.introduction)),
            published_on => report.as_ref().and_then(|r| r.published_at).map(|at| view::day(at, lang)),
            today => view::day(crate::core::store::now(), lang),
            sections => sections,
            can_manage => can_manage,
            choices => choices,
            form => context! { title => form_title, introduction => form_intro },
            errors => errors,
            title_max => TITLE_MAX,
            introduction_max => INTRODUCTION_MAX,
            min_count => app.config.statistics_min_count,
            min_denominator => app.config.statistics_min_denominator,
        },
    )
}

/// The situation page for readers outside the network: the published
/// report's figures, or the refusal the internal page gives.
pub async fn public_situation(
    app: &App,
    viewer: &Viewer,
    network: &Network,
) -> AppResult<Response> {
    let internal = internal_reader(app, viewer, network).await?;
    Ok(render(app, viewer, network, !internal, None)
        .await?
        .into_response())
}

/// Whether the viewer reads the network's internal figures; outside
/// readers of a network without a published report are refused.
pub(super) async fn internal_reader(
    app: &App,
    viewer: &Viewer,
    network: &Network,
) -> AppResult<bool> {
    if viewer.can_read_network(&scope(network)) {
        return Ok(true);
    }
    let published = store::report(app.db.pool(), NetworkId(network.id))
        .await?
        .is_some_and(|r| r.is_published());
    if !published {
        viewer.require_read_network(&scope(network))?;
    }
    Ok(false)
}

/// `GET /networks/{network_id}/situation/report`
pub async fn report(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
) -> AppResult<Response> {
    let network = load_network(&app.db, network_id).await?;
    let internal = internal_reader(&app, &viewer, &network).await?;
    Ok(render(&app, &viewer, &network, !internal, None)
        .await?
        .into_response())
}

/// `POST /networks/{network_id}/situation/report`: title, introduction
/// and the chosen indicators.
pub async fn save_report(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let network = load_network(&app.db, network_id).await?;
    let user = viewer.require_manage_network(network.id)?;
    let input = ReportInput::from_pairs(&pairs);
    match refused(service::save_report(&app, user, network_id, &input).await)? {
        Ok(()) => Ok(saved(&paths::situation_report(network_id), "report-saved")),
        Err(errors) => {
            let failed = Failed {
                input: &input,
                errors: &errors,
            };
            let page = render(&app, &viewer, &network, false, Some(failed)).await?;
            Ok(unprocessable(page))
        }
    }
}

/// `POST …/situation/report/publish`
pub async fn publish(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
) -> AppResult<Response> {
    let network = load_network(&app.db, network_id).await?;
    let user = viewer.require_manage_network(network.id)?;
    service::set_published(&app, user, network_id, true).await?;
    Ok(saved(
        &paths::situation_report(network_id),
        "report-published",
    ))
}

/// `POST …/situation/report/withdraw`
pub async fn withdraw(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
) -> AppResult<Response> {
    let network = load_network(&app.db, network_id).await?;
    let user = viewer.require_manage_network(network.id)?;
    service::set_published(&app, user, network_id, false).await?;
    Ok(saved(
        &paths::situation_report(network_id),
        "report-withdrawn",
    ))
}

#[derive(Deserialize)]
pub struct CommentaryForm {
    #[serde(default)]
    pub body: String,
}

/// `POST /networks/{network_id}/situation/commentaries/{indicator}`
pub async fn save_commentary(
    State(app): State<App>,
    viewer: Viewer,
    Path((network_id, indicator)): Path<(NetworkId, String)>,
    Form(form): Form<CommentaryForm>,
) -> AppResult<Response> {
    let network = load_network(&app.db, network_id).await?;
    let user = viewer.require_manage_network(network.id)?;
    let input = CommentaryInput { body: form.body };
    match refused(service::save_commentary(&app, user, network_id, &indicator, &input).await)? {
        // Back to the indicator: the notice before the fragment.
        Ok(()) => Ok(Redirect::to(&format!(
            "{}?notice=commentary-saved#{indicator}",
            paths::situation(network_id)
        ))
        .into_response()),
        Err(errors) => {
            let page = crate::monitoring::web::render(
                &app,
                &viewer,
                &network,
                Some((&indicator, &errors, &input.body)),
            )
            .await?;
            Ok(unprocessable(page))
        }
    }
}
