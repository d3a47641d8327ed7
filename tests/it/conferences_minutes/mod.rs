//! After the invitation: files on agenda items, members' proposals, the
//! meeting held with its attendance, and the minutes with decisions going
//! draft → circulated → approved, visible to members or the public.

mod accessibility;
mod attachments;
mod proposals;
mod workflow;

use reqwest::{
    StatusCode,
    multipart::{Form, Part},
};
use sha2::{Digest, Sha256, Sha512};
use sqlx::Row;

use ikon::conferences::model::format_local;

use crate::common::{Backend, Browser, TestApp, smtp::body_text, text_with_status};
use crate::{backend_test, both_backends};

const HOUR: i64 = 3600;

struct Setup {
    logins: ikon::demo::DemoLogins,
    coordinator: Browser,
    meeting_id: i64,
    /// The meeting's page, the prefix of its other pages.
    meeting: String,
    public_item: i64,
    internal_item: i64,
}

async fn scalar(app: &TestApp, sql: &str, id: i64) -> i64 {
    sqlx::query(sql)
        .bind(id)
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get(0)
}

/// Anonymous callers of a members' page are sent to the login.
fn to_login(response: &reqwest::Response) -> bool {
    response.status() == StatusCode::SEE_OTHER
        && response.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with("/login")
}

/// The new meeting's id from `/networks/{network_id}/meetings/{meeting_id}?notice=…`.
fn id_from(response: &reqwest::Response) -> i64 {
    response.headers()["location"]
        .to_str()
        .unwrap()
        .split('?')
        .next()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

/// The demo network with a public meeting (starting `start_in` seconds
/// from now) that has a public and an internal agenda item.
async fn setup(app: &TestApp, start_in: i64) -> Setup {
    let logins = app.demo().await;
    let coordinator = app.new_browser();
    coordinator
        .login(&logins.coordinator.email, &logins.coordinator.password)
        .await;
    let now = ikon::core::store::now();
    let response = coordinator
        .post_form(
            &format!("/networks/{}/meetings", logins.network_id),
            &[
                ("title", "Frühjahrskonferenz"),
                ("starts_at", &format_local(now + start_in)),
                ("ends_at", &format_local(now + start_in + 2 * HOUR)),
                ("is_public", "1"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let meeting_id = id_from(&response);
    let meeting = format!("/networks/{}/meetings/{meeting_id}", logins.network_id);
    let agenda = format!("{meeting}/agenda");
    for (title, public) in [
        ("Sprachkurse im Landkreis", "1"),
        ("Personalangelegenheiten", ""),
    ] {
        let response = coordinator
            .post_form(
                &agenda,
                &[
                    ("title", title),
                    ("duration_minutes", "30"),
                    ("is_public", public),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
    }
    let items: Vec<i64> =
        sqlx::query("SELECT id FROM agenda_items WHERE meeting_id = $1 ORDER BY position")
            .bind(meeting_id)
            .fetch_all(app.db().pool())
            .await
            .unwrap()
            .iter()
            .map(|r| r.get(0))
            .collect();
    Setup {
        logins,
        coordinator,
        meeting_id,
        meeting,
        public_item: items[0],
        internal_item: items[1],
    }
}

async fn member(app: &TestApp, logins: &ikon::demo::DemoLogins) -> Browser {
    let browser = app.new_browser();
    browser
        .login(&logins.member.email, &logins.member.password)
        .await;
    browser
}

/// Uploads a file to an item of the meeting whose page is `meeting`.
async fn upload(
    browser: &Browser,
    meeting: &str,
    item_id: i64,
    name: &str,
    bytes: Vec<u8>,
) -> reqwest::Response {
    let csrf = browser.csrf().await;
    let form = Form::new()
        .text("is_public", "1")
        .part("file", Part::bytes(bytes).file_name(name.to_string()));
    browser
        .client
        .post(format!(
            "{}{meeting}/agenda/{item_id}/attachments?csrf={csrf}",
            browser.base
        ))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

fn stored_files(app: &TestApp) -> usize {
    std::fs::read_dir(app.data_dir.join("files"))
        .map(|d| d.count())
        .unwrap_or(0)
}
