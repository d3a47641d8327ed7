//! Tables of one's own on the import page: a city's CSV (ISO-8859-1,
//! `;`, decimal comma, thousands points, marks) and a spreadsheet (XLSX,
//! keys stored as numbers), mapped, previewed, imported and checked cell
//! by cell; a wrong key or a text among the values names line and column
//! and stores nothing; the pages pass the accessibility checks.

use std::collections::BTreeMap;

use reqwest::StatusCode;

use super::{
    cells, count, fixture,
    import_page::{coordinator, pending_files, upload, upload_to_preview},
};
use crate::{
    backend_test,
    common::{Backend, Browser, TestApp, text_with_status},
};

/// The mapping of the CSV fixture: key in B, year in C, two value columns.
fn csv_mapping(code: &str) -> Vec<(&str, &str)> {
    vec![
        ("header_row", "1"),
        ("region_column", "2"),
        ("period_column", "3"),
        ("period", ""),
        ("value1_column", "4"),
        ("value1_measure", "Ausländer"),
        ("value1_unit", "Personen"),
        ("value2_column", "5"),
        ("value2_measure", "Ausländeranteil"),
        ("value2_unit", "%"),
        ("table_code", code),
        ("title", "Ausländer nach Gemeinden"),
        ("source", "Stadt Neustadt a.d.Aisch, Einwohnermeldeamt"),
        ("licence", "CC BY 4.0"),
    ]
}

/// Posts the mapping; the answer leads back to the upload's page.
async fn map(browser: &Browser, location: &str, fields: &[(&str, &str)]) {
    let response = browser
        .post_form(&format!("{location}/mapping"), fields)
        .await;
    assert_eq!(
        response.status(),
        StatusCode::SEE_OTHER,
        "{}",
        response.text().await.unwrap()
    );
    assert_eq!(response.headers()["location"], location);
}

type Expected = BTreeMap<(String, String, String, Vec<String>), (Option<f64>, Option<String>)>;

/// A cell as the test expects it: region, period, measure, value, mark.
type Cell<'a> = (&'a str, &'a str, &'a str, Option<f64>, Option<&'a str>);

fn expect(rows: &[Cell]) -> Expected {
    rows.iter()
        .map(|(region, period, measure, value, mark)| {
            (
                (
                    region.to_string(),
                    period.to_string(),
                    measure.to_string(),
                    Vec::new(),
                ),
                (*value, mark.map(str::to_string)),
            )
        })
        .collect()
}

backend_test!(
    a_citys_csv_is_mapped_previewed_and_imported,
    |app: TestApp| async move {
        let (_, browser) = coordinator(&app).await;
        let name = "auslaender_gemeinden_nea.csv";
        let location =
            upload_to_preview(&browser, name, std::fs::read(fixture(name)).unwrap()).await;
        // Not an official table: the grid and the mapping form, with the
        // Latin-1 text read right and guesses from the headers.
        let form = text_with_status(browser.get(&location).await, StatusCode::OK).await;
        assert!(form.contains("Spalten zuordnen"), "{form}");
        assert!(form.contains("<td>Ausländeranteil in %</td>"), "{form}");
        assert!(form.contains("<td>Bad Windsheim, St</td>"));
        assert!(
            form.contains("<option value=\"2\" selected>B – AGS</option>"),
            "{form}"
        );
        assert!(form.contains("<option value=\"3\" selected>C – Jahr</option>"));
        assert!(form.contains("value=\"auslaender_gemeinden_nea\""));
        assert!(!form.contains("id=\"import\""));

        let code = "nea-auslaender";
        map(&browser, &location, &csv_mapping(code)).await;
        let preview = text_with_status(browser.get(&location).await, StatusCode::OK).await;
        assert!(preview.contains("Eigene Tabelle (generic)"), "{preview}");
        assert!(preview.contains("<dd id=\"table-code\">nea-auslaender</dd>"));
        assert!(preview.contains("<dd id=\"periods\">2022, 2023</dd>"));
        assert!(preview.contains("<dd id=\"observations\">20</dd>"));
        assert!(preview.contains("<tr><th scope=\"row\"><code>-</code></th><td>2</td></tr>"));
        assert!(preview.contains("<tr><th scope=\"row\"><code>.</code></th><td>1</td></tr>"));
        assert!(preview.contains("Ausländer – Personen"), "{preview}");
        // The regions by their official names.
        assert!(preview.contains("09575112 Bad Windsheim"), "{preview}");
        // Nothing stored by looking.
        assert!(cells(&app, code).await.is_empty());

        let result =
            text_with_status(browser.post_form(&location, &[]).await, StatusCode::OK).await;
        assert!(result.contains("20 Werte importiert."), "{result}");
        let a = "Ausländer";
        let s = "Ausländeranteil";
        assert_eq!(
            cells(&app, code).await,
            expect(&[
                ("09575112", "2022", a, Some(1187.0), None),
                ("09575112", "2022", s, Some(9.3), None),
                ("09575116", "2022", a, Some(143.0), None),
                ("09575116", "2022", s, Some(5.2), None),
                ("09575119", "2022", a, Some(97.0), None),
                ("09575119", "2022", s, Some(4.4), None),
                ("09575121", "2022", a, Some(402.0), None),
                ("09575121", "2022", s, Some(6.5), None),
                ("09575153", "2022", a, Some(1642.0), None),
                ("09575153", "2022", s, Some(12.1), None),
                ("09575112", "2023", a, Some(1301.0), None),
                ("09575112", "2023", s, Some(10.2), None),
                ("09575116", "2023", a, Some(151.0), None),
                ("09575116", "2023", s, Some(5.5), None),
                ("09575119", "2023", a, Some(0.0), Some("-")),
                ("09575119", "2023", s, Some(0.0), Some("-")),
                ("09575121", "2023", a, Some(431.0), None),
                ("09575121", "2023", s, Some(7.0), None),
                ("09575153", "2023", a, Some(1758.0), None),
                ("09575153", "2023", s, None, Some(".")),
            ])
        );
        let (source, licence, format): (String, String, String) = sqlx::query_as(
            "SELECT source, licence, format FROM stat_datasets WHERE table_code = $1",
        )
        .bind(code)
        .fetch_one(app.db().pool())
        .await
        .unwrap();
        assert_eq!(source, "Stadt Neustadt a.d.Aisch, Einwohnermeldeamt");
        assert_eq!(licence, "CC BY 4.0");
        assert_eq!(format, "generic");
        assert_eq!(pending_files(&app), 0);
    }
);

backend_test!(
    a_spreadsheet_is_mapped_with_one_period_and_imported,
    |app: TestApp| async move {
        let (_, browser) = coordinator(&app).await;
        let name = "auslaender_gemeinden_nea.xlsx";
        let location =
            upload_to_preview(&browser, name, std::fs::read(fixture(name)).unwrap()).await;
        let form = text_with_status(browser.get(&location).await, StatusCode::OK).await;
        // Both sheets offered, the first shown; the header row guessed.
        assert!(form.contains("<option value=\"Quelle\""), "{form}");
        assert!(form.contains("<td>Gemeindeschlüssel</td>"));
        assert!(
            form.contains("id=\"f-header_row\" name=\"header_row\" type=\"number\" value=\"3\""),
            "{form}"
        );
        let code = "nea-auslaender-2023";
        map(
            &browser,
            &location,
            &[
                ("sheet", "Daten"),
                ("header_row", "3"),
                ("region_column", "1"),
                ("period_column", ""),
                ("period", "31.12.2023"),
                ("value1_column", "3"),
                ("value1_measure", "Ausländer"),
                ("value1_unit", "Personen"),
                ("value2_column", "4"),
                ("value2_measure", "Ausländeranteil"),
                ("value2_unit", "%"),
                ("table_code", code),
                ("title", "Ausländer am 31.12.2023 nach Gemeinden"),
                ("source", "Stadt Neustadt a.d.Aisch"),
                ("licence", ""),
            ],
        )
        .await;
        let preview = text_with_status(browser.get(&location).await, StatusCode::OK).await;
        assert!(
            preview.contains("<dd id=\"periods\">2023-12-31</dd>"),
            "{preview}"
        );
        assert!(preview.contains("<dd id=\"observations\">10</dd>"));
        let result =
            text_with_status(browser.post_form(&location, &[]).await, StatusCode::OK).await;
        assert!(result.contains("10 Werte importiert."), "{result}");
        let a = "Ausländer";
        let s = "Ausländeranteil";
        let day = "2023-12-31";
        assert_eq!(
            cells(&app, code).await,
            expect(&[
                // Keys typed as numbers get their leading zero back.
                ("09575112", day, a, Some(1301.0), None),
                ("09575112", day, s, Some(10.2), None),
                ("09575116", day, a, Some(151.0), None),
                ("09575116", day, s, Some(5.5), None),
                ("09575119", day, a, Some(0.0), Some("-")),
                ("09575119", day, s, Some(0.0), Some("-")),
                ("09575121", day, a, Some(431.0), None),
                ("09575121", day, s, Some(7.0), None),
                ("09575153", day, a, Some(1758.0), None),
                ("09575153", day, s, None, Some(".")),
            ])
        );
    }
);

/// Uploads a variant of the CSV fixture, maps it and returns the page the
/// upload then shows.
async fn mapped_variant(app: &TestApp, browser: &Browser, from: &str, to: &str) -> String {
    let bytes = std::fs::read(fixture("auslaender_gemeinden_nea.csv")).unwrap();
    let text: String = bytes.iter().map(|&b| b as char).collect();
    assert!(text.contains(from));
    let bytes: Vec<u8> = text
        .replacen(from, to, 1)
        .chars()
        .map(|c| c as u8)
        .collect();
    let location = upload_to_preview(browser, "eigene.csv", bytes).await;
    map(browser, &location, &csv_mapping("eigene")).await;
    let page = text_with_status(
        browser.get(&location).await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    // No Import; importing anyway stores nothing.
    assert!(!page.contains("id=\"import\""));
    let response = browser.post_form(&location, &[]).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(cells(app, "eigene").await.is_empty());
    page
}

backend_test!(
    a_wrong_key_or_a_text_among_the_values_names_line_and_column,
    |app: TestApp| async move {
        let (_, browser) = coordinator(&app).await;
        // A Gemeinde key the official geography does not have, line 4.
        let page = mapped_variant(&app, &browser, "09575119;2022", "09575999;2022").await;
        let datasets = count(&app, "stat_datasets").await;
        assert!(
            page.contains("<td>eigene.csv</td>\n      <td>4</td>\n      <td>2</td>"),
            "{page}"
        );
        assert!(page.contains("09575999"));
        // The mapping form is there to correct it.
        assert!(page.contains("id=\"map\""));
        // A word among the numbers, line 3, column 4.
        let page = mapped_variant(&app, &browser, ";143;", ";viele;").await;
        assert!(
            page.contains("<td>eigene.csv</td>\n      <td>3</td>\n      <td>4</td>"),
            "{page}"
        );
        assert!(page.contains("viele"));
        assert_eq!(count(&app, "stat_datasets").await, datasets);

        // A mapping without a period is refused field by field.
        let location = upload_to_preview(
            &browser,
            "eigene.csv",
            std::fs::read(fixture("auslaender_gemeinden_nea.csv")).unwrap(),
        )
        .await;
        let mut fields = csv_mapping("eigene");
        fields.retain(|(k, _)| *k != "period_column");
        let response = browser
            .post_form(&format!("{location}/mapping"), &fields)
            .await;
        let page = text_with_status(response, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert!(
            page.contains("Bitte eine Spalte mit dem Zeitraum wählen"),
            "{page}"
        );
        // An official table can still be read as one's own.
        let name = "13211-02-05-4_flat.csv";
        let response = upload(&browser, name, std::fs::read(fixture(name)).unwrap(), true).await;
        let location = response.headers()["location"].to_str().unwrap().to_string();
        let form = text_with_status(browser.get(&location).await, StatusCode::OK).await;
        assert!(form.contains("Spalten zuordnen"));
        assert_eq!(count(&app, "stat_datasets").await, datasets);
    }
);

/// The import page, a preview, a file's problem and the mapping form pass
/// the accessibility checks (axe, language, contrast) in German and
/// English.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn import_pages_are_accessible() {
    use crate::common::browser::Chrome;

    let app = TestApp::start(Backend::Sqlite).await;
    let (demo, browser) = coordinator(&app).await;
    let official = "13211-02-05-4_flat.csv";
    let preview = upload_to_preview(
        &browser,
        official,
        std::fs::read(fixture(official)).unwrap(),
    )
    .await;
    let own = "auslaender_gemeinden_nea.xlsx";
    let mapping = upload_to_preview(&browser, own, std::fs::read(fixture(own)).unwrap()).await;
    let broken =
        upload_to_preview(&browser, "kaputt.csv", b"GENESIS-Tabelle: 1\n;;\n".to_vec()).await;
    let mapped = upload_to_preview(
        &browser,
        "auslaender_gemeinden_nea.csv",
        std::fs::read(fixture("auslaender_gemeinden_nea.csv")).unwrap(),
    )
    .await;
    map(&browser, &mapped, &csv_mapping("nea-auslaender")).await;

    let Some(chrome) = Chrome::start(&app.base).await else {
        return;
    };
    chrome
        .sign_in(&demo.coordinator.email, &demo.coordinator.password)
        .await;
    let mut failures = Vec::new();
    for path in ["/statistics/import", &preview, &mapping, &mapped] {
        for url in [path.to_string(), format!("{path}?lang=en")] {
            failures.extend(chrome.problems(&url).await);
        }
    }
    // A file's problem answers 422: checked with axe as it is.
    for url in [broken.clone(), format!("{broken}?lang=en")] {
        if let Err(e) = chrome.open_expecting(&url, 422).await {
            failures.push(e);
            continue;
        }
        let serious: String = crate::common::browser::axe(&chrome)
            .await
            .into_iter()
            .filter(|v| v.is_serious())
            .map(|v| v.to_string())
            .collect();
        if !serious.is_empty() {
            failures.push(format!("{url}:\n{serious}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} problem(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
