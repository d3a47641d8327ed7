//! The OpenAPI document describes exactly the JSON API the router serves.

use std::collections::BTreeSet;

use crate::backend_test;
use crate::common::TestApp;

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
        let served: BTreeSet<String> = ikon::app::router::routes()
            .entries()
            .iter()
            .filter(|e| e.path.starts_with("/api/v1/") || e.path == "/healthz")
            .map(|e| format!("{} {}", e.method, e.path))
            .collect();
        let undocumented: Vec<_> = served.difference(&documented).collect();
        let phantom: Vec<_> = documented.difference(&served).collect();
        assert!(
            undocumented.is_empty(),
            "API routes missing from the OpenAPI document: {undocumented:#?}"
        );
        assert!(
            phantom.is_empty(),
            "documented but not served: {phantom:#?}"
        );
        assert!(doc["components"]["securitySchemes"]["api_token"].is_object());
    }
);
