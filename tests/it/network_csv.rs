//! CSV export and import of the registry: the Excel format, the round
//! trip, all-or-nothing imports with a row-by-row report, and the CLI.

use ikon::network::cli::{ExportCommand, ImportCommand};
use reqwest::{StatusCode, header, multipart};
use sqlx::Row;

use crate::backend_test;
use crate::common::{Browser, TestApp, text_with_status};
use crate::network::{browser_as, count, demo};

const BOM: &[u8] = b"\xEF\xBB\xBF";
const ORG_HEADER: &str = "Name;Kategorie;Straße;PLZ;Ort;Website;E-Mail;Telefon;Beschreibung";

/// Uploads a file through the import form (multipart, CSRF in the query).
async fn upload(b: &Browser, network: i64, kind: &str, bytes: Vec<u8>) -> reqwest::Response {
    let csrf = b.csrf().await;
    let form = multipart::Form::new().text("kind", kind.to_string()).part(
        "file",
        multipart::Part::bytes(bytes)
            .file_name("import.csv")
            .mime_str("text/csv")
            .unwrap(),
    );
    b.client
        .post(format!("{}/networks/{network}/import?csrf={csrf}", b.base))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

async fn download(b: &Browser, network: i64, file: &str) -> Vec<u8> {
    let response = b.get(&format!("/networks/{network}/export/{file}")).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()[header::CONTENT_TYPE],
        "text/csv; charset=utf-8"
    );
    assert!(
        response.headers()[header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap()
            .starts_with("attachment")
    );
    response.bytes().await.unwrap().to_vec()
}

fn parse(bytes: &[u8]) -> Vec<Vec<String>> {
    let text = std::str::from_utf8(bytes.strip_prefix(BOM).expect("BOM")).unwrap();
    csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// Everything an import may change, to compare before and after.
async fn snapshot(app: &TestApp) -> (i64, i64, i64, i64) {
    (
        count(app, "SELECT CAST(COUNT(*) AS BIGINT) FROM organizations").await,
        count(app, "SELECT CAST(COUNT(*) AS BIGINT) FROM people").await,
        count(app, "SELECT CAST(COUNT(*) AS BIGINT) FROM audit_log").await,
        count(
            app,
            "SELECT CAST(COALESCE(MAX(updated_at), 0) AS BIGINT) FROM organizations",
        )
        .await,
    )
}

backend_test!(
    export_is_excel_csv_matching_the_database,
    |app: TestApp| async move {
        let logins = demo(&app).await;
        let b = browser_as(&app, &logins.member).await;
        let bytes = download(&b, logins.network_id, "organizations.csv").await;
        assert!(bytes.starts_with(BOM));
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
        assert!(text.starts_with(&format!("{ORG_HEADER}\r\n")), "{text}");
        let rows = parse(&bytes);
        assert_eq!(rows[0].join(";"), ORG_HEADER);
        let db_rows = sqlx::query(
        "SELECT o.name, o.category, o.postal_code, o.email FROM organizations o JOIN memberships m ON m.organization_id = o.id WHERE m.network_id = $1",
    )
    .bind(logins.network_id)
    .fetch_all(app.db().pool())
    .await
    .unwrap();
        assert_eq!(rows.len() - 1, db_rows.len());
        for r in &db_rows {
            let name: String = r.get("name");
            let row = rows
                .iter()
                .find(|row| row[0] == name)
                .unwrap_or_else(|| panic!("{name} exported"));
            let category =
                ikon::network::model::Category::parse(&r.get::<String, _>("category")).unwrap();
            assert_eq!(row[1], category.label(ikon::core::i18n::Lang::De));
            assert_eq!(row[3], r.get::<String, _>("postal_code"));
            assert_eq!(row[6], r.get::<String, _>("email"));
        }
        let people = parse(&download(&b, logins.network_id, "people.csv").await);
        assert_eq!(
            people[0].join(";"),
            "Organisation;Name;Funktion;E-Mail;Telefon"
        );
        assert_eq!(
            (people.len() - 1) as i64,
            count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM people").await
        );
    }
);

backend_test!(
    formulas_are_neutralised_on_export,
    |app: TestApp| async move {
        let logins = demo(&app).await;
        let b = browser_as(&app, &logins.coordinator).await;
        let response = b
            .post_form(
                &format!("/networks/{}/organizations", logins.network_id),
                &[
                    ("name", "=HYPERLINK(\"http://evil.example\")"),
                    ("category", "other"),
                    ("phone", "+49 9161 1234"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let rows = parse(&download(&b, logins.network_id, "organizations.csv").await);
        let row = rows.iter().find(|r| r[0].contains("HYPERLINK")).unwrap();
        assert_eq!(row[0], "'=HYPERLINK(\"http://evil.example\")");
        assert_eq!(row[7], "'+49 9161 1234");
        // Re-importing the export restores the values exactly.
        let before = snapshot(&app).await;
        let bytes = download(&b, logins.network_id, "organizations.csv").await;
        assert_eq!(
            upload(&b, logins.network_id, "organizations", bytes)
                .await
                .status(),
            StatusCode::SEE_OTHER
        );
        assert_eq!(snapshot(&app).await, before);
    }
);

backend_test!(
    round_trip_export_import_changes_nothing,
    |app: TestApp| async move {
        let logins = demo(&app).await;
        let b = browser_as(&app, &logins.coordinator).await;
        let net = logins.network_id;
        let organizations = download(&b, net, "organizations.csv").await;
        let people = download(&b, net, "people.csv").await;
        let before = snapshot(&app).await;
        let response = upload(&b, net, "organizations", organizations).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert!(
            response.headers()[header::LOCATION]
                .to_str()
                .unwrap()
                .ends_with("notice=net-import-done")
        );
        assert_eq!(
            upload(&b, net, "people", people).await.status(),
            StatusCode::SEE_OTHER
        );
        assert_eq!(snapshot(&app).await, before);
    }
);

backend_test!(
    bad_file_is_rejected_row_by_row_and_changes_nothing,
    |app: TestApp| async move {
        let logins = demo(&app).await;
        let b = browser_as(&app, &logins.coordinator).await;
        let file = format!(
            "{ORG_HEADER}\r\n\
         Neuer Verein Eins;Sportverein;;91413;Neustadt;;;;\r\n\
         Neuer Verein Zwei;Sportverein;;91413;Neustadt;;kaputt-at-example;;\r\n\
         Volkshochschule im Landkreis Neustadt a.d.Aisch-Bad Windsheim;Erwachsenenbildung / Sprachkursträger;;;;;;;geändert\r\n\
         Neuer Verein Drei;Kirche;;91413;Neustadt;;;;\r\n"
        );
        let before = snapshot(&app).await;
        let response = upload(&b, logins.network_id, "organizations", file.into_bytes()).await;
        let html = text_with_status(response, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert!(html.contains("Fehler: 2"), "{html}");
        assert!(
            html.contains(
                "<tr><td>3</td><td>E-Mail</td><td>Bitte eine gültige E-Mail-Adresse angeben"
            ),
            "{html}"
        );
        assert!(
            html.contains("<tr><td>5</td><td>Kategorie</td><td>Unbekannte Kategorie."),
            "{html}"
        );
        assert!(
            html.contains("Sportverein"),
            "the message lists the German names"
        );
        assert_eq!(snapshot(&app).await, before, "nothing written");
        assert_eq!(
            count(
                &app,
                "SELECT CAST(COUNT(*) AS BIGINT) FROM organizations WHERE name LIKE 'Neuer Verein%'"
            )
            .await,
            0
        );

        // Header problems, duplicates and unknown organisations are reported too.
        let response = upload(
            &b,
            logins.network_id,
            "organizations",
            b"Name;Farbe\r\nX;rot\r\n".to_vec(),
        )
        .await;
        let html = text_with_status(response, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert!(html.contains("<tr><td>1</td><td>Farbe</td>"), "{html}");
        assert!(
            html.contains("<tr><td>1</td><td>Kategorie</td><td>Diese Spalte fehlt.</td></tr>"),
            "{html}"
        );
        let people = "Organisation;Name;Funktion;E-Mail;Telefon\nGibt es nicht e.V.;Anna Anders;;;\nPolizeiinspektion Neustadt a.d.Aisch;Bert Bauer;;;\nPolizeiinspektion Neustadt a.d.Aisch;bert bauer;;;\n";
        let response = upload(&b, logins.network_id, "people", people.as_bytes().to_vec()).await;
        let html = text_with_status(response, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert!(html.contains("<tr><td>2</td><td>Organisation</td><td>Im Netzwerk gibt es keine Organisation mit diesem Namen.</td></tr>"), "{html}");
        assert!(
            html.contains(
                "<tr><td>4</td><td>Name</td><td>Derselbe Name steht schon in Zeile 3.</td></tr>"
            ),
            "{html}"
        );
        assert_eq!(snapshot(&app).await, before, "nothing written");
        // Missing form fields are field errors.
        let response = upload(&b, logins.network_id, "organizations", Vec::new()).await;
        let html = text_with_status(response, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert!(html.contains("Bitte eine CSV-Datei auswählen."));
    }
);

backend_test!(
    import_creates_and_updates_by_name,
    |app: TestApp| async move {
        let logins = demo(&app).await;
        let b = browser_as(&app, &logins.coordinator).await;
        let net = logins.network_id;
        // Without BOM, category by code, a Windows-1252 "ä", names in other case.
        let mut file =
            b"Name;Kategorie;Stra\xdfe;PLZ;Ort;Website;E-Mail;Telefon;Beschreibung\r\n".to_vec();
        file.extend_from_slice(b"polizeiinspektion neustadt a.d.aisch;police;Am Anger 1;91413;Neustadt a.d.Aisch;;;;Neu beschrieben\r\n");
        file.extend_from_slice(b"Tafel N\xe4chstenhilfe;Sonstige;;;Neustadt;;;;\r\n");
        let audit_before = count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM audit_log").await;
        assert_eq!(
            upload(&b, net, "organizations", file).await.status(),
            StatusCode::SEE_OTHER
        );
        let row = sqlx::query("SELECT name, description FROM organizations WHERE name_search = 'polizeiinspektion neustadt a.d.aisch'")
        .fetch_one(app.db().pool())
        .await
        .unwrap();
        assert_eq!(
            row.get::<String, _>("name"),
            "polizeiinspektion neustadt a.d.aisch"
        );
        assert_eq!(row.get::<String, _>("description"), "Neu beschrieben");
        assert_eq!(count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM organizations WHERE name = 'Tafel Nächstenhilfe'").await, 1);
        // One update, one create plus its membership.
        assert_eq!(
            count(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM audit_log").await,
            audit_before + 3
        );
        let people = "\u{feff}Organisation;Name;Funktion;E-Mail;Telefon\r\nTafel Nächstenhilfe;Erna Ehrenamt;Leitung;erna@tafel.example;'+49 9161 777\r\n";
        assert_eq!(
            upload(&b, net, "people", people.as_bytes().to_vec())
                .await
                .status(),
            StatusCode::SEE_OTHER
        );
        let phone: String = sqlx::query("SELECT phone FROM people WHERE name = 'Erna Ehrenamt'")
            .fetch_one(app.db().pool())
            .await
            .unwrap()
            .get("phone");
        assert_eq!(phone, "+49 9161 777");
    }
);

backend_test!(
    cli_exports_and_imports_all_or_nothing,
    |app: TestApp| async move {
        let logins = demo(&app).await;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("orgs.csv");
        ExportCommand::Organizations {
            network: logins.network_id,
            output: Some(path.clone()),
        }
        .run(app.db())
        .await
        .unwrap();
        let bytes = std::fs::read(&path).unwrap();
        assert!(bytes.starts_with(BOM));
        let before = snapshot(&app).await;
        ImportCommand::Organizations {
            network: logins.network_id,
            file: path.clone(),
        }
        .run(&app.app)
        .await
        .unwrap();
        assert_eq!(snapshot(&app).await, before);
        std::fs::write(
            &path,
            format!("{ORG_HEADER}\nA;Schule;;1;;;;;\nB;Kirche;;;;;;;\n"),
        )
        .unwrap();
        let error = ImportCommand::Organizations {
            network: logins.network_id,
            file: path.clone(),
        }
        .run(&app.app)
        .await
        .unwrap_err()
        .to_string();
        assert!(error.contains("2 error(s)"), "{error}");
        assert_eq!(snapshot(&app).await, before);
        let error = ExportCommand::People {
            network: 9999,
            output: None,
        }
        .run(app.db())
        .await
        .unwrap_err();
        assert!(error.to_string().contains("no network"));
    }
);
