//! Text written for a terminal: a manual page as `man` hands it to a pager, a program's
//! coloured output. Bold and underline are made by overstriking — a character, a
//! backspace and the same character (`N␈N`), or `_`, a backspace and the character — or
//! set by escape sequences (`␛[1m`). They reach here as the control pictures that
//! [`clean`](crate::source::clean) made of the backspaces and escapes: the styles become
//! inline styles, and the overstrikes and sequences leave the text.

use std::ops::Range;

use super::Inline;

const BACKSPACE: char = '\u{2408}';
const ESCAPE: char = '\u{241B}';
const BELL: char = '\u{2407}';

/// The longest escape sequence read as one: longer, it is no sequence a program wrote.
const MAX_SEQUENCE_BYTES: usize = 256;

/// Text without its overstrikes and escape sequences, and the styles they gave it.
#[derive(Debug)]
pub struct Styled {
    pub text: String,
    /// In order of their starts, none overlapping another of its style.
    pub styles: Vec<(Range<usize>, Inline)>,
}

/// Reads the overstrikes and escape sequences of `text`, which was cleaned.
pub fn decode(text: &str) -> Styled {
    let mut out = Styled {
        text: String::with_capacity(text.len()),
        styles: Vec::new(),
    };
    // What the last escape sequences set.
    let (mut bold, mut underline) = (false, false);
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let after = &rest[c.len_utf8()..];
        if c == BACKSPACE
            && let Some(next) = after.chars().next()
            && let Some(struck) = out.text.chars().next_back()
            && ![struck, next]
                .iter()
                .any(|&c| matches!(c, '\n' | BACKSPACE | ESCAPE))
        {
            // What stays is the character written last, but for an underscore: bold
            // when both are one character, underlined when one is `_`.
            let (shown, style) = match (struck, next) {
                _ if struck == next => (next, Some(Inline::Strong)),
                ('_', _) => (next, Some(Inline::Emphasis)),
                (_, '_') => (struck, Some(Inline::Emphasis)),
                _ => (next, None),
            };
            let at = out.text.len() - struck.len_utf8();
            out.text.truncate(at);
            out.unstyle_from(at);
            out.text.push(shown);
            if let Some(style) = style {
                out.style(at..out.text.len(), style);
            }
            rest = &after[next.len_utf8()..];
            continue;
        }
        if c == ESCAPE
            && let Some((sequence, len)) = sequence(after)
        {
            if let Sequence::Graphics(params) = sequence {
                set_graphics(params, &mut bold, &mut underline);
            }
            rest = &after[len..];
            continue;
        }
        let at = out.text.len();
        out.text.push(c);
        if c != '\n' {
            if bold {
                out.style(at..out.text.len(), Inline::Strong);
            }
            if underline {
                out.style(at..out.text.len(), Inline::Emphasis);
            }
        }
        rest = after;
    }
    out
}

impl Styled {
    /// Styles `range`, joining it to the style's run it goes on.
    fn style(&mut self, range: Range<usize>, style: Inline) {
        // Bold and underline runs may alternate: the last two tell.
        let len = self.styles.len();
        let run = self.styles[len.saturating_sub(2)..]
            .iter_mut()
            .rfind(|(r, s)| *s == style && r.end == range.start);
        match run {
            Some((r, _)) => r.end = range.end,
            None => self.styles.push((range, style)),
        }
    }

    /// Cuts the styles back to end by `at`, where the text was cut back to.
    fn unstyle_from(&mut self, at: usize) {
        for (range, _) in self.styles.iter_mut().rev().take(2) {
            range.end = range.end.min(at);
        }
        self.styles.retain(|(range, _)| !range.is_empty());
    }
}

enum Sequence<'t> {
    /// Select Graphic Rendition (`␛[1m`): its parameters.
    Graphics(&'t str),
    /// Any other: moving the cursor, erasing, a window's title, a hyperlink's address.
    Other,
}

/// The escape sequence that `after` (what follows an escape) starts, and its length:
/// a control sequence (`[`, parameters, a final letter), a string for the terminal (an
/// operating system command `]`, a device control string `P`…, ended by a bell or
/// `␛\`), or an escape's one final character after any intermediate ones (`␛(B`, `␛7`).
fn sequence(after: &str) -> Option<(Sequence<'_>, usize)> {
    let within = &after[..after.floor_char_boundary(MAX_SEQUENCE_BYTES)];
    if let Some(body) = within.strip_prefix('[') {
        let end = body.find(|c: char| !matches!(c, '0'..='?' | ' '..='/'))?;
        let last = body[end..].chars().next()?;
        if !matches!(last, '@'..='~') {
            return None;
        }
        let sequence = match last {
            'm' => Sequence::Graphics(&body[..end]),
            _ => Sequence::Other,
        };
        return Some((sequence, 1 + end + 1));
    }
    let Some(body) = within.strip_prefix([']', 'P', '_', '^', 'X']) else {
        let end = within.find(|c: char| !matches!(c, ' '..='/'))?;
        let last = within[end..].chars().next()?;
        return matches!(last, '0'..='~').then_some((Sequence::Other, end + 1));
    };
    let bell = body.find(BELL).map(|at| (at, BELL.len_utf8()));
    let terminator = body
        .find("\u{241B}\\")
        .map(|at| (at, ESCAPE.len_utf8() + 1));
    let (end, len) = bell.into_iter().chain(terminator).min()?;
    Some((Sequence::Other, 1 + end + len))
}

/// Sets bold and underline as `␛[…m`'s parameters say; colours are not kept.
fn set_graphics(params: &str, bold: &mut bool, underline: &mut bool) {
    let mut params = params.split([';', ':']);
    while let Some(param) = params.next() {
        match param {
            "" | "0" => (*bold, *underline) = (false, false),
            "1" => *bold = true,
            "22" => *bold = false,
            "3" | "4" => *underline = true,
            "23" | "24" => *underline = false,
            // A colour by number or by red, green and blue: its values are no styles.
            "38" | "48" | "58" => match params.next() {
                Some("5") => {
                    let _ = params.next();
                }
                Some("2") => {
                    let _ = params.nth(2);
                }
                _ => {}
            },
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text, and each style's text.
    fn read(text: &str) -> (String, Vec<(String, Inline)>) {
        let styled = decode(text);
        let styles = styled
            .styles
            .iter()
            .map(|(r, s)| (styled.text[r.clone()].to_string(), *s))
            .collect();
        (styled.text, styles)
    }

    #[test]
    fn overstrikes_are_bold_and_underline() {
        let (text, styles) = read("N␈NA␈AM␈ME␈E\n  l␈ls␈s [_␈O_␈P]␈]... x␈_");
        assert_eq!(text, "NAME\n  ls [OP]... x");
        assert_eq!(
            styles,
            [
                ("NAME".into(), Inline::Strong),
                ("ls".into(), Inline::Strong),
                ("OP".into(), Inline::Emphasis),
                ("]".into(), Inline::Strong),
                ("x".into(), Inline::Emphasis),
            ]
        );
    }

    #[test]
    fn a_character_struck_again_and_again_is_bold_once() {
        let (text, styles) = read("é␈é␈é!");
        assert_eq!(text, "é!");
        assert_eq!(styles, [("é".into(), Inline::Strong)]);
        // A different character struck over another shows the last written.
        assert_eq!(read("+␈o item"), ("o item".into(), vec![]));
    }

    #[test]
    fn a_backspace_with_nothing_to_strike_stays_a_picture() {
        for text in ["␈x", "a␈", "a\n␈b", "a␈\nb", "a␈␈b"] {
            assert_eq!(read(text).0, text);
        }
    }

    #[test]
    fn escape_sequences_set_bold_and_underline_and_leave_the_text() {
        let (text, styles) =
            read("␛[1mbold␛[m plain ␛[4munder␛[24m ␛[1;31mred bold␛[22m ␛[38;5;1mcolour␛[m");
        assert_eq!(text, "bold plain under red bold colour");
        assert_eq!(
            styles,
            [
                ("bold".into(), Inline::Strong),
                ("under".into(), Inline::Emphasis),
                ("red bold".into(), Inline::Strong),
            ]
        );
        // A colour's values are no styles: `38;5;1` is not bold.
        assert_eq!(read("␛[38;5;1mx").1, []);
        assert_eq!(read("␛[38;2;1;4;3mx").1, []);
    }

    #[test]
    fn a_style_spans_lines_but_not_their_ends() {
        let (text, styles) = read("␛[1mone\ntwo␛[0m");
        assert_eq!(text, "one\ntwo");
        assert_eq!(
            styles,
            [
                ("one".into(), Inline::Strong),
                ("two".into(), Inline::Strong)
            ]
        );
    }

    #[test]
    fn other_sequences_and_links_leave_the_text() {
        let (text, _) = read("a␛[2Kb␛[10;3Hc ␛]8;;https://x.example␛\\link␛]8;;␛\\ d␛]0;title␇e");
        assert_eq!(text, "abc link de");
        // Device control and application strings; a character set chosen, the cursor
        // saved.
        let (text, _) = read("a␛Pq#0;2␛\\b␛_Gdata␛\\c ␛(Bd␛7e");
        assert_eq!(text, "abc de");
    }

    #[test]
    fn what_is_no_sequence_stays_as_it_is() {
        for text in [
            "a lone ␛",
            "␛\n",
            "␛(",
            "␛[",
            "␛[12",
            "␛]8;;never ended",
            "␛[1é",
        ] {
            assert_eq!(read(text).0, text);
        }
        let long = format!("␛[{}m", "1;".repeat(200));
        assert_eq!(read(&long).0, long);
    }
}
