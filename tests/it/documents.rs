//! PDF documents, read back as a person would read them: the Wegweiser in
//! German and Arabic, and the invitation, attendance list and minutes of a
//! meeting. Text is extracted with `pdftotext` (poppler-utils).

use std::{path::Path, process::Command};

use reqwest::StatusCode;
use sqlx::Row;

use crate::backend_test;
use std::collections::BTreeSet;

use ikon::{
    conferences::{model::AgendaRecord, model::State, store},
    core::ids::{AgendaItemId, MeetingId, OrganizationId, PersonId},
    offers::model::{PlaceRecord, Status},
};

use crate::common::{
    Browser, TestApp,
    fixtures::{ActionItem, CreatedMeeting, Meeting, Offer, agenda},
};

/// Text of a PDF, as `pdftotext` extracts it (reading order).
pub fn pdf_text(pdf: &[u8]) -> String {
    tool_output("pdftotext", pdf, &["-"])
}

/// The font list `pdffonts` prints for a PDF.
pub fn pdf_fonts(pdf: &[u8]) -> String {
    tool_output("pdffonts", pdf, &[])
}

fn tool_output(tool: &str, pdf: &[u8], tail: &[&str]) -> String {
    assert!(pdf.starts_with(b"%PDF"), "not a PDF");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("doc.pdf");
    std::fs::write(&file, pdf).unwrap();
    let output = Command::new(tool)
        .arg(Path::new(&file))
        .args(tail)
        .output()
        .unwrap_or_else(|e| panic!("{tool} (Debian package poppler-utils) must be installed: {e}"));
    assert!(output.status.success(), "{tool} failed");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Text with line-end hyphenation undone, direction marks and joiners
/// dropped and whitespace collapsed, so that phrases can be found whatever
/// the line breaks.
pub fn flat(text: &str) -> String {
    text.replace("-\n", "")
        .chars()
        .filter(|c| !matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}' | '\u{2066}'..='\u{2069}'))
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// One offer, written directly to the store.
pub struct NewOffer<'a> {
    pub title: &'a str,
    pub field: &'a str,
    pub offer_type: &'a str,
    pub status: &'a str,
    pub opening_hours: &'a str,
    pub languages: &'a str,
    pub municipality_key: Option<&'a str>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

impl Default for NewOffer<'_> {
    fn default() -> Self {
        Self {
            title: "Angebot",
            field: "counselling",
            offer_type: "mbe",
            status: "published",
            opening_hours: "",
            languages: "de",
            municipality_key: None,
            lat: None,
            lon: None,
        }
    }
}

/// Writes `o` through the store, with the address and contact details the
/// documents show.
pub async fn insert_offer(
    app: &TestApp,
    (network_id, organization_id): (i64, i64),
    o: NewOffer<'_>,
) -> i64 {
    Offer::new(network_id, organization_id, o.title)
        .status(Status::parse(o.status).expect("an offer status"))
        .with(|r| {
            r.summary = "Kurz erklärt.".into();
            r.description = "Lang erklärt.".into();
            r.field = o.field.into();
            r.offer_type = o.offer_type.into();
            r.target_groups = vec!["refugees".into()];
            r.languages = o.languages.split(',').map(String::from).collect();
            r.wheelchair = true;
            r.appointment = true;
            r.places = vec![PlaceRecord {
                street: "Am Markt 1".into(),
                postal_code: "91413".into(),
                municipality_key: o.municipality_key.map(String::from),
                lat: o.lat,
                lon: o.lon,
                opening_hours: o.opening_hours.into(),
                wheelchair: true,
                ..PlaceRecord::default()
            }];
            r.phone = "09161 12345".into();
            r.email = "info@example.org".into();
            r.website = "https://example.org".into();
        })
        .create(app)
        .await
}

pub(crate) async fn get_pdf(browser: &Browser, path: &str) -> Vec<u8> {
    let response = browser.get(path).await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    assert_eq!(
        response.headers()["content-type"].to_str().unwrap(),
        "application/pdf"
    );
    response.bytes().await.unwrap().to_vec()
}

backend_test!(wegweiser_in_german_and_arabic, |app: TestApp| async move {
    let logins = app.demo().await;
    let owner = (logins.network_id, logins.member_organization_id);
    let net = logins.network_id;
    let cafe = insert_offer(
        &app,
        owner,
        NewOffer {
            title: "Sprachcafé am Markt",
            field: "language",
            offer_type: "language_course",
            opening_hours: "Mo-Fr 08:00-12:00; Th 14:00-18:00",
            languages: "de,ar,uk",
            ..NewOffer::default()
        },
    )
    .await;
    insert_offer(
        &app,
        owner,
        NewOffer {
            title: "Wohnungssuche leicht",
            field: "housing",
            offer_type: "other",
            ..NewOffer::default()
        },
    )
    .await;
    insert_offer(
        &app,
        owner,
        NewOffer {
            title: "Noch nicht fertig",
            status: "draft",
            ..NewOffer::default()
        },
    )
    .await;
    // Data that looks like Typst markup stays text.
    insert_offer(
        &app,
        owner,
        NewOffer {
            title: "Beratung #panic(\"x\") *fett*",
            ..NewOffer::default()
        },
    )
    .await;
    sqlx::query(
            "INSERT INTO offer_translations (offer_id, lang, title, summary, description, source_hash, updated_at)
             VALUES ($1, 'ar', 'مقهى اللغة', 'تعلم الألمانية', '', '', 0)",
        )
        .bind(cafe)
        .execute(app.db().pool())
        .await
        .unwrap();

    // Public: no sign-in needed.
    let anonymous = app.new_browser();
    let pdf = get_pdf(&anonymous, &format!("/networks/{net}/wegweiser.pdf")).await;
    let text = flat(&pdf_text(&pdf));
    for expected in [
        "Wegweiser",
        "Inhalt",
        "Sprache",
        "Wohnen",
        "Beratung",
        "Sprachcafé am Markt",
        "Wohnungssuche leicht",
        "Beratung #panic(\"x\") *fett*",
        "Montag – Mittwoch: 08:00–12:00",
        "Donnerstag: 14:00–18:00",
        "Freitag: 08:00–12:00",
        "sonst geschlossen",
        "Deutsch, العربية, Українська",
        "kostenlos",
    ] {
        assert!(text.contains(expected), "{expected:?} missing in {text}");
    }
    assert!(!text.contains("Noch nicht fertig"), "a draft was printed");
    // The table of contents lists the fields before the entries.
    let toc = text.find("Inhalt").unwrap();
    let entry = text.find("Sprachcafé am Markt").unwrap();
    assert!(text[toc..entry].contains("Wohnen"));

    let pdf = get_pdf(
        &anonymous,
        &format!("/networks/{net}/wegweiser.pdf?lang=ar"),
    )
    .await;
    let text = flat(&pdf_text(&pdf));
    // Words without the lam-alef ligature, which pdftotext reads back
    // with its two letters swapped.
    for expected in ["مقهى", "اللغة", "المحتويات", "الخميس", "دليل الخدمات"]
    {
        assert!(text.contains(expected), "{expected:?} missing in {text}");
    }
    // Untranslated offers fall back to German.
    assert!(text.contains("Wohnungssuche leicht"), "{text}");
    assert!(!text.contains("Sprachcafé am Markt"), "{text}");
    let fonts = pdf_fonts(&pdf);
    assert!(fonts.contains("NotoSansArabic"), "{fonts}");
    assert!(fonts.contains(" yes "), "fonts not embedded: {fonts}");

    let response = anonymous
        .get(&format!("/networks/{net}/wegweiser.pdf?lang=xx"))
        .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let response = anonymous.get("/networks/999999/wegweiser.pdf").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);

    // The public offer page and the coordinator's list link to it.
    let page = anonymous
        .get(&format!("/networks/{net}/offers/{cafe}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains(&format!("/networks/{net}/wegweiser.pdf?lang=ar")));
    let coordinator = app.new_browser();
    coordinator
        .login(&logins.coordinator.email, &logins.coordinator.password)
        .await;
    let list = coordinator
        .get(&format!("/networks/{net}/offers"))
        .await
        .text()
        .await
        .unwrap();
    assert!(list.contains(&format!("/networks/{net}/wegweiser.pdf")));
});

backend_test!(wegweiser_over_many_pages, |app: TestApp| async move {
    let logins = app.demo().await;
    let owner = (logins.network_id, logins.member_organization_id);
    let fields = ["counselling", "language", "work", "health", "housing"];
    // Enough for several pages per field; the 300-offer timing runs on a
    // release build (src/offers/wegweiser, bench/README.md), since an
    // unoptimised Typst on a busy machine is many times slower.
    for i in 0..30 {
        let title = format!("Angebot Nummer {i:03}");
        insert_offer(
            &app,
            owner,
            NewOffer {
                title: &title,
                field: fields[i % fields.len()],
                opening_hours: "Mo-Fr 09:00-12:00; We 14:00-17:00",
                languages: "de,en,ar,tr",
                ..NewOffer::default()
            },
        )
        .await;
    }
    let pdf = get_pdf(
        &app.new_browser(),
        &format!("/networks/{}/wegweiser.pdf", logins.network_id),
    )
    .await;
    let text = flat(&pdf_text(&pdf));
    for i in 0..30 {
        let title = format!("Angebot Nummer {i:03}");
        assert!(text.contains(&title), "{title} missing");
    }
    // A later rule for a day replaces the earlier one (OSM semantics).
    assert!(text.contains("Montag – Dienstag: 09:00–12:00"), "{text}");
    assert!(text.contains("Mittwoch: 14:00–17:00"), "{text}");
    // Contents and more than one page per field (the cover has no footer).
    let pages = text.matches("Seite ").count();
    assert!(pages > 6, "{pages} pages");
});

/// A meeting of the demo network with a dated agenda, registrations and
/// minutes; returns (network, meeting).
async fn meeting_with_minutes(app: &TestApp, logins: &ikon::demo::DemoLogins) -> (i64, i64) {
    let db = app.db().pool();
    let net = logins.network_id;
    let org = logins.member_organization_id;
    // Thursday 26 November 2026, 14:00–16:00 in Berlin.
    let start: i64 = 1_795_698_000;
    let mut meeting = Meeting::new(net, "Integrationskonferenz Herbst")
        .at(start, 2)
        .location("Rathaus, Sitzungssaal")
        .organizer(org)
        .state(State::Invited)
        .minutes("draft");
    for (title, public) in [
        ("Begrüßung und Protokoll", true),
        ("Bericht der Migrationsberatung", true),
        ("Haushaltsfragen intern", false),
    ] {
        meeting = meeting.item(AgendaRecord {
            description: "Erläuterung".into(),
            proposer_organization_id: Some(OrganizationId(org)),
            duration_minutes: 20,
            is_public: public,
            ..agenda(title)
        });
    }
    let CreatedMeeting { id: meeting, items } = meeting.create(app).await;
    let people: Vec<(i64, String)> = sqlx::query(
        "SELECT p.id, p.name FROM people p JOIN memberships m ON m.organization_id = p.organization_id
         WHERE m.network_id = $1 ORDER BY p.id LIMIT 2",
    )
    .bind(net)
    .fetch_all(db)
    .await
    .unwrap()
    .iter()
    .map(|r| (r.get("id"), r.get("name")))
    .collect();
    assert_eq!(people.len(), 2, "the demo network has contact people");
    // The minutes as the minutes pages would record them.
    let actor = || ikon::core::audit::Actor::System("test");
    let mut tx = app.db().begin().await.unwrap();
    let record = store::meeting(&mut *tx, MeetingId(meeting))
        .await
        .unwrap()
        .unwrap();
    store::save_notes(
        &mut tx,
        actor(),
        &record,
        AgendaItemId(items[1]),
        "Die Beratungszahlen sind gestiegen.",
    )
    .await
    .unwrap();
    let decision = store::add_decision(
        &mut tx,
        actor(),
        &record,
        AgendaItemId(items[1]),
        "Die Sprechstunde wird verlängert.",
        Some((12, 1, 2)),
    )
    .await
    .unwrap();
    store::save_rsvp(&mut tx, &record, PersonId(people[0].0), true)
        .await
        .unwrap();
    store::save_attendance(
        &mut tx,
        actor(),
        &record,
        &[(PersonId(people[1].0), OrganizationId(org))],
        &BTreeSet::from([PersonId(people[1].0)]),
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    ActionItem::new(net, items[1], "Aushang im Rathaus")
        .decision(decision.get())
        .organization(org)
        .person(people[0].0)
        .due_on("2026-12-15")
        .create(app)
        .await;
    (net, meeting)
}

backend_test!(meeting_documents, |app: TestApp| async move {
    let logins = app.demo().await;
    let (net, meeting) = meeting_with_minutes(&app, &logins).await;
    let base = format!("/networks/{net}/meetings/{meeting}");
    let names: Vec<String> = sqlx::query(
        "SELECT p.name FROM people p JOIN memberships m ON m.organization_id = p.organization_id
         WHERE m.network_id = $1 ORDER BY p.id LIMIT 2",
    )
    .bind(net)
    .fetch_all(app.db().pool())
    .await
    .unwrap()
    .iter()
    .map(|r| r.get("name"))
    .collect();

    // Internal documents: anonymous users must sign in first.
    let anonymous = app.new_browser();
    for doc in ["invitation", "attendance", "minutes"] {
        let response = anonymous.get(&format!("{base}/{doc}.pdf")).await;
        let status = response.status();
        assert!(
            status == StatusCode::UNAUTHORIZED
                || (status == StatusCode::SEE_OTHER
                    && response.headers()["location"]
                        .to_str()
                        .unwrap()
                        .starts_with("/login")),
            "{doc}: {status}"
        );
    }

    let member = app.new_browser();
    member
        .login(&logins.member.email, &logins.member.password)
        .await;

    let text = flat(&pdf_text(
        &get_pdf(&member, &format!("{base}/invitation.pdf")).await,
    ));
    for expected in [
        "Einladung: Integrationskonferenz Herbst",
        "Donnerstag, 26. November 2026, 14:00–16:00 Uhr",
        "Rathaus, Sitzungssaal",
        "Begrüßung und Protokoll",
        "Bericht der Migrationsberatung",
        "Haushaltsfragen intern",
        "TOP",
        "20 Min.",
        "Gesamtdauer: 60 Minuten",
        "Vorgeschlagen von",
    ] {
        assert!(text.contains(expected), "{expected:?} missing in {text}");
    }

    let text = flat(&pdf_text(
        &get_pdf(&member, &format!("{base}/attendance.pdf")).await,
    ));
    assert!(text.contains("Anwesenheitsliste"), "{text}");
    assert!(text.contains("Unterschrift"), "{text}");
    for name in &names {
        assert!(text.contains(name.as_str()), "{name} missing in {text}");
    }
    assert!(text.contains("angemeldet"), "{text}");

    // Draft minutes are for their writers: a member gets no PDF of them,
    // as they get no notes on the minutes page.
    let response = member.get(&format!("{base}/minutes.pdf")).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let coordinator = app.new_browser();
    coordinator
        .login(&logins.coordinator.email, &logins.coordinator.password)
        .await;
    let text = flat(&pdf_text(
        &get_pdf(&coordinator, &format!("{base}/minutes.pdf")).await,
    ));
    for expected in [
        "Protokoll: Integrationskonferenz Herbst",
        "Entwurf",
        "TOP 2: Bericht der Migrationsberatung",
        "Die Beratungszahlen sind gestiegen.",
        "Die Sprechstunde wird verlängert.",
        "Ja: 12",
        "Nein: 1",
        "Enthaltungen: 2",
        "Aushang im Rathaus",
        "15.12.2026",
        names[1].as_str(),
    ] {
        assert!(text.contains(expected), "{expected:?} missing in {text}");
    }

    // Approved minutes are no longer a draft.
    sqlx::query("UPDATE meetings SET minutes_state = 'approved' WHERE id = $1")
        .bind(meeting)
        .execute(app.db().pool())
        .await
        .unwrap();
    let text = flat(&pdf_text(
        &get_pdf(&member, &format!("{base}/minutes.pdf")).await,
    ));
    assert!(!text.contains("Entwurf"), "{text}");
    assert!(text.contains("genehmigt"), "{text}");

    // A public meeting's invitation is public, with its public items only.
    sqlx::query("UPDATE meetings SET is_public = 1 WHERE id = $1")
        .bind(meeting)
        .execute(app.db().pool())
        .await
        .unwrap();
    let text = flat(&pdf_text(
        &get_pdf(&anonymous, &format!("{base}/invitation.pdf")).await,
    ));
    assert!(text.contains("Bericht der Migrationsberatung"), "{text}");
    assert!(!text.contains("Haushaltsfragen intern"), "{text}");
    let response = anonymous.get(&format!("{base}/minutes.pdf")).await;
    assert_ne!(response.status(), StatusCode::OK);

    // The meeting must belong to the network in the path.
    let response = member
        .get(&format!(
            "/networks/{}/meetings/{meeting}/invitation.pdf",
            net + 1000
        ))
        .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);

    // The meeting page links to the documents.
    let page = member
        .get(&format!("/networks/{net}/meetings/{meeting}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains(&format!("{base}/minutes.pdf")), "{page}");
});

backend_test!(
    a_kept_wegweiser_follows_every_offer_change,
    |app: TestApp| async move {
        let logins = app.demo().await;
        let (net, org) = (logins.network_id, logins.member_organization_id);
        let anonymous = app.new_browser();
        let path = format!("/networks/{net}/wegweiser.pdf");
        let before = flat(&pdf_text(&get_pdf(&anonymous, &path).await));
        assert!(!before.contains("Nähcafé International"), "{before}");
        // Kept: the same guide again.
        assert_eq!(flat(&pdf_text(&get_pdf(&anonymous, &path).await)), before);
        // A new published offer (written through the service, which records
        // the change) is in the next guide at once.
        crate::common::fixtures::Offer::new(net, org, "Nähcafé International")
            .create(&app)
            .await;
        let after = flat(&pdf_text(&get_pdf(&anonymous, &path).await));
        assert!(after.contains("Nähcafé International"), "{after}");
    }
);
