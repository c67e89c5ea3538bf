//! HTML → Article, with a real HTML5 parser (scraper/html5ever). Finds the article (an
//! `<article>` or `<main>` element, else the element holding the most paragraph text),
//! drops page chrome (scripts, styles, navigation, asides, forms, footers, ads), and
//! walks the rest iteratively, so deep nesting cannot overflow the stack.

use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node, Selector};

use super::build::{self, Builder};
use super::html_meta;
use super::{Article, BlockKind, Format, Inline};

/// Never part of the article.
const CHROME: &[&str] = &[
    "script", "style", "nav", "aside", "form", "noscript", "template", "svg", "button", "iframe",
    "select", "input", "textarea", "canvas", "object", "embed", "dialog", "menu", "footer", "head",
];
/// Class or id words that mark ads and widgets.
const CHROME_WORDS: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "advertisement",
    "promo",
    "sponsor",
    "sponsored",
    "share",
    "social",
    "newsletter",
    "related",
    "cookie",
    "cookies",
    "subscribe",
    "comments",
    "banner",
    "outbrain",
    "taboola",
    "paywall",
    "popup",
    "modal",
    "nav",
    "navbar",
    "navigation",
    "menu",
    "sidebar",
    "breadcrumb",
    "breadcrumbs",
    "footer",
    // A wiki's table of contents (the outline is ours) and its `[edit]` links.
    "toc",
    "editsection",
];
/// What a newsletter's links to its own machinery say: never the story's words.
#[rustfmt::skip]
const MAIL_LINKS: &[&str] = &[
    "view this email in your browser", "view this email in a browser", "view in browser",
    "view in your browser", "view it in your browser", "view this email online", "view online",
    "view as a web page", "view as webpage", "open in browser", "unsubscribe",
    "unsubscribe here", "unsubscribe from this list", "update your preferences",
    "update preferences", "manage preferences", "manage your preferences",
    "update subscription preferences", "email preferences", "forward to a friend",
    "forward this email",
];

/// Elements that start and end a block of text.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "body",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "header",
    "hgroup",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tbody",
    "thead",
    "tr",
    "ul",
    "summary",
];

/// HTML inside another format (a Markdown document's HTML blocks): its text, read as a
/// page's is (headings, paragraphs, tables; scripts and chrome dropped), appended to `b`.
pub fn append_fragment(fragment: &str, b: &mut Builder) {
    let fragment = flatten_deep_nesting(fragment, MAX_DEPTH);
    let doc = Html::parse_fragment(&fragment);
    walk(doc.root_element(), b);
    b.end();
}

/// An article given as fields (a JSON post, a feed's item): its title and credit line
/// head its HTML body, as on a page, unless the body has a title of its own. All of it
/// is the article: the body's densest part is not looked for.
pub fn parse_fields(title: Option<&str>, credit: Option<&str>, body: &str, name: &str) -> Article {
    let mut page = String::from("<article>");
    if let Some(t) = title.filter(|t| !t.is_empty() && !body.contains("<h1")) {
        page += &format!("<h1>{}</h1>", escape(t));
    }
    if let Some(credit) = credit {
        page += &format!("<p>{}</p>", escape(credit));
    }
    parse(&(page + body + "</article>"), name)
}

/// Text as HTML that shows it.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Deeper nesting than this is flattened before parsing: HTML5 tree building checks
/// the stack of open elements for every tag, so extreme depth would be quadratic.
const MAX_DEPTH: usize = 512;
/// Elements that never have a closing tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

pub fn parse(text: &str, name: &str) -> Article {
    let text = flatten_deep_nesting(text, MAX_DEPTH);
    let doc = Html::parse_document(&text);
    let title = html_meta::title(&doc);
    let root = article_root(&doc);
    // A headline standing beside the body's container comes first.
    let lead = headline_lead(root);
    let mut b = Builder::new();
    let mut opening = String::new();
    for text in lead.iter().chain([&root]).flat_map(|e| e.text()) {
        opening.push_str(text);
        if opening.len() > build::OPENING_BYTES {
            break;
        }
    }
    // The page's title heads the text as a reader view shows it, unless the text has
    // a headline of its own: an `<h1>` (the builder puts a lead after one that comes
    // first), a heading first, or the title's words at its top.
    let headline = title
        .clone()
        .filter(|t| !opens_with_headline(root, t, &opening));
    // Who wrote it and when, if the page says so only in its metadata.
    let (authors, date) = html_meta::credit(&doc);
    let authors: Vec<&str> = authors.iter().map(String::as_str).collect();
    let credit = build::credit_line(&authors, date.as_deref())
        .filter(|_| !build::credit_shown(&opening, &authors, date.as_deref()));
    if headline.is_some() || credit.is_some() {
        b.lead_with(headline, credit);
    }
    for lead in lead {
        walk(lead, &mut b);
    }
    walk(root, &mut b);
    b.end();
    b.promote_leading_h1();
    b.finish(name, Format::Html, title)
}

/// The level of a heading element (`h1` to `h6`): what of a page is a heading.
fn heading_level(name: &str) -> Option<u8> {
    match name.as_bytes() {
        [b'h', level @ b'1'..=b'6'] => Some(level - b'0'),
        _ => None,
    }
}

/// Whether the text at `root` opens with a headline of its own: has an `<h1>`, or a
/// heading before any paragraph, or `title`'s words (in any case) in its `opening`.
fn opens_with_headline(root: ElementRef, title: &str, opening: &str) -> bool {
    let Some(blocks) = selector("h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, td") else {
        return true;
    };
    let mut with_text = root
        .select(&blocks)
        .filter(|e| e.text().any(|t| !t.trim().is_empty()));
    let first_is_heading = with_text
        .next()
        .is_some_and(|e| heading_level(e.value().name()).is_some());
    let words = |s: &str| build::collapse(s).to_lowercase();
    first_is_heading
        || with_text.any(|e| e.value().name() == "h1")
        || words(opening).contains(&words(title))
}

/// Drops the tags (not the text) of elements nested deeper than `limit`, in one pass.
/// Returns the text unchanged, borrowed, when it is not that deep.
fn flatten_deep_nesting(html: &str, limit: usize) -> std::borrow::Cow<'_, str> {
    let mut depth = 0usize;
    let mut too_deep = false;
    let mut out = String::new();
    let mut last = 0;
    let mut i = 0;
    let bytes = html.as_bytes();
    while let Some(off) = memchr::memchr(b'<', &bytes[i..]) {
        let start = i + off;
        let Some(len) = memchr::memchr(b'>', &bytes[start..]) else {
            break;
        };
        let end = start + len + 1;
        let tag = &html[start + 1..end - 1];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .flat_map(|c| c.to_lowercase())
            .collect();
        let opening =
            !closing && !name.is_empty() && !tag.ends_with('/') && !VOID.contains(&name.as_str());
        let drop = if opening {
            depth += 1;
            depth > limit
        } else if closing && !name.is_empty() {
            let deep = depth > limit;
            depth = depth.saturating_sub(1);
            deep
        } else {
            false
        };
        if drop {
            too_deep = true;
            out.push_str(&html[last..start]);
            last = end;
        }
        i = end;
    }
    if !too_deep {
        return std::borrow::Cow::Borrowed(html);
    }
    out.push_str(&html[last..]);
    std::borrow::Cow::Owned(out)
}

fn selector(s: &str) -> Option<Selector> {
    Selector::parse(s).ok()
}

/// The inline style an element gives its text.
fn inline_style(name: &str) -> Option<Inline> {
    Some(match name {
        "em" | "i" | "cite" => Inline::Emphasis,
        "strong" | "b" => Inline::Strong,
        "code" | "kbd" | "samp" => Inline::Code,
        "a" => Inline::Link,
        "del" | "s" | "strike" => Inline::Deleted,
        _ => return None,
    })
}

fn paragraph_text_len(e: ElementRef) -> usize {
    selector("p").map_or(0, |p| {
        e.select(&p)
            .map(|p| p.text().map(str::len).sum::<usize>())
            .sum()
    })
}

/// The element that holds the article.
fn article_root(doc: &Html) -> ElementRef<'_> {
    for candidate in ["article", "main", "[role=main]"] {
        if let Some(s) = selector(candidate) {
            let best = doc.select(&s).max_by_key(|e| paragraph_text_len(*e));
            if let Some(e) = best.filter(|e| paragraph_text_len(*e) > 0) {
                return e;
            }
        }
    }
    // The densest container: the parent of the most paragraph text.
    let mut scores: std::collections::HashMap<ego_tree::NodeId, usize> = Default::default();
    if let Some(p) = selector("p") {
        for para in doc.select(&p) {
            if let Some(parent) = para.parent().and_then(ElementRef::wrap) {
                *scores.entry(parent.id()).or_default() += para.text().map(str::len).sum::<usize>();
            }
        }
    }
    // Of containers holding as much, the first in the page: the same one every time.
    let densest = scores
        .into_iter()
        .max_by_key(|&(id, n)| (n, std::cmp::Reverse(id)))
        .and_then(|(id, _)| doc.tree.get(id).and_then(ElementRef::wrap));
    densest.map_or_else(|| doc.root_element(), with_headline)
}

/// Levels climbed, at most, from the body's container to the one holding its headline.
const HEADLINE_LEVELS: usize = 3;

/// The body's container, or the nearest container around it that also holds the page's
/// `<h1>` (and the standfirst beside it) but little other text: on a page without an
/// `<article>`, the headline often sits just outside the paragraphs.
fn with_headline(body: ElementRef) -> ElementRef {
    let Some(h1) = selector("h1") else {
        return body;
    };
    if body.select(&h1).next().is_some() {
        return body;
    }
    let text_len = |e: ElementRef| e.text().map(str::len).sum::<usize>();
    let own = text_len(body);
    let mut around = body;
    for _ in 0..HEADLINE_LEVELS {
        // Not the whole page: all it holds that no class names as chrome would come.
        let Some(parent) = around
            .parent()
            .and_then(ElementRef::wrap)
            .filter(|p| !matches!(p.value().name(), "body" | "html"))
        else {
            break;
        };
        around = parent;
        if around.select(&h1).next().is_some() {
            // A headline and a standfirst add a line or two, not a page.
            // Saturating: on a broken page (a fuzzer's) the container around was
            // counted less text than the body in it.
            return if text_len(around).saturating_sub(own) <= own / 4 {
                around
            } else {
                body
            };
        }
    }
    body
}

/// The page's `<h1>` and what follows it up to the body's container, when they stand
/// beside the container (or one around it) rather than in it — often directly in
/// `<body>`, where [`with_headline`] does not climb — or the `<header>` that holds the
/// `<h1>` and its byline there. Not one that links nor a header with navigation (a
/// site's name), and only a line or two of text: a headline, a standfirst, a byline.
fn headline_lead<'a>(body: ElementRef<'a>) -> Vec<ElementRef<'a>> {
    let Some(h1) = selector("h1") else {
        return Vec::new();
    };
    if body.select(&h1).next().is_some() {
        return Vec::new();
    }
    let text_len = |e: &ElementRef| e.text().map(str::len).sum::<usize>();
    let own = text_len(&body);
    let mut around = body;
    for _ in 0..=HEADLINE_LEVELS {
        let before: Vec<ElementRef> = around
            .prev_siblings()
            .filter_map(ElementRef::wrap)
            .collect();
        // A site's header holds its navigation; a story's, its headline and byline.
        let navigates =
            |e: &ElementRef| selector("nav").is_some_and(|n| e.select(&n).next().is_some());
        let headline = |e: &ElementRef<'a>| match e.value().name() {
            "h1" => Some(*e),
            "header" if !navigates(e) => e.select(&h1).next(),
            _ => None,
        };
        if let Some((at, h)) = before
            .iter()
            .enumerate()
            .find_map(|(i, e)| Some((i, headline(e)?)))
        {
            // A site's name set as an `<h1>` links home; a headline links nowhere.
            if selector("a").is_some_and(|a| h.select(&a).next().is_some()) {
                return Vec::new();
            }
            let mut lead: Vec<ElementRef> = before[..=at].to_vec();
            lead.reverse();
            let added: usize = lead.iter().map(text_len).sum();
            return if added <= own / 4 { lead } else { Vec::new() };
        }
        match around.parent().and_then(ElementRef::wrap) {
            Some(parent) if parent.value().name() != "html" => around = parent,
            _ => break,
        }
    }
    Vec::new()
}

fn is_chrome(e: &scraper::node::Element) -> bool {
    if CHROME.contains(&e.name())
        || e.attr("hidden").is_some()
        || e.attr("aria-hidden") == Some("true")
        || e.attr("style").is_some_and(hides)
    {
        return true;
    }
    let words = e.attr("class").into_iter().chain(e.attr("id"));
    words
        .flat_map(|v| v.split(|c: char| c.is_whitespace() || c == '-' || c == '_'))
        .any(|w| CHROME_WORDS.contains(&w.to_ascii_lowercase().as_str()))
}

/// Whether `node` is a link to a newsletter's machinery standing alone in its block,
/// whose text before it is `open`: within a sentence it goes as the sentence does.
fn lone_mail_link(node: ego_tree::NodeRef<Node>, open: &str) -> bool {
    let mail_anchor = |n: ego_tree::NodeRef<Node>| {
        ElementRef::wrap(n)
            .is_some_and(|a| a.value().name() == "a" && is_mail_link(&a.text().collect::<String>()))
    };
    let alone = || {
        node.next_siblings().all(|n| match n.value() {
            Node::Text(t) => t.chars().all(build::is_separator),
            Node::Element(e) => e.name() == "br" || mail_anchor(n),
            _ => true,
        })
    };
    open.chars().all(build::is_separator) && alone() && mail_anchor(node)
}

/// Whether a link's text is one of [`MAIL_LINKS`], however cased and punctuated.
fn is_mail_link(text: &str) -> bool {
    let text = text
        .trim()
        .trim_end_matches(['.', '!', '»', '›', '>', '→'])
        .trim_end();
    text.len() <= 40
        && MAIL_LINKS
            .iter()
            .any(|link| link.eq_ignore_ascii_case(text))
}

/// Whether an inline style hides its element: an email's preview text, a tracking line.
fn hides(style: &str) -> bool {
    let style = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    style.contains("display:none") || style.contains("visibility:hidden")
}

/// Whether a table lays out the page (old sites put their columns in one) rather than
/// holding rows of data: its cells hold paragraphs, line breaks or other blocks.
fn lays_out_page(table: ElementRef) -> bool {
    selector(
        "td p, td br, td div, td table, td ul, td ol, td pre, td blockquote, td h1, td h2, \
         td h3, td h4, td h5, td h6, th p, th br, th div",
    )
    .is_some_and(|s| table.select(&s).next().is_some())
}

/// The parts of a table inside it: in a data table they do not end its block.
fn is_table_part(name: &str) -> bool {
    matches!(name, "thead" | "tbody" | "tfoot" | "tr")
}

fn walk(root: ElementRef, b: &mut Builder) {
    let mut skip: Option<ego_tree::NodeId> = None;
    let mut styles: Vec<(usize, Inline)> = Vec::new();
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut quote_depth = 0usize;
    // How many quotes were open as each list began: the quotes opened since are within
    // its item.
    let mut list_quotes: Vec<usize> = Vec::new();
    let inner = |list_quotes: &[usize], quote_depth: usize| {
        quote_depth.saturating_sub(list_quotes.last().copied().unwrap_or(quote_depth))
    };
    // Open `<dd>`s: their text is a definition's, set in under its term.
    let mut defining = 0usize;
    // What a paragraph begun here is.
    let paragraph = |quote_depth: usize, defining: usize| match quote_depth {
        0 if defining > 0 => BlockKind::Definition,
        depth => BlockKind::quote(depth),
    };
    let mut cells = 0usize;
    // Whether each open table lays out the page rather than holding data.
    let mut tables: Vec<bool> = Vec::new();
    // In a data table: whether its rows so far, and the open row's cells, are all
    // headers (`th`), which make its head when it has no `thead`.
    let mut all_headers = (true, true);
    // A `<br>` just before, with no text since: a second one ends the paragraph.
    let mut after_br = false;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skip.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(t) if b.is_open() || !t.trim().is_empty() => {
                        if !b.is_open() && (quote_depth > 0 || defining > 0) {
                            b.begin(paragraph(quote_depth, defining));
                        }
                        b.text(t);
                        after_br &= t.trim().is_empty();
                    }
                    Node::Element(e) => {
                        let name = e.name();
                        let mail_link = || lone_mail_link(node, b.open_text());
                        if is_chrome(e) && node.id() != root.id() || name == "a" && mail_link() {
                            skip = Some(node.id());
                            continue;
                        }
                        let data_table = tables.last() == Some(&false);
                        // A list item's first paragraph is its text, after its marker; a
                        // later one (past a list or code in the item) is set in under it.
                        let item_text = name == "p" && b.at_item_start();
                        if BLOCKS.contains(&name)
                            && !(data_table && is_table_part(name))
                            && !item_text
                        {
                            b.end();
                            after_br = false;
                        }
                        let depth = u8::try_from(lists.len().max(1)).unwrap_or(u8::MAX);
                        match name {
                            _ if let Some(level) = heading_level(name) => {
                                b.begin(BlockKind::Heading { level });
                            }
                            "p" if item_text => {}
                            "p" if !lists.is_empty() => {
                                let inner = inner(&list_quotes, quote_depth);
                                b.begin_list_text(depth, quote_depth, inner);
                            }
                            "p" => b.begin(paragraph(quote_depth, defining)),
                            "dt" if quote_depth == 0 => {
                                b.begin(BlockKind::Term);
                                styles.push((b.position(), Inline::Strong));
                            }
                            "dd" => {
                                defining += 1;
                                b.begin(paragraph(quote_depth, defining));
                            }
                            "blockquote" => quote_depth += 1,
                            "ul" | "ol" => {
                                let start = e.attr("start").and_then(|s| s.parse().ok());
                                lists.push((name == "ol").then(|| start.unwrap_or(1)));
                                list_quotes.push(quote_depth);
                            }
                            "li" => {
                                b.begin_list_item(
                                    depth,
                                    quote_depth,
                                    lists.last_mut().and_then(Option::as_mut),
                                );
                            }
                            "pre" => {
                                let inner = inner(&list_quotes, quote_depth);
                                b.begin(BlockKind::Code(b.nest(lists.len(), quote_depth, inner)));
                                if let Some(el) = ElementRef::wrap(node) {
                                    for t in el.text() {
                                        b.raw(t);
                                    }
                                }
                                b.end();
                                skip = Some(node.id());
                            }
                            "table" => {
                                tables.push(ElementRef::wrap(node).is_some_and(lays_out_page));
                                all_headers.0 = true;
                            }
                            // A data table's grid begins with its first row, after its
                            // caption, which reads as a paragraph.
                            "caption" => b.begin(BlockKind::Paragraph),
                            "tr" if data_table => {
                                if !b.in_table() {
                                    let inner = inner(&list_quotes, quote_depth);
                                    let nest = b.nest(lists.len(), quote_depth, inner);
                                    b.begin_table(Vec::new(), nest);
                                }
                                b.table_row();
                                all_headers.1 = true;
                            }
                            "td" | "th" if data_table => {
                                // More columns than a screen holds is a grid too wide.
                                let number = |name| {
                                    let n = e.attr(name).and_then(|n| n.trim().parse().ok());
                                    n.unwrap_or(1usize).clamp(1, 64)
                                };
                                b.table_cell(number("colspan"), number("rowspan"));
                                all_headers.1 &= name == "th";
                            }
                            "tr" => {
                                b.begin(BlockKind::Paragraph);
                                cells = 0;
                            }
                            "td" | "th" if tables.last() != Some(&true) => {
                                if cells > 0 {
                                    b.text(" | ");
                                }
                                cells += 1;
                            }
                            "br" if after_br => b.end(),
                            "br" => {
                                b.line_break();
                                after_br = true;
                            }
                            "hr" => b.passage_break(),
                            "img" => {
                                if let Some(alt) = e.attr("alt").filter(|a| !a.trim().is_empty()) {
                                    b.text(&format!(" [image: {}] ", alt.trim()));
                                }
                            }
                            "q" => b.text("“"),
                            _ => {
                                if let Some(style) = inline_style(name) {
                                    styles.push((b.position(), style));
                                }
                            }
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if let Some(id) = skip {
                    if id == node.id() {
                        skip = None;
                    }
                    continue;
                }
                let Node::Element(e) = node.value() else {
                    continue;
                };
                let data_table = tables.last() == Some(&false);
                match e.name() {
                    "blockquote" => quote_depth = quote_depth.saturating_sub(1),
                    "dd" => defining = defining.saturating_sub(1),
                    "dt" if quote_depth == 0 => {
                        if let Some((start, style)) = styles.pop() {
                            b.style(start..b.position(), style);
                        }
                    }
                    "thead" if data_table => b.table_head_ends(),
                    "tr" if data_table => {
                        all_headers.0 &= all_headers.1;
                        if all_headers.0 {
                            b.table_head_ends();
                        }
                    }
                    "table" => {
                        tables.pop();
                    }
                    // A layout table's cells are columns of the page: each flows on
                    // its own.
                    "td" | "th" if tables.last() == Some(&true) => b.end(),
                    "ul" | "ol" => {
                        lists.pop();
                        list_quotes.pop();
                    }
                    "q" => b.text("”"),
                    // A picture's caption is set apart from the story's text.
                    "figcaption" => {
                        let end = b.position();
                        b.style(end - b.open_text().len()..end, Inline::Emphasis);
                    }
                    name if inline_style(name).is_some() => {
                        if let Some((start, style)) = styles.pop() {
                            b.style(start..b.position(), style);
                        }
                    }
                    _ => {}
                }
                let name = e.name();
                let part_of_data_table = data_table && is_table_part(name);
                if (BLOCKS.contains(&name) && !part_of_data_table)
                    || heading_level(name).is_some()
                    || name == "caption"
                {
                    b.end();
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html><head><title>Harbour Vote | The Daily Example</title>
<meta property="og:title" content="Harbour Town Votes on Ferries">
<script>var x = "<p>not text</p>";</script><style>p { color: red }</style></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<div class="ad-banner">Buy now!</div>
<article><h1>Harbour Town Votes on Ferries</h1>
<p class="byline">By Ana Ruiz</p>
<p>Residents met on Tuesday &amp; debated the <em>winter</em> timetable. The mayor said it was <q>a hard choice</q>.</p>
<h2>What Comes Next</h2><p>A second meeting&nbsp;is planned.</p>
<ul><li>Fewer crossings</li><li>Higher fares</li></ul>
<blockquote><p>We will not give up.</p><ul><li>Not the ferries.</li></ul><blockquote>As she said.</blockquote></blockquote>
<pre>  raw   text
kept</pre>
<aside>Related: other stories</aside><div class="share-tools">Share this</div>
</article><footer>© Example</footer></body></html>"#;

    #[test]
    fn a_list_item_s_paragraphs_are_its_text_and_then_set_under_it() {
        use crate::article::Nest;
        let page = "<html><body><article><h1>Steps</h1><p>Before the steps.</p><ol>\
            <li><p>Install it:</p><pre>cargo install byline</pre><p>Then run it.</p>\
            <p>And read.</p></li><li>Plain item<p>Its own paragraph.</p></li></ol><p>After.</p></article></body></html>";
        let a = parse(page, "s.html");
        let kinds: Vec<(BlockKind, &str)> = (0..a.blocks.len())
            .map(|b| (a.blocks[b].kind, a.block_text(b)))
            .collect();
        let item = BlockKind::ListItem { depth: 1, quote: 0 };
        let nest = Nest {
            depth: 1,
            hang: 3,
            ..Nest::NONE
        };
        let later = BlockKind::ListText(nest);
        assert_eq!(
            kinds,
            [
                (BlockKind::Title, "Steps"),
                (BlockKind::Paragraph, "Before the steps."),
                (item, "1. Install it:"),
                (BlockKind::Code(nest), "cargo install byline"),
                (later, "Then run it."),
                (later, "And read."),
                (item, "2. Plain item"),
                (later, "Its own paragraph."),
                (BlockKind::Paragraph, "After."),
            ]
        );
    }

    #[test]
    fn a_table_in_a_quote_or_an_item_is_set_where_it_stands() {
        use crate::article::Nest;
        let grid = "<table><tr><th>Year</th><th>Tons</th></tr><tr><td>2024</td><td>1200</td></tr>\
                    </table>";
        let page = format!(
            "<article><h1>T</h1><p>Intro.</p><blockquote><p>Quoted.</p>{grid}</blockquote><ul><li>\
             Item{grid}</li></ul><p>After.</p></article>"
        );
        let a = parse(&page, "t.html");
        let tables: Vec<BlockKind> = (a.blocks.iter())
            .map(|b| b.kind)
            .filter(|k| matches!(k, BlockKind::Table(_)))
            .collect();
        let quoted = Nest {
            quote: 1,
            ..Nest::NONE
        };
        let listed = Nest {
            depth: 1,
            hang: 2,
            ..Nest::NONE
        };
        assert_eq!(tables, [BlockKind::Table(quoted), BlockKind::Table(listed)]);
        // A quote within an item, with a table: within the item.
        let page = format!(
            "<article><h1>T</h1><p>Intro.</p><ul><li>Item<blockquote><p>Quoted.</p>{grid}\
             </blockquote></li></ul><p>After.</p></article>"
        );
        let a = parse(&page, "t.html");
        let inside = Nest {
            quote: 1,
            inner: 1,
            ..listed
        };
        let kinds: Vec<BlockKind> = a.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds[3..5],
            [BlockKind::ListText(inside), BlockKind::Table(inside)]
        );
    }

    #[test]
    fn of_two_containers_holding_as_much_text_the_first_is_the_article_every_time() {
        // No `<article>`: the densest container; a tie went either way, run to run.
        let page = "<html><body><div><p>Ferry fares rise.</p></div><div><p>Winter timetable.\
                    </p></div></body></html>";
        for _ in 0..20 {
            assert_eq!(parse(page, "t.html").text, "Ferry fares rise.");
        }
    }

    #[test]
    fn a_heading_under_a_logo_is_the_title() {
        let page = r#"<html><body><p><img src="l.png" alt="Logo"></p><h1>Tram Plan</h1>
            <p>Text.</p><h2>Costs</h2><p>More.</p></body></html>"#;
        let a = parse(page, "t.html");
        assert_eq!(a.title, "Tram Plan");
        assert_eq!(a.sections.len(), 1);
    }

    #[test]
    fn a_pages_title_heads_a_text_without_a_headline_of_its_own() {
        let head = "<head><title>Ferries Return | Harbour Times</title></head>";
        let page = |body: &str| parse(&format!("<html>{head}<body>{body}</body></html>"), "p.html");
        let a =
            page("<nav><a href='/'>Home</a></nav><article><p>Text.</p><h2>Later</h2></article>");
        assert_eq!(a.block_texts(), ["Ferries Return", "Text.", "Later"]);
        assert_eq!(a.blocks[0].kind, BlockKind::Title);
        assert_eq!(a.sections.len(), 1);
        // A headline of the text's own, whatever it is made of: the title gives way.
        for (body, first) in [
            (
                "<article><h2>Harbour service is back</h2><p>Text.</p></article>",
                "Harbour service is back",
            ),
            (
                "<article><p><b>FERRIES RETURN</b></p><p>Text.</p></article>",
                "FERRIES RETURN",
            ),
            (
                "<article><p>Text.</p><h1>Ferries</h1><p>More.</p></article>",
                "Text.",
            ),
            (
                "<h1>Ferries</h1><article><p>A longer text.</p><p>And more of it.</p></article>",
                "Ferries",
            ),
        ] {
            let a = page(body);
            assert_eq!(a.block_texts()[0], first, "{body}");
            assert!(!a.block_texts().contains(&"Ferries Return"), "{body}");
        }
    }

    #[test]
    fn a_rule_between_paragraphs_is_a_break() {
        let page = "<html><body><hr><p>One.</p><hr><p>Two.</p><hr></body></html>";
        let a = parse(page, "r.html");
        assert_eq!(a.block_texts(), ["One.", "* * *", "Two."]);
        assert_eq!(a.blocks[1].kind, BlockKind::Break);
    }

    #[test]
    fn a_credit_said_only_in_metadata_goes_under_the_title() {
        let head = r#"<head><meta name="author" content="Ana Ruiz">
            <meta property="article:published_time" content="2026-03-14T09:00:00Z"></head>"#;
        let page = format!(
            "<html>{head}<body><article><h1>Ferry</h1><p>Text.</p></article></body></html>"
        );
        assert_eq!(
            parse(&page, "a.html").block_texts(),
            ["Ferry", "By Ana Ruiz · 2026-03-14", "Text."]
        );
        // No heading: the credit comes first.
        let page = format!("<html>{head}<body><p>Text.</p><h2>Later</h2></body></html>");
        assert_eq!(
            parse(&page, "b.html").block_texts(),
            ["By Ana Ruiz · 2026-03-14", "Text.", "Later"]
        );
        // The page shows its author already (in any form): not twice.
        let page = format!(
            "<html>{head}<body><article><h1>Ferry</h1><p>ANA RUIZ, staff</p><p>Text.</p></article></body></html>"
        );
        assert_eq!(
            parse(&page, "c.html").block_texts(),
            ["Ferry", "ANA RUIZ, staff", "Text."]
        );
        // Only a date, and the page shows its year.
        let dated = r#"<head><meta property="article:published_time" content="2026-03-14"></head>"#;
        let page = format!("<html>{dated}<body><p>March 14, 2026. Text.</p></body></html>");
        assert_eq!(
            parse(&page, "d.html").block_texts(),
            ["March 14, 2026. Text."]
        );
    }

    #[test]
    fn a_pictures_caption_is_set_apart() {
        let page = "<html><body><article><h1>Ferries</h1><p>The council voted.</p><figure>\
                    <img src=a.jpg alt=\"A ferry\"><figcaption>The 6am <b>ferry</b> leaves.\
                    </figcaption></figure><p>Residents objected.</p></article></body></html>";
        let a = parse(page, "f.html");
        assert!(a.block_texts().contains(&"The 6am ferry leaves."));
        let italic = a.texts_styled(Inline::Emphasis);
        assert_eq!(italic, ["The 6am ferry leaves."]);
    }

    #[test]
    fn a_definition_list_sets_its_definitions_in_under_their_terms() {
        let page = "<html><body><article><h1>Glossary</h1><p>Words of the harbour.</p><dl>\
                    <dt>Berth</dt><dd>A place to <em>moor</em>.</dd>\
                    <dt>Quay</dt><dt>Wharf</dt><dd><p>A landing.</p><p>Built of stone.</p>For ferries.</dd>\
                    </dl><blockquote><dl><dt>Ebb</dt><dd>The tide going out.</dd></dl>\
                    </blockquote><p>After.</p></article></body></html>";
        let a = parse(page, "g.html");
        let kinds: Vec<(&str, BlockKind)> = (0..a.blocks.len())
            .map(|b| (a.block_text(b), a.blocks[b].kind))
            .collect();
        use BlockKind::{Definition, Paragraph, Term};
        assert_eq!(
            kinds[1..],
            [
                ("Words of the harbour.", Paragraph),
                ("Berth", Term),
                ("A place to moor.", Definition),
                ("Quay", Term),
                ("Wharf", Term),
                ("A landing.", Definition),
                ("Built of stone.", Definition),
                ("For ferries.", Definition),
                ("Ebb", BlockKind::quote(1)),
                ("The tide going out.", BlockKind::quote(1)),
                ("After.", Paragraph),
            ]
        );
        assert_eq!(a.texts_styled(Inline::Strong), ["Berth", "Quay", "Wharf"]);
        assert_eq!(a.texts_styled(Inline::Emphasis), ["moor"]);
    }

    #[test]
    fn a_wikis_contents_and_edit_links_are_not_read() {
        let page = "<html><body><div class=mw-parser-output><h1>Ana Lowe</h1><p>Ana Lowe is a \
                    politician.</p><div id=toc class=toc><h2>Contents</h2><ul><li>1 Career</li>\
                    </ul></div><h2><span class=mw-headline>Career</span><span \
                    class=mw-editsection>[<a href=/e>edit</a>]</span></h2><p>She won.</p>\
                    </div></body></html>";
        assert_eq!(
            blocks(page),
            [
                "Ana Lowe",
                "Ana Lowe is a politician.",
                "Career",
                "She won."
            ]
        );
    }

    #[test]
    fn a_saved_news_page_becomes_a_clean_article() {
        let a = parse(PAGE, "page.html");
        assert_eq!(a.title, "Harbour Town Votes on Ferries");
        assert_eq!(a.outline(), [(2, "What Comes Next")]);
        for chrome in [
            "Home",
            "Buy now",
            "not text",
            "color: red",
            "Related",
            "Share this",
            "©",
        ] {
            assert!(!a.text.contains(chrome), "{chrome} leaked: {}", a.text);
        }
        assert!(
            a.text
                .contains("Residents met on Tuesday & debated the winter timetable.")
        );
        assert!(a.text.contains("“a hard choice”"));
        assert!(
            a.text.contains("A second meeting\u{a0}is planned.")
                || a.text.contains("A second meeting is planned.")
        );
        let kinds: Vec<BlockKind> = a.blocks.iter().map(|b| b.kind).collect();
        assert!(kinds.contains(&BlockKind::ListItem { depth: 1, quote: 0 }));
        assert!(kinds.contains(&BlockKind::ListItem { depth: 1, quote: 1 }));
        assert!(kinds.contains(&BlockKind::Quote { depth: 1 }));
        assert!(kinds.contains(&BlockKind::Quote { depth: 2 }));
        assert!(a.text.contains("  raw   text\nkept"));
        assert!(
            a.inline
                .iter()
                .any(|(r, s)| *s == Inline::Emphasis && &a.text[r.clone()] == "winter")
        );
    }

    #[test]
    fn struck_text_is_marked_deleted_and_styles_close_in_order() {
        let a = parse(
            "<p>Fares <del>rise</del> <s>fall</s> <b>hold <strike>steady</strike></b>.</p>",
            "d.html",
        );
        let styled = a.styled_texts();
        assert_eq!(
            styled,
            [
                ("rise", Inline::Deleted),
                ("fall", Inline::Deleted),
                ("steady", Inline::Deleted),
                ("hold steady", Inline::Strong)
            ]
        );
    }

    #[test]
    fn pages_without_article_use_the_densest_container() {
        let html = "<html><body><div id=menu><p>Menu</p></div><div id=story><p>First paragraph of the story, long enough to count.</p><p>Second paragraph.</p></div></body></html>";
        let a = parse(html, "x.html");
        assert!(a.text.contains("First paragraph"));
        assert!(!a.text.contains("Menu"));
    }

    #[test]
    fn a_headline_just_outside_the_densest_container_comes_with_it() {
        let story = "<p>First paragraph of the story, long enough to count for a lot here.</p>\
                     <p>Second paragraph of the story, which goes on for a while as well.</p>\
                     <p>Third paragraph, and the last one of this short story of ours.</p>";
        let page = |around: &str| {
            format!(
                "<html><body><div id=menu><p>Menu</p></div><div id=top><h1>Harbour Vote</h1>\
                 <p class=standfirst>Residents decide on Tuesday.</p>{around}\
                 <div id=story>{story}</div></div></body></html>"
            )
        };
        let a = parse(&page(""), "x.html");
        assert_eq!(a.blocks[0].kind, BlockKind::Title);
        assert_eq!(
            a.block_texts()[..3],
            [
                "Harbour Vote",
                "Residents decide on Tuesday.",
                "First paragraph of the story, long enough to count for a lot here."
            ]
        );
        assert!(!a.text.contains("Menu"));
        // Not when the headline's container holds much else: the story alone.
        let crowded = "<div><p>Another story's long teaser, with many words to it, and more \
                       words, and more, so that it weighs as much as half our story.</p>\
                       <p>And a second teaser, also long, also about something else.</p></div>";
        let a = parse(&page(crowded), "x.html");
        assert!(
            a.block_texts()[0].starts_with("First paragraph"),
            "{:?}",
            a.block_texts()
        );
        // Never the page's body itself: with the headline in it, the headline and what
        // follows it come, not the menu before it.
        let bare = page("")
            .replace("<div id=top>", "")
            .replace("</div></body>", "</body>");
        let a = parse(&bare, "x.html");
        assert_eq!(a.blocks[0].kind, BlockKind::Title);
        assert_eq!(
            a.block_texts()[..2],
            ["Harbour Vote", "Residents decide on Tuesday."]
        );
        assert!(!a.text.contains("Menu"));
        // Nor a site's name set as an `<h1>` that links home.
        let masthead = bare.replace("<h1>Harbour Vote</h1>", "<h1><a href=/>Harbour</a></h1>");
        let a = parse(&masthead, "x.html");
        assert!(a.block_texts()[0].starts_with("First paragraph"));
        // Nor when much stands between the headline and the story.
        let far = page(crowded)
            .replace("<div id=top>", "")
            .replace("</div></body>", "</body>");
        let a = parse(&far, "x.html");
        assert!(a.block_texts()[0].starts_with("First paragraph"));
        // A `<header>` with the headline and its byline before the `<article>`: both
        // come, and the byline the metadata also gives shows once.
        let headed = format!(
            "<html><head><title>Harbour Vote | Gazette</title><meta name=author \
             content=\"Ana Ruiz\"></head><body><nav><a href=/>Home</a></nav><header>\
             <h1>Harbour Vote</h1><p>By Ana Ruiz, 3 March 2026</p></header>\
             <article>{story}</article></body></html>"
        );
        let a = parse(&headed, "x.html");
        assert_eq!(a.blocks[0].kind, BlockKind::Title);
        assert_eq!(
            a.block_texts()[..3],
            [
                "Harbour Vote",
                "By Ana Ruiz, 3 March 2026",
                "First paragraph of the story, long enough to count for a lot here."
            ]
        );
        // A site's header does not: its `<h1>` links home, or it holds the navigation.
        let linked = headed.replace("<h1>Harbour Vote</h1>", "<h1><a href=/>Gazette</a></h1>");
        let navigating = headed
            .replace("<nav><a href=/>Home</a></nav><header>", "<header>")
            .replace(
                "<h1>Harbour Vote</h1>",
                "<h1>Gazette</h1><nav><a href=/>Home</a></nav>",
            );
        for site in [linked, navigating] {
            let a = parse(&site, "x.html");
            assert_eq!(
                a.block_texts()[..2],
                ["Harbour Vote", "By Ana Ruiz"],
                "{site}"
            );
            assert!(!a.text.contains("Gazette"), "{site}");
        }
    }

    #[test]
    fn what_an_inline_style_hides_is_not_read() {
        let page = "<html><body><article><span style=\"display:none; font-size:0\">Preview \
                    text</span><h1>Budget</h1><p>The deal was signed.</p>\
                    <p style=\"DISPLAY : None\">tracking</p><p style=\"visibility: hidden\">gone\
                    </p><p style=\"display: block\">Shown.</p></article></body></html>";
        assert_eq!(blocks(page), ["Budget", "The deal was signed.", "Shown."]);
    }

    #[test]
    fn a_newsletters_links_to_its_own_machinery_are_not_read() {
        let page = "<html><body><p><a href=\"a\">View this email in your browser »</a></p>\
                    <h1>Budget</h1><p>The deal was signed. Read <a href=\"r\">the report</a>.</p>\
                    <p><a href=\"u\">Unsubscribe</a> | <a href=\"p\">Update your \
                    preferences</a></p><p>Sent to you. <a href=\"u\">Unsubscribe</a>.</p>\
                    <p>Or: <a href=\"u\">unsubscribe</a></p>\
                    <p><a href=\"v\">View online</a> the full list of seats.</p></body></html>";
        assert_eq!(
            blocks(page),
            [
                "Budget",
                "The deal was signed. Read the report.",
                // Within a sentence a link goes as the sentence does.
                "Sent to you. Unsubscribe.",
                "Or: unsubscribe",
                "View online the full list of seats.",
            ]
        );
    }

    /// The text of each block of a page.
    fn blocks(html: &str) -> Vec<String> {
        let a = parse(html, "t.html");
        (0..a.blocks.len())
            .map(|b| a.block_text(b).to_string())
            .collect()
    }

    #[test]
    fn a_line_break_is_kept_in_prose_only() {
        let page = "<html><body><article><h1>Our<br>Office</h1><p>Harbour Office<br> <br>\
                    1 Quay Street<br></p><ul><li><br>Open daily<br>9 to 5</li></ul>\
                    <table><tr><td>Mon<br>Tue</td><td>9</td></tr></table>\
                    </article></body></html>";
        let a = parse(page, "o.html");
        assert!(a.line_breaks);
        assert_eq!(
            a.block_texts(),
            [
                "Our Office",
                "Harbour Office",
                "1 Quay Street",
                "• Open daily\u{2028}9 to 5",
                // A table with line breaks lays out the page: its cells are prose.
                "Mon\u{2028}Tue",
                "9"
            ]
        );
        assert!(!parse("<p>One line.</p>", "p.html").line_breaks);
    }

    #[test]
    fn an_old_page_of_line_breaks_and_layout_tables() {
        let page = "<html><body><table><tr><td class=\"nav\"><a href=\"/\">Home</a><br>\
                    <a href=\"/a\">Archive</a></td><td>First line<br>same paragraph<br><br>\
                    Second paragraph.<br><br><br>Third.</td><td>A column beside</td></tr>\
                    </table></body></html>";
        assert_eq!(
            blocks(page),
            [
                "First line\u{2028}same paragraph",
                "Second paragraph.",
                "Third.",
                "A column beside"
            ]
        );
        // A table of data is a grid, its head the rows of headers only.
        let data = "<html><body><p>Results, which came in late on the night of the vote:</p>\
                    <table><tr><th>Party</th><th>Seats</th></tr><tr><td>Blue</td><td>12</td></tr>\
                    </table></body></html>";
        let grid = "│ Party │ Seats │\n├───────┼───────┤\n│ Blue  │    12 │";
        assert_eq!(blocks(data)[1..], [grid]);
    }

    #[test]
    fn a_cell_across_columns_spans_them() {
        let page = "<html><body><p>Votes.</p><table><tr><th colspan=\"2\">Region</th>\
                    <th>Votes</th></tr><tr><td>North</td><td>East</td><td>1,200</td></tr>\
                    <tr><td colspan=\"999\">All</td></tr></table></body></html>";
        // `colspan="999"`: the rest of the row.
        let all = format!("│ {:<20} │", "All");
        let grid = [
            "│ Region       │ Votes │",
            "├───────┼──────┼───────┤",
            "│ North │ East │ 1,200 │",
            &all,
        ];
        assert_eq!(blocks(page)[1], grid.join("\n"));
    }

    #[test]
    fn a_cell_across_rows_leaves_its_column_empty_below() {
        let page = "<html><body><p>Votes.</p><table><tr><th>Region</th><th>Town</th>\
                    <th>Votes</th></tr><tr><td rowspan=\"2\">North</td><td>Ayr</td><td>12</td>\
                    </tr><tr><td>Oban</td><td>7</td></tr><tr><td>South</td><td>Hove</td>\
                    <td>30</td></tr></table></body></html>";
        let grid = [
            "│ Region │ Town │ Votes │",
            "├────────┼──────┼───────┤",
            "│ North  │ Ayr  │    12 │",
            "│        │ Oban │     7 │",
            "│ South  │ Hove │    30 │",
        ];
        assert_eq!(blocks(page)[1], grid.join("\n"));
    }

    #[test]
    fn a_data_table_is_a_grid_after_its_caption_with_its_cells_styles() {
        let page = "<html><body><p>Before.</p><table><caption>Votes by party</caption>\
                    <thead><tr><th>Party</th><td>For</td></tr></thead><tbody>\
                    <tr><td><b>Labour</b></td><td>390</td></tr>\
                    <tr><td>Green</td><td>4</td></tr></tbody></table><p>After.</p></body></html>";
        let a = parse(page, "t.html");
        let kinds: Vec<BlockKind> = a.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Paragraph,
                BlockKind::Paragraph,
                BlockKind::TABLE,
                BlockKind::Paragraph
            ]
        );
        assert_eq!(a.block_text(1), "Votes by party");
        assert_eq!(
            a.block_text(2),
            "│ Party  │ For │\n├────────┼─────┤\n│ Labour │ 390 │\n│ Green  │   4 │"
        );
        let strong = a.texts_styled(Inline::Strong);
        // The head row, then the bold cell.
        assert_eq!(strong, ["Party", "For", "Labour"]);
        assert_eq!(a.word_count(), 1 + 3 + 6 + 1);
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = format!(
            "<html><body>{}<p>deep</p>{}<p>after</p></body></html>",
            "<div><i>".repeat(50_000),
            "</i></div>".repeat(50_000)
        );
        let a = parse(&html, "deep.html");
        assert!(a.text.contains("deep") && a.text.contains("after"));
        assert!(matches!(
            flatten_deep_nesting("<p>a<b>b</b></p>", 4),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
