//! The `ikon` binary itself: configuration errors, the demo command, setup
//! link, backup, and that a killed server loses no committed change.

use std::{
    io::{BufRead, BufReader},
    process::{Child, Command, Stdio},
    time::Duration,
};

use reqwest::{StatusCode, cookie::CookieStore};

const IKON: &str = env!("CARGO_BIN_EXE_ikon");

fn ikon(dir: &std::path::Path) -> Command {
    let mut cmd = Command::new(IKON);
    cmd.env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("IKON_DATA_DIR", dir)
        .env("IKON_LOG", "warn");
    cmd
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[test]
fn bad_settings_stop_the_start_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let out = ikon(dir.path())
        .env("IKON_DATABASE_URL", "mysql://localhost/ikon")
        .arg("migrate")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unsupported scheme 'mysql'"), "{err}");

    let out = ikon(dir.path())
        .env("IKON_BASE_URL", "ftp://example.org")
        .arg("migrate")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("IKON_BASE_URL"));

    let out = ikon(dir.path())
        .env("IKON_LISTEN", "not-an-address")
        .arg("migrate")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .to_lowercase()
            .contains("listen"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let out = ikon(dir.path())
        .env("IKON_SMTP_USERNAME", "mailer")
        .env("IKON_SMTP_PASSWORD", "hunter2-secret")
        .env("IKON_SMTP_TLS", "sometimes")
        .arg("migrate")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("smtp_tls"), "{err}");
    assert!(!err.contains("hunter2-secret"), "secrets never show: {err}");
}

#[test]
fn a_bad_synonyms_file_stops_the_start() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("synonyms.txt"),
        "# our own words\nde: Landratsamt, LRA\nAmt = Behörde\n",
    )
    .unwrap();
    let out = ikon(dir.path())
        .env("IKON_LISTEN", format!("127.0.0.1:{}", free_port()))
        .arg("serve")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("synonyms.txt, line 3"), "{err}");
    assert!(err.contains("language: word, word"), "{err}");
}

/// Starts `ikon serve` and waits until it answers; returns the child and its stdout lines so far.
#[allow(clippy::zombie_processes)] // the caller kills and waits for the child
fn serve(dir: &std::path::Path, port: u16, demo: bool) -> (Child, Vec<String>) {
    let mut cmd = ikon(dir);
    cmd.env("IKON_LISTEN", format!("127.0.0.1:{port}"))
        .arg("serve")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit());
    if demo {
        cmd.arg("--demo");
    }
    let mut child = cmd.spawn().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    for _ in 0..300 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            std::thread::sleep(Duration::from_millis(200));
            return (child, rx.try_iter().collect());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = child.kill();
    panic!("ikon serve did not start");
}

fn login_line<'a>(lines: &'a [String], role: &str) -> (&'a str, &'a str) {
    let line = lines
        .iter()
        .find(|l| l.contains(role) && l.contains('@'))
        .unwrap_or_else(|| panic!("no {role} login in {lines:#?}"));
    let mut words = line.split_whitespace().filter(|w| !w.is_empty());
    let email = words.clone().find(|w| w.contains('@')).unwrap();
    let password = words
        .by_ref()
        .skip_while(|w| !w.contains('@'))
        .nth(1)
        .unwrap();
    (email, password)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_serve_kill_restart_and_backup() {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let (mut child, lines) = serve(dir.path(), port, true);
    let (email, password) = login_line(&lines, "coordinator");
    // The newcomer is sent to the address this server listens on.
    let sign_in = format!("Sign in at http://127.0.0.1:{port}/login");
    assert!(lines.iter().any(|l| l.contains(&sign_in)), "{lines:#?}");
    let base = format!("http://127.0.0.1:{port}");

    let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
    let client = reqwest::Client::builder()
        .cookie_provider(jar.clone())
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    client.get(format!("{base}/login")).send().await.unwrap();
    let cookies = jar.cookies(&base.parse().unwrap()).unwrap();
    let csrf = cookies
        .to_str()
        .unwrap()
        .split("; ")
        .find_map(|c| c.strip_prefix("ikon_csrf="))
        .unwrap()
        .to_string();
    let response = client
        .post(format!("{base}/login"))
        .form(&[("email", email), ("password", password), ("csrf", &csrf)])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let networks: serde_json::Value = client
        .get(format!("{base}/api/v1/networks"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let network_id = networks[0]["id"].as_i64().expect("demo network listed");
    let response = client
        .post(format!("{base}/networks/{network_id}/organizations"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("name", "Kurz vor dem Absturz e.V."),
            ("category", "other"),
            ("street", "Marktplatz 1"),
            ("postal_code", "91413"),
            ("city", "Neustadt a.d.Aisch"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.status(),
        StatusCode::SEE_OTHER,
        "{}",
        response.text().await.unwrap()
    );
    // Kill without any chance to clean up: the committed change must survive.
    child.kill().unwrap();
    child.wait().unwrap();

    let backup = dir.path().join("copy");
    let out = ikon(dir.path())
        .arg("backup")
        .arg(&backup)
        .output()
        .unwrap();
    let backup = backup.join("ikon.sqlite3");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = ikon(dir.path())
        .env(
            "IKON_DATABASE_URL",
            format!("sqlite://{}", backup.display()),
        )
        .args([
            "export",
            "organizations",
            "--network",
            &network_id.to_string(),
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Kurz vor dem Absturz e.V."));

    // A restart finds the demo and does not load it twice.
    let (mut again, lines) = serve(dir.path(), port, true);
    assert!(
        !lines
            .iter()
            .any(|l| l.contains("coordinator") && l.contains(password)),
        "{lines:#?}"
    );
    let networks: serde_json::Value = reqwest::get(format!("{base}/api/v1/networks"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    // The demo network and the other eleven of Mittelfranken, each once.
    let networks = networks.as_array().unwrap();
    assert_eq!(networks.len(), 12);
    let keys: std::collections::BTreeSet<&str> = networks
        .iter()
        .map(|n| n["region_key"].as_str().unwrap())
        .collect();
    assert_eq!(keys.len(), 12);
    assert!(keys.iter().all(|k| k.starts_with("095")), "{keys:?}");
    again.kill().unwrap();
    again.wait().unwrap();
}

#[test]
fn first_start_prints_a_one_time_setup_link() {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let (mut child, lines) = serve(dir.path(), port, false);
    child.kill().unwrap();
    child.wait().unwrap();
    let link = lines
        .iter()
        .find(|l| l.contains("/setup/"))
        .unwrap_or_else(|| panic!("{lines:#?}"));
    assert!(
        link.trim()
            .starts_with(&format!("http://127.0.0.1:{port}/setup/"))
    );
}

#[test]
fn user_commands_create_and_reset() {
    let dir = tempfile::tempdir().unwrap();
    let out = ikon(dir.path())
        .args([
            "user",
            "create",
            "--email",
            "Root@Example.org",
            "--name",
            "Root",
            "--role",
            "admin",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("root@example.org"));
    let out = ikon(dir.path())
        .args([
            "user",
            "create",
            "--email",
            "x@example.org",
            "--name",
            "X",
            "--role",
            "coordinator",
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("network_id"));
    let out = ikon(dir.path())
        .args(["user", "reset-password", "root@example.org"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let out = ikon(dir.path()).args(["user", "list"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("admin"));
}

/// Every row of every table of a SQLite database, as text.
async fn dump(path: &std::path::Path) -> Vec<(String, Vec<String>)> {
    let db = ikon::core::store::Db::connect(&format!("sqlite://{}", path.display()))
        .await
        .unwrap();
    let tables: Vec<String> =
        sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .fetch_all(db.pool())
            .await
            .unwrap();
    let mut all = Vec::new();
    for table in tables {
        let columns: Vec<String> =
            sqlx::query_scalar(&format!("SELECT name FROM pragma_table_info('{table}')"))
                .fetch_all(db.pool())
                .await
                .unwrap();
        let row = columns
            .iter()
            .map(|c| format!("quote(\"{c}\")"))
            .collect::<Vec<_>>()
            .join(" || '|' || ");
        let rows: Vec<String> =
            sqlx::query_scalar(&format!("SELECT {row} FROM \"{table}\" ORDER BY rowid"))
                .fetch_all(db.pool())
                .await
                .unwrap_or_default();
        all.push((table, rows));
    }
    db.close().await;
    all
}

fn files(dir: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir.join("files"))
        .map(|entries| {
            entries
                .map(|e| e.unwrap())
                .map(|e| {
                    (
                        e.file_name().to_string_lossy().into_owned(),
                        std::fs::read(e.path()).unwrap(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

#[tokio::test]
async fn a_backup_restores_every_table_and_file() {
    use sha2::{Digest, Sha256};
    let live = tempfile::tempdir().unwrap();
    let out = ikon(live.path()).arg("demo").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Attached files live beside the database, named by their SHA-256.
    std::fs::create_dir_all(live.path().join("files")).unwrap();
    for content in [&b"%PDF-1.7 Protokoll"[..], b"Teilnehmerliste"] {
        let name = hex::encode(Sha256::digest(content));
        std::fs::write(live.path().join("files").join(name), content).unwrap();
    }

    let backup = live.path().join("nightly");
    let out = ikon(live.path())
        .arg("backup")
        .arg(&backup)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The two above and the letters of the demo's submitted concerns.
    let kept = std::fs::read_dir(live.path().join("files"))
        .unwrap()
        .count();
    assert_eq!(kept, 4);
    assert!(String::from_utf8_lossy(&out.stdout).contains("4 files"));

    let fresh = tempfile::tempdir().unwrap();
    let out = ikon(fresh.path())
        .arg("restore")
        .arg(&backup)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let before = dump(&live.path().join("ikon.sqlite3")).await;
    let after = dump(&fresh.path().join("ikon.sqlite3")).await;
    assert!(
        before
            .iter()
            .any(|(t, rows)| t == "offers" && !rows.is_empty())
    );
    assert_eq!(before, after);
    assert_eq!(files(live.path()), files(fresh.path()));

    // A second restore would overwrite: refused without --replace.
    let out = ikon(fresh.path())
        .arg("restore")
        .arg(&backup)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--replace"));
    // A damaged file is found before anything is written.
    let damaged = std::fs::read_dir(backup.join("files"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap();
    std::fs::write(damaged.path(), b"tampered").unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let out = ikon(elsewhere.path())
        .arg("restore")
        .arg(&backup)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("checksum"));
}
