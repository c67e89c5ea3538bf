//! The real binary in a pseudo-terminal: start, outline and body, keys, resize, quit.

mod common;

use common::Pty;

#[test]
fn seed_reader_navigates_resizes_and_quits_cleanly() {
    let mut pty = Pty::spawn(&[], 120, 40);
    pty.wait_for_text("Outline");
    pty.wait_for_text("ANCHORAGE, ALASKA");
    let screen = pty.screen_text();
    assert!(screen.contains("1 Leaders’ Vague Optimism"));
    assert!(screen.contains("3 Fighting Rages On in Ukraine"));

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
