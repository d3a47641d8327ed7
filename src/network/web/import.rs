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
        web::App,
    },
    network::{
        context::{load_network, scope},
        csv::{
            self, Kind, ORGANIZATION_COLUMNS, PEOPLE_COLUMNS, RowError, export,
            import::{self, Outcome},
        },
        model::{Category, Network},
    },
};

pub async fn export_organizations(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let network = load_network(&app.db, id).await?;
    viewer.require_read_network(&scope(&network))?;
    let bytes = export::organizations(&app.db, network.id).await?;
    Ok(download(Kind::Organizations, &network, bytes))
}

pub async fn export_people(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let network = load_network(&app.db, id).await?;
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
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let network = load_network(&app.db, id).await?;
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
    Path(id): Path<i64>,
    multipart: Result<Multipart, MultipartRejection>,
) -> AppResult<Response> {
    let network = load_network(&app.db, id).await?;
    let user = viewer.require_manage_network(network.id)?;
    let mut multipart = multipart.map_err(|e| {
        AppError::bad_request(
            "invalid_request",
            Msg::new("err-bad-request-detail").arg("detail", e.body_text()),
        )
    })?;
    let (mut kind_code, mut file) = (String::new(), Vec::new());
    while let Some(field) = multipart.next_field().await.map_err(bad_upload)? {
        match field.name() {
            Some("kind") => kind_code = field.text().await.map_err(bad_upload)?,
            Some("file") => file = field.bytes().await.map_err(bad_upload)?.to_vec(),
            _ => {}
        }
    }
    let kind = Kind::parse(&kind_code);
    let mut errors = FieldErrors::new();
    if kind.is_none() {
        errors.insert("kind".into(), Msg::new("net-err-import-kind"));
    }
    if file.is_empty() {
        errors.insert("file".into(), Msg::new("net-err-import-file"));
    }
    let Some(kind) = kind.filter(|_| errors.is_empty()) else {
        return render(&app, &viewer, &network, &kind_code, &errors, &[]);
    };
    match import::run(&app.db, &Actor::User(user), network.id, kind, &file).await? {
        Outcome::Done(_) => Ok(saved(&format!("/networks/{id}"), "net-import-done")),
        Outcome::Rejected(rows) => render(
            &app,
            &viewer,
            &network,
            &kind_code,
            &FieldErrors::new(),
            &rows,
        ),
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
