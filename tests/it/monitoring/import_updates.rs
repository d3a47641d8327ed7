//! Importing again: the same file is a no-op, a newer export replaces the
//! overlapping periods and keeps the old cells in the history, audited.

use super::{cells, count, fixture, import, import_text};
use crate::{backend_test, common::TestApp};

backend_test!(same_file_twice_is_a_no_op, |app: TestApp| async move {
    let path = fixture("12511-01-01-4_mittelfranken.csv");
    let first = import(&app, &path).await.unwrap();
    assert!(!first.unchanged);
    let before = count(&app, "stat_observations").await;
    let second = import(&app, &path).await.unwrap();
    assert!(second.unchanged);
    assert_eq!(second.dataset_id, first.dataset_id);
    assert_eq!(count(&app, "stat_observations").await, before);
    assert_eq!(count(&app, "stat_datasets").await, 1);
});

backend_test!(
    newer_export_replaces_overlapping_periods_with_history,
    |app: TestApp| async move {
        let classic = import(&app, &fixture("12511-01-01-4_mittelfranken.csv"))
            .await
            .unwrap();
        // A newer export of the same table for 2016 only, one value revised.
        let text: String = std::fs::read(fixture("12511-01-01-4_mittelfranken.csv"))
            .unwrap()
            .iter()
            .map(|&b| b as char)
            .collect();
        let newer: Vec<String> = text
            .split('\n')
            .filter(|l| {
                !l.chars().next().is_some_and(|c| c.is_ascii_digit()) || l.starts_with("2016;")
            })
            .map(|l| {
                l.replace(
                    "2016;09575;      Neustadt a.d.Aisch-Bad Windsheim, Landkreis;55;",
                    "2016;09575;      Neustadt a.d.Aisch-Bad Windsheim, Landkreis;56;",
                )
            })
            .collect();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("12511-01-01-4_2016.csv");
        std::fs::write(
            &path,
            newer
                .join("\n")
                .chars()
                .map(|c| c as u32 as u8)
                .collect::<Vec<u8>>(),
        )
        .unwrap();
        let update = import(&app, &path).await.unwrap();
        assert_eq!(update.periods, vec!["2016".to_string()]);
        assert_eq!(update.replaced, 15 * 7);
        assert_eq!(count(&app, "stat_observation_history").await, 15 * 7);
        assert_eq!(
            count(&app, "stat_observations").await,
            classic.observations as i64
        );
        let value: f64 = sqlx::query_scalar(
        "SELECT value FROM stat_observations WHERE table_code = '12511-01-01-4' AND region_key = '09575'
         AND period = '2016' AND dims LIKE '%Insgesamt%'",
    )
    .fetch_one(app.db().pool())
    .await
    .unwrap();
        assert_eq!(value, 56.0);
        let old: f64 = sqlx::query_scalar(
        "SELECT value FROM stat_observation_history WHERE region_key = '09575' AND period = '2016' AND dims LIKE '%Insgesamt%'",
    )
    .fetch_one(app.db().pool())
    .await
    .unwrap();
        assert_eq!(old, 55.0);
        let audited: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE entity = 'statistics_dataset' AND action = 'import_replace' AND entity_id = $1",
    )
    .bind(update.dataset_id)
    .fetch_one(app.db().pool())
    .await
    .unwrap();
        assert_eq!(audited, 1);
    }
);

backend_test!(
    missing_values_in_many_statements_keep_every_cell,
    |app: TestApp| async move {
        // 1,500 cells: more than one insert statement on either backend,
        // with secret cells (no value) at places where other statements
        // carry numbers, and the other way round.
        let mut text = String::from(
            "statistics_code;statistics_label;time_code;time_label;time;1_variable_code;1_variable_label;1_variable_attribute_code;1_variable_attribute_label;value;value_unit;value_variable_code;value_variable_label\n",
        );
        for year in 1000..2500 {
            let value = if year % 7 == 0 || year % 11 == 3 {
                ".".to_string()
            } else {
                (year * 3).to_string()
            };
            text.push_str(&format!(
                "99999;Probe;JAHR;Jahr;{year};KREISE;Kreise;09575;Neustadt;{value};Anzahl;PRB001;Probe\n"
            ));
        }
        let report = import_text(&app, "99999-0001_probe.csv", text)
            .await
            .expect("imports");
        assert_eq!(report.observations, 1_500);
        let stored = cells(&app, "99999-0001").await;
        assert_eq!(stored.len(), 1_500);
        for ((_, period, _, _), (value, mark)) in stored {
            let year: i64 = period.parse().unwrap();
            if year % 7 == 0 || year % 11 == 3 {
                assert_eq!((value, mark.as_deref()), (None, Some(".")), "{year}");
            } else {
                assert_eq!((value, mark), (Some((year * 3) as f64), None), "{year}");
            }
        }
    }
);
