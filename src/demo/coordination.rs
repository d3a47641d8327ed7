//! The demo network's coordination: a responsibility matrix for its
//! municipalities with a gap and an overlap, three joint projects (one
//! with two sub-projects and ESF Plus funding), and two concerns — one
//! answered, one waiting for an answer longer than the reminder allows.

use chrono::{Days, Utc};
use sqlx::Row;

use crate::{
    coordination::{
        concerns::{model::ConcernRecord, store as concerns},
        projects::{
            model::{Funding, PartnerRole, ProjectRecord, State, euros},
            store as projects,
        },
        responsibilities::{
            model::{AgreementRecord, Role},
            store as agreements,
        },
    },
    core::{
        ids::{NetworkId, OrganizationId, PersonId},
        store::Tx,
    },
};

fn record(m: Option<&str>, field: &str, group: &str, parties: Vec<(i64, Role)>) -> AgreementRecord {
    AgreementRecord {
        municipality_key: m.map(str::to_string),
        field: field.into(),
        target_group: group.into(),
        valid_from: "2026-01-01".into(),
        valid_until: None,
        decision_id: None,
        note: String::new(),
        parties: parties
            .into_iter()
            .map(|(o, r)| (OrganizationId(o), r))
            .collect(),
    }
}

fn project(
    title: &str,
    goal: &str,
    status: &str,
    period: (&str, &str),
    lead: i64,
) -> ProjectRecord {
    ProjectRecord {
        title: title.into(),
        goal: goal.into(),
        description: String::new(),
        fields: vec!["work".into()],
        target_groups: vec!["refugees".into()],
        starts_on: Some(period.0.into()),
        ends_on: Some(period.1.into()),
        parent_id: None,
        weight: 1,
        status: status.into(),
        is_public: false,
        partners: vec![(OrganizationId(lead), PartnerRole::Lead)],
        contact_person_id: None,
    }
}

pub async fn load(tx: &mut Tx, network_id: i64) -> anyhow::Result<()> {
    let network = NetworkId(network_id);
    let orgs: Vec<i64> = sqlx::query(
        "SELECT organization_id FROM memberships WHERE network_id = $1 ORDER BY organization_id",
    )
    .bind(network_id)
    .fetch_all(&mut **tx)
    .await?
    .iter()
    .map(|r| r.get("organization_id"))
    .collect();
    let region: String = sqlx::query("SELECT region_key FROM networks WHERE id = $1")
        .bind(network_id)
        .fetch_one(&mut **tx)
        .await?
        .get("region_key");
    let municipalities: Vec<String> = sqlx::query(
        "SELECT key FROM regions WHERE level = 'municipality' AND SUBSTR(key, 1, 5) = $1 ORDER BY key",
    )
    .bind(&region)
    .fetch_all(&mut **tx)
    .await?
    .iter()
    .map(|r| r.get("key"))
    .collect();
    anyhow::ensure!(
        orgs.len() > 6 && municipalities.len() > 2,
        "the demo's organisations and municipalities"
    );
    let o = |i: usize| orgs[i];
    // The matrix: Kreis-wide counselling and language, an overlap in the
    // first municipality's work with refugees, a gap (only involved) in
    // the second's school cell.
    for r in [
        record(
            None,
            "counselling",
            "refugees",
            vec![(o(0), Role::Lead), (o(1), Role::Involved)],
        ),
        record(
            None,
            "language",
            "refugees",
            vec![(o(2), Role::Lead), (o(0), Role::Informed)],
        ),
        record(None, "counselling", "families", vec![(o(1), Role::Lead)]),
        record(
            Some(&municipalities[0]),
            "work",
            "refugees",
            vec![(o(3), Role::Lead)],
        ),
        record(
            Some(&municipalities[0]),
            "work",
            "refugees",
            vec![(o(4), Role::Lead), (o(5), Role::Involved)],
        ),
        record(
            Some(&municipalities[1]),
            "school",
            "young_people",
            vec![(o(5), Role::Involved)],
        ),
        record(
            Some(&municipalities[2]),
            "kindergarten",
            "families",
            vec![(o(6), Role::Lead)],
        ),
    ] {
        agreements::create(tx, network, &r).await?;
    }
    // Projects: the ESF Plus one with two sub-projects.
    let mut wir = project(
        "WIR – Netzwerk Arbeitsmarktintegration Geflüchteter",
        "Geflüchtete finden Ausbildung und Arbeit in der Region",
        "running",
        ("2026-01-01", "2028-06-30"),
        o(3),
    );
    // Its contact: the first person of the lead organisation, if any.
    wir.contact_person_id =
        sqlx::query("SELECT id FROM people WHERE organization_id = $1 ORDER BY id LIMIT 1")
            .bind(o(3))
            .fetch_optional(&mut **tx)
            .await?
            .map(|r| PersonId(r.get("id")));
    let parent = projects::create(tx, network, &wir, (State::Accepted, 50), (None, None)).await?;
    for (title, weight, progress) in [("Bewerbungscoaching", 2, 60), ("Betriebspraktika", 1, 30)] {
        let mut sub = project(title, "", "running", ("2026-03-01", "2027-12-31"), o(4));
        sub.parent_id = Some(parent);
        sub.weight = weight;
        projects::create(tx, network, &sub, (State::Accepted, progress), (None, None)).await?;
    }
    projects::add_funding(
        tx,
        parent,
        &Funding {
            id: 0,
            programme:
                "ESF Plus – WIR – Netzwerke integrieren Geflüchtete in den regionalen Arbeitsmarkt"
                    .into(),
            funder: "Bundesministerium für Arbeit und Soziales".into(),
            level: "eu".into(),
            amount_cents: 48_000_000,
            amount: euros(48_000_000),
            period_from: Some("2026-01-01".into()),
            period_until: Some("2028-06-30".into()),
            application_status: "approved".into(),
            deadline: Some("2025-09-30".into()),
            funding_call_id: None,
        },
    )
    .await?;
    for (title, day, done) in [
        ("Auftakt mit den Betrieben", "2026-02-15", true),
        ("Zwischenbericht", "2027-03-31", false),
    ] {
        projects::add_milestone(tx, parent, &(title.into(), day.into(), done, String::new()))
            .await?;
    }
    let paten = project(
        "Sprachpaten im Landkreis",
        "Jede neu angekommene Familie hat eine Patin",
        "planned",
        ("2026-09-01", "2027-08-31"),
        o(2),
    );
    projects::create(tx, network, &paten, (State::Accepted, 10), (None, None)).await?;
    let mut woche = project(
        "Interkulturelle Woche 2026",
        "",
        "finished",
        ("2026-09-20", "2026-09-27"),
        o(0),
    );
    woche.is_public = true;
    projects::create(tx, network, &woche, (State::Accepted, 100), (None, None)).await?;
    // Concerns: one answered, one waiting ten weeks.
    let waiting = Utc::now()
        .date_naive()
        .checked_sub_days(Days::new(70))
        .unwrap_or_default()
        .format("%Y-%m-%d")
        .to_string();
    for (title, addressee, submitted, answer) in [
        (
            "Integrationskurse mit Kinderbetreuung",
            "land_ministry",
            "2026-03-16".to_string(),
            Some((
                "2026-05-04",
                "Das Staatsministerium fördert ab dem Herbst zusätzliche Kurse mit Kinderbetreuung.",
            )),
        ),
        (
            "Busanbindung der Gemeinschaftsunterkünfte",
            "kreistag",
            waiting,
            None,
        ),
    ] {
        let id = concerns::create(
            tx,
            network,
            &ConcernRecord {
                title: title.into(),
                body: "Die Integrationskonferenz bittet um Prüfung und Abhilfe.".into(),
                addressee: addressee.into(),
                justification: String::new(),
            },
            (Some(OrganizationId(o(0))), None),
        )
        .await?;
        let (state, answered_on, answer) = match answer {
            Some((on, text)) => ("answered", Some(on.to_string()), text.to_string()),
            None => ("submitted", None, String::new()),
        };
        sqlx::query("UPDATE concerns SET state = $1, submitted_on = $2, reference = $3, answered_on = $4, answer = $5 WHERE id = $6")
            .bind(state)
            .bind(submitted)
            .bind(format!("IK-{}", id.get()))
            .bind(answered_on)
            .bind(answer)
            .bind(id.get())
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}
