//! Server-side validation shared by HTML forms, the JSON API and CSV
//! imports: each check records a translatable message per field.

use std::collections::BTreeMap;

use axum::{
    http::StatusCode,
    response::{Html, IntoResponse, Redirect, Response},
};

use crate::core::{
    error::{AppError, FieldErrors, Msg},
    i18n::Lang,
    web::viewer::Viewer,
};

#[derive(Default, Debug)]
pub struct Validator {
    pub errors: FieldErrors,
}

impl Validator {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, field: &str, msg: Msg) {
        self.errors.entry(field.to_string()).or_insert(msg);
    }

    /// Trimmed text, at most `max` characters; empty is an error if required.
    pub fn text(&mut self, field: &str, value: &str, required: bool, max: usize) -> String {
        let value = value.trim();
        if required && value.is_empty() {
            self.add(field, Msg::new("err-required"));
        } else if value.chars().count() > max {
            self.add(field, Msg::new("err-too-long").arg("max", max));
        } else if value
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
        {
            self.add(field, Msg::new("err-control-chars"));
        } else if value.chars().any(is_bidi_control) {
            self.add(field, Msg::new("err-bidi-control"));
        }
        value.to_string()
    }

    pub fn email(&mut self, field: &str, value: &str, required: bool) -> String {
        let value = self.text(field, value, required, 254).to_lowercase();
        if !value.is_empty() && !is_email(&value) {
            self.add(field, Msg::new("err-email"));
        }
        value
    }

    pub fn website(&mut self, field: &str, value: &str) -> String {
        let mut value = self.text(field, value, false, 300);
        if value.is_empty() {
            return value;
        }
        // URL parsers drop tabs and line breaks silently, but the text
        // would be stored and written as it came (e.g. into iCalendar).
        if value.chars().any(|c| c.is_whitespace() || c.is_control()) {
            self.add(field, Msg::new("err-website"));
            return value;
        }
        if !value.contains("://") {
            value = format!("https://{value}");
        }
        match url::Url::parse(&value) {
            Ok(u)
                if matches!(u.scheme(), "http" | "https")
                    && u.host_str().is_some_and(|h| h.contains('.')) => {}
            _ => self.add(field, Msg::new("err-website")),
        }
        value
    }

    pub fn phone(&mut self, field: &str, value: &str) -> String {
        let value = self.text(field, value, false, 40);
        let ok = value
            .chars()
            .all(|c| c.is_ascii_digit() || " +-/()".contains(c));
        if !value.is_empty() && (!ok || value.chars().filter(char::is_ascii_digit).count() < 5) {
            self.add(field, Msg::new("err-phone"));
        }
        value
    }

    pub fn postal_code(&mut self, field: &str, value: &str, required: bool) -> String {
        let value = self.text(field, value, required, 5);
        if !value.is_empty() && !is_postal_code(&value) {
            self.add(field, Msg::new("err-postal-code"));
        }
        value
    }

    pub fn is_ok(&self) -> bool {
        self.errors.is_empty()
    }

    pub fn finish(self) -> Result<(), AppError> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(AppError::invalid(self.errors))
        }
    }
}

/// Characters that reorder the text around them (embeddings, overrides,
/// isolates): "gnp.exe" with U+202E displays as "exe.png". Plain
/// right-to-left text needs none of them.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

pub fn is_email(value: &str) -> bool {
    let Some((local, domain)) = value.rsplit_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !value
            .chars()
            .any(|c| c.is_whitespace() || c == ',' || c == ';' || c == '<' || c == '>')
}

pub fn is_postal_code(value: &str) -> bool {
    value.len() == 5 && value.bytes().all(|b| b.is_ascii_digit())
}

/// Field errors in the viewer's language, for templates.
pub fn translate(lang: Lang, errors: &FieldErrors) -> BTreeMap<String, String> {
    errors
        .iter()
        .map(|(k, m)| (k.clone(), lang.msg(m)))
        .collect()
}

/// 303 to `path` with a confirmation the layout shows (`notice-<id>`).
pub fn saved(path: &str, notice: &str) -> Response {
    Redirect::to(&format!("{path}?notice={notice}")).into_response()
}

/// A form page that failed validation.
pub fn unprocessable(page: Html<String>) -> Response {
    (StatusCode::UNPROCESSABLE_ENTITY, page).into_response()
}

/// Field errors in the viewer's language.
pub fn texts(viewer: &Viewer, errors: &FieldErrors) -> BTreeMap<String, String> {
    translate(viewer.lang, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collects_one_message_per_field() {
        let mut v = Validator::new();
        v.text("name", "  ", true, 10);
        v.email("email", "not-an-email", false);
        v.postal_code("postal_code", "9141", true);
        v.website("website", "vhs-neustadt.example");
        v.phone("phone", "09161 92-0");
        assert_eq!(
            v.errors.keys().collect::<Vec<_>>(),
            ["email", "name", "postal_code"]
        );
    }

    #[test]
    fn text_that_reorders_itself_or_hides_line_breaks_is_refused() {
        let mut v = Validator::new();
        v.text("name", "Bild\u{202E}gnp.exe", true, 100);
        v.text("arabic", "مركز الاستشارة", true, 100);
        v.website("online_url", "https://meet.example/x\r\nBEGIN:VEVENT");
        v.website("plain", "https://meet.example/room 1");
        assert_eq!(
            v.errors.keys().collect::<Vec<_>>(),
            ["name", "online_url", "plain"]
        );
        assert_eq!(v.errors["name"].id, "err-bidi-control");
    }
}
