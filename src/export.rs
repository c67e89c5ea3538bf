//! The non-interactive modes: `--outline`, `--json`, `--dump`.

use std::ops::Range;

use serde::Serialize;

use crate::analysis::Analysis;
use crate::article::{Article, BlockKind, Format, Nest};
use crate::layout::{gap_after, line_pieces};
use crate::marks::{self, Marks};

/// One heading per line, indented two spaces per level below 1.
pub fn outline(article: &Article) -> String {
    let mut out = String::new();
    for s in &article.sections {
        let indent = usize::from(s.level.saturating_sub(1)) * 2;
        out.push_str(&" ".repeat(indent));
        out.push_str(&s.title);
        out.push('\n');
    }
    out
}

#[derive(Serialize)]
pub struct ArticleJson<'a> {
    title: &'a str,
    source: &'a str,
    format: Format,
    dateline: Option<&'a str>,
    words: usize,
    sections: Vec<SectionJson<'a>>,
    quotes: Vec<SpanJson<'a>>,
    leaders: Vec<LeaderJson<'a>>,
    warnings: &'a [String],
}

#[derive(Serialize)]
struct SectionJson<'a> {
    title: &'a str,
    level: u8,
    start: usize,
}

#[derive(Serialize)]
struct SpanJson<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct LeaderJson<'a> {
    name: &'a str,
    role: Option<&'a str>,
    mentions: Vec<SpanJson<'a>>,
}

/// The parsed and analysed article in the JSON contract of DESIGN.md §1. Offsets are
/// bytes into the decoded, cleaned text.
pub fn json<'a>(article: &'a Article, analysis: &'a Analysis) -> ArticleJson<'a> {
    let text = article.text.as_str();
    let span = |r: &std::ops::Range<usize>| SpanJson {
        text: &text[r.clone()],
        start: r.start,
        end: r.end,
    };
    ArticleJson {
        title: &article.title,
        source: &article.source,
        format: article.format,
        dateline: article.dateline.as_ref().map(|d| &text[d.place.clone()]),
        words: article.word_count(),
        sections: article
            .sections
            .iter()
            .enumerate()
            .map(|(i, s)| SectionJson {
                title: &s.title,
                level: s.level,
                start: article.section_start(i),
            })
            .collect(),
        quotes: analysis.quotes.iter().map(|q| span(&q.inner())).collect(),
        leaders: analysis
            .leaders
            .iter()
            .map(|l| LeaderJson {
                name: &l.name,
                role: l.role.as_deref(),
                mentions: l.mentions.iter().map(span).collect(),
            })
            .collect(),
        warnings: &article.warnings,
    }
}

/// The article as text, one paragraph per line, with highlights as ANSI styles when
/// `ansi` is set. The text is already free of control characters (see `source`).
pub fn dump(article: &Article, analysis: &Analysis, ansi: bool) -> String {
    let index = marks::article_index(article, analysis);
    let text = article.text.as_str();
    // About the text's size (rules, markers and colours add some): a big article is
    // not copied again each time the output outgrows its room.
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    let mut active: Vec<(Range<usize>, Marks)> = Vec::new();
    // Mostly first; after a note or a page's section name (`FOR IMMEDIATE RELEASE`,
    // `World`) when the text opens with one.
    let has_title_block = article.blocks.iter().any(|b| b.kind == BlockKind::Title);
    if !has_title_block {
        push_title(&mut out, &article.title, ansi);
        out.push('\n');
    }
    for (i, block) in article.blocks.iter().enumerate() {
        // Blank lines where the reader has them: items of one list sit together.
        if i > 0 && gap_after(article, i - 1) {
            out.push('\n');
        }
        let heading = match block.kind {
            BlockKind::Title => {
                push_title(
                    &mut out,
                    &crate::article::build::collapse(article.block_text(i)),
                    ansi,
                );
                continue;
            }
            BlockKind::Heading { .. } => true,
            BlockKind::Code(nest) => {
                let lead = nest_lead(nest);
                for line in crate::article::rows(text, block.range.clone()) {
                    out.push_str(&lead);
                    out.push_str("    ");
                    out.push_str(&text[line]);
                    out.push('\n');
                }
                continue;
            }
            // Rows as they are laid out, spaces and all, with their highlights: a row at
            // a time, as `segments` is for short stretches.
            BlockKind::Table(nest) => {
                let lead = nest_lead(nest);
                for range in crate::article::rows(text, block.range.clone()) {
                    out.push_str(&lead);
                    for (seg, set) in marks::segments(range.clone(), index.overlapping(range)) {
                        push_styled(&mut out, &text[seg], set, false, ansi);
                    }
                    out.push('\n');
                }
                continue;
            }
            BlockKind::ListItem { .. }
            | BlockKind::ListText(_)
            | BlockKind::Quote { .. }
            | BlockKind::Paragraph
            | BlockKind::Term
            | BlockKind::Definition
            | BlockKind::Break => false,
        };
        // Each line after a break starts as the block's first does, a list item's under
        // its text.
        let lead = match block.kind {
            BlockKind::ListItem { depth, quote } => {
                "> ".repeat(usize::from(quote)) + &"  ".repeat(usize::from(depth.saturating_sub(1)))
            }
            BlockKind::ListText(nest) => nest_lead(nest),
            BlockKind::Quote { depth } => "> ".repeat(usize::from(depth)),
            BlockKind::Definition => "    ".to_string(),
            _ => String::new(),
        };
        // The block's marks in order, taken in as the words reach them and let go once
        // passed: a word's own marks without a search of the index for each word.
        let mut coming = index.overlapping(block.range.clone()).peekable();
        active.clear();
        for (n, line) in crate::article::hard_lines(text, block.range.clone()).enumerate() {
            out.push_str(&lead);
            if n > 0 && matches!(block.kind, BlockKind::ListItem { .. }) {
                out.push_str("  ");
            }
            let mut first = true;
            // Without colour, struck text is set between `~~`, as Markdown writes it:
            // read as live text, it would say the opposite.
            let mut struck = false;
            for word in line_pieces(text, line) {
                while let Some(mark) = coming.next_if(|(r, _)| r.start < word.end) {
                    active.push(mark);
                }
                active.retain(|(r, _)| r.end > word.start);
                // Most words have no marks, or marks over the whole word: no list is made
                // for them.
                let whole =
                    |(r, _): &(Range<usize>, Marks)| r.start <= word.start && r.end >= word.end;
                let (plain, marked);
                let segments: &[(Range<usize>, Marks)] = if active.iter().all(whole) {
                    let set = active
                        .iter()
                        .fold(Marks::default(), |set, (_, m)| set.with(*m));
                    plain = [(word, set)];
                    &plain
                } else {
                    marked = marks::segments(word, active.iter().cloned());
                    &marked
                };
                let deleted = |set: &Marks| !ansi && set.contains(Marks::DELETED);
                if struck && !segments.first().is_some_and(|(_, set)| deleted(set)) {
                    out.push_str("~~");
                    struck = false;
                }
                if !first {
                    out.push(' ');
                }
                first = false;
                for (range, set) in segments {
                    if deleted(set) != struck {
                        out.push_str("~~");
                        struck = !struck;
                    }
                    push_styled(&mut out, &text[range.clone()], *set, heading, ansi);
                }
            }
            if struck {
                out.push_str("~~");
            }
            out.push('\n');
        }
    }
    out
}

/// What each line of a block that is part of a list item or a quote starts with: the
/// quotes' bars, then the columns to its item's text.
fn nest_lead(nest: Nest) -> String {
    "> ".repeat(usize::from(nest.quote.saturating_sub(nest.inner)))
        + &"  ".repeat(usize::from(nest.depth.saturating_sub(1)))
        + &" ".repeat(usize::from(nest.hang))
        + &"> ".repeat(usize::from(nest.inner))
}

fn push_title(out: &mut String, title: &str, ansi: bool) {
    if ansi {
        out.push_str(&format!("\x1b[1;4m{title}\x1b[0m\n"));
    } else {
        out.push_str(title);
        out.push('\n');
        out.push_str(&"=".repeat(crate::source::display_width(title).max(1)));
        out.push('\n');
    }
}

fn push_styled(out: &mut String, s: &str, set: Marks, heading: bool, ansi: bool) {
    if !ansi || (set == Marks::default() && !heading) {
        out.push_str(s);
        return;
    }
    let mut codes: Vec<&str> = Vec::new();
    if heading || set.contains(Marks::DATELINE) || set.contains(Marks::LEADER) {
        codes.push("1");
    }
    if set.contains(Marks::STRONG) {
        codes.push("1");
    }
    if set.contains(Marks::EMPHASIS) {
        codes.push("3");
    }
    if set.contains(Marks::MUTED) {
        codes.push("2");
    }
    if set.contains(Marks::DELETED) {
        codes.push("9");
    }
    if set.contains(Marks::QUOTE) {
        codes.extend(["3", "32"]);
    }
    if set.contains(Marks::LEADER) {
        codes.extend(["4", "36"]);
    } else if heading {
        codes.push("34");
    }
    out.push_str(&format!("\x1b[{}m{s}\x1b[0m", codes.join(";")));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyse;
    use crate::article::markdown;

    fn dumped(md: &str) -> String {
        let article = markdown::parse(md, "t.md");
        dump(&article, &analyse(&article, &[]), false)
    }

    #[test]
    fn a_line_break_is_a_new_line_in_its_block() {
        assert_eq!(
            dumped("# T\n\nOne  \ntwo\n\n> Three  \n> four\n\n- five  \n  six\n"),
            "T\n=\n\nOne\ntwo\n\n> Three\n> four\n\n• five\n  six\n"
        );
        // Each line of a quote within a quote is marked twice.
        assert_eq!(
            dumped("# T\n\n> > Seven  \n> > eight\n"),
            "T\n=\n\n> > Seven\n> > eight\n"
        );
        // A list in a quote is marked as the quote is, then stepped in as a list.
        assert_eq!(
            dumped("# T\n\n> - nine  \n>   ten\n>   - eleven\n"),
            "T\n=\n\n> • nine\n>   ten\n>   • eleven\n"
        );
    }

    #[test]
    fn each_piece_of_a_word_has_the_colours_of_its_marks() {
        let md = "# Vote\n\n“We will win,” said President Ana Lowe’s aide. It was \
                  *un*believable, ~~not~~ “quite **so**” said Lowe. “Ask President Ana Lowe now,” he said.\n";
        let article = markdown::parse(md, "t.md");
        let shown = dump(&article, &analyse(&article, &[]), true);
        let quote = |s: &str| format!("\x1b[3;32m{s}\x1b[0m");
        let leader = |s: &str| format!("\x1b[1;4;36m{s}\x1b[0m");
        let both = |s: &str| format!("\x1b[1;3;32;4;36m{s}\x1b[0m");
        let expected = [
            "\x1b[1;4mVote\x1b[0m\n\n".to_string(),
            // A mark over whole words, over several, and one ending inside a word.
            format!(
                "{} {} {} said ",
                quote("“We"),
                quote("will"),
                quote("win,”")
            ),
            format!(
                "{} {} {}’s aide. ",
                leader("President"),
                leader("Ana"),
                leader("Lowe")
            ),
            // Marks that start or end inside a word, and one inside another.
            "It was \x1b[3mun\x1b[0mbelievable, \x1b[9mnot\x1b[0m ".to_string(),
            format!(
                "{} \x1b[1;3;32mso\x1b[0m{} said {}. ",
                quote("“quite"),
                quote("”"),
                leader("Lowe")
            ),
            // Two marks over a whole word.
            format!(
                "{} {} {} {} {} he said.\n",
                quote("“Ask"),
                both("President"),
                both("Ana"),
                both("Lowe"),
                quote("now,”")
            ),
        ];
        assert_eq!(shown, expected.concat());
    }

    #[test]
    fn the_title_is_underlined_and_one_blank_line_parts_every_block() {
        let expected = "Harbour Vote\n============\n\nFirst.\n\nSecond.\n";
        // A title of the text's own, and one from metadata.
        assert_eq!(dumped("# Harbour Vote\n\nFirst.\n\nSecond.\n"), expected);
        let front = "---\ntitle: Harbour Vote\n---\n\nFirst.\n\nSecond.\n";
        assert_eq!(dumped(front), expected);
    }

    #[test]
    fn items_of_a_list_sit_together_as_in_the_reader() {
        let md = "# T\n\n- one\n- two\n  - deeper\n\nAfter.\n";
        assert_eq!(dumped(md), "T\n=\n\n• one\n• two\n  • deeper\n\nAfter.\n");
        // Two lists back to back are apart; an item after its nested list is not.
        let md = "# T\n\n- one\n  1. deeper\n- two\n1. first\n   - under\n2. second\n";
        assert_eq!(
            dumped(md),
            "T\n=\n\n• one\n  1. deeper\n• two\n\n1. first\n  • under\n2. second\n"
        );
    }

    #[test]
    fn a_definition_is_set_in_under_its_term_as_in_the_reader() {
        // Each line after a break too.
        let md = "# T\n\nQuay\n: a landing  \nof stone\n\n  for ferries\n\nAfter.\n";
        assert_eq!(
            dumped(md),
            "T\n=\n\nQuay\n    a landing\n    of stone\n\n    for ferries\n\nAfter.\n"
        );
    }

    #[test]
    fn an_item_s_later_paragraph_and_code_are_set_in_under_its_text_as_in_the_reader() {
        let md = "# T\n\n1. Install:\n\n   ```\n   x\n   ```\n\n   Then run  \n   it.\n\n   \
                  > Back up.\n\n> - a\n>   - b\n>\n>     ```\n>     y\n>     ```\n>\n>     after b\n";
        assert_eq!(
            dumped(md),
            "T\n=\n\n1. Install:\n\n       x\n\n   Then run\n   it.\n\n   > Back up.\n\n> • a\n>   • b\n\n\
             >         y\n\n>     after b\n"
        );
    }

    #[test]
    fn struck_text_is_set_between_tildes_without_colour() {
        let md = "# T\n\nAn ~~old~~ new claim, ~~struck in full~~. And ~~end~~\n";
        assert_eq!(
            dumped(md),
            "T\n=\n\nAn ~~old~~ new claim, ~~struck in full~~. And ~~end~~\n"
        );
        // With colour it is crossed out instead.
        let article = markdown::parse(md, "t.md");
        let coloured = dump(&article, &analyse(&article, &[]), true);
        assert!(!coloured.contains("~~") && coloured.contains("\x1b[9mold\x1b[0m"));
    }

    #[test]
    fn tables_and_code_keep_their_spaces() {
        let md = "# T\n\n| a | b |\n|---|--:|\n| x | 10 |\n\n```\nlet  x = 1;\n```\n";
        let expected = "T\n=\n\n│ a │  b │\n├───┼────┤\n│ x │ 10 │\n\n    let  x = 1;\n";
        assert_eq!(dumped(md), expected);
    }
}
