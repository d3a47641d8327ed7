//! `ikon statistics import FILE…` as a user runs it.

use std::process::Command;

use super::fixture;

const IKON: &str = env!("CARGO_BIN_EXE_ikon");

fn ikon(dir: &std::path::Path) -> Command {
    let mut cmd = Command::new(IKON);
    cmd.env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("IKON_DATA_DIR", dir)
        .env("IKON_LOG", "warn");
    cmd
}

#[test]
fn statistics_import_prints_a_line_per_file_and_fails_on_a_bad_one() {
    let dir = tempfile::tempdir().unwrap();
    let out = ikon(dir.path())
        .args(["statistics", "import"])
        .arg(fixture("12511-01-01-4_mittelfranken.csv"))
        .arg(fixture("13211-02-05-4_flat.zip"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(
        lines[0].contains("classic 12511-01-01-4 — 630 observations"),
        "{}",
        lines[0]
    );
    assert!(lines[0].contains("marks: \"-\"×120"), "{}", lines[0]);
    assert!(
        lines[1].contains("flat 13211-02-05-4 — 3120 observations"),
        "{}",
        lines[1]
    );
    assert!(lines[1].contains("\".\"×62"), "{}", lines[1]);

    // A bad file next to a good one: the bad one imports nothing, the exit
    // code says so, the message names line and column.
    let bad = dir.path().join("bad.csv");
    let text: Vec<u8> = std::fs::read(fixture("12411-01-01-4_mittelfranken.csv")).unwrap();
    let text = String::from_utf8(text)
        .unwrap()
        .replacen(";509975;", ";509.975,0x;", 1);
    std::fs::write(&bad, text).unwrap();
    let out = ikon(dir.path())
        .args(["statistics", "import"])
        .arg(&bad)
        .arg(fixture("12511-01-01-4_mittelfranken.csv"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("bad.csv, line 15, column 3"), "{stderr}");
    assert!(stderr.contains("nothing imported"), "{stderr}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("unchanged"));
}

#[test]
fn statistics_import_reads_a_table_of_ones_own_through_the_options() {
    let dir = tempfile::tempdir().unwrap();
    let out = ikon(dir.path())
        .args(["statistics", "import"])
        .arg(fixture("auslaender_gemeinden_nea.csv"))
        .args([
            "--region-column",
            "2",
            "--period-column",
            "3",
            "--value",
            "4=Ausländer:Personen",
            "--value",
            "5=Ausländeranteil:%",
            "--table-code",
            "nea-auslaender",
            "--title",
            "Ausländer nach Gemeinden",
            "--source",
            "Stadt Neustadt a.d.Aisch",
        ])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("generic nea-auslaender — 20 observations, 2 periods, 5 regions"),
        "{stdout}"
    );
    assert!(stdout.contains("\"-\"×2 \".\"×1"), "{stdout}");

    // Without a period the mapping is refused before any file is read.
    let out = ikon(dir.path())
        .args(["statistics", "import"])
        .arg(fixture("auslaender_gemeinden_nea.csv"))
        .args(["--region-column", "2", "--value", "4=Ausländer:Personen"])
        .args(["--table-code", "x", "--title", "x", "--source", "x"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("--period"), "{stderr}");
}
