//! Text decoding of table cells. Downloads from the GENESIS web interface
//! are ISO-8859-1, other downloads UTF-8 (often with a byte-order mark).
//! Each cell is decoded on its own: valid UTF-8 is taken as such, anything
//! else is ISO-8859-1 (where every byte is a character). A Latin-1 cell
//! with umlauts is practically never valid UTF-8, so this is safe, and it
//! needs no look-ahead over the file.

use csv::ByteRecord;

/// Refuses encodings ikon cannot read: UTF-16 (byte-order mark) and files
/// with NUL bytes (binary or UTF-16 without a mark).
pub fn check_encoding(head: &[u8]) -> Result<(), String> {
    if head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF") || head.contains(&0) {
        return Err(
            "unknown text encoding (UTF-16 or binary): save the table as CSV in UTF-8 or ISO-8859-1"
                .into(),
        );
    }
    Ok(())
}

/// One cell as text.
pub fn decode(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.trim_start_matches('\u{feff}').to_string(),
        Err(_) => bytes.iter().map(|&b| b as char).collect(),
    }
}

/// Every cell of a record as text.
pub fn fields(record: &ByteRecord) -> Vec<String> {
    record.iter().map(decode).collect()
}

/// The line a record starts on (1-based).
pub fn line(record: &ByteRecord) -> u64 {
    record.position().map(|p| p.line()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_and_utf8_cells_read_the_same() {
        assert_eq!(decode("Bevölkerung".as_bytes()), "Bevölkerung");
        assert_eq!(decode(b"Bev\xf6lkerung"), "Bevölkerung");
        assert_eq!(
            decode("\u{feff}statistics_code".as_bytes()),
            "statistics_code"
        );
        assert!(check_encoding(b"\xFF\xFEG\0").is_err());
        assert!(check_encoding(b"GENESIS").is_ok());
    }
}
