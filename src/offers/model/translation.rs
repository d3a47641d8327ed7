//! Translations of an offer's texts. Each remembers a hash of the German
//! source at save time, so a later change of the German text marks it
//! outdated without anyone having to.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{LANGUAGES, OfferRecord, is_rtl};

#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct Translation {
    #[serde(default)]
    pub lang: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub description: String,
    #[serde(default, skip_deserializing)]
    pub source_hash: String,
}

/// The hash of the German texts a translation is made from.
pub fn source_hash(record: &OfferRecord) -> String {
    let mut h = Sha256::new();
    for part in [&record.title, &record.summary, &record.description] {
        h.update(part.as_bytes());
        h.update([0x1f]);
    }
    hex::encode(h.finalize())
}

/// A language an offer can be translated into: a known one, not German.
pub fn target_lang(lang: &str) -> Option<&'static str> {
    LANGUAGES
        .iter()
        .find(|l| **l == lang && **l != "de")
        .copied()
}

/// How a language stands for an offer: `current`, `outdated` or `missing`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LangStatus {
    pub lang: String,
    pub status: &'static str,
    pub rtl: bool,
}

/// The status of English, of every language the offer is given in, and of
/// every language it has a translation for (`saved`: language and source
/// hash of each saved translation).
pub fn statuses(record: &OfferRecord, saved: &[(String, String)]) -> Vec<LangStatus> {
    let hash = source_hash(record);
    let mut langs: Vec<String> = vec!["en".into()];
    for l in record.languages.iter().chain(saved.iter().map(|(l, _)| l)) {
        if l != "de" && !langs.contains(l) {
            langs.push(l.clone());
        }
    }
    langs
        .into_iter()
        .map(|lang| {
            let status = match saved.iter().find(|(l, _)| *l == lang) {
                Some((_, h)) if *h == hash => "current",
                Some(_) => "outdated",
                None => "missing",
            };
            LangStatus {
                rtl: is_rtl(&lang),
                lang,
                status,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_follows_the_german_texts() {
        let mut r = OfferRecord {
            title: "Beratung".into(),
            ..OfferRecord::default()
        };
        let before = source_hash(&r);
        r.phone = "09161 1".into();
        assert_eq!(source_hash(&r), before);
        r.title = "Migrationsberatung".into();
        assert_ne!(source_hash(&r), before);
    }

    #[test]
    fn english_and_the_offers_languages_are_listed() {
        let r = OfferRecord {
            languages: vec!["de".into(), "ar".into()],
            ..OfferRecord::default()
        };
        let saved = vec![
            ("ar".to_string(), source_hash(&r)),
            ("tr".to_string(), "old".to_string()),
        ];
        let got: Vec<_> = statuses(&r, &saved)
            .into_iter()
            .map(|s| (s.lang, s.status))
            .collect();
        assert_eq!(
            got,
            [
                ("en".to_string(), "missing"),
                ("ar".to_string(), "current"),
                ("tr".to_string(), "outdated")
            ]
        );
    }
}
