//! The article model every format parses into. Pure data: byte ranges into one text.

pub mod build;
pub mod dateline;
pub mod email;
mod escapes;
pub mod feed;
pub mod front_matter;
mod gutenberg;
pub mod html;
mod html_meta;
pub mod json;
mod manpage;
pub mod markdown;
pub mod plain;
pub mod table;
pub mod title;

use std::ops::Range;

use serde::Serialize;

use crate::source;

/// Decodes and parses one article as plain text (or Markdown/HTML when its name or
/// content says so). `source` names it (a path, `-` or `seed:NAME`).
pub fn parse(bytes: &[u8], source: &str) -> Article {
    match parse_all(bytes, source, None) {
        Ok(mut articles) if !articles.is_empty() => articles.swap_remove(0),
        Ok(_) => plain::parse(String::new(), source),
        Err(err) => {
            let mut article = plain::parse(source::decode(bytes).text, source);
            article.warnings.push(format!("{err:#}"));
            article
        }
    }
}

/// Decodes and parses a file that may hold several articles (a JSON array, JSON
/// Lines). `format` overrides detection by extension and content.
pub fn parse_all(
    bytes: &[u8],
    source: &str,
    format: Option<Format>,
) -> anyhow::Result<Vec<Article>> {
    if reads_as_email(bytes, source, format) {
        return email::parse_all(bytes, source);
    }
    parse_decoded(source::decode(bytes), source, format)
}

/// Whether `bytes` are an email, read from its bytes rather than decoded first as one
/// text: each of its parts names its own charset.
pub fn reads_as_email(bytes: &[u8], source: &str, format: Option<Format>) -> bool {
    match format.or_else(|| by_extension(source)) {
        Some(format) => format == Format::Email,
        None => email::looks_like_email(bytes),
    }
}

/// [`parse_all`] of text already decoded (say by [`source::decode_owned`], which keeps
/// a big file's buffer instead of copying it).
pub fn parse_decoded(
    decoded: source::Decoded,
    source: &str,
    format: Option<Format>,
) -> anyhow::Result<Vec<Article>> {
    let format = format.unwrap_or_else(|| detect(source, &decoded.text));
    let mut articles = match format {
        Format::Text => vec![plain_text(decoded.text, decoded.for_terminal, source)],
        Format::Markdown => vec![markdown::parse(&decoded.text, source)],
        Format::Html => vec![html::parse(&decoded.text, source)],
        Format::Json => json::parse(&decoded.text, source)?,
        Format::Feed => feed::parse(&decoded.text, source)?,
        // Read from its bytes by `parse_all` when they are known for an email; text that
        // reaches here was decoded first (UTF-16, say).
        Format::Email => email::parse_all(decoded.text.as_bytes(), source)?,
    };
    for article in &mut articles {
        article.warnings.extend(decoded.warnings.iter().cloned());
    }
    Ok(articles)
}

/// Plain text: a manual page, a book of Project Gutenberg's or any other. Text written
/// for a terminal is read without its overstrikes and escape sequences, keeping the
/// styles they set.
fn plain_text(text: String, for_terminal: bool, source: &str) -> Article {
    let styled = match for_terminal {
        true => escapes::decode(&text),
        false => escapes::Styled {
            text,
            styles: Vec::new(),
        },
    };
    if let Some(page) = manpage::parse(&styled, source) {
        return page;
    }
    match styled.styles.is_empty() {
        true => plain::parse(gutenberg::book(styled.text), source),
        false => plain::parse_styled(styled.text, styled.styles, source),
    }
}

/// The format a file's extension names, if it names one.
fn by_extension(name: &str) -> Option<Format> {
    let name = crate::unpack::without_gzip_suffix(name);
    let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
    Some(match ext.as_str() {
        "md" | "markdown" | "mdown" | "mkd" => Format::Markdown,
        "html" | "htm" | "xhtml" => Format::Html,
        "json" | "jsonl" | "ndjson" => Format::Json,
        "txt" | "text" | "rst" => Format::Text,
        "rss" | "atom" => Format::Feed,
        "eml" | "mbox" => Format::Email,
        _ => return None,
    })
}

/// The format of a file: by its extension, else by sniffing the start of the text.
pub fn detect(name: &str, text: &str) -> Format {
    if let Some(format) = by_extension(name) {
        return format;
    }
    let head: String = text.trim_start().chars().take(2000).collect();
    let lower = head.to_ascii_lowercase();
    if feed::looks_like_feed(&head) {
        Format::Feed
    } else if email::looks_like_email(text.as_bytes()) {
        Format::Email
    } else if lower.starts_with("<!doctype html")
        || lower.starts_with("<html")
        || (lower.starts_with('<')
            && (lower.contains("<body") || lower.contains("<p>") || lower.contains("<article")))
    {
        Format::Html
    } else if (head.starts_with('{') || head.starts_with('[')) && json::looks_like_json(text) {
        Format::Json
    } else if markdown::looks_like_markdown(&head) {
        Format::Markdown
    } else {
        Format::Text
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Markdown,
    Html,
    Json,
    /// RSS or Atom: each item an article.
    Feed,
    /// A saved email (`.eml`) or a mailbox of them (`.mbox`).
    Email,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// The article's title line, when the text carries one.
    Title,
    Heading {
        level: u8,
    },
    Paragraph,
    /// A list item, `depth` lists deep and within `quote` block quotes; its text starts
    /// with its marker (`• `, `3. `).
    ListItem {
        depth: u8,
        quote: u8,
    },
    /// A later paragraph of a list item (its second, or one after its code block or a
    /// list within it): set in under the item's text.
    ListText(Nest),
    /// A paragraph of a block quote, `depth` quotes deep (a quote within a quote is 2).
    Quote {
        depth: u8,
    },
    /// A term a definition explains (an option of a manual page, a glossary's word):
    /// its definition, or the next term sharing it, sits right under it.
    Term,
    /// A paragraph defining the term above it, set in under it.
    Definition,
    /// Preformatted text: never wrapped, never analysed; set in from the text it is
    /// part of (an item's, a quote's).
    Code(Nest),
    /// A table laid out as a grid (see [`table`]): one row per line, never wrapped, but
    /// analysed like prose; under the text it is part of.
    Table(Nest),
    /// A break between two passages of the text (a scene break, `* * *`; a rule):
    /// drawn centred and dimmed; it holds no words.
    Break,
}

/// Where a block that is part of a list item or a quote sits: within `quote` block
/// quotes, and under the text of the item last begun `depth` lists deep (0: none),
/// `hang` columns past where that item's marker starts. Of its quotes, `inner` are
/// within that item (`1. Step⏎   > Back up first.`): their bars stand under the item's
/// text, the others' at the margin.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Nest {
    pub depth: u8,
    pub quote: u8,
    pub hang: u8,
    pub inner: u8,
}

impl Nest {
    /// A block of the text itself, in no list or quote.
    pub const NONE: Nest = Nest {
        depth: 0,
        quote: 0,
        hang: 0,
        inner: 0,
    };

    /// The kind of a paragraph set where this says: an item's later one, a quote's.
    pub fn prose(self) -> BlockKind {
        match self {
            Nest { depth: 1.., .. } => BlockKind::ListText(self),
            Nest { quote, .. } => BlockKind::quote(usize::from(quote)),
        }
    }
}

impl BlockKind {
    /// Code and a table of the text itself, in no list or quote (all a plain text's).
    pub const CODE: BlockKind = BlockKind::Code(Nest::NONE);
    pub const TABLE: BlockKind = BlockKind::Table(Nest::NONE);

    /// A quote's paragraph `depth` quotes deep; 0 is none.
    pub fn quote(depth: usize) -> BlockKind {
        match u8::try_from(depth) {
            Ok(0) => BlockKind::Paragraph,
            depth => BlockKind::Quote {
                depth: depth.unwrap_or(u8::MAX),
            },
        }
    }

    /// How many block quotes the block is in.
    pub fn quote_depth(self) -> u8 {
        match self {
            BlockKind::Quote { depth }
            | BlockKind::ListItem { quote: depth, .. }
            | BlockKind::ListText(Nest { quote: depth, .. })
            | BlockKind::Code(Nest { quote: depth, .. })
            | BlockKind::Table(Nest { quote: depth, .. }) => depth,
            _ => 0,
        }
    }

    /// The title or a section heading: set in Title Case, so its capitals say little.
    pub fn is_heading(self) -> bool {
        matches!(self, BlockKind::Title | BlockKind::Heading { .. })
    }
}

/// Inline styles the markup asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inline {
    Emphasis,
    Strong,
    Code,
    /// A link's text or a reference to it.
    Link,
    /// Struck out (Markdown's `~~…~~`, HTML's `<del>`, `<s>`): shown crossed out.
    Deleted,
    /// What a web page put around the article, kept by a copy of it (`Advertisement`,
    /// `Share`): shown dimmed.
    Muted,
}

/// A unit of the body: its text is `article.text[range]`. Paragraph ranges may span
/// several source lines (hard-wrapped text); layout treats the line breaks as spaces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub range: Range<usize>,
}

/// A heading and where it starts; the outline lists these.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub title: String,
    pub level: u8,
    /// Index into `Article::blocks` of the heading block.
    pub block: usize,
}

/// A leading `CITY, REGION –` or `CITY (Agency) —`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// `ANCHORAGE, ALASKA`: the place, without agency or dash.
    pub place: Range<usize>,
    /// The whole prefix that is styled as metadata, dash included.
    pub span: Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    pub title: String,
    /// A path, `-` for standard input, or `seed:NAME`.
    pub source: String,
    pub format: Format,
    pub text: String,
    pub dateline: Option<Dateline>,
    pub blocks: Vec<Block>,
    pub sections: Vec<Section>,
    /// Emphasis, strong, code and links, as byte ranges.
    pub inline: Vec<(Range<usize>, Inline)>,
    /// Some prose block holds a [`LINE_BREAK`].
    pub line_breaks: bool,
    /// Notes from decoding, e.g. replaced invalid bytes.
    pub warnings: Vec<String>,
}

/// A line break inside prose (Markdown's hard break, HTML's `<br>`): U+2028, which
/// cleaning takes out of every source, so only the builder writes it. Elsewhere a line's
/// end in prose is a space (hard-wrapped text).
pub const LINE_BREAK: char = '\u{2028}';

/// The lines of `text[range]` between [`LINE_BREAK`]s, as ranges of `text`.
pub fn hard_lines(text: &str, range: Range<usize>) -> impl Iterator<Item = Range<usize>> + '_ {
    text[range.clone()]
        .split(LINE_BREAK)
        .scan(range.start, |at, line| {
            let line_range = *at..*at + line.len();
            *at = line_range.end + LINE_BREAK.len_utf8();
            Some(line_range)
        })
}

/// The rows of the code block or table `text[range]`, as ranges of `text`, less the
/// indentation they all share (plain text's keep their lines' indentation in the text).
pub fn rows(text: &str, range: Range<usize>) -> impl Iterator<Item = Range<usize>> + '_ {
    let body = &text[range.clone()];
    let indent = |line: &str| line.len() - line.trim_start_matches(' ').len();
    let shared = body
        .split('\n')
        .filter(|line| !line.trim().is_empty())
        .map(indent)
        .min()
        .unwrap_or(0);
    body.split('\n').scan(range.start, move |at, line| {
        let start = *at + shared.min(indent(line));
        *at += line.len() + 1;
        Some(start..*at - 1)
    })
}

impl Article {
    pub fn block_text(&self, block: usize) -> &str {
        &self.text[self.blocks[block].range.clone()]
    }

    /// Every block's text, in order.
    #[cfg(test)]
    pub fn block_texts(&self) -> Vec<&str> {
        (0..self.blocks.len()).map(|b| self.block_text(b)).collect()
    }

    /// Every section's level and title, in order.
    #[cfg(test)]
    pub fn outline(&self) -> Vec<(u8, &str)> {
        self.sections
            .iter()
            .map(|s| (s.level, s.title.as_str()))
            .collect()
    }

    /// Every inline style with the text it covers, in order.
    #[cfg(test)]
    pub fn styled_texts(&self) -> Vec<(&str, Inline)> {
        self.inline
            .iter()
            .map(|(r, s)| (&self.text[r.clone()], *s))
            .collect()
    }

    /// The texts in `style`, in order.
    #[cfg(test)]
    pub fn texts_styled(&self, style: Inline) -> Vec<&str> {
        let styled = self.styled_texts().into_iter();
        styled
            .filter(|(_, s)| *s == style)
            .map(|(t, _)| t)
            .collect()
    }

    /// Byte offset where section `index` starts.
    pub fn section_start(&self, index: usize) -> usize {
        self.blocks[self.sections[index].block].range.start
    }

    /// The section that `block` belongs to: the last heading at or before it.
    pub fn section_of_block(&self, block: usize) -> Option<usize> {
        self.sections
            .partition_point(|s| s.block <= block)
            .checked_sub(1)
    }

    /// Index of the block containing byte `offset` (or the last block before it).
    pub fn block_at(&self, offset: usize) -> usize {
        self.blocks
            .partition_point(|b| b.range.start <= offset)
            .saturating_sub(1)
    }

    /// The shallowest heading level (1 when there are no headings).
    pub fn top_level(&self) -> u8 {
        self.sections.iter().map(|s| s.level).min().unwrap_or(1)
    }

    pub fn word_count(&self) -> usize {
        let text = |b: &Block| &self.text[b.range.clone()];
        self.blocks
            .iter()
            .map(|b| match b.kind {
                BlockKind::Paragraph
                | BlockKind::ListItem { .. }
                | BlockKind::ListText(_)
                | BlockKind::Quote { .. }
                | BlockKind::Term
                | BlockKind::Definition => count_words(text(b)),
                // Not the rules between the cells.
                BlockKind::Table(_) => text(b)
                    .split_whitespace()
                    .filter(|w| w.chars().any(char::is_alphanumeric))
                    .map(count_words)
                    .sum(),
                BlockKind::Title
                | BlockKind::Heading { .. }
                | BlockKind::Code(_)
                | BlockKind::Break => 0,
            })
            .sum()
    }
}

/// How many words `text` has: `text.split_whitespace().count()`, but that Chinese and
/// Japanese, written without spaces, count a word for each of their characters (as word
/// processors count them), and their punctuation (`。`, `、`, `「`, `，`) parts words as a
/// space does.
///
/// Read as bytes: a big article has a hundred million of them. A word starts where a
/// space byte is followed by another byte, a test the compiler turns into vector code;
/// the few characters that may be anything else (spaces beyond ASCII, like `U+00A0`,
/// and the blocks of CJK characters) are found by a vector scan too and decoded.
fn count_words(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut words = 0;
    let mut in_space = true;
    let mut at = 0;
    while at < bytes.len() {
        let rest = &bytes[at..];
        let plain = source::first_where(rest, starts_wide_space_or_cjk).unwrap_or(rest.len());
        if let Some((&first, _)) = rest[..plain].split_first() {
            let space = source::is_ascii_space;
            words += usize::from(in_space & !space(first));
            words += source::word_starts_after_first(&rest[..plain]);
            in_space = space(rest[plain - 1]);
        }
        at += plain;
        // A character the scan stopped at: decoded, it says what it is.
        if let Some(c) = text[at..].chars().next() {
            let (starts_word, parts_words) = match unspaced(c) {
                Unspaced::Letter => (true, true),
                Unspaced::Punctuation => (false, true),
                Unspaced::No if c.is_whitespace() => (false, true),
                Unspaced::No => (in_space, false),
            };
            words += usize::from(starts_word);
            in_space = parts_words;
            at += c.len_utf8();
        }
    }
    words
}

/// Whether the bytes `b`, `next`, `third` may begin a space beyond ASCII or a character
/// of a script written without spaces (see [`unspaced`]), for [`source::first_where`]:
/// U+3000–U+9FFF (lead bytes `E3` to `E9`), U+F000–U+FFFF (`EF`) and U+20000–U+2FFFF
/// (`F0 A0` to `F0 AF`).
fn starts_wide_space_or_cjk(b: u8, next: u8, third: u8) -> bool {
    source::starts_wide_space(b, next, third)
        | (0xE3..=0xE9).contains(&b)
        | (b == 0xEF)
        | (b == 0xF0) & (0xA0..=0xAF).contains(&next)
}

/// What a character is to a count of words in text written without spaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unspaced {
    /// A Han character, kana or bopomofo: a word of its own.
    Letter,
    /// Other characters of the CJK blocks and the fullwidth forms that are not letters
    /// or digits (`。`, `「`, `，`, `！`, the ideographic space): they part words.
    Punctuation,
    /// Any other character, a fullwidth letter or digit among them.
    No,
}

fn unspaced(c: char) -> Unspaced {
    let cjk_block =
        matches!(c, '\u{3000}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FFFF}');
    let letters = matches!(c,
        '\u{3040}'..='\u{30FF}' // hiragana and katakana
        | '\u{3100}'..='\u{312F}' // bopomofo
        | '\u{31F0}'..='\u{31FF}' // small katakana
        | '\u{3400}'..='\u{4DBF}' // Han, extension A
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}' // Han, compatibility
        | '\u{20000}'..='\u{2FFFF}' // Han, extensions B to F
    );
    let fullwidth = matches!(c, '\u{FF00}'..='\u{FFEF}');
    match c {
        _ if letters && c.is_alphanumeric() => Unspaced::Letter,
        _ if (cjk_block || fullwidth) && !c.is_alphanumeric() => Unspaced::Punctuation,
        _ => Unspaced::No,
    }
}

/// Builds the sections list from heading blocks; one place for all formats.
pub fn sections_from_blocks(text: &str, blocks: &[Block]) -> Vec<Section> {
    blocks
        .iter()
        .enumerate()
        .filter_map(|(i, b)| match b.kind {
            BlockKind::Heading { level } => Some(Section {
                title: build::collapse(&text[b.range.clone()]),
                level,
                block: i,
            }),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_lose_the_indentation_they_all_share() {
        fn shown(text: &str, range: Range<usize>) -> Vec<&str> {
            rows(text, range).map(|r| &text[r]).collect()
        }
        let code = "x\n    def f():\n\n        return 1\n      \n    f()";
        assert_eq!(
            shown(code, 2..code.len()),
            ["def f():", "", "    return 1", "  ", "f()"]
        );
        // Nothing shared, nothing lost; a row of spaces alone shares nothing.
        assert_eq!(shown("a\n  b", 0..5), ["a", "  b"]);
        assert_eq!(shown("  a\n \n  b", 0..9), ["a", "", "b"]);
    }

    #[test]
    fn words_are_counted_like_split_whitespace() {
        for text in [
            "",
            "  ",
            "one",
            " two  words ",
            "tab\tand\nnew\r\nlines\x0bvt\x0cff",
            "no\u{a0}break\u{2003}em\u{3000}ideographic\u{85}nel",
            "Erdoğan’s “quote” — dash…end",
            "\u{2028}\u{2029}x\u{1680}y",
        ] {
            assert_eq!(
                count_words(text),
                text.split_whitespace().count(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn chinese_and_japanese_count_a_word_a_character() {
        for (text, words) in [
            ("東京で首脳会談", 7),
            ("iPhoneを買った。", 5),
            ("你好，世界！", 4),
            ("「東京」と『大阪』", 5),
            ("Tokyo 東京 Osaka", 4),
            ("２０２４年", 2),
            ("마크롱 대통령은 말했다", 3),
            ("ラーメン・コーヒー", 8),
            ("𠮷野家", 3),
        ] {
            assert_eq!(count_words(text), words, "{text:?}");
        }
    }

    /// [`count_words`] a character at a time.
    fn words_char_by_char(text: &str) -> usize {
        let mut words = 0;
        let mut in_space = true;
        for c in text.chars() {
            match unspaced(c) {
                Unspaced::Letter => words += 1,
                Unspaced::Punctuation => {}
                Unspaced::No if c.is_whitespace() => {}
                Unspaced::No => {
                    words += usize::from(in_space);
                    in_space = false;
                    continue;
                }
            }
            in_space = true;
        }
        words
    }

    proptest::proptest! {
        #[test]
        fn any_text_is_counted_as_read_a_character_at_a_time(
            text in "([a-z\t ]{0,40}|\\PC|\\s|[東京。、「」，ａ１　ー]){0,40}"
        ) {
            proptest::prop_assert_eq!(count_words(&text), words_char_by_char(&text));
        }

        #[test]
        fn text_without_cjk_is_counted_like_split_whitespace(text in "([a-z\t ]{0,40}|\\PC|\\s){0,40}") {
            let cjk = text.chars().any(|c| unspaced(c) != Unspaced::No);
            proptest::prop_assume!(!cjk);
            proptest::prop_assert_eq!(count_words(&text), text.split_whitespace().count());
        }
    }
}
