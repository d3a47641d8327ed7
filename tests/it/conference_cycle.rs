//! The whole conference cycle of the demo network, end to end in a real
//! browser with real mail: the coordinator sends the date poll, a member
//! answers through the link in her e-mail (without an account), the
//! coordinator picks the date and invites, the member registers through the
//! invitation's link, and after the conference the minutes are written with
//! a decision and an action item (on which the member reports progress),
//! circulated and approved. SQLite only (the
//! store tests cover PostgreSQL; browser tests are slow).

use sqlx::Row;

use crate::common::{
    Backend, TestApp,
    browser::Chrome,
    smtp::{SmtpSink, body_text},
};

/// The first link into ikon with `prefix` (e.g. "/p/") in a mail, as a path.
fn link_in(message: &str, prefix: &str) -> Option<String> {
    let text = body_text(message);
    let start = text.find(prefix)?;
    let rest = &text[start..];
    let end = rest
        .find(|c: char| c.is_whitespace() || c == '"' || c == '<' || c == '>')
        .unwrap_or(rest.len());
    Some(rest[..end].to_string())
}

/// The recipient of a mail.
fn recipient(message: &str) -> String {
    message
        .lines()
        .find_map(|l| l.strip_prefix("To: "))
        .unwrap_or_default()
        .trim()
        .to_string()
}

/// Waits for the mails the last action queued and returns those with a link.
async fn mails_with(app: &TestApp, sink: &SmtpSink, before: usize, prefix: &str) -> Vec<String> {
    let sent = app.run_jobs().await;
    assert!(sent > 0, "no mail was queued");
    sink.wait_for(before + sent).await[before..]
        .iter()
        .filter(|m| link_in(m, prefix).is_some())
        .cloned()
        .collect()
}

async fn sign_in(chrome: &Chrome, email: &str, password: &str) {
    chrome.sign_in(email, password).await;
}

async fn sign_out(chrome: &Chrome) {
    chrome.delete_cookie("ikon_session").await;
}

async fn submit(chrome: &Chrome, form_action: &str) {
    chrome
        .click_and_wait(&format!(
            "main form[action=\"{form_action}\"] button[type=\"submit\"]"
        ))
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_runs_the_whole_cycle_in_a_browser() {
    let (app, sink) = TestApp::with_smtp(Backend::Sqlite).await;
    let demo = app.demo().await;
    ikon::demo::load_history(app.db(), demo.network_id)
        .await
        .unwrap();
    let Some(chrome) = Chrome::start(&app.base).await else {
        return;
    };
    let meeting: i64 = sqlx::query(
        "SELECT id FROM meetings WHERE network_id = $1 AND state = 'planned' AND starts_at IS NULL",
    )
    .bind(demo.network_id)
    .fetch_one(app.db().pool())
    .await
    .expect("the demo has an upcoming conference in its date poll")
    .get(0);
    let network = demo.network_id;
    let page = format!("/networks/{network}/meetings/{meeting}");
    let coordinator = &demo.coordinator;

    // 1. The coordinator sends the date poll to every member contact.
    sign_in(&chrome, &coordinator.email, &coordinator.password).await;
    chrome.goto(&page).await;
    submit(&chrome, &format!("{page}/poll/send")).await;
    let polls = mails_with(&app, &sink, 0, "/p/").await;
    assert!(
        polls.len() > 20,
        "one poll mail per contact, got {}",
        polls.len()
    );
    let member_mail = recipient(&polls[0]);
    let poll_link = link_in(&polls[0], "/p/").unwrap();

    // 2. A member answers through her personal link, without an account.
    sign_out(&chrome).await;
    chrome.goto(&poll_link).await;
    assert_eq!(chrome.status().await, 200, "{poll_link}");
    chrome
        .click("main input[type=\"radio\"][value=\"yes\"]")
        .await;
    submit(&chrome, &poll_link).await;
    let answers: i64 = sqlx::query(
        "SELECT COUNT(*) FROM poll_answers a JOIN poll_options o ON o.id = a.option_id
         JOIN people p ON p.id = a.person_id WHERE o.meeting_id = $1 AND p.email = $2 AND a.answer = 'yes'",
    )
    .bind(meeting)
    .bind(&member_mail)
    .fetch_one(app.db().pool())
    .await
    .unwrap()
    .get(0);
    assert!(answers >= 1, "the member's answer was saved");

    // 3. The coordinator picks the first date and sends the invitation.
    sign_in(&chrome, &coordinator.email, &coordinator.password).await;
    chrome.goto(&page).await;
    submit(&chrome, &format!("{page}/poll/choose")).await;
    chrome.goto(&page).await;
    let before = sink.messages().len();
    submit(&chrome, &format!("{page}/invite")).await;
    let invitations = mails_with(&app, &sink, before, "/r/").await;
    let invitation = invitations
        .iter()
        .find(|m| recipient(m) == member_mail)
        .expect("the member is invited");
    assert!(
        invitation.contains("text/calendar"),
        "the invitation carries an iCalendar request"
    );
    let rsvp_link = link_in(invitation, "/r/").unwrap();

    // 4. The member registers through the invitation's link.
    sign_out(&chrome).await;
    chrome.goto(&rsvp_link).await;
    chrome.click("#response-yes").await;
    submit(&chrome, &rsvp_link).await;
    let registered: i64 = sqlx::query(
        "SELECT COUNT(*) FROM rsvps r JOIN people p ON p.id = r.person_id
         WHERE r.meeting_id = $1 AND p.email = $2 AND r.response = 'yes'",
    )
    .bind(meeting)
    .bind(&member_mail)
    .fetch_one(app.db().pool())
    .await
    .unwrap()
    .get(0);
    assert_eq!(registered, 1, "the registration was saved");

    // The day of the conference arrives (the poll only offers future dates).
    let now = ikon::core::store::now();
    sqlx::query("UPDATE meetings SET starts_at = $1, ends_at = $2 WHERE id = $3")
        .bind(now - 3 * 3600)
        .bind(now - 3600)
        .bind(meeting)
        .execute(app.db().pool())
        .await
        .unwrap();

    // 5. Held, with the attendance pre-ticked from the registrations.
    sign_in(&chrome, &coordinator.email, &coordinator.password).await;
    chrome.goto(&format!("{page}/attendance")).await;
    submit(&chrome, &format!("{page}/held")).await;
    chrome.goto(&format!("{page}/attendance")).await;
    let ticked = chrome
        .execute(
            "return [...document.querySelectorAll('main input[name=present]:checked')].length",
            vec![],
        )
        .await;
    assert!(
        ticked.as_i64().unwrap_or(0) >= 1,
        "registered people are pre-ticked"
    );
    submit(&chrome, &format!("{page}/attendance")).await;

    // 6. Minutes: notes and a decision with votes on the first item.
    let minutes = format!("{page}/minutes");
    chrome.goto(&minutes).await;
    chrome
        .fill(
            "main form[action$=\"/minutes\"] textarea[name=\"notes\"]",
            "Die Konferenz beschließt, Wohnraum gemeinsam zu suchen.",
        )
        .await;
    submit(&chrome, &minutes).await;
    chrome.goto(&minutes).await;
    let decisions = format!("{minutes}/decisions");
    chrome
        .fill(
            &format!("main form[action=\"{decisions}\"] input[name=\"text\"]"),
            "Ein Runder Tisch Wohnen wird eingerichtet.",
        )
        .await;
    for (name, value) in [
        ("votes_yes", "12"),
        ("votes_no", "0"),
        ("votes_abstain", "1"),
    ] {
        chrome
            .fill(
                &format!("main form[action=\"{decisions}\"] input[name=\"{name}\"]"),
                value,
            )
            .await;
    }
    submit(&chrome, &decisions).await;
    chrome.goto(&minutes).await;
    let text = chrome.text("main").await;
    assert!(
        text.contains("Ein Runder Tisch Wohnen wird eingerichtet."),
        "{text}"
    );
    assert!(text.contains("12"), "vote counts shown: {text}");

    // 7. An action item from the decision, for the member's organisation.
    let decision: i64 = sqlx::query(
        "SELECT d.id FROM decisions d JOIN agenda_items i ON i.id = d.agenda_item_id WHERE i.meeting_id = $1",
    )
    .bind(meeting)
    .fetch_one(app.db().pool())
    .await
    .unwrap()
    .get(0);
    let actions = format!("/networks/{network}/meetings/{meeting}/actions");
    chrome.goto(&actions).await;
    chrome.select("#f-decision_id", &decision.to_string()).await;
    chrome
        .fill("#f-title", "Runden Tisch Wohnen einberufen")
        .await;
    chrome
        .select(
            "#f-responsible_organization_id",
            &demo.member_organization_id.to_string(),
        )
        .await;
    chrome
        .execute(
            "document.querySelector('#f-due_on').value = arguments[0]",
            vec![serde_json::json!("2099-03-31")],
        )
        .await;
    submit(&chrome, &actions).await;
    let action: i64 = sqlx::query("SELECT id FROM action_items WHERE decision_id = $1")
        .bind(decision)
        .fetch_one(app.db().pool())
        .await
        .expect("the action item was saved")
        .get(0);

    // The member reports progress on the action board.
    sign_out(&chrome).await;
    sign_in(&chrome, &demo.member.email, &demo.member.password).await;
    chrome.goto(&format!("/networks/{network}/actions")).await;
    assert!(
        chrome
            .text("main")
            .await
            .contains("Runden Tisch Wohnen einberufen"),
        "the new item is on the board"
    );
    let item_page = format!("/networks/{network}/actions/{action}");
    chrome.goto(&item_page).await;
    chrome.select("#f-status", "in_progress").await;
    chrome.fill("#f-progress", "50").await;
    chrome
        .fill(
            "#f-comment",
            "Termin mit den Wohnungsbaugesellschaften steht.",
        )
        .await;
    submit(&chrome, &format!("{item_page}/updates")).await;
    chrome.goto(&item_page).await;
    let history = chrome.text("main").await;
    assert!(
        history.contains("Termin mit den Wohnungsbaugesellschaften steht.")
            && history.contains("50 %"),
        "{history}"
    );
    sign_out(&chrome).await;
    sign_in(&chrome, &coordinator.email, &coordinator.password).await;

    // 8. Circulated to the members, then approved: no more edits.
    let before = sink.messages().len();
    chrome.goto(&minutes).await;
    submit(&chrome, &format!("{minutes}/circulate")).await;
    let circulated = app.run_jobs().await;
    assert!(circulated > 0, "the draft goes out to the members");
    sink.wait_for(before + circulated).await;
    chrome.goto(&minutes).await;
    submit(&chrome, &format!("{minutes}/approve")).await;
    let state: String = sqlx::query("SELECT state FROM meetings WHERE id = $1")
        .bind(meeting)
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get(0);
    assert_eq!(state, "minutes_approved");
    chrome.goto(&minutes).await;
    assert!(
        !chrome
            .exists(&format!("main form[action=\"{decisions}\"]"))
            .await,
        "approved minutes cannot be edited"
    );
}
