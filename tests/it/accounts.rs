//! Accounts: first-run setup, sign-in with throttling, password reset by
//! e-mail through a real SMTP server, API tokens, invitations.

use ikon::accounts::model::Role;
use reqwest::StatusCode;

use crate::common::{
    Backend, Options, TestApp,
    smtp::{SmtpSink, body_text},
    text_with_status,
};
use crate::{backend_test, both_backends};

fn link_in(message: &str, prefix: &str) -> String {
    let text = body_text(message);
    let start = text.find(prefix).expect("link in mail");
    text[start..].split_whitespace().next().unwrap().to_string()
}

backend_test!(
    setup_link_creates_the_first_admin_once,
    |app: TestApp| async move {
        let link = ikon::accounts::setup::setup_link(app.db(), &app.app.config)
            .await
            .unwrap()
            .unwrap();
        let path = link.trim_start_matches(&app.base).to_string();
        let browser = app.browser();
        text_with_status(browser.get(&path).await, StatusCode::OK).await;

        let short = browser
            .post_form(
                &path,
                &[
                    ("name", "Ada"),
                    ("email", "ada@example.org"),
                    ("password", "short"),
                    ("password_confirm", "short"),
                ],
            )
            .await;
        let html = text_with_status(short, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert!(html.contains("mindestens 10 Zeichen"), "{html}");
        assert!(!ikon::accounts::store::admin_exists(app.db()).await.unwrap());

        let ok = browser
            .post_form(
                &path,
                &[
                    ("name", "Ada"),
                    ("email", "Ada@Example.org"),
                    ("password", "a long passphrase"),
                    ("password_confirm", "a long passphrase"),
                ],
            )
            .await;
        assert_eq!(ok.status(), StatusCode::SEE_OTHER);
        let users = text_with_status(browser.get("/admin/users").await, StatusCode::OK).await;
        assert!(users.contains("ada@example.org"));

        // The link is spent, and no new one is issued once an admin exists.
        assert_eq!(
            app.new_browser().get(&path).await.status(),
            StatusCode::NOT_FOUND
        );
        assert!(
            ikon::accounts::setup::setup_link(app.db(), &app.app.config)
                .await
                .unwrap()
                .is_none()
        );
    }
);

backend_test!(
    login_fails_politely_and_is_throttled,
    |app: TestApp| async move {
        let (email, password) = app.user("coord@example.org", Role::Admin).await;
        let browser = app.browser();
        let wrong = browser
            .post_form(
                "/login",
                &[("email", &email), ("password", "wrong password")],
            )
            .await;
        let html = text_with_status(wrong, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert!(html.contains("E-Mail-Adresse oder Passwort ist falsch"));
        // An unknown account gets the very same answer.
        let unknown = browser
            .post_form(
                "/login",
                &[("email", "nobody@example.org"), ("password", "x")],
            )
            .await;
        assert_eq!(unknown.status(), StatusCode::UNPROCESSABLE_ENTITY);

        for _ in 0..4 {
            browser
                .post_form(
                    "/login",
                    &[("email", &email), ("password", "wrong password")],
                )
                .await;
        }
        // Five failures: even the right password is refused for a while.
        let blocked = browser
            .post_form("/login", &[("email", &email), ("password", &password)])
            .await;
        assert_eq!(blocked.status(), StatusCode::TOO_MANY_REQUESTS);
    }
);

backend_test!(sessions_sign_in_and_out, |app: TestApp| async move {
    let (email, password) = app.user("admin@example.org", Role::Admin).await;
    let browser = app.browser();
    assert_eq!(
        browser.get("/account").await.status(),
        StatusCode::SEE_OTHER
    );
    let response = browser
        .post_form(
            "/login",
            &[
                ("email", &email),
                ("password", &password),
                ("next", "/admin/users"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(response.headers()["location"], "/admin/users");
    let cookie = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|c| c.starts_with("ikon_session="))
        .unwrap();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    assert!(!cookie.contains("Secure"), "plain http base URL: {cookie}");
    let page = text_with_status(browser.get("/account").await, StatusCode::OK).await;
    assert!(page.contains(&email));
    assert_eq!(
        browser.post_form("/logout", &[]).await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        browser.get("/account").await.status(),
        StatusCode::SEE_OTHER
    );
    // An open redirect after login is not followed.
    let response = browser
        .post_form(
            "/login",
            &[
                ("email", &email),
                ("password", &password),
                ("next", "//evil.example/"),
            ],
        )
        .await;
    assert_eq!(response.headers()["location"], "/");
});

backend_test!(
    api_tokens_authenticate_until_revoked,
    |app: TestApp| async move {
        let (email, password) = app.user("api@example.org", Role::Admin).await;
        let browser = app.browser();
        browser.login(&email, &password).await;
        let page = text_with_status(
            browser
                .post_form("/account/tokens", &[("name", "Kreis-Website")])
                .await,
            StatusCode::OK,
        )
        .await;
        let start = page.find("ikon_").expect("token shown once");
        let token: String = page[start..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
            .collect();

        let anonymous = app.new_browser();
        assert_eq!(
            anonymous.get("/api/v1/me").await.status(),
            StatusCode::UNAUTHORIZED
        );
        let me = anonymous
            .client
            .get(app.url("/api/v1/me"))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        assert_eq!(me.status(), StatusCode::OK);
        let me: serde_json::Value = me.json().await.unwrap();
        assert_eq!(me["email"], "api@example.org");
        assert_eq!(me["role"], "admin");

        let again = text_with_status(browser.get("/account").await, StatusCode::OK).await;
        assert!(!again.contains(&token), "a token is shown only once");
        let id_start = again.find("/account/tokens/").unwrap() + "/account/tokens/".len();
        let id: String = again[id_start..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        assert_eq!(
            browser
                .post_form(&format!("/account/tokens/{id}/revoke"), &[])
                .await
                .status(),
            StatusCode::SEE_OTHER
        );
        let revoked = anonymous
            .client
            .get(app.url("/api/v1/me"))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        assert_eq!(revoked.status(), StatusCode::UNAUTHORIZED);
        let body: serde_json::Value = revoked.json().await.unwrap();
        assert_eq!(body["code"], "invalid_token");
    }
);

async fn reset_by_mail(backend: Backend) {
    let (app, sink) = TestApp::with_smtp(backend).await;
    let (email, _) = app.user("reset@example.org", Role::Admin).await;
    let browser = app.new_browser();
    let page = text_with_status(
        browser
            .post_form("/password/forgot", &[("email", &email)])
            .await,
        StatusCode::OK,
    )
    .await;
    assert!(page.contains("Link"));
    // Unknown addresses get the same page and no mail.
    browser
        .post_form("/password/forgot", &[("email", "unknown@example.org")])
        .await;
    app.run_jobs().await;
    let messages = sink.wait_for(1).await;
    assert_eq!(messages.len(), 1);
    assert!(messages[0].contains("reset@example.org"));
    let link = link_in(&messages[0], &format!("{}/password/reset/", app.base));
    let path = link.trim_start_matches(&app.base).to_string();

    let mismatch = browser
        .post_form(
            &path,
            &[
                ("password", "new passphrase 1"),
                ("password_confirm", "other"),
            ],
        )
        .await;
    assert_eq!(mismatch.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let done = browser
        .post_form(
            &path,
            &[
                ("password", "new passphrase 1"),
                ("password_confirm", "new passphrase 1"),
            ],
        )
        .await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    app.new_browser().login(&email, "new passphrase 1").await;
    assert_eq!(
        browser.get(&path).await.status(),
        StatusCode::NOT_FOUND,
        "links work once"
    );
}

both_backends!(reset_by_mail);

/// A mail server that is down delays mail but loses none.
async fn mail_survives_an_outage(backend: Backend) {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let app = TestApp::start_with(
        backend,
        Options {
            smtp_port: Some(port),
        },
    )
    .await;
    let (email, _) = app.user("outage@example.org", Role::Admin).await;
    app.new_browser()
        .post_form("/password/forgot", &[("email", &email)])
        .await;
    app.run_jobs().await;
    let health: serde_json::Value = app.get("/healthz").await.json().await.unwrap();
    assert_eq!(health["jobs_pending"], 1, "{health}");

    let sink = SmtpSink::start_on(port, &[]);
    sqlx::query("UPDATE jobs SET run_at = 0")
        .execute(app.db().pool())
        .await
        .unwrap();
    app.run_jobs().await;
    let messages = sink.wait_for(1).await;
    assert!(messages[0].contains("outage@example.org"));
    let health: serde_json::Value = app.get("/healthz").await.json().await.unwrap();
    assert_eq!(health["jobs_pending"], 0);
}

both_backends!(mail_survives_an_outage);

async fn invitation(backend: Backend) {
    let (app, sink) = TestApp::with_smtp(backend).await;
    let (email, password) = app.user("boss@example.org", Role::Admin).await;
    let admin = app.browser();
    admin.login(&email, &password).await;
    let bad = admin
        .post_form(
            "/admin/users/new",
            &[
                ("name", "Eve"),
                ("email", "eve@example.org"),
                ("role", "supervisor"),
                ("region_key", "99"),
            ],
        )
        .await;
    let html = text_with_status(bad, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert!(html.contains("Regierungsbezirk"), "{html}");
    let ok = admin
        .post_form(
            "/admin/users/new",
            &[
                ("name", "Eve"),
                ("email", "eve@example.org"),
                ("role", "admin"),
            ],
        )
        .await;
    assert_eq!(ok.status(), StatusCode::SEE_OTHER);
    app.run_jobs().await;
    let messages = sink.wait_for(1).await;
    let link = link_in(&messages[0], &format!("{}/password/reset/", app.base));
    let eve = app.new_browser();
    let path = link.trim_start_matches(&app.base).to_string();
    eve.post_form(
        &path,
        &[
            ("password", "eve's passphrase"),
            ("password_confirm", "eve's passphrase"),
        ],
    )
    .await;
    eve.login("eve@example.org", "eve's passphrase").await;
    let audit = text_with_status(admin.get("/admin/audit").await, StatusCode::OK).await;
    assert!(
        audit.contains("eve@example.org") && audit.contains("set_password"),
        "{audit}"
    );
}

both_backends!(invitation);
