//! The countries a leader's office may be of, and the words that name them before a
//! title: `Kenyan President`, `Kenya's president`, `US President` are each a President
//! of their country (see `countries.txt`); and the regions with offices of their own
//! (`Victorian Premier`, see `regions.txt`).

use std::cell::RefCell;
use std::sync::OnceLock;

use foldhash::HashMap;

use super::tokens::fold_onto;

const LIST: &str = include_str!("countries.txt");
const REGIONS: &str = include_str!("regions.txt");

/// A country of the list, or a region of [`REGIONS`] (a state, a province): its index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Country(u16);

/// How a word names a country: an adjective or initials (`Kenyan`, `US`) say it of the
/// title after them; a name (`Kenya`) may also be where something happens (`After
/// visiting Kenya President Lowe said`), so it is read with more care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Adjective,
    Name,
}

struct Countries {
    /// As a role writes them: `Kenya`, `the United States`; the regions after the
    /// countries.
    names: Vec<&'static str>,
    /// Where the regions start in `names`.
    regions: usize,
    /// Folded words (`kenyan`, `united states`, `us`) → the country and how they name it.
    words: HashMap<String, (Country, Form)>,
}

fn countries() -> &'static Countries {
    static PARSED: OnceLock<Countries> = OnceLock::new();
    PARSED.get_or_init(|| {
        let mut countries = Countries {
            names: Vec::new(),
            regions: 0,
            words: HashMap::default(),
        };
        parse(LIST, &mut countries);
        countries.regions = countries.names.len();
        parse(REGIONS, &mut countries);
        countries
    })
}

/// `Name | adjectives | other names` per line; `#` comments.
fn parse(text: &'static str, countries: &mut Countries) {
    let lines = text.lines().map(str::trim);
    for line in lines.filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let mut fields = line.split('|').map(str::trim);
        let Some(name) = fields.next().filter(|n| !n.is_empty()) else {
            continue;
        };
        let Ok(index) = u16::try_from(countries.names.len()) else {
            break;
        };
        let country = Country(index);
        countries.names.push(name);
        let adjectives = fields.next().unwrap_or("");
        let others = fields.next().unwrap_or("");
        let bare = name.strip_prefix("the ").unwrap_or(name);
        let names = std::iter::once(bare).chain(others.split(','));
        let forms = names
            .map(|w| (w, Form::Name))
            .chain(adjectives.split(',').map(|w| (w, Form::Adjective)));
        for (words, form) in forms {
            let mut key = String::new();
            key_onto(words.split_whitespace(), &mut key);
            if !key.is_empty() {
                countries.words.insert(key, (country, form));
            }
        }
    }
}

/// Words folded and joined by spaces, as the list's are kept, appended to `key`.
fn key_onto<'a>(words: impl Iterator<Item = &'a str>, key: &mut String) {
    for word in words {
        if !key.is_empty() {
            key.push(' ');
        }
        fold_onto(word, key);
    }
}

/// The country `words` name together, and how.
pub fn named_by<'a>(words: impl Iterator<Item = &'a str>) -> Option<(Country, Form)> {
    // Asked of the words before many a title: the key is made in a reused buffer.
    thread_local! {
        static KEY: RefCell<String> = const { RefCell::new(String::new()) };
    }
    KEY.with_borrow_mut(|key| {
        key.clear();
        key_onto(words, key);
        countries().words.get(key.as_str()).copied()
    })
}

/// Whether `word` alone is a country's adjective or initials (`Kenyan`, `Swiss`, `US`).
pub fn is_adjective(word: &str) -> bool {
    matches!(named_by(std::iter::once(word)), Some((_, Form::Adjective)))
}

/// Whether `country` is a region of a country (see [`REGIONS`]), whose offices are fewer.
pub fn is_region(country: Country) -> bool {
    usize::from(country.0) >= countries().regions
}

/// The country as a role writes it after `of`: `Kenya`, `the United States`.
pub fn name(country: Country) -> &'static str {
    countries().names[usize::from(country.0)]
}

/// `role` as the office and the country it says it is of (`President of Kenya` →
/// `President`, Kenya), as a counterpart holds the office elsewhere; the whole role
/// when it says none.
pub fn office_and_place(role: &str) -> (&str, Option<Country>) {
    let place = |of: &str| countries().names.iter().position(|&n| n == of);
    match role.rsplit_once(" of ") {
        Some((office, of)) => match place(of).and_then(|i| u16::try_from(i).ok()) {
            Some(i) => (office, Some(Country(i))),
            None => (role, None),
        },
        None => (role, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(words: &str) -> Option<(&'static str, Form)> {
        named_by(words.split_whitespace()).map(|(c, form)| (name(c), form))
    }

    #[test]
    fn adjectives_initials_and_names_name_their_country() {
        assert_eq!(named("Kenyan"), Some(("Kenya", Form::Adjective)));
        assert_eq!(named("Kenya"), Some(("Kenya", Form::Name)));
        assert_eq!(named("U.S."), Some(("the United States", Form::Adjective)));
        assert_eq!(
            named("United States"),
            Some(("the United States", Form::Name))
        );
        assert_eq!(named("Britain"), Some(("the United Kingdom", Form::Name)));
        assert_eq!(
            named("South  Korean"),
            Some(("South Korea", Form::Adjective))
        );
        assert_eq!(named("Türkiye"), Some(("Turkey", Form::Name)));
        assert_eq!(named("turkiye"), Some(("Turkey", Form::Name)));
        // Adjectives of more than one country name none.
        assert_eq!(named("Korean"), None);
        assert_eq!(named("Congolese"), None);
        assert_eq!(named("American Airlines"), None);
        assert!(is_adjective("Swiss") && is_adjective("US") && !is_adjective("Kenya"));
    }

    #[test]
    fn a_role_without_its_country_is_the_office() {
        let office = |role| {
            let (office, place) = office_and_place(role);
            (office, place.map(name), place.is_some_and(is_region))
        };
        assert_eq!(
            office("President of Kenya"),
            ("President", Some("Kenya"), false)
        );
        assert_eq!(
            office("Secretary of State of the United States"),
            ("Secretary of State", Some("the United States"), false)
        );
        assert_eq!(
            office("Premier of New South Wales"),
            ("Premier", Some("New South Wales"), true)
        );
        assert_eq!(
            office("Chief Executive of Apple"),
            ("Chief Executive of Apple", None, false)
        );
        assert_eq!(office("Mayor of London"), ("Mayor of London", None, false));
        assert_eq!(office("Governor"), ("Governor", None, false));
    }

    #[test]
    fn every_word_names_its_own_line() {
        for (text, region) in [(LIST, false), (REGIONS, true)] {
            let lines = text
                .lines()
                .filter(|l| !l.trim().is_empty() && !l.starts_with('#'));
            for line in lines {
                let fields: Vec<&str> = line.split('|').map(str::trim).collect();
                let own = fields[0].strip_prefix("the ").unwrap_or(fields[0]);
                let words = fields[1..].iter().flat_map(|f| f.split(','));
                for word in std::iter::once(own)
                    .chain(words)
                    .filter(|w| !w.trim().is_empty())
                {
                    let named = named_by(word.split_whitespace());
                    let place = named.map(|(c, _)| (name(c), is_region(c)));
                    assert_eq!(place, Some((fields[0], region)), "{word}");
                }
            }
        }
    }

    #[test]
    fn every_line_names_a_country_once() {
        let countries = countries();
        assert!(countries.names.len() > 190, "{}", countries.names.len());
        let mut names = countries.names.clone();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), countries.names.len(), "a country listed twice");
    }
}
