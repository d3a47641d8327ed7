//! A real browser for end-to-end tests: headless Chromium driven through
//! ChromeDriver over the W3C WebDriver protocol, plus axe-core to check
//! pages for accessibility (WCAG 2.1 A and AA) problems.
//!
//! The WebDriver protocol is spoken directly over HTTP with reqwest:
//! fantoccini's only usable connector (`rustls-tls`) panics at run time here
//! because the dependency graph enables both of rustls' crypto providers
//! (lettre's `ring`, hyper-rustls' default `aws-lc-rs`), and its
//! `native-tls` connector would need the system OpenSSL headers to build.
//! ChromeDriver listens on loopback only, so plain HTTP is all we need.
//!
//! `Chrome::start` returns `None` (and says why) when chromedriver or
//! chromium is not installed, unless `CI` or `IKON_REQUIRE_BROWSER` is set:
//! then a missing browser fails the test. `IKON_SKIP_BROWSER` skips the
//! browser tests where they are not required; where they are, it fails them
//! too, since a requirement that a variable can switch off would let CI pass
//! without ever opening a page. `IKON_CHROMIUM` and `IKON_CHROMEDRIVER` name
//! the binaries when they are not /usr/bin/chromium and on PATH.

mod checks;
mod violations;

pub use self::{checks::*, violations::*};

use std::{
    io::{Read, Write},
    net::{TcpListener, TcpStream},
    os::unix::process::CommandExt,
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

use base64::Engine;
use serde::Deserialize;
use serde_json::{Value, json};

/// axe-core, vendored from npm (tests/support/axe.min.js).
const AXE_SOURCE: &str = include_str!("../../../support/axe.min.js");

/// The WCAG 2.1 A and AA rules of axe-core.
const AXE_TAGS: [&str; 4] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/// The key under which WebDriver returns an element reference.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

const INSTALL_HINT: &str = "install them with `apt-get install chromium chromium-driver` \
    (or point IKON_CHROMIUM / IKON_CHROMEDRIVER at the binaries)";

/// How long to wait for a page, a navigation or a script.
const PAGE_TIMEOUT: Duration = Duration::from_secs(60);

/// A headless Chromium session. The ChromeDriver process (and the browser
/// it started) is killed when this is dropped.
pub struct Chrome {
    /// The application's base URL, e.g. `http://127.0.0.1:1234`.
    pub base: String,
    http: reqwest::Client,
    /// `http://127.0.0.1:<port>/session/<id>`
    session: String,
    driver_port: u16,
    session_id: String,
    driver: Child,
    profile: tempfile::TempDir,
}

/// Why a missing browser must fail the test instead of skipping it: the
/// variable that requires the browser tests, if one is set.
fn browser_required() -> Option<&'static str> {
    ["IKON_REQUIRE_BROWSER", "CI"]
        .into_iter()
        .find(|name| std::env::var_os(name).is_some())
}

fn find_in_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|candidate| candidate.is_file())
}

fn executable(env: &str, default: impl FnOnce() -> Option<PathBuf>) -> Option<PathBuf> {
    match std::env::var_os(env) {
        Some(path) => Some(PathBuf::from(path)).filter(|p| p.is_file()),
        None => default(),
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free local port")
        .port()
}

impl Chrome {
    /// Starts ChromeDriver and a fresh headless Chromium for the app at
    /// `base`. `None` when they are not installed (and not required).
    pub async fn start(base: &str) -> Option<Chrome> {
        if std::env::var_os("IKON_SKIP_BROWSER").is_some() {
            // The requirement wins: a skip that CI's environment could pick
            // up would turn every browser test green without running it.
            if let Some(required_by) = browser_required() {
                panic!(
                    "IKON_SKIP_BROWSER and {required_by} are both set: the browser tests are \
                     required here, so they cannot be skipped; unset IKON_SKIP_BROWSER \
                     (or {required_by}, outside CI)"
                );
            }
            eprintln!("SKIPPED: browser test not run, IKON_SKIP_BROWSER is set");
            return None;
        }
        let chromium = executable("IKON_CHROMIUM", || {
            Some(PathBuf::from("/usr/bin/chromium")).filter(|p| p.is_file())
        });
        let chromedriver = executable("IKON_CHROMEDRIVER", || find_in_path("chromedriver"));
        let (chromium, chromedriver) = match (chromium, chromedriver) {
            (Some(chromium), Some(chromedriver)) => (chromium, chromedriver),
            (chromium, chromedriver) => {
                let mut missing = Vec::new();
                if chromium.is_none() {
                    missing.push("chromium");
                }
                if chromedriver.is_none() {
                    missing.push("chromedriver");
                }
                let missing = missing.join(" and ");
                if let Some(required_by) = browser_required() {
                    panic!("browser tests need {missing} ({required_by} is set): {INSTALL_HINT}");
                }
                eprintln!(
                    "SKIPPED: browser test not run, {missing} not found; {INSTALL_HINT}, \
                     or set IKON_REQUIRE_BROWSER=1 to make this a failure"
                );
                return None;
            }
        };
        Some(Self::launch(base, &chromium, &chromedriver).await)
    }

    async fn launch(base: &str, chromium: &Path, chromedriver: &Path) -> Chrome {
        let port = free_port();
        let driver = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            // Its own process group, so that Drop can end the browser too.
            .process_group(0)
            .spawn()
            .unwrap_or_else(|e| panic!("{} does not start: {e}", chromedriver.display()));
        let profile = tempfile::tempdir().expect("browser profile dir");
        let http = reqwest::Client::builder()
            .no_proxy()
            .timeout(PAGE_TIMEOUT * 2)
            .build()
            .unwrap();
        let mut chrome = Chrome {
            base: base.trim_end_matches('/').to_string(),
            http,
            session: String::new(),
            driver_port: port,
            session_id: String::new(),
            driver,
            profile,
        };
        chrome.wait_for_driver().await;
        chrome.new_session(chromium).await;
        chrome
    }

    async fn wait_for_driver(&mut self) {
        let status = format!("http://127.0.0.1:{}/status", self.driver_port);
        let started = Instant::now();
        loop {
            if let Ok(Some(exit)) = self.driver.try_wait() {
                panic!("chromedriver exited at start ({exit})");
            }
            if let Ok(response) = self.http.get(&status).send().await
                && let Ok(body) = response.json::<Value>().await
                && body["value"]["ready"] == true
            {
                return;
            }
            if started.elapsed() > Duration::from_secs(30) {
                panic!(
                    "chromedriver did not answer on port {} within 30 s",
                    self.driver_port
                );
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    async fn new_session(&mut self, chromium: &Path) {
        let profile = self.profile.path().display().to_string();
        let args = [
            "--headless=new".to_string(),
            "--no-sandbox".into(),
            "--disable-gpu".into(),
            "--disable-dev-shm-usage".into(),
            "--disable-quic".into(),
            "--no-first-run".into(),
            "--disable-background-networking".into(),
            "--disable-component-update".into(),
            "--disable-sync".into(),
            "--lang=de-DE".into(),
            "--window-size=1280,900".into(),
            format!("--user-data-dir={profile}"),
        ];
        let capabilities = json!({
            "capabilities": {
                "alwaysMatch": {
                    "browserName": "chrome",
                    "pageLoadStrategy": "normal",
                    "timeouts": {
                        "script": PAGE_TIMEOUT.as_millis() as u64,
                        "pageLoad": PAGE_TIMEOUT.as_millis() as u64,
                        "implicit": 0,
                    },
                    "goog:chromeOptions": {
                        "binary": chromium.display().to_string(),
                        "args": args,
                        // German first, like the county's visitors; English is
                        // chosen with ?lang=en.
                        "prefs": { "intl.accept_languages": "de-DE,de" },
                    },
                }
            }
        });
        let url = format!("http://127.0.0.1:{}/session", self.driver_port);
        let response = self
            .http
            .post(&url)
            .json(&capabilities)
            .send()
            .await
            .expect("chromedriver answers");
        let body: Value = response.json().await.expect("session answer is JSON");
        let Some(id) = body["value"]["sessionId"].as_str() else {
            panic!(
                "chromium ({}) does not start: {}",
                chromium.display(),
                body["value"]["message"]
                    .as_str()
                    .unwrap_or(&body.to_string())
            );
        };
        self.session_id = id.to_string();
        self.session = format!("{url}/{id}");
        // Every page records what its Content-Security-Policy refused
        // (an inline style, a foreign script), from its first moment on.
        self.post(
            "/goog/cdp/execute",
            json!({
                "cmd": "Page.addScriptToEvaluateOnNewDocument",
                "params": { "source": CSP_RECORDER },
            }),
        )
        .await;
    }

    /// What the policy refused on the open page, one line each.
    pub async fn csp_violations(&self) -> Vec<String> {
        let found = self
            .execute("return window.__cspViolations || [];", vec![])
            .await;
        found
            .as_array()
            .map(|list| {
                list.iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// One WebDriver command; panics with the driver's message on failure.
    async fn command(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> Value {
        let url = format!("{}{}", self.session, path);
        let mut request = self.http.request(method.clone(), &url);
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request
            .send()
            .await
            .unwrap_or_else(|e| panic!("WebDriver {method} {path}: {e}"));
        let status = response.status();
        let body: Value = response
            .json()
            .await
            .unwrap_or_else(|e| panic!("WebDriver {method} {path}: answer is not JSON: {e}"));
        if !status.is_success() {
            let message = body["value"]["message"].as_str().unwrap_or_default();
            let message = message.lines().next().unwrap_or_default();
            panic!("WebDriver {method} {path} failed ({status}): {message}");
        }
        body["value"].clone()
    }

    async fn get(&self, path: &str) -> Value {
        self.command(reqwest::Method::GET, path, None).await
    }

    async fn post(&self, path: &str, body: Value) -> Value {
        self.command(reqwest::Method::POST, path, Some(body)).await
    }

    /// Opens a path of the app (or an absolute URL) and waits for the page.
    pub async fn goto(&self, path: &str) {
        let url = if path.starts_with("http") {
            path.to_string()
        } else {
            format!("{}{}", self.base, path)
        };
        self.post("/url", json!({ "url": url })).await;
    }

    /// The current URL's path and query, e.g. `/networks/1?lang=en`.
    pub async fn path(&self) -> String {
        let url = self.get("/url").await;
        let url = url.as_str().unwrap_or_default();
        url.strip_prefix(&self.base).unwrap_or(url).to_string()
    }

    /// The HTTP status of the current document, as the browser saw it.
    pub async fn status(&self) -> u16 {
        let status = self
            .execute(
                "const nav = performance.getEntriesByType('navigation')[0];
                 return nav ? nav.responseStatus : 0;",
                vec![],
            )
            .await;
        status.as_u64().unwrap_or(0) as u16
    }

    /// The `lang` attribute of the current page.
    pub async fn lang(&self) -> String {
        let lang = self
            .execute("return document.documentElement.lang;", vec![])
            .await;
        lang.as_str().unwrap_or_default().to_string()
    }

    async fn find(&self, css: &str) -> String {
        let body = json!({ "using": "css selector", "value": css });
        let response = self
            .http
            .post(format!("{}/element", self.session))
            .json(&body)
            .send()
            .await
            .expect("chromedriver answers");
        let found: Value = response.json().await.expect("element answer is JSON");
        match found["value"][ELEMENT_KEY].as_str() {
            Some(id) => id.to_string(),
            None => panic!("no element `{css}` on {}", self.path().await),
        }
    }

    /// Whether an element matching `css` is on the page.
    pub async fn exists(&self, css: &str) -> bool {
        let found = self
            .execute(
                "return document.querySelector(arguments[0]) !== null;",
                vec![json!(css)],
            )
            .await;
        found == true
    }

    /// Types `text` into the input or textarea matching `css` (replacing
    /// what was there).
    pub async fn fill(&self, css: &str, text: &str) {
        let element = self.find(css).await;
        self.post(&format!("/element/{element}/clear"), json!({}))
            .await;
        self.post(
            &format!("/element/{element}/value"),
            json!({ "text": text }),
        )
        .await;
    }

    /// Chooses the option with `value` in the select matching `css`.
    pub async fn select(&self, css: &str, value: &str) {
        let option = format!("{css} option[value=\"{value}\"]");
        self.click(&option).await;
        let chosen = self
            .execute(
                "return document.querySelector(arguments[0]).value;",
                vec![json!(css)],
            )
            .await;
        assert_eq!(chosen, value, "option {value} of `{css}` not chosen");
    }

    /// Clicks the element matching `css`.
    pub async fn click(&self, css: &str) {
        let element = self.find(css).await;
        self.post(&format!("/element/{element}/click"), json!({}))
            .await;
    }

    /// Clicks the element matching `css` (a submit button or a link) and
    /// waits until the browser has loaded the next document.
    pub async fn click_and_wait(&self, css: &str) {
        self.execute("window.__ikonPreviousPage = true;", vec![])
            .await;
        self.click(css).await;
        let started = Instant::now();
        loop {
            let loaded = self
                .execute(
                    "return window.__ikonPreviousPage === undefined \
                     && document.readyState === 'complete';",
                    vec![],
                )
                .await;
            if loaded == true {
                return;
            }
            if started.elapsed() > PAGE_TIMEOUT {
                panic!(
                    "clicking `{css}` on {} loaded no new page (invalid form field?)",
                    self.path().await
                );
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The visible text of the element matching `css`.
    pub async fn text(&self, css: &str) -> String {
        let element = self.find(css).await;
        let text = self.get(&format!("/element/{element}/text")).await;
        text.as_str().unwrap_or_default().to_string()
    }

    /// Runs `script` (a function body; `arguments` holds `args`) in the page.
    pub async fn execute(&self, script: &str, args: Vec<Value>) -> Value {
        self.post("/execute/sync", json!({ "script": script, "args": args }))
            .await
    }

    /// Runs `script` in the page; it calls the last of its `arguments` with
    /// the result.
    pub async fn execute_async(&self, script: &str, args: Vec<Value>) -> Value {
        self.post("/execute/async", json!({ "script": script, "args": args }))
            .await
    }

    /// A PNG of the viewport.
    pub async fn screenshot(&self) -> Vec<u8> {
        let png = self.get("/screenshot").await;
        base64::engine::general_purpose::STANDARD
            .decode(png.as_str().unwrap_or_default())
            .expect("screenshot is base64")
    }

    /// Saves a screenshot as `<name>.png` in the directory named by
    /// IKON_SCREENSHOTS, if that is set (to look at pages by eye).
    pub async fn screenshot_if_asked(&self, name: &str) {
        if let Some(dir) = std::env::var_os("IKON_SCREENSHOTS") {
            let path = Path::new(&dir).join(format!("{name}.png"));
            std::fs::create_dir_all(&dir).expect("screenshot dir");
            std::fs::write(&path, self.screenshot().await).expect("screenshot written");
            eprintln!("screenshot: {}", path.display());
        }
    }

    /// Emulates a screen `width` CSS pixels wide (a phone: 320), or the
    /// real window again with `None`. Chromium only (DevTools protocol).
    pub async fn emulate_width(&self, width: Option<u32>) {
        let (cmd, params) = match width {
            Some(width) => (
                "Emulation.setDeviceMetricsOverride",
                json!({ "width": width, "height": 640, "deviceScaleFactor": 1, "mobile": true }),
            ),
            None => ("Emulation.clearDeviceMetricsOverride", json!({})),
        };
        self.post("/goog/cdp/execute", json!({ "cmd": cmd, "params": params }))
            .await;
    }

    /// Whether the page is wider than the viewport (scrolls sideways), with
    /// the text that sticks out (outside scrolling boxes such as table
    /// wrappers). `None` when the page fits.
    pub async fn horizontal_overflow(&self) -> Option<String> {
        let found = self
            .execute(
                r#"
                const root = document.documentElement;
                if (root.scrollWidth <= root.clientWidth) return null;
                const scrolls = (el) => {
                    for (; el && el !== document.body; el = el.parentElement) {
                        if (getComputedStyle(el).overflowX !== 'visible') return true;
                    }
                    return false;
                };
                const out = [];
                const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                for (let n = walk.nextNode(); n; n = walk.nextNode()) {
                    const range = document.createRange();
                    range.selectNodeContents(n);
                    const right = range.getBoundingClientRect().right;
                    if (right > root.clientWidth + 1 && !scrolls(n.parentElement)) {
                        const el = n.parentElement;
                        const name = el.tagName.toLowerCase() + (el.className ? '.' + el.className : '');
                        out.push(`${name} to ${Math.round(right)} px: "${n.textContent.trim().slice(0, 60)}"`);
                    }
                }
                return `${root.scrollWidth} px wide in a ${root.clientWidth} px viewport; ` +
                    (out.length ? out.slice(0, 5).join('; ') : 'no text sticks out');
                "#,
                vec![],
            )
            .await;
        found.as_str().map(str::to_string)
    }

    /// Forgets a cookie of the app (e.g. the chosen language).
    pub async fn delete_cookie(&self, name: &str) {
        self.command(reqwest::Method::DELETE, &format!("/cookie/{name}"), None)
            .await;
    }

    /// Ends the browser session politely (Drop would do it, too).
    fn quit(&mut self) {
        if self.session_id.is_empty() {
            return;
        }
        // Drop cannot await, so the DELETE is written by hand.
        if let Ok(mut stream) = TcpStream::connect(("127.0.0.1", self.driver_port)) {
            let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
            let request = format!(
                "DELETE /session/{} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\n\r\n",
                self.session_id, self.driver_port
            );
            if stream.write_all(request.as_bytes()).is_ok() {
                let mut answer = Vec::new();
                let _ = stream.read_to_end(&mut answer);
            }
        }
        self.session_id.clear();
    }
}

impl Drop for Chrome {
    fn drop(&mut self) {
        self.quit();
        // Whatever is left of the browser lives in the driver's process group.
        let _ = Command::new("kill")
            .args(["-s", "KILL", "--", &format!("-{}", self.driver.id())])
            .stderr(Stdio::null())
            .status();
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}
