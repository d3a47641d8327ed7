//! Paged lists, date filters and bad values.

use super::*;

backend_test!(lists_page_with_next_links, |app: TestApp| async move {
    let f = fixture(&app).await;
    let first = app.url(&format!(
        "/oparl/v1/body/{}/organizations?limit=2",
        f.network_id
    ));
    let mut next = Some(first);
    let mut ids = Vec::new();
    let mut total = 0;
    while let Some(url) = next {
        let page = get_ok(&app, &url).await;
        assert_eq!(page["pagination"]["elementsPerPage"], 2);
        total = page["pagination"]["totalElements"].as_u64().unwrap();
        let data = page["data"].as_array().unwrap();
        assert!(data.len() <= 2);
        ids.extend(data.iter().map(|o| o["id"].as_str().unwrap().to_string()));
        next = page["links"]["next"].as_str().map(str::to_string);
    }
    let members: i64 = sqlx::query("SELECT COUNT(*) AS n FROM memberships WHERE network_id = $1")
        .bind(f.network_id)
        .fetch_one(app.db().pool())
        .await
        .unwrap()
        .get("n");
    assert_eq!(total as i64, members + 1, "members plus the conference");
    assert_eq!(ids.len() as u64, total);
    let unique: BTreeSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "no object twice");

    // The page size is capped; omit_internal drops embedded objects.
    let url = app.url(&format!(
        "/oparl/v1/body/{}/meetings?limit=5000&omit_internal=true",
        f.network_id
    ));
    let page = get_ok(&app, &url).await;
    assert_eq!(page["pagination"]["elementsPerPage"], 100);
    let meeting = &page["data"][0];
    assert!(meeting["id"].is_string());
    assert!(meeting.get("agendaItem").is_none() && meeting.get("location").is_none());
});

backend_test!(date_filters_and_bad_values, |app: TestApp| async move {
    let f = fixture(&app).await;
    for table in ["meetings", "agenda_items", "decisions"] {
        let sql = match table {
            "meetings" => "UPDATE meetings SET created_at = $1, updated_at = $1 WHERE id = $2",
            "agenda_items" => {
                "UPDATE agenda_items SET created_at = $1, updated_at = $1 WHERE meeting_id = $2"
            }
            _ => {
                "UPDATE decisions SET updated_at = $1 WHERE agenda_item_id IN (SELECT id FROM agenda_items WHERE meeting_id = $2)"
            }
        };
        sqlx::query(sql)
            .bind(OLD)
            .bind(f.invited)
            .execute(app.db().pool())
            .await
            .unwrap();
    }
    let list = |query: &str| app.url(&format!("/oparl/v1/body/{}/meetings?{query}", f.network_id));
    let ids = |page: &Value| -> Vec<String> {
        page["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["id"].as_str().unwrap().to_string())
            .collect()
    };
    let invited = app.url(&format!("/oparl/v1/meeting/{}", f.invited));
    let held = app.url(&format!("/oparl/v1/meeting/{}", f.held));

    let old = get_ok(&app, &list("modified_until=2021-01-01T00:00:00%2B01:00")).await;
    assert_eq!(ids(&old), vec![invited.clone()]);
    let new = get_ok(&app, &list("modified_since=2021-01-01T00:00:00Z")).await;
    assert!(ids(&new).contains(&held) && !ids(&new).contains(&invited));
    let created = get_ok(
        &app,
        &list("created_since=2019-12-31T23:00:00Z&created_until=2020-01-01T01:00:00Z"),
    )
    .await;
    assert_eq!(ids(&created), vec![invited.clone()]);
    // The next link keeps the filter.
    let paged = get_ok(&app, &list("modified_since=2021-01-01T00:00:00Z&limit=1")).await;
    assert!(
        paged["links"]["first"]
            .as_str()
            .unwrap()
            .contains("modified_since=2021-01-01T00%3A00%3A00Z")
    );

    for bad in [
        "created_since=2026-01-01",
        "modified_until=yesterday",
        "modified_since=2026-01-01T00:00:00",
        "limit=abc",
        "limit=0",
    ] {
        let (status, body) = fetch(&app, &list(bad)).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}");
        assert_eq!(body["code"], "invalid_parameter", "{bad}");
        let name = bad.split('=').next().unwrap();
        assert!(body["message"].as_str().unwrap().contains(name), "{body}");
    }
});
