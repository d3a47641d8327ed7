//! Projects as CSV in Decidim's accountability layout: a round trip, and
//! an import with bad rows that reports them and writes nothing.

use super::projects::project;
use super::*;
use crate::backend_test;

async fn export(browser: &Browser, network_id: i64) -> Vec<u8> {
    let response = browser
        .get(&format!("/networks/{network_id}/projects.csv"))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    response.bytes().await.unwrap().to_vec()
}

async fn upload(browser: &Browser, network_id: i64, bytes: Vec<u8>) -> reqwest::Response {
    let csrf = browser.csrf().await;
    let form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(bytes).file_name("projekte.csv"),
    );
    browser
        .client
        .post(format!(
            "{}/networks/{network_id}/projects/import?csrf={csrf}",
            browser.base
        ))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

async fn count(app: &TestApp, network_id: i64) -> i64 {
    sqlx::query("SELECT COUNT(*) AS n FROM projects WHERE network_id = $1")
        .bind(network_id)
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get("n")
}

backend_test!(
    projects_round_trip_through_decidim_csv,
    |app: TestApp| async move {
        let k = kreis(&app).await;
        let net = k.network_id;
        let parent = project(
            &app,
            &k,
            &k.token,
            json!({
                "title": "Arbeitsmarktintegration", "description": "Gemeinsam mit =Jobcenter",
                "starts_on": "2026-01-01", "ends_on": "2027-12-31", "status": "running",
            }),
        )
        .await;
        project(&app, &k, &k.token, json!({ "title": "Bewerbungscafé", "parent_id": parent.to_string(), "weight": "2", "status": "planned" })).await;
        project(&app, &k, &k.token, json!({ "title": "Betriebspraktika; Teil 2", "parent_id": parent.to_string(), "starts_on": "2026-03-01" })).await;
        let first = export(&k.coordinator, net).await;
        assert!(first.starts_with(b"\xEF\xBB\xBF"));
        let text = String::from_utf8(first[3..].to_vec()).unwrap();
        assert!(text.starts_with("id;parent/id;title/de;description/de;start_date;end_date;status/id;progress;weight\r\n"), "{text}");
        assert!(text.contains("'=Jobcenter") || text.contains("Gemeinsam mit =Jobcenter"));
        // Into the same network: every row changes its project, nothing new.
        let response = upload(&k.coordinator, net, first.clone()).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(count(&app, net).await, 3);
        assert_eq!(
            export(&k.coordinator, net).await,
            first,
            "the same file again"
        );
        // Into another network: new projects with the same tree.
        let logins = app.demo().await;
        let demo = app.new_browser();
        demo.login(&logins.coordinator.email, &logins.coordinator.password)
            .await;
        let before = count(&app, logins.network_id).await;
        let response = upload(&demo, logins.network_id, first.clone()).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(count(&app, logins.network_id).await, before + 3);
        let copied =
            String::from_utf8(export(&demo, logins.network_id).await[3..].to_vec()).unwrap();
        let strip = |csv: &str| -> Vec<String> {
            csv.lines()
                .skip(1)
                .map(|l| l.split(';').skip(2).collect::<Vec<_>>().join(";"))
                .collect()
        };
        let copied_rows: Vec<String> = strip(&copied)
            .into_iter()
            .filter(|r| strip(&text).contains(r))
            .collect();
        assert_eq!(copied_rows.len(), 3, "{copied}");
    }
);

backend_test!(
    an_import_with_a_bad_row_reports_it_and_writes_nothing,
    |app: TestApp| async move {
        let k = kreis(&app).await;
        let net = k.network_id;
        let file = "id;parent/id;title/de;description/de;start_date;end_date;status/id;progress;weight\r\n\
            1;;Gutes Projekt;;2026-01-01;2026-12-31;running;40;1\r\n\
            2;1;Teil;;31.12.2026;;running;150;1\r\n\
            3;;;;2026-05-01;2026-04-01;;;\r\n\
            4;1;Teil B;;;;paused;;1\r\n\
            5;6;Zu tief;;;;;;\r\n\
            6;1;Teil C;;;;;;\r\n";
        let response = upload(&k.coordinator, net, file.as_bytes().to_vec()).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = response.text().await.unwrap();
        for (row, column) in [
            ("3", "start_date"),
            ("3", "progress"),
            ("4", "title/de"),
            ("4", "end_date"),
            ("5", "status/id"),
            ("6", "parent/id"),
        ] {
            // minijinja escapes the slash of `title/de`.
            let column = column.replace('/', "&#x2f;");
            assert!(
                html.contains(&format!("<tr><td>{row}</td><td>{column}</td>")),
                "row {row} column {column}: {html}"
            );
        }
        assert_eq!(html.matches("<tr><td>").count(), 6, "{html}");
        assert_eq!(count(&app, net).await, 0);
    }
);
