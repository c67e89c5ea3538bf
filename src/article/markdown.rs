//! Markdown → Article, with pulldown-cmark. Headings are sections; emphasis, strong and
//! code are kept as inline styles; lists, block quotes and code blocks keep their shape;
//! links show their text with a numbered reference listed at the end of the section;
//! images become `[image: alt]`; front matter (YAML or TOML) gives the title and a
//! credit line; a paragraph that is only bold text and stands alone is a heading;
//! definition lists are terms in bold over their definitions; task list items show
//! `[✓]` or `[ ]`.

use pulldown_cmark::{
    Alignment, BlockQuoteKind, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd,
};

use super::build::{self, Builder};
use super::front_matter::{self, FrontMatter};
use super::html;
use super::table::Align;
use super::{Article, BlockKind, Format, Inline, Nest};
use crate::source;

/// A bold-only paragraph longer than this is emphasis, not a heading.
const MAX_BOLD_HEADING_CHARS: usize = 90;

/// Cheap sniffing for files without an extension.
pub fn looks_like_markdown(head: &str) -> bool {
    head.lines().any(|l| {
        let l = l.trim_start();
        (l.starts_with('#') && l.trim_start_matches('#').starts_with(' '))
            || l.starts_with("```")
            || l.starts_with("---") && l.trim() == "---"
    }) || (head.contains("](") && head.contains('['))
}

pub fn parse(text: &str, name: &str) -> Article {
    // The reading text is about as long as the source.
    let mut reader = Reader::new(text.len());
    reader.feed(text);
    reader.finish(name)
}

/// Markdown → an article, fed the source in pieces that each end before an ATX heading
/// (see [`Scan::last_split`]), so a big document is never held whole beside its reading text.
/// Fed one piece, the whole document, it is [`parse`].
pub struct Reader {
    b: Builder,
    front_title: Option<String>,
    /// The front matter being read.
    metadata: Option<String>,
    /// The source's opening after any front matter, where its byline would be.
    opening: Option<String>,
    /// Open inline styles: (start, style).
    styles: Vec<(usize, Inline)>,
    /// Links in the current section, listed when the section ends.
    links: Vec<String>,
    link_stack: Vec<String>,
    lists: Vec<Option<u64>>,
    /// How many quotes were open as each list began: the quotes opened since are
    /// within its item.
    list_quotes: Vec<usize>,
    quote_depth: usize,
    /// In a definition list's definition, whose paragraphs are the definition's.
    defining: bool,
    first_heading_seen: bool,
    /// The label of a footnote whose text is about to begin.
    footnote: Option<String>,
    /// The HTML block being read, line by line.
    html: Option<String>,
    /// The alternative text of the image being read.
    image_alt: Option<String>,
}

impl Reader {
    /// A reader for a document whose reading text will take about `bytes`.
    pub fn new(bytes: usize) -> Reader {
        Reader {
            b: Builder::with_capacity(bytes),
            front_title: None,
            metadata: None,
            opening: None,
            styles: Vec::new(),
            links: Vec::new(),
            link_stack: Vec::new(),
            lists: Vec::new(),
            list_quotes: Vec::new(),
            quote_depth: 0,
            defining: false,
            first_heading_seen: false,
            footnote: None,
            html: None,
            image_alt: None,
        }
    }

    /// A reader for a piece of the document past its start, read on its own to be
    /// [taken](Reader::take) by the reader of what comes before.
    pub fn continuation(bytes: usize) -> Reader {
        Reader {
            first_heading_seen: true,
            // Only front matter reads the opening, and a piece with front matter is
            // read again in order.
            opening: Some(String::new()),
            ..Reader::new(bytes)
        }
    }

    /// Whether the pieces after those read so far may be read on their own and
    /// appended: what only the document's start decides — its title, a credit line from
    /// its front matter — is decided.
    fn past_start(&self) -> bool {
        self.first_heading_seen && !self.b.has_lead()
    }

    /// Takes the next piece of the document: what `read`, a
    /// [continuation](Reader::continuation) that read it on its own, made of it — or,
    /// when that is not what reading it here makes, the piece read here.
    pub fn take(&mut self, piece: &str, read: Option<Reader>) {
        if let Some(read) = read
            && self.append(read)
        {
            return;
        }
        self.feed(piece);
    }

    /// Appends what a continuation made of the next piece, unless that is not what this
    /// reader would make of it: before the document's start is decided, with front
    /// matter in the piece (read only where a document starts), or with no heading
    /// first (before which the section before lists its links).
    fn append(&mut self, next: Reader) -> bool {
        let own = next.front_title.is_some() || next.b.has_lead() || !next.b.starts_with_heading();
        if !self.past_start() || own {
            return false;
        }
        // The links of the section before, listed as the piece's first heading would.
        flush_links(&mut self.b, &mut self.links);
        self.b.append(next.b);
        self.links = next.links;
        true
    }

    /// Reads the next piece of the document.
    pub fn feed(&mut self, piece: &str) {
        let options = Options::ENABLE_TABLES
            | Options::ENABLE_STRIKETHROUGH
            | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
            | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
            | Options::ENABLE_FOOTNOTES
            | Options::ENABLE_DEFINITION_LIST
            | Options::ENABLE_TASKLISTS
            | Options::ENABLE_GFM;
        self.opening
            .get_or_insert_with(|| build::opening(front_matter::after(piece)).to_string());
        for event in Parser::new_ext(piece, options) {
            self.event(event);
        }
    }

    fn event(&mut self, event: Event) {
        match event {
            Event::Start(Tag::MetadataBlock(_)) => self.metadata = Some(String::new()),
            Event::Text(t) if self.metadata.is_some() => {
                self.metadata.get_or_insert_default().push_str(&t);
            }
            Event::Text(t) | Event::Code(t) if self.image_alt.is_some() => {
                self.image_alt.get_or_insert_default().push_str(&t);
            }
            Event::End(TagEnd::MetadataBlock(_)) => {
                let front = FrontMatter::read(&self.metadata.take().unwrap_or_default());
                self.front_title = self.front_title.take().or(front.title);
                let authors: Vec<&str> = front.authors.iter().map(String::as_str).collect();
                let date = front.date.as_deref();
                let opening = self.opening.as_deref().unwrap_or_default();
                let credit = build::credit_line(&authors, date)
                    .filter(|_| !build::credit_shown(opening, &authors, date));
                // The title heads the body, as the page made of it would show it; but
                // once only, the text's own, when the text opens with it under pictures.
                match &self.front_title {
                    Some(title) if heading_past_pictures(opening, title) => {
                        self.b.credit_under_heading(credit);
                    }
                    title => self.b.lead_with(title.clone(), credit),
                }
            }
            Event::Start(Tag::Heading { level, .. }) => {
                flush_links(&mut self.b, &mut self.links);
                let kind = if self.is_title(&event) {
                    BlockKind::Title
                } else {
                    BlockKind::Heading {
                        level: heading_level(level),
                    }
                };
                self.first_heading_seen = true;
                self.b.begin(kind);
            }
            Event::End(TagEnd::Heading(_)) => self.b.end(),
            Event::Start(Tag::Paragraph) => {
                if self.lists.is_empty() {
                    self.b.begin(self.paragraph_kind());
                } else if self.b.at_item_start() {
                    // The item's first paragraph is its text.
                    self.b.space();
                } else {
                    // A later one (past the item's first, its code or a list within it)
                    // is set in under it.
                    let depth = u8::try_from(self.lists.len()).unwrap_or(u8::MAX);
                    let inner = self.inner_quotes();
                    self.b.begin_list_text(depth, self.quote_depth, inner);
                }
                // A footnote's text starts with the label its reference shows.
                if let Some(label) = self.footnote.take() {
                    self.b.text(&format!("[^{label}] "));
                }
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                self.b.end();
                self.footnote = Some(label.to_string());
            }
            Event::End(TagEnd::FootnoteDefinition) => self.footnote = None,
            Event::End(TagEnd::Paragraph) if self.lists.is_empty() => {
                promote_bold_paragraph(&mut self.b);
                self.b.end();
            }
            Event::Start(Tag::BlockQuote(kind)) => {
                self.quote_depth += 1;
                // A GitHub alert (`> [!NOTE]`): its kind, in bold, heads the quote.
                if let Some(kind) = kind {
                    self.b.end();
                    self.b.begin(BlockKind::quote(self.quote_depth));
                    let start = self.b.position();
                    self.b.text(alert_label(kind));
                    self.b.style(start..self.b.position(), Inline::Strong);
                    self.b.end();
                }
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                self.quote_depth = self.quote_depth.saturating_sub(1);
                self.b.end();
            }
            Event::Start(Tag::List(start)) => {
                self.b.end();
                self.lists.push(start);
                self.list_quotes.push(self.quote_depth);
            }
            Event::End(TagEnd::List(_)) => {
                self.b.end();
                self.lists.pop();
                self.list_quotes.pop();
            }
            Event::Start(Tag::Item) => {
                let depth = u8::try_from(self.lists.len()).unwrap_or(u8::MAX);
                self.b.begin_list_item(
                    depth,
                    self.quote_depth,
                    self.lists.last_mut().and_then(Option::as_mut),
                );
            }
            Event::End(TagEnd::Item) => self.b.end(),
            Event::Start(Tag::CodeBlock(_)) => self.b.begin(BlockKind::Code(self.nest())),
            Event::End(TagEnd::CodeBlock) => self.b.end(),
            Event::Text(t) if matches!(self.b.open_kind(), Some(BlockKind::Code(_))) => {
                self.b.raw(&t)
            }
            Event::Text(t) => self.b.text(&t),
            Event::Code(t) => {
                let start = self.b.position();
                self.b.text(&t);
                self.b.style(start..self.b.position(), Inline::Code);
            }
            Event::SoftBreak => self.b.space(),
            Event::HardBreak => self.b.line_break(),
            Event::Start(Tag::Emphasis) => self.styles.push((self.b.position(), Inline::Emphasis)),
            Event::Start(Tag::Strong) => self.styles.push((self.b.position(), Inline::Strong)),
            Event::Start(Tag::Strikethrough) => {
                self.styles.push((self.b.position(), Inline::Deleted))
            }
            Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough) => {
                if let Some((start, style)) = self.styles.pop() {
                    self.b.style(start..self.b.position(), style);
                }
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) => {
                // An autolink shows its address already: no reference to list.
                let shown = matches!(link_type, LinkType::Autolink | LinkType::Email);
                self.link_stack.push(if shown {
                    String::new()
                } else {
                    dest_url.to_string()
                });
                self.styles.push((self.b.position(), Inline::Link));
            }
            Event::End(TagEnd::Link) => {
                let url = self.link_stack.pop().unwrap_or_default();
                if let Some((start, style)) = self.styles.pop() {
                    self.b.style(start..self.b.position(), style);
                }
                // A heading's link (often to itself) would put a number in the outline.
                let heading = self.b.open_kind().is_some_and(BlockKind::is_heading);
                if !url.is_empty() && !url.starts_with('#') && !heading {
                    self.links.push(url);
                    let start = self.b.position();
                    self.b.text(&format!("[{}]", self.links.len()));
                    self.b.style(start..self.b.position(), Inline::Link);
                }
            }
            Event::Start(Tag::Image { .. }) => self.image_alt = Some(String::new()),
            Event::End(TagEnd::Image) => {
                let alt = self.image_alt.take().unwrap_or_default();
                match alt.trim() {
                    "" => self.b.text("[image]"),
                    alt => self.b.text(&format!("[image: {alt}]")),
                }
            }
            Event::Start(Tag::Table(aligns)) => {
                let align = |a: &Alignment| match a {
                    Alignment::Center => Align::Center,
                    Alignment::Right => Align::Right,
                    Alignment::Left => Align::Left,
                    Alignment::None => Align::Auto,
                };
                self.b
                    .begin_table(aligns.iter().map(align).collect(), self.nest());
            }
            Event::End(TagEnd::Table) => self.b.end(),
            Event::Start(Tag::TableRow | Tag::TableHead) => self.b.table_row(),
            Event::End(TagEnd::TableHead) => self.b.table_head_ends(),
            Event::Start(Tag::TableCell) => self.b.table_cell(1, 1),
            // An HTML block (a table, an embedded post, a figure) reads as a page would;
            // inline tags are only markup around text that comes as text.
            Event::Start(Tag::HtmlBlock) => {
                self.b.end();
                self.html = Some(String::new());
            }
            Event::Html(t) => {
                if let Some(html) = &mut self.html {
                    html.push_str(&t);
                }
            }
            Event::End(TagEnd::HtmlBlock) => {
                if let Some(html) = self.html.take() {
                    html::append_fragment(&html, &mut self.b);
                }
            }
            Event::InlineHtml(_) => {}
            Event::FootnoteReference(label) => self.b.text(&format!("[^{label}]")),
            Event::TaskListMarker(done) => self.b.text(if done { "[✓] " } else { "[ ] " }),
            // A term in bold, its definitions set in under it.
            Event::Start(Tag::DefinitionListTitle) => {
                self.b.begin(match self.quote_depth {
                    0 => BlockKind::Term,
                    depth => BlockKind::quote(depth),
                });
                self.styles.push((self.b.position(), Inline::Strong));
            }
            Event::End(TagEnd::DefinitionListTitle) => {
                if let Some((start, style)) = self.styles.pop() {
                    self.b.style(start..self.b.position(), style);
                }
                self.b.end();
            }
            Event::Start(Tag::DefinitionListDefinition) => {
                self.defining = true;
                self.b.begin(self.paragraph_kind());
            }
            Event::End(TagEnd::DefinitionListDefinition) => {
                self.defining = false;
                self.b.end();
            }
            Event::Rule => self.b.passage_break(),
            _ => {}
        }
    }

    /// Where a block begun here (code, a table) sits: in the list item and quotes open.
    fn nest(&self) -> Nest {
        self.b
            .nest(self.lists.len(), self.quote_depth, self.inner_quotes())
    }

    /// How many of the quotes open are within the list item open.
    fn inner_quotes(&self) -> usize {
        let outside = self.list_quotes.last().copied().unwrap_or(self.quote_depth);
        self.quote_depth.saturating_sub(outside)
    }

    /// What a paragraph begun here is: a definition's, a quote's or a plain one.
    fn paragraph_kind(&self) -> BlockKind {
        match self.quote_depth {
            0 if self.defining => BlockKind::Definition,
            depth => BlockKind::quote(depth),
        }
    }

    /// Whether `event` starts the article's title: the first `# Title` before anything else.
    fn is_title(&self, event: &Event) -> bool {
        matches!(
            event,
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            })
        ) && !self.first_heading_seen
            && !self.b.is_open()
            && self.b.position() == 0
    }

    pub fn finish(mut self, name: &str) -> Article {
        flush_links(&mut self.b, &mut self.links);
        self.b.promote_leading_h1();
        self.b.finish(name, Format::Markdown, self.front_title)
    }
}

/// Whether `opening` (the text after its front matter) opens with `# title`, past
/// blank lines and pictures (`![…](…)`, a badge's `[![…](…)](…)`).
fn heading_past_pictures(opening: &str, title: &str) -> bool {
    let picture =
        |line: &str| (line.starts_with("![") || line.starts_with("[![")) && line.ends_with(')');
    let Some(first) = opening
        .lines()
        .map(str::trim)
        .find(|line| !line.is_empty() && !picture(line))
    else {
        return false;
    };
    let words = |s: &str| {
        s.split_whitespace()
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    first
        .strip_prefix("# ")
        .is_some_and(|heading| words(heading.trim_end_matches('#')) == words(title))
}

/// Cuts text that arrives in chunks of whole lines into pieces that each end before an
/// ATX heading ([`Scan::last_split`]), for a [`Reader`] to read one by one (on another
/// thread, say), each followed by the document's link reference [`definitions`]. Each
/// line is scanned once, however long the stretch between places to cut.
pub struct Pieces {
    pending: String,
    /// State at the end of `pending`, and how much of it is scanned.
    scan: Scan,
    scanned: usize,
    /// The last place to cut in `pending` (0: none yet).
    split: usize,
    definitions: String,
}

impl Pieces {
    pub fn new(definitions: String) -> Pieces {
        Pieces {
            pending: String::new(),
            scan: Scan::new(true),
            scanned: 0,
            split: 0,
            definitions,
        }
    }

    /// Takes the next chunk; a piece, when the chunk completes one.
    pub fn push(&mut self, text: &str) -> Option<String> {
        self.pending.push_str(text);
        if let Some(at) = self.scan.last_split(&self.pending[self.scanned..]) {
            self.split = self.scanned + at;
        }
        self.scanned = self.pending.len();
        let split = std::mem::take(&mut self.split);
        if split == 0 {
            return None;
        }
        let rest = self.pending.split_off(split);
        let mut piece = std::mem::replace(&mut self.pending, rest);
        self.scanned -= split;
        // A piece ends with a blank line, where definitions may follow.
        piece.push_str(&self.definitions);
        Some(piece)
    }

    /// The last piece.
    pub fn finish(mut self) -> String {
        if !self.definitions.is_empty() && !self.scan.in_code() {
            self.pending.push_str("\n\n");
            self.pending.push_str(&self.definitions);
        }
        self.pending
    }
}

/// The link reference definitions (`[label]: url`) among `text`'s lines, outside fenced
/// code: a piece of a document may use one defined in another, so each piece is given
/// them all.
pub fn definitions(text: &str, scan: &mut Scan, out: &mut String) {
    for line in source::lines_inclusive(text) {
        if !scan.in_code() && is_definition(line) {
            out.push_str(line.trim_end());
            out.push('\n');
        }
        scan.line(line);
    }
}

fn is_definition(line: &str) -> bool {
    let trimmed = line.trim_start_matches(' ');
    line.len() - trimmed.len() <= 3
        && trimmed.starts_with('[')
        && !trimmed.starts_with("[^")
        && trimmed.find("]:").is_some_and(|i| i > 1)
}

/// Line-by-line state for finding safe places in a Markdown document: fenced code and
/// front matter, and whether the last line was blank.
#[derive(Debug, Clone)]
pub struct Scan {
    /// The open fence's character and length.
    fence: Option<(char, usize)>,
    in_front_matter: bool,
    /// The front matter is TOML, fenced by `+++`.
    toml_front_matter: bool,
    first_line: bool,
    after_blank: bool,
}

impl Scan {
    pub fn new(document_start: bool) -> Scan {
        Scan {
            fence: None,
            in_front_matter: false,
            toml_front_matter: false,
            first_line: document_start,
            after_blank: true,
        }
    }

    /// Inside fenced code or front matter, where nothing is what it looks like.
    pub fn in_code(&self) -> bool {
        self.fence.is_some() || self.in_front_matter
    }

    /// Reads `text`'s lines; returns where the last place among them starts at which a
    /// piece of the document may end so that the next piece starts afresh: before an ATX
    /// heading at the left margin (`# …`) that follows a blank line, outside fenced code
    /// and front matter; such a heading closes every open block. HTML blocks that span
    /// blank lines (`<pre>`, comments) are not tracked: rare in articles, and a split
    /// inside one only shows its raw text.
    pub fn last_split(&mut self, text: &str) -> Option<usize> {
        let mut split = None;
        let mut at = 0;
        for line in source::lines_inclusive(text) {
            if self.heading_may_split(line) {
                split = Some(at);
            }
            self.line(line);
            at += line.len();
        }
        split
    }

    fn heading_may_split(&self, line: &str) -> bool {
        let hashes = line.len() - line.trim_start_matches('#').len();
        !self.in_code()
            && self.after_blank
            && !self.first_line
            && (1..=6).contains(&hashes)
            && line[hashes..].starts_with([' ', '\t', '\n'])
    }

    pub fn line(&mut self, line: &str) {
        let trimmed = line.trim_end_matches(['\n', '\r']);
        if std::mem::take(&mut self.first_line) && (trimmed == "---" || trimmed == "+++") {
            self.toml_front_matter = trimmed == "+++";
            self.in_front_matter = true;
        } else if self.in_front_matter {
            self.in_front_matter = if self.toml_front_matter {
                trimmed != "+++"
            } else {
                !(trimmed == "---" || trimmed == "...")
            };
        } else {
            let body = trimmed.trim_start_matches(' ');
            if trimmed.len() - body.len() <= 3 {
                let mark = body.chars().next().filter(|c| matches!(c, '`' | '~'));
                let run = mark.map_or(0, |m| body.len() - body.trim_start_matches(m).len());
                match (self.fence, mark) {
                    (None, Some(m)) if run >= 3 => self.fence = Some((m, run)),
                    (Some((f, n)), Some(m))
                        if m == f && run >= n && body[run..].trim().is_empty() =>
                    {
                        self.fence = None
                    }
                    _ => {}
                }
            }
        }
        self.after_blank = trimmed.trim().is_empty();
    }
}

/// What a GitHub alert's kind reads as.
fn alert_label(kind: BlockQuoteKind) -> &'static str {
    match kind {
        BlockQuoteKind::Note => "Note",
        BlockQuoteKind::Tip => "Tip",
        BlockQuoteKind::Important => "Important",
        BlockQuoteKind::Warning => "Warning",
        BlockQuoteKind::Caution => "Caution",
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// A paragraph that is all bold and short reads as a heading (`**Background**`); not an
/// interview's question (`**Q: Why now?**`), of which there is one for every answer.
fn promote_bold_paragraph(b: &mut Builder) {
    if b.open_kind() != Some(BlockKind::Paragraph) {
        return;
    }
    let text = b.open_text().trim();
    let start = b.position() - b.open_text().len();
    let whole_bold = b.inline_covers(start, Inline::Strong);
    if whole_bold
        && !text.is_empty()
        && text.chars().count() <= MAX_BOLD_HEADING_CHARS
        && !text.ends_with(['.', ':'])
        && !is_question_label(text)
    {
        b.set_open_kind(BlockKind::Heading { level: 2 });
    }
}

/// Whether `text` opens with an interview's question label: `Q:`, `Q.`, `Question:`.
fn is_question_label(text: &str) -> bool {
    ["Q:", "Q.", "Question:"].iter().any(|label| {
        text.strip_prefix(label)
            .is_some_and(|rest| rest.starts_with(' '))
    })
}

/// Lists the section's links as `[n] url` lines before the next heading.
fn flush_links(b: &mut Builder, links: &mut Vec<String>) {
    if links.is_empty() {
        return;
    }
    for (i, url) in links.iter().enumerate() {
        b.begin(BlockKind::Paragraph);
        let start = b.position();
        b.text(&format!("[{}] {url}", i + 1));
        b.style(start..b.position(), Inline::Link);
    }
    b.end();
    links.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outline(a: &Article) -> Vec<(u8, String)> {
        a.sections
            .iter()
            .map(|s| (s.level, s.title.clone()))
            .collect()
    }

    /// `text` through [`Pieces`], in chunks of whole lines of about `chunk` bytes;
    /// `apart`, the pieces but the first read on their own and taken as the library
    /// takes them.
    fn in_pieces(text: &str, chunk: usize, apart: bool) -> Article {
        let mut scan = Scan::new(true);
        let mut defs = String::new();
        definitions(text, &mut scan, &mut defs);
        let mut pieces = Pieces::new(defs);
        let mut reader = Reader::new(text.len());
        let mut first = true;
        let mut take = |piece: &str| {
            let read = (apart && !first).then(|| {
                let mut read = Reader::continuation(piece.len());
                read.feed(piece);
                read
            });
            reader.take(piece, read);
            first = false;
        };
        let mut rest = text;
        while !rest.is_empty() {
            let end = memchr::memrchr(b'\n', &rest.as_bytes()[..chunk.min(rest.len())])
                .map_or(rest.len(), |i| i + 1);
            if let Some(piece) = pieces.push(&rest[..end]) {
                take(&piece);
            }
            rest = &rest[end..];
        }
        take(&pieces.finish());
        reader.finish("p.md")
    }

    /// Read in pieces, one after another or apart, a document is what it is read whole.
    fn assert_read_alike_in_pieces(text: &str) {
        let whole = parse(text, "p.md");
        for chunk in [1, 7, 30, 64, 200, text.len()] {
            for apart in [false, true] {
                let pieces = in_pieces(text, chunk, apart);
                let at = format!("chunk {chunk}, apart {apart}");
                assert_eq!(pieces.text, whole.text, "{at}");
                assert_eq!(pieces.blocks, whole.blocks, "{at}");
                assert_eq!(pieces.inline, whole.inline, "{at}");
                assert_eq!(pieces.title, whole.title, "{at}");
                assert_eq!(pieces.sections, whole.sections, "{at}");
                assert_eq!(pieces.dateline, whole.dateline, "{at}");
                assert_eq!(pieces.line_breaks, whole.line_breaks, "{at}");
            }
        }
    }

    #[test]
    fn a_first_heading_under_a_logo_and_badges_is_the_title() {
        let text = "![Tidewater logo](logo.png)\n\n\
                    [![CI](https://ci.example/badge.svg)](https://ci.example) ![v1](v.svg)\n\n\
                    # Tidewater\n\nA tide calculator.\n\n## Install\n\nRun it.\n";
        let a = parse(text, "readme.md");
        assert_eq!(a.title, "Tidewater");
        assert_eq!(outline(&a), [(2, "Install".to_string())]);
        // Words before it: a section like any other.
        let a = parse("An intro.\n\n# Part One\n\nText.\n", "notes.md");
        assert_eq!(outline(&a), [(1, "Part One".to_string())]);
    }

    #[test]
    fn rules_between_passages_are_breaks() {
        let text = "# Winter\n\n---\n\nIt snowed.\n\n***\n\nWe waited.\n\n- - -\n\n\
                    ## Spring\n\nIt ended.\n\n___\n";
        let a = parse(text, "w.md");
        let kinds: Vec<(BlockKind, &str)> = (0..a.blocks.len())
            .map(|b| (a.blocks[b].kind, a.block_text(b)))
            .collect();
        assert_eq!(
            kinds,
            [
                (BlockKind::Title, "Winter"),
                (BlockKind::Paragraph, "It snowed."),
                (BlockKind::Break, "* * *"),
                (BlockKind::Paragraph, "We waited."),
                (BlockKind::Heading { level: 2 }, "Spring"),
                (BlockKind::Paragraph, "It ended."),
            ]
        );
        assert_read_alike_in_pieces(text);
    }

    #[test]
    fn a_document_read_in_pieces_is_the_document_read_whole() {
        let text = "---\ntitle: Piecemeal\n\n# not a heading: a YAML comment\n---\n\n\
            Intro with a [late link][ref] and *style*.\n\n\
            # First\n\n- item one\n- item two\n\n  continued item\n\n\
            > quoted\n\n```\ncode\n\n# not a heading: code\n```\n\n\
            ## Second [ref]\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n\
            Text with a footnote[^1].\n\n[^1]: The note.\n\n\
            ### Third\n\nLast words, see [ref].\n\n[ref]: https://example.org/ref\n";
        let whole = parse(text, "p.md");
        assert!(whole.text.contains("late link[1]") && whole.text.contains("code"));
        assert_read_alike_in_pieces(text);
    }

    proptest::proptest! {
        /// Whatever the document, its pieces read apart and taken are what one reader
        /// reading them one after another makes.
        #[test]
        fn pieces_read_apart_are_read_as_in_order(
            blocks in proptest::collection::vec(proptest::sample::select(vec![
                "# Title", "#", "## Section [a](https://a.example)", "### Deep *one*",
                "Text with [a link](https://l.example) and **bold** `code`.",
                "A [ref][r] and a note[^n].", "[r]: https://r.example", "[^n]: The note.",
                "- one\n- two [b](https://b.example)", "1. first\n2. second",
                "> quoted [q](https://q.example)\n> more", "| a | b |\n|---|---|\n| 1 | 2 |",
                "<div>\n<p>html</p>\n</div>", "```\n# not a heading\n\ncode\n```",
                "---\ntitle: Front\nauthor: Ann Lee\n---", "Line one  \nline two",
                "***", "Term\n: definition",
            ]), 1..24),
            chunk in 1usize..120,
        ) {
            let text = blocks.join("\n\n") + "\n";
            let (one, apart) = (in_pieces(&text, chunk, false), in_pieces(&text, chunk, true));
            proptest::prop_assert_eq!(&apart.text, &one.text);
            proptest::prop_assert_eq!(&apart.blocks, &one.blocks);
            proptest::prop_assert_eq!(&apart.inline, &one.inline);
            proptest::prop_assert_eq!(&apart.title, &one.title);
            proptest::prop_assert_eq!(&apart.sections, &one.sections);
            proptest::prop_assert_eq!(&apart.dateline, &one.dateline);
            proptest::prop_assert_eq!(apart.line_breaks, one.line_breaks);
        }
    }

    #[test]
    fn a_piece_read_apart_that_one_reader_would_read_otherwise_is_read_again() {
        // Pieces cut by `Pieces` start with a heading and hold no front matter; others
        // given anyway are read as one reader reads them.
        let start = "# Title\n\nText with [a](https://a.example).\n\n";
        for piece in [
            "A paragraph first [b](https://b.example).\n\n# Then\n\nMore.\n",
            "---\ntitle: Late\nauthor: Bo Li\n---\n\n# Heading\n\nText.\n",
        ] {
            let mut one = Reader::new(0);
            one.feed(start);
            one.feed(piece);
            let mut apart = Reader::new(0);
            apart.feed(start);
            let mut read = Reader::continuation(piece.len());
            read.feed(piece);
            apart.take(piece, Some(read));
            let (one, apart) = (one.finish("p.md"), apart.finish("p.md"));
            assert_eq!(apart.text, one.text, "{piece}");
            assert_eq!(apart.blocks, one.blocks, "{piece}");
            assert_eq!(apart.title, one.title, "{piece}");
        }
    }

    #[test]
    fn pieces_read_apart_are_what_one_reader_makes_of_them() {
        let guide = include_str!("../../tests/fixtures/formats/guide.md");
        assert_read_alike_in_pieces(guide);
        // Front matter alone before the title (a credit line waits for the first block
        // under it); links at a piece's end, listed before the next heading; a list, a
        // quote, a table and an HTML block ending pieces; an empty heading; a hard
        // break; styles and code spans; a level-1 heading that is no title.
        let text = "---\ntitle: Front\nauthor: Ann Lee\ndate: 2025-01-02\n---\n\n\
            # The Title\n\nFirst [a](https://a.example) and [b](https://b.example).\n\n\
            # Again One\n\n- one *two*\n- three `four`\n\n\
            ## Quote\n\n> said **so**\n> on\n\n\
            ## Table\n\n| x | y |\n|---|---|\n| [c](https://c.example) | 2 |\n\n\
            #\n\nAfter an empty heading.  \nBroken line.\n\n\
            ## Html\n\n<div>\n<p>Inside <b>bold</b></p>\n</div>\n\n\
            ### Links [d](https://d.example)\n\nEnd ~~gone~~ [e](https://e.example).\n";
        assert!(parse(text, "p.md").text.contains("Ann Lee"));
        assert_read_alike_in_pieces(text);
        // No front matter, and text before the first heading.
        assert_read_alike_in_pieces(
            "Lead.\n\n# One\n\nText.\n\n# Two\n\nMore [x](https://x.example).\n",
        );
        // Nothing but headings.
        assert_read_alike_in_pieces("# A\n\n# B\n\n## C\n");
    }

    #[test]
    fn pieces_split_only_before_headings_outside_code() {
        let split_point = |text: &str, start: bool| Scan::new(start).last_split(text);
        let text = "Para.\n\n# One\n\n```\n\n# In code\n```\n\nText\n# Not after a blank\n";
        assert_eq!(split_point(text, true), text.find("# One"));
        let front = "---\na: b\n\n# comment\n---\n";
        assert_eq!(split_point(front, true), None);
        let toml = "+++\na = 1\n\n# comment\n---\n\n# still TOML\n+++\n";
        assert_eq!(split_point(toml, true), None);
        assert_eq!(
            split_point(&format!("{toml}\n# Heading\n"), true),
            Some(toml.len() + 1)
        );
        assert_eq!(split_point("#hashtag\n\n#5 no\n", false), None);
        assert_eq!(
            split_point("# Later\n", false),
            Some(0),
            "after a blank line"
        );
    }

    #[test]
    fn deeply_nested_emphasis_is_one_span() {
        let text = format!("{}words{}\n", "*".repeat(3000), "*".repeat(3000));
        let a = parse(&text, "n.md");
        assert!(a.text.contains("words"));
        assert!(a.inline.len() <= 2, "{} spans", a.inline.len());
    }

    #[test]
    fn headings_title_and_front_matter() {
        let a = parse(
            "# The Title\n\nIntro text.\n\n## Part One\n\nBody.\n\n### Detail\n\nMore.\n",
            "a.md",
        );
        assert_eq!(a.title, "The Title");
        assert_eq!(a.blocks[0].kind, BlockKind::Title);
        assert_eq!(outline(&a), [(2, "Part One".into()), (3, "Detail".into())]);

        let a = parse(
            "---\ntitle: \"From Front Matter\"\ndate: 2025-01-02\n---\n\nSome text here.\n",
            "b.md",
        );
        assert_eq!(a.title, "From Front Matter");
        assert!(!a.text.contains("date:"));
    }

    #[test]
    fn front_matter_gives_a_credit_line_under_the_title() {
        let yaml = "---\ntitle: Talks stall\nauthors:\n  - Ana Ruiz\n  - Bo Li\ndate: 2026-03-14T09:00:00Z\n---\n\nThe talks stalled.\n";
        let a = parse(yaml, "a.md");
        assert_eq!(a.title, "Talks stall");
        assert_eq!(a.blocks[0].kind, BlockKind::Title);
        assert_eq!(
            a.block_texts(),
            [
                "Talks stall",
                "By Ana Ruiz, Bo Li · 2026-03-14",
                "The talks stalled."
            ]
        );
        // A title of the text's own gives the front matter's way.
        let both = "---\ntitle: Front\n---\n\n# Own\n\nText.\n";
        assert_eq!(parse(both, "e.md").block_texts(), ["Own", "Text."]);
        // TOML, and a `# Title` in the text: the credit goes under it.
        let toml = "+++\nauthor = \"Ana Ruiz\"\n+++\n\n# Harbour\n\nText.\n\n# Later\n";
        let a = parse(toml, "b.md");
        assert_eq!(a.blocks[0].kind, BlockKind::Title);
        assert_eq!(
            a.block_texts(),
            ["Harbour", "By Ana Ruiz", "Text.", "Later"]
        );
        // Not twice when the text has its own byline.
        let own = "---\nauthor: Ana Ruiz\n---\n\n# Harbour\n\n*By Ana Ruiz in Oslo*\n\nText.\n";
        assert_eq!(
            parse(own, "c.md").block_texts(),
            ["Harbour", "By Ana Ruiz in Oslo", "Text."]
        );
        // Front matter and nothing else.
        let bare = "---\ndate: 2026-03-14\n---\n";
        assert_eq!(parse(bare, "d.md").block_texts(), ["2026-03-14"]);
    }

    #[test]
    fn a_front_matter_title_the_text_gives_under_its_pictures_shows_once() {
        let doc = "---\ntitle: \"harbour Plan\"\nauthor: Ana Ruiz\n---\n\n\
                   [![CI](ci.svg)](https://ci.example)\n![The harbour](h.jpg)\n\n\
                   # Harbour plan #\n\nText.\n\n## Costs\n\nMore.\n";
        let a = parse(doc, "a.md");
        assert_eq!(
            a.block_texts(),
            [
                "[image: CI][1] [image: The harbour]",
                "[1] https://ci.example",
                "Harbour plan",
                "By Ana Ruiz",
                "Text.",
                "Costs",
                "More."
            ]
        );
        assert_eq!(a.blocks[2].kind, BlockKind::Title);
        assert_eq!(a.title, "Harbour plan");
        assert_eq!(a.sections.len(), 1);
        // Another heading there is the text's first section, under the front matter's
        // title.
        let other = doc.replace("# Harbour plan #", "# Background");
        let a = parse(&other, "b.md");
        assert_eq!(a.blocks[0].kind, BlockKind::Title);
        assert_eq!(a.block_texts()[..2], ["harbour Plan", "By Ana Ruiz"]);
        assert_eq!(a.sections[0].title, "Background");
    }

    #[test]
    fn hard_breaks_end_lines_and_soft_ones_do_not() {
        let a = parse(
            "# Poem\n\nRoses are red,  \nviolets are blue,\\\nsugar\nis sweet.  \n\nA  \nB\n---\n",
            "p.md",
        );
        assert_eq!(
            a.block_texts(),
            [
                "Poem",
                "Roses are red,\u{2028}violets are blue,\u{2028}sugar is sweet.",
                "A B"
            ]
        );
    }

    #[test]
    fn definition_lists_and_task_lists() {
        let a = parse(
            "Quorum\n: The number of votes needed.\n\nVeto\n: A refusal.\n\n- [x] Done\n- [ ] Open\n",
            "d.md",
        );
        assert_eq!(
            a.block_texts(),
            [
                "Quorum",
                "The number of votes needed.",
                "Veto",
                "A refusal.",
                "• [✓] Done",
                "• [ ] Open"
            ]
        );
        let strong = a.texts_styled(Inline::Strong);
        assert_eq!(strong, ["Quorum", "Veto"]);
        let kinds: Vec<BlockKind> = a.blocks[..4].iter().map(|b| b.kind).collect();
        use BlockKind::{Definition, Term};
        assert_eq!(kinds, [Term, Definition, Term, Definition]);
        // A definition of paragraphs, and another of the same term: all set in.
        let loose = parse(
            "Lock

: A gate in a canal.

  It lifts boats.

: A padlock.

After.
",
            "l.md",
        );
        let kinds: Vec<(&str, BlockKind)> = (0..loose.blocks.len())
            .map(|b| (loose.block_text(b), loose.blocks[b].kind))
            .collect();
        assert_eq!(
            kinds,
            [
                ("Lock", Term),
                ("A gate in a canal.", Definition),
                ("It lifts boats.", Definition),
                ("A padlock.", Definition),
                ("After.", BlockKind::Paragraph)
            ]
        );
        // In a quote, a term and its definition are the quote's.
        let quoted = parse("> Quorum\n> : Votes needed.\n", "q.md");
        assert!(quoted.blocks.iter().all(|b| b.kind == BlockKind::quote(1)));
    }

    #[test]
    fn inline_styles_links_and_images() {
        let a = parse(
            "Some *soft* and **loud** `code` and [a link](https://example.org/x) and ![a cat](cat.png).\n\n## Next\n\nText.\n",
            "c.md",
        );
        let styled = a.styled_texts();
        assert!(styled.contains(&("soft", Inline::Emphasis)));
        assert!(styled.contains(&("loud", Inline::Strong)));
        assert!(styled.contains(&("code", Inline::Code)));
        assert!(a.text.contains("a link[1]"));
        assert!(a.text.contains("[image: a cat]"));
        assert!(a.text.contains("[1] https://example.org/x"));
        // The reference comes before the next section's heading.
        assert!(a.text.find("[1] https").unwrap() < a.text.find("Next").unwrap());
    }

    #[test]
    fn struck_text_heading_links_and_images_without_words() {
        let a = parse(
            "# Notes from [the summit](https://x.org/s)\n\nAn ~~old~~ new ![](a.png) ![*big* `x`](b.png) claim.\n\n## [Part](https://x.org/p)\n\nText.\n",
            "s.md",
        );
        assert!(
            a.inline
                .iter()
                .any(|(r, s)| *s == Inline::Deleted && &a.text[r.clone()] == "old")
        );
        // A heading's link lists no reference: none in the title, the outline or the text.
        assert_eq!(a.title, "Notes from the summit");
        assert_eq!(outline(&a), [(2, "Part".into())]);
        assert!(!a.text.contains("https://"), "{}", a.text);
        assert!(a.text.contains("An old new [image] [image: big x] claim."));
    }

    #[test]
    fn footnotes_and_autolinks() {
        let a = parse(
            "A claim[^src] and <https://example.org/a>.\n\n\
             [^src]: Said in \"the report\".\n\n[^empty]:\n\nAfter.\n",
            "f.md",
        );
        let blocks: Vec<&str> = a.blocks.iter().map(|b| &a.text[b.range.clone()]).collect();
        // The reference and the note's text show the same label; an autolink shows its
        // address, so it lists no reference.
        assert_eq!(blocks[0], "A claim[^src] and https://example.org/a.");
        assert!(
            blocks.contains(&"[^src] Said in \"the report\"."),
            "{blocks:?}"
        );
        assert!(!a.text.contains("[1]"));
        // A note that holds no paragraph leaves its label to none.
        assert!(blocks.contains(&"After."), "{blocks:?}");
    }

    /// Each block's kind and text.
    fn kinds_and_texts(a: &Article) -> Vec<(BlockKind, &str)> {
        (0..a.blocks.len())
            .map(|b| (a.blocks[b].kind, a.block_text(b)))
            .collect()
    }

    #[test]
    fn lists_quotes_code_and_bold_headings() {
        let a = parse(
            "Intro.\n\n- one\n- two\n  - nested\n\n1. first\n2. second\n\n> quoted words\n>\n>> within\n>\n> > > deeper\n\n```\nlet x = 1;\n    indented();\n```\n\n**Background**\n\nAfter.\n",
            "d.md",
        );
        let kinds: Vec<(BlockKind, &str)> = a
            .blocks
            .iter()
            .map(|b| (b.kind, &a.text[b.range.clone()]))
            .collect();
        assert!(kinds.contains(&(BlockKind::ListItem { depth: 1, quote: 0 }, "• one")));
        assert!(kinds.contains(&(BlockKind::ListItem { depth: 2, quote: 0 }, "• nested")));
        assert!(kinds.contains(&(BlockKind::ListItem { depth: 1, quote: 0 }, "2. second")));
        assert!(kinds.contains(&(BlockKind::Quote { depth: 1 }, "quoted words")));
        assert!(kinds.contains(&(BlockKind::Quote { depth: 2 }, "within")));
        assert!(kinds.contains(&(BlockKind::Quote { depth: 3 }, "deeper")));
        assert!(kinds.contains(&(BlockKind::CODE, "let x = 1;\n    indented();")));
        assert_eq!(outline(&a), [(2, "Background".into())]);
    }

    #[test]
    fn a_list_item_s_paragraph_and_code_after_its_text_are_set_under_it() {
        let a = parse(
            "# Steps\n\n1. Install it:\n\n   ```\n   cargo install byline\n   ```\n\n   \
             Then run it.\n\n   > Back up first:\n   >\n   >     cp -r data/ old/\n\n10. Read.\n    - a nested item\n\n      ```\n      byline x\n      \
             ```\n\n      More of the nested item.\n\n    More of item ten.\n\n> - quoted\n>\n\
             >   ```\n>   q\n>   ```\n>\n>   after\n\n- loose\n\n  and its second paragraph\n\n\
             - next\n\nAfter the lists.\n",
            "s.md",
        );
        let nest = |depth, quote, hang| Nest {
            depth,
            quote,
            hang,
            inner: 0,
        };
        let text = |depth, quote, hang| BlockKind::ListText(nest(depth, quote, hang));
        let code = |depth, quote, hang| BlockKind::Code(nest(depth, quote, hang));
        // A quote within the first item: its bars under the item's text.
        let inside = Nest {
            inner: 1,
            ..nest(1, 1, 3)
        };
        assert_eq!(
            kinds_and_texts(&a),
            [
                (BlockKind::Title, "Steps"),
                (BlockKind::ListItem { depth: 1, quote: 0 }, "1. Install it:"),
                (code(1, 0, 3), "cargo install byline"),
                (text(1, 0, 3), "Then run it."),
                (BlockKind::ListText(inside), "Back up first:"),
                (BlockKind::Code(inside), "cp -r data/ old/"),
                (BlockKind::ListItem { depth: 1, quote: 0 }, "2. Read."),
                (
                    BlockKind::ListItem { depth: 2, quote: 0 },
                    "• a nested item"
                ),
                (code(2, 0, 2), "byline x"),
                (text(2, 0, 2), "More of the nested item."),
                (text(1, 0, 3), "More of item ten."),
                (BlockKind::ListItem { depth: 1, quote: 1 }, "• quoted"),
                (code(1, 1, 2), "q"),
                (text(1, 1, 2), "after"),
                (BlockKind::ListItem { depth: 1, quote: 0 }, "• loose"),
                (text(1, 0, 2), "and its second paragraph"),
                (BlockKind::ListItem { depth: 1, quote: 0 }, "• next"),
                (BlockKind::Paragraph, "After the lists."),
            ]
        );
    }

    #[test]
    fn a_table_too_wide_for_a_grid_reads_as_rows_where_it_stands() {
        // Each row a paragraph of its cells, in its item or its quote.
        let cells = |n: usize| vec!["a cell of some length"; n].join(" | ");
        let rule = ["---"; 8].join("|");
        let table = |lead: &str| {
            format!(
                "{lead}| {} |\n{lead}|{rule}|\n{lead}| {} |\n",
                cells(8),
                cells(8)
            )
        };
        let md = format!("# T\n\n- wide:\n\n{}\n{}", table("  "), table("> "));
        let a = parse(&md, "w.md");
        let kinds: Vec<BlockKind> = a.blocks.iter().map(|b| b.kind).collect();
        let later = BlockKind::ListText(Nest {
            depth: 1,
            hang: 2,
            ..Nest::NONE
        });
        let quoted = BlockKind::Quote { depth: 1 };
        assert_eq!(
            kinds[1..],
            [
                BlockKind::ListItem { depth: 1, quote: 0 },
                later,
                later,
                quoted,
                quoted
            ]
        );
        assert_eq!(a.block_text(2), cells(8));
    }

    #[test]
    fn a_bold_question_is_a_heading_unless_labelled_as_an_interview_s() {
        let a = parse(
            "Intro.\n\n**What is a tariff?**\n\nA tax.\n\n**Q: Why now?**\n\nBecause.\n\n\
             **Q. And then?**\n\nWe wait.\n\n**Question: Who pays?**\n\nWe do.\n\n\
             **Q&A**\n\nBelow.\n",
            "q.md",
        );
        assert_eq!(
            outline(&a),
            [(2, "What is a tariff?".into()), (2, "Q&A".into())]
        );
    }

    #[test]
    fn a_github_alert_is_headed_by_its_kind() {
        let a = parse(
            "Intro.\n\n> [!WARNING]\n> Mind the gap.\n\n> Not [!NOTE] here.\n",
            "a.md",
        );
        let blocks = kinds_and_texts(&a);
        let quote = BlockKind::Quote { depth: 1 };
        assert_eq!(
            blocks[1..],
            [
                (quote, "Warning"),
                (quote, "Mind the gap."),
                (quote, "Not [!NOTE] here.")
            ]
        );
        assert!(a.styled_texts().contains(&("Warning", Inline::Strong)));
    }

    #[test]
    fn a_list_in_a_quote_is_in_the_quote() {
        let a = parse(
            "Intro.\n\n> Said:\n>\n> - one\n>   - two\n>\n> > 1. deep\n\n- out\n",
            "q.md",
        );
        let mut items = kinds_and_texts(&a);
        items.retain(|(kind, _)| matches!(kind, BlockKind::ListItem { .. }));
        let item = |depth, quote| BlockKind::ListItem { depth, quote };
        assert_eq!(
            items,
            [
                (item(1, 1), "• one"),
                (item(2, 1), "• two"),
                (item(1, 2), "1. deep"),
                (item(1, 0), "• out"),
            ]
        );
    }

    #[test]
    fn html_blocks_read_as_a_page_reads_them() {
        let text = "# T\n\nBefore.\n\n<blockquote><p>“Not rushed,” said Ada Lowe.</p>\
                    </blockquote>\n<script>var x = \"<p>no</p>\";</script>\n\n\
                    <table>\n<tr><th>Name</th><th>Seats</th></tr>\n<tr><td>Lowe</td><td>12</td>\
                    </tr>\n</table>\n\n<!-- a note -->\n\n<h2>Later</h2>\n\nAfter.\n";
        let a = parse(text, "h.md");
        let blocks = kinds_and_texts(&a);
        let grid = "│ Name │ Seats │\n├──────┼───────┤\n│ Lowe │    12 │";
        assert_eq!(
            blocks,
            [
                (BlockKind::Title, "T"),
                (BlockKind::Paragraph, "Before."),
                (
                    BlockKind::Quote { depth: 1 },
                    "“Not rushed,” said Ada Lowe."
                ),
                (BlockKind::TABLE, grid),
                (BlockKind::Heading { level: 2 }, "Later"),
                (BlockKind::Paragraph, "After."),
            ]
        );
        assert_eq!(outline(&a), [(2, "Later".to_string())]);
    }

    #[test]
    fn html_and_entities_do_not_leak() {
        let a = parse("Text &amp; more <span>inline</span> &#27;[31m.\n", "e.md");
        assert!(a.text.contains("Text & more"));
        assert!(!a.text.contains('\u{1b}'));
    }
}
