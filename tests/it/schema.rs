//! The SQLite and PostgreSQL migration trees must define the same schema:
//! the same tables, columns, nullability, type families and indexes.

use std::collections::BTreeSet;

use sqlx::Row;

use crate::common::{Backend, TestApp};

fn family(sql_type: &str) -> &'static str {
    let t = sql_type.to_ascii_lowercase();
    if t.contains("int") {
        "integer"
    } else if t.contains("char") || t.contains("text") {
        "text"
    } else if t.contains("real")
        || t.contains("double")
        || t.contains("float")
        || t.contains("numeric")
    {
        "float"
    } else if t.contains("blob") || t.contains("bytea") {
        "bytes"
    } else {
        "other"
    }
}

async fn sqlite_schema(app: &TestApp) -> (BTreeSet<String>, BTreeSet<String>) {
    let pool = app.db().pool();
    let tables: Vec<String> = sqlx::query(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_sqlx%'",
    )
    .fetch_all(pool)
    .await
    .unwrap()
    .into_iter()
    .map(|r| r.get("name"))
    .collect();
    let mut columns = BTreeSet::new();
    for table in &tables {
        let rows = sqlx::query(&format!(
            "SELECT name, type, \"notnull\" AS nn, pk FROM pragma_table_info('{table}')"
        ))
        .fetch_all(pool)
        .await
        .unwrap();
        for r in rows {
            let name: String = r.get("name");
            let ty: String = r.get("type");
            let not_null = r.get::<i64, _>("nn") == 1 || r.get::<i64, _>("pk") > 0;
            columns.insert(format!(
                "{table}.{name} {} {}",
                family(&ty),
                if not_null { "not null" } else { "null" }
            ));
        }
    }
    let indexes =
        sqlx::query("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
            .fetch_all(pool)
            .await
            .unwrap()
            .into_iter()
            .map(|r| r.get::<String, _>("name"))
            .collect();
    (columns, indexes)
}

async fn postgres_schema(app: &TestApp) -> (BTreeSet<String>, BTreeSet<String>) {
    let pool = app.db().pool();
    let rows = sqlx::query(
        "SELECT table_name::text AS t, column_name::text AS c, data_type::text AS ty, is_nullable::text AS n
         FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT LIKE '_sqlx%'",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    let columns = rows
        .into_iter()
        .map(|r| {
            let nullable: String = r.get("n");
            format!(
                "{}.{} {} {}",
                r.get::<String, _>("t"),
                r.get::<String, _>("c"),
                family(&r.get::<String, _>("ty")),
                if nullable == "NO" { "not null" } else { "null" }
            )
        })
        .collect();
    // Indexes created by PRIMARY KEY / UNIQUE constraints are implicit on both.
    let indexes = sqlx::query(
        "SELECT indexname::text AS name FROM pg_indexes WHERE schemaname = 'public'
         AND indexname NOT IN (SELECT conname FROM pg_constraint)",
    )
    .fetch_all(pool)
    .await
    .unwrap()
    .into_iter()
    .map(|r| r.get::<String, _>("name"))
    .collect();
    (columns, indexes)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn both_migration_trees_define_the_same_schema() {
    let sqlite = TestApp::start(Backend::Sqlite).await;
    let (sqlite_columns, sqlite_indexes) = sqlite_schema(&sqlite).await;
    assert!(sqlite_columns.len() > 50, "{sqlite_columns:?}");
    if !crate::common::postgres_enabled() {
        return;
    }
    let postgres = TestApp::start(Backend::Postgres).await;
    let (pg_columns, pg_indexes) = postgres_schema(&postgres).await;
    let only_sqlite: Vec<_> = sqlite_columns.difference(&pg_columns).collect();
    let only_pg: Vec<_> = pg_columns.difference(&sqlite_columns).collect();
    assert!(
        only_sqlite.is_empty() && only_pg.is_empty(),
        "columns differ:\n only in SQLite: {only_sqlite:#?}\n only in PostgreSQL: {only_pg:#?}"
    );
    assert_eq!(sqlite_indexes, pg_indexes, "indexes differ");
}
