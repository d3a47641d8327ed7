//! Measures the situation analysis (see bench/README.md): the import of a
//! flat-file CSV with 1,000,000 observations on SQLite (and PostgreSQL
//! when `IKON_TEST_POSTGRES_URL` is set) with its wall time and peak
//! resident memory, an indicator series for a Kreis, the concentration
//! indices over 100,000 grid cells, the situation page's server time and
//! the report PDF.
//!
//!     cargo run --release --example statistics_bench [dir]
//!
//! `dir` (default: a temporary folder) gets the generated CSV and a fresh
//! SQLite database. `BENCH_RUNS` (default 200) sets the runs per query,
//! `BENCH_PDF_RUNS` (default 10) the PDF renders.
//!
//! The import runs in a child process (`statistics_bench import URL FILE`)
//! so that its peak resident memory (VmHWM) is the import's alone, not the
//! generation's or the demo's.

use std::{
    io::Write,
    path::{Path, PathBuf},
    process::Command,
    time::{Duration, Instant},
};

use anyhow::{Context, bail};
use axum::{body::Body, http::Request};
use ikon::{
    core::{
        audit::Actor,
        config::{Config, Secret},
        i18n::Lang,
        ids::NetworkId,
        store::Db,
        web::App,
    },
    monitoring::{
        concentration::indices::{Unit, compute},
        indicators::{catalogue, series::series},
        maps::{MAPPED, concentration_panel, indicator_map},
        report::{model::ReportRecord, store as report_store},
        service::{import::import_file, shipped},
        store::observations::read_once,
        web::SITUATION,
    },
};
use rand::{Rng, SeedableRng, rngs::StdRng};
use tower::ServiceExt;

const OBSERVATIONS: usize = 1_000_000;
/// Reference days 31.12.2014 … 31.12.2023.
const YEARS: std::ops::RangeInclusive<i32> = 2014..=2023;
const CELLS: usize = 100_000;
const SEED: u64 = 42;
/// The table the indicator catalogue reads foreigners and population from.
const TABLE: &str = "12411-03-03-4";
/// The demo network's Kreis (Neustadt a.d.Aisch-Bad Windsheim).
const KREIS: &str = "09575";

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn config(dir: &Path, database_url: &str) -> Config {
    let mut config = Config {
        data_dir: dir.to_path_buf(),
        database_url: Secret::new(database_url.to_string()),
        log: "warn".into(),
        ..Config::default()
    };
    config.finish().expect("valid config");
    config
}

/// A line of /proc/self/status in kB (VmHWM: the peak resident set).
fn status_kb(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn report(name: &str, mut times: Vec<Duration>) -> String {
    times.sort();
    let at = |q: f64| times[((times.len() as f64 - 1.0) * q) as usize].as_secs_f64() * 1000.0;
    let line = format!(
        "{name:<48} p50 {:>8.2} ms  p99 {:>8.2} ms  max {:>8.2} ms",
        at(0.5),
        at(0.99),
        at(1.0)
    );
    println!("{line}");
    line
}

/// The Kreise and Gemeinden of the official geography, by key.
async fn regions(db: &Db) -> anyhow::Result<Vec<(String, String)>> {
    Ok(sqlx::query_as(
        "SELECT key, name FROM regions WHERE level IN ('district', 'municipality') ORDER BY key",
    )
    .fetch_all(db.pool())
    .await?)
}

/// Writes a 12411-03-03-4 flat file in the current (English) layout:
/// population by nationality and sex (age groups: only their total) for
/// every Kreis and Gemeinde and every reference day, nine cells per region
/// and day, until `OBSERVATIONS` cells. Totals are the sums of their parts;
/// one cell in a thousand is secret (`.`), as small Gemeinden's are.
fn write_csv(path: &Path, regions: &[(String, String)]) -> anyhow::Result<usize> {
    let mut rng = StdRng::seed_from_u64(SEED);
    let mut out = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(path)?);
    out.write_all(b"\xEF\xBB\xBF")?;
    writeln!(
        out,
        "statistics_code;statistics_label;time_code;time_label;time;\
         1_variable_code;1_variable_label;1_variable_attribute_code;1_variable_attribute_label;\
         2_variable_code;2_variable_label;2_variable_attribute_code;2_variable_attribute_label;\
         3_variable_code;3_variable_label;3_variable_attribute_code;3_variable_attribute_label;\
         4_variable_code;4_variable_label;4_variable_attribute_code;4_variable_attribute_label;\
         value;value_unit;value_variable_code;value_variable_label"
    )?;
    let nationalities = [
        ("", "Insgesamt"),
        ("NATD", "Deutsche"),
        ("NATA", "Ausländer(innen)"),
    ];
    let sexes = [
        ("", "Insgesamt"),
        ("GESM", "männlich"),
        ("GESW", "weiblich"),
    ];
    let mut written = 0;
    'all: for year in YEARS {
        for (key, name) in regions {
            let variable = if key.len() == 5 {
                "KREISE;Kreise und krfr. Städte"
            } else {
                "GEMEIN;Gemeinden"
            };
            // Counts [nationality][sex] with totals as sums of the parts.
            let base: f64 = if key.len() == 5 { 150_000.0 } else { 5_000.0 };
            let people = (base * rng.gen_range(0.05..4.0)) as u64 + 10;
            let share = rng.gen_range(0.01..0.30) + (year - 2014) as f64 * 0.004;
            let foreign = (people as f64 * share) as u64;
            let mut n = [[0u64; 3]; 3];
            for (nat, count) in [(1, people - foreign), (2, foreign)] {
                let male = count * rng.gen_range(45..=55) / 100;
                n[nat] = [count, male, count - male];
            }
            n[0] = std::array::from_fn(|sex| n[1][sex] + n[2][sex]);
            for (i, (nat_code, nat)) in nationalities.iter().enumerate() {
                for (j, (sex_code, sex)) in sexes.iter().enumerate() {
                    if written == OBSERVATIONS {
                        break 'all;
                    }
                    let value = if rng.gen_ratio(1, 1000) {
                        ".".to_string()
                    } else {
                        n[i][j].to_string()
                    };
                    writeln!(
                        out,
                        "12411;Fortschreibung des Bevölkerungsstandes;STAG;Stichtag;31.12.{year};\
                         {variable};{key};{name};\
                         NAT;Nationalität;{nat_code};{nat};\
                         GES;Geschlecht;{sex_code};{sex};\
                         ALTX20;Altersgruppen;;Insgesamt;\
                         {value};Anzahl;BEVSTD;Bevölkerungsstand"
                    )?;
                    written += 1;
                }
            }
        }
    }
    out.flush()?;
    Ok(written)
}

/// The child process: imports `file` into the database at `url` as
/// `ikon statistics import` does and prints one line for the parent.
async fn child_import(url: &str, file: &Path) -> anyhow::Result<()> {
    let dir = file.parent().context("file in a folder")?;
    let db = ikon::cli::open(&config(dir, url)).await?;
    let before = status_kb("VmHWM:");
    let started = Instant::now();
    let name = file.display().to_string();
    let report = import_file(&db, file, &name, Actor::System("cli"))
        .await?
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let secs = started.elapsed().as_secs_f64();
    println!(
        "IMPORTED {} {secs:.3} {before} {} {}",
        report.observations,
        status_kb("VmHWM:"),
        report.periods.len()
    );
    Ok(())
}

/// Runs the import in a child process; (observations, seconds, peak kB
/// before, peak kB after).
fn run_import(url: &str, file: &Path) -> anyhow::Result<(u64, f64, u64, u64)> {
    let out = Command::new(std::env::current_exe()?)
        .arg("import")
        .arg(url)
        .arg(file)
        .output()?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    let Some(line) = stdout.lines().find(|l| l.starts_with("IMPORTED ")) else {
        bail!(
            "the import failed: {}{}",
            stdout,
            String::from_utf8_lossy(&out.stderr)
        );
    };
    let f: Vec<&str> = line.split_whitespace().collect();
    Ok((f[1].parse()?, f[2].parse()?, f[3].parse()?, f[4].parse()?))
}

/// A fresh database with the geography, the shipped statistics and the
/// demo network whose report chooses every indicator; the app, the demo
/// network and a signed-in coordinator's session cookie.
async fn prepare(dir: &Path, url: &str) -> anyhow::Result<(App, i64, String)> {
    let config = config(dir, url);
    let db = ikon::cli::open(&config).await?;
    let t = Instant::now();
    shipped::ensure_loaded(&db).await?;
    println!(
        "  shipped statistics loaded in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    let logins = ikon::demo::load(&db).await?;
    ikon::demo::load_report(&db, logins.network_id).await?;
    let mut tx = db.begin().await?;
    let record = ReportRecord {
        title: "Situationsbericht Integration (alle Indikatoren)".into(),
        introduction: "Alle Indikatoren des Katalogs, für die Messung.".into(),
        indicators: catalogue::CATALOGUE
            .iter()
            .map(|i| i.code.to_string())
            .collect(),
    };
    report_store::save_report(&mut tx, NetworkId(logins.network_id), &record, None).await?;
    tx.commit().await?;
    let user: i64 = sqlx::query_scalar("SELECT id FROM users WHERE email = $1")
        .bind(&logins.coordinator.email)
        .fetch_one(db.pool())
        .await?;
    let token = ikon::accounts::sessions::create(&db, user, 1).await?;
    let cookie = format!("{}={token}", ikon::accounts::sessions::SESSION_COOKIE);
    Ok((ikon::app::build(config, db), logins.network_id, cookie))
}

/// GET `path` through the real router, signed in; the status and body size.
async fn get(app: &App, cookie: &str, path: &str) -> anyhow::Result<(u16, usize)> {
    let request = Request::get(path)
        .header("cookie", cookie)
        .body(Body::empty())?;
    let response = ikon::app::router(app.clone()).oneshot(request).await?;
    let status = response.status().as_u16();
    let body = axum::body::to_bytes(response.into_body(), usize::MAX).await?;
    Ok((status, body.len()))
}

/// The in-process measurements on one backend; the result lines.
async fn measure(
    app: &App,
    network: i64,
    cookie: &str,
    pdf_runs: usize,
) -> anyhow::Result<Vec<String>> {
    let runs = env_usize("BENCH_RUNS", 200);
    let mut lines = Vec::new();
    let share = catalogue::find("foreigners_share").context("foreigners_share")?;
    let points = series(&app.db, share, KREIS, None).await?;
    println!(
        "  series foreigners_share {KREIS}: {} points ({} from {TABLE})",
        points.len(),
        points
            .iter()
            .filter(|p| p.source.starts_with("Regionaldatenbank"))
            .count()
    );
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = Instant::now();
        let points = series(&app.db, share, KREIS, None).await?;
        std::hint::black_box(points.len());
        times.push(t.elapsed());
    }
    lines.push(report(&format!("series foreigners_share, {KREIS}"), times));

    let path = format!("/networks/{network}/situation");
    let (status, size) = get(app, cookie, &path).await?;
    if status != 200 {
        bail!("{path} answered {status}");
    }
    println!("  situation page: {size} bytes");
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = Instant::now();
        let (status, _) = get(app, cookie, &path).await?;
        times.push(t.elapsed());
        if status != 200 {
            bail!("{path} answered {status}");
        }
    }
    lines.push(report("situation page (HTTP, coordinator)", times));
    lines.extend(page_parts(app, runs.min(50)).await?);

    if pdf_runs == 0 {
        return Ok(lines);
    }
    let pdf = format!("/networks/{network}/situation-report.pdf");
    let mut times = Vec::with_capacity(pdf_runs);
    let mut size = 0;
    for run in 0..pdf_runs {
        // A new commentary each time: PDFs are kept by content, and a
        // kept one would measure the cache, not the render.
        let mut tx = app.db.begin().await?;
        report_store::save_commentary(
            &mut tx,
            NetworkId(network),
            "population",
            &format!("Messlauf {run}: die Bevölkerung wächst."),
            (None, "Bench"),
        )
        .await?;
        tx.commit().await?;
        let t = Instant::now();
        let (status, bytes) = get(app, cookie, &pdf).await?;
        times.push(t.elapsed());
        if status != 200 {
            bail!("{pdf} answered {status}");
        }
        size = bytes;
        if run == 0 {
            println!(
                "  report PDF, first render (fonts loaded): {:.2} s, {size} bytes",
                times[0].as_secs_f64()
            );
        }
    }
    println!("  report PDF: {size} bytes, {pdf_runs} renders");
    lines.push(report("report PDF, every indicator (rendered)", times));
    let t = Instant::now();
    get(app, cookie, &pdf).await?;
    println!(
        "  report PDF kept (same content again): {:.2} ms",
        t.elapsed().as_secs_f64() * 1000.0
    );
    Ok(lines)
}

/// The situation page's parts timed one by one, to say where its time
/// goes: the panels' series, the Gemeinde maps, the concentration panel,
/// the share of foreigners in the Regierungsbezirk, the Land and Germany.
async fn page_parts(app: &App, runs: usize) -> anyhow::Result<Vec<String>> {
    let mut panels = Vec::with_capacity(runs);
    let mut maps = Vec::with_capacity(runs);
    let mut concentration = Vec::with_capacity(runs);
    let mut comparison = Vec::with_capacity(runs);
    // Each part reads a query of observations once, as on the page.
    for _ in 0..runs {
        let t = Instant::now();
        read_once(async {
            for code in SITUATION {
                let indicator = catalogue::find(code).context("indicator")?;
                std::hint::black_box(series(&app.db, indicator, KREIS, None).await?);
            }
            anyhow::Ok(())
        })
        .await?;
        panels.push(t.elapsed());
        let t = Instant::now();
        read_once(async {
            for code in MAPPED {
                let indicator = catalogue::find(code).context("indicator")?;
                std::hint::black_box(indicator_map(&app.db, indicator, KREIS, Lang::De).await?);
            }
            anyhow::Ok(())
        })
        .await?;
        maps.push(t.elapsed());
        let t = Instant::now();
        std::hint::black_box(concentration_panel(&app.db, KREIS, Lang::De).await?);
        concentration.push(t.elapsed());
        let t = Instant::now();
        read_once(async {
            let share = catalogue::find("foreigners_share").context("indicator")?;
            for region in [&KREIS[0..3], &KREIS[0..2], "DG"] {
                std::hint::black_box(series(&app.db, share, region, None).await?);
            }
            anyhow::Ok(())
        })
        .await?;
        comparison.push(t.elapsed());
    }
    Ok(vec![
        report("  part: series of every panel", panels),
        report("  part: Gemeinde maps", maps),
        report("  part: concentration panel", concentration),
        report("  part: comparison with the larger regions", comparison),
    ])
}

/// 100,000 synthetic cells: inhabitants 0–400 (a tenth empty), foreigners
/// clustered in a fifth of them.
fn concentration() -> String {
    let mut rng = StdRng::seed_from_u64(SEED);
    let cells: Vec<Unit> = (0..CELLS)
        .map(|i| {
            let total = if rng.gen_ratio(1, 10) {
                0.0
            } else {
                rng.gen_range(3..400) as f64
            };
            let share = if i % 5 == 0 {
                rng.gen_range(0.15..0.45)
            } else {
                rng.gen_range(0.0..0.12)
            };
            Unit {
                group: (total * share).round(),
                total,
            }
        })
        .collect();
    let runs = env_usize("BENCH_RUNS", 200);
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = Instant::now();
        let i = compute(std::hint::black_box(&cells)).expect("indices");
        std::hint::black_box(i.dissimilarity);
        times.push(t.elapsed());
    }
    report(&format!("concentration indices, {CELLS} cells"), times)
}

/// A scratch PostgreSQL database as the tests make them; its URL.
async fn create_pg(admin: &str, name: &str) -> anyhow::Result<String> {
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(admin).await?;
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&pool)
        .await?;
    pool.close().await;
    let mut url: url::Url = admin.parse()?;
    url.set_path(&format!("/{name}"));
    Ok(url.to_string())
}

async fn drop_pg(admin: &str, name: &str) -> anyhow::Result<()> {
    let pool = sqlx::AnyPool::connect(admin).await?;
    sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        .execute(&pool)
        .await?;
    pool.close().await;
    Ok(())
}

/// Prepares, imports and measures on one backend.
async fn backend(
    label: &str,
    dir: &Path,
    url: &str,
    csv: &Path,
    pdf_runs: usize,
) -> anyhow::Result<Vec<String>> {
    println!("{label}:");
    let (app, network, cookie) = prepare(dir, url).await?;
    let (observations, secs, before, peak) = run_import(url, csv)?;
    let line = format!(
        "import, {label}: {observations} observations in {secs:.1} s, peak RSS {:.0} MB \
         (before the import {:.0} MB)",
        peak as f64 / 1024.0,
        before as f64 / 1024.0
    );
    println!("{line}");
    let mut lines = vec![line];
    lines.extend(measure(&app, network, &cookie, pdf_runs).await?);
    app.db.pool().close().await;
    Ok(lines)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("import") {
        let (Some(url), Some(file)) = (args.get(2), args.get(3)) else {
            bail!("usage: statistics_bench import URL FILE");
        };
        return child_import(url, Path::new(file)).await;
    }
    let tmp = tempfile::tempdir()?;
    let dir = args
        .get(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| tmp.path().to_path_buf());
    std::fs::create_dir_all(&dir)?;
    let sqlite = dir.join("ikon.sqlite3");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", sqlite.display()));
    }
    let url = format!("sqlite://{}", sqlite.display());
    // The geography gives the region keys the file names.
    let db = ikon::cli::open(&config(&dir, &url)).await?;
    let regions = regions(&db).await?;
    db.pool().close().await;
    let csv = dir.join(format!("{TABLE}_flat.csv"));
    let t = Instant::now();
    let rows = write_csv(&csv, &regions)?;
    println!(
        "{rows} observations ({} regions) written to {} in {:.1} s, {:.0} MB",
        regions.len(),
        csv.display(),
        t.elapsed().as_secs_f64(),
        std::fs::metadata(&csv)?.len() as f64 / 1e6
    );
    let mut lines = vec![concentration()];
    let pdf_runs = env_usize("BENCH_PDF_RUNS", 10);
    lines.extend(backend("SQLite", &dir, &url, &csv, pdf_runs).await?);
    if let Ok(admin) = std::env::var("IKON_TEST_POSTGRES_URL") {
        let name = format!("ikon_bench_{}", std::process::id());
        let pg = create_pg(&admin, &name).await?;
        // The PDF is Typst's work, the same on either backend: once is enough.
        let measured = backend("PostgreSQL", &dir, &pg, &csv, 0).await;
        drop_pg(&admin, &name).await?;
        lines.extend(measured?);
    } else {
        println!("PostgreSQL: not measured (IKON_TEST_POSTGRES_URL is not set)");
    }
    println!("\nresults:");
    for line in lines {
        println!("{line}");
    }
    Ok(())
}
