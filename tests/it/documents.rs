//! PDF documents, read back as a person would read them: the Wegweiser in
//! German and Arabic, and the invitation, attendance list and minutes of a
//! meeting. Text is extracted with `pdftotext` (poppler-utils).

use std::{path::Path, process::Command};

use reqwest::StatusCode;
use sqlx::Row;

use crate::backend_test;
use crate::common::{Browser, TestApp};

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

pub async fn insert_offer(
    app: &TestApp,
    (network_id, organization_id): (i64, i64),
    o: NewOffer<'_>,
) -> i64 {
    let id: i64 = sqlx::query(
        "INSERT INTO offers (network_id, organization_id, title, summary, description, field, offer_type, target_groups, languages, cost, cost_note, wheelchair, accessibility_note, appointment, booking_note, street, postal_code, municipality_key, lat, lon, room, opening_hours, phone, email, website, status, created_at, updated_at)
         VALUES ($1, $2, $3, 'Kurz erklärt.', 'Lang erklärt.', $4, $5, 'refugees', $6, 'free', '', 1, '', 1, '', 'Am Markt 1', '91413', $7, $8, $9, '', $10, '09161 12345', 'info@example.org', 'https://example.org', $11, $12, $12) RETURNING id",
    )
    .bind(network_id)
    .bind(organization_id)
    .bind(o.title)
    .bind(o.field)
    .bind(o.offer_type)
    .bind(o.languages)
    .bind(o.municipality_key)
    .bind(o.lat)
    .bind(o.lon)
    .bind(o.opening_hours)
    .bind(o.status)
    .bind(ikon::core::store::now())
    .fetch_one(app.db().pool())
    .await
    .unwrap()
    .get("id");
    // Written past the store, so tell the search index like the store would.
    sqlx::query("INSERT INTO search_changes (offer_id, changed_at) VALUES ($1, $2)")
        .bind(id)
        .bind(ikon::core::store::now())
        .execute(app.db().pool())
        .await
        .unwrap();
    id
}

async fn get_pdf(browser: &Browser, path: &str) -> Vec<u8> {
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
        .get(&format!("/offers/{cafe}"))
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
    let meeting: i64 = sqlx::query(
        "INSERT INTO meetings (network_id, title, starts_at, ends_at, location, online_url, organizer_organization_id, state, is_public, ics_uid, ics_sequence, created_at, updated_at, minutes_state)
         VALUES ($1, 'Integrationskonferenz Herbst', $2, $3, 'Rathaus, Sitzungssaal', '', $4, 'invited', 0, 'documents-test@ikon', 0, $2, $2, 'draft') RETURNING id",
    )
    .bind(net)
    .bind(start)
    .bind(start + 7200)
    .bind(org)
    .fetch_one(db)
    .await
    .unwrap()
    .get("id");
    let mut items = Vec::new();
    for (position, title, public) in [
        (1, "Begrüßung und Protokoll", 1),
        (2, "Bericht der Migrationsberatung", 1),
        (3, "Haushaltsfragen intern", 0),
    ] {
        let id: i64 = sqlx::query(
            "INSERT INTO agenda_items (meeting_id, position, title, description, proposer_organization_id, duration_minutes, is_public, created_at, updated_at)
             VALUES ($1, $2, $3, 'Erläuterung', $4, 20, $5, 0, 0) RETURNING id",
        )
        .bind(meeting)
        .bind(position)
        .bind(title)
        .bind(org)
        .bind(public)
        .fetch_one(db)
        .await
        .unwrap()
        .get("id");
        items.push(id);
    }
    sqlx::query("INSERT INTO item_minutes (agenda_item_id, notes, updated_at) VALUES ($1, 'Die Beratungszahlen sind gestiegen.', 0)")
        .bind(items[1])
        .execute(db)
        .await
        .unwrap();
    let decision: i64 = sqlx::query(
        "INSERT INTO decisions (agenda_item_id, position, text, votes_yes, votes_no, votes_abstain, created_at, updated_at)
         VALUES ($1, 1, 'Die Sprechstunde wird verlängert.', 12, 1, 2, 0, 0) RETURNING id",
    )
    .bind(items[1])
    .fetch_one(db)
    .await
    .unwrap()
    .get("id");
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
    sqlx::query(
        "INSERT INTO action_items (network_id, agenda_item_id, decision_id, title, responsible_organization_id, responsible_person_id, due_on, status, progress, created_at, updated_at)
         VALUES ($1, $2, $3, 'Aushang im Rathaus', $4, $5, '2026-12-15', 'open', 0, 0, 0)",
    )
    .bind(net)
    .bind(items[1])
    .bind(decision)
    .bind(org)
    .bind(people[0].0)
    .execute(db)
    .await
    .unwrap();
    sqlx::query("INSERT INTO rsvps (meeting_id, person_id, response, answered_at) VALUES ($1, $2, 'yes', 0)")
        .bind(meeting)
        .bind(people[0].0)
        .execute(db)
        .await
        .unwrap();
    sqlx::query("INSERT INTO attendance (meeting_id, person_id, organization_id, present, recorded_at) VALUES ($1, $2, $3, 1, 0)")
        .bind(meeting)
        .bind(people[1].0)
        .bind(org)
        .execute(db)
        .await
        .unwrap();
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

    let text = flat(&pdf_text(
        &get_pdf(&member, &format!("{base}/minutes.pdf")).await,
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
