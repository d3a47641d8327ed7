//! The OParl routes. Anonymous and read-only: every handler shows public
//! objects only (see `store`), answers JSON with CORS open for GET, and
//! turns its own errors into JSON that carries the CORS header too. The
//! papers (published concerns) are in `papers`.

pub mod papers;

use std::collections::HashMap;

use axum::{
    Json,
    extract::{Path, Query, State},
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use chrono::DateTime;
use serde_json::{Map, Value, json};

use super::{
    model::{self, Entry, Urls},
    store::{self, BodyData},
};
use crate::{
    accounts::viewer::Viewer,
    core::{
        error::{AppError, Msg},
        web::{App, errors::ErrorBody},
    },
};

/// Objects per page unless the client asks for fewer (OParl recommends
/// at most 100).
pub const PAGE_SIZE: usize = 100;

type Params = Query<HashMap<String, String>>;

/// A JSON answer OParl clients in browsers may read.
fn answer(status: StatusCode, value: &Value) -> Response {
    let mut response = (status, Json(value)).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    response
}

pub(crate) fn respond(viewer: &Viewer, result: Result<Value, AppError>) -> Response {
    match result {
        Ok(value) => answer(StatusCode::OK, &value),
        Err(error) if error.status.is_server_error() => error.into_response(),
        Err(error) => {
            let body = ErrorBody::new(&error, viewer.lang);
            answer(error.status, &json!(body))
        }
    }
}

pub(crate) fn urls(app: &App) -> Urls {
    Urls::new(&app.config.base())
}

/// Path ids that are not numbers name nothing.
fn id(raw: &str) -> Result<i64, AppError> {
    raw.parse().map_err(|_| AppError::not_found())
}

async fn body_data(app: &App, network_id: i64) -> Result<BodyData, AppError> {
    store::load(&app.db, network_id)
        .await?
        .ok_or_else(AppError::not_found)
}

// ── filters and pages ─────────────────────────────────────────────────

/// The list parameters of OParl 1.1, validated.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListQuery {
    pub created_since: Option<i64>,
    pub created_until: Option<i64>,
    pub modified_since: Option<i64>,
    pub modified_until: Option<i64>,
    pub limit: usize,
    pub page: usize,
    pub omit_internal: bool,
}

fn bad(name: &str) -> AppError {
    AppError::bad_request(
        "invalid_parameter",
        Msg::new("oparl-err-parameter").arg("name", name),
    )
}

impl ListQuery {
    pub fn parse(params: &HashMap<String, String>) -> Result<Self, AppError> {
        let time = |name: &str| -> Result<Option<i64>, AppError> {
            params
                .get(name)
                .map(|v| {
                    DateTime::parse_from_rfc3339(v.trim())
                        .map(|t| t.timestamp())
                        .map_err(|_| bad(name))
                })
                .transpose()
        };
        let number = |name: &str, default: usize| -> Result<usize, AppError> {
            match params.get(name) {
                None => Ok(default),
                Some(v) => v
                    .trim()
                    .parse::<usize>()
                    .ok()
                    .filter(|n| *n >= 1)
                    .ok_or_else(|| bad(name)),
            }
        };
        let omit_internal = match params.get("omit_internal").map(|v| v.trim()) {
            None | Some("false") | Some("0") => false,
            Some("" | "true" | "1") => true,
            Some(_) => return Err(bad("omit_internal")),
        };
        Ok(Self {
            created_since: time("created_since")?,
            created_until: time("created_until")?,
            modified_since: time("modified_since")?,
            modified_until: time("modified_until")?,
            limit: number("limit", PAGE_SIZE)?.min(PAGE_SIZE),
            page: number("page", 1)?,
            omit_internal,
        })
    }

    fn keeps(&self, e: &Entry) -> bool {
        self.created_since.is_none_or(|t| e.created >= t)
            && self.created_until.is_none_or(|t| e.created <= t)
            && self.modified_since.is_none_or(|t| e.modified >= t)
            && self.modified_until.is_none_or(|t| e.modified <= t)
    }
}

/// Leaves out the objects embedded in an object (keeps references).
fn omit_internal(value: &mut Value) {
    let embedded = |v: &Value| match v {
        Value::Object(o) => o.contains_key("type"),
        Value::Array(a) => a.first().is_some_and(|f| f.is_object()),
        _ => false,
    };
    if let Value::Object(map) = value {
        map.retain(|_, v| !embedded(v));
    }
}

/// One page of an external list, with `pagination` and `links`.
fn page(list_url: &str, params: &HashMap<String, String>, entries: Vec<Entry>) -> Value {
    let query = ListQuery::parse(params).unwrap_or_default();
    let mut kept: Vec<Entry> = entries.into_iter().filter(|e| query.keeps(e)).collect();
    let total = kept.len();
    let per_page = query.limit.max(1);
    let pages = total.div_ceil(per_page).max(1);
    let start = (query.page - 1).saturating_mul(per_page).min(total);
    let end = (start + per_page).min(total);
    let data: Vec<Value> = kept
        .drain(start..end)
        .map(|mut e| {
            if query.omit_internal {
                omit_internal(&mut e.json);
            }
            e.json
        })
        .collect();
    let link = |n: usize| {
        let mut pairs: Vec<(&String, &String)> =
            params.iter().filter(|(k, _)| *k != "page").collect();
        pairs.sort();
        let number = n.to_string();
        let page_key = "page".to_string();
        pairs.push((&page_key, &number));
        let query: String = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs)
            .finish();
        format!("{list_url}?{query}")
    };
    let mut links = Map::new();
    links.insert("first".into(), json!(link(1)));
    if query.page > 1 {
        links.insert("prev".into(), json!(link((query.page - 1).min(pages))));
    }
    if query.page < pages {
        links.insert("next".into(), json!(link(query.page + 1)));
    }
    links.insert("last".into(), json!(link(pages)));
    json!({
        "data": data,
        "pagination": {
            "totalElements": total,
            "elementsPerPage": per_page,
            "currentPage": query.page,
            "totalPages": pages,
        },
        "links": links,
    })
}

/// Validates the parameters, then cuts the page.
fn list(
    list_url: String,
    params: &HashMap<String, String>,
    entries: impl FnOnce() -> Vec<Entry>,
) -> Result<Value, AppError> {
    ListQuery::parse(params)?;
    Ok(page(&list_url, params, entries()))
}

/// Tombstones of one kind whose object is not visible (again).
pub(crate) fn tombstones(urls: &Urls, data: &BodyData, kind: &str, visible: &[i64]) -> Vec<Entry> {
    data.tombstones
        .iter()
        .filter(|t| t.object_type == kind && !visible.contains(&t.object_id))
        .filter_map(|t| {
            let url = urls.of_kind(data.network.id, kind, t.object_id)?;
            Some(model::tombstone(
                url,
                model::type_of_kind(kind),
                t.created_at,
                t.deleted_at,
            ))
        })
        .collect()
}

fn find_tombstone(urls: &Urls, data: &BodyData, kind: &str, id: i64) -> Option<Value> {
    tombstones(urls, data, kind, &[])
        .into_iter()
        .find(|e| e.json["id"] == json!(urls.of_kind(data.network.id, kind, id)))
        .map(|e| e.json)
}

// ── the objects of a body ────────────────────────────────────────────

fn organizations(urls: &Urls, d: &BodyData) -> Vec<Entry> {
    let mut out = vec![model::conference(urls, d)];
    out.extend(
        d.organizations
            .iter()
            .map(|o| model::organization(urls, d, o)),
    );
    let visible: Vec<i64> = d.organizations.iter().map(|o| o.id).collect();
    out.extend(tombstones(urls, d, "organization", &visible));
    out
}

fn people(urls: &Urls, d: &BodyData) -> Vec<Entry> {
    let mut out: Vec<Entry> = d.people.iter().map(|p| model::person(urls, d, p)).collect();
    let visible: Vec<i64> = d.people.iter().map(|p| p.id).collect();
    out.extend(tombstones(urls, d, "person", &visible));
    out
}

fn memberships(urls: &Urls, d: &BodyData) -> Vec<Entry> {
    let mut out: Vec<Entry> = d
        .people
        .iter()
        .map(|p| model::membership(urls, d, p))
        .collect();
    let visible: Vec<i64> = d.people.iter().map(|p| p.id).collect();
    out.extend(tombstones(urls, d, "membership", &visible));
    out
}

fn meetings(urls: &Urls, d: &BodyData) -> Vec<Entry> {
    let mut out: Vec<Entry> = d
        .meetings
        .iter()
        .map(|m| model::meeting(urls, d, m))
        .collect();
    let visible: Vec<i64> = d.meetings.iter().map(|m| m.id).collect();
    out.extend(tombstones(urls, d, "meeting", &visible));
    out
}

fn agenda_items(urls: &Urls, d: &BodyData) -> Vec<Entry> {
    let mut out = Vec::new();
    for m in &d.meetings {
        for item in d.items.iter().filter(|i| i.meeting_id == m.id) {
            out.push(model::agenda_item(urls, d, m, item));
        }
    }
    let visible: Vec<i64> = d.items.iter().map(|i| i.id).collect();
    out.extend(tombstones(urls, d, "agenda_item", &visible));
    out
}

fn files(urls: &Urls, d: &BodyData) -> Vec<Entry> {
    let mut out = Vec::new();
    for m in &d.meetings {
        out.extend(model::invitation(urls, d, m));
        out.extend(model::protocol(urls, d, m));
    }
    out.extend(d.files.iter().map(|f| model::file(urls, d, f)));
    out.extend(papers::files(urls, d));
    let visible: Vec<i64> = d.files.iter().map(|f| f.id).collect();
    out.extend(tombstones(urls, d, "file", &visible));
    out.extend(papers::file_tombstones(urls, d));
    out
}

fn locations(urls: &Urls, d: &BodyData) -> Vec<Entry> {
    d.meetings
        .iter()
        .filter_map(|m| model::location(urls, d, m))
        .collect()
}

// ── handlers ─────────────────────────────────────────────────────────

/// The entry point: the system and where its bodies are.
pub async fn system(State(app): State<App>, viewer: Viewer) -> Response {
    let result = async {
        let (created, modified) = store::system_dates(&app.db).await?;
        let urls = urls(&app);
        Ok(model::system(&urls, "ikon – Integrationskonferenzen", created, modified).json)
    }
    .await;
    respond(&viewer, result)
}

pub async fn bodies(State(app): State<App>, viewer: Viewer, Query(params): Params) -> Response {
    let result = async {
        ListQuery::parse(&params)?;
        let urls = urls(&app);
        let mut entries = Vec::new();
        for id in store::network_ids(&app.db).await? {
            if let Some(data) = store::load(&app.db, id).await? {
                entries.push(model::body(&urls, &data));
            }
        }
        list(urls.bodies(), &params, || entries)
    }
    .await;
    respond(&viewer, result)
}

pub async fn body(State(app): State<App>, viewer: Viewer, Path(raw): Path<String>) -> Response {
    let result = async {
        let data = body_data(&app, id(&raw)?).await?;
        Ok(model::body(&urls(&app), &data).json)
    }
    .await;
    respond(&viewer, result)
}

/// The external lists of a body, one handler each.
macro_rules! body_list {
    ($name:ident, $path:literal, $entries:expr) => {
        pub async fn $name(
            State(app): State<App>,
            viewer: Viewer,
            Path(raw): Path<String>,
            Query(params): Params,
        ) -> Response {
            let result = async {
                ListQuery::parse(&params)?;
                let data = body_data(&app, id(&raw)?).await?;
                let urls = urls(&app);
                let entries: fn(&Urls, &BodyData) -> Vec<Entry> = $entries;
                list(urls.list(data.network.id, $path), &params, || {
                    entries(&urls, &data)
                })
            }
            .await;
            respond(&viewer, result)
        }
    };
}

body_list!(organization_list, "organizations", organizations);
body_list!(person_list, "people", people);
body_list!(membership_list, "memberships", memberships);
body_list!(meeting_list, "meetings", meetings);
body_list!(agenda_item_list, "agenda-items", agenda_items);
body_list!(file_list, "files", files);
body_list!(location_list, "locations", locations);
body_list!(term_list, "legislative-terms", model::terms);
body_list!(paper_list, "papers", papers::papers);

pub async fn conference(
    State(app): State<App>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let data = body_data(&app, id(&raw)?).await?;
        Ok(model::conference(&urls(&app), &data).json)
    }
    .await;
    respond(&viewer, result)
}

/// An object of a body by its kind and id, or its tombstone.
async fn in_body(
    app: &App,
    raw: &(String, String),
    kind: &str,
    build: impl FnOnce(&Urls, &BodyData, i64) -> Option<Entry>,
) -> Result<Value, AppError> {
    let data = body_data(app, id(&raw.0)?).await?;
    let object_id = id(&raw.1)?;
    let urls = urls(app);
    if let Some(entry) = build(&urls, &data, object_id) {
        return Ok(entry.json);
    }
    find_tombstone(&urls, &data, kind, object_id).ok_or_else(AppError::not_found)
}

pub async fn organization(
    State(app): State<App>,
    viewer: Viewer,
    Path(raw): Path<(String, String)>,
) -> Response {
    let result = in_body(&app, &raw, "organization", |urls, d, id| {
        let o = d.organizations.iter().find(|o| o.id == id)?;
        Some(model::organization(urls, d, o))
    })
    .await;
    respond(&viewer, result)
}

pub async fn person(
    State(app): State<App>,
    viewer: Viewer,
    Path(raw): Path<(String, String)>,
) -> Response {
    let result = in_body(&app, &raw, "person", |urls, d, id| {
        let p = d.people.iter().find(|p| p.id == id)?;
        Some(model::person(urls, d, p))
    })
    .await;
    respond(&viewer, result)
}

pub async fn membership(
    State(app): State<App>,
    viewer: Viewer,
    Path(raw): Path<(String, String)>,
) -> Response {
    let result = in_body(&app, &raw, "membership", |urls, d, id| {
        let p = d.people.iter().find(|p| p.id == id)?;
        Some(model::membership(urls, d, p))
    })
    .await;
    respond(&viewer, result)
}

pub async fn term(
    State(app): State<App>,
    viewer: Viewer,
    Path(raw): Path<(String, String)>,
) -> Response {
    let result = in_body(&app, &raw, "legislative_term", |urls, d, year| {
        model::term(urls, d, i32::try_from(year).ok()?)
    })
    .await;
    respond(&viewer, result)
}

/// A meeting-level object (meeting, its location and PDFs, an agenda item,
/// a file): finds the body through the object, or its tombstone.
pub(crate) async fn by_object(
    app: &App,
    raw: &str,
    kind: &str,
    build: impl FnOnce(&Urls, &BodyData, i64) -> Option<Entry>,
) -> Result<Value, AppError> {
    let object_id = id(raw)?;
    // Whose row names the network: a paper's objects are found through
    // the concern, a meeting's through the meeting.
    let network_kind = match kind {
        "agenda_item" | "file" | "paper" => kind,
        "consultation" | "paper_letter" | "answer_paper" | "answer_document" => "paper",
        _ => "meeting",
    };
    let network_id = store::network_of(&app.db, network_kind, object_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let data = body_data(app, network_id).await?;
    let urls = urls(app);
    if let Some(entry) = build(&urls, &data, object_id) {
        return Ok(entry.json);
    }
    find_tombstone(&urls, &data, kind, object_id).ok_or_else(AppError::not_found)
}

fn visible_meeting(d: &BodyData, id: i64) -> Option<&store::MeetingRow> {
    d.meetings.iter().find(|m| m.id == id)
}

pub async fn meeting(State(app): State<App>, viewer: Viewer, Path(raw): Path<String>) -> Response {
    let result = by_object(&app, &raw, "meeting", |urls, d, id| {
        Some(model::meeting(urls, d, visible_meeting(d, id)?))
    })
    .await;
    respond(&viewer, result)
}

pub async fn location(State(app): State<App>, viewer: Viewer, Path(raw): Path<String>) -> Response {
    let result = by_object(&app, &raw, "location", |urls, d, id| {
        model::location(urls, d, visible_meeting(d, id)?)
    })
    .await;
    respond(&viewer, result)
}

pub async fn invitation(
    State(app): State<App>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = by_object(&app, &raw, "invitation", |urls, d, id| {
        model::invitation(urls, d, visible_meeting(d, id)?)
    })
    .await;
    respond(&viewer, result)
}

pub async fn protocol(State(app): State<App>, viewer: Viewer, Path(raw): Path<String>) -> Response {
    let result = by_object(&app, &raw, "protocol", |urls, d, id| {
        model::protocol(urls, d, visible_meeting(d, id)?)
    })
    .await;
    respond(&viewer, result)
}

pub async fn agenda_item(
    State(app): State<App>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = by_object(&app, &raw, "agenda_item", |urls, d, id| {
        let item = d.items.iter().find(|i| i.id == id)?;
        let m = visible_meeting(d, item.meeting_id)?;
        Some(model::agenda_item(urls, d, m, item))
    })
    .await;
    respond(&viewer, result)
}

pub async fn file(State(app): State<App>, viewer: Viewer, Path(raw): Path<String>) -> Response {
    let result = by_object(&app, &raw, "file", |urls, d, id| {
        let f = d.files.iter().find(|f| f.id == id)?;
        Some(model::file(urls, d, f))
    })
    .await;
    respond(&viewer, result)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(pairs: &[(&str, &str)]) -> Result<ListQuery, AppError> {
        let params = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        ListQuery::parse(&params)
    }

    #[test]
    fn filters_need_a_time_with_offset() {
        let q = parse(&[("modified_since", "2026-01-15T13:00:00+01:00")]).unwrap();
        assert_eq!(q.modified_since, Some(1_768_478_400));
        assert!(parse(&[("created_since", "2026-01-15")]).is_err());
        assert!(parse(&[("created_until", "gestern")]).is_err());
        assert!(parse(&[("limit", "0")]).is_err());
        assert!(parse(&[("omit_internal", "vielleicht")]).is_err());
        assert_eq!(parse(&[("limit", "5000")]).unwrap().limit, PAGE_SIZE);
    }
}
