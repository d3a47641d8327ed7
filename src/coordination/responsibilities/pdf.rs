//! The matrix as a PDF through Typst (`templates/pdf/responsibilities.typ`):
//! the grid of the page for the same query and day, in the reader's
//! language, marks written out and shaded.

use serde::Serialize;

use super::{
    model::Cell,
    views::{CellText, GridView},
};
use crate::core::{error::AppResult, i18n::Lang, pdf::Document};

const TEMPLATE: &str = include_str!("../../../templates/pdf/responsibilities.typ");

#[derive(Serialize)]
struct Labels {
    title: String,
    page: String,
    legend: String,
}

#[derive(Serialize)]
struct LegendEntry {
    kind: &'static str,
    mark: String,
    meaning: String,
}

#[derive(Serialize)]
struct PdfCell {
    lines: Vec<String>,
    marks: Vec<String>,
    /// `gap`, `overlap`, `unconfirmed` (the shading) or empty.
    kind: &'static str,
}

#[derive(Serialize)]
struct PdfRow {
    heading: String,
    cells: Vec<PdfCell>,
}

#[derive(Serialize)]
struct Data {
    lang: &'static str,
    network: String,
    labels: Labels,
    caption: String,
    totals: String,
    legend: Vec<LegendEntry>,
    corner: String,
    columns: Vec<String>,
    rows: Vec<PdfRow>,
}

/// The shading of a cell, as in the workbook: unconfirmed before overlap
/// before gap.
fn kind(cell: &Cell) -> &'static str {
    if cell.unconfirmed {
        "unconfirmed"
    } else if cell.overlap {
        "overlap"
    } else if cell.gap {
        "gap"
    } else {
        ""
    }
}

fn data(view: &GridView, network: &str, totals: &str, lang: Lang) -> Data {
    Data {
        lang: lang.code(),
        network: network.to_string(),
        labels: Labels {
            title: lang.t("resp-title"),
            page: lang.t("resp-pdf-page"),
            legend: lang.t("resp-legend"),
        },
        caption: view.caption(lang),
        totals: totals.to_string(),
        legend: [
            ("gap", "resp-gap", "resp-legend-gap"),
            ("overlap", "resp-overlap", "resp-legend-overlap"),
            ("unconfirmed", "resp-unconfirmed", "resp-legend-unconfirmed"),
        ]
        .into_iter()
        .map(|(kind, mark, meaning)| LegendEntry {
            kind,
            mark: lang.t(mark),
            meaning: lang.t(meaning),
        })
        .collect(),
        corner: view.corner(lang),
        columns: view.column_labels(lang),
        rows: view
            .rows
            .iter()
            .map(|r| PdfRow {
                heading: view.row_label(lang, r),
                cells: r
                    .cells
                    .iter()
                    .map(|c| {
                        let text = CellText::of(c, lang);
                        PdfCell {
                            lines: text.lines,
                            marks: text.marks,
                            kind: kind(c),
                        }
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// Renders the grid (through the PDF queue, kept by content).
pub async fn render(
    view: &GridView,
    network: &str,
    totals: &str,
    lang: Lang,
) -> AppResult<Vec<u8>> {
    Document::new(TEMPLATE, &data(view, network, totals, lang))?
        .render()
        .await
}

/// A file name such as `zustaendigkeiten-09575-2026-01-31.pdf`.
pub fn file_name(region_key: &str, day: &str) -> String {
    format!("zustaendigkeiten-{region_key}-{day}.pdf")
}
