//! Real GENESIS exports (Regionaldatenbank, excerpts for Mittelfranken; see
//! tests/fixtures/statistics/README.md) are imported and compared with
//! the files cell by cell, marks included.

use super::{cells, expected, fixture, import, lines};
use crate::{backend_test, common::TestApp};

/// Data rows of a classic table: the cells between the header and the
/// footer line.
fn data_rows(lines: &[String], first_data: &str) -> Vec<Vec<String>> {
    let start = lines
        .iter()
        .position(|l| l.starts_with(first_data))
        .unwrap();
    lines[start..]
        .iter()
        .take_while(|l| !l.starts_with("___"))
        .map(|l| l.split(';').map(str::to_string).collect())
        .collect()
}

backend_test!(
    classic_latin1_with_period_column_matches_cell_by_cell,
    |app: TestApp| async move {
        let path = fixture("12511-01-01-4_mittelfranken.csv");
        let report = import(&app, &path).await.unwrap();
        assert_eq!(report.format, "classic");
        assert_eq!(report.table_code, "12511-01-01-4");
        assert!(
            report.title.starts_with("Einbürgerungen von Ausländern"),
            "{}",
            report.title
        );
        let text = lines(&path);
        let continents: Vec<String> = text[6].split(';').skip(3).map(str::to_string).collect();
        assert_eq!(continents[1], "Afrika");
        let rows = data_rows(&text, "2016;DG");
        let stored = cells(&app, "12511-01-01-4").await;
        let mut compared = 0;
        let mut dashes = 0;
        for row in &rows {
            for (i, continent) in continents.iter().enumerate() {
                let key = (
                    row[1].clone(),
                    row[0].clone(),
                    "Einbürgerungen von Ausländern".to_string(),
                    vec![continent.clone()],
                );
                let got = stored
                    .get(&key)
                    .unwrap_or_else(|| panic!("missing {key:?}"));
                assert_eq!(got, &expected(&row[3 + i]), "{key:?}");
                dashes += usize::from(row[3 + i] == "-");
                compared += 1;
            }
        }
        assert_eq!(compared, stored.len(), "no cell more, none less");
        assert_eq!(report.observations as usize, compared);
        assert!(dashes > 0, "the excerpt has '-' cells");
        assert_eq!(
            report.marks.get("-").copied().unwrap_or_default() as usize,
            dashes
        );
        assert!(report.periods.contains(&"2011".to_string()));
    }
);

backend_test!(
    classic_utf8_with_crlf_and_period_header_matches_cell_by_cell,
    |app: TestApp| async move {
        // The same export with Windows line ends, as some downloads have them.
        let original = fixture("12411-01-01-4_mittelfranken.csv");
        let dir = tempfile::tempdir().unwrap();
        let crlf = dir.path().join("12411-01-01-4_crlf.csv");
        let text = std::fs::read_to_string(&original).unwrap();
        std::fs::write(&crlf, text.replace('\n', "\r\n")).unwrap();
        let report = import(&app, &crlf).await.unwrap();
        assert_eq!(report.table_code, "12411-01-01-4");
        let text = lines(&original);
        let periods: Vec<String> = text[6].split(';').skip(2).map(str::to_string).collect();
        let sexes: Vec<String> = text[7].split(';').skip(2).map(str::to_string).collect();
        let stored = cells(&app, "12411-01-01-4").await;
        let rows = data_rows(&text, "DG;");
        let mut compared = 0;
        for row in &rows {
            for i in 0..periods.len() {
                let (d, rest) = periods[i].split_at(2);
                let iso = format!("{}-{}-{}", &rest[4..8], &rest[1..3], d);
                let key = (
                    row[0].clone(),
                    iso,
                    "Bevölkerungsstand".to_string(),
                    vec![sexes[i].clone()],
                );
                let got = stored
                    .get(&key)
                    .unwrap_or_else(|| panic!("missing {key:?}"));
                assert_eq!(got, &expected(&row[2 + i]), "{key:?}");
                compared += 1;
            }
        }
        assert_eq!(compared, stored.len());
        assert_eq!(compared, 15 * 63);
        // Nürnberg on 31.12.2015, read off the file.
        let nbg = stored
            .get(&(
                "09564".into(),
                "2015-12-31".into(),
                "Bevölkerungsstand".into(),
                vec!["Insgesamt".into()],
            ))
            .unwrap();
        assert_eq!(nbg.0, Some(509975.0));
    }
);

backend_test!(
    classic_with_row_classifier_and_three_header_rows,
    |app: TestApp| async move {
        let path = fixture("12411-03-03-4_mittelfranken.csv");
        let report = import(&app, &path).await.unwrap();
        let text = lines(&path);
        let nationality: Vec<String> = text[6].split(';').skip(4).map(str::to_string).collect();
        let sex: Vec<String> = text[7].split(';').skip(4).map(str::to_string).collect();
        let stored = cells(&app, "12411-03-03-4").await;
        let rows = data_rows(&text, "31.12.2015;DG");
        for row in &rows {
            for i in 0..nationality.len() {
                let mut labels = vec![nationality[i].clone(), sex[i].clone(), row[3].clone()];
                labels.sort();
                let key = (
                    row[1].clone(),
                    "2015-12-31".to_string(),
                    "Bevölkerungsstand".to_string(),
                    labels,
                );
                let got = stored
                    .get(&key)
                    .unwrap_or_else(|| panic!("missing {key:?}"));
                assert_eq!(got, &expected(&row[4 + i]), "{key:?}");
            }
        }
        assert_eq!(rows.len() * 9, stored.len());
        assert_eq!(report.observations as usize, stored.len());
    }
);

backend_test!(
    flat_file_zip_and_classic_table_store_the_same_cells,
    |app: TestApp| async move {
        // The classic export with its measures and units in header rows ...
        let classic = import(&app, &fixture("13211-02-05-4_mittelfranken.csv"))
            .await
            .unwrap();
        let from_classic = cells(&app, "13211-02-05-4").await;
        assert_eq!(classic.marks.get(".").copied(), Some(62));
        // ... and the same cells as a flat file inside a ZIP (UTF-8 with BOM).
        let zipped = import(&app, &fixture("13211-02-05-4_flat.zip"))
            .await
            .unwrap();
        assert_eq!(zipped.format, "flat");
        assert_eq!(zipped.table_code, "13211-02-05-4");
        assert_eq!(
            zipped.replaced, classic.observations,
            "the newer export replaces every period"
        );
        let from_zip = cells(&app, "13211-02-05-4").await;
        assert_eq!(from_zip.len(), from_classic.len());
        // The flat file names measures by code; compare through the labels.
        let rate = |m: &str| match m {
            "ERW025" => "Arbeitslose",
            "ERWP04" => "Arbeitslosenquote bez. abh. zivile Erwerbspers.",
            "ERWP05" => "Arbeitslosenquote bez. auf alle zivile Erwerbsp.",
            other => panic!("unexpected measure {other}"),
        };
        for ((region, period, measure, labels), cell) in &from_zip {
            let key = (
                region.clone(),
                period.clone(),
                rate(measure).to_string(),
                labels.clone(),
            );
            assert_eq!(from_classic.get(&key), Some(cell), "{key:?}");
        }
        // Unemployment rate of foreigners, Nürnberg 2016, as published.
        let nbg = from_zip
            .get(&(
                "09564".into(),
                "2016".into(),
                "ERWP05".into(),
                vec!["Ausländer".into()],
            ))
            .unwrap();
        assert!(nbg.0.is_some());
    }
);

backend_test!(
    older_german_wide_layout_matches_the_classic_table,
    |app: TestApp| async move {
        let wide = import(&app, &fixture("12411-01-01-4_flat_de.csv"))
            .await
            .unwrap();
        assert_eq!(wide.format, "flat_wide");
        assert_eq!(wide.table_code, "12411-01-01-4");
        assert_eq!(wide.observations, 90);
        let from_wide = cells(&app, "12411-01-01-4").await;
        let classic = import(&app, &fixture("12411-01-01-4_mittelfranken.csv"))
            .await
            .unwrap();
        assert_eq!(
            classic.replaced, 90,
            "the two overlapping periods are replaced"
        );
        let from_classic = cells(&app, "12411-01-01-4").await;
        for ((region, period, _, labels), cell) in &from_wide {
            let key = (
                region.clone(),
                period.clone(),
                "Bevölkerungsstand".to_string(),
                labels.clone(),
            );
            assert_eq!(from_classic.get(&key), Some(cell), "{key:?}");
        }
    }
);
