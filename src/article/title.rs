//! A readable title for an article whose text has no title line: from the file name
//! when it reads like words, else from the opening sentence.

use unicode_width::UnicodeWidthChar;

/// Derived titles are cut to about this many columns.
const MAX_TITLE_COLUMNS: usize = 72;

/// `anchorage-summit.txt` → `Anchorage summit`; `000_d35e365f8282ab55.txt` → `None`.
pub fn from_file_name(name: &str) -> Option<String> {
    let file = name.rsplit(['/', '\\', ':']).next().unwrap_or(name);
    let stem = file.split_once('.').map_or(file, |(stem, _)| stem);
    // Leading numbers are usually an ordering prefix: `02-budget-vote`.
    let words: Vec<&str> = stem
        .split(['-', '_', ' ', '.', '+'])
        .filter(|w| !w.is_empty())
        .skip_while(|w| w.bytes().all(|b| b.is_ascii_digit()))
        .collect();
    let readable = words
        .iter()
        .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 3)
        && !words.iter().any(|w| looks_like_hash(w));
    if !readable {
        return None;
    }
    let mut title = words.join(" ");
    if let Some(first) = title.chars().next() {
        let upper: String = first.to_uppercase().collect();
        title.replace_range(..first.len_utf8(), &upper);
    }
    Some(title)
}

/// Hex digests, UUID parts and other machine names: long, and mixing digits in.
fn looks_like_hash(word: &str) -> bool {
    let digits = word.chars().filter(char::is_ascii_digit).count();
    let hex = word.chars().all(|c| c.is_ascii_hexdigit());
    (hex && word.len() >= 6 && digits > 0) || (word.len() >= 12 && digits >= 3)
}

/// The first sentence of `paragraph`, cut at a word boundary when long.
pub fn from_opening(paragraph: &str) -> Option<String> {
    let text = super::build::collapse(paragraph);
    if text.is_empty() {
        return None;
    }
    let sentence_end = text
        .match_indices(". ")
        .map(|(i, _)| i)
        .find(|&i| i > 20)
        .unwrap_or(text.len());
    let sentence = text[..sentence_end].trim_end_matches('.');
    let mut out = String::new();
    let mut columns = 0;
    for word in sentence.split(' ') {
        let width: usize = word.chars().filter_map(|c| c.width()).sum();
        if columns + width + 1 > MAX_TITLE_COLUMNS && !out.is_empty() {
            let trimmed = out.trim_end_matches([',', ';', ':']).to_string();
            return Some(trimmed + "…");
        }
        if !out.is_empty() {
            out.push(' ');
            columns += 1;
        }
        out.push_str(word);
        columns += width;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readable_file_names() {
        assert_eq!(
            from_file_name("seed:anchorage-summit.txt").as_deref(),
            Some("Anchorage summit")
        );
        assert_eq!(
            from_file_name("budget_vote_2025.md").as_deref(),
            Some("Budget vote 2025")
        );
        assert_eq!(from_file_name("000_d35e365f8282ab55.txt"), None);
        assert_eq!(from_file_name("3f2a9c1e-77b0-4c1e.txt"), None);
        assert_eq!(from_file_name("-"), None);
        assert_eq!(from_file_name("a1.txt"), None);
        assert_eq!(
            from_file_name("02-one-per-line.txt").as_deref(),
            Some("One per line")
        );
    }

    #[test]
    fn opening_sentence_is_cut_at_a_word() {
        let t = from_opening("A highly anticipated summit between US President Donald Trump and his Russian counterpart, Vladimir Putin, concluded today.").unwrap();
        assert!(t.ends_with('…'), "{t}");
        assert!(t.starts_with("A highly anticipated summit"));
        assert!(t.chars().count() <= MAX_TITLE_COLUMNS + 1);
        assert_eq!(
            from_opening("Short one. Second sentence here.").as_deref(),
            Some("Short one. Second sentence here")
        );
        assert_eq!(
            from_opening("The rain in the valley fell all week. Then it stopped.").as_deref(),
            Some("The rain in the valley fell all week")
        );
    }
}
