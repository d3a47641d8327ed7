//! The public pages speak the reader's language: in each of the public
//! languages other than German and English, no German interface text
//! shows on the search, finder or offer pages (offer texts without a
//! translation may stay German; they carry `lang="de"`).

use std::collections::BTreeMap;

use crate::common::{Backend, TestApp};

const LANGS: [&str; 5] = ["ar", "fa", "tr", "uk", "ru"];

/// The German message files the public pages draw on (the others hold
/// words of signed-in pages, some of which are also names in offer texts,
/// e.g. "Agentur für Arbeit").
const PUBLIC_FILES: [&str; 4] = ["main.ftl", "offers.ftl", "search.ftl", "geography.ftl"];

/// Single-line messages of a language, id → text; of the German files
/// only those of the public pages.
fn messages(lang: &str) -> BTreeMap<String, String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("locales")
        .join(lang);
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if lang == "de" && !PUBLIC_FILES.contains(&name.as_str()) {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for line in text.lines() {
            let starts_id = line.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
            if let (true, Some((id, value))) = (starts_id, line.split_once('=')) {
                out.insert(id.trim().to_string(), value.trim().to_string());
            }
        }
    }
    out
}

/// German texts a reader of `lang` would see because `lang` lacks them:
/// whole sentences and labels, without placeables.
fn untranslated(de: &BTreeMap<String, String>, lang: &str) -> Vec<String> {
    let own = messages(lang);
    // A word both languages write alike ("Telefon" in Turkish) is no
    // German left over.
    let alike: Vec<&String> = own.values().collect();
    de.iter()
        .filter(|(id, text)| !own.contains_key(*id) && !alike.contains(text))
        .map(|(_, text)| text.clone())
        .filter(|text| !text.contains('{') && text.chars().count() >= 6)
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn public_pages_show_no_german_interface_text() {
    let app = TestApp::start(Backend::Sqlite).await;
    let logins = app.demo().await;
    ikon::demo::load_offers(app.db(), logins.network_id)
        .await
        .unwrap();
    let offer: i64 = sqlx::query_scalar("SELECT MIN(id) FROM offers WHERE status = 'published'")
        .fetch_one(app.db().pool())
        .await
        .unwrap();
    let de = messages("de");
    let mut found = Vec::new();
    for lang in LANGS {
        let german = untranslated(&de, lang);
        for page in [
            format!("/search?lang={lang}&q=Beratung"),
            format!("/search?lang={lang}&q=Wohnung+finden"),
            format!("/search?lang={lang}&q=Krus"),
            format!("/finder?lang={lang}"),
            format!("/networks/{}/offers/{offer}?lang={lang}", logins.network_id),
        ] {
            let response = app.get(&page).await;
            assert_eq!(response.status(), 200, "{page}");
            let html = response.text().await.unwrap();
            // A sentence anywhere; a single word only as a whole element
            // text (offer texts may hold the same word).
            let shows = |t: &String| {
                if t.contains(' ') {
                    html.contains(t.as_str())
                } else {
                    html.contains(&format!(">{t}<"))
                }
            };
            for text in german.iter().filter(|t| shows(t)) {
                found.push(format!("{page}: {text:?}"));
            }
        }
    }
    // Languages spoken are names in the reader's language, not codes.
    let arabic: i64 = sqlx::query_scalar(
        "SELECT MIN(id) FROM offers WHERE status = 'published' AND languages LIKE '%ar%'",
    )
    .fetch_one(app.db().pool())
    .await
    .unwrap();
    let page = format!("/networks/{}/offers/{arabic}", logins.network_id);
    let html = app
        .get(&format!("{page}?lang=de"))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("Arabisch"), "{html}");
    let html = app
        .get(&format!("{page}?lang=ar"))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("العربية"), "{html}");
    assert!(
        found.is_empty(),
        "German interface text on public pages:\n{}",
        found.join("\n")
    );
}
