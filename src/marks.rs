//! Overlapping marked byte ranges (quotes, leaders, dateline, search matches) → the
//! non-overlapping segments of a line, each with the set of marks covering it.

use std::ops::Range;

/// A set of marks, one bit each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Marks(pub u16);

impl Marks {
    pub const QUOTE: Marks = Marks(1);
    pub const LEADER: Marks = Marks(2);
    pub const DATELINE: Marks = Marks(4);
    pub const MATCH: Marks = Marks(8);
    pub const CURRENT_MATCH: Marks = Marks(16);
    pub const EMPHASIS: Marks = Marks(32);
    pub const STRONG: Marks = Marks(64);
    pub const CODE: Marks = Marks(128);
    pub const LINK: Marks = Marks(256);

    pub fn contains(self, other: Marks) -> bool {
        self.0 & other.0 == other.0 && other.0 != 0
    }

    pub fn with(self, other: Marks) -> Marks {
        Marks(self.0 | other.0)
    }
}

/// Ranges sorted by start, with a running maximum of ends so that the ranges
/// overlapping any window are found without scanning from the beginning.
#[derive(Debug, Clone, Default)]
pub struct RangeIndex {
    ranges: Vec<(Range<usize>, Marks)>,
    max_end: Vec<usize>,
}

impl RangeIndex {
    pub fn new(mut ranges: Vec<(Range<usize>, Marks)>) -> Self {
        ranges.sort_by_key(|(r, _)| r.start);
        let max_end = ranges
            .iter()
            .scan(0, |m, (r, _)| {
                *m = (*m).max(r.end);
                Some(*m)
            })
            .collect();
        RangeIndex { ranges, max_end }
    }

    pub fn len(&self) -> usize {
        self.ranges.len()
    }

    /// Adds a range that starts at or after every range already in.
    pub fn push(&mut self, range: Range<usize>, marks: Marks) {
        debug_assert!(
            self.ranges
                .last()
                .is_none_or(|(r, _)| r.start <= range.start)
        );
        let max = self.max_end.last().copied().unwrap_or(0).max(range.end);
        self.ranges.push((range, marks));
        self.max_end.push(max);
    }

    pub fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }

    /// Every range overlapping `window`.
    pub fn overlapping(
        &self,
        window: Range<usize>,
    ) -> impl Iterator<Item = &(Range<usize>, Marks)> {
        let end = self.ranges.partition_point(|(r, _)| r.start < window.end);
        // The first index whose running max end reaches into the window.
        let start = self.max_end[..end].partition_point(|&m| m <= window.start);
        self.ranges[start..end]
            .iter()
            .filter(move |(r, _)| r.end > window.start)
    }
}

/// Splits `window` into segments where the set of covering marks is constant.
pub fn segments<'a>(
    window: Range<usize>,
    marks: impl Iterator<Item = &'a (Range<usize>, Marks)>,
) -> Vec<(Range<usize>, Marks)> {
    let marks: Vec<&(Range<usize>, Marks)> = marks.collect();
    let mut cuts: Vec<usize> = vec![window.start, window.end];
    for (r, _) in &marks {
        cuts.push(r.start.clamp(window.start, window.end));
        cuts.push(r.end.clamp(window.start, window.end));
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|w| {
            let set = marks
                .iter()
                .filter(|(r, _)| r.start <= w[0] && w[1] <= r.end)
                .fold(Marks::default(), |acc, (_, m)| acc.with(*m));
            (w[0]..w[1], set)
        })
        .collect()
}

/// Every highlight of an article (quotes, leader mentions, the dateline) in one index.
/// Toggles are applied when drawing, by masking, so the index is built once.
pub fn article_index(
    article: &crate::article::Article,
    analysis: &crate::analysis::Analysis,
) -> RangeIndex {
    use crate::analysis::Kind;
    let extra = usize::from(article.dateline.is_some()) + article.inline.len();
    let mut ranges = Vec::with_capacity(analysis.highlight_count() + extra);
    ranges.extend(analysis.highlights().map(|h| {
        let mark = match h.kind {
            Kind::Quote => Marks::QUOTE,
            Kind::Leader(_) => Marks::LEADER,
        };
        (h.range, mark)
    }));
    if let Some(d) = &article.dateline {
        ranges.push((d.span.clone(), Marks::DATELINE));
    }
    use crate::article::Inline;
    ranges.extend(article.inline.iter().map(|(r, style)| {
        let mark = match style {
            Inline::Emphasis => Marks::EMPHASIS,
            Inline::Strong => Marks::STRONG,
            Inline::Code => Marks::CODE,
            Inline::Link => Marks::LINK,
        };
        (r.clone(), mark)
    }));
    RangeIndex::new(ranges)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_and_overlapping_marks_split_cleanly() {
        let index = RangeIndex::new(vec![
            (0..20, Marks::QUOTE),
            (5..10, Marks::LEADER),
            (8..12, Marks::MATCH),
        ]);
        let segs = segments(4..14, index.overlapping(4..14));
        let expect = [
            (4..5, Marks::QUOTE),
            (5..8, Marks::QUOTE.with(Marks::LEADER)),
            (8..10, Marks::QUOTE.with(Marks::LEADER).with(Marks::MATCH)),
            (10..12, Marks::QUOTE.with(Marks::MATCH)),
            (12..14, Marks::QUOTE),
        ];
        assert_eq!(segs, expect);
    }

    #[test]
    fn long_range_starting_far_before_the_window_is_found() {
        let mut ranges = vec![(0..1000, Marks::QUOTE)];
        ranges.extend((1..50).map(|i| (i * 10..i * 10 + 2, Marks::LEADER)));
        let index = RangeIndex::new(ranges);
        let found: Vec<_> = index.overlapping(995..999).collect();
        assert_eq!(found.len(), 1);
        assert!(index.overlapping(1000..1010).next().is_none());
    }
}
