//! Writes the registry CSVs of one network.

use super::{BOM, Column, ORGANIZATION_COLUMNS, PEOPLE_COLUMNS, protect};
use crate::{
    core::{i18n::Lang, store::Db},
    network::store::{organizations, people},
};

/// All organisations of the network; the category as its German name.
pub async fn organizations(db: &Db, network_id: i64) -> Result<Vec<u8>, sqlx::Error> {
    let list = organizations::list_in_network(db.pool(), network_id, &Default::default()).await?;
    let rows = list.into_iter().map(|o| {
        vec![
            o.name,
            o.category.label(Lang::De),
            o.street,
            o.postal_code,
            o.city,
            o.website,
            o.email,
            o.phone,
            o.description,
        ]
    });
    Ok(write(ORGANIZATION_COLUMNS, rows))
}

/// All contact people of the network's organisations.
pub async fn people(db: &Db, network_id: i64) -> Result<Vec<u8>, sqlx::Error> {
    let list = people::list_in_network(db.pool(), network_id).await?;
    let rows = list.into_iter().map(|p| {
        vec![
            p.organization_name,
            p.person.name,
            p.person.function,
            p.person.email,
            p.person.phone,
        ]
    });
    Ok(write(PEOPLE_COLUMNS, rows))
}

fn write(columns: &[Column], rows: impl Iterator<Item = Vec<String>>) -> Vec<u8> {
    let mut out = BOM.to_vec();
    {
        let mut writer = ::csv::WriterBuilder::new()
            .delimiter(b';')
            .terminator(::csv::Terminator::CRLF)
            .from_writer(&mut out);
        let header: Vec<&str> = columns.iter().map(|c| c.header).collect();
        // Writing to memory fails only on a length mismatch, which the
        // fixed column lists rule out.
        writer.write_record(&header).expect("header row");
        for row in rows {
            let row: Vec<String> = row.iter().map(|v| protect(v).into_owned()).collect();
            writer.write_record(&row).expect("data row");
        }
        writer.flush().expect("in-memory flush");
    }
    out
}

/// A file name such as `organisationen-09575-2026-01-31.csv`.
pub fn file_name(kind: super::Kind, region_key: &str) -> String {
    let stem = match kind {
        super::Kind::Organizations => "organisationen",
        super::Kind::People => "kontaktpersonen",
    };
    let date = chrono::Utc::now().format("%Y-%m-%d");
    format!("{stem}-{region_key}-{date}.csv")
}
