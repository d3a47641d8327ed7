//! The OpenAPI document is generated from the route table: every JSON API
//! route is in it, nothing else is, and the document itself is kept in a
//! snapshot so that any change to the API shows up in review.
//! `IKON_UPDATE_SNAPSHOTS=1 cargo nextest run openapi` rewrites it.

use std::collections::BTreeSet;

use ikon::core::web::routes::Kind;

use crate::backend_test;
use crate::common::TestApp;

const SNAPSHOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/snapshots/openapi.json");

backend_test!(
    openapi_document_matches_the_routes,
    |app: TestApp| async move {
        let doc: serde_json::Value = app.get("/api/openapi.json").await.json().await.unwrap();
        assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
        let mut documented = BTreeSet::new();
        for (path, item) in doc["paths"].as_object().unwrap() {
            for method in item.as_object().unwrap().keys() {
                documented.insert(format!("{} {path}", method.to_uppercase()));
            }
        }
        let routes = ikon::app::router::routes();
        let served: BTreeSet<String> = routes
            .entries()
            .iter()
            .filter(|e| e.kind == Kind::Api)
            .map(|e| format!("{} {}", e.method, e.path))
            .collect();
        assert_eq!(served, documented);
        let unmarked: Vec<_> = routes
            .entries()
            .iter()
            .filter(|e| e.path.starts_with("/api/v1/") && e.kind != Kind::Api)
            .collect();
        assert!(
            unmarked.is_empty(),
            "API routes registered without their OpenAPI description: {unmarked:#?}"
        );
        assert!(doc["components"]["securitySchemes"]["api_token"].is_object());
        assert!(doc["components"]["schemas"]["ErrorBody"].is_object());

        let pretty = serde_json::to_string_pretty(&doc).unwrap() + "\n";
        if std::env::var_os("IKON_UPDATE_SNAPSHOTS").is_some() {
            std::fs::write(SNAPSHOT, &pretty).unwrap();
        }
        let kept = std::fs::read_to_string(SNAPSHOT).unwrap_or_default();
        assert!(
            kept == pretty,
            "the OpenAPI document changed; review the difference and run \
             IKON_UPDATE_SNAPSHOTS=1 cargo nextest run openapi to accept it"
        );
    }
);
