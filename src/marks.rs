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
    pub const DELETED: Marks = Marks(512);
    pub const MUTED: Marks = Marks(1024);

    pub fn contains(self, other: Marks) -> bool {
        self.0 & other.0 == other.0 && other.0 != 0
    }

    pub fn with(self, other: Marks) -> Marks {
        Marks(self.0 | other.0)
    }
}

/// Ranges sorted by start, with a running maximum of ends (one per chunk of ranges) so
/// that the ranges overlapping any window are found without scanning from the
/// beginning. Compact: a big article has a million highlights.
#[derive(Debug, Clone, Default)]
pub struct RangeIndex {
    ranges: Vec<Marked>,
    /// The largest end among the ranges up to the end of each chunk of `CHUNK`.
    chunk_max_end: Vec<usize>,
}

/// A marked range in 12 bytes, not the 16 a `usize` start would make it: a big article
/// has a million.
#[derive(Debug, Clone, Copy)]
struct Marked {
    /// The start's low and high 32 bits.
    start: [u32; 2],
    /// The marks in the high `MARK_BITS` bits, the length in the others: longer
    /// highlights than 2 MiB are cut there.
    len_marks: u32,
}

/// Bits for the marks in [`Marked`]: every mark fits.
const MARK_BITS: u32 = 11;
const _: () = assert!(Marks::MUTED.0 as u32 * 2 <= 1 << MARK_BITS);
const LEN_MASK: u32 = u32::MAX >> MARK_BITS;

impl Marked {
    fn new(range: Range<usize>, marks: Marks) -> Marked {
        let start = range.start as u64;
        let len = u32::try_from(range.end.saturating_sub(range.start))
            .map_or(LEN_MASK, |l| l.min(LEN_MASK));
        Marked {
            start: [start as u32, (start >> 32) as u32],
            len_marks: len | u32::from(marks.0) << (32 - MARK_BITS),
        }
    }

    fn start(&self) -> usize {
        (u64::from(self.start[1]) << 32 | u64::from(self.start[0])) as usize
    }

    fn end(&self) -> usize {
        self.start() + (self.len_marks & LEN_MASK) as usize
    }

    fn marks(&self) -> Marks {
        Marks((self.len_marks >> (32 - MARK_BITS)) as u16)
    }
}

const CHUNK: usize = 64;

/// Sorts ranges by start, in place. Many (a big article's highlights) are parted at
/// the middle one first, and the halves sorted side by side.
fn sort_by_start(marked: &mut [Marked]) {
    const HALVES: usize = 1 << 18;
    if marked.len() < HALVES {
        marked.sort_unstable_by_key(Marked::start);
        return;
    }
    let middle = marked.len() / 2;
    marked.select_nth_unstable_by_key(middle, Marked::start);
    let (head, tail) = marked.split_at_mut(middle);
    std::thread::scope(|s| {
        s.spawn(|| tail.sort_unstable_by_key(Marked::start));
        head.sort_unstable_by_key(Marked::start);
    });
}

impl RangeIndex {
    pub fn new(ranges: impl IntoIterator<Item = (Range<usize>, Marks)>) -> Self {
        Self::sorted(ranges.into_iter().map(|(r, m)| Marked::new(r, m)).collect())
    }

    fn sorted(mut marked: Vec<Marked>) -> Self {
        // Unstable: a stable sort would borrow half the index again, and the order of
        // ranges that start together does not matter.
        sort_by_start(&mut marked);
        let mut index = RangeIndex {
            chunk_max_end: Vec::with_capacity(marked.len().div_ceil(CHUNK)),
            ranges: Vec::new(),
        };
        for (i, m) in marked.iter().enumerate() {
            index.note_end(i, m.end());
        }
        index.ranges = marked;
        index
    }

    /// Keeps the running maximum for range `i` ending at `end`.
    fn note_end(&mut self, i: usize, end: usize) {
        if i.is_multiple_of(CHUNK) {
            let before = self.chunk_max_end.last().copied().unwrap_or(0);
            self.chunk_max_end.push(before.max(end));
        } else if let Some(last) = self.chunk_max_end.last_mut() {
            *last = (*last).max(end);
        }
    }

    pub fn len(&self) -> usize {
        self.ranges.len()
    }

    /// Adds a range that starts at or after every range already in.
    pub fn push(&mut self, range: Range<usize>, marks: Marks) {
        debug_assert!(self.ranges.last().is_none_or(|r| r.start() <= range.start));
        self.note_end(self.ranges.len(), range.end);
        self.ranges.push(Marked::new(range, marks));
    }

    pub fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }

    /// Every range overlapping `window`.
    pub fn overlapping(
        &self,
        window: Range<usize>,
    ) -> impl Iterator<Item = (Range<usize>, Marks)> + '_ {
        let end = self.ranges.partition_point(|r| r.start() < window.end);
        // Chunks whose running maximum stays before the window hold nothing in it.
        let chunk = self.chunk_max_end.partition_point(|&m| m <= window.start);
        let start = (chunk * CHUNK).min(end);
        self.ranges[start..end]
            .iter()
            .filter(move |r| r.end() > window.start)
            .map(|r| (r.start()..r.end(), r.marks()))
    }
}

/// Splits `window` into segments where the set of covering marks is constant.
pub fn segments(
    window: Range<usize>,
    marks: impl Iterator<Item = (Range<usize>, Marks)>,
) -> Vec<(Range<usize>, Marks)> {
    let marks: Vec<(Range<usize>, Marks)> = marks.collect();
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
    use crate::article::Inline;
    let highlights = analysis.highlights().map(|h| {
        let mark = match h.kind {
            Kind::Quote => Marks::QUOTE,
            Kind::Leader(_) => Marks::LEADER,
        };
        (h.range, mark)
    });
    let dateline = article
        .dateline
        .iter()
        .map(|d| (d.span.clone(), Marks::DATELINE));
    let inline = article.inline.iter().map(|(r, style)| {
        let mark = match style {
            Inline::Emphasis => Marks::EMPHASIS,
            Inline::Strong => Marks::STRONG,
            Inline::Code => Marks::CODE,
            Inline::Link => Marks::LINK,
            Inline::Deleted => Marks::DELETED,
            Inline::Muted => Marks::MUTED,
        };
        (r.clone(), mark)
    });
    // Straight into the index, sized exactly: a list of them first, or a vector grown
    // by doubling, would hold every range twice.
    let count = analysis.highlight_count() + article.inline.len() + 1;
    let mut marked = Vec::with_capacity(count);
    marked.extend(
        highlights
            .chain(dateline)
            .chain(inline)
            .map(|(r, m)| Marked::new(r, m)),
    );
    RangeIndex::sorted(marked)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn many_ranges_are_sorted_in_two_halves_as_one_sort_sorts_them() {
        // More than sorting at once takes, in an order that is no order.
        let starts: Vec<usize> = (0..300_000).map(|i| i * 7_919 % 300_007).collect();
        let mut marked: Vec<Marked> = starts
            .iter()
            .map(|&s| Marked::new(s..s + 3, Marks::QUOTE))
            .collect();
        sort_by_start(&mut marked);
        let mut expected = starts;
        expected.sort_unstable();
        assert!(marked.iter().map(Marked::start).eq(expected));
    }

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
    fn overlapping_equals_a_scan_of_every_range_across_many_chunks() {
        // Short ranges, a few long ones reaching over later chunks, some empty.
        let mut seed = 7u64;
        let mut next = |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((seed >> 33) % n) as usize
        };
        let ranges: Vec<(Range<usize>, Marks)> = (0..1000)
            .map(|_| {
                let start = next(10_000);
                let len = if next(50) == 0 { next(3_000) } else { next(20) };
                (start..start + len, Marks::QUOTE)
            })
            .collect();
        let index = RangeIndex::new(ranges.clone());
        for _ in 0..500 {
            let from = next(11_000);
            let window = from..from + 1 + next(40);
            let mut found: Vec<_> = index.overlapping(window.clone()).map(|(r, _)| r).collect();
            let mut expected: Vec<_> = ranges
                .iter()
                .filter(|(r, _)| r.start < window.end && r.end > window.start)
                .map(|(r, _)| r.clone())
                .collect();
            found.sort_by_key(|r| (r.start, r.end));
            expected.sort_by_key(|r| (r.start, r.end));
            assert_eq!(found, expected, "{window:?}");
        }
    }

    #[test]
    #[cfg(target_pointer_width = "64")]
    fn ranges_keep_their_starts_and_marks_and_are_cut_at_2_mib() {
        let far = (5 << 32) + 7;
        let every = Marks((1 << MARK_BITS) - 1);
        let index = RangeIndex::new(vec![
            (3..9, Marks::LINK.with(Marks::QUOTE)),
            (far..far + 4, every),
            (far + 10..far + (64 << 20), Marks::QUOTE),
        ]);
        let found: Vec<_> = index.overlapping(0..usize::MAX).collect();
        assert_eq!(
            found,
            [
                (3..9, Marks::LINK.with(Marks::QUOTE)),
                (far..far + 4, every),
                (far + 10..far + 10 + (2 << 20) - 1, Marks::QUOTE),
            ]
        );
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
