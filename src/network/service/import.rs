//! The CSV import: reads, validates and applies a file. Every row is
//! checked first, and only a file without a single error is written, in
//! one transaction with an audit entry per change. Existing records are found
//! by name (organisations within the network, people within their
//! organisation) and updated; unchanged rows write nothing, so importing a
//! fresh export changes nothing.

use std::collections::HashMap;

use serde::Serialize;

use super::{organizations, people};
use crate::{
    core::{
        audit::Actor,
        error::{FieldErrors, Msg},
        i18n::Lang,
        ids::{NetworkId, OrganizationId},
        store::{Tx, search_key},
        web::App,
    },
    network::{
        csv::{
            Column, Kind, ORGANIZATION_COLUMNS, PEOPLE_COLUMNS, RowError, decode, header_of,
            read::{Row, error, read},
        },
        model::{Category, Organization, OrganizationInput, Person, PersonInput},
        store,
    },
};

/// What an import did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Summary {
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
}

#[derive(Debug)]
pub enum Outcome {
    Done(Summary),
    /// Nothing was written.
    Rejected(Vec<RowError>),
}

/// Validates the whole file and applies it only if every row is valid.
pub async fn run(
    app: &App,
    actor: &Actor<'_>,
    network_id: NetworkId,
    kind: Kind,
    bytes: &[u8],
) -> Result<Outcome, sqlx::Error> {
    let rows = match read(&decode(bytes), kind.columns()) {
        Ok(rows) => rows,
        Err(errors) => return Ok(Outcome::Rejected(errors)),
    };
    let mut tx = app.db.begin().await?;
    let outcome = match kind {
        Kind::Organizations => import_organizations(app, &mut tx, actor, network_id, &rows).await?,
        Kind::People => import_people(&mut tx, actor, network_id, &rows).await?,
    };
    if matches!(outcome, Outcome::Done(_)) {
        tx.commit().await?;
    }
    Ok(outcome)
}

/// Field errors of one row as row errors; the category message lists the
/// German names a spreadsheet user types rather than the API codes.
fn push_fields(out: &mut Vec<RowError>, row: usize, columns: &[Column], fields: FieldErrors) {
    for (field, mut msg) in fields {
        if msg.id == "net-err-category" {
            let labels = Category::ALL.map(|c| c.label(Lang::De)).join("; ");
            msg = Msg::new("net-csv-err-category").arg("labels", labels);
        }
        out.push(error(row, &header_of(columns, &field), msg));
    }
}

/// Row order, then column order of the file format.
fn sorted(mut errors: Vec<RowError>, columns: &[Column]) -> Vec<RowError> {
    let position = |e: &RowError| {
        columns
            .iter()
            .position(|c| c.header == e.column)
            .unwrap_or(usize::MAX)
    };
    errors.sort_by_key(|e| (e.row, position(e)));
    errors
}

/// Records a name and reports a later row that repeats it.
fn check_duplicate<K: std::hash::Hash + Eq>(
    seen: &mut HashMap<K, usize>,
    key: K,
    row: usize,
    column: &str,
    errors: &mut Vec<RowError>,
) -> bool {
    if let Some(first) = seen.get(&key) {
        errors.push(error(
            row,
            column,
            Msg::new("net-csv-err-duplicate").arg("row", first),
        ));
        return true;
    }
    seen.insert(key, row);
    false
}

async fn import_organizations(
    app: &App,
    tx: &mut Tx,
    actor: &Actor<'_>,
    network_id: NetworkId,
    rows: &[Row],
) -> Result<Outcome, sqlx::Error> {
    let existing: HashMap<String, Organization> =
        store::organizations::list_in_network(&mut **tx, network_id.get(), &Default::default())
            .await?
            .into_iter()
            .map(|o| (search_key(&o.name), o))
            .collect();
    let mut errors = Vec::new();
    let mut seen = HashMap::new();
    let mut plan = Vec::new();
    for row in rows {
        let input = OrganizationInput {
            name: row.get("name"),
            category: row.get("category"),
            street: row.get("street"),
            postal_code: row.get("postal_code"),
            city: row.get("city"),
            website: row.get("website"),
            email: row.get("email"),
            phone: row.get("phone"),
            description: row.get("description"),
        };
        let key = search_key(input.name.trim());
        let duplicate = !key.is_empty()
            && check_duplicate(&mut seen, key.clone(), row.number, "Name", &mut errors);
        match input.validate() {
            Err(fields) => push_fields(&mut errors, row.number, ORGANIZATION_COLUMNS, fields),
            Ok(record) if !duplicate => plan.push((existing.get(&key), record)),
            Ok(_) => {}
        }
    }
    if !errors.is_empty() {
        return Ok(Outcome::Rejected(sorted(errors, ORGANIZATION_COLUMNS)));
    }
    let mut summary = Summary::default();
    for (before, record) in plan {
        match before {
            None => {
                organizations::insert(tx, actor, network_id, &record).await?;
                summary.created += 1;
            }
            Some(o) if record.same_as(o) => summary.unchanged += 1,
            Some(o) => {
                organizations::write(app, tx, actor, Some(network_id), o, &record).await?;
                summary.updated += 1;
            }
        }
    }
    Ok(Outcome::Done(summary))
}

async fn import_people(
    tx: &mut Tx,
    actor: &Actor<'_>,
    network_id: NetworkId,
    rows: &[Row],
) -> Result<Outcome, sqlx::Error> {
    let orgs: HashMap<String, i64> =
        store::organizations::list_in_network(&mut **tx, network_id.get(), &Default::default())
            .await?
            .into_iter()
            .map(|o| (search_key(&o.name), o.id))
            .collect();
    let existing: HashMap<(i64, String), Person> =
        store::people::list_in_network(&mut **tx, network_id.get())
            .await?
            .into_iter()
            .map(|p| {
                (
                    (p.person.organization_id, search_key(&p.person.name)),
                    p.person,
                )
            })
            .collect();
    let mut errors = Vec::new();
    let mut seen = HashMap::new();
    let mut plan = Vec::new();
    for row in rows {
        let org_name = row.get("organization");
        let org_id = if org_name.trim().is_empty() {
            errors.push(error(row.number, "Organisation", Msg::new("err-required")));
            None
        } else {
            let id = orgs.get(&search_key(org_name.trim())).copied();
            if id.is_none() {
                let msg = Msg::new("net-csv-err-unknown-organization");
                errors.push(error(row.number, "Organisation", msg));
            }
            id
        };
        let input = PersonInput {
            name: row.get("name"),
            function: row.get("function"),
            email: row.get("email"),
            phone: row.get("phone"),
        };
        let key = search_key(input.name.trim());
        let duplicate = match org_id {
            Some(org) if !key.is_empty() => check_duplicate(
                &mut seen,
                (org, key.clone()),
                row.number,
                "Name",
                &mut errors,
            ),
            _ => false,
        };
        match (input.validate(), org_id) {
            (Err(fields), _) => push_fields(&mut errors, row.number, PEOPLE_COLUMNS, fields),
            (Ok(record), Some(org)) if !duplicate => {
                plan.push((org, existing.get(&(org, key)), record));
            }
            _ => {}
        }
    }
    if !errors.is_empty() {
        return Ok(Outcome::Rejected(sorted(errors, PEOPLE_COLUMNS)));
    }
    let mut summary = Summary::default();
    for (org, before, record) in plan {
        match before {
            None => {
                let org = OrganizationId(org);
                people::insert(tx, actor, Some(network_id), org, &record, false).await?;
                summary.created += 1;
            }
            Some(p) if record.same_as(p) => summary.unchanged += 1,
            Some(p) => {
                people::write(tx, actor, Some(network_id), p, &record).await?;
                summary.updated += 1;
            }
        }
    }
    Ok(Outcome::Done(summary))
}
