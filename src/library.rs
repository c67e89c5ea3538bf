//! The articles byline was asked to open: bundled seeds, files, folders, standard
//! input. Discovering is cheap; an article is read and parsed when it is loaded.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::article::{self, Article, Format};
use crate::{source, unpack};

include!(concat!(env!("OUT_DIR"), "/seeds.rs"));

/// File extensions that a folder is searched for (and `.xml`, when a feed: see
/// [`is_article_file`]).
const ARTICLE_EXTENSIONS: &[&str] = &[
    "txt", "text", "rst", "md", "markdown", "html", "htm", "xhtml", "json", "jsonl", "ndjson",
    "rss", "atom", "eml", "mbox",
];

/// Markdown files from this size on are read and parsed a piece at a time.
const MARKDOWN_PIECES_BYTES: u64 = 16 << 20;

/// A big Markdown file, read and parsed a piece at a time (see `markdown::Reader`), so
/// that its source is never held whole beside its reading text. `None` when it is not
/// plain UTF-8: the caller then reads it whole.
fn load_markdown_in_pieces(path: &Path, name: &str) -> Result<Option<Article>> {
    use article::markdown::{self, Pieces, Reader, Scan};
    let size = std::fs::metadata(path).map_or(0, |m| usize::try_from(m.len()).unwrap_or(0));
    // Any piece may use a link reference definition made anywhere, so each is given
    // them all. Most documents make none: they are parsed (on other threads, while the
    // file is read, cleaned and cut) in the read that looks for definitions, and only a
    // document with some is read again.
    let (read, definitions, parsed) = std::thread::scope(|s| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<(usize, String)>(2);
        // On one core the parsers would only take turns, and pieces read apart cost
        // their copy into the whole.
        let parsers = match std::thread::available_parallelism().map_or(1, |n| n.get()) {
            1 => 0,
            _ => 2,
        };
        let parsing = s.spawn(move || parse_pieces(rx, size, name, parsers));
        let mut scan = Scan::new(true);
        let mut definitions = String::new();
        let mut pieces = Pieces::new(String::new());
        let mut number = 0;
        let mut send = |piece: String| {
            // The parsers stop only by panicking, which `join` reports.
            let _ = tx.send((number, piece));
            number += 1;
        };
        let read = source::read_clean_lines(path, |text| {
            markdown::definitions(&text, &mut scan, &mut definitions);
            if definitions.is_empty()
                && let Some(piece) = pieces.push(&text)
            {
                send(piece);
            }
        });
        if definitions.is_empty() {
            send(pieces.finish());
        }
        drop(tx);
        (read, definitions, parsing.join())
    });
    let parsed = parsed
        .ok()
        .flatten()
        .ok_or_else(|| anyhow::anyhow!("parsing {} failed", path.display()))?;
    if !read? {
        return Ok(None);
    }
    if definitions.is_empty() {
        return Ok(Some(parsed));
    }
    drop(parsed);
    let mut pieces = Pieces::new(definitions);
    let mut reader = Reader::new(size);
    if !source::read_clean_lines(path, |text| {
        if let Some(piece) = pieces.push(&text) {
            reader.feed(&piece);
        }
    })? {
        return Ok(None);
    }
    reader.feed(&pieces.finish());
    Ok(Some(reader.finish(name)))
}

/// Parses the numbered pieces of a Markdown document into one article: `parsers`
/// threads read the pieces (but the first) on their own, in turn, and what they make is
/// taken in order ([`Reader::take`](article::markdown::Reader::take)); with none, this
/// thread reads them all. Parsing is the slowest step of reading a big document, so it
/// is worth more cores. A piece goes to a parser only once the piece `parsers` before
/// it is taken: however long one piece takes, the others never pile up in memory.
/// `None` if a parser panicked.
fn parse_pieces(
    pieces: std::sync::mpsc::Receiver<(usize, String)>,
    size: usize,
    name: &str,
    parsers: usize,
) -> Option<Article> {
    use article::markdown::Reader;
    use std::sync::mpsc::sync_channel;
    let mut whole = Reader::new(size);
    if parsers == 0 {
        for (_, piece) in pieces {
            whole.feed(&piece);
        }
        return Some(whole.finish(name));
    }
    std::thread::scope(|s| {
        // Each parser's way in and way back.
        let lanes: Vec<_> = (0..parsers)
            .map(|_| {
                let (to, todo) = sync_channel::<(usize, String)>(1);
                let (back, done) = sync_channel::<(String, Option<Reader>)>(1);
                s.spawn(move || {
                    for (number, piece) in todo {
                        let read = (number > 0).then(|| {
                            let mut read = Reader::continuation(piece.len());
                            read.feed(&piece);
                            read
                        });
                        if back.send((piece, read)).is_err() {
                            return;
                        }
                    }
                });
                (to, done)
            })
            .collect();
        // The parsers holding the pieces not yet taken, oldest first.
        let mut waiting = std::collections::VecDeque::new();
        let mut take_oldest = |waiting: &mut std::collections::VecDeque<usize>| {
            let lane = waiting.pop_front()?;
            let (piece, read) = lanes[lane].1.recv().ok()?;
            whole.take(&piece, read);
            Some(())
        };
        for (number, piece) in pieces {
            if waiting.len() == parsers {
                take_oldest(&mut waiting)?;
            }
            let lane = number % parsers;
            lanes[lane].0.send((number, piece)).ok()?;
            waiting.push_back(lane);
        }
        while !waiting.is_empty() {
            take_oldest(&mut waiting)?;
        }
        Some(())
    })?;
    Some(whole.finish(name))
}

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
    /// Reads and parses every article in the entry (a JSON array or feed holds several).
    /// Errors name the source.
    pub fn load(&self, format: Option<Format>) -> Result<Vec<Article>> {
        if let Origin::File(path) = &self.origin
            && format.unwrap_or_else(|| article::detect(&self.source, "")) == Format::Markdown
            && self.size() >= MARKDOWN_PIECES_BYTES
            && let Some(article) =
                load_markdown_in_pieces(path, &self.source).with_context(|| self.source.clone())?
        {
            return Ok(vec![article]);
        }
        match &self.origin {
            Origin::Seed(bytes) => article::parse_all(bytes, &self.source, format),
            Origin::Bytes(bytes) => article::parse_all(bytes, &self.source, format),
            Origin::File(path) => {
                let bytes = source::read(path)?;
                if article::reads_as_email(&bytes, &self.source, format) {
                    article::parse_all(&bytes, &self.source, format)
                } else {
                    // The file's buffer becomes the article's text: a big file is not
                    // held twice.
                    article::parse_decoded(source::decode_owned(bytes), &self.source, format)
                }
            }
        }
        .with_context(|| self.source.clone())
    }

    /// The first `n` bytes, without reading the rest of a file.
    pub fn prefix(&self, n: usize) -> Result<Vec<u8>> {
        Ok(match &self.origin {
            Origin::Seed(bytes) => bytes[..bytes.len().min(n)].to_vec(),
            Origin::Bytes(bytes) => bytes[..bytes.len().min(n)].to_vec(),
            Origin::File(path) => {
                unpack::head(path, n).with_context(|| format!("reading {}", path.display()))?
            }
        })
    }

    /// The last `n` bytes, without reading the rest of a file; none of a compressed
    /// one, whose end is not its text's.
    pub fn suffix(&self, n: usize) -> Result<Vec<u8>> {
        if self.packed() {
            anyhow::bail!("{}: compressed", self.source);
        }
        Ok(match &self.origin {
            Origin::Seed(bytes) => bytes[bytes.len().saturating_sub(n)..].to_vec(),
            Origin::Bytes(bytes) => bytes[bytes.len().saturating_sub(n)..].to_vec(),
            Origin::File(path) => {
                use std::io::{Read, Seek, SeekFrom};
                let mut file = std::fs::File::open(path)
                    .with_context(|| format!("reading {}", path.display()))?;
                let len = file.metadata()?.len();
                file.seek(SeekFrom::Start(len.saturating_sub(n as u64)))?;
                let mut tail = Vec::with_capacity(n);
                file.read_to_end(&mut tail)?;
                tail
            }
        })
    }

    /// The size of the text: of a compressed file, what it unpacks to.
    pub fn size(&self) -> u64 {
        match &self.origin {
            Origin::Seed(bytes) => bytes.len() as u64,
            Origin::Bytes(bytes) => bytes.len() as u64,
            Origin::File(path) if unpack::has_gzip_name(path) => unpack::unpacked_size(path)
                .unwrap_or_else(|| std::fs::metadata(path).map_or(0, |m| m.len())),
            Origin::File(path) => std::fs::metadata(path).map_or(0, |m| m.len()),
        }
    }

    /// Whether the entry is a file compressed with gzip, as its first bytes tell.
    pub fn packed(&self) -> bool {
        use std::io::Read;
        let Origin::File(path) = &self.origin else {
            return false;
        };
        let mut magic = [0; 2];
        std::fs::File::open(path).is_ok_and(|mut f| f.read_exact(&mut magic).is_ok())
            && unpack::is_gzip(&magic)
    }
}

/// How much of a file is read for its title in the library list.
const HEAD_BYTES: usize = 4096;
/// For reading time: words a minute, and bytes per word when only the size is known.
const WORDS_PER_MINUTE: usize = 230;
const BYTES_PER_WORD: u64 = 6;

/// One article in the library list.
#[derive(Debug, Clone)]
pub struct Item {
    pub entry: Entry,
    /// Which article of the entry (JSON arrays hold several).
    pub index: usize,
    pub title: String,
    pub length: Length,
    /// Why it could not be read or parsed.
    pub error: Option<String>,
}

/// How long an article is, as far as the list knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Length {
    /// Counted: the article is parsed (or small enough to be, for its title).
    Words(usize),
    /// Guessed from the size of a text or Markdown file not read yet.
    AboutWords(usize),
    /// Only the size: a page's or feed's markup says nothing of its words.
    Bytes(u64),
}

impl std::fmt::Display for Length {
    /// `1234 words · 6 min`, `≈ 12k words · ≈ 53 min`, `310 KB`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (words, about) = match *self {
            Length::Words(n) => (n, ""),
            Length::AboutWords(n) => (n, "≈ "),
            Length::Bytes(b) if b < 1 << 20 => return write!(f, "{} KB", b.div_ceil(1 << 10)),
            Length::Bytes(b) => return write!(f, "{:.1} MB", b as f64 / f64::from(1 << 20)),
        };
        let minutes = words.div_ceil(WORDS_PER_MINUTE).max(1);
        let plural = if words == 1 { "" } else { "s" };
        let time = if minutes < 60 {
            format!("{minutes} min")
        } else {
            format!("{} h", minutes.div_ceil(60))
        };
        write!(f, "{about}{} word{plural} · {about}{time}", count(words))
    }
}

/// `950`, `12k`, `1.7M`: short enough for the list's line.
fn count(n: usize) -> String {
    match n {
        0..10_000 => n.to_string(),
        10_000..1_000_000 => format!("{}k", n / 1000),
        _ => format!("{:.1}M", n as f64 / 1e6),
    }
}

/// The library list: one item per entry, titled cheaply from the first few kilobytes,
/// on every core; a file that small with several articles (a feed, a mailbox), one per
/// article. A bigger one is expanded by [`expand`] when opened.
pub fn scan(entries: Vec<Entry>, format: Option<Format>) -> Vec<Item> {
    // A few files: threads would cost more than they save.
    if entries.len() <= 16 {
        return entries
            .iter()
            .flat_map(|e| cheap_items(e, format))
            .collect();
    }
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    let chunk = entries.len().div_ceil(threads).max(1);
    let mut items: Vec<Item> = Vec::with_capacity(entries.len());
    std::thread::scope(|scope| {
        let handles: Vec<_> = entries
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .flat_map(|e| cheap_items(e, format))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for h in handles {
            items.extend(h.join().unwrap_or_default());
        }
    });
    items
}

/// The words of a file `size` bytes long guessed from its head's: as many to a byte as
/// the head has (Chinese or Japanese, counted a word a character, hold twice as many
/// as English), or one in [`BYTES_PER_WORD`] when the head has too few words to tell (a
/// long listing of code, say).
fn about_words(size: u64, head_bytes: usize, head_words: usize) -> usize {
    const ENOUGH_WORDS: usize = 100;
    if head_words < ENOUGH_WORDS {
        return (size / BYTES_PER_WORD) as usize;
    }
    let words = u128::from(size) * head_words as u128 / head_bytes as u128;
    usize::try_from(words).unwrap_or(usize::MAX)
}

fn cheap_items(entry: &Entry, format: Option<Format>) -> Vec<Item> {
    let size = entry.size();
    let mut length = Length::Bytes(size);
    let (title, error) = match entry.prefix(HEAD_BYTES) {
        Ok(head) => {
            let whole = head.len() as u64 >= size;
            let head = if whole {
                &head[..]
            } else {
                source::whole_characters(&head)
            };
            let name = entry.source.as_str();
            // Only a prefix: a JSON or HTML head may not parse; fall back to the name.
            let mut articles = article::parse_all(head, name, format).unwrap_or_default();
            if whole && articles.len() > 1 {
                let mut items = vec![Item {
                    entry: entry.clone(),
                    index: 0,
                    title: String::new(),
                    length,
                    error: None,
                }];
                expand(&mut items, 0, &articles);
                return items;
            }
            let first = (!articles.is_empty()).then(|| articles.swap_remove(0));
            if let Some(first) = &first {
                length = if whole {
                    Length::Words(first.word_count())
                } else if matches!(first.format, Format::Text | Format::Markdown) {
                    Length::AboutWords(about_words(size, head.len(), first.word_count()))
                } else {
                    Length::Bytes(size)
                };
            }
            let title = first
                .map(|a| a.title)
                .or_else(|| article::title::from_file_name(name))
                .unwrap_or_else(|| name.to_string());
            (title, None)
        }
        Err(err) => (entry.source.clone(), Some(format!("{err:#}"))),
    };
    vec![Item {
        entry: entry.clone(),
        index: 0,
        title,
        length,
        error,
    }]
}

/// The folder all the items' sources are in (`/home/ana/articles/`), with its last `/`:
/// the list need not repeat it on every line. Empty when they share none.
pub fn shared_folder(items: &[Item]) -> String {
    let Some((first, rest)) = items.split_first() else {
        return String::new();
    };
    let first = first.entry.source.as_str();
    let mut shared = first.len();
    for item in rest {
        let common = first
            .bytes()
            .zip(item.entry.source.bytes())
            .take_while(|(a, b)| a == b)
            .count();
        shared = shared.min(common);
    }
    // The shared bytes may end inside a character (`é`, `è`); a `/` never does.
    first.as_bytes()[..shared]
        .iter()
        .rposition(|&b| b == b'/')
        .map_or_else(String::new, |slash| first[..=slash].to_string())
}

/// Replaces the item at `at` by one item per article of `articles` (all from its entry).
pub fn expand(items: &mut Vec<Item>, at: usize, articles: &[Article]) {
    let template = items[at].clone();
    let replacement: Vec<Item> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| Item {
            index: i,
            title: a.title.clone(),
            length: Length::Words(a.word_count()),
            error: None,
            ..template.clone()
        })
        .collect();
    items.splice(at..=at, replacement);
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
            walk(path, &mut entries, &mut HashSet::new())
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

/// Adds the articles in `dir` and its subfolders, in name order. A folder reached again
/// (a link to a parent, two links to one folder) is read once: `seen` holds the real
/// paths of those read. A subfolder that cannot be read is left out; `dir` itself is an
/// error.
fn walk(dir: &Path, entries: &mut Vec<Entry>, seen: &mut HashSet<PathBuf>) -> Result<()> {
    if !seen.insert(std::fs::canonicalize(dir)?) {
        return Ok(());
    }
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
            // Unreadable, or gone meanwhile: the rest of the library still opens.
            let _ = walk(&child, entries, seen);
        } else if is_article_file(&child) {
            entries.push(file_entry(child));
        }
    }
    Ok(())
}

/// Whether a file in a folder is an article, by its extension; an `.xml` file only when
/// its head says it is a feed, as a folder may hold other XML (sitemaps, settings).
fn is_article_file(path: &Path) -> bool {
    use std::io::Read;
    let Some(ext) = path.extension().map(|e| e.to_string_lossy().to_lowercase()) else {
        return false;
    };
    if ext == "gz" {
        return is_article_file(&path.with_extension(""));
    }
    if ext != "xml" {
        return ARTICLE_EXTENSIONS.contains(&ext.as_str());
    }
    let mut head = Vec::new();
    let read = std::fs::File::open(path).and_then(|f| f.take(4096).read_to_end(&mut head));
    read.is_ok() && article::feed::looks_like_feed(&String::from_utf8_lossy(&head))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn length_of(source: &str, text: String) -> Length {
        let entry = Entry {
            source: source.into(),
            origin: Origin::Bytes(text.into_bytes()),
        };
        cheap_items(&entry, None)[0].length
    }

    #[test]
    fn a_small_file_of_several_articles_lists_each_at_once() {
        let feed = |items: usize| {
            let item = |i: usize| {
                format!(
                    "<item><title>Item {i}</title><description>Words of item {i}.</description></item>"
                )
            };
            let items: String = (0..items).map(item).collect();
            Entry {
                source: "f.rss".into(),
                origin: Origin::Bytes(
                    format!("<rss><channel><title>F</title>{items}</channel></rss>").into_bytes(),
                ),
            }
        };
        let listed = scan(vec![feed(3)], None);
        let titles: Vec<&str> = listed.iter().map(|i| i.title.as_str()).collect();
        assert_eq!(titles, ["Item 0", "Item 1", "Item 2"]);
        assert!(listed.iter().enumerate().all(|(n, i)| i.index == n));
        assert_eq!(listed[2].length, Length::Words(4));
        // Bigger than what is read for the list: one item, expanded when opened.
        let big = scan(vec![feed(200)], None);
        assert_eq!(big.len(), 1);
        assert_eq!(big[0].title, "Item 0");
    }

    #[test]
    fn the_list_counts_small_articles_and_guesses_only_from_text() {
        // Read whole for its title: counted, markup or not.
        let page = "<html><head><title>T</title><script>var a = 1, b = 2;</script></head>\
                    <body><p>Three short words.</p></body></html>";
        assert_eq!(length_of("a.html", page.into()), Length::Words(3));
        // Bigger than the head: text has as many words to a byte as its head; a page
        // only its size.
        let about = |source: &str, text: String| match length_of(source, text) {
            Length::AboutWords(n) => n,
            other => panic!("{other:?}"),
        };
        let words = "word ".repeat(3000);
        assert!((2950..=3050).contains(&about("b.txt", words.clone())));
        // Chinese and Japanese pack more words (characters) into a byte.
        let paragraph = "東京で首脳会談が開かれた。".repeat(20);
        let japanese = format!("東京で首脳会談{}", format!("\n\n{paragraph}").repeat(25));
        let n = about("j.txt", japanese.clone());
        assert!((5900..=6100).contains(&n), "{n}");
        // Its head, cut inside a character, still reads as UTF-8.
        let entry = Entry {
            source: "j.txt".into(),
            origin: Origin::Bytes(japanese.into_bytes()),
        };
        assert_eq!(cheap_items(&entry, None)[0].title, "東京で首脳会談");
        // A head of few words (a long listing of code) tells nothing: a word in six
        // bytes.
        let code = format!("```\n{}```\n\n{words}", "x = 1;\n".repeat(800));
        assert_eq!(about("f.md", code.clone()), code.len() / 6);
        let page = format!("<html><body><p>{words}</p></body></html>");
        assert_eq!(
            length_of("c.html", page.clone()),
            Length::Bytes(page.len() as u64)
        );
    }

    #[test]
    fn the_folder_items_share_ends_at_a_slash() {
        let items = |sources: &[&str]| -> Vec<Item> {
            sources
                .iter()
                .map(|s| Item {
                    entry: Entry {
                        source: s.to_string(),
                        origin: Origin::Bytes(Vec::new()),
                    },
                    index: 0,
                    title: String::new(),
                    length: Length::Words(0),
                    error: None,
                })
                .collect()
        };
        let folder = |sources: &[&str]| shared_folder(&items(sources));
        assert_eq!(folder(&["/news/ab.md", "/news/ac.md"]), "/news/");
        assert_eq!(folder(&["/news/é.md", "/news/è.md"]), "/news/");
        assert_eq!(folder(&["a/x/1.md", "a/y/2.md", "a/x/3.md"]), "a/");
        assert_eq!(folder(&["/news/feed.rss", "/news/feed.rss"]), "/news/");
        assert_eq!(folder(&["feed.rss", "feed.rss"]), "");
        assert_eq!(folder(&["a/1.md", "b/2.md"]), "");
        assert_eq!(folder(&["-"]), "");
        assert_eq!(folder(&[]), "");
    }

    #[test]
    fn lengths_read_as_words_and_minutes_or_a_size() {
        assert_eq!(Length::Words(1).to_string(), "1 word · 1 min");
        assert_eq!(
            Length::AboutWords(2500).to_string(),
            "≈ 2500 words · ≈ 11 min"
        );
        assert_eq!(Length::Words(12_345).to_string(), "12k words · 54 min");
        assert_eq!(
            Length::AboutWords(17_476_390).to_string(),
            "≈ 17.5M words · ≈ 1267 h"
        );
        assert_eq!(Length::Bytes(310 * 1024).to_string(), "310 KB");
        assert_eq!(Length::Bytes(5 << 20).to_string(), "5.0 MB");
    }

    #[test]
    fn a_big_markdown_file_read_in_pieces_is_the_file_read_whole() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("big.md");
        let article = crate::synth::article(MARKDOWN_PIECES_BYTES as usize + 1000, 5, true);
        // Without link definitions (read once), and with one at the end that the link
        // before it uses (read again).
        let linked = "\n\nSee [the summary][s].\n\n[s]: https://example.org/summary\n";
        for text in [article.clone(), article + linked] {
            std::fs::write(&path, &text).expect("write");
            let pieces = load_markdown_in_pieces(&path, "big.md")
                .expect("read")
                .expect("plain UTF-8");
            let whole = article::markdown::parse(&text, "big.md");
            assert_eq!(pieces.text, whole.text);
            assert_eq!(pieces.blocks, whole.blocks);
            assert_eq!(pieces.sections, whole.sections);
            assert_eq!(
                whole.text.contains("the summary[1]"),
                text.ends_with(linked)
            );
            let from_file = Entry {
                source: "big.md".into(),
                origin: Origin::File(path.clone()),
            };
            let loaded = from_file.load(Some(Format::Markdown)).expect("load");
            assert_eq!(loaded[0].text, whole.text);
        }
    }

    fn gzip(text: &str) -> Vec<u8> {
        unpack::gzip(text.as_bytes())
    }

    #[test]
    fn a_folder_lists_its_compressed_articles_and_reads_what_they_hold() {
        let dir = tempfile::tempdir().expect("temp dir");
        // Its name, not its text, says Markdown: the code marks go.
        let notes = "Harbour Notes\n\nThe ferry runs at nine, `the council` said.\n";
        std::fs::write(dir.path().join("notes.md.gz"), gzip(notes)).expect("write");
        // Not an article's name inside: a changelog, a man page's source.
        std::fs::write(dir.path().join("changelog.Debian.gz"), gzip("x")).expect("write");
        std::fs::write(dir.path().join("ls.1.gz"), gzip(".TH LS 1")).expect("write");
        let entries = discover(&[dir.path().to_path_buf()]).expect("discover");
        assert_eq!(entries.len(), 1);
        assert!(entries[0].source.ends_with("notes.md.gz"));
        assert_eq!(entries[0].size(), notes.len() as u64);
        let items = cheap_items(&entries[0], None);
        assert_eq!(items[0].title, "Notes");
        assert_eq!(items[0].length, Length::Words(10));
        let article = entries[0].load(None).expect("load").swap_remove(0);
        assert_eq!(article.format, Format::Markdown);
        assert!(
            article
                .text
                .ends_with("The ferry runs at nine, the council said.")
        );
    }

    #[test]
    fn a_big_compressed_file_reads_as_the_file_it_holds() {
        let dir = tempfile::tempdir().expect("temp dir");
        let text = crate::synth::article(MARKDOWN_PIECES_BYTES as usize + 1000, 5, true);
        let packed = dir.path().join("big.md.gz");
        std::fs::write(&packed, gzip(&text)).expect("write");
        let entry = Entry {
            source: "big.md.gz".into(),
            origin: Origin::File(packed),
        };
        assert_eq!(entry.size(), text.len() as u64);
        assert!(
            entry.suffix(10).is_err(),
            "a compressed file's end is not its text's"
        );
        let loaded = entry.load(None).expect("load");
        assert_eq!(
            loaded[0].text,
            article::markdown::parse(&text, "big.md").text
        );
    }

    #[test]
    fn pieces_parsed_on_any_number_of_threads_make_the_same_article() {
        use article::markdown::Pieces;
        // Front matter gives the title and a credit line, which head the text.
        let text = "---\ntitle: Big\nauthor: Ana Ruiz\n---\n\nFirst.\n\n".to_string()
            + &crate::synth::article(300_000, 3, true);
        let mut cut = Pieces::new(String::new());
        let mut pieces: Vec<String> = text
            .split_inclusive('\n')
            .filter_map(|line| cut.push(line))
            .collect();
        pieces.push(cut.finish());
        assert!(pieces.len() > 100, "{}", pieces.len());
        let whole = article::markdown::parse(&text, "p.md");
        for parsers in [0, 1, 2, 3] {
            let (tx, rx) = std::sync::mpsc::sync_channel(2);
            let parsed = std::thread::scope(|s| {
                let parsing = s.spawn(|| parse_pieces(rx, text.len(), "p.md", parsers));
                for piece in pieces.iter().cloned().enumerate() {
                    tx.send(piece).expect("send");
                }
                drop(tx);
                parsing.join().expect("join").expect("parsed")
            });
            assert_eq!(parsed.text, whole.text, "{parsers} parsers");
            assert_eq!(parsed.blocks, whole.blocks, "{parsers} parsers");
            assert_eq!(parsed.inline, whole.inline, "{parsers} parsers");
            assert_eq!(parsed.sections, whole.sections, "{parsers} parsers");
            assert_eq!(parsed.block_text(0), "Big");
            assert_eq!(parsed.block_text(1), "By Ana Ruiz");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_folder_reached_again_through_a_link_is_read_once() {
        let temp = tempfile::tempdir().expect("temp dir");
        let dir = temp.path().to_path_buf();
        std::fs::create_dir_all(dir.join("a/b")).expect("temp dir");
        std::fs::write(dir.join("top.txt"), "Top\n\nText.\n").expect("write");
        std::fs::write(dir.join("a/b/deep.md"), "# Deep\n\nText.\n").expect("write");
        std::fs::write(dir.join("a/guide.rst"), "Guide\n=====\n\nText.\n").expect("write");
        std::fs::write(dir.join("a/notes.bin"), "not an article").expect("write");
        // XML is an article only when it is a feed.
        std::fs::write(dir.join("a/news.xml"), "<?xml version=\"1.0\"?>\n<rss>").expect("write");
        std::fs::write(
            dir.join("a/sitemap.xml"),
            "<?xml version=\"1.0\"?><urlset/>",
        )
        .expect("write");
        // A link back to the top, and a second way into `a/b`.
        std::os::unix::fs::symlink(&dir, dir.join("a/b/up")).expect("link");
        std::os::unix::fs::symlink(dir.join("a/b"), dir.join("again")).expect("link");
        let entries = discover(std::slice::from_ref(&dir)).expect("discover");
        let names: Vec<_> = entries
            .iter()
            .map(|e| {
                e.source
                    .strip_prefix(&*dir.to_string_lossy())
                    .unwrap_or(&e.source)
            })
            .collect();
        assert_eq!(
            names,
            ["/a/b/deep.md", "/a/guide.rst", "/a/news.xml", "/top.txt"]
        );
    }
}
