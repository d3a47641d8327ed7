//! The offer search benchmark (see bench/README.md).
//!
//! `search_bench generate <dir> [offers] [seed]` writes a reproducible
//! synthetic directory of published offers over all German municipalities
//! into a fresh SQLite database in `<dir>`.
//!
//! `search_bench measure <dir>` measures in-process: full reindex time,
//! start-up with an existing index, search latency (p50/p99) over the query
//! mix of `bench/queries.txt` (each query `BENCH_RUNS` times, default 200),
//! and resident memory.

use std::{path::PathBuf, time::Instant};

use anyhow::{Context, bail};
use ikon::{
    core::{config::Config, store::Db},
    offers::{
        model::TARGET_GROUPS,
        search::{Params, Search, synonyms::Synonyms},
    },
};
use rand::{Rng, SeedableRng, rngs::StdRng, seq::SliceRandom};
use sqlx::Row;

mod distinct;
use distinct::distinct;

const TITLES: &[(&str, &str, &[&str])] = &[
    (
        "counselling",
        "mbe",
        &[
            "Migrationsberatung für erwachsene Zuwanderer",
            "MBE-Sprechstunde",
            "Migrationsberatung",
        ],
    ),
    (
        "counselling",
        "jmd",
        &["Jugendmigrationsdienst", "JMD-Beratung für junge Menschen"],
    ),
    (
        "counselling",
        "refugee_counselling",
        &[
            "Flüchtlings- und Integrationsberatung",
            "Asylsozialberatung",
        ],
    ),
    (
        "language",
        "integration_course",
        &["Integrationskurs", "Integrationskurs mit Kinderbetreuung"],
    ),
    (
        "language",
        "language_course",
        &[
            "Deutschkurs am Abend",
            "Sprachcafé",
            "Deutsch für den Beruf",
            "Alphabetisierungskurs",
        ],
    ),
    (
        "kindergarten",
        "childcare",
        &[
            "Kindertagesstätte",
            "Kita-Sprachförderung",
            "Eltern-Kind-Gruppe",
        ],
    ),
    (
        "school",
        "school_support",
        &[
            "Hausaufgabenhilfe",
            "Lernpatenschaften",
            "Nachhilfe für Schulkinder",
        ],
    ),
    (
        "work",
        "job_support",
        &[
            "Bewerbungstraining",
            "Anerkennungsberatung ausländischer Abschlüsse",
            "Jobcoaching",
        ],
    ),
    (
        "leisure",
        "leisure",
        &[
            "Fahrradwerkstatt",
            "Interkultureller Garten",
            "Sportverein für alle",
            "Nähcafé",
        ],
    ),
    (
        "seniors",
        "seniors",
        &["Seniorentreff international", "Besuchsdienst für Ältere"],
    ),
    (
        "health",
        "other",
        &[
            "Gesundheitslotsen",
            "Psychosoziale Beratung",
            "Hebammensprechstunde",
        ],
    ),
    (
        "housing",
        "other",
        &[
            "Wohnungssuche und Mietberatung",
            "Hilfe bei der Wohnungssuche",
        ],
    ),
    (
        "other",
        "women",
        &["Frauentreff", "Frauencafé mit Kinderbetreuung"],
    ),
];

const PROVIDERS: &[&str] = &[
    "Caritasverband",
    "Diakonisches Werk",
    "Arbeiterwohlfahrt",
    "Deutsches Rotes Kreuz",
    "Volkshochschule",
    "Stadtverwaltung",
    "Landratsamt",
    "Internationaler Bund",
    "Paritätischer Wohlfahrtsverband",
    "Bürgerverein",
];

const SENTENCES: &[&str] = &[
    "Wir beraten kostenlos und vertraulich.",
    "Die Beratung ist in mehreren Sprachen möglich.",
    "Bitte vereinbaren Sie einen Termin telefonisch oder per E-Mail.",
    "Wir helfen bei Anträgen, Behördengängen und Formularen.",
    "Das Angebot richtet sich an Zugewanderte und ihre Familien.",
    "Kinderbetreuung ist während des Kurses möglich.",
    "Der Kurs findet in kleinen Gruppen statt.",
    "Ehrenamtliche unterstützen beim Deutschlernen.",
    "Wir vermitteln an Fachstellen weiter.",
    "Die Räume sind barrierefrei erreichbar.",
    "Dolmetscherinnen und Dolmetscher können organisiert werden.",
    "Wir unterstützen bei der Suche nach Arbeit und Ausbildung.",
];

const HOURS: &[&str] = &[
    "Mo-Fr 09:00-12:00",
    "Mo-Fr 08:00-16:00",
    "Mo,We 14:00-18:00",
    "Tu,Th 09:00-12:00; Th 14:00-18:00",
    "Sa 10:00-13:00",
    "Mo-Th 08:30-15:30; Fr 08:30-12:00",
    "",
];

const LANGS: &[&str] = &["en", "ar", "tr", "uk", "ru", "fa", "fr", "pl", "ro"];

const TRANSLATIONS: &[(&str, &str, &str)] = &[
    (
        "en",
        "Counselling and courses for immigrants",
        "Free and confidential advice, language courses and help with applications.",
    ),
    (
        "ar",
        "استشارة ودورات للمهاجرين",
        "استشارة مجانية وسرية ودورات لغة ومساعدة في الطلبات.",
    ),
    (
        "tr",
        "Göçmenler için danışmanlık ve kurslar",
        "Ücretsiz ve gizli danışmanlık, dil kursları ve başvurularda yardım.",
    ),
    (
        "uk",
        "Консультації та курси для мігрантів",
        "Безкоштовні та конфіденційні консультації, мовні курси.",
    ),
];

/// The server's allocator, so the figures in process match.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("generate") => {
            let dir = PathBuf::from(args.get(1).context("generate <dir> [offers] [seed]")?);
            let offers: usize = args
                .get(2)
                .map(|s| s.parse())
                .transpose()?
                .unwrap_or(100_000);
            let seed: u64 = args.get(3).map(|s| s.parse()).transpose()?.unwrap_or(42);
            generate(&dir, offers, seed).await
        }
        Some("measure") => {
            let dir = PathBuf::from(args.get(1).context("measure <dir> [queries file]")?);
            let queries = args
                .get(2)
                .cloned()
                .unwrap_or_else(|| "bench/queries.txt".into());
            measure(&dir, &queries).await
        }
        _ => bail!("usage: search_bench generate <dir> [offers] [seed] | measure <dir> [queries]"),
    }
}

async fn generate(dir: &std::path::Path, count: usize, seed: u64) -> anyhow::Result<()> {
    if dir.join("ikon.sqlite3").exists() {
        bail!(
            "{} already holds a database; use a fresh directory",
            dir.display()
        );
    }
    std::fs::create_dir_all(dir)?;
    let started = Instant::now();
    let db = ikon::cli::open(&Config::in_folder(dir)).await?;
    let pool = db.pool();
    let mut rng = StdRng::seed_from_u64(seed);
    let places: Vec<(String, String, f64, f64, String)> = sqlx::query(
        "SELECT r.key, r.name, r.lat, r.lon, (SELECT MIN(p.postal_code) FROM postal_codes p WHERE p.municipality_key = r.key) AS plz
         FROM regions r WHERE r.level = 'municipality' AND r.lat IS NOT NULL ORDER BY r.key",
    )
    .fetch_all(pool)
    .await?
    .iter()
    .filter_map(|r| {
        Some((
            r.get("key"),
            r.get("name"),
            r.get("lat"),
            r.get("lon"),
            r.get::<Option<String>, _>("plz")?,
        ))
    })
    .collect();
    // One network per Kreis, as counties run them.
    let districts: Vec<String> =
        sqlx::query("SELECT key FROM regions WHERE level = 'district' ORDER BY key")
            .fetch_all(pool)
            .await?
            .iter()
            .map(|r| r.get("key"))
            .collect();
    let network_of: std::collections::HashMap<&str, i64> = districts
        .iter()
        .enumerate()
        .map(|(i, key)| (key.as_str(), i as i64 + 1))
        .collect();
    println!("{} municipalities with a postal code", places.len());
    let now = ikon::core::store::now();
    let mut tx = db.begin().await?;
    for (i, key) in districts.iter().enumerate() {
        sqlx::query("INSERT INTO networks (id, name, region_key, description, created_at, updated_at) VALUES ($1, $2, $3, '', $4, $4)")
            .bind(i as i64 + 1)
            .bind(format!("Integrationsnetzwerk {key}"))
            .bind(key)
            .bind(now)
            .execute(&mut *tx)
            .await?;
    }
    let orgs = (count / 20).max(1);
    for i in 0..orgs {
        let place = &places[rng.gen_range(0..places.len())];
        let name = format!("{} {}", PROVIDERS[i % PROVIDERS.len()], place.1);
        sqlx::query("INSERT INTO organizations (id, name, name_search, category, street, postal_code, city, website, email, phone, description, created_at, updated_at)
                     VALUES ($1, $2, $3, 'welfare_association', 'Hauptstraße 1', $4, $5, '', '', '', '', $6, $6)")
            .bind(i as i64 + 1)
            .bind(&name)
            .bind(name.to_lowercase())
            .bind(&place.4)
            .bind(&place.1)
            .bind(now)
            .execute(&mut *tx)
            .await?;
    }
    for id in 1..=count as i64 {
        let place = &places[rng.gen_range(0..places.len())];
        let (field, offer_type, titles) = TITLES[rng.gen_range(0..TITLES.len())];
        let title = format!("{} {}", titles[rng.gen_range(0..titles.len())], place.1);
        let mut sentences: Vec<&str> = SENTENCES.choose_multiple(&mut rng, 4).copied().collect();
        let summary = sentences.remove(0).to_string();
        let description = sentences.join(" ");
        let n = rng.gen_range(0..3);
        let groups: Vec<&str> = TARGET_GROUPS
            .choose_multiple(&mut rng, n)
            .copied()
            .collect();
        let mut languages = vec!["de"];
        let n = rng.gen_range(0..4);
        languages.extend(LANGS.choose_multiple(&mut rng, n).copied());
        let cost = ["free", "free", "reduced", "paid"][rng.gen_range(0..4)];
        let network = network_of.get(&place.0[..5]).copied().unwrap_or(1);
        let contact_point = field == "counselling" && rng.gen_bool(0.2);
        sqlx::query(
            "INSERT INTO offers (id, network_id, organization_id, title, summary, description, field, offer_type, target_groups, age_min, age_max,
               languages, cost, cost_note, wheelchair, appointment, booking_note, whole_kreis,
               phone, email, website, valid_from, valid_until, last_verified_at, status, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, NULL, NULL, $10, $11, '', $12, $13, '', $14,
               '', '', '', NULL, NULL, $15, 'published', $15, $15)",
        )
        .bind(id)
        .bind(network)
        .bind(rng.gen_range(1..=orgs as i64))
        .bind(&title)
        .bind(&summary)
        .bind(&description)
        .bind(field)
        .bind(offer_type)
        .bind(groups.join(","))
        .bind(languages.join(","))
        .bind(cost)
        .bind(i64::from(rng.gen_bool(0.5)))
        .bind(i64::from(rng.gen_bool(0.3)))
        .bind(i64::from(contact_point))
        .bind(now)
        .execute(&mut *tx)
        .await?;
        // Most offers have one place; some, like a counselling service
        // with office hours in several towns, two or three.
        let count: i64 = [1, 1, 1, 1, 1, 1, 1, 1, 2, 3][rng.gen_range(0..10)];
        let mut keys: Vec<&str> = Vec::new();
        for position in 0..count {
            let at = if position == 0 {
                place
            } else {
                &places[rng.gen_range(0..places.len())]
            };
            let lat = at.2 + rng.gen_range(-0.01..0.01);
            let lon = at.3 + rng.gen_range(-0.01..0.01);
            sqlx::query(
                "INSERT INTO offer_places (offer_id, position, street, postal_code, municipality_key, lat, lon, room, opening_hours, wheelchair, accessibility_note)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, '', $8, $9, '')",
            )
            .bind(id)
            .bind(position)
            .bind(format!("Hauptstraße {}", rng.gen_range(1..120)))
            .bind(&at.4)
            .bind(&at.0)
            .bind(lat)
            .bind(lon)
            .bind(HOURS[rng.gen_range(0..HOURS.len())])
            .bind(i64::from(rng.gen_bool(0.5)))
            .execute(&mut *tx)
            .await?;
            if !contact_point && !keys.contains(&at.0.as_str()) {
                keys.push(&at.0);
                sqlx::query("INSERT INTO offer_areas (offer_id, municipality_key) VALUES ($1, $2)")
                    .bind(id)
                    .bind(&at.0)
                    .execute(&mut *tx)
                    .await?;
            }
        }
        if rng.gen_bool(0.25) {
            let (lang, t, s) = TRANSLATIONS[rng.gen_range(0..TRANSLATIONS.len())];
            sqlx::query("INSERT INTO offer_translations (offer_id, lang, title, summary, description, source_hash, updated_at) VALUES ($1, $2, $3, $4, $4, '', $5)")
                .bind(id)
                .bind(lang)
                .bind(format!("{t} – {}", place.1))
                .bind(s)
                .bind(now)
                .execute(&mut *tx)
                .await?;
        }
        if contact_point {
            sqlx::query("INSERT INTO contact_points (offer_id, target_groups, updated_at) VALUES ($1, 'adults,young_people,refugees', $2)")
                .bind(id)
                .bind(now)
                .execute(&mut *tx)
                .await?;
        }
    }
    tx.commit().await?;
    println!(
        "{count} offers, {orgs} organisations written in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map(|kb| kb / 1024.0)
        .unwrap_or(0.0)
}

async fn measure(dir: &std::path::Path, queries: &str) -> anyhow::Result<()> {
    let db: Db = ikon::cli::open(&Config::in_folder(dir)).await?;
    let index_dir = dir.join("bench-index");
    if std::env::var_os("BENCH_DISTINCT_ONLY").is_some() {
        // Profiling the distinct requests alone, on the index already built.
        let search = Search::open(Some(&index_dir), Synonyms::load(None)?)?;
        search.catch_up(&db).await?;
        let places = ikon::geography::gazetteer::Gazetteer::load(&db).await?;
        return distinct(&search, &places, &dir.join("requests.txt"));
    }
    let _ = std::fs::remove_dir_all(&index_dir);

    let started = Instant::now();
    let search = Search::open(Some(&index_dir), Synonyms::load(None)?)?;
    search.catch_up(&db).await?;
    let reindex = started.elapsed();
    let docs = search.len();
    println!("offers indexed:           {docs}");
    println!("full reindex:             {:.2} s", reindex.as_secs_f64());
    drop(search);

    let started = Instant::now();
    let search = Search::open(Some(&index_dir), Synonyms::load(None)?)?;
    search.catch_up(&db).await?;
    let startup = started.elapsed();
    println!("start-up, existing index: {:.3} s", startup.as_secs_f64());
    let runs: usize = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(200);

    let places = ikon::geography::gazetteer::Gazetteer::load(&db).await?;
    let mut mix = Vec::new();
    for line in std::fs::read_to_string(queries)?.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') || !line.starts_with("/api/v1/offers?") {
            continue;
        }
        let query = line.trim_start_matches("/api/v1/offers?");
        let pairs: Vec<(String, String)> = url::form_urlencoded::parse(query.as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        let params =
            Params::parse(&places, &pairs).map_err(|e| anyhow::anyhow!("{line}: {e:?}"))?;
        mix.push((line.to_string(), params));
    }
    // Warm up, then time each query of the mix many times.
    for (_, p) in &mix {
        search.search(p)?;
    }
    let mut times = Vec::new();
    let mut per_query = Vec::new();
    for (line, p) in &mix {
        let mut mine = Vec::new();
        for _ in 0..runs {
            let t = Instant::now();
            let outcome = search.search(p)?;
            std::hint::black_box(outcome.total);
            mine.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        mine.sort_by(f64::total_cmp);
        per_query.push((
            line.clone(),
            mine[mine.len() / 2],
            mine[mine.len() * 99 / 100],
        ));
        times.extend(mine);
    }
    times.sort_by(f64::total_cmp);
    let pct = |q: f64| times[((times.len() as f64 - 1.0) * q) as usize];
    println!(
        "search ({} runs):        p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        times.len(),
        pct(0.5),
        pct(0.99),
        times[times.len() - 1]
    );
    println!("resident memory:          {:.0} MB", rss_mb());
    println!("\nper query (p50 / p99 ms):");
    for (line, p50, p99) in per_query {
        println!("  {p50:7.2} {p99:7.2}  {line}");
    }
    distinct(&search, &places, &dir.join("requests.txt"))
}
