//! The search page, as HTML and in a real browser.

use super::*;
use crate::common::text_with_status;

backend_test!(search_page, |app: TestApp| async move {
    fixtures(&app).await;
    let response = app.get("/search?q=Deutschkurs&field=language").await;
    assert_eq!(response.status(), StatusCode::OK);
    let csp = response.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        csp.contains("img-src 'self' data: https://tile.openstreetmap.org"),
        "{csp}"
    );
    let html = response.text().await.unwrap();
    assert!(html.contains("Deutschkurs am Abend"), "{html}");
    assert!(
        html.contains("data-points=\"49.5"),
        "list carries the map data"
    );
    // The tile template, HTML-escaped in the attribute.
    assert!(html.contains("data-tiles=\"https:") && html.contains("tile.openstreetmap.org"));
    assert!(html.contains("leaflet."), "Leaflet is linked");

    // Facet counts beside the filters, pages as links.
    let html = app.get("/search?per_page=3").await.text().await.unwrap();
    assert!(html.contains("(3)"), "facet counts");
    assert!(html.contains("rel=\"next\""), "{html}");
    let html = app
        .get("/search?lang=en&q=childcare")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("Language course for women with childcare"),
        "{html}"
    );

    let response = app.get("/search?field=cooking").await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let response = app.get("/search?postal_code=20000").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
});

/// The search page in a real browser: axe-core's WCAG 2.1 AA check and
/// reflow at 320 px in German, English and with Arabic content; the map is
/// drawn from the list by the vendored Leaflet (tiles may be unreachable:
/// the list stays). SQLite only, like the other browser tests.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_page_in_a_browser() {
    use crate::common::{Backend, browser::Chrome};

    let app = TestApp::start(Backend::Sqlite).await;
    fixtures(&app).await;
    let Some(chrome) = Chrome::start(&app.base).await else {
        return;
    };
    let mut failures = Vec::new();
    for url in [
        "/search",
        "/search?q=Beratung&field=counselling",
        "/search?q=MBE&lang=ar",
        "/search?postal_code=91413&radius_km=25&per_page=3&page=2",
        "/search?q=Quantenchromodynamik",
    ] {
        failures.extend(chrome.problems(url).await);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));

    chrome.goto("/search?q=Beratung").await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(
        chrome.exists("#search-map.leaflet-container").await,
        "the map is drawn"
    );
    assert!(chrome.exists(".leaflet-interactive").await, "with markers");
}

backend_test!(
    a_search_that_finds_nothing_shows_ways_on,
    |app: TestApp| async move {
        fixtures(&app).await;
        let page = text_with_status(
            app.get("/search?q=Xylophonunterricht&field=language&postal_code=91413")
                .await,
            StatusCode::OK,
        )
        .await
        .replace("&#x2f;", "/")
        .replace("&amp;", "&");
        assert!(page.contains("Keine Angebote gefunden"), "{page}");
        assert!(
            page.contains(
                "href=\"/search?q=Xylophonunterricht\">Dieselben Suchbegriffe ohne Filter"
            ),
            "{page}"
        );
        assert!(page.contains("href=\"/search?field=language\""), "{page}");
        assert!(page.contains("href=\"/finder?place=91413\""), "{page}");
        // A search that finds something does not offer them.
        let found = text_with_status(app.get("/search?q=Deutschkurs").await, StatusCode::OK).await;
        assert!(!found.contains("search-ways-on"));
    }
);
