//! Concerns: every move of the state machine from every state, allowed and
//! refused (409 with the allowed moves), who may move what, and the
//! details each move needs.

use ikon::{
    conferences::store as conferences,
    coordination::concerns::model::ConcernState,
    core::{
        audit::Actor,
        ids::{AgendaItemId, MeetingId},
    },
};

use super::projects::api;
use super::*;
use crate::backend_test;
use crate::common::fixtures::{Meeting, agenda};

/// A decision in the minutes of `meeting` under its agenda item `item`.
pub(crate) async fn decision(app: &TestApp, meeting: i64, item: i64) -> i64 {
    let mut tx = app.db().begin().await.unwrap();
    let record = conferences::meeting(&mut *tx, MeetingId(meeting))
        .await
        .unwrap()
        .unwrap();
    let id = conferences::add_decision(
        &mut tx,
        Actor::System("test"),
        &record,
        AgendaItemId(item),
        "Das Anliegen wird eingereicht.",
        None,
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    id.get()
}

struct Concerns<'a> {
    app: &'a TestApp,
    k: &'a Kreis,
    meeting: i64,
}

impl Concerns<'_> {
    async fn draft(&self, token: &str) -> i64 {
        let (status, created) = api(self.app, reqwest::Method::POST, &format!("/api/v1/networks/{}/concerns", self.k.network_id), token,
            Some(json!({ "title": "Mehr Sprachkurse", "body": "Der Kreis braucht mehr Kurse.", "addressee": "land_ministry" }))).await;
        assert_eq!(status, StatusCode::CREATED, "{created}");
        created["id"].as_i64().unwrap()
    }

    async fn concern(&self, id: i64) -> Value {
        let list = api(
            self.app,
            reqwest::Method::GET,
            &format!("/api/v1/networks/{}/concerns", self.k.network_id),
            &self.k.token,
            None,
        )
        .await
        .1;
        list.as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .unwrap()
            .clone()
    }

    /// The body a move to `to` needs for this concern.
    async fn body(&self, id: i64, to: ConcernState) -> Value {
        match to {
            ConcernState::OnAgenda => {
                json!({ "to": "on_agenda", "meeting_id": self.meeting.to_string() })
            }
            ConcernState::Agreed => {
                let item = self.concern(id).await["agenda_item_id"]
                    .as_i64()
                    .unwrap_or(0);
                let d = if item > 0 {
                    decision(self.app, self.meeting, item).await
                } else {
                    999_999
                };
                json!({ "to": "agreed", "decision_id": d.to_string() })
            }
            ConcernState::Submitted => {
                json!({ "to": "submitted", "date": "2026-11-02", "reference": "IK-2026-07" })
            }
            ConcernState::Answered => {
                json!({ "to": "answered", "date": "2026-12-01", "text": "Wir prüfen das." })
            }
            other => json!({ "to": other.code() }),
        }
    }

    async fn step(&self, id: i64, to: ConcernState, token: &str) -> (StatusCode, Value) {
        let body = self.body(id, to).await;
        api(
            self.app,
            reqwest::Method::POST,
            &format!(
                "/api/v1/networks/{}/concerns/{id}/transitions",
                self.k.network_id
            ),
            token,
            Some(body),
        )
        .await
    }

    /// A new concern brought to `state` by the coordinator.
    async fn at(&self, state: ConcernState) -> i64 {
        use ConcernState::*;
        let path: &[ConcernState] = match state {
            Draft => &[],
            OnAgenda => &[OnAgenda],
            Agreed => &[OnAgenda, Agreed],
            Rejected => &[OnAgenda, Rejected],
            Postponed => &[OnAgenda, Postponed],
            Submitted => &[OnAgenda, Agreed, Submitted],
            Answered => &[OnAgenda, Agreed, Submitted, Answered],
            Closed => &[OnAgenda, Agreed, Submitted, Answered, Closed],
            Withdrawn => &[Withdrawn],
        };
        let id = self.draft(&self.k.token).await;
        for to in path {
            let (status, body) = self.step(id, *to, &self.k.token).await;
            assert_eq!(status, StatusCode::OK, "to {to:?}: {body}");
        }
        id
    }
}

backend_test!(
    every_move_is_allowed_or_refused_as_the_state_machine_says,
    |app: TestApp| async move {
        let k = kreis(&app).await;
        let meeting = Meeting::new(k.network_id, "Herbstkonferenz")
            .item(agenda("Begrüßung"))
            .create(&app)
            .await
            .id;
        let c = Concerns {
            app: &app,
            k: &k,
            meeting,
        };
        for from in ConcernState::ALL {
            let allowed: Vec<&str> = from.next().iter().map(|s| s.code()).collect();
            // Refused: 409 with the allowed moves; nothing changes.
            let id = c.at(from).await;
            for to in ConcernState::ALL.into_iter().filter(|t| !from.allows(*t)) {
                let (status, body) = c.step(id, to, &k.token).await;
                assert_eq!(status, StatusCode::CONFLICT, "{from:?} -> {to:?}: {body}");
                assert_eq!(body["code"], "transition_not_allowed");
                let listed: Vec<&str> = body["allowed"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v.as_str().unwrap())
                    .collect();
                assert_eq!(listed, allowed, "{from:?} -> {to:?}");
                assert_eq!(c.concern(id).await["state"], from.code());
            }
            // Allowed: each from a concern of its own in that state.
            for to in from.next() {
                let id = c.at(from).await;
                let (status, body) = c.step(id, *to, &k.token).await;
                assert_eq!(status, StatusCode::OK, "{from:?} -> {to:?}: {body}");
                assert_eq!(body["state"], to.code());
            }
        }
        // The way through is kept: history on the page, the item on the agenda.
        let closed = c.at(ConcernState::Closed).await;
        let html = k
            .coordinator
            .get(&format!("/networks/{}/concerns/{closed}", k.network_id))
            .await
            .text()
            .await
            .unwrap();
        assert_eq!(html.matches(" → ").count(), 5, "{html}");
        assert!(html.contains("IK-2026-07") && html.contains("Wir prüfen das."));
        let items: i64 = sqlx::query("SELECT COUNT(*) AS n FROM agenda_items WHERE meeting_id = $1 AND title = 'Anliegen: Mehr Sprachkurse'")
            .bind(meeting).fetch_one(app.db().pool()).await.unwrap().get("n");
        assert!(
            items > 10,
            "every move onto the agenda added an item ({items})"
        );
    }
);

backend_test!(
    members_draft_and_withdraw_coordinators_decide,
    |app: TestApp| async move {
        let k = kreis(&app).await;
        let net = k.network_id;
        let meeting = Meeting::new(net, "Herbstkonferenz")
            .item(agenda("Begrüßung"))
            .create(&app)
            .await
            .id;
        let c = Concerns {
            app: &app,
            k: &k,
            meeting,
        };
        User::new("autorin@erh.example", Role::Member)
            .network(net)
            .organization(Some(k.orgs[0]))
            .create(&app)
            .await;
        User::new("andere@erh.example", Role::Member)
            .network(net)
            .organization(Some(k.orgs[1]))
            .create(&app)
            .await;
        let author = token(&app, "autorin@erh.example").await;
        let other = token(&app, "andere@erh.example").await;
        let id = c.draft(&author).await;
        // Only coordinators put it on the agenda; the author's draft is hers to edit.
        assert_eq!(
            c.step(id, ConcernState::OnAgenda, &author).await.0,
            StatusCode::FORBIDDEN
        );
        let browser = app.new_browser();
        browser
            .login("autorin@erh.example", crate::common::fixtures::PASSWORD)
            .await;
        let edit = [
            ("title", "Mehr Integrationskurse"),
            ("body", "Dringend."),
            ("addressee", "regierung"),
        ];
        assert_eq!(
            browser
                .post_form(&format!("/networks/{net}/concerns/{id}"), &edit)
                .await
                .status(),
            StatusCode::SEE_OTHER
        );
        let others = app.new_browser();
        others
            .login("andere@erh.example", crate::common::fixtures::PASSWORD)
            .await;
        assert_eq!(
            others
                .post_form(&format!("/networks/{net}/concerns/{id}"), &edit)
                .await
                .status(),
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            c.step(id, ConcernState::Withdrawn, &other).await.0,
            StatusCode::FORBIDDEN
        );
        // Bad details are field errors.
        let (status, body) = api(
            &app,
            reqwest::Method::POST,
            &format!("/api/v1/networks/{net}/concerns/{id}/transitions"),
            &k.token,
            Some(json!({ "to": "on_agenda", "meeting_id": "999999" })),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(body["fields"]["meeting_id"].is_string());
        assert_eq!(
            c.step(id, ConcernState::OnAgenda, &k.token).await.0,
            StatusCode::OK
        );
        // Once on the agenda the draft is no longer the author's to edit.
        assert_eq!(
            browser
                .post_form(&format!("/networks/{net}/concerns/{id}"), &edit)
                .await
                .status(),
            StatusCode::FORBIDDEN
        );
        // A decision of another meeting does not agree it.
        let elsewhere = Meeting::new(net, "Sondersitzung")
            .item(agenda("Anderes"))
            .create(&app)
            .await;
        let foreign = decision(&app, elsewhere.id, elsewhere.items[0]).await;
        let (status, body) = api(
            &app,
            reqwest::Method::POST,
            &format!("/api/v1/networks/{net}/concerns/{id}/transitions"),
            &k.token,
            Some(json!({ "to": "agreed", "decision_id": foreign.to_string() })),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        let (status, body) = api(
            &app,
            reqwest::Method::POST,
            &format!("/api/v1/networks/{net}/concerns/{id}/transitions"),
            &k.token,
            Some(json!({ "to": "submitted" })),
        )
        .await;
        assert_eq!(status, StatusCode::CONFLICT, "{body}");
        // The author withdraws it before submission.
        let (status, body) = c.step(id, ConcernState::Withdrawn, &author).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        // A forbidden move in the browser is a 409 page that names the way on.
        let response = k
            .coordinator
            .post_form(
                &format!("/networks/{net}/concerns/{id}/transitions"),
                &[("to", "agreed")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
    }
);
