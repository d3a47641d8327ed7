//! The calendar page: events and funding deadlines of a month, as a grid
//! and as a list, without JavaScript; public ones for outside readers.

use chrono::{Datelike, TimeZone};

use super::*;
use crate::backend_test;
use crate::common::fixtures::Post;

backend_test!(
    the_calendar_shows_events_and_deadlines,
    |app: TestApp| async move {
        let s = setup(&app).await;
        let net = s.net;
        // The 15th of next month, 18:00 German time.
        let today = Utc::now().with_timezone(&Berlin).date_naive();
        let next = today
            .checked_add_months(chrono::Months::new(1))
            .unwrap()
            .with_day(15)
            .unwrap();
        let start = Berlin
            .from_local_datetime(&next.and_hms_opt(18, 0, 0).unwrap())
            .unwrap()
            .timestamp();
        let month = next.format("%Y-%m").to_string();
        Post::new(net, "Integrationsforum")
            .public()
            .event(start, 2)
            .create(&app)
            .await;
        Post::new(net, "Internes Planungstreffen")
            .event(start + 86_400, 1)
            .create(&app)
            .await;
        let deadline = next.with_day(20).unwrap().format("%Y-%m-%d").to_string();
        Post::new(net, "Bundesprogramm Teilhabe")
            .public()
            .funding_call(&deadline)
            .create(&app)
            .await;
        let anonymous = app.new_browser();
        let grid = page(
            &anonymous,
            &format!("/networks/{net}/calendar?month={month}"),
        )
        .await;
        assert!(grid.contains("<table class=\"bul-month\""));
        assert!(grid.contains("18:00") && grid.contains("Integrationsforum"));
        assert!(grid.contains("Frist: Bundesprogramm Teilhabe"));
        assert!(
            !grid.contains("Internes Planungstreffen"),
            "internal events for the network only"
        );
        let list = page(
            &anonymous,
            &format!("/networks/{net}/calendar?month={month}&view=list"),
        )
        .await;
        assert!(list.contains("bul-agenda") && list.contains(&deadline));
        let (forum, call) = (
            list.find("Integrationsforum").unwrap(),
            list.find("Bundesprogramm").unwrap(),
        );
        assert!(forum < call, "in order of date");
        let member = page(
            &s.member,
            &format!("/networks/{net}/calendar?month={month}"),
        )
        .await;
        assert!(member.contains("Internes Planungstreffen"));
        // Other months, a month that is no month, a network that does not exist.
        assert!(
            !page(&anonymous, &format!("/networks/{net}/calendar"))
                .await
                .contains("Integrationsforum")
        );
        page(
            &anonymous,
            &format!("/networks/{net}/calendar?month=kein-monat"),
        )
        .await;
        assert_eq!(
            anonymous.get("/networks/999999/calendar").await.status(),
            StatusCode::NOT_FOUND
        );
    }
);
