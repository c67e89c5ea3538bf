//! Wraps the article's blocks at a width into visual lines that are byte ranges into the
//! text, and maps between lines, blocks, sections and anchors. Widths are display
//! columns. Highlights never influence wrapping, so toggling them never re-wraps.

use std::cell::RefCell;
use std::ops::Range;
use std::sync::atomic::{AtomicBool, Ordering};

use textwrap::core::Word;
use unicode_width::UnicodeWidthChar;

use crate::article::{self, Article, BlockKind, Nest};
use crate::source;

/// A position in the article that survives re-wrapping: a block and a byte offset
/// inside it (relative to the block's start).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Anchor {
    pub block: usize,
    pub offset: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// Words of a block, separated by single spaces when drawn.
    Text,
    /// One line of a code block, drawn as it is (clipped, never wrapped).
    Code,
    /// The gap between two blocks.
    Blank,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub block: usize,
    /// Bytes of the article text on this line; empty for blank lines (positioned at the
    /// end of the block before the gap).
    pub range: Range<usize>,
    pub kind: LineKind,
    /// Columns of indentation before the text (lists, quotes, code).
    pub indent: u16,
}

/// Line counts of every block at a width. The lines themselves are made on demand, a
/// few blocks per frame, so memory does not grow with the article's lines.
///
/// A layout made [`around`](Layout::around) a position counts only the blocks near it
/// and estimates the others from where they are in the text ([`estimated_start`]), so
/// a resize costs what is visible, not the whole article; [`refine`](Layout::refine)
/// counts more as the reader moves, and the exact layout (counted in the background)
/// replaces it.
#[derive(Debug, Clone)]
pub struct Layout {
    pub width: usize,
    /// Runs of counted blocks, in order and apart; the blocks between them are
    /// estimated. An exact layout is one run of every block.
    counted: Vec<Run>,
    /// The article's blocks.
    blocks: usize,
    /// The number of lines.
    len: usize,
    /// The lines of the last long block drawn: a paragraph of megabytes (a file of one
    /// line) is wrapped once, not once per frame.
    long_block: RefCell<Option<(usize, Vec<Line>)>>,
}

/// Blocks counted one after another.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Run {
    /// The run's first block.
    first: usize,
    /// The line the run starts on.
    line: usize,
    /// Where each block's lines start, from the run's first line, and one more entry:
    /// the run's lines.
    starts: Vec<usize>,
}

impl Run {
    /// One past the run's last block.
    fn end(&self) -> usize {
        self.first + self.starts.len() - 1
    }

    fn end_line(&self) -> usize {
        self.line + self.starts.last().copied().unwrap_or(0)
    }
}

/// Blocks this long keep their lines in `Layout::long_block`; shorter ones wrap in
/// microseconds.
const LONG_BLOCK_BYTES: usize = 16 << 10;

/// Blocks on either side of the reader that a layout made `around` them counts exactly:
/// many screens, so that scrolling never reaches an estimate before the exact layout
/// is in.
const EXACT_AROUND: usize = 100;

/// About where block `b` (or, for `b` = the number of blocks, the end) would start at
/// `width` if every block before it were estimated: a line of its own and a gap each,
/// and a line per `width` bytes of text. Asked of a block, not of all before it, so an
/// estimate costs nothing per block of the article; the same for every pair of blocks
/// (only more for the later), so estimates between counted runs keep their order.
fn estimated_start(article: &Article, b: usize, width: usize) -> usize {
    let bytes = article
        .blocks
        .get(b)
        .map_or(article.text.len(), |block| block.range.start);
    2 * b + bytes / width
}

impl Layout {
    /// Counts the lines of every block wrapped at `width` columns (at least 1).
    pub fn new(article: &Article, width: usize) -> Self {
        let never = AtomicBool::new(false);
        Self::unless_stopped(article, width, &never).unwrap_or_else(|| Self::empty(width))
    }

    /// [`Layout::new`], given up (`None`) as soon as `stop` is set: a background count
    /// that a newer resize has made useless.
    pub fn unless_stopped(article: &Article, width: usize, stop: &AtomicBool) -> Option<Self> {
        let width = width.max(1);
        let blocks = article.blocks.len();
        let mut starts = Vec::with_capacity(blocks + 1);
        let mut total = 0;
        for b in 0..blocks {
            if b.is_multiple_of(1024) && stop.load(Ordering::Relaxed) {
                return None;
            }
            starts.push(total);
            total += count_lines(article, b, width);
        }
        starts.push(total);
        Some(Layout {
            width,
            counted: vec![Run {
                first: 0,
                line: 0,
                starts,
            }],
            blocks,
            len: total,
            long_block: RefCell::default(),
        })
    }

    /// A layout of nothing, to be replaced by one of the article at its width.
    pub fn empty(width: usize) -> Self {
        Layout {
            width,
            counted: vec![Run {
                first: 0,
                line: 0,
                starts: vec![0],
            }],
            blocks: 0,
            len: 0,
            long_block: RefCell::default(),
        }
    }

    /// Counts the blocks around `block` and estimates the others: work proportional to
    /// the screen, not to the article.
    pub fn around(article: &Article, width: usize, block: usize) -> Self {
        let width = width.max(1);
        let blocks = article.blocks.len();
        if blocks == 0 {
            return Layout::empty(width);
        }
        let mut layout = Layout {
            width,
            counted: Vec::new(),
            blocks,
            len: estimated_start(article, blocks, width),
            long_block: RefCell::default(),
        };
        layout.refine(article, block);
        layout
    }

    /// Whether every block is counted (none estimated).
    pub fn is_exact(&self) -> bool {
        matches!(&self.counted[..], [run] if run.first == 0 && run.end() == self.blocks)
    }

    /// The counted run that holds block `b` (or ends at it), or else the last before it.
    fn run_at_or_before(&self, b: usize) -> Option<&Run> {
        let after = self.counted.partition_point(|r| r.first <= b);
        after.checked_sub(1).map(|i| &self.counted[i])
    }

    /// Whether block `b`'s count is an estimate.
    fn is_estimated(&self, b: usize) -> bool {
        self.run_at_or_before(b).is_none_or(|r| b >= r.end())
    }

    /// The first line of block `b`, counted or estimated; for `b` = the number of
    /// blocks, the number of lines.
    fn start(&self, article: &Article, b: usize) -> usize {
        let estimate = |b| estimated_start(article, b, self.width);
        match self.run_at_or_before(b) {
            Some(run) if b <= run.end() => run.line + run.starts[b - run.first],
            // As many lines past the run's end as the estimates put between them.
            Some(run) => run.end_line() + estimate(b) - estimate(run.end()),
            None => estimate(b),
        }
    }

    /// Counts the estimated blocks around `block`. True when line numbers changed.
    pub fn refine(&mut self, article: &Article, block: usize) -> bool {
        let blocks = self.blocks;
        let window =
            block.saturating_sub(EXACT_AROUND).min(blocks)..(block + EXACT_AROUND).min(blocks);
        if !window.clone().any(|b| self.is_estimated(b)) {
            return false;
        }
        // The window and the runs it meets or touches become one run, counted where it
        // was not; a run the window extends at its end grows in place.
        let met = self.counted.partition_point(|r| r.end() < window.start)
            ..self.counted.partition_point(|r| r.first <= window.end);
        let first = self
            .counted
            .get(met.start)
            .map_or(window.start, |r| r.first.min(window.start));
        let end = self.counted[met.clone()]
            .last()
            .map_or(window.end, |r| r.end().max(window.end));
        let mut runs = self.counted.drain(met.clone()).peekable();
        let mut starts = match runs.peek() {
            Some(run) if run.first == first => runs.next().map_or_else(|| vec![0], |r| r.starts),
            _ => vec![0],
        };
        let mut b = first + starts.len() - 1;
        let mut total = starts.last().copied().unwrap_or(0);
        for run in runs.chain(std::iter::once(Run {
            first: end,
            line: 0,
            starts: vec![0],
        })) {
            for counted in b..run.first {
                total += count_lines(article, counted, self.width);
                starts.push(total);
            }
            starts.extend(run.starts.windows(2).map(|w| {
                total += w[1] - w[0];
                total
            }));
            b = run.end();
        }
        self.counted.insert(
            met.start,
            Run {
                first,
                line: 0,
                starts,
            },
        );
        // Every run from the new one on starts where the ones before it put it.
        for i in met.start..self.counted.len() {
            let line = match i.checked_sub(1).map(|p| &self.counted[p]) {
                Some(before) => {
                    let estimate = |b| estimated_start(article, b, self.width);
                    before.end_line() + estimate(self.counted[i].first) - estimate(before.end())
                }
                None => estimated_start(article, self.counted[i].first, self.width),
            };
            self.counted[i].line = line;
        }
        self.len = self.start(article, blocks);
        true
    }

    /// The lines of block `b`, as many as the layout counts for it: an estimated block
    /// is cut or padded to its estimate so that line numbers stay consistent.
    fn lines_of_block(&self, article: &Article, b: usize, out: &mut Vec<Line>) {
        let first = out.len();
        self.with_lines_of(article, b, |lines| out.extend_from_slice(lines));
        if self.is_estimated(b) {
            let count = self.start(article, b + 1) - self.start(article, b);
            let end = article.blocks[b].range.end;
            out.resize(
                first + count,
                Line {
                    block: b,
                    range: end..end,
                    kind: LineKind::Blank,
                    indent: 0,
                },
            );
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The wrapped lines of block `b` (before any estimate is applied), from the long
    /// block kept if it is that one.
    fn with_lines_of<R>(&self, article: &Article, b: usize, f: impl FnOnce(&[Line]) -> R) -> R {
        if article.blocks[b].range.len() < LONG_BLOCK_BYTES {
            let mut lines = Vec::new();
            block_lines(article, b, self.width, &mut lines);
            return f(&lines);
        }
        let mut kept = self.long_block.borrow_mut();
        let lines = match &mut *kept {
            Some((block, lines)) if *block == b => lines,
            other => {
                let mut lines = Vec::new();
                block_lines(article, b, self.width, &mut lines);
                &mut other.insert((b, lines)).1
            }
        };
        f(lines)
    }

    /// Lines `range` (clipped to the layout), wrapped from the blocks they are in; only
    /// the lines asked for are copied.
    pub fn lines(&self, article: &Article, range: Range<usize>) -> Vec<Line> {
        let end = range.end.min(self.len());
        if range.start >= end {
            return Vec::new();
        }
        let mut out = Vec::new();
        let mut b = self.block_of_line(article, range.start);
        while b < self.blocks.min(article.blocks.len()) && self.start(article, b) < end {
            let start = self.start(article, b);
            let wanted = range.start.saturating_sub(start)..end - start;
            if self.is_estimated(b) {
                let mut lines = Vec::new();
                self.lines_of_block(article, b, &mut lines);
                out.extend(lines.drain(wanted.start.min(lines.len())..wanted.end.min(lines.len())));
            } else {
                self.with_lines_of(article, b, |lines| {
                    let wanted = wanted.start.min(lines.len())..wanted.end.min(lines.len());
                    out.extend_from_slice(&lines[wanted]);
                });
            }
            b += 1;
        }
        out
    }

    /// Line `line`, if there is one.
    pub fn line(&self, article: &Article, line: usize) -> Option<Line> {
        self.lines(article, line..line + 1).pop()
    }

    /// About where line `line` starts (`None` past the end), without wrapping: the
    /// start of its block plus the block's share of bytes per line. For coarse marks such
    /// as scrollbar ticks, drawn every frame, where wrapping a long paragraph per row
    /// would cost more than the whole frame.
    pub fn byte_near_line(&self, article: &Article, line: usize) -> Option<usize> {
        if line >= self.len() {
            return None;
        }
        let b = self.block_of_line(article, line);
        let block = article.blocks.get(b)?;
        let start = self.start(article, b);
        let lines = (self.start(article, b + 1) - start).max(1);
        let within = (line - start).min(lines);
        Some(block.range.start + block.range.len() * within / lines)
    }

    /// The block whose lines include `line`.
    fn block_of_line(&self, article: &Article, line: usize) -> usize {
        // The last block that starts at or before `line`: blocks start in order.
        let (mut low, mut high) = (0, self.blocks);
        while high - low > 1 {
            let middle = low + (high - low) / 2;
            if self.start(article, middle) <= line {
                low = middle;
            } else {
                high = middle;
            }
        }
        low
    }

    /// The first visual line of `block`.
    pub fn block_line(&self, article: &Article, block: usize) -> usize {
        if block >= self.blocks {
            return self.len();
        }
        self.start(article, block).min(self.len())
    }

    /// First visual line of each section's heading, in order.
    pub fn section_lines<'a>(&'a self, article: &'a Article) -> impl Iterator<Item = usize> + 'a {
        article
            .sections
            .iter()
            .map(|s| self.block_line(article, s.block))
    }

    /// The visual line that shows byte `offset` of the text, within `block`.
    pub fn line_of_offset(&self, article: &Article, block: usize, offset: usize) -> usize {
        if block >= article.blocks.len() {
            return self.len().saturating_sub(1);
        }
        let first = self.block_line(article, block);
        if self.is_estimated(block) {
            let mut within = Vec::new();
            self.lines_of_block(article, block, &mut within);
            return self.line_in(first, &within, offset);
        }
        self.with_lines_of(article, block, |within| self.line_in(first, within, offset))
    }

    /// Which of a block's lines `within`, the first of them `first`, shows byte
    /// `offset`, as a line of the layout.
    fn line_in(&self, first: usize, within: &[Line], offset: usize) -> usize {
        let end = first + within.len();
        // One past the block's last byte is the blank line after it.
        if let Some(last) = within.last()
            && last.kind == LineKind::Blank
            && offset >= last.range.start
        {
            return end - 1;
        }
        let i = within
            .partition_point(|l| l.kind != LineKind::Blank && l.range.start <= offset)
            .saturating_sub(1);
        (first + i).min(self.len().saturating_sub(1))
    }

    pub fn line_of(&self, anchor: Anchor, article: &Article) -> usize {
        let Some(block) = article.blocks.get(anchor.block) else {
            return self.len().saturating_sub(1);
        };
        self.line_of_offset(article, anchor.block, block.range.start + anchor.offset)
    }

    /// The anchor for the start of visual line `line`.
    pub fn anchor_of(&self, line: usize, article: &Article) -> Anchor {
        let Some(l) = self.line(article, line) else {
            return Anchor::default();
        };
        let start = article.blocks[l.block].range.start;
        Anchor {
            block: l.block,
            offset: l.range.start.saturating_sub(start),
        }
    }

    /// Which line `byte` of the text is on (any block): for search results and mentions.
    pub fn line_of_byte(&self, article: &Article, byte: usize) -> usize {
        self.line_of_offset(article, article.block_at(byte), byte)
    }
}

/// Where a list item `depth` lists deep starts: past the bars of the quotes it is in,
/// two columns further in for each list it is within, in the left half of the width.
fn list_indent(kind: BlockKind, depth: u8, width: usize) -> u16 {
    let bars = bar_columns(kind, width) as u16;
    let steps = u16::from(depth.saturating_sub(1)).saturating_mul(2);
    bars.saturating_add(steps).min((width as u16 / 2).max(bars))
}

/// Where the text a block of `kind` is part of starts (see [`Nest`]): its item's text,
/// past the item's marker, or its quote's, past the bars (a quote within the item has
/// its bars under the item's text).
fn nest_indent(kind: BlockKind, nest: Nest, width: usize) -> u16 {
    let (from, columns) = inner_bars(kind, width);
    (from + columns).max(list_indent(kind, nest.depth, width) + u16::from(nest.hang))
}

/// The quotes a block of `kind` is in within its list item (see [`Nest`]): where their
/// bars start (under the item's text) and how many columns they take.
fn inner_bars(kind: BlockKind, width: usize) -> (u16, u16) {
    match nest_of(kind) {
        Some(nest) if nest.inner > 0 && width >= MIN_INDENTED_WIDTH => {
            let from = list_indent(kind, nest.depth, width) + u16::from(nest.hang);
            let room = (width / 2).saturating_sub(usize::from(from)) / QUOTE_INDENT;
            let bars = usize::from(nest.inner).min(room).max(1) * QUOTE_INDENT;
            (from, bars as u16)
        }
        _ => (0, 0),
    }
}

/// Whether a line of a block of `kind` has a quote's bar at `column` of its indent.
pub fn is_bar(kind: BlockKind, width: usize, column: usize) -> bool {
    let (from, columns) = inner_bars(kind, width);
    let (from, columns) = (usize::from(from), usize::from(columns));
    let on = |first: usize| (column - first).is_multiple_of(QUOTE_INDENT);
    (column < bar_columns(kind, width) && on(0))
        || (columns > 0 && (from..from + columns).contains(&column) && on(from))
}

/// Whether a blank line follows block `b`: items of one list sit together, and so do a
/// term and its definition (or the next term sharing it); every other block is followed
/// by a gap.
pub fn gap_after(article: &Article, b: usize) -> bool {
    let depth = |b: usize| match article.blocks.get(b)?.kind {
        BlockKind::ListItem { depth, .. } => Some(depth),
        _ => None,
    };
    let next = b + 1;
    let Some(following) = article.blocks.get(next) else {
        return false;
    };
    if article.blocks[b].kind == BlockKind::Term
        && matches!(following.kind, BlockKind::Term | BlockKind::Definition)
    {
        return false;
    }
    let (Some(here), Some(after)) = (depth(b), depth(next)) else {
        return true;
    };
    // A list in a quote and one out of it are two lists.
    if article.blocks[b].kind.quote_depth() != article.blocks[next].kind.quote_depth() {
        return true;
    }
    if after > here {
        // An item nested in this one.
        return false;
    }
    // The item before at the next one's depth, which it follows if it goes on that list.
    let mut before = b;
    while depth(before).is_some_and(|d| d > after) {
        match before.checked_sub(1) {
            Some(earlier) if depth(earlier).is_some() => before = earlier,
            _ => return false,
        }
    }
    let marker = |b: usize| Marker::of(article.block_text(b));
    !marker(before).goes_on_with(marker(next))
}

/// What a list item's marker (the start of its text) says of the list it is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    /// `• `, `- `, `* `: any bullet.
    Bullet,
    /// `3. ` or `3) `.
    Number(u64),
    /// `c) `.
    Letter(u8),
}

impl Marker {
    fn of(item: &str) -> Marker {
        let word = item.split(' ').next().unwrap_or("");
        let Some(label) = word.strip_suffix(['.', ')']) else {
            return Marker::Bullet;
        };
        match label.as_bytes() {
            [letter] if letter.is_ascii_alphabetic() => Marker::Letter(*letter),
            _ => label.parse().map_or(Marker::Bullet, Marker::Number),
        }
    }

    /// Whether an item marked `next` goes on a list whose last item is marked so: a
    /// bullet after a bullet, the next number or letter after one.
    fn goes_on_with(self, next: Marker) -> bool {
        match (self, next) {
            (Marker::Bullet, Marker::Bullet) => true,
            (Marker::Number(n), Marker::Number(m)) => n.checked_add(1) == Some(m),
            (Marker::Letter(a), Marker::Letter(b)) => a.checked_add(1) == Some(b),
            _ => false,
        }
    }
}

/// How a block of `kind` sits in `width` columns: (the indent of its first line, of
/// its other lines, the width its text wraps at). Nested list items step in, their
/// wrapped lines hanging under the item's text; quotes step in for their bar. Below
/// MIN_INDENTED_WIDTH indentation would crowd out the text: all is flush.
fn indents(kind: BlockKind, body: &str, width: usize) -> (u16, u16, usize) {
    let roomy = width >= MIN_INDENTED_WIDTH;
    match kind {
        BlockKind::ListItem { depth, .. } if roomy => {
            let indent = list_indent(kind, depth, width);
            // Later lines start under the text, past the item's marker (`• `, `12. `).
            let hang = body
                .find(' ')
                .filter(|&space| space < MAX_MARKER_BYTES)
                .map_or(2, |space| source::display_width(&body[..=space]) as u16);
            let inner = width.saturating_sub(usize::from(indent + hang)).max(1);
            (indent, indent + hang, inner)
        }
        // Under the text of its item, past the item's marker, or within its quote.
        BlockKind::ListText(nest) | BlockKind::Table(nest) if roomy => {
            let indent = nest_indent(kind, nest, width);
            let inner = width.saturating_sub(usize::from(indent)).max(1);
            (indent, indent, inner)
        }
        BlockKind::Quote { .. } if roomy => {
            let indent = bar_columns(kind, width);
            (
                indent as u16,
                indent as u16,
                width.saturating_sub(indent).max(1),
            )
        }
        // Set in from the text it is part of.
        BlockKind::Code(nest) if roomy => {
            let indent = nest_indent(kind, nest, width) + CODE_INDENT as u16;
            let inner = width.saturating_sub(usize::from(indent)).max(1);
            (indent, indent, inner)
        }
        BlockKind::Definition if roomy => {
            let inner = width.saturating_sub(DEFINITION_INDENT).max(1);
            (DEFINITION_INDENT as u16, DEFINITION_INDENT as u16, inner)
        }
        BlockKind::Break => {
            let indent = width.saturating_sub(source::display_width(body)) / 2;
            let indent = u16::try_from(indent).unwrap_or(0);
            (indent, indent, width - usize::from(indent))
        }
        _ => (0, 0, width),
    }
}

/// Appends the lines of block `b` at `width`: its own, then the gap after it (items of
/// one list sit together; every other block is followed by a gap).
fn block_lines(article: &Article, b: usize, width: usize, lines: &mut Vec<Line>) {
    let block = &article.blocks[b];
    let text = &article.text;
    let first = lines.len();
    let (first_indent, indent, inner) = indents(block.kind, &text[block.range.clone()], width);
    if matches!(block.kind, BlockKind::Code(_) | BlockKind::Table(_)) {
        let kind = if matches!(block.kind, BlockKind::Code(_)) {
            LineKind::Code
        } else {
            LineKind::Text
        };
        row_lines(article::rows(text, block.range.clone()), b, kind, lines);
    } else if article.line_breaks {
        for line in article::hard_lines(text, block.range.clone()) {
            wrap_block(text, line, b, inner, lines);
        }
    } else {
        wrap_block(text, block.range.clone(), b, inner, lines);
    }
    for (i, line) in lines[first..].iter_mut().enumerate() {
        line.indent = if i == 0 { first_indent } else { indent };
    }
    if gap_after(article, b) {
        lines.push(Line {
            block: b,
            range: block.range.end..block.range.end,
            kind: LineKind::Blank,
            indent: quote_gap_indent(article, b, width),
        });
    }
}

/// The columns of bars a block of `kind` starts with at `width`: a bar for each quote
/// it is in, within half the width; none where all is flush.
pub fn bar_columns(kind: BlockKind, width: usize) -> usize {
    let inner = nest_of(kind).map_or(0, |nest| nest.inner);
    match usize::from(kind.quote_depth().saturating_sub(inner)) {
        0 => 0,
        _ if width < MIN_INDENTED_WIDTH => 0,
        depth => depth.min(width / 2 / QUOTE_INDENT).max(1) * QUOTE_INDENT,
    }
}

/// The gap between two blocks of a quote (paragraphs, list items) keeps the bars they
/// share, so the quote reads as one; any other gap is blank.
fn quote_gap_indent(article: &Article, b: usize, width: usize) -> u16 {
    let bars = |b: usize| {
        article
            .blocks
            .get(b)
            .map_or(0, |block| bar_columns(block.kind, width))
    };
    // Two blocks of one quote within a list item: its bars under the item's text too.
    let kinds = (article.blocks.get(b)).zip(article.blocks.get(b + 1));
    if let Some((here, next)) = kinds.map(|(h, n)| (h.kind, n.kind))
        && nest_of(here).is_some_and(|n| n.inner > 0 && Some(n) == nest_of(next))
    {
        let (from, columns) = inner_bars(here, width);
        return from + columns;
    }
    bars(b).min(bars(b + 1)) as u16
}

/// Where a block of `kind` sits, if it may be part of a list item or a quote.
fn nest_of(kind: BlockKind) -> Option<Nest> {
    match kind {
        BlockKind::ListText(nest) | BlockKind::Code(nest) | BlockKind::Table(nest) => Some(nest),
        _ => None,
    }
}

/// How many lines [`block_lines`] makes of block `b`, without making them: what a
/// whole article's layout needs.
fn count_lines(article: &Article, b: usize, width: usize) -> usize {
    let block = &article.blocks[b];
    let body = &article.text[block.range.clone()];
    let inner = indents(block.kind, body, width).2;
    let own = if matches!(block.kind, BlockKind::Code(_) | BlockKind::Table(_)) {
        article::rows(&article.text, block.range.clone()).count()
    } else if article.line_breaks {
        article::hard_lines(&article.text, block.range.clone())
            .map(|line| count_wrapped(&article.text[line], inner))
            .sum()
    } else {
        count_wrapped(body, inner)
    };
    own + usize::from(gap_after(article, b))
}

/// The number of lines [`wrap_block`] makes of `body` at `width`: the same first fit
/// over the same words, widths and broken-apart long words, with no `Word`s or lines
/// made. Where it can, a line's end is found at once ([`line_end`]); otherwise words are
/// placed one by one. Words of printable ASCII (nearly all) are as wide as they are long.
fn count_wrapped(body: &str, width: usize) -> usize {
    let mut fill = Fill {
        width,
        lines: 1,
        used: 0,
    };
    let bytes = body.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if source::is_ascii_space(bytes[i]) {
            i += 1;
            continue;
        }
        // A line starts with the word at `i` if it is the first or the last line is full.
        let line_start = fill.used == 0 || fill.is_full();
        if line_start && let Some(end) = line_end(body, i, width) {
            fill.place_line();
            i = end;
            continue;
        }
        let start = i;
        // Printable ASCII, eight bytes at a time; then, if the word goes on, byte by byte.
        i = source::printable_end(bytes, i);
        let mut printable = true;
        while i < bytes.len() && !source::is_ascii_space(bytes[i]) {
            printable &= matches!(bytes[i], 0x21..=0x7e);
            i += 1;
        }
        if printable && i - start <= width {
            if !line_start && fill.used + (i - start) > width {
                // It starts the next line, whose end may be found at once.
                fill.end_line();
                i = start;
            } else {
                fill.place(i - start, 1);
            }
            continue;
        }
        // Other spaces, wide characters, escapes, too long: as `wrap_block` measures.
        for w in body[start..i].split_whitespace() {
            let mut word = Word::from(w);
            word.whitespace = " ";
            if word.width <= width {
                fill.place(word.width, 1);
            } else {
                for piece in break_apart(word, fill.first_piece(w), width) {
                    fill.place(piece.width, piece.whitespace.len());
                }
            }
        }
    }
    fill.lines
}

/// Lines filled first fit, counted.
struct Fill {
    width: usize,
    lines: usize,
    /// Columns taken on the current line, with the space after its last word; more
    /// than `width` once the line is full.
    used: usize,
}

impl Fill {
    fn is_full(&self) -> bool {
        self.used > self.width
    }

    /// Ends the current line: the next word starts another.
    fn end_line(&mut self) {
        self.used = self.width + 1;
    }

    /// Places a whole line of words at once, on a line of its own.
    fn place_line(&mut self) {
        if self.used > 0 {
            self.lines += 1;
        }
        self.end_line();
    }

    /// Places a word `word_width` wide and the `space` after it.
    fn place(&mut self, word_width: usize, space: usize) {
        if self.used > 0 && self.used + word_width > self.width {
            self.lines += 1;
            self.used = 0;
        }
        self.used += word_width + space;
    }

    /// The columns the first piece of `word`, wider than a line, may take: Chinese and
    /// Japanese may break between any two characters, so a word of theirs (a
    /// paragraph, or what runs up to a Latin word set apart by spaces) fills what is
    /// left of the line, if a wide character fits there (two, when the first is an
    /// opening mark, which may not end the line); any other word (a long URL) starts a
    /// line of its own.
    // Only for words wider than a line, rare in prose: kept out of the line counter's
    // loop, which it would otherwise slow.
    #[cold]
    fn first_piece(&self, word: &str) -> usize {
        let room = self.width.saturating_sub(self.used);
        let needed = match word.chars().next() {
            Some(c) if c.width() == Some(2) && no_line_end(c) => 4,
            Some(c) if c.width() == Some(2) => 2,
            _ => usize::MAX,
        };
        if room >= needed { room } else { self.width }
    }
}

/// Where the line that starts with the word at `body[start]` ends, found without
/// placing its words one by one: a place between its last word and the next (which
/// does not fit), or the body's end when the rest fits. `None` unless everything up to
/// where the line ends is simple ([`columns_end`]) and the line ends between words.
fn line_end(body: &str, start: usize, width: usize) -> Option<usize> {
    let bytes = body.as_bytes();
    let limit =
        simple_columns_end(bytes, start, width).or_else(|| columns_end(body, start, width))?;
    match bytes.get(limit) {
        None => Some(limit),
        // The line is full up to a space: the next word does not fit, unless it starts
        // with something that may take no column.
        Some(b' ' | b'\n') => {
            let next = (limit..bytes.len()).find(|&i| !source::is_ascii_space(bytes[i]));
            next.is_none_or(|next| one_column(body, next))
                .then_some(limit)
        }
        // A word goes past the line's last column: the line ends before it, at the last
        // space (if none, the word is too long and is broken apart). Unless the word is
        // longer than a line: then it is broken apart too, and its first piece, cut
        // short by `break_apart`'s rules for CJK marks, may fit here.
        Some(_) if one_column(body, limit) => {
            let space = start + memchr::memrchr2(b' ', b'\n', &bytes[start..limit])?;
            // The word is no longer than a line if it ends within `width` bytes of its
            // start (no character takes more columns than it has bytes); looked for no
            // further, so that a line costs no more than its width.
            let last = space + width + 1;
            let short = last >= bytes.len()
                || bytes
                    .get(limit..=last)
                    .is_some_and(|rest| memchr::memchr2(b' ', b'\n', rest).is_some());
            short.then_some(space)
        }
        // A zero-width mark, a wide or unusual character: placed one by one.
        Some(_) => None,
    }
}

/// Whether the character at `body[at]` is printable ASCII or [`narrow`]: surely one
/// column wide.
fn one_column(body: &str, at: usize) -> bool {
    matches!(body.as_bytes()[at], 0x21..=0x7e) || body[at..].chars().next().is_some_and(narrow)
}

/// [`columns_end`] told a vector of bytes at a time rather than eight: a column is
/// every byte but a character's continuation bytes and a space after a space. `None`
/// where a character may not take one column, and [`columns_end`] goes byte by byte.
fn simple_columns_end(bytes: &[u8], start: usize, width: usize) -> Option<usize> {
    let mut checked = start;
    // Where `width` columns would end if the bytes before were one column each.
    let mut end = start + width;
    loop {
        let stretch = bytes.get(checked..)?;
        if source::first_where_before(stretch, end - checked, not_one_column).is_some() {
            return None;
        }
        if end >= bytes.len() {
            return Some(bytes.len());
        }
        let skipped = no_column_bytes(bytes, checked, end);
        if skipped == 0 {
            break;
        }
        checked = end;
        end += skipped;
    }
    // `end` may be amid the last character.
    while bytes.get(end).is_some_and(|&b| source::is_continuation(b)) {
        end += 1;
    }
    Some(end)
}

/// How many of `bytes[from..to]` take no column of their own in [`simple_columns_end`]:
/// continuation bytes, and spaces or newlines after another (a run shows as one).
/// Counted without a branch per byte (vector code, lanes a byte wide).
fn no_column_bytes(bytes: &[u8], from: usize, to: usize) -> usize {
    // The first byte of a text is neither.
    let from = from.max(1);
    let (Some(these), Some(before)) = (bytes.get(from..to), bytes.get(from - 1..to - 1)) else {
        return 0;
    };
    let space = |b: u8| (b == b' ') | (b == b'\n');
    // Counted in bytes, a chunk too short to overflow one at a time.
    let mut total = 0;
    for (these, before) in these.chunks(255).zip(before.chunks(255)) {
        let mut n = 0u8;
        for (&b, &a) in these.iter().zip(before) {
            n += u8::from(source::is_continuation(b) | space(b) & space(a));
        }
        total += usize::from(n);
    }
    total
}

/// Whether the bytes `b`, `next`, `third` begin what [`simple_columns_end`] cannot
/// count as one column: a control, a character not [`narrow`]. A continuation byte is
/// none (its character's first byte tells). Written for [`source::first_where`].
#[inline]
fn not_one_column(b: u8, next: u8, third: u8) -> bool {
    let between = |x: u8, lo: u8, hi: u8| x.wrapping_sub(lo) <= hi - lo;
    let simple = between(b, 0x21, 0x7e) | (b == b' ') | (b == b'\n') | source::is_continuation(b);
    // The first bytes of `narrow`'s characters in UTF-8.
    let narrow = between(b, 0xC3, 0xC8)
        | (b == 0xC2) & (between(next, 0xA1, 0xAC) | between(next, 0xAE, 0xBF))
        | (b == 0xC9) & between(next, 0x80, 0x8F)
        | (b == 0xE2) & (next == 0x80) & between(third, 0x90, 0xA7);
    !(simple | narrow)
}

/// Where `width` columns from `body[start]` end, or the body's end if it is narrower,
/// when all of it is simple: printable ASCII and [`narrow`] characters, words apart by
/// spaces or newlines (a run of them shows as one column). `None` otherwise.
fn columns_end(body: &str, start: usize, width: usize) -> Option<usize> {
    let bytes = body.as_bytes();
    let mut at = start;
    let mut columns = 0;
    // Whether the byte before `at` is a space or newline.
    let mut after_space = false;
    while columns < width {
        // Eight bytes of printable ASCII, spaces and newlines at a time.
        if columns + 8 <= width
            && let Some(eight) = bytes.get(at..at + 8)
        {
            let (simple, taken, ends_in_space) = simple_prefix(eight, after_space);
            if simple > 0 {
                columns += taken;
                at += simple;
                after_space = ends_in_space;
                continue;
            }
        }
        let Some(&b) = bytes.get(at) else {
            return Some(at);
        };
        let space = matches!(b, b' ' | b'\n');
        if space && after_space {
            // Spaces in a row show as one.
            at += 1;
            continue;
        }
        at += if space || matches!(b, 0x21..=0x7e) {
            1
        } else {
            body[at..].chars().next().filter(|&c| narrow(c))?.len_utf8()
        };
        after_space = space;
        columns += 1;
    }
    Some(at)
}

/// How many of the eight bytes, from the first, are printable ASCII, spaces or
/// newlines, told at once; the columns they take (spaces in a row show as one;
/// `after_space`: the byte before them is a space); whether the last of them is a space.
fn simple_prefix(eight: &[u8], after_space: bool) -> (usize, usize, bool) {
    use source::{each, within};
    let mut word = [0u8; 8];
    word.copy_from_slice(eight);
    let x = u64::from_le_bytes(word);
    let low = x & each(0x7F);
    let ascii = !x & each(0x80);
    // The high bit of each byte that is a space or newline; that is neither printable
    // nor one of them; that is a space after a space.
    let spaces = (within(low, b' ', b' ') | within(low, b'\n', b'\n')) & ascii;
    let other = !((within(low, 0x21, 0x7e) & ascii) | spaces) & each(0x80);
    let more_spaces = spaces & (spaces << 8 | u64::from(after_space) << 7);
    // Spaces in a row are rare, and counting bits is a long sequence on CPUs of the
    // baseline (no `popcnt`): asked only when there are some.
    let repeated = |bits: u64| {
        if bits == 0 {
            0
        } else {
            bits.count_ones() as usize
        }
    };
    if other == 0 {
        return (8, 8 - repeated(more_spaces), spaces >> 63 != 0);
    }
    let simple = other.trailing_zeros() as usize / 8;
    if simple == 0 {
        return (0, 0, after_space);
    }
    // Every bit of the simple bytes.
    let within_simple = u64::MAX >> (64 - 8 * simple);
    let taken = simple - repeated(more_spaces & within_simple);
    (simple, taken, spaces >> (8 * simple - 1) & 1 != 0)
}

/// Characters beyond ASCII, common in articles, that are surely one column wide and
/// never spaces: Latin letters with their accents, curly quotes, dashes, the ellipsis,
/// guillemets.
fn narrow(c: char) -> bool {
    matches!(c, '\u{A1}'..='\u{AC}' | '\u{AE}'..='\u{24F}' | '\u{2010}'..='\u{2027}')
}

/// Columns taken by a block quote's bar.
pub const QUOTE_INDENT: usize = 2;
/// The narrowest width at which lists and quotes are indented.
const MIN_INDENTED_WIDTH: usize = 12;
/// A list item's marker (`• `, `12. `, `a) `) is shorter than this.
const MAX_MARKER_BYTES: usize = 6;

/// Columns code steps in by.
const CODE_INDENT: usize = 2;
/// Columns a definition is set in under its term.
const DEFINITION_INDENT: usize = 4;

/// A code block or a table: one visual line per line of its text, spaces kept (neither
/// is re-flowed) and never cut: a row wider than the body is scrolled sideways (see
/// [`window`]), so a table's columns and code's indentation stay as written.
fn row_lines(
    rows: impl Iterator<Item = Range<usize>>,
    block: usize,
    kind: LineKind,
    lines: &mut Vec<Line>,
) {
    lines.extend(rows.map(|range| Line {
        block,
        range,
        kind,
        indent: 0,
    }));
}

/// Whether `line` is a row drawn as written, wider than the body if it is, and scrolled
/// sideways: a line of code or of a table.
pub fn is_row(article: &Article, line: &Line) -> bool {
    line.kind != LineKind::Blank
        && article
            .blocks
            .get(line.block)
            .is_some_and(|b| matches!(b.kind, BlockKind::Code(_) | BlockKind::Table(_)))
}

/// What a row shows scrolled `from` columns to the left in `columns` columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Window {
    /// The bytes of the row that show whole.
    pub range: Range<usize>,
    /// Blank columns before them, where a wide character is cut by the left edge.
    pub lead: usize,
    /// Some of the row is hidden to the left, or to the right.
    pub more_left: bool,
    pub more_right: bool,
}

/// The part of `row` (a range of `text`) that shows in `columns` columns from column
/// `from` on. Reads the row only as far as the window's right edge, so a long row costs
/// what is shown and what is scrolled past.
pub fn window(text: &str, row: Range<usize>, from: usize, columns: usize) -> Window {
    let mut column = 0;
    let mut start = None;
    let mut end = row.end;
    for (i, c) in text[row.clone()].char_indices() {
        let width = c.width().unwrap_or(0);
        if start.is_none() && column >= from {
            start = Some((row.start + i, column - from));
        }
        if column + width > from + columns {
            end = row.start + i;
            break;
        }
        column += width;
    }
    let (start, lead) = start.unwrap_or((row.end, 0));
    Window {
        range: start..end.max(start),
        lead,
        more_left: from > 0 && !row.is_empty(),
        more_right: end < row.end,
    }
}

/// The columns `row` takes, counted no further than `limit`.
pub fn row_columns(text: &str, row: Range<usize>, limit: usize) -> usize {
    let mut at = 0;
    for c in text[row].chars() {
        if at >= limit {
            break;
        }
        at += c.width().unwrap_or(0);
    }
    at.min(limit)
}

fn wrap_block(text: &str, range: Range<usize>, block: usize, width: usize, lines: &mut Vec<Line>) {
    let body = &text[range.clone()];
    let base = text.as_ptr() as usize;
    let mut fill = Fill {
        width,
        lines: 1,
        used: 0,
    };
    // The current line's bytes, from its first word's start to its last word's end.
    let mut line: Option<Range<usize>> = None;
    let mut place = |fill: &mut Fill, piece: Word| {
        let start = piece.word.as_ptr() as usize - base;
        let end = start + piece.word.len();
        let before = fill.lines;
        fill.place(piece.width, piece.whitespace.len());
        if fill.lines > before
            && let Some(done) = line.take()
        {
            lines.push(text_line(block, done));
        }
        line = Some(line.take().map_or(start, |l| l.start)..end);
    };
    for w in body.split_whitespace() {
        let mut word = Word::from(w);
        word.whitespace = " ";
        if word.width > width {
            for piece in break_apart(word, fill.first_piece(w), width) {
                place(&mut fill, piece);
            }
        } else {
            place(&mut fill, word);
        }
    }
    // A block without words is a blank line.
    let last = line.unwrap_or(range.start..range.start);
    lines.push(text_line(block, last));
}

fn text_line(block: usize, range: Range<usize>) -> Line {
    Line {
        block,
        range,
        kind: LineKind::Text,
        indent: 0,
    }
}

/// A word wider than `width` as pieces of at most `width` columns (the first of at most
/// `first`, what is left of a line), the next starting where a character would pass the
/// width — but, as CJK typesetting wants, never a piece that starts with a closing mark
/// or follows one ending with an opening mark (`。`, `」`; `「`): the piece before then
/// gives up its last characters. A paragraph of Chinese or Japanese, written without
/// spaces, is one such word. Widths are measured as `Word` measures them; an article's
/// text holds no escape sequences.
fn break_apart<'a>(word: Word<'a>, first: usize, width: usize) -> impl Iterator<Item = Word<'a>> {
    let text = word.word;
    let mut start = 0;
    let mut columns = 0;
    let mut chars = text.char_indices().peekable();
    // The columns the piece being made may take.
    let mut limit = first;
    std::iter::from_fn(move || {
        while let Some(&(at, c)) = chars.peek() {
            let c_width = c.width().unwrap_or(0);
            if columns > 0 && columns + c_width > limit {
                limit = width;
                let cut = kinsoku_cut(text, start, at);
                let piece = Word {
                    word: &text[start..cut],
                    width: textwrap::core::display_width(&text[start..cut]),
                    whitespace: "",
                    penalty: "",
                };
                columns = textwrap::core::display_width(&text[cut..at]);
                start = cut;
                return Some(piece);
            }
            columns += c_width;
            chars.next();
        }
        (start < text.len()).then(|| {
            let piece = Word {
                word: &text[start..],
                width: columns,
                ..word
            };
            start = text.len();
            piece
        })
    })
}

/// Where to end the piece `text[start..at]` so that the next neither starts with a
/// closing mark nor follows an opening one: `at`, or up to a few characters before it;
/// never a piece of no columns (which would take a line of its own when wrapped).
fn kinsoku_cut(text: &str, start: usize, at: usize) -> usize {
    let good = |cut: usize| {
        let next = text[cut..].chars().next();
        let before = text[..cut].chars().next_back();
        !next.is_some_and(no_line_start)
            && !before.is_some_and(no_line_end)
            && textwrap::core::display_width(&text[start..cut]) > 0
    };
    let mut cut = at;
    for _ in 0..=MAX_KINSOKU_CHARS {
        if good(cut) {
            return cut;
        }
        match text[start..cut].char_indices().next_back() {
            Some((back, _)) if back > 0 => cut = start + back,
            _ => break,
        }
    }
    at
}

/// How many characters a piece gives up at most to the next: a run of closing marks
/// (`」。`) is rarely longer.
const MAX_KINSOKU_CHARS: usize = 3;

/// Characters a line may not start with: closing brackets and quotes, CJK punctuation,
/// small kana and the prolonged sound mark.
const NO_LINE_START: &str = "、。，．・：；？！ー～”’）〕］｝〉》」』】〙〗〟｠»)]},.!?:;\
                             ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ";

/// Characters a line may not end with: opening brackets and quotes.
const NO_LINE_END: &str = "（〔［｛〈《「『【〘〖〝｟«“‘([{";

fn no_line_start(c: char) -> bool {
    NO_LINE_START.contains(c)
}

fn no_line_end(c: char) -> bool {
    NO_LINE_END.contains(c)
}

/// What a visual line shows, words joined by single spaces: the one place that turns a
/// line's byte range into display text, so the width matches what wrapping measured.
pub fn line_pieces(text: &str, range: Range<usize>) -> impl Iterator<Item = Range<usize>> + '_ {
    let base = range.start;
    let s = &text[range];
    s.split_whitespace().map(move |w| {
        let start = w.as_ptr() as usize - s.as_ptr() as usize + base;
        start..start + w.len()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::plain;
    use crate::source::display_width;

    #[test]
    fn the_byte_test_of_one_column_agrees_with_narrow_for_every_character() {
        // The vector scan tells characters by their first bytes; `columns_end` by the
        // character. They must say the same of each, or lines would be counted apart.
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut bytes = [0u8; 4];
            c.encode_utf8(&mut bytes);
            let one_column = match c {
                ' ' | '\n' | '!'..='~' => true,
                _ if c.is_ascii() => false,
                _ => narrow(c),
            };
            assert_eq!(
                !not_one_column(bytes[0], bytes[1], bytes[2]),
                one_column,
                "{c:?} U+{:04X}",
                c as u32
            );
        }
    }

    fn width_of(text: &str, line: &Line) -> usize {
        let words: Vec<&str> = line_pieces(text, line.range.clone())
            .map(|r| &text[r])
            .collect();
        display_width(&words.join(" "))
    }

    #[test]
    fn a_break_between_passages_is_centred() {
        let article = plain::parse("Title\n\nOne.\n\n* * *\n\nTwo.\n".into(), "t.txt");
        for (width, indent) in [(41, 18), (40, 17), (5, 0), (3, 0)] {
            let layout = Layout::new(&article, width);
            let lines = layout.lines(&article, 0..layout.len());
            let breaks: Vec<&Line> = lines.iter().filter(|l| l.block == 2).collect();
            assert!(!breaks.is_empty());
            assert!(
                (breaks.iter()).all(|l| l.kind == LineKind::Blank || l.indent == indent),
                "width {width}: {breaks:?}"
            );
            assert_eq!(layout.len(), lines.len(), "counted as laid out");
        }
    }

    #[test]
    fn lines_fit_and_cover_every_word() {
        let text =
            "Title Line\n\nA paragraph with 漢字 wide characters and e\u{301}mojis 🎉 that wraps. "
                .repeat(3)
                + "\nAverylongwordwithoutanyspacesthatmustbebrokenacrosslines";
        let article = plain::parse(text, "t.txt");
        for width in [1, 5, 12, 40] {
            let layout = Layout::new(&article, width);
            let mut words = Vec::new();
            for line in &layout.lines(&article, 0..layout.len()) {
                assert!(
                    width_of(&article.text, line) <= width.max(2),
                    "width {width}: {line:?}"
                );
                words.extend(
                    line_pieces(&article.text, line.range.clone()).map(|r| &article.text[r]),
                );
            }
            let joined: String = words.concat();
            let original: String = article.text.split_whitespace().collect();
            assert_eq!(joined, original, "width {width}");
        }
    }

    proptest::proptest! {
        /// The count of a whole article's layout and the lines drawn must agree, or
        /// positions drift: any words, spaces, widths.
        #[test]
        fn lines_are_counted_as_wrapping_makes_them(
            body in "([a-z.,]{1,12}|[A-Z]{20,40}|[a-zéğ]{1,9}|漢字|e\u{301}|🎉|\u{1b}\\[1m|\u{7}|\u{a0}|\u{ad}|\u{2003}|\u{85}|\t|\u{b}|[“”‘’–—…«»]{1,3}|\u{200b}|\u{2028}|~{9,12}|「|」|。|、|\n| | | ){0,60}",
            width in 1usize..40,
        ) {
            let mut lines = Vec::new();
            wrap_block(&body, 0..body.len(), 0, width, &mut lines);
            proptest::prop_assert_eq!(count_wrapped(&body, width), lines.len());
        }
    }

    proptest::proptest! {
        /// Latin words, URLs and long runs of CJK (which fill the rest of a line) wrap to
        /// lines no wider than the line that keep every character in order, and are
        /// counted as they are made.
        #[test]
        fn mixed_scripts_wrap_within_the_width_and_lose_nothing(
            body in "([a-z]{1,9}|[東京都会談]{1,30}|「|」|。|https://[a-z/.]{10,40}| ){1,40}",
            width in 2usize..30,
        ) {
            let mut lines = Vec::new();
            wrap_block(&body, 0..body.len(), 0, width, &mut lines);
            proptest::prop_assert_eq!(count_wrapped(&body, width), lines.len());
            for line in &lines {
                let shown = &body[line.range.clone()];
                proptest::prop_assert!(width_of(&body, line) <= width, "{:?} at {}", shown, width);
            }
            let shown: Vec<&str> = lines.iter().map(|l| &body[l.range.clone()]).collect();
            let kept: String = shown.iter().flat_map(|l| l.split_whitespace()).collect();
            let all: String = body.split_whitespace().collect();
            proptest::prop_assert_eq!(kept, all);
        }
    }

    proptest::proptest! {
        /// Without marks to keep apart from the line's edge, a long word breaks where
        /// `textwrap` breaks it.
        #[test]
        fn long_words_without_marks_break_as_textwrap_breaks_them(
            text in "(漢字|かな|ab|é|🎉|e\u{301}){2,40}",
            width in 1usize..12,
        ) {
            let word = Word::from(text.as_str());
            proptest::prop_assume!(word.width > width);
            let ours: Vec<Word> = break_apart(word, width, width).collect();
            let theirs: Vec<Word> = word.break_apart(width).collect();
            proptest::prop_assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn cjk_lines_neither_start_with_a_closing_mark_nor_end_with_an_opening_one() {
        assert!(!(NO_LINE_START.contains(char::is_whitespace)));
        assert!(NO_LINE_START.contains('っ') && NO_LINE_END.contains('「'));
        let text = "岸田文雄首相は二十日、東京でバイデン米大統領と会談した。両首脳は「自由で開かれた\
                    インド太平洋」の実現に向けて協力することで一致した。会談後、首相は記者団に対し\
                    「非常に有意義な会談だった」と述べた。";
        for width in 4..80 {
            let mut lines = Vec::new();
            wrap_block(text, 0..text.len(), 0, width, &mut lines);
            assert_eq!(count_wrapped(text, width), lines.len(), "width {width}");
            let pieces: Vec<&str> = lines.iter().map(|l| &text[l.range.clone()]).collect();
            assert_eq!(pieces.concat(), text, "width {width}");
            for (line, next) in pieces.iter().zip(&pieces[1..]) {
                assert!(display_width(line) <= width, "{line:?} at width {width}");
                let first = next.chars().next().expect("a line holds a character");
                let last = line.chars().next_back().expect("a line holds a character");
                assert!(!no_line_start(first), "{next:?} at width {width}");
                assert!(!no_line_end(last), "{line:?} at width {width}");
            }
        }
    }

    #[test]
    fn chinese_after_a_latin_word_fills_the_line_and_a_long_url_starts_its_own() {
        let lines_of = |text: &str, width: usize| {
            let mut lines = Vec::new();
            wrap_block(text, 0..text.len(), 0, width, &mut lines);
            assert_eq!(count_wrapped(text, width), lines.len(), "{text:?}");
            let shown: Vec<String> = lines
                .iter()
                .map(|l| text[l.range.clone()].to_string())
                .collect();
            shown
        };
        let chinese = "我们使用 Rust 编写了一个终端阅读器，它可以显示文章的大纲和正文。";
        assert_eq!(
            lines_of(chinese, 20),
            [
                "我们使用 Rust 编写了",
                "一个终端阅读器，它可",
                "以显示文章的大纲和正",
                "文。"
            ]
        );
        // No room for a wide character: the next line. Nor for an opening mark alone.
        assert_eq!(
            lines_of("abcdefghijklmnopq 编写了一个终端阅读器", 19)[0],
            "abcdefghijklmnopq"
        );
        let quoted = |latin: &str| format!("{latin} 「编写了一个终端阅读器」");
        assert_eq!(
            lines_of(&quoted("abcdefghijklmnopq"), 20)[0],
            "abcdefghijklmnopq"
        );
        assert_eq!(
            lines_of(&quoted("abcdefghijklmno"), 20)[0],
            "abcdefghijklmno 「编"
        );
        let url = "see https://example.com/a/very/long/path";
        assert_eq!(
            lines_of(url, 20),
            ["see", "https://example.com/", "a/very/long/path"]
        );
    }

    #[test]
    fn a_long_word_cut_short_for_its_marks_is_counted_where_it_lands() {
        // `Putin` fits after `– ` once `“‘“` goes on together; an empty piece (a
        // zero-width space alone) would take a line of its own.
        for (text, width, expected) in [
            ("ALASKA – Putin\u{201c}\u{2018}\u{201c}", 7, 3),
            ("\u{200b}「~~~~~~~~~", 1, 10),
        ] {
            let mut lines = Vec::new();
            wrap_block(text, 0..text.len(), 0, width, &mut lines);
            assert_eq!(lines.len(), expected, "{text:?}");
            assert_eq!(count_wrapped(text, width), expected, "{text:?}");
        }
    }

    proptest::proptest! {
        /// A row scrolled sideways shows the characters that fit whole between the
        /// window's edges, from the first at or past the left one, after blank columns
        /// where a wide character is cut; what it hides is said.
        #[test]
        fn a_window_shows_what_fits_between_its_edges(
            row in "([a-z(){};]{1,12}|    | |漢字|e\u{301}|🎉|“”|\u{200b}){0,12}",
            from in 0usize..40,
            columns in 1usize..30,
        ) {
            let columns_of = |s: &str| s.chars().map(|c| c.width().unwrap_or(0)).sum::<usize>();
            let text = format!("> {row}\n");
            let row = 2..text.len() - 1;
            let w = window(&text, row.clone(), from, columns);
            let shown = &text[w.range.clone()];
            proptest::prop_assert!(w.lead + columns_of(shown) <= columns, "{:?}", w);
            if w.range.start < row.end {
                proptest::prop_assert_eq!(columns_of(&text[row.start..w.range.start]), from + w.lead);
            }
            if w.more_right {
                let next = text[w.range.end..].chars().next().map_or(0, |c| c.width().unwrap_or(0));
                proptest::prop_assert!(w.lead + columns_of(shown) + next > columns, "{:?}", w);
            }
            proptest::prop_assert_eq!(w.more_right, columns_of(&text[row.clone()]) > from + columns);
            proptest::prop_assert_eq!(w.more_left, from > 0 && !row.is_empty());
            proptest::prop_assert_eq!(row_columns(&text, row.clone(), usize::MAX), columns_of(&text[row.clone()]));
            proptest::prop_assert_eq!(row_columns(&text, row.clone(), from), columns_of(&text[row]).min(from));
        }
    }

    #[test]
    fn a_line_break_starts_a_line_and_is_counted_so() {
        let text = "# T\n\nHarbour Office  \n1 Quay Street  \nOslo, where the ferries of the \
                    fjord come in\n\n- one  \n  two\n";
        let article = crate::article::markdown::parse(text, "t.md");
        for width in [12, 20, 80] {
            let layout = Layout::new(&article, width);
            let lines = layout.lines(&article, 0..layout.len());
            assert_eq!(lines.len(), layout.len(), "width {width}");
            let shown: Vec<&str> = lines
                .iter()
                .map(|l| &article.text[l.range.clone()])
                .collect();
            // A line starts after each break, and none holds one.
            assert!(shown.iter().any(|l| l.starts_with("1 Quay")), "{shown:?}");
            assert!(
                shown
                    .iter()
                    .all(|l| !l.contains(crate::article::LINE_BREAK))
            );
            assert!(shown.contains(&"two"), "{shown:?}");
            if width == 80 {
                assert_eq!(shown[2..4], ["Harbour Office", "1 Quay Street"]);
                assert!(shown[4].starts_with("Oslo, where"), "{shown:?}");
            }
        }
    }

    #[test]
    fn a_list_goes_on_while_its_markers_count_on() {
        let marker = |item: &str| Marker::of(item);
        let goes_on = |a: &str, b: &str| marker(a).goes_on_with(marker(b));
        assert!(goes_on("• one", "• two") && goes_on("- one", "* two"));
        assert!(goes_on("9. nine", "10. ten") && goes_on("a) one", "b) two"));
        assert!(goes_on("2) two", "3. three"));
        assert!(!goes_on("2. two", "1. one") && !goes_on("2. two", "2. two"));
        assert!(!goes_on("• one", "1. one") && !goes_on("a) one", "1) one"));
        assert!(!goes_on("b) two", "d) four"));
    }

    #[test]
    fn a_list_items_later_lines_start_under_its_text() {
        let item = "a long item that wraps onto more lines";
        let text = format!("# T\n\n- {item}\n\n10. {item}\n11. {item}\n");
        let article = crate::article::markdown::parse(&text, "t.md");
        let layout = Layout::new(&article, 20);
        let indents = |marker: &str| -> Vec<u16> {
            let b = (0..article.blocks.len())
                .find(|&b| article.block_text(b).starts_with(marker))
                .expect("item");
            layout
                .lines(&article, 0..layout.len())
                .into_iter()
                .filter(|l| l.block == b && l.kind != LineKind::Blank)
                .map(|l| l.indent)
                .collect()
        };
        assert_eq!(indents("• "), [0, 2, 2]);
        assert_eq!(indents("10. "), [0, 4, 4]);
    }

    /// Every line of `article` at `width` (counted as made): its indent, its block's
    /// kind and its text.
    fn indented_lines(article: &Article, width: usize) -> Vec<(u16, BlockKind, String)> {
        let layout = Layout::new(article, width);
        let lines = layout.lines(article, 0..layout.len());
        assert_eq!(lines.len(), layout.len(), "counted as made");
        (lines.iter())
            .map(|l| {
                let text = article.text[l.range.clone()].to_string();
                (l.indent, article.blocks[l.block].kind, text)
            })
            .collect()
    }

    #[test]
    fn an_item_s_later_paragraph_code_and_table_sit_under_its_text() {
        let text = "# T\n\n12. Install:\n\n    ```\n    x\n    ```\n\n    | a | b |\n    |---|---|\n    \
                    | 1 | 2 |\n\n    Then run it on a folder.\n\n> - a\n>\n>   ```\n>   y\n>   ```\n>\n>   \
                    quoted after\n\n> | q |\n> |---|\n> | 3 |\n";
        let article = crate::article::markdown::parse(text, "t.md");
        let shown = |width: usize| -> Vec<(u16, String)> {
            (indented_lines(&article, width).into_iter())
                .filter(|(_, kind, text)| {
                    matches!(
                        kind,
                        BlockKind::ListText(_) | BlockKind::Code(_) | BlockKind::Table(_)
                    ) && !text.is_empty()
                })
                .map(|(indent, _, text)| (indent, text))
                .collect()
        };
        let at = |indent: u16, text: &str| (indent, text.to_string());
        // Under `Install:`, past `12. `, every line, code a step further in; in a quote,
        // past its bar (and `• `).
        assert_eq!(
            shown(18),
            [
                at(6, "x"),
                at(4, "│ a │ b │"),
                at(4, "├───┼───┤"),
                at(4, "│ 1 │ 2 │"),
                at(4, "Then run it on"),
                at(4, "a folder."),
                at(6, "y"),
                at(4, "quoted after"),
                at(2, "│ q │"),
                at(2, "├───┤"),
                at(2, "│ 3 │"),
            ]
        );
        // Too narrow to set anything in: flush.
        assert_eq!(shown(11)[..2], [at(0, "x"), at(0, "│ a │ b │")]);
    }

    #[test]
    fn a_quote_within_a_list_item_has_its_bars_under_the_item_s_text() {
        let text = "# T\n\n1. Step:\n\n   > Back up.\n   >\n   > Then copy.\n\n> - quoted\n>\n\
                    >   > inner\n";
        let article = crate::article::markdown::parse(text, "t.md");
        let shown: Vec<(String, u16, Vec<usize>)> = (indented_lines(&article, 40).into_iter())
            .skip(2)
            .map(|(indent, kind, text)| {
                let bars = (0..usize::from(indent)).filter(|&c| is_bar(kind, 40, c));
                (text, indent, bars.collect())
            })
            .collect();
        let at =
            |text: &str, indent: u16, bars: &[usize]| (text.to_string(), indent, bars.to_vec());
        assert_eq!(
            shown,
            [
                at("1. Step:", 0, &[]),
                at("", 0, &[]),
                // Under `Step:`, a gap of the quote keeping its bar.
                at("Back up.", 5, &[3]),
                at("", 5, &[3]),
                at("Then copy.", 5, &[3]),
                at("", 0, &[]),
                // A quote in an item of a quote: one bar at the margin, one under the item.
                at("• quoted", 2, &[0]),
                at("", 2, &[0]),
                at("inner", 6, &[0, 4]),
            ]
        );
        // Too narrow to set anything in: flush, no bars.
        assert!(indented_lines(&article, 11).iter().all(|l| l.0 == 0));
    }

    #[test]
    fn a_definition_sits_under_its_term_set_in() {
        // Two terms sharing a definition, one of two paragraphs, and prose after.
        let text = "# T\n\nQuay\nWharf\n: a landing for boats\n\nLock\n\n: a gate in a canal\n\n  \
                    that lifts them\n\nAfter.\n";
        let article = crate::article::markdown::parse(text, "t.md");
        let shown = |width: usize| -> Vec<(u16, String)> {
            (indented_lines(&article, width).into_iter().skip(2))
                .map(|(indent, _, text)| (indent, text))
                .collect()
        };
        let at = |indent: u16, text: &str| (indent, text.to_string());
        assert_eq!(
            shown(14),
            [
                at(0, "Quay Wharf"),
                at(4, "a landing"),
                at(4, "for boats"),
                at(0, ""),
                at(0, "Lock"),
                at(4, "a gate in"),
                at(4, "a canal"),
                at(0, ""),
                at(4, "that lifts"),
                at(4, "them"),
                at(0, ""),
                at(0, "After."),
            ]
        );
        // Too narrow to set anything in: flush, still under the term.
        assert_eq!(
            shown(11)[..3],
            [at(0, "Quay Wharf"), at(0, "a landing"), at(0, "for boats")]
        );
        // Terms sharing a definition sit together over it.
        let page = "<h1>T</h1><dl><dt>Quay</dt><dt>Wharf</dt><dd>a landing</dd></dl><p>After.</p>";
        let article = crate::article::html::parse(page, "t.html");
        let layout = Layout::new(&article, 40);
        let lines = layout.lines(&article, 0..layout.len());
        let shown: Vec<(u16, &str)> = lines
            .iter()
            .map(|l| (l.indent, &article.text[l.range.clone()]))
            .collect();
        assert_eq!(
            shown[2..],
            [
                (0, "Quay"),
                (0, "Wharf"),
                (4, "a landing"),
                (0, ""),
                (0, "After.")
            ]
        );
    }

    #[test]
    fn a_quote_within_a_quote_steps_in_a_bar_further_and_gaps_keep_shared_bars() {
        let text = "# T\n\n> one\n>\n> > two\n>\n> back\n\nAfter.\n";
        let article = crate::article::markdown::parse(text, "t.md");
        let indents = |article: &Article, width: usize| -> Vec<(LineKind, u16)> {
            let layout = Layout::new(article, width);
            let lines = layout.lines(article, 0..layout.len());
            lines.iter().skip(2).map(|l| (l.kind, l.indent)).collect()
        };
        let (text_line, gap) = (LineKind::Text, LineKind::Blank);
        assert_eq!(
            indents(&article, 40),
            [
                (text_line, 2),
                (gap, 2),
                (text_line, 4),
                (gap, 2),
                (text_line, 2),
                // The quote ends: no bar under it.
                (gap, 0),
                (text_line, 0),
            ]
        );
        // A list in a quote steps in past its bars, and the gaps around it keep them;
        // a list after the quote is another list, flush.
        let text = "# T\n\n> one\n>\n> - a\n>   - b\n>\n> back\n\n- c\n";
        let article = crate::article::markdown::parse(text, "t.md");
        assert_eq!(
            indents(&article, 40),
            [
                (text_line, 2),
                (gap, 2),
                (text_line, 2),
                (text_line, 4),
                (gap, 2),
                (text_line, 2),
                (gap, 0),
                (text_line, 0),
            ]
        );
        let article = crate::article::markdown::parse("# T\n\n> - a\n\n- b\n", "t.md");
        assert_eq!(
            indents(&article, 40),
            [(text_line, 2), (gap, 0), (text_line, 0)]
        );
        // Bars take at most half of a narrow width.
        let deep = "# T\n\n> > > > > > > > deep\n";
        let article = crate::article::markdown::parse(deep, "t.md");
        let layout = Layout::new(&article, MIN_INDENTED_WIDTH);
        let line = &layout.lines(&article, 0..layout.len())[2];
        assert_eq!(
            usize::from(line.indent),
            MIN_INDENTED_WIDTH / 2 / QUOTE_INDENT * QUOTE_INDENT
        );
    }

    #[test]
    fn long_code_lines_scroll_sideways_instead_of_wrapping() {
        let text = "# T\n\n```\nshort\nlet total = first_value + second_value;\n```\n\nAfter.\n";
        let article = crate::article::markdown::parse(text, "t.md");
        let code = article
            .blocks
            .iter()
            .position(|b| b.kind == BlockKind::CODE)
            .expect("a code block");
        let layout = Layout::new(&article, 22);
        let rows: Vec<Line> = layout
            .lines(&article, 0..layout.len())
            .into_iter()
            .filter(|l| l.block == code && l.kind == LineKind::Code)
            .collect();
        let shown: Vec<(&str, u16)> = rows
            .iter()
            .map(|l| (&article.text[l.range.clone()], l.indent))
            .collect();
        assert_eq!(
            shown,
            [("short", 2), ("let total = first_value + second_value;", 2)]
        );
        assert!(rows.iter().all(|l| is_row(&article, l)));
        let gap = layout.line(&article, layout.block_line(&article, code) + 2);
        assert_eq!(gap.as_ref().map(|l| l.kind), Some(LineKind::Blank));
        assert!(!is_row(&article, &gap.unwrap()));
        let heading = layout.line(&article, 0).expect("the title");
        assert!(!is_row(&article, &heading));
        // Seen 20 columns at a time: the first, the rest.
        let long = rows[1].range.clone();
        let seen = |from| {
            let w = window(&article.text, long.clone(), from, 20);
            (&article.text[w.range], w.more_left, w.more_right)
        };
        assert_eq!(seen(0), ("let total = first_va", false, true));
        assert_eq!(seen(20), ("lue + second_value;", true, false));
        assert_eq!(seen(45), ("", true, false));
        // Too narrow to step in: flush, as other blocks are.
        let narrow = Layout::new(&article, 8);
        let first = narrow.line(&article, narrow.block_line(&article, code));
        assert_eq!(first.map(|l| (l.range.len(), l.indent)), Some((5, 0)));
    }

    #[test]
    fn a_wide_character_across_the_edge_shows_as_blank_columns() {
        let text = "漢字かな";
        let w = window(text, 0..text.len(), 1, 3);
        assert_eq!((&text[w.range.clone()], w.lead), ("字", 1));
        assert!(w.more_left && w.more_right);
        let w = window(text, 0..text.len(), 0, 3);
        assert_eq!((&text[w.range.clone()], w.lead), ("漢", 0));
    }

    #[test]
    fn simple_bytes_are_told_eight_at_a_time() {
        let one = |b: u8| matches!(b, 0x20..=0x7e | b'\n');
        let space = |b: u8| matches!(b, b' ' | b'\n');
        let slow = |eight: &[u8], after_space: bool| {
            let mut before = after_space;
            let (mut simple, mut columns) = (0, 0);
            for &b in eight {
                if !one(b) {
                    break;
                }
                simple += 1;
                columns += usize::from(!(space(b) && before));
                before = space(b);
            }
            (simple, columns, before)
        };
        // Every byte at every place, among letters, spaces or both, after a space or not.
        let fills = [
            *b"abcdefgh",
            *b"a a a a ",
            *b"\na\na\na\na",
            *b"        ",
            *b" \n\n  \n \n",
        ];
        for fill in fills {
            for place in 0..8 {
                for b in 0..=255u8 {
                    let mut eight = fill;
                    eight[place] = b;
                    for after_space in [false, true] {
                        assert_eq!(
                            simple_prefix(&eight, after_space),
                            slow(&eight, after_space),
                            "{eight:?} after a space: {after_space}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn narrow_characters_are_one_column_and_never_spaces() {
        for c in (0x80..0x3_0000)
            .filter_map(char::from_u32)
            .filter(|&c| narrow(c))
        {
            assert_eq!(Word::from(c.to_string().as_str()).width, 1, "{c:?}");
            assert!(!c.is_whitespace(), "{c:?}");
            assert_eq!(crate::source::clean(&c.to_string()), c.to_string(), "{c:?}");
        }
        for c in ['é', 'ğ', 'Ø', '“', '”', '’', '—', '–', '…', '«', '»'] {
            assert!(narrow(c), "{c:?}");
        }
    }

    #[test]
    fn a_line_end_is_found_at_once_where_the_text_is_simple() {
        let text = "Ça “marche” — déjà vu\nagain";
        // "Ça “marche”" is 11 columns, 15 bytes.
        assert_eq!(line_end(text, 0, 11), Some(text.find(" —").unwrap()));
        assert_eq!(line_end(text, 0, 12), Some(text.find(" —").unwrap()));
        assert_eq!(line_end(text, 0, 100), Some(text.len()));
        assert_eq!(line_end(text, 0, 21), Some(text.find("\n").unwrap()));
        assert_eq!(line_end("abcde  fg", 0, 5), Some(5));
        // Spaces in a row show as one.
        assert_eq!(line_end("ab  \n cd  ef", 0, 5), Some(8));
        assert_eq!(line_end("ab  \n cd  ef", 0, 4), Some(5));
        // A full line's next word fits after all if it takes no column.
        assert_eq!(line_end("abcde \u{ad}x", 0, 5), None);
        // A word longer than the line, a tab, a wide character, a combining mark: word
        // by word.
        assert_eq!(line_end("Çamarche vu", 0, 5), None);
        for odd in ["a\tb cd", "a 漢 cd", "ae\u{301} cd"] {
            assert_eq!(line_end(odd, 0, 3), None, "{odd:?}");
        }
        for width in 1..40 {
            let mut lines = Vec::new();
            wrap_block(text, 0..text.len(), 0, width, &mut lines);
            assert_eq!(count_wrapped(text, width), lines.len(), "width {width}");
        }
    }

    #[test]
    fn anchors_round_trip_and_sections_increase() {
        let long = "Some words in a sentence that goes on. ".repeat(8);
        let text = format!("{long}\nFirst Heading Here\n{long}\nSecond Heading Here\n{long}\n");
        let article = plain::parse(text, "t.txt");
        for width in [20, 33, 80] {
            let layout = Layout::new(&article, width);
            let starts: Vec<usize> = layout.section_lines(&article).collect();
            assert!(starts.windows(2).all(|w| w[0] < w[1]));
            for line in 0..layout.len() {
                let anchor = layout.anchor_of(line, &article);
                assert_eq!(layout.line_of(anchor, &article), line);
            }
        }
    }

    #[test]
    fn an_anchor_survives_a_width_change() {
        let text =
            "Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu. ".repeat(10);
        let article = plain::parse(text, "t.txt");
        let narrow = Layout::new(&article, 20);
        let wide = Layout::new(&article, 60);
        let anchor = narrow.anchor_of(7, &article);
        let line = wide.line_of(anchor, &article);
        let range = wide.line(&article, line).expect("a line").range;
        let byte = article.blocks[anchor.block].range.start + anchor.offset;
        assert!(range.start <= byte && byte < range.end);
    }

    #[test]
    fn lines_made_on_demand_agree_with_each_other_and_with_the_counts() {
        let text = "Title\n\n- one item that wraps over lines\n- two\n\n> a quote that wraps \
                    too\n\nA paragraph of several words.\n\n```\ncode\nmore code\n```\n";
        let article = crate::article::markdown::parse(text, "t.md");
        for width in [3, 12, 30] {
            let layout = Layout::new(&article, width);
            let all = layout.lines(&article, 0..layout.len());
            assert_eq!(all.len(), layout.len());
            for i in 0..all.len() {
                assert_eq!(layout.line(&article, i).as_ref(), Some(&all[i]), "line {i}");
                let window = layout.lines(&article, i..i + 5);
                assert_eq!(window, all[i..(i + 5).min(all.len())]);
            }
            for b in 0..article.blocks.len() {
                let first = all
                    .iter()
                    .position(|l| l.block == b && l.kind != LineKind::Blank);
                assert_eq!(Some(layout.block_line(&article, b)), first, "block {b}");
            }
            assert!(layout.lines(&article, all.len()..all.len() + 3).is_empty());
            assert_eq!(layout.line(&article, all.len()), None);
        }
    }

    #[test]
    fn long_blocks_kept_between_calls_give_the_same_lines() {
        let long = "word ".repeat(LONG_BLOCK_BYTES / 4);
        let text = format!("Title\n\n{long}\n\nShort one.\n\n{long}end\n");
        let article = plain::parse(text, "t.txt");
        let layout = Layout::new(&article, 23);
        let mut whole = Vec::new();
        for b in 0..article.blocks.len() {
            block_lines(&article, b, 23, &mut whole);
        }
        assert_eq!(whole.len(), layout.len());
        // Alternate between the two long blocks so the kept one keeps changing.
        let second = layout.block_line(&article, 3);
        for i in (0..layout.len()).step_by(97) {
            for at in [i, second + i % 50] {
                assert_eq!(
                    layout.lines(&article, at..at + 4),
                    whole[at..(at + 4).min(whole.len())]
                );
                let anchor = layout.anchor_of(at, &article);
                assert_eq!(layout.line_of(anchor, &article), at, "line {at}");
            }
        }
    }

    #[test]
    fn a_stopped_count_gives_up() {
        let article = plain::parse(crate::synth::article(20_000, 3, false), "t.txt");
        assert!(Layout::unless_stopped(&article, 30, &AtomicBool::new(true)).is_none());
        let counted = Layout::unless_stopped(&article, 30, &AtomicBool::new(false));
        assert_eq!(
            counted.map(|l| l.len()),
            Some(Layout::new(&article, 30).len())
        );
    }

    #[test]
    fn a_layout_around_a_block_is_exact_there_and_refines_to_the_exact_one() {
        let article = plain::parse(crate::synth::article(400_000, 5, false), "t.txt");
        let blocks = article.blocks.len();
        assert!(
            blocks > 4 * EXACT_AROUND,
            "{blocks} blocks: too few to test estimates"
        );
        let width = 37;
        let exact = Layout::new(&article, width);
        let middle = blocks / 2;
        let mut lazy = Layout::around(&article, width, middle);
        assert!(!lazy.is_exact());
        // Around the reader, the lines are the exact layout's, only numbered differently.
        let shift = exact.block_line(&article, middle) as isize
            - lazy.block_line(&article, middle) as isize;
        for b in middle - EXACT_AROUND / 2..middle + EXACT_AROUND / 2 {
            let line = lazy.block_line(&article, b);
            assert_eq!(
                exact.block_line(&article, b) as isize - line as isize,
                shift,
                "block {b}"
            );
            assert_eq!(
                lazy.lines(&article, line..line + 3),
                exact.lines(
                    &article,
                    exact.block_line(&article, b)..exact.block_line(&article, b) + 3
                )
            );
        }
        // Numbering is consistent everywhere, estimates included: a line's anchor leads
        // back into its block.
        assert_eq!(lazy.lines(&article, 0..lazy.len()).len(), lazy.len());
        let block_of = |line| lazy.line(&article, line).expect("a line").block;
        for line in (0..lazy.len()).step_by(97) {
            let anchor = lazy.anchor_of(line, &article);
            assert_eq!(block_of(lazy.line_of(anchor, &article)), block_of(line));
        }
        // Refining everywhere ends at the exact layout.
        for b in (0..blocks).step_by(EXACT_AROUND) {
            lazy.refine(&article, b);
        }
        assert!(lazy.is_exact());
        assert_eq!(lazy.counted, exact.counted);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

        /// Wherever the reader goes, in whatever order: the counted runs stay apart and
        /// in order, a counted block has its exact lines and an estimated one its
        /// estimate, and once every block is counted the layout is the exact one.
        #[test]
        fn refining_in_any_order_keeps_the_numbering_whole(
            visits in proptest::collection::vec(0.0..1.0f64, 1..8),
            width in 20..90usize,
        ) {
            static ARTICLE: std::sync::OnceLock<Article> = std::sync::OnceLock::new();
            let article =
                ARTICLE.get_or_init(|| plain::parse(crate::synth::article(300_000, 9, true), "t.md"));
            let blocks = article.blocks.len();
            proptest::prop_assert!(blocks > 6 * EXACT_AROUND, "{blocks} blocks");
            let block_at = |f: f64| ((blocks as f64 * f) as usize).min(blocks - 1);
            let mut lazy = Layout::around(article, width, block_at(visits[0]));
            for &visit in &visits[1..] {
                lazy.refine(article, block_at(visit));
            }
            for pair in lazy.counted.windows(2) {
                proptest::prop_assert!(pair[0].end() < pair[1].first);
            }
            for &visit in &visits {
                let b = block_at(visit);
                proptest::prop_assert!(!lazy.is_estimated(b), "block {b} not counted");
            }
            for b in 0..blocks {
                let lines = lazy.start(article, b + 1) - lazy.start(article, b);
                proptest::prop_assert!(lines >= 1, "block {b} has no line");
                let estimate = |b| estimated_start(article, b, width);
                let expected = match lazy.is_estimated(b) {
                    true => estimate(b + 1) - estimate(b),
                    false => count_lines(article, b, width),
                };
                proptest::prop_assert_eq!(lines, expected, "block {}", b);
            }
            proptest::prop_assert_eq!(lazy.len(), lazy.start(article, blocks));
            for b in (0..blocks).step_by(EXACT_AROUND) {
                lazy.refine(article, b);
            }
            proptest::prop_assert!(lazy.is_exact());
            proptest::prop_assert_eq!(lazy.counted, Layout::new(article, width).counted);
        }
    }

    #[test]
    fn a_line_is_placed_near_its_bytes_without_wrapping() {
        let long = "Word after word in one long paragraph. ".repeat(2000);
        let text = format!("Title\n\n{long}\n\nShort end.\n");
        let article = plain::parse(text, "t.txt");
        let layout = Layout::new(&article, 40);
        let mut last = 0;
        for line in 0..layout.len() {
            let near = layout.byte_near_line(&article, line).expect("a line");
            let exact = layout.line(&article, line).expect("a line").range.start;
            let block = &article.blocks[layout.block_of_line(&article, line)];
            assert!(block.range.start <= near && near <= block.range.end);
            assert!(near >= last, "line {line}: not in order");
            // Within a few lines' worth of bytes of where the line really starts.
            assert!(
                near.abs_diff(exact) < 3 * 40,
                "line {line}: {near} vs {exact}"
            );
            last = near;
        }
        assert_eq!(layout.byte_near_line(&article, layout.len()), None);
    }

    #[test]
    fn empty_article_has_no_lines() {
        let article = plain::parse(String::new(), "t.txt");
        let layout = Layout::new(&article, 10);
        assert!(layout.is_empty());
        assert_eq!(layout.line_of(Anchor::default(), &article), 0);
    }
}
