//! The matrix as an Excel workbook: the first sheet is the grid of the
//! page (same query, same rows and columns), each cell naming its
//! organisations by role, its marks written out and coloured (gap,
//! overlap, unconfirmed — the words are there too, so a printout in black
//! and white still says it); a legend under the grid. The second sheet
//! lists every cell of the matrix with the CSV export's columns.

mod package;

use package::{BOLD, CELL, GAP, HEADER, OVERLAP, TITLE, UNCONFIRMED, column, escape};

use super::{
    csv,
    model::Cell,
    views::{CellText, GridView},
};
use crate::core::i18n::Lang;

/// What the workbook shows besides the grid.
pub struct Heading<'a> {
    pub network: &'a str,
    /// The totals line of the page.
    pub totals: &'a str,
}

/// Which style a cell gets: unconfirmed before overlap before gap (an
/// unconfirmed cell is always a gap too).
fn style(cell: &Cell) -> u8 {
    if cell.unconfirmed {
        UNCONFIRMED
    } else if cell.overlap {
        OVERLAP
    } else if cell.gap {
        GAP
    } else {
        CELL
    }
}

/// A sheet's rows of (style, text) cells, written as inline strings.
#[derive(Default)]
struct Sheet {
    rows: Vec<Vec<(u8, String)>>,
}

impl Sheet {
    fn row(&mut self, cells: Vec<(u8, String)>) {
        self.rows.push(cells);
    }

    /// The worksheet XML, the first `frozen_rows` rows and `frozen_cols`
    /// columns frozen; the first column `first_width` wide, the others 28.
    fn xml(&self, frozen_rows: usize, frozen_cols: usize, first_width: u8) -> String {
        let top_left = format!("{}{}", column(frozen_cols), frozen_rows + 1);
        let pane = if frozen_cols > 0 {
            "bottomRight"
        } else {
            "bottomLeft"
        };
        let x_split = if frozen_cols > 0 {
            format!(r#" xSplit="{frozen_cols}""#)
        } else {
            String::new()
        };
        let mut xml = format!(
            concat!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
                r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#,
                r#"<sheetViews><sheetView workbookViewId="0"><pane{x_split} ySplit="{rows}" topLeftCell="{top_left}" activePane="{pane}" state="frozen"/></sheetView></sheetViews>"#,
                r#"<cols><col min="1" max="1" width="{first}" customWidth="1"/><col min="2" max="30" width="28" customWidth="1"/></cols><sheetData>"#
            ),
            x_split = x_split,
            rows = frozen_rows,
            top_left = top_left,
            pane = pane,
            first = first_width,
        );
        for (r, cells) in self.rows.iter().enumerate() {
            xml.push_str(&format!(r#"<row r="{}">"#, r + 1));
            for (c, (style, text)) in cells.iter().enumerate() {
                if text.is_empty() && *style == 0 {
                    continue;
                }
                xml.push_str(&format!(
                    r#"<c r="{}{}" s="{style}" t="inlineStr"><is><t xml:space="preserve">{}</t></is></c>"#,
                    column(c),
                    r + 1,
                    escape(text)
                ));
            }
            xml.push_str("</row>");
        }
        xml.push_str("</sheetData></worksheet>");
        xml
    }
}

fn grid_sheet(view: &GridView, heading: &Heading, lang: Lang) -> String {
    let mut sheet = Sheet::default();
    sheet.row(vec![(TITLE, view.caption(lang))]);
    sheet.row(vec![(0, heading.network.to_string())]);
    sheet.row(vec![(0, heading.totals.to_string())]);
    sheet.row(vec![]);
    let mut header = vec![(HEADER, view.corner(lang))];
    header.extend(view.column_labels(lang).into_iter().map(|l| (HEADER, l)));
    sheet.row(header);
    for r in &view.rows {
        let mut row = vec![(HEADER, view.row_label(lang, r))];
        for cell in &r.cells {
            let text = CellText::of(cell, lang);
            let mut lines = text.lines;
            if !text.marks.is_empty() {
                lines.push(format!("[{}]", text.marks.join(", ")));
            }
            row.push((style(cell), lines.join("\n")));
        }
        sheet.row(row);
    }
    // The legend: each colour with its meaning.
    sheet.row(vec![]);
    sheet.row(vec![(BOLD, lang.t("resp-legend"))]);
    for (style, key, meaning) in [
        (GAP, "resp-gap", "resp-legend-gap"),
        (OVERLAP, "resp-overlap", "resp-legend-overlap"),
        (UNCONFIRMED, "resp-unconfirmed", "resp-legend-unconfirmed"),
    ] {
        sheet.row(vec![(style, lang.t(key)), (0, lang.t(meaning))]);
    }
    sheet.xml(5, 1, 30)
}

fn list_sheet(cells: &[Cell]) -> String {
    let mut sheet = Sheet::default();
    sheet.row(csv::HEADERS.iter().map(|h| (BOLD, h.to_string())).collect());
    for cell in cells {
        sheet.row(csv::record(cell).into_iter().map(|v| (0, v)).collect());
    }
    sheet.xml(1, 0, 28)
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\'))
        .take(31)
        .collect()
}

/// The workbook: the grid of `view`, then every cell as a list.
pub fn write(view: &GridView, cells: &[Cell], heading: &Heading, lang: Lang) -> Vec<u8> {
    package::package(&[
        (
            sheet_name(&lang.t("resp-sheet-grid")),
            grid_sheet(view, heading, lang),
        ),
        (sheet_name(&lang.t("resp-sheet-cells")), list_sheet(cells)),
    ])
}

/// A file name such as `zustaendigkeiten-09575-2026-01-31.xlsx`.
pub fn file_name(region_key: &str, day: &str) -> String {
    format!("zustaendigkeiten-{region_key}-{day}.xlsx")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_what_excel_accepts() {
        assert_eq!(sheet_name("a/b: [c]?"), "ab c");
        assert_eq!(sheet_name(&"x".repeat(40)).len(), 31);
    }
}
