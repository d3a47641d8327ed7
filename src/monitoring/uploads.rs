//! Pending statistics uploads: a file uploaded on the import page waits
//! on disk under the data directory (never in memory, never in the
//! database) until its uploader imports or discards it, or it is a day
//! old. Each upload is two files, `{id}.upload` with the bytes and
//! `{id}.json` with who uploaded it, when, under which name and how it is
//! to be read. The id is a random token, and an upload belongs to its
//! uploader alone: anybody else is told it does not exist.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tokio::io::AsyncWriteExt;

use super::import::generic::Mapping;
use crate::core::{secrets::random_token, store::now};

/// How long an upload waits for its import.
pub const KEEP_SECONDS: i64 = 24 * 3600;

/// What is known about a pending upload.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Pending {
    pub id: String,
    pub user_id: i64,
    /// The name the browser gave, made safe; flat files carry their table
    /// code only there.
    pub file_name: String,
    pub created_at: i64,
    /// The uploader asked to read the file as a table of their own.
    #[serde(default)]
    pub generic: bool,
    /// How a table of their own is read, once the uploader mapped it.
    #[serde(default)]
    pub mapping: Option<Mapping>,
}

fn folder(data_dir: &Path) -> PathBuf {
    data_dir.join("statistics-uploads")
}

/// Where the bytes of an upload are.
pub fn data_path(data_dir: &Path, id: &str) -> PathBuf {
    folder(data_dir).join(format!("{id}.upload"))
}

fn meta_path(data_dir: &Path, id: &str) -> PathBuf {
    folder(data_dir).join(format!("{id}.json"))
}

/// Ids are random tokens; anything else never names a file.
fn plausible(id: &str) -> bool {
    id.len() == 43
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// An upload being written, chunk by chunk.
pub struct Incoming {
    id: String,
    partial: PathBuf,
    file: tokio::fs::File,
    pub written: usize,
}

impl Incoming {
    pub async fn start(data_dir: &Path) -> std::io::Result<Self> {
        tokio::fs::create_dir_all(folder(data_dir)).await?;
        let id = random_token();
        let partial = folder(data_dir).join(format!("{id}.partial"));
        let file = tokio::fs::File::create(&partial).await?;
        Ok(Self {
            id,
            partial,
            file,
            written: 0,
        })
    }

    pub async fn write(&mut self, chunk: &[u8]) -> std::io::Result<()> {
        self.written += chunk.len();
        self.file.write_all(chunk).await
    }

    /// Throws the partial file away (too large, or the request broke off).
    pub async fn abandon(self) {
        drop(self.file);
        let _ = tokio::fs::remove_file(&self.partial).await;
    }

    /// Keeps the upload for `user_id`.
    pub async fn finish(
        mut self,
        data_dir: &Path,
        user_id: i64,
        file_name: &str,
        generic: bool,
    ) -> std::io::Result<Pending> {
        self.file.flush().await?;
        self.file.sync_all().await?;
        drop(self.file);
        tokio::fs::rename(&self.partial, data_path(data_dir, &self.id)).await?;
        let pending = Pending {
            id: self.id,
            user_id,
            file_name: file_name.to_string(),
            created_at: now(),
            generic,
            mapping: None,
        };
        save(data_dir, &pending).await?;
        Ok(pending)
    }
}

/// Writes what is known about an upload (e.g. its mapping).
pub async fn save(data_dir: &Path, pending: &Pending) -> std::io::Result<()> {
    let json = serde_json::to_vec(pending).map_err(std::io::Error::other)?;
    let path = meta_path(data_dir, &pending.id);
    let partial = path.with_extension("json.partial");
    tokio::fs::write(&partial, json).await?;
    tokio::fs::rename(&partial, &path).await
}

/// The upload `id` of `user_id`, if it exists, is theirs and is not
/// expired (an expired one is deleted on the way).
pub async fn load(data_dir: &Path, id: &str, user_id: i64) -> std::io::Result<Option<Pending>> {
    if !plausible(id) {
        return Ok(None);
    }
    let bytes = match tokio::fs::read(meta_path(data_dir, id)).await {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let Ok(pending) = serde_json::from_slice::<Pending>(&bytes) else {
        return Ok(None);
    };
    if pending.created_at + KEEP_SECONDS < now() {
        discard(data_dir, id).await?;
        return Ok(None);
    }
    Ok((pending.user_id == user_id).then_some(pending))
}

/// Deletes an upload (both files; a missing one is no error).
pub async fn discard(data_dir: &Path, id: &str) -> std::io::Result<()> {
    for path in [data_path(data_dir, id), meta_path(data_dir, id)] {
        match tokio::fs::remove_file(&path).await {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Deletes every upload older than a day, and pieces that a broken-off
/// request left behind; returns how many uploads it deleted.
pub async fn sweep(data_dir: &Path, at: i64) -> std::io::Result<usize> {
    let mut entries = match tokio::fs::read_dir(folder(data_dir)).await {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(e),
    };
    let mut deleted = 0;
    while let Some(entry) = entries.next_entry().await? {
        let path = entry.path();
        // An upload's data file may be gone already with its `.json`.
        let metadata = match entry.metadata().await {
            Ok(m) => m,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(e),
        };
        let modified = metadata
            .modified()
            .ok()
            .and_then(|m| m.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_secs() as i64);
        if modified + KEEP_SECONDS >= at {
            continue;
        }
        let name = entry.file_name().to_string_lossy().to_string();
        if let Some(id) = name.strip_suffix(".json") {
            discard(data_dir, id).await?;
            deleted += 1;
        } else if name.ends_with(".partial") || name.ends_with(".upload") {
            let _ = tokio::fs::remove_file(&path).await;
        }
    }
    Ok(deleted)
}
