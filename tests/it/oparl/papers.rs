//! Published concerns as OParl papers: the concern and its answer as two
//! papers linked by `relatedPaper`, the letter as `mainFile` with the
//! SHA-512 of the bytes served, the consultation of the meeting and item
//! that agreed it — valid against the official schema, found by the
//! crawler (so nothing dangles), nothing while the network does not
//! publish or the concern is not yet sent, and tombstones once the network
//! stops publishing.

use sha2::{Digest, Sha512};

use super::*;
use crate::coordination::{concerns::decision, projects::api, token};

/// 2099-05-01 10:00 UTC: a meeting whose agenda is still open.
const LATER: i64 = 4_081_327_200;

async fn step(app: &TestApp, path: &str, token: &str, body: Value) -> Value {
    let (status, answer) = api(app, reqwest::Method::POST, path, token, Some(body)).await;
    assert!(status.is_success(), "{path}: {status} {answer}");
    answer
}

backend_test!(
    a_published_concern_and_its_answer_are_two_linked_papers,
    |app: TestApp| async move {
        let f = fixture(&app).await;
        let net = f.network_id;
        let (email, password) = f.coordinator.clone();
        let bearer = token(&app, &email).await;
        let coordinator = app.new_browser();
        coordinator.login(&email, &password).await;
        let meeting = crate::common::fixtures::Meeting::new(net, "Sommerkonferenz")
            .at(LATER, 2)
            .public(true)
            .create(&app)
            .await
            .id;
        let concerns = format!("/api/v1/networks/{net}/concerns");
        let mut ids = Vec::new();
        for title in ["Mehr Sprachkurse", "Noch nicht versandt"] {
            let created = step(
                &app,
                &concerns,
                &bearer,
                json!({ "title": title, "body": "Text.", "addressee": "land_ministry" }),
            )
            .await;
            let id = created["id"].as_i64().unwrap();
            let moves = format!("{concerns}/{id}/transitions");
            let on = step(
                &app,
                &moves,
                &bearer,
                json!({ "to": "on_agenda", "meeting_id": meeting.to_string() }),
            )
            .await;
            let item = on["agenda_item_id"].as_i64().unwrap();
            let d = decision(&app, meeting, item).await;
            step(
                &app,
                &moves,
                &bearer,
                json!({ "to": "agreed", "decision_id": d.to_string() }),
            )
            .await;
            ids.push((id, item));
        }
        let (id, item) = ids[0];
        // The first concern's item is open to the public like its meeting
        // (the agenda's own switch, set here directly); the other's stays
        // internal.
        sqlx::query("UPDATE agenda_items SET is_public = 1 WHERE id = $1")
            .bind(item)
            .execute(app.db().pool())
            .await
            .unwrap();
        let moves = format!("{concerns}/{id}/transitions");
        step(
            &app,
            &moves,
            &bearer,
            json!({ "to": "submitted", "date": "2099-05-10", "reference": "IK-99-1" }),
        )
        .await;
        step(
            &app,
            &moves,
            &bearer,
            json!({ "to": "answered", "date": "2099-06-01", "text": "Wir prüfen das." }),
        )
        .await;
        let csrf = coordinator.csrf().await;
        let answer = b"%PDF-1.4\n% Antwort\n%%EOF\n".to_vec();
        let form = reqwest::multipart::Form::new().part(
            "file",
            reqwest::multipart::Part::bytes(answer.clone()).file_name("antwort.pdf"),
        );
        let uploaded = coordinator
            .client
            .post(app.url(&format!(
                "/networks/{net}/concerns/{id}/answer-document?csrf={csrf}"
            )))
            .multipart(form)
            .send()
            .await
            .unwrap();
        assert!(uploaded.status().is_redirection(), "{}", uploaded.status());

        // Not published yet: no paper.
        let paper_url = app.url(&format!("/oparl/v1/paper/{id}"));
        assert_eq!(fetch(&app, &paper_url).await.0, StatusCode::NOT_FOUND);
        let publication = format!("/networks/{net}/concerns/publication");
        let response = coordinator
            .post_form(&publication, &[("publish_submitted", "1")])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);

        let (objects, answers) = crawl(&app).await;
        let problems = schema_problems(&objects);
        assert!(problems.is_empty(), "schema violations: {problems:#?}");
        let all = serde_json::to_string(&answers).unwrap();
        assert!(!all.contains("Noch nicht versandt"), "agreed, not yet sent");

        let answer_url = app.url(&format!("/oparl/v1/paper/{id}/answer"));
        let paper = find(&objects, &paper_url);
        assert_eq!(paper["paperType"], "Anregung");
        assert_eq!(paper["reference"], "IK-99-1");
        assert_eq!(paper["date"], "2099-05-10");
        let conference = json!([app.url(&format!("/oparl/v1/body/{net}/conference"))]);
        assert_eq!(paper["originatorOrganization"], conference);
        assert_eq!(paper["underDirectionOf"], conference);
        assert_eq!(paper["relatedPaper"], json!([answer_url]));
        let consultation = &paper["consultation"][0];
        assert_eq!(
            consultation["meeting"],
            app.url(&format!("/oparl/v1/meeting/{meeting}"))
        );
        assert_eq!(
            consultation["agendaItem"],
            app.url(&format!("/oparl/v1/agenda-item/{item}"))
        );
        assert_eq!(consultation["authoritative"], true);
        assert_eq!(consultation["role"], "Beschlussfassung");
        // The letter as served anonymously is what the checksum says.
        let letter = &paper["mainFile"];
        let bytes = app
            .new_browser()
            .client
            .get(letter["downloadUrl"].as_str().unwrap())
            .send()
            .await
            .unwrap()
            .bytes()
            .await
            .unwrap();
        assert!(bytes.starts_with(b"%PDF"));
        assert_eq!(
            letter["sha512Checksum"],
            hex::encode(Sha512::digest(&bytes))
        );
        assert_eq!(letter["size"], bytes.len());

        let reply = find(&objects, &answer_url);
        assert_eq!(reply["paperType"], "Beantwortung");
        assert_eq!(reply["date"], "2099-06-01");
        assert_eq!(reply["relatedPaper"], json!([paper_url]));
        assert_eq!(
            reply["mainFile"]["sha512Checksum"],
            hex::encode(Sha512::digest(&answer))
        );
        let papers_url = app.url(&format!("/oparl/v1/body/{net}/papers"));
        let papers = get_ok(&app, &papers_url).await;
        assert_eq!(papers["pagination"]["totalElements"], 2);

        // The network stops publishing: both papers, the consultation and
        // both files are tombstones, listed and fetched, still valid.
        let response = coordinator.post_form(&publication, &[]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let letter_url = app.url(&format!("/oparl/v1/paper/{id}/letter"));
        let document_url = app.url(&format!("/oparl/v1/paper/{id}/answer/document"));
        let consultation_url = app.url(&format!("/oparl/v1/paper/{id}/consultation"));
        for (url, kind) in [
            (&paper_url, "Paper"),
            (&answer_url, "Paper"),
            (&consultation_url, "Consultation"),
            (&letter_url, "File"),
            (&document_url, "File"),
        ] {
            let gone = get_ok(&app, url).await;
            assert_eq!(gone["deleted"], true, "{url}: {gone}");
            assert_eq!(gone["type"], format!("https://schema.oparl.org/1.1/{kind}"));
            assert!(gone.get("name").is_none(), "a tombstone keeps no content");
        }
        let papers = get_ok(&app, &papers_url).await;
        let listed: Vec<&Value> = papers["data"].as_array().unwrap().iter().collect();
        assert_eq!(listed.len(), 2, "{papers}");
        assert!(listed.iter().all(|p| p["deleted"] == true));
        let files = get_ok(&app, &app.url(&format!("/oparl/v1/body/{net}/files"))).await;
        for url in [&letter_url, &document_url] {
            assert!(
                files["data"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|f| f["id"] == json!(url) && f["deleted"] == true),
                "{url} listed as a tombstone"
            );
        }
        let (objects, _) = crawl(&app).await;
        let problems = schema_problems(&objects);
        assert!(problems.is_empty(), "schema violations: {problems:#?}");
        let crawled: std::collections::BTreeMap<&str, &Value> = objects
            .iter()
            .filter(|o| o["type"] == "https://schema.oparl.org/1.1/Paper")
            .map(|o| (o["id"].as_str().unwrap(), o))
            .collect();
        assert_eq!(crawled.len(), 2, "{crawled:#?}");
        assert!(crawled.values().all(|p| p["deleted"] == true));

        // Published again: the papers are back and their tombstones gone.
        let response = coordinator
            .post_form(&publication, &[("publish_submitted", "1")])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let paper = get_ok(&app, &paper_url).await;
        assert_eq!(paper["name"], "Mehr Sprachkurse");
        assert!(paper.get("deleted").is_none_or(|d| d == false));
        let papers = get_ok(&app, &papers_url).await;
        assert_eq!(papers["pagination"]["totalElements"], 2);
        assert!(
            papers["data"]
                .as_array()
                .unwrap()
                .iter()
                .all(|p| p["deleted"] != true)
        );
    }
);
