//! What a page's metadata says of its article: the title (`og:title`, `<title>`), who
//! wrote it and when (`<meta name="author">`, `article:published_time`, the JSON-LD
//! article's `author` and `datePublished`). Pages often say so only there.

use scraper::{Html, Selector};
use serde_json::Value;

fn selector(s: &str) -> Option<Selector> {
    Selector::parse(s).ok()
}

/// The `content` of the first `<meta>` that `css` selects, trimmed, if not empty.
fn meta(doc: &Html, css: &str) -> Option<String> {
    let s = selector(css)?;
    doc.select(&s)
        .filter_map(|m| m.attr("content"))
        .map(str::trim)
        .find(|c| !c.is_empty())
        .map(str::to_string)
}

/// `og:title`, else `<title>`, without the site's name after it.
pub fn title(doc: &Html) -> Option<String> {
    let title = meta(doc, r#"meta[property="og:title"]"#).or_else(|| {
        let s = selector("title")?;
        Some(doc.select(&s).next()?.text().collect())
    })?;
    let title = super::build::collapse(&title);
    let site = meta(doc, r#"meta[property="og:site_name"]"#);
    Some(without_site_name(&title, site.as_deref()).to_string()).filter(|t| !t.is_empty())
}

/// The longest a site's name set after a page's title is, in words.
const MAX_SITE_NAME_WORDS: usize = 4;

/// A page's `<title>` without the site's name after it (`Ferries Cut | Harbour Times`):
/// the name the page gives its site, after any separator, or a few words after ` | `,
/// which a headline hardly holds.
fn without_site_name<'a>(title: &'a str, site: Option<&str>) -> &'a str {
    for separator in [" | ", " - ", " – ", " — ", " · ", " :: "] {
        let Some((page, suffix)) = title.rsplit_once(separator) else {
            continue;
        };
        let named = site.is_some_and(|site| suffix.trim().eq_ignore_ascii_case(site.trim()));
        let short = separator == " | " && suffix.split_whitespace().count() <= MAX_SITE_NAME_WORDS;
        if !page.trim().is_empty() && (named || short) {
            return page.trim();
        }
    }
    title
}

/// The authors' names and the publication date; the JSON-LD article's first.
pub fn credit(doc: &Html) -> (Vec<String>, Option<String>) {
    let (mut authors, mut date) = json_ld(doc).unwrap_or_default();
    if authors.is_empty() {
        authors = ["author", "byl"]
            .iter()
            .filter_map(|name| meta(doc, &format!(r#"meta[name="{name}"]"#)))
            .chain(meta(doc, r#"meta[property="article:author"]"#))
            .map(|a| a.strip_prefix("By ").unwrap_or(&a).to_string())
            .find(|a| is_name(a))
            .into_iter()
            .collect();
    }
    if date.is_none() {
        date = meta(doc, r#"meta[property="article:published_time"]"#)
            .or_else(|| meta(doc, r#"meta[itemprop="datePublished"]"#))
            .or_else(|| meta(doc, r#"meta[name="date"]"#));
    }
    (authors, date)
}

/// A person's name, not an address (`article:author` is often a profile's URL).
fn is_name(s: &str) -> bool {
    !s.is_empty() && !s.contains("://") && !s.starts_with('/')
}

/// The authors and date of the first article-like object (one with a `headline` or a
/// `datePublished`) in the page's JSON-LD, searched through arrays and `@graph`.
fn json_ld(doc: &Html) -> Option<(Vec<String>, Option<String>)> {
    let s = selector(r#"script[type="application/ld+json"]"#)?;
    doc.select(&s).find_map(|script| {
        let text: String = script.text().collect();
        let value: Value = serde_json::from_str(&text).ok()?;
        let article = find_article(&value, 0)?;
        let authors = article.get("author").map(names).unwrap_or_default();
        let date = article
            .get("datePublished")
            .and_then(Value::as_str)
            .map(|d| d.trim().to_string());
        Some((authors, date))
    })
}

/// JSON-LD nests a few levels at most; deeper is not looked at.
const MAX_JSON_LD_DEPTH: usize = 8;

fn find_article(value: &Value, depth: usize) -> Option<&Value> {
    if depth > MAX_JSON_LD_DEPTH {
        return None;
    }
    match value {
        Value::Array(items) => items.iter().find_map(|v| find_article(v, depth + 1)),
        Value::Object(map) => {
            if map.contains_key("headline") || map.contains_key("datePublished") {
                Some(value)
            } else {
                find_article(map.get("@graph")?, depth + 1)
            }
        }
        _ => None,
    }
}

/// `"Ana Ruiz"`, `{"name": "Ana Ruiz"}` or a list of them.
fn names(author: &Value) -> Vec<String> {
    match author {
        Value::String(name) => vec![name.trim().to_string()],
        Value::Object(map) => map
            .get("name")
            .and_then(Value::as_str)
            .map(|n| vec![n.trim().to_string()])
            .unwrap_or_default(),
        Value::Array(items) => items.iter().flat_map(names).collect(),
        _ => Vec::new(),
    }
    .into_iter()
    .filter(|n| is_name(n))
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn credit_of(head: &str) -> (Vec<String>, Option<String>) {
        credit(&Html::parse_document(&format!(
            "<html><head>{head}</head><body></body></html>"
        )))
    }

    #[test]
    fn a_pages_title_without_its_sites_name() {
        let title = |head: &str| {
            title(&Html::parse_document(&format!(
                "<html><head>{head}</head></html>"
            )))
        };
        let site = r#"<meta property="og:site_name" content="Harbour Times">"#;
        let cases = [
            ("<title>Ferries Cut | Harbour Times</title>", "Ferries Cut"),
            (
                "<title>Brexit - What Happens Next</title>",
                "Brexit - What Happens Next",
            ),
            (
                &format!("<title>Ferries Cut - Harbour Times</title>{site}"),
                "Ferries Cut",
            ),
            (
                "<title>Ferries | Buses | The Long Winter Of The Islands Ahead</title>",
                "Ferries | Buses | The Long Winter Of The Islands Ahead",
            ),
            ("<title> | Harbour Times</title>", "| Harbour Times"),
            (
                r#"<meta property="og:title" content="Ferries Cut | Harbour Times">"#,
                "Ferries Cut",
            ),
        ];
        for (head, expected) in cases {
            assert_eq!(title(head).as_deref(), Some(expected), "{head}");
        }
    }

    #[test]
    fn json_ld_authors_and_date() {
        let ld = r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","name":"The Times"},
            {"@type":"NewsArticle","headline":"H","datePublished":"2026-03-14T09:00:00Z",
             "author":[{"@type":"Person","name":"Ana Ruiz"},"Bo Li","https://x.org/bo",{"url":"https://x.org/cy"}]}]}</script>"#;
        assert_eq!(
            credit_of(ld),
            (
                vec!["Ana Ruiz".to_string(), "Bo Li".to_string()],
                Some("2026-03-14T09:00:00Z".to_string())
            )
        );
    }

    #[test]
    fn meta_tags_when_there_is_no_json_ld() {
        let head = r#"<meta property="article:author" content="https://x.org/ana">
            <meta name="byl" content="By Ana Ruiz">
            <meta property="article:published_time" content="2026-03-14">"#;
        assert_eq!(
            credit_of(head),
            (vec!["Ana Ruiz".to_string()], Some("2026-03-14".to_string()))
        );
        let broken = r#"<script type="application/ld+json">{"headline": </script>
            <meta name="author" content="Bo Li">"#;
        assert_eq!(credit_of(broken), (vec!["Bo Li".to_string()], None));
        assert_eq!(credit_of(""), (Vec::new(), None));
    }
}
