//! Typed, layered configuration: defaults → optional TOML file → `IKON_*`
//! environment variables → command-line flags. Bad settings fail at start.

use std::{fmt, net::SocketAddr, path::PathBuf};

use anyhow::{Context, bail};
use figment::{
    Figment,
    providers::{Env, Format, Serialized, Toml},
};
use serde::{Deserialize, Serialize};
use url::Url;

/// A value that must never appear in logs or `Debug` output.
#[derive(Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.0.is_empty() { "\"\"" } else { "\"***\"" })
    }
}

/// How the SMTP connection is secured.
#[derive(Clone, Copy, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum SmtpTls {
    /// Plain connection (a local relay or a test sink).
    None,
    /// STARTTLS upgrade (port 587).
    #[default]
    Starttls,
    /// Implicit TLS (port 465).
    Tls,
}

#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// `sqlite://path/to/file.sqlite3` or `postgres://user@host/db`.
    pub database_url: Secret,
    pub listen: SocketAddr,
    /// The address users reach ikon at; links in e-mails use it.
    pub base_url: Option<Url>,
    /// Folder for the SQLite file, the mail folder and backups.
    pub data_dir: PathBuf,
    pub smtp_host: Option<String>,
    pub smtp_port: Option<u16>,
    pub smtp_username: Option<String>,
    pub smtp_password: Secret,
    pub smtp_tls: SmtpTls,
    pub mail_from: String,
    /// Days a login session lasts without activity.
    pub session_days: i64,
    /// `tracing` filter, e.g. `info` or `ikon=debug`.
    pub log: String,
    /// Largest request body accepted, in bytes (uploads included).
    pub max_body_bytes: usize,
    /// Largest file attached to an agenda item, in bytes; the upload route
    /// alone accepts bodies this large (plus the form around the file).
    pub max_upload_bytes: usize,
    /// Months after which an offer nobody has confirmed counts as stale:
    /// flagged for its network and its organisation reminded by e-mail.
    pub offers_stale_after_months: u32,
    /// Days before an action item's due date that its reminder goes out.
    pub action_reminder_days: i64,
    /// Days before a meeting that the reminder to the invited goes out.
    pub meeting_reminder_days: i64,
    /// Weeks after a concern's submission without an answer that its
    /// network's coordinators get one reminder.
    pub concern_reminder_weeks: i64,
    /// Licence of the open data exports (an identifier such as
    /// `dl-de/by-2-0`) and where its text is.
    pub open_data_licence: String,
    pub open_data_licence_url: String,
    /// Attribution the exports ask for; empty: the networks' names and ikon.
    pub open_data_attribution: String,
    /// Map tiles of the offer search page: an `https://…/{z}/{x}/{y}.png`
    /// template (its host is allowed as image source on that page).
    pub map_tile_url: String,
    /// Attribution shown on the map, as the tile server requires.
    pub map_attribution: String,
    /// Search answers kept per process until the index changes (0: none);
    /// only answers of up to 50 offers (the offer search's kept page size)
    /// are kept, so this bounds the memory they take. An answer is kept
    /// when its question comes a second time.
    pub search_cache_entries: usize,
    /// Reverse proxies whose `X-Forwarded-For` names the real client
    /// (comma-separated IP addresses); empty: the peer is the client.
    pub trusted_proxies: String,
    /// Disclosure control of published statistics: counts below this are
    /// kept back in public output (with a second part of their breakdown).
    pub statistics_min_count: u32,
    /// The same for the groups most exposed by a small number: people
    /// with a Duldung or an Aufenthaltsgestattung, or without any title.
    pub statistics_min_count_sensitive: u32,
    /// No rate is published over a denominator below this.
    pub statistics_min_denominator: u32,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            database_url: Secret::new(""),
            listen: "127.0.0.1:8080".parse().expect("valid default"),
            base_url: None,
            data_dir: PathBuf::from("ikon-data"),
            smtp_host: None,
            smtp_port: None,
            smtp_username: None,
            smtp_password: Secret::default(),
            smtp_tls: SmtpTls::default(),
            mail_from: "ikon <ikon@localhost>".into(),
            session_days: 14,
            log: "info".into(),
            max_body_bytes: 5 * 1024 * 1024,
            max_upload_bytes: 10 * 1024 * 1024,
            offers_stale_after_months: 12,
            action_reminder_days: 7,
            meeting_reminder_days: 3,
            concern_reminder_weeks: 8,
            open_data_licence: "dl-de/by-2-0".into(),
            open_data_licence_url: "https://www.govdata.de/dl-de/by-2-0".into(),
            open_data_attribution: String::new(),
            map_tile_url: "https://tile.openstreetmap.org/{z}/{x}/{y}.png".into(),
            map_attribution: "© OpenStreetMap contributors".into(),
            search_cache_entries: 500,
            trusted_proxies: String::new(),
            statistics_min_count: 3,
            statistics_min_count_sensitive: 10,
            statistics_min_denominator: 20,
        }
    }
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("database", &self.backend_name())
            .field("listen", &self.listen)
            .field("base_url", &self.base_url.as_ref().map(Url::as_str))
            .field("data_dir", &self.data_dir)
            .field("smtp_host", &self.smtp_host)
            .field("smtp_port", &self.smtp_port)
            .field("smtp_username", &self.smtp_username)
            .field("smtp_password", &self.smtp_password)
            .field("smtp_tls", &self.smtp_tls)
            .field("mail_from", &self.mail_from)
            .field("map_tile_url", &self.map_tile_url)
            .finish_non_exhaustive()
    }
}

/// Settings given on the command line; they win over everything else.
#[derive(Debug, Default, Clone, Serialize)]
pub struct Overrides {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub database_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listen: Option<SocketAddr>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_dir: Option<PathBuf>,
}

const ENV_PREFIX: &str = "IKON_";
/// Variables with the prefix that are not settings (read elsewhere).
const NON_SETTINGS: &[&str] = &[
    "IKON_CONFIG",
    "IKON_TEST_POSTGRES_URL",
    "IKON_REQUIRE_POSTGRES",
    "IKON_SKIP_BROWSER",
    "IKON_REQUIRE_BROWSER",
    "IKON_CHROMIUM",
    "IKON_CHROMEDRIVER",
    "IKON_SCREENSHOTS",
    "IKON_UPDATE_SNAPSHOTS",
];

impl Config {
    /// Loads the layers in order and validates the result.
    pub fn load(file: Option<PathBuf>, overrides: &Overrides) -> anyhow::Result<Self> {
        let mut figment = Figment::from(Serialized::defaults(Config::default()));
        let file = file.or_else(|| std::env::var_os("IKON_CONFIG").map(PathBuf::from));
        if let Some(path) = file {
            if !path.exists() {
                bail!("configuration file {} does not exist", path.display());
            }
            figment = figment.merge(Toml::file(path));
        }
        let known = Self::keys();
        for (key, _) in std::env::vars() {
            if let Some(name) = key.strip_prefix(ENV_PREFIX) {
                let name = name.to_ascii_lowercase();
                if !known.contains(&name.as_str()) && !NON_SETTINGS.contains(&key.as_str()) {
                    tracing::warn!("ignoring unknown environment variable {key}");
                }
            }
        }
        figment = figment
            .merge(Env::prefixed(ENV_PREFIX).only(&known))
            .merge(Serialized::defaults(overrides));
        let mut config: Config = figment.extract().map_err(describe)?;
        config.finish()?;
        Ok(config)
    }

    /// Names each bad setting the way users write it (TOML key and variable).
    fn keys() -> Vec<&'static str> {
        vec![
            "database_url",
            "listen",
            "base_url",
            "data_dir",
            "smtp_host",
            "smtp_port",
            "smtp_username",
            "smtp_password",
            "smtp_tls",
            "mail_from",
            "session_days",
            "log",
            "max_body_bytes",
            "max_upload_bytes",
            "offers_stale_after_months",
            "action_reminder_days",
            "meeting_reminder_days",
            "concern_reminder_weeks",
            "open_data_licence",
            "open_data_licence_url",
            "open_data_attribution",
            "map_tile_url",
            "map_attribution",
            "search_cache_entries",
            "trusted_proxies",
            "statistics_min_count",
            "statistics_min_count_sensitive",
            "statistics_min_denominator",
        ]
    }

    /// Defaults with data in `dir` (its SQLite database included) and
    /// quiet logs: what the benchmarks run on.
    pub fn in_folder(dir: &std::path::Path) -> Config {
        let mut config = Config {
            data_dir: dir.to_path_buf(),
            log: "warn".into(),
            ..Config::default()
        };
        config.finish().expect("the defaults are valid");
        config
    }

    /// Fills derived defaults and rejects settings that cannot work.
    pub fn finish(&mut self) -> anyhow::Result<()> {
        if self.database_url.is_empty() {
            let file = self.data_dir.join("ikon.sqlite3");
            self.database_url = Secret::new(format!("sqlite://{}", file.display()));
        }
        let url = self.database_url.expose();
        let scheme = url.split(':').next().unwrap_or_default();
        if !matches!(scheme, "sqlite" | "postgres" | "postgresql") {
            bail!(
                "IKON_DATABASE_URL: unsupported scheme '{scheme}'; use sqlite://path/to/ikon.sqlite3 or postgres://user@host/database"
            );
        }
        if self.base_url.is_none() {
            let base = format!("http://{}/", self.listen);
            self.base_url = Some(Url::parse(&base).context("IKON_BASE_URL")?);
        }
        let base = self.base_url.as_ref().expect("set above");
        if !matches!(base.scheme(), "http" | "https") || base.host().is_none() {
            bail!("IKON_BASE_URL must be an http:// or https:// address, got '{base}'");
        }
        if self.search_cache_entries > 1_000_000 {
            bail!("IKON_SEARCH_CACHE_ENTRIES must be between 0 and 1000000");
        }
        if !(1..=120).contains(&self.offers_stale_after_months) {
            bail!("IKON_OFFERS_STALE_AFTER_MONTHS must be between 1 and 120");
        }
        if !(0..=365).contains(&self.action_reminder_days) {
            bail!("IKON_ACTION_REMINDER_DAYS must be between 0 and 365");
        }
        if !(0..=365).contains(&self.meeting_reminder_days) {
            bail!("IKON_MEETING_REMINDER_DAYS must be between 0 and 365");
        }
        if !(1..=1000).contains(&self.statistics_min_count) {
            bail!("IKON_STATISTICS_MIN_COUNT must be between 1 and 1000");
        }
        if !(self.statistics_min_count..=1000).contains(&self.statistics_min_count_sensitive) {
            bail!(
                "IKON_STATISTICS_MIN_COUNT_SENSITIVE must be between IKON_STATISTICS_MIN_COUNT and 1000"
            );
        }
        if !(1..=100_000).contains(&self.statistics_min_denominator) {
            bail!("IKON_STATISTICS_MIN_DENOMINATOR must be between 1 and 100000");
        }
        if !(1..=104).contains(&self.concern_reminder_weeks) {
            bail!("IKON_CONCERN_REMINDER_WEEKS must be between 1 and 104");
        }
        // Both go into HTTP headers of the exports.
        if self.open_data_licence.is_empty()
            || !self.open_data_licence.bytes().all(|b| b.is_ascii_graphic())
        {
            bail!("IKON_OPEN_DATA_LICENCE must be a licence identifier such as dl-de/by-2-0");
        }
        if !Url::parse(&self.open_data_licence_url)
            .is_ok_and(|u| matches!(u.scheme(), "http" | "https"))
        {
            bail!("IKON_OPEN_DATA_LICENCE_URL must be an http:// or https:// address");
        }
        let tiles = Url::parse(&self.map_tile_url.replace(['{', '}'], ""));
        if !tiles.is_ok_and(|u| matches!(u.scheme(), "http" | "https") && u.host().is_some()) {
            bail!(
                "IKON_MAP_TILE_URL must be an http(s) address template like https://tile.openstreetmap.org/{{z}}/{{x}}/{{y}}.png, got '{}'",
                self.map_tile_url
            );
        }
        if let Err(bad) = self.trusted_proxy_addresses() {
            bail!("IKON_TRUSTED_PROXIES must list IP addresses separated by commas, got '{bad}'");
        }
        if self.session_days < 1 {
            bail!("IKON_SESSION_DAYS must be at least 1");
        }
        if self.smtp_password.expose().is_empty() != self.smtp_username.is_none() {
            bail!("IKON_SMTP_USERNAME and IKON_SMTP_PASSWORD must be set together");
        }
        if self.mail_from.parse::<lettre::message::Mailbox>().is_err() {
            bail!(
                "IKON_MAIL_FROM is not a valid address: '{}'",
                self.mail_from
            );
        }
        Ok(())
    }

    /// The addresses of `trusted_proxies`, or the first entry that is none.
    pub fn trusted_proxy_addresses(&self) -> Result<Vec<std::net::IpAddr>, String> {
        self.trusted_proxies
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| s.parse().map_err(|_| s.to_string()))
            .collect()
    }

    pub fn backend_name(&self) -> &'static str {
        if self.database_url.expose().starts_with("sqlite") {
            "sqlite"
        } else {
            "postgres"
        }
    }

    /// The public base address without a trailing slash.
    pub fn base(&self) -> String {
        self.base_url
            .as_ref()
            .map(|u| u.as_str().trim_end_matches('/').to_string())
            .unwrap_or_default()
    }

    /// The origin (scheme, host, port) of the map tile server.
    pub fn map_tile_origin(&self) -> String {
        Url::parse(&self.map_tile_url.replace(['{', '}'], ""))
            .map(|u| u.origin().ascii_serialization())
            .unwrap_or_default()
    }

    pub fn secure_cookies(&self) -> bool {
        self.base_url
            .as_ref()
            .is_some_and(|u| u.scheme() == "https")
    }

    /// Where mail goes when no SMTP server is configured.
    pub fn mail_dir(&self) -> PathBuf {
        self.data_dir.join("mail")
    }
}

fn describe(errors: figment::Error) -> anyhow::Error {
    let lines: Vec<String> = errors
        .into_iter()
        .map(|e| {
            let key = e.path.join(".").to_lowercase();
            if key.is_empty() {
                e.kind.to_string()
            } else {
                format!("{key} (IKON_{}): {}", key.to_uppercase(), e.kind)
            }
        })
        .collect();
    anyhow::anyhow!("invalid configuration: {}", lines.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_never_show_in_debug() {
        let mut config = Config {
            database_url: Secret::new("postgres://ikon:hunter2@db/ikon"),
            smtp_username: Some("mailer".into()),
            smtp_password: Secret::new("s3cret-pw"),
            ..Config::default()
        };
        config.finish().unwrap();
        let shown = format!("{config:?}");
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(!shown.contains("s3cret-pw"), "{shown}");
        assert!(shown.contains("***"));
    }

    #[test]
    fn unknown_database_scheme_is_refused() {
        let mut config = Config {
            database_url: Secret::new("mysql://localhost/ikon"),
            ..Config::default()
        };
        let err = config.finish().unwrap_err().to_string();
        assert!(err.contains("unsupported scheme 'mysql'"), "{err}");
    }

    #[test]
    fn default_database_is_a_sqlite_file_in_the_data_folder() {
        let mut config = Config::default();
        config.finish().unwrap();
        assert_eq!(
            config.database_url.expose(),
            "sqlite://ikon-data/ikon.sqlite3"
        );
        assert_eq!(config.base(), "http://127.0.0.1:8080");
    }
}
