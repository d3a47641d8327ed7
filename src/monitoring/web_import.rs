//! The statistics import page, for administrators and the coordinators of
//! every network (the statistics are the installation's, not a
//! network's): upload a file, see what ikon reads from it without
//! anything being stored, then import it all-or-nothing or discard it.
//! A table of one's own first gets its mapping (`web_mapping`).

use axum::{
    extract::{
        Multipart, Path, Query, State,
        multipart::{MultipartError, MultipartRejection},
    },
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};
use minijinja::{Value, context};
use serde::{Deserialize, Serialize};

use super::{
    charts,
    import::{self, ImportError, Obs},
    model::TableView,
    service::{
        import::{Input, Report, import_input},
        preview::{self, Preview},
        shipped,
    },
    store,
    uploads::{self, Incoming, Pending},
    web_mapping,
};
use crate::{
    accounts::viewer::Viewer,
    core::{
        audit::Actor,
        error::{AppError, AppResult, Msg},
        i18n::Lang,
        paths,
        web::{App, forms::saved},
    },
};

fn bad_upload(e: MultipartError) -> AppError {
    AppError::bad_request(
        "invalid_request",
        Msg::new("err-bad-request-detail").arg("detail", e.body_text()),
    )
}

fn too_large(max: usize) -> AppError {
    AppError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        "file_too_large",
        Msg::new("mon-err-file-too-large").arg("max", max.div_ceil(1024 * 1024)),
    )
}

/// The name a file is shown and recorded under: its last path segment,
/// without control characters, at most 200 characters.
fn clean_name(raw: &str) -> String {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or_default();
    let name: String = base.chars().filter(|c| !c.is_control()).take(200).collect();
    name.trim().trim_start_matches('.').to_string()
}

/// The page with the upload form and the imported tables; `error` is a
/// message id about the upload.
async fn render_page(app: &App, viewer: &Viewer, error: Option<&str>) -> AppResult<Response> {
    shipped::ensure_loaded(&app.db)
        .await
        .map_err(AppError::internal)?;
    let tables: Vec<TableView> = store::datasets(&app.db)
        .await?
        .into_iter()
        .map(TableView::from)
        .collect();
    let page = app.page(
        viewer,
        "monitoring/import.html",
        context! {
            tables => tables,
            error => error.map(|e| viewer.lang.msg(&Msg::new(e))),
            max_upload_mb => app.config.max_upload_bytes.div_ceil(1024 * 1024),
        },
    )?;
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok((status, page).into_response())
}

/// `GET /statistics/import`
pub async fn page(State(app): State<App>, viewer: Viewer) -> AppResult<Response> {
    viewer.require_import_statistics()?;
    render_page(&app, &viewer, None).await
}

/// `POST /statistics/import`: multipart/form-data with `file` and the
/// optional `generic` (read as a table of one's own); the CSRF token in
/// the query. The file goes to disk chunk by chunk.
pub async fn upload(
    State(app): State<App>,
    viewer: Viewer,
    multipart: Result<Multipart, MultipartRejection>,
) -> AppResult<Response> {
    let user = viewer.require_import_statistics()?;
    let mut multipart = multipart.map_err(|e| {
        AppError::bad_request(
            "invalid_request",
            Msg::new("err-bad-request-detail").arg("detail", e.body_text()),
        )
    })?;
    let max = app.config.max_upload_bytes;
    let data_dir = app.config.data_dir.clone();
    let (mut generic, mut name, mut kept, mut over) = (false, String::new(), None, false);
    while let Some(mut field) = multipart.next_field().await.map_err(bad_upload)? {
        match field.name() {
            Some("generic") => generic = !field.text().await.map_err(bad_upload)?.is_empty(),
            Some("file") if kept.is_none() => {
                name = clean_name(field.file_name().unwrap_or_default());
                let mut incoming = Incoming::start(&data_dir)
                    .await
                    .map_err(AppError::internal)?;
                loop {
                    let chunk = match field.chunk().await {
                        Ok(Some(chunk)) => chunk,
                        Ok(None) => break,
                        Err(e) => {
                            incoming.abandon().await;
                            return Err(bad_upload(e));
                        }
                    };
                    // The rest of an oversized file is drained unwritten, so
                    // the client gets the answer.
                    if over || incoming.written + chunk.len() > max {
                        over = true;
                        continue;
                    }
                    if let Err(e) = incoming.write(&chunk).await {
                        incoming.abandon().await;
                        return Err(AppError::internal(e));
                    }
                }
                kept = Some(incoming);
            }
            _ => {}
        }
    }
    let Some(incoming) = kept else {
        return render_page(&app, &viewer, Some("mon-err-no-file")).await;
    };
    if over {
        incoming.abandon().await;
        return Err(too_large(max));
    }
    if incoming.written == 0 || name.is_empty() {
        incoming.abandon().await;
        return render_page(&app, &viewer, Some("mon-err-no-file")).await;
    }
    let pending = incoming
        .finish(&data_dir, user.id, &name, generic)
        .await
        .map_err(AppError::internal)?;
    Ok(Redirect::to(&paths::statistics_upload(&pending.id)).into_response())
}

/// The viewer's pending upload, or 404 (someone else's, expired, unknown).
pub async fn pending_of(app: &App, viewer: &Viewer, upload_id: &str) -> AppResult<Pending> {
    let user = viewer.require_import_statistics()?;
    let pending = uploads::load(&app.config.data_dir, upload_id, user.id)
        .await
        .map_err(AppError::internal)?
        .ok_or_else(AppError::not_found)?;
    // The shipped tables first, so that "imported before" and the periods
    // an import replaces are told against everything ikon will hold.
    shipped::ensure_loaded(&app.db)
        .await
        .map_err(AppError::internal)?;
    Ok(pending)
}

/// How the upload is read: through its mapping, or as an official table.
pub fn input_of(app: &App, pending: &Pending) -> Input {
    let path = uploads::data_path(&app.config.data_dir, &pending.id);
    match &pending.mapping {
        Some(mapping) => Input::Mapped(path, mapping.clone()),
        None => Input::File(path),
    }
}

/// Whether the upload still needs its mapping before it can be read.
fn needs_mapping(app: &App, pending: &Pending) -> bool {
    let path = uploads::data_path(&app.config.data_dir, &pending.id);
    pending.mapping.is_none() && (pending.generic || !import::is_official(&path))
}

/// A row of the preview as the page shows it.
#[derive(Serialize)]
struct RowView {
    line: u64,
    region: String,
    region_name: String,
    period: String,
    measure: String,
    dimensions: String,
    value: String,
    mark: String,
}

fn value_text(value: Option<f64>, german: bool) -> String {
    value.map_or_else(String::new, |v| {
        let decimals = if v.fract() == 0.0 { 0 } else { 2 };
        charts::number(v, decimals, german)
    })
}

fn row_view(o: &Obs, german: bool) -> RowView {
    RowView {
        line: o.line,
        region: o.region_key.clone(),
        region_name: o.region_name.clone(),
        period: o.period.clone(),
        measure: o.measure.clone(),
        dimensions: o
            .dims
            .iter()
            .map(|d| format!("{}: {}", d.classifier, d.attribute))
            .collect::<Vec<_>>()
            .join(", "),
        value: value_text(o.value, german),
        mark: o.mark.clone().unwrap_or_default(),
    }
}

/// An import error as the page lists it.
#[derive(Serialize)]
pub struct ErrorView {
    pub file: String,
    pub line: Option<u64>,
    pub column: Option<usize>,
    pub message: String,
}

impl From<&ImportError> for ErrorView {
    fn from(e: &ImportError) -> Self {
        Self {
            file: e.file.clone(),
            line: e.line,
            column: e.column,
            message: e.message.clone(),
        }
    }
}

fn preview_context(viewer: &Viewer, pending: &Pending, p: &Preview) -> Value {
    let german = viewer.lang == Lang::De;
    let rows: Vec<RowView> = p.rows.iter().map(|o| row_view(o, german)).collect();
    context! {
        preview => p,
        rows => rows,
        upload => pending,
    }
}

/// The preview, the mapping form, or the file's problem.
async fn render_upload(
    app: &App,
    viewer: &Viewer,
    pending: &Pending,
    sheet: Option<&str>,
) -> AppResult<Response> {
    if needs_mapping(app, pending) {
        return web_mapping::render_form(app, viewer, pending, None, sheet, None).await;
    }
    let read = preview::preview(&app.db, input_of(app, pending), &pending.file_name)
        .await
        .map_err(AppError::internal)?;
    match read {
        Ok(p) => {
            let page = app.page(
                viewer,
                "monitoring/preview.html",
                preview_context(viewer, pending, &p),
            )?;
            Ok(page.into_response())
        }
        Err(e) => problem(app, viewer, pending, &e).await,
    }
}

/// A file ikon cannot import: its problem, no Import button. A table of
/// one's own shows its mapping form again, to be corrected.
pub async fn problem(
    app: &App,
    viewer: &Viewer,
    pending: &Pending,
    e: &ImportError,
) -> AppResult<Response> {
    if pending.mapping.is_some() {
        let sheet = pending.mapping.as_ref().and_then(|m| m.sheet.clone());
        return web_mapping::render_form(app, viewer, pending, None, sheet.as_deref(), Some(e))
            .await;
    }
    let page = app.page(
        viewer,
        "monitoring/preview.html",
        context! {
            upload => pending,
            problem => ErrorView::from(e),
        },
    )?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

#[derive(Deserialize, Default)]
pub struct ShowQuery {
    /// The sheet of a spreadsheet to map.
    #[serde(default)]
    pub sheet: Option<String>,
    /// `mapping`: show the mapping form again.
    #[serde(default)]
    pub edit: Option<String>,
}

/// `GET /statistics/import/{upload_id}`
pub async fn show(
    State(app): State<App>,
    viewer: Viewer,
    Path(upload_id): Path<String>,
    Query(query): Query<ShowQuery>,
) -> AppResult<Response> {
    let pending = pending_of(&app, &viewer, &upload_id).await?;
    if query.edit.as_deref() == Some("mapping") || query.sheet.is_some() {
        return web_mapping::render_form(
            &app,
            &viewer,
            &pending,
            None,
            query.sheet.as_deref(),
            None,
        )
        .await;
    }
    render_upload(&app, &viewer, &pending, None).await
}

/// `POST /statistics/import/{upload_id}`: the import, audited as the
/// viewer; then the report.
pub async fn confirm(
    State(app): State<App>,
    viewer: Viewer,
    Path(upload_id): Path<String>,
) -> AppResult<Response> {
    let pending = pending_of(&app, &viewer, &upload_id).await?;
    let user = viewer.require_import_statistics()?;
    if needs_mapping(&app, &pending) {
        return web_mapping::render_form(&app, &viewer, &pending, None, None, None).await;
    }
    let done = import_input(
        &app.db,
        input_of(&app, &pending),
        &pending.file_name,
        Actor::User(user),
    )
    .await
    .map_err(AppError::internal)?;
    let report: Report = match done {
        Ok(report) => report,
        Err(e) => return problem(&app, &viewer, &pending, &e).await,
    };
    uploads::discard(&app.config.data_dir, &pending.id)
        .await
        .map_err(AppError::internal)?;
    let page = app.page(
        &viewer,
        "monitoring/imported.html",
        context! { report => report },
    )?;
    Ok(page.into_response())
}

/// `POST /statistics/import/{upload_id}/discard`
pub async fn discard(
    State(app): State<App>,
    viewer: Viewer,
    Path(upload_id): Path<String>,
) -> AppResult<Response> {
    let pending = pending_of(&app, &viewer, &upload_id).await?;
    uploads::discard(&app.config.data_dir, &pending.id)
        .await
        .map_err(AppError::internal)?;
    Ok(saved(&paths::statistics_import(), "mon-upload-discarded"))
}
