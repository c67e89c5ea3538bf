//! Plain text → Article. Paragraphs, headings, title and dateline by heuristics that
//! hold for most prose: see the tests and `tests/fixtures/text/` for what they cover.

use std::ops::{Range, RangeInclusive};

use super::{Article, Block, BlockKind, Format, Inline, LINE_BREAK, build};
use crate::source::{self, display_width};

/// Hard-wrapped text is wrapped at a fixed measure; lines longer than this are
/// one-paragraph-per-line prose instead.
const MAX_HARD_WRAP_COLUMNS: usize = 100;
/// In hard-wrapped text, a line shorter than this share of the measure that ends a
/// sentence ends its paragraph.
const SHORT_LINE_RATIO: f32 = 0.6;
/// Lines no wider than this, broken where the next word would have fit, were broken by
/// hand — a sign-off, an address, a verse — and are kept as lines.
const KEPT_LINE_COLUMNS: usize = 40;
/// Lines no wider than this are never prose wrapped to a width (nobody wraps so
/// narrow): a contact's lines, an address, a table of contents. They are kept.
const NARROW_COLUMNS: usize = 24;
const MAX_HEADING_COLUMNS: usize = 90;
const MAX_HEADING_WORDS: usize = 14;
/// Caseless scripts pack more per column; a heading there is a short line.
const MAX_CASELESS_HEADING_COLUMNS: usize = 40;

/// Words that stay lowercase in Title Case.
const SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "en", "for", "from", "if", "in", "into", "nor",
    "of", "off", "on", "onto", "or", "over", "per", "the", "to", "up", "upon", "via", "vs", "vs.",
    "with", "within", "without", "amid", "after", "before", "about", "against", "between", "is",
    "are", "was", "be", "its", "than", "that", "out", "de", "la", "le", "von", "van", "der",
];

/// Parses `text` (already cleaned by `source`); `name` is the path or `seed:NAME`.
pub fn parse(text: String, name: &str) -> Article {
    parse_styled(text, Vec::new(), name)
}

/// [`parse`] of text that styles some of its characters itself (see
/// [`escapes`](super::escapes)): the styles stay on their characters.
pub fn parse_styled(text: String, mut own: Vec<(Range<usize>, Inline)>, name: &str) -> Article {
    let mut units = units_of(&text, PARALLEL_BYTES);
    labels_over_headlines(&text, &mut units);
    levels_of_parts(&text, &mut units);
    sections_over_their_subsections(&text, &mut units);
    let mut blocks = Vec::with_capacity(units.len());
    let mut previous_rejected_plain = false;
    for (i, unit) in units.iter().enumerate() {
        source::prefetch(
            &text,
            units.get(i + source::PREFETCH_AHEAD).map(|u| u.range.start),
        );
        let next_is_body = units.get(i + 1).is_some_and(|u| u.candidate.is_none());
        let next_exists = i + 1 < units.len();
        // Its own marker (`* `, `1. `, `a) `) starts an item's text.
        let item = || {
            let text = &text[unit.range.clone()];
            is_list_item(text) || numbered_item(text)
        };
        let kind = match unit.candidate {
            _ if let Some(kind) = unit.kind => kind,
            _ if unit.quote_depth == 0 && passage_break(&text, unit.range.clone()) => {
                BlockKind::Break
            }
            _ if unit.quote_depth > 0 && item() => BlockKind::ListItem {
                depth: 1,
                quote: unit.quote_depth,
            },
            _ if unit.quote_depth > 0 => BlockKind::quote(usize::from(unit.quote_depth)),
            Some(Candidate {
                level,
                explicit: true,
            }) if next_exists || i > 0 => BlockKind::Heading { level },
            Some(Candidate {
                level,
                explicit: false,
            }) if next_is_body && !previous_rejected_plain => BlockKind::Heading { level },
            _ if item() => BlockKind::ListItem { depth: 1, quote: 0 },
            _ => BlockKind::Paragraph,
        };
        previous_rejected_plain = unit.candidate.is_some_and(|c| !c.explicit)
            && !matches!(kind, BlockKind::Heading { .. })
            && i > 0;
        blocks.push(Block {
            kind,
            range: unit.range.clone(),
        });
    }

    numbered_sections_in_turn(&text, &units, &mut blocks);
    sentence_case_headings(&text, &units, &mut blocks);
    let contents = contents_headings(&text, &mut blocks);
    numbered_paragraphs_apart(&text, &mut blocks);
    literal_block_openers(&text, &mut blocks);
    let text = without_quote_markers(text, &blocks);

    // A press release opens with `FOR IMMEDIATE RELEASE`: a note, not its title.
    let release = blocks
        .first()
        .is_some_and(|b| release_note(&text[b.range.clone()]));
    if release {
        blocks[0].kind = BlockKind::Paragraph;
    }
    // The first line (past that note) is the title when it reads like one and text
    // follows it; past the name of the page's section (`World`, `Business`) over a
    // headline and its credits, which a copy of a news page starts with.
    let mut first = usize::from(release);
    // Past a header in columns (an RFC's authors and dates).
    while units
        .get(first)
        .is_some_and(|u| matches!(u.kind, Some(BlockKind::Code(_) | BlockKind::Table(_))))
    {
        first += 1;
    }
    let block_text = |b: usize| &text[blocks[b].range.clone()];
    if blocks.len() > first + 2
        && kicker(block_text(first))
        && headline_like(block_text(first + 1))
        && (build::is_byline(block_text(first + 2)) || stamped(block_text(first + 2)))
    {
        blocks[first].kind = BlockKind::Paragraph;
        first += 1;
    }
    let title_line = match blocks.get(first) {
        Some(block) if blocks.len() > first + 1 => {
            let is_heading = matches!(block.kind, BlockKind::Heading { .. });
            let plain_like = units[first].candidate.is_some();
            let first_line = &text[units[first].range.clone()];
            let headline = headline_like(first_line)
                || bylined_headline(first_line, &text[blocks[first + 1].range.clone()]);
            let quoted = units[first].quote_depth > 0 || units[first].kind.is_some();
            (!quoted && (is_heading || plain_like || headline)).then_some(first)
        }
        _ => None,
    };
    if let Some(i) = title_line {
        blocks[i].kind = BlockKind::Title;
    }
    // A table of contents is a line a section, however long its lines.
    let listed = |b: usize| contents.as_ref().is_some_and(|c| c.contains(&b));
    let kept: Vec<usize> = (0..blocks.len())
        .filter(|&b| (units[b].lines_kept || listed(b)) && !blocks[b].kind.is_heading())
        .filter(|&b| units[b].kind.is_none())
        .collect();
    let (text, line_breaks) = with_line_breaks(text, &mut blocks, &kept, &mut own);
    let mut article = build::finish(text, blocks, name, Format::Text, None);
    article.line_breaks = line_breaks;
    article.inline = styles(&article.text, &article.blocks);
    // Styling only spaces that a line break took, a style is left with nothing.
    own.retain(|(range, _)| !range.is_empty());
    article.inline.append(&mut own);
    article
}

/// The styles plain text shows of itself: a term over its definition strong, a
/// speaker's label opening a paragraph
/// (`BIDEN:`, `Q:`, and in a dialogue `Moderator:`) strong, as a transcript's or an
/// interview's are set, muted the lines a copied web page keeps (`Advertisement`,
/// `Share`) and its table of contents, which the outline shows, and words marked as
/// plain text marks them (see [`emphasis`]).
fn styles(text: &str, blocks: &[Block]) -> Vec<(Range<usize>, Inline)> {
    let mut styles = emphasis(text, blocks);
    if let Some(Contents { label, last, .. }) = contents(text, blocks) {
        let muted = blocks[label].range.start..blocks[last].range.end;
        styles.push((muted, Inline::Muted));
    }
    // Labels in Title Case: the block, and the label's length.
    let mut title_case = Vec::new();
    for (b, block) in blocks.iter().enumerate() {
        source::prefetch(
            text,
            blocks
                .get(b + source::PREFETCH_AHEAD)
                .map(|b| b.range.start),
        );
        if block.kind == BlockKind::Term {
            styles.push((block.range.clone(), Inline::Strong));
        }
        if block.kind != BlockKind::Paragraph {
            continue;
        }
        let body = &text[block.range.clone()];
        // reStructuredText's markup: a directive (`.. note::`), a comment, a target, a
        // literal block's `::` alone.
        let markup = body.starts_with(".. ") || body == "::";
        if markup || body.len() <= MAX_PAGE_LINE_BYTES && page_line(body) || printed_page_line(body)
        {
            styles.push((block.range.clone(), Inline::Muted));
        } else if let Some(label) = speaker_label(body) {
            styles.push((block.range.start..block.range.start + label, Inline::Strong));
        } else if let Some(label) = title_case_label(body) {
            title_case.push((b, label));
        }
    }
    styles.extend(
        dialogue(text, blocks, &title_case)
            .into_iter()
            .map(|(b, label)| {
                let start = blocks[b].range.start;
                (start..start + label, Inline::Strong)
            }),
    );
    styles
}

/// The longest text between emphasis marks, in bytes: a phrase, not a passage.
const MAX_EMPHASIS_BYTES: usize = 200;

/// Words between marks as plain text writes emphasis: `*bold*` and `**bold**` strong,
/// `_underlined_` (as a book's italics are kept) in italics, and code between
/// backticks (`` `make` ``, reStructuredText's ``` ``make`` ```) as code; the marks stay,
/// dimmed. A mark opens only before a word (code: anything but a space) and after a
/// space or an opening bracket or quote, and closes only after a word and before a
/// space or punctuation, so that `snake_case_words`, `2*3*4` and a list's `* ` are no
/// emphasis.
fn emphasis(text: &str, blocks: &[Block]) -> Vec<(Range<usize>, Inline)> {
    let mut styles = Vec::new();
    let bytes = text.as_bytes();
    let opens_after = |c: char| c.is_whitespace() || "([{\"'“‘«".contains(c);
    let closes_before = |c: char| c.is_whitespace() || ".,;:!?)]}\"'”’»…-–—".contains(c);
    for block in blocks
        .iter()
        .filter(|b| !matches!(b.kind, BlockKind::Code(_)))
    {
        let range = block.range.clone();
        let mut from = range.start;
        while let Some(found) = memchr::memchr3(b'*', b'_', b'`', &bytes[from..range.end]) {
            let open = from + found;
            let mark = bytes[open];
            // Code may start and end with any mark (`--help`, `x.y()`).
            let code = mark == b'`';
            let starts_word = |c: char| !closes_before(c) || code && !c.is_whitespace();
            let marks = bytes[open..range.end]
                .iter()
                .take_while(|&&b| b == mark)
                .count();
            from = open + marks;
            let inner = open + marks;
            let before = text[range.start..open].chars().next_back();
            let first = text[inner..range.end].chars().next();
            if marks > 2
                || before.is_some_and(|c| !opens_after(c))
                || !first.is_some_and(starts_word)
            {
                continue;
            }
            // The same marks closing it, within reach.
            let reach = text.floor_char_boundary(range.end.min(inner + MAX_EMPHASIS_BYTES));
            let closing = &text[open..inner];
            let within = text[inner..reach].match_indices(closing);
            let close = within.map(|(at, _)| inner + at).find(|&at| {
                let last = text[..at].chars().next_back();
                let after = text[at + marks..range.end].chars().next();
                // A run of marks exactly as long as the opening one.
                let run = bytes[at - 1] != mark;
                run && last.is_some_and(|c| !opens_after(c)) && after.is_none_or(closes_before)
            });
            let Some(close) = close.filter(|&at| text[inner..at].contains(char::is_alphanumeric))
            else {
                continue;
            };
            let style = match (mark, marks) {
                (b'`', _) => Inline::Code,
                (b'_', 1) => Inline::Emphasis,
                _ => Inline::Strong,
            };
            styles.push((open..inner, Inline::Muted));
            styles.push((inner..close, style));
            styles.push((close..close + marks, Inline::Muted));
            from = close + marks;
        }
    }
    styles
}

/// The most words of a speaker's label in Title Case (`Sen. Elizabeth Warren:`).
const MAX_LABEL_WORDS: usize = 4;
/// Answers from one speaker to another a dialogue has at least.
const MIN_TURNS: usize = 2;

/// The length of the label in Title Case that opens `paragraph`, if one may: a few
/// words, capitalised at both ends (a name's particles may stand between: `Ana de
/// Souza`), ended by a colon and a space (`Moderator: Welcome.`, `Joe Biden: Thank
/// you.`). Many things are written so (`Photo: Reuters`): see [`dialogue`].
fn title_case_label(paragraph: &str) -> Option<usize> {
    let first = *paragraph.as_bytes().first()?;
    if !(first.is_ascii_uppercase() || first >= 0x80 && paragraph.starts_with(char::is_uppercase)) {
        return None;
    }
    let head = &paragraph.as_bytes()[..paragraph.len().min(MAX_LABEL_BYTES)];
    let colon = memchr::memchr(b':', head)?;
    if paragraph.as_bytes().get(colon + 1) != Some(&b' ') {
        return None;
    }
    let label = &paragraph[..colon];
    let capitalised = |w: Option<&str>| w.is_some_and(|w| w.starts_with(char::is_uppercase));
    let labelled = label.split(' ').count() <= MAX_LABEL_WORDS
        && capitalised(label.split(' ').next())
        && capitalised(label.split(' ').next_back())
        // No time (`At 10:`), no marks but a name's (`Sen.`, `O'Hara-Lee`).
        && !label.contains(|c: char| {
            c.is_ascii_digit() || c.is_ascii_punctuation() && !matches!(c, '.' | '\'' | '-')
        });
    labelled.then_some(colon + 1)
}

/// The `candidates` (block, label length) that are speakers' labels in a dialogue:
/// of speakers who speak more than once, answering one another in paragraphs one after
/// the other, and of one who speaks once between two of them. A caption or a note
/// (`Photo: Reuters`, `Note: …`) is seldom both answered and answering. Only an
/// article with a few such turns is taken for a dialogue.
fn dialogue(text: &str, blocks: &[Block], candidates: &[(usize, usize)]) -> Vec<(usize, usize)> {
    use std::collections::{HashMap, HashSet};
    let label = |k: usize| {
        let (b, len) = candidates[k];
        &text[blocks[b].range.start..][..len]
    };
    let mut said: HashMap<&str, usize> = HashMap::new();
    for k in 0..candidates.len() {
        *said.entry(label(k)).or_default() += 1;
    }
    let again = |k: usize| said.get(label(k)).is_some_and(|&n| n > 1);
    // Whether candidate `k` follows candidate `k - 1` at once, with another label.
    let turn = |k: usize| candidates[k].0 == candidates[k - 1].0 + 1 && label(k) != label(k - 1);
    let mut speakers = HashSet::new();
    let mut turns = 0;
    for k in 1..candidates.len() {
        if turn(k) && again(k - 1) && again(k) {
            speakers.extend([label(k - 1), label(k)]);
            turns += 1;
        }
    }
    if turns < MIN_TURNS {
        return Vec::new();
    }
    for k in 1..candidates.len().saturating_sub(1) {
        if !again(k) && turn(k) && turn(k + 1) && again(k - 1) && again(k + 1) {
            speakers.insert(label(k));
        }
    }
    (0..candidates.len())
        .filter(|&k| speakers.contains(label(k)))
        .map(|k| candidates[k])
        .collect()
}

/// The longest line taken for one a web page puts between paragraphs.
const MAX_PAGE_LINE_BYTES: usize = 60;
/// The longest speaker's label (`PRIME MINISTER KEIR STARMER:`).
const MAX_LABEL_BYTES: usize = 40;

/// The length of the speaker's label that opens `paragraph`, if one does: words in
/// capitals ended by a colon and a space (`BIDEN: Thank you.`, `Q: Why now?`).
fn speaker_label(paragraph: &str) -> Option<usize> {
    let bytes = paragraph.as_bytes();
    // Most paragraphs go on in lowercase after their first letter: told at once.
    if !bytes.first()?.is_ascii_uppercase()
        || !matches!(bytes.get(1)?, b'A'..=b'Z' | b':' | b'.' | 0x80..)
    {
        return None;
    }
    let colon = bytes
        .iter()
        .take(MAX_LABEL_BYTES)
        .position(|&b| b == b':')?;
    let label = &paragraph[..colon];
    let capitals = label
        .chars()
        .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '’' | '-'));
    (capitals && bytes.get(colon + 1) == Some(&b' ')).then_some(colon + 1)
}

/// `text` with the line ends within `kept` blocks (and the spaces around them) made
/// [`LINE_BREAK`]s, and every block's and style's range moved to match; whether there
/// were any.
fn with_line_breaks(
    text: String,
    blocks: &mut [Block],
    kept: &[usize],
    styles: &mut [(Range<usize>, Inline)],
) -> (String, bool) {
    let mut breaks = Vec::new();
    for &b in kept {
        let range = blocks[b].range.clone();
        let bytes = &text.as_bytes()[range.clone()];
        for newline in memchr::memchr_iter(b'\n', bytes).map(|i| range.start + i) {
            let blank = |b: &u8| matches!(b, b' ' | b'\t');
            let before = text.as_bytes()[..newline]
                .iter()
                .rev()
                .take_while(|b| blank(b));
            let after = text.as_bytes()[newline + 1..]
                .iter()
                .take_while(|b| blank(b));
            breaks.push(newline - before.count()..newline + 1 + after.count());
        }
    }
    if breaks.is_empty() {
        return (text, false);
    }
    let mut out = String::with_capacity(text.len() + breaks.len() * LINE_BREAK.len_utf8());
    let mut at = 0;
    for gap in &breaks {
        out.push_str(&text[at..gap.start]);
        out.push(LINE_BREAK);
        at = gap.end;
    }
    out.push_str(&text[at..]);
    // Where a byte is in `out`: moved by the breaks before it, or to before its break
    // when it is one of the spaces a break took. (A block never ends inside a break.)
    let removed: Vec<usize> = std::iter::once(0)
        .chain(breaks.iter().scan(0, |sum, gap| {
            *sum += gap.len();
            Some(*sum)
        }))
        .collect();
    let moved = |byte: usize| {
        let passed = breaks.partition_point(|gap| gap.end <= byte);
        let byte = breaks.get(passed).map_or(byte, |gap| byte.min(gap.start));
        byte + passed * LINE_BREAK.len_utf8() - removed[passed]
    };
    for range in blocks
        .iter_mut()
        .map(|b| &mut b.range)
        .chain(styles.iter_mut().map(|(r, _)| r))
    {
        *range = moved(range.start)..moved(range.end);
    }
    (out, true)
}

/// An article given as fields (a JSON post, an email) with a plain-text body: its
/// title and credit line head the text, as a text file's first lines do.
pub fn parse_fields(
    title: Option<&str>,
    credit: Option<&str>,
    body: String,
    name: &str,
) -> Article {
    // Not twice, when the body opens with its byline already.
    let opening = body.trim_start().split("\n\n").next().unwrap_or_default();
    let body = match credit {
        Some(credit) if !build::is_byline(opening) => format!("{credit}\n\n{body}"),
        _ => body,
    };
    let body = match title {
        Some(t) if !t.is_empty() && !body.trim_start().starts_with(t) => format!("{t}\n\n{body}"),
        _ => body,
    };
    parse(crate::source::clean(&body).into_owned(), name)
}

#[cfg(test)]
use build::collapse;

/// One source line: its trimmed byte range, past any quote markers (see
/// [`quote_depth`]). No more: a big text has millions.
struct Line {
    range: Range<usize>,
    /// The spaces before it.
    indent: usize,
}

/// Texts this long are cut in two at a blank line, and their halves read side by side.
const PARALLEL_BYTES: usize = 4 << 20;

/// The units of `text`: of its two halves on two threads when it is at least `parallel`
/// long. A blank line ends every unit, and one before prose at the margin leaves no
/// prose set in before it to measure code against (see [`units`]), so the halves' units
/// are the whole's.
fn units_of(text: &str, parallel: usize) -> Vec<Unit> {
    let half = text.len() / 2;
    let cut = (text.len() >= parallel)
        .then(|| {
            memchr::memmem::find_iter(&text.as_bytes()[half..], b"\n\n")
                .map(|at| half + at + 2)
                .find(|&at| prose_at_margin(text, at))
        })
        .flatten();
    let Some(cut) = cut else {
        return units(text, &split_lines(text, 0..text.len()));
    };
    let (mut head, tail) = std::thread::scope(|s| {
        let tail = s.spawn(|| units(text, &split_lines(text, cut..text.len())));
        let head = units(text, &split_lines(text, 0..cut));
        (head, tail.join())
    });
    head.extend(tail.unwrap_or_else(|panic| std::panic::resume_unwind(panic)));
    head
}

/// Whether the lines from `at` to the next blank one are prose at the margin, after
/// which how far in the prose was before does not matter (see [`units`]).
fn prose_at_margin(text: &str, at: usize) -> bool {
    let end = memchr::memmem::find(&text.as_bytes()[at..], b"\n\n").map_or(text.len(), |e| at + e);
    let group = split_lines(text, at..end);
    let margin =
        |l: &Line| l.indent == 0 && !l.range.is_empty() && quote_depth(text, l.range.start) == 0;
    group.iter().all(margin) && layout_of(text, &group, false) == Layout::Prose
}

/// The lines of `text[range]`, as ranges of `text`.
fn split_lines(text: &str, range: Range<usize>) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = range.start;
    let ends = memchr::memchr_iter(b'\n', &text.as_bytes()[range.clone()]).map(|i| range.start + i);
    for end in ends.chain([range.end]) {
        let piece = &text[start..end];
        let mut trimmed = piece.trim();
        while let Some(rest) = trimmed.strip_prefix('>') {
            trimmed = rest.trim_start();
        }
        // What is left ends where the trimmed line ends.
        let s = start + piece.trim_end().len() - trimmed.len();
        lines.push(Line {
            range: s..s + trimmed.len(),
            indent: piece.len() - piece.trim_start_matches(' ').len(),
        });
        start = end + 1;
    }
    lines
}

/// How many `>` mark the line whose text starts at `start` as quoted, as an email
/// quotes the letter it answers: they stand between the line's start and its text.
fn quote_depth(text: &str, start: usize) -> u8 {
    let before = &text.as_bytes()[..start];
    // Most lines start at their first byte.
    if before.last().is_none_or(|&b| b == b'\n') {
        return 0;
    }
    let line_start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
    let markers = before[line_start..].iter().filter(|&&b| b == b'>').count();
    u8::try_from(markers).unwrap_or(u8::MAX)
}

/// A paragraph or heading candidate before the decision that needs its neighbours.
#[derive(Debug, PartialEq)]
struct Unit {
    range: Range<usize>,
    candidate: Option<Candidate>,
    /// How deep it is quoted with `>`: a quoted one is never a heading.
    quote_depth: u8,
    /// Its lines were broken by hand and are kept (see [`KEPT_LINE_COLUMNS`]).
    lines_kept: bool,
    /// A label a headline may stand under: a time of day alone, a live blog entry's
    /// (see [`is_time`]), or a book's chapter (see [`part_label`]).
    label: bool,
    /// Its kind, when the layout of its lines decides it: code, a table (see
    /// [`layout_of`]), a term or its definition (see [`term_over`]).
    kind: Option<BlockKind>,
}

impl Unit {
    /// A heading the text marks as one (`#`, underlined, a live blog's time).
    fn heading(range: Range<usize>, level: u8, quote_depth: u8) -> Unit {
        Unit {
            range,
            candidate: Some(Candidate {
                level,
                explicit: true,
            }),
            quote_depth,
            lines_kept: false,
            label: false,
            kind: None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Candidate {
    level: u8,
    /// `#`, underlined or numbered: the author said it is a heading.
    explicit: bool,
}

fn units(text: &str, lines: &[Line]) -> Vec<Unit> {
    let mut units = Vec::new();
    // How far in the prose so far is: lines laid out by hand are set in further.
    let mut prose_indent = 0;
    // The unit of a lone line at the margin that may head what follows: it does when
    // prose set in follows it, as a memo's `Abstract` heads its text.
    let mut heading_over: Option<usize> = None;
    let mut i = 0;
    while i < lines.len() {
        if lines[i].range.is_empty() {
            i += 1;
            continue;
        }
        // A group also ends where quoting starts, stops or goes deeper.
        let depth = quote_depth(text, lines[i].range.start);
        let group_end = (i + 1..lines.len())
            .find(|&j| {
                lines[j].range.is_empty() || quote_depth(text, lines[j].range.start) != depth
            })
            .unwrap_or(lines.len());
        let group = &lines[i..group_end];
        let indent = group.iter().map(|l| l.indent).min().unwrap_or(0);
        // Most text: at the margin as the prose is, with no spaces aligning columns.
        let plain = indent == 0
            && prose_indent == 0
            && (group.len() == 1 || {
                let bytes =
                    &text.as_bytes()[group[0].range.start..group[group.len() - 1].range.end];
                memchr::memmem::find(bytes, b"  ").is_none()
            });
        if depth == 0 && !plain {
            let set_in = indent >= prose_indent + MIN_CODE_STEP;
            let layout = layout_of(text, group, set_in);
            let kind = match layout {
                Layout::Code => Some(BlockKind::CODE),
                Layout::Columns => Some(BlockKind::TABLE),
                Layout::Prose | Layout::Apart => None,
            };
            if kind.is_some() {
                // From the first line's start: its lines keep their indentation, which
                // the layout shows less what they share.
                let before = &text.as_bytes()[..group[0].range.start];
                let start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
                units.push(Unit {
                    range: start..group[group.len() - 1].range.end,
                    candidate: None,
                    quote_depth: 0,
                    lines_kept: false,
                    label: false,
                    kind,
                });
                heading_over = None;
                i = group_end;
                continue;
            }
            if term_over(text, group) {
                let last = group[group.len() - 1].range.end;
                for (range, kind) in [
                    (group[0].range.clone(), BlockKind::Term),
                    (group[1].range.start..last, BlockKind::Definition),
                ] {
                    units.push(Unit {
                        range,
                        candidate: None,
                        quote_depth: 0,
                        lines_kept: false,
                        label: false,
                        kind: Some(kind),
                    });
                }
                heading_over = None;
                i = group_end;
                continue;
            }
            if layout == Layout::Prose {
                prose_indent = indent;
                if let Some(heading) = heading_over.filter(|_| indent >= MIN_CODE_STEP)
                    && let Some(candidate) = &mut units[heading].candidate
                {
                    candidate.explicit = true;
                }
            }
        }
        let first = units.len();
        group_units(text, group, depth, &mut units);
        let lone = depth == 0 && indent == 0 && group.len() == 1 && units.len() == first + 1;
        heading_over = lone.then_some(first);
        i = group_end;
    }
    units
}

/// Splits a run of non-blank lines into units; quoted ones (`quote_depth` above 0)
/// are paragraphs of a quote.
/// How much further in than the prose lines laid out by hand are at least.
const MIN_CODE_STEP: usize = 2;

/// How a group of lines is laid out, as far as its indentation matters.
#[derive(Debug, PartialEq)]
enum Layout {
    /// Prose (or a list, a verse, an address): how far in it is, is how far in the
    /// prose is.
    Prose,
    /// A line apart — a heading, a printed page's footer — which says nothing of how
    /// far in the prose is.
    Apart,
    /// Code, a command to type, a figure drawn in characters, set in further than the
    /// prose: shown line by line as it is, and not read for quotes and names.
    Code,
    /// Columns aligned with spaces (a table, a document's header): shown line by line
    /// as it is, and read like prose.
    Columns,
}

/// How `group` is laid out, `set_in` further than the prose or not. Code is set in
/// and has code's marks (but is no sentences from a capital on), or no sentence and no
/// capital starting a line (`make install`; an address set in is prose).
fn layout_of(text: &str, group: &[Line], set_in: bool) -> Layout {
    let line = |l: &Line| &text[l.range.clone()];
    let first = line(&group[0]);
    // A heading (`4.  References`), or a printed page's footer and the next one's
    // header, dimmed as they are.
    let heading = group.len() == 1 && (heading_candidate(first).is_some() || part_label(first));
    if heading
        || group
            .iter()
            .any(|l| page_footer(line(l)) || line(l).starts_with('␌'))
    {
        return Layout::Apart;
    }
    // A list, or a table of contents: each line a part's or a numbered section's.
    let entry = |l: &Line| {
        let s = line(l);
        numbered_prefix(s).is_some() || part_label(s.split("  ").next().unwrap_or(s))
    };
    if is_list_item(first) || numbered_item(first) || group.iter().all(entry) {
        return Layout::Prose;
    }
    // Not a colon's end: code's (`def area(r):`) as often as prose's.
    let sentence = || {
        group.iter().any(|l| {
            let s = line(l);
            ends_sentence(s) && !s.ends_with(':') || s.contains(". ")
        })
    };
    // Sentences from a capital on: prose, even with a brace or a `|` in it.
    let prose = || first.starts_with(char::is_uppercase) && sentence();
    if set_in && group.iter().any(|l| code_marks(line(l))) && !prose() {
        return Layout::Code;
    }
    let aligned = group.iter().filter(|l| aligned(line(l))).count();
    // Some lines may have only a column further right (a header's date); at the
    // margin, one such line is no table.
    if aligned * 3 >= group.len() * 2 && (aligned >= 2 || set_in && aligned == 1) {
        return Layout::Columns;
    }
    let capital = || {
        group
            .iter()
            .any(|l| line(l).starts_with(char::is_uppercase))
    };
    match set_in && !sentence() && !capital() {
        true => Layout::Code,
        false => Layout::Prose,
    }
}

/// The widest term a definition set in under it may have.
const MAX_TERM_COLUMNS: usize = 40;

/// Whether `group` (prose) is a term over its definition set in under it, as a
/// glossary or a program's documentation writes one: a short line that ends no
/// sentence and is not in capitals (a section's name, as a manual page sets it over
/// its text), then lines further in; none of them a list's item (`What we asked for:`
/// over a list is the list's lead).
fn term_over(text: &str, group: &[Line]) -> bool {
    let line = |l: &Line| &text[l.range.clone()];
    let item = |l: &Line| is_list_item(line(l)) || numbered_item(line(l));
    let term = line(&group[0]);
    group.len() > 1
        && group[1..]
            .iter()
            .all(|l| l.indent >= group[0].indent + MIN_CODE_STEP)
        && display_width(term) <= MAX_TERM_COLUMNS
        && term.contains(char::is_lowercase)
        && (!ends_sentence(term) || term.ends_with(':'))
        && !group.iter().any(item)
}

/// Whether `line` has the marks of code or of a figure drawn in characters: a prompt
/// or a comment at its start, or operators, braces, a box's corners and sides, an
/// option (`--prefix=`) anywhere.
fn code_marks(line: &str) -> bool {
    const MARKS: &[&str] = &[
        "{", "}", "();", "=", "->", "<-", "::", "|", "+-", "-+", "</", "/>", "\\", "&&",
    ];
    let option = line
        .match_indices("--")
        .any(|(at, _)| line[at + 2..].starts_with(|c: char| c.is_ascii_alphabetic()));
    ["$ ", "% ", "# ", "//", "#!"]
        .iter()
        .any(|p| line.starts_with(p))
        || option
        || MARKS.iter().any(|m| line.contains(m))
}

/// Whether `line` aligns columns with spaces: a run of two or more inside it that
/// follows no sentence (typewritten text puts two spaces after a full stop, and after
/// the bracket or quote closing it).
fn aligned(line: &str) -> bool {
    line.match_indices("  ").any(|(at, _)| {
        !line[..at]
            .trim_end_matches([')', ']', '"', '\'', '”', '’'])
            .ends_with(['.', '!', '?', ':', ';', ','])
    })
}

fn group_units(text: &str, group: &[Line], quote_depth: u8, units: &mut Vec<Unit>) {
    let quoted = quote_depth > 0;
    // Widths matter only between lines: a one-line group (a paragraph on one line, the
    // common case) is not measured.
    let widths: Vec<usize> = if group.len() > 1 {
        group
            .iter()
            .map(|l| display_width(&text[l.range.clone()]))
            .collect()
    } else {
        vec![0]
    };
    let measure = widths.iter().copied().max().unwrap_or(0);
    let hard_wrapped = group.len() > 1 && measure <= MAX_HARD_WRAP_COLUMNS;
    // Wrapped to a width, a line ends where the next word had no room, or — wrapped
    // to even lengths (`fmt`) — mostly before a lowercase word going on with the
    // sentence. Broken by hand, every line with room ends before a line of its own:
    // a name, a number (a sign-off's, an address's). A sign-off (`Kind regards,`)
    // needs no room: it ends before a name.
    let own_line = |line: &Line| !text[line.range.clone()].starts_with(char::is_lowercase);
    let mut with_room = group.windows(2).zip(&widths).filter(|(pair, width)| {
        let next = &text[pair[1].range.clone()];
        *width + 1 + display_width(next.split(' ').next().unwrap_or(next)) <= measure
    });
    let first = &text[group[0].range.clone()];
    let signed_off = first.ends_with(',') && group[1..].iter().all(own_line);
    // A byline over when the story was published and updated, a line each.
    let credits = build::is_byline(first) && group[1..].iter().all(own_line);
    let by_hand = hard_wrapped
        && (credits
            || measure <= NARROW_COLUMNS
            || measure <= KEPT_LINE_COLUMNS
                && (signed_off
                    || with_room.clone().next().is_some()
                        && with_room.all(|(pair, _)| own_line(&pair[1]))));
    let first_unit = units.len();
    let mut paragraph: Option<Range<usize>> = None;
    let mut i = 0;
    while i < group.len() {
        let line = &group[i];
        let s = &text[line.range.clone()];
        // A title over- and underlined, as reStructuredText sets one.
        let overlined = || {
            (group.get(i + 2)).is_some_and(|l| underline_level(&text[l.range.clone()]).is_some())
        };
        if !quoted && underline_level(s).is_some() && overlined() {
            flush(&mut paragraph, quote_depth, units);
            units.push(Unit::heading(group[i + 1].range.clone(), 1, quote_depth));
            i += 3;
            continue;
        }
        if !quoted
            && let Some(level) = group
                .get(i + 1)
                .and_then(|next| underline_level(&text[next.range.clone()]))
            && widths[i] <= MAX_HEADING_COLUMNS
        {
            flush(&mut paragraph, quote_depth, units);
            units.push(Unit::heading(line.range.clone(), level, quote_depth));
            i += 2;
            continue;
        }
        if let Some((level, skip)) = atx_heading(s).filter(|_| !quoted) {
            flush(&mut paragraph, quote_depth, units);
            units.push(Unit::heading(
                line.range.start + skip..line.range.end,
                level,
                quote_depth,
            ));
            i += 1;
            continue;
        }
        // A live blog's entry: its time over its headline, one heading.
        if !quoted
            && is_time(s)
            && let Some(next) = group.get(i + 1)
            && short_and_unfinished(&text[next.range.clone()])
        {
            flush(&mut paragraph, quote_depth, units);
            units.push(Unit::heading(
                line.range.start..next.range.end,
                1,
                quote_depth,
            ));
            i += 2;
            continue;
        }
        // In wrapped text only a line that starts a paragraph can be a heading.
        let starts_paragraph = paragraph.is_none() || !hard_wrapped;
        // A chapter's number, not the first of a list of them (a table of contents):
        // the name under it joins it later (see [`labels_over_headlines`]).
        if starts_paragraph
            && !quoted
            && part_label(s)
            && !group
                .get(i + 1)
                .is_some_and(|next| part_label(&text[next.range.clone()]))
        {
            flush(&mut paragraph, quote_depth, units);
            units.push(Unit {
                range: line.range.clone(),
                candidate: Some(Candidate {
                    level: 1,
                    explicit: true,
                }),
                quote_depth,
                lines_kept: false,
                kind: None,
                label: true,
            });
            i += 1;
            continue;
        }
        if starts_paragraph
            && !quoted
            && !by_hand
            && let Some(candidate) = heading_candidate(s)
        {
            flush(&mut paragraph, quote_depth, units);
            units.push(Unit {
                range: line.range.clone(),
                candidate: Some(candidate),
                quote_depth,
                lines_kept: false,
                kind: None,
                label: is_time(s),
            });
            i += 1;
            continue;
        }
        // A line of its own: one paragraph a line, or in a wrapped group a line a page
        // puts between paragraphs (`Share` over `Save`).
        if !hard_wrapped || page_line(s) {
            flush(&mut paragraph, quote_depth, units);
            units.push(Unit {
                range: line.range.clone(),
                candidate: None,
                quote_depth,
                lines_kept: false,
                kind: None,
                label: false,
            });
            i += 1;
            continue;
        }
        if paragraph.is_some() && (is_list_item(s) || numbered_item(s)) {
            flush(&mut paragraph, quote_depth, units);
        }
        paragraph = Some(match paragraph.take() {
            Some(p) => p.start..line.range.end,
            None => line.range.clone(),
        });
        let short = (widths[i] as f32) < measure as f32 * SHORT_LINE_RATIO;
        if short && ends_sentence(s) && !by_hand {
            flush(&mut paragraph, quote_depth, units);
        }
        i += 1;
    }
    flush(&mut paragraph, quote_depth, units);
    if by_hand {
        for unit in units[first_unit..].iter_mut() {
            unit.lines_kept = unit.candidate.is_none();
        }
    }
}

fn flush(paragraph: &mut Option<Range<usize>>, quote_depth: u8, units: &mut Vec<Unit>) {
    if let Some(range) = paragraph.take() {
        units.push(Unit {
            range,
            candidate: None,
            quote_depth,
            lines_kept: false,
            label: false,
            kind: None,
        });
    }
}

/// A live blog's entry whose time and headline stand apart (`14:05 GMT`, a blank
/// line, `Zelensky arrives`), or a chapter's number and name (`CHAPTER I.`, a blank
/// line, `THE PIER`): one heading, as when they are on lines one under the other (see
/// [`group_units`]), if text follows.
fn labels_over_headlines(text: &str, units: &mut Vec<Unit>) {
    let single_line = |u: &Unit| !text[u.range.clone()].contains('\n');
    let joins = |units: &[Unit], i: usize| {
        let (label, headline) = (&units[i], &units[i + 1]);
        // Told without reading the text: a big article has many units.
        label.label
            && i + 2 < units.len()
            && label.quote_depth == 0
            && headline.quote_depth == 0
            && !headline.label
            && single_line(label)
            && single_line(headline)
            && short_and_unfinished(&text[headline.range.clone()])
    };
    // Most texts have no entry: nothing is moved for them.
    let Some(first) = (0..units.len().saturating_sub(1)).find(|&i| joins(units, i)) else {
        return;
    };
    // Each headline's unit is joined to its time's, then dropped, in one pass.
    let mut joined = vec![false; units.len()];
    let mut i = first;
    while i + 1 < units.len() {
        if joins(units, i) {
            units[i].range.end = units[i + 1].range.end;
            units[i].candidate = Some(Candidate {
                level: 1,
                explicit: true,
            });
            joined[i + 1] = true;
            i += 1;
        }
        i += 1;
    }
    let mut n = 0;
    units.retain(|_| {
        n += 1;
        !joined[n - 1]
    });
}

/// Most words a heading in sentence case has (`Market reaction`, `What happens next`):
/// its case tells nothing, so only a short line is taken for one.
const MAX_SENTENCE_CASE_HEADING_WORDS: usize = 8;

/// Subheadings written in sentence case, as many newsrooms write them: a short line of
/// its own, cased as a sentence starts but not ended as one, between two paragraphs
/// that are — prose on both sides, so not a list, a verse or a sign-off. Two such lines
/// in a row are not both taken: the second follows a heading.
fn sentence_case_headings(text: &str, units: &[Unit], blocks: &mut [Block]) {
    // A colon announces what follows it (`You will need:`): an item, not a section.
    let prose = |block: &Block| {
        let text = &text[block.range.clone()];
        block.kind == BlockKind::Paragraph && ends_sentence(text) && !text.ends_with(':')
    };
    for i in 1..blocks.len().saturating_sub(1) {
        // Cheap tests first, without reading the text: this looks at every paragraph of
        // the article.
        if blocks[i].kind != BlockKind::Paragraph
            || units[i].candidate.is_some()
            || blocks[i].range.len() > MAX_HEADING_COLUMNS * 4
        {
            continue;
        }
        let line = &text[blocks[i].range.clone()];
        if !ends_sentence(line)
            && prose(&blocks[i - 1])
            && prose(&blocks[i + 1])
            && sentence_case_heading(line)
        {
            blocks[i].kind = BlockKind::Heading { level: 1 };
        }
    }
}

/// What a table of contents is headed (`Contents`, `Inhalt`, `Sommaire`).
const CONTENTS_LABELS: &[&str] = &[
    "contents",
    "table of contents",
    "in this article",
    "inhalt",
    "inhaltsverzeichnis",
    "sommaire",
    "índice",
    "indice",
    "contenido",
    "contenuti",
];

/// How far into the text a table of contents is looked for, in blocks.
const CONTENTS_WITHIN_BLOCKS: usize = 40;

/// The sections a table of contents near the top names (`Contents⏎1 Early life⏎2 Career`,
/// as a copied encyclopedia page has): a later line of such a name alone is a heading,
/// however it is cased, at the level its number gives (`2.1` is 2, whatever its case
/// said); a copied page's `[edit]` after it is left out. The table's label is no
/// section. Returns the table's blocks.
fn contents_headings(text: &str, blocks: &mut [Block]) -> Option<RangeInclusive<usize>> {
    let Contents {
        label,
        last,
        entries,
    } = contents(text, blocks)?;
    if blocks[label].kind.is_heading() {
        blocks[label].kind = BlockKind::Paragraph;
    }
    for block in &mut blocks[label + 1..] {
        let known = matches!(block.kind, BlockKind::Paragraph | BlockKind::Heading { .. });
        if !known || block.range.len() > MAX_HEADING_COLUMNS * 4 {
            continue;
        }
        let line = &text[block.range.clone()];
        let name = line.strip_suffix("[edit]").unwrap_or(line).trim_end();
        if let Some(&(_, level)) = entries.iter().find(|(entry, _)| *entry == name) {
            block.kind = BlockKind::Heading { level };
            block.range.end = block.range.start + name.len();
        }
    }
    Some(label..=last)
}

/// A table of contents near the top of a text.
struct Contents<'t> {
    /// Its label's block (`Contents`).
    label: usize,
    /// Its last block: the label's own, or the last of the list under it.
    last: usize,
    /// The names it lists, with their levels.
    entries: Vec<(&'t str, u8)>,
}

/// The table of contents near the top, if there is one. Its lines are parted as
/// parsing finds them, or as the reader shows them (kept lines end in [`LINE_BREAK`]s).
fn contents<'t>(text: &'t str, blocks: &[Block]) -> Option<Contents<'t>> {
    let lines = |b: &Block| {
        text[b.range.clone()]
            .split(['\n', LINE_BREAK])
            .map(str::trim)
    };
    let label = (blocks.iter().take(CONTENTS_WITHIN_BLOCKS)).position(|b| {
        lines(b).next().is_some_and(|first| {
            CONTENTS_LABELS
                .iter()
                .any(|l| first.eq_ignore_ascii_case(l))
        })
    })?;
    // Its names under the label, or in the list or the block after it.
    let mut names: Vec<&str> = lines(&blocks[label]).skip(1).collect();
    let mut last = label;
    if names.is_empty() {
        let after = &blocks[label + 1..];
        let items = after
            .iter()
            .take_while(|b| matches!(b.kind, BlockKind::ListItem { .. }));
        last += items.clone().count();
        names = items.flat_map(lines).collect();
        if names.is_empty() {
            names = lines(after.first()?).collect();
            last += 1;
        }
    }
    let entries: Vec<(&str, u8)> = names
        .into_iter()
        .filter_map(|line| {
            let line = line.trim_start_matches(['-', '*', '•', ' ']);
            let (number, name) = line.split_once(' ').unwrap_or(("", line));
            let number = number.trim_end_matches('.');
            let numbered = !number.is_empty()
                && number
                    .split('.')
                    .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
            let (level, name) = match numbered {
                true => (number.split('.').count(), name.trim()),
                false => (1, line),
            };
            let level = u8::try_from(level).ok()?;
            (!name.is_empty() && name.len() <= MAX_HEADING_COLUMNS).then_some((name, level))
        })
        .collect();
    (entries.len() >= 2).then_some(Contents {
        label,
        last,
        entries,
    })
}

/// Whether a line reads as a heading in sentence case: one line of a few words, a
/// capital letter first, not ended as a sentence or a question, no quotation (a
/// line of speech), no label (`Photo: Reuters`), no credit (`Additional reporting by`)
/// and none of the lines pages put between paragraphs (`Read more`).
fn sentence_case_heading(line: &str) -> bool {
    !line.contains('\n')
        && line.starts_with(char::is_uppercase)
        && line.split_whitespace().count() <= MAX_SENTENCE_CASE_HEADING_WORDS
        && short_and_unfinished(line)
        && !line.ends_with(['?', '？'])
        && !line.contains(['"', '“', '”', '«', '»', '„', ':', '|'])
        && !line
            .split_whitespace()
            .any(|w| w.eq_ignore_ascii_case("by"))
        && !page_line(line)
        && super::dateline::find(line, 0).is_none()
}

/// The longest footer or header of a printed page.
const MAX_PRINTED_PAGE_LINE_BYTES: usize = 200;

/// Whether a paragraph is what a printed page puts around the text, as an RFC's pages
/// have it: a footer (`Lowe    Standards Track    [Page 3]`), or a form feed (shown
/// `␌`) and the next page's header under it (`␌⏎RFC 9999    Harbour Protocol    May
/// 2026`).
fn printed_page_line(paragraph: &str) -> bool {
    paragraph.len() <= MAX_PRINTED_PAGE_LINE_BYTES
        && (paragraph.starts_with('␌') || page_footer(paragraph))
}

/// A printed page's footer: `Lowe    Standards Track    [Page 3]`.
fn page_footer(line: &str) -> bool {
    line.strip_suffix(']')
        .and_then(|l| l.rsplit_once("[Page "))
        .is_some_and(|(_, n)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether a line is one of those a web page puts between an article's paragraphs
/// (`Advertisement`, `Read more`, `Share`), which a copy of the page keeps, or a
/// printed page's footer.
fn page_line(line: &str) -> bool {
    const STARTS: &[&str] = &[
        "advertisement",
        "skip advertisement",
        "read more",
        "continue reading",
        "story continues",
        "sign up",
        "subscribe",
        "click here",
        "share this",
        "follow us",
        "related",
        "more on this story",
        "image caption",
        "image source",
        "listen to this article",
        "from wikipedia,",
        "jump to navigation",
        "jump to search",
    ];
    const WHOLE: &[&str] = &[
        "share",
        "save",
        "print",
        "comments",
        "most read",
        "top stories",
    ];
    let starts_with = |p: &str| {
        line.get(..p.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(p))
    };
    let bare = line.trim_end_matches([',', ':']);
    page_footer(line)
        || STARTS.iter().any(|p| starts_with(p))
        || WHOLE.iter().any(|w| bare.eq_ignore_ascii_case(w))
}

/// A line of marks alone that breaks the text between passages: three or more of one
/// mark, spaced or not (`* * *`, `***`, `---`, `~~~`, `＊　＊　＊`), or a sign of its own
/// (`#`, `⁂`, `◇`). A long line is told by its length, without reading it: every unit
/// of a big text is asked.
fn passage_break(text: &str, line: Range<usize>) -> bool {
    if line.len() > MAX_BREAK_BYTES {
        return false;
    }
    let mut marks = text[line].chars().filter(|&c| !c.is_whitespace());
    let Some(first) = marks.next() else {
        return false;
    };
    let (more, alike) = marks.fold((0, true), |(n, alike), c| (n + 1, alike && c == first));
    alike
        && match first {
            '*' | '-' | '_' | '~' | '=' | '+' | '•' | '·' | '—' | '＊' => more >= 2,
            '#' | '⁂' | '❧' | '§' | '◆' | '◇' | '✦' => true,
            _ => false,
        }
}

/// The longest line read as a break between passages.
const MAX_BREAK_BYTES: usize = 40;

/// The longest reference mark read past at a sentence's end (`[12]`, `[citation
/// needed]`).
const MAX_REFERENCE_MARK_BYTES: usize = 24;

fn ends_sentence(s: &str) -> bool {
    // After a sentence, the marks of its references (`…of democracy".[5]`), as
    // encyclopedias cite.
    let mut s = s;
    while let Some(inner) = s.strip_suffix(']')
        && let Some(open) = inner.rfind('[')
        && inner.len() - open <= MAX_REFERENCE_MARK_BYTES
    {
        s = &inner[..open];
    }
    s.trim_end_matches(['"', '”', '’', '\'', ')'])
        .ends_with(['.', '!', '?', ':', '…', '。', '！', '？'])
}

/// `text` without the `>` that mark the quoted lines inside each quote: they become
/// spaces, so every block keeps its range (a quote's first marker is before it).
fn without_quote_markers(text: String, blocks: &[Block]) -> String {
    let spanning: Vec<Range<usize>> = blocks
        .iter()
        .filter(|b| {
            matches!(b.kind, BlockKind::Quote { .. }) && text[b.range.clone()].contains('\n')
        })
        .map(|b| b.range.clone())
        .collect();
    if spanning.is_empty() {
        return text;
    }
    let mut bytes = text.into_bytes();
    for quote in spanning {
        let mut at = quote.start;
        while let Some(newline) = memchr::memchr(b'\n', &bytes[at..quote.end]) {
            at += newline + 1;
            for b in bytes[at..quote.end].iter_mut() {
                match b {
                    b'>' => *b = b' ',
                    b' ' | b'\t' => {}
                    _ => break,
                }
            }
        }
    }
    // Only ASCII bytes were replaced, by ASCII bytes: still UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// `===` under a line is level 1, `---` level 2.
fn underline_level(s: &str) -> Option<u8> {
    if s.len() < 3 {
        return None;
    }
    if s.bytes().all(|b| b == b'=') {
        Some(1)
    } else if s.bytes().all(|b| b == b'-') {
        Some(2)
    } else {
        None
    }
}

/// `## Heading` → (2, bytes to skip).
fn atx_heading(s: &str) -> Option<(u8, usize)> {
    let hashes = s.bytes().take_while(|&b| b == b'#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = &s[hashes..];
    let body = rest.trim_start();
    if body.is_empty() || body.len() == rest.len() {
        return None;
    }
    let body_trimmed = body.trim_end_matches('#').trim_end();
    if body_trimmed.is_empty() {
        return None;
    }
    let skip = s.len() - body.len();
    // Level is bounded by 1..=6 above.
    Some((hashes as u8, skip))
}

fn is_list_item(s: &str) -> bool {
    // `^ ` opens each of an encyclopedia's references.
    let starts_with_bullet = ["- ", "* ", "• ", "– ", "+ ", "^ "]
        .iter()
        .any(|b| s.starts_with(b));
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let numbered_paren = digits > 0 && s[digits..].starts_with(") ");
    let lettered = s.len() > 2 && s.as_bytes()[0].is_ascii_alphabetic() && s[1..].starts_with(") ");
    starts_with_bullet || numbered_paren || lettered
}

/// `12. Something`: a numbered item, where it is not a heading.
fn numbered_item(s: &str) -> bool {
    leading_number(s).is_some_and(|(_, rest)| rest.starts_with(". "))
}

/// The number a line starts with, of up to three digits and before a dot (`12.`,
/// `2.1.`), and what follows it.
fn leading_number(s: &str) -> Option<(u16, &str)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &s[digits..];
    if !(1..=3).contains(&digits) || !rest.starts_with('.') {
        return None;
    }
    Some((s[..digits].parse().ok()?, rest))
}

/// Numbered lines read as items that go on from the numbered section before them are
/// sections too: `1.  Introduction`, then `2.  Replies` over `3.  Errors` (a section
/// with no text of its own, as a memo has). A list after a section starts at `1.`.
fn numbered_sections_in_turn(text: &str, units: &[Unit], blocks: &mut [Block]) {
    // The number of the last numbered section (`2` of `2.1.`).
    let mut last = None;
    for (block, unit) in blocks.iter_mut().zip(units) {
        // Read of headings and items only: a big text's paragraphs are most blocks.
        let number = || leading_number(&text[block.range.clone()]).map(|(n, _)| n);
        match block.kind {
            BlockKind::Heading { .. } => last = number(),
            BlockKind::ListItem { depth: 1, quote: 0 } => {
                let number = number();
                let in_turn = number.is_some() && number == last.map(|n| n + 1);
                last = None;
                if let (true, Some(candidate)) = (in_turn, unit.candidate) {
                    block.kind = BlockKind::Heading {
                        level: candidate.level,
                    };
                    last = number;
                }
            }
            _ => {}
        }
    }
}

/// reStructuredText's `::` that opens a literal block (`From the index::` over code)
/// reads as one colon, and after a space (`a block ::`) as none: the paragraph's text
/// ends before the rest. Alone, it is markup, dimmed (see [`styles`]).
fn literal_block_openers(text: &str, blocks: &mut [Block]) {
    for i in 0..blocks.len().saturating_sub(1) {
        if !matches!(blocks[i + 1].kind, BlockKind::Code(_))
            || blocks[i].kind != BlockKind::Paragraph
        {
            continue;
        }
        let range = blocks[i].range.clone();
        let Some(before) = text[range.clone()].strip_suffix("::") else {
            continue;
        };
        let kept = match before.trim_end() {
            "" => continue,
            trimmed if trimmed.len() < before.len() => trimmed.len(),
            _ => before.len() + 1,
        };
        blocks[i].range.end = range.start + kept;
    }
}

/// Numbered items this long are numbered paragraphs (a resolution's, a report's), which
/// read better apart than as a list.
const MAX_NUMBERED_ITEM_BYTES: usize = 200;

/// Makes paragraphs of each run of numbered items that holds a long one.
fn numbered_paragraphs_apart(text: &str, blocks: &mut [Block]) {
    let numbered = |b: &Block| {
        matches!(b.kind, BlockKind::ListItem { .. }) && numbered_item(&text[b.range.clone()])
    };
    let mut start = 0;
    while start < blocks.len() {
        // A run is of one quote (or none).
        let quote = blocks[start].kind.quote_depth();
        let run = blocks[start..]
            .iter()
            .take_while(|b| numbered(b) && b.kind.quote_depth() == quote)
            .count();
        let long = blocks[start..start + run]
            .iter()
            .any(|b| b.range.len() > MAX_NUMBERED_ITEM_BYTES);
        if long {
            for b in &mut blocks[start..start + run] {
                b.kind = BlockKind::quote(usize::from(b.kind.quote_depth()));
            }
        }
        start += run.max(1);
    }
}

/// Whether a standalone line reads like a heading, and at what level.
fn heading_candidate(s: &str) -> Option<Candidate> {
    // An interview's question, however it is cased (`Q. ` holds a sentence's `. `), and
    // when the page was updated.
    if s.starts_with("Q:") || stamped(s) {
        return None;
    }
    if let Some((level, rest)) = numbered_prefix(s) {
        return heading_like(rest, true).then_some(Candidate {
            level,
            explicit: false,
        });
    }
    (heading_like(s, false) && !page_line(s)).then_some(Candidate {
        level: 1,
        explicit: false,
    })
}

/// Words a book numbers its parts with (`CHAPTER`, `Chapter`, `PART`), in any case, by
/// the parts' size, largest first: a book in parts holds its chapters one level down in
/// the outline, a play's acts their scenes.
const PART_RANKS: &[&[&str]] = &[
    &["volume"],
    &["book"],
    &["part"],
    &["chapter", "letter", "act", "stave", "canto"],
    &["scene"],
];

/// Gives a book's part labels (see [`part_label`]) their levels: by rank, among the
/// ranks the book uses (`PART ONE` 1 over `CHAPTER I.` 2; `CHAPTER I.` alone 1).
fn levels_of_parts(text: &str, units: &mut [Unit]) {
    let rank = |u: &Unit| {
        let word = text[u.range.clone()].split([' ', '\n']).next()?;
        PART_RANKS
            .iter()
            .position(|words| words.iter().any(|w| w.eq_ignore_ascii_case(word)))
    };
    // Told without reading the text: a big article has many units.
    let ranked: Vec<(usize, usize)> = (units.iter().enumerate())
        .filter(|(_, u)| u.label)
        .filter_map(|(i, u)| Some((i, rank(u)?)))
        .collect();
    let mut used: Vec<usize> = ranked.iter().map(|&(_, rank)| rank).collect();
    used.sort_unstable();
    used.dedup();
    for (i, rank) in ranked {
        let level = used.iter().position(|&r| r == rank).unwrap_or(0).min(2) + 1;
        units[i].candidate = Some(Candidate {
            level: level as u8,
            explicit: true,
        });
    }
}

/// Numbers spelled out, as books number their parts (`Part Two`, `BOOK THE FIRST`).
const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "last",
];

/// A book's part by its number and nothing else: `CHAPTER I.`, `Chapter 12`, `PART
/// TWO`, `BOOK THE FIRST`, `Letter IV:`. Capitalised: `chapter 3` is in a sentence.
fn part_label(s: &str) -> bool {
    if s.len() > 30 || !s.starts_with(|c: char| c.is_ascii_uppercase()) {
        return false;
    }
    let s = s.trim_end_matches(['.', ':']);
    let mut words = s.split(' ');
    let (Some(part), Some(mut number)) = (words.next(), words.next()) else {
        return false;
    };
    if number.eq_ignore_ascii_case("the") {
        number = words.next().unwrap_or_default();
    }
    let roman = |w: &str| !w.is_empty() && w.chars().all(|c| "IVXLCDM".contains(c));
    words.next().is_none()
        && PART_RANKS
            .iter()
            .flat_map(|r| r.iter())
            .any(|p| p.eq_ignore_ascii_case(part))
        && (number.len() <= 3 && !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit())
            || roman(number)
            || NUMBER_WORDS.iter().any(|n| n.eq_ignore_ascii_case(number)))
}

/// A time of day and nothing else: `14:05`, `14.05 GMT`, `9:30am`, `9:30 p.m. ET`.
fn is_time(s: &str) -> bool {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &s[digits..];
    let Some(rest) = rest.strip_prefix([':', '.']) else {
        return false;
    };
    let minutes = rest.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&digits) || minutes != 2 {
        return false;
    }
    let mut rest = rest[2..].trim_start();
    for meridiem in ["am", "pm", "a.m.", "p.m.", "AM", "PM"] {
        if let Some(after) = rest.strip_prefix(meridiem) {
            rest = after.trim_start();
            break;
        }
    }
    // A time zone: `GMT`, `CEST`, `ET`.
    rest.is_empty() || (2..=5).contains(&rest.len()) && rest.bytes().all(|b| b.is_ascii_uppercase())
}

/// A numbered heading right over its first subsection (`1.  Introduction`, then `1.1.
/// Scope`): the subsection's number proves it one, though no text follows it.
fn sections_over_their_subsections(text: &str, units: &mut [Unit]) {
    let number = |u: &Unit| {
        let s = &text[u.range.clone()];
        numbered_prefix(s).is_some().then(|| {
            s.split(' ')
                .next()
                .unwrap_or_default()
                .trim_end_matches('.')
        })
    };
    for i in 1..units.len() {
        // Told without reading the text: most units are no candidate.
        if units[i - 1].candidate.is_none() || units[i].candidate.is_none() {
            continue;
        }
        if let (Some(section), Some(sub)) = (number(&units[i - 1]), number(&units[i]))
            && sub
                .strip_prefix(section)
                .is_some_and(|rest| rest.starts_with('.'))
            && let Some(candidate) = &mut units[i - 1].candidate
        {
            candidate.explicit = true;
        }
    }
}

/// `2. Background` → (1, "Background"); `3.1 Method` → (2, …); `IV. Results` → (1, …).
fn numbered_prefix(s: &str) -> Option<(u8, &str)> {
    let head_len = s.find(' ')?;
    let (head, rest) = (&s[..head_len], s[head_len..].trim_start());
    let roman = head
        .strip_suffix('.')
        .is_some_and(|r| !r.is_empty() && r.len() <= 5 && r.chars().all(|c| "IVXLC".contains(c)));
    if roman {
        return Some((1, rest));
    }
    let numbers = head.strip_suffix('.').unwrap_or(head);
    let parts: Vec<&str> = numbers.split('.').collect();
    let numeric = !numbers.is_empty()
        && parts.len() <= 4
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()));
    // A bare `2` needs its dot: "2 people died" is a sentence.
    if numeric && (parts.len() > 1 || head.ends_with('.')) {
        let level = u8::try_from(parts.len()).unwrap_or(1);
        return Some((level, rest));
    }
    None
}

/// Short, standalone, Title Case or ALL CAPS, no sentence punctuation, not a list
/// item, not a byline. Numbered headings may be in sentence case.
fn heading_like(s: &str, numbered: bool) -> bool {
    short_and_unfinished(s) && heading_case(s, numbered)
}

/// A first line that titles the text though in sentence case, as most headlines are
/// (`Rail strike talks stall as unions trade blame`): one line, short, no sentence
/// punctuation, a capital or digit first, and no dateline (`GENEVA (AP) — Talks…` opens
/// the story).
fn headline_like(s: &str) -> bool {
    !s.contains('\n')
        && short_and_unfinished(s)
        && s.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && super::dateline::find(s, 0).is_none()
}

/// Whether a line tells when the page was published or updated.
fn stamped(s: &str) -> bool {
    ["Updated ", "Last updated ", "Published ", "Posted "]
        .iter()
        .any(|p| s.starts_with(p))
}

/// A news page's section name (`World`, `UK Politics`, `Business`): one or two words,
/// a capital first, nothing else.
fn kicker(line: &str) -> bool {
    let mut words = 0;
    for word in line.split_whitespace() {
        words += 1;
        if words > 2 || !word.chars().all(char::is_alphabetic) {
            return false;
        }
    }
    words > 0 && line.starts_with(char::is_uppercase)
}

/// Whether a press release's opening note is all the line says: `FOR IMMEDIATE
/// RELEASE`, `PRESS RELEASE`, `EMBARGOED UNTIL 00:01 GMT …`.
fn release_note(line: &str) -> bool {
    let lower = line.trim().to_lowercase();
    [
        "for immediate release",
        "press release",
        "news release",
        "embargoed",
    ]
    .iter()
    .filter_map(|note| lower.strip_prefix(note))
    .any(|rest| !rest.starts_with(char::is_alphabetic))
        && lower.len() <= 80
}

/// A first line too long for [`headline_like`] that still titles the text: a byline
/// follows it, as one follows a headline. It is one line of no more than a headline's
/// length that does not end as a sentence.
fn bylined_headline(first: &str, next: &str) -> bool {
    build::is_byline(next)
        && !first.contains('\n')
        && first.len() <= MAX_BYLINED_HEADLINE_BYTES
        && !first
            .trim_end_matches(['"', '”', '’', '\'', ')'])
            .ends_with(['.', ',', ';', ':'])
        && super::dateline::find(first, 0).is_none()
}

/// The longest line a byline makes a title of: two lines of a front page's headline.
const MAX_BYLINED_HEADLINE_BYTES: usize = 200;

/// Few words, no sentence punctuation at its end or inside, not a list item, not a
/// byline: what a heading or a title looks like whatever its case.
fn short_and_unfinished(s: &str) -> bool {
    // Most lines are long paragraphs: told at once by their words apart by ASCII spaces
    // (there are at least as many words).
    if more_ascii_words_than(s.as_bytes(), MAX_HEADING_WORDS) {
        return false;
    }
    let words = s.split_whitespace().take(MAX_HEADING_WORDS + 1).count();
    if words == 0
        || words > MAX_HEADING_WORDS
        || display_width(s) > MAX_HEADING_COLUMNS
        || s.chars().filter(|c| c.is_alphabetic()).count() < 2
        || is_list_item(s)
        || s.starts_with("By ")
        || s.contains(". ")
    {
        return false;
    }
    let last = s.trim_end_matches(['"', '”', '’', ')', '」', '』']);
    !last.ends_with([
        '.', '!', ',', ';', ':', '…', '-', '–', '—', '。', '！', '、', '，', '：', '；',
    ])
}

/// Whether `bytes` hold more than `n` words apart by ASCII spaces, counted a chunk at a
/// time until more than `n` are found: a paragraph's first hundred bytes or so tell.
fn more_ascii_words_than(bytes: &[u8], n: usize) -> bool {
    let space = crate::source::is_ascii_space;
    let mut words = bytes.first().map_or(0, |&b| usize::from(!space(b)));
    // Chunks overlapping by a byte, so that every pair of bytes is in one of them.
    let mut from = 0;
    while from + 1 < bytes.len() && words <= n {
        let to = (from + 64).min(bytes.len() - 1);
        words += crate::source::word_starts_after_first(&bytes[from..=to]);
        from = to;
    }
    words > n
}

/// Whether `s` (short and unfinished) is cased as a heading: Title Case or ALL CAPS;
/// numbered ones in any case; scripts without case when short.
fn heading_case(s: &str, numbered: bool) -> bool {
    let last = s.trim_end_matches(['"', '”', '’', ')', '」', '』']);
    // Scripts without case (CJK, Arabic, Hebrew, Thai…): short is all we can ask.
    let cased = s.chars().any(|c| c.is_uppercase() || c.is_lowercase());
    if !cased {
        return !last.ends_with(['?', '？']) && display_width(s) <= MAX_CASELESS_HEADING_COLUMNS;
    }
    if !s.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
        return false;
    }
    if numbered {
        return true;
    }
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    let all_caps = letters.iter().all(|c| !c.is_lowercase());
    if all_caps {
        return letters.len() >= 3;
    }
    let significant: Vec<&str> = s
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.starts_with(char::is_alphabetic))
        .filter(|w| !SMALL_WORDS.contains(&w.to_lowercase().as_str()))
        .collect();
    if significant.is_empty() {
        return false;
    }
    let capitalised = significant
        .iter()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count();
    // A question is a heading only in strict Title Case ("What Comes Next?").
    let strict = s.ends_with('?');
    if strict {
        return capitalised == significant.len() && significant.len() >= 2;
    }
    capitalised * 5 >= significant.len() * 4
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Counted a chunk at a time, the words are those splitting at ASCII spaces
        /// finds, at every limit, in lines long and short.
        #[test]
        fn words_are_counted_as_splitting_counts_them(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec!["word", " ", "  ", "\t", "\n", "é", "“q”", "a"]),
                0..120,
            ),
            n in 0usize..40,
        ) {
            let line = pieces.concat();
            let split = line
                .as_bytes()
                .split(|&b| crate::source::is_ascii_space(b))
                .filter(|w| !w.is_empty())
                .count();
            proptest::prop_assert_eq!(more_ascii_words_than(line.as_bytes(), n), split > n);
        }
    }

    fn kinds(text: &str) -> Vec<(BlockKind, String)> {
        let a = parse(text.to_string(), "t.txt");
        a.blocks
            .iter()
            .map(|b| (b.kind, collapse(&a.text[b.range.clone()])))
            .collect()
    }

    #[test]
    fn one_paragraph_per_line_with_headings() {
        let long = "This is a long paragraph line. ".repeat(5);
        let text = format!("{long}\nA Heading Here\n{long}\n{long}\n");
        let k = kinds(&text);
        assert_eq!(k.len(), 4);
        assert_eq!(
            k[1],
            (BlockKind::Heading { level: 1 }, "A Heading Here".into())
        );
        assert_eq!(k[2].0, BlockKind::Paragraph);
    }

    #[test]
    fn a_heading_has_at_most_fourteen_words_however_they_are_spaced() {
        let words = |n: usize, space: &str| {
            let words: Vec<String> = (0..n).map(|i| format!("W{i}")).collect();
            words.join(space)
        };
        for (line, heading) in [
            (words(14, " "), true),
            (words(15, " "), false),
            (words(14, "  \t"), true),
            // Fourteen apart by ASCII spaces, but a no-break space parts two more.
            (words(14, " ").replacen("W1", "W1\u{a0}X", 1), false),
        ] {
            assert_eq!(heading_like(&line, false), heading, "{line:?}");
        }
    }

    #[test]
    fn lines_quoted_with_markers_are_quotes_without_them() {
        let text = "Letters This Week\n\nA reader wrote, as\nothers did:\n\
                    > The dinner mattered, where Chancellor Ana\n\
                    >   Lowe sat apart.\n\
                    >\n\
                    > Nobody expected that.\n\
                    >> An older letter, quoted in it.\n\
                    I agree.\n\n\
                    >Short Line Like A Heading\n";
        let k = kinds(text);
        let quote = |s: &str| (BlockKind::Quote { depth: 1 }, s.to_string());
        assert_eq!(
            k[1..],
            [
                (
                    BlockKind::Paragraph,
                    "A reader wrote, as others did:".into()
                ),
                quote("The dinner mattered, where Chancellor Ana Lowe sat apart."),
                quote("Nobody expected that."),
                (
                    BlockKind::Quote { depth: 2 },
                    "An older letter, quoted in it.".into()
                ),
                (BlockKind::Paragraph, "I agree.".into()),
                quote("Short Line Like A Heading"),
            ]
        );
        // The name across the quote's lines is read as one.
        let article = parse(text.to_string(), "t.txt");
        let leaders = crate::analysis::find_leaders(&article, &[]);
        assert_eq!(leaders[0].name, "Ana Lowe");
        // A text quoted from its first line has no title of its own.
        assert_eq!(
            kinds("> Short Line\n\nMore text here.\n")[0].0,
            BlockKind::Quote { depth: 1 }
        );
        // A list in the quote is a list there; a long numbered item stays a paragraph
        // of the quote.
        let list = "Letters\n\nShe wrote:\n\n> - the fares\n> - the buses\n\n\
                    >> 1. One.\n>> 2. Two.\n\n> 1. A resolution's clause, long enough to be \
                    read as a numbered paragraph rather than as an item of a list, as those \
                    of reports and resolutions are, and as a reader would want them set \
                    apart from one another.\n> 2. Short.\n";
        let item = |quote, s: &str| (BlockKind::ListItem { depth: 1, quote }, s.to_string());
        let k = kinds(list);
        assert_eq!(
            k[2..6],
            [
                item(1, "- the fares"),
                item(1, "- the buses"),
                item(2, "1. One."),
                item(2, "2. Two."),
            ]
        );
        assert_eq!(k[6].0, BlockKind::Quote { depth: 1 });
        assert_eq!(k[7], (BlockKind::Quote { depth: 1 }, "2. Short.".into()));
    }

    #[test]
    fn lines_broken_by_hand_are_kept_and_wrapped_ones_joined() {
        let text = "A Letter Home\n\nThe ferries are late, and President Joe Biden \
                    said so.\n\nBest,\nAna Lowe\nEditor, Harbour Times\n\n> Kind regards,\n\
                    > Mary Smith\n\nCheers.\nAna Lowe\nHarbour Times Editor\n\n\
                    The council met on Tuesday\nevening to debate the winter ferry\n\
                    timetable, which islanders\ncriticised.\n\nThe ferries are late, nobody \
                    will say.\nThe council met on Tuesday to debate the boats again.\n\n\
                    President Biden left.\n";
        let a = parse(text.to_string(), "letter.txt");
        assert!(a.line_breaks);
        let texts: Vec<&str> = a.block_texts();
        assert_eq!(
            texts[2..],
            [
                "Best,\u{2028}Ana Lowe\u{2028}Editor, Harbour Times",
                // A quote's markers go with the line's end.
                "Kind regards,\u{2028}Mary Smith",
                "Cheers.\u{2028}Ana Lowe\u{2028}Harbour Times Editor",
                // Wrapped to even lengths, with room at lines' ends: one paragraph.
                "The council met on Tuesday\nevening to debate the winter ferry\n\
                 timetable, which islanders\ncriticised.",
                // Wider than a hand's lines: prose.
                "The ferries are late, nobody will say.\nThe council met on Tuesday to \
                 debate the boats again.",
                "President Biden left.",
            ]
        );
        // Ranges after the kept lines moved with the text.
        let leaders = crate::analysis::find_leaders(&a, &[]);
        let mentions: Vec<&str> = leaders[0]
            .mentions
            .iter()
            .map(|m| &a.text[m.clone()])
            .collect();
        assert_eq!(mentions, ["President Joe Biden", "President Biden"]);
        // An address's lines, Title Case as headings are, stay lines of one block.
        let address = "A Letter Home\n\nHarbour Times\n12 Quay Street\nPortsmouth PO1 2AB\n\n\
                       Dear Editor, the ferries are late again.\n";
        assert_eq!(
            parse(address.into(), "a.txt").block_texts()[1],
            "Harbour Times\u{2028}12 Quay Street\u{2028}Portsmouth PO1 2AB"
        );
        // Lines too narrow for wrapped prose, whatever their case and room.
        let contact = "A Letter Home\n\nIt is late.\n\nMedia Contact:\nJordan Lee\n\
                       press@acme.example\n+1 408-555-0100\n";
        assert_eq!(
            parse(contact.into(), "c.txt").block_texts()[2],
            "Media Contact:\u{2028}Jordan Lee\u{2028}press@acme.example\u{2028}+1 408-555-0100"
        );
        // Text without such lines has none.
        let wrapped = "Title Here\n\nThe council met on Tuesday\nevening to debate it.\n";
        assert!(!parse(wrapped.into(), "t.txt").line_breaks);
    }

    #[test]
    fn a_long_headline_over_a_byline_is_the_title() {
        let headline = "INTERVIEW: \"We Are Not Done Yet\" — Finland's Prime Minister on Energy, \
                        Russia and the Long Winter Ahead";
        let title = |first: &str, second: &str| {
            let text = format!("{first}\n\n{second}\n\nThe story starts here, and goes on.\n");
            parse(text, "interview.txt").title
        };
        assert_eq!(title(headline, "By Liisa Korhonen"), headline);
        // Without a byline, or as a sentence, it is the story's first paragraph.
        assert_eq!(title(headline, "Liisa Korhonen"), "Interview");
        let sentence = "The minister said on Tuesday that talks would go on for as long as it \
                        takes to settle the budget and the winter energy package.";
        assert_eq!(title(sentence, "By Liisa Korhonen"), "Interview");
    }

    #[test]
    fn an_interviews_questions_are_not_headings() {
        let text = "An Interview\n\nThe minister spoke to us at length, and candidly.\n\n\
                    Q: What About Vladimir Putin?\n\nA: He has made his choices.\n\n\
                    Q. What Comes Next?\n\nA: We will see.\n";
        let k = kinds(text);
        assert!(
            k[1..].iter().all(|(kind, _)| *kind == BlockKind::Paragraph),
            "{k:?}"
        );
        // Asked without its label, the question reads as a heading.
        let k = kinds(&text.replace("Q: ", ""));
        assert!(
            k.iter()
                .any(|(kind, _)| matches!(kind, BlockKind::Heading { .. }))
        );
    }

    #[test]
    fn a_live_blogs_entries_are_headed_by_their_time_and_headline() {
        let text = "Summit live: leaders clash over the budget\n\nUpdated 14:32 GMT\n\n\
                    The leaders meet all day, and we follow it here.\n\n14:05 GMT\nStarmer arrives in Brussels\n\nHe told reporters he would listen.\n\n\
                    9:40am\nWhat is on the table?\n\nThe draft runs to 1.2 trillion euros.\n\n\
                    12:30\nThe talks went on past midnight, officials said.\n";
        let a = parse(text.to_string(), "t.txt");
        let outline: Vec<String> = a.sections.iter().map(|s| s.title.clone()).collect();
        assert_eq!(
            outline,
            [
                "14:05 GMT Starmer arrives in Brussels",
                "9:40am What is on the table?"
            ]
        );
        // Time and headline apart, by a blank line: the same; a time over the
        // entry's text or at the end stays alone.
        let apart = "Live: talks\n\nIntro.\n\n14:05 GMT\n\nStarmer arrives\n\nHe spoke.\n\n\
                     13:40 GMT\n\nThe talks went on past midnight, officials said.\n\n\
                     12:00 GMT\n\nTalks resume\n";
        let a = parse(apart.to_string(), "t.txt");
        let outline: Vec<String> = a.sections.iter().map(|s| s.title.clone()).collect();
        assert_eq!(
            outline,
            ["14:05 GMT Starmer arrives", "13:40 GMT", "12:00 GMT"]
        );
        for time in ["14:05", "14.05 GMT", "9:30am", "9:30 p.m. ET", "23:59 CEST"] {
            assert!(is_time(time), "{time}");
        }
        for other in [
            "14:5",
            "140:05",
            "14:05 in Brussels",
            "2025",
            "1.25 million",
            "14:05 gmt",
        ] {
            assert!(!is_time(other), "{other}");
        }
    }

    #[test]
    fn a_printed_pages_footer_is_no_heading() {
        let text = "The Harbour Protocol\n\n1.  Introduction\n\n   Boats arrive.\n\n\
                    Lowe                 Standards Track                 [Page 1]\n\n\
                    \u{240C}\nRFC 9999           Harbour Protocol           May 2026\n\n\
                    2.  Overview\n\n   A boat says so.\n\nIn Brief [Page One]\n\nMore.\n";
        // A page's text after its break, no header between, is the text's.
        let long = "The next page goes on with the text,\n".repeat(6);
        let text = format!("{text}\n\u{240C}\n{long}\n");
        let a = parse(text, "rfc.txt");
        let outline: Vec<&str> = a.sections.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(
            outline,
            ["1. Introduction", "2. Overview", "In Brief [Page One]"]
        );
        // Footer, page break and header are dimmed, as the page's, not the text's.
        let muted: Vec<String> = (a.inline.iter())
            .filter(|(_, style)| *style == Inline::Muted)
            .map(|(r, _)| {
                a.text[r.clone()]
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        assert_eq!(
            muted,
            [
                "Lowe Standards Track [Page 1]",
                "\u{240C} RFC 9999 Harbour Protocol May 2026"
            ]
        );
    }

    #[test]
    fn a_books_chapters_are_headed_by_their_number_and_name() {
        let story = "The tide was out and the boats lay on their sides in the mud.";
        let text = format!(
            "The Quiet Pier\n\nBy Ann Lee\n\nCONTENTS\n\nCHAPTER I.\nCHAPTER II.\n\
             CHAPTER III.\n\nPART ONE\nPART TWO\n\nCHAPTER I.\n\n{story}\n\n\
             CHAPTER II.\n\nIn Which the Pier Is Built\n\n{story}\n\n\
             Chapter 3\nThe Storm\n\n{story}\n\nBOOK THE SECOND\n\n{story}\n\n\
             Part Three\n\nChapter 4\n\nThe Flood\n\n{story}\n\n\
             Letter IV:\n{story}\nAs chapter 2 said, nothing happened.\n"
        );
        let a = parse(text, "t.txt");
        let outline: Vec<String> = a.sections.iter().map(|s| s.title.clone()).collect();
        // The lists of them are no headings; a number over a sentence is one alone.
        assert_eq!(
            outline,
            [
                "CHAPTER I.",
                "CHAPTER II. In Which the Pier Is Built",
                "Chapter 3 The Storm",
                "BOOK THE SECOND",
                "Part Three",
                "Chapter 4 The Flood",
                "Letter IV:"
            ]
        );
        for label in [
            "CHAPTER I.",
            "Chapter 12",
            "PART TWO",
            "Book the First",
            "STAVE III:",
        ] {
            assert!(part_label(label), "{label}");
        }
        for other in [
            "chapter 3",
            "Chapter 3 begins",
            "CHAPTER",
            "Part Of It",
            "Act Now",
            "Chapter 1234",
            "CHAPTER i",
        ] {
            assert!(!part_label(other), "{other}");
        }
    }

    #[test]
    fn a_books_parts_hold_its_chapters_and_a_plays_acts_its_scenes() {
        let story = "The tide was out and the boats lay on their sides in the mud.";
        let outline = |labels: &[&str]| -> Vec<(u8, String)> {
            let body: Vec<String> = labels.iter().map(|l| format!("{l}\n\n{story}")).collect();
            let a = parse(
                format!("The Quiet Pier\n\n{}\n", body.join("\n\n")),
                "t.txt",
            );
            (a.sections.iter())
                .map(|s| (s.level, s.title.clone()))
                .collect()
        };
        let levels = |labels: &[&str]| -> Vec<u8> { outline(labels).iter().map(|s| s.0).collect() };
        assert_eq!(
            outline(&[
                "PART ONE",
                "CHAPTER I.",
                "CHAPTER II.",
                "PART TWO",
                "CHAPTER III."
            ]),
            [
                (1, "PART ONE".to_string()),
                (2, "CHAPTER I.".to_string()),
                (2, "CHAPTER II.".to_string()),
                (1, "PART TWO".to_string()),
                (2, "CHAPTER III.".to_string()),
            ]
        );
        assert_eq!(
            levels(&["ACT I", "SCENE 1", "SCENE 2", "ACT II", "SCENE 1"]),
            [1, 2, 2, 1, 2]
        );
        // Chapters alone are the outline's top; of four sizes the smallest two share the
        // third level.
        assert_eq!(levels(&["Chapter 1", "Chapter 2"]), [1, 1]);
        assert_eq!(
            levels(&[
                "VOLUME I",
                "BOOK ONE",
                "PART ONE",
                "CHAPTER I.",
                "LETTER II"
            ]),
            [1, 2, 3, 3, 3]
        );
    }

    #[test]
    fn a_copied_news_page_keeps_its_credits_apart_and_its_chrome_out_of_the_outline() {
        let text = "World\n\nLeaders meet as talks stall\n\nBy Ann Lowe, Paris\nPublished \
                    3 May 2026\nUpdated 2 hours ago\n\nShare\nSave\n\nThe talks stalled on \
                    Monday.\n\nAdvertisement\n\nBoth sides blamed the other.\n";
        let a = parse(text.to_string(), "page.txt");
        assert_eq!(a.title, "Leaders meet as talks stall");
        assert!(a.sections.is_empty(), "{:?}", a.sections);
        let blocks: Vec<&str> = (0..a.blocks.len()).map(|b| a.block_text(b)).collect();
        assert_eq!(
            blocks,
            [
                "World",
                "Leaders meet as talks stall",
                "By Ann Lowe, Paris\u{2028}Published 3 May 2026\u{2028}Updated 2 hours ago",
                "Share",
                "Save",
                "The talks stalled on Monday.",
                "Advertisement",
                "Both sides blamed the other."
            ]
        );
        // A headline first is the title as ever; a one-word line over prose is not a
        // section's name over a headline.
        let a = parse(
            "World\n\nThe talks stalled. Both left.\n\nMore.\n".into(),
            "w.txt",
        );
        assert_eq!(a.blocks[0].kind, BlockKind::Title);
        // Nor is a short title over a short first line with no credits after it.
        let a = parse(
            "Strike Ends\n\nWorkers returned on Friday after two weeks\n\nPay rose.\n".into(),
            "s.txt",
        );
        assert_eq!(a.title, "Strike Ends");
        // Lines of a paragraph wrapped by hand that start with `By` run on.
        let a = parse(
            "Title\n\nBy the time the ministers met, the talks\nhad stalled and nobody \
             expected much.\n"
                .into(),
            "b.txt",
        );
        assert!(!a.text.contains('\u{2028}'));
    }

    #[test]
    fn a_press_releases_note_is_no_title_and_no_section() {
        let text = "FOR IMMEDIATE RELEASE\n\nAcme Corp Names Ana Lowe Chief Executive\n\n\
                    LONDON, Nov. 25, 2026 — Acme Corp today named a new chief.\n\n\
                    About Acme Corp\n\nAcme Corp makes ferries.\n";
        let a = parse(text.to_string(), "release.txt");
        assert_eq!(a.title, "Acme Corp Names Ana Lowe Chief Executive");
        assert_eq!(a.blocks[0].kind, BlockKind::Paragraph);
        assert_eq!(a.blocks[1].kind, BlockKind::Title);
        let sections: Vec<&str> = a.sections.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(sections, ["About Acme Corp"]);
        // Straight over the story, it is no section either.
        let a = parse(
            text.replacen("Acme Corp Names Ana Lowe Chief Executive\n\n", "", 1),
            "r.txt",
        );
        assert_eq!(a.blocks[0].kind, BlockKind::Paragraph);
        assert!(release_note("Embargoed until 00:01 GMT, Tuesday 3 March"));
        assert!(!release_note(
            "Press releases are rarely news, the editor said on Tuesday."
        ));
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let text = "Title Of The Story\n\nThe first line of a paragraph that\nwraps onto a second line and then\nends here.\n\nAnother paragraph starts.\n";
        let k = kinds(text);
        assert_eq!(k[0].0, BlockKind::Title);
        assert_eq!(
            k[1].1,
            "The first line of a paragraph that wraps onto a second line and then ends here."
        );
        assert_eq!(k.len(), 3);
    }

    #[test]
    fn markers_and_underlines() {
        let k =
            kinds("# Big\n\ntext here.\n\nSub\n---\n\nmore text.\n\n2.1 Method details\n\nbody.\n");
        assert_eq!(k[0], (BlockKind::Title, "Big".into()));
        assert_eq!(k[2], (BlockKind::Heading { level: 2 }, "Sub".into()));
        assert_eq!(
            k[4],
            (BlockKind::Heading { level: 2 }, "2.1 Method details".into())
        );
    }

    #[test]
    fn a_headline_in_sentence_case_is_the_title() {
        let body = "The talks ended on Friday without a deal, officials said.\n\nMore text.\n";
        for (first, title) in [
            ("Rail strike talks stall as unions trade blame", true),
            ("Why the summit failed", true),
            ("2026 in review: the year of the strike", true),
            // A sentence, a dateline, a lowercase start, a line of a wrapped paragraph.
            ("The talks failed.", false),
            (
                "GENEVA (AP) — The talks collapsed after a long night",
                false,
            ),
            ("and then the talks collapsed", false),
            (
                "Talks collapsed on Friday\nafter a long night of argument",
                false,
            ),
        ] {
            let k = kinds(&format!("{first}\n\n{body}"));
            assert_eq!(k[0].0 == BlockKind::Title, title, "{first:?}");
        }
        // Later on, a sentence-case line is a heading only between paragraphs of prose
        // (see `short_lines_in_sentence_case_between_paragraphs_are_headings`).
        let k = kinds(&format!(
            "Title Here\n\n{body}\nWhy the summit failed\n\nMore of it\n"
        ));
        assert!(
            k[1..].iter().all(|(kind, _)| *kind == BlockKind::Paragraph),
            "{k:?}"
        );
    }

    #[test]
    fn short_lines_in_sentence_case_between_paragraphs_are_headings() {
        let headings = |text: &str| -> Vec<String> {
            kinds(text)
                .into_iter()
                .filter(|(k, _)| matches!(k, BlockKind::Heading { .. }))
                .map(|(_, t)| t)
                .collect()
        };
        let between =
            |line: &str| format!("Title\n\nIt began.\n\n{line}\n\nIt went on.\n\nIt ended.\n");
        for line in [
            "Market reaction",
            "Éxito inesperado en Madrid",
            "What happens next",
        ] {
            assert_eq!(headings(&between(line)), [line], "{line}");
        }
        for line in [
            "market reaction",
            "Who is to blame?",
            "Photo: the harbour at dawn",
            "Read more",
            "Additional reporting by Sam Reed",
            "“We will not give in”",
            "Then there was nothing left to do but wait for the rain",
        ] {
            assert!(headings(&between(line)).is_empty(), "{line}");
        }
        // Not between two paragraphs of prose: after a colon, beside another short
        // line, or last.
        assert!(headings("T\n\nYou will need:\n\nTwo eggs\n\nMix them.\n").is_empty());
        assert!(headings("T\n\nIt began.\n\nTwo eggs\n\nA cup\n\nMix them.\n").is_empty());
        assert!(headings("T\n\nIt began.\n\nWith thanks\n").is_empty());
        // A sentence ends before its references' marks, as an encyclopedia cites.
        let cited =
            "T\n\nIt began in 1975.[4]\n\nEarly life\n\nShe said \"never\".[5][a]\n\nEnd.\n";
        assert_eq!(headings(cited), ["Early life"]);
        let not_a_mark = format!("T\n\nIt began [{}]\n\nEarly life\n\nEnd.\n", "x".repeat(30));
        assert!(headings(&not_a_mark).is_empty());
        // A heading in Title Case needs none of this.
        assert_eq!(
            headings("T\n\nIt began.\n\nThe Next Steps\n\nA list\n"),
            ["The Next Steps"]
        );
    }

    #[test]
    fn heading_like_rules() {
        assert!(heading_like(
            "Leaders’ Vague Optimism Contrasts with Ground Realities",
            false
        ));
        assert!(heading_like("Fighting Rages On in Ukraine", false));
        assert!(heading_like("THE BACKGROUND", false));
        assert!(heading_like("What Comes Next?", false));
        assert!(!heading_like("He said it was over.", false));
        assert!(!heading_like("Here is what we know:", false));
        assert!(!heading_like("- A List Item", false));
        assert!(!heading_like("By Jane Doe", false));
        assert!(!heading_like("the lower case line", false));
        assert!(!heading_like("Is this a question?", false));
        assert!(!heading_like(
            "Then there was nothing left to do but wait",
            false
        ));
    }

    #[test]
    fn numbered_prefixes() {
        assert_eq!(numbered_prefix("2. Background").map(|p| p.0), Some(1));
        assert_eq!(numbered_prefix("3.1 Method").map(|p| p.0), Some(2));
        assert_eq!(numbered_prefix("IV. Results").map(|p| p.0), Some(1));
        assert_eq!(numbered_prefix("2 people died"), None);
        assert_eq!(numbered_prefix("2024 was a year"), None);
    }

    #[test]
    fn speakers_labels_are_strong_and_a_pages_lines_muted() {
        let text = "Debate Night\n\nMODERATOR: Good evening.\n\nPRIME MINISTER STARMER: Thank \
                    you.\n\nQ: Why now?\n\nShare\n\nAdvertisement\n\nPhoto: Reuters\n\n\
                    From Wikipedia, the free encyclopedia\n\n\
                    The time: late.\n\nUS: Trade talks resume.\n\nBIDEN:no space\n\n\
                    CAFÉ OWNER: We stayed open.\n";
        let a = parse(text.to_string(), "t.txt");
        let styled: Vec<(&str, Inline)> = (a.inline.iter())
            .map(|(r, style)| (&a.text[r.clone()], *style))
            .collect();
        assert_eq!(
            styled,
            [
                ("MODERATOR:", Inline::Strong),
                ("PRIME MINISTER STARMER:", Inline::Strong),
                ("Q:", Inline::Strong),
                ("Share", Inline::Muted),
                ("Advertisement", Inline::Muted),
                ("From Wikipedia, the free encyclopedia", Inline::Muted),
                ("US:", Inline::Strong),
                ("CAFÉ OWNER:", Inline::Strong),
            ]
        );
    }

    #[test]
    fn a_restructuredtext_document_reads_as_its_markup_says() {
        let text = "===============\nHarbour Client\n===============\n\nIt announces boats.\n\n\
                    Install\n=======\n\nFrom the index::\n\n    pip install harbour-client\n\n\
                    .. note::\n\n   The master answers within a minute.\n\nUsage\n-----\n\n\
                    Call ``announce`` with a registration.\n\nIn a shell ::\n\n    harbour --help\n\n\
                    ::\n\n    harbour --version\n\nA type, Client::new, ends no paragraph::\n\n\
                    Prose after it.\n";
        let a = parse(text.to_string(), "guide.rst");
        assert_eq!(a.title, "Harbour Client");
        assert_eq!(a.blocks[0].kind, BlockKind::Title);
        let outline = a.outline();
        assert_eq!(outline, [(1, "Install"), (2, "Usage")]);
        let k = kinds(text);
        assert!(k.contains(&(BlockKind::CODE, "pip install harbour-client".to_string())));
        assert!(k.contains(&(
            BlockKind::Paragraph,
            "The master answers within a minute.".to_string()
        )));
        let styled: Vec<(&str, Inline)> = a
            .inline
            .iter()
            .map(|(r, style)| (&a.text[r.clone()], *style))
            .collect();
        assert!(styled.contains(&(".. note::", Inline::Muted)), "{styled:?}");
        // A literal block's `::` reads as a colon, or none after a space; alone it is
        // dimmed; over prose it stays.
        let texts = a.block_texts();
        assert!(texts.contains(&"From the index:"), "{texts:?}");
        assert!(texts.contains(&"In a shell"), "{texts:?}");
        assert!(styled.contains(&("::", Inline::Muted)), "{styled:?}");
        assert!(texts.contains(&"A type, Client::new, ends no paragraph::"));
        assert!(styled.contains(&("announce", Inline::Code)), "{styled:?}");
    }

    #[test]
    fn words_between_marks_are_bold_or_in_italics_and_the_marks_dimmed() {
        let styled = |text: &str| -> Vec<(String, Inline)> {
            let a = parse(format!("Note\n\n{text}\n\nEnd.\n"), "t.txt");
            let mut styles = a.inline.clone();
            styles.sort_by_key(|(r, _)| r.start);
            (styles.iter())
                .map(|(r, style)| (a.text[r.clone()].to_string(), *style))
                .collect()
        };
        let marked = |mark: &str, inner: &str, style| {
            vec![
                (mark.to_string(), Inline::Muted),
                (inner.to_string(), style),
                (mark.to_string(), Inline::Muted),
            ]
        };
        // Code between backticks, whatever it starts or ends with, and what is in it
        // is no emphasis.
        for (text, mark, inner, style) in [
            (
                "It was, in a word, *evasive*.",
                "*",
                "evasive",
                Inline::Strong,
            ),
            ("She read (_Emma_) twice.", "_", "Emma", Inline::Emphasis),
            ("**Do not** reply", "**", "Do not", Inline::Strong),
            (
                "The minister said that the whole plan was still _under\nreview_ and would \
                 be published in full by the summer, or by the autumn at the latest.",
                "_",
                "under\nreview",
                Inline::Emphasis,
            ),
            ("Run `--help` first.", "`", "--help", Inline::Code),
            (
                "It raises ``No_Berth_``, then stops.",
                "``",
                "No_Berth_",
                Inline::Code,
            ),
        ] {
            assert_eq!(styled(text), marked(mark, inner, style), "{text:?}");
        }
        for plain in [
            "a ` b ` c",
            "it`s odd",
            "`unclosed code",
            "``a`",
            "`a``",
            "snake_case_words and my_file.txt",
            "2*3*4 = 24",
            "* a list's item",
            "a * b * c",
            "*** three ***",
            "*opened and never closed",
            "*spaced *",
            "_x_y",
            "*word*s",
            "* *",
            "***three***",
            "foo_bar_ baz",
            "a * spaced* b",
            "footnotes (*) and (*)",
            "*#*",
            "see *, then*",
        ] {
            assert_eq!(styled(plain), [], "{plain}");
        }
        // Not across paragraphs, and not over a passage.
        assert_eq!(styled("*one\n\ntwo*"), []);
        let long = format!("*{}*", "word ".repeat(50).trim_end());
        assert_eq!(styled(&long), []);
    }

    #[test]
    fn labels_in_title_case_are_strong_in_a_dialogue_only() {
        let strong = |text: &str| -> Vec<String> {
            let a = parse(text.to_string(), "t.txt");
            (a.inline.iter())
                .filter(|(_, style)| *style == Inline::Strong)
                .map(|(r, _)| a.text[r.clone()].to_string())
                .collect()
        };
        fn label(p: &str) -> Option<&str> {
            title_case_label(p).map(|n| &p[..n])
        }
        assert_eq!(label("Ana de Souza: Yes."), Some("Ana de Souza:"));
        assert_eq!(
            label("Sen. Tom O'Hara-Lee: No."),
            Some("Sen. Tom O'Hara-Lee:")
        );
        // A sentence's own colon, a time, other marks, too many words, no space after.
        for prose in [
            "The plan was simple: build.",
            "Meeting At 10: Agenda.",
            "Round 2 Winner: Ana.",
            "Q&A: Later.",
            "One Two Three Four Five: Six.",
            "Ana:no space",
        ] {
            assert_eq!(label(prose), None, "{prose}");
        }
        let interview = "The Interview\n\nPicture: Ben Orr\n\nModerator: Welcome.\n\n\
                         Ana de Souza: Thank you.\n\nModerator: Why now?\n\n\
                         Ana de Souza: Because it matters.\n\nSen. Tom O'Hara-Lee: I disagree.\n\n\
                         Ana de Souza: Fair.\n\nNote: Edited for length.\n\nThe end.\n\n\
                         Picture: Ben Orr\n";
        assert_eq!(
            strong(interview),
            [
                "Moderator:",
                "Ana de Souza:",
                "Moderator:",
                "Ana de Souza:",
                "Sen. Tom O'Hara-Lee:",
                "Ana de Souza:"
            ]
        );
        // Captions and notes, however many, answer nobody; neither do lines of a time
        // or of more than a few words.
        let captions = "Gallery\n\nPhoto: Reuters\n\nText.\n\nUpdate: Added a quote.\n\n\
                        Correction: Figures are from May.\n\nMore text.\n\n\
                        Update: Fixed a name.\n\nText.\n\nCorrection: A date.\n\n\
                        Meeting At 10: Agenda.\n\nThe Long And Winding Road Home: notes.\n";
        assert!(strong(captions).is_empty(), "{:?}", strong(captions));
    }

    #[test]
    fn a_table_of_contents_names_the_sections() {
        let headings = |text: &str| -> Vec<(BlockKind, String)> {
            (kinds(text).into_iter())
                .filter(|(k, _)| k.is_heading())
                .collect()
        };
        let heading = |level: u8, name: &str| (BlockKind::Heading { level }, name.to_string());
        // The label over its lines, as a page copied from an encyclopedia has them.
        let page = "Olaf Scholz\n\nA German politician.\n\nContents\n1 Early life\n\
                    2 Political career\n2.1 First mayor\n\nEarly life[edit]\n\nHe was born.\n\n\
                    Political career\n\nHe joined.\n\nFirst mayor\n\nHe led.\n";
        assert_eq!(
            headings(page)[1..],
            [
                heading(1, "Early life"),
                heading(1, "Political career"),
                heading(2, "First mayor")
            ]
        );
        // A label of its own over a list: no section itself.
        let listed = "Report\n\nIntro.\n\nTable of Contents\n\n- Summary of findings\n\
                      - what we propose\n\nSummary of findings\n\nText.\n\nwhat we propose\n\nMore.\n";
        assert_eq!(
            headings(listed)[1..],
            [
                heading(1, "Summary of findings"),
                heading(1, "what we propose")
            ]
        );
        // Its references, one a line under a `^`, are a list.
        let cited =
            format!("{page}\nReferences\n\n^ \"Olaf\". Gazette. 2025.\n^ Smith, J. (2021).\n");
        let items = kinds(&cited)
            .into_iter()
            .filter(|(k, _)| *k == BlockKind::ListItem { depth: 1, quote: 0 });
        assert_eq!(items.count(), 2);
        // Without a table of contents the same lines are prose.
        let plain = "Report\n\nIntro.\n\nwhat we propose\n\nMore.\n";
        assert_eq!(headings(plain).len(), 1);
        // The table itself is muted, label and lines (kept, so shown as broken), as
        // the outline shows what it lists.
        let muted = |text: &str| -> Vec<String> {
            let a = parse(text.to_string(), "t.txt");
            (a.inline.iter())
                .filter(|(_, style)| *style == Inline::Muted)
                .map(|(r, _)| a.text[r.clone()].replace(LINE_BREAK, "⏎"))
                .collect()
        };
        assert_eq!(
            muted(page),
            ["Contents⏎1 Early life⏎2 Political career⏎2.1 First mayor"]
        );
        assert_eq!(
            muted(listed),
            ["Table of Contents\n\n- Summary of findings\n- what we propose"]
        );
        assert!(muted(plain).is_empty());
        // Its lines in the block after its label.
        let apart = page.replace("Contents\n", "Contents\n\n");
        assert_eq!(
            muted(&apart),
            ["Contents\n\n1 Early life⏎2 Political career⏎2.1 First mayor"]
        );
        // Kept a line a section however long its lines, as a book's are.
        let long = apart.replace(
            "Political career",
            "Political career in the city and then in the state",
        );
        assert_eq!(
            muted(&long)[0],
            "Contents\n\n1 Early life⏎2 Political career in the city and then in the state⏎2.1 First mayor"
        );
    }

    #[test]
    fn passages_are_parted_by_lines_of_marks_alone() {
        let text = "The Long Winter\n\nIt snowed.\n\n* * *\n\nWe waited.\n\n***\n\n#\n\n\
                    Spring came.\n\n⁂\n\nIt was over.\n\n--\n\n* An item\n\n###\n";
        assert_eq!(
            kinds(text),
            [
                (BlockKind::Title, "The Long Winter".into()),
                (BlockKind::Paragraph, "It snowed.".into()),
                (BlockKind::Break, "* * *".into()),
                (BlockKind::Paragraph, "We waited.".into()),
                // Two in a row part the passages once.
                (BlockKind::Break, "#".into()),
                (BlockKind::Paragraph, "Spring came.".into()),
                (BlockKind::Break, "⁂".into()),
                (BlockKind::Paragraph, "It was over.".into()),
                // Two marks are no break; an item is an item; a press release's `###`
                // ends the text and parts nothing.
                (BlockKind::Paragraph, "--".into()),
                (
                    BlockKind::ListItem { depth: 1, quote: 0 },
                    "* An item".into()
                ),
            ]
        );
        // Under the title or over a heading, a rule only decorates.
        // As Japanese text spaces them, and a sign repeated.
        for line in ["＊　＊　＊", "◇　◇　◇"] {
            let text = format!("冬\n\n雪が降った。\n\n{line}\n\n春が来た。\n");
            assert_eq!(kinds(&text)[2].0, BlockKind::Break, "{line}");
        }
        let decorated = "The Long Winter\n\n---\n\nIt snowed.\n\n~~~~~~\n\n# Spring\n\nIt ended.\n";
        assert!(kinds(decorated).iter().all(|(k, _)| *k != BlockKind::Break));
    }

    #[test]
    fn a_last_line_is_never_a_heading() {
        let long = "Body text that goes on for a while and ends. ".repeat(4);
        let k = kinds(&format!("{long}\nAssociated Press\n"));
        assert!(k.iter().all(|(kind, _)| *kind == BlockKind::Paragraph));
    }

    #[test]
    fn runs_of_short_title_case_lines_are_not_headings() {
        let long = "Body text that goes on for a while and ends. ".repeat(4);
        let k = kinds(&format!(
            "{long}\nAlice Smith\nBob Jones\nCarol King\n{long}\n"
        ));
        assert!(
            k.iter().all(|(kind, _)| *kind == BlockKind::Paragraph),
            "{k:?}"
        );
    }

    /// A memo laid out as an RFC is: a header in columns, a centred title, text set in
    /// three columns under headings at the margin, a figure, a page's footer and the
    /// next page's header. In words of my own.
    const MEMO: &str = "\
Harbour Working Group                                            A. Lowe
Request for Comments: 9876                                  Harbour Labs
Category: Standards Track                                    T. Okafor
                                                              March 2026


          The Harbour Announcement Protocol (HAP), Version 1

Abstract

   This memo lets a boat announce its arrival to a harbour  master, who
   reserves a berth for it.  Prime Minister Ana Lowe called it \"overdue\".

   It is set in as the text is (so it reads as prose.)  Even with a line
   aligned so  in it, as this one is.

1.  Messages

   Boat and master speak in messages.

1.1.  Format

   Each message is one line:

   ANNOUNCE  The boat's registration and length.

     +--------+      ANNOUNCE       +--------+
     |  Boat  | ------------------> | Master |
     +--------+                     +--------+

2.  References

   [RFC2119]  Bradner, S., \"Key words for use in RFCs\", BCP 14,
              March 1997.

Lowe                         Standards Track                    [Page 1]
\u{240C}
RFC 9876                          HAP                         March 2026

3.  Addresses

   Ana Lowe
   Harbour Labs
";

    #[test]
    fn a_memo_s_header_figure_and_set_in_text_are_read_by_their_layout() {
        let a = parse(MEMO.to_string(), "rfc9876.txt");
        assert_eq!(
            a.title,
            "The Harbour Announcement Protocol (HAP), Version 1"
        );
        // A lone line at the margin over prose set in heads it, at its own level.
        let outline = a.outline();
        assert_eq!(
            outline,
            [
                (1, "Abstract"),
                (1, "1. Messages"),
                (2, "1.1. Format"),
                (1, "2. References"),
                (1, "3. Addresses")
            ]
        );
        let k = kinds(MEMO);
        use BlockKind::{Heading, Paragraph};
        const CODE: BlockKind = BlockKind::CODE;
        const TABLE: BlockKind = BlockKind::TABLE;
        // The header's columns and the figure keep their lines and spaces.
        assert_eq!(k[0].0, TABLE);
        assert_eq!(a.block_text(0).lines().count(), 4);
        assert!(
            a.block_text(0)
                .contains("9876                                  Harbour Labs")
        );
        let figure = k
            .iter()
            .position(|(kind, _)| *kind == CODE)
            .expect("a figure");
        assert!(
            a.block_text(figure)
                .contains("|  Boat  | ------------------> | Master |")
        );
        assert_eq!(k.iter().filter(|(kind, _)| *kind == CODE).count(), 1);
        // Set in as the text is, under headings at the margin, it stays prose: the
        // line aligned within it, the reference hanging under its label, the address.
        let has = |kind: BlockKind, text: &str| k.contains(&(kind, text.to_string()));
        // Two spaces after a full stop are a typist's, not columns; so is one aligned
        // line in a paragraph.
        assert!(
            k.iter()
                .any(|(kind, t)| *kind == Paragraph && t.starts_with("This memo"))
        );
        assert!(has(
            Paragraph,
            "It is set in as the text is (so it reads as prose.) Even with a line aligned so \
             in it, as this one is."
        ));
        assert!(has(
            Paragraph,
            "ANNOUNCE The boat's registration and length."
        ));
        assert!(has(
            Paragraph,
            "[RFC2119] Bradner, S., \"Key words for use in RFCs\", BCP 14, March 1997."
        ));
        assert!(has(Heading { level: 1 }, "3. Addresses"));
        assert!(
            a.text.contains("Ana Lowe\u{2028}Harbour Labs"),
            "kept as lines"
        );
        // The footer and the next page's header are dimmed, as before.
        let muted: Vec<&str> = a
            .inline
            .iter()
            .filter(|(_, s)| *s == Inline::Muted)
            .map(|(r, _)| &a.text[r.clone()])
            .collect();
        assert!(muted.iter().any(|m| m.starts_with("Lowe ")), "{muted:?}");
        // Prose set in is read for quotes and names.
        let analysis = crate::analysis::analyse(&a, &[]);
        assert_eq!(analysis.leaders.len(), 1);
        assert_eq!(analysis.quotes.len(), 2, "{:?}", analysis.quotes);
    }

    #[test]
    fn a_term_over_its_definition_set_in_is_a_term_and_a_definition() {
        let text = "A Glossary\n\nWords the master uses.\n\nBerth\n    A place at a quay, \
                    reserved\n    by the master.\n\nexit status:\n    0 when every boat has a \
                    berth.\n\nWhat we asked for:\n  a) a crossing;\n  b) a bus.\n\nNAME\n    \
                    kettle - boil water\n\nIt said so.\n    And more.\n\n\
                    A first line far too long to be any glossary's term\n    and more.\n";
        let k = kinds(text);
        use BlockKind::{Definition, Term};
        let has = |kind: BlockKind, text: &str| k.contains(&(kind, text.to_string()));
        assert!(has(Term, "Berth"));
        assert!(has(
            Definition,
            "A place at a quay, reserved by the master."
        ));
        assert!(has(Term, "exit status:"));
        assert!(has(Definition, "0 when every boat has a berth."));
        let a = parse(text.to_string(), "g.txt");
        assert_eq!(a.texts_styled(Inline::Strong), ["Berth", "exit status:"]);
        // A list's lead, a section's name in capitals, a sentence, a long line: none.
        assert_eq!(
            k.iter().filter(|(kind, _)| *kind == Term).count(),
            2,
            "{k:?}"
        );
        assert!(
            k.iter().any(
                |(kind, t)| matches!(kind, BlockKind::ListItem { .. }) && t == "a) a crossing;"
            )
        );
    }

    #[test]
    fn a_numbered_section_right_over_its_first_subsection_is_a_heading() {
        let text = "Report\n\n1.  Messages\n\n1.1.  Format\n\nEach message is a line.\n\n\
                    2.  Replies\n\n3.  Errors\n\nNone yet.\n\n1.  Again\n\n10.  Annex\n\nText.\n";
        let a = parse(text.to_string(), "r.txt");
        let titles = a.outline();
        // `2.  Replies` over `3.  Errors` go on from `1.`: sections. `1.` over `10.`
        // proves nothing, as two such lines in a row may be a list's.
        assert_eq!(
            titles,
            [
                (1, "1. Messages"),
                (2, "1.1. Format"),
                (1, "2. Replies"),
                (1, "3. Errors")
            ]
        );
    }

    #[test]
    fn numbered_lines_that_go_on_from_the_section_before_are_sections() {
        let memo = "Memo\n\n1.  Scope\n\nWhat this covers.\n\n2.  Terms\n\n3.  Replies\n\n\
                    A reply is a line.\n";
        let a = parse(memo.to_string(), "m.txt");
        assert_eq!(
            a.outline(),
            [(1, "1. Scope"), (1, "2. Terms"), (1, "3. Replies")]
        );
        // A list after a section starts again at `1.`, or skips, or follows a heading
        // that starts with a number but is not numbered: items.
        for (list, heading) in [
            ("1.  Apples\n\n2.  Pears", None),
            ("3.  Apples\n\n4.  Pears", None),
            (
                "10 Fixes Made\n\nWhat was fixed.\n\n11.  Apples\n\n12.  Pears",
                Some("10 Fixes Made"),
            ),
        ] {
            let text = format!("Memo\n\n1.  Scope\n\nWhat this covers.\n\n{list}\n");
            let a = parse(text, "m.txt");
            let mut outline = vec![(1, "1. Scope")];
            outline.extend(heading.map(|h| (1, h)));
            assert_eq!(a.outline(), outline, "{list}");
        }
        // Words that read as no heading stay an item.
        let text = "Memo\n\n1.  Scope\n\nWhat this covers.\n\n2.  Mix the flour and the \
                    eggs, then bake it all for an hour.\n\n3.  Serve.\n";
        assert_eq!(
            parse(text.to_string(), "m.txt").outline(),
            [(1, "1. Scope")]
        );
    }

    #[test]
    fn a_lone_line_at_the_margin_heads_the_prose_set_in_under_it() {
        let heads = |text: &str| {
            let units = units_of(text, usize::MAX);
            units[0].candidate.is_some_and(|c| c.explicit)
        };
        assert!(heads("Abstract\n\n   This memo is set in.\n"));
        // Not over text at the margin, set in as far, or over code.
        assert!(!heads(
            "Abstract\n\nAt the margin  with two spaces,\nand a line more.\n"
        ));
        assert!(!heads("   Abstract\n\n   As far in as it is.\n"));
        assert!(!heads("Abstract\n\n    make install\n"));
        assert!(!heads(
            "Abstract\n\n    make install\n\n   This memo is set in.\n"
        ));
    }

    #[test]
    fn commands_and_settings_set_in_from_the_prose_keep_their_lines() {
        let text = "Installing\n==========\n\nTo install it under /usr, run:\n\n    \
                    ./configure --prefix=/usr\n    make\n    sudo make install\n\n\
                    Then check that it answers:\n\n    harbourctl ping\n\n\
                    Set a port and a relay:\n\n    port     4100\n    relay    radio.example\n\n\
                    A function:\n\n    def area(r):\n        return 3.14 * r * r\n\n    \
                    print(area(2))\n\nA search:\n\n    grep -r _init_ src\n    \
                    # Pick a port. It must be free.\n    export PORT=4100\n\nThat is all.\n\n\
                    One setting alone:\n\n    berths   24\n\nAt the margin,  a = b | c\nstays prose.\n";
        let k = kinds(text);
        use BlockKind::Paragraph;
        const CODE: BlockKind = BlockKind::CODE;
        const TABLE: BlockKind = BlockKind::TABLE;
        let expected = [
            (Paragraph, "To install it under /usr, run:"),
            (CODE, "./configure --prefix=/usr make sudo make install"),
            (Paragraph, "Then check that it answers:"),
            (CODE, "harbourctl ping"),
            (Paragraph, "Set a port and a relay:"),
            (TABLE, "port 4100 relay radio.example"),
            (Paragraph, "A function:"),
            (CODE, "def area(r): return 3.14 * r * r"),
            (CODE, "print(area(2))"),
            (Paragraph, "A search:"),
            (
                CODE,
                "grep -r _init_ src # Pick a port. It must be free. export PORT=4100",
            ),
            (Paragraph, "That is all."),
            (Paragraph, "One setting alone:"),
            (TABLE, "berths 24"),
            (Paragraph, "At the margin, a = b | c stays prose."),
        ];
        let expected: Vec<(BlockKind, String)> =
            expected.iter().map(|&(k, t)| (k, t.to_string())).collect();
        assert_eq!(k[1..], expected);
        // Each line keeps its own indentation past what they all share.
        let a = parse(text.to_string(), "t.txt");
        let b = (0..a.blocks.len())
            .find(|&b| a.block_text(b).contains("def area"))
            .expect("code");
        let rows: Vec<&str> = crate::article::rows(&a.text, a.blocks[b].range.clone())
            .map(|r| &a.text[r])
            .collect();
        assert_eq!(rows, ["def area(r):", "    return 3.14 * r * r"]);
        // CODE's underscores are no emphasis.
        assert!(a.inline.is_empty(), "{:?}", a.inline);
        // Other spaces after the indentation stay in the code's text.
        let k = kinds("Run it:\n\n  \u{a0}  make install\n\nDone.\n");
        assert_eq!(k[1], (BlockKind::CODE, "make install".to_string()));
    }

    #[test]
    fn a_table_of_contents_in_columns_keeps_them() {
        let text = "A Report\n\nContents\n\nIntroduction          1\nBackground            4\n\n\
                    Introduction\n\nIt began.\n\nBackground\n\nIt went on.\n";
        let a = parse(text.to_string(), "r.txt");
        let table = (0..a.blocks.len())
            .find(|&b| a.blocks[b].kind == BlockKind::TABLE)
            .expect("a table");
        assert_eq!(
            a.block_text(table),
            "Introduction          1\nBackground            4"
        );
    }

    #[test]
    fn a_table_of_contents_in_columns_is_a_list_of_its_entries() {
        let text = "A Book\n\nCONTENTS\n\n     CHAPTER I.     THE PIER\n     \
                    CHAPTER II.    THE LETTER\n\nCHAPTER I.\n\nTHE PIER\n\nIt rained.\n\n\
                    CHAPTER II.\n\nTHE LETTER\n\nIt came.\n";
        let a = parse(text.to_string(), "b.txt");
        let titles: Vec<&str> = a.sections.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, ["CHAPTER I. THE PIER", "CHAPTER II. THE LETTER"]);
        assert!(a.blocks.iter().all(|b| b.kind != BlockKind::TABLE));
        assert!(
            a.text.contains("THE PIER\u{2028}CHAPTER II."),
            "a line each"
        );
    }

    #[test]
    fn prose_set_in_centred_or_indented_by_its_first_line_is_no_code() {
        let text = "The Harbour\n\nThe minister spoke at length on Tuesday, and the \
                    harbour listened to every word of it.\n\n    \
                    \u{201C}We will keep the harbour open to every boat that asks for a\n    \
                    berth,\u{201D} said Prime Minister Ana Lowe, to applause.\n\n\
                    She went on.\n\n                              CHAPTER IV\n\n    \
                    It was late. The quay was empty and the lamps were\nlit along the \
                    water.\n\n    He left.\n\n    Tyger Tyger, burning bright,\n    \
                    In the forests of the night;\n    What immortal hand or eye\n\n\
                    \u{3000}\u{3000}港の夜は静かだった\n\n    Ana Lowe\n    Harbour Labs\n\n\
                    Then:\n\n    Fill the fields in brackets {} with your own.  It\n    \
                    is done.\n\n\
                    The end of it.\n";
        let k = kinds(text);
        assert!(
            k.iter()
                .all(|(kind, _)| !matches!(kind, BlockKind::Code(_) | BlockKind::Table(_))),
            "{k:?}"
        );
        let a = parse(text.to_string(), "t.txt");
        let analysis = crate::analysis::analyse(&a, &[]);
        assert_eq!(analysis.leaders.len(), 1, "the quote set in is read");
        assert_eq!(analysis.quotes.len(), 1);
    }

    #[test]
    fn the_halves_of_a_text_read_side_by_side_make_the_same_units() {
        let wrapped = "A Heading Here\n\nThis paragraph is wrapped at a fixed\nmeasure so its lines join up\nagain.\n\n\
                       Underlined\n==========\n\n1. Numbered Heading\n\n   \n  indented line\n";
        let synth = crate::synth::article(60_000, 3, false);
        for text in [
            wrapped.repeat(40),
            synth,
            wrapped.replace("\n\n", "\n").repeat(9),
        ] {
            let whole = units_of(&text, usize::MAX);
            assert!(whole.len() > 8);
            assert_eq!(units_of(&text, 0), whole);
        }
        // A cut is made before prose at the margin only: not before a blank line, a
        // line set in, a heading or a quote.
        let text =
            "Intro.\n\n\nAt the margin, and prose.\n\n   Set in.\n\nHeading Here\n\n> Quoted.\n";
        let at = |s: &str| text.find(s).expect("in the text");
        assert!(prose_at_margin(text, at("At the")));
        assert!(!prose_at_margin(text, at("At the") - 1));
        assert!(!prose_at_margin(text, at("   Set")));
        assert!(!prose_at_margin(text, at("Heading")));
        assert!(!prose_at_margin(text, at("> Quoted")));
        // Cut anywhere in a memo set in three columns, where what is set in further
        // is measured against the text before it.
        for copies in 2..12 {
            let text = MEMO.repeat(copies);
            assert_eq!(units_of(&text, 0), units_of(&text, usize::MAX), "{copies}");
        }
    }

    #[test]
    fn empty_and_blank_texts() {
        assert!(parse(String::new(), "x").blocks.is_empty());
        assert!(parse("\n\n   \n".into(), "x").blocks.is_empty());
        assert_eq!(parse("Just One Line".into(), "-").blocks.len(), 1);
    }
}
