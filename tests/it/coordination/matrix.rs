//! Gaps, overlaps and unconfirmed cells against hand-made cases, through
//! the JSON API and the grid page.

use ikon::offers::model::Status;

use super::*;
use crate::backend_test;
use crate::common::fixtures::Offer;

backend_test!(
    gaps_overlaps_and_unconfirmed_cells_follow_the_agreements,
    |app: TestApp| async move {
        let k = kreis(&app).await;
        let [a, b, c, d] = k.orgs;
        let (m1, m2, m3, m4) = (
            k.municipalities[0].as_str(),
            k.municipalities[1].as_str(),
            k.municipalities[2].as_str(),
            k.municipalities[3].as_str(),
        );
        // Kreis-wide lead for work × refugees; m1 has a lead of its own.
        agree(&app, &k, agreement("", "work", "refugees", &[(a, "lead")])).await;
        agree(
            &app,
            &k,
            agreement(m1, "work", "refugees", &[(b, "lead"), (c, "informed")]),
        )
        .await;
        // Two leads for language × women in m2.
        agree(&app, &k, agreement(m2, "language", "women", &[(a, "lead")])).await;
        agree(
            &app,
            &k,
            agreement(m2, "language", "women", &[(c, "lead"), (d, "involved")]),
        )
        .await;
        // Only involved for school × seniors in m3: still a gap.
        agree(
            &app,
            &k,
            agreement(m3, "school", "seniors", &[(b, "involved")]),
        )
        .await;
        // A lead that ended: a gap today, none on a day it held.
        let mut ended = agreement(m4, "health", "families", &[(d, "lead")]);
        ended["valid_from"] = json!("2020-01-01");
        ended["valid_until"] = json!("2020-12-31");
        agree(&app, &k, ended).await;
        // D's published offer in m3 for counselling × families: unconfirmed.
        Offer::new(k.network_id, d, "Familienberatung")
            .with(|r| {
                r.field = "counselling".into();
                r.target_groups = vec!["families".into()];
                r.places = vec![ikon::offers::model::PlaceRecord {
                    municipality_key: Some(m3.to_string()),
                    ..Default::default()
                }];
            })
            .create(&app)
            .await;
        // A draft offer covers nothing.
        Offer::new(k.network_id, c, "Entwurf")
            .status(Status::Draft)
            .with(|r| {
                r.field = "leisure".into();
                r.target_groups = vec!["young_people".into()];
                r.places = vec![ikon::offers::model::PlaceRecord {
                    municipality_key: Some(m3.to_string()),
                    ..Default::default()
                }];
            })
            .create(&app)
            .await;

        let today = matrix(&app, k.network_id, &k.token, "").await;
        let gaps = cells(&today["gaps"]);
        let overlaps = cells(&today["overlaps"]);
        let unconfirmed = cells(&today["unconfirmed"]);
        // 1 Kreis + every municipality, 10 fields × 6 target groups.
        let total = (k.municipalities.len() + 1) * 10 * 6;
        // Covered: the Kreis cell and every municipality for work ×
        // refugees, m2 language × women (twice over).
        assert_eq!(
            gaps.len(),
            total - (k.municipalities.len() + 1) - 1,
            "{gaps:?}"
        );
        for covered in [
            cell("", "work", "refugees"),
            cell(m1, "work", "refugees"),
            cell(m4, "work", "refugees"),
            cell(m2, "language", "women"),
        ] {
            assert!(!gaps.contains(&covered), "{covered:?} is no gap");
        }
        for gap in [
            cell(m3, "school", "seniors"),
            cell(m4, "health", "families"),
            cell("", "language", "women"),
            cell(m3, "counselling", "families"),
        ] {
            assert!(gaps.contains(&gap), "{gap:?} is a gap");
        }
        assert_eq!(overlaps, [cell(m2, "language", "women")]);
        assert_eq!(unconfirmed, [cell(m3, "counselling", "families")]);
        assert_eq!(
            today["unconfirmed"][0]["providers"][0]["organization"],
            "Jobcenter"
        );
        // The overlap's cell names both leads and the involved one.
        let roles: Vec<(&str, &str)> = today["overlaps"][0]["parties"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                (
                    p["organization"].as_str().unwrap(),
                    p["role"].as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            roles,
            [
                ("Caritas", "lead"),
                ("VHS", "lead"),
                ("Jobcenter", "involved")
            ]
        );
        // Only agreements that hold today are listed.
        assert_eq!(today["agreements"].as_array().unwrap().len(), 5);

        // On a day in 2020 only the ended agreement held.
        let then = matrix(&app, k.network_id, &k.token, "?on=2020-06-01").await;
        assert!(!cells(&then["gaps"]).contains(&cell(m4, "health", "families")));
        assert!(cells(&then["gaps"]).contains(&cell(m1, "work", "refugees")));
        assert!(cells(&then["overlaps"]).is_empty());
        assert_eq!(then["agreements"].as_array().unwrap().len(), 1);

        // The grid page: fields × target groups of m2 marks the overlap;
        // the group view marks m3's unconfirmed cell.
        let page = k
            .coordinator
            .get(&format!(
                "/networks/{}/responsibilities?municipality={m2}",
                k.network_id
            ))
            .await;
        assert_eq!(page.status(), StatusCode::OK);
        let html = page.text().await.unwrap();
        assert_eq!(html.matches("resp-mark resp-overlap").count(), 1, "{html}");
        assert!(html.contains("Caritas") && html.contains("VHS"));
        let page = k
            .coordinator
            .get(&format!(
                "/networks/{}/responsibilities?target_group=families",
                k.network_id
            ))
            .await;
        let html = page.text().await.unwrap();
        assert_eq!(html.matches("resp-mark resp-unconfirmed").count(), 1);
        assert!(html.contains("from_offers=1"));
    }
);

backend_test!(
    a_proposal_from_the_offers_names_their_providers,
    |app: TestApp| async move {
        let k = kreis(&app).await;
        let m1 = k.municipalities[0].clone();
        Offer::new(k.network_id, k.orgs[2], "Sprachcafé")
            .with(|r| {
                r.field = "language".into();
                r.target_groups = vec!["women".into(), "families".into()];
                r.places = vec![ikon::offers::model::PlaceRecord {
                    municipality_key: Some(m1.clone()),
                    ..Default::default()
                }];
            })
            .create(&app)
            .await;
        let page = k
            .coordinator
            .get(&format!(
                "/networks/{}/responsibilities/new?municipality={m1}&field=language&target_group=women&from_offers=1",
                k.network_id
            ))
            .await;
        assert_eq!(page.status(), StatusCode::OK);
        let html = page.text().await.unwrap();
        let select = format!("name=\"role_{}\"", k.orgs[2]);
        let at = html.find(&select).expect("a role for VHS");
        let rest = &html[at..];
        let end = rest.find("</select>").unwrap();
        assert!(
            rest[..end].contains("value=\"involved\" selected"),
            "{}",
            &rest[..end]
        );
        // The other organisations are not named.
        let other = format!("name=\"role_{}\"", k.orgs[0]);
        let rest = &html[html.find(&other).unwrap()..];
        assert!(!rest[..rest.find("</select>").unwrap()].contains(" selected"));
    }
);
