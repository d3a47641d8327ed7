//! The grid a matrix page shows, as one typed view that the page, the
//! XLSX and the PDF export share: fields × target groups for one
//! municipality (or the whole Kreis), or municipalities × fields for one
//! target group (the Kreis first). The same query gives the same grid in
//! every form.

use serde::Serialize;

use super::{
    matrix::Grid,
    model::{Cell, FIELDS, MatrixQuery, Role, TARGET_GROUPS},
    service::Loaded,
};
use crate::core::i18n::Lang;

/// Which way the grid is laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum By {
    /// Rows are fields, columns target groups, in one municipality.
    Municipality,
    /// Rows are the Kreis and its municipalities, columns fields, for one
    /// target group.
    Group,
}

/// One row: its heading (a field code, or a municipality's name) and its
/// cells in column order.
#[derive(Clone, Debug, Serialize)]
pub struct GridRow {
    pub heading: String,
    /// The whole-Kreis row of the group view.
    pub kreis: bool,
    pub cells: Vec<Cell>,
}

#[derive(Clone, Debug, Serialize)]
pub struct GridView {
    pub by: By,
    /// The target group of the group view.
    pub group: String,
    /// The municipality's key, or `kreis`.
    pub municipality: String,
    pub municipality_name: String,
    /// Target group codes (by municipality) or field codes (by group).
    pub columns: &'static [&'static str],
    pub rows: Vec<GridRow>,
}

impl GridView {
    /// The grid the query asks for: a known target group chooses the
    /// group view; otherwise the municipality (unknown: the Kreis).
    pub fn of(loaded: &Loaded, query: &MatrixQuery) -> Self {
        Self::with_grid(loaded, &loaded.grid(), query)
    }

    /// The same with a grid already built (the page builds it once).
    pub fn with_grid(loaded: &Loaded, grid: &Grid<'_>, query: &MatrixQuery) -> Self {
        let group = query.target_group.trim();
        if let Some(group) = TARGET_GROUPS.iter().find(|g| **g == group) {
            let scopes = std::iter::once(None).chain(
                loaded
                    .municipalities
                    .iter()
                    .map(|(k, n)| Some((k.as_str(), n.as_str()))),
            );
            let rows = scopes
                .map(|scope| GridRow {
                    heading: scope
                        .map_or(loaded.kreis_name.as_str(), |(_, n)| n)
                        .to_string(),
                    kreis: scope.is_none(),
                    cells: FIELDS.iter().map(|f| grid.cell(scope, f, group)).collect(),
                })
                .collect();
            return GridView {
                by: By::Group,
                group: group.to_string(),
                municipality: String::new(),
                municipality_name: String::new(),
                columns: FIELDS,
                rows,
            };
        }
        let key = query.municipality.trim();
        let scope = loaded
            .municipalities
            .iter()
            .find(|(k, _)| k == key)
            .map(|(k, n)| (k.as_str(), n.as_str()));
        let rows = FIELDS
            .iter()
            .map(|f| GridRow {
                heading: f.to_string(),
                kreis: false,
                cells: TARGET_GROUPS
                    .iter()
                    .map(|g| grid.cell(scope, f, g))
                    .collect(),
            })
            .collect();
        GridView {
            by: By::Municipality,
            group: String::new(),
            municipality: scope.map_or("kreis", |(k, _)| k).to_string(),
            municipality_name: scope
                .map_or(loaded.kreis_name.as_str(), |(_, n)| n)
                .to_string(),
            columns: TARGET_GROUPS,
            rows,
        }
    }

    /// The caption of the grid, as the page's table has it.
    pub fn caption(&self, lang: Lang) -> String {
        match self.by {
            By::Group => lang.t_args(
                "resp-caption-group",
                &[(
                    "group".into(),
                    lang.t(&format!("offer-group-{}", self.group)),
                )],
            ),
            By::Municipality => lang.t_args(
                "resp-caption-municipality",
                &[("municipality".into(), self.municipality_name.clone())],
            ),
        }
    }

    /// The heading of the row headings' column.
    pub fn corner(&self, lang: Lang) -> String {
        match self.by {
            By::Group => lang.t("resp-municipality"),
            By::Municipality => lang.t("offer-field-field"),
        }
    }

    /// The columns' headings.
    pub fn column_labels(&self, lang: Lang) -> Vec<String> {
        let prefix = match self.by {
            By::Group => "offer-field-",
            By::Municipality => "offer-group-",
        };
        self.columns
            .iter()
            .map(|c| lang.t(&format!("{prefix}{c}")))
            .collect()
    }

    /// A row's heading as shown.
    pub fn row_label(&self, lang: Lang, row: &GridRow) -> String {
        match self.by {
            By::Group => row.heading.clone(),
            By::Municipality => lang.t(&format!("offer-field-{}", row.heading)),
        }
    }
}

/// A cell as text for a file: the organisations by role (Kreis-wide ones
/// marked), one role a line, then its marks and, when unconfirmed, the
/// providers of the offers.
pub struct CellText {
    pub lines: Vec<String>,
    pub marks: Vec<String>,
}

impl CellText {
    pub fn of(cell: &Cell, lang: Lang) -> Self {
        let kreis_wide = lang.t("resp-kreis-wide");
        let mut lines = Vec::new();
        for role in Role::ALL {
            let mut names: Vec<String> = cell
                .parties
                .iter()
                .filter(|p| p.role == role)
                .map(|p| {
                    if p.kreis_wide && cell.municipality_key.is_some() {
                        format!("{} ({kreis_wide})", p.organization)
                    } else {
                        p.organization.clone()
                    }
                })
                .collect();
            names.dedup();
            if !names.is_empty() {
                lines.push(format!(
                    "{}: {}",
                    lang.t(&format!("resp-role-{}", role.code())),
                    names.join(", ")
                ));
            }
        }
        let mut marks = Vec::new();
        if cell.gap {
            marks.push(lang.t("resp-gap"));
        }
        if cell.overlap {
            marks.push(lang.t("resp-overlap"));
        }
        if cell.unconfirmed {
            marks.push(lang.t("resp-unconfirmed"));
            let providers: Vec<&str> = cell
                .providers
                .iter()
                .map(|p| p.organization.as_str())
                .collect();
            lines.push(format!(
                "{}: {}",
                lang.t("resp-providers"),
                providers.join(", ")
            ));
        }
        CellText { lines, marks }
    }
}
