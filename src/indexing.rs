//! Opening big articles progressively: the first screenful is parsed and shown at once,
//! while the whole article is read, parsed and analysed on a background thread and
//! swapped in when ready. Everything lazy about loading lives here.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};

use anyhow::Result;

use crate::analysis::leaders::KnownLeader;
use crate::analysis::{self, Analysis};
use crate::article::{self, Article, Format};
use crate::layout::{Anchor, Layout};
use crate::library::Entry;
use crate::marks::RangeIndex;

/// Files larger than this open progressively: analysing more than this before the
/// first paint would make byline slower to show a page than `less`.
pub const DEFAULT_THRESHOLD: u64 = 64 << 10;
/// How much of the head (and of the tail) is parsed for the first paint: a screen and
/// a half of text (the body is narrower than the screen and a cell holds one to three
/// bytes), within bounds. Every byte more is parsed, analysed and laid out before
/// anything shows.
fn first_part_bytes(screen: (u16, u16)) -> usize {
    (usize::from(screen.0) * usize::from(screen.1) * 3 / 2).clamp(4 << 10, 32 << 10)
}

/// Where the first part's head ends: at its last paragraph break, so no paragraph is
/// shown half-parsed; with none (one long line), at its last whole character, so the
/// head reads as the text it is and not as a legacy encoding.
fn head_cut(head: &[u8]) -> usize {
    if let Some(i) = memchr::memmem::rfind(head, b"\n\n") {
        return i + 2;
    }
    crate::source::whole_characters(head).len()
}

/// Stands between the first part's head and tail until the whole article is in.
const GAP: &str = "[… the middle of this article is still being indexed …]";

/// The whole article, ready to take over: parsed, analysed, hashed and laid out at the
/// width the reader had when indexing started, so the swap costs nothing on screen.
pub struct Indexed {
    pub article: Article,
    pub analysis: Analysis,
    pub marks: RangeIndex,
    /// Quotes and mentions per outline entry (see `analysis::section_counts`).
    pub counts: Vec<(usize, usize)>,
    pub hash: String,
    pub words: usize,
    pub layout: Layout,
}

/// The work of indexing, not yet started; it takes the width to lay out at.
type Job = Box<dyn FnOnce(usize) -> Result<Indexed> + Send>;

/// A background indexing run. It starts on the first `poll` — after the first frame is
/// drawn, so it never competes with the first paint — and hands over the result once.
pub struct Indexing {
    job: Option<Job>,
    rx: mpsc::Receiver<Result<Indexed>>,
    tx: mpsc::Sender<Result<Indexed>>,
    /// Blocks of the first part that come from the file's head; after them, the gap
    /// and the tail.
    head_blocks: usize,
    /// The leaders to look for in the first part, until its highlights are found: just
    /// after the first paint, which shows its text without waiting for them.
    first_part_leaders: Option<Vec<KnownLeader>>,
}

impl std::fmt::Debug for Indexing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Indexing")
            .field("started", &self.job.is_none())
            .finish()
    }
}

impl Indexing {
    fn launch(&mut self, width: usize) {
        if let Some(job) = self.job.take() {
            let tx = self.tx.clone();
            std::thread::spawn(move || {
                // The reader may have moved on; nobody listening is fine.
                let _ = tx.send(job(width));
            });
        }
    }

    /// The whole article when it is ready (starts the work on the first call).
    pub fn poll(&mut self, width: usize) -> Option<Result<Indexed>> {
        self.launch(width);
        match self.rx.try_recv() {
            Ok(done) => Some(done),
            Err(mpsc::TryRecvError::Empty) => None,
            Err(mpsc::TryRecvError::Disconnected) => Some(Err(anyhow::anyhow!("indexing stopped"))),
        }
    }

    /// Whether `anchor` is in the head of the first part, where block numbers are
    /// already those of the whole article.
    pub fn in_head(&self, anchor: Anchor) -> bool {
        anchor.block < self.head_blocks
    }

    /// Where `anchor` in the first part is in the whole article: head blocks keep their
    /// index; a tail block is found by its text, counting from the end.
    pub fn map_anchor(&self, first: &Article, whole: &Article, anchor: Anchor) -> Anchor {
        if anchor.block < self.head_blocks {
            return anchor;
        }
        let from_end = first.blocks.len().saturating_sub(anchor.block);
        let Some(text) = first
            .blocks
            .get(anchor.block)
            .map(|b| &first.text[b.range.clone()])
        else {
            return Anchor::default();
        };
        let candidate = whole.blocks.len().checked_sub(from_end);
        match candidate.filter(|&i| whole.block_text(i) == text) {
            Some(block) => Anchor {
                block,
                offset: anchor.offset,
            },
            // The gap itself, or a tail that parsed differently: the last block.
            None => Anchor {
                block: whole.blocks.len().saturating_sub(1),
                offset: 0,
            },
        }
    }

    /// Whether the first part still waits for its highlights.
    pub fn first_part_pending(&self) -> bool {
        self.first_part_leaders.is_some()
    }

    /// The first part's highlights, once: found after the first paint.
    pub fn analyse_first_part(&mut self, first: &Article) -> Option<Analysis> {
        let extra = self.first_part_leaders.take()?;
        Some(analysis::analyse(first, &extra))
    }

    /// Waits for the whole article (tests and non-interactive use).
    pub fn wait(mut self, width: usize) -> Result<Indexed> {
        self.launch(width);
        self.rx
            .recv()
            .map_err(|_| anyhow::anyhow!("indexing stopped"))?
    }
}

/// The exact layout of a big article at a new width, counted in the background after a
/// resize; meanwhile the reader uses [`Layout::around`].
/// Dropping it (a newer resize, another article) stops the count.
pub struct Relayout {
    rx: mpsc::Receiver<Layout>,
    stop: Arc<AtomicBool>,
}

impl Relayout {
    pub fn start(article: Arc<Article>, width: usize) -> Relayout {
        let (tx, rx) = mpsc::channel();
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = Arc::clone(&stop);
        std::thread::spawn(move || {
            if let Some(layout) = Layout::unless_stopped(&article, width, &stopped) {
                // The reader may have quit meanwhile; nobody listening is fine.
                let _ = tx.send(layout);
            }
        });
        Relayout { rx, stop }
    }

    /// The layout when it is counted; `Err` when the counting stopped without one.
    pub fn poll(&self) -> Result<Option<Layout>, mpsc::TryRecvError> {
        match self.rx.try_recv() {
            Ok(layout) => Ok(Some(layout)),
            Err(mpsc::TryRecvError::Empty) => Ok(None),
            Err(err) => Err(err),
        }
    }
}

impl Drop for Relayout {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

impl std::fmt::Debug for Relayout {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Relayout")
    }
}

/// For a big plain-text or Markdown file: its first part, parsed (its highlights come
/// from [`Indexing::analyse_first_part`] after the first paint), and the indexing of
/// the whole. `None` when the article is small or of a format that needs
/// the whole document (HTML, JSON).
pub fn start(
    entry: &Entry,
    format: Option<Format>,
    extra: &[KnownLeader],
    threshold: u64,
    screen: (u16, u16),
) -> Option<(Article, Analysis, Indexing)> {
    // A compressed file's end is not at hand without unpacking all of it: read whole.
    if entry.size() <= threshold || entry.packed() {
        return None;
    }
    let part = first_part_bytes(screen);
    let head = entry.prefix(part).ok()?;
    // The first part joins head and tail around a marker written in UTF-8; UTF-16 text
    // (rare, and marked by its BOM) is read whole instead.
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        return None;
    }
    let head = &head[..head_cut(&head)];
    let format =
        format.unwrap_or_else(|| article::detect(&entry.source, &String::from_utf8_lossy(head)));
    if !matches!(format, Format::Text | Format::Markdown) {
        return None;
    }
    // The file's tail too, from its first paragraph break, so `G` shows the real end
    // at once.
    let mut joined = head.to_vec();
    let tail = entry.suffix(part).ok();
    if let Some(tail) = tail.filter(|_| entry.size() > 4 * part as u64) {
        let start = memchr::memmem::find(&tail, b"\n\n").map_or(tail.len(), |i| i + 2);
        joined.extend_from_slice(format!("\n\n{GAP}\n\n").as_bytes());
        joined.extend_from_slice(&tail[start..]);
    }
    let first = article::parse_all(&joined, &entry.source, Some(format))
        .ok()?
        .into_iter()
        .next()?;
    let head_blocks = (0..first.blocks.len())
        .find(|&b| first.block_text(b) == GAP)
        .unwrap_or(first.blocks.len());
    let (tx, rx) = mpsc::channel();
    let entry = entry.clone();
    let extra = extra.to_vec();
    let extra_for_first = extra.clone();
    let job: Job = Box::new(move |width| {
        let mut articles = entry.load(Some(format))?;
        anyhow::ensure!(!articles.is_empty(), "{}: no article", entry.source);
        let article = articles.swap_remove(0);
        // Finding leaders takes longest; quotes, hashing and wrapping fit beside it on
        // the other core.
        let (leaders, others) = std::thread::scope(|s| {
            let others = s.spawn(|| {
                let quotes = crate::analysis::quotes::find(&article);
                let hash = crate::state::hash(&article.text);
                let words = article.word_count();
                (quotes, hash, words, Layout::new(&article, width))
            });
            (analysis::find_leaders(&article, &extra), others.join())
        });
        let (quotes, hash, words, layout) =
            others.map_err(|_| anyhow::anyhow!("indexing {} failed", entry.source))?;
        let analysis = Analysis { quotes, leaders };
        let (marks, counts) = std::thread::scope(|s| {
            let counts = s.spawn(|| analysis::section_counts(&article, &analysis));
            let marks = crate::marks::article_index(&article, &analysis);
            (marks, counts.join())
        });
        let counts = counts.map_err(|_| anyhow::anyhow!("indexing {} failed", entry.source))?;
        Ok(Indexed {
            article,
            analysis,
            marks,
            counts,
            hash,
            words,
            layout,
        })
    });
    Some((
        first,
        Analysis::default(),
        Indexing {
            job: Some(job),
            rx,
            tx,
            head_blocks,
            first_part_leaders: Some(extra_for_first),
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::Origin;

    #[test]
    fn a_head_of_one_long_line_ends_between_characters() {
        assert_eq!(head_cut(b"one\n\ntwo"), 5);
        assert_eq!(head_cut("ab \u{201C}q".as_bytes()), 7);
        // Cut inside `“` (three bytes): the head ends before it.
        assert_eq!(head_cut(&"ab \u{201C}".as_bytes()[..5]), 3);
        assert_eq!(head_cut(b"caf\xe9 latin-1"), 12, "not UTF-8: left whole");
        // A long line of curly quotes read progressively: no character is cut in two,
        // so no legacy encoding is guessed for the head.
        let line = "word \u{201C}quoted\u{201D} President Trump ".repeat(4_000);
        let entry = Entry {
            source: "line.txt".into(),
            origin: Origin::Bytes(line.into_bytes()),
        };
        for width in 60..90 {
            let (first, _, _) = start(&entry, None, &[], 10_000, (width, 20)).expect("progressive");
            assert!(first.warnings.is_empty(), "{:?}", first.warnings);
        }
    }

    #[test]
    fn utf16_text_is_read_whole() {
        let text = "Title\n\nA paragraph of words.\n\n".repeat(2_000);
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let entry = Entry {
            source: "wide.txt".into(),
            origin: Origin::Bytes(bytes),
        };
        assert!(start(&entry, None, &[], 10_000, (80, 24)).is_none());
    }

    #[test]
    fn a_compressed_file_is_read_whole() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("big.txt.gz");
        let text = crate::synth::article(300_000, 9, false);
        std::fs::write(&path, crate::unpack::gzip(text.as_bytes())).expect("write");
        let entry = Entry {
            source: "big.txt.gz".into(),
            origin: Origin::File(path),
        };
        assert!(entry.size() > 10_000);
        assert!(start(&entry, None, &[], 10_000, (80, 24)).is_none());
    }

    #[test]
    fn the_progressive_result_equals_the_eager_one() {
        let text = crate::synth::article(300_000, 9, false);
        let entry = Entry {
            source: "big.txt".into(),
            origin: Origin::Bytes(text.clone().into_bytes()),
        };
        let (first, _, indexing) = start(&entry, None, &[], 10_000, (80, 24)).expect("progressive");
        assert!(first.text.len() < text.len() && first.text.contains(GAP));
        let head_blocks = indexing.head_blocks;
        let in_tail = Anchor {
            block: first.blocks.len() - 2,
            offset: 3,
        };
        let tail_text = first.block_text(in_tail.block).to_string();
        let (tx, rx) = mpsc::channel();
        let probe = Indexing {
            job: None,
            rx,
            tx,
            head_blocks,
            first_part_leaders: None,
        };
        let Indexed {
            article: whole,
            analysis,
            layout,
            ..
        } = indexing.wait(40).unwrap();
        assert_eq!(layout.width, 40);
        let eager = article::parse(text.as_bytes(), "big.txt");
        assert_eq!(whole.sections, eager.sections);
        assert_eq!(analysis, analysis::analyse(&eager, &[]));
        // The first part's head blocks are the whole article's first blocks…
        for (a, b) in first.blocks.iter().zip(&whole.blocks).take(head_blocks - 1) {
            assert_eq!(a, b);
        }
        // …it already ends as the whole article ends…
        let last = |a: &Article| a.block_text(a.blocks.len() - 1).to_string();
        assert_eq!(last(&first), last(&whole));
        // …and anchors in the tail map onto the same text in the whole article.
        let mapped = probe.map_anchor(&first, &whole, in_tail);
        assert_eq!(whole.block_text(mapped.block), tail_text);
        let early = Anchor {
            block: 2,
            offset: 1,
        };
        assert_eq!(probe.map_anchor(&first, &whole, early), early);
        assert!(
            start(&entry, None, &[], 10_000_000, (80, 24)).is_none(),
            "small files load at once"
        );
    }
}
