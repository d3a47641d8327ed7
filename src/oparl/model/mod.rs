//! The OParl 1.1 objects built from a body's public data: their URLs and
//! their JSON. Every object carries `id`, `type`, `created`, `modified` and
//! `web`; deleted objects keep `id`, `type`, `created`, `modified` and
//! `deleted: true`.
//!
//! `people` builds the organisations, people and memberships; `meetings`
//! the meetings with their agenda items, files and documents; `papers`
//! the published concerns and their answers.

mod meetings;
mod papers;
mod people;

pub use self::{meetings::*, papers::*, people::*};

use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Utc};
use chrono_tz::Europe::Berlin;
use serde_json::{Map, Value, json};

use super::store::{BodyData, MeetingRow};
use crate::core::{
    ids::{MeetingId, NetworkId},
    paths,
};

pub const VERSION: &str = "https://schema.oparl.org/1.1/";

/// One object with the times the list filters look at.
#[derive(Clone, Debug)]
pub struct Entry {
    pub created: i64,
    pub modified: i64,
    pub json: Value,
}

/// Builds every URL from the public base address.
#[derive(Clone, Debug)]
pub struct Urls {
    base: String,
}

impl Urls {
    pub fn new(base: &str) -> Self {
        Self {
            base: base.trim_end_matches('/').to_string(),
        }
    }
    pub fn site(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
    /// A meeting's page.
    pub fn meeting_page(&self, n: i64, meeting_id: i64) -> String {
        self.site(&paths::meeting(NetworkId(n), MeetingId(meeting_id)))
    }
    /// A meeting's agenda page.
    pub fn agenda_page(&self, n: i64, meeting_id: i64) -> String {
        self.site(&paths::agenda(NetworkId(n), MeetingId(meeting_id)))
    }
    fn api(&self, path: &str) -> String {
        format!("{}/oparl/v1{path}", self.base)
    }
    pub fn system(&self) -> String {
        self.api("/system")
    }
    pub fn bodies(&self) -> String {
        self.api("/bodies")
    }
    pub fn body(&self, n: i64) -> String {
        self.api(&format!("/body/{n}"))
    }
    /// An external list of a body, e.g. `meetings`.
    pub fn list(&self, n: i64, what: &str) -> String {
        self.api(&format!("/body/{n}/{what}"))
    }
    pub fn conference(&self, n: i64) -> String {
        self.api(&format!("/body/{n}/conference"))
    }
    pub fn organization(&self, n: i64, id: i64) -> String {
        self.api(&format!("/body/{n}/organization/{id}"))
    }
    pub fn person(&self, n: i64, id: i64) -> String {
        self.api(&format!("/body/{n}/person/{id}"))
    }
    /// A person's one membership: at the organisation they work for.
    pub fn membership(&self, n: i64, person_id: i64) -> String {
        self.api(&format!("/body/{n}/membership/{person_id}"))
    }
    pub fn term(&self, n: i64, year: i32) -> String {
        self.api(&format!("/body/{n}/legislative-term/{year}"))
    }
    pub fn meeting(&self, id: i64) -> String {
        self.api(&format!("/meeting/{id}"))
    }
    pub fn location(&self, meeting_id: i64) -> String {
        self.api(&format!("/meeting/{meeting_id}/location"))
    }
    pub fn invitation(&self, meeting_id: i64) -> String {
        self.api(&format!("/meeting/{meeting_id}/invitation"))
    }
    pub fn protocol(&self, meeting_id: i64) -> String {
        self.api(&format!("/meeting/{meeting_id}/results-protocol"))
    }
    pub fn agenda_item(&self, id: i64) -> String {
        self.api(&format!("/agenda-item/{id}"))
    }
    pub fn file(&self, id: i64) -> String {
        self.api(&format!("/file/{id}"))
    }
    /// A published concern.
    pub fn paper(&self, id: i64) -> String {
        self.api(&format!("/paper/{id}"))
    }
    /// The answer to a published concern.
    pub fn answer_paper(&self, id: i64) -> String {
        self.api(&format!("/paper/{id}/answer"))
    }
    pub fn consultation(&self, paper_id: i64) -> String {
        self.api(&format!("/paper/{paper_id}/consultation"))
    }
    /// The letter of a published concern.
    pub fn paper_letter(&self, paper_id: i64) -> String {
        self.api(&format!("/paper/{paper_id}/letter"))
    }
    pub fn answer_document(&self, paper_id: i64) -> String {
        self.api(&format!("/paper/{paper_id}/answer/document"))
    }
    /// The URL of a tombstone's object.
    pub fn of_kind(&self, n: i64, kind: &str, id: i64) -> Option<String> {
        Some(match kind {
            "organization" => self.organization(n, id),
            "person" => self.person(n, id),
            "membership" => self.membership(n, id),
            "meeting" => self.meeting(id),
            "agenda_item" => self.agenda_item(id),
            "file" => self.file(id),
            "paper" => self.paper(id),
            "consultation" => self.consultation(id),
            "paper_letter" => self.paper_letter(id),
            "answer_paper" => self.answer_paper(id),
            "answer_document" => self.answer_document(id),
            _ => return None,
        })
    }
}

/// RFC 3339 with the German offset, as OParl examples show.
pub fn date_time(at: i64) -> String {
    let utc = DateTime::<Utc>::from_timestamp(at, 0).unwrap_or_default();
    Berlin
        .from_utc_datetime(&utc.naive_utc())
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

fn date(at: i64) -> String {
    let utc = DateTime::<Utc>::from_timestamp(at, 0).unwrap_or_default();
    Berlin
        .from_utc_datetime(&utc.naive_utc())
        .format("%Y-%m-%d")
        .to_string()
}

/// The calendar year (German time) a meeting starts in.
pub fn year_of(at: i64) -> i32 {
    let utc = DateTime::<Utc>::from_timestamp(at, 0).unwrap_or_default();
    Berlin.from_utc_datetime(&utc.naive_utc()).year()
}

fn object(kind: &str, id: String, created: i64, modified: i64) -> Map<String, Value> {
    let mut map = Map::new();
    map.insert("id".into(), json!(id));
    map.insert("type".into(), json!(format!("{VERSION}{kind}")));
    map.insert("created".into(), json!(date_time(created)));
    map.insert("modified".into(), json!(date_time(modified.max(created))));
    map
}

fn entry(map: Map<String, Value>, created: i64, modified: i64) -> Entry {
    Entry {
        created,
        modified: modified.max(created),
        json: Value::Object(map),
    }
}

fn put(map: &mut Map<String, Value>, key: &str, value: impl Into<Value>) {
    map.insert(key.into(), value.into());
}

/// Non-empty text only: OParl leaves unknown values out.
fn put_text(map: &mut Map<String, Value>, key: &str, value: &str) {
    if !value.trim().is_empty() {
        put(map, key, value.trim());
    }
}

pub fn tombstone(url: String, kind: &str, created: i64, deleted: i64) -> Entry {
    let mut map = object(kind, url, created, deleted);
    put(&mut map, "deleted", true);
    entry(map, created, deleted)
}

/// The OParl type name of a tombstone's kind.
pub fn type_of_kind(kind: &str) -> &'static str {
    match kind {
        "organization" => "Organization",
        "person" => "Person",
        "membership" => "Membership",
        "meeting" => "Meeting",
        "agenda_item" => "AgendaItem",
        "paper" | "answer_paper" => "Paper",
        "consultation" => "Consultation",
        _ => "File",
    }
}

pub fn system(urls: &Urls, name: &str, created: i64, modified: i64) -> Entry {
    let mut map = object("System", urls.system(), created, modified);
    put(&mut map, "oparlVersion", VERSION);
    put(&mut map, "name", name);
    put(&mut map, "body", urls.bodies());
    put(&mut map, "website", urls.site("/"));
    put(&mut map, "vendor", urls.site("/about"));
    put(&mut map, "product", urls.site("/about"));
    put(&mut map, "web", urls.site("/"));
    entry(map, created, modified)
}

/// The most recent change anywhere in the body.
pub fn body_modified(data: &BodyData) -> i64 {
    let n = &data.network;
    let mut at = n.updated_at;
    at = at.max(
        data.organizations
            .iter()
            .map(|o| o.modified_at)
            .max()
            .unwrap_or(0),
    );
    at = at.max(data.people.iter().map(|p| p.updated_at).max().unwrap_or(0));
    at = at.max(
        data.meetings
            .iter()
            .map(|m| meeting_modified(data, m))
            .max()
            .unwrap_or(0),
    );
    at = at.max(
        data.papers
            .iter()
            .map(|p| p.updated_at.max(p.answer_uploaded_at.unwrap_or(0)))
            .max()
            .unwrap_or(0),
    );
    at.max(
        data.tombstones
            .iter()
            .map(|t| t.deleted_at)
            .max()
            .unwrap_or(0),
    )
}

pub fn body(urls: &Urls, data: &BodyData) -> Entry {
    let n = &data.network;
    let modified = body_modified(data);
    let mut map = object("Body", urls.body(n.id), n.created_at, modified);
    put(&mut map, "system", urls.system());
    put(&mut map, "name", n.name.as_str());
    put_text(&mut map, "shortName", &n.region_name);
    put(
        &mut map,
        "website",
        urls.site(&format!("/networks/{}", n.id)),
    );
    put(&mut map, "ags", n.region_key.as_str());
    if let Some(ars) = n.ars.as_deref().filter(|a| !a.is_empty()) {
        put(&mut map, "rgs", ars);
    }
    put(&mut map, "classification", "Integrationsnetzwerk");
    put(&mut map, "mainOrganization", urls.conference(n.id));
    for list in [
        ("organization", "organizations"),
        ("person", "people"),
        ("meeting", "meetings"),
        ("paper", "papers"),
        ("agendaItem", "agenda-items"),
        ("file", "files"),
        ("locationList", "locations"),
        ("legislativeTermList", "legislative-terms"),
        ("membership", "memberships"),
    ] {
        put(&mut map, list.0, urls.list(n.id, list.1));
    }
    let terms: Vec<Value> = terms(urls, data).into_iter().map(|e| e.json).collect();
    put(&mut map, "legislativeTerm", terms);
    put(&mut map, "web", urls.site(&format!("/networks/{}", n.id)));
    entry(map, n.created_at, modified)
}

/// The integration conference itself: the body's main organisation.
pub fn conference(urls: &Urls, data: &BodyData) -> Entry {
    let n = &data.network;
    let modified = data
        .meetings
        .iter()
        .map(|m| m.updated_at)
        .max()
        .unwrap_or(0)
        .max(n.updated_at);
    let mut map = object(
        "Organization",
        urls.conference(n.id),
        n.created_at,
        modified,
    );
    put(&mut map, "body", urls.body(n.id));
    put(&mut map, "name", n.name.as_str());
    put(&mut map, "organizationType", "Gremium");
    put(&mut map, "classification", "Integrationskonferenz");
    put(&mut map, "meeting", urls.list(n.id, "meetings"));
    put(
        &mut map,
        "web",
        urls.site(&paths::meetings(NetworkId(n.id))),
    );
    entry(map, n.created_at, modified)
}

/// One legislative term per calendar year with dated public meetings.
pub fn terms(urls: &Urls, data: &BodyData) -> Vec<Entry> {
    let mut years: Vec<i32> = data
        .meetings
        .iter()
        .filter_map(|m| m.starts_at.map(year_of))
        .collect();
    years.sort_unstable();
    years.dedup();
    years
        .into_iter()
        .filter_map(|y| term(urls, data, y))
        .collect()
}

pub fn term(urls: &Urls, data: &BodyData, year: i32) -> Option<Entry> {
    let meetings: Vec<&MeetingRow> = data
        .meetings
        .iter()
        .filter(|m| m.starts_at.map(year_of) == Some(year))
        .collect();
    let created = meetings.iter().map(|m| m.created_at).min()?;
    let modified = meetings.iter().map(|m| m.updated_at).max()?;
    let n = data.network.id;
    let mut map = object("LegislativeTerm", urls.term(n, year), created, modified);
    put(&mut map, "body", urls.body(n));
    put(&mut map, "name", year.to_string());
    let first = NaiveDate::from_ymd_opt(year, 1, 1)?;
    let last = NaiveDate::from_ymd_opt(year, 12, 31)?;
    put(&mut map, "startDate", first.format("%Y-%m-%d").to_string());
    put(&mut map, "endDate", last.format("%Y-%m-%d").to_string());
    put(&mut map, "web", urls.site(&paths::meetings(NetworkId(n))));
    Some(entry(map, created, modified))
}

#[cfg(test)]
mod tests {
    use super::{meetings::result_of, *};

    #[test]
    fn times_carry_the_german_offset() {
        // 2026-01-15 12:00 UTC is 13:00 in winter, 2026-07-15 12:00 is 14:00.
        assert_eq!(date_time(1_768_478_400), "2026-01-15T13:00:00+01:00");
        assert_eq!(date_time(1_784_116_800), "2026-07-15T14:00:00+02:00");
    }

    #[test]
    fn votes_read_as_a_result() {
        assert_eq!(
            result_of((Some(12), Some(1), None)),
            "angenommen (12 Ja, 1 Nein, 0 Enthaltungen)"
        );
        assert_eq!(
            result_of((Some(2), Some(5), Some(1))),
            "abgelehnt (2 Ja, 5 Nein, 1 Enthaltungen)"
        );
        assert_eq!(result_of((None, None, None)), "beschlossen");
    }
}
