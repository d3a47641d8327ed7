//! The printed Wegweiser's own words in each of its languages, from the
//! Fluent files: the public languages (`Lang::PUBLIC`), with the names of
//! fields and costs the web pages use.

use serde::Serialize;

use crate::{
    core::i18n::{Lang, cldr_language_name},
    offers::model::{COSTS, FIELDS},
};

/// The headings and captions the Typst template prints.
#[derive(Clone, Debug, Serialize)]
pub struct Labels {
    pub title: String,
    pub contents: String,
    pub as_of: String,
    pub page: String,
    pub provider: String,
    pub address: String,
    pub phone: String,
    pub email: String,
    pub website: String,
    pub hours: String,
    pub languages: String,
    pub cost: String,
    pub appointment: String,
    pub online: String,
    pub empty: String,
    pub closed_otherwise: String,
    #[serde(skip)]
    pub weekdays: [String; 7],
    #[serde(skip)]
    lang: Lang,
}

impl Labels {
    pub fn of(lang: Lang) -> Labels {
        let t = |key: &str| lang.t(&format!("wegweiser-{key}"));
        Labels {
            title: t("title"),
            contents: t("contents"),
            as_of: t("as-of"),
            page: t("page"),
            provider: t("provider"),
            address: t("address"),
            phone: t("phone"),
            email: t("email"),
            website: t("website"),
            hours: t("hours"),
            languages: t("languages"),
            cost: t("cost"),
            appointment: t("appointment"),
            online: t("online"),
            empty: t("empty"),
            closed_otherwise: t("closed-otherwise"),
            weekdays: lang.weekdays(),
            lang,
        }
    }

    /// The name of a field of integration (codes of `model::FIELDS`;
    /// anything else is "other").
    pub fn field(&self, code: &str) -> String {
        let code = if FIELDS.contains(&code) {
            code
        } else {
            "other"
        };
        self.lang.t(&format!("offer-field-{code}"))
    }

    /// The name of a cost code (`model::COSTS`), or the code itself.
    pub fn cost_name(&self, code: &str) -> String {
        if COSTS.contains(&code) {
            self.lang.t(&format!("offer-cost-{code}"))
        } else {
            code.to_string()
        }
    }
}

/// A language's own name (from CLDR) where the PDF fonts cover its
/// script (Latin, Greek, Cyrillic, Arabic), otherwise its English name;
/// codes CLDR does not know stay codes.
pub fn language_name(code: &str) -> String {
    cldr_language_name(code, code)
        .filter(|name| name.chars().all(printable))
        .map(|name| capitalised(&name))
        .or_else(|| cldr_language_name("en", code))
        .unwrap_or_else(|| code.to_string())
}

/// Whether the PDF fonts have the character.
fn printable(c: char) -> bool {
    !c.is_alphabetic()
        || matches!(c as u32,
            0x0000..=0x024F | 0x1E00..=0x1EFF // Latin
            | 0x0370..=0x03FF // Greek
            | 0x0400..=0x052F // Cyrillic
            | 0x0600..=0x06FF | 0x0750..=0x077F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF) // Arabic
}

/// "русский" → "Русский": a list of names in a printed guide.
fn capitalised(name: &str) -> String {
    let mut chars = name.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::language_name;

    #[test]
    fn languages_are_named_in_their_own_words_where_the_fonts_allow() {
        assert_eq!(language_name("ru"), "Русский");
        assert_eq!(language_name("ar"), "العربية");
        assert_eq!(language_name("tr"), "Türkçe");
        assert_eq!(language_name("ti"), "Tigrinya");
        assert_eq!(language_name("zz9"), "zz9");
    }
}
