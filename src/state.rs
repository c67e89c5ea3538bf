//! Remembered reading positions: per article, an anchor (never a screen row, so it
//! survives a different terminal width) and which highlights were on. Keyed by a hash of
//! the text, so a renamed or moved file is still recognised, with the path as a fallback
//! for a file that changed. Stored as JSON in the XDG state directory, written
//! atomically, bounded in size.

use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

use crate::layout::Anchor;

/// The most articles remembered; the least recently read are dropped.
pub const MAX_ENTRIES: usize = 1000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// xxh3 of the article text, hex.
    pub hash: String,
    pub source: String,
    pub anchor: Anchor,
    pub quotes: bool,
    pub leaders: bool,
    /// Seconds since the epoch: for dropping the oldest.
    pub seen: u64,
    /// How far through the article the reader was, 0–100 (absent in older files).
    #[serde(default)]
    pub progress: Option<u8>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct File {
    entries: Vec<Entry>,
}

/// The store at one path.
#[derive(Debug, Clone)]
pub struct Store {
    path: PathBuf,
}

/// The hash that keys an article's memory.
pub fn hash(text: &str) -> String {
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(text.as_bytes()))
}

impl Store {
    /// `$XDG_STATE_HOME/byline/positions.json` (or the platform's equivalent).
    pub fn default_location() -> Option<Store> {
        let dirs = directories::ProjectDirs::from("", "", "byline")?;
        let dir = dirs.state_dir().unwrap_or_else(|| dirs.data_local_dir());
        Some(Store::at(dir.join("positions.json")))
    }

    pub fn at(path: PathBuf) -> Store {
        Store { path }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The memory for an article: by content first, then by path. A missing file is
    /// empty; an unreadable or corrupt one is an error for the caller to warn about.
    pub fn lookup(&self, hash: &str, source: &str) -> Result<Option<Entry>> {
        let file = self.read()?;
        let by_hash = file.entries.iter().find(|e| e.hash == hash);
        let by_path = || {
            file.entries
                .iter()
                .filter(|e| e.source == source)
                .max_by_key(|e| e.seen)
        };
        Ok(by_hash.or_else(by_path).cloned())
    }

    /// How far the reader got in each article remembered, by path: what the library
    /// shows beside each.
    pub fn progress(&self) -> Result<std::collections::HashMap<String, u8>> {
        let file = self.read()?;
        let mut by_source = std::collections::HashMap::new();
        for entry in file.entries {
            if let Some(progress) = entry.progress {
                by_source.insert(entry.source, progress);
            }
        }
        Ok(by_source)
    }

    /// The path of the article read last.
    pub fn last_read(&self) -> Result<Option<String>> {
        let file = self.read()?;
        let last = file.entries.into_iter().max_by_key(|e| e.seen);
        Ok(last.map(|e| e.source))
    }

    /// Saves one article's memory. Re-reads the file first and replaces only this
    /// article's entry, so another byline's entries survive; writes a temporary file and
    /// renames it over the old one, so a crash mid-write loses nothing.
    pub fn save(&self, mut entry: Entry) -> Result<()> {
        // A corrupt file is replaced rather than blocking every later save.
        let mut file = self.read().unwrap_or_default();
        entry.seen = now();
        file.entries
            .retain(|e| e.hash != entry.hash && e.source != entry.source);
        file.entries.push(entry);
        if file.entries.len() > MAX_ENTRIES {
            file.entries.sort_by_key(|e| std::cmp::Reverse(e.seen));
            file.entries.truncate(MAX_ENTRIES);
        }
        let dir = self.path.parent().context("state path has no folder")?;
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        // A name no other writer (process or thread) uses at the same time.
        static WRITES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let n = WRITES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let tmp = dir.join(format!(".positions.{}.{n}.tmp", std::process::id()));
        let json = serde_json::to_vec(&file)?;
        std::fs::write(&tmp, json).with_context(|| format!("writing {}", tmp.display()))?;
        std::fs::rename(&tmp, &self.path)
            .with_context(|| format!("replacing {}", self.path.display()))
    }

    fn read(&self) -> Result<File> {
        match std::fs::read(&self.path) {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .with_context(|| format!("corrupt state file ignored: {}", self.path.display())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(File::default()),
            Err(e) => Err(e).with_context(|| format!("reading state file {}", self.path.display())),
        }
    }
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A store in a folder of its own, removed when the folder is dropped.
    fn temp_store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::at(dir.path().join("byline/positions.json"));
        (dir, store)
    }

    fn entry(hash: &str, source: &str, block: usize) -> Entry {
        Entry {
            hash: hash.into(),
            source: source.into(),
            anchor: Anchor { block, offset: 7 },
            quotes: false,
            leaders: true,
            seen: 0,
            progress: None,
        }
    }

    #[test]
    fn progress_is_kept_by_path_and_older_files_have_none() {
        let (_dir, store) = temp_store();
        std::fs::create_dir_all(store.path().parent().unwrap()).unwrap();
        // As byline wrote it before progress was kept.
        let old = r#"{"entries":[{"hash":"h1","source":"a.txt","anchor":{"block":2,"offset":0},
            "quotes":true,"leaders":true,"seen":5}]}"#;
        std::fs::write(store.path(), old).unwrap();
        assert_eq!(
            store.lookup("h1", "a.txt").unwrap().unwrap().anchor.block,
            2
        );
        assert!(store.progress().unwrap().is_empty());
        store
            .save(Entry {
                progress: Some(40),
                ..entry("h2", "b.txt", 1)
            })
            .unwrap();
        let progress = store.progress().unwrap();
        assert_eq!(progress.get("b.txt"), Some(&40));
        assert_eq!(progress.len(), 1);
        assert_eq!(store.last_read().unwrap().as_deref(), Some("b.txt"));
    }

    #[test]
    fn round_trip_by_hash_and_by_path() {
        let (_dir, store) = temp_store();
        assert_eq!(store.lookup("h1", "a.txt").unwrap(), None);
        store.save(entry("h1", "a.txt", 3)).unwrap();
        store.save(entry("h2", "b.txt", 5)).unwrap();
        let e = store.lookup("h1", "moved/elsewhere.txt").unwrap().unwrap();
        assert_eq!((e.anchor.block, e.quotes, e.leaders), (3, false, true));
        // The file changed (new hash) but the path is known.
        assert_eq!(
            store.lookup("h9", "b.txt").unwrap().unwrap().anchor.block,
            5
        );
        // Saving again replaces, never duplicates.
        store.save(entry("h1", "a.txt", 4)).unwrap();
        assert_eq!(store.read().unwrap().entries.len(), 2);
    }

    #[test]
    fn corrupt_file_is_an_error_to_warn_about_and_is_replaced_on_save() {
        let (_dir, store) = temp_store();
        std::fs::create_dir_all(store.path().parent().unwrap()).unwrap();
        std::fs::write(store.path(), b"{not json").unwrap();
        let err = store.lookup("h", "a").unwrap_err();
        assert!(format!("{err:#}").contains("corrupt"));
        store.save(entry("h", "a", 1)).unwrap();
        assert_eq!(store.lookup("h", "a").unwrap().unwrap().anchor.block, 1);
    }

    #[test]
    fn bounded_in_size() {
        let (_dir, store) = temp_store();
        let mut file = File::default();
        for i in 0..MAX_ENTRIES + 50 {
            let mut e = entry(&format!("h{i}"), &format!("{i}.txt"), i);
            e.seen = i as u64;
            file.entries.push(e);
        }
        std::fs::create_dir_all(store.path().parent().unwrap()).unwrap();
        std::fs::write(store.path(), serde_json::to_vec(&file).unwrap()).unwrap();
        store.save(entry("new", "new.txt", 1)).unwrap();
        let entries = store.read().unwrap().entries;
        assert_eq!(entries.len(), MAX_ENTRIES);
        assert!(entries.iter().any(|e| e.hash == "new"));
        assert!(
            !entries.iter().any(|e| e.hash == "h0"),
            "the oldest went first"
        );
    }

    #[test]
    fn concurrent_writers_never_corrupt_the_file() {
        let (_dir, store) = temp_store();
        let threads: Vec<_> = (0..8)
            .map(|t| {
                let store = store.clone();
                std::thread::spawn(move || {
                    for i in 0..25 {
                        store
                            .save(entry(&format!("t{t}-{i}"), &format!("t{t}-{i}.txt"), i))
                            .unwrap();
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        let entries = store.read().expect("still valid JSON").entries;
        assert!(!entries.is_empty());
    }
}
