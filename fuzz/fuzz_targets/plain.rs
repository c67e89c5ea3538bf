//! Arbitrary bytes through the plain parser, the analysis, layout and every export: no
//! panic, and every span inside the text.
#![no_main]

use byline::article::{Format, parse_all};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(articles) = parse_all(data, "fuzz", Some(Format::Text)) else { return };
    for article in articles {
        let analysis = byline::analysis::analyse(&article, &[]);
        for h in &analysis.highlights {
            assert!(h.range.start <= h.range.end && h.range.end <= article.text.len());
            assert!(article.text.is_char_boundary(h.range.start) && article.text.is_char_boundary(h.range.end));
        }
        for width in [1, 13, 80] {
            let _ = byline::layout::Layout::new(&article, width);
        }
        let _ = byline::export::dump(&article, &analysis, true);
        let _ = serde_json::to_string(&byline::export::json(&article, &analysis));
    }
});
