//! Upkeep of offers: the public pages in seven languages (right to left for
//! Arabic and Persian), stale offers with one reminder per period and
//! "details still correct", coverage gaps on the dashboards, and the demo
//! offers.

use std::collections::BTreeSet;

use reqwest::StatusCode;
use serde_json::Value;
use sqlx::Row;

use crate::common::{Backend, Browser, TestApp, fixtures::Offer, text_with_status};
use crate::offers::signed_in;
use crate::{backend_test, both_backends};

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

/// A published offer of `organization_id`, last confirmed `age_days` ago.
async fn offer(
    app: &TestApp,
    network_id: i64,
    organization_id: i64,
    title: &str,
    age_days: i64,
) -> i64 {
    Offer::new(network_id, organization_id, title)
        .verified_days_ago(age_days)
        .with(|r| {
            r.field = "health".into();
            r.offer_type = "other".into();
            r.street = "Konrad-Adenauer-Straße 1".into();
            r.postal_code = "91413".into();
        })
        .create(app)
        .await
}

async fn organization_named(app: &TestApp, name: &str) -> i64 {
    sqlx::query("SELECT id FROM organizations WHERE name = $1")
        .bind(name)
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get("id")
}

async fn verified_at(app: &TestApp, id: i64) -> i64 {
    sqlx::query("SELECT last_verified_at FROM offers WHERE id = $1")
        .bind(id)
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get::<Option<i64>, _>(0)
        .unwrap_or_default()
}

async fn page(browser: &Browser, path: &str) -> String {
    text_with_status(browser.get(path).await, StatusCode::OK).await
}

/// The part of the network page that lists stale offers.
fn stale_section(page: &str) -> &str {
    let start = page
        .find("id=\"stale-heading\"")
        .expect("stale offers section");
    let rest = &page[start..];
    let end = rest
        .find("id=\"gaps-heading\"")
        .or_else(|| rest.find("</section>"))
        .unwrap_or(rest.len());
    &rest[..end]
}

async fn stale_offer_is_reminded_once_and_verified(backend: Backend) {
    let (app, sink) = TestApp::with_smtp(backend).await;
    let logins = app.demo().await;
    let net = logins.network_id;
    // The health office has exactly one contact person with an e-mail address.
    let health = organization_named(&app, "Gesundheitsamt Neustadt a.d.Aisch-Bad Windsheim").await;
    let stale = offer(&app, net, health, "Impfsprechstunde alt", 400).await;
    let fresh = offer(&app, net, health, "Impfsprechstunde neu", 30).await;

    // Two processes sweeping at once, then again: one reminder.
    let (a, b) = tokio::join!(
        ikon::offers::service::freshness::sweep(&app.app),
        ikon::offers::service::freshness::sweep(&app.app)
    );
    assert_eq!(a.unwrap() + b.unwrap(), 1);
    assert_eq!(
        ikon::offers::service::freshness::sweep(&app.app)
            .await
            .unwrap(),
        0
    );
    app.run_jobs().await;
    let messages = sink.wait_for(1).await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(sink.messages().len(), 1, "{messages:#?}");
    let mail = &crate::common::smtp::body_text(&messages[0]);
    assert!(
        mail.contains("paula.probe@landratsamt-nea.example"),
        "{mail}"
    );
    assert!(mail.contains("Impfsprechstunde alt"), "{mail}");
    let link = format!("{}/networks/{net}/offers/{stale}/edit", app.base);
    assert!(mail.contains(&link), "{mail}");
    assert!(!mail.contains("Impfsprechstunde neu"), "{mail}");

    // Flagged for the coordinator, on the network page and in the list.
    let coordinator = signed_in(
        &app,
        &logins.coordinator.email,
        &logins.coordinator.password,
    )
    .await;
    let network_page = page(&coordinator, &format!("/networks/{net}")).await;
    let section = stale_section(&network_page);
    assert!(section.contains("Impfsprechstunde alt"), "{section}");
    assert!(!section.contains("Impfsprechstunde neu"), "{section}");
    let list = page(&coordinator, &format!("/networks/{net}/offers")).await;
    assert_eq!(
        list.matches("class=\"badge fresh-stale\"").count(),
        1,
        "{list}"
    );

    // A member of another organisation may not confirm it.
    let member = signed_in(&app, &logins.member.email, &logins.member.password).await;
    let before = verified_at(&app, stale).await;
    let response = member
        .post_form(&format!("/networks/{net}/offers/{stale}/verify"), &[])
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(verified_at(&app, stale).await, before);

    // The coordinator confirms it with one click: no longer stale, audited.
    let back = format!("/networks/{net}");
    let response = coordinator
        .post_form(
            &format!("/networks/{net}/offers/{stale}/verify"),
            &[("back", back.as_str())],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert!(
        response.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with(&back)
    );
    assert!(verified_at(&app, stale).await >= now() - 60);
    let network_page = page(&coordinator, &format!("/networks/{net}")).await;
    assert!(!stale_section(&network_page).contains("Impfsprechstunde alt"));
    let audited: i64 = sqlx::query(
        "SELECT COUNT(*) FROM audit_log WHERE entity = 'offer' AND entity_id = $1 AND action = 'verify'",
    )
    .bind(stale)
    .fetch_one(app.db().pool())
    .await
    .unwrap()
    .get(0);
    assert_eq!(audited, 1);
    assert_eq!(
        ikon::offers::service::freshness::sweep(&app.app)
            .await
            .unwrap(),
        0
    );
    let _ = fresh;

    // Members confirm their own organisation's offers.
    let own = offer(
        &app,
        net,
        logins.member_organization_id,
        "Eigene Beratung",
        500,
    )
    .await;
    let response = member
        .post_form(&format!("/networks/{net}/offers/{own}/verify"), &[])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert!(verified_at(&app, own).await >= now() - 60);
    app.stop().await;
}
both_backends!(stale_offer_is_reminded_once_and_verified);

backend_test!(
    demo_offers_show_gaps_and_freshness,
    |app: TestApp| async move {
        let logins = app.demo().await;
        let net = logins.network_id;
        let created = ikon::demo::load_offers(app.db(), net).await.unwrap();
        assert!(created >= 40, "{created}");
        let published: i64 = sqlx::query(
            "SELECT COUNT(*) FROM offers WHERE network_id = $1 AND status = 'published'",
        )
        .bind(net)
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get(0);
        assert!(published >= 40, "{published}");
        let unpublished: i64 = sqlx::query(
            "SELECT COUNT(*) FROM offers WHERE network_id = $1 AND status <> 'published'",
        )
        .bind(net)
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get(0);
        assert!(unpublished >= 2, "{unpublished}");
        let langs: BTreeSet<String> = sqlx::query("SELECT DISTINCT lang FROM offer_translations")
            .fetch_all(app.db().pool())
            .await
            .unwrap()
            .iter()
            .map(|r| r.get(0))
            .collect();
        for lang in ["en", "ar", "tr", "uk"] {
            assert!(langs.contains(lang), "no {lang} translation: {langs:?}");
        }

        // A municipality deliberately without a contact point for young people.
        let coordinator = signed_in(
            &app,
            &logins.coordinator.email,
            &logins.coordinator.password,
        )
        .await;
        let coverage: Value = coordinator
            .get(&format!("/api/v1/networks/{net}/coverage"))
            .await
            .json()
            .await
            .unwrap();
        let gaps: Vec<(String, String)> = coverage["gaps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| {
                (
                    g["municipality_name"].as_str().unwrap().to_string(),
                    g["target_group"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        assert!(
            gaps.contains(&("Scheinfeld".into(), "young_people".into())),
            "{gaps:?}"
        );
        assert!(gaps.iter().all(|(_, g)| g == "young_people"), "{gaps:?}");

        // The coordinator's network page lists every gap and the stale offers.
        let network_page = page(&coordinator, &format!("/networks/{net}")).await;
        assert!(network_page.contains("Lücken bei den Anlaufstellen"));
        let gap_table = &network_page[network_page.find("class=\"upkeep-gaps\"").unwrap()..];
        assert_eq!(
            gap_table.matches("<tr><th scope=\"row\">").count(),
            gaps.len()
        );
        assert!(gap_table.contains("Scheinfeld"));
        let section = stale_section(&network_page);
        assert!(section.contains("Wohnungspaten Scheinfeld"), "{section}");
        assert!(
            !section.contains("Migrationsberatung für Erwachsene (MBE)"),
            "{section}"
        );

        // The supervisor compares the networks of Mittelfranken.
        let supervisor =
            signed_in(&app, &logins.supervisor.email, &logins.supervisor.password).await;
        let home = page(&supervisor, "/").await;
        assert!(
            home.contains("<a href=\"/coverage\">Abdeckung</a>"),
            "{home}"
        );
        let region = page(&supervisor, "/coverage").await;
        assert!(
            region.contains("Integrationskonferenz Landkreis Neustadt"),
            "{region}"
        );
        assert!(region.contains(&format!("href=\"/networks/{net}/coverage\"")));
        let municipalities: i64 = sqlx::query(
            "SELECT COUNT(*) FROM regions WHERE key LIKE '09575%' AND level = 'municipality'",
        )
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get(0);
        let young_gaps = gaps.len();
        let row = &region[region.find("<tbody>").unwrap()..];
        let cells: Vec<&str> = row
            .split("<td class=\"num\">")
            .skip(1)
            .map(|c| c.split('<').next().unwrap())
            .collect();
        assert_eq!(cells[0], municipalities.to_string(), "{row}");
        assert_eq!(cells[1], "0", "adults gaps: {row}");
        assert_eq!(cells[2], young_gaps.to_string(), "young people gaps: {row}");
        assert_eq!(cells[3], "0", "refugee gaps: {row}");
        assert!(cells[4].ends_with('%'));
        // Another region shows no network; signed-out visitors must sign in.
        let elsewhere = page(&supervisor, "/coverage?region=091").await;
        assert!(!elsewhere.contains("Integrationskonferenz Landkreis Neustadt"));
        let response = app.new_browser().get("/coverage").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);

        // The demo offers read in Arabic and Ukrainian.
        let id: i64 = sqlx::query("SELECT id FROM offers WHERE title = $1")
            .bind("Migrationsberatung für Erwachsene (MBE)")
            .fetch_one(app.db().pool())
            .await
            .unwrap()
            .get(0);
        let anonymous = app.new_browser();
        let arabic = page(
            &anonymous,
            &format!("/networks/{}/offers/{id}?lang=ar", logins.network_id),
        )
        .await;
        assert!(
            arabic.contains("<article class=\"offer\" lang=\"ar\" dir=\"rtl\">"),
            "{arabic}"
        );
        assert!(arabic.contains("استشارة الهجرة للبالغين"));
        // German data and numbers keep their order inside the Arabic page.
        assert!(
            arabic.contains("<a href=\"tel:09161 88-1200\" dir=\"ltr\">"),
            "{arabic}"
        );
        assert!(
            arabic.contains("<bdi lang=\"de\">Kreisverband Musterwohlfahrt Neustadt e.V.</bdi>")
        );
        let ukrainian = page(
            &anonymous,
            &format!("/networks/{}/offers/{id}?lang=uk", logins.network_id),
        )
        .await;
        assert!(ukrainian.contains("<article class=\"offer\" lang=\"uk\" dir=\"ltr\">"));
    }
);

backend_test!(
    public_pages_speak_seven_languages,
    |app: TestApp| async move {
        let logins = app.demo().await;
        ikon::demo::load_offers(app.db(), logins.network_id)
            .await
            .unwrap();
        let visitor = app.new_browser();

        // `?lang=` switches and is remembered; the page is right to left.
        let home = page(&visitor, "/?lang=ar").await;
        assert!(home.contains("<html lang=\"ar\" dir=\"rtl\">"), "{home}");
        assert!(home.contains("شبكات الاندماج"));
        for (code, name) in [
            ("de", "Deutsch"),
            ("en", "English"),
            ("ar", "العربية"),
            ("tr", "Türkçe"),
            ("uk", "Українська"),
            ("ru", "Русский"),
            ("fa", "فارسی"),
        ] {
            assert!(
                home.contains(&format!("lang=\"{code}\"")) && home.contains(name),
                "switcher lacks {code}"
            );
        }
        let finder = page(&visitor, "/finder").await;
        assert!(finder.contains("<html lang=\"ar\" dir=\"rtl\">"));
        assert!(finder.contains("ابحث عن نقطة اتصال"));

        // Internal pages stay German or English, with a note in the chosen language.
        let internal = page(&visitor, "/regions").await;
        assert!(internal.contains("<html lang=\"de\">"), "{internal}");
        assert!(internal.contains("هذه الصفحة متوفرة فقط"));
        assert!(
            !internal.contains("lang=\"fa\""),
            "internal switcher offers only de/en"
        );

        // Accept-Language picks a public language; Persian is right to left.
        let response = app
            .new_browser()
            .client
            .get(app.url("/about"))
            .header("accept-language", "fa-IR,fa;q=0.9,en;q=0.5")
            .send()
            .await
            .unwrap();
        let about = text_with_status(response, StatusCode::OK).await;
        assert!(about.contains("<html lang=\"fa\" dir=\"rtl\">"));
        assert!(about.contains("منابع داده"));
        let response = app
            .new_browser()
            .client
            .get(app.url("/networks"))
            .header("accept-language", "fa-IR,fa;q=0.9,en;q=0.5")
            .send()
            .await
            .unwrap();
        let networks = text_with_status(response, StatusCode::OK).await;
        assert!(
            networks.contains("<html lang=\"en\">"),
            "second choice English"
        );

        // An offer without a Russian translation: German text, marked as such,
        // with the note in Russian.
        let id: i64 = sqlx::query("SELECT id FROM offers WHERE title = $1")
            .bind("Sprechstunde der Ausländerbehörde")
            .fetch_one(app.db().pool())
            .await
            .unwrap()
            .get(0);
        let offer_page = page(
            &visitor,
            &format!("/networks/{}/offers/{id}?lang=ru", logins.network_id),
        )
        .await;
        assert!(offer_page.contains("<html lang=\"ru\">"));
        assert!(
            offer_page.contains("Вы видите немецкий текст"),
            "{offer_page}"
        );
        assert!(offer_page.contains("<article class=\"offer\" lang=\"de\" dir=\"ltr\">"));
        assert!(offer_page.contains("Часы работы"));
        // In Arabic the German fallback text keeps left-to-right inside the RTL page.
        let offer_page = page(
            &visitor,
            &format!("/networks/{}/offers/{id}?lang=ar", logins.network_id),
        )
        .await;
        assert!(offer_page.contains("<html lang=\"ar\" dir=\"rtl\">"));
        assert!(offer_page.contains("<article class=\"offer\" lang=\"de\" dir=\"ltr\">"));
    }
);

fn ftl_ids(lang: &str) -> BTreeSet<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("locales")
        .join(lang);
    let mut ids = BTreeSet::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for line in text.lines() {
            let starts_id = line.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
            if let (true, Some((id, _))) = (starts_id, line.split_once('=')) {
                ids.insert(id.trim().to_string());
            }
        }
    }
    ids
}

/// The message ids a public page can show: literal `t("…")` calls in its
/// template and the layout, and the ids built from the offer vocabularies.
fn public_ids() -> BTreeSet<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    let mut ids = BTreeSet::new();
    for name in [
        "layout.html",
        "home.html",
        "about.html",
        "offers/finder.html",
        "offers/show.html",
        "offers/wegweiser_links.html",
    ] {
        assert!(
            ikon::app::SHELL_PUBLIC_TEMPLATES.contains(&name)
                || ikon::offers::PUBLIC_TEMPLATES.contains(&name)
                || name == "layout.html"
                // included by the public offer page
                || name == "offers/wegweiser_links.html"
        );
        let text = std::fs::read_to_string(root.join(name)).unwrap();
        for quote in ['"', '\''] {
            let opener = format!("t({quote}");
            for (at, _) in text.match_indices(opener.as_str()) {
                let before = text[..at].chars().last().unwrap_or(' ');
                if before.is_alphanumeric() || before == '_' {
                    continue;
                }
                let part = &text[at + opener.len()..];
                let id: String = part.chars().take_while(|c| *c != quote).collect();
                if !part[id.len() + 1..].trim_start().starts_with('~') {
                    ids.insert(id);
                }
            }
        }
    }
    use ikon::offers::model::{COSTS, FIELDS, Status, TARGET_GROUPS, TYPES};
    let dynamic = [
        ("offer-field-", FIELDS),
        ("offer-type-", TYPES),
        ("offer-group-", TARGET_GROUPS),
        ("offer-cost-", COSTS),
        (
            "offer-translation-",
            &["current", "outdated", "missing"][..],
        ),
    ];
    for (prefix, codes) in dynamic {
        ids.extend(codes.iter().map(|c| format!("{prefix}{c}")));
    }
    for s in Status::ALL {
        ids.insert(format!("offer-status-{}", s.code()));
        ids.insert(format!("offer-to-{}", s.code()));
    }
    ids.insert("lang-internal-note".into());
    ids
}

#[test]
fn every_public_message_exists_in_all_seven_languages() {
    let ids = public_ids();
    assert!(ids.contains("cp-finder-title") && ids.contains("offer-type-jmd"));
    let german = ftl_ids("de");
    for lang in ["de", "en", "ar", "tr", "uk", "ru", "fa"] {
        let defined = ftl_ids(lang);
        let missing: Vec<_> = ids.iter().filter(|id| !defined.contains(*id)).collect();
        assert!(missing.is_empty(), "{lang} lacks {missing:?}");
        // No stray ids: each translates a German message.
        let unknown: Vec<_> = defined.difference(&german).collect();
        assert!(unknown.is_empty(), "{lang} defines unknown ids {unknown:?}");
    }
}

#[test]
fn a_public_language_falls_back_to_german_for_internal_messages() {
    use ikon::core::i18n::Lang;
    assert_eq!(Lang::Tr.t("net-import"), Lang::De.t("net-import"));
    assert_ne!(Lang::Tr.t("cp-finder-title"), Lang::De.t("cp-finder-title"));
    assert_eq!(
        Lang::Uk.t_args("network-member-count", &[("count".into(), "5".into())]),
        "5 учасників"
    );
}

/// axe-core in headless Chromium on the public pages in Arabic (and one in
/// Persian): right to left, no violations at all, no sideways scrolling at
/// 320 px. SQLite only, like tests/it/browser.rs.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn right_to_left_pages_are_accessible() {
    use crate::common::browser::{Chrome, axe};

    let app = TestApp::start(Backend::Sqlite).await;
    let logins = app.demo().await;
    ikon::demo::load_offers(app.db(), logins.network_id)
        .await
        .unwrap();
    let id_of = async |title: &str| -> i64 {
        sqlx::query("SELECT id FROM offers WHERE title = $1")
            .bind(title)
            .fetch_one(app.db().pool())
            .await
            .unwrap()
            .get(0)
    };
    let translated = id_of("Migrationsberatung für Erwachsene (MBE)").await;
    let german_only = id_of("Sprechstunde der Ausländerbehörde").await;
    let Some(chrome) = Chrome::start(&app.base).await else {
        return;
    };
    let mut failures = Vec::new();
    for url in [
        "/?lang=ar".to_string(),
        "/finder?lang=ar".to_string(),
        "/finder?lang=ar&place=91443&age=20".to_string(),
        format!(
            "/networks/{}/offers/{translated}?lang=ar",
            logins.network_id
        ),
        format!(
            "/networks/{}/offers/{german_only}?lang=ar",
            logins.network_id
        ),
        "/about?lang=fa".to_string(),
        format!(
            "/networks/{}/offers/{translated}?lang=fa",
            logins.network_id
        ),
    ] {
        failures.extend(chrome.problems(&url).await);
        chrome.open_checked(&url, 200).await;
        let dir = chrome
            .execute("return document.documentElement.dir;", vec![])
            .await;
        if dir != "rtl" {
            failures.push(format!("{url}: dir is {dir}, not rtl"));
        }
        let name: String = url
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        chrome.screenshot_if_asked(&format!("rtl{name}")).await;
        let all: String = axe(&chrome).await.iter().map(|v| v.to_string()).collect();
        if !all.is_empty() {
            failures.push(format!("{url}:\n{all}"));
        }
    }
    // The dashboards with stale offers and gaps (serious problems, reflow).
    let network = logins.network_id;
    chrome
        .sign_in(&logins.coordinator.email, &logins.coordinator.password)
        .await;
    for url in [
        format!("/networks/{network}"),
        format!("/networks/{network}/offers"),
    ] {
        failures.extend(chrome.problems(&url).await);
    }
    chrome.goto(&format!("/networks/{network}")).await;
    assert!(
        chrome.exists("table.upkeep-gaps").await,
        "coordinator sees the gaps"
    );
    chrome
        .delete_cookie(ikon::accounts::sessions::SESSION_COOKIE)
        .await;
    chrome
        .sign_in(&logins.supervisor.email, &logins.supervisor.password)
        .await;
    failures.extend(chrome.problems("/coverage").await);
    chrome.goto("/coverage").await;
    assert_eq!(
        chrome.path().await,
        "/coverage",
        "the supervisor is signed in"
    );
    assert!(chrome.exists("table.upkeep-region tbody tr").await);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
