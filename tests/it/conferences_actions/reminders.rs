//! Reminders of due items and upcoming meetings go out once.

use super::*;

async fn reminders_go_out_once(backend: Backend) {
    let (app, sink) = TestApp::with_smtp(backend).await;
    let s = setup(&app).await;
    let org = s.logins.member_organization_id;
    let (person, person_email) = person_of(&app, org).await;
    let item0 = s.items[0].to_string();
    // Due in three days (inside the default seven), one overdue, one far off.
    add_action(
        &app,
        &s,
        &[
            ("agenda_item_id", &item0),
            ("title", "Bald fällig"),
            ("responsible_person_id", &person.to_string()),
            ("due_on", &day(3)),
        ],
    )
    .await;
    add_action(
        &app,
        &s,
        &[
            ("agenda_item_id", &item0),
            ("title", "Schon überfällig"),
            ("responsible_person_id", &person.to_string()),
            ("due_on", &day(-1)),
        ],
    )
    .await;
    add_action(
        &app,
        &s,
        &[
            ("agenda_item_id", &item0),
            ("title", "Hat noch Zeit"),
            ("responsible_person_id", &person.to_string()),
            ("due_on", &day(60)),
        ],
    )
    .await;
    // An invited meeting in two days (inside the default three), one in ten.
    let now = ikon::core::store::now();
    for (title, starts) in [
        ("Sommerkonferenz", now + 2 * 86_400),
        ("Herbstkonferenz", now + 10 * 86_400),
    ] {
        Meeting::new(s.logins.network_id, title)
            .at(starts, 2)
            .location("Landratsamt")
            .state(State::Invited)
            .create(&app)
            .await;
    }
    let contacts = count(
        &app,
        &format!(
            "SELECT COUNT(DISTINCT p.id) FROM people p JOIN memberships m ON m.organization_id = p.organization_id
             WHERE m.network_id = {} AND p.email <> ''",
            s.logins.network_id
        ),
    )
    .await as usize;

    // Two sweeps at the same time and one after: each reminder once.
    let (a, b) = tokio::join!(
        ikon::conferences::actions::reminders::sweep(&app.app),
        ikon::conferences::actions::reminders::sweep(&app.app)
    );
    let (a, b) = (a.unwrap(), b.unwrap());
    let again = ikon::conferences::actions::reminders::sweep(&app.app)
        .await
        .unwrap();
    assert_eq!(a.due + b.due + again.due, 1);
    assert_eq!(a.overdue + b.overdue + again.overdue, 1);
    assert_eq!(a.meetings + b.meetings + again.meetings, 1);
    assert_eq!(again.mails, 0);

    app.run_jobs().await;
    let expected = 2 + contacts;
    let messages = sink.wait_for(expected).await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    app.run_jobs().await;
    assert_eq!(sink.messages().len(), expected, "no mail twice");
    let text: Vec<String> = messages
        .iter()
        .map(|m| crate::common::smtp::body_text(m))
        .collect();
    let to_person: Vec<&String> = text
        .iter()
        .filter(|m| m.contains(&format!("To: {person_email}")))
        .collect();
    assert!(
        to_person.iter().any(|m| m.contains("Bald f")),
        "due reminder"
    );
    assert!(
        to_person.iter().any(|m| m.contains("Schon ")),
        "overdue reminder"
    );
    assert!(!text.iter().any(|m| m.contains("Hat noch Zeit")));
    assert_eq!(
        text.iter()
            .filter(|m| m.contains("Sommerkonferenz"))
            .count(),
        contacts
    );
    assert!(!text.iter().any(|m| m.contains("Herbstkonferenz")));
}
both_backends!(reminders_go_out_once);
