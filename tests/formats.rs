//! Every format opens with the right title, sections and levels, clean body text (no
//! chrome, no entities, no `\r`) and highlights: fixtures written for these tests.

use std::path::Path;

use byline::analysis;
use byline::article::{self, Article, BlockKind, Format, Inline};
use byline::library::{Entry, Origin};

fn load(name: &str) -> Vec<Article> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/formats")
        .join(name);
    Entry {
        source: path.display().to_string(),
        origin: Origin::File(path),
    }
    .load(None)
    .unwrap()
}

fn outline(a: &Article) -> Vec<(u8, &str)> {
    a.sections
        .iter()
        .map(|s| (s.level, s.title.as_str()))
        .collect()
}

/// The first article of fixture `name`, checked [`clean`].
fn clean_one(name: &str) -> Article {
    let a = load(name).swap_remove(0);
    clean(&a);
    a
}

fn clean(a: &Article) {
    assert!(!a.text.contains('\r') && !a.text.contains('\u{1b}'));
    for entity in [
        "&amp;", "&mdash;", "&rsquo;", "&pound;", "&copy;", "&middot;",
    ] {
        assert!(!a.text.contains(entity), "{entity} in {}", a.source);
    }
}

#[test]
fn markdown_with_every_construct() {
    let a = &clean_one("guide.md");
    assert_eq!(a.format, Format::Markdown);
    assert_eq!(a.title, "The Winter Ferry Guide");
    assert_eq!(
        outline(a),
        [(2, "Timetable"), (2, "Fares"), (3, "Accessibility")]
    );
    assert!(!a.text.contains("date: 2025"), "front matter is metadata");
    let kinds = |k: BlockKind| a.blocks.iter().filter(|b| b.kind == k).count();
    assert_eq!(kinds(BlockKind::ListItem { depth: 1, quote: 0 }), 4);
    assert_eq!(kinds(BlockKind::ListItem { depth: 2, quote: 0 }), 1);
    assert_eq!(kinds(BlockKind::CODE), 1);
    assert!(kinds(BlockKind::Quote { depth: 1 }) >= 1);
    assert!(
        a.text.contains("operator's site[1]")
            && a.text.contains("[1] https://ferries.example/winter")
    );
    assert!(a.text.contains("[image: The ferry at the pier]"));
    // A table is a grid, aligned as the Markdown says, its head in bold, its cells'
    // styles kept.
    let table = a.blocks.iter().position(|b| b.kind == BlockKind::TABLE);
    let table = table.expect("a table");
    let grid = [
        "│ Ticket                        │  Adult │ Child │",
        "├───────────────────────────────┼────────┼───────┤",
        "│ Single                        │  £8.40 │ £4.20 │",
        "│ Island pass (Hyslop's scheme) │ £14.00 │ free  │",
    ];
    assert_eq!(a.block_text(table), grid.join("\n"));
    let styled: Vec<(&str, Inline)> = (a.inline.iter())
        .filter(|(r, _)| a.blocks[table].range.contains(&r.start))
        .map(|(r, style)| (&a.text[r.clone()], *style))
        .collect();
    let strong = |cell| (cell, Inline::Strong);
    let head = [strong("Ticket"), strong("Adult"), strong("Child")];
    assert_eq!(styled[..3], head);
    assert_eq!(styled[3..], [("Hyslop's", Inline::Emphasis)]);
    let an = analysis::analyse(a, &[]);
    let leaders: Vec<&str> = an.leaders.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(leaders, ["Fiona Hyslop"]);
    let in_table = an.leaders[0]
        .mentions
        .iter()
        .find(|m| a.blocks[table].range.contains(&m.start));
    assert_eq!(in_table.map(|m| &a.text[m.clone()]), Some("Hyslop"));
    assert!(
        an.quotes
            .iter()
            .any(|q| &a.text[q.inner()] == "unavoidable")
    );
}

#[test]
fn a_saved_news_page_is_a_clean_article() {
    let a = &clean_one("saved-page.html");
    assert_eq!(a.title, "Mayor Backs Tram Plan");
    assert_eq!(outline(a), [(2, "Costs and Concerns")]);
    for chrome in [
        "News",
        "Sport",
        "ADVERTISEMENT",
        "Share",
        "Tweet",
        "Related stories",
        "Subscribe",
        "All rights reserved",
        "tracking",
        "Not a heading",
        "display: block",
    ] {
        assert!(!a.text.contains(chrome), "{chrome} leaked into: {}", a.text);
    }
    assert!(
        a.text
            .contains("city’s tram plan was “the best chance in a generation”")
    );
    assert!(a.text.contains("£2.1 billion"));
    let d = a.dateline.as_ref().expect("dateline");
    assert_eq!(&a.text[d.place.clone()], "LEEDS, England");
    let an = analysis::analyse(a, &[]);
    assert_eq!(an.leaders[0].name, "Tracy Brabin");
    let quotes: Vec<&str> = an.quotes.iter().map(|q| &a.text[q.inner()]).collect();
    assert!(
        quotes.contains(&"the best chance in a generation")
            && quotes.contains(&"We have heard this before"),
        "{quotes:?}"
    );
}

#[test]
fn json_object_array_and_lines() {
    let a = &clean_one("story.json");
    assert_eq!(
        (a.title.as_str(), a.format),
        ("Council Approves New Library", Format::Json)
    );
    assert_eq!(outline(a), [(1, "Funding")]);
    assert_eq!(
        &a.text[a.dateline.as_ref().unwrap().place.clone()],
        "BRISTOL, England"
    );
    let many = load("collection.json");
    assert_eq!(many.len(), 2);
    assert_eq!(outline(&many[0]), [(1, "Stalls"), (2, "Weather")]);
    let feed = load("feed.jsonl");
    assert_eq!(
        feed.iter().map(|a| a.title.as_str()).collect::<Vec<_>>(),
        ["Feed Item One", "Feed Item Two"]
    );
}

#[test]
fn rss_and_atom_feeds_are_an_article_per_item() {
    let rss = load("harbour.rss");
    let titles: Vec<&str> = rss.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Ferry fares to rise & winter sailings cut",
            "Council meets on flood defences"
        ]
    );
    for a in &rss {
        clean(a);
        assert_eq!(a.format, Format::Feed);
        assert!(a.warnings.is_empty(), "{:?}", a.warnings);
    }
    let first = &rss[0];
    // Title, credit line, the full story (not the summary), the link; not the image's
    // caption, which is no title of the story's.
    assert!(first.text.starts_with(
        "Ferry fares to rise & winter sailings cut\n\nBy Ana Ruiz · Tue, 25 Nov 2026\n\nHARBOURTOWN —"
    ));
    assert!(!first.text.contains("Fares rise in January.") && !first.text.contains("The ferry"));
    assert!(
        first
            .text
            .ends_with("Link: https://gazette.example/ferry-fares")
    );
    assert_eq!(outline(first), [(2, "Winter timetable")]);
    let an = analysis::analyse(first, &[]);
    assert_eq!(an.leaders[0].name, "Fiona Hyslop");
    assert_eq!(an.leaders[0].mentions.len(), 2);
    // An escaped HTML summary is the body when there is no content; the author named
    // after an address.
    let second = &rss[1];
    assert!(second.text.contains("By Bo Li · Mon, 24 Nov 2026"));
    let an = analysis::analyse(second, &[]);
    assert_eq!(an.leaders[0].name, "Ada Quill");
    assert_eq!(&second.text[an.quotes[0].inner()], "not enough");

    let atom = load("observatory.atom");
    assert_eq!(atom.len(), 2);
    assert_eq!(atom[0].title, "Comet Vale brightens");
    assert!(
        atom[0]
            .text
            .contains("By Inês Duarte · 2026-11-20\n\nThe comet is now visible")
    );
    assert!(
        atom[0]
            .text
            .ends_with("Link: https://notes.example/comet-vale")
    );
    assert!(atom[0].text.contains("“It is a gift,” the director said."));
    let plain = &atom[1];
    // A title given as text is its text, markup signs and all.
    assert_eq!(plain.title, "Plain words <b> & signs");
    assert!(
        plain
            .text
            .ends_with("2026-11-19\n\nA first paragraph & more.\n\nA second paragraph.")
    );
}

#[test]
fn a_feed_is_known_by_its_root_and_a_broken_one_keeps_what_came_before() {
    let feed = b"<?xml version=\"1.0\"?>\n<!-- c -->\n<rss><channel><item><title>One</title>\
                 <description>First.</description></item>";
    assert_eq!(article::parse(feed, "news.xml").format, Format::Feed);
    // Netscape's RSS 0.91 says its document type first; others declare entities.
    for doctype in [
        "<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" \"x.dtd\">",
        "<!DOCTYPE rss [<!ENTITY nbsp \"&#160;\">]>",
    ] {
        let text = format!(
            "<?xml version=\"1.0\"?>{doctype}\n<rss><channel><item><title>T\
                            </title></item></channel></rss>"
        );
        assert_eq!(
            article::parse(text.as_bytes(), "n.xml").format,
            Format::Feed,
            "{doctype}"
        );
    }
    assert_eq!(article::parse(feed, "-").format, Format::Feed);
    // RSS 1.0: items beside the channel, in RDF.
    let rdf = b"<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"r\" xmlns:dc=\"d\"><channel>\
                <title>Site</title></channel><item><title>Old style</title>\
                <dc:date>2026-11-02T08:00:00Z</dc:date><description>Still read.</description>\
                </item></rdf:RDF>";
    let old = article::parse(rdf, "-");
    assert_eq!(
        (old.format, old.title.as_str()),
        (Format::Feed, "Old style")
    );
    assert!(old.text.ends_with("2026-11-02\n\nStill read."));
    let not_a_feed = b"<?xml version=\"1.0\"?><catalog><book>Words</book></catalog>";
    assert_ne!(article::parse(not_a_feed, "books.xml").format, Format::Feed);

    // Cut off inside a tag: the whole items before the cut are read.
    let broken = b"<rss><channel><item><title>One</title><description>First.</description>\
                   </item><item><title>Two</title><descr";
    let items = article::parse_all(broken, "b.rss", None).expect("the first item");
    let titles: Vec<&str> = items.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, ["One"]);
    assert!(
        items[0].warnings.iter().any(|w| w.contains("feed broken")),
        "{:?}",
        items[0].warnings
    );
    // Markup left unescaped in an item is read, not dropped; stray end tags close
    // nothing they should not.
    let loose = b"<rss><channel><item><title>Plain <i>markup</i> title</title><description>\
                  First <b>bold</b> then <a href=\"https://x.example\">a link</a><br/>and more.\
                  </description></item></channel></rss>";
    let a = article::parse(loose, "l.rss");
    assert_eq!(a.title, "Plain markup title");
    assert!(
        a.text.ends_with("First bold then a link\u{2028}and more."),
        "{}",
        a.text
    );
    let stray = b"<rss><item><title>One</channel></channel></rss><item><title>Two</title></item>";
    let items = article::parse_all(stray, "s.rss", None).expect("items");
    assert!(items.iter().any(|a| a.title == "Two"));
    let nothing = article::parse_all(b"<rss><channel></channel></rss>", "e.rss", None);
    assert!(nothing.is_err());
}

#[test]
fn encodings_and_line_ends() {
    let a = &load("utf16.txt")[0];
    assert_eq!(a.title, "Zürich Council Meets");
    assert!(a.text.contains("“Grüezi”"));
    let a = &load("latin1.txt")[0];
    assert_eq!(a.title, "Café Society");
    assert!(a.text.contains("“we missed everyone”"));
    assert!(a.warnings.iter().any(|w| w.contains("windows-1252")));
    let a = &clean_one("crlf.txt");
    assert_eq!(outline(a), [(1, "What Changed")]);
}

#[test]
fn format_detection_by_content_and_override() {
    let html = b"<!doctype html><html><body><article><h1>T</h1><p>Body text here.</p></article></body></html>";
    assert_eq!(article::parse(html, "-").format, Format::Html);
    assert_eq!(
        article::parse(b"# Heading\n\nText.\n", "-").format,
        Format::Markdown
    );
    assert_eq!(
        article::parse(br#"{"title": "x", "body": "y"}"#, "-").format,
        Format::Json
    );
    assert_eq!(
        article::parse(b"[citation needed] is a phrase.", "-").format,
        Format::Text
    );
    let forced = article::parse_all(b"# Not a heading", "x.md", Some(Format::Text)).unwrap();
    assert_eq!(forced[0].format, Format::Text);
}

#[test]
fn a_saved_email_reads_as_the_newsletter_it_holds() {
    // Multipart: the HTML part (quoted-printable) is the article, the subject (encoded
    // UTF-8) its title, the sender and date its credit line.
    let a = &clean_one("newsletter.eml");
    assert_eq!(a.format, Format::Email);
    assert_eq!(a.title, "The Long Night in Brussels — issue 12");
    assert!(
        a.text.starts_with("By Europe Letters · 2026-11-20"),
        "{}",
        a.text
    );
    assert!(
        a.text
            .contains("Ursula von der Leyen walked in. “We are not leaving")
    );
    assert_eq!(
        outline(a),
        [(1, "The Long Night in Brussels"), (2, "The breakthrough")]
    );
    let an = analysis::analyse(a, &[]);
    let names: Vec<&str> = an.leaders.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names, ["Ursula von der Leyen", "Viktor Orbán"]);
    // Plain text in Latin-1, sent 8-bit: read from its bytes in the charset it names,
    // its quoted lines a quote.
    let a = &load("madrid-latin1.eml")[0];
    assert_eq!(a.title, "Notes from Madrid");
    assert!(a.text.contains("Pedro Sánchez, habló hoy."), "{}", a.text);
    assert!(
        a.blocks
            .iter()
            .any(|b| matches!(b.kind, BlockKind::Quote { .. }))
    );
    // Without its extension it is known by its headers; forced, it is read as one.
    let bytes = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/formats/madrid-latin1.eml"),
    )
    .unwrap();
    assert_eq!(article::parse(&bytes, "-").title, "Notes from Madrid");
    let forced = article::parse_all(&bytes, "notes.txt", Some(Format::Email)).unwrap();
    assert_eq!(forced[0].format, Format::Email);
    assert_eq!(article::parse(&bytes, "notes.txt").format, Format::Text);
}

#[test]
fn a_mailbox_is_an_article_per_email() {
    let articles = load("letters.mbox");
    let titles: Vec<&str> = articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "The Long Night in Brussels — issue 12",
            "Notes from Madrid",
            "Issue 13"
        ]
    );
    assert!(articles.iter().all(|a| a.format == Format::Email));
    // Each message in its own charset: the second is Latin-1, sent 8-bit.
    assert!(articles[1].text.contains("Pedro Sánchez, habló hoy."));
    // Hidden preview text is no part of the third.
    assert!(!articles[2].text.contains("This week:"));
}

#[test]
fn markdown_interview_questions_are_not_sections() {
    // Bold questions, one per answer, would bury the two real sections in the outline.
    let a = &clean_one("interview.md");
    assert_eq!(a.format, Format::Markdown);
    assert_eq!(
        a.title,
        "\u{201C}We will not back down\u{201D}: an interview with Finland's president"
    );
    assert_eq!(outline(a), [(2, "On Ukraine"), (2, "On the economy")]);
    let found = analysis::analyse(a, &[]);
    let leaders: Vec<(&str, usize)> = found
        .leaders
        .iter()
        .map(|l| (l.name.as_str(), l.mentions.len()))
        .collect();
    assert_eq!(
        leaders,
        [
            ("Alexander Stubb", 5),
            ("Vladimir Putin", 2),
            ("Donald Trump", 2),
            ("Volodymyr Zelenskyy", 2),
            ("Petteri Orpo", 2)
        ]
    );
    let quotes: Vec<&str> = found.quotes.iter().map(|q| &a.text[q.inner()]).collect();
    assert_eq!(
        quotes,
        [
            "We will not back down",
            "no",
            "rock solid",
            "We need air defence now, not next year.",
            "Peace cannot be bought with territory."
        ]
    );
}

#[test]
fn a_programs_coloured_output_keeps_its_bold_and_loses_its_escapes() {
    // As `cargo build --color=always | byline` would hand it over: lines broken by
    // hand, which the reader keeps, and bold, colour and erasing sequences. The
    // underline's spaces at a line's end go with the line's end, and so does bold
    // that styles nothing else.
    let log = "Build report\n\n\
               \x1b[1m\x1b[32mCompiled\x1b[0m harbour v2.4 in 3.1s\x1b[1m  \x1b[0m\n\
               \x1b[1m\x1b[33mWarning\x1b[0m: \x1b[4mberth  \x1b[24m\x1b[K\n\
               \x1b[1mFinished\x1b[0m 2 crates\n";
    let a = article::parse(log.as_bytes(), "-");
    assert!(!a.text.contains(['\u{1b}', '\u{241b}']), "{:?}", a.text);
    assert!(
        a.text
            .contains("Compiled harbour v2.4 in 3.1s\u{2028}Warning: berth\u{2028}Finished")
    );
    let styled = |style: Inline| -> Vec<&str> {
        let mut ranges: Vec<_> = a.inline.iter().filter(|(_, s)| *s == style).collect();
        ranges.sort_by_key(|(r, _)| r.start);
        ranges.iter().map(|(r, _)| &a.text[r.clone()]).collect()
    };
    assert_eq!(styled(Inline::Strong), ["Compiled", "Warning", "Finished"]);
    assert_eq!(styled(Inline::Emphasis), ["berth"]);
}
