//! What a careful reader looks for: quoted phrases and named leaders. Pure functions of
//! the article; results are byte ranges over its text, never over rendered lines.

pub mod leaders;
pub mod quotes;
pub mod tokens;

use std::ops::Range;

use crate::article::Article;
use leaders::{KnownLeader, Leader};
use quotes::Quote;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Quote,
    /// Index into `Analysis::leaders`.
    Leader(usize),
}

/// One highlighted byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Highlight {
    pub range: Range<usize>,
    pub kind: Kind,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Analysis {
    pub quotes: Vec<Quote>,
    pub leaders: Vec<Leader>,
    /// Every highlight sorted by start: what the body and `--dump` draw.
    pub highlights: Vec<Highlight>,
}

/// Runs every detector over the article. `extra` leaders (from the configuration) are
/// matched like the shipped list.
pub fn analyse(article: &Article, extra: &[KnownLeader]) -> Analysis {
    let quotes = quotes::find(article);
    let list: Vec<KnownLeader>;
    let known: &[KnownLeader] = if extra.is_empty() {
        leaders::builtin()
    } else {
        list = extra.iter().chain(leaders::builtin()).cloned().collect();
        &list
    };
    let leaders = leaders::find(article, known);
    let mut highlights: Vec<Highlight> = quotes
        .iter()
        .map(|q| Highlight {
            range: q.outer.clone(),
            kind: Kind::Quote,
        })
        .chain(leaders.iter().enumerate().flat_map(|(i, l)| {
            l.mentions.iter().map(move |m| Highlight {
                range: m.clone(),
                kind: Kind::Leader(i),
            })
        }))
        .collect();
    highlights.sort_by_key(|h| (h.range.start, std::cmp::Reverse(h.range.end)));
    Analysis {
        quotes,
        leaders,
        highlights,
    }
}
