//! JSON articles. An object is one article:
//!   `{"title", "byline", "date", "dateline", "body"}` with `body` plain text (parsed like
//!   a `.txt` file), or `{"title", …, "sections": [{"heading", "level", "paragraphs"}]}`;
//! an array of such objects is several articles, and JSON Lines (one object per line) is
//! a feed. Errors name the line and column and what was expected.
//!
//! Shapes found in the wild read too: WordPress's REST API (`"title"` and
//! `"content"` as `{"rendered": "<html>"}`, `"author"` a number), schema.org's
//! `NewsArticle` (`"headline"`, `"articleBody"`, `"datePublished"`, `"author"` as
//! `{"name": …}` or a list of them), Ghost's `{"posts": […]}` (`"html"`,
//! `"published_at"`, `"authors"`), NewsAPI's `{"articles": […]}` (`"content"` or
//! `"description"`, `"publishedAt"`) and JSON Feed's `{"items": […]}` (`"content_html"`
//! or `"content_text"`, `"date_published"`).

use anyhow::{Result, anyhow, bail};
use serde::Deserialize;
use serde_json::Value;

use super::build::Builder;
use super::{Article, BlockKind, Format, html, plain};

/// The fields an article object may have. Each name another shape uses for the same
/// thing is a field of its own, taken in the order [`build`] tries them: as serde
/// aliases, an object holding two of them would fail as a "duplicate field".
#[derive(Debug, Deserialize)]
struct JsonArticle {
    title: Option<Text>,
    headline: Option<String>,
    byline: Option<Value>,
    author: Option<Value>,
    authors: Option<Value>,
    date: Option<String>,
    #[serde(rename = "datePublished")]
    date_published: Option<String>,
    #[serde(rename = "publishedAt")]
    published_at_camel: Option<String>,
    published_at: Option<String>,
    /// JSON Feed's, spelt as it spells it.
    #[serde(rename = "date_published")]
    date_published_feed: Option<String>,
    dateline: Option<String>,
    body: Option<Text>,
    text: Option<Text>,
    content: Option<Text>,
    content_text: Option<String>,
    #[serde(rename = "articleBody")]
    article_body: Option<String>,
    /// Ghost's and JSON Feed's body.
    html: Option<String>,
    content_html: Option<String>,
    /// A summary: the body when there is no other.
    description: Option<String>,
    summary: Option<String>,
    /// Where the whole story is: shown after it, as a feed item's link is.
    url: Option<String>,
    link: Option<String>,
    sections: Option<Vec<JsonSection>>,
    /// The articles of a wrapper: Ghost's `{"posts": […]}`, NewsAPI's `{"articles": […]}`,
    /// JSON Feed's `{"items": […]}`. Read only when the object is no article itself, so
    /// an article's own field of such a name is just data.
    posts: Option<Value>,
    articles: Option<Value>,
    items: Option<Value>,
}

impl JsonArticle {
    /// A wrapper's articles, or the article itself.
    fn unwrapped(mut self) -> Result<Vec<JsonArticle>> {
        // A summary is no body: a JSON Feed describes itself.
        let body = [&self.body, &self.text, &self.content]
            .iter()
            .any(|b| b.is_some())
            || [
                &self.content_text,
                &self.article_body,
                &self.html,
                &self.content_html,
            ]
            .iter()
            .any(|b| b.is_some());
        if !body && self.sections.is_none() {
            let lists = [self.posts.take(), self.articles.take(), self.items.take()];
            if let Some(list) = lists.into_iter().flatten().find(Value::is_array) {
                return serde_json::from_value(list).map_err(|e| anyhow!("its articles: {e}"));
            }
        }
        Ok(vec![self])
    }
}

/// A text field: plain, or HTML as WordPress gives it (`{"rendered": "…"}`).
#[derive(Debug)]
enum Text {
    Plain(String),
    Html(String),
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
        struct Either;
        impl<'de> serde::de::Visitor<'de> for Either {
            type Value = Text;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string or {\"rendered\": \"…\"}")
            }

            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Text, E> {
                Ok(Text::Plain(s.to_owned()))
            }

            fn visit_map<M: serde::de::MapAccess<'de>>(self, mut m: M) -> Result<Text, M::Error> {
                let mut html = None;
                while let Some(key) = m.next_key::<String>()? {
                    if key == "rendered" {
                        html = Some(m.next_value()?);
                    } else {
                        m.next_value::<serde::de::IgnoredAny>()?;
                    }
                }
                html.map(Text::Html)
                    .ok_or_else(|| serde::de::Error::missing_field("rendered"))
            }
        }
        d.deserialize_any(Either)
    }
}

impl Text {
    /// As one line of plain text (a title).
    fn line(self, name: &str) -> String {
        let text = match self {
            Text::Plain(s) => crate::source::clean(&s).into_owned(),
            Text::Html(h) => html::parse(&h, name).text,
        };
        super::build::collapse(&text)
    }
}

/// The names in an author field: `"Ana Ruiz"`, `{"name": "Ana Ruiz"}` or a list of
/// either; none for anything else (WordPress gives a number).
fn names_of(value: &Value) -> Vec<&str> {
    match value {
        Value::String(s) => vec![s.as_str()],
        Value::Object(o) => o.get("name").and_then(Value::as_str).into_iter().collect(),
        Value::Array(all) => all.iter().flat_map(names_of).collect(),
        _ => Vec::new(),
    }
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
    let mut articles = Vec::new();
    for (line, doc) in documents {
        articles.extend(doc.unwrapped()?.into_iter().map(|a| (line, a)));
    }
    let documents = articles;
    let several = documents.len() > 1;
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
            build(doc, &label, several).map_err(|e| {
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

/// The article `doc` is, from `source`; one of `several` in its file, an untitled one is
/// titled by its opening sentence, not by the name of the file they share.
fn build(doc: JsonArticle, source: &str, several: bool) -> Result<Article> {
    let untitled = doc.title.is_none() && doc.headline.is_none();
    let name = if several && untitled { "" } else { source };
    let title = doc.title.or(doc.headline.map(Text::Plain));
    let title = title.map(|t| t.line(name));
    let body = (doc.body.or(doc.text).or(doc.content))
        .or(doc.content_text.or(doc.article_body).map(Text::Plain))
        .or(doc.html.or(doc.content_html).map(Text::Html))
        .or(doc.description.or(doc.summary).map(Text::Plain));
    // Who wrote it and when lead the text, as on a page: `By Ana Ruiz · 2025-03-01`.
    let authors = [&doc.byline, &doc.author, &doc.authors]
        .into_iter()
        .find_map(Option::as_ref);
    let names = authors.map(names_of).unwrap_or_default();
    let date = (doc.date.or(doc.date_published))
        .or(doc.published_at_camel.or(doc.published_at))
        .or(doc.date_published_feed);
    let credit = super::build::credit_line(&names, date.as_deref());
    let link = (doc.url.or(doc.link))
        .filter(|u| !u.trim().is_empty())
        .map(|url| format!("Link: {}", url.trim()));
    let mut article = match (body, doc.sections) {
        (Some(Text::Plain(body)), _) => {
            // A dateline given as a field leads the body, where readers expect it.
            let body = match &doc.dateline {
                Some(d) if !body.trim_start().starts_with(d.as_str()) => format!("{d} — {body}"),
                _ => body,
            };
            let body = match &link {
                Some(link) => format!("{body}\n\n{link}"),
                None => body,
            };
            plain::parse_fields(title.as_deref(), credit.as_deref(), body, name)
        }
        (Some(Text::Html(mut body)), _) => {
            if let Some(link) = &link {
                body += &format!("<p>{}</p>", html::escape(link));
            }
            html::parse_fields(title.as_deref(), credit.as_deref(), &body, name)
        }
        (None, Some(sections)) => {
            let mut b = Builder::new();
            if let Some(t) = title.as_ref().filter(|t| !t.is_empty()) {
                b.begin(BlockKind::Title);
                b.text(t);
            }
            if let Some(credit) = &credit {
                b.begin(BlockKind::Paragraph);
                b.text(credit);
            }
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
            if let Some(link) = &link {
                b.begin(BlockKind::Paragraph);
                b.text(link);
            }
            b.finish(name, Format::Json, title.clone())
        }
        (None, None) => bail!("expected a \"body\" string or a \"sections\" array"),
    };
    if let Some(title) = title.filter(|t| !t.is_empty()) {
        article.title = title;
    }
    article.source = source.to_string();
    article.format = Format::Json;
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
        assert!(
            a[0].text
                .starts_with("Ferry Vote\n\nBy Ana Ruiz · 2025-03-01\n\nOBAN")
        );
        assert_eq!(a[0].blocks[0].kind, BlockKind::Title);
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
        assert_eq!(a[0].block_text(0), "One", "the title heads the text");
        assert_eq!(a[0].blocks[0].kind, BlockKind::Title);
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
    fn a_thing_named_two_ways_is_read_once() {
        let both = r#"{"title": "Ferry Vote", "date": "2026-01-02", "datePublished": "2026-01-01",
            "byline": "By Ana Ruiz", "author": {"name": "A. Ruiz"}, "text": "Residents voted.",
            "content": "Unused.", "url": "https://x.org/v", "link": "https://x.org/l"}"#;
        let a = &parse(both, "b.json").unwrap()[0];
        assert_eq!(
            a.block_texts(),
            [
                "Ferry Vote",
                "By Ana Ruiz · 2026-01-02",
                "Residents voted.",
                "Link: https://x.org/v"
            ]
        );
    }

    #[test]
    fn ghost_and_newsapi_wrappers_and_links() {
        let ghost = r#"{"posts": [{"title": "Harbour opens", "html": "<p>It <b>opened</b>.</p>",
            "published_at": "2026-03-14T09:00:00.000Z", "authors": [{"name": "Bo Li"}],
            "url": "https://x.org/h"}], "meta": {"pagination": {"page": 1}}}"#;
        let a = parse(ghost, "g.json").unwrap();
        assert_eq!(a.len(), 1);
        assert_eq!(
            a[0].block_texts(),
            [
                "Harbour opens",
                "By Bo Li · 2026-03-14",
                "It opened.",
                "Link: https://x.org/h"
            ]
        );
        let news = r#"{"status": "ok", "articles": [
            {"author": "Ana Ruiz", "title": "Strike ends", "description": "Crews return.",
             "publishedAt": "2026-03-14T09:00:00Z", "content": "It ended… [+1200 chars]",
             "url": "https://x.org/a"},
            {"author": null, "title": "Fares fall", "description": "Fares will fall.",
             "content": null, "publishedAt": "2026-03-15T09:00:00Z"}]}"#;
        let a = parse(news, "n.json").unwrap();
        assert_eq!(a.len(), 2);
        assert_eq!(
            a[0].block_texts(),
            [
                "Strike ends",
                "By Ana Ruiz · 2026-03-14",
                "It ended… [+1200 chars]",
                "Link: https://x.org/a"
            ]
        );
        // No content: the description is the body.
        assert_eq!(
            a[1].block_texts(),
            ["Fares fall", "2026-03-15", "Fares will fall."]
        );
        assert_eq!(a[1].source, "n.json#2");
        // JSON Feed.
        let feed = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "Blog",
            "description": "About ferries.",
            "items": [{"id": "1", "title": "Ferry news", "content_html": "<p>Ana spoke.</p>",
            "date_published": "2026-03-14T09:00:00Z"}, {"id": "2", "summary": "A note."}]}"#;
        let a = parse(feed, "harbour-blog.json").unwrap();
        assert_eq!(
            a[0].block_texts(),
            ["Ferry news", "2026-03-14", "Ana spoke."]
        );
        assert_eq!(a[1].block_texts(), ["A note."]);
        // Untitled, it is its opening, not the file all the items share.
        assert_eq!(
            (a[1].title.as_str(), a[1].source.as_str()),
            ("A note", "harbour-blog.json#2")
        );
        // An article that has a body keeps its own field of that name as data, whatever
        // it holds.
        let own =
            r#"{"title": "T", "body": "Text.", "items": ["a", 2], "posts": [{"title": "U"}]}"#;
        assert_eq!(parse(own, "o.json").unwrap().len(), 1);
        // A wrapper of what are no articles says so.
        assert!(parse(r#"{"items": [1, 2]}"#, "i.json").is_err());
    }

    #[test]
    fn wordpress_and_schema_org_articles() {
        let wp = r#"[{"id": 7, "date": "2026-11-20T10:00:00", "author": 3, "link": "https://x.org/7",
            "title": {"rendered": "Summit ends &#8211; no deal"},
            "content": {"rendered": "<p>It ended, said <b>Ana</b>.</p><h2>Next</h2><p>More.</p>"}}]"#;
        let a = &parse(wp, "wp.json").unwrap()[0];
        assert_eq!(a.title, "Summit ends – no deal");
        assert_eq!(a.format, Format::Json);
        // No author's name (a number), the day of the timestamp.
        assert!(
            a.text
                .starts_with("Summit ends – no deal\n\n2026-11-20\n\nIt ended, said Ana."),
            "{}",
            a.text
        );
        assert_eq!(a.sections.last().map(|s| s.title.as_str()), Some("Next"));
        assert!(
            a.text.ends_with("More.\n\nLink: https://x.org/7"),
            "{}",
            a.text
        );

        let ld = r#"{"@type": "NewsArticle", "headline": "Ferry Vote", "datePublished": "2025-03-01",
            "author": [{"@type": "Person", "name": "Ana Ruiz"}, {"name": "Bo Li"}],
            "articleBody": "OBAN, Scotland — Residents voted.\n\nA Second Meeting\n\nIn May."}"#;
        let a = &parse(ld, "ld.json").unwrap()[0];
        assert_eq!(a.title, "Ferry Vote");
        assert!(
            a.text
                .starts_with("Ferry Vote\n\nBy Ana Ruiz, Bo Li · 2025-03-01\n\nOBAN")
        );
        assert!(
            a.dateline.is_some(),
            "a byline before it leaves the dateline found"
        );
        assert_eq!(a.sections[0].title, "A Second Meeting");
        // A body that opens with its byline is not given a second one.
        let own = r#"{"title": "T", "author": "Ana Ruiz", "body": "By Ana Ruiz\n\nText."}"#;
        assert_eq!(
            parse(own, "own.json").unwrap()[0]
                .text
                .matches("Ruiz")
                .count(),
            1
        );
    }

    /// The error `parse` gives for `text` in a file called `name`.
    fn error(text: &str, name: &str) -> String {
        parse(text, name).unwrap_err().to_string()
    }

    #[test]
    fn errors_say_where_and_what() {
        let e = error("{\n  \"date\": 5,\n  \"body\": \"x\"\n}", "bad.json");
        assert!(
            e.contains("line 2") && e.contains("expected a string"),
            "{e}"
        );
        let e = error("{\"title\": 5, \"body\": \"x\"}", "bad.json");
        assert!(
            e.contains("column 11") && e.contains("expected a string or"),
            "{e}"
        );
        let e = error("{\"title\": \"x\"}", "bad.json");
        assert!(e.contains("\"body\""), "{e}");
        let e = error("{\"body\": \"a\"}\n{\"body\": oops}\n", "feed.jsonl");
        assert!(e.contains("line 2"), "{e}");
    }
}
