//! App::update driven by Actions, with no terminal; and whole screens drawn into a
//! TestBackend at two sizes.

use byline::analysis;
use byline::app::{Action, App, Focus};
use byline::article;
use byline::layout;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;

const SEED: &[u8] = include_bytes!("../seeds/anchorage-summit.txt");

fn app_for(bytes: &[u8], w: u16, h: u16) -> App {
    let a = article::parse(bytes, "seed:anchorage-summit.txt");
    let an = analysis::analyse(&a, &[]);
    App::new(a, an, Rect::new(0, 0, w, h))
}

/// The block of the body's top line.
fn top_block(app: &App) -> usize {
    app.layout
        .line(&app.article, app.top)
        .expect("top line")
        .block
}

fn screen(app: &App) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(app.size.width, app.size.height)).unwrap();
    terminal.draw(|f| byline::ui::render(app, f)).unwrap();
    terminal.backend().buffer().clone()
}

fn row(buf: &Buffer, y: u16) -> String {
    (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect()
}

fn text(buf: &Buffer) -> String {
    (0..buf.area.height)
        .map(|y| row(buf, y))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A long article with many sections, of our own making.
fn long_article() -> Vec<u8> {
    let mut s = String::from("The Long Report\n\n");
    for i in 1..=12 {
        s.push_str(&format!("Part Number {i}\n\n"));
        for _ in 0..6 {
            s.push_str("A paragraph of reasonable length that says very little but fills the lines nicely. ");
            s.push_str("It goes on for a while so that it wraps across several visual lines.\n\n");
        }
    }
    s.into_bytes()
}

#[test]
fn next_section_brings_the_heading_to_the_top_and_marks_it_current() {
    let mut app = app_for(SEED, 120, 40);
    assert_eq!(app.current_entry(), 0);
    app.update(Action::NextSection);
    let line = app.layout.line(&app.article, app.top).expect("top line");
    assert_eq!(line.block, app.article.sections[0].block);
    assert_eq!(app.current_entry(), 1);
    app.update(Action::NextSection);
    assert_eq!(app.current_entry(), 2);
    app.update(Action::PrevSection);
    assert_eq!(app.current_entry(), 1);
    app.update(Action::PrevSection);
    assert_eq!(app.top, 0);
}

#[test]
fn numbers_jump_to_sections_and_bad_numbers_say_so() {
    let mut app = app_for(&long_article(), 100, 30);
    app.update(Action::JumpSection(7));
    assert_eq!(top_block(&app), app.article.sections[6].block);
    app.update(Action::JumpSection(13));
    assert!(app.message.as_deref().is_some_and(|m| m.contains("13")));
    assert_eq!(app.current_entry(), 7);
}

#[test]
fn scrolling_is_clamped_and_pages_move_by_a_screen() {
    let mut app = app_for(&long_article(), 100, 30);
    app.update(Action::Up);
    assert_eq!(app.top, 0);
    app.update(Action::PageDown);
    let page = app.top;
    assert!(page >= app.height() - 1 && page > 0);
    app.update(Action::HalfUp);
    assert_eq!(app.top, page - app.height() / 2);
    app.update(Action::Bottom);
    assert_eq!(app.top + app.height(), app.layout.len());
    assert_eq!(app.percent(), 100);
    for _ in 0..1000 {
        app.update(Action::Down);
    }
    assert!(app.top <= app.max_top());
    app.update(Action::Top);
    assert_eq!((app.top, app.percent()), (0, 0));
}

#[test]
fn toggles_change_styles_only_never_the_position() {
    let mut app = app_for(SEED, 120, 40);
    app.update(Action::NextSection);
    let (top, lines) = (app.top, app.layout.len());
    app.update(Action::ToggleQuotes);
    assert!(!app.show_quotes && app.show_leaders);
    app.update(Action::ToggleAll);
    assert!(!app.show_quotes && !app.show_leaders);
    app.update(Action::ToggleAll);
    assert!(app.show_quotes && app.show_leaders);
    app.update(Action::ToggleLeaders);
    assert!(!app.show_leaders);
    assert_eq!((app.top, app.layout.len()), (top, lines));
}

#[test]
fn a_resize_keeps_the_reader_on_the_same_sentence() {
    let mut app = app_for(&long_article(), 120, 40);
    app.update(Action::JumpSection(5));
    for _ in 0..7 {
        app.update(Action::Down);
    }
    let anchor = app.anchor();
    let byte = app.article.blocks[anchor.block].range.start + anchor.offset;
    for (w, h) in [(60, 20), (200, 60), (1, 1), (37, 9), (120, 40)] {
        app.update(Action::Resize(w, h));
        let line = app.layout.line(&app.article, app.top).expect("top line");
        if w >= 20 && h >= 4 {
            assert!(
                line.range.start <= byte && byte <= line.range.end,
                "{w}x{h}"
            );
        }
    }
    assert_eq!(app.anchor(), anchor);
}

#[test]
fn a_resize_of_a_big_article_wraps_around_the_reader_now_and_the_rest_in_the_background() {
    let text = byline::synth::article(3_000_000, 4, false);
    let a = article::parse(text.as_bytes(), "big.txt");
    let mut app = App::new(a, analysis::Analysis::default(), Rect::new(0, 0, 120, 40));
    let middle = app.article.sections.len() / 2;
    app.update(Action::JumpSection(middle));
    for _ in 0..7 {
        app.update(Action::Down);
    }
    let anchor = app.anchor();
    let byte_of = |app: &App| {
        let a = app.anchor();
        app.article.blocks[a.block].range.start + a.offset
    };
    let byte = byte_of(&app);
    app.update(Action::Resize(70, 30));
    assert!(
        !app.layout.is_exact() && app.busy(),
        "the rest is counted later"
    );
    assert!(
        row(&screen(&app), 29).contains('≈'),
        "the position is shown as an estimate"
    );
    let line = app.layout.line(&app.article, app.top).expect("top line");
    assert!(line.range.start <= byte && byte <= line.range.end);
    // Paging on from there reads on, a screen at a time, with nothing skipped.
    let mut last = byte;
    for _ in 0..5 {
        let shown = app
            .layout
            .lines(&app.article, app.top..app.top + app.height());
        app.update(Action::PageDown);
        let now = byte_of(&app);
        assert!(now > last && now <= shown.last().expect("a screen").range.end);
        last = now;
    }
    let before = app.anchor();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while app.busy() {
        assert!(std::time::Instant::now() < deadline, "never counted");
        std::thread::sleep(std::time::Duration::from_millis(10));
        app.poll_background();
    }
    assert!(app.layout.is_exact());
    assert!(!row(&screen(&app), 29).contains('≈'));
    let exact = byline::layout::Layout::new(&app.article, app.layout.width);
    assert_eq!(app.layout.len(), exact.len());
    assert_eq!(app.anchor(), before, "the swap does not move the reader");
    assert_eq!(
        app.top,
        exact.line_of(before, &app.article).min(app.max_top())
    );
    assert_ne!(anchor, before);
}

#[test]
fn outline_focus_selects_and_enter_jumps() {
    let mut app = app_for(&long_article(), 120, 40);
    app.update(Action::FocusNext);
    assert_eq!(app.focus, Focus::Outline);
    app.update(Action::Down);
    app.update(Action::Down);
    app.update(Action::Down);
    assert_eq!(app.top, 0, "selecting does not scroll");
    app.update(Action::Activate);
    assert_eq!(top_block(&app), app.article.sections[2].block);
    app.update(Action::Escape);
    assert_eq!(app.focus, Focus::Body);
}

#[test]
fn a_focused_pane_tells_its_selected_entry_in_full_in_the_status_bar() {
    let text = "Heads Meet\n\nBlackRock Chairman and CEO Larry Fink met President Tom Hart.\n\n\
                A Section Title Too Long For The Pane\n\n\
                Fink spoke.\n";
    let mut app = app_for(text.as_bytes(), 70, 16);
    let status = |app: &App| row(&screen(app), app.size.height - 1);
    assert!(status(&app).starts_with(" Heads Meet "), "{}", status(&app));
    app.update(Action::FocusNext);
    app.update(Action::Down);
    let outline = status(&app);
    assert!(
        outline.starts_with(" A Section Title Too Long For The Pane "),
        "{outline}"
    );
    // Which the pane cuts short.
    let pane = screen(&app);
    assert!((0..4).any(|y| row(&pane, y).contains("1 A Section Title…")));
    app.update(Action::FocusNext);
    assert_eq!(app.focus, Focus::Leaders);
    let leaders = status(&app);
    assert!(
        leaders.starts_with(" Larry Fink · Chairman and CEO of BlackRock · 2 mentions "),
        "{leaders}"
    );
    app.update(Action::Down);
    let leaders = status(&app);
    assert!(
        leaders.starts_with(" Tom Hart · President · 1 mention "),
        "{leaders}"
    );
    // Back in the body, the reading position.
    app.update(Action::Escape);
    assert!(status(&app).starts_with(" Heads Meet "), "{}", status(&app));
    // A long role is told whole: the legend gives way to it, and only to it.
    let text = "Cabinet\n\nHealth and Human Services Secretary Ana Lowe spoke.\n";
    let mut app = app_for(text.as_bytes(), 100, 16);
    assert!(status(&app).ends_with(" ? help "), "{}", status(&app));
    app.update(Action::FocusNext);
    app.update(Action::FocusNext);
    let leaders = status(&app);
    assert!(
        leaders.starts_with(" Ana Lowe · Health and Human Services Secretary · 1 mention "),
        "{leaders}"
    );
    // Where even the compact legend leaves too little, the role is cut, not the name or
    // the count.
    app.update(Action::Resize(50, 16));
    let leaders = status(&app);
    assert!(
        leaders.starts_with(" Ana Lowe · Health and Hu… · 1 mention "),
        "{leaders}"
    );
    app.update(Action::Resize(34, 16));
    let leaders = status(&app);
    assert!(leaders.starts_with(" Ana Lowe · 1 mention "), "{leaders}");
}

#[test]
fn a_wide_terminal_widens_the_side_panes_to_tell_roles_whole() {
    let text = "Cabinet\n\nHealth and Human Services Secretary Ana Lowe met Mayor Tom Hart.\n";
    let mut app = app_for(text.as_bytes(), 200, 30);
    let leaders_rows = |app: &App| {
        let shown = screen(app);
        let pane = app.areas.leaders.expect("a leaders pane");
        (pane.y..pane.bottom())
            .map(|y| row(&shown, y))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let rows = leaders_rows(&app);
    assert!(
        rows.contains("│ Ana Lowe · Health and Human Services Secretary 1│"),
        "{rows}"
    );
    assert!(rows.contains("│ Tom Hart · Mayor "), "{rows}");
    // No wider than the longest entry needs.
    assert_eq!(app.areas.leaders.map(|p| p.width), Some(51));
    // Narrower, the pane takes only what the text's measure leaves, and cuts the role:
    // leaders never re-wrap the text.
    app.update(Action::Resize(110, 30));
    let rows = leaders_rows(&app);
    assert!(rows.contains("│ Ana Lowe · Healt… 1│"), "{rows}");
    assert_eq!(app.areas.leaders.map(|p| p.width), Some(110 - 84 - 4));
    assert_eq!(app.areas.text.width, 84);
}

#[test]
fn leaders_pane_steps_through_mentions_with_wraparound() {
    let mut app = app_for(SEED, 120, 40);
    app.update(Action::FocusNext);
    app.update(Action::FocusNext);
    assert_eq!(app.focus, Focus::Leaders);
    app.update(Action::Down); // Vladimir Putin, 5 mentions
    let mut seen = Vec::new();
    for _ in 0..6 {
        app.update(Action::Activate);
        seen.push(app.mention_cursor.unwrap().1);
    }
    assert_eq!(seen, [0, 1, 2, 3, 4, 0]);
    app.update(Action::PrevMention);
    assert_eq!(app.mention_cursor, Some((1, 4)));
    // The mention is on screen.
    let m = app.analysis.leaders[1].mentions[4].start;
    let line = app.layout.line_of_byte(&app.article, m);
    assert!(line >= app.top && line < app.top + app.height());
}

#[test]
fn help_opens_closes_and_swallows_other_keys() {
    let mut app = app_for(SEED, 120, 40);
    app.update(Action::Help);
    app.update(Action::PageDown);
    assert_eq!(app.top, 0);
    app.update(Action::Escape);
    assert!(!app.help);
    app.update(Action::Help);
    app.update(Action::Quit);
    assert!(app.quit);
}

#[test]
fn the_help_wraps_on_a_narrow_screen_and_scrolls_to_its_end() {
    let mut app = app_for(SEED, 50, 16);
    app.update(Action::Help);
    // Each screen's rows inside the border, read as one run of words.
    let words = |app: &App| {
        let buf = screen(app);
        let rows: Vec<String> = (1..buf.area.height - 1)
            .map(|y| {
                row(&buf, y)
                    .trim_matches(|c: char| c == '│' || c == ' ')
                    .to_string()
            })
            .collect();
        rows.join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut seen = Vec::new();
    for _ in 0..60 {
        seen.push(words(&app));
        app.update(Action::Down);
    }
    for binding in byline::keymap::BINDINGS {
        assert!(
            seen.iter().any(|s| s.contains(binding.help)),
            "{} is not shown whole",
            binding.help
        );
    }
    app.update(Action::Bottom);
    let end = text(&screen(&app));
    assert!(
        end.contains("closes this help") && !end.contains("more"),
        "{end}"
    );
    app.update(Action::Up);
    assert!(
        text(&screen(&app)).contains("more"),
        "one line up from the end"
    );
}

#[test]
fn mouse_click_on_an_outline_entry_jumps_there() {
    let mut app = app_for(&long_article(), 120, 40);
    let outline = app.areas.outline.unwrap();
    // Row 1 inside the border is entry 0 (the title); row 4 is section 3.
    app.update(Action::Click {
        x: outline.x + 2,
        y: outline.y + 4,
    });
    assert_eq!(top_block(&app), app.article.sections[2].block);
    let body = app.areas.body;
    let top = app.top;
    app.update(Action::Wheel {
        x: body.x + 5,
        y: body.y + 5,
        down: true,
    });
    assert_eq!(app.top, top + 3);
}

#[test]
fn the_scrollbar_is_clicked_and_dragged_along() {
    let mut app = app_for(&long_article(), 120, 40);
    let bar = app.areas.scrollbar;
    let max = app.max_top();
    assert!(max > 0 && bar.height > 2);
    let at = |y: u16| Action::Click { x: bar.x, y };
    app.update(at(bar.bottom() - 1));
    assert_eq!(app.top, max, "its last row: the end");
    app.update(at(bar.y));
    assert_eq!(app.top, 0, "its first row: the start");
    // Held, it is dragged; let go, a drag moves nothing.
    let middle = bar.y + bar.height / 2;
    app.update(Action::Drag {
        x: bar.x + 3,
        y: middle,
    });
    let halfway = app.top;
    assert!(
        halfway.abs_diff(max / 2) <= max / usize::from(bar.height),
        "{halfway} of {max}"
    );
    app.update(Action::Release);
    app.update(Action::Drag {
        x: bar.x,
        y: bar.bottom() - 1,
    });
    assert_eq!(app.top, halfway);
    // A click in the text holds nothing.
    app.update(Action::Click {
        x: app.areas.text.x + 2,
        y: middle,
    });
    app.update(Action::Drag { x: bar.x, y: bar.y });
    assert_eq!(app.top, halfway);
}

#[test]
fn empty_article_and_tiny_terminals_never_panic() {
    for bytes in [&b""[..], b"\n\n\n", b"x", SEED] {
        let mut app = app_for(bytes, 1, 1);
        for action in [
            Action::Down,
            Action::PageDown,
            Action::Bottom,
            Action::NextSection,
            Action::PrevSection,
            Action::JumpSection(1),
            Action::NextMention,
            Action::FocusNext,
            Action::Activate,
            Action::Resize(0, 0),
            Action::Resize(3, 2),
            Action::Resize(20, 4),
            Action::Resize(400, 200),
        ] {
            app.update(action);
            screen(&app);
        }
    }
}

#[test]
fn screen_at_120x40_shows_outline_body_leaders_and_status() {
    let mut app = app_for(SEED, 120, 40);
    let buf = screen(&app);
    let all = text(&buf);
    assert!(row(&buf, 0).contains("Outline"));
    assert!(all.contains("1 Leaders’ Vague Optimism"));
    assert!(all.contains("3 Fighting Rages On in Ukraine"));
    assert!(all.contains("Donald Trump · President"));
    assert!(row(&buf, 0).contains("ANCHORAGE, ALASKA – A highly anticipated summit"));
    assert!(row(&buf, 39).contains("Anchorage summit"));
    assert!(row(&buf, 39).contains("? help"));

    // Styles: the dateline is bold, a leader bold+underlined, a quote italic.
    let find = |needle: &str| -> (u16, u16) {
        for y in 0..buf.area.height {
            let r = row(&buf, y);
            if let Some(i) = r.find(needle) {
                return (r[..i].chars().count() as u16, y);
            }
        }
        panic!("{needle} not on screen");
    };
    let (x, y) = find("Vladimir Putin,");
    assert!(
        buf[(x, y)]
            .modifier
            .contains(Modifier::BOLD | Modifier::UNDERLINED)
    );
    let (x, y) = find("“great progress,”");
    assert!(buf[(x + 2, y)].modifier.contains(Modifier::ITALIC));
    let (x, y) = find("characterized");
    assert!(!buf[(x, y)].modifier.contains(Modifier::ITALIC));

    // Toggling leaders off removes the style but not the text.
    app.update(Action::ToggleLeaders);
    let buf = screen(&app);
    let (x, y) = find("Vladimir Putin,");
    assert!(!buf[(x, y)].modifier.contains(Modifier::UNDERLINED));
    assert!(row(&buf, 39).contains("leaders 3 off"));
}

#[test]
fn a_copied_pages_lines_are_dimmed_and_a_speakers_label_bold() {
    let text = "Debate Night\n\nMODERATOR: Good evening to all.\n\nShare\n\nThe debate began.\n";
    let mut app = app_for(text.as_bytes(), 100, 20);
    app.theme = byline::ui::theme::Theme::dark();
    let buf = screen(&app);
    let at = |needle: &str| {
        (0..buf.area.height)
            .find_map(|y| {
                let r = row(&buf, y);
                r.find(needle).map(|i| (r[..i].chars().count() as u16, y))
            })
            .unwrap_or_else(|| panic!("{needle} not on screen"))
    };
    let (x, y) = at("Share");
    assert_eq!(buf[(x, y)].fg, app.theme.dim.fg.unwrap());
    let (x, y) = at("The debate");
    assert_ne!(buf[(x, y)].fg, app.theme.dim.fg.unwrap());
    let (x, y) = at("MODERATOR:");
    assert!(buf[(x, y)].modifier.contains(Modifier::BOLD));
    assert!(
        !buf[(x + 11, y)].modifier.contains(Modifier::BOLD),
        "the label only"
    );
}

#[test]
fn a_table_shows_as_a_grid_its_leaders_highlighted_and_is_cut_to_fit_when_narrow() {
    let md = "# Results\n\nThe count ended.\n\n| Party | Leader | Seats |\n|---|---|---|\n\
              | Labour | Keir Starmer | 411 |\n| Reform UK | Nigel Farage | 5 |\n";
    let a = article::parse(md.as_bytes(), "results.md");
    let an = analysis::analyse(&a, &[]);
    let app = App::new(a, an, Rect::new(0, 0, 100, 20));
    let buf = screen(&app);
    let all = text(&buf);
    assert!(
        all.contains("│ Party     │ Leader       │ Seats │"),
        "{all}"
    );
    assert!(
        all.contains("│ Reform UK │ Nigel Farage │     5 │"),
        "{all}"
    );
    let (x, y) = (0..20)
        .find_map(|y| {
            let r = row(&buf, y);
            r.find("Keir Starmer")
                .map(|i| (r[..i].chars().count() as u16, y))
        })
        .expect("Keir Starmer on screen");
    assert!(buf[(x, y)].modifier.contains(Modifier::UNDERLINED));
    // The rules recede; the cells do not.
    let dim = app.theme.dim.fg;
    assert!(dim.is_some());
    assert_eq!(buf[(x - 2, y)].symbol(), "│");
    assert_eq!(buf[(x - 2, y)].style().fg, dim);
    assert_ne!(buf[(x + 1, y)].style().fg, dim);
    // The head is bold, the body is not.
    let head_y = (0..20)
        .find(|&y| row(&buf, y).contains("│ Party"))
        .expect("the head on screen");
    assert!(buf[(x, head_y)].modifier.contains(Modifier::BOLD));
    assert!(!buf[(x, y + 1)].modifier.contains(Modifier::BOLD));

    // Narrower than a row: each row goes on on the next line, nothing lost.
    let a = article::parse(md.as_bytes(), "results.md");
    let an = analysis::analyse(&a, &[]);
    let narrow = App::new(a, an, Rect::new(0, 0, 40, 20));
    let all = text(&screen(&narrow));
    assert!(all.contains("│ Labour    │ Keir S"), "{all}");
    assert!(all.contains("tarmer │   411 │"), "{all}");
}

#[test]
fn screen_at_60x20_and_help_overlay() {
    let mut app = app_for(SEED, 60, 20);
    let buf = screen(&app);
    for y in 0..20 {
        assert!(byline::source::display_width(&row(&buf, y)) <= 60);
    }
    assert!(text(&buf).contains("Outline"));
    app.update(Action::Help);
    let all = text(&screen(&app));
    assert!(all.contains("Keys"));
    assert!(all.contains("next section"));
    let small = app_for(SEED, 10, 3);
    assert!(text(&screen(&small)).contains("small"));
}

fn type_search(app: &mut App, query: &str) {
    app.update(Action::SearchStart);
    for c in query.chars() {
        app.update(Action::SearchInput(c));
    }
}

#[test]
fn search_finds_walks_and_wraps() {
    let mut app = app_for(SEED, 120, 40);
    type_search(&mut app, "progress");
    assert_eq!((app.search.current, app.search.matches.len()), (Some(0), 3));
    app.update(Action::SearchConfirm);
    assert!(!app.search.editing);
    app.update(Action::NextMatch);
    app.update(Action::NextMatch);
    assert_eq!(app.search.current, Some(2));
    app.update(Action::NextMatch);
    assert_eq!(app.search.current, Some(0));
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("wrapped"))
    );
    app.update(Action::PrevMatch);
    assert_eq!(app.search.current, Some(2));
    let buf = screen(&app);
    assert!(row(&buf, 39).contains("3/3"));
    // Escape clears the search; highlights of quotes and leaders are untouched.
    app.update(Action::Escape);
    assert!(!app.search.is_active() && app.show_quotes);
}

#[test]
fn search_is_incremental_and_escape_returns_to_the_start() {
    let mut app = app_for(&long_article(), 100, 30);
    app.update(Action::JumpSection(3));
    let top = app.top;
    type_search(&mut app, "Part Number 1");
    // The first match at or after the reading position: "Part Number 10".
    let m = &app.search.matches[app.search.current.unwrap()];
    assert_eq!(&app.article.text[m.clone()], "Part Number 1");
    assert!(app.layout.line_of_byte(&app.article, m.start) >= top);
    app.update(Action::SearchInput('1'));
    assert_eq!(app.search.matches.len(), 1);
    app.update(Action::SearchBackspace);
    app.update(Action::SearchBackspace);
    assert!(app.search.matches.len() > 1);
    app.update(Action::Escape);
    assert_eq!(app.top, top);
    assert!(!app.search.is_active());
}

#[test]
fn search_with_no_match_and_n_without_a_search_say_so() {
    let mut app = app_for(SEED, 120, 40);
    app.update(Action::NextMatch);
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("press /"))
    );
    type_search(&mut app, "zebra");
    app.update(Action::SearchConfirm);
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("no match"))
    );
    assert_eq!(app.top, 0);
}

fn library_app() -> App {
    use byline::library::{Entry, Origin, scan};
    let text = |name: &str| {
        std::fs::read(format!(
            "{}/tests/fixtures/text/{name}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap()
    };
    let entries = vec![
        Entry { source: "news/ferry.txt".into(), origin: Origin::Bytes(text("01-blank-line-paragraphs.txt")) },
        Entry { source: "news/gardens.txt".into(), origin: Origin::Bytes(text("05-numbered-headings.txt")) },
        Entry { source: "news/pair.json".into(), origin: Origin::Bytes(br#"[{"title": "First of Two", "body": "One."}, {"title": "Second of Two", "body": "Two."}]"#.to_vec()) },
        Entry { source: "news/broken.json".into(), origin: Origin::Bytes(b"{\"title\": 5}".to_vec()) },
    ];
    App::with_library(
        scan(entries, None),
        byline::app::Loader::default(),
        Rect::new(0, 0, 100, 30),
    )
}

#[test]
fn the_picker_filters_opens_and_goes_back() {
    let mut app = library_app();
    assert!(app.picker.open && app.current.is_none());
    let all = text(&screen(&app));
    assert!(
        all.contains("Harbour Town Votes on New Ferry Schedule")
            && all.contains("A Survey of Community Gardens")
    );
    // The folder they share is said once, above them.
    assert!(all.contains("Library — 5 of 5 articles in news/"), "{all}");
    assert!(all.contains("  gardens.txt · ") && !all.contains("news/gardens"));
    app.update(Action::SearchStart);
    for c in "gardns".chars() {
        app.update(Action::SearchInput(c));
    }
    assert_eq!(app.picker.visible.len(), 1);
    app.update(Action::SearchConfirm);
    app.update(Action::Activate);
    assert!(!app.picker.open);
    assert_eq!(app.article.title, "A Survey of Community Gardens");
    app.update(Action::OpenPicker);
    assert!(app.picker.open);
    app.update(Action::Escape); // clears the filter
    app.update(Action::Escape); // back to the reader
    assert!(!app.picker.open);
    assert_eq!(app.article.title, "A Survey of Community Gardens");
}

#[test]
fn the_pickers_titles_end_in_one_column_and_details_at_the_edge() {
    let mut app = library_app();
    app.update(Action::Resize(70, 12));
    let buf = screen(&app);
    let rows: Vec<Vec<char>> = (2..7).map(|y| row(&buf, y).chars().collect()).collect();
    let shown = || {
        rows.iter()
            .map(|r| r.iter().collect::<String>())
            .collect::<Vec<_>>()
    };
    // Where each row's details begin: past the last run of spaces.
    let details_at = |r: &[char]| {
        (2..r.len())
            .rev()
            .find(|&x| r[x - 1] == ' ' && r[x - 2] == ' ')
    };
    let widest = rows.iter().filter_map(|r| details_at(r)).min();
    // A long title is cut where the widest details begin, whatever its own details.
    let ferry = rows
        .iter()
        .find(|r| r.iter().collect::<String>().contains("ferry.txt"));
    let cut = ferry.and_then(|r| r.iter().position(|&c| c == '…'));
    assert_eq!(cut.map(|x| x + 3), widest, "{:#?}", shown());
    // Every row's details end at the right edge.
    assert!(
        rows.iter().all(|r| r.last() != Some(&' ')),
        "{:#?}",
        shown()
    );
}

#[test]
fn the_pickers_selection_is_a_bar_across_its_row() {
    let mut app = library_app();
    app.update(Action::Down);
    let buf = screen(&app);
    let reversed = |y: u16| -> Vec<bool> {
        (1..100)
            .map(|x| buf[(x, y)].modifier.contains(Modifier::REVERSED))
            .collect()
    };
    // The second row is selected: from its title to its details at the edge.
    assert!(row(&buf, 3).contains("gardens.txt"), "{}", text(&buf));
    assert!(reversed(3).iter().all(|&r| r));
    assert!(reversed(2).iter().all(|&r| !r));
}

#[test]
fn next_article_steps_and_json_arrays_expand() {
    let mut app = library_app();
    app.update(Action::Activate);
    assert_eq!(
        app.article.title,
        "Harbour Town Votes on New Ferry Schedule"
    );
    app.update(Action::NextArticle);
    app.update(Action::NextArticle);
    assert_eq!(app.article.title, "First of Two");
    assert_eq!(app.library.len(), 5, "the array is two items");
    app.update(Action::NextArticle);
    assert_eq!(app.article.title, "Second of Two");
    app.update(Action::PrevArticle);
    assert_eq!(app.article.title, "First of Two");
}

#[test]
fn a_broken_article_shows_its_error_and_the_rest_still_open() {
    let mut app = library_app();
    app.update(Action::Bottom);
    app.update(Action::Activate);
    assert!(app.picker.open);
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("broken.json") && m.contains("line 1"))
    );
    assert!(text(&screen(&app)).contains("⚠"));
    app.update(Action::Top);
    app.update(Action::Activate);
    assert!(!app.picker.open);
}

#[test]
fn a_big_article_opens_progressively_and_keeps_the_reader_in_place() {
    use byline::library::{Entry, Origin, scan};
    let text = byline::synth::article(400_000, 5, false);
    let entries = vec![Entry {
        source: "big.txt".into(),
        origin: Origin::Bytes(text.clone().into_bytes()),
    }];
    let loader = byline::app::Loader {
        progressive_bytes: 50_000,
        ..Default::default()
    };
    let mut app = App::with_library(scan(entries, None), loader, Rect::new(0, 0, 120, 40));
    assert!(app.indexing.is_some(), "opened from its first part");
    assert!(row(&screen(&app), 39).contains("indexing…"));
    // The first paint shows the text; its highlights come right after.
    assert!(app.due() && app.analysis.quotes.is_empty());
    app.poll_background();
    assert!(!app.due() && !app.analysis.quotes.is_empty());
    let partial_sections = app.article.sections.len();
    app.update(Action::JumpSection(3));
    let anchor = app.anchor();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while app.indexing.is_some() {
        app.poll_background();
        assert!(
            std::time::Instant::now() < deadline,
            "indexing never finished"
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(app.indexing.is_none());
    let eager = byline::article::parse(text.as_bytes(), "big.txt");
    assert_eq!(app.article.sections, eager.sections);
    assert!(app.article.sections.len() > partial_sections);
    assert_eq!(
        app.anchor(),
        anchor,
        "the reader stays on the same sentence"
    );
    assert_eq!(app.current_entry(), 3);
}

#[test]
fn a_search_in_a_huge_article_runs_in_slices_and_finds_everything() {
    let text = byline::synth::article(9_000_000, 3, false);
    let a = article::parse(text.as_bytes(), "huge.txt");
    // Highlights play no part here; skipping them keeps the test quick.
    let mut app = App::new(
        a,
        byline::analysis::Analysis::default(),
        Rect::new(0, 0, 120, 40),
    );
    type_search(&mut app, "Macron");
    assert!(app.searching(), "one slice, then the keyboard again");
    assert!(row(&screen(&app), 39).contains("searching…"));
    let mut steps = 0;
    while app.searching() {
        app.search_step();
        steps += 1;
    }
    assert!(steps >= 2);
    let expected = byline::search::Query::new("Macron")
        .unwrap()
        .find_all(&app.article.text);
    assert_eq!(app.search.matches, expected);
    assert_eq!(app.search.current, Some(0));
}

#[test]
fn a_search_kept_before_a_huge_article_is_scanned_says_no_match_only_at_the_end() {
    let text = byline::synth::article(9_000_000, 3, false) + "\n\nThe last word: zanzibar.\n";
    let a = article::parse(text.as_bytes(), "huge.txt");
    let mut app = App::new(
        a,
        byline::analysis::Analysis::default(),
        Rect::new(0, 0, 120, 40),
    );
    let no_match = |app: &App| {
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("no match"))
    };
    for (query, found) in [("zanzibar", true), ("zebra", false)] {
        type_search(&mut app, query);
        app.update(Action::SearchConfirm);
        assert!(app.searching() && !no_match(&app), "{query}: not yet");
        while app.searching() {
            app.search_step();
        }
        assert_eq!(no_match(&app), !found, "{query}");
        assert_eq!(app.search.current.is_some(), found, "{query}");
        app.update(Action::Escape);
        app.message = None;
    }
}

/// Searches `app` for `query`, goes to the top and returns the scrollbar's rows that
/// show a match tick.
fn search_ticks(app: &mut App, query: &str) -> Vec<u16> {
    type_search(app, query);
    app.update(Action::SearchConfirm);
    app.update(Action::Top);
    let buf = screen(app);
    let bar = app.areas.scrollbar;
    (bar.y..bar.bottom())
        .filter(|&y| buf[(bar.x, y)].symbol() == "◆")
        .collect()
}

#[test]
fn search_matches_are_ticked_on_the_scrollbar() {
    let mut app = app_for(&long_article(), 100, 30);
    let ticks = search_ticks(&mut app, "Part Number 12");
    let bar = app.areas.scrollbar;
    // One match, in the last section: one tick, near the bottom of the bar.
    assert_eq!(ticks.len(), 1, "{ticks:?}");
    assert!(ticks[0] > bar.y + bar.height * 3 / 4);
}

#[test]
fn ticks_are_placed_in_long_paragraphs_too() {
    // Two paragraphs of hundreds of lines each; the one match ends the second.
    let long = "Words that run on and on in a very long paragraph. ".repeat(1500);
    let text = format!("Title\n\n{long}\n\n{long}Zanzibar.\n");
    let mut app = app_for(text.as_bytes(), 100, 30);
    let ticks = search_ticks(&mut app, "Zanzibar");
    assert_eq!(ticks, [app.areas.scrollbar.bottom() - 1]);
}

#[test]
fn markdown_inline_styles_are_drawn() {
    let md = b"# Styles\n\nSome *soft words* and **loud words** here, ~~gone words~~ too.\n";
    let a = article::parse(md, "s.md");
    let an = analysis::analyse(&a, &[]);
    let app = App::new(a, an, Rect::new(0, 0, 100, 20));
    let buf = screen(&app);
    let (mut soft, mut loud, mut gone) = (None, None, None);
    for y in 0..20 {
        let r = row(&buf, y);
        if let Some(i) = r.find("gone words") {
            gone = Some((r[..i].chars().count() as u16, y));
        }
        if let Some(i) = r.find("soft words") {
            soft = Some((r[..i].chars().count() as u16, y));
        }
        if let Some(i) = r.find("loud words") {
            loud = Some((r[..i].chars().count() as u16, y));
        }
    }
    let (soft, loud) = (soft.expect("soft on screen"), loud.expect("loud on screen"));
    assert!(buf[soft].modifier.contains(Modifier::ITALIC));
    assert!(buf[loud].modifier.contains(Modifier::BOLD));
    let gone = gone.expect("struck words on screen");
    assert!(buf[gone].modifier.contains(Modifier::CROSSED_OUT));
    assert!(
        !buf[(soft.0 - 2, soft.1)]
            .modifier
            .contains(Modifier::ITALIC)
    );
}

#[test]
fn a_quote_within_a_quote_is_drawn_with_a_bar_for_each_and_a_list_within_its_bars() {
    let md = b"# Letters\n\n> outer words\n>\n> > inner words\n>\n> - first item\n>   - nested \
               item\n>\n>     ```\n>     code words\n>     ```\n>\n> | cell words |\n> |---|\n\n\
               1. A step\n\n   > step quote\n\nAfter words.\n";
    let a = article::parse(md, "q.md");
    let an = analysis::analyse(&a, &[]);
    let app = App::new(a, an, Rect::new(0, 0, 100, 20));
    let buf = screen(&app);
    let rows: Vec<Vec<char>> = (0..20).map(|y| row(&buf, y).chars().collect()).collect();
    let find = |words: &str| {
        let words: Vec<char> = words.chars().collect();
        rows.iter()
            .find_map(|r| {
                let x = r.windows(words.len()).position(|w| w == words)?;
                Some((r, x))
            })
            .expect("on screen")
    };
    // The body's text starts where a paragraph's does; a quote's bars stand before it.
    let (_, body) = find("After words");
    let before = |words: &str| {
        let (r, x) = find(words);
        r[body..x].iter().collect::<String>()
    };
    assert_eq!(before("outer words"), "│ ");
    assert_eq!(before("inner words"), "│ │ ");
    assert_eq!(before("first item"), "│ • ");
    assert_eq!(before("nested item"), "│   • ");
    // Code in the nested item sits under its text, a step in; a table in the quote
    // behind the bar.
    assert_eq!(before("code words"), "│       ");
    assert_eq!(before("cell words"), "│ │ ");
    // A quote within an item: its bar under the item's text.
    assert_eq!(before("step quote"), "   │ ");
}

#[test]
fn the_help_overlay_scrolls_when_the_terminal_is_short() {
    let mut app = app_for(SEED, 80, 24);
    app.update(Action::Help);
    let first = text(&screen(&app));
    assert!(first.contains("↓ more") && !first.contains("quit"));
    app.update(Action::Bottom);
    let last = text(&screen(&app));
    assert!(last.contains("quit") && !last.contains("↓ more"));
    // Every binding of the key table is reachable in the overlay.
    app.update(Action::Top);
    let mut seen = String::new();
    for _ in 0..40 {
        seen.push_str(&text(&screen(&app)));
        app.update(Action::Down);
    }
    for b in byline::keymap::BINDINGS {
        assert!(
            seen.contains(
                b.help
                    .split(';')
                    .next()
                    .unwrap()
                    .split('(')
                    .next()
                    .unwrap()
                    .trim()
            ),
            "{}",
            b.help
        );
    }
}

#[test]
fn the_library_shows_how_far_each_article_was_read() {
    use byline::library::{Entry, Origin, scan};
    let dir = tempfile::tempdir().expect("temp dir");
    let entries = || {
        let long = String::from_utf8(long_article()).unwrap();
        vec![
            Entry {
                source: "a/long.txt".into(),
                origin: Origin::Bytes(long.into_bytes()),
            },
            Entry {
                source: "a/short.txt".into(),
                origin: Origin::Bytes(b"Short\n\nOne line.\n".to_vec()),
            },
            Entry {
                source: "a/unread.txt".into(),
                origin: Origin::Bytes(b"Unread\n\nNot opened.\n".to_vec()),
            },
        ]
    };
    let loader = || byline::app::Loader {
        store: Some(byline::state::Store::at(dir.path().join("positions.json"))),
        ..Default::default()
    };
    let mut app = App::with_library(scan(entries(), None), loader(), Rect::new(0, 0, 120, 30));
    app.update(Action::Activate);
    app.update(Action::PageDown);
    app.update(Action::PageDown);
    let percent = app.percent();
    assert!((1..100).contains(&percent), "{percent}");
    app.update(Action::OpenPicker);
    let listed = text(&screen(&app));
    assert!(
        listed.contains(&format!("· {percent}% read · ")),
        "{listed}"
    );
    // Another article read whole (it fits on the screen); the third never opened.
    app.update(Action::Down);
    app.update(Action::Activate);
    app.update(Action::Quit);
    app.remember();
    // Remembered for the next time.
    let app = App::with_library(scan(entries(), None), loader(), Rect::new(0, 0, 120, 30));
    let listed = text(&screen(&app));
    let line = |name: &str| {
        listed
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_default()
            .to_string()
    };
    assert!(
        line("long.txt").contains(&format!("long.txt · {percent}% read · ")),
        "{percent} {listed}"
    );
    assert!(
        line("short.txt").contains("short.txt · read · "),
        "{listed}"
    );
    assert!(
        line("unread.txt").contains("unread.txt · 2 words"),
        "{listed}"
    );
    // The picker starts on the article read last.
    assert!(
        line("short.txt").starts_with(" Short") && app.picker.selected == 1,
        "{listed}"
    );
}

#[test]
fn a_remembered_position_in_a_big_article_waits_for_indexing() {
    use byline::library::{Entry, Origin, scan};
    let dir = tempfile::tempdir().expect("temp dir");
    let store = byline::state::Store::at(dir.path().join("positions.json"));
    let text = byline::synth::article(400_000, 11, false);
    let eager = article::parse(text.as_bytes(), "big.txt");
    // Remember a place deep in the article, by the whole article's numbering.
    let deep = byline::layout::Anchor {
        block: eager.blocks.len() / 2,
        offset: 0,
    };
    store
        .save(byline::state::Entry {
            hash: byline::state::hash(&eager.text),
            source: "big.txt".into(),
            anchor: deep,
            quotes: true,
            leaders: false,
            seen: 0,
            progress: None,
        })
        .unwrap();
    let entries = vec![Entry {
        source: "big.txt".into(),
        origin: Origin::Bytes(text.into_bytes()),
    }];
    let loader = byline::app::Loader {
        progressive_bytes: 50_000,
        store: Some(store),
        ..Default::default()
    };
    let mut app = App::with_library(scan(entries, None), loader, Rect::new(0, 0, 120, 40));
    assert_eq!(app.top, 0, "not restored against the partial article");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while app.indexing.is_some() {
        app.poll_background();
        assert!(std::time::Instant::now() < deadline);
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert_eq!(app.anchor(), deep);
    assert!(!app.show_leaders);
}

/// A story with a table and a command wider than a narrow body, then prose enough to
/// page past them.
fn wide_rows_article() -> App {
    let mut md = String::from(
        "# Harbour dues\n\nMayor Ilse Brandt said the rise was \"modest\".\n\n\
         | Berth | Old due | New due | Change | Notes |\n|---|---|---|---|---|\n\
         | North quay | 12.00 | 14.50 | +21% | Deep water, used by the ferry in summer |\n\
         | South pontoon | 8.00 | 9.00 | +12% | Shallow: the rowing club's dinghies |\n\n\
         ```\ncurl -s https://example.org/dues.json | jq '.berths[] | select(.name == \"North quay\") | .dues'\n```\n\n",
    );
    for i in 0..30 {
        md.push_str(&format!(
            "Paragraph {i} of prose that wraps as prose does.\n\n"
        ));
    }
    let a = article::parse(md.as_bytes(), "dues.md");
    let an = analysis::analyse(&a, &[]);
    App::new(a, an, Rect::new(0, 0, 70, 20))
}

/// The screen's rows that hold `needle`.
fn rows_with(buf: &Buffer, needle: &str) -> Vec<String> {
    (0..buf.area.height)
        .map(|y| row(buf, y))
        .filter(|r| r.contains(needle))
        .collect()
}

#[test]
fn rows_wider_than_the_body_scroll_sideways_and_prose_stays() {
    let mut app = wide_rows_article();
    let screen0 = screen(&app);
    let north = rows_with(&screen0, "North quay");
    assert_eq!(north.len(), 1, "a row is one line, not wrapped");
    assert!(
        north[0].contains('›') && !north[0].contains('‹'),
        "{north:?}"
    );
    assert!(!text(&screen0).contains("summer"));
    let prose = rows_with(&screen0, "Mayor Ilse Brandt");
    // Right: the rows move, marked cut on the left; the prose does not move.
    app.update(Action::ScrollRight);
    assert!(app.scroll_x > 0);
    let right = screen(&app);
    assert_eq!(rows_with(&right, "Mayor Ilse Brandt"), prose);
    // The table's head, its rule, two rows, and the command.
    assert_eq!(rows_with(&right, "‹").len(), 5, "{}", text(&right));
    // As far as the widest row goes, and no further: its end shows.
    for _ in 0..10 {
        app.update(Action::ScrollRight);
    }
    let end = screen(&app);
    assert!(text(&end).contains(".dues'"), "{}", text(&end));
    let limit = app.scroll_x;
    app.update(Action::ScrollRight);
    assert_eq!(app.scroll_x, limit);
    // Wider, the rows have less to hide: no further than their ends.
    app.update(Action::Resize(80, 20));
    assert!(app.scroll_x < limit && app.scroll_x > 0);
    assert!(text(&screen(&app)).contains(".dues'"));
    app.update(Action::Resize(70, 20));
    for _ in 0..10 {
        app.update(Action::ScrollRight);
    }
    app.update(Action::WheelSideways { right: false });
    assert_eq!(app.scroll_x, limit - 4);
    for _ in 0..10 {
        app.update(Action::ScrollLeft);
    }
    assert_eq!(app.scroll_x, 0);
    app.update(Action::WheelSideways { right: true });
    assert_eq!(app.scroll_x, 4);
    app.update(Action::WheelSideways { right: false });
    assert_eq!(text(&screen(&app)), text(&screen0));
    // Scrolled sideways, then down past every wide row: nothing to scroll, so nothing is.
    app.update(Action::ScrollRight);
    assert!(app.scroll_x > 0);
    app.update(Action::PageDown);
    assert_eq!(app.scroll_x, 0);
}

#[test]
fn wide_rows_take_the_room_beside_the_measure_and_prose_keeps_it() {
    let mut app = wide_rows_article();
    app.update(Action::Resize(200, 20));
    assert!(app.areas.rows.width > app.areas.text.width);
    assert_eq!(app.layout.width, usize::from(app.areas.text.width));
    let shown = screen(&app);
    let north = rows_with(&shown, "North quay");
    assert!(
        north[0].contains("Deep water, used by the ferry in summer │"),
        "{north:?}"
    );
    let command = rows_with(&shown, "curl -s");
    assert!(command[0].contains(".dues'") && !command[0].contains('›'));
    // Nothing hidden, nothing to scroll.
    app.update(Action::ScrollRight);
    assert_eq!(app.scroll_x, 0);
}

#[test]
fn a_table_wider_than_its_room_takes_the_room_left_of_the_text() {
    let mut app = wide_rows_article();
    let line_of = |app: &App, needle: &str| {
        let lines = app.layout.lines(&app.article, 0..app.layout.len());
        let found = lines
            .into_iter()
            .find(|l| app.article.text[l.range.clone()].contains(needle));
        found.expect(needle)
    };
    let north = line_of(&app, "North quay");
    let table = layout::row_columns(&app.article.text, north.range.clone(), usize::MAX);
    let code_indent = line_of(&app, "curl -s").indent;
    // The column where `needle` starts on the screen.
    let column = |buf: &Buffer, needle: &str| -> u16 {
        let line = rows_with(buf, needle).remove(0);
        let before = line[..line.find(needle).expect(needle)].chars().count();
        u16::try_from(before).unwrap()
    };
    let (mut whole_outdented, mut cut_outdented) = (0, 0);
    for width in 90..=220 {
        app.update(Action::Resize(width, 20));
        let (rows, spare) = (app.areas.rows, app.areas.spare_left());
        let outdent = table
            .saturating_sub(usize::from(rows.width))
            .min(usize::from(spare));
        let outdent = u16::try_from(outdent).unwrap();
        let shown = screen(&app);
        // Every row of the table as far out as the first; code and prose where the
        // text is.
        for needle in ["│ Berth", "├─", "│ North quay", "│ South pontoon"] {
            assert_eq!(
                column(&shown, needle),
                rows.x - outdent,
                "{needle} at {width}"
            );
        }
        assert_eq!(
            column(&shown, "curl -s"),
            rows.x + code_indent,
            "at {width}"
        );
        assert_eq!(column(&shown, "Mayor Ilse"), app.areas.text.x, "at {width}");
        let whole = rows_with(&shown, "North quay")[0].contains("summer │");
        assert_eq!(
            whole,
            usize::from(rows.width + outdent) >= table,
            "at {width}"
        );
        // Cut rows are marked at the body's right margin.
        for needle in ["North quay", "curl -s"] {
            let line = rows_with(&shown, needle).remove(0);
            if line.contains('›') {
                let last = line.chars().nth(usize::from(rows.right() - 1));
                assert_eq!(last, Some('›'), "{needle} at {width}");
            }
        }
        assert_eq!(whole, !rows_with(&shown, "North quay")[0].contains('›'));
        whole_outdented += usize::from(outdent > 0 && whole);
        cut_outdented += usize::from(outdent > 0 && !whole);
    }
    assert!(whole_outdented > 0 && cut_outdented > 0);
    // A table in a quote stays behind its bar, however wide.
    let md = "# Dues\n\n> | Berth | Old due | New due | Notes |\n> |---|---|---|---|\n\
              > | North quay | 12.00 | 14.50 | Deep water, used by the ferry in summer and \
              by the tall ships in the autumn |\n";
    let a = article::parse(md.as_bytes(), "q.md");
    let an = analysis::analyse(&a, &[]);
    let quoted = App::new(a, an, Rect::new(0, 0, 130, 20));
    let north = line_of(&quoted, "North quay");
    let wide = layout::row_columns(&quoted.article.text, north.range.clone(), usize::MAX);
    let rows = quoted.areas.rows;
    assert!(wide > usize::from(rows.width) && quoted.areas.spare_left() > 0);
    assert_eq!(
        column(&screen(&quoted), "│ North quay"),
        rows.x + north.indent
    );
}

#[test]
fn a_match_out_of_sight_in_a_row_is_scrolled_to() {
    let mut app = wide_rows_article();
    app.update(Action::SearchStart);
    for c in "dues'".chars() {
        app.update(Action::SearchInput(c));
    }
    app.update(Action::SearchConfirm);
    let far = app.scroll_x;
    assert!(far > 0);
    let shown = text(&screen(&app));
    assert!(shown.contains(".dues'"), "{shown}");
    // A match in prose moves no row sideways.
    app.update(Action::SearchStart);
    for c in "Brandt".chars() {
        app.update(Action::SearchInput(c));
    }
    app.update(Action::SearchConfirm);
    assert_eq!(app.search.matches.len(), 1);
    assert_eq!(app.scroll_x, far);
    // Esc goes back where the search started, sideways too.
    app.update(Action::SearchStart);
    for c in "curl".chars() {
        app.update(Action::SearchInput(c));
    }
    assert_eq!(app.scroll_x, 0);
    app.update(Action::Escape);
    assert_eq!(app.scroll_x, far);
    // Back to a match at the start of a row: scrolled back.
    app.update(Action::SearchStart);
    for c in "curl".chars() {
        app.update(Action::SearchInput(c));
    }
    app.update(Action::SearchConfirm);
    assert_eq!(app.scroll_x, 0);
}

#[test]
fn code_rows_keep_their_spaces_style_and_wide_characters_when_scrolled() {
    let cjk = "漢字".repeat(40);
    let md = format!("# Code\n\n```\nlet  x  =  \"│\";\n{cjk}\n```\n\nAfter.\n");
    let a = article::parse(md.as_bytes(), "code.md");
    let mut app = App::new(a, analysis::Analysis::default(), Rect::new(0, 0, 60, 12));
    let shown = screen(&app);
    let spaced = rows_with(&shown, "let  x  =  \"│\";");
    assert_eq!(spaced.len(), 1, "{}", text(&shown));
    // Drawn in code's colour, its bar too (a table's bars recede; code's are code).
    let y = (0..shown.area.height)
        .find(|&y| row(&shown, y).contains("let  x"))
        .unwrap();
    let x = (0..shown.area.width)
        .find(|&x| shown[(x, y)].symbol() == "│" && x > app.areas.text.x)
        .unwrap();
    assert_eq!(shown[(x, y)].fg, app.theme.code.fg.unwrap());
    assert_eq!(shown[(x - 3, y)].fg, app.theme.code.fg.unwrap());
    // Scrolled so that the left edge cuts a wide character: the next one stays in its
    // columns, after the mark. In an odd room the row's last character ends under the
    // right mark, and goes whole.
    for width in [60, 61] {
        app.update(Action::Resize(width, 12));
        let text_x = app.areas.rows.x;
        let line = app
            .layout
            .lines(&app.article, 0..app.layout.len())
            .into_iter()
            .find(|l| app.article.text[l.range.clone()].starts_with('漢'))
            .unwrap();
        let first = text_x + line.indent;
        let last = app.areas.rows.right() - 1;
        app.scroll_x = 3;
        let cut = screen(&app);
        let y = (0..cut.area.height)
            .find(|&y| row(&cut, y).contains('‹') && row(&cut, y).contains('字'))
            .unwrap();
        assert_eq!(cut[(first, y)].symbol(), "‹");
        assert_eq!(cut[(first + 1, y)].symbol(), "漢");
        assert_eq!(cut[(last, y)].symbol(), "›");
        if (last - first + 1) % 2 == 1 {
            assert_eq!(cut[(last - 1, y)].symbol(), " ", "{}", row(&cut, y));
        }
    }
}

#[test]
fn t_hides_and_shows_the_side_panes_and_the_body_takes_the_width() {
    let mut app = app_for(SEED, 120, 40);
    let text_width = app.areas.text.width;
    app.update(Action::FocusNext);
    assert_eq!(app.focus, Focus::Outline);
    app.update(Action::ToggleSidePanes);
    assert!(app.areas.outline.is_none() && app.areas.leaders.is_none());
    assert_eq!(app.focus, Focus::Body, "no pane left to be in");
    assert_eq!(app.areas.body.width, 120);
    assert!(app.areas.text.width > text_width);
    let shown = text(&screen(&app));
    assert!(
        !shown.contains("┌ Outline") && !shown.contains("┌ Leaders"),
        "{shown}"
    );
    app.update(Action::ToggleSidePanes);
    assert!(app.areas.outline.is_some() && app.areas.leaders.is_some());
    assert_eq!(app.areas.text.width, text_width);
    // Too narrow for them anyway: said so.
    let mut narrow = app_for(SEED, 40, 20);
    narrow.update(Action::ToggleSidePanes);
    narrow.update(Action::ToggleSidePanes);
    assert!(
        narrow
            .message
            .as_deref()
            .is_some_and(|m| m.contains("too narrow"))
    );
}

#[test]
fn the_config_shapes_the_panes() {
    let mut app = app_for(SEED, 120, 40);
    let hidden = byline::config::Config {
        side_panes: false,
        ..Default::default()
    };
    app.configure(&hidden, true);
    assert!(app.areas.outline.is_none() && app.areas.leaders.is_none());
    let narrow_outline = byline::config::Config {
        leaders_pane: false,
        outline_width: 24,
        ..Default::default()
    };
    app.configure(&narrow_outline, true);
    assert_eq!(app.areas.outline.map(|r| r.width), Some(24));
    assert!(app.areas.leaders.is_none());
}

/// Any action of the reader's, with its arguments anywhere in their range.
fn any_action() -> impl proptest::strategy::Strategy<Value = Action> {
    use proptest::prelude::*;
    let plain = [
        Action::Escape,
        Action::Down,
        Action::Up,
        Action::PageDown,
        Action::PageUp,
        Action::HalfDown,
        Action::HalfUp,
        Action::Top,
        Action::Bottom,
        Action::NextSection,
        Action::PrevSection,
        Action::FocusNext,
        Action::FocusPrev,
        Action::Activate,
        Action::ToggleQuotes,
        Action::ToggleLeaders,
        Action::ToggleAll,
        Action::ToggleLeadersPane,
        Action::ToggleSidePanes,
        Action::NextMention,
        Action::PrevMention,
        Action::ToggleMouse,
        Action::Help,
        Action::SearchStart,
        Action::SearchBackspace,
        Action::SearchConfirm,
        Action::NextMatch,
        Action::PrevMatch,
        Action::ScrollLeft,
        Action::ScrollRight,
        Action::OpenPicker,
        Action::NextArticle,
        Action::PrevArticle,
        Action::Release,
    ];
    prop_oneof![
        4 => proptest::sample::select(plain.to_vec()),
        1 => (0usize..12).prop_map(Action::JumpSection),
        1 => proptest::sample::select(vec!['a', 'e', 'q', 'u', ' ', '.', 'd', 'Ü', '漢'])
            .prop_map(Action::SearchInput),
        1 => (0u16..220, 0u16..70).prop_map(|(w, h)| Action::Resize(w, h)),
        1 => (0u16..220, 0u16..70, any::<bool>()).prop_map(|(x, y, down)| Action::Wheel { x, y, down }),
        1 => any::<bool>().prop_map(|right| Action::WheelSideways { right }),
        1 => (0u16..220, 0u16..70).prop_map(|(x, y)| Action::Click { x, y }),
        1 => (0u16..220, 0u16..70).prop_map(|(x, y)| Action::Drag { x, y }),
    ]
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// Whatever the reader does, at whatever size, in one article or a library of
    /// them (the picker, a feed's items, a file that fails), nothing panics, the top
    /// line stays within the article, and every screen can be drawn.
    #[test]
    fn any_actions_at_any_size_keep_the_reader_whole(
        actions in proptest::collection::vec(any_action(), 1..40),
        library in proptest::bool::ANY,
    ) {
        let mut app = if library { library_app() } else { wide_rows_article() };
        for action in actions {
            app.update(action);
            proptest::prop_assert!(app.top <= app.max_top(), "{} > {}", app.top, app.max_top());
            // Rows are scrolled sideways no further than the widest on screen reaches.
            let room = |l: &byline::layout::Line| {
                usize::from(app.areas.rows.width).saturating_sub(usize::from(l.indent)).max(1)
            };
            let reach = (app.layout.lines(&app.article, app.top..app.top + app.height()).iter())
                .filter(|l| byline::layout::is_row(&app.article, l))
                .map(|l| {
                    let columns = byline::layout::row_columns(&app.article.text, l.range.clone(), usize::MAX);
                    columns.saturating_sub(room(l))
                })
                .max()
                .unwrap_or(0);
            proptest::prop_assert!(app.scroll_x <= reach, "{} > {}", app.scroll_x, reach);
            if app.quit {
                break;
            }
            screen(&app);
        }
    }
}
