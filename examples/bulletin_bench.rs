//! Measures the bulletin with 10,000 posts in one network (see
//! bench/README.md): the bulletin page's query (current posts, pinned
//! first, with and without filters), each feed as the handlers build it
//! (query and rendering), and a weekly digest run for 1,000 subscribers
//! (claiming and queuing one mail each).
//!
//!     cargo run --release --example bulletin_bench [dir]
//!
//! `dir` (default: a temporary folder) gets a fresh SQLite database.

use std::time::{Duration, Instant};

use chrono::{Datelike, TimeZone};
use chrono_tz::Europe::Berlin;
use ikon::{
    bulletin::{
        feeds::{self, FeedInfo},
        model::{Audience, Details, Feed, Kind, PostRecord, Status, iso, today},
        service::{self, mail},
        store::{self, Author, View, subscriptions},
    },
    core::{config::Config, i18n::Lang, store::now},
};

const POSTS: usize = 10_000;
const SUBSCRIBERS: usize = 1_000;
const RUNS: usize = 200;

fn record(n: usize) -> PostRecord {
    let kind = Kind::ALL[n % 5];
    let tags = ["language", "work", "refugees", "families", "housing"];
    let at = now() + ((n % 300) as i64 - 100) * 86_400;
    PostRecord {
        kind,
        audience: if n.is_multiple_of(3) {
            Audience::Network
        } else {
            Audience::Public
        },
        title: format!("Mitteilung {n}: Sprachkurse, Förderung und Beratung im Landkreis"),
        body: format!(
            "Text {n} mit **Markdown**: Migrationsberatung, Integrationskurse, Ausbildung, \
             Wohnungssuche und Ehrenamt. Weitere Informationen bei der Koordination."
        ),
        tags: if n % 5 == (n / 5) % 5 {
            vec![tags[n % 5].into()]
        } else {
            vec![tags[n % 5].into(), tags[(n / 5) % 5].into()]
        },
        expires_on: None,
        starts_at: (kind == Kind::Event).then_some(at),
        ends_at: (kind == Kind::Event).then_some(at + 7200),
        deadline_on: (kind == Kind::FundingCall).then(|| {
            iso(chrono::DateTime::from_timestamp(at, 0)
                .unwrap()
                .date_naive())
        }),
        details: Details {
            funder: "Freistaat Bayern".into(),
            deadline_type: "fixed".into(),
            place: "Marktplatz 1, Neustadt a.d.Aisch".into(),
            ..Details::default()
        },
    }
}

fn failed(e: ikon::core::error::AppError) -> anyhow::Error {
    anyhow::anyhow!("{} ({})", e.code, e.message.id)
}

fn report(name: &str, mut times: Vec<Duration>) {
    times.sort();
    let at = |q: f64| times[((times.len() as f64 - 1.0) * q) as usize].as_secs_f64() * 1000.0;
    println!(
        "{name:<44} p50 {:>7.2} ms  p99 {:>7.2} ms  max {:>7.2} ms",
        at(0.5),
        at(0.99),
        at(1.0)
    );
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
    let mut tx = db.begin().await?;
    let network = ikon::network::service::networks::insert(
        &mut tx,
        &ikon::core::audit::Actor::System("bench"),
        &ikon::network::model::NetworkRecord {
            name: "Integrationskonferenz Bench".into(),
            region_key: "09575".into(),
            description: String::new(),
        },
    )
    .await?;
    tx.commit().await?;
    let started = Instant::now();
    let author = Author {
        user_id: None,
        name: "Bench",
    };
    for chunk in (0..POSTS).collect::<Vec<_>>().chunks(1000) {
        let mut tx = db.begin().await?;
        for n in chunk {
            let id = store::insert(
                &mut tx,
                network,
                &record(*n),
                Status::Published,
                &author,
                None,
            )
            .await?;
            sqlx::query("UPDATE posts SET published_at = $1 WHERE id = $2")
                .bind(now() - (*n as i64) * 3 * 3600)
                .bind(id.get())
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
    }
    println!(
        "{POSTS} posts written in {:.1} s",
        started.elapsed().as_secs_f64()
    );

    let filters = [
        ("bulletin page (anonymous)", Feed::default(), true),
        ("bulletin page (member)", Feed::default(), false),
        (
            "bulletin page ?type=funding_call&tag=work",
            Feed {
                kind: Some("funding_call".into()),
                tag: Some("work".into()),
                ..Feed::default()
            },
            false,
        ),
        (
            "bulletin page ?q=Sprachkurse Beratung",
            Feed {
                q: Some("Sprachkurse Beratung".into()),
                ..Feed::default()
            },
            false,
        ),
        (
            "bulletin page ?deadline_within=30",
            Feed {
                deadline_within: Some("30".into()),
                ..Feed::default()
            },
            false,
        ),
        (
            "archive, page 20",
            Feed {
                page: Some("20".into()),
                ..Feed::default()
            },
            false,
        ),
    ];
    for (name, feed, public) in filters {
        let view = if name.starts_with("archive") {
            View::Archive
        } else {
            View::Current
        };
        let mut times = Vec::with_capacity(RUNS);
        for _ in 0..RUNS {
            let t = Instant::now();
            let listed = service::list(&app, network, &feed, view, public, 20)
                .await
                .map_err(failed)?;
            std::hint::black_box(listed.posts.len());
            times.push(t.elapsed());
        }
        report(name, times);
    }
    let base = "http://127.0.0.1:8080";
    let info = FeedInfo {
        title: "Mitteilungen",
        self_url: "http://127.0.0.1:8080/networks/1/posts.atom",
        page_url: "http://127.0.0.1:8080/networks/1/posts",
        author: "Bench",
        base,
    };
    for kind in ["atom", "json"] {
        let mut times = Vec::with_capacity(RUNS);
        for _ in 0..RUNS {
            let t = Instant::now();
            let posts = service::list(&app, network, &Feed::default(), View::Current, true, 50)
                .await
                .map_err(failed)?
                .posts;
            let body = match kind {
                "atom" => feeds::atom(&info, &posts, Lang::De, now()),
                _ => feeds::json_feed(&info, &posts, Lang::De).to_string(),
            };
            std::hint::black_box(body.len());
            times.push(t.elapsed());
        }
        report(&format!("feed {kind} (50 newest public posts)"), times);
    }
    let mut times = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let t = Instant::now();
        let day = today();
        let from = day.checked_sub_days(chrono::Days::new(31)).unwrap();
        let to = day.checked_add_days(chrono::Days::new(366)).unwrap();
        let at = now();
        let posts = store::calendar(
            db.pool(),
            network,
            true,
            (at - 31 * 86_400, at + 366 * 86_400),
            (&iso(from), &iso(to)),
        )
        .await?;
        let body = feeds::ical("Mitteilungen", &posts, base, Lang::De, at);
        std::hint::black_box(body.len());
        times.push(t.elapsed());
    }
    report("feed ics (events and deadlines of a year)", times);

    // 1,000 weekly subscribers (accounts written directly: hashing 1,000
    // passwords would measure argon2, not the digest).
    let mut tx = db.begin().await?;
    for n in 0..SUBSCRIBERS {
        let row: (i64,) = sqlx::query_as(
            "INSERT INTO users (email, name, password_hash, role, network_id, organization_id, region_key, disabled, created_at, updated_at)
             VALUES ($1, $2, 'x', 'coordinator', $3, NULL, NULL, 0, $4, $4) RETURNING id",
        )
        .bind(format!("leser{n}@bench.example"))
        .bind(format!("Leser {n}"))
        .bind(network.get())
        .bind(now())
        .fetch_one(&mut *tx)
        .await?;
        let tags: Vec<String> = if n.is_multiple_of(2) {
            vec!["language".into()]
        } else {
            Vec::new()
        };
        subscriptions::save(&mut tx, row.0, network, &[], &tags, "weekly", "de").await?;
    }
    sqlx::query("UPDATE bulletin_subscriptions SET created_at = $1")
        .bind(now() - 7 * 86_400)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    // Next Monday, 08:00 German time.
    let local = chrono::Utc::now().with_timezone(&Berlin).date_naive();
    let monday = local
        .checked_add_days(chrono::Days::new(
            7 - local.weekday().num_days_from_monday() as u64,
        ))
        .unwrap();
    let at = Berlin
        .from_local_datetime(&monday.and_hms_opt(8, 0, 0).unwrap())
        .unwrap()
        .timestamp();
    let t = Instant::now();
    let swept = mail::sweep(&app, at)
        .await
        .map_err(|e| anyhow::anyhow!("{:?}", e.message))?;
    println!(
        "weekly digest run: {} digests queued for {SUBSCRIBERS} subscribers in {:.2} s",
        swept.digests,
        t.elapsed().as_secs_f64()
    );
    Ok(())
}
