//! The import page as a coordinator uses it: upload, preview without
//! storing, Import (the same observations as the CLI's import) or
//! Discard; broken files show line and column and offer no Import;
//! uploads belong to their uploader; CSRF and the upload limit hold.

use std::collections::BTreeMap;

use reqwest::{
    StatusCode,
    multipart::{Form, Part},
};
use sqlx::Row;

use super::{CellKey, count, fixture, import};
use crate::{
    backend_test,
    common::{Backend, Browser, TestApp, text_with_status},
};

/// Uploads `bytes` as `name` to the import page; `generic` ticks "read as
/// a table of my own". Returns the response (a redirect to the preview).
pub async fn upload(
    browser: &Browser,
    name: &str,
    bytes: Vec<u8>,
    generic: bool,
) -> reqwest::Response {
    let csrf = browser.csrf().await;
    let form = Form::new();
    let form = if generic {
        form.text("generic", "1")
    } else {
        form
    };
    let form = form.part("file", Part::bytes(bytes).file_name(name.to_string()));
    browser
        .client
        .post(format!("{}/statistics/import?csrf={csrf}", browser.base))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

/// Uploads and follows to the preview's address.
pub async fn upload_to_preview(browser: &Browser, name: &str, bytes: Vec<u8>) -> String {
    let response = upload(browser, name, bytes, false).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let location = response.headers()["location"].to_str().unwrap().to_string();
    assert!(location.starts_with("/statistics/import/"), "{location}");
    location
}

/// A signed-in browser of the demo's coordinator.
pub async fn coordinator(app: &TestApp) -> (ikon::demo::DemoLogins, Browser) {
    let demo = app.demo().await;
    let browser = app.new_browser();
    browser
        .login(&demo.coordinator.email, &demo.coordinator.password)
        .await;
    (demo, browser)
}

/// Files waiting in the uploads folder.
pub fn pending_files(app: &TestApp) -> usize {
    std::fs::read_dir(app.data_dir.join("statistics-uploads"))
        .map(|d| d.count())
        .unwrap_or(0)
}

/// Every stored cell of one dataset: value and mark.
async fn dataset_cells(
    app: &TestApp,
    dataset_id: i64,
) -> BTreeMap<CellKey, (Option<f64>, Option<String>)> {
    let rows = sqlx::query(
        "SELECT region_key, period, measure, dims, value, mark FROM stat_observations WHERE dataset_id = $1",
    )
    .bind(dataset_id)
    .fetch_all(app.db().pool())
    .await
    .unwrap();
    rows.into_iter()
        .map(|r| {
            let dims: Vec<[String; 4]> = serde_json::from_str(r.get::<&str, _>("dims")).unwrap();
            let mut labels: Vec<String> = dims.into_iter().map(|[_, _, _, a]| a).collect();
            labels.sort();
            (
                (
                    r.get("region_key"),
                    r.get("period"),
                    r.get("measure"),
                    labels,
                ),
                (r.get("value"), r.get("mark")),
            )
        })
        .collect()
}

backend_test!(
    upload_preview_and_import_store_what_the_cli_stores,
    |app: TestApp| async move {
        let (demo, browser) = coordinator(&app).await;
        // The situation page leads coordinators to the import page.
        let situation = browser
            .get(&format!("/networks/{}/situation", demo.network_id))
            .await
            .text()
            .await
            .unwrap();
        assert!(situation.contains("id=\"statistics-import\""));
        let page = text_with_status(browser.get("/statistics/import").await, StatusCode::OK).await;
        assert!(page.contains("Statistiken importieren"), "{page}");
        // The shipped tables are listed.
        assert!(page.contains("12511-01-01-4"), "{page}");

        let datasets = count(&app, "stat_datasets").await;
        let observations = count(&app, "stat_observations").await;
        let name = "13211-02-05-4_flat.csv";
        let bytes = std::fs::read(fixture(name)).unwrap();
        let location = upload_to_preview(&browser, name, bytes.clone()).await;
        let preview = text_with_status(browser.get(&location).await, StatusCode::OK).await;
        // The CLI's import of the same file, on a fresh installation.
        let cli_app = TestApp::start(Backend::Sqlite).await;
        let cli = import(&cli_app, &fixture(name)).await.unwrap();
        assert!(preview.contains("Flatfile-CSV (flat)"), "{preview}");
        assert!(preview.contains("<dd id=\"table-code\">13211-02-05-4</dd>"));
        assert!(preview.contains(&format!(
            "<dd id=\"periods\">{}</dd>",
            cli.periods.join(", ")
        )));
        assert!(preview.contains(&format!(
            "<dd id=\"observations\">{}</dd>",
            cli.observations
        )));
        assert!(!cli.marks.is_empty());
        for (mark, n) in &cli.marks {
            assert!(
                preview.contains(&format!(
                    "<tr><th scope=\"row\"><code>{mark}</code></th><td>{n}</td></tr>"
                )),
                "mark {mark} × {n}: {preview}"
            );
        }
        // The shipped classic table holds 2016 too: the flat file replaces it.
        assert!(preview.contains("id=\"replaces\""), "{preview}");
        assert!(preview.contains("id=\"import\""));
        // Nothing is stored by looking.
        assert_eq!(count(&app, "stat_datasets").await, datasets);
        assert_eq!(count(&app, "stat_observations").await, observations);

        let result = browser.post_form(&location, &[]).await;
        let result = text_with_status(result, StatusCode::OK).await;
        assert!(
            result.contains(&format!("{} Werte importiert.", cli.observations)),
            "{result}"
        );
        let dataset_id: i64 = sqlx::query_scalar(
            "SELECT MAX(id) FROM stat_datasets WHERE table_code = '13211-02-05-4' AND shipped = 0",
        )
        .fetch_one(app.db().pool())
        .await
        .unwrap();
        let stored = dataset_cells(&app, dataset_id).await;
        assert_eq!(stored.len() as u64, cli.observations);
        assert_eq!(stored, dataset_cells(&cli_app, cli.dataset_id).await);
        // Audited as the coordinator, not as the system.
        let actor: String = sqlx::query_scalar(
            "SELECT actor FROM audit_log WHERE entity = 'statistics_dataset' AND entity_id = $1",
        )
        .bind(dataset_id)
        .fetch_one(app.db().pool())
        .await
        .unwrap();
        assert!(actor.contains(&demo.coordinator.email), "{actor}");
        // The pending upload is gone with its file.
        assert_eq!(browser.get(&location).await.status(), StatusCode::NOT_FOUND);
        assert_eq!(pending_files(&app), 0);
        // The list names the new import.
        let page = text_with_status(browser.get("/statistics/import").await, StatusCode::OK).await;
        assert!(page.contains(name), "{page}");

        // The same file again: the preview says so, importing changes nothing.
        let again = upload_to_preview(&browser, name, bytes).await;
        let preview = text_with_status(browser.get(&again).await, StatusCode::OK).await;
        assert!(preview.contains("id=\"imported-before\""), "{preview}");
        assert!(preview.contains("bereits importiert"));
        let datasets = count(&app, "stat_datasets").await;
        let result = text_with_status(browser.post_form(&again, &[]).await, StatusCode::OK).await;
        assert!(result.contains("nichts wurde geändert"), "{result}");
        assert_eq!(count(&app, "stat_datasets").await, datasets);
        cli_app.stop().await;
    }
);

backend_test!(
    discard_deletes_the_upload_and_uploads_are_their_owners,
    |app: TestApp| async move {
        let (demo, browser) = coordinator(&app).await;
        let name = "12411-01-01-4_flat_de.csv";
        let location =
            upload_to_preview(&browser, name, std::fs::read(fixture(name)).unwrap()).await;
        let preview = text_with_status(browser.get(&location).await, StatusCode::OK).await;
        let datasets = count(&app, "stat_datasets").await;
        assert!(preview.contains("flat_wide"), "{preview}");
        assert_eq!(pending_files(&app), 2);

        // Another user who may import does not see it.
        let admin = app.new_browser();
        admin.login(&demo.admin.email, &demo.admin.password).await;
        assert_eq!(admin.get(&location).await.status(), StatusCode::NOT_FOUND);
        let discard = format!("{location}/discard");
        assert_eq!(
            admin.post_form(&discard, &[]).await.status(),
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            admin.post_form(&location, &[]).await.status(),
            StatusCode::NOT_FOUND
        );
        // Members and anonymous callers may not import at all.
        let member = app.new_browser();
        member
            .login(&demo.member.email, &demo.member.password)
            .await;
        assert_eq!(
            member.get("/statistics/import").await.status(),
            StatusCode::FORBIDDEN
        );
        assert_eq!(member.get(&location).await.status(), StatusCode::FORBIDDEN);
        let situation = member
            .get(&format!("/networks/{}/situation", demo.network_id))
            .await
            .text()
            .await
            .unwrap();
        assert!(!situation.contains("id=\"statistics-import\""));
        let member_upload = upload(&member, name, b"x".to_vec(), false).await;
        assert_eq!(member_upload.status(), StatusCode::FORBIDDEN);
        let anonymous = app.new_browser();
        let response = anonymous.get("/statistics/import").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert!(
            response.headers()["location"]
                .to_str()
                .unwrap()
                .starts_with("/login")
        );
        // Without the CSRF token nothing happens.
        let forged = browser
            .client
            .post(format!("{}{discard}", browser.base))
            .form(&[("x", "1")])
            .send()
            .await
            .unwrap();
        assert_eq!(forged.status(), StatusCode::FORBIDDEN);
        let forged = browser
            .client
            .post(format!("{}/statistics/import", browser.base))
            .multipart(Form::new().part("file", Part::bytes(b"a;b\n".to_vec()).file_name("a.csv")))
            .send()
            .await
            .unwrap();
        assert_eq!(forged.status(), StatusCode::FORBIDDEN);
        assert_eq!(pending_files(&app), 2);

        let response = browser.post_form(&discard, &[]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            response.headers()["location"],
            "/statistics/import?notice=mon-upload-discarded"
        );
        assert_eq!(pending_files(&app), 0);
        assert_eq!(browser.get(&location).await.status(), StatusCode::NOT_FOUND);
        assert_eq!(count(&app, "stat_datasets").await, datasets);
    }
);

backend_test!(
    a_broken_file_shows_line_and_column_and_cannot_be_imported,
    |app: TestApp| async move {
        let (_, browser) = coordinator(&app).await;
        let text =
            String::from_utf8(std::fs::read(fixture("12411-01-01-4_mittelfranken.csv")).unwrap())
                .unwrap()
                .replacen(";509975;", ";509.975,0x;", 1);
        let location = upload_to_preview(&browser, "bad.csv", text.into_bytes()).await;
        let page = text_with_status(
            browser.get(&location).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert!(
            page.contains("Die Datei kann nicht importiert werden"),
            "{page}"
        );
        assert!(
            page.contains("<td>bad.csv</td>\n      <td>15</td>\n      <td>3</td>"),
            "{page}"
        );
        assert!(!page.contains("id=\"import\""));
        let datasets = count(&app, "stat_datasets").await;
        let observations = count(&app, "stat_observations").await;
        // Posting the import anyway stores nothing either.
        let response = browser.post_form(&location, &[]).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(count(&app, "stat_datasets").await, datasets);
        assert_eq!(count(&app, "stat_observations").await, observations);
        // Discard still works.
        let response = browser.post_form(&format!("{location}/discard"), &[]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(pending_files(&app), 0);
        // An empty upload is refused with a message.
        let response = upload(&browser, "leer.csv", Vec::new(), false).await;
        let page = text_with_status(response, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert!(page.contains("Bitte eine Datei auswählen."), "{page}");
        assert_eq!(pending_files(&app), 0);
    }
);

backend_test!(
    an_upload_over_the_limit_is_refused_with_413,
    |app: TestApp| async move {
        let (_, browser) = coordinator(&app).await;
        let limit = app.app.config.max_upload_bytes;
        let response = upload(&browser, "gross.csv", vec![b'1'; limit + 1], false).await;
        assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
        assert!(response.text().await.unwrap().contains("größer als"));
        // Nothing is kept of it.
        assert_eq!(pending_files(&app), 0);
    }
);

backend_test!(uploads_expire_after_a_day, |app: TestApp| async move {
    let (_, browser) = coordinator(&app).await;
    let name = "13211-02-05-4_flat.csv";
    let location = upload_to_preview(&browser, name, std::fs::read(fixture(name)).unwrap()).await;
    let data_dir = app.app.config.data_dir.clone();
    let now = ikon::core::store::now();
    // The hourly sweep leaves a fresh upload alone …
    assert_eq!(
        ikon::monitoring::uploads::sweep(&data_dir, now)
            .await
            .unwrap(),
        0
    );
    assert_eq!(browser.get(&location).await.status(), StatusCode::OK);
    // … and deletes it once it is more than a day old.
    let later = now + ikon::monitoring::uploads::KEEP_SECONDS + 3600;
    assert_eq!(
        ikon::monitoring::uploads::sweep(&data_dir, later)
            .await
            .unwrap(),
        1
    );
    assert_eq!(pending_files(&app), 0);
    assert_eq!(browser.get(&location).await.status(), StatusCode::NOT_FOUND);
});
