//! The public offer page in words: ages, in every direction.

use super::*;

backend_test!(
    ages_read_as_words_in_every_direction,
    |app: TestApp| async move {
        let logins = app.demo().await;
        let (net, org) = (logins.network_id, logins.member_organization_id);
        let mut offers = Vec::new();
        for (title, min, max) in [
            ("Beratung für Erwachsene", Some(27), Some(120)),
            ("Jugendmigrationsdienst", Some(12), Some(27)),
            ("Krabbelgruppe", None, Some(6)),
        ] {
            let id = crate::common::fixtures::Offer::new(net, org, title)
                .with(|r| {
                    r.age_min = min;
                    r.age_max = max;
                })
                .create(&app)
                .await;
            offers.push(format!("/networks/{net}/offers/{id}"));
        }
        let page = async |path: &str| text_with_status(app.get(path).await, StatusCode::OK).await;
        assert!(page(&offers[0]).await.contains("ab 27 Jahren"));
        assert!(
            page(&offers[1])
                .await
                .contains("\u{2066}12–27\u{2069} Jahre")
        );
        assert!(page(&offers[2]).await.contains("bis 6 Jahre"));
        let english = page(&format!("{}?lang=en", offers[0])).await;
        assert!(english.contains("from 27"), "{english}");
        assert!(!english.contains("120"), "no made-up upper bound");
        // Right to left: the range is isolated left to right, so it does
        // not read 27–12.
        let arabic = page(&format!("{}?lang=ar", offers[1])).await;
        assert!(arabic.contains("\u{2066}12–27\u{2069} سنة"), "{arabic}");
    }
);

backend_test!(
    the_offer_page_says_whether_it_is_open_now,
    |app: TestApp| async move {
        let logins = app.demo().await;
        let (net, org) = (logins.network_id, logins.member_organization_id);
        let always = crate::common::fixtures::Offer::new(net, org, "Notruftelefon")
            .with(|r| {
                r.places = vec![ikon::offers::model::PlaceRecord {
                    opening_hours: "24/7".into(),
                    ..Default::default()
                }]
            })
            .create(&app)
            .await;
        let office = crate::common::fixtures::Offer::new(net, org, "Sprechstunde")
            .with(|r| {
                r.places = vec![ikon::offers::model::PlaceRecord {
                    opening_hours: "Mo-Fr 09:00-12:00".into(),
                    ..Default::default()
                }]
            })
            .create(&app)
            .await;
        let page = async |id: i64, lang: &str| {
            text_with_status(
                app.get(&format!("/networks/{net}/offers/{id}?lang={lang}"))
                    .await,
                StatusCode::OK,
            )
            .await
        };
        let de = page(always, "de").await;
        assert!(
            de.contains("<strong class=\"offer-now\">Jetzt geöffnet</strong>"),
            "{de}"
        );
        let en = page(always, "en").await;
        assert!(
            en.contains("<strong class=\"offer-now\">Open now</strong>"),
            "{en}"
        );
        // Office hours: open until noon or closed until the next opening,
        // whatever the moment of the test.
        let office_de = page(office, "de").await;
        assert!(
            office_de.contains("Jetzt geöffnet, bis 12:00 Uhr")
                || office_de.contains("Jetzt geschlossen – öffnet "),
            "{office_de}"
        );
        let office_ar = page(office, "ar").await;
        assert!(
            office_ar.contains("مفتوح الآن حتى الساعة 12:00")
                || office_ar.contains("مغلق الآن – يفتح"),
            "{office_ar}"
        );
    }
);
