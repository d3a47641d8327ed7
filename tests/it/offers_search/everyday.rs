//! Searches as newcomers and counsellors type them, against the demo
//! network's offers: everyday phrases, several words, misspellings,
//! umlauts typed as ae/oe/ue/ss, and queries in English, Arabic, Turkish,
//! Ukrainian and Farsi against the translated offers. Each query names the
//! offers of which one must be among the first three.

use super::*;

const MBE: &str = "Migrationsberatung für Erwachsene (MBE)";
const JMD: &str = "Jugendmigrationsdienst Neustadt a.d.Aisch";
const JMD_WINDSHEIM: &str = "Jugendmigrationsdienst – Sprechstunde Bad Windsheim";
const REFUGEES: &str = "Flüchtlings- und Integrationsberatung Steigerwald";
const MBE_UFFENHEIM: &str = "Migrationsberatung – Außensprechstunde Uffenheim";
const LITERACY: &str = "Integrationskurs mit Alphabetisierung";
const EVENING: &str = "Integrationskurs am Abend";
const JOB_GERMAN: &str = "Deutsch für den Beruf B2";
const PARENTS_GERMAN: &str = "Deutschkurs für Eltern mit Kinderbetreuung";
const VACCINATION: &str = "Impfberatung für Neuzugewanderte";
const PREGNANCY: &str = "Schwangerenberatung und Frühe Hilfen";
const IMMIGRATION_OFFICE: &str = "Sprechstunde der Ausländerbehörde";
const EDUCATION: &str = "Bildungsberatung für Neuzugewanderte";
const GERMAN_CLASSES: &str = "Deutschklassen an Mittelschulen";
const HOMEWORK: &str = "Hausaufgabenhilfe mit Lesepaten";
const PARENTS_CAFE: &str = "Elterncafé";
const RECOGNITION: &str = "Beratung zur Anerkennung ausländischer Berufsabschlüsse";
const CAREERS: &str = "Berufsberatung für junge Zugewanderte";
const PLACEMENT: &str = "Arbeitsvermittlung für Geflüchtete";
const JOB_CAFE: &str = "Jobcafé Bad Windsheim";
const APPRENTICESHIP: &str = "Ausbildung mit Sprachförderung im Metallbau";
const WOMEN_BREAKFAST: &str = "Interkulturelles Frauenfrühstück";
const LANGUAGE_CAFE: &str = "Sprachcafé Bad Windsheim";
const UKRAINIAN_FAMILIES: &str = "Ukrainischer Familientreff";
const UKRAINIAN_TABLE: &str = "Deutsch-Ukrainischer Stammtisch";
const NEIGHBOURS: &str = "Nachbarschaftshilfe Uffenheim";
const CHILDREN_GROUP: &str = "Arabisch-deutsche Kindergruppe";
const POLICE: &str = "Sicher unterwegs – Präventionsabend";
const FOOTBALL: &str = "Fußball für alle";
const SWIMMING: &str = "Schwimmkurs für Frauen";
const CYCLING: &str = "Radfahrkurs für Erwachsene";
const HOUSING_MENTORS: &str = "Wohnungspaten Scheinfeld";
const CLOTHES: &str = "Kleiderkammer und Fahrradwerkstatt";
const WELCOME: &str = "Willkommensmappe und Anmeldung";
const SENIORS: &str = "Seniorentreff international";
const PLAYGROUP: &str = "Krabbelgruppe für Familien";
const COMPUTER: &str = "Computerkurs für Ältere";
const EU_CITIZENS: &str = "Beratung für EU-Bürgerinnen und -Bürger";
const FIRST_AID: &str = "Erste-Hilfe-Kurs mit einfacher Sprache";
const TENANTS: &str = "Mieterschulung „Gut wohnen“";
const RETURN: &str = "Rückkehrberatung";

/// query → offers of which one must be among the first three.
const EVERYDAY: &[(&str, &[&str])] = &[
    // Everyday German
    ("Flüchtlingsberatung", &[REFUGEES]),
    ("Beratung Jugendliche", &[JMD, JMD_WINDSHEIM, CAREERS]),
    ("Wohnung finden", &[HOUSING_MENTORS, TENANTS]),
    ("Kita Platz", &[PLAYGROUP, CHILDREN_GROUP, PARENTS_GERMAN]),
    ("Ausländeramt", &[IMMIGRATION_OFFICE]),
    ("Arbeit suchen", &[JOB_CAFE, PLACEMENT]),
    (
        "Deutsch lernen",
        &[PARENTS_GERMAN, LANGUAGE_CAFE, LITERACY, JOB_GERMAN],
    ),
    ("Deutschkurs mit Kinderbetreuung", &[PARENTS_GERMAN]),
    ("Integrationskurs abends", &[EVENING]),
    ("lesen und schreiben lernen", &[LITERACY]),
    ("Alphabetisierungskurs", &[LITERACY]),
    ("Aufenthaltstitel verlängern", &[IMMIGRATION_OFFICE]),
    ("Impfung Kinder", &[VACCINATION]),
    ("schwanger", &[PREGNANCY]),
    ("Abschluss anerkennen", &[RECOGNITION]),
    ("Anerkennung Berufsabschluss", &[RECOGNITION]),
    ("Zeugnis anerkennen lassen", &[RECOGNITION]),
    ("Ausbildungsplatz", &[APPRENTICESHIP, CAREERS]),
    ("Hilfe bei der Bewerbung", &[JOB_CAFE, CAREERS]),
    ("Job", &[JOB_CAFE, PLACEMENT]),
    ("Hausaufgaben Hilfe", &[HOMEWORK]),
    ("Nachhilfe", &[HOMEWORK]),
    (
        "Schule für mein Kind",
        &[GERMAN_CLASSES, EDUCATION, PARENTS_CAFE],
    ),
    ("Fahrrad", &[CLOTHES, CYCLING]),
    ("Fahrrad fahren lernen", &[CYCLING]),
    ("Schwimmen Frauen", &[SWIMMING]),
    ("Kleidung günstig", &[CLOTHES]),
    ("Anmeldung Wohnsitz", &[WELCOME]),
    ("Mietvertrag", &[HOUSING_MENTORS, TENANTS]),
    ("Müll trennen", &[TENANTS]),
    ("Frauen treffen", &[WOMEN_BREAKFAST, SWIMMING]),
    ("Senioren", &[SENIORS]),
    ("Computer lernen", &[COMPUTER]),
    ("Smartphone Kurs", &[COMPUTER]),
    ("Erste Hilfe", &[FIRST_AID]),
    ("Polizei", &[POLICE]),
    ("Rückkehr in die Heimat", &[RETURN]),
    ("Asyl", &[REFUGEES]),
    ("Asylverfahren Beratung", &[REFUGEES]),
    ("Ukraine", &[UKRAINIAN_FAMILIES, UKRAINIAN_TABLE]),
    ("Arbeitsrecht EU", &[EU_CITIZENS]),
    ("Krankenversicherung", &[EU_CITIZENS]),
    ("Begleitung zum Amt", &[NEIGHBOURS]),
    ("Formulare ausfüllen", &[NEIGHBOURS]),
    ("Migrationsberatung Uffenheim", &[MBE_UFFENHEIM]),
    ("Kinder spielen", &[CHILDREN_GROUP, PLAYGROUP]),
    // Misspelt, or umlauts typed as ae/oe/ue/ss
    ("Migrationsberatng", &[MBE, MBE_UFFENHEIM]),
    ("Integrasionskurs", &[LITERACY, EVENING]),
    ("Deutschkurz", &[PARENTS_GERMAN]),
    ("Jugendmigratiosdienst", &[JMD, JMD_WINDSHEIM]),
    ("Auslaenderbehoerde", &[IMMIGRATION_OFFICE]),
    ("Kinderbetreung", &[PARENTS_GERMAN]),
    ("Fluechtlinge", &[REFUGEES, PLACEMENT]),
    ("Fussball", &[FOOTBALL]),
    ("Frauenfruehstueck", &[WOMEN_BREAKFAST]),
    // English
    ("migration counselling adults", &[MBE]),
    ("refugee counselling", &[REFUGEES]),
    ("vaccination", &[VACCINATION]),
    ("integration course literacy", &[LITERACY]),
    ("Ukrainian family", &[UKRAINIAN_FAMILIES]),
    // Arabic
    ("استشارة اللاجئين", &[REFUGEES]),
    ("التوظيف", &[PLACEMENT]),
    ("مقهى الأهالي", &[PARENTS_CAFE]),
    // Turkish
    ("göç danışmanlığı", &[MBE]),
    ("entegrasyon kursu", &[LITERACY, EVENING]),
    ("kadın kahvaltısı", &[WOMEN_BREAKFAST]),
    // Ukrainian
    ("консультування біженців", &[REFUGEES]),
    ("працевлаштування", &[PLACEMENT]),
    ("інтеграційний курс", &[LITERACY]),
    // Farsi
    ("مشاوره پناهندگان", &[REFUGEES]),
];

/// The share of the set that must pass.
const MUST_PASS: f64 = 0.95;

/// The demo network with its offers, all in the index.
async fn demo_offers(app: &TestApp) {
    let logins = app.demo().await;
    ikon::demo::load_offers(app.db(), logins.network_id)
        .await
        .unwrap();
    let published: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM offers WHERE status = 'published'")
            .fetch_one(app.db().pool())
            .await
            .unwrap();
    eventually("the demo offers are indexed", async || {
        let (_, body) = search(app, &[]).await;
        body["total"].as_i64() == Some(published)
    })
    .await;
}

backend_test!(everyday_searches, |app: TestApp| async move {
    demo_offers(&app).await;
    let mut misses = Vec::new();
    let mut empty = Vec::new();
    for (query, wanted) in EVERYDAY {
        let (status, body) = search(&app, &[("q", query), ("per_page", "3")]).await;
        assert_eq!(status, StatusCode::OK, "{query}: {body}");
        if body["total"] == 0 {
            empty.push(*query);
        }
        let found = titles(&body);
        if !wanted.iter().any(|w| found.iter().any(|f| f == w)) {
            misses.push(format!("{query:?} → {found:?}"));
        }
    }
    let passed = EVERYDAY.len() - misses.len();
    eprintln!(
        "everyday searches: {passed} of {} in the top 3; misses:\n{}",
        EVERYDAY.len(),
        misses.join("\n")
    );
    assert!(EVERYDAY.len() >= 60, "the set keeps at least 60 queries");
    assert!(empty.is_empty(), "queries without any offer: {empty:?}");
    assert!(
        passed as f64 >= MUST_PASS * EVERYDAY.len() as f64,
        "only {passed} of {} passed:\n{}",
        EVERYDAY.len(),
        misses.join("\n")
    );
});

backend_test!(relaxed_search_says_so, |app: TestApp| async move {
    demo_offers(&app).await;
    // "finden" is in no offer: the search relaxes and says so.
    let (_, body) = search(&app, &[("q", "Wohnung finden")]).await;
    assert_eq!(body["relaxed"]["at_least"], 1, "{body}");
    assert_eq!(body["relaxed"]["of"], 2, "{body}");
    let html = app
        .get("/search?q=Wohnung+finden")
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("Nicht alle Ihre Suchbegriffe"), "{html}");
    // Offers matching both words rank above those matching one.
    let (_, body) = search(&app, &[("q", "Migrationsberatung Uffenheim")]).await;
    assert_eq!(titles(&body)[0], MBE_UFFENHEIM, "{body}");
    // A search every word of which matches says nothing of the kind.
    let (_, body) = search(&app, &[("q", "Flüchtlingsberatung")]).await;
    assert!(body.get("relaxed").is_none(), "{body}");
    assert_eq!(titles(&body)[0], REFUGEES);

    // A typo that finds nothing gets a suggestion, as a link on the page.
    let (_, body) = search(&app, &[("q", "Krus")]).await;
    assert_eq!(body["total"], 0, "{body}");
    assert_eq!(body["suggestion"], "kurs", "{body}");
    let html = app
        .get("/search?q=Krus&lang=en")
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("Did you mean:"), "{html}");
    assert!(html.contains("q=kurs"), "{html}");
    // Words that exist nowhere get none.
    let (_, body) = search(&app, &[("q", "Quantenchromodynamik")]).await;
    assert!(body.get("suggestion").is_none(), "{body}");
});
