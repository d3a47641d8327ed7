//! The demo network's conference history: two past conferences with
//! attendance, approved minutes, decisions and action items (some done,
//! some overdue), and the next conference with an open date poll and a
//! draft agenda. Dates are relative to the day the demo is loaded, so the
//! demo always shows an overdue item and a poll in the future.

use anyhow::Context;
use chrono::{Duration, TimeZone, Utc};
use chrono_tz::Europe::Berlin;
use sqlx::Row;

use crate::{
    conferences::{
        actions::{self, model::ActionRecord},
        model::{AgendaRecord, Answer, MeetingRecord, Series},
        store::{
            add_agenda_item, add_decision, add_poll_option, create_meeting, meeting, save_answers,
            save_notes, save_series, set_rotation,
        },
    },
    core::{
        audit::Actor,
        ids::{AgendaItemId, DecisionId, NetworkId, OrganizationId, PersonId},
        store::{Tx, now},
    },
};

const ACTOR: Actor<'static> = Actor::System("demo");
const DAY: i64 = 24 * 3600;
/// Indexes (in the demo file's order) of the organisations that take turns organising.
const ROTATION: [usize; 3] = [0, 9, 24];

/// Votes for, against, abstaining.
type Votes = (i64, i64, i64);

/// One agenda item of a past conference with what the minutes say about it.
struct PastItem {
    title: &'static str,
    description: &'static str,
    minutes: &'static str,
    /// Decision text and optional votes (yes, no, abstain).
    decision: Option<(&'static str, Option<Votes>)>,
    actions: &'static [PastAction],
}

struct PastAction {
    title: &'static str,
    /// Index into the network's organisations (in the order of the demo file).
    organization: usize,
    /// Due date in days from the meeting.
    due_after_days: i64,
    status: &'static str,
    progress: i64,
    comment: &'static str,
}

struct PastMeeting {
    title: &'static str,
    days_ago: i64,
    location: &'static str,
    organizer: usize,
    items: &'static [PastItem],
}

const PAST: &[PastMeeting] = &[
    PastMeeting {
        title: "Integrationskonferenz Herbst",
        days_ago: 380,
        location: "Landratsamt Neustadt a.d.Aisch, Großer Sitzungssaal, Konrad-Adenauer-Straße 1, 91413 Neustadt a.d.Aisch",
        organizer: 0,
        items: &[
            PastItem {
                title: "Begrüßung und Feststellung der Tagesordnung",
                description: "",
                minutes: "Die Integrationsbeauftragte begrüßt 14 Teilnehmende aus 11 Organisationen. Die Tagesordnung wird ohne Änderungen angenommen.",
                decision: None,
                actions: &[],
            },
            PastItem {
                title: "Lagebild: Zuwanderung im Landkreis",
                description: "Vorstellung der aktuellen Zahlen aus dem Ausländerzentralregister und der Arbeitsagentur.",
                minutes: "Die Zahl der Schutzsuchenden ist gegenüber dem Vorjahr gestiegen, vor allem aus der Ukraine. Besonders gefragt sind Sprachkurse mit Kinderbetreuung.",
                decision: Some((
                    "Die Konferenz bittet das Landratsamt, das Lagebild künftig vor jeder Konferenz an alle Mitglieder zu versenden.",
                    Some((13, 0, 1)),
                )),
                actions: &[PastAction {
                    title: "Lagebild vor jeder Konferenz an alle Mitglieder versenden",
                    organization: 0,
                    due_after_days: 60,
                    status: "done",
                    progress: 100,
                    comment: "Versand eingerichtet, erstmals vor der Frühjahrskonferenz.",
                }],
            },
            PastItem {
                title: "Mehrsprachige Übersicht der Anlaufstellen",
                description: "Wie erfahren Neuzugewanderte, wohin sie sich wenden können?",
                minutes: "Die Migrationsberatungen berichten, dass viele Ratsuchende die Anlaufstellen nicht kennen. Eine gedruckte Übersicht in den wichtigsten Sprachen soll in Rathäusern und Arztpraxen ausliegen.",
                decision: Some((
                    "Ein mehrsprachiger Wegweiser der Anlaufstellen wird erstellt und in allen Rathäusern ausgelegt.",
                    Some((14, 0, 0)),
                )),
                actions: &[
                    PastAction {
                        title: "Wegweiser der Anlaufstellen in Deutsch, Englisch, Arabisch und Ukrainisch erstellen",
                        organization: 9,
                        due_after_days: 90,
                        status: "done",
                        progress: 100,
                        comment: "Gedruckt und an alle Rathäuser verteilt.",
                    },
                    PastAction {
                        title: "Dolmetscherpool für Beratungsgespräche aufbauen",
                        organization: 11,
                        due_after_days: 150,
                        status: "in_progress",
                        progress: 60,
                        comment: "Zwölf Ehrenamtliche gewonnen, Schulung für Persisch und Tigrinya fehlt noch.",
                    },
                ],
            },
        ],
    },
    PastMeeting {
        title: "Integrationskonferenz Frühjahr",
        days_ago: 195,
        location: "Rathaus Bad Windsheim, Sitzungssaal, Marktplatz 1, 91438 Bad Windsheim",
        organizer: 9,
        items: &[
            PastItem {
                title: "Genehmigung des Protokolls der letzten Konferenz",
                description: "",
                minutes: "Das Protokoll der Herbstkonferenz wird ohne Änderungen genehmigt.",
                decision: Some((
                    "Das Protokoll der Herbstkonferenz ist genehmigt.",
                    Some((12, 0, 2)),
                )),
                actions: &[],
            },
            PastItem {
                title: "Beratungsangebote im Süden des Landkreises",
                description: "Für Uffenheim und Umgebung gibt es keine Sprechstunde der Jugendmigrationsdienste.",
                minutes: "Jugendliche aus Uffenheim müssen für eine Beratung nach Neustadt fahren. Der Jugendmigrationsdienst prüft eine monatliche Außensprechstunde.",
                decision: Some((
                    "Der Jugendmigrationsdienst richtet eine Außensprechstunde im Süden des Landkreises ein; die Stadt Uffenheim stellt einen Raum.",
                    None,
                )),
                actions: &[PastAction {
                    title: "Außensprechstunde des Jugendmigrationsdienstes in Uffenheim einrichten",
                    organization: 10,
                    due_after_days: 120,
                    status: "open",
                    progress: 0,
                    comment: "",
                }],
            },
            PastItem {
                title: "Kinderbetreuung während der Integrationskurse",
                description: "Bericht der Volkshochschule.",
                minutes: "Ohne Betreuung können viele Mütter nicht am Integrationskurs teilnehmen. Die Kitas melden freie Plätze am Vormittag.",
                decision: Some((
                    "Die Kita-Träger melden freie Vormittagsplätze monatlich an die Volkshochschule.",
                    Some((11, 1, 2)),
                )),
                actions: &[
                    PastAction {
                        title: "Freie Kita-Plätze am Vormittag monatlich an die VHS melden",
                        organization: 7,
                        due_after_days: 240,
                        status: "in_progress",
                        progress: 40,
                        comment: "Drei von sieben Trägern melden bereits.",
                    },
                    PastAction {
                        title: "Ehrenamtsbörse auf der Website des Landkreises veröffentlichen",
                        organization: 0,
                        due_after_days: 45,
                        status: "done",
                        progress: 100,
                        comment: "Online seit Juni.",
                    },
                ],
            },
        ],
    },
];

/// Berlin-local 14:00 on the day `days` from now, as UNIX seconds.
fn afternoon(days: i64) -> i64 {
    let day = (Utc::now() + Duration::days(days))
        .with_timezone(&Berlin)
        .date_naive();
    let at = day.and_hms_opt(14, 0, 0).expect("14:00 exists");
    Berlin
        .from_local_datetime(&at)
        .earliest()
        .map(|t| t.timestamp())
        .unwrap_or_else(|| now() + days * DAY)
}

/// The network's organisations in the order of the demo file, each with
/// its people.
async fn organizations(tx: &mut Tx, network_id: i64) -> anyhow::Result<Vec<(i64, Vec<i64>)>> {
    let rows = sqlx::query(
        "SELECT o.id AS organization_id, p.id AS person_id FROM organizations o
         JOIN memberships m ON m.organization_id = o.id AND m.network_id = $1
         LEFT JOIN people p ON p.organization_id = o.id
         ORDER BY o.id, p.id",
    )
    .bind(network_id)
    .fetch_all(&mut **tx)
    .await?;
    let mut out: Vec<(i64, Vec<i64>)> = Vec::new();
    for row in rows {
        let org: i64 = row.get("organization_id");
        let person: Option<i64> = row.get("person_id");
        if out.last().map(|(id, _)| *id) != Some(org) {
            out.push((org, Vec::new()));
        }
        if let (Some(person), Some(last)) = (person, out.last_mut()) {
            last.1.push(person);
        }
    }
    Ok(out)
}

pub async fn load(tx: &mut Tx, network_id: i64) -> anyhow::Result<()> {
    let orgs = organizations(tx, network_id).await?;
    anyhow::ensure!(
        orgs.len() > 24,
        "the demo history needs the demo's organisations"
    );
    save_series(
        tx,
        ACTOR,
        NetworkId(network_id),
        &Series {
            rhythm_months: 6,
            default_location: PAST[0].location.to_string(),
        },
    )
    .await?;
    // The county office, a welfare association and the integration council take turns.
    let rotation: Vec<OrganizationId> = ROTATION
        .iter()
        .map(|&index| OrganizationId(orgs[index].0))
        .collect();
    set_rotation(tx, ACTOR, NetworkId(network_id), &rotation).await?;
    for past in PAST {
        past_meeting(tx, network_id, &orgs, past).await?;
    }
    upcoming_meeting(tx, network_id, &orgs).await
}

async fn past_meeting(
    tx: &mut Tx,
    network_id: i64,
    orgs: &[(i64, Vec<i64>)],
    past: &PastMeeting,
) -> anyhow::Result<()> {
    let starts_at = afternoon(-past.days_ago);
    let record = MeetingRecord {
        title: past.title.to_string(),
        starts_at: Some(starts_at),
        ends_at: Some(starts_at + 3 * 3600),
        location: past.location.to_string(),
        online_url: String::new(),
        organizer_organization_id: Some(OrganizationId(orgs[past.organizer].0)),
        is_public: true,
    };
    let id = create_meeting(tx, ACTOR, NetworkId(network_id), &record).await?;
    let meeting = meeting(&mut **tx, id)
        .await?
        .context("the meeting just created")?;
    let id = id.get();
    // The organiser's first contact chairs, the next organisation's takes the minutes.
    let chair = orgs[past.organizer].1.first().copied();
    let minute_taker = orgs[(past.organizer + 1) % orgs.len()].1.first().copied();
    let approved_at = starts_at + 30 * DAY;
    sqlx::query(
        "UPDATE meetings SET state = 'minutes_approved', chair_person_id = $1, minute_taker_person_id = $2,
         minutes_state = 'approved', minutes_approved_at = $3, reminder_sent_at = $4 WHERE id = $5",
    )
    .bind(chair)
    .bind(minute_taker)
    .bind(approved_at)
    .bind(starts_at - 3 * DAY)
    .bind(id)
    .execute(&mut **tx)
    .await?;

    // Attendance: the first contact of most organisations came.
    for (index, (org, people)) in orgs.iter().enumerate() {
        let Some(person) = people.first() else {
            continue;
        };
        sqlx::query(
            "INSERT INTO attendance (meeting_id, person_id, organization_id, present, recorded_at)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(id)
        .bind(*person)
        .bind(*org)
        .bind(i64::from(index % 5 != 4))
        .bind(starts_at)
        .execute(&mut **tx)
        .await?;
    }

    for item in past.items {
        let item_id = add_agenda_item(
            tx,
            ACTOR,
            &meeting,
            &AgendaRecord {
                title: item.title.to_string(),
                description: item.description.to_string(),
                proposer_organization_id: None,
                duration_minutes: 30,
                is_public: true,
            },
        )
        .await?;
        save_notes(tx, ACTOR, &meeting, item_id, item.minutes).await?;
        let decision_id = match item.decision {
            Some((text, votes)) => {
                Some(add_decision(tx, ACTOR, &meeting, item_id, text, votes).await?)
            }
            None => None,
        };
        for action in item.actions {
            past_action(
                tx,
                network_id,
                orgs,
                item_id,
                decision_id,
                action,
                starts_at,
            )
            .await?;
        }
    }
    Ok(())
}

async fn past_action(
    tx: &mut Tx,
    network_id: i64,
    orgs: &[(i64, Vec<i64>)],
    item_id: AgendaItemId,
    decision_id: Option<DecisionId>,
    action: &PastAction,
    meeting_at: i64,
) -> anyhow::Result<()> {
    let (org, people) = &orgs[action.organization];
    let due = chrono::DateTime::from_timestamp(meeting_at + action.due_after_days * DAY, 0)
        .context("due date")?
        .with_timezone(&Berlin)
        .date_naive();
    let record = ActionRecord {
        agenda_item_id: Some(item_id),
        post_id: None,
        decision_id,
        title: action.title.to_string(),
        responsible_organization_id: Some(OrganizationId(*org)),
        responsible_person_id: people.first().copied().map(PersonId),
        due_on: Some(due.format("%Y-%m-%d").to_string()),
    };
    let id = actions::store::create(tx, ACTOR, NetworkId(network_id), &record)
        .await?
        .get();
    // The progress reported since, back-dated and without an account:
    // `add_update` records a signed-in user's report of today.
    let updated_at = (meeting_at + action.due_after_days * DAY / 2).min(now());
    sqlx::query(
        "UPDATE action_items SET status = $1, progress = $2, created_at = $3, updated_at = $4 WHERE id = $5",
    )
    .bind(action.status)
    .bind(action.progress)
    .bind(meeting_at + DAY)
    .bind(updated_at)
    .bind(id)
    .execute(&mut **tx)
    .await?;
    if action.status != "open" {
        sqlx::query(
            "INSERT INTO action_updates (action_item_id, user_id, status, progress, comment, created_at)
             VALUES ($1, NULL, $2, $3, $4, $5)",
        )
        .bind(id)
        .bind(action.status)
        .bind(action.progress)
        .bind(action.comment)
        .bind(updated_at)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

async fn upcoming_meeting(
    tx: &mut Tx,
    network_id: i64,
    orgs: &[(i64, Vec<i64>)],
) -> anyhow::Result<()> {
    let record = MeetingRecord {
        title: "Integrationskonferenz Winter".to_string(),
        starts_at: None,
        ends_at: None,
        location: "Landratsamt Neustadt a.d.Aisch, Großer Sitzungssaal, Konrad-Adenauer-Straße 1, 91413 Neustadt a.d.Aisch".to_string(),
        online_url: String::new(),
        organizer_organization_id: Some(OrganizationId(orgs[ROTATION[2]].0)),
        is_public: true,
    };
    let id = create_meeting(tx, ACTOR, NetworkId(network_id), &record).await?;
    let meeting = meeting(&mut **tx, id)
        .await?
        .context("the meeting just created")?;
    let mut options = Vec::new();
    for days in [24, 31, 38] {
        let start = afternoon(days);
        options.push(add_poll_option(tx, ACTOR, &meeting, start, start + 3 * 3600).await?);
    }
    // Five contacts answered already.
    let patterns = [
        [Answer::Yes, Answer::Maybe, Answer::No],
        [Answer::Yes, Answer::Yes, Answer::No],
        [Answer::No, Answer::Yes, Answer::Yes],
        [Answer::Yes, Answer::No, Answer::Maybe],
        [Answer::Maybe, Answer::Yes, Answer::Yes],
    ];
    let respondents = orgs
        .iter()
        .filter_map(|(_, people)| people.first().copied().map(PersonId));
    for (person, pattern) in respondents.zip(patterns) {
        let answers: Vec<(i64, Answer)> = options.iter().copied().zip(pattern).collect();
        save_answers(tx, &meeting, person, &answers).await?;
    }
    let agenda = [
        ("Begrüßung und Feststellung der Tagesordnung", "", 10, None),
        (
            "Genehmigung des Protokolls der Frühjahrskonferenz",
            "",
            10,
            None,
        ),
        (
            "Bericht zu offenen Aufgaben",
            "Stand der Aufgaben aus den letzten beiden Konferenzen.",
            20,
            None,
        ),
        (
            "Wohnraum für anerkannte Geflüchtete",
            "Erfahrungen der Beratungsstellen und der Gemeinden; Vorschlag eines gemeinsamen Runden Tischs.",
            40,
            Some(OrganizationId(orgs[18].0)),
        ),
    ];
    for (title, description, minutes, proposer) in agenda {
        add_agenda_item(
            tx,
            ACTOR,
            &meeting,
            &AgendaRecord {
                title: title.to_string(),
                description: description.to_string(),
                proposer_organization_id: proposer,
                duration_minutes: minutes,
                is_public: true,
            },
        )
        .await?;
    }
    Ok(())
}
