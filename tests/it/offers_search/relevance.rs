//! Relevance, filters and facets, and hostile input.

use super::*;

backend_test!(relevance, |app: TestApp| async move {
    let ids_by_fixture = fixtures(&app).await;
    let mut failures = Vec::new();
    for (query, wanted) in RELEVANCE {
        let (status, body) = search(&app, &[("q", query), ("per_page", "3")]).await;
        assert_eq!(status, StatusCode::OK, "{query}: {body}");
        if !ids(&body).contains(&ids_by_fixture[*wanted]) {
            failures.push(format!(
                "{query:?} → {:?}, wanted {:?}",
                titles(&body),
                FIXTURES[*wanted].title
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "not in the top 3:\n{}",
        failures.join("\n")
    );

    // Words that appear nowhere find nothing.
    let (_, body) = search(&app, &[("q", "Quantenchromodynamik")]).await;
    assert_eq!(body["total"], 0, "{body}");

    // The answer in a requested language uses the translation.
    let (_, body) = search(&app, &[("q", "MBE"), ("lang", "ar"), ("per_page", "1")]).await;
    assert_eq!(body["offers"][0]["title"], "استشارة الهجرة للبالغين");
    assert_eq!(body["offers"][0]["content_lang"], "ar");
});

backend_test!(filters_and_facets, |app: TestApp| async move {
    let ids_by_fixture = fixtures(&app).await;
    let (status, all) = search(&app, &[]).await;
    assert_eq!(status, StatusCode::OK);
    let total = all["total"].as_i64().unwrap();
    assert!(total >= FIXTURES.len() as i64, "{all}");
    assert_eq!(all["licence"], "dl-de/by-2-0");

    let (_, body) = search(&app, &[("field", "language")]).await;
    assert_eq!(body["total"], 3, "{body}");
    assert_eq!(all["facets"]["field"]["language"], 3, "{all}");
    assert_eq!(body["facets"]["type"]["language_course"], 1);
    assert_eq!(body["facets"]["type"]["integration_course"], 1);

    // Lists: several values of one filter are alternatives; filters combine.
    let (_, body) = search(&app, &[("field", "language,kindergarten")]).await;
    assert_eq!(body["total"], 4, "{body}");
    let (_, body) = search(&app, &[("field", "language"), ("free", "1")]).await;
    assert_eq!(titles(&body), ["Sprachkurs für Frauen mit Kinderbetreuung"]);
    let (_, body) = search(&app, &[("target_group", "young_people")]).await;
    assert_eq!(ids(&body), [ids_by_fixture[3]]);
    let (_, body) = search(&app, &[("language", "ru")]).await;
    assert_eq!(body["total"], 2, "{body}");
    assert_eq!(body["facets"]["language"]["ru"], 2);
    assert_eq!(body["facets"]["language"]["de"], 2);

    // Postal code: within 25 km of its centre, nearest first; Hamburg is out.
    let (_, body) = search(&app, &[("postal_code", "91413"), ("per_page", "200")]).await;
    let found = ids(&body);
    assert!(!found.contains(&ids_by_fixture[5]), "{body}");
    assert!(found.contains(&ids_by_fixture[1]));
    let distances: Vec<f64> = body["offers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["distance_km"].as_f64().unwrap())
        .collect();
    assert!(distances.windows(2).all(|w| w[0] <= w[1]), "{distances:?}");
    let (_, body) = search(&app, &[("near", "53.55,10.0"), ("radius_km", "5")]).await;
    assert_eq!(ids(&body), [ids_by_fixture[5]]);

    // Open now: the offer open around the clock is, the one without hours
    // is not.
    let (_, body) = search(&app, &[("open_now", "1"), ("per_page", "200")]).await;
    let open = ids(&body);
    assert!(open.contains(&ids_by_fixture[0]), "{body}");
    assert!(!open.contains(&ids_by_fixture[3]));

    // Region: the Kreis of Neustadt a.d.Aisch-Bad Windsheim (09575).
    let (_, body) = search(&app, &[("region", "09575"), ("per_page", "200")]).await;
    assert!(!ids(&body).contains(&ids_by_fixture[5]), "{body}");

    // Pages.
    let (_, first) = search(&app, &[("per_page", "4")]).await;
    let (_, second) = search(&app, &[("per_page", "4"), ("page", "2")]).await;
    assert_eq!(ids(&first).len(), 4);
    assert!(ids(&first).iter().all(|id| !ids(&second).contains(id)));
    assert_eq!(first["total"], second["total"]);
});

backend_test!(bad_and_hostile_input, |app: TestApp| async move {
    fixtures(&app).await;
    type Case<'a> = (&'a [(&'a str, &'a str)], StatusCode, &'a str);
    let cases: &[Case] = &[
        (
            &[("field", "cooking")],
            StatusCode::BAD_REQUEST,
            "counselling",
        ),
        (
            &[("type", "x")],
            StatusCode::BAD_REQUEST,
            "integration_course",
        ),
        (
            &[("target_group", "aliens")],
            StatusCode::BAD_REQUEST,
            "refugees",
        ),
        (&[("language", "xx")], StatusCode::BAD_REQUEST, "ckb"),
        (&[("lang", "klingon")], StatusCode::BAD_REQUEST, "ar"),
        (
            &[("postal_code", "123")],
            StatusCode::BAD_REQUEST,
            "invalid_postal_code",
        ),
        (
            &[("postal_code", "9141a")],
            StatusCode::BAD_REQUEST,
            "invalid_postal_code",
        ),
        (&[("postal_code", "20000")], StatusCode::NOT_FOUND, "20095"),
        (
            &[("region", "99999999")],
            StatusCode::NOT_FOUND,
            "unknown_region",
        ),
        (
            &[("near", "north")],
            StatusCode::BAD_REQUEST,
            "invalid_near",
        ),
        (
            &[("radius_km", "-1")],
            StatusCode::BAD_REQUEST,
            "invalid_radius",
        ),
        (
            &[("per_page", "0")],
            StatusCode::BAD_REQUEST,
            "invalid_page",
        ),
        (
            &[("open_now", "maybe")],
            StatusCode::BAD_REQUEST,
            "invalid_open_now",
        ),
    ];
    for (query, status, needle) in cases {
        let (got, body) = search(&app, query).await;
        assert_eq!(got, *status, "{query:?}: {body}");
        assert!(body.to_string().contains(needle), "{query:?}: {body}");
    }

    let long = "Beratung ".repeat(1200);
    let hostile = [
        "\"((",
        "*",
        "\u{0}",
        "~^:()[]{}!+-&&||\\/",
        "title:Kita AND (field:x OR *)~2^3",
        "\"Deutschkurs",
        long.as_str(),
        "\u{202e}\u{feff}\u{7f}Kita\u{1b}[31m",
    ];
    for q in hostile {
        let (status, body) = search(&app, &[("q", q)]).await;
        assert_eq!(status, StatusCode::OK, "{q:?}: {body}");
        assert!(body["total"].is_number(), "{body}");
    }
    // Syntax characters are plain text: the word in them is still found.
    let (_, body) = search(&app, &[("q", "\"Kita\"~^*")]).await;
    assert_eq!(titles(&body)[0], "Kindertagesstätte Sonnenschein");
    // Control characters in the page are dropped too.
    let response = app
        .client
        .get(app.url("/search"))
        .query(&[("q", "\u{0}\"((Kita")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
});
