//! The article model every format parses into. Pure data: byte ranges into one text.

pub mod dateline;
pub mod plain;
pub mod title;

use std::ops::Range;

use serde::Serialize;

use crate::source;

/// Decodes and parses one article. `source` names it (a path, `-` or `seed:NAME`).
pub fn parse(bytes: &[u8], source: &str) -> Article {
    let decoded = source::decode(bytes);
    let mut article = plain::parse(decoded.text, source);
    article.warnings = decoded.warnings;
    article
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Markdown,
    Html,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// The article's title line, when the text carries one.
    Title,
    Heading {
        level: u8,
    },
    Paragraph,
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
    /// Notes from decoding, e.g. replaced invalid bytes.
    pub warnings: Vec<String>,
}

impl Article {
    pub fn block_text(&self, block: usize) -> &str {
        &self.text[self.blocks[block].range.clone()]
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

    pub fn word_count(&self) -> usize {
        self.blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Paragraph)
            .map(|b| self.text[b.range.clone()].split_whitespace().count())
            .sum()
    }
}

/// Builds the sections list from heading blocks; one place for all formats.
pub fn sections_from_blocks(text: &str, blocks: &[Block]) -> Vec<Section> {
    blocks
        .iter()
        .enumerate()
        .filter_map(|(i, b)| match b.kind {
            BlockKind::Heading { level } => Some(Section {
                title: text[b.range.clone()]
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
                level,
                block: i,
            }),
            _ => None,
        })
        .collect()
}
