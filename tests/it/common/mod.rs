//! Test harness: starts the real ikon router on a random port against a
//! fresh SQLite file or a fresh PostgreSQL database, with a browser-like
//! HTTP client (cookie jar, CSRF token handling).
#![allow(dead_code)]

pub mod browser;
pub mod fixtures;
pub mod smtp;

use std::{path::PathBuf, sync::Arc, time::Duration};

use ikon::core::{
    config::{Config, Secret, SmtpTls},
    store::Db,
    web::App,
};
use reqwest::{Response, StatusCode, cookie::CookieStore};
use tokio::sync::oneshot;

/// Generates `<name>::sqlite` and `<name>::postgres` from one async test
/// body `|app: TestApp| async move { … }`. Whether the PostgreSQL variant
/// runs is decided by [`postgres_enabled`].
#[macro_export]
macro_rules! backend_test {
    ($name:ident, $body:expr) => {
        mod $name {
            use super::*;
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let app = $crate::common::TestApp::start($crate::common::Backend::Sqlite).await;
                ($body)(app).await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                if !$crate::common::postgres_enabled() {
                    return;
                }
                let app = $crate::common::TestApp::start($crate::common::Backend::Postgres).await;
                ($body)(app).await;
            }
        }
    };
}

/// Runs `async fn name(backend: Backend)` as `name::sqlite` and
/// `name::postgres` (the latter as [`postgres_enabled`] decides), for tests
/// that set up their own server, e.g. with an SMTP sink.
#[macro_export]
macro_rules! both_backends {
    ($name:ident) => {
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                super::$name($crate::common::Backend::Sqlite).await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                if !$crate::common::postgres_enabled() {
                    return;
                }
                super::$name($crate::common::Backend::Postgres).await;
            }
        }
    };
}

/// Names the PostgreSQL server the tests create their databases on.
const POSTGRES_URL: &str = "IKON_TEST_POSTGRES_URL";
/// When set (to anything), PostgreSQL must be there: CI sets it so that a
/// lost or misspelt URL fails the run instead of passing every PostgreSQL
/// variant without running it.
const REQUIRE_POSTGRES: &str = "IKON_REQUIRE_POSTGRES";

/// Whether a test's PostgreSQL part runs. Without IKON_TEST_POSTGRES_URL it
/// is skipped (saying so), so that developers without PostgreSQL can run
/// the suite; with IKON_REQUIRE_POSTGRES set, the missing URL panics
/// instead. A set URL always runs the test, so an unreachable server fails
/// it (see `PgDatabase::create`). The one place that decides, for the
/// macros and for tests that start PostgreSQL themselves.
pub fn postgres_enabled() -> bool {
    if std::env::var_os(POSTGRES_URL).is_some() {
        return true;
    }
    if std::env::var_os(REQUIRE_POSTGRES).is_some() {
        panic!(
            "{REQUIRE_POSTGRES} is set but {POSTGRES_URL} is not: set it, e.g. to \
             postgres://postgres@127.0.0.1:5432/postgres, or unset {REQUIRE_POSTGRES} \
             to skip the PostgreSQL variants"
        );
    }
    eprintln!(
        "SKIPPED: PostgreSQL variant not run, {POSTGRES_URL} is not set \
         (set {REQUIRE_POSTGRES}=1 to make this a failure)"
    );
    false
}

/// A PostgreSQL URL without its password, for messages.
fn redacted(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut parsed) => {
            if parsed.password().is_some() {
                let _ = parsed.set_password(Some("***"));
            }
            parsed.to_string()
        }
        Err(_) => "(not a URL)".into(),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

pub struct Options {
    pub smtp_port: Option<u16>,
}

pub struct TestApp {
    pub base: String,
    pub app: App,
    pub client: reqwest::Client,
    jar: Arc<reqwest::cookie::Jar>,
    pub data_dir: PathBuf,
    shutdown: Option<oneshot::Sender<()>>,
    server: Option<tokio::task::JoinHandle<()>>,
    _tmp: tempfile::TempDir,
    postgres: Option<PgDatabase>,
}

impl TestApp {
    pub async fn start(backend: Backend) -> Self {
        Self::start_with(backend, Options { smtp_port: None }).await
    }

    pub async fn start_with(backend: Backend, options: Options) -> Self {
        // Errors (500s are logged, never shown) appear in the failing test's output.
        let _ = tracing_subscriber::fmt()
            .with_env_filter(std::env::var("RUST_LOG").unwrap_or_else(|_| "warn,sqlx=error".into()))
            .with_test_writer()
            .try_init();
        let tmp = tempfile::tempdir().expect("temp dir");
        let postgres = match backend {
            Backend::Sqlite => None,
            Backend::Postgres => Some(PgDatabase::create().await),
        };
        let database_url = match &postgres {
            Some(pg) => pg.url.clone(),
            None => format!("sqlite://{}", tmp.path().join("ikon.sqlite3").display()),
        };
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let mut config = Config {
            database_url: Secret::new(database_url),
            listen: addr,
            base_url: Some(format!("http://{addr}/").parse().unwrap()),
            data_dir: tmp.path().to_path_buf(),
            log: "warn".into(),
            // Tests speak from 127.0.0.1 and name other client addresses
            // with X-Forwarded-For, as a reverse proxy would.
            trusted_proxies: "127.0.0.1".into(),
            ..Config::default()
        };
        if let Some(port) = options.smtp_port {
            config.smtp_host = Some("127.0.0.1".into());
            config.smtp_port = Some(port);
            config.smtp_tls = SmtpTls::None;
        }
        config.finish().unwrap();
        let db = ikon::cli::open(&config).await.expect("database opens");
        let app = ikon::app::build(config, db);
        let (tx, rx) = oneshot::channel();
        let server_app = app.clone();
        let server = tokio::spawn(async move {
            ikon::app::server::run(server_app, listener, async {
                let _ = rx.await;
            })
            .await
            .expect("server runs");
        });
        let (client, jar) = new_client();
        TestApp {
            base: format!("http://{addr}"),
            app,
            client,
            jar,
            data_dir: tmp.path().to_path_buf(),
            shutdown: Some(tx),
            server: Some(server),
            _tmp: tmp,
            postgres,
        }
    }

    /// A server whose mail goes to a fresh real SMTP server.
    pub async fn with_smtp(backend: Backend) -> (Self, smtp::SmtpSink) {
        let sink = smtp::SmtpSink::start();
        let app = Self::start_with(
            backend,
            Options {
                smtp_port: Some(sink.port),
            },
        )
        .await;
        (app, sink)
    }

    pub fn db(&self) -> &Db {
        &self.app.db
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// A second, independent browser (its own cookies).
    pub fn new_browser(&self) -> Browser {
        let (client, jar) = new_client();
        Browser {
            base: self.base.clone(),
            client,
            jar,
        }
    }

    /// The default browser of this test.
    pub fn browser(&self) -> Browser {
        Browser {
            base: self.base.clone(),
            client: self.client.clone(),
            jar: self.jar.clone(),
        }
    }

    pub async fn get(&self, path: &str) -> Response {
        self.browser().get(path).await
    }

    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> Response {
        self.browser().post_form(path, fields).await
    }

    /// Loads the demo network and returns its logins.
    pub async fn demo(&self) -> ikon::demo::DemoLogins {
        ikon::demo::load(self.db()).await.expect("demo loads")
    }

    /// Creates a user directly in the store and returns (email, password);
    /// [`fixtures::User`] sets a network, organisation or region too.
    pub async fn user(&self, email: &str, role: ikon::accounts::model::Role) -> (String, String) {
        let user = fixtures::User::new(email, role).create(self).await;
        (user.email, user.password)
    }

    /// Runs every due job (e.g. sends queued mail) now.
    pub async fn run_jobs(&self) -> usize {
        ikon::core::jobs::run_due(&self.app)
            .await
            .expect("jobs run")
    }

    pub async fn stop(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(server) = self.server.take() {
            let _ = tokio::time::timeout(Duration::from_secs(5), server).await;
        }
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

fn new_client() -> (reqwest::Client, Arc<reqwest::cookie::Jar>) {
    let jar = Arc::new(reqwest::cookie::Jar::default());
    let client = reqwest::Client::builder()
        .cookie_provider(jar.clone())
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(60))
        .build()
        .unwrap();
    (client, jar)
}

/// A browser-like client: keeps cookies and echoes the CSRF token.
#[derive(Clone)]
pub struct Browser {
    pub base: String,
    pub client: reqwest::Client,
    jar: Arc<reqwest::cookie::Jar>,
}

impl Browser {
    /// A fresh browser for a server the test did not start in process
    /// (e.g. the `ikon` binary).
    pub fn new(base: &str) -> Self {
        let (client, jar) = new_client();
        Browser {
            base: base.trim_end_matches('/').to_string(),
            client,
            jar,
        }
    }

    pub async fn get(&self, path: &str) -> Response {
        self.client
            .get(format!("{}{}", self.base, path))
            .send()
            .await
            .unwrap()
    }

    pub fn cookie(&self, name: &str) -> Option<String> {
        let url = self.base.parse().unwrap();
        let header = self.jar.cookies(&url)?;
        header
            .to_str()
            .ok()?
            .split("; ")
            .filter_map(|p| p.split_once('='))
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.to_string())
    }

    /// The CSRF token this browser's forms carry (fetches a page first if needed).
    pub async fn csrf(&self) -> String {
        if self.cookie("ikon_csrf").is_none() {
            self.get("/about").await;
        }
        self.cookie("ikon_csrf").expect("csrf cookie set")
    }

    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> Response {
        let csrf = self.csrf().await;
        let mut all: Vec<(&str, &str)> = fields.to_vec();
        all.push(("csrf", &csrf));
        self.client
            .post(format!("{}{}", self.base, path))
            .form(&all)
            .send()
            .await
            .unwrap()
    }

    /// Signs in through the login form; panics unless it succeeds.
    pub async fn login(&self, email: &str, password: &str) {
        let response = self
            .post_form("/login", &[("email", email), ("password", password)])
            .await;
        assert_eq!(
            response.status(),
            StatusCode::SEE_OTHER,
            "login of {email} failed: {}",
            response.text().await.unwrap()
        );
    }
}

/// A throw-away PostgreSQL database, dropped when the test ends (also
/// used by tests that run the `ikon` binary on it, e.g. `crash`).
pub struct PgDatabase {
    admin_url: String,
    name: String,
    pub url: String,
}

impl PgDatabase {
    pub async fn create() -> Self {
        let admin_url = std::env::var(POSTGRES_URL).unwrap_or_else(|_| {
            panic!(
                "a PostgreSQL test started without {POSTGRES_URL}: check postgres_enabled() first"
            )
        });
        let name = format!(
            "ikon_test_{}",
            ikon::accounts::secrets::random_token()[..12]
                .to_lowercase()
                .replace(['-', '_'], "x")
        );
        sqlx::any::install_default_drivers();
        // A set URL means PostgreSQL is meant to be tested: a server that
        // does not answer fails the test rather than skipping it, and soon
        // (not after sqlx's 30 s default times every PostgreSQL test).
        let pool = sqlx::any::AnyPoolOptions::new()
            .acquire_timeout(Duration::from_secs(10))
            .connect(&admin_url)
            .await
            .unwrap_or_else(|e| {
                panic!(
                    "PostgreSQL at {} ({POSTGRES_URL}) is not reachable: {e}",
                    redacted(&admin_url)
                )
            });
        sqlx::query(&format!("CREATE DATABASE {name}"))
            .execute(&pool)
            .await
            .unwrap();
        pool.close().await;
        let mut url: url::Url = admin_url.parse().unwrap();
        url.set_path(&format!("/{name}"));
        PgDatabase {
            admin_url,
            name,
            url: url.to_string(),
        }
    }
}

impl Drop for PgDatabase {
    fn drop(&mut self) {
        let admin_url = self.admin_url.clone();
        let name = self.name.clone();
        // Async drop is not available; a short-lived runtime on its own thread does it.
        let _ = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            rt.block_on(async {
                if let Ok(pool) = sqlx::AnyPool::connect(&admin_url).await {
                    let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                        .execute(&pool)
                        .await;
                    pool.close().await;
                }
            });
        })
        .join();
    }
}

/// Text of a response, asserting its status first.
pub async fn text_with_status(response: Response, status: StatusCode) -> String {
    let got = response.status();
    let body = response.text().await.unwrap();
    assert_eq!(got, status, "unexpected status; body:\n{body}");
    body
}
