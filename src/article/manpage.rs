//! Manual pages as `man` formats them for a terminal (`man ls | byline`, or byline as
//! `MANPAGER`): a header naming the page at both ends (`LS(1)  User Commands  LS(1)`),
//! section names at the margin over their indented text, subsections a little in, an
//! option's tag over its description (or beside it, when it fits), which is indented
//! further, as are examples; words hyphenated at a line's end with `‐`. The page is
//! read by that layout: titled by its `NAME` line, an outline of its sections, each
//! option a term in bold with its description set in under it, examples as code.

use std::ops::Range;

use super::escapes::Styled;
use super::{Article, BlockKind, Format, Inline, build::Builder};
use crate::source::display_width;

/// The bullets an item of a list may start with (`.IP \(bu`).
const BULLETS: &[&str] = &["•", "·", "*", "o", "+", "-"];

/// What the section naming the page is headed, in the languages pages are most often
/// translated into.
const NAME_HEADINGS: &[&str] = &["NAME", "NOM", "BEZEICHNUNG", "NOMBRE", "NOME", "NAAM"];

/// How much further than its description a tag on a line of its own may reach.
const MAX_TAG_COLUMNS: usize = 40;

/// A manual page's article, or `None` when `page` is no manual page.
pub fn parse(page: &Styled, name: &str) -> Option<Article> {
    let text = page.text.as_str();
    // Told by the first line, before any other is read.
    let first = text.split('\n').find(|l| !l.trim().is_empty())?;
    let page_name = page_name(first.trim())?;
    let lines: Vec<Line> = lines(text);
    let header = lines.iter().position(|l| !l.is_blank())?;
    // The footer (`GNU coreutils 9.1   September 2022   LS(1)`) ends with the name too;
    // a page printed in pages repeats both.
    let furniture = |l: &Line| {
        let t = l.text(text);
        l.indent == 0 && t.len() > page_name.len() && t.ends_with(page_name) && {
            let before = t[..t.len() - page_name.len()].trim_end();
            before.is_empty() || t.len() - page_name.len() - before.len() >= 2
        }
    };
    let footer = lines
        .iter()
        .rposition(|l| !l.is_blank())
        .filter(|&f| f > header && furniture(&lines[f]));
    // What header and footer say, each once.
    let mut about: Vec<&str> = Vec::new();
    for line in [Some(header), footer].into_iter().flatten() {
        for column in columns(lines[line].text(text)) {
            if !about.contains(&column) {
                about.push(column);
            }
        }
    }
    let shown: Vec<&Line> = lines[header + 1..]
        .iter()
        .filter(|l| !furniture(l))
        .collect();
    let sections = sections(&shown);
    let body = body_indent(&sections);
    let mut reader = Reader {
        page,
        b: Builder::with_capacity(text.len()),
        strong: styled(page, Inline::Strong),
        emphasis: styled(page, Inline::Emphasis),
        described: described(text, &sections, body),
        body,
    };
    // The page's title: its `NAME` section's line, shown as the title alone.
    let named = sections
        .first()
        .filter(|s| {
            s.heading
                .is_some_and(|h| NAME_HEADINGS.contains(&h.text(text)))
        })
        .filter(|s| !s.lines.is_empty());
    reader.b.begin(BlockKind::Title);
    match named {
        Some(section) => reader.words(&section.lines),
        None => reader.b.text(page_name),
    }
    reader.b.begin(BlockKind::Paragraph);
    let start = reader.b.position();
    reader.b.text(&about.join(" · "));
    let end = reader.b.position();
    reader.b.style(start..end, Inline::Muted);
    for section in &sections[usize::from(named.is_some())..] {
        reader.section(section);
    }
    Some(reader.b.finish(name, Format::Text, None))
}

/// A source line: where its text starts and ends, and how far in it starts.
struct Line {
    text: Range<usize>,
    indent: usize,
}

impl Line {
    fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.text.clone()]
    }

    fn is_blank(&self) -> bool {
        self.text.is_empty()
    }

    /// The column where its text ends.
    fn end_column(&self, text: &str) -> usize {
        self.indent + display_width(self.text(text))
    }
}

fn lines(text: &str) -> Vec<Line> {
    let mut at = 0;
    text.split('\n')
        .map(|line| {
            let start = at;
            at += line.len() + 1;
            let trimmed = line.trim_start_matches(' ');
            let indent = line.len() - trimmed.len();
            let start = start + indent;
            Line {
                text: start..start + trimmed.trim_end().len(),
                indent,
            }
        })
        .collect()
}

/// The page's name if `header` is a manual page's header: the same `NAME(SECTION)` at
/// both ends, apart from what stands between them.
fn page_name(header: &str) -> Option<&str> {
    let first = header.split(' ').next()?;
    let (name, section) = first.strip_suffix(')')?.split_once('(')?;
    // `1`, `3ssl`, `8`; `n` (Tcl's), `l` (local), `o` (old).
    let mut chars = section.chars();
    let numbered = match chars.next() {
        Some('1'..='9') => chars.all(|c| c.is_ascii_alphabetic()),
        Some('n' | 'l' | 'o') => chars.next().is_none(),
        _ => false,
    };
    let gap = header[first.len()..].starts_with("  ");
    (!name.is_empty() && numbered && section.len() <= 8 && gap && header.ends_with(first))
        .then_some(first)
}

/// What a header or footer line says, apart by runs of spaces.
fn columns(line: &str) -> Vec<&str> {
    line.split("  ")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// A section: its heading (none for text before the first) and its lines.
struct Section<'l> {
    heading: Option<&'l Line>,
    lines: Vec<&'l Line>,
}

fn sections<'l>(body: &[&'l Line]) -> Vec<Section<'l>> {
    let mut sections: Vec<Section> = Vec::new();
    for &line in body {
        if line.indent == 0 && !line.is_blank() {
            sections.push(Section {
                heading: Some(line),
                lines: Vec::new(),
            });
        } else if let Some(section) = sections.last_mut() {
            section.lines.push(line);
        } else if !line.is_blank() {
            sections.push(Section {
                heading: None,
                lines: vec![line],
            });
        }
    }
    sections
}

/// How far in the page's text is: its first section's.
fn body_indent(sections: &[Section]) -> usize {
    sections
        .iter()
        .flat_map(|s| &s.lines)
        .find(|l| !l.is_blank())
        .map_or(0, |l| l.indent)
}

/// The paragraphs of `lines`: runs of lines between blank ones.
fn groups<'s, 'l>(lines: &'s [&'l Line]) -> impl Iterator<Item = &'s [&'l Line]> {
    lines.split(|l| l.is_blank()).filter(|g| !g.is_empty())
}

/// Whether `group` is a tag on a line of its own over its description, indented
/// further: the column where the description is.
fn tag_over(text: &str, group: &[&Line]) -> Option<usize> {
    let column = group.get(1)?.indent;
    // A long first line is a synopsis's, whose lines go on further in.
    (column > group[0].indent
        && group[0].end_column(text) < column + MAX_TAG_COLUMNS
        && group[1..].iter().all(|l| l.indent == column))
    .then_some(column)
}

/// The column where the page's first tag over its description has it, if it has one:
/// where descriptions beside their tags start too.
fn described(text: &str, sections: &[Section], body: usize) -> Option<usize> {
    // Past subsections' names, which stand over their text as a tag would.
    sections
        .iter()
        .flat_map(|s| groups(&s.lines))
        .filter(|g| g[0].indent >= body)
        .find_map(|g| tag_over(text, g))
}

/// The ranges of `page` in `style`: in order, none overlapping.
fn styled(page: &Styled, style: Inline) -> Vec<Range<usize>> {
    let of_style = page.styles.iter().filter(|(_, s)| *s == style);
    of_style.map(|(r, _)| r.clone()).collect()
}

struct Reader<'p> {
    page: &'p Styled,
    b: Builder,
    strong: Vec<Range<usize>>,
    emphasis: Vec<Range<usize>>,
    /// See [`described`].
    described: Option<usize>,
    /// How far in the sections' text is (see [`body_indent`]).
    body: usize,
}

/// Where an item's description is.
enum Tag {
    /// Under its tag, at this column.
    Over(usize),
    /// Beside its tag.
    Beside(Beside),
}

/// Where the tag beside a description on the same line ends, and where the
/// description starts: bytes into the line's text, and its column.
struct Beside {
    tag_end: usize,
    start: usize,
    column: usize,
}

impl Reader<'_> {
    fn text(&self) -> &str {
        &self.page.text
    }

    fn section(&mut self, section: &Section) {
        let body = self.body;
        if let Some(heading) = section.heading {
            self.b.begin(BlockKind::Heading { level: 1 });
            self.words(&[heading]);
        }
        // How far in a paragraph of running text is here: an option's description
        // after its tag, the section's text otherwise.
        let mut running = body;
        for mut group in groups(&section.lines) {
            // A subsection's name, between the margin and the text.
            if group[0].indent < body {
                self.b.begin(BlockKind::Heading { level: 2 });
                self.words(&group[..1]);
                running = body;
                group = &group[1..];
            }
            let Some(&first) = group.first() else {
                continue;
            };
            // Options may follow one another with no blank line between: each starts
            // as far in as the first, their descriptions further. So may a list's
            // items.
            let text = self.page.text.as_str();
            let marked =
                |l: &&Line| list_marker(l.text(text).split(' ').next().unwrap_or_default());
            let deeper = group.iter().any(|l| l.indent > first.indent);
            let items: Vec<&[&Line]> = match deeper || group.iter().all(marked) {
                true => group
                    .chunk_by(|_, next| next.indent > first.indent)
                    .collect(),
                false => vec![group],
            };
            if first.indent > running && self.tag(items[0], running).is_none() {
                self.code(group);
                continue;
            }
            for (i, item) in items.iter().enumerate() {
                let more = i + 1 < items.len();
                running = self.item(item, running, more);
            }
        }
    }

    /// An item of a group: an option and its description, or a paragraph. Returns how
    /// far in running text is after it.
    fn item(&mut self, item: &[&Line], running: usize, more: bool) -> usize {
        let first = item[0];
        match self.tag(item, running) {
            Some(Tag::Over(column)) => {
                self.tagged(first, None, &item[1..]);
                column
            }
            Some(Tag::Beside(beside)) => {
                let column = first.indent + beside.column;
                self.tagged(first, Some(beside), &item[1..]);
                column
            }
            // Two options sharing a description (`--init-file file` over `--rcfile
            // file`, and then the description).
            None if more
                && item.len() == 1
                && first.end_column(self.text()) < running + MAX_TAG_COLUMNS =>
            {
                self.tagged(first, None, &[]);
                running
            }
            // Further in than the section's text: a paragraph of the description above.
            None => {
                self.b.begin(match first.indent > self.body {
                    true => BlockKind::Definition,
                    false => BlockKind::Paragraph,
                });
                self.words(item);
                first.indent
            }
        }
    }

    /// Whether `item` starts with a tag, and where its description is.
    fn tag(&self, item: &[&Line], running: usize) -> Option<Tag> {
        let line = item[0];
        let under = item.get(1).map(|l| l.indent).filter(|&c| c > line.indent);
        let expected = match under {
            Some(column) => Some(column),
            None if item.len() == 1 && running > line.indent => Some(running),
            None if item.len() == 1 => self.described,
            None => None,
        };
        // Beside first: a short tag and the start of its description make a short
        // line too.
        let beside = self.tag_beside(line, expected).map(Tag::Beside);
        beside.or_else(|| tag_over(self.text(), item).map(Tag::Over))
    }

    /// The tag beside a description on `line`, if it has one: the description starts
    /// at column `expected` after two spaces or more, or after one when the tag is an
    /// option's (`--help Display…`) or a list's marker; a list's marker may have its
    /// description anywhere.
    fn tag_beside(&self, line: &Line, expected: Option<usize>) -> Option<Beside> {
        let s = line.text(self.text());
        let first_word = s.split(' ').next().unwrap_or_default();
        let marker = list_marker(first_word);
        // A description further in than expected starts where its words do.
        let split = |at: usize| {
            let tag = s[..at].trim_end();
            let start = s.len() - s[at..].trim_start().len();
            let gap = start - tag.len();
            // An option's tag that fills its room is apart from its description by a
            // space (`--help Print…`), and from its own argument too (`--cups n`).
            let option = tag.starts_with(['-', '+']) && !tag.contains(' ') && s[at..].contains(' ');
            let apart = gap >= 2 || gap == 1 && (option || marker && tag == first_word);
            (!tag.is_empty() && start < s.len() && apart).then(|| Beside {
                tag_end: tag.len(),
                start,
                column: display_width(&s[..start]),
            })
        };
        let expected = expected.and_then(|c| c.checked_sub(line.indent));
        expected
            .and_then(|column| byte_at_column(s, column))
            .and_then(split)
            .or_else(|| {
                let at = s.len() - s[first_word.len()..].trim_start().len();
                marker.then(|| split(at)).flatten()
            })
    }

    /// An option: its tag (the line's text, or its part before the description beside
    /// it) as a term in bold, over its description (beside it, then `rest`). A list's
    /// marker starts an item of the list instead.
    fn tagged(&mut self, line: &Line, beside: Option<Beside>, rest: &[&Line]) {
        let text = self.page.text.as_str();
        let tag_end = beside
            .as_ref()
            .map_or(line.text.end, |b| line.text.start + b.tag_end);
        let beside = beside.map(|b| Line {
            text: line.text.start + b.start..line.text.end,
            indent: line.indent + b.column,
        });
        let description: Vec<&Line> = beside.iter().chain(rest.iter().copied()).collect();
        let tag = &text[line.text.start..tag_end];
        if list_marker(tag) && !description.is_empty() {
            self.b.begin(BlockKind::ListItem { depth: 1, quote: 0 });
            match BULLETS.contains(&tag) {
                true => self.b.text("•"),
                false => self.b.text(tag),
            }
            self.b.space();
            self.words(&description);
            return;
        }
        self.b.begin(BlockKind::Term);
        let start = self.b.position();
        let tag = line.text.start..tag_end;
        self.range(tag.clone(), false);
        // A page without its styles (`man ls | byline`) shows its tags bold all the same.
        let plain = |ranges: &[Range<usize>]| {
            let from = ranges.partition_point(|r| r.end <= tag.start);
            ranges.get(from).is_none_or(|r| r.start >= tag.end)
        };
        if plain(&self.strong) && plain(&self.emphasis) {
            let end = self.b.position();
            self.b.style(start..end, Inline::Strong);
        }
        if !description.is_empty() {
            self.b.begin(BlockKind::Definition);
            self.words(&description);
        }
    }

    /// Lines kept as they are, less the indent they share.
    fn code(&mut self, group: &[&Line]) {
        let least = group.iter().map(|l| l.indent).min().unwrap_or(0);
        let text = self.page.text.as_str();
        self.b.begin(BlockKind::CODE);
        for (i, line) in group.iter().enumerate() {
            if i > 0 {
                self.b.raw("\n");
            }
            self.b.raw(&" ".repeat(line.indent - least));
            let at = self.b.position();
            self.b.raw(line.text(text));
            self.restyle(line.text.clone(), at);
        }
    }

    /// The words of `lines` as running text, with their styles; a word hyphenated at a
    /// line's end (`re‐⏎serves`) whole again.
    fn words(&mut self, lines: &[&Line]) {
        let mut joined = false;
        for line in lines {
            let mut range = line.text.clone();
            let s = &self.page.text[range.clone()];
            // `‐` hyphenates; a line broken after a word's own `-` keeps it.
            let hyphen = s
                .strip_suffix('‐')
                .filter(|w| w.ends_with(char::is_alphanumeric));
            let own = s
                .strip_suffix('-')
                .filter(|w| w.ends_with(char::is_alphanumeric));
            if let Some(word) = hyphen {
                range.end = range.start + word.len();
            }
            self.range(range, joined);
            joined = hyphen.is_some() || own.is_some();
        }
    }

    /// The words of `range`, with their styles; the first joined to the text before it
    /// when `joined`.
    fn range(&mut self, range: Range<usize>, joined: bool) {
        let text = self.page.text.as_str();
        let mut at = range.start;
        for (i, word) in text[range.clone()].split(' ').enumerate() {
            let word_range = at..at + word.len();
            at += word.len() + 1;
            if word.is_empty() {
                continue;
            }
            if i > 0 || !joined {
                self.b.space();
            }
            let start = self.b.position();
            self.b.text(word);
            // A word the builder wrote otherwise (a no-break space in it made two) is
            // not where the page's styles say: left as it is.
            if self.b.open_text().ends_with(word) {
                self.restyle(word_range, start);
            }
        }
    }

    /// Gives the text just written from `at` the page's styles of `range`, where it was.
    fn restyle(&mut self, range: Range<usize>, at: usize) {
        for (ranges, style) in [
            (&self.strong, Inline::Strong),
            (&self.emphasis, Inline::Emphasis),
        ] {
            let from = ranges.partition_point(|r| r.end <= range.start);
            for styled in ranges[from..].iter().take_while(|r| r.start < range.end) {
                let start = styled.start.max(range.start) - range.start;
                let end = styled.end.min(range.end) - range.start;
                self.b.style(at + start..at + end, style);
            }
        }
    }
}

/// Whether `word` marks an item of a list: a bullet, a number or a letter (`3.`, `(2)`,
/// `b)`).
fn list_marker(word: &str) -> bool {
    let inner = word
        .strip_suffix(['.', ')'])
        .map(|w| w.strip_prefix('(').unwrap_or(w));
    BULLETS.contains(&word)
        || inner.is_some_and(|w| {
            !w.is_empty()
                && w.len() <= 4
                && (w.bytes().all(|b| b.is_ascii_digit())
                    || w.len() == 1 && w.bytes().all(|b| b.is_ascii_lowercase()))
        })
}

/// The byte of `s` at display column `column`, if a character starts there.
fn byte_at_column(s: &str, column: usize) -> Option<usize> {
    let mut width = 0;
    for (at, c) in s.char_indices() {
        if width == column {
            return Some(at);
        }
        width += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if width > column {
            return None;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, parse as parse_bytes};

    /// A page as `man` lays one out, in words of my own.
    const PAGE: &str = "\
KETTLE(1)                     Kitchen Manual                     KETTLE(1)

NAME
       kettle - boil water and say when it is done

SYNOPSIS
       kettle [-q] [--to=degrees] [cup...]

DESCRIPTION
       kettle  heats  water  to the boil, or to the temperature asked for, and
       rings once it is there. A kettle left on its base keeps the water  hot‐
       ter than the room for an hour.

   Safety
       It stops by itself when it runs dry.

OPTIONS
       Options may come in any order.

       -x     Boil and exit.

       -q, --quiet
              Ring no bell.

              The light still blinks.

       -t     Print the temperature as it rises,
              once a sec‐
              ond.
       --to=degrees
              Stop at degrees, not at the full-
              scale boil.
       --help Print what the options are and exit.
       -v          Print the version.
       --cups n
       --mugs n
              Boil enough for n cups.

EXAMPLES
       Tea for two:

              $ kettle --to=85 2
              kettle: 85 degrees

NOTES
       A kettle goes through three steps:

       1.  It fills.

       2.  It heats the water until the thermostat clicks, which takes a
           few minutes.

       3. It rings.

kitchen 1.0                      May 2026                          KETTLE(1)
";

    fn read(page: &str) -> Article {
        parse_bytes(page.as_bytes(), "-")
    }

    /// Each block's kind and text.
    fn blocks(a: &Article) -> Vec<(BlockKind, &str)> {
        a.blocks
            .iter()
            .map(|b| (b.kind, &a.text[b.range.clone()]))
            .collect()
    }

    fn styled_texts(a: &Article, style: Inline) -> Vec<&str> {
        let mut found: Vec<_> = a.inline.iter().filter(|(_, s)| *s == style).collect();
        found.sort_by_key(|(r, _)| r.start);
        found.iter().map(|(r, _)| &a.text[r.clone()]).collect()
    }

    #[test]
    fn a_page_is_titled_by_its_name_line_and_outlined_by_its_sections() {
        let a = read(PAGE);
        assert_eq!(a.title, "kettle - boil water and say when it is done");
        let outline = a.outline();
        assert_eq!(
            outline,
            [
                (1, "SYNOPSIS"),
                (1, "DESCRIPTION"),
                (2, "Safety"),
                (1, "OPTIONS"),
                (1, "EXAMPLES"),
                (1, "NOTES"),
            ]
        );
        // Header and footer, each thing once, dimmed under the title.
        let about = &a.text[a.blocks[1].range.clone()];
        assert_eq!(about, "KETTLE(1) · Kitchen Manual · kitchen 1.0 · May 2026");
        assert_eq!(styled_texts(&a, Inline::Muted), [about]);
        assert!(!a.text.contains("KETTLE(1)  "));
    }

    #[test]
    fn paragraphs_are_joined_and_hyphenated_words_made_whole() {
        let a = read(PAGE);
        let text = blocks(&a);
        assert!(text.contains(&(
            BlockKind::Paragraph,
            "kettle heats water to the boil, or to the temperature asked for, and rings once \
             it is there. A kettle left on its base keeps the water hotter than the room for \
             an hour."
        )));
        assert!(text.contains(&(
            BlockKind::Definition,
            "Print the temperature as it rises, once a second."
        )));
    }

    #[test]
    fn options_are_terms_in_bold_over_their_descriptions() {
        let a = read(PAGE);
        let text = blocks(&a);
        let options = text
            .iter()
            .skip_while(|(_, t)| *t != "OPTIONS")
            .skip(1)
            .take_while(|(_, t)| *t != "EXAMPLES")
            .copied()
            .collect::<Vec<_>>();
        use BlockKind::{Definition, Paragraph, Term};
        assert_eq!(
            options,
            [
                (Paragraph, "Options may come in any order."),
                (Term, "-x"),
                (Definition, "Boil and exit."),
                (Term, "-q, --quiet"),
                (Definition, "Ring no bell."),
                (Definition, "The light still blinks."),
                (Term, "-t"),
                (
                    Definition,
                    "Print the temperature as it rises, once a second."
                ),
                (Term, "--to=degrees"),
                (Definition, "Stop at degrees, not at the full-scale boil."),
                (Term, "--help"),
                (Definition, "Print what the options are and exit."),
                (Term, "-v"),
                (Definition, "Print the version."),
                (Term, "--cups n"),
                (Term, "--mugs n"),
                (Definition, "Boil enough for n cups."),
            ]
        );
        assert_eq!(
            styled_texts(&a, Inline::Strong),
            [
                "-x",
                "-q, --quiet",
                "-t",
                "--to=degrees",
                "--help",
                "-v",
                "--cups n",
                "--mugs n"
            ]
        );
    }

    #[test]
    fn examples_are_code_and_numbered_steps_a_list() {
        let a = read(PAGE);
        let text = blocks(&a);
        assert!(text.contains(&(BlockKind::CODE, "$ kettle --to=85 2\nkettle: 85 degrees")));
        // `Tea for two:` is text, not code: it is as far in as the section's text.
        assert!(text.contains(&(BlockKind::Paragraph, "Tea for two:")));
        let item = BlockKind::ListItem { depth: 1, quote: 0 };
        assert!(text.contains(&(item, "1. It fills.")));
        assert!(text.contains(&(
            item,
            "2. It heats the water until the thermostat clicks, which takes a few minutes."
        )));
        assert!(text.contains(&(item, "3. It rings.")));
    }

    #[test]
    fn a_styled_word_the_builder_writes_otherwise_keeps_the_text_whole() {
        // Bold ending inside a word with a no-break space, which the builder makes a
        // space: no style may end inside the `‚` after it.
        let page = PAGE.replace(
            "-x     Boil",
            "\x1b[1m-x\u{a0}\u{201a}\x1b[0m\u{201a}     Boil",
        );
        let a = read(&page);
        assert!(
            a.text.contains("-x \u{201a}\u{201a}"),
            "the word is written"
        );
        for (range, _) in &a.inline {
            assert!(a.text.is_char_boundary(range.start) && a.text.is_char_boundary(range.end));
        }
    }

    #[test]
    fn overstrikes_and_escapes_style_the_words_they_struck() {
        // `man` hands a pager bold as `x\bx` and underline as `_\bx`; groff may write
        // escape sequences instead.
        let bold = |s: &str| s.chars().map(|c| format!("{c}\x08{c}")).collect::<String>();
        let under = |s: &str| s.chars().map(|c| format!("_\x08{c}")).collect::<String>();
        let struck = PAGE
            .replace("NAME\n", &format!("{}\n", bold("NAME")))
            .replace(
                "-q, --quiet\n",
                &format!("{}, {}\n", bold("-q"), bold("--quiet")),
            )
            .replace(
                "--to=degrees\n",
                &format!("{}{}\n", bold("--to="), under("degrees")),
            );
        let escaped = PAGE
            .replace("NAME\n", "\x1b[1mNAME\x1b[0m\n")
            .replace(
                "-q, --quiet\n",
                "\x1b[1m-q\x1b[22m, \x1b[1m--quiet\x1b[22m\n",
            )
            .replace(
                "--to=degrees\n",
                "\x1b[1m--to=\x1b[22m\x1b[4mdegrees\x1b[24m\n",
            );
        for page in [struck, escaped] {
            let a = read(&page);
            assert_eq!(a.text, read(PAGE).text);
            // The tags styled by the page keep their own styles, the others are bold.
            assert_eq!(
                styled_texts(&a, Inline::Strong),
                [
                    "-x", "-q", "--quiet", "-t", "--to=", "--help", "-v", "--cups n", "--mugs n"
                ]
            );
            assert_eq!(styled_texts(&a, Inline::Emphasis), ["degrees"]);
        }
    }

    #[test]
    fn a_list_of_items_on_lines_of_their_own_is_a_list() {
        // As BSD's pages set them: every item as far in as the others.
        let page = "\
SSH_THING(5)          File Formats Manual          SSH_THING(5)

DESCRIPTION
     It reads its settings from, in order:

           1.   the command line
           2.   the user's file
           •    the system's file
           d)   the defaults
";
        let a = read(page);
        let items: Vec<&str> = blocks(&a)
            .into_iter()
            .filter(|(k, _)| matches!(k, BlockKind::ListItem { .. }))
            .map(|(_, t)| t)
            .collect();
        assert_eq!(
            items,
            [
                "1. the command line",
                "2. the user's file",
                "• the system's file",
                "d) the defaults"
            ]
        );
        // With no footer, the header alone tells what the page is.
        assert_eq!(
            &a.text[a.blocks[1].range.clone()],
            "SSH_THING(5) · File Formats Manual"
        );
    }

    #[test]
    fn only_a_line_naming_the_page_at_both_ends_makes_a_manual_page() {
        assert_eq!(page_name("LS(1)   User Commands   LS(1)"), Some("LS(1)"));
        assert_eq!(
            page_name("git-commit(1)  Git Manual  git-commit(1)"),
            Some("git-commit(1)")
        );
        assert_eq!(
            page_name("SSL(3ssl)  OpenSSL  SSL(3ssl)"),
            Some("SSL(3ssl)")
        );
        for line in [
            "LS(1)   User Commands   DIR(1)",
            "LS(1) User Commands LS(1)",
            "Budget(2026)   Finance ministry   Budget(2026)",
            "Notes(a)   Notes(a)",
            "(1)   nothing   (1)",
            "LS(1)",
        ] {
            assert_eq!(page_name(line), None, "{line}");
        }
        // So a text opening with a line like it is read as any other.
        let a = read("Budget(2026)   Finance ministry   Budget(2026)\n\nNAME\n       x - y\n");
        assert_ne!(a.title, "x - y");
    }
}
