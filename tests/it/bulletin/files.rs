//! A post's files and an event's report: documents for every reader of the
//! post, photos with their description once the event is over, the report
//! in Markdown; bad files, undescribed photos and early reports refused
//! with nothing stored. And good practice a supervisor shares with every
//! network of her region, once.

use reqwest::multipart::{Form, Part};

use super::*;
use crate::backend_test;
use crate::common::fixtures::{Network, Post};

/// A 1×1 PNG.
const PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
    0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0xF0,
    0x1F, 0x00, 0x05, 0x00, 0x01, 0xFF, 0x89, 0x99, 0x3D, 0x1D, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
    0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
];
const PDF: &[u8] = b"%PDF-1.4\n% Programm Tag der Begegnung\n%%EOF\n";

async fn upload(
    browser: &Browser,
    (net, post): (i64, i64),
    (name, bytes): (&str, &[u8]),
    role: &str,
    description: &str,
) -> reqwest::Response {
    let csrf = browser.csrf().await;
    let form = Form::new()
        .text("role", role.to_string())
        .text("description", description.to_string())
        .part(
            "file",
            Part::bytes(bytes.to_vec()).file_name(name.to_string()),
        );
    browser
        .client
        .post(format!(
            "{}/networks/{net}/posts/{post}/files?csrf={csrf}",
            browser.base
        ))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

async fn file_count(app: &TestApp) -> i64 {
    sqlx::query("SELECT COUNT(*) FROM post_files")
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get(0)
}

/// The id of the newest file.
async fn last_file(app: &TestApp) -> i64 {
    sqlx::query("SELECT MAX(id) FROM post_files")
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get(0)
}

backend_test!(
    an_event_gets_files_a_report_and_photos_once_it_is_over,
    |app: TestApp| async move {
        let s = setup(&app).await;
        let net = s.net;
        let two_days_ago = ikon::core::store::now() - 2 * 24 * 3600;
        let past = Post::new(net, "Tag der Begegnung 2026")
            .event(two_days_ago, 5)
            .public()
            .create(&app)
            .await;
        let ahead = Post::new(net, "Integrationsforum")
            .event(ikon::core::store::now() + 7 * 24 * 3600, 3)
            .create(&app)
            .await;
        let page_of = |post: i64| format!("/networks/{net}/posts/{post}");

        // A document for every reader of the (public) post.
        let response = upload(
            &s.coordinator,
            (net, past),
            ("programm.pdf", PDF),
            "attachment",
            "",
        )
        .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let pdf = last_file(&app).await;
        let html = page(&app.new_browser(), &page_of(past)).await;
        assert!(
            html.contains(&format!("/networks/{net}/posts/{past}/files/{pdf}")),
            "{html}"
        );
        assert!(html.contains("programm.pdf"));
        let download = app
            .new_browser()
            .get(&format!("/networks/{net}/posts/{past}/files/{pdf}"))
            .await;
        assert_eq!(download.status(), StatusCode::OK);
        assert_eq!(download.headers()["content-type"], "application/pdf");
        assert!(
            download.headers()["content-disposition"]
                .to_str()
                .unwrap()
                .starts_with("attachment")
        );
        assert_eq!(download.bytes().await.unwrap().as_ref(), PDF);

        // Refused, nothing stored: content that is not what its name says,
        // a photo without its description, a document as a photo, a
        // photo or a report before the event is over, a member who is not
        // the author.
        let before = file_count(&app).await;
        for (response, status) in [
            (
                upload(
                    &s.coordinator,
                    (net, past),
                    ("bild.png", PDF),
                    "attachment",
                    "",
                )
                .await,
                StatusCode::UNPROCESSABLE_ENTITY,
            ),
            (
                upload(&s.coordinator, (net, past), ("bild.png", PNG), "photo", " ").await,
                StatusCode::UNPROCESSABLE_ENTITY,
            ),
            (
                upload(
                    &s.coordinator,
                    (net, past),
                    ("programm.pdf", PDF),
                    "photo",
                    "Programm",
                )
                .await,
                StatusCode::UNPROCESSABLE_ENTITY,
            ),
            (
                upload(
                    &s.coordinator,
                    (net, ahead),
                    ("bild.png", PNG),
                    "photo",
                    "Saal",
                )
                .await,
                StatusCode::CONFLICT,
            ),
            (
                upload(
                    &s.member,
                    (net, past),
                    ("programm.pdf", PDF),
                    "attachment",
                    "",
                )
                .await,
                StatusCode::FORBIDDEN,
            ),
        ] {
            assert_eq!(response.status(), status);
        }
        assert_eq!(file_count(&app).await, before);
        let early = s
            .coordinator
            .post_form(
                &format!("{}/report", page_of(ahead)),
                &[("report", "Schön.")],
            )
            .await;
        assert_eq!(early.status(), StatusCode::CONFLICT);
        let empty = s
            .coordinator
            .post_form(&format!("{}/report", page_of(past)), &[("report", "  ")])
            .await;
        assert_eq!(empty.status(), StatusCode::UNPROCESSABLE_ENTITY);

        // After the event: a photo with its description and the report.
        let response = upload(
            &s.coordinator,
            (net, past),
            ("buffet.png", PNG),
            "photo",
            "Gäste am internationalen Büfett",
        )
        .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let photo = last_file(&app).await;
        let response = s
            .coordinator
            .post_form(
                &format!("{}/report", page_of(past)),
                &[("report", "Über **300 Gäste** kamen auf den Marktplatz.")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let html = page(&app.new_browser(), &page_of(past)).await;
        assert!(
            html.contains("Über <strong>300 Gäste</strong> kamen"),
            "{html}"
        );
        assert!(html.contains(&format!(
            r#"<img src="/networks/{net}/posts/{past}/files/{photo}" alt="Gäste am internationalen Büfett""#
        )));
        let shown = app
            .new_browser()
            .get(&format!("/networks/{net}/posts/{past}/files/{photo}"))
            .await;
        assert_eq!(shown.headers()["content-type"], "image/png");
        assert!(
            shown.headers()["content-disposition"]
                .to_str()
                .unwrap()
                .starts_with("inline")
        );

        // An internal post's file is for the network's readers only.
        upload(
            &s.coordinator,
            (net, ahead),
            ("liste.pdf", PDF),
            "attachment",
            "Helferliste",
        )
        .await;
        let internal = last_file(&app).await;
        let path = format!("/networks/{net}/posts/{ahead}/files/{internal}");
        assert_ne!(app.new_browser().get(&path).await.status(), StatusCode::OK);
        assert_eq!(s.member.get(&path).await.status(), StatusCode::OK);

        // Removed: gone from the page, the link answers 404.
        let response = s
            .coordinator
            .post_form(
                &format!("/networks/{net}/posts/{past}/files/{pdf}/delete"),
                &[],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert!(
            !page(&app.new_browser(), &page_of(past))
                .await
                .contains("programm.pdf")
        );
        let gone = app
            .new_browser()
            .get(&format!("/networks/{net}/posts/{past}/files/{pdf}"))
            .await;
        assert_eq!(gone.status(), StatusCode::NOT_FOUND);
    }
);

backend_test!(
    a_supervisor_shares_good_practice_with_every_network_of_her_region,
    |app: TestApp| async move {
        let s = setup(&app).await;
        let net = s.net;
        let fuerth = Network::new("Integrationskonferenz Landkreis Fürth", "09573")
            .create(&app)
            .await;
        let muenchen = Network::new("Integrationskonferenz München", "09162")
            .create(&app)
            .await;
        let practice = create(
            &s.coordinator,
            net,
            &[
                ("type", "good_practice"),
                ("title", "Sprachcafé in der Bücherei"),
                ("audience", "public"),
                ("problem", "Wenig Gelegenheit, Deutsch zu sprechen."),
                ("approach", "Ehrenamtliche laden jeden Donnerstag ein."),
                ("results", "30 Teilnehmende im Schnitt."),
            ],
        )
        .await;
        let share = format!("/networks/{net}/posts/{practice}/share");
        // Only the supervisor (and admins) share; the coordinator sees no button.
        assert!(
            !page(&s.coordinator, &format!("/networks/{net}/posts/{practice}"))
                .await
                .contains(&share)
        );
        assert_eq!(
            s.coordinator.post_form(&share, &[]).await.status(),
            StatusCode::FORBIDDEN
        );
        assert!(
            page(&s.supervisor, &format!("/networks/{net}/posts/{practice}"))
                .await
                .contains(&share)
        );
        let response = s.supervisor.post_form(&share, &[]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);

        let listed = |network: i64| {
            let browser = app.new_browser();
            async move { page(&browser, &format!("/networks/{network}/posts")).await }
        };
        assert!(listed(fuerth).await.contains("Sprachcafé in der Bücherei"));
        assert!(
            !listed(muenchen)
                .await
                .contains("Sprachcafé in der Bücherei")
        );
        let copy: i64 = sqlx::query("SELECT copy_id FROM post_shares WHERE source_id = $1")
            .bind(practice)
            .fetch_one(app.db().pool())
            .await
            .unwrap()
            .get(0);
        let html = page(
            &app.new_browser(),
            &format!("/networks/{fuerth}/posts/{copy}"),
        )
        .await;
        assert!(html.contains("Geteilt aus dem Netzwerk"), "{html}");
        assert!(html.contains("30 Teilnehmende im Schnitt."));

        // Sharing again adds nothing; an event is no good practice.
        let before = post_count(&app).await;
        s.supervisor.post_form(&share, &[]).await;
        assert_eq!(post_count(&app).await, before);
        let event = Post::new(net, "Fest")
            .event(ikon::core::store::now() + 86_400, 2)
            .create(&app)
            .await;
        let response = s
            .supervisor
            .post_form(&format!("/networks/{net}/posts/{event}/share"), &[])
            .await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        assert_eq!(post_count(&app).await, before + 1);
    }
);
