//! The demo's twelve networks of Mittelfranken and the supervisor's
//! comparison of their Kreise: every Kreis with a value, sorted both ways,
//! the reference rows, the chart with its reference lines and its table;
//! who may see it; the demo network's groups with special needs.

use ikon::accounts::model::Role;
use reqwest::StatusCode;
use sqlx::Row;

use crate::{
    backend_test,
    common::{TestApp, fixtures::User, text_with_status},
};

/// (key, value) of the Kreis rows in page order.
fn kreis_rows(html: &str) -> Vec<(String, Option<f64>)> {
    html.split("<tr class=\"cmp-kreis\" data-key=\"")
        .skip(1)
        .map(|row| {
            let key = row.split('"').next().unwrap().to_string();
            // The third cell: value (after the name's th and the key's td).
            let cells: Vec<&str> = row.split("<td>").skip(1).collect();
            let value = cells[1].split("</td>").next().unwrap();
            let value = value.replace('.', "").replace(',', ".").parse::<f64>().ok();
            (key, value)
        })
        .collect()
}

backend_test!(
    the_supervisor_compares_the_twelve_kreise_of_mittelfranken,
    |app: TestApp| async move {
        let demo = app.demo().await;
        let created = ikon::demo::load_region(app.db()).await.unwrap();
        assert_eq!(created, 11);
        // Loading again adds nothing.
        assert_eq!(ikon::demo::load_region(app.db()).await.unwrap(), 0);
        let networks: i64 =
            sqlx::query("SELECT COUNT(*) AS n FROM networks WHERE region_key LIKE '095%'")
                .fetch_one(app.db().pool())
                .await
                .unwrap()
                .get("n");
        assert_eq!(networks, 12);
        let published: i64 = sqlx::query(
            "SELECT COUNT(DISTINCT o.network_id) AS n FROM offers o JOIN networks n ON n.id = o.network_id
             WHERE o.status = 'published' AND n.region_key LIKE '095%' AND n.id <> $1",
        )
        .bind(demo.network_id)
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get("n");
        assert_eq!(published, 11, "each network has its published counselling");

        let supervisor = app.new_browser();
        supervisor
            .login(&demo.supervisor.email, &demo.supervisor.password)
            .await;
        // The overview lists every network and links the comparison.
        let overview = text_with_status(supervisor.get("/overview").await, StatusCode::OK).await;
        assert!(overview.contains("Integrationsnetzwerk Stadt Nürnberg"));
        assert!(
            overview.contains("href=\"/regions/095/situation\""),
            "{overview}"
        );

        let page = "/regions/095/situation?indicator=foreigners_share";
        for (dir, descending) in [("asc", false), ("desc", true)] {
            let html = text_with_status(
                supervisor
                    .get(&format!("{page}&sort=value&dir={dir}"))
                    .await,
                StatusCode::OK,
            )
            .await;
            let rows = kreis_rows(&html);
            assert_eq!(rows.len(), 12, "{html}");
            let mut keys: Vec<&str> = rows.iter().map(|(k, _)| k.as_str()).collect();
            keys.sort();
            assert_eq!(keys[0], "09561");
            assert_eq!(keys[11], "09577");
            let values: Vec<f64> = rows
                .iter()
                .map(|(k, v)| v.unwrap_or_else(|| panic!("{k} has no value")))
                .collect();
            let mut sorted = values.clone();
            sorted.sort_by(|a, b| a.total_cmp(b));
            if descending {
                sorted.reverse();
            }
            assert_eq!(values, sorted, "sorted {dir}");
            assert_ne!(values.first(), values.last());
            // The references: Mittelfranken, Bayern, Germany.
            for key in ["095", "09", "DG"] {
                assert!(
                    html.contains(&format!("class=\"cmp-reference\" data-key=\"{key}\"")),
                    "{key}"
                );
            }
            // The chart with its two reference lines, then its table.
            assert!(html.contains("role=\"img\""));
            assert!(html.contains("Mittelfranken: ") && html.contains("Bayern: "));
            assert!(html.find("<svg").unwrap() < html.find("cmp-chart-table-caption").unwrap());
            assert!(html.contains(&format!(
                "aria-sort=\"{}\"",
                if descending {
                    "descending"
                } else {
                    "ascending"
                }
            )));
        }
        // The header links turn the order round.
        let html = text_with_status(
            supervisor.get(&format!("{page}&sort=value&dir=asc")).await,
            StatusCode::OK,
        )
        .await;
        assert!(
            html.contains("indicator=foreigners_share&amp;sort=value&amp;dir=desc"),
            "{html}"
        );
        // Another indicator through the GET form.
        let html = text_with_status(
            supervisor
                .get("/regions/095/situation?indicator=population&sort=name")
                .await,
            StatusCode::OK,
        )
        .await;
        assert!(html.contains("<option value=\"population\" selected>"));
        assert_eq!(kreis_rows(&html).len(), 12);
        // A map of the twelve Kreise after the tables, each titled with
        // its value, with the boundaries' attribution.
        let map = &html[html
            .find("id=\"cmp-map-population-title\"")
            .expect("the map")..];
        assert_eq!(map.matches("<path d=").count(), 12, "one area per Kreis");
        assert!(map.contains("<title>Fürth: "), "{map}");
        assert!(html.contains("Kreisgrenzen: Gebietsstand 2013, © GeoBasis-DE"));

        // Admins see it; the supervisor of another region, members and
        // coordinators do not; anonymous readers are sent to the login.
        let admin = app.new_browser();
        admin.login(&demo.admin.email, &demo.admin.password).await;
        assert_eq!(
            admin.get("/regions/095/situation").await.status(),
            StatusCode::OK
        );
        let other = User::new("regierung@oberbayern.example", Role::Supervisor)
            .region("091")
            .create(&app)
            .await
            .browser(&app)
            .await;
        assert_eq!(
            other.get("/regions/095/situation").await.status(),
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            other.get("/regions/091/situation").await.status(),
            StatusCode::OK
        );
        for login in [&demo.member, &demo.coordinator] {
            let browser = app.new_browser();
            browser.login(&login.email, &login.password).await;
            assert_eq!(
                browser.get("/regions/095/situation").await.status(),
                StatusCode::FORBIDDEN
            );
        }
        let response = app.new_browser().get("/regions/095/situation").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        // A Kreis is not a region to compare.
        assert_eq!(
            supervisor.get("/regions/09575/situation").await.status(),
            StatusCode::NOT_FOUND
        );
    }
);

backend_test!(
    the_demo_network_has_a_served_group_and_a_gap,
    |app: TestApp| async move {
        let demo = app.demo().await;
        ikon::demo::load_offers(app.db(), demo.network_id)
            .await
            .unwrap();
        ikon::demo::load_needs(app.db(), demo.network_id)
            .await
            .unwrap();
        let member = app.new_browser();
        member
            .login(&demo.member.email, &demo.member.password)
            .await;
        let html = text_with_status(
            member
                .get(&format!("/networks/{}/needs", demo.network_id))
                .await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(html.matches("need-gap").count(), 1, "{html}");
        assert!(
            html.contains("Unbegleitete Minderjährige") && html.contains("Jugendmigrationsdienst")
        );
        assert!(
            html.contains("need-uncovered"),
            "the service's area is not the whole Kreis"
        );
    }
);

/// axe-core (WCAG 2.1 AA), the content security policy and reflow at
/// 320 px: the needs list, a group as a member reads it, the form (new and
/// with errors is the same template), and the comparison, in German and
/// English.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn needs_and_comparison_pages_are_accessible() {
    use crate::common::{Backend, browser::Chrome};

    let app = TestApp::start(Backend::Sqlite).await;
    let demo = app.demo().await;
    let net = demo.network_id;
    ikon::demo::load_offers(app.db(), net).await.unwrap();
    ikon::demo::load_needs(app.db(), net).await.unwrap();
    ikon::demo::load_region(app.db()).await.unwrap();
    let need: i64 =
        sqlx::query("SELECT id FROM special_needs WHERE network_id = $1 ORDER BY id LIMIT 1")
            .bind(net)
            .fetch_one(app.db().pool())
            .await
            .unwrap()
            .get("id");
    let Some(chrome) = Chrome::start(&app.base).await else {
        return;
    };
    let mut failures = Vec::new();
    chrome
        .sign_in(&demo.coordinator.email, &demo.coordinator.password)
        .await;
    for path in [
        format!("/networks/{net}/needs"),
        format!("/networks/{net}/needs/new"),
        format!("/networks/{net}/needs/{need}"),
    ] {
        for lang in ["de", "en"] {
            failures.extend(chrome.problems(&format!("{path}?lang={lang}")).await);
        }
    }
    drop(chrome);
    let Some(chrome) = Chrome::start(&app.base).await else {
        return;
    };
    chrome
        .sign_in(&demo.member.email, &demo.member.password)
        .await;
    for lang in ["de", "en"] {
        failures.extend(
            chrome
                .problems(&format!("/networks/{net}/needs/{need}?lang={lang}"))
                .await,
        );
    }
    drop(chrome);
    let Some(chrome) = Chrome::start(&app.base).await else {
        return;
    };
    chrome
        .sign_in(&demo.supervisor.email, &demo.supervisor.password)
        .await;
    for lang in ["de", "en"] {
        failures.extend(
            chrome
                .problems(&format!(
                    "/regions/095/situation?indicator=foreigners_share&sort=value&dir=desc&lang={lang}"
                ))
                .await,
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
