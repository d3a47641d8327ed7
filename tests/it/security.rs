//! What an outside test of the running demo found, kept fixed: open
//! redirects, links to other hosts, misleading refusals and cacheable
//! private pages.

use reqwest::StatusCode;

use crate::backend_test;
use crate::common::TestApp;

backend_test!(
    after_login_only_same_site_paths_are_followed,
    |app: TestApp| async move {
        let logins = app.demo().await;
        for next in [
            "/\t/evil.example",
            "//evil.example",
            "/\\evil.example",
            "https://evil.example/",
        ] {
            let browser = app.new_browser();
            let csrf = browser.csrf().await;
            let response = browser
                .client
                .post(app.url("/login"))
                .form(&[
                    ("csrf", csrf.as_str()),
                    ("email", logins.member.email.as_str()),
                    ("password", logins.member.password.as_str()),
                    ("next", next),
                ])
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), StatusCode::SEE_OTHER, "{next:?}");
            assert_eq!(response.headers()["location"], "/", "{next:?}");
        }
    }
);

backend_test!(
    a_missing_page_links_only_to_this_site,
    |app: TestApp| async move {
        let response = app.get("//evil.example").await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        let body = response.text().await.unwrap();
        assert!(!body.contains("//evil.example"), "{body}");
    }
);

backend_test!(
    anonymous_api_writes_are_asked_to_authenticate,
    |app: TestApp| async move {
        let logins = app.demo().await;
        let response = reqwest::Client::new()
            .post(app.url(&format!(
                "/api/v1/networks/{}/organizations",
                logins.network_id
            )))
            .json(&serde_json::json!({ "name": "Verein" }))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    }
);

backend_test!(
    private_pages_are_not_kept_by_caches,
    |app: TestApp| async move {
        let logins = app.demo().await;
        let browser = app.new_browser();
        browser
            .login(&logins.member.email, &logins.member.password)
            .await;
        let response = browser.get("/account").await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()["cache-control"], "no-store");
        // Plain http (the local demo): no HSTS, which would be ignored.
        assert!(
            response
                .headers()
                .get("strict-transport-security")
                .is_none()
        );
    }
);
