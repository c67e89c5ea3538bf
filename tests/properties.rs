//! Arbitrary input never panics, and every span the core produces lies inside the text,
//! on character boundaries, in order; wrapped lines fit their width.

use byline::analysis;
use byline::article;
use byline::invariants;
use proptest::prelude::*;

/// Text built from pieces that exercise the parsers: marks, apostrophes, titles,
/// names, headings, control characters, wide characters.
fn articleish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("'".to_string()),
        Just("‘".to_string()),
        Just("’".to_string()),
        Just("«".to_string()),
        Just("»".to_string()),
        Just("„".to_string()),
        Just("「".to_string()),
        Just("」".to_string()),
        Just("President ".to_string()),
        Just("Prime Minister ".to_string()),
        Just("Mr. ".to_string()),
        Just("Donald Trump".to_string()),
        Just("Putin".to_string()),
        Just("Erdoğan".to_string()),
        Just(", ".to_string()),
        Just(". ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("# ".to_string()),
        Just("2. ".to_string()),
        Just("===".to_string()),
        Just("\t".to_string()),
        Just("\r\n".to_string()),
        Just("\u{1b}[31m".to_string()),
        Just("漢字".to_string()),
        Just("e\u{301}".to_string()),
        Just("ANCHORAGE, ALASKA – ".to_string()),
        Just("of ".to_string()),
        Just("counterpart, ".to_string()),
        // A book's header, marks and chapters.
        Just("Title: ".to_string()),
        Just("Author: ".to_string()),
        Just("Release date: ".to_string()),
        Just("*** START OF THE PROJECT GUTENBERG EBOOK X ***".to_string()),
        Just("*** END OF THE PROJECT GUTENBERG EBOOK X ***".to_string()),
        Just("CHAPTER I.".to_string()),
        Just("PART TWO".to_string()),
        Just("CONTENTS".to_string()),
        Just("PRIME MINISTER ANA LOWE: ".to_string()),
        "[A-Za-z]{1,8} ",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    proptest::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

/// Markup-flavoured text for the Markdown, HTML and JSON parsers.
fn markupish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<h2>".to_string()),
        Just("</h2>".to_string()),
        Just("<article>".to_string()),
        Just("<q>".to_string()),
        Just("</q>".to_string()),
        Just("<pre>".to_string()),
        Just("<script>".to_string()),
        Just("&amp;".to_string()),
        Just("&#27;".to_string()),
        Just("<li>".to_string()),
        Just("# ".to_string()),
        Just("## ".to_string()),
        Just("**".to_string()),
        Just("*".to_string()),
        Just("`".to_string()),
        Just("```\n".to_string()),
        Just("> ".to_string()),
        Just("- ".to_string()),
        Just("1. ".to_string()),
        Just("[a](http://x)".to_string()),
        Just("![i](p.png)".to_string()),
        Just("---\ntitle: T\n---\n".to_string()),
        Just("{\"title\": \"T\", \"body\": \"".to_string()),
        Just("\"}".to_string()),
        Just("[".to_string()),
        Just("{\"sections\": [{\"heading\": \"H\", \"paragraphs\": [\"".to_string()),
        Just("\"]}]}".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("President Emmanuel Macron said “yes”. ".to_string()),
        Just("<rss><channel><item><title>".to_string()),
        Just("</title><description>".to_string()),
        Just("<![CDATA[<p>".to_string()),
        Just("]]>".to_string()),
        Just("</description></item>".to_string()),
        Just("<entry><content type=\"xhtml\"><div>".to_string()),
        Just("</div></content></entry>".to_string()),
        Just("|---|---|\n| a | b |\n".to_string()),
        Just("<table><tr><th>".to_string()),
        Just("</td><td>".to_string()),
        "[A-Za-z ]{1,10}",
    ];
    proptest::collection::vec(piece, 0..50).prop_map(|v| v.concat())
}

/// Every parser over the same text.
fn check(text: &str) {
    invariants::check_every_format(text.as_bytes());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let a = article::parse(&bytes, "p.txt");
        check(&a.text);
        check(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn article_like_text_keeps_every_invariant(text in articleish()) {
        check(&text);
    }

    #[test]
    fn markup_keeps_every_invariant_in_every_parser(text in markupish()) {
        check(&text);
    }
}

#[test]
fn thousands_of_unbalanced_marks_stay_linear_and_unhighlighted() {
    let text = "“ ‘ « „ \" ' ".repeat(5000);
    let a = article::parse(text.as_bytes(), "p.txt");
    let an = analysis::analyse(&a, &[]);
    assert!(an.quotes.len() < 10_000);
}
