//! Word tokens for the leaders detector: byte ranges, capitalisation, sentence starts.

use std::ops::Range;

use unicode_normalization::UnicodeNormalization;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub range: Range<usize>,
    pub kind: Kind,
    /// First word of a sentence (or block): its capital says nothing.
    pub sentence_start: bool,
    /// A `’s`/`'s` followed the word (excluded from `range`).
    pub possessive: bool,
    /// Index of the block the token is in.
    pub block: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Punct(char),
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Tokenizes `text[range]` and appends to `out`. Words keep inner apostrophes, hyphens
/// and the dots of initialisms (`O’Brien`, `Jae-myung`, `U.S.`); a single capital
/// followed by a dot is an initial (`J.`).
pub fn tokenize(text: &str, range: Range<usize>, block: usize, out: &mut Vec<Token>) {
    let s = &text[range.clone()];
    let base = range.start;
    let mut iter = s.char_indices().peekable();
    let mut sentence_start = true;
    while let Some((i, c)) = iter.next() {
        if c.is_whitespace() {
            continue;
        }
        if !c.is_alphanumeric() {
            out.push(Token {
                range: base + i..base + i + c.len_utf8(),
                kind: Kind::Punct(c),
                sentence_start: false,
                possessive: false,
                block,
            });
            if matches!(c, '.' | '!' | '?' | ':' | ';' | '…') {
                sentence_start = true;
            }
            continue;
        }
        let start = i;
        let mut end = i + c.len_utf8();
        let mut dotted = false;
        while let Some(&(j, d)) = iter.peek() {
            if d.is_alphanumeric() {
                end = j + d.len_utf8();
                iter.next();
                continue;
            }
            let after = s[j + d.len_utf8()..].chars().next();
            let joins =
                matches!(d, '-' | '’' | '\'' | '.') && after.is_some_and(char::is_alphanumeric);
            if joins {
                dotted |= d == '.';
                end = j + d.len_utf8();
                iter.next();
                continue;
            }
            break;
        }
        // `U.S.` and `J.` keep their final dot; `Mr.` does not.
        let word = &s[start..end];
        let initial = word.chars().count() == 1 && word.starts_with(char::is_uppercase);
        if (dotted || initial) && s[end..].starts_with('.') {
            end += 1;
            iter.next();
        }
        let mut possessive = false;
        let word = &s[start..end];
        for suffix in ["’s", "'s", "’S", "'S"] {
            if let Some(stem) = word.strip_suffix(suffix)
                && !stem.is_empty()
            {
                end = start + stem.len();
                possessive = true;
                break;
            }
        }
        out.push(Token {
            range: base + start..base + end,
            kind: Kind::Word,
            sentence_start,
            possessive,
            block,
        });
        sentence_start = false;
        // A trailing apostrophe (`leaders’`) is punctuation; skip it quietly.
        if !possessive && iter.peek().is_some_and(|&(_, d)| is_apostrophe(d)) {
            iter.next();
        }
    }
}

/// Lowercase, no diacritics: `Erdoğan` → `erdogan`, `Sánchez` → `sanchez`.
pub fn fold(word: &str) -> String {
    let mut out = String::new();
    fold_into(word, &mut out);
    out
}

/// [`fold`] into a reused buffer; ASCII words (most of them) skip normalisation.
pub fn fold_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.extend(
            word.bytes()
                .filter(|&b| b != b'.')
                .map(|b| char::from(b.to_ascii_lowercase())),
        );
        return;
    }
    out.extend(
        word.nfd()
            .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
            .flat_map(char::to_lowercase)
            .filter(|&c| c != '.')
            .map(|c| if c == '’' { '\'' } else { c }),
    );
}

pub fn is_capitalised(word: &str) -> bool {
    word.starts_with(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        let mut out = Vec::new();
        tokenize(s, 0..s.len(), 0, &mut out);
        out.iter().map(|t| s[t.range.clone()].to_string()).collect()
    }

    #[test]
    fn words_and_punctuation() {
        assert_eq!(
            words("US President Donald J. Trump’s O’Brien, Jae-myung."),
            [
                "US",
                "President",
                "Donald",
                "J.",
                "Trump",
                "O’Brien",
                ",",
                "Jae-myung",
                "."
            ]
        );
        assert_eq!(
            words("the U.S. and Mr. Smith"),
            ["the", "U.S.", "and", "Mr", ".", "Smith"]
        );
        assert_eq!(words("the leaders’ talks"), ["the", "leaders", "talks"]);
    }

    #[test]
    fn folding() {
        assert_eq!(fold("Erdoğan"), "erdogan");
        assert_eq!(fold("Sánchez"), "sanchez");
        assert_eq!(fold("Inácio"), "inacio");
        assert_eq!(fold("J."), "j");
    }
}
