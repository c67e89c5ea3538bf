//! What a careful reader looks for: quoted phrases and named leaders. Pure functions of
//! the article; results are byte ranges over its text, never over rendered lines.

pub mod countries;
pub mod leaders;
pub mod quotes;
pub mod tokens;
pub mod unspaced;
pub mod vocabulary;

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
}

impl Analysis {
    /// Every highlight: the quotes, then each leader's mentions. Not kept as a list of
    /// its own, which would hold every range of a big article twice.
    pub fn highlights(&self) -> impl Iterator<Item = Highlight> + '_ {
        let quotes = self.quotes.iter().map(|q| Highlight {
            range: q.outer.clone(),
            kind: Kind::Quote,
        });
        let mentions = self.leaders.iter().enumerate().flat_map(|(i, l)| {
            l.mentions.iter().map(move |m| Highlight {
                range: m.clone(),
                kind: Kind::Leader(i),
            })
        });
        quotes.chain(mentions)
    }

    /// How many highlights there are.
    pub fn highlight_count(&self) -> usize {
        self.quotes.len() + self.leaders.iter().map(|l| l.mentions.len()).sum::<usize>()
    }
}

/// How many quotes and leader mentions each outline entry holds: the lead (before the
/// first section), then each section.
pub fn section_counts(article: &Article, analysis: &Analysis) -> Vec<(usize, usize)> {
    let mut counts = vec![(0, 0); article.sections.len() + 1];
    // Where each section starts: a highlight belongs to the last one starting before it.
    let starts: Vec<usize> = article
        .sections
        .iter()
        .map(|s| {
            article
                .blocks
                .get(s.block)
                .map_or(usize::MAX, |b| b.range.start)
        })
        .collect();
    let quotes = analysis.quotes.iter().map(|q| q.outer.start);
    for entry in entries_of(quotes, &starts) {
        counts[entry].0 += 1;
    }
    for leader in &analysis.leaders {
        for entry in entries_of(leader.mentions.iter().map(|m| m.start), &starts) {
            counts[entry].1 += 1;
        }
    }
    counts
}

/// The outline entry of each of `highlights` (where they start), given where the
/// sections start: the lead is 0, section `i` is `i + 1`. Highlights come in order, so
/// the entry is mostly the last one or the next; any other is searched for.
fn entries_of<'a>(
    highlights: impl Iterator<Item = usize> + 'a,
    starts: &'a [usize],
) -> impl Iterator<Item = usize> + 'a {
    let mut entry = 0;
    highlights.map(move |at| {
        let here =
            |e: usize| (e == 0 || starts[e - 1] <= at) && starts.get(e).is_none_or(|&s| s > at);
        if !here(entry) {
            entry = if entry < starts.len() && here(entry + 1) {
                entry + 1
            } else {
                starts.partition_point(|&s| s <= at)
            };
        }
        entry
    })
}

/// Runs every detector over the article. `extra` leaders (from the configuration) are
/// matched like the shipped list.
pub fn analyse(article: &Article, extra: &[KnownLeader]) -> Analysis {
    Analysis {
        quotes: quotes::find(article),
        leaders: find_leaders(article, extra),
    }
}

/// The leaders half of [`analyse`], for callers that run the halves side by side.
pub fn find_leaders(article: &Article, extra: &[KnownLeader]) -> Vec<Leader> {
    let list: Vec<KnownLeader>;
    let known: &[KnownLeader] = if extra.is_empty() {
        leaders::builtin()
    } else {
        list = extra.iter().chain(leaders::builtin()).cloned().collect();
        &list
    };
    leaders::find(article, known)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::markdown;

    proptest::proptest! {
        /// In order or not, each highlight's entry is the one a search finds.
        #[test]
        fn entries_are_found_as_a_search_finds_them(
            mut starts in proptest::collection::vec(0usize..200, 0..12),
            highlights in proptest::collection::vec(0usize..220, 0..40),
            sorted in proptest::bool::ANY,
        ) {
            starts.sort_unstable();
            let mut highlights = highlights;
            if sorted {
                highlights.sort_unstable();
            }
            let found: Vec<usize> = entries_of(highlights.iter().copied(), &starts).collect();
            let searched: Vec<usize> = highlights
                .iter()
                .map(|&at| starts.partition_point(|&s| s <= at))
                .collect();
            proptest::prop_assert_eq!(found, searched);
        }
    }

    #[test]
    fn highlights_are_counted_in_the_section_they_are_in() {
        let text = "# Title\n\nLead with “one quote” here.\n\n## First\n\n\
                    President Joe Biden said “a” and “b”.\n\nBiden left.\n\n\
                    ## Second\n\nNothing here.\n\n## Biden Returns\n\n“Last”, said Biden.\n";
        let article = markdown::parse(text, "t.md");
        let analysis = analyse(&article, &[]);
        assert_eq!(article.sections.len(), 3);
        assert_eq!(
            section_counts(&article, &analysis),
            [(1, 0), (2, 2), (0, 0), (1, 2)]
        );
    }
}
