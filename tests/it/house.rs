//! The house rules that keep ikon's dependencies pointing one way:
//! `core` ← `accounts` ← capabilities ← `app` (the composition root).
//! A file that reaches the wrong way fails here, naming the file and line.

use std::path::{Path, PathBuf};

/// Every module above the floor. Core may name none of them.
const ABOVE_CORE: &[&str] = &[
    "accounts",
    "app",
    "cli",
    "conferences",
    "coordination",
    "bulletin",
    "demo",
    "geography",
    "monitoring",
    "network",
    "offers",
    "oparl",
];

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

/// Lines of the files under `src/<folder>` that name one of `modules`
/// through `crate::` (in a path or a `use crate::{…}` group).
fn offending(folder: &str, modules: &[&str]) -> Vec<String> {
    offending_in(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("src")
            .join(folder),
        modules,
    )
}

fn offending_in(root: &Path, modules: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for file in rust_files(root) {
        let text = std::fs::read_to_string(&file).unwrap();
        let mut in_group = false;
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if code.contains("use crate::{") {
                in_group = true;
            }
            let names_one = modules.iter().any(|m| {
                code.contains(&format!("crate::{m}::"))
                    || code.contains(&format!("crate::{m};"))
                    || code.contains(&format!("crate::{m},"))
                    || (in_group && {
                        let t = code.trim_start();
                        t.starts_with(&format!("{m}::"))
                            || t.starts_with(&format!("{m},"))
                            || t.starts_with(&format!("{m} "))
                            || t.split([',', ' ', '{']).any(|w| w == *m)
                    })
            });
            if names_one {
                found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
            if in_group && code.contains("};") {
                in_group = false;
            }
        }
    }
    found
}

#[test]
fn core_names_no_capability() {
    let found = offending("core", ABOVE_CORE);
    assert!(
        found.is_empty(),
        "core is the floor; capabilities register with it (core::web::Parts), \
         not the other way round:\n{}",
        found.join("\n")
    );
}

#[test]
fn only_the_composition_root_names_the_app() {
    for folder in [
        "accounts",
        "bulletin",
        "conferences",
        "coordination",
        "demo",
        "geography",
        "monitoring",
        "network",
        "offers",
        "oparl",
    ] {
        let found = offending(folder, &["app"]);
        assert!(
            found.is_empty(),
            "capabilities are wired by `app`, they never call it:\n{}",
            found.join("\n")
        );
    }
}

#[test]
fn the_check_sees_a_violation() {
    // The rule itself must be able to fail: paths, `use` groups and
    // single names are all found; comments and core's own modules are not.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.rs"),
        "use crate::{\n    core::store::Db,\n    offers::search,\n};\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("b.rs"), "fn f() { crate::network::x(); }\n").unwrap();
    std::fs::write(
        dir.path().join("c.rs"),
        "// crate::offers:: in a comment\nuse crate::core::web::App;\n",
    )
    .unwrap();
    let found = offending_in(dir.path(), ABOVE_CORE);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found.iter().any(|l| l.contains("a.rs:3")));
    assert!(found.iter().any(|l| l.contains("b.rs:1")));
}
