//! The statistics ikon ships are loaded once, with their sources, and read
//! back as published.

use super::count;
use crate::{backend_test, common::TestApp};

async fn value(
    app: &TestApp,
    table: &str,
    region: &str,
    period: &str,
    measure: &str,
    dims_like: &str,
) -> (Option<f64>, Option<String>) {
    let row: (Option<f64>, Option<String>) = sqlx::query_as(
        "SELECT value, mark FROM stat_observations WHERE table_code = $1 AND region_key = $2
         AND period = $3 AND measure = $4 AND dims LIKE $5",
    )
    .bind(table)
    .bind(region)
    .bind(period)
    .bind(measure)
    .bind(dims_like)
    .fetch_one(app.db().pool())
    .await
    .unwrap();
    row
}

backend_test!(
    shipped_statistics_load_once_with_sources_and_marks,
    |app: TestApp| async move {
        use ikon::monitoring::service::shipped::ensure_loaded;
        ensure_loaded(app.db()).await.unwrap();
        let observations = count(&app, "stat_observations").await;
        assert!(observations > 30_000, "{observations}");
        ensure_loaded(app.db()).await.unwrap();
        assert_eq!(
            count(&app, "stat_observations").await,
            observations,
            "second call loads nothing"
        );
        assert_eq!(count(&app, "stat_datasets").await, 9);
        // 12521-0043: Duldung in Landkreis Neustadt a.d.Aisch-Bad Windsheim, 31.12.2024.
        assert_eq!(
            value(
                &app,
                "12521-0043",
                "09575",
                "2024-12-31",
                "BEV002",
                "%Duldung%"
            )
            .await,
            (Some(15.0), None)
        );
        // INKAR share of foreigners 2022 for the same Kreis.
        assert_eq!(
            value(&app, "INKAR", "09575", "2022", "a_ausl_bev", "%")
                .await
                .0,
            Some(10.5)
        );
        // Zensus 2022, Nürnberg: 24.2 % foreigners; the count is derived and marked.
        let population = value(
            &app,
            "Zensus2022-Gemeinden",
            "09564000",
            "2022-05-15",
            "PRS018",
            "%",
        )
        .await
        .0
        .unwrap();
        let derived = value(
            &app,
            "Zensus2022-Gemeinden",
            "09564000",
            "2022-05-15",
            "AUSL",
            "%",
        )
        .await;
        assert_eq!(derived.0, Some((population * 24.2 / 100.0).round()));
        assert_eq!(derived.1.as_deref(), Some("derived"));
        // BA: registered unemployed foreigners in Germany, 2024 (annual average).
        assert_eq!(
            value(
                &app,
                "BA-Staatsangehoerigkeit",
                "DG",
                "2024",
                "Arbeitslose",
                "%Insgesamt%Ausländer%"
            )
            .await
            .0,
            Some(1_040_908.0)
        );
        // The GENESIS excerpts come through the importer, marks included.
        assert_eq!(
            value(
                &app,
                "12511-01-01-4",
                "09561",
                "2016",
                "Einbürgerungen von Ausländern",
                "%Australien%"
            )
            .await,
            (Some(0.0), Some("-".into()))
        );
        // Population sums of the municipality directory.
        assert_eq!(
            value(
                &app,
                "GV-ISys-31122024",
                "09575",
                "2023-12-31",
                "BEVSTD",
                "%"
            )
            .await
            .0,
            Some(103_654.0)
        );
    }
);
