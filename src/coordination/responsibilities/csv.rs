//! The matrix as a CSV file for Excel in a German locale (the network
//! registry's dialect: `;`, UTF-8 with a byte order mark, CRLF, cells that
//! would run as formulas neutralised): one row per cell, Kreis first.

use super::model::{Cell, Role};
use crate::{
    core::i18n::Lang,
    network::csv::{BOM, protect},
};

pub const HEADERS: [&str; 11] = [
    "Gebiet",
    "Gemeindeschlüssel",
    "Handlungsfeld",
    "Zielgruppe",
    "Federführend",
    "Mitwirkend",
    "Informiert",
    "Lücke",
    "Überschneidung",
    "Unbestätigt",
    "Anbieter mit Angeboten",
];

fn names(cell: &Cell, role: Role) -> String {
    let mut list: Vec<&str> = cell
        .parties
        .iter()
        .filter(|p| p.role == role)
        .map(|p| p.organization.as_str())
        .collect();
    list.dedup();
    list.join(", ")
}

fn yes(flag: bool) -> String {
    if flag { "ja" } else { "" }.to_string()
}

/// One cell as the file's columns (fields and target groups in German,
/// as the registry's files have them).
pub fn record(c: &Cell) -> [String; 11] {
    let lang = Lang::De;
    [
        c.municipality_name.clone(),
        c.municipality_key.clone().unwrap_or_default(),
        lang.t(&format!("offer-field-{}", c.field)),
        lang.t(&format!("offer-group-{}", c.target_group)),
        names(c, Role::Lead),
        names(c, Role::Involved),
        names(c, Role::Informed),
        yes(c.gap),
        yes(c.overlap),
        yes(c.unconfirmed),
        c.providers
            .iter()
            .map(|p| p.organization.as_str())
            .collect::<Vec<_>>()
            .join(", "),
    ]
}

pub fn write(cells: &[Cell]) -> Vec<u8> {
    let mut out = BOM.to_vec();
    {
        let mut writer = ::csv::WriterBuilder::new()
            .delimiter(b';')
            .terminator(::csv::Terminator::CRLF)
            .from_writer(&mut out);
        // Writing to memory fails only on a length mismatch, which the
        // fixed columns rule out.
        writer.write_record(HEADERS).expect("header row");
        for c in cells {
            let row: Vec<String> = record(c).iter().map(|v| protect(v).into_owned()).collect();
            writer.write_record(&row).expect("data row");
        }
        writer.flush().expect("in-memory flush");
    }
    out
}

/// A file name such as `zustaendigkeiten-09575-2026-01-31.csv`.
pub fn file_name(region_key: &str, day: &str) -> String {
    format!("zustaendigkeiten-{region_key}-{day}.csv")
}
