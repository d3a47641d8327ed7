//! SQL on the project tables only.

use std::collections::HashMap;

use sqlx::{Any, Executor, Row, any::AnyRow};

use super::model::{
    Funding, HistoryEntry, Milestone, Partner, PartnerRole, Project, ProjectRecord, ProjectStatus,
    State, euros, roll_up,
};
use crate::core::{
    identity::User,
    ids::{MilestoneId, NetworkId, OrganizationId, PersonId, ProjectId, UserId},
    store::{Tx, now},
};

const COLUMNS: &str = "id, network_id, parent_id, title, goal, description, fields, target_groups, starts_on, ends_on, status, progress, weight, is_public, state, proposer_organization_id, contact_person_id, created_at, updated_at";

fn split(value: String) -> Vec<String> {
    value
        .split(',')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn project_from(r: &AnyRow) -> Project {
    let progress: i64 = r.get("progress");
    Project {
        id: ProjectId(r.get("id")),
        network_id: NetworkId(r.get("network_id")),
        parent_id: r.get::<Option<i64>, _>("parent_id").map(ProjectId),
        title: r.get("title"),
        goal: r.get("goal"),
        description: r.get("description"),
        fields: split(r.get("fields")),
        target_groups: split(r.get("target_groups")),
        starts_on: r.get("starts_on"),
        ends_on: r.get("ends_on"),
        status: r.get("status"),
        progress,
        weight: r.get("weight"),
        is_public: r.get::<i64, _>("is_public") != 0,
        state: State::parse(r.get("state")).unwrap_or(State::Proposed),
        proposer_organization_id: r
            .get::<Option<i64>, _>("proposer_organization_id")
            .map(OrganizationId),
        contact_person_id: r.get::<Option<i64>, _>("contact_person_id").map(PersonId),
        partners: Vec::new(),
        milestones: Vec::new(),
        funding: Vec::new(),
        rolled_up: progress,
        created_at: r.get("created_at"),
        updated_at: r.get("updated_at"),
    }
}

/// Every project of a network with partners, milestones, funding and the
/// rolled-up progress of parents: parents by title, each followed by its
/// sub-projects.
pub async fn projects<'e, E: Executor<'e, Database = Any> + Copy>(
    ex: E,
    network_id: NetworkId,
) -> Result<Vec<Project>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM projects WHERE network_id = $1 ORDER BY title, id"
    ))
    .bind(network_id.get())
    .fetch_all(ex)
    .await?;
    let mut list: Vec<Project> = rows.iter().map(project_from).collect();
    let n = network_id.get();
    let mut partners: HashMap<i64, Vec<Partner>> = HashMap::new();
    for r in sqlx::query(
        "SELECT p.project_id, p.organization_id, p.role, o.name FROM project_partners p
         JOIN projects j ON j.id = p.project_id JOIN organizations o ON o.id = p.organization_id
         WHERE j.network_id = $1 ORDER BY o.name, p.organization_id",
    )
    .bind(n)
    .fetch_all(ex)
    .await?
    {
        if let Some(role) = PartnerRole::parse(r.get("role")) {
            partners
                .entry(r.get("project_id"))
                .or_default()
                .push(Partner {
                    organization_id: OrganizationId(r.get("organization_id")),
                    organization: r.get("name"),
                    role,
                });
        }
    }
    let mut milestones: HashMap<i64, Vec<Milestone>> = HashMap::new();
    for r in sqlx::query(
        "SELECT m.id, m.project_id, m.title, m.due_on, m.done, m.note FROM project_milestones m
         JOIN projects j ON j.id = m.project_id WHERE j.network_id = $1 ORDER BY m.due_on, m.id",
    )
    .bind(n)
    .fetch_all(ex)
    .await?
    {
        milestones
            .entry(r.get("project_id"))
            .or_default()
            .push(Milestone {
                id: MilestoneId(r.get("id")),
                title: r.get("title"),
                due_on: r.get("due_on"),
                done: r.get::<i64, _>("done") != 0,
                note: r.get("note"),
            });
    }
    let mut funding: HashMap<i64, Vec<Funding>> = HashMap::new();
    for r in sqlx::query(
        "SELECT f.* FROM project_funding f JOIN projects j ON j.id = f.project_id
         WHERE j.network_id = $1 ORDER BY f.id",
    )
    .bind(n)
    .fetch_all(ex)
    .await?
    {
        funding
            .entry(r.get("project_id"))
            .or_default()
            .push(Funding {
                id: r.get("id"),
                programme: r.get("programme"),
                funder: r.get("funder"),
                level: r.get("level"),
                amount_cents: r.get("amount_cents"),
                amount: euros(r.get("amount_cents")),
                period_from: r.get("period_from"),
                period_until: r.get("period_until"),
                application_status: r.get("application_status"),
                deadline: r.get("deadline"),
                funding_call_id: r.get("funding_call_id"),
            });
    }
    let children: HashMap<ProjectId, Vec<(i64, i64)>> =
        list.iter().fold(HashMap::new(), |mut map, p| {
            if let Some(parent) = p.parent_id {
                map.entry(parent).or_default().push((p.progress, p.weight));
            }
            map
        });
    for p in &mut list {
        let id = p.id.get();
        let mut own = partners.remove(&id).unwrap_or_default();
        own.sort_by(|a, b| (a.role, &a.organization).cmp(&(b.role, &b.organization)));
        p.partners = own;
        p.milestones = milestones.remove(&id).unwrap_or_default();
        p.funding = funding.remove(&id).unwrap_or_default();
        p.rolled_up = roll_up(p.progress, children.get(&p.id).map_or(&[], Vec::as_slice));
    }
    // Parents in title order, each followed by its sub-projects.
    let mut ordered = Vec::with_capacity(list.len());
    let (parents, subs): (Vec<Project>, Vec<Project>) =
        list.into_iter().partition(|p| p.parent_id.is_none());
    for parent in parents {
        let id = parent.id;
        ordered.push(parent);
        ordered.extend(subs.iter().filter(|s| s.parent_id == Some(id)).cloned());
    }
    Ok(ordered)
}

/// The network a project belongs to.
pub async fn network_of<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    id: ProjectId,
) -> Result<Option<NetworkId>, sqlx::Error> {
    Ok(sqlx::query("SELECT network_id FROM projects WHERE id = $1")
        .bind(id.get())
        .fetch_optional(ex)
        .await?
        .map(|r| NetworkId(r.get("network_id"))))
}

/// The network's own status list, or `None` for the built-in one.
pub async fn statuses<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    network_id: NetworkId,
) -> Result<Vec<ProjectStatus>, sqlx::Error> {
    Ok(sqlx::query(
        "SELECT code, label, default_progress FROM project_statuses WHERE network_id = $1 ORDER BY position",
    )
    .bind(network_id.get())
    .fetch_all(ex)
    .await?
    .iter()
    .map(|r| ProjectStatus {
        code: r.get("code"),
        label: r.get("label"),
        default_progress: r.get("default_progress"),
    })
    .collect())
}

pub async fn set_statuses(
    tx: &mut Tx,
    network_id: NetworkId,
    list: &[ProjectStatus],
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM project_statuses WHERE network_id = $1")
        .bind(network_id.get())
        .execute(&mut **tx)
        .await?;
    for (i, s) in list.iter().enumerate() {
        sqlx::query(
            "INSERT INTO project_statuses (network_id, code, label, default_progress, position) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(network_id.get())
        .bind(&s.code)
        .bind(&s.label)
        .bind(s.default_progress)
        .bind(i as i64)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

async fn set_partners(
    tx: &mut Tx,
    id: ProjectId,
    record: &ProjectRecord,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM project_partners WHERE project_id = $1")
        .bind(id.get())
        .execute(&mut **tx)
        .await?;
    for (organization_id, role) in &record.partners {
        sqlx::query(
            "INSERT INTO project_partners (project_id, organization_id, role) VALUES ($1, $2, $3)",
        )
        .bind(id.get())
        .bind(organization_id.get())
        .bind(role.code())
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// A new project; `progress` is its status's default.
pub async fn create(
    tx: &mut Tx,
    network_id: NetworkId,
    record: &ProjectRecord,
    (state, progress): (State, i64),
    (proposer, user): (Option<OrganizationId>, Option<UserId>),
) -> Result<ProjectId, sqlx::Error> {
    let at = now();
    let id: i64 = sqlx::query(
        "INSERT INTO projects (network_id, parent_id, title, goal, description, fields, target_groups, starts_on, ends_on,
         status, progress, weight, is_public, state, proposer_organization_id, proposed_by, contact_person_id, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18) RETURNING id",
    )
    .bind(network_id.get())
    .bind(record.parent_id.map(ProjectId::get))
    .bind(&record.title)
    .bind(&record.goal)
    .bind(&record.description)
    .bind(record.fields.join(","))
    .bind(record.target_groups.join(","))
    .bind(record.starts_on.clone())
    .bind(record.ends_on.clone())
    .bind(&record.status)
    .bind(progress)
    .bind(record.weight)
    .bind(i64::from(record.is_public))
    .bind(state.code())
    .bind(proposer.map(OrganizationId::get))
    .bind(user.map(UserId::get))
    .bind(record.contact_person_id.map(PersonId::get))
    .bind(at)
    .fetch_one(&mut **tx)
    .await?
    .get("id");
    let id = ProjectId(id);
    set_partners(tx, id, record).await?;
    Ok(id)
}

pub async fn update(tx: &mut Tx, id: ProjectId, record: &ProjectRecord) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE projects SET parent_id = $1, title = $2, goal = $3, description = $4, fields = $5, target_groups = $6,
         starts_on = $7, ends_on = $8, status = $9, weight = $10, is_public = $11, contact_person_id = $12,
         updated_at = $13 WHERE id = $14",
    )
    .bind(record.parent_id.map(ProjectId::get))
    .bind(&record.title)
    .bind(&record.goal)
    .bind(&record.description)
    .bind(record.fields.join(","))
    .bind(record.target_groups.join(","))
    .bind(record.starts_on.clone())
    .bind(record.ends_on.clone())
    .bind(&record.status)
    .bind(record.weight)
    .bind(i64::from(record.is_public))
    .bind(record.contact_person_id.map(PersonId::get))
    .bind(now())
    .bind(id.get())
    .execute(&mut **tx)
    .await?;
    set_partners(tx, id, record).await
}

pub async fn set_progress(
    tx: &mut Tx,
    id: ProjectId,
    status: &str,
    progress: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE projects SET status = $1, progress = $2, updated_at = $3 WHERE id = $4")
        .bind(status)
        .bind(progress)
        .bind(now())
        .bind(id.get())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub async fn set_state(tx: &mut Tx, id: ProjectId, state: State) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE projects SET state = $1, updated_at = $2 WHERE id = $3")
        .bind(state.code())
        .bind(now())
        .bind(id.get())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub async fn add_milestone(
    tx: &mut Tx,
    id: ProjectId,
    (title, due_on, done, note): &(String, String, bool, String),
) -> Result<MilestoneId, sqlx::Error> {
    let row = sqlx::query(
        "INSERT INTO project_milestones (project_id, title, due_on, done, note) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(id.get())
    .bind(title)
    .bind(due_on)
    .bind(i64::from(*done))
    .bind(note)
    .fetch_one(&mut **tx)
    .await?;
    Ok(MilestoneId(row.get("id")))
}

pub async fn update_milestone(
    tx: &mut Tx,
    id: MilestoneId,
    (title, due_on, done, note): &(String, String, bool, String),
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE project_milestones SET title = $1, due_on = $2, done = $3, note = $4 WHERE id = $5",
    )
    .bind(title)
    .bind(due_on)
    .bind(i64::from(*done))
    .bind(note)
    .bind(id.get())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn add_funding(tx: &mut Tx, id: ProjectId, f: &Funding) -> Result<i64, sqlx::Error> {
    let row = sqlx::query(
        "INSERT INTO project_funding (project_id, programme, funder, level, amount_cents, period_from, period_until, application_status, deadline, funding_call_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(id.get())
    .bind(&f.programme)
    .bind(&f.funder)
    .bind(&f.level)
    .bind(f.amount_cents)
    .bind(f.period_from.clone())
    .bind(f.period_until.clone())
    .bind(&f.application_status)
    .bind(f.deadline.clone())
    .bind(f.funding_call_id)
    .fetch_one(&mut **tx)
    .await?;
    Ok(row.get("id"))
}

/// Adds an entry to the project's timeline.
pub async fn log(
    tx: &mut Tx,
    id: ProjectId,
    user: Option<&User>,
    action: &str,
    detail: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO project_history (project_id, at, user_id, actor, action, detail) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id.get())
    .bind(now())
    .bind(user.map(|u| u.id))
    .bind(user.map_or_else(|| "ikon".to_string(), |u| u.name.clone()))
    .bind(action)
    .bind(detail)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The timeline, newest first.
pub async fn history<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    id: ProjectId,
) -> Result<Vec<HistoryEntry>, sqlx::Error> {
    Ok(sqlx::query(
        "SELECT at, actor, action, detail FROM project_history WHERE project_id = $1 ORDER BY at DESC, id DESC",
    )
    .bind(id.get())
    .fetch_all(ex)
    .await?
    .iter()
    .map(|r| HistoryEntry {
        at: r.get("at"),
        actor: r.get("actor"),
        action: r.get("action"),
        detail: r.get("detail"),
    })
    .collect())
}

/// The projects that name a person as their contact, with their network.
pub async fn naming_person<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    person: PersonId,
) -> Result<Vec<(ProjectId, NetworkId, String, String)>, sqlx::Error> {
    Ok(sqlx::query(
        "SELECT id, network_id, title, state FROM projects WHERE contact_person_id = $1 ORDER BY id",
    )
    .bind(person.get())
    .fetch_all(ex)
    .await?
    .iter()
    .map(|r| {
        (
            ProjectId(r.get("id")),
            NetworkId(r.get("network_id")),
            r.get("title"),
            r.get("state"),
        )
    })
    .collect())
}

/// Takes a person off every project that names them as contact; returns
/// those projects with their network.
pub async fn forget_person(
    tx: &mut Tx,
    person: PersonId,
) -> Result<Vec<(ProjectId, NetworkId)>, sqlx::Error> {
    let named: Vec<(ProjectId, NetworkId)> = naming_person(&mut **tx, person)
        .await?
        .into_iter()
        .map(|(id, network, _, _)| (id, network))
        .collect();
    sqlx::query("UPDATE projects SET contact_person_id = NULL, updated_at = $1 WHERE contact_person_id = $2")
        .bind(now())
        .bind(person.get())
        .execute(&mut **tx)
        .await?;
    Ok(named)
}
