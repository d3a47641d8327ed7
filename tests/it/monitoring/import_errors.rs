//! Bad files: each names file, line and column, and nothing is stored.

use super::{count, fixture, import_text};
use crate::{backend_test, common::TestApp};

/// Writes `content` as a file and imports it; the error must be at
/// `line` (and `column`, where given) and mention `words`.
async fn refused(
    app: &TestApp,
    name: &str,
    content: &[u8],
    line: Option<u64>,
    column: Option<usize>,
    words: &str,
) {
    let err = import_text(app, name, content).await.expect_err(name);
    assert_eq!(err.file, name, "{err}");
    assert_eq!(err.line, line, "{err}");
    if column.is_some() {
        assert_eq!(err.column, column, "{err}");
    }
    assert!(err.message.contains(words), "{err}");
    assert!(err.to_string().starts_with(name), "{err}");
    assert_eq!(
        count(app, "stat_observations").await,
        0,
        "{name}: nothing stored"
    );
    assert_eq!(count(app, "stat_datasets").await, 0, "{name}: no dataset");
}

/// The real 12511 excerpt with one line changed.
fn edited(line_no: usize, edit: impl Fn(&str) -> String) -> Vec<u8> {
    let bytes = std::fs::read(fixture("12511-01-01-4_mittelfranken.csv")).unwrap();
    let text: String = bytes.iter().map(|&b| b as char).collect();
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    lines[line_no - 1] = edit(&lines[line_no - 1]);
    lines.join("\n").chars().map(|c| c as u32 as u8).collect()
}

backend_test!(
    bad_files_name_line_and_column_and_import_nothing,
    |app: TestApp| async move {
        // Line 9 is the first data row; line 12 is 2016;09561;      Ansbach;32;3;…
        refused(
            &app,
            "letter.csv",
            b"Sehr geehrte Damen und Herren;\n",
            Some(1),
            None,
            "not a statistics table",
        )
        .await;
        refused(
            &app,
            "utf16.csv",
            b"\xFF\xFEG\0E\0",
            Some(1),
            None,
            "encoding",
        )
        .await;
        refused(
            &app,
            "width.csv",
            &edited(20, |l| format!("{l};17")),
            Some(20),
            Some(11),
            "cells",
        )
        .await;
        refused(
            &app,
            "text.csv",
            &edited(12, |l| l.replacen(";32;", ";zwei;", 1)),
            Some(12),
            Some(4),
            "neither a number",
        )
        .await;
        // The same with Windows line ends: the line is still the one an
        // editor shows (the csv crate alone would say 11).
        let crlf: Vec<u8> = edited(12, |l| l.replacen(";32;", ";zwei;", 1))
            .split(|&b| b == b'\n')
            .map(|l| l.to_vec())
            .collect::<Vec<_>>()
            .join(&b"\r\n"[..]);
        refused(
            &app,
            "crlf.csv",
            &crlf,
            Some(12),
            Some(4),
            "neither a number",
        )
        .await;
        refused(
            &app,
            "mark.csv",
            &edited(12, |l| l.replacen(";32;", ";#;", 1)),
            Some(12),
            Some(4),
            "special mark",
        )
        .await;
        refused(
            &app,
            "region.csv",
            &edited(12, |l| l.replacen(";09561;", ";99561;", 1)),
            Some(12),
            Some(2),
            "does not exist",
        )
        .await;
        refused(
            &app,
            "key.csv",
            &edited(12, |l| l.replacen(";09561;", ";Ansbach;", 1)),
            Some(12),
            Some(2),
            "not a region key",
        )
        .await;
        // Cut off in the middle: no footer.
        let whole = std::fs::read(fixture("12511-01-01-4_mittelfranken.csv")).unwrap();
        let cut = whole[..whole.len() / 2]
            .iter()
            .rposition(|&b| b == b'\n')
            .unwrap();
        refused(
            &app,
            "truncated.csv",
            &whole[..=cut],
            None,
            None,
            "truncated",
        )
        .await;
        // A ZIP without a CSV inside, and bytes that only start like a ZIP.
        refused(
            &app,
            "broken.zip",
            b"PK\x03\x04 not really",
            None,
            None,
            "ZIP",
        )
        .await;
    }
);

backend_test!(
    an_error_late_in_a_file_rolls_back_the_early_batches,
    |app: TestApp| async move {
        // A flat file whose last row is bad: the rows before it were already
        // handed to the store in batches and must be gone too.
        let text = std::fs::read_to_string(fixture("13211-02-05-4_flat.csv")).unwrap();
        let mut lines: Vec<&str> = text.trim_end().split('\n').collect();
        let last = lines.len() - 1;
        let bad = format!("{};extra", lines[last]);
        lines[last] = &bad;
        let mut many = vec![lines[0].to_string()];
        for _ in 0..20 {
            many.extend(lines[1..last].iter().map(|l| l.to_string()));
        }
        many.push(bad.clone());
        let err = import_text(&app, "13211-02-05-4_late.csv", many.join("\n"))
            .await
            .unwrap_err();
        assert_eq!(err.line, Some(many.len() as u64), "{err}");
        assert_eq!(count(&app, "stat_observations").await, 0);
        assert_eq!(count(&app, "stat_datasets").await, 0);
    }
);
