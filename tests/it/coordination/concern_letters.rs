//! Concerns from draft to answer with what goes out: supporting member
//! organisations, the letter generated at submission (read back with
//! pdftotext, its SHA-512 as kept), the answer's document with the
//! checks of agenda attachments, and the network's choice to publish its
//! submitted concerns.

use reqwest::Method;
use sha2::{Digest, Sha512};

use super::concerns::decision;
use super::projects::api;
use super::*;
use crate::backend_test;
use crate::common::fixtures::{Meeting, Person, agenda};
use crate::documents::pdf_text;

/// A concern of the Kreis brought to `agreed` by the coordinator, with
/// the body `draft` sent; returns its id and the meeting's.
pub(super) async fn agreed(app: &TestApp, k: &Kreis, draft: Value) -> (i64, i64) {
    let net = k.network_id;
    let meeting = Meeting::new(net, "Herbstkonferenz")
        .item(agenda("Begrüßung"))
        .create(app)
        .await
        .id;
    let (status, created) = api(
        app,
        Method::POST,
        &format!("/api/v1/networks/{net}/concerns"),
        &k.token,
        Some(draft),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let id = created["id"].as_i64().unwrap();
    let moves = format!("/api/v1/networks/{net}/concerns/{id}/transitions");
    let (status, body) = api(
        app,
        Method::POST,
        &moves,
        &k.token,
        Some(json!({ "to": "on_agenda", "meeting_id": meeting.to_string() })),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let item = body["agenda_item_id"].as_i64().unwrap();
    let d = decision(app, meeting, item).await;
    let (status, body) = api(
        app,
        Method::POST,
        &moves,
        &k.token,
        Some(json!({ "to": "agreed", "decision_id": d.to_string() })),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    (id, meeting)
}

/// Moves a concern through the API; the answer must be 200.
pub(super) async fn step(app: &TestApp, k: &Kreis, id: i64, body: Value) -> Value {
    let (status, answer) = api(
        app,
        Method::POST,
        &format!(
            "/api/v1/networks/{}/concerns/{id}/transitions",
            k.network_id
        ),
        &k.token,
        Some(body),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    answer
}

/// Uploads an answer document as the coordinator.
async fn upload(k: &Kreis, id: i64, name: &str, bytes: &[u8]) -> reqwest::Response {
    use reqwest::multipart::{Form, Part};
    let csrf = k.coordinator.csrf().await;
    let form = Form::new().part(
        "file",
        Part::bytes(bytes.to_vec()).file_name(name.to_string()),
    );
    k.coordinator
        .client
        .post(format!(
            "{}/networks/{}/concerns/{id}/answer-document?csrf={csrf}",
            k.coordinator.base, k.network_id
        ))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

/// A letter's text on one line, words hyphenated at line ends joined.
pub(super) fn flat(text: &str) -> String {
    text.replace("-\n", "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The coordinator works at the VHS (D), Marktplatz 6, 91054 Erlangen.
async fn coordinator_at_vhs(app: &TestApp, k: &Kreis) {
    sqlx::query("UPDATE organizations SET street = 'Marktplatz 6', postal_code = '91054', city = 'Erlangen' WHERE id = $1")
        .bind(k.orgs[2])
        .execute(app.db().pool())
        .await
        .unwrap();
    sqlx::query("UPDATE users SET organization_id = $1 WHERE email = 'koordination@erh.example'")
        .bind(k.orgs[2])
        .execute(app.db().pool())
        .await
        .unwrap();
}

backend_test!(
    a_submitted_concern_goes_out_as_a_letter_and_keeps_its_answer,
    |app: TestApp| async move {
        let k = kreis(&app).await;
        let net = k.network_id;
        coordinator_at_vhs(&app, &k).await;
        let contact = Person::new(k.orgs[0], "Clara Kontakt")
            .email("clara@caritas.example")
            .create(&app)
            .await;
        let draft = |supporters: Vec<String>| {
            json!({
                "title": "Mehr Sprachkurse", "body": "Der Kreis braucht mehr Integrationskurse.",
                "addressee": "land_ministry", "justification": "Die Wartelisten sind lang.",
                "supporters": supporters, "contact_person_id": contact.to_string(),
            })
        };
        // A supporter outside the network is a field error; nothing is kept.
        let outsider = Organization::new(
            Network::new("Anderes Netz", "09562").create(&app).await,
            "Fremdverein",
        )
        .create(&app)
        .await;
        let (status, body) = api(
            &app,
            Method::POST,
            &format!("/api/v1/networks/{net}/concerns"),
            &k.token,
            Some(draft(vec![outsider.to_string()])),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(body["fields"]["supporters"].is_string(), "{body}");
        let (id, _) = agreed(
            &app,
            &k,
            draft(vec![k.orgs[0].to_string(), k.orgs[1].to_string()]),
        )
        .await;
        let page = k
            .coordinator
            .get(&format!("/networks/{net}/concerns/{id}"))
            .await
            .text()
            .await
            .unwrap();
        assert!(
            page.contains("Caritas") && page.contains("Diakonie") && page.contains("Clara Kontakt")
        );
        // The answer document waits for the answer.
        assert_eq!(
            upload(&k, id, "antwort.pdf", b"%PDF-1.4\n%%EOF\n")
                .await
                .status(),
            StatusCode::CONFLICT
        );

        let submitted = step(
            &app,
            &k,
            id,
            json!({ "to": "submitted", "date": "2026-11-02", "reference": "IK-2026-07" }),
        )
        .await;
        let pdf = k
            .coordinator
            .get(&format!("/networks/{net}/concerns/{id}/letter.pdf"))
            .await;
        assert_eq!(pdf.status(), StatusCode::OK);
        assert_eq!(pdf.headers()["content-type"], "application/pdf");
        let pdf = pdf.bytes().await.unwrap();
        assert_eq!(
            submitted["letter"]["sha512"],
            hex::encode(Sha512::digest(&pdf))
        );
        assert_eq!(submitted["letter"]["size"], pdf.len());
        let text = flat(&pdf_text(&pdf));
        for expected in [
            "Integrationskonferenz Erlangen-Höchstadt",
            "Geschäftsstelle: VHS",
            "Marktplatz 6",
            "91054 Erlangen",
            "Staatsministerium",
            "02.11.2026",
            "IK-2026-07",
            "Betreff: Mehr Sprachkurse",
            "Der Kreis braucht mehr Integrationskurse.",
            "Die Wartelisten sind lang.",
            "Caritas",
            "Diakonie",
            "Das Anliegen wird eingereicht.",
        ] {
            assert!(
                text.contains(expected),
                "{expected} missing in the letter:\n{text}"
            );
        }
        assert!(
            !text.contains("Clara Kontakt"),
            "the contact stays internal"
        );
        // Readers of the network only: the network does not publish.
        let anonymous = app.new_browser();
        let letter = format!("/networks/{net}/concerns/{id}/letter.pdf");
        assert_ne!(anonymous.get(&letter).await.status(), StatusCode::OK);

        step(
            &app,
            &k,
            id,
            json!({ "to": "answered", "date": "2026-12-01", "text": "Wir prüfen das." }),
        )
        .await;
        // The upload checks of agenda attachments: content must match.
        let refused = upload(&k, id, "antwort.pdf", b"MZ\x90\x00 not a pdf").await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let answer = b"%PDF-1.4\n% Antwort des Ministeriums\n%%EOF\n";
        assert!(
            upload(&k, id, "antwort.pdf", answer)
                .await
                .status()
                .is_redirection()
        );
        let kept = k
            .coordinator
            .get(&format!("/networks/{net}/concerns/{id}/answer-document"))
            .await
            .bytes()
            .await
            .unwrap();
        assert_eq!(&kept[..], answer);
        let audit: i64 = sqlx::query(
            "SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'concern' AND entity_id = $1",
        )
        .bind(id)
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get("n");
        assert_eq!(audit, 6, "create, four moves and the answer document");
    }
);

backend_test!(
    a_network_publishes_its_submitted_concerns_if_it_chooses,
    |app: TestApp| async move {
        let k = kreis(&app).await;
        let net = k.network_id;
        let contact = Person::new(k.orgs[0], "Clara Kontakt").create(&app).await;
        let body = |title: &str| {
            json!({ "title": title, "body": "Text.", "addressee": "job_centre",
                "justification": "Begründung.", "contact_person_id": contact.to_string() })
        };
        let (sent, _) = agreed(&app, &k, body("Sprachkurse mit Kinderbetreuung")).await;
        step(
            &app,
            &k,
            sent,
            json!({ "to": "submitted", "date": "2026-11-02", "reference": "JC-11" }),
        )
        .await;
        let (still_agreed, _) = agreed(&app, &k, body("Noch nicht versandt")).await;
        let anonymous = app.new_browser();
        let list = format!("/networks/{net}/concerns/public");
        assert_eq!(anonymous.get(&list).await.status(), StatusCode::NOT_FOUND);

        // Only the coordinator decides.
        User::new("mitglied@erh.example", Role::Member)
            .network(net)
            .organization(Some(k.orgs[0]))
            .create(&app)
            .await;
        let member = app.new_browser();
        member
            .login("mitglied@erh.example", crate::common::fixtures::PASSWORD)
            .await;
        let setting = format!("/networks/{net}/concerns/publication");
        assert_eq!(
            member
                .post_form(&setting, &[("publish_submitted", "1")])
                .await
                .status(),
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            k.coordinator
                .post_form(&setting, &[("publish_submitted", "1")])
                .await
                .status(),
            StatusCode::SEE_OTHER
        );
        let page = anonymous.get(&list).await;
        assert_eq!(page.status(), StatusCode::OK);
        let page = page.text().await.unwrap();
        assert!(page.contains("Sprachkurse mit Kinderbetreuung") && page.contains("JC-11"));
        assert!(
            !page.contains("Noch nicht versandt"),
            "agreed, not yet sent"
        );
        let shown = anonymous
            .get(&format!("/networks/{net}/concerns/{sent}/public"))
            .await
            .text()
            .await
            .unwrap();
        assert!(shown.contains("Begründung.") && shown.contains("Jobcenter"));
        assert!(
            !shown.contains("Clara Kontakt"),
            "the contact stays internal"
        );
        assert_eq!(
            anonymous
                .get(&format!("/networks/{net}/concerns/{still_agreed}/public"))
                .await
                .status(),
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            anonymous
                .get(&format!("/networks/{net}/concerns/{sent}/letter.pdf"))
                .await
                .status(),
            StatusCode::OK
        );
        // Switched off again: gone for anonymous readers.
        k.coordinator.post_form(&setting, &[]).await;
        assert_eq!(anonymous.get(&list).await.status(), StatusCode::NOT_FOUND);
    }
);
