//! Reading form fields and JSON bodies into the same input types. Forms
//! send text, JSON clients numbers and booleans; the input types keep the
//! text and their one `validate` parses it, so a page and the API answer
//! the same input with the same messages.

use serde::{Deserialize, Deserializer};

use crate::core::{error::Msg, web::forms::Validator};

/// A field as text, whether it came as text, a number, a boolean or null
/// (`true` is `"1"`, `false` and null are empty, like an unticked box).
pub fn text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        Text(String),
        Whole(i64),
        Number(f64),
        Flag(bool),
        Nothing,
    }
    Ok(match Raw::deserialize(d)? {
        Raw::Text(s) => s,
        Raw::Whole(n) => n.to_string(),
        Raw::Number(n) => n.to_string(),
        Raw::Flag(true) => "1".into(),
        Raw::Flag(false) | Raw::Nothing => String::new(),
    })
}

/// A ticked checkbox (any non-empty value).
pub fn ticked(value: &str) -> bool {
    !value.trim().is_empty()
}

/// An optional id among `valid` ones: empty is none; anything else that is
/// no valid id adds `message` to the field.
pub fn choice<T: Copy + PartialEq + std::str::FromStr>(
    v: &mut Validator,
    field: &str,
    raw: &str,
    valid: impl Fn(T) -> bool,
    message: &str,
) -> Option<T> {
    match raw.trim() {
        "" => None,
        value => {
            let id = value.parse::<T>().ok().filter(|i| valid(*i));
            if id.is_none() {
                v.add(field, Msg::new(message));
            }
            id
        }
    }
}

/// The text of an optional id, for a form shown again.
pub fn id_text<T: ToString>(id: Option<T>) -> String {
    id.map(|i| i.to_string()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct Probe {
        #[serde(default, deserialize_with = "text")]
        value: String,
    }

    #[test]
    fn forms_and_json_read_alike() {
        let form: Probe = serde_urlencoded::from_str("value=12").unwrap();
        assert_eq!(form.value, "12");
        for (json, text) in [
            (r#"{"value": 12}"#, "12"),
            (r#"{"value": "12"}"#, "12"),
            (r#"{"value": true}"#, "1"),
            (r#"{"value": false}"#, ""),
            (r#"{"value": null}"#, ""),
            (r#"{}"#, ""),
        ] {
            assert_eq!(serde_json::from_str::<Probe>(json).unwrap().value, text);
        }
    }
}
