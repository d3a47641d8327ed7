//! A post's files (documents, and the photos of an event's report), the
//! report itself and where a shared post came from, with the rules for
//! what the forms send.

use serde::Serialize;

use crate::core::{
    error::{FieldErrors, Msg},
    ids::{NetworkId, PostFileId, PostId},
};

/// The longest description of a photo, and of a report.
pub const DESCRIPTION_MAX: usize = 300;
pub const REPORT_MAX: usize = 10_000;

/// What a file is to its post.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FileRole {
    /// A document any reader of the post may download.
    Attachment,
    /// A photo of the event's report, shown on the page.
    Photo,
}

impl FileRole {
    pub fn code(self) -> &'static str {
        match self {
            FileRole::Attachment => "attachment",
            FileRole::Photo => "photo",
        }
    }

    pub fn parse(code: &str) -> Option<FileRole> {
        [FileRole::Attachment, FileRole::Photo]
            .into_iter()
            .find(|r| r.code() == code.trim())
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct PostFile {
    pub id: PostFileId,
    pub post_id: PostId,
    pub role: FileRole,
    pub file_name: String,
    pub mime_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    /// A photo's description (its text alternative); a document's note.
    pub description: String,
    pub created_at: i64,
}

#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub body: String,
    pub author_name: String,
    pub updated_at: i64,
}

/// The original of a shared post.
#[derive(Clone, Debug, Serialize)]
pub struct Share {
    pub post_id: PostId,
    pub network_id: NetworkId,
    pub network_name: String,
}

/// The upload form's fields besides the file.
pub struct FileInput {
    pub role: FileRole,
    pub description: String,
}

impl FileInput {
    /// Checks the fields: a known role; a photo needs a description
    /// (screen readers read it instead of the picture) and must be a PNG or
    /// JPEG (`mime` is what the content was found to be).
    pub fn validate(fields: &[(String, String)], mime: &str) -> Result<FileInput, FieldErrors> {
        let get = |name: &str| {
            fields
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.trim().to_string())
                .unwrap_or_default()
        };
        let mut errors = FieldErrors::new();
        let role = FileRole::parse(&get("role")).unwrap_or(FileRole::Attachment);
        let description = get("description");
        if description.chars().count() > DESCRIPTION_MAX {
            errors.insert(
                "description".into(),
                Msg::new("bul-err-description-long").arg("max", DESCRIPTION_MAX),
            );
        }
        if role == FileRole::Photo {
            if description.is_empty() {
                errors.insert("description".into(), Msg::new("bul-err-photo-description"));
            }
            if !mime.starts_with("image/") {
                errors.insert("file".into(), Msg::new("bul-err-photo-type"));
            }
        }
        if errors.is_empty() {
            Ok(FileInput { role, description })
        } else {
            Err(errors)
        }
    }
}

/// Checks a report's text: not empty, not too long.
pub fn validate_report(body: &str) -> Result<String, FieldErrors> {
    let body = body.trim();
    let mut errors = FieldErrors::new();
    if body.is_empty() {
        errors.insert("report".into(), Msg::new("bul-err-report-empty"));
    } else if body.chars().count() > REPORT_MAX {
        errors.insert(
            "report".into(),
            Msg::new("bul-err-report-long").arg("max", REPORT_MAX),
        );
    }
    if errors.is_empty() {
        Ok(body.to_string())
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(role: &str, description: &str) -> Vec<(String, String)> {
        vec![
            ("role".into(), role.into()),
            ("description".into(), description.into()),
        ]
    }

    #[test]
    fn a_photo_needs_a_description_and_an_image() {
        let errors = FileInput::validate(&fields("photo", " "), "application/pdf")
            .err()
            .unwrap();
        assert!(errors.contains_key("description") && errors.contains_key("file"));
        let ok = FileInput::validate(&fields("photo", "Gäste am Büfett"), "image/jpeg").unwrap();
        assert_eq!(ok.role, FileRole::Photo);
        // A document needs neither.
        assert!(FileInput::validate(&fields("attachment", ""), "application/pdf").is_ok());
    }

    #[test]
    fn a_report_is_neither_empty_nor_endless() {
        assert!(validate_report("  ").is_err());
        assert!(validate_report(&"x".repeat(REPORT_MAX + 1)).is_err());
        assert_eq!(validate_report(" Schön war's. ").unwrap(), "Schön war's.");
    }
}
