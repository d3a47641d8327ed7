//! The bulletin: posts of five types with their checks, moderation, the
//! public variant, filters and archive (`posts`), event registration
//! (`registration`), the JSON API (`api`), the feeds checked by real
//! validators (`feeds`), the calendar (`calendar`), subscriptions with
//! digests and reminders through a real SMTP server (`mail`) and the
//! pages in a real browser (`accessibility`).

mod accessibility;
mod api;
mod calendar;
mod demo;
mod feeds;
mod files;
mod mail;
mod moderation;
mod posts;
mod registration;
mod tasks;

use chrono::{Days, Utc};
use chrono_tz::Europe::Berlin;
use ikon::accounts::model::Role;
use reqwest::StatusCode;
use sqlx::Row;

use crate::common::{Browser, TestApp, fixtures::User, text_with_status};

pub(crate) struct Setup {
    pub logins: ikon::demo::DemoLogins,
    pub net: i64,
    pub coordinator: Browser,
    pub member: Browser,
    pub supervisor: Browser,
}

pub(crate) async fn setup(app: &TestApp) -> Setup {
    let logins = app.demo().await;
    let signed_in = |email: String, password: String| async move {
        let b = app.new_browser();
        b.login(&email, &password).await;
        b
    };
    let coordinator = signed_in(
        logins.coordinator.email.clone(),
        logins.coordinator.password.clone(),
    )
    .await;
    let member = signed_in(logins.member.email.clone(), logins.member.password.clone()).await;
    let supervisor = signed_in(
        logins.supervisor.email.clone(),
        logins.supervisor.password.clone(),
    )
    .await;
    Setup {
        net: logins.network_id,
        logins,
        coordinator,
        member,
        supervisor,
    }
}

/// Another member of the demo network's member organisation, signed in.
pub(crate) async fn another_member(app: &TestApp, s: &Setup, email: &str) -> Browser {
    User::new(email, Role::Member)
        .network(s.net)
        .organization(Some(s.logins.member_organization_id))
        .create(app)
        .await
        .browser(app)
        .await
}

/// Today plus `days` in German local time, `YYYY-MM-DD`.
pub(crate) fn day(days: i64) -> String {
    let today = Utc::now().with_timezone(&Berlin).date_naive();
    let d = if days >= 0 {
        today.checked_add_days(Days::new(days as u64))
    } else {
        today.checked_sub_days(Days::new((-days) as u64))
    };
    d.unwrap().format("%Y-%m-%d").to_string()
}

/// A `datetime-local` value `days` from today at `time`.
pub(crate) fn at(days: i64, time: &str) -> String {
    format!("{}T{time}", day(days))
}

/// The id of the post a response redirects to
/// (`/networks/{network_id}/posts/{post_id}?notice=…`).
pub(crate) fn post_id(response: &reqwest::Response) -> i64 {
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let to = response.headers()["location"].to_str().unwrap();
    to.split('?')
        .next()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

pub(crate) async fn post_count(app: &TestApp) -> i64 {
    sqlx::query("SELECT COUNT(*) FROM posts")
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get(0)
}

/// Posts through the form as `browser`; returns the new post's id.
pub(crate) async fn create(browser: &Browser, net: i64, fields: &[(&str, &str)]) -> i64 {
    let response = browser
        .post_form(&format!("/networks/{net}/posts"), fields)
        .await;
    if response.status() != StatusCode::SEE_OTHER {
        panic!(
            "post not created ({}): {}",
            response.status(),
            response.text().await.unwrap()
        );
    }
    post_id(&response)
}

/// A valid funding call, public, with a deadline in 20 days.
pub(crate) fn funding_call(deadline: &str) -> Vec<(&str, &str)> {
    vec![
        ("type", "funding_call"),
        ("title", "Förderprogramm Integration im ländlichen Raum"),
        (
            "body",
            "Gefördert werden **Sprachkurse** und Begegnungsprojekte.",
        ),
        ("audience", "public"),
        ("tags", "language"),
        ("tags", "refugees"),
        ("funder", "Bayerisches Staatsministerium des Innern"),
        ("funder_level", "land"),
        ("programme", "Integration vor Ort"),
        ("funding_type", "zuschuss"),
        ("funding_areas", "gesundheit_soziales"),
        ("applicants", "kommune"),
        ("applicants", "verband"),
        ("amount_min", "5000"),
        ("amount_max", "50.000"),
        ("deadline_type", "fixed"),
        ("deadline", deadline),
        ("link", "https://www.stmi.bayern.de/"),
    ]
}

pub(crate) async fn page(browser: &Browser, path: &str) -> String {
    text_with_status(browser.get(path).await, StatusCode::OK).await
}
