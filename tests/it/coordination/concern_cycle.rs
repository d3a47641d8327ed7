//! A concern end to end in a real browser: a member drafts it with a
//! supporting organisation, the coordinator puts it on the next meeting's
//! agenda, the meeting agrees it (the decision in the minutes), it is
//! submitted with its letter, the answer is recorded with its document,
//! the network publishes it, and OParl shows it as two linked papers.
//! Then axe checks every new page in German and English. SQLite only (the
//! store tests cover PostgreSQL; browser tests are slow).

use super::*;
use crate::common::{
    browser::Chrome,
    fixtures::{Meeting, PASSWORD, agenda},
};
use crate::documents::pdf_text;

/// 2099-03-10 09:00 UTC: the next conference.
const NEXT: i64 = 4_076_816_400;

async fn submit(chrome: &Chrome, action: &str) {
    chrome
        .click_and_wait(&format!(
            "main form[action=\"{action}\"] button[type=\"submit\"]"
        ))
        .await;
}

async fn set_value(chrome: &Chrome, css: &str, value: &str) {
    chrome
        .execute(
            "document.querySelector(arguments[0]).value = arguments[1]",
            vec![json!(css), json!(value)],
        )
        .await;
}

async fn concern_state(app: &TestApp, id: i64) -> String {
    sqlx::query("SELECT state FROM concerns WHERE id = $1")
        .bind(id)
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get("state")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_concern_goes_from_draft_to_two_oparl_papers_in_a_browser() {
    let app = TestApp::start(Backend::Sqlite).await;
    let k = kreis(&app).await;
    let net = k.network_id;
    User::new("mitglied@erh.example", Role::Member)
        .name("Mia Glied")
        .network(net)
        .organization(Some(k.orgs[0]))
        .create(&app)
        .await;
    User::new("aufsicht@reg-mfr.example", Role::Supervisor)
        .region("095")
        .create(&app)
        .await;
    let meeting = Meeting::new(net, "Frühjahrskonferenz")
        .at(NEXT, 3)
        .public(true)
        .item(agenda("Begrüßung"))
        .create(&app)
        .await
        .id;
    let Some(chrome) = Chrome::start(&app.base).await else {
        return;
    };

    // 1. A member drafts the concern, supported by the Diakonie.
    chrome.sign_in("mitglied@erh.example", PASSWORD).await;
    chrome.goto(&format!("/networks/{net}/concerns/new")).await;
    chrome.fill("#f-title", "Mehr Sprachkurse").await;
    chrome
        .fill("#f-body", "Der Kreis braucht mehr Integrationskurse.")
        .await;
    chrome.select("#f-addressee", "land_ministry").await;
    chrome
        .fill("#f-justification", "Die Wartelisten sind lang.")
        .await;
    chrome.click(&format!("#f-supporters-{}", k.orgs[1])).await;
    submit(&chrome, &format!("/networks/{net}/concerns")).await;
    let id: i64 = sqlx::query("SELECT id FROM concerns WHERE network_id = $1")
        .bind(net)
        .fetch_one(app.db().pool())
        .await
        .expect("the draft was saved")
        .get("id");
    let page = format!("/networks/{net}/concerns/{id}");
    assert_eq!(
        chrome.path().await.split('?').next(),
        Some(page.as_str()),
        "the new draft's page follows saving it"
    );
    assert!(chrome.text("main").await.contains("Diakonie"));
    chrome.delete_cookie("ikon_session").await;

    // 2. The coordinator puts it on the next meeting's agenda.
    chrome.sign_in("koordination@erh.example", PASSWORD).await;
    let moves = format!("{page}/transitions");
    chrome.goto(&page).await;
    chrome.select("#f-to", "on_agenda").await;
    chrome.select("#f-meeting_id", &meeting.to_string()).await;
    submit(&chrome, &moves).await;
    assert_eq!(concern_state(&app, id).await, "on_agenda");
    let item: i64 = sqlx::query("SELECT agenda_item_id FROM concerns WHERE id = $1")
        .bind(id)
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get("agenda_item_id");
    // The item is open to the public like the meeting (the agenda page's
    // own switch, set here directly).
    sqlx::query("UPDATE agenda_items SET is_public = 1 WHERE id = $1")
        .bind(item)
        .execute(app.db().pool())
        .await
        .unwrap();

    // 3. The day comes; the meeting is held and agrees it in the minutes.
    let now = ikon::core::store::now();
    sqlx::query("UPDATE meetings SET starts_at = $1, ends_at = $2 WHERE id = $3")
        .bind(now - 3 * 3600)
        .bind(now - 3600)
        .bind(meeting)
        .execute(app.db().pool())
        .await
        .unwrap();
    let meeting_page = format!("/networks/{net}/meetings/{meeting}");
    chrome.goto(&format!("{meeting_page}/attendance")).await;
    submit(&chrome, &format!("{meeting_page}/held")).await;
    chrome.goto(&format!("{meeting_page}/minutes")).await;
    chrome
        .fill(
            &format!("#f-text-{item}"),
            "Die Konferenz trägt das Anliegen dem Ministerium vor.",
        )
        .await;
    chrome
        .click_and_wait(&format!(
            "main form:has(#f-text-{item}) button[type=\"submit\"]"
        ))
        .await;
    let decision: i64 = sqlx::query("SELECT id FROM decisions WHERE agenda_item_id = $1")
        .bind(item)
        .fetch_one(app.db().pool())
        .await
        .expect("the decision is in the minutes")
        .get("id");
    chrome.goto(&page).await;
    chrome.select("#f-to", "agreed").await;
    chrome.select("#f-decision_id", &decision.to_string()).await;
    submit(&chrome, &moves).await;
    assert_eq!(concern_state(&app, id).await, "agreed");

    // 4. Submitted: the letter is generated.
    chrome.goto(&page).await;
    chrome.select("#f-to", "submitted").await;
    set_value(&chrome, "#f-date", "2026-11-02").await;
    chrome.fill("#f-reference", "IK-2026-07").await;
    submit(&chrome, &moves).await;
    assert_eq!(concern_state(&app, id).await, "submitted");
    let letter = k
        .coordinator
        .get(&format!("{page}/letter.pdf"))
        .await
        .bytes()
        .await
        .unwrap();
    let text = super::concern_letters::flat(&pdf_text(&letter));
    assert!(
        text.contains("Die Konferenz trägt das Anliegen dem Ministerium vor.")
            && text.contains("Diakonie")
            && text.contains("IK-2026-07"),
        "{text}"
    );

    // 5. The answer arrives: recorded, with its document.
    chrome.goto(&page).await;
    chrome.select("#f-to", "answered").await;
    set_value(&chrome, "#f-date", "2026-12-01").await;
    chrome
        .fill("#f-text", "Das Ministerium prüft zusätzliche Kurse.")
        .await;
    submit(&chrome, &moves).await;
    assert_eq!(concern_state(&app, id).await, "answered");
    let csrf = k.coordinator.csrf().await;
    let form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(b"%PDF-1.4\n%%EOF\n".to_vec()).file_name("antwort.pdf"),
    );
    let uploaded = k
        .coordinator
        .client
        .post(app.url(&format!("{page}/answer-document?csrf={csrf}")))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert!(uploaded.status().is_redirection());

    // 6. The network publishes its submitted concerns.
    chrome.goto(&format!("/networks/{net}/concerns")).await;
    chrome.click("#f-publish_submitted").await;
    submit(&chrome, &format!("/networks/{net}/concerns/publication")).await;
    let paper_url = app.url(&format!("/oparl/v1/paper/{id}"));
    let answer_url = app.url(&format!("/oparl/v1/paper/{id}/answer"));
    let anonymous = app.new_browser();
    let paper: Value = anonymous
        .client
        .get(&paper_url)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let answer: Value = anonymous
        .client
        .get(&answer_url)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(paper["relatedPaper"], json!([answer_url]), "{paper}");
    assert_eq!(answer["relatedPaper"], json!([paper_url]), "{answer}");
    assert_eq!(answer["paperType"], "Beantwortung");
    assert_eq!(
        paper["consultation"][0]["agendaItem"],
        app.url(&format!("/oparl/v1/agenda-item/{item}"))
    );

    // Every new page in German and English: the coordinator's, the
    // public ones signed out, the supervisor's overview.
    let mut failures = Vec::new();
    for path in [
        format!("/networks/{net}/concerns"),
        format!("/networks/{net}/concerns/new"),
        page.clone(),
    ] {
        for lang in ["de", "en"] {
            failures.extend(chrome.problems(&format!("{path}?lang={lang}")).await);
        }
    }
    chrome.delete_cookie("ikon_session").await;
    for path in [
        format!("/networks/{net}/concerns/public"),
        format!("{page}/public"),
    ] {
        for lang in ["de", "en"] {
            failures.extend(chrome.problems(&format!("{path}?lang={lang}")).await);
        }
    }
    chrome.sign_in("aufsicht@reg-mfr.example", PASSWORD).await;
    for path in ["/concerns", "/concerns?state=answered"] {
        for lang in ["de", "en"] {
            let sep = if path.contains('?') { '&' } else { '?' };
            failures.extend(chrome.problems(&format!("{path}{sep}lang={lang}")).await);
        }
    }
    assert!(
        failures.is_empty(),
        "{} problem(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
