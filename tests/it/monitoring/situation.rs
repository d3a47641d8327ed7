//! The situation page: each indicator with source, reference date,
//! licence, definition, chart and data table, the comparison with the
//! larger regions; readable in a real browser (axe) in German and Arabic.

use reqwest::StatusCode;

use crate::{
    backend_test,
    common::{TestApp, text_with_status},
};

backend_test!(
    situation_page_shows_figures_sources_charts_and_tables,
    |app: TestApp| async move {
        let demo = app.demo().await;
        let network = demo.network_id;
        let browser = app.new_browser();
        browser
            .login(&demo.coordinator.email, &demo.coordinator.password)
            .await;
        let html = text_with_status(
            browser.get(&format!("/networks/{network}/situation")).await,
            StatusCode::OK,
        )
        .await;
        assert!(
            html.contains("Situationsanalyse: Neustadt a.d.Aisch-Bad Windsheim"),
            "{html}"
        );
        for code in [
            "population",
            "foreigners_share",
            "residence_status",
            "naturalisation_rate",
            "unemployment_rate_foreigners",
        ] {
            assert!(html.contains(&format!("id=\"{code}\"")), "{code}");
        }
        // Every chart has its title and is followed by a table.
        let charts = html.matches("<svg").count();
        assert!(charts >= 10, "{charts} charts");
        assert_eq!(
            html.matches("<svg").count(),
            html.matches("role=\"img\"").count()
        );
        assert!(html.contains("INKAR (BBSR)"));
        assert!(html.contains("© BBSR Bonn"), "licence beside the figures");
        assert!(html.contains("Duldung"));
        // The comparison: the Kreis, Mittelfranken, Bayern and Germany.
        for region in ["(09575)", "(095)", "(09)", "(DG)"] {
            assert!(html.contains(region), "{region}");
        }
        // German numbers: 10,5 % INKAR share of foreigners 2022.
        assert!(
            html.contains("10,5 % (2022)"),
            "comparison shows the INKAR value"
        );

        // Anonymous readers are sent to the login (the page is internal).
        let response = app
            .new_browser()
            .get(&format!("/networks/{network}/situation"))
            .await;
        assert_ne!(response.status(), StatusCode::OK);
    }
);

/// axe-core (WCAG 2.1 AA) and reflow at 320 px, German and Arabic.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn situation_page_is_accessible_in_german_and_arabic() {
    use crate::common::{Backend, browser::Chrome};

    let app = TestApp::start(Backend::Sqlite).await;
    let demo = app.demo().await;
    let network = demo.network_id;
    let Some(chrome) = Chrome::start(&app.base).await else {
        return;
    };
    chrome
        .sign_in(&demo.coordinator.email, &demo.coordinator.password)
        .await;
    let mut failures = Vec::new();
    for url in [
        format!("/networks/{network}/situation"),
        format!("/networks/{network}/situation?lang=ar"),
        format!("/networks/{network}/situation?lang=en"),
    ] {
        failures.extend(chrome.problems(&url).await);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
