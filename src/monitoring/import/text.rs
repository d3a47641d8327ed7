//! Text decoding of table cells. Downloads from the GENESIS web interface
//! are ISO-8859-1, other downloads UTF-8 (often with a byte-order mark).
//! Each cell is decoded on its own: valid UTF-8 is taken as such, anything
//! else is ISO-8859-1 (where every byte is a character). A Latin-1 cell
//! with umlauts is practically never valid UTF-8, so this is safe, and it
//! needs no look-ahead over the file.

use std::{cell::RefCell, collections::VecDeque, io::Read, rc::Rc};

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

/// Line ends seen in a CSV, to tell each record's line: the csv crate's
/// record positions point before the end of the previous line when lines
/// end in CRLF or blank lines come between rows, so the line is counted
/// here from the bytes themselves.
#[derive(Default)]
struct LineEnds {
    /// `\n` bytes before the ends still kept.
    before: u64,
    /// Offsets of the CR and LF bytes not yet passed, in order.
    kept: VecDeque<(u64, u8)>,
    /// Bytes read so far.
    offset: u64,
}

impl LineEnds {
    /// The line (from 1) of the record the csv crate places at `start`.
    fn line_at(&mut self, start: u64) -> u64 {
        while let Some(&(at, byte)) = self.kept.front() {
            if at >= start {
                break;
            }
            if byte == b'\n' {
                self.before += 1;
            }
            self.kept.pop_front();
        }
        // Line ends the position still points at belong before the record.
        let (mut content, mut newlines) = (start, 0);
        for &(at, byte) in &self.kept {
            if at != content {
                break;
            }
            newlines += u64::from(byte == b'\n');
            content += 1;
        }
        1 + self.before + newlines
    }
}

/// A reader that notes the line ends passing through it.
pub struct Counting<R> {
    inner: R,
    ends: Rc<RefCell<LineEnds>>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let mut ends = self.ends.borrow_mut();
        let offset = ends.offset;
        for (i, &byte) in buf[..n].iter().enumerate() {
            if byte == b'\n' || byte == b'\r' {
                ends.kept.push_back((offset + i as u64, byte));
            }
        }
        ends.offset += n as u64;
        Ok(n)
    }
}

/// Tells the line of each record read through its [`Counting`] reader.
pub struct Lines(Rc<RefCell<LineEnds>>);

impl Lines {
    /// The line (from 1) where `record` starts; records come in order.
    pub fn of(&self, record: &ByteRecord) -> u64 {
        let start = record.position().map_or(0, |p| p.byte());
        self.0.borrow_mut().line_at(start)
    }
}

/// Wraps a stream so that the records a CSV reader reads from it get
/// their true line numbers.
pub fn counting<R: Read>(inner: R) -> (Counting<R>, Lines) {
    let ends = Rc::new(RefCell::new(LineEnds::default()));
    (
        Counting {
            inner,
            ends: Rc::clone(&ends),
        },
        Lines(ends),
    )
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
