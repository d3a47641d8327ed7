//! What an outside test of the running demo found, kept fixed: open
//! redirects, links to other hosts, misleading refusals and cacheable
//! private pages.

use reqwest::StatusCode;

use crate::backend_test;
use crate::common::{TestApp, text_with_status};

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

/// A sign-in attempt from `address` (as a trusted proxy would report it).
async fn attempt(app: &TestApp, address: &str, email: &str, password: &str) -> StatusCode {
    let browser = app.new_browser();
    let csrf = browser.csrf().await;
    browser
        .client
        .post(app.url("/login"))
        .header("x-forwarded-for", address)
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", email),
            ("password", password),
        ])
        .send()
        .await
        .unwrap()
        .status()
}

backend_test!(
    throttling_slows_the_attacker_not_the_owner,
    |app: TestApp| async move {
        let logins = app.demo().await;
        let (email, password) = (&logins.member.email, &logins.member.password);
        let attacker = "203.0.113.66";
        for _ in 0..5 {
            let status = attempt(&app, attacker, email, "guess").await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        }
        // The attacker's address is refused for this account, even with
        // the right password …
        assert_eq!(
            attempt(&app, attacker, email, password).await,
            StatusCode::TOO_MANY_REQUESTS
        );
        // … the owner at home is not.
        assert_eq!(
            attempt(&app, "198.51.100.20", email, password).await,
            StatusCode::SEE_OTHER
        );
        // Twenty failures at other accounts from one address (a shared
        // office behind one proxy) lock nobody else out from there.
        let office = "192.0.2.10";
        for n in 0..20 {
            attempt(&app, office, &format!("nobody{n}@example.org"), "x").await;
        }
        assert_eq!(
            attempt(
                &app,
                office,
                &logins.coordinator.email,
                &logins.coordinator.password
            )
            .await,
            StatusCode::SEE_OTHER
        );
    }
);

backend_test!(
    parallel_guesses_get_no_more_checks_than_the_limit,
    |app: TestApp| async move {
        let logins = app.demo().await;
        let email = logins.member.email.clone();
        let mut guesses = Vec::new();
        for n in 0..40 {
            let (app_base, email) = (app.base.clone(), email.clone());
            let client = reqwest::Client::builder()
                .cookie_store(true)
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap();
            guesses.push(tokio::spawn(async move {
                // A fresh CSRF cookie per guess, as a script would do.
                let page = client
                    .get(format!("{app_base}/login"))
                    .send()
                    .await
                    .unwrap();
                let html = page.text().await.unwrap();
                let csrf = html
                    .split("name=\"csrf\" value=\"")
                    .nth(1)
                    .and_then(|rest| rest.split('"').next())
                    .unwrap()
                    .to_string();
                client
                    .post(format!("{app_base}/login"))
                    .header("x-forwarded-for", "203.0.113.77")
                    .form(&[
                        ("csrf", csrf.as_str()),
                        ("email", email.as_str()),
                        ("password", format!("guess {n}").as_str()),
                    ])
                    .send()
                    .await
                    .unwrap()
                    .status()
            }));
        }
        let mut checked = 0;
        for guess in guesses {
            let status = guess.await.unwrap();
            match status {
                StatusCode::UNPROCESSABLE_ENTITY => checked += 1,
                StatusCode::TOO_MANY_REQUESTS | StatusCode::SERVICE_UNAVAILABLE => {}
                other => panic!("unexpected {other}"),
            }
        }
        assert_eq!(checked, 5, "password checks for 40 parallel guesses");
    }
);

backend_test!(
    delivered_mail_leaves_no_working_link_in_the_database,
    |app: TestApp| async move {
        let logins = app.demo().await;
        let payloads = || async {
            sqlx::query_scalar::<_, String>("SELECT payload FROM jobs")
                .fetch_all(app.db().pool())
                .await
                .unwrap()
                .join("\n")
        };
        let browser = app.new_browser();
        let response = browser
            .post_form("/password/forgot", &[("email", &logins.member.email)])
            .await;
        assert!(response.status().is_redirection() || response.status().is_success());
        // Queued, the link is in the payload until the mail is delivered
        // (not asserted: the server's own worker may deliver it at once) …
        app.run_jobs().await;
        // (The server's own worker may have taken the job: wait for it.)
        for _ in 0..100 {
            let open: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM jobs WHERE done_at IS NULL")
                .fetch_one(app.db().pool())
                .await
                .unwrap();
            if open == 0 {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        // … and gone after, while the job itself is kept.
        let kept = payloads().await;
        assert!(!kept.is_empty(), "the delivered job is kept");
        assert!(!kept.contains("/password/reset/"), "{kept}");
    }
);

backend_test!(
    a_new_password_voids_tokens_and_links,
    |app: TestApp| async move {
        let logins = app.demo().await;
        let db = app.db();
        let (user, _) = ikon::accounts::store::user_by_email(db, &logins.member.email)
            .await
            .unwrap()
            .unwrap();
        let token = ikon::accounts::sessions::create_api_token(db, user.id, "script")
            .await
            .unwrap();
        let me = || async {
            reqwest::Client::new()
                .get(app.url("/api/v1/me"))
                .bearer_auth(&token)
                .send()
                .await
                .unwrap()
                .status()
        };
        assert_eq!(me().await, StatusCode::OK);
        let browser = app.new_browser();
        browser
            .post_form("/password/forgot", &[("email", &logins.member.email)])
            .await;
        let pending: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM one_time_tokens WHERE user_id = $1 AND used_at IS NULL",
        )
        .bind(user.id)
        .fetch_one(db.pool())
        .await
        .unwrap();
        assert_eq!(pending, 1);

        browser
            .login(&logins.member.email, &logins.member.password)
            .await;
        let response = browser
            .post_form(
                "/account/password",
                &[
                    ("current", &logins.member.password),
                    ("password", "a brand new passphrase"),
                    ("password_confirm", "a brand new passphrase"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(me().await, StatusCode::UNAUTHORIZED);
        let pending: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM one_time_tokens WHERE user_id = $1 AND used_at IS NULL",
        )
        .bind(user.id)
        .fetch_one(db.pool())
        .await
        .unwrap();
        assert_eq!(pending, 0);
    }
);

backend_test!(
    a_flood_of_public_pdf_requests_renders_once,
    |app: TestApp| async move {
        let logins = app.demo().await;
        let url = app.url(&format!("/networks/{}/wegweiser.pdf", logins.network_id));
        let before = ikon::core::pdf::renders();
        let mut asks = Vec::new();
        for _ in 0..24 {
            let url = url.clone();
            asks.push(tokio::spawn(async move {
                let response = reqwest::get(&url).await.unwrap();
                let status = response.status();
                let retry = response.headers().get("retry-after").cloned();
                (status, retry, response.bytes().await.unwrap().len())
            }));
        }
        let mut served = 0;
        for ask in asks {
            let (status, retry, len) = ask.await.unwrap();
            match status {
                StatusCode::OK => {
                    assert!(len > 1000);
                    served += 1;
                }
                StatusCode::SERVICE_UNAVAILABLE => assert!(retry.is_some()),
                other => panic!("unexpected {other}"),
            }
        }
        assert!(served >= 1);
        assert_eq!(
            ikon::core::pdf::renders() - before,
            1,
            "one render for one content"
        );
    }
);

backend_test!(
    rights_follow_the_current_membership,
    |app: TestApp| async move {
        let logins = app.demo().await;
        let (old, org) = (logins.network_id, logins.member_organization_id);
        let new = crate::common::fixtures::Network::new("Integrationskonferenz Roth", "09576")
            .create(&app)
            .await;
        let member = app.new_browser();
        member
            .login(&logins.member.email, &logins.member.password)
            .await;
        let people = format!("/networks/{old}/export/people.csv");
        assert_eq!(member.get(&people).await.status(), StatusCode::OK);
        assert_eq!(
            member.get(&format!("/networks/{new}")).await.status(),
            StatusCode::FORBIDDEN
        );

        // The organisation moves: it joins the new network, leaves the old.
        let admin = app.new_browser();
        admin
            .login(&logins.admin.email, &logins.admin.password)
            .await;
        let org_id = org.to_string();
        let joined = admin
            .post_form(
                &format!("/networks/{new}/memberships"),
                &[("organization_id", org_id.as_str())],
            )
            .await;
        assert_eq!(joined.status(), StatusCode::SEE_OTHER);
        let left = admin
            .post_form(&format!("/networks/{old}/memberships/{org}/delete"), &[])
            .await;
        assert_eq!(left.status(), StatusCode::SEE_OTHER);

        // The same session: the old network's internals are closed, the
        // new network is open — without anyone editing the account.
        for path in [
            people.clone(),
            format!("/networks/{old}/meetings"),
            format!("/networks/{old}/offers/new"),
        ] {
            assert_eq!(
                member.get(&path).await.status(),
                StatusCode::FORBIDDEN,
                "{path}"
            );
        }
        assert_eq!(
            member.get(&format!("/networks/{new}")).await.status(),
            StatusCode::OK
        );
        assert_eq!(
            member
                .get(&format!("/networks/{new}/offers/new"))
                .await
                .status(),
            StatusCode::OK
        );
    }
);

backend_test!(
    an_account_acts_as_a_contact_person_only_when_linked,
    |app: TestApp| async move {
        let logins = app.demo().await;
        let (net, org) = (logins.network_id, logins.member_organization_id);
        let (member, _) = ikon::accounts::store::user_by_email(app.db(), &logins.member.email)
            .await
            .unwrap()
            .unwrap();
        let person_in = |organization: bool| {
            let op = if organization { "=" } else { "<>" };
            format!(
                "SELECT MIN(p.id) FROM people p JOIN memberships m ON m.organization_id = p.organization_id
                 WHERE m.network_id = {net} AND p.organization_id {op} {org}"
            )
        };
        let own: i64 = sqlx::query_scalar(&person_in(true))
            .fetch_one(app.db().pool())
            .await
            .unwrap();
        let foreign: i64 = sqlx::query_scalar(&person_in(false))
            .fetch_one(app.db().pool())
            .await
            .unwrap();
        let admin = app.new_browser();
        admin
            .login(&logins.admin.email, &logins.admin.password)
            .await;
        let path = format!("/admin/users/{}/edit", member.id);
        let form = admin.get(&path).await.text().await.unwrap();
        assert!(form.contains("name=\"person_id\""), "{form}");
        let (net_s, org_s) = (net.to_string(), org.to_string());
        let save = async |person: &str| {
            admin
                .post_form(
                    &path,
                    &[
                        ("role", "member"),
                        ("network_id", net_s.as_str()),
                        ("organization_id", org_s.as_str()),
                        ("person_id", person),
                    ],
                )
                .await
        };
        let linked = async || -> Option<i64> {
            sqlx::query_scalar("SELECT person_id FROM users WHERE id = $1")
                .bind(member.id)
                .fetch_one(app.db().pool())
                .await
                .unwrap()
        };
        // Nobody of another organisation, nobody who does not exist.
        for bad in [foreign.to_string(), "999999".to_string(), "x".to_string()] {
            let response = save(&bad).await;
            assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
            assert_eq!(linked().await, None, "{bad}");
        }
        assert_eq!(save(&own.to_string()).await.status(), StatusCode::SEE_OTHER);
        assert_eq!(linked().await, Some(own));
        // One account per contact person.
        let other = crate::common::fixtures::User::new(
            "zweites@example.org",
            ikon::accounts::model::Role::Member,
        )
        .network(net)
        .organization(Some(org))
        .create(&app)
        .await;
        let response = admin
            .post_form(
                &format!("/admin/users/{}/edit", other.id),
                &[
                    ("role", "member"),
                    ("network_id", net_s.as_str()),
                    ("organization_id", org_s.as_str()),
                    ("person_id", own.to_string().as_str()),
                ],
            )
            .await;
        let page = text_with_status(response, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert!(page.contains("schon mit einem anderen Konto"), "{page}");
        // Unlinking is explicit too.
        assert_eq!(save("").await.status(), StatusCode::SEE_OTHER);
        assert_eq!(linked().await, None);
    }
);
