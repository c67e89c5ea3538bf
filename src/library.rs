//! The articles byline was asked to open: bundled seeds, files, folders, standard
//! input. Discovering is cheap; an article is read and parsed when it is loaded.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::article::{self, Article};
use crate::source;

include!(concat!(env!("OUT_DIR"), "/seeds.rs"));

/// File extensions that a folder is searched for.
const ARTICLE_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown"];

#[derive(Debug, Clone)]
pub enum Origin {
    Seed(&'static [u8]),
    File(PathBuf),
    /// Already read, e.g. standard input.
    Bytes(Vec<u8>),
}

#[derive(Debug, Clone)]
pub struct Entry {
    /// A path, `-` or `seed:NAME`: what `--json` reports as `source`.
    pub source: String,
    pub origin: Origin,
}

impl Entry {
    pub fn load(&self) -> Result<Article> {
        let bytes = match &self.origin {
            Origin::Seed(bytes) => std::borrow::Cow::Borrowed(*bytes),
            Origin::Bytes(bytes) => std::borrow::Cow::Borrowed(bytes.as_slice()),
            Origin::File(path) => std::borrow::Cow::Owned(source::read(path)?),
        };
        Ok(article::parse(&bytes, &self.source))
    }
}

/// The articles bundled into the binary.
pub fn seeds() -> Vec<Entry> {
    SEEDS
        .iter()
        .map(|(name, bytes)| Entry {
            source: format!("seed:{name}"),
            origin: Origin::Seed(bytes),
        })
        .collect()
}

/// Expands the command line's paths: files as given, folders into their article files
/// (recursively, sorted, hidden ones skipped), `-` into standard input.
pub fn discover(paths: &[PathBuf]) -> Result<Vec<Entry>> {
    let mut entries = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            entries.push(Entry {
                source: "-".into(),
                origin: Origin::Bytes(source::read(path)?),
            });
        } else if path.is_dir() {
            let before = entries.len();
            walk(path, &mut entries)
                .with_context(|| format!("reading folder {}", path.display()))?;
            if entries.len() == before {
                bail!("{}: no articles in this folder", path.display());
            }
        } else {
            entries.push(file_entry(path.clone()));
        }
    }
    Ok(entries)
}

fn file_entry(path: PathBuf) -> Entry {
    Entry {
        source: path.display().to_string(),
        origin: Origin::File(path),
    }
}

fn walk(dir: &Path, entries: &mut Vec<Entry>) -> Result<()> {
    let mut children: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    children.sort();
    for child in children {
        if child.is_dir() {
            walk(&child, entries)?;
        } else if child.extension().is_some_and(|e| {
            ARTICLE_EXTENSIONS.contains(&e.to_string_lossy().to_lowercase().as_str())
        }) {
            entries.push(file_entry(child));
        }
    }
    Ok(())
}
