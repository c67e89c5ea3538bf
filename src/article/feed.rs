//! RSS 2.0 and Atom feeds: each item (or entry) is an article — its title, its authors
//! and date as a credit line, its content (HTML, as feeds carry it) as the body, and a
//! link to the whole story. Read with quick-xml's pull parser by element names without
//! their namespace prefixes, so the dialects (`content:encoded`, `dc:creator`, …) need
//! no schema; a feed broken part way gives the items before the break.

use anyhow::{Result, bail};
use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::reader::Reader;

use super::build::credit_line;
use super::{Article, Format, html};

/// Whether text is a feed: its root element, past the XML declaration, stylesheets,
/// comments and a document type, is `<rss>` or `<feed>` (or RDF, RSS 1.0's).
pub fn looks_like_feed(head: &str) -> bool {
    let mut rest = head.trim_start();
    loop {
        rest = if let Some(r) = rest.strip_prefix("<?") {
            after(r, "?>")
        } else if let Some(r) = rest.strip_prefix("<!--") {
            after(r, "-->")
        } else if let Some(r) = rest.strip_prefix("<!DOCTYPE") {
            // Its internal subset, if any, holds `>` of its own.
            match (r.find('['), r.find('>')) {
                (Some(open), Some(close)) if open < close => after(r, "]>"),
                _ => after(r, ">"),
            }
        } else {
            break;
        };
    }
    ["<rss", "<feed", "<rdf:RDF"]
        .iter()
        .any(|root| rest.starts_with(root))
}

/// What follows the first `end` in `text`, less leading space; nothing without one.
fn after<'a>(text: &'a str, end: &str) -> &'a str {
    text.split_once(end)
        .map_or("", |(_, rest)| rest)
        .trim_start()
}

/// One item, as read.
#[derive(Debug, Default)]
struct Item {
    title: String,
    /// The full content (`content:encoded`, Atom's `content`).
    content: String,
    /// The summary (`description`, Atom's `summary`): the body when there is no content.
    summary: String,
    /// Whether the body is plain text (Atom's `type="text"`), not HTML.
    plain: bool,
    /// Whether the title is, likewise.
    plain_title: bool,
    authors: Vec<String>,
    /// The text of the author element being read (it may come in several pieces).
    author: String,
    date: String,
    link: String,
}

/// Which field of an item text goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Title,
    Content,
    Summary,
    Author,
    Date,
    Link,
}

/// The field an element of an item holds, by its local name and its parent's: none
/// for the item's own elements, `author` for Atom's `<author><name>`.
fn field_of(name: &str, parent: &str) -> Option<Field> {
    if !parent.is_empty() {
        return (parent == "author" && name == "name").then_some(Field::Author);
    }
    Some(match name {
        "title" => Field::Title,
        "encoded" | "content" => Field::Content,
        "description" | "summary" => Field::Summary,
        "creator" => Field::Author,
        // RSS gives an address (`ana@example.com (Ana Ruiz)`); Atom nests a name.
        "author" => Field::Author,
        "pubDate" | "published" | "updated" | "date" => Field::Date,
        "link" => Field::Link,
        _ => return None,
    })
}

pub fn parse(text: &str, name: &str) -> Result<Vec<Article>> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().check_end_names = false;
    let mut items: Vec<Item> = Vec::new();
    // Local names of the open elements.
    let mut path: Vec<String> = Vec::new();
    let mut item: Option<Item> = None;
    // How many elements are open around the item.
    let mut item_depth = 0;
    let mut field: Option<Field> = None;
    // How many elements are open with the field's element.
    let mut field_depth = 0;
    let mut error = None;
    loop {
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(err) => {
                error = Some(format!("byte {}: {err}", reader.error_position()));
                break;
            }
        };
        match event {
            Event::Start(e) => {
                let local = e.local_name().as_ref().to_string();
                if let (Some(current), Some(f)) = (&mut item, field) {
                    // Inside a field: markup some feeds leave unescaped in a description.
                    push_markup(current, f, &format!("<{}>", &*e));
                    path.push(local);
                    continue;
                }
                if matches!(local.as_str(), "item" | "entry") {
                    item = Some(Item::default());
                    item_depth = path.len();
                } else if let Some(current) = &mut item {
                    // The item's own elements, not those nested in them (`media:title`).
                    let parent = match path.len().checked_sub(item_depth) {
                        Some(1) => Some(""),
                        Some(2) => path.last().map(String::as_str),
                        _ => None,
                    };
                    field = parent
                        .and_then(|parent| field_of(&local, parent))
                        .filter(|f| wanted(current, *f));
                    if field == Some(Field::Link) {
                        take_href(current, &e);
                    }
                    let kind = attribute(&e, "type");
                    if matches!(field, Some(Field::Content | Field::Summary)) {
                        if kind.as_deref() == Some("xhtml") {
                            // Markup, not text: the element's inside as it is.
                            let inside = reader.read_text(e.name()).map(|t| t.into_inner());
                            if let (Ok(inside), Some(f)) = (inside, field.take()) {
                                push(current, f, &inside);
                            }
                            continue;
                        }
                        current.plain = kind.as_deref() == Some("text");
                    }
                    if field == Some(Field::Title) {
                        current.plain_title = kind.as_deref() == Some("text");
                    }
                }
                path.push(local);
                field_depth = path.len();
            }
            Event::Empty(e) => {
                if let (Some(current), Some(f)) = (&mut item, field) {
                    push_markup(current, f, &format!("<{}/>", &*e));
                } else if let Some(current) = &mut item
                    && e.local_name().as_ref() == "link"
                    && current.link.is_empty()
                {
                    take_href(current, &e);
                }
            }
            Event::End(e) => {
                let local = path.pop().unwrap_or_default();
                if let (Some(current), Some(f)) = (&mut item, field)
                    && path.len() >= field_depth
                {
                    push_markup(current, f, &format!("</{}>", &*e));
                    continue;
                }
                if let (Some(current), Some(Field::Author)) = (&mut item, field) {
                    end_author(current);
                }
                if matches!(local.as_str(), "item" | "entry") {
                    items.extend(item.take());
                }
                field = None;
            }
            Event::Text(t) => {
                if let (Some(current), Some(f)) = (&mut item, field) {
                    push(current, f, &t.xml10_content());
                }
            }
            Event::CData(t) => {
                if let (Some(current), Some(f)) = (&mut item, field) {
                    push(current, f, &t);
                }
            }
            Event::GeneralRef(r) => {
                if let (Some(current), Some(f)) = (&mut item, field) {
                    push(current, f, &entity(&r));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if items.is_empty() {
        match error {
            Some(error) => bail!("not a readable feed: {error}"),
            None => bail!("a feed with no items"),
        }
    }
    let count = items.len();
    let mut articles: Vec<Article> = items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            let label = if i == 0 {
                name.to_string()
            } else {
                format!("{name}#{}", i + 1)
            };
            article_of(item, &label)
        })
        .collect();
    if let Some(error) = error {
        // What was read stays readable; the break is noted with it.
        let note = format!("feed broken after item {count}: {error}");
        for article in &mut articles {
            article.warnings.push(note.clone());
        }
    }
    Ok(articles)
}

/// Whether text for `field` is still wanted: the first date and link an item gives
/// (`published` before `updated`), every author, the rest as they come.
fn wanted(item: &Item, field: Field) -> bool {
    match field {
        Field::Date => item.date.is_empty(),
        Field::Link => item.link.is_empty(),
        _ => true,
    }
}

/// Appends markup found inside a field to it, if the field is HTML (a body); other
/// fields keep only their text.
fn push_markup(item: &mut Item, field: Field, markup: &str) {
    if matches!(field, Field::Content | Field::Summary) {
        push(item, field, markup);
    }
}

/// Appends text to an item's field.
fn push(item: &mut Item, field: Field, text: &str) {
    match field {
        Field::Title => item.title.push_str(text),
        Field::Content => item.content.push_str(text),
        Field::Summary => item.summary.push_str(text),
        Field::Date => item.date.push_str(text),
        Field::Link => item.link.push_str(text),
        Field::Author => item.author.push_str(text),
    }
}

/// Adds the author whose element just ended: `ana@example.com (Ana Ruiz)` names Ana
/// Ruiz; a bare address names nobody.
fn end_author(item: &mut Item) {
    let text = std::mem::take(&mut item.author);
    let name = text
        .rsplit_once('(')
        .and_then(|(_, n)| n.trim_end().strip_suffix(')'))
        .unwrap_or(&text)
        .trim();
    if !name.is_empty() && !name.contains('@') {
        item.authors.push(name.to_string());
    }
}

/// An Atom link's address: the `alternate` one (or one with no `rel`).
fn take_href(item: &mut Item, e: &BytesStart) {
    let rel = attribute(e, "rel");
    if matches!(rel.as_deref(), None | Some("alternate"))
        && let Some(href) = attribute(e, "href")
    {
        item.link = href;
    }
}

fn attribute(e: &BytesStart, key: &str) -> Option<String> {
    let value = e.try_get_attribute(key).ok()??;
    let value = value.normalized_value(quick_xml::XmlVersion::Implicit1_0);
    value.ok().map(|v| v.into_owned())
}

/// The text of an entity reference: a character, or a named one — XML's five and, as
/// feeds use them though XML does not define them, HTML's (`&nbsp;`); an unknown one
/// as it is written.
fn entity(reference: &BytesRef) -> String {
    if let Ok(Some(c)) = reference.resolve_char_ref() {
        return c.to_string();
    }
    let name = reference.xml10_content();
    quick_xml::escape::resolve_predefined_entity(&name)
        .map_or_else(|| format!("&{name};"), String::from)
}

/// An item as an article: title and credit line over its body, and the link to the
/// whole story after it.
fn article_of(item: Item, name: &str) -> Article {
    // RSS titles may hold markup and entities of their own; Atom says which.
    let title = if item.plain_title {
        crate::source::clean(&item.title).into_owned()
    } else {
        html::parse(&item.title, name).text
    };
    let title = super::build::collapse(&title);
    let names: Vec<&str> = item.authors.iter().map(String::as_str).collect();
    let credit = credit_line(&names, Some(&item.date));
    let body = if item.content.trim().is_empty() {
        item.summary
    } else {
        item.content
    };
    let mut body = if item.plain {
        body.split("\n\n")
            .map(|p| format!("<p>{}</p>", html::escape(p)))
            .collect()
    } else {
        body
    };
    let link = item.link.trim();
    if !link.is_empty() {
        body += &format!("<p>Link: {}</p>", html::escape(link));
    }
    let mut article = html::parse_fields(Some(&title), credit.as_deref(), &body, name);
    if !title.is_empty() {
        article.title = title;
    }
    article.format = Format::Feed;
    article
}
