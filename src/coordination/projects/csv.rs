//! Projects as CSV in the column layout of Decidim's accountability
//! results (`id`, `parent/id`, `title/de`, `description/de`,
//! `start_date`, `end_date`, `status/id`, `progress`, `weight`), so that a
//! county coming from Decidim can move over — written in the registry's
//! Excel dialect (`;`, UTF-8 with BOM, CRLF), read forgivingly (any column
//! order, `,` or tab as separator, Windows-1252). An import is all or
//! nothing: every row is checked first, and any problem is reported by row
//! and column with nothing written.

use std::collections::HashMap;

use super::{
    model::{Project, ProjectRecord, ProjectStatus, State, within},
    service, store,
};
use crate::{
    coordination::{
        registry::{self, Network},
        responsibilities::model::parse_day,
    },
    core::{
        audit::{self, Actor, Change},
        error::{AppResult, Msg},
        identity::User,
        ids::{NetworkId, ProjectId, UserId},
        web::App,
    },
    network::csv::{BOM, Column, RowError, decode, protect, read},
};

const fn col(header: &'static str, field: &'static str) -> Column {
    Column { header, field }
}

pub const COLUMNS: &[Column] = &[
    col("id", "id"),
    col("parent/id", "parent_id"),
    col("title/de", "title"),
    col("description/de", "description"),
    col("start_date", "start_date"),
    col("end_date", "end_date"),
    col("status/id", "status"),
    col("progress", "progress"),
    col("weight", "weight"),
];

pub fn write(projects: &[Project]) -> Vec<u8> {
    let mut out = BOM.to_vec();
    {
        let mut writer = ::csv::WriterBuilder::new()
            .delimiter(b';')
            .terminator(::csv::Terminator::CRLF)
            .from_writer(&mut out);
        let header: Vec<&str> = COLUMNS.iter().map(|c| c.header).collect();
        writer.write_record(&header).expect("header row");
        for p in projects {
            let row = [
                p.id.to_string(),
                p.parent_id.map(|i| i.to_string()).unwrap_or_default(),
                p.title.clone(),
                p.description.clone(),
                p.starts_on.clone().unwrap_or_default(),
                p.ends_on.clone().unwrap_or_default(),
                p.status.clone(),
                p.progress.to_string(),
                p.weight.to_string(),
            ];
            let row: Vec<String> = row.iter().map(|v| protect(v).into_owned()).collect();
            writer.write_record(&row).expect("data row");
        }
        writer.flush().expect("in-memory flush");
    }
    out
}

/// A file name such as `projekte-09575-2026-01-31.csv`.
pub fn file_name(region_key: &str) -> String {
    let date = chrono::Utc::now().format("%Y-%m-%d");
    format!("projekte-{region_key}-{date}.csv")
}

/// One checked row.
struct Planned {
    number: usize,
    file_id: Option<i64>,
    parent: Option<i64>,
    record: ProjectRecord,
    progress: i64,
}

fn header(field: &str) -> &'static str {
    COLUMNS
        .iter()
        .find(|c| c.field == field)
        .map_or("", |c| c.header)
}

/// A whole number (Decidim writes `50.0`).
fn number(value: &str) -> Option<i64> {
    let value = value.trim();
    value.parse::<i64>().ok().or_else(|| {
        value
            .parse::<f64>()
            .ok()
            .filter(|f| f.fract() == 0.0)
            .map(|f| f as i64)
    })
}

fn check_row(
    row: &read::Row,
    statuses: &[ProjectStatus],
    errors: &mut Vec<RowError>,
) -> Option<Planned> {
    let mut failed = false;
    let mut fail = |field: &str, msg: Msg| {
        errors.push(read::error(row.number, header(field), msg));
        failed = true;
    };
    let optional_number = |field: &str, fail: &mut dyn FnMut(&str, Msg)| -> Option<i64> {
        let value = row.get(field);
        if value.trim().is_empty() {
            return None;
        }
        let n = number(&value);
        if n.is_none() {
            fail(field, Msg::new("proj-csv-err-number"));
        }
        n
    };
    let file_id = optional_number("id", &mut fail);
    let parent = optional_number("parent_id", &mut fail);
    let title = row.get("title").trim().to_string();
    if title.is_empty() {
        fail("title", Msg::new("err-required"));
    } else if title.chars().count() > 300 {
        fail("title", Msg::new("err-too-long").arg("max", 300));
    }
    let day = |field: &str, fail: &mut dyn FnMut(&str, Msg)| -> Option<String> {
        let value = row.get(field);
        if value.trim().is_empty() {
            return None;
        }
        let d = parse_day(&value);
        if d.is_none() {
            fail(field, Msg::new("proj-err-date"));
        }
        d
    };
    let starts_on = day("start_date", &mut fail);
    let ends_on = day("end_date", &mut fail);
    if let (Some(s), Some(e)) = (&starts_on, &ends_on)
        && e < s
    {
        fail("end_date", Msg::new("proj-err-end-before-start"));
    }
    let status_code = row.get("status").trim().to_string();
    let status = if status_code.is_empty() {
        statuses.first()
    } else {
        statuses.iter().find(|s| s.code == status_code)
    };
    if status.is_none() {
        let valid: Vec<&str> = statuses.iter().map(|s| s.code.as_str()).collect();
        fail(
            "status",
            Msg::new("proj-csv-err-status").arg("valid", valid.join(", ")),
        );
    }
    let progress = match optional_number("progress", &mut fail) {
        None => status.map_or(0, |s| s.default_progress),
        Some(p) if (0..=100).contains(&p) => p,
        Some(_) => {
            fail("progress", Msg::new("proj-err-progress"));
            0
        }
    };
    let weight = match optional_number("weight", &mut fail) {
        None => 1,
        Some(w) if (1..=1000).contains(&w) => w,
        Some(_) => {
            fail("weight", Msg::new("proj-err-weight"));
            1
        }
    };
    if failed {
        return None;
    }
    Some(Planned {
        number: row.number,
        file_id,
        parent,
        progress,
        record: ProjectRecord {
            title,
            goal: String::new(),
            description: row.get("description").trim().to_string(),
            fields: Vec::new(),
            target_groups: Vec::new(),
            starts_on,
            ends_on,
            parent_id: None,
            weight,
            status: status.map(|s| s.code.clone()).unwrap_or_default(),
            is_public: false,
            partners: Vec::new(),
            contact_person_id: None,
        },
    })
}

/// Imports the file into the network: rows whose `id` is a project of the
/// network change it, the others become new accepted projects; `parent/id`
/// names a row of the file or a project of the network. Returns how many
/// rows were written, or every problem found.
pub async fn import(
    app: &App,
    user: &User,
    network: &Network,
    bytes: &[u8],
) -> AppResult<Result<usize, Vec<RowError>>> {
    let network_id = registry::id(network);
    let rows = match read::read(&decode(bytes), COLUMNS) {
        Ok(rows) => rows,
        Err(errors) => return Ok(Err(errors)),
    };
    let statuses = service::statuses(app, network_id).await?;
    let existing = store::projects(app.db.pool(), network_id).await?;
    let mut errors = Vec::new();
    let planned: Vec<Planned> = rows
        .iter()
        .filter_map(|r| check_row(r, &statuses, &mut errors))
        .collect();
    let mut seen: HashMap<i64, usize> = HashMap::new();
    for p in &planned {
        if let Some(id) = p.file_id
            && seen.insert(id, p.number).is_some()
        {
            errors.push(read::error(
                p.number,
                "id",
                Msg::new("proj-csv-err-duplicate-id"),
            ));
        }
    }
    // A parent is a top-level row of the file or project of the network.
    let parent_of_parent = |id: i64| -> Option<Option<i64>> {
        if let Some(row) = planned.iter().find(|p| p.file_id == Some(id)) {
            return Some(row.parent);
        }
        existing
            .iter()
            .find(|e| e.id.get() == id)
            .map(|e| e.parent_id.map(ProjectId::get))
    };
    for p in &planned {
        if let Some(parent) = p.parent {
            match parent_of_parent(parent) {
                None => errors.push(read::error(
                    p.number,
                    "parent/id",
                    Msg::new("proj-err-parent"),
                )),
                Some(Some(_)) => errors.push(read::error(
                    p.number,
                    "parent/id",
                    Msg::new("proj-err-sub-of-sub"),
                )),
                Some(None) if Some(parent) == p.file_id => errors.push(read::error(
                    p.number,
                    "parent/id",
                    Msg::new("proj-err-parent-self"),
                )),
                Some(None) => {}
            }
        }
        // An existing project keeps its milestones within its period.
        if let Some(e) = p
            .file_id
            .and_then(|id| existing.iter().find(|e| e.id.get() == id))
            && e.milestones.iter().any(|m| {
                !within(
                    &m.due_on,
                    p.record.starts_on.as_deref(),
                    p.record.ends_on.as_deref(),
                )
            })
        {
            errors.push(read::error(
                p.number,
                "start_date",
                Msg::new("proj-err-period-milestones"),
            ));
        }
    }
    if !errors.is_empty() {
        errors.sort_by(|a, b| (a.row, &a.column).cmp(&(b.row, &b.column)));
        return Ok(Err(errors));
    }
    let mut tx = app.db.begin().await?;
    let mut ids: HashMap<i64, ProjectId> = HashMap::new();
    // Parents first, so that sub-projects can point at their new ids.
    let (tops, subs): (Vec<&Planned>, Vec<&Planned>) =
        planned.iter().partition(|p| p.parent.is_none());
    for p in tops.into_iter().chain(subs) {
        let mut record = p.record.clone();
        record.parent_id = p
            .parent
            .map(|parent| ids.get(&parent).copied().unwrap_or(ProjectId(parent)));
        let current = p
            .file_id
            .and_then(|id| existing.iter().find(|e| e.id.get() == id));
        let id = match current {
            Some(e) => {
                record.goal = e.goal.clone();
                record.fields = e.fields.clone();
                record.target_groups = e.target_groups.clone();
                record.is_public = e.is_public;
                record.contact_person_id = e.contact_person_id;
                record.partners = e
                    .partners
                    .iter()
                    .map(|x| (x.organization_id, x.role))
                    .collect();
                store::update(&mut tx, e.id, &record).await?;
                store::set_progress(&mut tx, e.id, &record.status, p.progress).await?;
                store::log(&mut tx, e.id, Some(user), "imported", &record.title).await?;
                e.id
            }
            None => {
                let id = store::create(
                    &mut tx,
                    network_id,
                    &record,
                    (State::Accepted, p.progress),
                    (None, Some(UserId(user.id))),
                )
                .await?;
                store::log(&mut tx, id, Some(user), "imported", &record.title).await?;
                id
            }
        };
        if let Some(file_id) = p.file_id {
            ids.insert(file_id, id);
        }
    }
    audit::record(
        &mut tx,
        Actor::User(user),
        Change {
            network_id: Some(network.id),
            entity: "project",
            entity_id: None,
            action: "import",
            before: None,
            after: Some(serde_json::json!({ "rows": planned.len() })),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(Ok(planned.len()))
}

/// The export of a network's projects.
pub async fn export(app: &App, network_id: NetworkId) -> AppResult<Vec<u8>> {
    Ok(write(&store::projects(app.db.pool(), network_id).await?))
}
