//! Rules for files attached to agenda items: the allow-list (the content
//! must match the extension), safe file names and the place on disk.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256, Sha512};

/// The allowed kinds: extension and the Content-Type served.
const KINDS: &[(&str, &str)] = &[
    ("pdf", "application/pdf"),
    ("png", "image/png"),
    ("jpg", "image/jpeg"),
    ("jpeg", "image/jpeg"),
    (
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    (
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    ("odt", "application/vnd.oasis.opendocument.text"),
    ("ods", "application/vnd.oasis.opendocument.spreadsheet"),
    ("txt", "text/plain; charset=utf-8"),
];

/// The extensions users may upload, for messages.
pub const ALLOWED: &str = "PDF, PNG, JPEG, DOCX, XLSX, ODT, ODS, TXT";

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// OpenDocument files start with an uncompressed `mimetype` entry.
fn opendocument(bytes: &[u8], mime: &str) -> bool {
    bytes.starts_with(b"PK\x03\x04")
        && bytes
            .get(30..)
            .is_some_and(|rest| rest.starts_with(format!("mimetype{mime}").as_bytes()))
}

/// The Content-Type of an allowed file, when its content matches its
/// extension; `None` for everything else.
pub fn sniff(file_name: &str, bytes: &[u8]) -> Option<&'static str> {
    let extension = file_name.rsplit_once('.')?.1.to_ascii_lowercase();
    let (_, mime) = KINDS.iter().find(|(e, _)| *e == extension)?;
    let zip = bytes.starts_with(b"PK\x03\x04");
    let ok = match extension.as_str() {
        "pdf" => bytes.starts_with(b"%PDF-"),
        "png" => bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
        "jpg" | "jpeg" => bytes.starts_with(&[0xFF, 0xD8, 0xFF]),
        "docx" => zip && contains(bytes, b"word/"),
        "xlsx" => zip && contains(bytes, b"xl/"),
        "odt" => opendocument(bytes, "application/vnd.oasis.opendocument.text"),
        "ods" => opendocument(bytes, "application/vnd.oasis.opendocument.spreadsheet"),
        "txt" => std::str::from_utf8(bytes).is_ok_and(|text| {
            !text
                .chars()
                .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        }),
        _ => false,
    };
    ok.then_some(*mime)
}

/// The name a file is kept under: the last path segment, without control
/// characters, at most 200 characters.
pub fn clean_name(raw: &str) -> String {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or_default();
    let name: String = base.chars().filter(|c| !c.is_control()).take(200).collect();
    name.trim().trim_start_matches('.').to_string()
}

/// `Content-Disposition` for a download: an ASCII fallback and the UTF-8
/// name (RFC 6266).
pub fn disposition(name: &str) -> String {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || " .-_()".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = url::form_urlencoded::byte_serialize(name.as_bytes())
        .collect::<String>()
        .replace('+', "%20");
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

pub fn sha512_hex(bytes: &[u8]) -> String {
    hex::encode(Sha512::digest(bytes))
}

/// Where the bytes of a file live.
pub fn stored_path(data_dir: &Path, sha256: &str) -> PathBuf {
    data_dir.join("files").join(sha256)
}

/// Writes the bytes under their checksum (once; same content, same file).
pub async fn store(data_dir: &Path, sha256: &str, bytes: &[u8]) -> std::io::Result<()> {
    let path = stored_path(data_dir, sha256);
    if tokio::fs::try_exists(&path).await.unwrap_or(false) {
        return Ok(());
    }
    tokio::fs::create_dir_all(data_dir.join("files")).await?;
    let partial = path.with_extension("partial");
    tokio::fs::write(&partial, bytes).await?;
    tokio::fs::rename(&partial, &path).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_must_match_the_extension() {
        assert_eq!(sniff("a.pdf", b"%PDF-1.7\n"), Some("application/pdf"));
        assert_eq!(sniff("A.PDF", b"%PDF-1.4"), Some("application/pdf"));
        assert_eq!(sniff("a.pdf", b"MZ\x90\x00"), None);
        assert_eq!(sniff("a.exe", b"%PDF-1.7"), None);
        assert_eq!(sniff("noext", b"%PDF-1.7"), None);
        assert_eq!(sniff("a.png", b"\x89PNG\r\n\x1a\n...."), Some("image/png"));
        assert_eq!(sniff("a.jpg", b"\xFF\xD8\xFF\xE0"), Some("image/jpeg"));
        assert!(sniff("a.txt", "Tagesordnung äöü\n".as_bytes()).is_some());
        assert_eq!(sniff("a.txt", b"\x00\x01binary"), None);
        assert!(sniff("a.docx", b"PK\x03\x04....word/document.xml").is_some());
        assert_eq!(sniff("a.docx", b"PK\x03\x04....xl/workbook.xml"), None);
        let mut odt = b"PK\x03\x04".to_vec();
        odt.extend_from_slice(&[0; 26]);
        odt.extend_from_slice(b"mimetypeapplication/vnd.oasis.opendocument.text");
        assert!(sniff("a.odt", &odt).is_some());
        assert_eq!(sniff("a.ods", &odt), None);
    }

    #[test]
    fn names_are_made_safe() {
        assert_eq!(clean_name("C:\\Users\\x\\Bericht.pdf"), "Bericht.pdf");
        assert_eq!(clean_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_name(".htaccess"), "htaccess");
        assert_eq!(
            disposition("Bericht \"Ü\".pdf"),
            "attachment; filename=\"Bericht ___.pdf\"; filename*=UTF-8''Bericht%20%22%C3%9C%22.pdf"
        );
    }
}
