//! HTML and e-mail templates (minijinja, embedded at build time) with the
//! helpers every template may call: `t()` for translations, `asset()` for
//! hashed asset URLs, and the `datetime` / `date` filters.

use chrono::{DateTime, Utc};
use chrono_tz::Europe::Berlin;
use minijinja::{Environment, Error, ErrorKind, State, Value, value::Kwargs};

use crate::core::{i18n::Lang, web::assets};

pub struct Templates {
    env: Environment<'static>,
}

impl Templates {
    pub fn new() -> Self {
        let mut env = Environment::new();
        minijinja_embed::load_templates!(&mut env);
        env.set_undefined_behavior(minijinja::UndefinedBehavior::SemiStrict);
        env.add_function("t", translate);
        env.add_function("asset", asset_url);
        env.add_function("path", crate::core::paths::template_function);
        env.add_filter("datetime", format_datetime);
        env.add_filter("date", format_date);
        env.add_filter("language_names", language_names);
        env.add_filter("decimal", decimal);
        Self { env }
    }

    pub fn render(&self, name: &str, context: Value) -> Result<String, Error> {
        self.env.get_template(name)?.render(context)
    }

    /// The names of all templates (for tests that check every message id).
    pub fn names(&self) -> Vec<String> {
        self.env
            .templates()
            .map(|(name, _)| name.to_string())
            .collect()
    }

    pub fn source(&self, name: &str) -> Option<String> {
        self.env
            .get_template(name)
            .ok()
            .map(|t| t.source().to_string())
    }
}

impl Default for Templates {
    fn default() -> Self {
        Self::new()
    }
}

fn lang_of(state: &State) -> Lang {
    state
        .lookup("lang")
        .and_then(|v| v.as_str().and_then(Lang::parse))
        .unwrap_or_default()
}

/// `{{ t("nav-home") }}` or `{{ t("greeting", name=user.name) }}`.
fn translate(state: &State, id: &str, kwargs: Kwargs) -> Result<String, Error> {
    let mut args = Vec::new();
    for key in kwargs.args() {
        let value: Value = kwargs.get(key)?;
        args.push((key.to_string(), value.to_string()));
    }
    Ok(lang_of(state).t_args(id, &args))
}

/// `{{ value|decimal }}`: a measured number as people read it, to at most
/// one decimal, with the decimal comma on German pages ("9,6", "15").
fn decimal(state: &State, value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    let text = if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    };
    if lang_of(state) == Lang::De {
        text.replace('.', ",")
    } else {
        text
    }
}

/// `{{ offer.languages|language_names }}`: language codes as names in the
/// reader's language ("Deutsch, Arabisch"; "الألمانية، العربية").
fn language_names(state: &State, codes: Vec<String>) -> String {
    let lang = lang_of(state);
    let separator = if matches!(lang, Lang::Ar | Lang::Fa) {
        "، "
    } else {
        ", "
    };
    lang.language_names(&codes).join(separator)
}

/// Asset URLs are ours, not user input: mark them safe so that `/` is not
/// entity-escaped.
fn asset_url(name: &str) -> Result<Value, Error> {
    assets::url(name)
        .map(|u| Value::from_safe_string(u.to_string()))
        .ok_or_else(|| Error::new(ErrorKind::InvalidOperation, format!("unknown asset {name}")))
}

fn berlin(ts: i64) -> Option<chrono::DateTime<chrono_tz::Tz>> {
    DateTime::<Utc>::from_timestamp(ts, 0).map(|t| t.with_timezone(&Berlin))
}

/// UNIX seconds → "25.11.2026, 14:30" (German) / "2026-11-25 14:30" (English).
fn format_datetime(state: &State, ts: i64) -> String {
    let Some(t) = berlin(ts) else {
        return String::new();
    };
    match lang_of(state) {
        Lang::De => t.format("%d.%m.%Y, %H:%M").to_string(),
        _ => t.format("%Y-%m-%d %H:%M").to_string(),
    }
}

fn format_date(state: &State, ts: i64) -> String {
    let Some(t) = berlin(ts) else {
        return String::new();
    };
    match lang_of(state) {
        Lang::De => t.format("%d.%m.%Y").to_string(),
        _ => t.format("%Y-%m-%d").to_string(),
    }
}
