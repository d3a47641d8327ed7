//! Measures the responsibility matrix of a Kreis with 50 municipalities
//! (see bench/README.md): 2,000 agreements of 40 member organisations
//! over every cell (fields × target groups of the offers' vocabularies),
//! 300 published offers, a few of them contact points for several
//! municipalities. The server runs in process on a loopback port; each
//! view of the matrix page (the Kreis, one municipality, one target group
//! over all municipalities) is requested as the coordinator, and the time
//! from request to the last byte is reported, next to the parts in
//! process (reading, laying the grid, the view) and the exports.
//!
//!     cargo run --release --example matrix_bench [dir]
//!
//! `dir` (default: a temporary folder) gets a fresh SQLite database.

use std::time::{Duration, Instant};

use ikon::{
    coordination::{
        registry,
        responsibilities::{
            model::{AgreementRecord, FIELDS, MatrixQuery, Role, TARGET_GROUPS},
            service::Loaded,
            store,
            views::GridView,
        },
    },
    core::{audit::Actor, config::Config, ids::OrganizationId},
    network::{
        model::{Category, NetworkRecord, OrganizationRecord},
        service::{networks, organizations},
    },
    offers::{
        model::{OfferRecord, Status},
        service::offers,
        store as offer_store,
    },
};
use rand::{Rng, SeedableRng, rngs::StdRng};
use sqlx::Row;

const AGREEMENTS: usize = 2_000;
const ORGANISATIONS: usize = 40;
const OFFERS: usize = 300;
const RUNS: usize = 100;

fn failed(e: ikon::core::error::AppError) -> anyhow::Error {
    anyhow::anyhow!("{} ({})", e.code, e.message.id)
}

fn report(name: &str, mut times: Vec<Duration>) {
    times.sort();
    let at = |q: f64| times[((times.len() as f64 - 1.0) * q) as usize].as_secs_f64() * 1000.0;
    println!(
        "{name:<48} p50 {:>7.2} ms  p99 {:>7.2} ms  max {:>7.2} ms",
        at(0.5),
        at(0.99),
        at(1.0)
    );
}

/// A Kreis with exactly 50 municipalities (the nearest above, if none).
async fn kreis(db: &ikon::core::store::Db) -> anyhow::Result<(String, i64)> {
    let rows = sqlx::query(
        "SELECT SUBSTR(key, 1, 5) AS kreis, COUNT(*) AS n FROM regions
         WHERE level = 'municipality' GROUP BY SUBSTR(key, 1, 5) HAVING COUNT(*) >= 50
         ORDER BY COUNT(*), SUBSTR(key, 1, 5) LIMIT 1",
    )
    .fetch_one(db.pool())
    .await?;
    Ok((rows.get("kreis"), rows.get("n")))
}

/// A random agreement; every tenth names a second lead (an overlap where
/// it meets another), every twentieth ended last year.
fn agreement(
    rng: &mut StdRng,
    municipalities: &[(String, String)],
    orgs: &[OrganizationId],
    n: usize,
) -> AgreementRecord {
    let scope = rng.gen_range(0..=municipalities.len());
    let mut parties = vec![(orgs[rng.gen_range(0..orgs.len())], Role::Lead)];
    for role in [Role::Involved, Role::Informed, Role::Involved] {
        let o = orgs[rng.gen_range(0..orgs.len())];
        if !parties.iter().any(|(p, _)| *p == o) && rng.gen_bool(0.6) {
            parties.push((o, role));
        }
    }
    if n.is_multiple_of(10) {
        let o = orgs[rng.gen_range(0..orgs.len())];
        if !parties.iter().any(|(p, _)| *p == o) {
            parties.push((o, Role::Lead));
        }
    }
    parties.sort_by_key(|(o, r)| (*r, *o));
    let ended = n.is_multiple_of(20);
    AgreementRecord {
        municipality_key: (scope > 0).then(|| municipalities[scope - 1].0.clone()),
        field: FIELDS[rng.gen_range(0..FIELDS.len())].into(),
        target_group: TARGET_GROUPS[rng.gen_range(0..TARGET_GROUPS.len())].into(),
        valid_from: if ended { "2020-01-01" } else { "2024-01-01" }.into(),
        valid_until: ended.then(|| "2024-12-31".into()),
        decision_id: None,
        note: format!("Vereinbarung {n}"),
        parties,
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let tmp = tempfile::tempdir()?;
    let dir = std::env::args()
        .nth(1)
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| tmp.path().to_path_buf());
    std::fs::create_dir_all(&dir)?;
    let config = Config::in_folder(&dir);
    let db = ikon::cli::open(&config).await?;
    let app = ikon::app::build(config, db.clone());
    let (region_key, count) = kreis(&db).await?;
    let actor = Actor::System("bench");
    let started = Instant::now();
    let mut tx = db.begin().await?;
    let network = networks::insert(
        &mut tx,
        &actor,
        &NetworkRecord {
            name: "Integrationskonferenz Bench".into(),
            region_key: region_key.clone(),
            description: String::new(),
        },
    )
    .await?;
    let mut orgs = Vec::new();
    for n in 0..ORGANISATIONS {
        let record = OrganizationRecord {
            name: format!("Träger {n:02}"),
            category: Category::Other,
            street: String::new(),
            postal_code: String::new(),
            city: String::new(),
            website: String::new(),
            email: String::new(),
            phone: String::new(),
            description: String::new(),
        };
        orgs.push(organizations::insert(&mut tx, &actor, network, &record).await?);
    }
    tx.commit().await?;
    let net = registry::network(&db, network).await.map_err(failed)?;
    let municipalities = registry::municipalities(&db, &net).await.map_err(failed)?;
    let mut rng = StdRng::seed_from_u64(42);
    let mut tx = db.begin().await?;
    for n in 0..AGREEMENTS {
        let record = agreement(&mut rng, &municipalities, &orgs, n);
        store::create(&mut tx, network, &record).await?;
    }
    for n in 0..OFFERS {
        let record = OfferRecord {
            title: format!("Angebot {n}"),
            field: FIELDS[rng.gen_range(0..FIELDS.len())].into(),
            offer_type: "mbe".into(),
            languages: vec!["de".into()],
            cost: "free".into(),
            target_groups: vec![
                TARGET_GROUPS[rng.gen_range(0..TARGET_GROUPS.len())].into(),
                TARGET_GROUPS[rng.gen_range(0..TARGET_GROUPS.len())].into(),
            ],
            places: vec![ikon::offers::model::PlaceRecord {
                municipality_key: Some(
                    municipalities[rng.gen_range(0..municipalities.len())]
                        .0
                        .clone(),
                ),
                ..Default::default()
            }],
            ..OfferRecord::default()
        };
        let org = orgs[rng.gen_range(0..orgs.len())];
        let id = offers::create(&mut tx, Actor::System("bench"), network, org, &record).await?;
        let offer = offer_store::offer(&mut *tx, id)
            .await?
            .expect("just created");
        offers::set_status(&mut tx, Actor::System("bench"), &offer, Status::Published).await?;
    }
    tx.commit().await?;
    println!(
        "Kreis {region_key}: {count} municipalities, {} fields × {} target groups ({} cells), \
         {AGREEMENTS} agreements of {ORGANISATIONS} organisations, {OFFERS} offers; written in {:.1} s",
        FIELDS.len(),
        TARGET_GROUPS.len(),
        (count as usize + 1) * FIELDS.len() * TARGET_GROUPS.len(),
        started.elapsed().as_secs_f64()
    );

    // In process: the parts of a page.
    let day = "2026-06-01".to_string();
    let (mut read, mut lay, mut view) = (Vec::new(), Vec::new(), Vec::new());
    let mut marks = (0, 0, 0);
    for _ in 0..RUNS {
        let t = Instant::now();
        let loaded = Loaded::of(&app, &net, day.clone()).await.map_err(failed)?;
        read.push(t.elapsed());
        let t = Instant::now();
        let grid = loaded.grid();
        let cells = grid.all(&loaded.municipalities, FIELDS, TARGET_GROUPS);
        lay.push(t.elapsed());
        let t = Instant::now();
        let query = MatrixQuery {
            target_group: "refugees".into(),
            ..MatrixQuery::default()
        };
        std::hint::black_box(GridView::with_grid(&loaded, &grid, &query));
        view.push(t.elapsed());
        marks = (
            cells.iter().filter(|c| c.gap).count(),
            cells.iter().filter(|c| c.overlap).count(),
            cells.iter().filter(|c| c.unconfirmed).count(),
        );
    }
    println!(
        "marks on {day}: {} gaps, {} overlaps, {} unconfirmed",
        marks.0, marks.1, marks.2
    );
    report("read agreements, municipalities, offers", read);
    report("lay every cell (gaps, overlaps, unconfirmed)", lay);
    report("one target group over all municipalities", view);

    // Over HTTP, as the coordinator.
    let mut tx = db.begin().await?;
    let user = ikon::accounts::store::create_user(
        &mut tx,
        Actor::System("bench"),
        &ikon::accounts::store::NewUser {
            email: "koordination@bench.example".into(),
            name: "Kora Bench".into(),
            password: "correct horse battery".into(),
            role: ikon::accounts::model::Role::Coordinator,
            network_id: Some(network.get()),
            organization_id: None,
            region_key: None,
        },
    )
    .await?;
    tx.commit().await?;
    let token = ikon::accounts::sessions::create_api_token(&db, user.id, "bench").await?;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let base = format!("http://{}", listener.local_addr()?);
    let server_app = app.clone();
    tokio::spawn(async move {
        let _ = ikon::app::server::run(server_app, listener, std::future::pending()).await;
    });
    let client = reqwest::Client::new();
    let m = &municipalities[municipalities.len() / 2].0;
    let n = network.get();
    for (name, path, runs) in [
        (
            "page: the Kreis (fields × groups)",
            format!("/networks/{n}/responsibilities?on={day}"),
            RUNS,
        ),
        (
            "page: one municipality",
            format!("/networks/{n}/responsibilities?on={day}&municipality={m}"),
            RUNS,
        ),
        (
            "page: one target group, all municipalities",
            format!("/networks/{n}/responsibilities?on={day}&target_group=refugees"),
            RUNS,
        ),
        (
            "API: the matrix as JSON",
            format!("/api/v1/networks/{n}/responsibilities?on={day}"),
            RUNS,
        ),
        (
            "XLSX: one target group and every cell",
            format!("/networks/{n}/responsibilities.xlsx?on={day}&target_group=refugees"),
            20,
        ),
        (
            "CSV: every cell",
            format!("/networks/{n}/responsibilities.csv?on={day}"),
            20,
        ),
    ] {
        let mut times = Vec::new();
        for _ in 0..runs {
            let t = Instant::now();
            let response = client
                .get(format!("{base}{path}"))
                .bearer_auth(&token)
                .send()
                .await?;
            anyhow::ensure!(
                response.status().is_success(),
                "{path}: {}",
                response.status()
            );
            std::hint::black_box(response.bytes().await?);
            times.push(t.elapsed());
        }
        report(name, times);
    }
    // A PDF is kept by content once rendered: only the first is timed.
    let t = Instant::now();
    let response = client
        .get(format!(
            "{base}/networks/{n}/responsibilities.pdf?on={day}&target_group=refugees"
        ))
        .bearer_auth(&token)
        .send()
        .await?;
    anyhow::ensure!(response.status().is_success());
    let bytes = response.bytes().await?;
    println!(
        "{:<48} {:>7.2} ms ({} KiB)",
        "PDF: one target group (first render)",
        t.elapsed().as_secs_f64() * 1000.0,
        bytes.len() / 1024
    );
    Ok(())
}
