//! Meetings, their locations, agenda items, files and generated
//! documents as OParl objects.

use serde_json::{Value, json};

use super::{Entry, Urls, date, date_time, entry, object, put, put_text, tombstone};
use crate::{
    core::{
        ids::{AgendaItemId, AttachmentId, MeetingId, NetworkId},
        paths,
    },
    oparl::store::{BodyData, FileRow, ItemRow, MeetingRow},
};

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
pub(super) fn result_of(votes: (Option<i64>, Option<i64>, Option<i64>)) -> String {
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
