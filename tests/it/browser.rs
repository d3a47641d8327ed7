//! End to end in a real browser (headless Chromium): signing in and working
//! with the registry, and axe-core's WCAG 2.1 AA check of the pages. SQLite
//! only: the store tests cover PostgreSQL, and browser tests are slow.
//!
//! Without chromium and chromedriver (or with IKON_SKIP_BROWSER) these tests
//! say so and pass, unless CI or IKON_REQUIRE_BROWSER is set: then they
//! fail. IKON_SCREENSHOTS=<dir> saves screenshots.

use ikon::{
    demo::Login,
    network::store::organizations::{self, Filter},
};

use crate::common::{
    Backend, TestApp,
    browser::{Chrome, axe},
};

const NEW_ORGANIZATION: &str = "Integrationslotsen Uffenheim e.V.";
const CATEGORY: &str = "migrant_association";

/// Signs in through the login form.
async fn sign_in(chrome: &Chrome, login: &Login) {
    chrome.goto("/login").await;
    chrome.fill("input[name=\"email\"]", &login.email).await;
    chrome
        .fill("input[name=\"password\"]", &login.password)
        .await;
    chrome
        .click_and_wait("main form[action=\"/login\"] button[type=\"submit\"]")
        .await;
    let path = chrome.path().await;
    assert!(
        !path.starts_with("/login"),
        "sign-in failed, still on {path}"
    );
    assert!(
        chrome.exists("form[action=\"/logout\"]").await,
        "no sign-out button after signing in (on {path})"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_in_create_organisation_and_see_it_listed() {
    let app = TestApp::start(Backend::Sqlite).await;
    let demo = app.demo().await;
    let Some(chrome) = Chrome::start(&app.base).await else {
        return;
    };
    let network = demo.network_id;
    let list = format!("/networks/{network}/organizations");
    let new = format!("{list}/new");

    sign_in(&chrome, &demo.coordinator).await;

    // The list links to the form for someone who may manage the network.
    chrome.goto(&list).await;
    chrome
        .click_and_wait(&format!("main a[href=\"{new}\"]"))
        .await;
    assert_eq!(chrome.path().await, new);
    chrome.fill("input[name=\"name\"]", NEW_ORGANIZATION).await;
    chrome.select("select[name=\"category\"]", CATEGORY).await;
    chrome.fill("input[name=\"street\"]", "Marktplatz 1").await;
    chrome.fill("input[name=\"postal_code\"]", "97215").await;
    chrome.fill("input[name=\"city\"]", "Uffenheim").await;
    chrome
        .click_and_wait("main form[method=\"post\"] button[type=\"submit\"]")
        .await;
    let page = chrome.path().await;
    assert!(
        page.starts_with("/organizations/"),
        "creating the organisation did not lead to its page but to {page}: {}",
        chrome.text("main").await
    );
    assert!(chrome.text("h1").await.contains(NEW_ORGANIZATION));
    chrome.screenshot_if_asked("organization").await;

    // Listed, and still listed when the list is filtered by its category.
    chrome.goto(&list).await;
    let all = chrome.text("main").await;
    assert!(all.contains(NEW_ORGANIZATION), "not listed:\n{all}");
    chrome.screenshot_if_asked("organizations").await;
    let others = organizations::list_in_network(app.db().pool(), network, &Filter::default())
        .await
        .unwrap();
    let other = others
        .iter()
        .find(|o| o.category.code() != CATEGORY)
        .expect("the demo has organisations of other categories");
    assert!(
        all.contains(&other.name),
        "{} not listed:\n{all}",
        other.name
    );

    let filter = "main form:has(select[name=\"category\"])";
    chrome
        .select(&format!("{filter} select[name=\"category\"]"), CATEGORY)
        .await;
    chrome
        .click_and_wait(&format!("{filter} button[type=\"submit\"]"))
        .await;
    let filtered_path = chrome.path().await;
    assert!(
        filtered_path.contains(&format!("category={CATEGORY}")),
        "the filter form led to {filtered_path}"
    );
    let filtered = chrome.text("main").await;
    assert!(
        filtered.contains(NEW_ORGANIZATION),
        "not listed under its category:\n{filtered}"
    );
    assert!(
        !filtered.contains(&other.name),
        "{} ({}) listed under {CATEGORY}:\n{filtered}",
        other.name,
        other.category.code()
    );
}

/// Checks `path` in German and in English: axe-core's serious and critical
/// WCAG 2.1 A/AA violations, and reflow (WCAG 1.4.10: no sideways
/// scrolling on a 320 px wide screen), which axe does not test. Panics
/// unless the page answers `expected` (see `Chrome::open_checked`).
/// Problems go into `failures`, the page's HTTP status into `statuses`.
async fn check_page(
    chrome: &Chrome,
    path: &str,
    expected: u16,
    statuses: &mut Vec<String>,
    failures: &mut Vec<String>,
) {
    let english = if path.contains('?') {
        format!("{path}&lang=en")
    } else {
        format!("{path}?lang=en")
    };
    for (lang, url) in [("de", path.to_string()), ("en", english)] {
        // ?lang=en is remembered in a cookie; German is the default.
        chrome.delete_cookie("ikon_lang").await;
        chrome.open_checked(&url, expected).await;
        let status = chrome.status().await;
        statuses.push(format!("{status} {url}"));
        let page_lang = chrome.lang().await;
        if page_lang != lang {
            failures.push(format!("{url}: page language is {page_lang:?}, not {lang}"));
        }
        let serious: Vec<_> = axe(chrome)
            .await
            .into_iter()
            .filter(|v| v.is_serious())
            .collect();
        if !serious.is_empty() {
            let list: String = serious.iter().map(ToString::to_string).collect();
            failures.push(format!("{url} (HTTP {status}):\n{list}"));
        }
        chrome.emulate_width(Some(320)).await;
        chrome.open_checked(&url, expected).await;
        let overflow = chrome.horizontal_overflow().await;
        chrome.emulate_width(None).await;
        if let Some(overflow) = overflow {
            failures.push(format!(
                "{url}: scrolls sideways at 320 px (WCAG 1.4.10 reflow): {overflow}"
            ));
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn public_pages_have_no_serious_accessibility_violations() {
    let app = TestApp::start(Backend::Sqlite).await;
    let demo = app.demo().await;
    let Some(chrome) = Chrome::start(&app.base).await else {
        return;
    };
    let mut statuses = Vec::new();
    let mut failures = Vec::new();

    // The check itself works: a field without a label is a critical problem.
    chrome.open_checked("/about", 200).await;
    chrome
        .execute(
            "document.querySelector('main').append(document.createElement('input'));",
            vec![],
        )
        .await;
    let planted = axe(&chrome).await;
    assert!(
        planted.iter().any(|v| v.id == "label" && v.is_serious()),
        "axe-core missed an input without a label: {planted:?}"
    );

    // Nor does it check a page other than the one meant: signed out, the
    // account page is the login page or an error, never the account page.
    let refused = chrome.open_expecting("/account", 200).await;
    assert!(
        refused.is_err(),
        "a signed-out browser was taken to /account as if it were the account page"
    );

    let public = [
        "/",
        "/about",
        "/login",
        "/password/forgot",
        "/networks",
        "/regions",
        "/regions?q=Neustadt",
        "/regions/09575",
        "/regions/09575153",
    ];
    for path in public {
        check_page(&chrome, path, 200, &mut statuses, &mut failures).await;
    }
    // The error page, which must be accessible too, and answer 404.
    check_page(&chrome, "/no/such/page", 404, &mut statuses, &mut failures).await;
    chrome.delete_cookie("ikon_lang").await;
    chrome.goto("/login").await;
    chrome.screenshot_if_asked("login").await;

    sign_in(&chrome, &demo.coordinator).await;
    // A page the coordinator may not see answers 403: not a page to check.
    let forbidden = chrome.open_expecting("/admin/users", 200).await;
    assert!(
        forbidden.as_ref().is_err_and(|e| e.contains("HTTP 403")),
        "the coordinator's /admin/users was taken for a page to check: {forbidden:?}"
    );
    let network = demo.network_id;
    let signed_in = [
        format!("/networks/{network}"),
        format!("/networks/{network}/organizations"),
        "/account".to_string(),
    ];
    for path in &signed_in {
        check_page(&chrome, path, 200, &mut statuses, &mut failures).await;
    }
    chrome.delete_cookie("ikon_lang").await;
    chrome.goto(&signed_in[0]).await;
    chrome.screenshot_if_asked("network").await;

    eprintln!("pages checked (HTTP status as the browser saw it):");
    for status in &statuses {
        eprintln!("  {status}");
    }
    assert!(
        failures.is_empty(),
        "{} accessibility problem(s) (WCAG 2.1 AA; axe-core impact serious or critical, or reflow):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
