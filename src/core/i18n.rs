//! UI translations through Fluent message files in `locales/` (embedded).
//! German is the default and the fallback; English is the second language
//! of the whole interface. The public pages (home, about, finder, offer
//! page, search) also speak Arabic, Turkish, Ukrainian, Russian and
//! Persian; a message missing in one of those falls back to German.

use std::{borrow::Cow, collections::HashMap};

use fluent_templates::{Loader, fluent_bundle::FluentValue, static_loader};
use icu_experimental::displaynames::{DisplayNamesOptions, multi::LanguageDisplayNames};
use serde::Serialize;
use unic_langid::{LanguageIdentifier, langid};

use crate::core::error::Msg;

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "de",
        // Isolation marks would end up inside attributes and e-mails.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// The name CLDR gives the language `code` in the language `in_lang`
/// (both ISO 639 codes), if it has one.
pub fn cldr_language_name(in_lang: &str, code: &str) -> Option<String> {
    cldr_names(in_lang)?(code)
}

/// CLDR's names of languages in the language `in_lang`, loaded once for
/// a whole list of codes.
fn cldr_names(in_lang: &str) -> Option<impl Fn(&str) -> Option<String>> {
    let locale = icu_locale_core::Locale::try_from_str(in_lang).ok()?;
    let names =
        LanguageDisplayNames::try_new(locale.into(), DisplayNamesOptions::default()).ok()?;
    Some(move |code: &str| {
        let language = icu_locale_core::subtags::Language::try_from_str(code).ok()?;
        names.of(language).map(str::to_string)
    })
}

/// A language the user interface speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    De,
    En,
    Ar,
    Tr,
    Uk,
    Ru,
    Fa,
}

impl Lang {
    /// The languages of the whole interface, signed-in pages included.
    pub const ALL: [Lang; 2] = [Lang::De, Lang::En];
    /// The languages of the public pages.
    pub const PUBLIC: [Lang; 7] = [
        Lang::De,
        Lang::En,
        Lang::Ar,
        Lang::Tr,
        Lang::Uk,
        Lang::Ru,
        Lang::Fa,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
            Lang::Ar => "ar",
            Lang::Tr => "tr",
            Lang::Uk => "uk",
            Lang::Ru => "ru",
            Lang::Fa => "fa",
        }
    }

    /// The language's own name, shown in the language switch.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::De => "Deutsch",
            Lang::En => "English",
            Lang::Ar => "العربية",
            Lang::Tr => "Türkçe",
            Lang::Uk => "Українська",
            Lang::Ru => "Русский",
            Lang::Fa => "فارسی",
        }
    }

    /// `rtl` for the languages written right to left, else `ltr`.
    pub fn dir(self) -> &'static str {
        if is_rtl(self.code()) { "rtl" } else { "ltr" }
    }

    /// Whether the whole interface speaks this language, not only the
    /// public pages.
    pub fn is_full(self) -> bool {
        Lang::ALL.contains(&self)
    }

    /// Any language of the public pages.
    pub fn parse(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::PUBLIC.into_iter().find(|l| l.code() == primary)
    }

    /// The best match for an `Accept-Language` header among the public
    /// languages, honouring q-values.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        Self::accept_among(header, &Lang::PUBLIC)
    }

    /// The best match for an `Accept-Language` header among `offered`.
    pub fn accept_among(header: &str, offered: &[Lang]) -> Option<Lang> {
        let mut ranges: Vec<(f32, &str)> = header
            .split(',')
            .filter_map(|part| {
                let mut pieces = part.split(';');
                let tag = pieces.next()?.trim();
                let q = pieces
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .and_then(|q| q.parse().ok())
                    .unwrap_or(1.0);
                Some((q, tag))
            })
            .collect();
        ranges.sort_by(|a, b| b.0.total_cmp(&a.0));
        ranges
            .into_iter()
            .filter(|(q, _)| *q > 0.0)
            .filter_map(|(_, tag)| Lang::parse(tag))
            .find(|l| offered.contains(l))
    }

    fn id(self) -> LanguageIdentifier {
        match self {
            Lang::De => langid!("de"),
            Lang::En => langid!("en"),
            Lang::Ar => langid!("ar"),
            Lang::Tr => langid!("tr"),
            Lang::Uk => langid!("uk"),
            Lang::Ru => langid!("ru"),
            Lang::Fa => langid!("fa"),
        }
    }

    /// The name of a language (ISO 639 code) in this language, from the
    /// Unicode CLDR; the code itself when CLDR has no name for it.
    pub fn language_name(self, code: &str) -> String {
        self.language_names(&[code]).remove(0)
    }

    /// [`Lang::language_name`] for each code of a list, with CLDR's data
    /// loaded once.
    pub fn language_names<S: AsRef<str>>(self, codes: &[S]) -> Vec<String> {
        let names = cldr_names(self.code());
        codes
            .iter()
            .map(|c| {
                let c = c.as_ref();
                names
                    .as_ref()
                    .and_then(|n| n(c))
                    .unwrap_or_else(|| c.to_string())
            })
            .collect()
    }

    pub fn t(self, id: &str) -> String {
        LOCALES.lookup(&self.id(), id)
    }

    pub fn t_args(self, id: &str, args: &[(String, String)]) -> String {
        if args.is_empty() {
            return self.t(id);
        }
        let args: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(k, v)| (Cow::Owned(k.clone()), FluentValue::from(v.clone())))
            .collect();
        LOCALES.lookup_with_args(&self.id(), id, &args)
    }

    pub fn msg(self, msg: &Msg) -> String {
        self.t_args(&msg.id, &msg.args)
    }

    /// The names of the weekdays, Monday first.
    pub fn weekdays(self) -> [String; 7] {
        ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map(|d| self.t(&format!("weekday-{d}")))
    }

    /// Whether a message id exists in this language's files.
    pub fn has(self, id: &str) -> bool {
        LOCALES.try_lookup(&self.id(), id).is_some()
    }
}

/// Scripts written right to left, by ISO 639 code: Arabic, Persian,
/// Kurdish (Sorani), Hebrew, Urdu, Pashto, Dari.
pub const RTL_LANGUAGES: &[&str] = &["ar", "fa", "ckb", "he", "ur", "ps", "prs"];

pub fn is_rtl(code: &str) -> bool {
    RTL_LANGUAGES.contains(&code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_prefers_the_highest_quality() {
        assert_eq!(
            Lang::from_accept_language("fr;q=1, en;q=0.8, de;q=0.5"),
            Some(Lang::En)
        );
        assert_eq!(Lang::from_accept_language("de-DE,de;q=0.9"), Some(Lang::De));
        assert_eq!(Lang::from_accept_language("fr"), None);
        assert_eq!(Lang::from_accept_language("ar-SY,en;q=0.5"), Some(Lang::Ar));
        assert_eq!(
            Lang::accept_among("ar-SY,en;q=0.5", &Lang::ALL),
            Some(Lang::En)
        );
    }

    #[test]
    fn arabic_and_persian_are_written_right_to_left() {
        assert_eq!(Lang::Ar.dir(), "rtl");
        assert_eq!(Lang::Fa.dir(), "rtl");
        assert_eq!(Lang::Uk.dir(), "ltr");
        assert!(is_rtl("ckb"));
    }

    #[test]
    fn a_message_missing_in_a_public_language_falls_back_to_german() {
        assert_eq!(Lang::Ar.t("action-save"), Lang::De.t("action-save"));
    }

    #[test]
    fn languages_are_named_in_the_readers_language() {
        assert_eq!(Lang::De.language_name("ar"), "Arabisch");
        assert_eq!(Lang::En.language_name("tr"), "Turkish");
        assert_eq!(Lang::Ar.language_name("de"), "الألمانية");
        assert_eq!(Lang::Tr.language_name("uk"), "Ukraynaca");
        assert_eq!(Lang::De.language_name("ti"), "Tigrinya");
        assert_eq!(Lang::De.language_name("zz9"), "zz9");
    }
}
