//! Published concerns as OParl papers: the concern itself (`paperType`
//! "Anregung", its letter as `mainFile`, the consultation of the meeting
//! that agreed it) and, once answered, the answer as a second paper
//! ("Beantwortung") linked both ways by `relatedPaper`.

use serde_json::json;

use super::{Entry, Urls, date, entry, object, put, put_text};
use crate::{
    core::{
        i18n::Lang,
        ids::{ConcernId, NetworkId},
        paths,
    },
    oparl::store::{BodyData, PaperRow},
};

/// A day as stored (`YYYY-MM-DD`) or, failing that, the day of `at`.
fn day(stored: &str, at: i64) -> String {
    if chrono::NaiveDate::parse_from_str(stored, "%Y-%m-%d").is_ok() {
        stored.to_string()
    } else {
        date(at)
    }
}

fn page(urls: &Urls, data: &BodyData, p: &PaperRow) -> String {
    urls.site(&paths::public_concern(
        NetworkId(data.network.id),
        ConcernId(p.id),
    ))
}

/// Whether the answer is recorded: then it is a paper of its own.
pub fn is_answered(p: &PaperRow) -> bool {
    p.answered_on.as_deref().is_some_and(|d| !d.is_empty())
}

fn answer_modified(p: &PaperRow) -> i64 {
    p.updated_at.max(p.answer_uploaded_at.unwrap_or(0))
}

pub fn paper(urls: &Urls, data: &BodyData, p: &PaperRow) -> Entry {
    let n = data.network.id;
    let mut map = object("Paper", urls.paper(p.id), p.created_at, p.updated_at);
    put(&mut map, "body", urls.body(n));
    put(&mut map, "name", p.title.as_str());
    put_text(&mut map, "reference", &p.reference);
    put(&mut map, "date", day(&p.submitted_on, p.updated_at));
    put(&mut map, "paperType", "Anregung");
    if is_answered(p) {
        put(&mut map, "relatedPaper", vec![urls.answer_paper(p.id)]);
    }
    if let Some(file) = letter(urls, data, p) {
        put(&mut map, "mainFile", file.json);
    }
    put(&mut map, "originatorOrganization", vec![urls.conference(n)]);
    put(&mut map, "underDirectionOf", vec![urls.conference(n)]);
    put(
        &mut map,
        "consultation",
        vec![consultation(urls, data, p).json],
    );
    let addressee = Lang::De.t(&format!("conc-addressee-{}", p.addressee));
    put(
        &mut map,
        "keyword",
        vec![json!("Anliegen"), json!(addressee)],
    );
    put(&mut map, "web", page(urls, data, p));
    entry(map, p.created_at, p.updated_at)
}

/// The answer as a paper of its own.
pub fn answer_paper(urls: &Urls, data: &BodyData, p: &PaperRow) -> Option<Entry> {
    if !is_answered(p) {
        return None;
    }
    let modified = answer_modified(p);
    let mut map = object("Paper", urls.answer_paper(p.id), p.created_at, modified);
    put(&mut map, "body", urls.body(data.network.id));
    put(&mut map, "name", format!("Antwort: {}", p.title));
    put_text(&mut map, "reference", &p.reference);
    put(
        &mut map,
        "date",
        day(p.answered_on.as_deref().unwrap_or_default(), modified),
    );
    put(&mut map, "paperType", "Beantwortung");
    put(&mut map, "relatedPaper", vec![urls.paper(p.id)]);
    if let Some(file) = answer_document(urls, data, p) {
        put(&mut map, "mainFile", file.json);
    }
    put(&mut map, "web", page(urls, data, p));
    Some(entry(map, p.created_at, modified))
}

/// Where the concern was agreed: the meeting and its agenda item, each
/// named only when OParl shows it (a public meeting, a public item).
pub fn consultation(urls: &Urls, data: &BodyData, p: &PaperRow) -> Entry {
    let mut map = object(
        "Consultation",
        urls.consultation(p.id),
        p.created_at,
        p.updated_at,
    );
    put(&mut map, "paper", urls.paper(p.id));
    if let Some(meeting) = p
        .meeting_id
        .filter(|id| data.meetings.iter().any(|m| m.id == *id))
    {
        put(&mut map, "meeting", urls.meeting(meeting));
        if let Some(item) = p
            .agenda_item_id
            .filter(|id| data.items.iter().any(|i| i.id == *id))
        {
            put(&mut map, "agendaItem", urls.agenda_item(item));
        }
    }
    put(
        &mut map,
        "organization",
        vec![urls.conference(data.network.id)],
    );
    put(&mut map, "authoritative", true);
    put(&mut map, "role", "Beschlussfassung");
    put(&mut map, "web", page(urls, data, p));
    entry(map, p.created_at, p.updated_at)
}

/// The letter generated at submission.
pub fn letter(urls: &Urls, data: &BodyData, p: &PaperRow) -> Option<Entry> {
    if p.letter_sha512.is_empty() {
        return None;
    }
    let n = NetworkId(data.network.id);
    let download = urls.site(&paths::concern_letter(n, ConcernId(p.id)));
    let mut map = object("File", urls.paper_letter(p.id), p.created_at, p.updated_at);
    put(&mut map, "name", format!("Anliegen: {}", p.title));
    put(&mut map, "fileName", format!("anliegen-{}.pdf", p.id));
    put(&mut map, "mimeType", "application/pdf");
    put(&mut map, "date", day(&p.submitted_on, p.updated_at));
    put(&mut map, "size", p.letter_size);
    put(&mut map, "sha512Checksum", p.letter_sha512.as_str());
    put(&mut map, "accessUrl", download.clone());
    put(&mut map, "downloadUrl", download);
    put(&mut map, "paper", vec![urls.paper(p.id)]);
    put(&mut map, "web", page(urls, data, p));
    Some(entry(map, p.created_at, p.updated_at))
}

/// The answer's document, when one was uploaded.
pub fn answer_document(urls: &Urls, data: &BodyData, p: &PaperRow) -> Option<Entry> {
    if !is_answered(p) || p.answer_sha512.is_empty() {
        return None;
    }
    let at = p.answer_uploaded_at.unwrap_or(p.updated_at);
    let n = NetworkId(data.network.id);
    let download = urls.site(&paths::concern_answer_document(n, ConcernId(p.id)));
    let mut map = object("File", urls.answer_document(p.id), at, at);
    put(&mut map, "name", format!("Antwort: {}", p.title));
    put(&mut map, "fileName", p.answer_file_name.as_str());
    put_text(&mut map, "mimeType", &p.answer_mime_type);
    put(&mut map, "date", date(at));
    put(&mut map, "size", p.answer_size);
    put(&mut map, "sha512Checksum", p.answer_sha512.as_str());
    put(&mut map, "accessUrl", download.clone());
    put(&mut map, "downloadUrl", download);
    put(&mut map, "paper", vec![urls.answer_paper(p.id)]);
    put(&mut map, "web", page(urls, data, p));
    Some(entry(map, at, at))
}
