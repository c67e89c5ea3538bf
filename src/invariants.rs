//! What must hold for any input, as one checker that panics on a violation: used by the
//! property tests and the fuzz targets, so both check the same things.

use crate::analysis;
use crate::article::{self, Article, Format};
use crate::export;
use crate::layout::{self, Layout, LineKind, line_pieces};
use crate::source::display_width;

/// Parses `bytes` as `format` (an error is fine: not every input is JSON) and checks
/// every article.
pub fn check_bytes(bytes: &[u8], format: Format) {
    if let Ok(articles) = article::parse_all(bytes, "input", Some(format)) {
        for a in &articles {
            check_article(a);
        }
    }
    if format == Format::Markdown {
        check_markdown_pieces(bytes);
    }
}

/// [`check_bytes`] in every format: what an input the detection would take for any of
/// them must survive.
pub fn check_every_format(bytes: &[u8]) {
    for format in [
        Format::Text,
        Format::Markdown,
        Format::Html,
        Format::Json,
        Format::Feed,
        Format::Email,
    ] {
        check_bytes(bytes, format);
    }
}

/// A big Markdown file is parsed a piece at a time (see `library`): the same text fed
/// in small chunks of lines must give a sound article too.
fn check_markdown_pieces(bytes: &[u8]) {
    use crate::article::markdown::{Pieces, Reader, Scan, definitions};
    let text = crate::source::decode(bytes).text;
    let mut scan = Scan::new(true);
    let mut defs = String::new();
    definitions(&text, &mut scan, &mut defs);
    let mut pieces = Pieces::new(defs);
    let mut reader = Reader::new(text.len());
    for chunk in text.split_inclusive('\n').collect::<Vec<_>>().chunks(3) {
        if let Some(piece) = pieces.push(&chunk.concat()) {
            reader.feed(&piece);
        }
    }
    reader.feed(&pieces.finish());
    check_article(&reader.finish("input"));
}

/// No control character in the text; blocks in order and styles on character
/// boundaries; every quote and mention inside the text, in order; wrapped lines within
/// their width; no escape in any output.
pub fn check_article(a: &Article) {
    let t = &a.text;
    assert!(
        !t.chars().any(|c| c.is_control() && c != '\n'),
        "control character in the text"
    );
    let mut last = 0;
    for b in &a.blocks {
        assert!(
            b.range.start >= last && b.range.end <= t.len(),
            "block out of order"
        );
        assert!(t.is_char_boundary(b.range.start) && t.is_char_boundary(b.range.end));
        last = b.range.end;
    }
    for (r, _) in &a.inline {
        assert!(
            r.start < r.end && r.end <= t.len(),
            "style {r:?} out of the text"
        );
        assert!(t.is_char_boundary(r.start) && t.is_char_boundary(r.end));
    }
    let an = analysis::analyse(a, &[]);
    for q in &an.quotes {
        assert!(
            q.outer.start <= q.inner().start
                && q.inner().end <= q.outer.end
                && q.outer.end <= t.len()
        );
        assert!(t.is_char_boundary(q.inner().start) && t.is_char_boundary(q.inner().end));
    }
    assert!(
        an.quotes
            .windows(2)
            .all(|w| w[0].outer.start <= w[1].outer.start)
    );
    for l in &an.leaders {
        assert!(!l.mentions.is_empty());
        assert!(l.mentions.windows(2).all(|w| w[0].end <= w[1].start));
        for m in &l.mentions {
            assert!(m.start < m.end && m.end <= t.len());
            assert!(t.is_char_boundary(m.start) && t.is_char_boundary(m.end));
        }
    }
    for width in [1, 7, 40] {
        let layout = Layout::new(a, width);
        let lines = layout.lines(a, 0..layout.len());
        // Counted as made; a line break ends a line, never shows in one.
        assert_eq!(lines.len(), layout.len(), "line count at width {width}");
        for line in &lines {
            assert!(!t[line.range.clone()].contains(article::LINE_BREAK));
            if layout::is_row(a, line) {
                // Scrolled sideways, what shows of a row fits, wherever it is scrolled to.
                let room = width.saturating_sub(usize::from(line.indent));
                for from in [0, 3, 50] {
                    let w = layout::window(t, line.range.clone(), from, room);
                    let shown = w.lead + display_width(&t[w.range]);
                    assert!(shown + usize::from(line.indent) <= width.max(2));
                }
            } else if line.kind == LineKind::Text {
                let shown: Vec<&str> = line_pieces(t, line.range.clone()).map(|r| &t[r]).collect();
                // A character two columns wide cannot fit a one-column line.
                assert!(display_width(&shown.join(" ")) + usize::from(line.indent) <= width.max(2));
            }
        }
    }
    let json = serde_json::to_string(&export::json(a, &an)).expect("JSON export");
    assert!(!json.contains('\u{1b}'));
    assert!(!export::dump(a, &an, false).contains('\u{1b}'));
    assert!(!export::dump(a, &an, true).contains("\u{1b}]"));
}
