//! The matrix as files: every cell as CSV (the registry's Excel dialect),
//! and the grid of the page — same query, same day — as an Excel workbook
//! and as a PDF for the conference's papers.

use axum::{
    extract::{Path, Query, State},
    http::header,
    response::{IntoResponse, Response},
};

use super::{
    csv,
    model::{Cell, FIELDS, MatrixQuery, TARGET_GROUPS},
    pdf,
    service::{self, Loaded},
    views::GridView,
    web::readable,
    xlsx,
};
use crate::{
    accounts::viewer::Viewer,
    core::{error::AppResult, i18n::Lang, ids::NetworkId, web::App},
};

fn attachment(content_type: &str, name: &str, bytes: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_string()),
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

/// The page's totals line for the cells.
fn totals(cells: &[Cell], day: &str, lang: Lang) -> String {
    let count = |f: fn(&Cell) -> bool| cells.iter().filter(|c| f(c)).count().to_string();
    lang.t_args(
        "resp-totals",
        &[
            ("gaps".into(), count(|c| c.gap)),
            ("overlaps".into(), count(|c| c.overlap)),
            ("unconfirmed".into(), count(|c| c.unconfirmed)),
            ("day".into(), day.to_string()),
        ],
    )
}

/// `GET …/responsibilities.csv`: every cell, for Excel in a German locale.
pub async fn csv(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
    Query(query): Query<MatrixQuery>,
) -> AppResult<Response> {
    let network = readable(&app, &viewer, network_id).await?;
    let loaded = Loaded::of(&app, &network, service::day_of(&query)).await?;
    let bytes = csv::write(&loaded.cells());
    let name = csv::file_name(&network.region_key, &loaded.day);
    Ok(attachment("text/csv; charset=utf-8", &name, bytes))
}

/// `GET …/responsibilities.xlsx`: the grid of the page, and every cell.
pub async fn xlsx(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
    Query(query): Query<MatrixQuery>,
) -> AppResult<Response> {
    let network = readable(&app, &viewer, network_id).await?;
    let loaded = Loaded::of(&app, &network, service::day_of(&query)).await?;
    let grid = loaded.grid();
    let view = GridView::with_grid(&loaded, &grid, &query);
    let cells = grid.all(&loaded.municipalities, FIELDS, TARGET_GROUPS);
    let heading = xlsx::Heading {
        network: &network.name,
        totals: &totals(&cells, &loaded.day, viewer.lang),
    };
    let bytes = xlsx::write(&view, &cells, &heading, viewer.lang);
    let name = xlsx::file_name(&network.region_key, &loaded.day);
    Ok(attachment(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        &name,
        bytes,
    ))
}

/// `GET …/responsibilities.pdf`: the grid of the page.
pub async fn pdf(
    State(app): State<App>,
    viewer: Viewer,
    Path(network_id): Path<NetworkId>,
    Query(query): Query<MatrixQuery>,
) -> AppResult<Response> {
    let network = readable(&app, &viewer, network_id).await?;
    let loaded = Loaded::of(&app, &network, service::day_of(&query)).await?;
    let grid = loaded.grid();
    let view = GridView::with_grid(&loaded, &grid, &query);
    let cells = grid.all(&loaded.municipalities, FIELDS, TARGET_GROUPS);
    let totals = totals(&cells, &loaded.day, viewer.lang);
    let bytes = pdf::render(&view, &network.name, &totals, viewer.lang).await?;
    let name = pdf::file_name(&network.region_key, &loaded.day);
    Ok(crate::core::pdf::response(bytes, &name))
}
