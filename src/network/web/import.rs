//! CSV export and import pages of a network. Exports need read access to
//! the network; imports need the right to manage it.

use axum::{
    extract::{
        Multipart, Path, State,
        multipart::{MultipartError, MultipartRejection},
    },
    http::header,
    response::{IntoResponse, Response},
};
use minijinja::context;

use super::{saved, texts, unprocessable};
use crate::{
    accounts::viewer::Viewer,
    core::{
        audit::Actor,
        error::{AppError, AppResult, FieldErrors, Msg},
        i18n::Lang,
        ids::NetworkId,
        paths,
        web::App,
    },
    network::{
        context::{load_network, scope},
        csv::{self, Kind, ORGANIZATION_COLUMNS, PEOPLE_COLUMNS, RowError, export},
        model::{Category, ImportInput, Network},
        service::import::{self, Outcome},
    },
};

pub async fn export_organizations(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
) -> AppResult<Response> {
    let network = load_network(&app.db, network_id).await?;
    viewer.require_read_network(&scope(&network))?;
    let bytes = export::organizations(&app.db, network.id).await?;
    Ok(download(Kind::Organizations, &network, bytes))
}

pub async fn export_people(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
) -> AppResult<Response> {
    let network = load_network(&app.db, network_id).await?;
    viewer.require_read_network(&scope(&network))?;
    let bytes = export::people(&app.db, network.id).await?;
    Ok(download(Kind::People, &network, bytes))
}

fn download(kind: Kind, network: &Network, bytes: Vec<u8>) -> Response {
    let name = export::file_name(kind, &network.region_key);
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        bytes,
    )
        .into_response()
}

pub async fn form(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
) -> AppResult<Response> {
    let network = load_network(&app.db, network_id).await?;
    viewer.require_manage_network(network.id)?;
    render(
        &app,
        &viewer,
        &network,
        "organizations",
        &FieldErrors::new(),
        &[],
    )
}

/// multipart/form-data with `kind` (organizations|people) and `file`; the
/// CSRF token comes in the query string. A body that is not multipart is
/// refused only after the access decision, so that callers without the
/// right learn nothing but that.
pub async fn submit(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
    multipart: Result<Multipart, MultipartRejection>,
) -> AppResult<Response> {
    let network = load_network(&app.db, network_id).await?;
    let user = viewer.require_manage_network(network.id)?;
    let mut multipart = multipart.map_err(|e| {
        AppError::bad_request(
            "invalid_request",
            Msg::new("err-bad-request-detail").arg("detail", e.body_text()),
        )
    })?;
    let mut input = ImportInput::default();
    while let Some(field) = multipart.next_field().await.map_err(bad_upload)? {
        match field.name() {
            Some("kind") => input.kind = field.text().await.map_err(bad_upload)?,
            Some("file") => input.file = field.bytes().await.map_err(bad_upload)?.to_vec(),
            _ => {}
        }
    }
    let kind = match input.validate() {
        Ok(kind) => kind,
        Err(errors) => return render(&app, &viewer, &network, &input.kind, &errors, &[]),
    };
    let actor = Actor::User(user);
    match import::run(&app, &actor, network_id, kind, &input.file).await? {
        Outcome::Done(_) => Ok(saved(&paths::network(network_id), "net-import-done")),
        Outcome::Rejected(rows) => {
            let none = FieldErrors::new();
            render(&app, &viewer, &network, &input.kind, &none, &rows)
        }
    }
}

fn bad_upload(e: MultipartError) -> AppError {
    AppError::bad_request(
        "invalid_request",
        Msg::new("err-bad-request-detail").arg("detail", e.body_text()),
    )
}

fn render(
    app: &App,
    viewer: &Viewer,
    network: &Network,
    kind: &str,
    errors: &FieldErrors,
    rows: &[RowError],
) -> AppResult<Response> {
    let headers = |columns: &[csv::Column]| columns.iter().map(|c| c.header).collect::<Vec<_>>();
    let labels: Vec<_> = Category::ALL.map(|c| c.label(Lang::De)).to_vec();
    let page = app.page(
        viewer,
        "network/import.html",
        context! {
            network => network, kind => kind, errors => texts(viewer, errors),
            row_errors => csv::translate(rows, viewer.lang),
            organization_columns => headers(ORGANIZATION_COLUMNS),
            people_columns => headers(PEOPLE_COLUMNS),
            category_labels => labels,
        },
    )?;
    Ok(if errors.is_empty() && rows.is_empty() {
        page.into_response()
    } else {
        unprocessable(page)
    })
}
