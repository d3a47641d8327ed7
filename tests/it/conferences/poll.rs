//! The date poll: options validated, answers through personal links.

use super::*;

backend_test!(
    poll_options_are_validated_and_errors_change_nothing,
    |app: TestApp| async move {
        let (network_id, browser) = coordinator(&app).await;
        let id = new_meeting(&browser, network_id, &[("title", "Konferenz")]).await;
        let options = format!("/networks/{network_id}/meetings/{id}/poll/options");
        let now = ikon::core::store::now();
        let at = |days: i64, hours: i64| format_local(now + days * DAY + hours * 3600);
        let first = browser
            .post_form(
                &options,
                &[("starts_at", &at(10, 0)), ("ends_at", &at(10, 3))],
            )
            .await;
        assert_eq!(first.status(), StatusCode::SEE_OTHER);

        let cases = [
            (
                at(-2, 0),
                at(-2, 3),
                "Der Beginn liegt in der Vergangenheit.",
            ),
            (
                at(12, 3),
                at(12, 1),
                "Das Ende muss nach dem Beginn liegen.",
            ),
            (at(10, 2), at(10, 5), "überschneidet sich"),
            (at(10, -1), at(10, 1), "überschneidet sich"),
            (String::new(), at(12, 1), "Bitte ausfüllen."),
        ];
        for (start, end, message) in cases {
            let response = browser
                .post_form(&options, &[("starts_at", &start), ("ends_at", &end)])
                .await;
            let page = text_with_status(response, StatusCode::UNPROCESSABLE_ENTITY).await;
            assert!(page.contains(message), "{message}: {page}");
            assert!(page.contains("aria-invalid=\"true\""));
        }
        assert_eq!(
            count(
                &app,
                "SELECT COUNT(*) FROM poll_options WHERE meeting_id = $1",
                id
            )
            .await,
            1
        );
        // Right after the first one is fine.
        let adjacent = browser
            .post_form(
                &options,
                &[("starts_at", &at(10, 3)), ("ends_at", &at(10, 5))],
            )
            .await;
        assert_eq!(adjacent.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            count(
                &app,
                "SELECT COUNT(*) FROM poll_options WHERE meeting_id = $1",
                id
            )
            .await,
            2
        );
    }
);

fn poll_links(messages: &[String], base: &str) -> Vec<(String, String)> {
    messages
        .iter()
        .map(|m| {
            let text = body_text(m);
            let to = text
                .lines()
                .find_map(|l| l.strip_prefix("To: "))
                .expect("To header")
                .trim()
                .to_string();
            let prefix = format!("{base}/p/");
            let start = text.find(&prefix).expect("personal link in the mail");
            let link = text[start..].split_whitespace().next().unwrap();
            (to, link.trim_start_matches(base).to_string())
        })
        .collect()
}

async fn poll_through_personal_links(backend: Backend) {
    let (app, sink) = TestApp::with_smtp(backend).await;
    let (network_id, browser) = coordinator(&app).await;
    let id = new_meeting(&browser, network_id, &[("title", "Sommerkonferenz")]).await;
    let now = ikon::core::store::now();
    let at = |days: i64, hours: i64| format_local(now + days * DAY + hours * 3600);
    let options = format!("/networks/{network_id}/meetings/{id}/poll/options");
    for day in [14, 21] {
        let r = browser
            .post_form(
                &options,
                &[("starts_at", &at(day, 0)), ("ends_at", &at(day, 3))],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
    }
    let option_ids: Vec<i64> =
        sqlx::query("SELECT id FROM poll_options WHERE meeting_id = $1 ORDER BY starts_at")
            .bind(id)
            .fetch_all(app.db().pool())
            .await
            .unwrap()
            .iter()
            .map(|r| r.get(0))
            .collect();

    let sent = browser
        .post_form(
            &format!("/networks/{network_id}/meetings/{id}/poll/send"),
            &[],
        )
        .await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    let expected = count(
        &app,
        "SELECT COUNT(DISTINCT p.id) FROM people p JOIN memberships m ON m.organization_id = p.organization_id WHERE m.network_id = $1 AND p.email <> ''",
        network_id,
    )
    .await as usize;
    assert!(expected > 1);
    app.run_jobs().await;
    let messages = sink.wait_for(expected).await;
    assert_eq!(messages.len(), expected);
    let links = poll_links(&messages, &app.base);
    let mut distinct: Vec<&String> = links.iter().map(|(_, l)| l).collect();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), expected, "one link per person");
    // Only hashes are stored.
    let token = links[0].1.trim_start_matches("/p/");
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM personal_links WHERE meeting_id = $1",
            id
        )
        .await as usize,
        expected
    );
    let stored = sqlx::query("SELECT COUNT(*) FROM personal_links WHERE token_hash = $1")
        .bind(token)
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get::<i64, _>(0);
    assert_eq!(stored, 0);

    // The first recipient answers without an account.
    let (first_to, first_link) = &links[0];
    let anonymous = app.new_browser();
    let page = text_with_status(anonymous.get(first_link).await, StatusCode::OK).await;
    assert!(page.contains("Sommerkonferenz"));
    assert!(page.contains("<legend>") && page.contains("Wenn nötig"));
    let (f1, f2) = (format!("o{}", option_ids[0]), format!("o{}", option_ids[1]));
    let bad = anonymous
        .post_form(first_link, &[(&f1, "vielleicht")])
        .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM poll_answers a JOIN poll_options o ON o.id = a.option_id WHERE o.meeting_id = $1", id).await, 0);
    // Without the CSRF token nothing is saved.
    let forged = anonymous
        .client
        .post(app.url(first_link))
        .form(&[(f1.as_str(), "yes")])
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    let saved = anonymous
        .post_form(first_link, &[(&f1, "yes"), (&f2, "maybe")])
        .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let page = text_with_status(anonymous.get(first_link).await, StatusCode::OK).await;
    assert!(
        page.contains(&format!(
            "id=\"{f1}-yes\" name=\"{f1}\" value=\"yes\" checked"
        )),
        "{page}"
    );
    assert!(page.contains(&format!(
        "id=\"{f2}-maybe\" name=\"{f2}\" value=\"maybe\" checked"
    )));
    // A second person: no on the first, yes on the second.
    let (_, second_link) = &links[1];
    let other = app.new_browser();
    let other_page = text_with_status(other.get(second_link).await, StatusCode::OK).await;
    assert!(
        !other_page.contains(" checked"),
        "one person's link shows nobody else's answers"
    );
    other
        .post_form(second_link, &[(&f1, "no"), (&f2, "yes")])
        .await;

    // Unknown and expired links are a 404 with a clear message.
    let page = text_with_status(
        anonymous.get("/p/not-a-real-token").await,
        StatusCode::NOT_FOUND,
    )
    .await;
    assert!(page.contains("ungültig oder abgelaufen"));
    sqlx::query("UPDATE personal_links SET expires_at = $1 WHERE token_hash = $2")
        .bind(ikon::core::store::now() - 1)
        .bind(ikon::accounts::secrets::token_hash(
            links[2].1.trim_start_matches("/p/"),
        ))
        .execute(app.db().pool())
        .await
        .unwrap();
    assert_eq!(
        app.new_browser().get(&links[2].1).await.status(),
        StatusCode::NOT_FOUND
    );

    // The coordinator sees the matrix and fixes the second date.
    let page = text_with_status(
        browser
            .get(&format!("/networks/{network_id}/meetings/{id}"))
            .await,
        StatusCode::OK,
    )
    .await;
    assert!(page.contains("ja 1 · wenn nötig 0 · nein 1"), "{page}");
    assert!(page.contains("ja 1 · wenn nötig 1 · nein 0"), "{page}");
    let first_name: String = sqlx::query("SELECT name FROM people WHERE email = $1")
        .bind(
            first_to
                .trim_matches(['<', '>'])
                .rsplit('<')
                .next()
                .unwrap()
                .trim_end_matches('>'),
        )
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get(0);
    assert!(
        page.contains(&first_name.replace('&', "&amp;")),
        "who answered what"
    );
    let unknown = browser
        .post_form(
            &format!("/networks/{network_id}/meetings/{id}/poll/choose"),
            &[("option_id", "999999")],
        )
        .await;
    assert_eq!(unknown.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let chosen = browser
        .post_form(
            &format!("/networks/{network_id}/meetings/{id}/poll/choose"),
            &[("option_id", &option_ids[1].to_string())],
        )
        .await;
    assert_eq!(chosen.status(), StatusCode::SEE_OTHER);
    let starts_at: Option<i64> = sqlx::query("SELECT starts_at FROM meetings WHERE id = $1")
        .bind(id)
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get(0);
    assert_eq!(starts_at.map(format_local), Some(at(21, 0)));
    // The poll is closed now.
    let late = anonymous.post_form(first_link, &[(&f1, "no")]).await;
    assert_eq!(late.status(), StatusCode::CONFLICT);
    let page = text_with_status(anonymous.get(first_link).await, StatusCode::OK).await;
    assert!(page.contains("abgeschlossen"));
}

both_backends!(poll_through_personal_links);
