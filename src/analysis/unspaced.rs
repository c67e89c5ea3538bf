//! Leaders named in scripts written without spaces between words: Chinese, Japanese
//! and Korean (whose particles join the name: `트럼프는`). The detector's rules read
//! words apart by spaces and capitals, which these scripts do not have, so here the
//! list's names written in them (`普京`, `プーチン`, `푸틴`) are searched for as they
//! are, with one search for all of them.

use std::ops::Range;

use aho_corasick::{AhoCorasick, MatchKind};

use super::leaders::KnownLeader;

/// The list's names written in these scripts, ready to be searched for.
pub struct UnspacedNames {
    search: AhoCorasick,
    /// The list index of each name searched for, by pattern.
    leaders: Vec<usize>,
}

impl UnspacedNames {
    /// `None` when no name in `list` is written in these scripts.
    pub fn new(list: &[KnownLeader]) -> Option<UnspacedNames> {
        let (names, leaders): (Vec<&str>, Vec<usize>) = list
            .iter()
            .enumerate()
            .flat_map(|(i, l)| l.aliases.iter().map(move |a| (a.as_str(), i)))
            .filter(|(alias, _)| is_unspaced(alias))
            .unzip();
        if names.is_empty() {
            return None;
        }
        // The longest name wins where two start together (`習近平主席` holds both).
        let search = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&names)
            .ok()?;
        Some(UnspacedNames { search, leaders })
    }

    /// Where in `text[range]` a listed leader is named, as (list index, byte range of
    /// `text`), in order.
    pub fn find<'a>(
        &'a self,
        text: &'a str,
        range: Range<usize>,
    ) -> impl Iterator<Item = (usize, Range<usize>)> + 'a {
        let base = range.start;
        let block = &text[range];
        self.search
            .find_iter(block)
            .filter(move |m| stands_apart(block, m.range()))
            .map(move |m| (self.leaders[m.pattern()], base + m.start()..base + m.end()))
    }
}

/// Whether `word` holds a character of a script written without spaces (kana, Han,
/// Hangul syllables): their UTF-8 starts with a byte from E3 to ED. Told from bytes,
/// as it is asked of many words.
pub fn is_unspaced(word: &str) -> bool {
    word.bytes().any(|b| (0xE3..=0xED).contains(&b))
}

/// Whether a name found at `at` in `text` is a name and not part of a longer word.
/// Chinese marks no word's end, so a Han name stands as found; a katakana name is a
/// word of its own only between other characters than katakana (`モディ` is not in
/// `モディファイ`); a Hangul name starts a word (the particles after it are joined).
fn stands_apart(text: &str, at: Range<usize>) -> bool {
    let before = text[..at.start].chars().next_back();
    let after = text[at.end..].chars().next();
    let first = text[at.clone()].chars().next();
    match first {
        Some(c) if katakana(c) => !before.is_some_and(katakana) && !after.is_some_and(katakana),
        Some(c) if hangul(c) => !before.is_some_and(hangul),
        _ => true,
    }
}

/// Katakana, with its long-vowel mark and middle dot (`ゼレンスキー`).
fn katakana(c: char) -> bool {
    matches!(c, '\u{30A0}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}' | '\u{FF66}'..='\u{FF9F}')
}

fn hangul(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::leaders::parse_list;

    fn found(text: &str) -> Vec<(&'static str, String)> {
        let list = parse_list(
            "Vladimir Putin | President | 普京, プーチン, 푸틴\n\
             Narendra Modi | Prime Minister | モディ\n\
             Xi Jinping | President | 习近平, 習近平, 习近平主席",
        );
        let names = UnspacedNames::new(&list).expect("names");
        let who = ["Putin", "Modi", "Xi"];
        names
            .find(text, 0..text.len())
            .map(|(i, r)| (who[i], text[r].to_string()))
            .collect()
    }

    #[test]
    fn names_are_found_in_running_text_of_each_script() {
        assert_eq!(
            found("俄罗斯总统普京周一表示，习近平主席将访问。"),
            [("Putin", "普京".into()), ("Xi", "习近平主席".into())]
        );
        assert_eq!(
            found("プーチン大統領は述べた。"),
            [("Putin", "プーチン".into())]
        );
        assert_eq!(
            found("푸틴은 말했다. 또 푸틴 대통령"),
            vec![("Putin", "푸틴".to_string()); 2]
        );
    }

    #[test]
    fn a_name_inside_a_longer_word_is_not_found() {
        assert!(found("設定をモディファイする").is_empty());
        assert!(found("스푸틴").is_empty());
        assert_eq!(found("（モディ首相）"), [("Modi", "モディ".into())]);
    }

    #[test]
    fn lists_without_such_names_search_for_nothing() {
        assert!(UnspacedNames::new(&parse_list("Ana Lowe | Mayor | Lowe")).is_none());
        assert!(is_unspaced("東京") && is_unspaced("서울") && is_unspaced("カナ"));
        assert!(!is_unspaced("Erdoğan") && !is_unspaced("—") && !is_unspaced("Việt"));
    }
}
