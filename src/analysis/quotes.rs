//! Quoted phrases: spans between matching quotation marks, in one linear pass per
//! paragraph with a stack of open marks. Apostrophes are told apart from single quotes
//! by the letters around them.

use std::ops::Range;

use crate::article::{Article, BlockKind, Inline};
use crate::source::first_where_before;

/// Open quotes tracked at once; deeper nesting is not prose.
const MAX_DEPTH: usize = 8;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// Marks included: what is highlighted.
    pub outer: Range<usize>,
    /// Where the quote's text starts, from `outer.start`, and its length: 24 bytes a
    /// quote rather than 32 (a big article has hundreds of thousands).
    inner_from: u32,
    inner_len: u32,
}

impl Quote {
    /// Between the marks (and any spacing inside them): the quote's text.
    pub fn inner(&self) -> Range<usize> {
        let start = self.outer.start + self.inner_from as usize;
        start..start + self.inner_len as usize
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token {
    Open,
    Close,
    /// `’` or `'` after a word: closes a single quote, or is a plural possessive.
    MaybeClose,
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    token: Token,
    ch: char,
    at: usize,
    /// `’`/`'` after an `s` and before a lowercase word: maybe `the leaders’ talks`.
    possessive_like: bool,
}

#[derive(Debug, Clone, Copy)]
struct Open {
    ch: char,
    at: usize,
}

/// The marks that close a quote opened with `open`.
fn closes(open: char, close: char) -> bool {
    match open {
        '“' | '”' => close == '”',
        // German typed with a straight closing mark too: `„nein"`.
        '„' => matches!(close, '“' | '”' | '"'),
        '"' => close == '"',
        '‘' => close == '’',
        // German single quotes: `‚gut‘`.
        '‚' => matches!(close, '‘' | '’'),
        '\'' => close == '\'',
        '«' => close == '»',
        '»' => close == '«',
        '‹' => close == '›',
        '›' => close == '‹',
        '「' => close == '」',
        '『' => close == '』',
        _ => false,
    }
}

/// All quotes in the article's paragraphs and headings, ordered by start (outer
/// before inner).
pub fn find(article: &Article) -> Vec<Quote> {
    let text = article.text.as_str();
    let mut quotes = Vec::new();
    // A quote left open at a paragraph's end, waiting for the next paragraph to re-open.
    let mut carried: Option<Open> = None;
    // Reused from block to block.
    let mut marks = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let mut later = Vec::new();
    let code = code_spans(article);
    let mut next_code = 0;
    for block in &article.blocks {
        if matches!(block.kind, BlockKind::Code(_)) {
            carried = None;
            continue;
        }
        marks.clear();
        stack.clear();
        let continues = block.kind == BlockKind::Paragraph;
        let para = &text[block.range.clone()];
        let mut skip_first = false;
        if let Some(open) = carried.take() {
            let first = para.chars().next();
            if continues && first == Some(open.ch) {
                stack.push(open);
                skip_first = true;
            }
        }
        tokenize(text, block.range.clone(), &mut marks);
        if skip_first && !marks.is_empty() && marks[0].at == block.range.start {
            marks.remove(0);
        }
        while code
            .get(next_code)
            .is_some_and(|c| c.end <= block.range.start)
        {
            next_code += 1;
        }
        let in_block = code[next_code..]
            .iter()
            .take_while(|c| c.start < block.range.end);
        if in_block.clone().next().is_some() {
            marks.retain(|m| !in_block.clone().any(|c| c.contains(&m.at)));
        }
        resolve(text, &marks, &mut stack, &mut later, &mut quotes);
        if continues && let Some(outermost) = stack.first() {
            carried = Some(*outermost);
        }
    }
    // No two quotes share both ends, so an unstable sort (no buffer) orders them fully.
    quotes.sort_unstable_by_key(|q| (q.outer.start, std::cmp::Reverse(q.outer.end)));
    quotes.shrink_to_fit();
    quotes
}

/// The article's inline code, in order: quotation marks in it (`` `"key"` ``) are
/// code, not quotes.
fn code_spans(article: &Article) -> Vec<Range<usize>> {
    let mut code: Vec<Range<usize>> = (article.inline.iter())
        .filter(|(_, style)| *style == Inline::Code)
        .map(|(range, _)| range.clone())
        .collect();
    code.sort_unstable_by_key(|c| c.start);
    code
}

fn is_word(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

fn is_space(c: Option<char>) -> bool {
    c.is_none_or(char::is_whitespace)
}

/// Before an opening mark: start, space, an opening bracket, dash or another mark.
fn opens_after(c: Option<char>) -> bool {
    is_space(c) || c.is_some_and(|c| "([{—–-/“‘\"'«»„‚「『".contains(c))
}

/// After a closing mark: end, space or punctuation.
fn closes_before(c: Option<char>) -> bool {
    is_space(c) || c.is_some_and(|c| ".,;:!?)]}—–-…".contains(c))
}

/// Words where a leading straight apostrophe marks elision, not a quote.
fn elided(rest: &str) -> bool {
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    word.starts_with(|c: char| c.is_ascii_digit())
        || matches!(
            word.as_str(),
            "tis" | "twas" | "em" | "n" | "cause" | "til" | "bout"
        )
}

/// Records the quotation marks of the paragraph at `text[range]`.
fn tokenize(text: &str, range: Range<usize>, marks: &mut Vec<Mark>) {
    let para = &text[range.clone()];
    let offset = range.start;
    // The text after the paragraph too: a vector scan reads past where it looks.
    let bytes = &text.as_bytes()[offset..];
    let mut from = 0;
    // Every quotation mark is `"`, `'`, or led by `C2` (`«»`), `E2` (`“”‘’„‚`) or
    // `E3` (`「」『』`): the text between is skipped many bytes at a time.
    while let Some(skip) = first_where_before(&bytes[from..], para.len() - from, |b, _, _| {
        (b == b'"') | (b == b'\'') | (b == 0xC2) | (b == 0xE2) | (b == 0xE3)
    }) {
        let i = from + skip;
        let Some(c) = para[i..].chars().next() else {
            break;
        };
        from = i + c.len_utf8();
        push_mark(para, i, c, offset, marks);
    }
}

/// Records the character `c` at byte `i` of `para` if it is a quotation mark.
fn push_mark(para: &str, i: usize, c: char, offset: usize, marks: &mut Vec<Mark>) {
    let after = i + c.len_utf8();
    let prev = para[..i].chars().next_back();
    let next = para[after..].chars().next();
    if let Some(token) = mark(para, i, prev, c, next) {
        let possessive_like = token == Token::MaybeClose
            && matches!(prev, Some('s' | 'S'))
            && para[after..]
                .strip_prefix(' ')
                .is_some_and(|r| r.starts_with(char::is_lowercase));
        marks.push(Mark {
            token,
            ch: c,
            at: offset + i,
            possessive_like,
        });
    }
}

/// What the character `c` at byte `i` of `para`, between `prev` and `next`, is as a
/// quotation mark, if anything.
fn mark(para: &str, i: usize, prev: Option<char>, c: char, next: Option<char>) -> Option<Token> {
    match c {
        // Marks used both ways close when they stand after a word and before a
        // space or punctuation; not French guillemets after an elided article
        // (`d’« une étape »`), which open.
        '"' | '«' | '»' | '‹' | '›' | '“'
            if !is_space(prev)
                && closes_before(next)
                && !(matches!(c, '«' | '‹') && matches!(prev, Some('’' | '\''))) =>
        {
            Some(Token::Close)
        }
        '“' | '„' | '‚' | '«' | '»' | '‹' | '›' | '「' | '『' | '"' => {
            Some(Token::Open)
        }
        // Swedish and Finnish open with `”` too (`sa ”hej” och`).
        '”' if opens_after(prev) && !is_space(next) => Some(Token::Open),
        '”' | '」' | '』' => Some(Token::Close),
        '‘' if !(is_word(prev) && is_word(next)) => Some(Token::Open),
        '’' | '\'' if is_word(prev) && is_word(next) => None,
        // The second mark of `rock 'n' roll`, whose first is an elision.
        '’' | '\'' if after_elided_n(&para[..i]) => None,
        '’' | '\'' if opens_after(prev) => {
            (c == '\'' && !is_space(next) && !elided(&para[i + 1..])).then_some(Token::Open)
        }
        '’' | '\'' => Some(Token::MaybeClose),
        _ => None,
    }
}

/// Whether `before` ends with an `'n` standing alone (`rock 'n`): the mark after it
/// ends that word, as in `rock 'n' roll`.
fn after_elided_n(before: &str) -> bool {
    before
        .strip_suffix(['n', 'N'])
        .and_then(|b| b.strip_suffix(['\'', '’']))
        .is_some_and(|b| is_space(b.chars().next_back()))
}

/// A block's marks → its quotes. `later` is a buffer reused from block to block.
fn resolve(
    text: &str,
    marks: &[Mark],
    stack: &mut Vec<Open>,
    later: &mut Vec<(bool, bool)>,
    quotes: &mut Vec<Quote>,
) {
    // Whether a later mark could close the same single quote (curly, straight): a
    // `’`/`'` after index i with no new opening `‘`/`'` in between. A possessive-looking
    // mark (`the leaders’ talks`) only closes when no such later mark exists.
    later.clear();
    later.resize(marks.len() + 1, (false, false));
    for (i, m) in marks.iter().enumerate().rev() {
        let (curly, straight) = later[i + 1];
        later[i] = (
            match (m.token, m.ch) {
                (Token::MaybeClose, '’') => true,
                (Token::Open, '‘') => false,
                _ => curly,
            },
            match (m.token, m.ch) {
                (Token::MaybeClose, '\'') => true,
                (Token::Open, '\'') => false,
                _ => straight,
            },
        );
    }
    for (i, m) in marks.iter().enumerate() {
        let opener = stack.iter().rposition(|o| closes(o.ch, m.ch));
        match (m.token, opener) {
            // Marks that both open and close (`"`, `«`/`»`, `“` in German) close first.
            (Token::Open, Some(at)) if is_ambiguous(m.ch, stack[at].ch) => {
                close(text, stack, at, m, quotes)
            }
            (Token::Open, _) => {
                // Real quotes nest a few deep; a run of unmatched openers must not make
                // every later mark scan a long stack.
                if stack.len() == MAX_DEPTH {
                    stack.remove(0);
                }
                stack.push(Open { ch: m.ch, at: m.at });
            }
            (Token::Close, Some(at)) => close(text, stack, at, m, quotes),
            (Token::MaybeClose, Some(at)) => {
                let (curly, straight) = later[i + 1];
                let later = if m.ch == '’' { curly } else { straight };
                if !(m.possessive_like && later) {
                    close(text, stack, at, m, quotes);
                }
            }
            _ => {}
        }
    }
}

/// An opening-looking mark that closes the open quote instead.
fn is_ambiguous(mark: char, open: char) -> bool {
    matches!(
        (open, mark),
        ('"', '"') | ('„', '“') | ('‚', '‘') | ('«', '»') | ('»', '«') | ('‹', '›') | ('›', '‹')
    )
}

fn close(text: &str, stack: &mut Vec<Open>, at: usize, m: &Mark, quotes: &mut Vec<Quote>) {
    let open = stack[at];
    stack.truncate(at);
    let mut inner = open.at + open.ch.len_utf8()..m.at;
    // French spacing inside guillemets (`« mot »`) is not part of the quote.
    let between = &text[inner.clone()];
    inner.start += between.len() - between.trim_start().len();
    inner.end -= between.len() - between.trim_end().len();
    let from = u32::try_from(inner.start - open.at);
    let len = u32::try_from(inner.len());
    if let (true, Ok(inner_from), Ok(inner_len)) = (inner.start < inner.end, from, len) {
        quotes.push(Quote {
            outer: open.at..m.at + m.ch.len_utf8(),
            inner_from,
            inner_len,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::plain;

    /// The reference: every character looked at in turn.
    fn tokenize_char_by_char(para: &str, offset: usize, marks: &mut Vec<Mark>) {
        for (i, c) in para.char_indices() {
            push_mark(para, i, c, offset, marks);
        }
    }

    proptest::proptest! {
        #[test]
        fn marks_found_by_skipping_are_those_found_char_by_char(
            para in "([a-zA-Z]{1,6}|[ .,!?]|[\"'«»“”‘’„‚「」『』]|—|é|\u{a0}|漢){0,80}",
        ) {
            let (mut fast, mut slow) = (Vec::new(), Vec::new());
            // Within a text with marks before and after the paragraph.
            let before = "“'12345";
            let text = format!("{before}{para}”'\"");
            tokenize(&text, before.len()..before.len() + para.len(), &mut fast);
            tokenize_char_by_char(&para, before.len(), &mut slow);
            let key = |m: &Mark| (m.token, m.ch, m.at, m.possessive_like);
            proptest::prop_assert_eq!(
                fast.iter().map(key).collect::<Vec<_>>(),
                slow.iter().map(key).collect::<Vec<_>>()
            );
        }
    }

    fn quotes(text: &str) -> Vec<String> {
        let article = plain::parse(text.to_string(), "t.txt");
        find(&article)
            .iter()
            .map(|q| article.text[q.inner()].to_string())
            .collect()
    }

    #[test]
    fn curly_and_straight_doubles() {
        assert_eq!(
            quotes("He said “great progress,” and left."),
            ["great progress,"]
        );
        assert_eq!(quotes("He said \"no\" and \"yes\"."), ["no", "yes"]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        let text = "Russia’s leaders’ talks, the Joneses' garden, ’90s rock ’n’ roll, ’tis, don't, O’Brien's.";
        assert!(quotes(text).is_empty(), "{:?}", quotes(text));
    }

    #[test]
    fn single_quotes_nested_and_british() {
        assert_eq!(
            quotes("“He told me ‘never again’ today,” she said."),
            ["He told me ‘never again’ today,", "never again"]
        );
        assert_eq!(
            quotes("‘The leaders’ talks went well,’ he said."),
            ["The leaders’ talks went well,"]
        );
        assert_eq!(
            quotes("'It was the Joneses' idea,' she said."),
            ["It was the Joneses' idea,"]
        );
        assert_eq!(quotes("They call him 'Bud' at home."), ["Bud"]);
        assert_eq!(
            quotes("They sang 'rock 'n' roll' loudly, and ’n’ too."),
            ["rock 'n' roll"]
        );
        assert_eq!(
            quotes("“They wrote ‘no further talks’ would happen, and ‘final’,” she said."),
            [
                "They wrote ‘no further talks’ would happen, and ‘final’,",
                "no further talks",
                "final"
            ]
        );
    }

    #[test]
    fn other_mark_styles() {
        assert_eq!(quotes("Er sagte „Guten Tag“ und ging."), ["Guten Tag"]);
        assert_eq!(
            quotes("„Wir schaffen das\", sagte sie. Er sagte \"nein\"."),
            ["Wir schaffen das", "nein"]
        );
        assert_eq!(quotes("Il a dit « bonjour » hier."), ["bonjour"]);
        assert_eq!(quotes("Er sagte »Hallo« laut."), ["Hallo"]);
        assert_eq!(
            quotes("Han sa ”hej” och gick. ”Nej”, sa hon. He said “yes” again."),
            ["hej", "Nej", "yes"]
        );
        assert_eq!(
            quotes("Il parle d’« une étape » et de «progrès», l'‹ autre ›."),
            ["une étape", "progrès", "autre"]
        );
        assert_eq!(
            quotes("Er sagte: ‚Das ist gut‘. Dann ging er."),
            ["Das ist gut"]
        );
        assert_eq!(
            quotes("„Er sagte: ‚Das ist gut‘, und ging“, berichtete sie."),
            ["Er sagte: ‚Das ist gut‘, und ging", "Das ist gut"]
        );
        assert_eq!(
            quotes("«Il a dit ‹ non › hier», a-t-il ajouté. Sie sagte ›ja‹."),
            ["Il a dit ‹ non › hier", "non", "ja"]
        );
        assert_eq!(
            quotes("彼は「こんにちは」と言った。『本』"),
            ["こんにちは", "本"]
        );
    }

    #[test]
    fn unbalanced_marks_stay_inside_their_paragraph() {
        let text = "He said “this never closes.\n\nA new paragraph with “a quote” in it.";
        assert_eq!(quotes(text), ["a quote"]);
    }

    #[test]
    fn quotation_spanning_paragraphs() {
        let text = "Intro line here.\n\n“First part of the speech.\n\n“Second part, and the end.”\n\nAfter.";
        let q = quotes(text);
        assert_eq!(q.len(), 1);
        assert!(q[0].starts_with("First part") && q[0].ends_with("the end."));
    }

    #[test]
    fn quotation_marks_in_inline_code_are_code() {
        let text = "Set `\"historic\"` and `it's` as keys; she said \"fine\" and `x = \"y\"`.\n\n\
                    # `\"Code\"` in a heading, \"a quote\" too\n\n\
                    A \"quote holding `code` inside\" stays.\n";
        let article = crate::article::markdown::parse(text, "t.md");
        let found: Vec<&str> = (find(&article).iter())
            .map(|q| &article.text[q.inner()])
            .collect();
        assert_eq!(found, ["fine", "a quote", "quote holding code inside"]);
    }

    #[test]
    fn stray_inch_mark_is_ignored() {
        assert_eq!(quotes("A 5\" screen and \"a quote\" here."), ["a quote"]);
    }
}
