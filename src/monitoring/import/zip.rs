//! The CSV inside a ZIP download (GENESIS delivers flat files as
//! `<code>_<time>_de_flat.zip`). Only what such downloads use is read:
//! one CSV member, stored or deflated, no encryption, no ZIP64. The member
//! is inflated while it is read, never held in memory.

use std::{
    fs::File,
    io::{Read, Seek, SeekFrom},
    path::Path,
};

use flate2::read::DeflateDecoder;

use super::ImportError;

const END_SIGNATURE: u32 = 0x0605_4b50;
const ENTRY_SIGNATURE: u32 = 0x0201_4b50;
const LOCAL_SIGNATURE: u32 = 0x0403_4b50;
/// The end record (22 bytes) plus the longest comment.
const TAIL: u64 = 22 + 65_535;
/// A directory larger than this is not a statistics download.
const MAX_DIRECTORY: u32 = 16 * 1024 * 1024;

fn u16_at(b: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([b[at], b[at + 1]])
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

struct Member {
    name: String,
    method: u16,
    flags: u16,
    compressed: u32,
    offset: u32,
}

/// Opens the one CSV member of the ZIP at `path`: its name and a stream of
/// its bytes.
pub fn open_csv(path: &Path, label: &str) -> Result<(String, Box<dyn Read + Send>), ImportError> {
    let bad = |m: &str| ImportError::file(label, format!("not a readable ZIP: {m}"));
    let io = |e: std::io::Error| ImportError::file(label, format!("cannot read the ZIP: {e}"));
    let mut file = File::open(path).map_err(io)?;
    let len = file.metadata().map_err(io)?.len();
    let tail_len = len.min(TAIL);
    file.seek(SeekFrom::Start(len - tail_len)).map_err(io)?;
    let mut tail = vec![0u8; tail_len as usize];
    file.read_exact(&mut tail).map_err(io)?;
    let end = (0..tail.len().saturating_sub(21))
        .rev()
        .find(|&i| u32_at(&tail, i) == END_SIGNATURE)
        .ok_or_else(|| bad("no end of central directory (truncated?)"))?;
    let dir_size = u32_at(&tail, end + 12);
    let dir_offset = u32_at(&tail, end + 16);
    if dir_size > MAX_DIRECTORY
        || dir_offset == u32::MAX
        || u64::from(dir_offset) + u64::from(dir_size) > len
    {
        return Err(bad(
            "central directory out of range (ZIP64 is not supported)",
        ));
    }
    file.seek(SeekFrom::Start(u64::from(dir_offset)))
        .map_err(io)?;
    let mut dir = vec![0u8; dir_size as usize];
    file.read_exact(&mut dir).map_err(io)?;
    let mut members = Vec::new();
    let mut at = 0;
    while at + 46 <= dir.len() && u32_at(&dir, at) == ENTRY_SIGNATURE {
        let name_len = usize::from(u16_at(&dir, at + 28));
        let extra_len = usize::from(u16_at(&dir, at + 30));
        let comment_len = usize::from(u16_at(&dir, at + 32));
        let name_end = at + 46 + name_len;
        if name_end > dir.len() {
            return Err(bad("damaged central directory"));
        }
        members.push(Member {
            name: String::from_utf8_lossy(&dir[at + 46..name_end]).into_owned(),
            flags: u16_at(&dir, at + 8),
            method: u16_at(&dir, at + 10),
            compressed: u32_at(&dir, at + 20),
            offset: u32_at(&dir, at + 42),
        });
        at = name_end + extra_len + comment_len;
    }
    let mut csvs = members
        .into_iter()
        .filter(|m| m.name.to_ascii_lowercase().ends_with(".csv"));
    let member = csvs
        .next()
        .ok_or_else(|| ImportError::file(label, "the ZIP holds no CSV file"))?;
    if csvs.next().is_some() {
        return Err(ImportError::file(
            label,
            "the ZIP holds several CSV files: import them one by one",
        ));
    }
    if member.flags & 1 != 0 {
        return Err(bad("the member is encrypted"));
    }
    if member.compressed == u32::MAX || member.offset == u32::MAX {
        return Err(bad("ZIP64 is not supported"));
    }
    file.seek(SeekFrom::Start(u64::from(member.offset)))
        .map_err(io)?;
    let mut local = [0u8; 30];
    file.read_exact(&mut local).map_err(io)?;
    if u32_at(&local, 0) != LOCAL_SIGNATURE {
        return Err(bad("damaged member header"));
    }
    let skip = i64::from(u16_at(&local, 26)) + i64::from(u16_at(&local, 28));
    file.seek(SeekFrom::Current(skip)).map_err(io)?;
    let data = file.take(u64::from(member.compressed));
    let stream: Box<dyn Read + Send> = match member.method {
        0 => Box::new(data),
        8 => Box::new(DeflateDecoder::new(data)),
        m => return Err(bad(&format!("compression method {m} is not supported"))),
    };
    let short = member
        .name
        .rsplit('/')
        .next()
        .unwrap_or(&member.name)
        .to_string();
    Ok((short, stream))
}
