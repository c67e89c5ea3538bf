//! Wraps the article's blocks at a width into visual lines that are byte ranges into the
//! text, and maps between lines, blocks, sections and anchors. Widths are display
//! columns. Highlights never influence wrapping, so toggling them never re-wraps.

use std::ops::Range;

use textwrap::core::{Word, break_words};
use textwrap::wrap_algorithms::wrap_first_fit;

use crate::article::{Article, BlockKind};

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
#[derive(Debug, Clone)]
pub struct Layout {
    pub width: usize,
    /// First line of each block (its own lines, then the gap after it), and one more
    /// entry: the number of lines.
    block_start: Vec<usize>,
}

impl Layout {
    /// Counts the lines of every block wrapped at `width` columns (at least 1). A big
    /// article is counted on every core: a resize re-wraps all of it.
    pub fn new(article: &Article, width: usize) -> Self {
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        let parts = if article.text.len() < PARALLEL_BYTES {
            1
        } else {
            cores.min(8)
        };
        Self::counted_in_parts(article, width, parts)
    }

    fn counted_in_parts(article: &Article, width: usize, parts: usize) -> Self {
        let width = width.max(1);
        let blocks = article.blocks.len();
        let chunk = blocks.div_ceil(parts).max(1);
        let counted: Vec<Vec<usize>> = std::thread::scope(|s| {
            let workers: Vec<_> = (0..blocks)
                .step_by(chunk)
                .skip(1)
                .map(|from| {
                    s.spawn(move || line_counts(article, from..(from + chunk).min(blocks), width))
                })
                .collect();
            let mut counted = vec![line_counts(article, 0..chunk.min(blocks), width)];
            counted.extend(workers.into_iter().map(|w| {
                w.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            }));
            counted
        });
        let mut block_start = Vec::with_capacity(blocks + 1);
        let mut total = 0;
        for count in counted.into_iter().flatten() {
            block_start.push(total);
            total += count;
        }
        block_start.push(total);
        Layout { width, block_start }
    }

    pub fn len(&self) -> usize {
        self.block_start.last().copied().unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Lines `range` (clipped to the layout), wrapped from the blocks they are in.
    pub fn lines(&self, article: &Article, range: Range<usize>) -> Vec<Line> {
        let end = range.end.min(self.len());
        if range.start >= end {
            return Vec::new();
        }
        let first_block = self.block_of_line(range.start);
        let mut out = Vec::new();
        let mut b = first_block;
        while b < article.blocks.len() && self.block_start[b] < end {
            block_lines(article, b, self.width, &mut out);
            b += 1;
        }
        let skip = range.start - self.block_start[first_block];
        out.truncate(end - self.block_start[first_block]);
        out.drain(..skip.min(out.len()));
        out
    }

    /// Line `line`, if there is one.
    pub fn line(&self, article: &Article, line: usize) -> Option<Line> {
        self.lines(article, line..line + 1).pop()
    }

    /// The block whose lines include `line`.
    fn block_of_line(&self, line: usize) -> usize {
        let blocks = self.block_start.len().saturating_sub(1);
        self.block_start[..blocks]
            .partition_point(|&s| s <= line)
            .saturating_sub(1)
    }

    /// The first visual line of `block`.
    pub fn block_line(&self, block: usize) -> usize {
        self.block_start
            .get(block)
            .copied()
            .unwrap_or(self.len())
            .min(self.len())
    }

    /// First visual line of each section's heading, in order.
    pub fn section_lines<'a>(&'a self, article: &'a Article) -> impl Iterator<Item = usize> + 'a {
        article.sections.iter().map(|s| self.block_line(s.block))
    }

    /// The visual line that shows byte `offset` of the text, within `block`.
    pub fn line_of_offset(&self, article: &Article, block: usize, offset: usize) -> usize {
        let first = self.block_line(block);
        let mut within = Vec::new();
        if block < article.blocks.len() {
            block_lines(article, block, self.width, &mut within);
        }
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

/// Articles from this size on are counted on several threads.
const PARALLEL_BYTES: usize = 4 << 20;

/// How many lines each block of `blocks` takes at `width`.
fn line_counts(article: &Article, blocks: Range<usize>, width: usize) -> Vec<usize> {
    let mut scratch = Vec::new();
    blocks
        .map(|b| {
            scratch.clear();
            block_lines(article, b, width, &mut scratch);
            scratch.len()
        })
        .collect()
}

/// Appends the lines of block `b` at `width`: its own, then the gap after it (items of
/// one list sit together; every other block is followed by a gap).
fn block_lines(article: &Article, b: usize, width: usize, lines: &mut Vec<Line>) {
    let block = &article.blocks[b];
    let text = &article.text;
    // Below this width indentation would crowd out the text: lay out flush.
    let roomy = width >= MIN_INDENTED_WIDTH;
    let first = lines.len();
    match block.kind {
        BlockKind::Code => code_lines(text, block.range.clone(), b, lines),
        BlockKind::ListItem { depth } if roomy => {
            // Nested items step in; wrapped lines hang under the item's text.
            let indent = u16::from(depth.saturating_sub(1))
                .saturating_mul(2)
                .min(width as u16 / 2);
            let inner = width.saturating_sub(usize::from(indent) + 2).max(1);
            wrap_block(text, block.range.clone(), b, inner, lines);
            for (i, line) in lines[first..].iter_mut().enumerate() {
                line.indent = indent + if i > 0 { 2 } else { 0 };
            }
        }
        BlockKind::Quote if roomy => {
            let inner = width.saturating_sub(QUOTE_INDENT).max(1);
            wrap_block(text, block.range.clone(), b, inner, lines);
            for line in &mut lines[first..] {
                line.indent = QUOTE_INDENT as u16;
            }
        }
        _ => wrap_block(text, block.range.clone(), b, width, lines),
    }
    let in_list = |k: BlockKind| matches!(k, BlockKind::ListItem { .. });
    if let Some(next) = article.blocks.get(b + 1)
        && !(in_list(block.kind) && in_list(next.kind))
    {
        lines.push(Line {
            block: b,
            range: block.range.end..block.range.end,
            kind: LineKind::Blank,
            indent: 0,
        });
    }
}

/// Columns taken by a block quote's bar.
pub const QUOTE_INDENT: usize = 2;
/// The narrowest width at which lists and quotes are indented.
const MIN_INDENTED_WIDTH: usize = 12;

/// A code block: one visual line per source line, never wrapped.
fn code_lines(text: &str, range: Range<usize>, block: usize, lines: &mut Vec<Line>) {
    let mut start = range.start;
    for piece in text[range.clone()].split('\n') {
        lines.push(Line {
            block,
            range: start..start + piece.len(),
            kind: LineKind::Code,
            indent: 2,
        });
        start += piece.len() + 1;
    }
}

fn wrap_block(text: &str, range: Range<usize>, block: usize, width: usize, lines: &mut Vec<Line>) {
    let body = &text[range.clone()];
    let words: Vec<Word> = body
        .split_whitespace()
        .map(|w| {
            let mut word = Word::from(w);
            word.whitespace = " ";
            word
        })
        .collect();
    if words.is_empty() {
        lines.push(Line {
            block,
            range: range.start..range.start,
            kind: LineKind::Text,
            indent: 0,
        });
        return;
    }
    let words = break_words(words, width);
    let base = text.as_ptr() as usize;
    let offset = |w: &Word| w.word.as_ptr() as usize - base;
    for line in wrap_first_fit(&words, &[width as f64]) {
        let (Some(first), Some(last)) = (line.first(), line.last()) else {
            continue;
        };
        lines.push(Line {
            block,
            range: offset(first)..offset(last) + last.word.len(),
            kind: LineKind::Text,
            indent: 0,
        });
    }
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

/// Whether a block is shown as a heading (title or section).
pub fn is_heading(kind: BlockKind) -> bool {
    matches!(kind, BlockKind::Title | BlockKind::Heading { .. })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::plain;
    use crate::source::display_width;

    fn width_of(text: &str, line: &Line) -> usize {
        let words: Vec<&str> = line_pieces(text, line.range.clone())
            .map(|r| &text[r])
            .collect();
        display_width(&words.join(" "))
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
                assert_eq!(Some(layout.block_line(b)), first, "block {b}");
            }
            assert!(layout.lines(&article, all.len()..all.len() + 3).is_empty());
            assert_eq!(layout.line(&article, all.len()), None);
        }
    }

    #[test]
    fn counting_in_parts_equals_counting_at_once() {
        let article = plain::parse(crate::synth::article(60_000, 3, false), "t.txt");
        for width in [9, 50] {
            let once = Layout::counted_in_parts(&article, width, 1);
            for parts in [2, 3, 7] {
                let split = Layout::counted_in_parts(&article, width, parts);
                assert_eq!(split.block_start, once.block_start, "{parts} parts");
            }
        }
    }

    #[test]
    fn empty_article_has_no_lines() {
        let article = plain::parse(String::new(), "t.txt");
        let layout = Layout::new(&article, 10);
        assert!(layout.is_empty());
        assert_eq!(layout.line_of(Anchor::default(), &article), 0);
    }
}
