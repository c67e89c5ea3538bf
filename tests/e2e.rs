//! The real binary in a pseudo-terminal: start, outline and body, keys, resize, quit.

mod common;

use common::{Pty, status};

#[test]
fn seed_reader_navigates_resizes_and_quits_cleanly() {
    let mut pty = Pty::spawn(&[], 120, 40);
    pty.wait_for_text("Outline");
    pty.wait_for_text("ANCHORAGE, ALASKA");
    pty.wait_for_text("1 Leaders’ Vague Optimism");
    pty.wait_for_text("3 Fighting Rages On in Ukraine");

    // `]` brings the first heading to the top of the body and marks it current.
    pty.send("]");
    pty.wait_for("the heading at the top", |s| {
        s.contents()
            .lines()
            .next()
            .is_some_and(|l| l.contains("Leaders’ Vague Optimism Contrasts with Ground Realities"))
    });
    assert!(pty.screen_text().contains("▸1 Leaders’"));

    // `G` shows the end.
    pty.send("G");
    pty.wait_for_text("prospects of an immediate ceasefire.");

    // Resize to 60×20 and back: the layout follows.
    pty.resize(60, 20);
    pty.wait_for("a 60-column layout", |s| {
        s.contents().lines().all(|l| l.chars().count() <= 60) && s.contents().contains("Outline")
    });
    pty.resize(120, 40);
    pty.wait_for_text("Fighting Rages On in Ukraine");

    // Help overlay, closed by Esc.
    pty.send("?");
    pty.wait_for_text("toggle leader highlights");
    pty.send("\x1b");
    pty.wait_for("help to close", |s| {
        !s.contents().contains("toggle leader highlights")
    });

    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
    pty.assert_restored();
}

#[test]
fn an_article_full_of_escapes_cannot_drive_the_terminal() {
    let mut pty = Pty::spawn(&["tests/hostile/escapes.txt"], 100, 30);
    pty.wait_for_text("Escapes Everywhere");
    pty.wait_for_text("This line sets the title and writes the clipboard today.");
    pty.send("G");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
    let raw = pty.raw();
    let text = String::from_utf8_lossy(&raw);
    for forbidden in [
        "\x1b]0;",
        "\x1b]52;",
        "\x1b]8;",
        "\x1bP",
        "\x1b_",
        "\u{9b}",
        "PWNED-TITLE\x07",
    ] {
        assert!(!text.contains(forbidden), "emitted {forbidden:?}");
    }
    assert!(!raw.contains(&0x07), "a bell reached the terminal");
    pty.assert_restored();
}

#[test]
fn sigterm_sighup_and_sigint_restore_the_terminal() {
    for (signal, number) in [("TERM", 15), ("HUP", 1), ("INT", 2)] {
        let mut pty = Pty::spawn(&[], 80, 24);
        pty.wait_for_text("Outline");
        pty.wait_for("the alternate screen", |s| s.alternate_screen());
        pty.signal(signal);
        assert_eq!(pty.wait_exit(), 128 + number, "SIG{signal}");
        pty.assert_restored();
    }
}

#[test]
fn ctrl_z_gives_the_terminal_back_and_the_reader_comes_back_whole() {
    let mut pty = Pty::spawn(&["--no-state"], 80, 24);
    pty.wait_for_text("Outline");
    pty.wait_for("the alternate screen", |s| s.alternate_screen());
    let before = pty.raw().len();
    pty.send("\x1a");
    // The shell's screen back, the cursor shown: what the terminal gets before the stop.
    let left = |raw: &[u8]| {
        let after = &raw[before.min(raw.len())..];
        after.windows(8).any(|w| w == b"\x1b[?1049l") && after.windows(6).any(|w| w == b"\x1b[?25h")
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while !left(&pty.raw()) {
        assert!(
            std::time::Instant::now() < deadline,
            "the terminal was not given back"
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    // `fg` (a process with no job control around it is not stopped, and goes on).
    pty.signal("CONT");
    pty.wait_for("the reader repainted", |s| {
        s.alternate_screen() && s.contents().contains("Outline") && s.contents().contains("? help")
    });
    pty.send("]");
    pty.wait_for("a key after the return", |s| {
        s.contents().contains("Leaders’ Vague Optimism Contrasts")
            && status(s).contains("› Leaders’")
    });
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
    pty.assert_restored();
}

#[test]
fn an_article_piped_on_stdin_is_read_and_keys_come_from_the_terminal() {
    let mut pty = Pty::spawn_shell(
        "cat tests/fixtures/text/05-numbered-headings.txt | exec \"$BYLINE\"",
        100,
        30,
    );
    pty.wait_for_text("A Survey of Community Gardens");
    pty.send("]");
    pty.wait_for("the first heading at the top", |s| {
        s.contents()
            .lines()
            .next()
            .is_some_and(|l| l.contains("1. Background"))
    });
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
    pty.assert_restored();
}

#[test]
fn a_manual_page_piped_in_as_man_pipes_it_to_its_pager() {
    // What `man` hands `MANPAGER`: bold and underline by overstriking with backspaces.
    let mut pty = Pty::spawn_shell(
        "cat tests/fixtures/text/19-manual-page.txt | exec \"$BYLINE\"",
        100,
        30,
    );
    pty.wait_for_text("harbourctl - announce boats");
    pty.send("4");
    pty.wait_for("the options at the top", |s| {
        s.contents()
            .lines()
            .next()
            .is_some_and(|l| l.contains("OPTIONS"))
    });
    // Shown as the terminal would have shown them: in bold and in italics, with no
    // backspace to be seen.
    let style_of = |s: &vt100::Screen, word: &str| {
        let contents = s.contents();
        let (row, line) = contents
            .lines()
            .enumerate()
            .find(|(_, l)| l.contains(word))?;
        let col = line[..line.find(word)?].chars().count();
        let cell = s.cell(row as u16, col as u16)?;
        Some((cell.bold(), cell.italic()))
    };
    pty.wait_for("the tag in bold, its argument in italics", |s| {
        style_of(s, "--berth=").is_some_and(|(bold, _)| bold)
            && style_of(s, "port, not").is_some_and(|(_, italic)| italic)
            && !s.contents().contains('\u{2408}')
    });
    // Its description right under it, set in, as `man` shows it.
    pty.wait_for("the description under its tag", |s| {
        let contents = s.contents();
        let lines: Vec<&str> = contents.lines().collect();
        lines.windows(2).any(|pair| {
            let tag = pair[0].find("--berth=name");
            let description = pair[1].find("Ask for the berth");
            tag.zip(description).is_some_and(|(t, d)| d == t + 4)
        })
    });
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
    pty.assert_restored();
}

#[test]
fn tiny_terminals_and_a_resize_storm() {
    let mut pty = Pty::spawn(&[], 1, 1);
    pty.send("jG]");
    for (w, h) in [
        (2, 2),
        (19, 3),
        (20, 4),
        (400, 200),
        (5, 60),
        (60, 20),
        (3, 1),
        (120, 40),
    ] {
        pty.resize(w, h);
    }
    pty.wait_for("the full layout again", |s| {
        s.contents().contains("Outline") && s.contents().contains("? help")
    });
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
    pty.assert_restored();
}

#[test]
fn search_in_a_real_terminal() {
    let mut pty = Pty::spawn(&[], 120, 40);
    pty.wait_for_text("Outline");
    pty.send("/progress");
    pty.wait_for_text("1/3");
    pty.send("\r");
    pty.send("n");
    pty.wait_for_text("2/3");
    pty.send("n");
    pty.wait_for_text("3/3");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
}

#[test]
fn the_picker_in_a_real_terminal() {
    let articles = std::fs::read_dir("tests/fixtures/text")
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "txt")
        })
        .count();
    let all = format!("Library — {articles} of {articles}");
    let mut pty = Pty::spawn(&["tests/fixtures/text"], 110, 30);
    pty.wait_for_text(&format!("{all} articles"));
    pty.send("/gardens");
    pty.wait_for("the best match first", |s| {
        s.contents()
            .lines()
            .nth(2)
            .is_some_and(|l| l.contains("A Survey of Community Gardens"))
    });
    pty.send("\r\r");
    pty.wait_for_text("2.1 Limitations");
    pty.send("o");
    pty.wait_for_text("Library —");
    pty.send("\x1b");
    pty.wait_for_text(&all);
    pty.send("\x1b");
    pty.wait_for_text("Outline");
    pty.send("}");
    pty.wait_for_text(&format!("article 6/{articles}: No headings"));
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
    pty.assert_restored();
}

#[test]
fn a_feed_opens_as_a_library_of_its_items_and_a_table_as_a_grid() {
    let mut pty = Pty::spawn(&["tests/fixtures/formats/harbour.rss"], 110, 30);
    pty.wait_for_text("Ferry fares to rise & winter sailings cut");
    pty.wait_for_text("By Ana Ruiz · Tue, 25 Nov 2026");
    pty.wait_for_text("Link: https://gazette.example/ferry-fares");
    // The next article is the feed's next item.
    pty.send("}");
    pty.wait_for_text("Council meets on flood defences");
    pty.wait_for_text("article 2/2");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
    pty.assert_restored();

    let mut pty = Pty::spawn(&["tests/fixtures/formats/guide.md"], 110, 40);
    pty.wait_for_text("│ Island pass (Hyslop's scheme) │ £14.00 │ free  │");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);

    // Narrower than the grid: its rows are cut, marked, and scrolled sideways by `→`.
    let mut pty = Pty::spawn(&["tests/fixtures/formats/guide.md"], 60, 40);
    pty.wait_for_text("│ Island pass (Hyslop's scheme) │ £14.›");
    pty.send("\x1b[C");
    pty.wait_for_text("£14.00 │ free  │");
    pty.wait_for_text("‹");
    pty.send("\x1b[D");
    pty.wait_for_text("│ Island pass (Hyslop's scheme) │ £14.›");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
}

#[test]
fn an_unreadable_article_is_a_clear_error_before_the_terminal_is_touched() {
    let mut pty = Pty::spawn(&["/no/such/article.txt"], 100, 20);
    assert_eq!(pty.wait_exit(), 1);
    pty.wait_for_text("byline: reading /no/such/article.txt");
    let raw = String::from_utf8_lossy(&pty.raw()).into_owned();
    assert!(
        !raw.contains("\u{1b}[?1049h"),
        "the alternate screen was entered"
    );
}

#[test]
fn the_scrollbar_is_clicked_and_dragged_with_the_mouse() {
    let (_dir, mut pty) = Pty::spawn_synthetic(50_000, 4, 100, 30);
    pty.wait_for_text("Outline");
    let at = |percent: &'static str| move |s: &vt100::Screen| status(s).contains(percent);
    // SGR mouse reports, 1-based: the scrollbar is the last column, rows 1 to 29.
    pty.send("\u{1b}[<0;100;15M");
    pty.wait_for("half way down after a click mid-bar", |s| {
        let status = status(s);
        ["47%", "48%", "49%", "50%", "51%", "52%", "53%"]
            .iter()
            .any(|p| status.contains(p))
    });
    pty.send("\u{1b}[<32;100;29M");
    pty.wait_for("the end after dragging to the bottom", at("100%"));
    // Let go; a click at the top goes back to the start.
    pty.send("\u{1b}[<0;100;29m\u{1b}[<0;100;1M");
    pty.wait_for("the start after a click at the top", at("  0%"));
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
    pty.assert_restored();
}

#[test]
fn a_big_article_opens_at_once_and_a_resize_keeps_the_section_at_the_top() {
    let (_dir, mut pty) = Pty::spawn_synthetic(1_500_000, 3, 120, 40);
    pty.wait_for_text("Outline");
    // Indexed in the background: the status bar then shows the position.
    pty.wait_for("indexing to finish", |s| {
        let status = status(s);
        status.contains('%') && !status.contains("indexing")
    });
    pty.send("5");
    let heading = |s: &vt100::Screen| {
        let top = s.contents().lines().next().unwrap_or_default().to_string();
        top.rsplit('┐')
            .next()
            .unwrap_or_default()
            .trim()
            .to_string()
    };
    pty.wait_for("section 5 at the top", |s| s.contents().contains("▸5"));
    let title = pty.with_screen(heading);
    assert!(!title.is_empty());
    let start: String = title.chars().take(12).collect();
    pty.resize(90, 30);
    pty.wait_for("the same section at the top, counted exactly", |s| {
        let status = status(s);
        heading(s).starts_with(&start) && status.contains('%') && !status.contains('≈')
    });
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
    pty.assert_restored();
}

#[test]
fn chinese_and_japanese_are_listed_counted_and_wrapped_as_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Over the 4 KB the list reads of a file for its title, so the list guesses its
    // words from them; the cut falls inside a character.
    let paragraph = "東京で首脳会談が開かれた。".repeat(20);
    let japanese = format!("東京の首脳会談{}", format!("\n\n{paragraph}").repeat(25));
    std::fs::write(dir.path().join("ja.txt"), japanese).expect("write");
    let chinese = "北京峰会\n\n我们使用 Rust 编写了一个终端阅读器，它可以显示文章的大纲和正文。\n";
    std::fs::write(dir.path().join("zh.txt"), chinese).expect("write");
    let mut pty = Pty::spawn(
        &["--no-state", dir.path().to_str().expect("utf-8 path")],
        100,
        20,
    );
    pty.wait_for("both titles, counted by character", |s| {
        let text = s.contents();
        let line = |title: &str| {
            text.lines()
                .find(|l| l.contains(title))
                .unwrap_or_default()
                .to_string()
        };
        // 28 words: 27 characters and `Rust`; about 6000 (the 4 KB head has one word
        // to 3.3 bytes, the file 19.6 KB).
        line("東京の首脳会談").contains("≈ 59") && line("北京峰会").contains("28 words")
    });
    // Narrow enough that the paragraph takes two lines: `Rust` does not stand alone
    // on the first, the Chinese after it fills the line.
    pty.resize(60, 20);
    // Keys right after the resize: the reader keeps both (see `terminal::Input`).
    pty.send("/北京\r\r");
    pty.wait_for("the line after `Rust` filled", |s| {
        s.contents()
            .lines()
            .any(|l| l.contains("我们使用 Rust 编写"))
    });
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
    pty.assert_restored();
}
