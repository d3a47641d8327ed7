//! Invitations with iCalendar, and the public calendar feed.

use super::*;

/// Parses the message's text/calendar attachment with Python's `icalendar`
/// (tests/support/check_ics.py) and returns what it found.
fn check_ics(message: &str) -> serde_json::Value {
    use std::io::Write;
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/support/check_ics.py");
    let mut child = std::process::Command::new("python3")
        .arg(script)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::inherit())
        .spawn()
        .expect("python3 runs (pip install -r tests/support/requirements.txt)");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(message.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "check_ics.py failed");
    serde_json::from_slice(&output.stdout).unwrap()
}

fn link_with(message: &str, prefix: &str) -> String {
    let text = body_text(message);
    let start = text.find(prefix).expect("personal link in the mail");
    text[start..].split_whitespace().next().unwrap().to_string()
}

async fn invitation_with_icalendar(backend: Backend) {
    let (app, sink) = TestApp::with_smtp(backend).await;
    let (network_id, browser) = coordinator(&app).await;
    let now = ikon::core::store::now();
    // No date yet: nothing to invite to.
    let undated = new_meeting(&browser, network_id, &[("title", "Ohne Termin")]).await;
    let refused = browser
        .post_form(
            &format!("/networks/{network_id}/meetings/{undated}/invite"),
            &[],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::CONFLICT);

    let start = format_local(now + 30 * DAY);
    let end = format_local(now + 30 * DAY + 3 * 3600);
    let title = "Integrationskonferenz Neustadt a.d.Aisch-Bad Windsheim – Frühjahrssitzung mit Fachforum Übergänge";
    let id = new_meeting(
        &browser,
        network_id,
        &[
            ("title", title),
            ("starts_at", &start),
            ("ends_at", &end),
            (
                "location",
                "Landratsamt, Sitzungssaal 1; Konrad-Adenauer-Str. 1",
            ),
            ("is_public", "1"),
        ],
    )
    .await;
    let recipients = count(
        &app,
        "SELECT COUNT(DISTINCT p.id) FROM people p JOIN memberships m ON m.organization_id = p.organization_id WHERE m.network_id = $1 AND p.email <> ''",
        network_id,
    )
    .await as usize;

    let invited = browser
        .post_form(&format!("/networks/{network_id}/meetings/{id}/invite"), &[])
        .await;
    assert_eq!(invited.status(), StatusCode::SEE_OTHER);
    let again = browser
        .post_form(&format!("/networks/{network_id}/meetings/{id}/invite"), &[])
        .await;
    assert_eq!(
        again.status(),
        StatusCode::CONFLICT,
        "an invitation goes out once"
    );
    app.run_jobs().await;
    let messages = sink.wait_for(recipients).await;
    assert_eq!(messages.len(), recipients);
    let first = &messages[0];
    assert!(first.contains("multipart/mixed"));
    let ics = check_ics(first);
    assert_eq!(ics["method"], "REQUEST");
    assert_eq!(ics["version"], "2.0");
    assert!(
        ics["content_type"]
            .as_str()
            .unwrap()
            .starts_with("text/calendar")
    );
    assert_eq!(ics["filename"], "einladung.ics");
    assert_eq!(ics["crlf_only"], true, "{ics}");
    assert!(ics["max_line_octets"].as_u64().unwrap() <= 75, "{ics}");
    assert_eq!(ics["sequence"], 0);
    let uid = ics["uid"].as_str().unwrap().to_string();
    assert!(uid.len() > 20);
    assert!(ics["dtstamp"].is_string());
    let starts_at = ikon::conferences::model::parse_local(&start).unwrap();
    let expected_start = chrono::DateTime::<chrono::Utc>::from_timestamp(starts_at, 0).unwrap();
    assert_eq!(ics["dtstart"], expected_start.to_rfc3339());
    assert_eq!(ics["tz"], "UTC");
    assert_eq!(ics["summary"], title);
    assert_eq!(
        ics["location"],
        "Landratsamt, Sitzungssaal 1; Konrad-Adenauer-Str. 1"
    );
    assert_eq!(ics["organizer"], "mailto:ikon@localhost");
    let to = body_text(first)
        .lines()
        .find_map(|l| l.strip_prefix("To: ").map(str::to_string))
        .unwrap();
    let address = to
        .trim()
        .rsplit('<')
        .next()
        .unwrap()
        .trim_end_matches('>')
        .to_string();
    assert_eq!(ics["attendee"], format!("mailto:{address}"));
    assert_eq!(ics["rsvp"], "TRUE");
    assert_eq!(ics["status"], "CONFIRMED");
    // The mail text has the details and a personal link to answer.
    assert!(body_text(first).contains("Sitzungssaal"));

    // Register and decline through the links, without an account.
    let prefix = format!("{}/r/", app.base);
    let yes_link = link_with(&messages[0], &prefix)
        .trim_start_matches(&app.base)
        .to_string();
    let no_link = link_with(&messages[1], &prefix)
        .trim_start_matches(&app.base)
        .to_string();
    assert_ne!(yes_link, no_link);
    let anonymous = app.new_browser();
    let page = text_with_status(anonymous.get(&yes_link).await, StatusCode::OK).await;
    assert!(page.contains("<legend>") && page.contains("Sitzungssaal"));
    let bad = anonymous
        .post_form(&yes_link, &[("response", "gern")])
        .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        anonymous
            .post_form(&yes_link, &[("response", "yes")])
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    let page = text_with_status(anonymous.get(&yes_link).await, StatusCode::OK).await;
    assert!(page.contains("Sie sind angemeldet."));
    let other = app.new_browser();
    assert_eq!(
        other
            .post_form(&no_link, &[("response", "no")])
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        app.new_browser().get("/r/not-a-real-token").await.status(),
        StatusCode::NOT_FOUND
    );
    // A poll link is no RSVP link.
    let poll_like = yes_link.replacen("/r/", "/p/", 1);
    assert_eq!(
        app.new_browser().get(&poll_like).await.status(),
        StatusCode::NOT_FOUND
    );
    let page = text_with_status(
        browser
            .get(&format!("/networks/{network_id}/meetings/{id}"))
            .await,
        StatusCode::OK,
    )
    .await;
    assert!(page.contains("Angemeldet: 1 · Abgesagt: 1"), "{page}");

    // A changed place: the update carries the same UID and SEQUENCE 1.
    let later_end = format_local(now + 30 * DAY + 4 * 3600);
    let edited = browser
        .post_form(
            &format!("/networks/{network_id}/meetings/{id}"),
            &[
                ("title", title),
                ("starts_at", &start),
                ("ends_at", &later_end),
                ("location", "Bad Windsheim, Kurhaus"),
                ("is_public", "1"),
            ],
        )
        .await;
    assert_eq!(edited.status(), StatusCode::SEE_OTHER);
    let updated = browser
        .post_form(
            &format!("/networks/{network_id}/meetings/{id}/update-invitation"),
            &[],
        )
        .await;
    assert_eq!(updated.status(), StatusCode::SEE_OTHER);
    app.run_jobs().await;
    let messages = sink.wait_for(2 * recipients).await;
    let ics = check_ics(&messages[recipients]);
    assert_eq!(ics["method"], "REQUEST");
    assert_eq!(ics["uid"], uid.as_str());
    assert_eq!(ics["sequence"], 1);
    assert_eq!(ics["location"], "Bad Windsheim, Kurhaus");

    // Cancelled: METHOD:CANCEL with the next sequence, and no more answers.
    let cancelled = browser
        .post_form(&format!("/networks/{network_id}/meetings/{id}/cancel"), &[])
        .await;
    assert_eq!(cancelled.status(), StatusCode::SEE_OTHER);
    app.run_jobs().await;
    let messages = sink.wait_for(3 * recipients).await;
    assert_eq!(messages.len(), 3 * recipients);
    let ics = check_ics(&messages[2 * recipients]);
    assert_eq!(ics["method"], "CANCEL");
    assert_eq!(ics["uid"], uid.as_str());
    assert_eq!(ics["sequence"], 2);
    assert_eq!(ics["status"], "CANCELLED");
    assert_eq!(
        anonymous
            .post_form(&yes_link, &[("response", "no")])
            .await
            .status(),
        StatusCode::CONFLICT
    );
    let state: String = sqlx::query("SELECT state FROM meetings WHERE id = $1")
        .bind(id)
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get(0);
    assert_eq!(state, "cancelled");
    let again = browser
        .post_form(&format!("/networks/{network_id}/meetings/{id}/cancel"), &[])
        .await;
    assert_eq!(again.status(), StatusCode::CONFLICT);
}

both_backends!(invitation_with_icalendar);

backend_test!(
    calendar_feed_lists_only_public_dated_meetings,
    |app: TestApp| async move {
        let (network_id, browser) = coordinator(&app).await;
        let now = ikon::core::store::now();
        let (s, e) = (
            format_local(now + 5 * DAY),
            format_local(now + 5 * DAY + 3600),
        );
        new_meeting(
            &browser,
            network_id,
            &[
                ("title", "Öffentliche Konferenz"),
                ("starts_at", &s),
                ("ends_at", &e),
                ("is_public", "1"),
            ],
        )
        .await;
        new_meeting(
            &browser,
            network_id,
            &[
                ("title", "Interne Runde"),
                ("starts_at", &s),
                ("ends_at", &e),
            ],
        )
        .await;
        new_meeting(
            &browser,
            network_id,
            &[("title", "Termin offen"), ("is_public", "1")],
        )
        .await;
        let cancelled = new_meeting(
            &browser,
            network_id,
            &[
                ("title", "Abgesagte Konferenz"),
                ("starts_at", &s),
                ("ends_at", &e),
                ("is_public", "1"),
            ],
        )
        .await;
        browser
            .post_form(
                &format!("/networks/{network_id}/meetings/{cancelled}/cancel"),
                &[],
            )
            .await;

        let response = app
            .new_browser()
            .get(&format!("/networks/{network_id}/meetings.ics"))
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        assert!(
            response.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/calendar")
        );
        let body = response.text().await.unwrap();
        assert!(body.starts_with("BEGIN:VCALENDAR\r\n") && body.ends_with("END:VCALENDAR\r\n"));
        assert!(!body.contains("METHOD:"));
        assert_eq!(body.matches("BEGIN:VEVENT").count(), 1, "{body}");
        assert!(body.contains("SUMMARY:Öffentliche Konferenz"));
        assert!(
            !body.contains("Interne")
                && !body.contains("Termin offen")
                && !body.contains("Abgesagte")
        );
        assert!(body.split("\r\n").all(|l| l.len() <= 75));
        assert_eq!(
            app.new_browser()
                .get("/networks/999999/meetings.ics")
                .await
                .status(),
            StatusCode::NOT_FOUND
        );
    }
);
