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

#[derive(Debug, Clone)]
pub struct Layout {
    pub width: usize,
    pub lines: Vec<Line>,
    /// First line of each block.
    block_start: Vec<usize>,
}

impl Layout {
    /// Wraps every block at `width` columns (at least 1).
    pub fn new(article: &Article, width: usize) -> Self {
        let width = width.max(1);
        let mut lines = Vec::new();
        let mut block_start = Vec::with_capacity(article.blocks.len());
        for (b, block) in article.blocks.iter().enumerate() {
            // Items of one list sit together; every other block gets a gap.
            let in_list = |k: BlockKind| matches!(k, BlockKind::ListItem { .. });
            if b > 0 && !(in_list(block.kind) && in_list(article.blocks[b - 1].kind)) {
                let gap = article.blocks[b - 1].range.end;
                lines.push(Line {
                    block: b - 1,
                    range: gap..gap,
                    kind: LineKind::Blank,
                    indent: 0,
                });
            }
            block_start.push(lines.len());
            let text = &article.text;
            // Below this width indentation would crowd out the text: lay out flush.
            let roomy = width >= MIN_INDENTED_WIDTH;
            match block.kind {
                BlockKind::Code => code_lines(text, block.range.clone(), b, &mut lines),
                BlockKind::ListItem { depth } if roomy => {
                    // Nested items step in; wrapped lines hang under the item's text.
                    let indent = u16::from(depth.saturating_sub(1))
                        .saturating_mul(2)
                        .min(width as u16 / 2);
                    let first = lines.len();
                    wrap_block(
                        text,
                        block.range.clone(),
                        b,
                        width.saturating_sub(usize::from(indent) + 2).max(1),
                        &mut lines,
                    );
                    for (i, line) in lines[first..].iter_mut().enumerate() {
                        line.indent = indent + if i > 0 { 2 } else { 0 };
                    }
                }
                BlockKind::Quote if roomy => {
                    let first = lines.len();
                    wrap_block(
                        text,
                        block.range.clone(),
                        b,
                        width.saturating_sub(QUOTE_INDENT).max(1),
                        &mut lines,
                    );
                    for line in &mut lines[first..] {
                        line.indent = QUOTE_INDENT as u16;
                    }
                }
                _ => wrap_block(text, block.range.clone(), b, width, &mut lines),
            }
        }
        Layout {
            width,
            lines,
            block_start,
        }
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The first visual line of `block`.
    pub fn block_line(&self, block: usize) -> usize {
        self.block_start
            .get(block)
            .copied()
            .unwrap_or(self.lines.len())
    }

    /// First visual line of each section's heading, in order.
    pub fn section_lines<'a>(&'a self, article: &'a Article) -> impl Iterator<Item = usize> + 'a {
        article.sections.iter().map(|s| self.block_line(s.block))
    }

    /// The visual line that shows byte `offset` of the text, within `block`.
    pub fn line_of_offset(&self, block: usize, offset: usize) -> usize {
        let first = self.block_line(block);
        let end = self
            .block_start
            .get(block + 1)
            .copied()
            .unwrap_or(self.lines.len());
        let within = &self.lines[first.min(end)..end];
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
        (first + i).min(self.lines.len().saturating_sub(1))
    }

    pub fn line_of(&self, anchor: Anchor, article: &Article) -> usize {
        let Some(block) = article.blocks.get(anchor.block) else {
            return self.lines.len().saturating_sub(1);
        };
        self.line_of_offset(anchor.block, block.range.start + anchor.offset)
    }

    /// The anchor for the start of visual line `line`.
    pub fn anchor_of(&self, line: usize, article: &Article) -> Anchor {
        let Some(l) = self.lines.get(line) else {
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
        self.line_of_offset(article.block_at(byte), byte)
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
            for line in &layout.lines {
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
        let range = &wide.lines[line].range;
        let byte = article.blocks[anchor.block].range.start + anchor.offset;
        assert!(range.start <= byte && byte < range.end);
    }

    #[test]
    fn empty_article_has_no_lines() {
        let article = plain::parse(String::new(), "t.txt");
        let layout = Layout::new(&article, 10);
        assert!(layout.is_empty());
        assert_eq!(layout.line_of(Anchor::default(), &article), 0);
    }
}
