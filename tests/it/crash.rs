//! Crash safety of the real binary. `ikon serve` is killed with SIGKILL at
//! a random moment while several clients add agenda items through the
//! API, then started again on the same data. Every write it acknowledged
//! (201) must be there exactly once, nothing may appear that was never
//! sent, every item must have the audit row written in its transaction,
//! and the database must be intact. The process dies, the machine does
//! not: SQLite's WAL with `synchronous = NORMAL` keeps every commit then
//! (a power cut could cost the last ones, which this test cannot show).
//!
//! `IKON_CRASH_RUNS` (default 3) sets the number of kills per backend,
//! `IKON_CRASH_SEED` the seed of the kill moments. The seed is printed at
//! the start, so a failing run can be replayed with the same moments (the
//! interleaving of the writers is the scheduler's).

use std::{
    collections::{HashMap, HashSet},
    process::{Child, Command, Stdio},
    str::FromStr,
    sync::{
        Arc,
        atomic::{AtomicBool, Ordering},
    },
    time::{Duration, Instant},
};

use ikon::core::store::{Backend as DbBackend, Db};
use rand::{Rng, SeedableRng, rngs::StdRng};
use reqwest::StatusCode;
use serde_json::{Value, json};
use sqlx::Row;

use crate::common::{Backend, Browser, PgDatabase};

const IKON: &str = env!("CARGO_BIN_EXE_ikon");
const RUNS: &str = "IKON_CRASH_RUNS";
const SEED: &str = "IKON_CRASH_SEED";
const DEFAULT_RUNS: usize = 3;
const DEFAULT_SEED: u64 = 20_261_204;
/// Clients adding agenda items at the same time.
const WRITERS: usize = 8;
/// Milliseconds between the writers' start and the kill: from early (a few
/// items) to late (every writer in full swing).
const KILL_AFTER_MS: std::ops::RangeInclusive<u64> = 300..=2000;

crate::both_backends!(acknowledged_writes_survive_sigkill);

async fn acknowledged_writes_survive_sigkill(backend: Backend) {
    let runs: usize = env_or(RUNS, DEFAULT_RUNS);
    let seed: u64 = env_or(SEED, DEFAULT_SEED);
    eprintln!("crash test ({backend:?}): {runs} runs, seed {seed}; replay with {SEED}={seed}");
    let mut rng = StdRng::seed_from_u64(seed);
    let site = Site::new(backend).await;
    let demo = site.load_demo();
    let mut server = site.serve().await;
    let token = api_token(&server.base, &demo.email, &demo.password).await;

    let mut failures = Vec::new();
    let mut totals = Outcome::default();
    let mut position_clashes = 0;
    for run in 1..=runs {
        let meeting = create_meeting(&server, &token, demo.network_id, run).await;
        let kill_after = Duration::from_millis(rng.gen_range(KILL_AFTER_MS));
        let outcome = write_until_killed(
            &mut server,
            &token,
            demo.network_id,
            meeting,
            run,
            kill_after,
        )
        .await;
        let failures_before = failures.len();
        let stored = site.check_database(meeting, &outcome, &mut failures).await;
        let restarting = Instant::now();
        server = site.serve().await;
        let restart = restarting.elapsed();
        check_served(
            &server,
            &token,
            demo.network_id,
            meeting,
            &stored.items,
            &mut failures,
        )
        .await;
        let committed_in_flight = outcome
            .in_flight
            .iter()
            .filter(|t| stored.items.contains_key(*t))
            .count();
        eprintln!(
            "run {run}/{runs}: killed after {} ms; {} acknowledged, {} in flight ({committed_in_flight} of them committed), \
             {} items sharing a position; answering again {} ms after the restart; {} failures",
            kill_after.as_millis(),
            outcome.acknowledged.len(),
            outcome.in_flight.len(),
            stored.position_clashes,
            restart.as_millis(),
            failures.len() - failures_before
        );
        position_clashes += stored.position_clashes;
        totals.acknowledged.extend(outcome.acknowledged);
        totals.in_flight.extend(outcome.in_flight);
        totals.unexpected.extend(outcome.unexpected);
    }
    server.kill();
    eprintln!(
        "crash test ({backend:?}): {runs} runs, {} acknowledged writes, {} in flight at a kill, \
         {position_clashes} items sharing a position, {} failures",
        totals.acknowledged.len(),
        totals.in_flight.len(),
        failures.len() + totals.unexpected.len()
    );
    assert!(
        totals.unexpected.is_empty(),
        "answers other than 201 while the server ran (seed {seed}): {:#?}",
        totals.unexpected
    );
    assert!(failures.is_empty(), "seed {seed}: {failures:#?}");
}

fn env_or<T: FromStr>(name: &str, default: T) -> T {
    match std::env::var(name) {
        Ok(value) => value
            .parse()
            .unwrap_or_else(|_| panic!("{name}={value} is not a number")),
        Err(_) => default,
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// One installation: a data folder and, for PostgreSQL, its own database.
struct Site {
    data_dir: tempfile::TempDir,
    database_url: String,
    _postgres: Option<PgDatabase>,
}

struct DemoLogin {
    network_id: i64,
    email: String,
    password: String,
}

impl Site {
    async fn new(backend: Backend) -> Self {
        let data_dir = tempfile::tempdir().unwrap();
        let postgres = match backend {
            Backend::Sqlite => None,
            Backend::Postgres => Some(PgDatabase::create().await),
        };
        let database_url = match &postgres {
            Some(pg) => pg.url.clone(),
            None => format!(
                "sqlite://{}",
                data_dir.path().join("ikon.sqlite3").display()
            ),
        };
        Site {
            data_dir,
            database_url,
            _postgres: postgres,
        }
    }

    /// `ikon` with exactly this installation's settings.
    fn ikon(&self) -> Command {
        let mut cmd = Command::new(IKON);
        cmd.env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("IKON_DATA_DIR", self.data_dir.path())
            .env("IKON_DATABASE_URL", &self.database_url)
            .env("IKON_LOG", "warn");
        cmd
    }

    /// `ikon demo`, and the coordinator's login from what it prints.
    fn load_demo(&self) -> DemoLogin {
        let out = self.ikon().arg("demo").output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "ikon demo failed: {}{stdout}",
            String::from_utf8_lossy(&out.stderr)
        );
        let network_id = stdout
            .split("(network ")
            .nth(1)
            .and_then(|rest| rest.split(')').next())
            .and_then(|id| id.parse().ok())
            .unwrap_or_else(|| panic!("no network id in {stdout}"));
        let words: Vec<&str> = stdout
            .lines()
            .find(|l| l.starts_with("coordinator"))
            .unwrap_or_else(|| panic!("no coordinator login in {stdout}"))
            .split_whitespace()
            .collect();
        DemoLogin {
            network_id,
            email: words[1].to_string(),
            password: words[2].to_string(),
        }
    }

    /// Starts `ikon serve` on a fresh port and waits until `/healthz` answers.
    async fn serve(&self) -> Server {
        let port = free_port();
        let child = self
            .ikon()
            .env("IKON_LISTEN", format!("127.0.0.1:{port}"))
            .arg("serve")
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let mut server = Server {
            child,
            base: format!("http://127.0.0.1:{port}"),
        };
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(2))
            .build()
            .unwrap();
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Ok(response) = client.get(server.url("/healthz")).send().await
                && response.status() == StatusCode::OK
            {
                return server;
            }
            if let Some(status) = server.child.try_wait().unwrap() {
                panic!("ikon serve exited ({status}) before it answered");
            }
            assert!(
                Instant::now() < deadline,
                "ikon serve did not answer /healthz within 60 s"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Reads the meeting's agenda straight from the database while no
    /// server runs and checks it against what the writers were told.
    async fn check_database(
        &self,
        meeting: i64,
        outcome: &Outcome,
        failures: &mut Vec<String>,
    ) -> Stored {
        let db = Db::connect(&self.database_url).await.unwrap();
        integrity(&db, failures).await;
        let rows = sqlx::query(
            "SELECT i.id, i.title, i.position, \
                    (SELECT COUNT(*) FROM audit_log a \
                      WHERE a.entity = 'agenda_item' AND a.action = 'create' AND a.entity_id = i.id) AS audits \
             FROM agenda_items i WHERE i.meeting_id = $1 ORDER BY i.id",
        )
        .bind(meeting)
        .fetch_all(db.pool())
        .await
        .unwrap();
        // An audit row whose item is missing: half a transaction survived.
        let orphaned_audits: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM audit_log a WHERE a.entity = 'agenda_item' AND a.action = 'create' \
             AND NOT EXISTS (SELECT 1 FROM agenda_items i WHERE i.id = a.entity_id)",
        )
        .fetch_one(db.pool())
        .await
        .unwrap();
        db.close().await;

        if orphaned_audits != 0 {
            failures.push(format!(
                "meeting {meeting}: {orphaned_audits} audit rows of agenda items that do not exist"
            ));
        }
        let mut stored = HashMap::new();
        let mut positions = HashSet::new();
        let mut position_clashes = 0;
        for row in &rows {
            let id: i64 = row.get("id");
            let title: String = row.get("title");
            let position: i64 = row.get("position");
            let audits: i64 = row.get("audits");
            if audits != 1 {
                failures.push(format!("item {id} ({title}) has {audits} audit rows"));
            }
            if !positions.insert(position) {
                position_clashes += 1;
                failures.push(format!(
                    "meeting {meeting}: position {position} twice (item {id}, {title})"
                ));
            }
            if stored.insert(title.clone(), id).is_some() {
                failures.push(format!("meeting {meeting}: {title} stored twice"));
            }
            if !outcome.acknowledged.contains_key(&title) && !outcome.in_flight.contains(&title) {
                failures.push(format!("meeting {meeting}: {title} stored but never sent"));
            }
        }
        for (title, id) in &outcome.acknowledged {
            match stored.get(title) {
                None => failures.push(format!(
                    "LOST: {title} (item {id:?}) was acknowledged with 201 but is not in the database"
                )),
                Some(stored_id) if id.is_some_and(|id| id != *stored_id) => failures.push(format!(
                    "{title} was acknowledged as item {id:?} but is stored as item {stored_id}"
                )),
                Some(_) => {}
            }
        }
        Stored {
            items: stored,
            position_clashes,
        }
    }
}

/// SQLite: `PRAGMA integrity_check` and the foreign keys. PostgreSQL keeps
/// its own files consistent; there the references the schema promises are
/// checked.
async fn integrity(db: &Db, failures: &mut Vec<String>) {
    match db.backend() {
        DbBackend::Sqlite => {
            let report: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
                .fetch_all(db.pool())
                .await
                .unwrap();
            if report != ["ok"] {
                failures.push(format!("integrity_check: {report:?}"));
            }
            let broken: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM pragma_foreign_key_check")
                .fetch_one(db.pool())
                .await
                .unwrap();
            if broken != 0 {
                failures.push(format!("{broken} rows break a foreign key"));
            }
        }
        DbBackend::Postgres => {
            let orphans: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM agenda_items i LEFT JOIN meetings m ON m.id = i.meeting_id \
                 WHERE m.id IS NULL",
            )
            .fetch_one(db.pool())
            .await
            .unwrap();
            if orphans != 0 {
                failures.push(format!("{orphans} agenda items without their meeting"));
            }
        }
    }
}

/// A running `ikon serve`; dropping it kills the process.
struct Server {
    child: Child,
    base: String,
}

impl Server {
    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// SIGKILL: no shutdown, no flush, no chance to finish a request.
    fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}

/// Signs in through the login form and creates an API token on the
/// account page, as a person would.
async fn api_token(base: &str, email: &str, password: &str) -> String {
    let browser = Browser::new(base);
    browser.login(email, password).await;
    let response = browser
        .post_form("/account/tokens", &[("name", "crash test")])
        .await;
    let page = crate::common::text_with_status(response, StatusCode::OK).await;
    page.split("class=\"token\">")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .filter(|token| token.starts_with("ikon_"))
        .unwrap_or_else(|| panic!("no new token on the account page: {page}"))
        .to_string()
}

async fn create_meeting(server: &Server, token: &str, network: i64, run: usize) -> i64 {
    let response = reqwest::Client::new()
        .post(server.url(&format!("/api/v1/networks/{network}/meetings")))
        .bearer_auth(token)
        .json(&json!({ "title": format!("Absturz {run}") }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let meeting: Value = response.json().await.unwrap();
    meeting["id"].as_i64().expect("meeting id")
}

/// The meeting's agenda as the database holds it after a kill.
struct Stored {
    /// Title → item id.
    items: HashMap<String, i64>,
    /// Items whose position another item of the meeting has too.
    position_clashes: usize,
}

#[derive(Default)]
struct Outcome {
    /// Title → item id of every 201 (no id if the kill cut the body off).
    acknowledged: HashMap<String, Option<i64>>,
    /// Titles sent without an answer: the kill came first. They may or
    /// may not have been committed.
    in_flight: HashSet<String>,
    /// Answers other than 201 while the server ran.
    unexpected: Vec<String>,
}

/// Runs the writers, kills the server after `kill_after` and returns what
/// the writers were told.
async fn write_until_killed(
    server: &mut Server,
    token: &str,
    network: i64,
    meeting: i64,
    run: usize,
    kill_after: Duration,
) -> Outcome {
    let agenda = server.url(&format!(
        "/api/v1/networks/{network}/meetings/{meeting}/agenda"
    ));
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(20))
        .build()
        .unwrap();
    // Set just before the kill so that no writer starts a request to a
    // port another test's server may have taken over by then.
    let killed = Arc::new(AtomicBool::new(false));
    let mut writers = Vec::new();
    for w in 0..WRITERS {
        let (client, agenda, token, killed) = (
            client.clone(),
            agenda.clone(),
            token.to_string(),
            killed.clone(),
        );
        writers.push(tokio::spawn(async move {
            let mut outcome = Outcome::default();
            for i in 0.. {
                if killed.load(Ordering::SeqCst) {
                    break;
                }
                let title = format!("Lauf {run} Schreiber {w} Punkt {i}");
                let sent = client
                    .post(&agenda)
                    .bearer_auth(&token)
                    .json(&json!({ "title": title, "duration_minutes": 5 }))
                    .send()
                    .await;
                match sent {
                    Ok(response) if response.status() == StatusCode::CREATED => {
                        let id = match response.json::<Value>().await {
                            Ok(item) => item["id"].as_i64(),
                            Err(_) => None,
                        };
                        outcome.acknowledged.insert(title, id);
                    }
                    Ok(response) => {
                        let status = response.status();
                        let body = response.text().await.unwrap_or_default();
                        outcome.unexpected.push(format!("{title}: {status} {body}"));
                    }
                    Err(_) => {
                        outcome.in_flight.insert(title);
                        break;
                    }
                }
            }
            outcome
        }));
    }
    tokio::time::sleep(kill_after).await;
    killed.store(true, Ordering::SeqCst);
    server.kill();
    let mut all = Outcome::default();
    for writer in writers {
        let outcome = writer.await.unwrap();
        all.acknowledged.extend(outcome.acknowledged);
        all.in_flight.extend(outcome.in_flight);
        all.unexpected.extend(outcome.unexpected);
    }
    all
}

/// The restarted server serves exactly what the database holds.
async fn check_served(
    server: &Server,
    token: &str,
    network: i64,
    meeting: i64,
    stored: &HashMap<String, i64>,
    failures: &mut Vec<String>,
) {
    let response = reqwest::Client::new()
        .get(server.url(&format!(
            "/api/v1/networks/{network}/meetings/{meeting}/agenda"
        )))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    if response.status() != StatusCode::OK {
        failures.push(format!(
            "after the restart, the agenda of meeting {meeting} answers {}",
            response.status()
        ));
        return;
    }
    let items: Vec<Value> = response.json().await.unwrap();
    let served: HashMap<String, i64> = items
        .iter()
        .map(|i| {
            (
                i["title"].as_str().unwrap().to_string(),
                i["id"].as_i64().unwrap(),
            )
        })
        .collect();
    if served.len() != items.len() || &served != stored {
        failures.push(format!(
            "after the restart, meeting {meeting} serves {} items, the database holds {}",
            items.len(),
            stored.len()
        ));
    }
}
