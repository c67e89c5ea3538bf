//! What a Markdown article's front matter (YAML between `---` lines, TOML between
//! `+++`) tells a reader: its title, who wrote it and when. Not a YAML or TOML parser:
//! it reads top-level keys whose value is a string, a list of strings (`[a, b]` or
//! `- a` lines below the key) or, for an author, a mapping with a `name`.

#[derive(Debug, Default, PartialEq, Eq)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub date: Option<String>,
}

impl FrontMatter {
    pub fn read(text: &str) -> FrontMatter {
        let mut front = FrontMatter::default();
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            // Top-level keys only: nested ones are indented, list items start with `-`.
            if line.starts_with([' ', '\t', '-', '#']) {
                continue;
            }
            let Some((key, value)) = key_value(line) else {
                continue;
            };
            let values = if value.is_empty() {
                nested_values(&lines[i + 1..])
            } else {
                list_or_scalar(value)
            };
            let first = values.first().cloned();
            match key.to_ascii_lowercase().as_str() {
                "title" => front.title = front.title.or(first),
                "author" | "authors" | "byline" if front.authors.is_empty() => {
                    front.authors = values.iter().map(|v| without_email(v)).collect();
                }
                "date" | "published" | "publishdate" | "pubdate" => {
                    front.date = front.date.or(first)
                }
                _ => {}
            }
        }
        front
    }
}

/// `key: value` (YAML) or `key = value` (TOML), the key unquoted and the value trimmed.
fn key_value(line: &str) -> Option<(&str, &str)> {
    let (key, value) = line
        .split_once(':')
        .filter(|(key, _)| !key.contains('='))
        .or_else(|| line.split_once('='))?;
    let key = unquote(key.trim());
    (!key.is_empty()).then_some((key, value.trim()))
}

/// `[a, "b"]` as its items, anything else as one value; empty values dropped.
fn list_or_scalar(value: &str) -> Vec<String> {
    let items: Vec<&str> = match value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
        Some(list) => list.split(',').collect(),
        None => vec![value],
    };
    items
        .into_iter()
        .map(scalar)
        .filter(|v| !v.is_empty())
        .collect()
}

/// The values under a key given on the lines after it: `- a` items (or `- name: a`),
/// or a mapping's `name: a`.
fn nested_values(lines: &[&str]) -> Vec<String> {
    let mut values = Vec::new();
    for line in lines {
        let indented = line.starts_with([' ', '\t']);
        let item = line.trim_start().strip_prefix("- ");
        if !indented && item.is_none() {
            break;
        }
        let entry = item.unwrap_or(line.trim_start());
        match key_value(entry) {
            Some((key, value)) if key.eq_ignore_ascii_case("name") => values.push(scalar(value)),
            Some(_) => {}
            None if item.is_some() => values.push(scalar(entry)),
            None => {}
        }
    }
    values.retain(|v| !v.is_empty());
    values
}

/// A scalar without its quotes, or without a trailing ` # comment` when unquoted.
fn scalar(value: &str) -> String {
    let value = value.trim();
    let quoted = value.len() >= 2
        && (value.starts_with('"') && value.ends_with('"')
            || value.starts_with('\'') && value.ends_with('\''));
    if quoted {
        return value[1..value.len() - 1].trim().to_string();
    }
    let value = value.split(" #").next().unwrap_or(value);
    unquote(value.trim()).to_string()
}

fn unquote(s: &str) -> &str {
    s.trim_matches(|c| c == '"' || c == '\'')
}

/// `Ana Ruiz <ana@example.org>` → `Ana Ruiz`.
fn without_email(author: &str) -> String {
    match author.split_once(" <") {
        Some((name, rest)) if rest.ends_with('>') => name.trim().to_string(),
        _ => author.to_string(),
    }
}

/// The text after front matter that opens `document` (`---`/`+++` lines around it),
/// as [`super::markdown::Scan`] finds its end; the whole document when there is none.
pub fn after(document: &str) -> &str {
    let mut lines = document.split_inclusive('\n');
    let Some(fence) = lines.next().map(|l| l.trim_end()) else {
        return document;
    };
    if fence != "---" && fence != "+++" {
        return document;
    }
    let mut at = document.find('\n').map_or(document.len(), |i| i + 1);
    for line in lines {
        at += line.len();
        let line = line.trim_end();
        if line == fence || (fence == "---" && line == "...") {
            return &document[at..];
        }
    }
    document
}

#[cfg(test)]
mod tests {
    use super::*;

    fn front(text: &str) -> FrontMatter {
        FrontMatter::read(text)
    }

    #[test]
    fn yaml_scalars_quoted_or_not() {
        let f = front(
            "title: \"Budget: the talks stall\"\nauthor: Maria Souza # staff\ndate: 2026-03-14\ndraft: false\n",
        );
        assert_eq!(f.title.as_deref(), Some("Budget: the talks stall"));
        assert_eq!(f.authors, ["Maria Souza"]);
        assert_eq!(f.date.as_deref(), Some("2026-03-14"));
    }

    #[test]
    fn authors_as_lists_and_mappings() {
        assert_eq!(
            front("authors: [Ana Ruiz, \"Bo Li\"]\n").authors,
            ["Ana Ruiz", "Bo Li"]
        );
        assert_eq!(
            front("authors:\n  - Ana Ruiz\n  - 'Bo Li'\ntags:\n  - x\n").authors,
            ["Ana Ruiz", "Bo Li"]
        );
        assert_eq!(
            front("author:\n  name: Ana Ruiz\n  email: ana@example.org\n").authors,
            ["Ana Ruiz"]
        );
        assert_eq!(
            front("authors:\n- name: Ana Ruiz\n  url: /ana\n- name: Bo Li\n").authors,
            ["Ana Ruiz", "Bo Li"]
        );
        assert_eq!(
            front("author: Ana Ruiz <ana@example.org>\n").authors,
            ["Ana Ruiz"]
        );
    }

    #[test]
    fn toml_keys() {
        let f = front(
            "title = \"Harbour: a year on\"\nauthors = [\"Ana Ruiz\"]\ndate = 2026-03-14T09:00:00Z\n",
        );
        assert_eq!(f.title.as_deref(), Some("Harbour: a year on"));
        assert_eq!(f.authors, ["Ana Ruiz"]);
        assert_eq!(f.date.as_deref(), Some("2026-03-14T09:00:00Z"));
    }

    #[test]
    fn nested_keys_and_empty_values_are_not_the_articles() {
        let f = front("seo:\n  title: Buy now\n  author: Bot\ntitle:\nauthor: ''\n");
        assert_eq!(f, FrontMatter::default());
    }

    #[test]
    fn the_text_after_front_matter() {
        assert_eq!(after("---\ntitle: A\n---\n\nBy Ana\n"), "\nBy Ana\n");
        assert_eq!(after("+++\ntitle = 'A'\n+++\nText"), "Text");
        assert_eq!(after("---\na: b\n...\nText"), "Text");
        assert_eq!(after("Just text\n---\n"), "Just text\n---\n");
        // Never closed: no front matter.
        assert_eq!(after("---\na: b\n"), "---\na: b\n");
    }
}
