//! The situation report: a coordinator's commentary under each indicator,
//! the report chosen, published and withdrawn, the public page with its
//! disclosure control, the PDF and the open-data files.

use std::time::{Duration, Instant};

use reqwest::StatusCode;
use sqlx::Row;

use crate::{
    backend_test,
    common::{Browser, TestApp, text_with_status},
};

async fn signed_in(app: &TestApp, email: &str, password: &str) -> Browser {
    let browser = app.new_browser();
    browser.login(email, password).await;
    browser
}

async fn audit_count(app: &TestApp, entity: &str) -> i64 {
    sqlx::query("SELECT COUNT(*) AS n FROM audit_log WHERE entity = $1")
        .bind(entity)
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get("n")
}

/// Saves a report of `indicators` as the coordinator.
async fn save_report(coordinator: &Browser, network: i64, title: &str, indicators: &[&str]) {
    let mut fields = vec![
        ("title", title),
        (
            "introduction",
            "Die Einleitung nennt die **Fragen** des Netzwerks.",
        ),
    ];
    for code in indicators {
        fields.push(("indicators", code));
    }
    let response = coordinator
        .post_form(&format!("/networks/{network}/situation/report"), &fields)
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
}

backend_test!(
    commentary_is_saved_shown_and_bad_input_refused,
    |app: TestApp| async move {
        let demo = app.demo().await;
        let network = demo.network_id;
        let coordinator =
            signed_in(&app, &demo.coordinator.email, &demo.coordinator.password).await;
        let url = format!("/networks/{network}/situation/commentaries/foreigners_share");
        let response = coordinator
            .post_form(
                &url,
                &[(
                    "body",
                    "Der Anteil **steigt** seit 2015.<script>x()</script>",
                )],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(audit_count(&app, "situation_commentary").await, 1);

        // Members read it under the indicator, sanitised.
        let member = signed_in(&app, &demo.member.email, &demo.member.password).await;
        let page = format!("/networks/{network}/situation");
        let html = text_with_status(member.get(&page).await, StatusCode::OK).await;
        assert!(
            html.contains("Der Anteil <strong>steigt</strong> seit 2015."),
            "{html}"
        );
        assert!(!html.contains("<script>x()"));
        assert!(html.contains("Demo-Koordination"), "the author is named");
        assert!(
            !html.contains("commentaries/foreigners_share"),
            "no form for members"
        );

        // Empty and too long: the field's message, nothing changed.
        for (body, message) in [
            ("   ", "Bitte ausfüllen."),
            (&"x".repeat(2_001)[..], "Höchstens 2000 Zeichen."),
        ] {
            let response = coordinator.post_form(&url, &[("body", body)]).await;
            let html = text_with_status(response, StatusCode::UNPROCESSABLE_ENTITY).await;
            assert!(html.contains(message), "{message}");
            assert!(html.contains("aria-invalid=\"true\""));
        }
        let html = text_with_status(member.get(&page).await, StatusCode::OK).await;
        assert!(html.contains("Der Anteil <strong>steigt</strong> seit 2015."));
        assert_eq!(audit_count(&app, "situation_commentary").await, 1);

        // An indicator the page does not have.
        let response = coordinator
            .post_form(
                &format!("/networks/{network}/situation/commentaries/nonsense"),
                &[("body", "Text")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);

        // Members may neither comment nor compose or publish.
        for (path, fields) in [
            (url.clone(), vec![("body", "Von einem Mitglied.")]),
            (
                format!("/networks/{network}/situation/report"),
                vec![("title", "T"), ("indicators", "population")],
            ),
            (
                format!("/networks/{network}/situation/report/publish"),
                vec![],
            ),
        ] {
            let response = member.post_form(&path, &fields).await;
            assert_eq!(response.status(), StatusCode::FORBIDDEN, "{path}");
        }
        // Without the CSRF token the coordinator's form is refused too.
        let response = coordinator
            .client
            .post(app.url(&url))
            .form(&[("body", "Ohne Token.")])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        let html = text_with_status(member.get(&page).await, StatusCode::OK).await;
        assert!(!html.contains("Von einem Mitglied.") && !html.contains("Ohne Token."));
    }
);

backend_test!(
    published_report_shows_only_chosen_indicators_until_withdrawn,
    |app: TestApp| async move {
        let demo = app.demo().await;
        let network = demo.network_id;
        let coordinator =
            signed_in(&app, &demo.coordinator.email, &demo.coordinator.password).await;
        let anonymous = app.new_browser();
        let situation = format!("/networks/{network}/situation");
        let report = format!("/networks/{network}/situation/report");

        // A report without a title or indicators is refused whole.
        let response = coordinator
            .post_form(&report, &[("title", " "), ("introduction", "x")])
            .await;
        let html = text_with_status(response, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert!(html.contains("Bitte ausfüllen."));
        assert!(html.contains("Bitte mindestens einen Indikator auswählen."));
        // Nothing to publish yet.
        let response = coordinator
            .post_form(&format!("{report}/publish"), &[])
            .await;
        assert_eq!(response.status(), StatusCode::CONFLICT);

        save_report(
            &coordinator,
            network,
            "Bericht zur Lage 2025",
            &["residence_status", "population"],
        )
        .await;
        // Not yet published: anonymous readers are refused everywhere.
        for path in [
            situation.clone(),
            report.clone(),
            format!("/networks/{network}/situation-report.pdf"),
            format!("/networks/{network}/situation.csv"),
            format!("/networks/{network}/situation.json"),
        ] {
            assert_ne!(
                anonymous.get(&path).await.status(),
                StatusCode::OK,
                "{path}"
            );
        }
        let html = text_with_status(coordinator.get(&report).await, StatusCode::OK).await;
        assert!(html.contains("Bericht zur Lage 2025"));
        assert!(html.contains("nicht veröffentlicht"));

        let response = coordinator
            .post_form(&format!("{report}/publish"), &[])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let html = text_with_status(anonymous.get(&situation).await, StatusCode::OK).await;
        assert!(html.contains("<h1>Bericht zur Lage 2025</h1>"), "{html}");
        assert!(html.contains("Die Einleitung nennt die <strong>Fragen</strong>"));
        // Catalogue order, only the chosen ones.
        let population = html.find("id=\"population\"").expect("population");
        let status = html
            .find("id=\"residence_status\"")
            .expect("residence status");
        assert!(population < status);
        for left_out in ["foreigners_share", "naturalisation_rate", "comparison"] {
            assert!(!html.contains(&format!("id=\"{left_out}\"")), "{left_out}");
        }
        assert!(
            !html.contains("/situation/report\" class=\"stack\""),
            "no form"
        );
        // The report page answers too, and in Arabic.
        let html = text_with_status(
            anonymous.get(&format!("{report}?lang=ar")).await,
            StatusCode::OK,
        )
        .await;
        assert!(html.contains("dir=\"rtl\""));
        assert!(html.contains("شرح الرموز"), "the legend in Arabic");
        // Members still see everything.
        let html = text_with_status(coordinator.get(&situation).await, StatusCode::OK).await;
        assert!(html.contains("id=\"foreigners_share\""));

        let response = coordinator
            .post_form(&format!("{report}/withdraw"), &[])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        for path in [
            situation.clone(),
            format!("/networks/{network}/situation-report.pdf"),
            format!("/networks/{network}/situation.json"),
        ] {
            assert_ne!(
                anonymous.get(&path).await.status(),
                StatusCode::OK,
                "{path}"
            );
        }
        assert_eq!(audit_count(&app, "situation_report").await, 3);
    }
);

/// Sets the Kreis's count of tolerated foreigners (Duldung) to `value`.
async fn set_duldung(app: &TestApp, value: f64) {
    ikon::monitoring::service::shipped::ensure_loaded(app.db())
        .await
        .unwrap();
    let changed = sqlx::query(
        "UPDATE stat_observations SET value = $1 WHERE table_code = '12521-0043' AND region_key = '09575' AND dims LIKE '%\"Duldung\"%'",
    )
    .bind(value)
    .execute(app.db().pool())
    .await
    .unwrap()
    .rows_affected();
    assert_eq!(changed, 1);
}

fn json_rows(body: &str) -> Vec<serde_json::Value> {
    let json: serde_json::Value = serde_json::from_str(body).unwrap();
    json["rows"].as_array().unwrap().clone()
}

fn residence(rows: &[serde_json::Value], category: &str) -> serde_json::Value {
    rows.iter()
        .find(|r| r["indicator_code"] == "residence_status" && r["category"] == category)
        .unwrap_or_else(|| panic!("{category}"))
        .clone()
}

backend_test!(
    a_small_count_is_hidden_publicly_and_shown_internally,
    |app: TestApp| async move {
        let demo = app.demo().await;
        let network = demo.network_id;
        set_duldung(&app, 2.0).await;
        let coordinator =
            signed_in(&app, &demo.coordinator.email, &demo.coordinator.password).await;
        save_report(&coordinator, network, "Bericht", &["residence_status"]).await;
        coordinator
            .post_form(
                &format!("/networks/{network}/situation/report/publish"),
                &[],
            )
            .await;
        let json = format!("/networks/{network}/situation.json");

        let internal =
            json_rows(&text_with_status(coordinator.get(&json).await, StatusCode::OK).await);
        assert_eq!(residence(&internal, "Duldung")["value"], 2.0);
        let exempt = "Vom Erfordernis eines Aufenthaltstitels befreit";
        assert_eq!(residence(&internal, exempt)["value"], 15.0);

        let public =
            json_rows(&text_with_status(app.new_browser().get(&json).await, StatusCode::OK).await);
        let duldung = residence(&public, "Duldung");
        assert!(duldung["value"].is_null());
        assert_eq!(duldung["mark"], "*");
        // The next smallest part goes too: the total would reveal it.
        let second = residence(&public, exempt);
        assert!(second["value"].is_null());
        assert_eq!(second["mark"], "*");
        assert_eq!(residence(&public, "Aufenthaltsgestattung")["value"], 100.0);
        // The public page shows the mark and explains it.
        let html = text_with_status(
            app.new_browser()
                .get(&format!("/networks/{network}/situation"))
                .await,
            StatusCode::OK,
        )
        .await;
        assert!(html.contains("<td>*</td>"));
        assert!(html.contains("Fallzahlen unter 3 sind zurückgehalten"));
        let html = text_with_status(
            coordinator
                .get(&format!("/networks/{network}/situation"))
                .await,
            StatusCode::OK,
        )
        .await;
        assert!(!html.contains("<td>*</td>"), "members see every figure");
    }
);

/// The text of a PDF, words separated by single spaces.
fn pdf_text(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.pdf");
    std::fs::write(&file, bytes).unwrap();
    let out = std::process::Command::new("pdftotext")
        .arg(&file)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace("\u{ad} ", "")
}

backend_test!(
    report_pdf_has_cover_contents_figures_commentary_and_sources,
    |app: TestApp| async move {
        let demo = app.demo().await;
        let network = demo.network_id;
        let coordinator =
            signed_in(&app, &demo.coordinator.email, &demo.coordinator.password).await;
        let pdf = format!("/networks/{network}/situation-report.pdf");
        // A first document loads the fonts and the statistics, as a running
        // server has long done; the one timed below is rendered anew (its
        // content differs).
        let first = coordinator.get(&pdf).await;
        assert_eq!(first.status(), StatusCode::OK);
        coordinator
            .post_form(
                &format!("/networks/{network}/situation/commentaries/residence_status"),
                &[("body", "Die meisten haben einen *dauerhaften* Titel.")],
            )
            .await;
        save_report(
            &coordinator,
            network,
            "Lagebericht Integration",
            &["population", "residence_status"],
        )
        .await;
        let started = Instant::now();
        let response = coordinator.get(&pdf).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(
            response.headers()["content-type"].to_str().unwrap(),
            "application/pdf"
        );
        let bytes = response.bytes().await.unwrap();
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{:?}",
            started.elapsed()
        );
        let text = pdf_text(&bytes);
        for expected in [
            "Lagebericht Integration",
            "Inhalt",
            "Bevölkerung",
            "Aufenthaltsstatus",
            "Die Einleitung nennt die Fragen des Netzwerks.",
            "Die meisten haben einen dauerhaften Titel.",
            // A figure: EU citizens with a right of residence, German digits.
            "5.905",
            "Quelle: Ausländerzentralregister (Destatis 12521-0043)",
            "Zeichenerklärung",
        ] {
            assert!(text.contains(expected), "{expected} missing in:\n{text}");
        }
        // Unpublished: not for anonymous readers.
        let anonymous = app.new_browser().get(&pdf).await;
        assert_ne!(anonymous.status(), StatusCode::OK);
    }
);

backend_test!(
    csv_in_both_dialects_and_json_parse_back,
    |app: TestApp| async move {
        let demo = app.demo().await;
        let network = demo.network_id;
        let coordinator =
            signed_in(&app, &demo.coordinator.email, &demo.coordinator.password).await;
        save_report(
            &coordinator,
            network,
            "Bericht",
            &["foreigners_share", "residence_status"],
        )
        .await;
        coordinator
            .post_form(
                &format!("/networks/{network}/situation/report/publish"),
                &[],
            )
            .await;
        let anonymous = app.new_browser();
        let csv_url = format!("/networks/{network}/situation.csv");

        let response = anonymous.get(&csv_url).await;
        assert_eq!(response.status(), StatusCode::OK);
        let bytes = response.bytes().await.unwrap();
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "byte order mark");
        let text = std::str::from_utf8(&bytes[3..]).unwrap();
        assert!(text.contains("\r\n"));
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(b';')
            .from_reader(text.as_bytes());
        let headers = reader.headers().unwrap().clone();
        assert_eq!(headers.len(), 13);
        assert_eq!(&headers[0], "indicator_code");
        let german: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        let share = german
            .iter()
            .find(|r| &r[0] == "foreigners_share" && &r[11] == "INKAR (BBSR)" && &r[4] == "2022")
            .expect("INKAR share 2022");
        assert_eq!(&share[6], "10,5");
        assert_eq!(&share[2], "09575");
        assert!(german.iter().all(|r| &r[0] != "population"), "only chosen");
        let duldung = german
            .iter()
            .find(|r| &r[0] == "residence_status" && &r[5] == "Duldung")
            .unwrap();
        assert_eq!(&duldung[6], "15");

        let response = anonymous.get(&format!("{csv_url}?dialect=plain")).await;
        let text = response.text().await.unwrap();
        assert!(!text.starts_with('\u{feff}') && !text.contains('\r'));
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let plain: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(plain.len(), german.len());
        let share = plain
            .iter()
            .find(|r| &r[0] == "foreigners_share" && &r[11] == "INKAR (BBSR)" && &r[4] == "2022")
            .unwrap();
        assert_eq!(&share[6], "10.5");

        let body = text_with_status(
            anonymous
                .get(&format!("/networks/{network}/situation.json"))
                .await,
            StatusCode::OK,
        )
        .await;
        let rows = json_rows(&body);
        assert_eq!(rows.len(), german.len());
        let first = rows[0].as_object().unwrap();
        for key in [
            "indicator_code",
            "indicator_name",
            "region_key",
            "region_name",
            "period",
            "category",
            "value",
            "numerator",
            "denominator",
            "unit",
            "mark",
            "source",
            "licence",
        ] {
            assert!(first.contains_key(key), "{key}");
        }
    }
);

/// axe-core (WCAG 2.1 AA): the public situation page anonymously and the
/// report page of the coordinator, German and Arabic.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn public_page_and_report_page_are_accessible() {
    use crate::common::{Backend, browser::Chrome};

    let app = TestApp::start(Backend::Sqlite).await;
    let demo = app.demo().await;
    let network = demo.network_id;
    ikon::demo::load_report(app.db(), network).await.unwrap();
    let Some(chrome) = Chrome::start(&app.base).await else {
        return;
    };
    let mut failures = Vec::new();
    for url in [
        format!("/networks/{network}/situation"),
        format!("/networks/{network}/situation?lang=ar"),
    ] {
        failures.extend(chrome.problems(&url).await);
    }
    chrome
        .sign_in(&demo.coordinator.email, &demo.coordinator.password)
        .await;
    for url in [
        format!("/networks/{network}/situation/report"),
        format!("/networks/{network}/situation/report?lang=ar"),
    ] {
        failures.extend(chrome.problems(&url).await);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
