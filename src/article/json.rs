//! JSON articles. An object is one article:
//!   `{"title", "byline", "date", "dateline", "body"}` with `body` plain text (parsed like
//!   a `.txt` file), or `{"title", …, "sections": [{"heading", "level", "paragraphs"}]}`;
//! an array of such objects is several articles, and JSON Lines (one object per line) is
//! a feed. Errors name the line and column and what was expected.

use anyhow::{Result, anyhow, bail};
use serde::Deserialize;

use super::build::Builder;
use super::{Article, BlockKind, Format, plain};

#[derive(Debug, Deserialize)]
struct JsonArticle {
    title: Option<String>,
    #[serde(alias = "author")]
    byline: Option<String>,
    date: Option<String>,
    dateline: Option<String>,
    #[serde(alias = "text", alias = "content")]
    body: Option<String>,
    sections: Option<Vec<JsonSection>>,
}

#[derive(Debug, Deserialize)]
struct JsonSection {
    #[serde(alias = "title")]
    heading: Option<String>,
    level: Option<u8>,
    #[serde(default)]
    paragraphs: Vec<String>,
}

/// Whether text that starts with `{` or `[` is JSON rather than prose in brackets.
pub fn looks_like_json(text: &str) -> bool {
    let mut chars = text.trim_start().chars();
    matches!(chars.next(), Some('{' | '['))
        && chars
            .find(|c| !c.is_whitespace())
            .is_some_and(|c| matches!(c, '"' | '{' | '[' | '}' | ']'))
}

pub fn parse(text: &str, name: &str) -> Result<Vec<Article>> {
    let lines_ext = name.ends_with(".jsonl") || name.ends_with(".ndjson");
    let trimmed = text.trim_start();
    let documents: Vec<(usize, JsonArticle)> = if lines_ext {
        json_lines(text)?
    } else if trimmed.starts_with('[') {
        let all: Vec<JsonArticle> = serde_json::from_str(text).map_err(|e| located(&e, 0))?;
        all.into_iter().map(|a| (0, a)).collect()
    } else {
        match serde_json::from_str::<JsonArticle>(text) {
            Ok(a) => vec![(0, a)],
            // A second object after the first: JSON Lines without the extension.
            Err(e) if e.to_string().contains("trailing characters") => json_lines(text)?,
            Err(e) => return Err(located(&e, 0)),
        }
    };
    documents
        .into_iter()
        .enumerate()
        .map(|(i, (line, doc))| {
            let label = if line > 0 {
                format!("{name}:{line}")
            } else if i > 0 {
                format!("{name}#{}", i + 1)
            } else {
                name.to_string()
            };
            build(doc, &label).map_err(|e| {
                anyhow!(
                    "{}: {e}",
                    if line > 0 {
                        format!("line {line}")
                    } else {
                        format!("article {}", i + 1)
                    }
                )
            })
        })
        .collect()
}

fn json_lines(text: &str) -> Result<Vec<(usize, JsonArticle)>> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l)
                .map(|a| (i + 1, a))
                .map_err(|e| located(&e, i))
        })
        .collect()
}

/// `line 3, column 14: expected …`, with `line_offset` lines before this document.
fn located(e: &serde_json::Error, line_offset: usize) -> anyhow::Error {
    let message = e.to_string();
    let what = message.split(" at line ").next().unwrap_or(&message);
    anyhow!(
        "line {}, column {}: {what}",
        e.line() + line_offset,
        e.column()
    )
}

fn build(doc: JsonArticle, name: &str) -> Result<Article> {
    let mut article = match (doc.body, doc.sections) {
        (Some(body), _) => {
            // A dateline given as a field leads the body, where readers expect it.
            let body = match &doc.dateline {
                Some(d) if !body.trim_start().starts_with(d.as_str()) => format!("{d} — {body}"),
                _ => body,
            };
            let mut a = plain::parse(crate::source::clean(&body).into_owned(), name);
            if let Some(title) = &doc.title {
                a.title = super::build::collapse(&crate::source::clean(title));
            }
            a.format = Format::Json;
            a
        }
        (None, Some(sections)) => {
            let mut b = Builder::new();
            if let Some(d) = &doc.dateline {
                b.begin(BlockKind::Paragraph);
                b.text(&format!("{d} —"));
            }
            for section in sections {
                if let Some(h) = section.heading.filter(|h| !h.trim().is_empty()) {
                    b.begin(BlockKind::Heading {
                        level: section.level.unwrap_or(1).clamp(1, 6),
                    });
                    b.text(&h);
                }
                for p in section.paragraphs {
                    b.begin(BlockKind::Paragraph);
                    b.text(&p);
                }
            }
            b.finish(name, Format::Json, doc.title)
        }
        (None, None) => bail!("expected a \"body\" string or a \"sections\" array"),
    };
    article.byline = doc.byline;
    article.date = doc.date;
    Ok(article)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn object_with_body() {
        let a = parse(r#"{"title": "Ferry Vote", "byline": "Ana Ruiz", "date": "2025-03-01", "dateline": "OBAN, Scotland", "body": "Residents voted on Tuesday.\n\nA Second Meeting\n\nIt is planned for May."}"#, "a.json").unwrap();
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].title, "Ferry Vote");
        assert_eq!(a[0].format, Format::Json);
        assert_eq!(a[0].byline.as_deref(), Some("Ana Ruiz"));
        let d = a[0].dateline.as_ref().unwrap();
        assert_eq!(&a[0].text[d.place.clone()], "OBAN, Scotland");
        assert_eq!(a[0].sections[0].title, "A Second Meeting");
    }

    #[test]
    fn sections_array_and_json_lines() {
        let a = parse(r#"[{"title": "One", "sections": [{"heading": "Start", "paragraphs": ["p1", "p2"]}, {"heading": "Detail", "level": 2, "paragraphs": ["p3"]}]}, {"title": "Two", "body": "Just text."}]"#, "many.json").unwrap();
        assert_eq!(a.len(), 2);
        assert_eq!(
            a[0].sections.iter().map(|s| s.level).collect::<Vec<_>>(),
            [1, 2]
        );
        assert_eq!(a[1].title, "Two");
        let feed = "{\"title\": \"A\", \"body\": \"x\"}\n\n{\"title\": \"B\", \"body\": \"y\"}\n";
        let a = parse(feed, "feed.jsonl").unwrap();
        assert_eq!(
            a.iter().map(|a| a.title.as_str()).collect::<Vec<_>>(),
            ["A", "B"]
        );
        assert_eq!(
            parse(feed, "feed.json").unwrap().len(),
            2,
            "JSON Lines sniffed"
        );
    }

    #[test]
    fn errors_say_where_and_what() {
        let e = parse("{\n  \"title\": 5,\n  \"body\": \"x\"\n}", "bad.json")
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("line 2") && e.contains("expected a string"),
            "{e}"
        );
        let e = parse("{\"title\": \"x\"}", "bad.json")
            .unwrap_err()
            .to_string();
        assert!(e.contains("\"body\""), "{e}");
        let e = parse("{\"body\": \"a\"}\n{\"body\": oops}\n", "feed.jsonl")
            .unwrap_err()
            .to_string();
        assert!(e.contains("line 2"), "{e}");
    }
}
