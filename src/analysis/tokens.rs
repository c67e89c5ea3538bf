//! Word tokens for the leaders detector: byte ranges, capitalisation, sentence starts.

use std::ops::Range;

use std::sync::OnceLock;

use crate::article::LINE_BREAK;
use crate::source::{each, run_end, within};

use unicode_normalization::UnicodeNormalization;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub range: Range<usize>,
    pub kind: Kind,
    /// First word of a sentence (or block): its capital says nothing.
    pub sentence_start: bool,
    /// A `’s`/`'s` followed the word (excluded from `range`).
    pub possessive: bool,
    /// The word starts with a capital letter.
    pub capital: bool,
    /// The word is ASCII without dots (see [`Context::ascii`]).
    pub ascii: bool,
    /// What the caller's `classify` said of the word (see [`tokenize`]).
    pub tag: u16,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Punct(char),
    /// A run of lowercase words the caller does not look at, and of punctuation but
    /// commas and dots (see [`tokenize`]).
    Gap,
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

/// The character at byte `i` of `s` and its length; ASCII without decoding.
#[inline]
fn char_at(s: &str, i: usize) -> Option<(char, usize)> {
    let b = *s.as_bytes().get(i)?;
    if b.is_ascii() {
        return Some((char::from(b), 1));
    }
    let c = s.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// Dashes, curly quotes, ellipses and the like (Unicode's General Punctuation, less its
/// spaces): common in articles, and answered here without the Unicode tables.
fn is_punctuation(c: char) -> bool {
    matches!(c, '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}')
}

/// A letter or digit. The letters of names not in ASCII are mostly Latin (`ğ`, `é`, `ł`),
/// told here without the Unicode tables.
fn is_alphanumeric(c: char) -> bool {
    match c {
        'À'..='ɏ' => !matches!(c, '×' | '÷'),
        _ => c.is_alphanumeric(),
    }
}

/// What [`tokenize`] tells `classify` of a word besides its text.
#[derive(Debug, Clone, Copy)]
pub struct Context {
    /// ASCII letters and digits only, the first no capital.
    pub plain: bool,
    /// ASCII only and no dots: the word folds to itself lowercased (see [`fold`]).
    pub ascii: bool,
    /// The token before is a word, not punctuation or a gap.
    pub after_word: bool,
}

/// Tokenizes `text[range]` and appends to `out`. Words keep inner apostrophes, hyphens
/// and the dots of initialisms (`O’Brien`, `Jae-myung`, `U.S.`); a single capital
/// followed by a dot is an initial (`J.`). `classify` tags each word; lowercase words
/// it tags 0 (most of an article's words) merge into one [`Kind::Gap`] per run, so the
/// caller's rules step over them at once. So do punctuation marks but `,` and `.`: they
/// only part words, as a gap does.
///
/// Runs for every word of the article, so it reads bytes, decodes only non-ASCII
/// characters, and does not classify every word: the caller's rules read words only in
/// runs that touch a word, `,` or `.`, so plain words after a gap join it unclassified,
/// and only those just before the next word or comma are classified, from the last back
/// while tagged (see [`Deferred`]). A tagged word amid a gap would stand between gaps,
/// touching nothing; one before a dot ends a run that no rule reads to a name. For this
/// `classify` must tag a word by nothing but the word and its [`Context`].
pub fn tokenize(
    text: &str,
    range: Range<usize>,
    out: &mut Vec<Token>,
    mut classify: impl FnMut(&str, Context) -> u16,
) {
    let s = &text[range.clone()];
    let bytes = s.as_bytes();
    let base = range.start;
    let mut i = 0;
    let mut sentence_start = true;
    let mut deferred: Option<Deferred> = None;
    let after_word = |out: &Vec<Token>| out.last().is_some_and(Token::is_word);
    while let Some(&b) = bytes.get(i) {
        if b == b' ' {
            i += 1;
            continue;
        }
        // Most words: lowercase ASCII, ended by a space or plain punctuation (a `.` or
        // `-` too, unless a letter follows it). They cannot be initials, possessives or
        // dotted, so skip the general path below.
        if b.is_ascii_lowercase() || b.is_ascii_digit() {
            let end = alphanumeric_end(bytes, i + 1);
            if plain_word_ends(bytes, end) {
                if let Some(gap) = out.last_mut().filter(|t| t.kind == Kind::Gap) {
                    deferred.get_or_insert(Deferred {
                        from: i,
                        gap_end: gap.range.end,
                        starts: sentence_start,
                    });
                    // So do the plain words after it, up to the first other byte: found
                    // without reading word by word. Unless that byte ends a plain word,
                    // the word it is in is read again, whole.
                    let mut next = lowercase_end(bytes, end);
                    if !plain_word_ends(bytes, next) {
                        while next > end && bytes[next - 1].is_ascii_alphanumeric() {
                            next -= 1;
                        }
                    }
                    let mut last_end = next;
                    while last_end > end && bytes[last_end - 1] == b' ' {
                        last_end -= 1;
                    }
                    gap.range.end = base + last_end;
                    gap.sentence_start |= sentence_start;
                    sentence_start = false;
                    i = next;
                    continue;
                }
                let context = Context {
                    plain: true,
                    ascii: true,
                    after_word: after_word(out),
                };
                let tag = classify(&s[i..end], context);
                let word = Token {
                    range: base + i..base + end,
                    kind: Kind::Word,
                    sentence_start,
                    possessive: false,
                    capital: false,
                    ascii: true,
                    tag,
                };
                push_word(out, word, tag == 0);
                sentence_start = false;
                i = end;
                continue;
            }
        }
        let Some((c, len)) = char_at(s, i) else { break };
        // A line break parts names as punctuation does (`Ana Lowe⏎Harbour Street`).
        if c.is_whitespace() && c != LINE_BREAK {
            i += len;
            continue;
        }
        let punctuation = is_punctuation(c) || !is_alphanumeric(c);
        // Before other punctuation than a comma, the words are read by no rule either.
        if let Some(words) = deferred.take().filter(|_| !punctuation || c == ',') {
            words.classify_last(s, base, i, out, &mut classify);
        }
        if punctuation {
            let mark = Token {
                range: base + i..base + i + len,
                kind: Kind::Punct(c),
                sentence_start: false,
                possessive: false,
                capital: false,
                ascii: false,
                tag: 0,
            };
            push_word(out, mark, !matches!(c, ',' | '.'));
            if matches!(c, '.' | '!' | '?' | ':' | ';' | '…') {
                sentence_start = true;
            }
            i += len;
            continue;
        }
        let start = i;
        let mut end = i + len;
        let mut dotted = false;
        let mut wide = len > 1;
        let mut elided = false;
        loop {
            end = alphanumeric_end(bytes, end);
            let Some((d, dlen)) = char_at(s, end) else {
                break;
            };
            if !is_punctuation(d) && is_alphanumeric(d) {
                wide = true;
                end += dlen;
            } else if is_apostrophe(d) && elided_before_capital(s, start, end + dlen) {
                elided = true;
                break;
            } else if matches!(d, '-' | '’' | '\'' | '.')
                && char_at(s, end + dlen).is_some_and(|(a, _)| is_alphanumeric(a))
            {
                dotted |= d == '.';
                wide |= dlen > 1;
                end += dlen;
            } else {
                break;
            }
        }
        // A name's `Jr.` only tells a son from his father: no word of the name, which
        // `Kennedy` names for short (the caller shows it with the name).
        if end - start == 2 && &bytes[start..end] == b"Jr" && out.last().is_some_and(|t| t.capital)
        {
            i = end + usize::from(bytes.get(end) == Some(&b'.'));
            continue;
        }
        // `U.S.` and `J.` keep their final dot; `Mr.` does not.
        let initial = end - start == len && c.is_uppercase();
        if (dotted || initial) && s.as_bytes().get(end) == Some(&b'.') {
            dotted = true;
            end += 1;
        }
        let word = &s[start..end];
        let stem = possessive_stem(word);
        let possessive = stem.is_some();
        let word_end = start + stem.map_or(word.len(), str::len);
        let context = Context {
            plain: false,
            ascii: !wide && !dotted,
            after_word: after_word(out),
        };
        let tag = classify(&s[start..word_end], context);
        // An elided article's capital (`L’Europe`) starts no name.
        let capital = c.is_uppercase() && !elided;
        let word = Token {
            range: base + start..base + word_end,
            kind: Kind::Word,
            sentence_start,
            possessive,
            capital,
            ascii: context.ascii,
            tag,
        };
        push_word(out, word, tag == 0 && !possessive && !capital);
        sentence_start = false;
        i = end;
        // A trailing apostrophe (`leaders’`, an elided `dell’`) is punctuation; skip it
        // quietly.
        if !possessive && let Some((_, len)) = char_at(s, i).filter(|&(d, _)| is_apostrophe(d)) {
            i += len;
        }
    }
}

/// Whether a word of lowercase ASCII letters and digits before `at` ends there, as a
/// space or most punctuation ends it: not at a letter or digit, an apostrophe, a
/// character not ASCII (a letter, maybe), or a hyphen or dot before a letter (`late-night`,
/// `e.g`).
#[inline]
fn plain_word_ends(bytes: &[u8], at: usize) -> bool {
    let joins = |at: usize| {
        bytes
            .get(at)
            .is_some_and(|&b| b >= 0x80 || b.is_ascii_alphanumeric())
    };
    match bytes.get(at) {
        Some(b'\'' | 0x80..) => false,
        Some(b'-' | b'.') => !joins(at + 1),
        Some(b) => !b.is_ascii_alphanumeric(),
        None => true,
    }
}

/// `word` without its possessive `’s` or `'s`, if it has one. A word starts with a
/// letter or digit, so what is left is never empty.
fn possessive_stem(word: &str) -> Option<&str> {
    // Most words end in another letter: a byte tells.
    let rest = match word.as_bytes().last()? {
        b's' | b'S' => &word[..word.len() - 1],
        _ => return None,
    };
    rest.strip_suffix(['’', '\''])
}

/// French and Italian articles and prepositions written elided onto the next word
/// (`l’Assemblée`, `d’Emmanuel`, `dell’Economia`): before a capital they are words of
/// their own, so that the name or place after them is one too.
const ELIDED: &[&str] = &[
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "dell", "all",
    "dall", "nell", "sull", "coll", "quell", "un",
];

/// Whether `s[start..]` up to an apostrophe is an [`ELIDED`] word, and a capital follows
/// the apostrophe at `after`.
fn elided_before_capital(s: &str, start: usize, after: usize) -> bool {
    if !char_at(s, after).is_some_and(|(c, _)| c.is_uppercase()) {
        return false;
    }
    let word = s[start..].split(['\'', '’']).next().unwrap_or_default();
    ELIDED.iter().any(|e| e.eq_ignore_ascii_case(word))
}

/// The shortest adjective [`Deferred::classify_last`] sets apart after a tagged word:
/// the nationalities that stand after a title (`allemand`, `italiana`) are longer.
const MIN_ADJECTIVE_BYTES: usize = 6;

/// Plain words that joined a gap unclassified (see [`tokenize`]).
struct Deferred {
    /// Where the first starts, in the text tokenized.
    from: usize,
    /// The gap's end before they joined it.
    gap_end: usize,
    /// Whether the first starts a sentence.
    starts: bool,
}

impl Deferred {
    /// Classifies the words just before the token at `to`, from the last back while
    /// tagged (and past an untagged adjective before a capital, see below), and takes
    /// those out of the gap, which is `out`'s last token.
    fn classify_last(
        self,
        s: &str,
        base: usize,
        to: usize,
        out: &mut Vec<Token>,
        classify: &mut impl FnMut(&str, Context) -> u16,
    ) {
        let bytes = s.as_bytes();
        let gap = out.len() - 1;
        // What separates the words is whitespace.
        let mut end = to;
        let mut gap_end = self.gap_end;
        let context = Context {
            plain: true,
            ascii: true,
            after_word: false,
        };
        // The word ending at `end` or before, if one does after `from`.
        let word_before = |mut end: usize| {
            while end > self.from && !bytes[end - 1].is_ascii_alphanumeric() {
                end -= 1;
            }
            let mut start = end.checked_sub(1).filter(|&e| e >= self.from)?;
            while start > self.from && bytes[start - 1].is_ascii_alphanumeric() {
                start -= 1;
            }
            Some((start, end))
        };
        // Before a capital (a name, maybe), the first untagged word met, of some length,
        // may be an adjective after a tagged one (`chancelier allemand Friedrich Merz`,
        // `ministre allemand de la Défense`): a gap of its own between them, as an
        // untagged word not in ASCII (`presidente francés`) always is. Asked only there:
        // a look further back costs in every run.
        let mut adjective_may_be_here = bytes.get(to).is_some_and(u8::is_ascii_uppercase);
        while let Some((start, word_end)) = word_before(end) {
            end = word_end;
            let tag = classify(&s[start..end], context);
            let own_gap = tag == 0
                && std::mem::take(&mut adjective_may_be_here)
                && end - start >= MIN_ADJECTIVE_BYTES
                && word_before(start)
                    .is_some_and(|(from, to)| classify(&s[from..to], context) != 0);
            if tag == 0 && !own_gap {
                gap_end = base + end;
                break;
            }
            out.push(Token {
                range: base + start..base + end,
                kind: if own_gap { Kind::Gap } else { Kind::Word },
                sentence_start: self.starts && start == self.from,
                possessive: false,
                capital: false,
                ascii: true,
                tag,
            });
            end = start;
        }
        if out.len() > gap + 1 {
            out[gap + 1..].reverse();
            out[gap].range.end = gap_end;
        }
    }
}

/// Where the run of lowercase ASCII letters, digits and spaces at `bytes[from..]` ends.
fn lowercase_end(bytes: &[u8], from: usize) -> usize {
    run_end(
        bytes,
        from,
        |low| within(low, b'a', b'z') | within(low, b'0', b'9') | within(low, b' ', b' '),
        |b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b' ',
    )
}

/// Where the run of ASCII letters and digits at `bytes[from..]` ends.
#[inline]
fn alphanumeric_end(bytes: &[u8], from: usize) -> usize {
    run_end(
        bytes,
        from,
        |low| within(low | each(0x20), b'a', b'z') | within(low, b'0', b'9'),
        |b| b.is_ascii_alphanumeric(),
    )
}

/// Appends a token, or a gap when `gap`; a gap after a gap extends it (and starts a
/// sentence if either does).
fn push_word(out: &mut Vec<Token>, token: Token, gap: bool) {
    match out.last_mut() {
        Some(last) if gap && last.kind == Kind::Gap => {
            last.range.end = token.range.end;
            last.sentence_start |= token.sentence_start;
        }
        _ if gap => out.push(Token {
            kind: Kind::Gap,
            ..token
        }),
        _ => out.push(token),
    }
}

/// Lowercase, no diacritics: `Erdoğan` → `erdogan`, `Sánchez` → `sanchez`.
pub fn fold(word: &str) -> String {
    let mut out = String::new();
    fold_into(word, &mut out);
    out
}

/// [`fold`] appended to `out`: ASCII words (most of them) are copied and lowercased in
/// place, and words of Latin letters looked up letter by letter, skipping
/// normalisation.
pub fn fold_onto(word: &str, out: &mut String) {
    if !word.is_ascii() {
        let at = out.len();
        for c in word.chars() {
            let latin = (c as usize)
                .checked_sub(LATIN_FROM)
                .and_then(|i| latin_folds().get(i));
            match latin {
                _ if c == '.' => {}
                _ if c.is_ascii() => out.push(c.to_ascii_lowercase()),
                Some(folded) => out.push_str(folded),
                None => {
                    out.truncate(at);
                    fold_normalised(word, out);
                    return;
                }
            }
        }
    } else if word.contains('.') {
        out.extend(
            word.bytes()
                .filter(|&b| b != b'.')
                .map(|b| char::from(b.to_ascii_lowercase())),
        );
    } else {
        fold_ascii_onto(word, out);
    }
}

/// [`fold_onto`] for a word of ASCII without dots: lowercased.
pub fn fold_ascii_onto(word: &str, out: &mut String) {
    let at = out.len();
    out.push_str(word);
    out[at..].make_ascii_lowercase();
}

/// [`fold`] by its definition: decomposed, without combining marks, lowercased,
/// without dots, `’` as `'`.
fn fold_normalised(word: &str, out: &mut String) {
    out.extend(
        word.nfd()
            .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
            .flat_map(char::to_lowercase)
            .filter(|&c| c != '.')
            .map(|c| if c == '’' { '\'' } else { c }),
    );
}

/// The first character of the Latin-1 Supplement and Latin Extended-A and -B blocks,
/// whose letters most names beyond ASCII use (`ğ`, `á`, `ø`), and the end of the last.
const LATIN_FROM: usize = 0x80;
const LATIN_TO: usize = 0x250;

/// [`fold_normalised`] of each character from [`LATIN_FROM`] to [`LATIN_TO`], made
/// once. A character folds alone as it does in a word (marks, which normalisation
/// reorders, are dropped).
fn latin_folds() -> &'static [String] {
    static FOLDS: OnceLock<Vec<String>> = OnceLock::new();
    FOLDS.get_or_init(|| {
        (LATIN_FROM..LATIN_TO)
            .map(|u| {
                let mut folded = String::new();
                if let Some(c) = u32::try_from(u).ok().and_then(char::from_u32) {
                    fold_normalised(c.encode_utf8(&mut [0; 4]), &mut folded);
                }
                folded
            })
            .collect()
    })
}

/// [`fold`] into a reused buffer.
pub fn fold_into(word: &str, out: &mut String) {
    out.clear();
    fold_onto(word, out);
}

pub fn is_capitalised(word: &str) -> bool {
    word.starts_with(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        let mut out = Vec::new();
        tokenize(s, 0..s.len(), &mut out, |_, _| 1);
        out.iter().map(|t| s[t.range.clone()].to_string()).collect()
    }

    proptest::proptest! {
        /// What the tokenizer tells of a word is true of it, whatever the text.
        #[test]
        fn the_context_tells_the_truth_of_each_word(
            text in "[aZé.’'s J,-]{0,40}"
        ) {
            let mut tokens = Vec::new();
            tokenize(&text, 0..text.len(), &mut tokens, |word, context| {
                if context.plain {
                    assert!(word.bytes().all(|b| b.is_ascii_alphanumeric()), "{word:?}");
                    assert!(!word.starts_with(char::is_uppercase), "{word:?}");
                }
                if context.ascii {
                    assert!(word.is_ascii() && !word.contains('.'), "{word:?}");
                }
                1
            });
            for token in tokens.iter().filter(|t| t.is_word() && t.ascii) {
                let word = &text[token.range.clone()];
                assert!(word.is_ascii() && !word.contains('.'), "{word:?}");
            }
        }
    }

    proptest::proptest! {
        /// However the runs of plain words are skipped, a word is never split: no word
        /// or gap starts or ends beside a letter or digit of the same word.
        #[test]
        fn words_are_never_split(text in "[abZüé.,’' 7-]{0,60}") {
            let mut tokens = Vec::new();
            tokenize(&text, 0..text.len(), &mut tokens, |word, _| u16::from(word.len() % 3 == 0));
            let alphanumeric = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
            let splits = |at: usize| {
                alphanumeric(text[..at].chars().next_back()) && alphanumeric(text[at..].chars().next())
            };
            for token in &tokens {
                let shown = &text[token.range.clone()];
                proptest::prop_assert!(!splits(token.range.start), "{shown:?} in {text:?}");
                proptest::prop_assert!(!splits(token.range.end), "{shown:?} in {text:?}");
            }
        }
    }

    #[test]
    fn a_name_s_jr_is_no_word_of_it() {
        assert_eq!(words("Tom Vale Jr. said"), ["Tom", "Vale", "said"]);
        assert_eq!(words("Tom Vale Jr, who"), ["Tom", "Vale", ",", "who"]);
        // Not after a comma, a lowercase word, or as the start of a longer word.
        assert_eq!(words("Vale, Jr."), ["Vale", ",", "Jr", "."]);
        assert_eq!(words("the Jr. team"), ["the", "Jr", ".", "team"]);
        assert_eq!(words("Vale Jrs"), ["Vale", "Jrs"]);
    }

    #[test]
    fn the_context_says_which_words_fold_to_themselves() {
        let mut ascii = Vec::new();
        let text = "Ana O'Neil J. U.S. Erdoğan Jean-Luc O’Brien";
        tokenize(text, 0..text.len(), &mut Vec::new(), |word, context| {
            ascii.push((word.to_string(), context.ascii));
            1
        });
        let yes = |w: &str| (w.to_string(), true);
        let no = |w: &str| (w.to_string(), false);
        assert_eq!(
            ascii,
            [
                yes("Ana"),
                yes("O'Neil"),
                no("J."),
                no("U.S."),
                no("Erdoğan"),
                yes("Jean-Luc"),
                no("O’Brien")
            ]
        );
    }

    #[test]
    fn unwanted_lowercase_words_merge_into_gaps() {
        // Words the caller tags: `the`, `envoy`, `old`, `of`, `new`.
        let shown = shown_tokens(
            "Mr. Smith met the new envoy in the old town of Paris’s port, new “bids” \
             the old of Kyiv. Then left the old. “the old envoy Smith",
        );
        assert_eq!(
            shown,
            [
                "Mr",
                ".",
                "Smith",
                // Amid a gap, tagged words say nothing: only those before the next
                // token (`of` before `Paris`) are classified.
                "<met the new envoy in the old town>",
                "of",
                "Paris",
                "<port>",
                ",",
                // After a comma, words are classified until one is not tagged.
                "new",
                "<“bids”>",
                // Before a word, back until one is not tagged.
                "the",
                "old",
                "of",
                "Kyiv",
                ".",
                "Then",
                // Before a dot, nothing is classified.
                "<left the old>",
                ".",
                // A sentence's first words, taken out of a gap whole.
                "<“>",
                "the*",
                "old",
                "envoy",
                "Smith"
            ]
        );
    }

    #[test]
    fn an_elided_article_starts_no_name() {
        // Its capital says nothing: it is a gap, and the word after it starts no sentence.
        assert_eq!(
            shown_tokens("L’Europe et D'Ana Lowe"),
            ["<L>", "Europe", "<et D>", "Ana", "Lowe"]
        );
    }

    /// Tokens of `s` with gaps in `<>` and sentence starts after a gap marked `*`,
    /// classified by a fixed list of words.
    fn shown_tokens(s: &str) -> Vec<String> {
        let mut out = Vec::new();
        tokenize(s, 0..s.len(), &mut out, |w, _| {
            u16::from(matches!(w, "the" | "envoy" | "old" | "of" | "new"))
        });
        let mut after_gap = false;
        out.iter()
            .map(|t| {
                let text = &s[t.range.clone()];
                let shown = match t.kind {
                    Kind::Gap => format!("<{text}>"),
                    _ if after_gap && t.sentence_start => format!("{text}*"),
                    _ => text.to_string(),
                };
                after_gap = t.kind == Kind::Gap;
                shown
            })
            .collect()
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
        // Elided articles and prepositions before a capital are words of their own.
        assert_eq!(
            words("d’Emmanuel L'Europe dell'Economia qu’Ana l’autre O’Brien t'es rock'n'Roll"),
            [
                "d",
                "Emmanuel",
                "L",
                "Europe",
                "dell",
                "Economia",
                "qu",
                "Ana",
                "l’autre",
                "O’Brien",
                "t'es",
                "rock'n'Roll"
            ]
        );
        // Lowercase words before a dot or a hyphen: one word only if a letter follows.
        assert_eq!(
            words("talks. then 4.0 and well- known a-b c.d x.é end."),
            [
                "talks", ".", "then", "4.0", "and", "well", "-", "known", "a-b", "c.d", "x.é",
                "end", "."
            ]
        );
    }

    #[test]
    fn runs_end_at_the_first_other_byte() {
        let scalar = |bytes: &[u8], from: usize, wanted: fn(&u8) -> bool| {
            from + bytes[from..].iter().take_while(|b| wanted(b)).count()
        };
        let lowercase = |b: &u8| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b' ';
        // Every byte at every place of a window and past it, after runs of every kind.
        for b in 0..=255u8 {
            for at in 0..20 {
                for fill in [b'a', b'Z', b'5', b' '] {
                    let mut bytes = vec![fill; 20];
                    bytes[at] = b;
                    for from in [0, 1, 7] {
                        assert_eq!(
                            alphanumeric_end(&bytes, from),
                            scalar(&bytes, from, u8::is_ascii_alphanumeric),
                            "byte {b:#x} at {at} from {from}"
                        );
                        assert_eq!(
                            lowercase_end(&bytes, from),
                            scalar(&bytes, from, lowercase),
                            "byte {b:#x} at {at} from {from}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn latin_letters_are_told_as_the_unicode_tables_tell_them() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn general_punctuation_holds_no_letters_digits_or_spaces() {
        for c in ('\u{2010}'..='\u{2027}').chain('\u{2030}'..='\u{205E}') {
            assert!(is_punctuation(c));
            assert!(!c.is_alphanumeric() && !c.is_whitespace(), "{c:?}");
        }
        assert!(!is_punctuation('\u{2028}') && !is_punctuation('\u{205F}'));
    }

    #[test]
    fn latin_letters_fold_as_normalisation_folds_them() {
        let general = |w: &str| {
            let mut out = String::new();
            fold_normalised(w, &mut out);
            out
        };
        for u in LATIN_FROM as u32..0x400 {
            let Some(c) = char::from_u32(u) else { continue };
            for word in [c.to_string(), format!("A{c}b.{c}"), format!("{c}’x")] {
                assert_eq!(fold(&word), general(&word), "{word:?}");
            }
        }
    }

    #[test]
    fn folding() {
        assert_eq!(fold("Erdoğan"), "erdogan");
        assert_eq!(fold("Sánchez"), "sanchez");
        assert_eq!(fold("Inácio"), "inacio");
        assert_eq!(fold("J."), "j");
    }
}
