//! The bulletin in the JSON API: the list with the page's filters and one
//! post; each post says its `type` and `audience`; outside readers get
//! public posts only.

use serde_json::Value;

use super::*;
use crate::backend_test;
use crate::common::fixtures::Post;

async fn json(browser: &Browser, path: &str, status: StatusCode) -> Value {
    let response = browser.get(path).await;
    assert_eq!(response.status(), status, "{path}");
    response.json().await.unwrap()
}

backend_test!(
    the_api_lists_posts_with_type_and_audience,
    |app: TestApp| async move {
        let s = setup(&app).await;
        let net = s.net;
        let call = Post::new(net, "Förderaufruf Integration")
            .public()
            .funding_call(&day(14))
            .with(|r| r.tags = vec!["work".into()])
            .create(&app)
            .await;
        let internal = Post::new(net, "Interne Notiz").create(&app).await;
        let anonymous = app.new_browser();
        let page = json(
            &anonymous,
            &format!("/api/v1/networks/{net}/posts"),
            StatusCode::OK,
        )
        .await;
        assert_eq!(page["total"], 1);
        let post = &page["posts"][0];
        assert_eq!(post["type"], "funding_call");
        assert_eq!(post["audience"], "public");
        assert_eq!(post["deadline"], day(14));
        assert_eq!(post["details"]["funder_level"], "land");
        assert!(post["url"].as_str().unwrap().starts_with(&app.base));
        // Members read the internal ones too.
        let page = json(
            &s.member,
            &format!("/api/v1/networks/{net}/posts"),
            StatusCode::OK,
        )
        .await;
        assert_eq!(page["total"], 2);
        let audiences: Vec<&str> = page["posts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["audience"].as_str().unwrap())
            .collect();
        assert!(audiences.contains(&"network") && audiences.contains(&"public"));
        // The page's filters.
        for (query, total) in [
            ("type=funding_call", 1),
            ("type=news", 1),
            ("tag=work", 1),
            ("deadline_within=7", 0),
            ("deadline_within=14", 1),
            ("q=Notiz", 1),
        ] {
            let page = json(
                &s.member,
                &format!("/api/v1/networks/{net}/posts?{query}"),
                StatusCode::OK,
            )
            .await;
            assert_eq!(page["total"], total, "{query}");
        }
        // One post.
        let one = json(
            &anonymous,
            &format!("/api/v1/networks/{net}/posts/{call}"),
            StatusCode::OK,
        )
        .await;
        assert_eq!(one["title"], "Förderaufruf Integration");
        json(
            &anonymous,
            &format!("/api/v1/networks/{net}/posts/{internal}"),
            StatusCode::UNAUTHORIZED,
        )
        .await;
        let one = json(
            &s.member,
            &format!("/api/v1/networks/{net}/posts/{internal}"),
            StatusCode::OK,
        )
        .await;
        assert_eq!(one["audience"], "network");
        json(
            &anonymous,
            "/api/v1/networks/999999/posts",
            StatusCode::NOT_FOUND,
        )
        .await;
        // In the OpenAPI document.
        let doc = json(&anonymous, "/api/openapi.json", StatusCode::OK).await;
        assert!(doc["paths"]["/api/v1/networks/{network_id}/posts"]["get"].is_object());
        assert!(doc["paths"]["/api/v1/networks/{network_id}/posts/{post_id}"]["get"].is_object());
        let view = &doc["components"]["schemas"]["PostView"]["properties"];
        assert!(view["type"].is_object() && view["audience"].is_object());
    }
);
