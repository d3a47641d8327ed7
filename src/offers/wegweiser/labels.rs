//! The printed Wegweiser's own words in each of its languages, from the
//! Fluent files: the public languages (`Lang::PUBLIC`), with the names of
//! fields and costs the web pages use.

use serde::Serialize;

use crate::{
    core::i18n::Lang,
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

/// Names of languages in their own script where the PDF fonts cover it,
/// otherwise in English; unknown codes stay codes.
pub fn language_name(code: &str) -> &str {
    match code {
        "de" => "Deutsch",
        "en" => "English",
        "ar" => "العربية",
        "tr" => "Türkçe",
        "uk" => "Українська",
        "ru" => "Русский",
        "fa" => "فارسی",
        "ku" => "Kurdî",
        "ckb" => "کوردی",
        "kmr" => "Kurmancî",
        "ps" => "پښتو",
        "prs" => "دری",
        "ti" => "Tigrinya",
        "so" => "Soomaali",
        "am" => "Amharic",
        "fr" => "Français",
        "es" => "Español",
        "it" => "Italiano",
        "pt" => "Português",
        "pl" => "Polski",
        "ro" => "Română",
        "bg" => "Български",
        "hr" => "Hrvatski",
        "sr" => "Српски",
        "bs" => "Bosanski",
        "sq" => "Shqip",
        "el" => "Ελληνικά",
        "hu" => "Magyar",
        "cs" => "Čeština",
        "sk" => "Slovenčina",
        "sl" => "Slovenščina",
        "lt" => "Lietuvių",
        "lv" => "Latviešu",
        "vi" => "Tiếng Việt",
        "zh" => "Chinese",
        "hi" => "Hindi",
        "ur" => "اردو",
        "bn" => "Bengali",
        "ta" => "Tamil",
        "sw" => "Kiswahili",
        "ha" => "Hausa",
        "yo" => "Yorùbá",
        "ka" => "Georgian",
        "hy" => "Armenian",
        "az" => "Azərbaycanca",
        other => other,
    }
}
