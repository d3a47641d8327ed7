//! The web shell: health, security headers, assets, errors, languages.

use crate::backend_test;
use crate::common::TestApp;
use reqwest::StatusCode;

backend_test!(healthz_names_the_backend, |app: TestApp| async move {
    let response = app.get("/healthz").await;
    assert_eq!(response.status(), StatusCode::OK);
    let body: serde_json::Value = response.json().await.unwrap();
    let expected = match app.db().backend() {
        ikon::core::store::Backend::Sqlite => "sqlite",
        ikon::core::store::Backend::Postgres => "postgres",
    };
    assert_eq!(body["database"], expected);
    assert_eq!(body["status"], "ok");
});

backend_test!(pages_carry_security_headers, |app: TestApp| async move {
    let response = app.get("/").await;
    assert_eq!(response.status(), StatusCode::OK);
    let headers = response.headers();
    let csp = headers["content-security-policy"].to_str().unwrap();
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    assert!(csp.contains("frame-ancestors 'none'"));
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["x-frame-options"], "DENY");
    assert!(headers.contains_key("referrer-policy"));
});

backend_test!(
    unknown_pages_are_translated_404s,
    |app: TestApp| async move {
        let browser = app.browser();
        let response = browser.get("/no/such/page").await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        let html = response.text().await.unwrap();
        assert!(html.contains("existiert nicht"), "{html}");
        let response = browser.get("/no/such/page?lang=en").await;
        let html = response.text().await.unwrap();
        assert!(html.contains("does not exist"), "{html}");
        let response = app.get("/api/v1/nothing").await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        let body: serde_json::Value = response.json().await.unwrap();
        assert_eq!(body["code"], "not_found");
    }
);

backend_test!(
    assets_are_hashed_and_cached_for_a_year,
    |app: TestApp| async move {
        let html = app.get("/").await.text().await.unwrap();
        let start = html.find("/assets/app.").expect("stylesheet link");
        let end = start + html[start..].find('"').unwrap();
        let response = app.get(&html[start..end]).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert!(
            response.headers()["cache-control"]
                .to_str()
                .unwrap()
                .contains("immutable")
        );
        assert_eq!(
            app.get("/assets/app.0000.css").await.status(),
            StatusCode::NOT_FOUND
        );
    }
);

backend_test!(
    posts_without_csrf_token_are_refused,
    |app: TestApp| async move {
        let response = app
            .client
            .post(app.url("/logout"))
            .form(&[("x", "1")])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        let csrf = app.browser().csrf().await;
        let response = app
            .client
            .post(app.url("/logout"))
            .header("origin", "https://evil.example")
            .form(&[("csrf", csrf.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
    }
);

backend_test!(oversized_requests_are_refused, |app: TestApp| async move {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    // The server answers from the announced length, before any body byte.
    let addr = app.base.trim_start_matches("http://").to_string();
    let mut stream = tokio::net::TcpStream::connect(&addr).await.unwrap();
    let head = format!(
        "POST /password/forgot HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        6 * 1024 * 1024
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let mut answer = vec![0u8; 64];
    let n = stream.read(&mut answer).await.unwrap();
    let status_line = String::from_utf8_lossy(&answer[..n]).to_string();
    assert!(status_line.starts_with("HTTP/1.1 413"), "{status_line}");
});

backend_test!(
    language_follows_the_browser_and_the_switch,
    |app: TestApp| async move {
        let english = app
            .new_browser()
            .client
            .get(app.url("/login"))
            .header("accept-language", "en-GB,en;q=0.9,de;q=0.5")
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(english.contains("<html lang=\"en\">") && english.contains("Sign in"));
        let browser = app.new_browser();
        let german = browser.get("/login").await.text().await.unwrap();
        assert!(german.contains("<html lang=\"de\">") && german.contains("Anmelden"));
        // The switch is remembered in a cookie.
        browser.get("/login?lang=en").await;
        let remembered = browser.get("/about").await.text().await.unwrap();
        assert!(remembered.contains("Imprint, data sources and licences"));
    }
);

backend_test!(json_errors_have_a_stable_shape, |app: TestApp| async move {
    let response = app.get("/api/v1/me").await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["code"], "unauthenticated");
    assert!(body["message"].is_string());
    assert!(body["fields"].is_object());
    let response = app
        .client
        .get(app.url("/api/v1/me"))
        .bearer_auth("ikon_forged")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
});
