//! The OParl 1.1 objects built from a body's public data: their URLs and
//! their JSON. Every object carries `id`, `type`, `created`, `modified` and
//! `web`; deleted objects keep `id`, `type`, `created`, `modified` and
//! `deleted: true`.

use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Utc};
use chrono_tz::Europe::Berlin;
use serde_json::{Map, Value, json};

use super::store::{BodyData, FileRow, ItemRow, MeetingRow, OrganizationRow, PersonRow};
use crate::core::{
    ids::{AgendaItemId, AttachmentId, MeetingId, NetworkId},
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
    /// The URL of a tombstone's object.
    pub fn of_kind(&self, n: i64, kind: &str, id: i64) -> Option<String> {
        Some(match kind {
            "organization" => self.organization(n, id),
            "person" => self.person(n, id),
            "membership" => self.membership(n, id),
            "meeting" => self.meeting(id),
            "agenda_item" => self.agenda_item(id),
            "file" => self.file(id),
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

/// A member organisation of the network.
pub fn organization(urls: &Urls, data: &BodyData, o: &OrganizationRow) -> Entry {
    let n = data.network.id;
    let mut map = object(
        "Organization",
        urls.organization(n, o.id),
        o.created_at,
        o.modified_at,
    );
    put(&mut map, "body", urls.body(n));
    put(&mut map, "name", o.name.as_str());
    put(&mut map, "organizationType", "Institution");
    put_text(&mut map, "classification", &o.category);
    let memberships: Vec<Value> = data
        .people
        .iter()
        .filter(|p| p.organization_id == o.id)
        .map(|p| json!(urls.membership(n, p.id)))
        .collect();
    if !memberships.is_empty() {
        put(&mut map, "membership", memberships);
    }
    if o.website.starts_with("http://") || o.website.starts_with("https://") {
        put(&mut map, "website", o.website.as_str());
    }
    put(
        &mut map,
        "web",
        urls.site(&format!("/organizations/{}", o.id)),
    );
    entry(map, o.created_at, o.modified_at)
}

pub fn person(urls: &Urls, data: &BodyData, p: &PersonRow) -> Entry {
    let n = data.network.id;
    let mut map = object("Person", urls.person(n, p.id), p.created_at, p.updated_at);
    put(&mut map, "body", urls.body(n));
    put(&mut map, "name", p.name.as_str());
    if !p.function.trim().is_empty() {
        put(&mut map, "status", vec![p.function.trim()]);
    }
    if !p.email.trim().is_empty() {
        put(&mut map, "email", vec![p.email.trim()]);
    }
    if !p.phone.trim().is_empty() {
        put(&mut map, "phone", vec![p.phone.trim()]);
    }
    put(&mut map, "membership", vec![membership(urls, data, p).json]);
    put(
        &mut map,
        "web",
        urls.site(&format!("/organizations/{}", p.organization_id)),
    );
    entry(map, p.created_at, p.updated_at)
}

pub fn membership(urls: &Urls, data: &BodyData, p: &PersonRow) -> Entry {
    let n = data.network.id;
    let mut map = object(
        "Membership",
        urls.membership(n, p.id),
        p.created_at,
        p.updated_at,
    );
    put(&mut map, "person", urls.person(n, p.id));
    put(
        &mut map,
        "organization",
        urls.organization(n, p.organization_id),
    );
    put_text(&mut map, "role", &p.function);
    put(&mut map, "startDate", date(p.created_at));
    put(
        &mut map,
        "web",
        urls.site(&format!("/organizations/{}", p.organization_id)),
    );
    entry(map, p.created_at, p.updated_at)
}

/// A meeting changes with its agenda, decisions and files.
pub fn meeting_modified(data: &BodyData, m: &MeetingRow) -> i64 {
    let items = data.items.iter().filter(|i| i.meeting_id == m.id);
    let mut at = m.updated_at;
    for item in items {
        at = at.max(item_modified(data, item));
    }
    at.max(m.minutes_approved_at.unwrap_or(0))
}

fn item_modified(data: &BodyData, item: &ItemRow) -> i64 {
    let decisions = data
        .decisions
        .iter()
        .filter(|d| d.agenda_item_id == item.id)
        .map(|d| d.updated_at);
    let files = data
        .files
        .iter()
        .filter(|f| f.agenda_item_id == item.id)
        .map(|f| f.deleted_at.unwrap_or(f.created_at));
    decisions.chain(files).fold(item.updated_at, i64::max)
}

fn meeting_state(m: &MeetingRow) -> &'static str {
    match m.state.as_str() {
        "invited" => "eingeladen",
        "held" | "minutes_approved" => "durchgeführt",
        "cancelled" => "abgesagt",
        _ => "terminiert",
    }
}

/// The invitation is public once it was sent.
pub fn invitation_sent(m: &MeetingRow) -> bool {
    matches!(m.state.as_str(), "invited" | "held" | "minutes_approved")
}

/// The minutes and the decisions in them are public once approved, and
/// only in a network that publishes its minutes — the same rule as the
/// HTML minutes page.
pub fn minutes_public(data: &BodyData, m: &MeetingRow) -> bool {
    data.minutes_public && m.minutes_state == "approved"
}

pub fn has_location(m: &MeetingRow) -> bool {
    !m.location.trim().is_empty() || !m.online_url.trim().is_empty()
}

pub fn meeting(urls: &Urls, data: &BodyData, m: &MeetingRow) -> Entry {
    let n = data.network.id;
    let modified = meeting_modified(data, m);
    let mut map = object("Meeting", urls.meeting(m.id), m.created_at, modified);
    put(&mut map, "name", m.title.as_str());
    put(&mut map, "meetingState", meeting_state(m));
    put(&mut map, "cancelled", m.state == "cancelled");
    if let Some(start) = m.starts_at {
        put(&mut map, "start", date_time(start));
    }
    if let Some(end) = m.ends_at {
        put(&mut map, "end", date_time(end));
    }
    if let Some(location) = location(urls, data, m) {
        put(&mut map, "location", location.json);
    }
    let mut organizations = vec![json!(urls.conference(n))];
    if let Some(organizer) = m
        .organizer_organization_id
        .filter(|id| data.organizations.iter().any(|o| o.id == *id))
    {
        organizations.push(json!(urls.organization(n, organizer)));
    }
    put(&mut map, "organization", organizations);
    if let Some(file) = invitation(urls, data, m) {
        put(&mut map, "invitation", file.json);
    }
    if let Some(file) = protocol(urls, data, m) {
        put(&mut map, "resultsProtocol", file.json);
    }
    let items: Vec<&ItemRow> = data.items.iter().filter(|i| i.meeting_id == m.id).collect();
    let files: Vec<Value> = items
        .iter()
        .flat_map(|i| item_files(urls, data, i))
        .collect();
    if !files.is_empty() {
        put(&mut map, "auxiliaryFile", files);
    }
    let items: Vec<Value> = items
        .iter()
        .map(|i| agenda_item(urls, data, m, i).json)
        .collect();
    put(&mut map, "agendaItem", items);
    put(&mut map, "web", urls.meeting_page(n, m.id));
    entry(map, m.created_at, modified)
}

/// Where a meeting takes place: the place as entered and the online link.
pub fn location(urls: &Urls, data: &BodyData, m: &MeetingRow) -> Option<Entry> {
    if !has_location(m) {
        return None;
    }
    let mut map = object("Location", urls.location(m.id), m.created_at, m.updated_at);
    let description = [m.location.trim(), m.online_url.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    put(&mut map, "description", description);
    put(&mut map, "bodies", vec![urls.body(data.network.id)]);
    put(&mut map, "meetings", vec![urls.meeting(m.id)]);
    put(&mut map, "web", urls.meeting_page(data.network.id, m.id));
    Some(entry(map, m.created_at, m.updated_at))
}

/// A PDF the application renders on request. Its bytes are not stored, so
/// `size` and `sha512Checksum` are left out rather than computed on every
/// API call.
fn generated_pdf(
    urls: &Urls,
    (id, n): (String, i64),
    name: &str,
    file_name: String,
    path: String,
    m: &MeetingRow,
    created: i64,
) -> Entry {
    let mut map = object("File", id, created, m.updated_at);
    put(&mut map, "name", name);
    put(&mut map, "fileName", file_name);
    put(&mut map, "mimeType", "application/pdf");
    put(&mut map, "accessUrl", urls.site(&path));
    put(&mut map, "downloadUrl", urls.site(&path));
    put(&mut map, "meeting", vec![urls.meeting(m.id)]);
    put(&mut map, "web", urls.meeting_page(n, m.id));
    entry(map, created, m.updated_at)
}

pub fn invitation(urls: &Urls, data: &BodyData, m: &MeetingRow) -> Option<Entry> {
    invitation_sent(m).then(|| {
        generated_pdf(
            urls,
            (urls.invitation(m.id), data.network.id),
            "Einladung",
            format!("einladung-{}.pdf", m.id),
            paths::invitation_pdf(NetworkId(data.network.id), MeetingId(m.id)),
            m,
            m.created_at,
        )
    })
}

pub fn protocol(urls: &Urls, data: &BodyData, m: &MeetingRow) -> Option<Entry> {
    minutes_public(data, m).then(|| {
        generated_pdf(
            urls,
            (urls.protocol(m.id), data.network.id),
            "Ergebnisprotokoll",
            format!("protokoll-{}.pdf", m.id),
            paths::minutes_pdf(NetworkId(data.network.id), MeetingId(m.id)),
            m,
            m.minutes_approved_at.unwrap_or(m.updated_at),
        )
    })
}

fn item_files(urls: &Urls, data: &BodyData, item: &ItemRow) -> Vec<Value> {
    data.files
        .iter()
        .filter(|f| f.agenda_item_id == item.id && f.deleted_at.is_none())
        .map(|f| file(urls, data, f).json)
        .collect()
}

/// An uploaded attachment; deleted ones are tombstones.
pub fn file(urls: &Urls, data: &BodyData, f: &FileRow) -> Entry {
    if let Some(deleted) = f.deleted_at {
        return tombstone(urls.file(f.id), "File", f.created_at, deleted);
    }
    let mut map = object("File", urls.file(f.id), f.created_at, f.created_at);
    put(&mut map, "name", f.file_name.as_str());
    put(&mut map, "fileName", f.file_name.as_str());
    put_text(&mut map, "mimeType", &f.mime_type);
    put(&mut map, "date", date(f.created_at));
    put(&mut map, "size", f.size_bytes);
    put_text(&mut map, "sha512Checksum", &f.sha512);
    put(
        &mut map,
        "agendaItem",
        vec![urls.agenda_item(f.agenda_item_id)],
    );
    // Files are listed with their (visible) agenda item, whose meeting
    // is part of the file's address.
    if let Some(item) = data.items.iter().find(|i| i.id == f.agenda_item_id) {
        let n = NetworkId(data.network.id);
        let download = urls.site(&paths::attachment(
            n,
            MeetingId(item.meeting_id),
            AgendaItemId(item.id),
            AttachmentId(f.id),
        ));
        put(&mut map, "accessUrl", download.clone());
        put(&mut map, "downloadUrl", download);
        put(&mut map, "meeting", vec![urls.meeting(item.meeting_id)]);
        put(
            &mut map,
            "web",
            urls.agenda_page(data.network.id, item.meeting_id),
        );
    }
    entry(map, f.created_at, f.created_at)
}

/// "angenommen (12 Ja, 1 Nein, 0 Enthaltungen)" for a vote, else
/// "beschlossen".
fn result_of(votes: (Option<i64>, Option<i64>, Option<i64>)) -> String {
    match votes {
        (Some(yes), Some(no), abstain) => {
            let outcome = if yes > no { "angenommen" } else { "abgelehnt" };
            format!(
                "{outcome} ({yes} Ja, {no} Nein, {} Enthaltungen)",
                abstain.unwrap_or(0)
            )
        }
        _ => "beschlossen".into(),
    }
}

pub fn agenda_item(urls: &Urls, data: &BodyData, m: &MeetingRow, item: &ItemRow) -> Entry {
    let modified = item_modified(data, item);
    let mut map = object(
        "AgendaItem",
        urls.agenda_item(item.id),
        item.created_at,
        modified,
    );
    put(&mut map, "meeting", urls.meeting(m.id));
    put(&mut map, "number", item.position.to_string());
    put(&mut map, "order", item.position);
    put(&mut map, "name", item.title.as_str());
    put(&mut map, "public", true);
    let decisions: Vec<_> = data
        .decisions
        .iter()
        .filter(|d| d.agenda_item_id == item.id)
        .collect();
    // Decisions are part of the minutes: public only once those are approved.
    if minutes_public(data, m) && !decisions.is_empty() {
        let results: Vec<String> = decisions
            .iter()
            .map(|d| result_of((d.votes_yes, d.votes_no, d.votes_abstain)))
            .collect();
        put(&mut map, "result", results.join("; "));
        let texts: Vec<&str> = decisions.iter().map(|d| d.text.trim()).collect();
        put(&mut map, "resolutionText", texts.join("\n\n"));
    }
    let files = item_files(urls, data, item);
    if !files.is_empty() {
        put(&mut map, "auxiliaryFile", files);
    }
    put(&mut map, "web", urls.agenda_page(data.network.id, m.id));
    entry(map, item.created_at, modified)
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
    use super::*;

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
