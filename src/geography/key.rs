//! The official municipality key (Amtlicher Gemeindeschlüssel, AGS) and its
//! prefixes, validated once at the edge so that store queries and templates
//! only ever see well-formed keys.
//!
//! An AGS is hierarchical: `09` is Bayern, `095` Mittelfranken, `09575` the
//! Landkreis Neustadt a.d.Aisch-Bad Windsheim and `09575153` the town of
//! Neustadt a.d.Aisch. The length alone tells the level.

use std::fmt;

use super::model::Level;
use crate::core::error::{AppError, Msg};

/// A syntactically valid AGS or AGS prefix: 2, 3, 5 or 8 ASCII digits.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct AgsKey(String);

/// Why a text is not an [`AgsKey`]; carries the Fluent id of its message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InvalidKey;

impl InvalidKey {
    /// Fluent id of the explanation: what a valid key looks like.
    pub const MESSAGE_ID: &'static str = "geo-err-invalid-key";
}

impl fmt::Display for InvalidKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a region key has 2, 3, 5 or 8 digits")
    }
}

impl std::error::Error for InvalidKey {}

impl From<InvalidKey> for AppError {
    fn from(_: InvalidKey) -> Self {
        AppError::bad_request("invalid_region_key", Msg::new(InvalidKey::MESSAGE_ID))
    }
}

impl AgsKey {
    /// Accepts surrounding whitespace but nothing else besides the digits.
    pub fn parse(text: &str) -> Result<Self, InvalidKey> {
        let text = text.trim();
        let digits = text.bytes().all(|b| b.is_ascii_digit());
        if digits && matches!(text.len(), 2 | 3 | 5 | 8) {
            Ok(AgsKey(text.to_string()))
        } else {
            Err(InvalidKey)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The administrative level a key of this length denotes.
    pub fn level(&self) -> Level {
        Level::from_key(&self.0).expect("validated length")
    }
}

impl fmt::Display for AgsKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::str::FromStr for AgsKey {
    type Err = InvalidKey;
    fn from_str(s: &str) -> Result<Self, InvalidKey> {
        AgsKey::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_every_level() {
        for (text, level) in [
            ("09", Level::State),
            ("095", Level::DistrictGovernment),
            ("09575", Level::District),
            ("09575153", Level::Municipality),
            (" 09575 ", Level::District),
        ] {
            let key = AgsKey::parse(text).unwrap();
            assert_eq!(key.level(), level, "{text}");
            assert_eq!(key.as_str(), text.trim());
        }
    }

    #[test]
    fn rejects_other_lengths_and_non_digits() {
        for text in [
            "",
            "9",
            "0957",
            "095751",
            "0957515",
            "095751530",
            "095750153153",
            "Bayern",
            "09a75",
            "０９",
            "09 575",
            "-0957",
        ] {
            assert_eq!(AgsKey::parse(text), Err(InvalidKey), "{text:?}");
        }
    }

    #[test]
    fn invalid_key_becomes_a_400_with_a_fluent_message() {
        let error = AppError::from(InvalidKey);
        assert_eq!(error.status, axum::http::StatusCode::BAD_REQUEST);
        assert_eq!(error.code, "invalid_region_key");
        assert_eq!(error.message.id, "geo-err-invalid-key");
    }
}
