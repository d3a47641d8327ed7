//! After the invitation: files on agenda items, members' proposals, the
//! meeting held with its attendance, and the minutes with decisions going
//! draft → circulated → approved, visible to members or the public.

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

backend_test!(
    attachments_roundtrip_with_checksums_limit_and_types,
    |app: TestApp| async move {
        let s = setup(&app, -HOUR).await;
        let count = "SELECT COUNT(*) FROM attachments WHERE network_id = $1";
        let pdf = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".to_vec();
        let response = upload(
            &s.coordinator,
            &s.meeting,
            s.public_item,
            "Bericht Übergänge.pdf",
            pdf.clone(),
        )
        .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let row = sqlx::query(
            "SELECT id, sha256, sha512, size_bytes, mime_type FROM attachments WHERE agenda_item_id = $1",
        )
        .bind(s.public_item)
        .fetch_one(app.db().pool())
        .await
        .unwrap();
        let id: i64 = row.get(0);
        let sha256 = hex::encode(Sha256::digest(&pdf));
        assert_eq!(row.get::<String, _>(1), sha256);
        assert_eq!(row.get::<String, _>(2), hex::encode(Sha512::digest(&pdf)));
        assert_eq!(row.get::<i64, _>(3), pdf.len() as i64);
        assert_eq!(row.get::<String, _>(4), "application/pdf");
        assert_eq!(
            std::fs::read(app.data_dir.join("files").join(&sha256)).unwrap(),
            pdf
        );

        // The agenda lists it; anyone downloads a public file of a public
        // item of a public meeting, byte for byte.
        let page = text_with_status(
            s.coordinator.get(&format!("{}/agenda", s.meeting)).await,
            StatusCode::OK,
        )
        .await;
        let download = format!("{}/agenda/{}/attachments/{id}", s.meeting, s.public_item);
        assert!(page.contains(&download), "{page}");
        let anonymous = app.new_browser();
        let response = anonymous.get(&download).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()["content-type"], "application/pdf");
        let disposition = response.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .to_string();
        assert!(
            disposition.starts_with("attachment; filename=\"Bericht __berg__nge.pdf\"")
                || disposition.starts_with("attachment; filename=\"Bericht _berg_nge.pdf\""),
            "{disposition}"
        );
        assert!(
            disposition.contains("filename*=UTF-8''Bericht%20%C3%9Cberg%C3%A4nge.pdf"),
            "{disposition}"
        );
        let body = response.bytes().await.unwrap();
        assert_eq!(hex::encode(Sha256::digest(&body)), sha256);

        // A file of an internal item: members only.
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        let response = upload(&s.coordinator, &s.meeting, s.internal_item, "plan.png", png).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let internal: i64 = scalar(
            &app,
            "SELECT id FROM attachments WHERE agenda_item_id = $1",
            s.internal_item,
        )
        .await;
        let internal_download = format!(
            "{}/agenda/{}/attachments/{internal}",
            s.meeting, s.internal_item
        );
        let response = anonymous.get(&internal_download).await;
        assert!(to_login(&response), "{:?}", response.status());
        let member = member(&app, &s.logins).await;
        let response = member.get(&internal_download).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()["content-type"], "image/png");

        // Over the limit, a disallowed type, content that does not match
        // the extension: clear refusals, nothing stored.
        let before = (
            scalar(&app, count, s.logins.network_id).await,
            stored_files(&app),
        );
        let limit = app.app.config.max_upload_bytes;
        let mut big = b"%PDF-1.7\n".to_vec();
        big.resize(limit + 1, b' ');
        let response = upload(&s.coordinator, &s.meeting, s.public_item, "gross.pdf", big).await;
        let page = text_with_status(response, StatusCode::PAYLOAD_TOO_LARGE).await;
        assert!(page.contains("zu groß"), "{page}");
        let response = upload(
            &s.coordinator,
            &s.meeting,
            s.public_item,
            "tool.exe",
            b"MZ\x90\0\x03".to_vec(),
        )
        .await;
        let page = text_with_status(response, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert!(page.contains("nicht erlaubt"), "{page}");
        let response = upload(
            &s.coordinator,
            &s.meeting,
            s.public_item,
            "getarnt.pdf",
            b"MZ\x90\0\x03".to_vec(),
        )
        .await;
        text_with_status(response, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(
            (
                scalar(&app, count, s.logins.network_id).await,
                stored_files(&app)
            ),
            before
        );
        // Members do not upload.
        let response = upload(
            &member,
            &s.meeting,
            s.public_item,
            "x.txt",
            b"Hallo".to_vec(),
        )
        .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);

        // Removing keeps the row (deleted_at) and ends the download.
        let response = s
            .coordinator
            .post_form(&format!("{download}/delete"), &[])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let deleted = scalar(
            &app,
            "SELECT COUNT(*) FROM attachments WHERE id = $1 AND deleted_at IS NOT NULL",
            id,
        )
        .await;
        assert_eq!(deleted, 1);
        let response = anonymous.get(&download).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
    }
);

backend_test!(
    members_propose_and_the_coordinator_decides,
    |app: TestApp| async move {
        let s = setup(&app, 14 * 24 * HOUR).await;
        let member = member(&app, &s.logins).await;
        let propose = format!("{}/proposals", s.meeting);
        let agenda = format!("{}/agenda", s.meeting);
        let proposals = "SELECT COUNT(*) FROM agenda_proposals WHERE meeting_id = $1";

        // Bad input: 422, nothing stored.
        let response = member
            .post_form(&propose, &[("title", " "), ("duration_minutes", "20")])
            .await;
        let page = text_with_status(response, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert!(page.contains("aria-invalid=\"true\""), "{page}");
        let response = member
            .post_form(
                &propose,
                &[("title", "Ehrenamt"), ("duration_minutes", "-5")],
            )
            .await;
        text_with_status(response, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(scalar(&app, proposals, s.meeting_id).await, 0);

        for title in ["Ehrenamtsbörse", "Neue Sprachcafés"] {
            let response = member
                .post_form(
                    &propose,
                    &[
                        ("title", title),
                        ("description", "Vorstellung"),
                        ("duration_minutes", "20"),
                    ],
                )
                .await;
            assert_eq!(response.status(), StatusCode::SEE_OTHER);
        }
        let ids: Vec<i64> =
            sqlx::query("SELECT id FROM agenda_proposals WHERE meeting_id = $1 ORDER BY id")
                .bind(s.meeting_id)
                .fetch_all(app.db().pool())
                .await
                .unwrap()
                .iter()
                .map(|r| r.get(0))
                .collect();
        // The coordinator sees them open on the agenda page.
        let page = text_with_status(s.coordinator.get(&agenda).await, StatusCode::OK).await;
        assert!(
            page.contains("Ehrenamtsbörse") && page.contains("Annehmen"),
            "{page}"
        );

        // Members do not decide; declining needs a note.
        let decide = |id: i64| format!("{}/proposals/{id}/decide", s.meeting);
        let (first, second) = (decide(ids[0]), decide(ids[1]));
        let response = member.post_form(&first, &[("decision", "accept")]).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        let response = s
            .coordinator
            .post_form(&second, &[("decision", "decline")])
            .await;
        text_with_status(response, StatusCode::UNPROCESSABLE_ENTITY).await;

        let response = s
            .coordinator
            .post_form(&first, &[("decision", "accept")])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let response = s
            .coordinator
            .post_form(
                &second,
                &[
                    ("decision", "decline"),
                    ("note", "Passt besser in die AG Sprache"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        // Deciding twice is refused.
        let response = s
            .coordinator
            .post_form(&first, &[("decision", "accept")])
            .await;
        assert_eq!(response.status(), StatusCode::CONFLICT);

        // The accepted one is on the agenda with the member's organisation.
        let row = sqlx::query(
            "SELECT proposer_organization_id, duration_minutes FROM agenda_items WHERE meeting_id = $1 AND title = 'Ehrenamtsbörse'",
        )
        .bind(s.meeting_id)
        .fetch_one(app.db().pool())
        .await
        .unwrap();
        assert_eq!(
            row.get::<Option<i64>, _>(0),
            Some(s.logins.member_organization_id)
        );
        assert_eq!(row.get::<i64, _>(1), 20);
        assert_eq!(
            scalar(
                &app,
                "SELECT COUNT(*) FROM agenda_items WHERE meeting_id = $1",
                s.meeting_id
            )
            .await,
            3
        );
        // The proposer sees the outcome.
        let page = text_with_status(member.get(&agenda).await, StatusCode::OK).await;
        assert!(page.contains("angenommen"), "{page}");
        assert!(
            page.contains("abgelehnt: Passt besser in die AG Sprache"),
            "{page}"
        );
        let audited = scalar(
            &app,
            "SELECT COUNT(*) FROM audit_log WHERE entity = 'agenda_proposal' AND network_id = $1",
            s.logins.network_id,
        )
        .await;
        assert_eq!(audited, 4);

        // No proposals for a cancelled meeting.
        let response = s
            .coordinator
            .post_form(&format!("{}/cancel", s.meeting), &[])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let response = member
            .post_form(
                &propose,
                &[("title", "Zu spät"), ("duration_minutes", "10")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        assert_eq!(scalar(&app, proposals, s.meeting_id).await, 2);
    }
);

backend_test!(
    a_held_meeting_records_attendance,
    |app: TestApp| async move {
        // Not before the start.
        let future = setup(&app, 24 * HOUR).await;
        let response = future
            .coordinator
            .post_form(&format!("{}/held", future.meeting), &[])
            .await;
        let page = text_with_status(response, StatusCode::CONFLICT).await;
        assert!(page.contains("noch nicht begonnen"), "{page}");

        let s = setup_second(&future).await;
        let second = format!("/networks/{}/meetings/{s}", future.logins.network_id);
        let held = format!("{second}/held");
        let response = future.coordinator.post_form(&held, &[]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let state: String = sqlx::query("SELECT state FROM meetings WHERE id = $1")
            .bind(s)
            .fetch_one(app.db().pool())
            .await
            .unwrap()
            .get(0);
        assert_eq!(state, "held");
        // Twice is refused.
        let response = future.coordinator.post_form(&held, &[]).await;
        assert_eq!(response.status(), StatusCode::CONFLICT);

        let people: Vec<i64> = sqlx::query(
            "SELECT DISTINCT p.id FROM people p JOIN memberships m ON m.organization_id = p.organization_id WHERE m.network_id = $1 ORDER BY p.id",
        )
        .bind(future.logins.network_id)
        .fetch_all(app.db().pool())
        .await
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
        assert!(people.len() >= 3);
        // Someone who registered is ticked before anything is recorded.
        sqlx::query(
            "INSERT INTO rsvps (meeting_id, person_id, response, answered_at) VALUES ($1, $2, 'yes', $3)",
        )
        .bind(s)
        .bind(people[2])
        .bind(ikon::core::store::now())
        .execute(app.db().pool())
        .await
        .unwrap();
        let path = format!("{second}/attendance");
        let page = text_with_status(future.coordinator.get(&path).await, StatusCode::OK).await;
        assert!(page.contains("<fieldset>"), "{page}");
        let ticked = |page: &str, id: i64| page.contains(&format!("value=\"{id}\" checked"));
        assert!(
            ticked(&page, people[2]) && !ticked(&page, people[0]),
            "{page}"
        );

        // A person outside the network is refused, nothing recorded.
        let response = future
            .coordinator
            .post_form(&path, &[("present", "999999")])
            .await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        assert_eq!(
            scalar(
                &app,
                "SELECT COUNT(*) FROM attendance WHERE meeting_id = $1",
                s
            )
            .await,
            0
        );

        let (a, b) = (people[0].to_string(), people[1].to_string());
        let response = future
            .coordinator
            .post_form(&path, &[("present", &a), ("present", &b)])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            scalar(
                &app,
                "SELECT COUNT(*) FROM attendance WHERE meeting_id = $1 AND present = 1",
                s
            )
            .await,
            2
        );
        assert_eq!(
            scalar(
                &app,
                "SELECT COUNT(*) FROM attendance WHERE meeting_id = $1",
                s
            )
            .await,
            people.len() as i64
        );
        let page = text_with_status(future.coordinator.get(&path).await, StatusCode::OK).await;
        assert!(page.contains("2 Personen waren anwesend"), "{page}");
        // What was recorded wins over the registrations.
        assert!(
            ticked(&page, people[0]) && !ticked(&page, people[2]),
            "{page}"
        );
        // Members do not record attendance.
        let member = member(&app, &future.logins).await;
        let response = member.post_form(&path, &[("present", &a)]).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
    }
);

/// A second meeting of the same network that started an hour ago.
async fn setup_second(s: &Setup) -> i64 {
    let now = ikon::core::store::now();
    let response = s
        .coordinator
        .post_form(
            &format!("/networks/{}/meetings", s.logins.network_id),
            &[
                ("title", "Herbstkonferenz"),
                ("starts_at", &format_local(now - HOUR)),
                ("ends_at", &format_local(now + HOUR)),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    id_from(&response)
}

async fn minutes_are_written_circulated_and_approved(backend: Backend) {
    let (app, sink) = TestApp::with_smtp(backend).await;
    let s = setup(&app, -2 * HOUR).await;
    let m = &s.meeting;
    let minutes = format!("{m}/minutes");
    let decisions = format!("{minutes}/decisions");
    let public_item = s.public_item.to_string();
    let internal_item = s.internal_item.to_string();

    // Nothing is written before the meeting is held.
    let response = s
        .coordinator
        .post_form(&minutes, &[("item_id", &public_item), ("notes", "zu früh")])
        .await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let response = s.coordinator.post_form(&format!("{m}/held"), &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);

    // The member is not the minute taker (yet): refused.
    let member = member(&app, &s.logins).await;
    let response = member
        .post_form(&minutes, &[("item_id", &public_item), ("notes", "Von mir")])
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    // Name as minute taker a contact person the member's account is
    // linked to (by an administrator; the address plays no part).
    let person: i64 = scalar(
        &app,
        "SELECT MIN(id) FROM people WHERE organization_id = $1",
        s.logins.member_organization_id,
    )
    .await;
    let (account, _) = ikon::accounts::store::user_by_email(app.db(), &s.logins.member.email)
        .await
        .unwrap()
        .unwrap();
    let mut tx = app.db().begin().await.unwrap();
    ikon::accounts::store::link_person(
        &mut tx,
        ikon::core::audit::Actor::System("test"),
        &account,
        Some(person),
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let now = ikon::core::store::now();
    let response = s
        .coordinator
        .post_form(
            m,
            &[
                ("title", "Frühjahrskonferenz"),
                ("starts_at", &format_local(now - 2 * HOUR)),
                ("ends_at", &format_local(now)),
                ("minute_taker_person_id", &person.to_string()),
                ("chair_person_id", &person.to_string()),
                ("is_public", "1"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    // Someone outside the member organisations cannot be named.
    let response = s
        .coordinator
        .post_form(
            m,
            &[
                ("title", "Frühjahrskonferenz"),
                ("chair_person_id", "999999"),
            ],
        )
        .await;
    text_with_status(response, StatusCode::UNPROCESSABLE_ENTITY).await;
    let name: String = sqlx::query("SELECT name FROM people WHERE id = $1")
        .bind(person)
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get(0);
    let page = text_with_status(s.coordinator.get(m).await, StatusCode::OK).await;
    assert!(
        page.contains(&format!("Protokoll</dt><dd>{name}")),
        "{page}"
    );

    let response = member
        .post_form(
            &minutes,
            &[
                ("item_id", &public_item),
                ("notes", "Die **VHS** berichtet über neue Kurse."),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let response = s
        .coordinator
        .post_form(
            &minutes,
            &[
                ("item_id", &internal_item),
                ("notes", "Vertraulicher Punkt"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);

    // Decisions: bad input is refused and stores nothing.
    let stored = "SELECT COUNT(*) FROM decisions WHERE agenda_item_id = $1";
    for fields in [
        vec![
            ("text", ""),
            ("votes_yes", ""),
            ("votes_no", ""),
            ("votes_abstain", ""),
        ],
        vec![
            ("text", "Angenommen"),
            ("votes_yes", "-1"),
            ("votes_no", "0"),
            ("votes_abstain", "0"),
        ],
        vec![
            ("text", "Angenommen"),
            ("votes_yes", "12"),
            ("votes_no", ""),
            ("votes_abstain", "1"),
        ],
    ] {
        let mut all = fields.clone();
        all.push(("item_id", public_item.as_str()));
        let response = member.post_form(&decisions, &all).await;
        let page = text_with_status(response, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert!(page.contains("aria-invalid=\"true\""), "{fields:?}");
    }
    assert_eq!(scalar(&app, stored, s.public_item).await, 0);
    let response = member
        .post_form(
            &decisions,
            &[
                ("item_id", &public_item),
                ("text", "Das Netzwerk unterstützt zwei neue Sprachcafés."),
                ("votes_yes", "14"),
                ("votes_no", "1"),
                ("votes_abstain", "2"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let response = s
        .coordinator
        .post_form(
            &decisions,
            &[
                ("item_id", &public_item),
                ("text", "Bericht zur Kenntnis genommen."),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let votes = sqlx::query(
        "SELECT votes_yes, votes_no, votes_abstain FROM decisions WHERE agenda_item_id = $1 ORDER BY position",
    )
    .bind(s.public_item)
    .fetch_all(app.db().pool())
    .await
    .unwrap();
    assert_eq!(votes.len(), 2);
    assert_eq!(
        (
            votes[0].get::<Option<i64>, _>(0),
            votes[0].get::<Option<i64>, _>(1),
            votes[0].get::<Option<i64>, _>(2)
        ),
        (Some(14), Some(1), Some(2))
    );
    assert_eq!(votes[1].get::<Option<i64>, _>(0), None);

    // Circulate: one mail per member contact with an address.
    let recipients = scalar(
        &app,
        "SELECT COUNT(DISTINCT p.id) FROM people p JOIN memberships m ON m.organization_id = p.organization_id WHERE m.network_id = $1 AND p.email <> ''",
        s.logins.network_id,
    )
    .await as usize;
    assert!(recipients > 1);
    let response = s
        .coordinator
        .post_form(&format!("{minutes}/circulate"), &[])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    app.run_jobs().await;
    let messages = sink.wait_for(recipients).await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(sink.messages().len(), recipients);
    for message in &messages {
        assert!(
            message.contains("Protokollentwurf zur Kommentierung"),
            "{message}"
        );
        assert!(
            body_text(message).contains(&format!("{}{minutes}", app.base)),
            "{message}"
        );
    }
    let mut to: Vec<String> = messages
        .iter()
        .filter_map(|m| m.lines().find(|l| l.starts_with("To:")).map(str::to_string))
        .collect();
    to.sort();
    to.dedup();
    assert_eq!(to.len(), recipients, "one mail per person");

    // Members comment on the circulated draft.
    let response = member
        .post_form(
            &format!("{minutes}/comments"),
            &[("body", "Bitte Punkt 1 ergänzen.")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let response = member
        .post_form(&format!("{minutes}/comments"), &[("body", "")])
        .await;
    text_with_status(response, StatusCode::UNPROCESSABLE_ENTITY).await;
    let page = text_with_status(member.get(&minutes).await, StatusCode::OK).await;
    assert!(page.contains("Bitte Punkt 1 ergänzen."), "{page}");
    assert!(page.contains("<strong>VHS</strong>"), "{page}");
    assert!(page.contains("Ja 14, Nein 1, Enthaltung 2"), "{page}");

    // Only the coordinator approves; then nothing changes any more.
    let response = member.post_form(&format!("{minutes}/approve"), &[]).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let response = s
        .coordinator
        .post_form(&format!("{minutes}/approve"), &[])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let row =
        sqlx::query("SELECT state, minutes_state, minutes_approved_at FROM meetings WHERE id = $1")
            .bind(s.meeting_id)
            .fetch_one(app.db().pool())
            .await
            .unwrap();
    assert_eq!(row.get::<String, _>(0), "minutes_approved");
    assert_eq!(row.get::<String, _>(1), "approved");
    assert!(row.get::<Option<i64>, _>(2).is_some());
    let response = s
        .coordinator
        .post_form(
            &minutes,
            &[("item_id", &public_item), ("notes", "Nachträglich")],
        )
        .await;
    let page = text_with_status(response, StatusCode::CONFLICT).await;
    assert!(page.contains("genehmigt"), "{page}");
    let response = member
        .post_form(
            &decisions,
            &[("item_id", &public_item), ("text", "Noch einer")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let response = member
        .post_form(&format!("{minutes}/comments"), &[("body", "Zu spät")])
        .await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(scalar(&app, stored, s.public_item).await, 2);
    let notes: String = sqlx::query("SELECT notes FROM item_minutes WHERE agenda_item_id = $1")
        .bind(s.public_item)
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get(0);
    assert!(notes.contains("VHS"));

    // Visibility: members only, until the network publishes minutes;
    // then the public sees the public items, never the internal ones.
    let anonymous = app.new_browser();
    let response = anonymous.get(&minutes).await;
    assert!(to_login(&response), "{:?}", response.status());
    let page = text_with_status(member.get(&minutes).await, StatusCode::OK).await;
    assert!(page.contains("Personalangelegenheiten") && page.contains("Vertraulicher Punkt"));
    let response = s
        .coordinator
        .post_form(&format!("{minutes}/visibility"), &[("minutes_public", "1")])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let page = text_with_status(anonymous.get(&minutes).await, StatusCode::OK).await;
    assert!(page.contains("Sprachkurse im Landkreis"), "{page}");
    assert!(page.contains("zwei neue Sprachcafés"), "{page}");
    assert!(!page.contains("Personalangelegenheiten"), "{page}");
    assert!(!page.contains("Vertraulicher Punkt"), "{page}");
    assert!(!page.contains("Bitte Punkt 1 ergänzen."), "{page}");

    // The minute taker's export holds their comment and attendance rows.
    let export = text_with_status(
        s.coordinator.get(&format!("/people/{person}/export")).await,
        StatusCode::OK,
    )
    .await;
    assert!(export.contains("Bitte Punkt 1 ergänzen."), "{export}");
    assert!(export.contains("\"attendance\""), "{export}");
    app.stop().await;
}
both_backends!(minutes_are_written_circulated_and_approved);

/// The new pages pass axe-core's WCAG 2.1 AA rules and do not scroll
/// sideways on a phone, with content on them (SQLite only: slow).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_pages_are_accessible() {
    let app = TestApp::start(Backend::Sqlite).await;
    let s = setup(&app, -HOUR).await;
    let m = &s.meeting;
    let response = upload(
        &s.coordinator,
        m,
        s.public_item,
        "Bericht.pdf",
        b"%PDF-1.7\n".to_vec(),
    )
    .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let member = member(&app, &s.logins).await;
    let response = member
        .post_form(
            &format!("{m}/proposals"),
            &[("title", "Ehrenamtsbörse"), ("duration_minutes", "20")],
        )
        .await;
    // The meeting has started but is not held yet: proposals still open.
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let response = s.coordinator.post_form(&format!("{m}/held"), &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let item = s.public_item.to_string();
    let response = s
        .coordinator
        .post_form(
            &format!("{m}/minutes/decisions"),
            &[
                ("item_id", &item),
                ("text", "Angenommen"),
                ("votes_yes", "3"),
                ("votes_no", "0"),
                ("votes_abstain", "1"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);

    let Some(chrome) = crate::common::browser::Chrome::start(&app.base).await else {
        return;
    };
    chrome
        .sign_in(&s.logins.coordinator.email, &s.logins.coordinator.password)
        .await;
    let mut problems = Vec::new();
    for path in [
        m.to_string(),
        format!("{m}/edit"),
        format!("{m}/agenda"),
        format!("{m}/attendance"),
        format!("{m}/minutes"),
    ] {
        problems.extend(chrome.problems(&path).await);
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
