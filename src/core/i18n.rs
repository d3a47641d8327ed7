//! UI translations through Fluent message files in `locales/` (embedded).
//! German is the default and the fallback; English is the second language.

use std::{borrow::Cow, collections::HashMap};

use fluent_templates::{Loader, fluent_bundle::FluentValue, static_loader};
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

/// A language the user interface speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    De,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::De, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
        }
    }

    /// The language's own name, shown in the language switch.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::De => "Deutsch",
            Lang::En => "English",
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The best match for an `Accept-Language` header, honouring q-values.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
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
            .find_map(|(_, tag)| Lang::parse(tag))
    }

    fn id(self) -> LanguageIdentifier {
        match self {
            Lang::De => langid!("de"),
            Lang::En => langid!("en"),
        }
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

    /// Whether a message id exists in this language's files.
    pub fn has(self, id: &str) -> bool {
        LOCALES.try_lookup(&self.id(), id).is_some()
    }
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
    }
}
