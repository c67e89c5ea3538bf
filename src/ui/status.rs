//! The status bar: title › section on the left; highlight legend, position and a help
//! hint on the right. A one-off message replaces the left side.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::truncate;
use crate::analysis::leaders::Leader;
use crate::app::{App, Focus};
use crate::source::display_width;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let on = |b: bool| if b { "on" } else { "off" };
    let quotes = app.analysis.quotes.len();
    let leaders = app.analysis.leaders.len();
    // Until a big article is indexed, its length (and so the position) is not known.
    let position = if app.indexing.is_some() {
        "indexing…".to_string()
    } else if !app.layout.is_exact() {
        // Just after a resize of a big article: line counts far away are estimates.
        format!("≈{:>2}%", app.percent())
    } else {
        format!("{:>3}%", app.percent())
    };
    let full = format!(
        " “” quotes {quotes} {} · ◆ leaders {leaders} {} · {position} · ? help ",
        on(app.show_quotes),
        on(app.show_leaders),
    );
    let compact = format!(
        " “{quotes}{} ◆{leaders}{} {position} ",
        if app.show_quotes { "" } else { " off" },
        if app.show_leaders { "" } else { " off" },
    );
    let search = &app.search;
    let scanning = app.searching().then(|| {
        let done = search.scanned * 100 / app.article.text.len().max(1);
        format!(" searching… {done}% ·")
    });
    let found = match search.current {
        Some(i) => format!(" {}/{} ·", i + 1, search.matches.len()),
        None if search.is_active() => " 0/0 ·".to_string(),
        None => String::new(),
    };
    let found = scanning.unwrap_or_default() + &found;
    let full = format!("{found}{full}");
    let compact = format!("{found}{compact}");
    let told_in_full = app.message.is_none()
        && !search.editing
        && matches!(app.focus, Focus::Leaders | Focus::Outline);
    // What the left side tells in `room` columns.
    let left = |room: usize| match &app.message {
        _ if search.editing => format!(" /{}▏", search.query),
        Some(m) => format!(" {m}"),
        // A pane cuts long entries short: the one selected is told in full.
        None if app.focus == Focus::Leaders && !app.analysis.leaders.is_empty() => {
            let leaders = &app.analysis.leaders;
            leader_told(&leaders[app.leader_selected.min(leaders.len() - 1)], room)
        }
        None if app.focus == Focus::Outline => {
            let section = app.outline_selected.checked_sub(1);
            let section = section.and_then(|s| app.article.sections.get(s));
            format!(" {}", section.map_or(&app.article.title, |s| &s.title))
        }
        None => {
            let entry = app.current_entry();
            let section = (entry > 0).then(|| app.article.sections[entry - 1].title.as_str());
            match section {
                Some(s) => format!(" {} › {s}", app.article.title),
                None => format!(" {}", app.article.title),
            }
        }
    };
    let width = usize::from(area.width);
    // The right side gives way first on narrow terminals, and to a pane's selected
    // entry, which is told in full.
    let left_needs = match told_in_full {
        true => display_width(&left(usize::MAX)).max(30),
        false => 30,
    };
    let right = if display_width(&full) + left_needs <= width {
        full
    } else {
        compact
    };
    let room = width.saturating_sub(display_width(&right));
    let left = truncate(&left(room), room);
    let pad = room.saturating_sub(display_width(&left));
    let line = Line::from(vec![
        Span::raw(left),
        Span::raw(" ".repeat(pad)),
        Span::raw(right),
    ]);
    frame.render_widget(Paragraph::new(line).style(app.theme.status), area);
}

/// A leader in `room` columns: the name and the count of mentions, and the role
/// between them as far as it fits (cut short first, left out where only a few
/// columns are left).
fn leader_told(leader: &Leader, room: usize) -> String {
    let n = leader.mentions.len();
    let name = format!(" {}", leader.name);
    let count = format!(" · {n} {}", if n == 1 { "mention" } else { "mentions" });
    let role_room = room.saturating_sub(display_width(&name) + display_width(&count) + 3);
    match leader.role.as_deref() {
        Some(role) if role_room >= 4 => format!("{name} · {}{count}", truncate(role, role_room)),
        _ => name + &count,
    }
}
