//! The public pages in seven languages: every message exists, right-to-left pages pass axe.

use super::*;

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
