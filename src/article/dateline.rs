//! Finds a news dateline (`ANCHORAGE, ALASKA –`, `LONDON (Reuters) —`, `KYIV, Ukraine —`)
//! at the start of the first paragraph.

use super::Dateline;

/// Datelines are short; anything longer is a sentence that happens to contain a dash.
const MAX_LEN: usize = 80;

/// Looks for a dateline at the start of `paragraph`, which begins at byte `offset` of the
/// article text; returned ranges are absolute.
pub fn find(paragraph: &str, offset: usize) -> Option<Dateline> {
    let head = prefix_within(paragraph, MAX_LEN);
    let (dash_at, dash_len) = find_dash(head)?;
    let before = head[..dash_at].trim_end();
    let (place, agency_ok) = match before.strip_suffix(')') {
        Some(rest) => {
            let open = rest.rfind('(')?;
            let agency = &rest[open + 1..];
            let ok = !agency.is_empty()
                && agency.starts_with(|c: char| c.is_uppercase())
                && agency
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '.' | '-' | '&' | '/'));
            (rest[..open].trim_end(), ok)
        }
        None => (before, true),
    };
    if !agency_ok || !is_place(place) {
        return None;
    }
    let mut end = dash_at + dash_len;
    end += paragraph[end..].len() - paragraph[end..].trim_start().len();
    // The dateline must be followed by the story itself.
    if end >= paragraph.len() {
        return None;
    }
    Some(Dateline {
        place: offset..offset + place.len(),
        span: offset..offset + end,
    })
}

fn prefix_within(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// The first dash that separates a dateline from the story: `–`/`—` with or without
/// spaces, or a spaced ASCII ` - ` / ` -- `.
fn find_dash(s: &str) -> Option<(usize, usize)> {
    for (i, c) in s.char_indices() {
        match c {
            '–' | '—' => return Some((i, c.len_utf8())),
            '-' if s[..i].ends_with(' ') => {
                let rest = &s[i..];
                let len = if rest.starts_with("--") { 2 } else { 1 };
                if rest[len..].starts_with(' ') {
                    return Some((i, len));
                }
            }
            _ => {}
        }
    }
    None
}

/// `ANCHORAGE`, `ANCHORAGE, ALASKA`, `KYIV, Ukraine`, `WASHINGTON, Nov. 3`: an all-caps
/// city, then up to three short comma-separated parts.
fn is_place(place: &str) -> bool {
    let mut parts = place.split(", ");
    let Some(city) = parts.next() else {
        return false;
    };
    let city_ok = city.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && city
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '’' | '-'))
        && city.starts_with(|c: char| c.is_uppercase());
    let rest: Vec<&str> = parts.collect();
    city_ok
        && rest.len() <= 3
        && rest.iter().all(|p| {
            !p.is_empty()
                && p.split(' ').count() <= 3
                && p.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                && p.chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '.' | '\'' | '’' | '-'))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(p: &str) -> Option<&str> {
        find(p, 0).map(|d| &p[d.place])
    }

    #[test]
    fn styles_of_dateline() {
        assert_eq!(
            place("ANCHORAGE, ALASKA – A summit"),
            Some("ANCHORAGE, ALASKA")
        );
        assert_eq!(place("LONDON (Reuters) — Shares fell"), Some("LONDON"));
        assert_eq!(place("KYIV, Ukraine (AP) — Sirens"), Some("KYIV, Ukraine"));
        assert_eq!(place("WASHINGTON—The Senate"), Some("WASHINGTON"));
        assert_eq!(place("SÃO PAULO - Markets rose"), Some("SÃO PAULO"));
        assert_eq!(
            place("WASHINGTON, Nov. 3 -- Voters"),
            Some("WASHINGTON, Nov. 3")
        );
    }

    #[test]
    fn span_includes_dash_and_space() {
        let p = "PARIS — Le";
        let d = find(p, 10).unwrap();
        assert_eq!(d.span, 10..10 + "PARIS — ".len());
    }

    #[test]
    fn sentences_with_dashes_are_not_datelines() {
        assert_eq!(place("The summit – which was long – ended"), None);
        assert_eq!(place("Paris — the city of light"), None);
        assert_eq!(place("NATO"), None);
        assert_eq!(place("A – b"), None);
        assert_eq!(place("LONDON —"), None);
    }
}
