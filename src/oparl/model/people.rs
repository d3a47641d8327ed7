//! Organisations, contact people and their memberships as OParl objects.

use serde_json::{Value, json};

use super::{Entry, Urls, date, entry, object, put, put_text};
use crate::oparl::store::{BodyData, OrganizationRow, PersonRow};

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
