//! Finding a query in the article's logical text: smart case, diacritic-insensitive,
//! and whitespace in the query matches any run of whitespace (so a match may cross a
//! line break). Pure: byte ranges over the text, like every other highlight.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use regex::{Regex, RegexBuilder};
use unicode_normalization::UnicodeNormalization;

/// Characters that take no room and may sit inside a word.
const INVISIBLE: &str = r"[\u{AD}\u{200B}-\u{200D}\u{2060}\u{FEFF}]*";

/// A compiled query.
#[derive(Debug, Clone)]
pub struct Query {
    regex: Regex,
}

impl Query {
    /// `None` for an empty or all-blank query. Case-insensitive unless the query has a
    /// capital letter; an unaccented letter also matches its accented forms.
    pub fn new(query: &str) -> Option<Query> {
        let words: Vec<&str> = query.split_whitespace().collect();
        if words.is_empty() {
            return None;
        }
        let smart_case = !query.chars().any(char::is_uppercase);
        // Zero-width characters (soft hyphens, joiners) inside a word in the text must not
        // hide it: allow them between any two characters of the query.
        let pattern = words
            .iter()
            .map(|w| {
                w.chars()
                    .map(char_pattern)
                    .collect::<Vec<_>>()
                    .join(INVISIBLE)
            })
            .collect::<Vec<_>>()
            .join(r"\s+");
        let regex = RegexBuilder::new(&pattern)
            .case_insensitive(smart_case)
            // Articles are big; the default limit is for untrusted patterns, and ours
            // are literal letters with small classes.
            .size_limit(1 << 24)
            .build()
            .ok()?;
        Some(Query { regex })
    }

    /// Every match, in order, non-overlapping.
    pub fn find_all(&self, text: &str) -> Vec<Range<usize>> {
        self.regex.find_iter(text).map(|m| m.range()).collect()
    }

    /// The matches that start in `from..until` (a match may run past `until`), and
    /// where the next slice should start. Searching a big text slice by slice this way
    /// finds exactly what `find_all` finds, and a slice reads little past its end: the
    /// next match, or the lack of one, far away is found by the slices that reach it.
    pub fn find_in(&self, text: &str, from: usize, until: usize) -> (Vec<Range<usize>>, usize) {
        let mut cut = until.saturating_add(MATCH_SLACK).min(text.len());
        while !text.is_char_boundary(cut) {
            cut += 1;
        }
        let mut found: Vec<Range<usize>> = Vec::new();
        let mut at = from;
        while let Some(m) = self.regex.find_at(&text[..cut], at) {
            if m.start() >= until {
                break;
            }
            // Cut short, a match would end where it does: a query ends with a character.
            at = m.end().max(m.start() + 1);
            found.push(m.range());
        }
        // Past the last match, which may run past the slice: no match overlaps it.
        let next = found.last().map_or(until, |last| last.end.max(until));
        (found, next)
    }
}

/// How far past its end a slice of [`Query::find_in`] looks for a match that starts in
/// it: more than any match is long.
const MATCH_SLACK: usize = 64 << 10;

/// A query character as a pattern: itself, escaped, or for a plain Latin letter the
/// class of that letter and its accented forms.
fn char_pattern(c: char) -> String {
    match accented().get(&c.to_ascii_lowercase()) {
        Some(class) if c.is_ascii_alphabetic() => {
            let mut s = String::from("[");
            s.push(c);
            s.push_str(class);
            s.push(']');
            s
        }
        _ => regex::escape(c.encode_utf8(&mut [0; 4])),
    }
}

/// Plain letter → its accented forms (both cases), from the Latin blocks.
fn accented() -> &'static HashMap<char, String> {
    static TABLE: OnceLock<HashMap<char, String>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: HashMap<char, String> = HashMap::new();
        for c in ('\u{C0}'..='\u{24F}').chain('\u{1E00}'..='\u{1EFF}') {
            if let Some(base) = c.nfd().next().filter(char::is_ascii_alphabetic) {
                table.entry(base.to_ascii_lowercase()).or_default().push(c);
            }
        }
        table
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(query: &str, text: &str) -> Vec<String> {
        Query::new(query)
            .map(|q| {
                q.find_all(text)
                    .into_iter()
                    .map(|r| text[r].to_string())
                    .collect()
            })
            .unwrap_or_default()
    }

    #[test]
    fn smart_case() {
        assert_eq!(
            find("progress", "Progress and progress"),
            ["Progress", "progress"]
        );
        assert_eq!(find("Progress", "Progress and progress"), ["Progress"]);
    }

    #[test]
    fn matches_cross_line_breaks_and_space_runs() {
        assert_eq!(
            find("great progress", "“great\nprogress” and great   progress"),
            ["great\nprogress", "great   progress"]
        );
    }

    #[test]
    fn zero_width_characters_do_not_hide_a_word() {
        assert_eq!(
            find("zerowidth", "zero\u{200b}width and soft\u{ad}hyphen"),
            ["zero\u{200b}width"]
        );
        assert_eq!(find("softhyphen", "soft\u{ad}hyphen"), ["soft\u{ad}hyphen"]);
    }

    #[test]
    fn diacritics_are_optional_in_the_query() {
        assert_eq!(
            find("erdogan", "Erdoğan met Erdogan"),
            ["Erdoğan", "Erdogan"]
        );
        assert_eq!(find("sánchez", "Sanchez and Sánchez"), ["Sánchez"]);
    }

    #[test]
    fn slices_find_what_the_whole_finds() {
        let sliced = |q: &Query, text: &str, slice: usize| {
            let mut found = Vec::new();
            let mut at = 0;
            while at < text.len() {
                let until = (at + slice).min(text.len());
                let (more, next) = q.find_in(text, at, until);
                assert!(next > at, "a slice moves on");
                found.extend(more);
                at = next;
            }
            found
        };
        let texts = [
            "the cat sat on the mat with the hat ".repeat(50),
            // Longer than a slice looks past its end.
            "the  cat\n sat".repeat(20_000),
            "a".repeat(100_001),
        ];
        for text in &texts {
            for query in ["the", "the cat", "cat sat", "aa", "aaa"] {
                let q = Query::new(query).unwrap();
                let slices: &[usize] = match text.len() {
                    ..=10_000 => &[1, 2, 37],
                    _ => &[4999, 70_000],
                };
                for &slice in slices {
                    assert_eq!(
                        sliced(&q, text, slice),
                        q.find_all(text),
                        "{query} by {slice}"
                    );
                }
            }
        }
        // A match far away, or none, is not looked for to the end of the text.
        let far = format!("{}needle", "hay ".repeat(100_000));
        for query in ["needle", "pin"] {
            let (found, next) = Query::new(query).unwrap().find_in(&far, 0, 1000);
            assert!(found.is_empty() && next == 1000, "{query}");
        }
    }

    #[test]
    fn empty_queries_and_no_matches() {
        assert!(Query::new("").is_none());
        assert!(Query::new("   ").is_none());
        assert!(find("zebra", "no such animal").is_empty());
        assert_eq!(
            find("a.b", "a.b axb"),
            ["a.b"],
            "regex characters are literal"
        );
        assert_eq!(find("(", "f(x)"), ["("]);
    }
}
