//! Reads what OParl may show of one network, in one go. A network holds
//! tens of organisations and meetings, so the whole public picture of a
//! body is loaded per request and every list, filter and page is cut from
//! it in memory; the visibility rules then live in the SQL below and
//! nowhere else.
//!
//! Visible means: organisations that are members of the network; contact
//! people who agreed to be public (`people.is_public`), at such an
//! organisation; public meetings; public agenda items of public meetings;
//! public attachments of visible agenda items; submitted concerns of a
//! network that publishes them (papers).

use sqlx::{Any, Executor, Row};

use crate::core::store::Db;

#[derive(Clone, Debug)]
pub struct NetworkRow {
    pub id: i64,
    pub name: String,
    pub region_key: String,
    pub region_name: String,
    pub ars: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Clone, Debug)]
pub struct OrganizationRow {
    pub id: i64,
    pub name: String,
    pub category: String,
    pub website: String,
    pub created_at: i64,
    /// The later of the record's last change and joining the network.
    pub modified_at: i64,
}

#[derive(Clone, Debug)]
pub struct PersonRow {
    pub id: i64,
    pub organization_id: i64,
    pub name: String,
    pub function: String,
    pub email: String,
    pub phone: String,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Clone, Debug)]
pub struct MeetingRow {
    pub id: i64,
    pub title: String,
    pub starts_at: Option<i64>,
    pub ends_at: Option<i64>,
    pub location: String,
    pub online_url: String,
    pub organizer_organization_id: Option<i64>,
    pub state: String,
    pub minutes_state: String,
    pub minutes_approved_at: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Clone, Debug)]
pub struct ItemRow {
    pub id: i64,
    pub meeting_id: i64,
    pub position: i64,
    pub title: String,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Clone, Debug)]
pub struct DecisionRow {
    pub agenda_item_id: i64,
    pub text: String,
    pub votes_yes: Option<i64>,
    pub votes_no: Option<i64>,
    pub votes_abstain: Option<i64>,
    pub updated_at: i64,
}

#[derive(Clone, Debug)]
pub struct FileRow {
    pub id: i64,
    pub agenda_item_id: i64,
    pub file_name: String,
    pub mime_type: String,
    pub size_bytes: i64,
    pub sha512: String,
    pub created_at: i64,
    /// Set once the file was removed: it is shown as a tombstone.
    pub deleted_at: Option<i64>,
}

#[derive(Clone, Debug)]
pub struct TombstoneRow {
    pub object_type: String,
    pub object_id: i64,
    pub created_at: i64,
    pub deleted_at: i64,
}

/// A concern the network published (submitted, answered or closed): an
/// OParl paper, and its answer a second one.
#[derive(Clone, Debug)]
pub struct PaperRow {
    pub id: i64,
    pub title: String,
    pub addressee: String,
    pub submitted_on: String,
    pub reference: String,
    pub answered_on: Option<String>,
    pub meeting_id: Option<i64>,
    pub agenda_item_id: Option<i64>,
    pub letter_size: i64,
    pub letter_sha512: String,
    pub answer_file_name: String,
    pub answer_mime_type: String,
    pub answer_size: i64,
    pub answer_sha512: String,
    pub answer_uploaded_at: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
}

/// Everything public about one network.
#[derive(Clone, Debug)]
pub struct BodyData {
    pub network: NetworkRow,
    pub organizations: Vec<OrganizationRow>,
    pub people: Vec<PersonRow>,
    pub meetings: Vec<MeetingRow>,
    pub items: Vec<ItemRow>,
    /// Whether the network publishes approved minutes; without it no
    /// decision is loaded at all.
    pub minutes_public: bool,
    pub decisions: Vec<DecisionRow>,
    pub files: Vec<FileRow>,
    /// Published concerns; none unless the network publishes them.
    pub papers: Vec<PaperRow>,
    pub tombstones: Vec<TombstoneRow>,
}

/// The ids of all networks, each one OParl body.
pub async fn network_ids(db: &Db) -> Result<Vec<i64>, sqlx::Error> {
    let rows = sqlx::query("SELECT id FROM networks ORDER BY id")
        .fetch_all(db.pool())
        .await?;
    Ok(rows.iter().map(|r| r.get("id")).collect())
}

/// The network an object belongs to, also for deleted objects that left a
/// tombstone. `kind` is one of `meeting`, `agenda_item`, `file`, `paper`.
pub async fn network_of(db: &Db, kind: &str, id: i64) -> Result<Option<i64>, sqlx::Error> {
    let sql = match kind {
        "meeting" => "SELECT network_id FROM meetings WHERE id = $1",
        "agenda_item" => {
            "SELECT m.network_id FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id WHERE i.id = $1"
        }
        "file" => "SELECT network_id FROM attachments WHERE id = $1",
        "paper" => "SELECT network_id FROM concerns WHERE id = $1",
        _ => return Ok(None),
    };
    if let Some(row) = sqlx::query(sql).bind(id).fetch_optional(db.pool()).await? {
        return Ok(Some(row.get("network_id")));
    }
    let row = sqlx::query(
        "SELECT network_id FROM oparl_tombstones WHERE object_type = $1 AND object_id = $2 ORDER BY id LIMIT 1",
    )
    .bind(kind)
    .bind(id)
    .fetch_optional(db.pool())
    .await?;
    Ok(row.map(|r| r.get("network_id")))
}

pub async fn load(db: &Db, network_id: i64) -> Result<Option<BodyData>, sqlx::Error> {
    let pool = db.pool();
    let Some(network) = network(pool, network_id).await? else {
        return Ok(None);
    };
    let organizations = sqlx::query(
        "SELECT o.id, o.name, o.category, o.website, o.created_at, o.updated_at,
                m.created_at AS joined_at
         FROM organizations o JOIN memberships m ON m.organization_id = o.id
         WHERE m.network_id = $1 ORDER BY o.id",
    )
    .bind(network_id)
    .fetch_all(pool)
    .await?
    .iter()
    .map(|r| OrganizationRow {
        id: r.get("id"),
        name: r.get("name"),
        category: r.get("category"),
        website: r.get("website"),
        created_at: r.get("created_at"),
        modified_at: r
            .get::<i64, _>("updated_at")
            .max(r.get::<i64, _>("joined_at")),
    })
    .collect();
    let people = sqlx::query(
        "SELECT p.id, p.organization_id, p.name, p.function, p.email, p.phone, p.created_at, p.updated_at
         FROM people p JOIN memberships m ON m.organization_id = p.organization_id
         WHERE m.network_id = $1 AND p.is_public = 1 ORDER BY p.id",
    )
    .bind(network_id)
    .fetch_all(pool)
    .await?
    .iter()
    .map(|r| PersonRow {
        id: r.get("id"),
        organization_id: r.get("organization_id"),
        name: r.get("name"),
        function: r.get("function"),
        email: r.get("email"),
        phone: r.get("phone"),
        created_at: r.get("created_at"),
        updated_at: r.get("updated_at"),
    })
    .collect();
    let meetings = sqlx::query(
        "SELECT id, title, starts_at, ends_at, location, online_url, organizer_organization_id,
                state, minutes_state, minutes_approved_at, created_at, updated_at
         FROM meetings WHERE network_id = $1 AND is_public = 1 ORDER BY id",
    )
    .bind(network_id)
    .fetch_all(pool)
    .await?
    .iter()
    .map(|r| MeetingRow {
        id: r.get("id"),
        title: r.get("title"),
        starts_at: r.get("starts_at"),
        ends_at: r.get("ends_at"),
        location: r.get("location"),
        online_url: r.get("online_url"),
        organizer_organization_id: r.get("organizer_organization_id"),
        state: r.get("state"),
        minutes_state: r.get("minutes_state"),
        minutes_approved_at: r.get("minutes_approved_at"),
        created_at: r.get("created_at"),
        updated_at: r.get("updated_at"),
    })
    .collect();
    const VISIBLE_ITEMS: &str = "FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
         WHERE m.network_id = $1 AND m.is_public = 1 AND i.is_public = 1";
    let items = sqlx::query(&format!(
        "SELECT i.id, i.meeting_id, i.position, i.title, i.created_at, i.updated_at {VISIBLE_ITEMS}
         ORDER BY i.meeting_id, i.position"
    ))
    .bind(network_id)
    .fetch_all(pool)
    .await?
    .iter()
    .map(|r| ItemRow {
        id: r.get("id"),
        meeting_id: r.get("meeting_id"),
        position: r.get("position"),
        title: r.get("title"),
        created_at: r.get("created_at"),
        updated_at: r.get("updated_at"),
    })
    .collect();
    let minutes_public = sqlx::query_scalar::<_, i64>(
        "SELECT minutes_public FROM meeting_series WHERE network_id = $1",
    )
    .bind(network_id)
    .fetch_optional(pool)
    .await?
    .is_some_and(|public| public != 0);
    let decisions = if minutes_public {
        sqlx::query(&format!(
            "SELECT d.agenda_item_id, d.text, d.votes_yes, d.votes_no, d.votes_abstain, d.updated_at
             FROM decisions d
             WHERE d.agenda_item_id IN (SELECT i.id {VISIBLE_ITEMS} AND m.minutes_state = 'approved')
             ORDER BY d.agenda_item_id, d.position, d.id"
        ))
        .bind(network_id)
        .fetch_all(pool)
        .await?
        .iter()
        .map(|r| DecisionRow {
            agenda_item_id: r.get("agenda_item_id"),
            text: r.get("text"),
            votes_yes: r.get("votes_yes"),
            votes_no: r.get("votes_no"),
            votes_abstain: r.get("votes_abstain"),
            updated_at: r.get("updated_at"),
        })
        .collect()
    } else {
        Vec::new()
    };
    let files = sqlx::query(&format!(
        "SELECT a.id, a.agenda_item_id, a.file_name, a.mime_type, a.size_bytes, a.sha512,
                a.created_at, a.deleted_at
         FROM attachments a WHERE a.is_public = 1 AND a.agenda_item_id IN (SELECT i.id {VISIBLE_ITEMS})
         ORDER BY a.id"
    ))
    .bind(network_id)
    .fetch_all(pool)
    .await?
    .iter()
    .map(|r| FileRow {
        id: r.get("id"),
        agenda_item_id: r.get("agenda_item_id"),
        file_name: r.get("file_name"),
        mime_type: r.get("mime_type"),
        size_bytes: r.get("size_bytes"),
        sha512: r.get("sha512"),
        created_at: r.get("created_at"),
        deleted_at: r.get("deleted_at"),
    })
    .collect();
    let papers = papers(pool, network_id).await?;
    let tombstones = sqlx::query(
        "SELECT object_type, object_id, created_at, deleted_at FROM oparl_tombstones
         WHERE network_id = $1 ORDER BY id",
    )
    .bind(network_id)
    .fetch_all(pool)
    .await?
    .iter()
    .map(|r| TombstoneRow {
        object_type: r.get("object_type"),
        object_id: r.get("object_id"),
        created_at: r.get("created_at"),
        deleted_at: r.get("deleted_at"),
    })
    .collect();
    Ok(Some(BodyData {
        network,
        organizations,
        people,
        meetings,
        items,
        minutes_public,
        decisions,
        files,
        papers,
        tombstones,
    }))
}

/// The concerns a network publishes (`c`, network `$1`): submitted ones
/// (answered and closed ones too), and only when the network chose to
/// publish them — the rule of its public concern pages.
pub(super) const PUBLISHED_CONCERNS: &str =
    "FROM concerns c JOIN concern_publication p ON p.network_id = c.network_id
         WHERE c.network_id = $1 AND p.publish_submitted = 1
           AND c.state IN ('submitted', 'answered', 'closed') AND c.submitted_on IS NOT NULL";

/// The papers of a network: its published concerns.
async fn papers(pool: &sqlx::AnyPool, network_id: i64) -> Result<Vec<PaperRow>, sqlx::Error> {
    Ok(sqlx::query(&format!(
        "SELECT c.id, c.title, c.addressee, c.submitted_on, c.reference, c.answered_on, c.meeting_id,
                c.agenda_item_id, c.letter_size, c.letter_sha512, c.answer_file_name, c.answer_mime_type,
                c.answer_size, c.answer_sha512, c.answer_uploaded_at, c.created_at, c.updated_at
         {PUBLISHED_CONCERNS} ORDER BY c.id"
    ))
    .bind(network_id)
    .fetch_all(pool)
    .await?
    .iter()
    .map(|r| PaperRow {
        id: r.get("id"),
        title: r.get("title"),
        addressee: r.get("addressee"),
        submitted_on: r.get::<Option<String>, _>("submitted_on").unwrap_or_default(),
        reference: r.get("reference"),
        answered_on: r.get("answered_on"),
        meeting_id: r.get("meeting_id"),
        agenda_item_id: r.get("agenda_item_id"),
        letter_size: r.get("letter_size"),
        letter_sha512: r.get("letter_sha512"),
        answer_file_name: r.get("answer_file_name"),
        answer_mime_type: r.get("answer_mime_type"),
        answer_size: r.get("answer_size"),
        answer_sha512: r.get("answer_sha512"),
        answer_uploaded_at: r.get("answer_uploaded_at"),
        created_at: r.get("created_at"),
        updated_at: r.get("updated_at"),
    })
    .collect())
}

async fn network<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    id: i64,
) -> Result<Option<NetworkRow>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT n.id, n.name, n.region_key, r.name AS region_name, r.ars, n.created_at, n.updated_at
         FROM networks n LEFT JOIN regions r ON r.key = n.region_key WHERE n.id = $1",
    )
    .bind(id)
    .fetch_optional(ex)
    .await?;
    Ok(row.map(|r| NetworkRow {
        id: r.get("id"),
        name: r.get("name"),
        region_key: r.get("region_key"),
        region_name: r
            .get::<Option<String>, _>("region_name")
            .unwrap_or_default(),
        ars: r.get("ars"),
        created_at: r.get("created_at"),
        updated_at: r.get("updated_at"),
    }))
}

/// When the first network was created and when any last changed: the
/// OParl system's `created` and `modified` (0 on an empty installation).
pub async fn system_dates(db: &Db) -> sqlx::Result<(i64, i64)> {
    let row =
        sqlx::query("SELECT MIN(created_at) AS created, MAX(updated_at) AS modified FROM networks")
            .fetch_one(db.pool())
            .await?;
    Ok((
        row.get::<Option<i64>, _>("created").unwrap_or(0),
        row.get::<Option<i64>, _>("modified").unwrap_or(0),
    ))
}
