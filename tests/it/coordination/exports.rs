//! The matrix as an Excel workbook and as a PDF: the grid of the page for
//! the same view and day, marks written out and coloured, read back from
//! the files themselves (the workbook's XML, the PDF's text).

use std::collections::HashMap;

use super::*;
use crate::backend_test;
use crate::common::fixtures::Offer;

/// A workbook read back: its sheets' names, and per sheet the cells by
/// reference (`B6`) with their text and fill colour (`FFD8A8`).
struct Workbook {
    sheets: Vec<String>,
    cells: Vec<HashMap<String, (String, Option<String>)>>,
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// The values of `attribute="…"` in `xml`, in order.
fn attribute<'a>(xml: &'a str, attribute: &str) -> Option<&'a str> {
    let start = xml.find(&format!("{attribute}=\""))? + attribute.len() + 2;
    Some(&xml[start..start + xml[start..].find('"')?])
}

/// The text between `<tag…>` and `</tag>` of each element, in order.
fn elements<'a>(xml: &'a str, tag: &str) -> Vec<&'a str> {
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(at) = rest.find(&open) {
        let after = &rest[at + open.len()..];
        // `<c` must not match `<col`.
        if !after.starts_with([' ', '>', '/']) {
            rest = after;
            continue;
        }
        let end_of_open = after.find('>').unwrap();
        if after[..end_of_open].ends_with('/') {
            out.push(&after[..end_of_open]);
            rest = &after[end_of_open..];
            continue;
        }
        let end = after.find(&close).unwrap();
        out.push(&after[..end]);
        rest = &after[end + close.len()..];
    }
    out
}

/// The files of a ZIP archive, read by Python's `zipfile` (an independent
/// reader that checks every CRC) and each XML part parsed once to prove
/// it is well-formed.
fn unzip(bytes: &[u8]) -> HashMap<String, String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("matrix.xlsx");
    std::fs::write(&path, bytes).unwrap();
    let script = "import json, sys, zipfile, xml.etree.ElementTree as ET\n\
        z = zipfile.ZipFile(sys.argv[1])\n\
        assert z.testzip() is None\n\
        out = {n: z.read(n).decode('utf-8') for n in z.namelist()}\n\
        [ET.fromstring(v.encode('utf-8')) for v in out.values()]\n\
        print(json.dumps(out))\n";
    let output = std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&path)
        .output()
        .expect("python3 runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

fn read_workbook(bytes: &[u8]) -> Workbook {
    let files = unzip(bytes);
    let file = |name: &str| {
        files
            .get(name)
            .unwrap_or_else(|| panic!("{name} in the workbook"))
            .clone()
    };
    let workbook = file("xl/workbook.xml");
    let sheets: Vec<String> = elements(&workbook, "sheet")
        .iter()
        .map(|s| unescape(attribute(s, "name").unwrap()))
        .collect();
    let styles = file("xl/styles.xml");
    let fills: Vec<Option<String>> = elements(&styles, "fill")
        .iter()
        .map(|f| attribute(f, "rgb").map(|c| c.strip_prefix("FF").unwrap_or(c).to_string()))
        .collect();
    let xfs = elements(&styles, "cellXfs")[0];
    let fill_of_style: Vec<Option<String>> = elements(xfs, "xf")
        .iter()
        .map(|xf| {
            let id: usize = attribute(xf, "fillId").unwrap_or("0").parse().unwrap();
            fills[id].clone()
        })
        .collect();
    let cells = (1..=sheets.len())
        .map(|n| {
            let sheet = file(&format!("xl/worksheets/sheet{n}.xml"));
            elements(&sheet, "c")
                .iter()
                .filter_map(|c| {
                    let reference = attribute(c, "r")?.to_string();
                    let style: usize = attribute(c, "s").unwrap_or("0").parse().unwrap();
                    let value = elements(c, "t")
                        .first()
                        .map(|t| unescape(&t[t.find('>').unwrap() + 1..]));
                    Some((reference, (value?, fill_of_style[style].clone())))
                })
                .collect()
        })
        .collect();
    Workbook { sheets, cells }
}

/// The reference of the cell in the sheet whose text is exactly `text`.
fn find(sheet: &HashMap<String, (String, Option<String>)>, text: &str) -> String {
    sheet
        .iter()
        .find(|(_, (t, _))| t == text)
        .unwrap_or_else(|| panic!("{text:?} in the sheet"))
        .0
        .clone()
}

/// Splits `B6` into its column letters and row number.
fn split(reference: &str) -> (String, u32) {
    let at = reference.find(|c: char| c.is_ascii_digit()).unwrap();
    (
        reference[..at].to_string(),
        reference[at..].parse().unwrap(),
    )
}

/// The cell in the column of `column` and the row of `row`.
fn at<'a>(
    sheet: &'a HashMap<String, (String, Option<String>)>,
    column: &str,
    row: &str,
) -> &'a (String, Option<String>) {
    let (letters, _) = split(&find(sheet, column));
    let (_, number) = split(&find(sheet, row));
    &sheet[&format!("{letters}{number}")]
}

async fn kreis_with_marks(app: &TestApp) -> (Kreis, String) {
    let k = kreis(app).await;
    let m1 = k.municipalities[0].clone();
    // An overlap (two leads) and a plain lead in m1, Jobcenter's offer
    // there for counselling × families without any agreement.
    agree(
        app,
        &k,
        agreement(
            &m1,
            "work",
            "refugees",
            &[(k.orgs[0], "lead"), (k.orgs[1], "lead")],
        ),
    )
    .await;
    agree(
        app,
        &k,
        agreement(
            &m1,
            "language",
            "women",
            &[(k.orgs[2], "lead"), (k.orgs[3], "informed")],
        ),
    )
    .await;
    Offer::new(k.network_id, k.orgs[3], "Familienberatung")
        .with(|r| {
            r.field = "counselling".into();
            r.target_groups = vec!["families".into()];
            r.places = vec![ikon::offers::model::PlaceRecord {
                municipality_key: Some(m1.clone()),
                ..Default::default()
            }];
        })
        .create(app)
        .await;
    (k, m1)
}

async fn name_of(app: &TestApp, key: &str) -> String {
    sqlx::query("SELECT name FROM regions WHERE key = $1")
        .bind(key)
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get("name")
}

backend_test!(
    the_workbook_holds_the_grid_of_the_page_with_its_marks,
    |app: TestApp| async move {
        let (k, m1) = kreis_with_marks(&app).await;
        let net = k.network_id;
        let response = k
            .coordinator
            .get(&format!(
                "/networks/{net}/responsibilities.xlsx?municipality={m1}"
            ))
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(
            response.headers()["content-type"],
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        );
        assert!(
            response.headers()["content-disposition"]
                .to_str()
                .unwrap()
                .contains("zustaendigkeiten-09572-")
        );
        let book = read_workbook(&response.bytes().await.unwrap());
        assert_eq!(book.sheets, ["Matrix", "Alle Zellen"]);
        let grid = &book.cells[0];
        let name = name_of(&app, &m1).await;
        find(
            grid,
            &format!("Zuständigkeiten in {name}: Handlungsfelder × Zielgruppen"),
        );
        // Rows are fields, columns target groups, as on the page.
        let (text, fill) = at(grid, "Geflüchtete", "Arbeit");
        assert_eq!(text, "federführend: Caritas, Diakonie\n[Überschneidung]");
        assert_eq!(fill.as_deref(), Some("FFD8A8"), "an overlap is orange");
        let (text, fill) = at(grid, "Frauen", "Sprache");
        assert_eq!(text, "federführend: VHS\ninformiert: Jobcenter");
        assert_eq!(fill, &None, "a settled cell is not coloured");
        let (text, fill) = at(grid, "Familien", "Beratung");
        assert_eq!(
            text,
            "Anbieter mit Angeboten: Jobcenter\n[Lücke, unbestätigt]"
        );
        assert_eq!(fill.as_deref(), Some("FFF3BF"), "unconfirmed is yellow");
        let (text, fill) = at(grid, "Familien", "Gesundheit");
        assert_eq!(text, "[Lücke]");
        assert_eq!(fill.as_deref(), Some("F8D7DA"), "a gap is red");
        // The legend says what the colours mean.
        find(grid, "niemand ist federführend");
        // The second sheet lists every cell with the CSV's columns.
        let list = &book.cells[1];
        assert_eq!(list["A1"].0, "Gebiet");
        let rows = list.keys().filter(|r| r.starts_with('A')).count();
        assert_eq!(rows, (k.municipalities.len() + 1) * 60 + 1);

        // The group view in English: municipalities × fields for families.
        let response = k
            .coordinator
            .get(&format!(
                "/networks/{net}/responsibilities.xlsx?target_group=families&lang=en"
            ))
            .await;
        let book = read_workbook(&response.bytes().await.unwrap());
        assert_eq!(book.sheets, ["Matrix", "All cells"]);
        let grid = &book.cells[0];
        find(
            grid,
            "Responsibilities for Families: municipalities × fields",
        );
        let (text, fill) = at(grid, "Counselling", &name);
        assert_eq!(text, "Providers with offers: Jobcenter\n[Gap, unconfirmed]");
        assert_eq!(fill.as_deref(), Some("FFF3BF"));
    }
);

/// The text of a PDF, its words separated by single spaces.
fn pdf_text(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("matrix.pdf");
    std::fs::write(&file, bytes).unwrap();
    let out = std::process::Command::new("pdftotext")
        .arg(&file)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    // Words Typst hyphenated at the end of a cell's line ("Diako\u{ad}" +
    // "nie") are read as one again.
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace("\u{ad} ", "")
}

backend_test!(
    the_pdf_prints_the_grid_of_the_page_with_its_marks,
    |app: TestApp| async move {
        let (k, m1) = kreis_with_marks(&app).await;
        let net = k.network_id;
        let response = k
            .coordinator
            .get(&format!(
                "/networks/{net}/responsibilities.pdf?municipality={m1}"
            ))
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()["content-type"], "application/pdf");
        let bytes = response.bytes().await.unwrap();
        assert!(bytes.starts_with(b"%PDF"));
        let text = pdf_text(&bytes);
        let name = name_of(&app, &m1).await;
        for expected in [
            format!("Zuständigkeiten in {name}"),
            "Integrationskonferenz Erlangen-Höchstadt".to_string(),
            "Legende".to_string(),
            "Geflüchtete".to_string(),
            "Caritas, Diakonie".to_string(),
            "Überschneidung".to_string(),
            "unbestätigt".to_string(),
            "Jobcenter".to_string(),
        ] {
            assert!(text.contains(&expected), "{expected:?} in {text}");
        }
        // The page's totals: one overlap, one unconfirmed cell.
        assert!(
            text.contains("1 Überschneidungen, 1 unbestätigte Zellen"),
            "{text}"
        );
        // In English, the group view.
        let response = k
            .coordinator
            .get(&format!(
                "/networks/{net}/responsibilities.pdf?target_group=refugees&lang=en"
            ))
            .await;
        let text = pdf_text(&response.bytes().await.unwrap());
        for expected in ["Responsibilities for Refugees", "Legend", &name, "Overlap"] {
            assert!(text.contains(expected), "{expected:?} in {text}");
        }
        // The page links both files for the view it shows.
        let html = k
            .coordinator
            .get(&format!(
                "/networks/{net}/responsibilities?municipality={m1}"
            ))
            .await
            .text()
            .await
            .unwrap();
        assert!(html.contains(&format!("/networks/{net}/responsibilities.pdf?on=")));
        assert!(
            html.contains(&format!("&amp;municipality={m1}\"")),
            "{html}"
        );
    }
);
