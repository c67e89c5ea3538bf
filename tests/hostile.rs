//! Every file in `tests/hostile/` through every mode: never a crash, never an escape
//! sequence of the article's own in the output, a clear line and status on errors.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn byline(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(args)
        .output()
        .expect("run byline")
}

fn hostile_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

/// The hostile files that are no text (random bytes, inputs a fuzzer made of them), which
/// the reader refuses; a stray NUL or a byte that is no UTF-8 in a text is shown.
fn is_binary(path: &str) -> bool {
    ["binary.bin", "fuzz-html-byline-dateline.html"]
        .iter()
        .any(|name| path.ends_with(name))
}

/// Only our own SGR styling (`ESC [ … m`) may appear.
fn only_sgr(out: &[u8]) -> bool {
    let mut i = 0;
    while i < out.len() {
        if out[i] == 0x1b {
            if out.get(i + 1) != Some(&b'[') {
                return false;
            }
            let mut j = i + 2;
            while j < out.len() && (out[j].is_ascii_digit() || out[j] == b';') {
                j += 1;
            }
            if out.get(j) != Some(&b'm') {
                return false;
            }
            i = j + 1;
        } else if out[i] < 0x20 && out[i] != b'\n' {
            return false;
        } else {
            i += 1;
        }
    }
    // No C1 controls either (0x9b is a one-byte CSI on some terminals).
    !String::from_utf8_lossy(out)
        .chars()
        .any(|c| ('\u{80}'..='\u{9f}').contains(&c))
}

#[test]
fn every_hostile_file_in_every_mode_is_safe() {
    let files = hostile_files();
    assert!(files.len() >= 8);
    for file in &files {
        let path = file.to_str().unwrap();
        for mode in [
            &["--outline"][..],
            &["--json"],
            &["--dump"],
            &["--dump", "--color", "always"],
        ] {
            let mut args = mode.to_vec();
            args.push(path);
            let out = byline(&args);
            if path.ends_with("broken.json") {
                // Not an article: one line naming it, and a failing status.
                assert_eq!(out.status.code(), Some(1), "{path}");
                let err = String::from_utf8_lossy(&out.stderr);
                assert!(
                    err.lines().count() == 1
                        && err.contains("broken.json")
                        && err.contains("line 1"),
                    "{err}"
                );
                continue;
            }
            if is_binary(path) {
                // Not text: refused in one line naming it, with a failing status.
                assert_eq!(out.status.code(), Some(1), "{path}");
                let err = String::from_utf8_lossy(&out.stderr);
                assert!(
                    err.lines().count() == 1 && err.contains(path) && err.contains("binary"),
                    "{err}"
                );
                continue;
            }
            assert!(
                out.status.success(),
                "{path} {mode:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            if mode == ["--dump", "--color", "always"] {
                assert!(only_sgr(&out.stdout), "{path} {mode:?} emitted a control");
            } else {
                assert!(
                    !out.stdout
                        .iter()
                        .any(|&b| b == 0x1b || (b < 0x20 && b != b'\n')),
                    "{path} {mode:?}"
                );
            }
            assert!(
                !String::from_utf8_lossy(&out.stderr).contains("panicked"),
                "{path} {mode:?}"
            );
        }
    }
}

#[test]
fn every_hostile_file_through_every_parser() {
    for file in hostile_files() {
        let path = file.to_str().unwrap();
        for format in ["text", "markdown", "html", "json", "feed"] {
            let out = byline(&["--json", "--format", format, path]);
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(!err.contains("panicked"), "{path} as {format}: {err}");
            // JSON that is not JSON (a feed that is none) and bytes that are no text are
            // an error, named; everything else is an article.
            let refused = matches!(format, "json" | "feed") || is_binary(path);
            if refused && !out.status.success() {
                assert_eq!(out.status.code(), Some(1));
                assert!(err.lines().count() == 1 && err.contains(path), "{err}");
                continue;
            }
            assert!(out.status.success(), "{path} as {format}: {err}");
            let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            assert!(v.is_object() || v.is_array());
            assert!(!out.stdout.contains(&0x1b));
        }
    }
}

#[test]
fn json_of_an_escape_laden_file_parses_and_shows_placeholders() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile/escapes.txt");
    let out = byline(&["--json", file.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["leaders"][0]["name"], "Donald Trump");
    let dump = String::from_utf8(byline(&["--dump", file.to_str().unwrap()]).stdout).unwrap();
    // Escape sequences are read as a terminal reads them, and shown as it shows them:
    // not at all. Other control characters show as their pictures.
    assert!(dump.contains("This line sets the title and writes the clipboard today."));
    assert!(dump.contains("A link click and colour RED and a DCS and APC here."));
    assert!(dump.contains("a bell ␇, backspace ␈␈, NUL ␀"));
}

#[test]
fn errors_are_one_line_naming_the_file_with_a_status() {
    let out = byline(&["--outline", "/no/such/file.txt"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("/no/such/file.txt") && err.contains("No such file"));

    // Asked for one article and given none: nothing on standard output, not a
    // document of no articles.
    let out = byline(&["--json", "/no/such/file.txt"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        out.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/file.txt"));

    let out = byline(&["--no-such-flag"]);
    assert_eq!(out.status.code(), Some(2));

    let empty_dir = tempfile::tempdir().expect("temp dir");
    let out = byline(&["--outline", empty_dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("no articles")
    );

    // One bad file does not stop the others.
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/anchorage-summit.txt");
    let out = byline(&["--outline", "/no/such/file.txt", seed.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("Fighting Rages On in Ukraine")
    );
    // Several asked for are an array, of those that loaded.
    let out = byline(&["--json", "/no/such/file.txt", seed.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let docs: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(docs.as_array().map(Vec::len), Some(1), "{docs}");
}

#[test]
fn compressed_text_from_a_file_or_standard_input_reads_as_the_text() {
    use std::io::Write;
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/anchorage-summit.txt");
    let text = std::fs::read(&seed).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&text).unwrap();
    let packed = gz.finish().unwrap();
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("anchorage-summit.txt.gz");
    std::fs::write(&file, &packed).unwrap();
    let expected = byline(&["--json", seed.to_str().unwrap()]).stdout;
    let from_file = byline(&["--json", file.to_str().unwrap()]);
    let mut child = Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(["--json", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("run byline");
    child.stdin.take().unwrap().write_all(&packed).unwrap();
    let from_stdin = child.wait_with_output().expect("run byline");
    // The same article, but for its source (and, with no file name to tell it, its
    // title).
    let json = |out: &[u8], fields: &[&str]| {
        let mut v: serde_json::Value = serde_json::from_slice(out).unwrap();
        for field in fields {
            v[field] = serde_json::Value::Null;
        }
        v
    };
    let source = ["source"];
    assert_eq!(json(&from_file.stdout, &source), json(&expected, &source));
    let untitled = ["source", "title"];
    assert_eq!(
        json(&from_stdin.stdout, &untitled),
        json(&expected, &untitled)
    );
}

#[test]
fn the_outlines_of_several_articles_say_whose_they_are() {
    let feed = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/formats/harbour.rss");
    let out = byline(&["--outline", feed.to_str().unwrap()]);
    let text = String::from_utf8(out.stdout).unwrap();
    let source = feed.to_str().unwrap();
    let first = format!("Ferry fares to rise & winter sailings cut ({source})");
    let second = format!("Council meets on flood defences ({source}#2)");
    let expected = format!(
        "{first}\n{}\n  Winter timetable\n\n{second}\n{}\n",
        "=".repeat(first.chars().count()),
        "=".repeat(second.chars().count())
    );
    assert_eq!(text, expected);
}

#[test]
fn a_five_megabyte_line_and_a_huge_word_are_handled() {
    let dir = tempfile::tempdir().expect("temp dir");
    let line = dir.path().join("line.txt");
    std::fs::write(&line, "word “quoted” President Trump ".repeat(170_000)).unwrap();
    let word = dir.path().join("word.txt");
    std::fs::write(&word, "x".repeat(200_000)).unwrap();
    for f in [&line, &word] {
        let out = byline(&["--json", f.to_str().unwrap()]);
        assert!(out.status.success());
    }
}

/// What the fuzz targets check, on every hostile file in every format: inputs the
/// fuzzers found are kept here, and may break an invariant without crashing a mode.
#[test]
fn every_hostile_file_keeps_every_invariant_in_every_format() {
    for file in hostile_files() {
        byline::invariants::check_every_format(&std::fs::read(&file).unwrap());
    }
}
