//! Section detection, titles and datelines on fixture articles of many layouts. Each
//! `tests/fixtures/text/NAME.txt` has a `NAME.expect`: title, dateline, the outline (two
//! spaces per level below 1), the paragraph, list item and quote paragraph counts, and
//! those of terms and their definitions.

use std::path::Path;

use byline::article::{self, BlockKind};
use byline::export;

fn summary(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    let a = article::parse(&bytes, &path.display().to_string());
    let dateline = a
        .dateline
        .as_ref()
        .map_or("-", |d| &a.text[d.place.clone()]);
    let count = |kind: fn(BlockKind) -> bool| a.blocks.iter().filter(|b| kind(b.kind)).count();
    let paragraphs = count(|k| k == BlockKind::Paragraph);
    let items = count(|k| matches!(k, BlockKind::ListItem { .. }));
    let quotes = count(|k| matches!(k, BlockKind::Quote { .. }));
    let terms = count(|k| k == BlockKind::Term);
    let definitions = count(|k| k == BlockKind::Definition);
    format!(
        "title: {}\ndateline: {dateline}\nsections:\n{}paragraphs: {paragraphs}\nlist items: {items}\nquotes: {quotes}\nterms: {terms}\ndefinitions: {definitions}\n",
        a.title,
        export::outline(&a)
    )
}

#[test]
fn every_fixture_matches_its_expectation() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/text");
    let mut checked = 0;
    let mut failures = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    for path in paths
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
    {
        let expected = std::fs::read_to_string(path.with_extension("expect")).unwrap();
        let got = summary(path);
        if got != expected {
            failures.push(format!(
                "{}\n--- expected\n{expected}--- got\n{got}",
                path.display()
            ));
        }
        checked += 1;
    }
    assert!(checked >= 12, "only {checked} fixtures");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn hash_named_files_take_their_title_from_the_opening_sentence() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/text");
    let bytes = std::fs::read(dir.join("09-dateline-agency.txt")).unwrap();
    let a = article::parse(&bytes, "downloads/9f3a2c71d0e4b5a6.txt");
    assert_eq!(
        a.title,
        "Shares in the country's largest grocer fell sharply on Thursday after it…"
    );
}

#[test]
fn crlf_and_tabs_never_reach_the_text() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/text");
    let bytes = std::fs::read(dir.join("11-crlf-and-tabs.txt")).unwrap();
    let a = article::parse(&bytes, "x.txt");
    assert!(!a.text.contains('\r') && !a.text.contains('\t'));
}
