//! Numbers that may be missing, bound again and again to one prepared
//! statement on one connection, as an offer's coordinates or a
//! statistics cell are: every value comes back as written.

use ikon::core::store::BindFloat;
use sqlx::Row;

use crate::{backend_test, common::TestApp};

backend_test!(
    missing_and_present_numbers_share_one_prepared_statement,
    |app: TestApp| async move {
        let mut conn = app.db().pool().acquire().await.unwrap();
        sqlx::query("CREATE TEMPORARY TABLE floats (n INTEGER NOT NULL, v DOUBLE PRECISION)")
            .execute(&mut *conn)
            .await
            .unwrap();
        let written: [(i64, Option<f64>); 4] =
            [(1, None), (2, Some(52.517)), (3, None), (4, Some(-0.125))];
        for (n, v) in written {
            sqlx::query("INSERT INTO floats (n, v) VALUES ($1, $2)")
                .bind(n)
                .bind_float(v)
                .execute(&mut *conn)
                .await
                .unwrap();
        }
        let read: Vec<(i64, Option<f64>)> = sqlx::query("SELECT n, v FROM floats ORDER BY n")
            .fetch_all(&mut *conn)
            .await
            .unwrap()
            .iter()
            .map(|r| (r.get("n"), r.get("v")))
            .collect();
        let written: Vec<(i64, Option<f64>)> = written.into_iter().collect();
        assert_eq!(read, written);
    }
);
