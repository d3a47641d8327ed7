//! The demo's coordination: a matrix with a gap and an overlap, three
//! projects with ESF Plus funding, an answered and a waiting concern, each
//! with its letter.

use super::projects::api;
use super::*;
use crate::backend_test;

backend_test!(
    the_demo_has_a_matrix_projects_and_concerns,
    |app: TestApp| async move {
        let logins = app.demo().await;
        let net = logins.network_id;
        ikon::demo::load_coordination(app.db(), net).await.unwrap();
        let coordinator = token(&app, &logins.coordinator.email).await;
        let m = matrix(&app, net, &coordinator, "").await;
        assert_eq!(
            m["overlaps"].as_array().unwrap().len(),
            1,
            "{}",
            m["overlaps"]
        );
        assert_eq!(m["overlaps"][0]["field"], "work");
        let gaps = cells(&m["gaps"]);
        assert!(
            gaps.iter()
                .any(|(k, f, g)| !k.is_empty() && f == "school" && g == "young_people")
        );
        let projects = api(
            &app,
            reqwest::Method::GET,
            &format!("/api/v1/networks/{net}/projects"),
            &coordinator,
            None,
        )
        .await
        .1;
        let projects = projects.as_array().unwrap();
        assert_eq!(projects.len(), 5);
        let wir = projects
            .iter()
            .find(|p| p["funding"].as_array().is_some_and(|f| !f.is_empty()))
            .unwrap();
        assert!(
            wir["funding"][0]["programme"]
                .as_str()
                .unwrap()
                .contains("WIR – Netzwerke integrieren Geflüchtete")
        );
        assert_eq!(wir["rolled_up"], 50);
        assert_eq!(wir["milestones"].as_array().unwrap().len(), 2);
        let concerns = api(
            &app,
            reqwest::Method::GET,
            &format!("/api/v1/networks/{net}/concerns"),
            &coordinator,
            None,
        )
        .await
        .1;
        let states: Vec<&str> = concerns
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["state"].as_str().unwrap())
            .collect();
        assert!(
            states.contains(&"answered") && states.contains(&"submitted"),
            "{states:?}"
        );
        // Their letters are written once the app runs, and only once.
        assert_eq!(ikon::demo::write_letters(&app.app).await.unwrap(), 2);
        assert_eq!(ikon::demo::write_letters(&app.app).await.unwrap(), 0);
        let browser = app.new_browser();
        browser
            .login(&logins.coordinator.email, &logins.coordinator.password)
            .await;
        for c in concerns.as_array().unwrap() {
            let letter = browser
                .get(&format!("/networks/{net}/concerns/{}/letter.pdf", c["id"]))
                .await;
            assert_eq!(letter.status(), StatusCode::OK, "{}", c["title"]);
            let bytes = letter.bytes().await.unwrap();
            assert!(bytes.starts_with(b"%PDF"));
        }
        // The waiting one is past the reminder.
        assert_eq!(
            ikon::coordination::concerns::reminders::sweep(&app.app)
                .await
                .unwrap(),
            1
        );
    }
);
