//! What every format shares: a builder that assembles the reading text block by block
//! (for formats whose markup is not the text: Markdown, HTML, JSON), and `finish`, the
//! one place that decides the title, the dateline and the sections.

use std::ops::Range;

use super::table::{self, Align, Cell};
use super::{
    Article, Block, BlockKind, Format, Inline, LINE_BREAK, Nest, dateline, sections_from_blocks,
    title,
};
use crate::source;

/// Assembles an article's text from pieces. Prose collapses whitespace as HTML and
/// Markdown do; code keeps it. Everything passes through `source::clean`, so no
/// entity or escape in the markup can put a control character in the text.
#[derive(Debug, Default)]
pub struct Builder {
    text: String,
    blocks: Vec<Block>,
    inline: Vec<(Range<usize>, Inline)>,
    open: Option<(BlockKind, usize)>,
    /// How many inline styles there were when the open block began: those end before
    /// it, and cutting it back never touches them.
    open_styles: usize,
    /// A space is owed before the next word of prose.
    space: bool,
    /// The open table's cells, read as prose one after another into the text, and laid
    /// out as a grid when the table ends.
    table: Option<OpenTable>,
    /// What to head the text with (see [`Builder::lead_with`]).
    lead: Option<Lead>,
    /// A [`LINE_BREAK`] has been written.
    line_breaks: bool,
    /// The columns of the marker of the item last begun at each depth of lists: where
    /// its later paragraphs are set in (see [`Builder::begin_list_text`]).
    item_hangs: Vec<u8>,
}

/// A title and a credit line given apart from the body (front matter, a page's
/// metadata).
#[derive(Debug)]
struct Lead {
    title: Option<String>,
    credit: Option<String>,
    /// Written under the text's first `h1`, past the pictures before it.
    under_heading: bool,
}

#[derive(Debug, Default)]
struct OpenTable {
    aligns: Vec<Align>,
    head_rows: usize,
    /// Where each row's cells start in the text, and how many columns each spans.
    rows: Vec<Vec<(usize, usize)>>,
    /// Cells reaching into the rows below theirs (HTML's `rowspan`): their first column,
    /// how many columns they span, and the first and last row below they cover.
    below: Vec<(usize, usize, usize, usize)>,
}

impl Builder {
    pub fn new() -> Builder {
        Builder::default()
    }

    /// A builder whose text will take about `bytes`: a big document's text is not
    /// grown by doubling, which would hold up to twice it for a moment.
    pub fn with_capacity(bytes: usize) -> Builder {
        let mut text = Vec::with_capacity(bytes);
        crate::source::advise_huge_pages(text.spare_capacity_mut());
        Builder {
            // Empty, so UTF-8.
            text: String::from_utf8(text).unwrap_or_default(),
            ..Builder::default()
        }
    }

    /// Starts a block of `kind`, closing any open one.
    pub fn begin(&mut self, kind: BlockKind) {
        self.end();
        // A first `Title` or `h1` (which a page's first heading becomes) goes before it.
        let title = self.blocks.is_empty()
            && matches!(kind, BlockKind::Title | BlockKind::Heading { level: 1 });
        let heading_above = self
            .blocks
            .last()
            .is_some_and(|b| matches!(b.kind, BlockKind::Title | BlockKind::Heading { level: 1 }));
        let waits = self.lead.as_ref().is_some_and(|l| l.under_heading) && !heading_above;
        if self.lead.is_some() && !title && !waits {
            self.write_lead();
        }
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        self.open = Some((kind, self.text.len()));
        self.open_styles = self.inline.len();
        self.space = false;
    }

    /// A break between two passages (Markdown's `---`, HTML's `<hr>`).
    pub fn passage_break(&mut self) {
        self.begin(BlockKind::Break);
        self.text.push_str(PASSAGE_BREAK);
        self.end();
    }

    /// Heads the text with `title` and a paragraph of `credit`, written before the
    /// first block; after it instead when that is a title of the text's own, which
    /// `title` then gives way to.
    pub fn lead_with(&mut self, title: Option<String>, credit: Option<String>) {
        self.lead = Some(Lead {
            title,
            credit,
            under_heading: false,
        });
    }

    /// Writes a paragraph of `credit` under the text's first `h1` (its title), past the
    /// pictures that come before it.
    pub fn credit_under_heading(&mut self, credit: Option<String>) {
        self.lead = Some(Lead {
            title: None,
            credit,
            under_heading: true,
        });
    }

    fn write_lead(&mut self) {
        let Some(lead) = self.lead.take() else {
            return;
        };
        let title = lead.title.filter(|_| self.blocks.is_empty());
        for (kind, text) in [
            (BlockKind::Title, title),
            (BlockKind::Paragraph, lead.credit),
        ] {
            if let Some(text) = text {
                self.begin(kind);
                self.text(&text);
                self.end();
            }
        }
    }

    pub fn is_open(&self) -> bool {
        self.open.is_some()
    }

    pub fn open_kind(&self) -> Option<BlockKind> {
        self.open.map(|(k, _)| k)
    }

    /// Changes the kind of the open block (a bold-only paragraph becoming a heading).
    pub fn set_open_kind(&mut self, kind: BlockKind) {
        if let Some((k, _)) = &mut self.open {
            *k = kind;
        }
    }

    /// Text of the open block so far.
    pub fn open_text(&self) -> &str {
        self.open.map_or("", |(_, start)| &self.text[start..])
    }

    /// Starts a list item `depth` lists deep within `quote` block quotes, with its
    /// marker: `3. ` counting on in an ordered list (`number` is the next number), `• `
    /// otherwise.
    pub fn begin_list_item(&mut self, depth: u8, quote: usize, number: Option<&mut u64>) {
        let quote = u8::try_from(quote).unwrap_or(u8::MAX);
        self.begin(BlockKind::ListItem { depth, quote });
        let marker = match number {
            Some(n) => {
                let m = format!("{n}. ");
                *n += 1;
                m
            }
            None => "• ".to_string(),
        };
        let depth = usize::from(depth);
        self.item_hangs.resize(depth.max(1), 2);
        self.item_hangs[depth.max(1) - 1] = u8::try_from(marker.chars().count()).unwrap_or(2);
        self.text(&marker);
        self.space();
    }

    /// A list item is open and holds nothing yet but its marker: a paragraph that
    /// comes now is its text.
    pub fn at_item_start(&self) -> bool {
        matches!(self.open_kind(), Some(BlockKind::ListItem { .. }))
            && !self.open_text().trim_end().contains(' ')
    }

    /// Where a block `depth` lists deep (0: in none) within `quote` block quotes sits:
    /// under the text of the item last begun at that depth; `inner` of the quotes are
    /// within that item.
    pub fn nest(&self, depth: usize, quote: usize, inner: usize) -> Nest {
        let hang = match depth {
            0 => 0,
            _ => self.item_hangs.get(depth - 1).copied().unwrap_or(2),
        };
        let byte = |n: usize| u8::try_from(n).unwrap_or(u8::MAX);
        Nest {
            depth: byte(depth),
            quote: byte(quote),
            hang,
            inner: byte(inner),
        }
    }

    /// Starts a later paragraph of the item last begun `depth` lists deep (see
    /// [`BlockKind::ListText`]).
    pub fn begin_list_text(&mut self, depth: u8, quote: usize, inner: usize) {
        let nest = self.nest(usize::from(depth).max(1), quote, inner);
        self.begin(BlockKind::ListText(nest));
    }

    /// Starts a table whose columns sit as `aligns` says (missing ones to the left),
    /// part of the text `nest` says.
    pub fn begin_table(&mut self, aligns: Vec<Align>, nest: Nest) {
        self.begin(BlockKind::Table(nest));
        self.table = Some(OpenTable {
            aligns,
            ..OpenTable::default()
        });
    }

    /// A table is open: its rows go on it.
    pub fn in_table(&self) -> bool {
        self.table.is_some()
    }

    /// Starts a row of the open table (starting a table if none is open).
    pub fn table_row(&mut self) {
        if self.table.is_none() {
            self.begin_table(Vec::new(), Nest::NONE);
        }
        if let Some(table) = &mut self.table {
            table.rows.push(Vec::new());
        }
    }

    /// Starts a cell of the open row, `span` columns wide and `rows` rows high: the prose
    /// that follows is its text. Where a cell from a row above reaches down, the row
    /// holds an empty cell first.
    pub fn table_cell(&mut self, span: usize, rows: usize) {
        if self.table.as_ref().is_none_or(|t| t.rows.is_empty()) {
            self.table_row();
        }
        let at = self.text.len();
        if let Some(table) = &mut self.table {
            let k = table.rows.len() - 1;
            table.below.retain(|&(.., last)| last >= k);
            let row = &mut table.rows[k];
            let mut column: usize = row.iter().map(|c| c.1).sum();
            while let Some(&(_, width, ..)) = table
                .below
                .iter()
                .find(|&&(c, _, first, _)| c == column && first <= k)
            {
                row.push((at, width));
                column += width;
            }
            let span = span.max(1);
            row.push((at, span));
            if rows > 1 {
                table.below.push((column, span, k + 1, k + rows - 1));
            }
        }
        self.space = false;
    }

    /// The rows so far are the table's head.
    pub fn table_head_ends(&mut self) {
        if let Some(table) = &mut self.table {
            table.head_rows = table.rows.len();
        }
    }

    /// Appends prose: whitespace runs become one space, leading space is dropped.
    pub fn text(&mut self, s: &str) {
        if self.open.is_none() {
            self.begin(BlockKind::Paragraph);
        }
        // Most text comes clean, as words between single spaces: one look tells, and it
        // is appended as it is.
        if is_collapsed_and_clean(s) {
            self.push_collapsed(s);
            return;
        }
        let cleaned = source::clean(s);
        if is_collapsed(&cleaned) {
            self.push_collapsed(&cleaned);
            return;
        }
        for (i, word) in cleaned.split_whitespace().enumerate() {
            let at_start = self.at_start();
            if (i > 0 || self.space || cleaned.starts_with(char::is_whitespace)) && !at_start {
                self.text.push(' ');
            }
            self.text.push_str(word);
            self.space = false;
        }
        if cleaned.ends_with(char::is_whitespace) {
            self.space = true;
        }
    }

    /// Whether the next text starts a block or a table's cell: no space goes before it.
    fn at_start(&self) -> bool {
        let here = self.text.len();
        let cell = self.table.as_ref().and_then(|t| t.rows.last()?.last());
        self.open.is_some_and(|(_, start)| start == here) || cell.is_some_and(|c| c.0 == here)
    }

    /// Appends words between single spaces, after the space owed if any.
    fn push_collapsed(&mut self, s: &str) {
        let at_start = self.at_start();
        if self.space && !at_start {
            self.text.push(' ');
        }
        self.text.push_str(s);
        self.space = false;
    }

    /// Asks for a space before the next word (a soft line break, a `<br>`).
    pub fn space(&mut self) {
        self.space = true;
    }

    /// A line break in prose (see [`LINE_BREAK`]); in a heading, a table or code, or
    /// before any word of the block, a space. Breaks in a row are one.
    pub fn line_break(&mut self) {
        let prose = matches!(
            self.open,
            Some((
                BlockKind::Paragraph
                    | BlockKind::Quote { .. }
                    | BlockKind::ListItem { .. }
                    | BlockKind::ListText(_)
                    | BlockKind::Term
                    | BlockKind::Definition,
                _
            ))
        );
        // A list item's text starts with its marker (`• `), which is no word.
        let after_word = self.open.is_some_and(|(kind, start)| {
            let written = self.text[start..].trim_end();
            match kind {
                BlockKind::ListItem { .. } => written.contains(' '),
                _ => !written.is_empty(),
            }
        }) && !self.text.ends_with([' ', LINE_BREAK]);
        if prose && self.table.is_none() && after_word {
            self.text.push(LINE_BREAK);
            self.space = false;
            self.line_breaks = true;
        } else {
            self.space();
        }
    }

    /// Appends text as it is (code): only cleaned, never collapsed.
    pub fn raw(&mut self, s: &str) {
        if self.open.is_none() {
            self.begin(BlockKind::CODE);
        }
        self.text.push_str(&source::clean(s));
    }

    /// Where the next character will go: for inline styles.
    pub fn position(&self) -> usize {
        // An owed space belongs before the styled text, not inside it.
        self.text.len() + usize::from(self.space && !self.open_text().is_empty())
    }

    pub fn style(&mut self, range: Range<usize>, inline: Inline) {
        let end = range.end.min(self.text.len());
        // A start taken with a space owed (see `position`) is one byte on, and lands
        // inside a line break written in the space's place: the style starts after it.
        let mut start = range.start;
        while start < end && !self.text.is_char_boundary(start) {
            start += 1;
        }
        if start >= end {
            return;
        }
        // Nested spans of one style close inside out (`***…***` can nest thousands
        // deep): the outer one replaces those it holds, so they are drawn as one.
        while let Some((last, style)) = self.inline.last()
            && *style == inline
            && start <= last.start
            && last.end <= end
        {
            self.inline.pop();
        }
        self.inline.push((start..end, inline));
    }

    /// Appends what `next` built, as if it had been built here: `next` was started
    /// where a block begins (a piece of a document read on its own), and leaves no
    /// block, table or lead open.
    pub fn append(&mut self, next: Builder) {
        self.end();
        debug_assert!(next.open.is_none() && next.table.is_none() && next.lead.is_none());
        // The separator `begin` writes before a block when text comes before it.
        let shift = if self.text.is_empty() {
            0
        } else {
            self.text.len() + 2
        };
        if !next.text.is_empty() && shift > 0 {
            self.text.push_str("\n\n");
        }
        self.text.push_str(&next.text);
        self.blocks.extend(next.blocks.into_iter().map(|b| Block {
            kind: b.kind,
            range: b.range.start + shift..b.range.end + shift,
        }));
        let inline = next.inline.into_iter();
        self.inline
            .extend(inline.map(|(r, style)| (r.start + shift..r.end + shift, style)));
        self.line_breaks |= next.line_breaks;
    }

    /// Whether the first block written, if any, is a heading.
    pub fn starts_with_heading(&self) -> bool {
        self.blocks.first().is_none_or(|b| b.kind.is_heading())
    }

    /// Whether a lead waits to be written.
    pub fn has_lead(&self) -> bool {
        self.lead.is_some()
    }

    /// A level-1 heading is the article's title when it has none and nothing but
    /// pictures comes before the heading (a page's logo, a project's badges).
    pub fn promote_leading_h1(&mut self) {
        if self.blocks.iter().any(|b| b.kind == BlockKind::Title) {
            return;
        }
        let text = &self.text;
        let first = (self.blocks.iter_mut()).find(|b| !only_pictures(&text[b.range.clone()]));
        if let Some(first) = first
            && first.kind == (BlockKind::Heading { level: 1 })
        {
            first.kind = BlockKind::Title;
        }
    }

    /// Whether one `style` range covers everything from `start` to the end of the text.
    pub fn inline_covers(&self, start: usize, style: Inline) -> bool {
        let end = self.text.len();
        self.inline
            .iter()
            .any(|(r, s)| *s == style && r.start <= start && r.end >= end)
    }

    /// Closes the open block; a block with no text (a paragraph of only separators) is
    /// dropped.
    pub fn end(&mut self) {
        let Some((mut kind, mut start)) = self.open.take() else {
            return;
        };
        if let BlockKind::Table(nest) = kind {
            (kind, start) = self.end_table(start, nest);
        }
        let mut end = self.text.len();
        if matches!(kind, BlockKind::Code(_)) {
            // Trailing newlines of the code, never the separator before the block.
            while end > start && self.text[..end].ends_with('\n') {
                end -= 1;
            }
        }
        // A break ends a line, not a block.
        if end > start && self.text[..end].ends_with(LINE_BREAK) {
            end -= LINE_BREAK.len_utf8();
        }
        self.cut_back(end);
        let written = &self.text[start..];
        let separators = kind == BlockKind::Paragraph && written.chars().all(is_separator);
        if written.trim().is_empty() || separators {
            let before = self.text[..start].trim_end_matches('\n').len();
            self.cut_back(before);
            return;
        }
        self.blocks.push(Block {
            kind,
            range: start..end,
        });
    }

    /// Cuts the closing block's text back to `len`, and its inline styles with it: a
    /// style left past the end would cover (or cut into a character of) whatever is
    /// written there next.
    fn cut_back(&mut self, len: usize) {
        if len == self.text.len() {
            return;
        }
        self.text.truncate(len);
        let mut own = self
            .inline
            .split_off(self.open_styles.min(self.inline.len()));
        own.retain_mut(|(range, _)| {
            range.end = range.end.min(len);
            range.start < range.end
        });
        self.inline.append(&mut own);
    }

    /// Lays out the table whose cells' text starts at `start` as a grid, or as one
    /// paragraph per row when the grid would be too wide; the cells' inline styles move
    /// with their text. Returns the last block, for the caller to close as any other
    /// (dropped if empty, as a table of empty cells is).
    fn end_table(&mut self, start: usize, nest: Nest) -> (BlockKind, usize) {
        let table = self.table.take().unwrap_or_default();
        let cells_text = self.text.split_off(start);
        // Each cell's text, as a range of `cells_text`, row by row.
        let starts: Vec<usize> = table.rows.iter().flatten().map(|c| c.0 - start).collect();
        let ends = starts.iter().skip(1).copied().chain([cells_text.len()]);
        let ranges: Vec<Range<usize>> = starts.iter().zip(ends).map(|(&s, e)| s..e).collect();
        let mut cells = ranges
            .iter()
            .zip(table.rows.iter().flatten())
            .map(|(r, c)| Cell {
                text: cells_text[r.clone()].trim(),
                span: c.1,
            });
        let rows: Vec<Vec<Cell>> = table
            .rows
            .iter()
            .filter(|row| !row.is_empty())
            .map(|row| cells.by_ref().take(row.len()).collect())
            .collect();
        let (moved, kept): (Vec<_>, Vec<_>) = std::mem::take(&mut self.inline)
            .into_iter()
            .partition(|(r, _)| r.start >= start);
        self.inline = kept;
        if rows.iter().flatten().all(|cell| cell.text.is_empty()) {
            return (BlockKind::Table(nest), start);
        }
        // Where each cell's text starts in the whole text now.
        let mut placed = Vec::new();
        let mut last = (BlockKind::Table(nest), start);
        let head_rows = rows.len().min(table.head_rows);
        if let Some(grid) = table::grid(&rows, head_rows, &table.aligns) {
            self.text.push_str(&grid.text);
            placed.extend(grid.cells.iter().map(|&at| start + at));
        } else {
            // One paragraph per row, its cells apart by ` | `.
            for (r, row) in rows.iter().enumerate() {
                if r > 0 {
                    self.text.push_str("\n\n");
                }
                let row_start = self.text.len();
                for (c, cell) in row.iter().enumerate() {
                    if c > 0 {
                        self.text.push_str(" | ");
                    }
                    placed.push(self.text.len());
                    self.text.push_str(cell.text);
                }
                if r + 1 < rows.len() {
                    self.blocks.push(Block {
                        kind: nest.prose(),
                        range: row_start..self.text.len(),
                    });
                } else {
                    last = (nest.prose(), row_start);
                }
            }
        }
        // The head's cells are set in bold, as their rule sets them apart.
        let head = rows[..head_rows].iter().flatten();
        for (&at, cell) in placed.iter().zip(head).filter(|(_, c)| !c.text.is_empty()) {
            self.inline.push((at..at + cell.text.len(), Inline::Strong));
        }
        // A style inside one cell moves with it; one across cells is dropped. Cells are
        // in order: the one a style starts in is found by a search.
        for (range, style) in moved {
            let (from, to) = (range.start - start, range.end - start);
            let Some(k) = ranges.partition_point(|r| r.start <= from).checked_sub(1) else {
                continue;
            };
            let cell = &cells_text[ranges[k].clone()];
            let text_start = ranges[k].start + (cell.len() - cell.trim_start().len());
            let text_end = ranges[k].start + cell.trim_end().len();
            if let Some(&at) = placed
                .get(k)
                .filter(|_| text_start <= from && to <= text_end)
            {
                self.inline
                    .push((at + from - text_start..at + to - text_start, style));
            }
        }
        last
    }

    /// The article. `title` is a title from metadata (front matter, `<title>`, a JSON
    /// field) for when the text has no title block.
    pub fn finish(mut self, name: &str, format: Format, title: Option<String>) -> Article {
        self.end();
        self.write_lead();
        if self.text.capacity() > self.text.len() + self.text.len() / 8 {
            self.text.shrink_to_fit();
        }
        let mut inline = self.inline;
        inline.retain(|(r, _)| r.end <= self.text.len());
        let mut article = finish(self.text, self.blocks, name, format, title);
        article.inline = inline;
        article.line_breaks = self.line_breaks;
        article
    }
}

/// Short paragraphs read past to the story's first, where its dateline is: how many,
/// and how long at most.
const MAX_LINES_BEFORE_STORY: usize = 2;
const MAX_LINE_BEFORE_STORY_BYTES: usize = 160;

/// Decides the title (a `Title` block, else metadata, else the file name or the opening
/// sentence), finds the dateline and lists the sections.
pub fn finish(
    text: String,
    mut blocks: Vec<Block>,
    name: &str,
    format: Format,
    title_hint: Option<String>,
) -> Article {
    only_breaks_between_passages(&mut blocks);
    // The first paragraph of the story, past a short `By …` byline and short lines
    // before the story (a picture's caption, a photo's credit, an `Updated` stamp).
    let dateline = blocks
        .iter()
        .take_while(|b| !matches!(b.kind, BlockKind::Heading { .. }))
        .filter(|b| b.kind == BlockKind::Paragraph && !is_byline(&text[b.range.clone()]))
        .take(MAX_LINES_BEFORE_STORY + 1)
        .map(|b| (b, dateline::find(&text[b.range.clone()], b.range.start)))
        .take_while(|(b, found)| found.is_some() || b.range.len() <= MAX_LINE_BEFORE_STORY_BYTES)
        .find_map(|(_, found)| found);
    let title_block = blocks.iter().find(|b| b.kind == BlockKind::Title);
    let title = if let Some(b) = title_block {
        collapse(&text[b.range.clone()])
    } else if let Some(t) = title_hint
        .map(|t| collapse(&source::clean(&t)))
        .filter(|t| !t.is_empty())
    {
        t
    } else {
        // The opening sentence, after any dateline.
        let opening = blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Paragraph)
            .find(|b| !is_byline(&text[b.range.clone()]))
            .map(|b| {
                // Skip the dateline only when it is in this paragraph (a byline may come
                // first, and the dateline in the next one).
                let start = dateline
                    .as_ref()
                    .filter(|d| b.range.contains(&d.span.start))
                    .map_or(b.range.start, |d| d.span.end.min(b.range.end));
                &text[start..b.range.end]
            });
        title::from_file_name(name)
            .or_else(|| opening.and_then(title::from_opening))
            .unwrap_or_else(|| "Untitled".to_string())
    };
    let sections = sections_from_blocks(&text, &blocks);
    Article {
        title,
        source: name.to_string(),
        format,
        text,
        dateline,
        blocks,
        sections,
        inline: Vec::new(),
        line_breaks: false,
        warnings: Vec::new(),
    }
}

/// How a break between passages is written where the source does not say (`---`,
/// `<hr>`).
pub const PASSAGE_BREAK: &str = "* * *";

/// Drops the breaks that part no two passages of text: first, last, after another
/// break, a title or a heading, or before a heading — where a page's rules only
/// decorate. Their text stays, in no block.
fn only_breaks_between_passages(blocks: &mut Vec<Block>) {
    if !blocks.iter().any(|b| b.kind == BlockKind::Break) {
        return;
    }
    let parts =
        |b: Option<&Block>| b.is_some_and(|b| b.kind != BlockKind::Break && !b.kind.is_heading());
    let mut kept: Vec<Block> = Vec::with_capacity(blocks.len());
    for (i, block) in blocks.iter().enumerate() {
        if block.kind == BlockKind::Break && !(parts(kept.last()) && parts(blocks.get(i + 1))) {
            continue;
        }
        kept.push(block.clone());
    }
    *blocks = kept;
}

/// `By Ana Ruiz, Bo Li · 2025-03-01` from the authors' names and a date, given as
/// fields (JSON, feeds): a timestamp shows its day; none when neither says anything.
pub fn credit_line(names: &[&str], date: Option<&str>) -> Option<String> {
    // A name given as a byline (`By Ana Ruiz`) is the name.
    let names: Vec<&str> = names
        .iter()
        .map(|n| n.trim())
        .map(|n| n.strip_prefix("By ").or(n.strip_prefix("by ")).unwrap_or(n))
        .filter(|n| !n.is_empty())
        .collect();
    let by = (!names.is_empty()).then(|| format!("By {}", names.join(", ")));
    let day = date.map(str::trim).filter(|d| !d.is_empty()).map(day_of);
    match (by, day) {
        (Some(by), Some(day)) => Some(format!("{by} · {day}")),
        (by, day) => by.or(day),
    }
}

/// Bytes of a text's opening in which its credit may already show.
pub const OPENING_BYTES: usize = 2000;

/// The first [`OPENING_BYTES`] of `text`, cut between characters.
pub fn opening(text: &str) -> &str {
    let mut end = text.len().min(OPENING_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Whether the opening of `text` already says who wrote it (any of `names`) or, with
/// no names, when (the year of `date`): a credit line from metadata would repeat it.
pub fn credit_shown(text: &str, names: &[&str], date: Option<&str>) -> bool {
    let opening = opening(text).to_lowercase();
    if names.is_empty() {
        let year = date
            .and_then(|d| d.trim().get(..4))
            .filter(|y| y.bytes().all(|b| b.is_ascii_digit()));
        year.is_some_and(|y| opening.contains(y))
    } else {
        names
            .iter()
            .any(|n| opening.contains(&n.trim().to_lowercase()))
    }
}

/// The day of a timestamp: `2026-11-20T10:00:00Z` → `2026-11-20`, `Fri, 20 Nov 2026
/// 10:00:00 GMT` → `Fri, 20 Nov 2026`; anything else as it is.
fn day_of(date: &str) -> String {
    if date.len() > 10 && date.as_bytes()[10] == b'T' && date.is_char_boundary(10) {
        return date[..10].to_string();
    }
    let words: Vec<&str> = date.split_whitespace().collect();
    match words.iter().position(|w| w.contains(':')) {
        // RFC 2822, as feeds give it: the date before the time.
        Some(at) if at >= 3 => words[..at].join(" "),
        _ => date.to_string(),
    }
}

/// Whether a block holds nothing but pictures (`[image: Logo]`, `[image]`) and the
/// numbers of their links (`[image: build passing][1]`), or is the list of those links
/// (`[1] https://…`).
fn only_pictures(block: &str) -> bool {
    let listed_link = block
        .strip_prefix('[')
        .and_then(|b| b.split_once("] "))
        .is_some_and(|(n, url)| {
            !n.is_empty()
                && n.bytes().all(|b| b.is_ascii_digit())
                && !url.contains(char::is_whitespace)
        });
    if listed_link {
        return true;
    }
    let mut rest = block.trim_start();
    while let Some(inner) = rest.strip_prefix('[') {
        let Some((mark, after)) = inner.split_once(']') else {
            return false;
        };
        let picture = mark == "image" || mark.starts_with("image: ");
        let link = !mark.is_empty() && mark.bytes().all(|b| b.is_ascii_digit());
        if !picture && !link {
            return false;
        }
        rest = after.trim_start();
    }
    rest.is_empty()
}

/// Whitespace, or a mark that only parts links in a row (`Share | Print`).
pub fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '|' | '·' | '•')
}

/// A short `By …` paragraph: who wrote the story, not its opening.
pub fn is_byline(paragraph: &str) -> bool {
    paragraph.len() < 120 && (paragraph.starts_with("By ") || paragraph.starts_with("by "))
}

pub fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `s` is words between single ASCII spaces, with none at either end: what
/// collapsing whitespace would leave as it is. Reads bytes, which the compiler makes
/// vector code.
fn is_collapsed(s: &str) -> bool {
    is_collapsed_where(s, |b, next, third| {
        (b'\t'..=b'\r').contains(&b) | source::starts_wide_space(b, next, third)
    })
}

/// [`is_collapsed`], and with nothing for [`source::clean`] to change: told in one look.
fn is_collapsed_and_clean(s: &str) -> bool {
    is_collapsed_where(s, |b, next, third| {
        source::starts_to_clean_or_newline(b, next, third)
            | source::starts_wide_space(b, next, third)
    })
}

/// Whether `s` has words at both ends, no two spaces in a row and no place where
/// `other` holds.
fn is_collapsed_where(s: &str, other: impl Fn(u8, u8, u8) -> bool) -> bool {
    let bytes = s.as_bytes();
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return false;
    };
    first != b' '
        && last != b' '
        && source::first_where(bytes, |b, next, third| {
            (b == b' ') & (next == b' ') | other(b, next, third)
        })
        .is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A table built cell by cell: its blocks' kinds and texts, and its styled text.
    fn table(rows: &[&[&str]], styled: (usize, usize)) -> (Vec<(BlockKind, String)>, Vec<String>) {
        let mut b = Builder::new();
        b.text("Before.");
        b.begin_table(Vec::new(), Nest::NONE);
        for (r, row) in rows.iter().enumerate() {
            b.table_row();
            for (c, cell) in row.iter().enumerate() {
                b.table_cell(1, 1);
                let start = b.position();
                b.text(cell);
                if (r, c) == styled {
                    b.style(start..b.position(), Inline::Strong);
                }
            }
            if r == 0 {
                b.table_head_ends();
            }
        }
        b.end();
        b.text("After.");
        let a = b.finish("t", Format::Html, None);
        let blocks = a
            .blocks
            .iter()
            .map(|bl| (bl.kind, a.text[bl.range.clone()].to_string()));
        let styled = a.inline.iter().map(|(r, _)| a.text[r.clone()].to_string());
        (blocks.collect(), styled.collect())
    }

    #[test]
    fn a_dropped_block_takes_its_styles_with_it() {
        // A block of separators only (`|`) is dropped; its bold must not stay behind over
        // what is written in its place (here cutting into `␅`).
        let mut b = Builder::new();
        b.begin(BlockKind::Paragraph);
        b.text("|");
        b.style(0..b.position(), Inline::Strong);
        b.begin(BlockKind::Paragraph);
        b.text("\u{5} loud");
        let start = b.position() - "loud".len();
        b.style(start..b.position(), Inline::Emphasis);
        let a = b.finish("t", Format::Markdown, None);
        assert_eq!(a.text, "␅ loud");
        assert_eq!(a.inline, [(4..8, Inline::Emphasis)]);
    }

    #[test]
    fn a_style_begun_with_a_space_owed_starts_after_a_line_break() {
        // `one⏎*two\⏎three*`: the emphasis opens where the soft break's space would go,
        // and a hard break (three bytes) is written there instead.
        let mut b = Builder::new();
        b.text("one");
        b.space();
        let start = b.position();
        b.line_break();
        b.text("three");
        b.style(start..b.position(), Inline::Emphasis);
        let a = b.finish("t", Format::Markdown, None);
        assert_eq!(a.text, "one\u{2028}three");
        assert_eq!(&a.text[a.inline[0].0.clone()], "three");
    }

    #[test]
    fn styles_end_where_a_block_is_cut_back() {
        // Code loses its trailing newlines, prose its last line break: a style over them
        // ends with the text, and the next block's text is not in it.
        let mut b = Builder::new();
        b.begin(BlockKind::CODE);
        b.raw("let x;\n\n");
        b.style(4..b.position(), Inline::Code);
        b.begin(BlockKind::Paragraph);
        b.text("after");
        let a = b.finish("t", Format::Markdown, None);
        assert_eq!(a.text, "let x;\n\nafter");
        assert_eq!(a.inline, [(4..6, Inline::Code)]);
    }

    #[test]
    fn a_table_too_wide_for_a_grid_is_a_paragraph_per_row() {
        let long = "a cell of prose that goes on for far longer than any grid could hold \
                    beside another column, so long that a reader would scroll sideways \
                    across screens for each row";
        let (blocks, styled) = table(&[&["Head", "Other"], &[long, " *x* "]], (1, 1));
        let kinds: Vec<BlockKind> = blocks.iter().map(|b| b.0).collect();
        assert_eq!(kinds, [BlockKind::Paragraph; 4]);
        assert_eq!(blocks[1].1, "Head | Other");
        assert_eq!(blocks[2].1, format!("{long} | *x*"));
        assert_eq!(styled, ["Head", "Other", "*x*"]);
    }

    #[test]
    fn a_table_of_ragged_rows_is_a_grid_and_an_empty_one_is_nothing() {
        let (blocks, styled) = table(&[&["Name", "Votes"], &["Ada Lowe"]], (1, 0));
        assert_eq!(blocks[1].0, BlockKind::TABLE);
        assert_eq!(
            blocks[1].1,
            "│ Name     │ Votes │\n├──────────┼───────┤\n│ Ada Lowe │       │"
        );
        // The head in bold, then the styled cell.
        assert_eq!(styled, ["Name", "Votes", "Ada Lowe"]);
        let (blocks, _) = table(&[&["", " "], &[]], (9, 9));
        let texts: Vec<&str> = blocks.iter().map(|b| b.1.as_str()).collect();
        assert_eq!(texts, ["Before.", "After."]);
    }

    proptest::proptest! {
        /// Text taken as it is must be what collapsing its whitespace gives.
        #[test]
        fn collapsed_text_is_left_as_it_is(
            s in "([a-zé«»°’“”—]{1,6}| |  |\t|\n|\u{a0}|\u{85}|\u{1680}|\u{2003}|\u{2028}|\u{202f}|\u{205f}|\u{3000}){0,40}",
        ) {
            if is_collapsed(&s) {
                proptest::prop_assert_eq!(s.split_whitespace().collect::<Vec<_>>().join(" "), s);
            }
        }
        /// One look says what the two would: collapsed, and nothing to clean.
        #[test]
        fn collapsed_and_clean_is_both_at_once(
            s in "([a-zé«»°’“”—]{1,6}| |  |\t|\n|\r|\u{1b}|\u{7f}|\u{85}|\u{9b}|\u{a0}|\u{2003}|\u{2028}|\u{202e}|\u{2066}){0,40}",
        ) {
            let clean = matches!(source::clean(&s), std::borrow::Cow::Borrowed(_));
            proptest::prop_assert_eq!(is_collapsed_and_clean(&s), is_collapsed(&s) && clean);
        }
        /// Long text is read many bytes at a time: words between single spaces are
        /// found collapsed wherever they are, and a space to collapse anywhere in them.
        #[test]
        fn long_text_is_judged_at_every_place(
            words in "([a-z’“”—]{1,8} ){0,30}[a-z]{1,3}",
            space in "(  |\t|\n|\u{a0}|\u{2003}|\u{202f}|\u{205f}|\u{3000})",
            tail in "([a-z]{1,8} ){0,10}x",
        ) {
            proptest::prop_assert!(is_collapsed(&words));
            let broken = format!("{words}{space}{tail}");
            proptest::prop_assert!(!is_collapsed(&broken));
        }
    }

    #[test]
    fn plain_words_are_collapsed_already() {
        assert!(is_collapsed("words “quoted” — dashed"));
        for s in ["", " a", "a ", "a  b", "a\tb", "a\u{a0}b", "a\u{2003}b"] {
            assert!(!is_collapsed(s), "{s:?}");
        }
    }

    #[test]
    fn prose_collapses_and_blocks_separate() {
        let mut b = Builder::new();
        b.begin(BlockKind::Heading { level: 1 });
        b.text("  Big\n  News ");
        b.begin(BlockKind::Paragraph);
        b.text("one ");
        let s = b.position();
        b.text("two");
        b.style(s..b.position(), Inline::Strong);
        b.text(" three\u{1b}[31m");
        b.begin(BlockKind::CODE);
        b.raw("fn main() {\n    x\n}\n");
        b.begin(BlockKind::Paragraph);
        b.end();
        let a = b.finish("x.md", Format::Markdown, None);
        assert_eq!(
            a.text,
            "Big News\n\none two three␛[31m\n\nfn main() {\n    x\n}"
        );
        assert_eq!(a.blocks.len(), 3);
        assert_eq!(&a.text[a.inline[0].0.clone()], "two");
        assert_eq!(a.sections[0].title, "Big News");
    }

    #[test]
    fn a_byline_before_the_dateline_paragraph_does_not_break_the_title() {
        let mut b = Builder::new();
        b.text("By Lena Fischer");
        b.begin(BlockKind::Paragraph);
        b.text("LEEDS, England — The mayor spoke on Monday.");
        let a = b.finish("-", Format::Html, None);
        assert_eq!(a.title, "The mayor spoke on Monday");
        assert_eq!(&a.text[a.dateline.unwrap().place], "LEEDS, England");
    }

    #[test]
    fn the_dateline_is_found_past_a_caption_or_a_stamp_but_not_past_the_story() {
        let dateline = |paragraphs: &[&str]| {
            let mut b = Builder::new();
            for p in paragraphs {
                b.begin(BlockKind::Paragraph);
                b.text(p);
            }
            let a = b.finish("-", Format::Html, None);
            a.dateline.map(|d| a.text[d.place].to_string())
        };
        let story = "GENEVA — Envoys met on Monday to resume the talks.";
        let caption = "Delegates arrive on Monday. Photo: Reuters";
        assert_eq!(dateline(&[caption, story]).as_deref(), Some("GENEVA"));
        assert_eq!(
            dateline(&["By Ana Ruiz", "Updated 3 March 2026", caption, story]).as_deref(),
            Some("GENEVA")
        );
        // Three lines before it are more than a story's head has.
        assert_eq!(dateline(&[caption, caption, caption, story]), None);
        // A paragraph of the story itself comes first: a later dash is no dateline.
        let lead = "Envoys from six countries met in a hotel by the lake on Monday to resume \
                    talks that broke down last year, after months of quiet contacts between \
                    their capitals and the agency.";
        assert_eq!(dateline(&[lead, story]), None);
    }

    #[test]
    fn an_empty_code_block_after_text_is_dropped_cleanly() {
        let mut b = Builder::new();
        b.text("&");
        b.begin(BlockKind::CODE);
        b.raw("\n\n");
        let a = b.finish("x", Format::Html, None);
        assert_eq!(a.text, "&");
        assert_eq!(a.blocks.len(), 1);
    }
}
