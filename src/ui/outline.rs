//! The left column: the outline (title, then numbered sections with scroll-spy and
//! highlight counts) and the leaders pane.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::truncate;
use crate::app::{App, Focus, list_offset};

/// Draws a bordered pane, its border lit when focused; returns the room inside.
fn pane(app: &App, frame: &mut Frame, area: Rect, title: &str, focused: bool) -> Rect {
    let block = Block::new()
        .borders(Borders::ALL)
        .title(title)
        .border_style(app.theme.border(focused));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

pub fn render_outline(app: &App, frame: &mut Frame, area: Rect) {
    let focused = app.focus == Focus::Outline;
    let inner = pane(app, frame, area, " Outline ", focused);
    let width = usize::from(inner.width);
    let current = app.current_entry();
    let len = app.outline_len();
    let offset = list_offset(area, app.outline_selected, len);
    // Indent relative to the shallowest heading: `##`-only articles start flush.
    let top_level = app.article.top_level();
    let lines: Vec<Line> = (offset..len)
        .take(usize::from(inner.height))
        .map(|entry| {
            let (label, indent) = if entry == 0 {
                (app.article.title.clone(), 0)
            } else {
                let s = &app.article.sections[entry - 1];
                (
                    format!("{} {}", entry, s.title),
                    usize::from(s.level.saturating_sub(top_level)),
                )
            };
            let (quotes, leaders) = app.counts[entry];
            let mut counts = String::new();
            if let Some(&found) = app.search.per_entry.get(entry).filter(|&&n| n > 0) {
                counts.push_str(&format!(" ⌕{found}"));
            }
            if quotes > 0 {
                counts.push_str(&format!(" “{quotes}"));
            }
            if leaders > 0 {
                counts.push_str(&format!(" ◆{leaders}"));
            }
            // Counts give way to the title on narrow panes.
            if width < 24 {
                counts.clear();
            }
            let marker = if entry == current { "▸" } else { " " };
            let room = width.saturating_sub(1 + indent + crate::source::display_width(&counts));
            let mut style = if entry == current {
                app.theme.outline.patch(app.theme.current_section)
            } else {
                app.theme.outline
            };
            if entry == 0 {
                style = style.patch(app.theme.title);
            }
            if focused && entry == app.outline_selected {
                style = style.patch(app.theme.selected);
            }
            let name = truncate(&label, room);
            let pad = room.saturating_sub(crate::source::display_width(&name));
            Line::from(vec![
                Span::raw(format!("{marker}{}", " ".repeat(indent))),
                Span::styled(name, style),
                Span::raw(" ".repeat(pad)),
                Span::styled(counts, app.theme.dim),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

pub fn render_leaders(app: &App, frame: &mut Frame, area: Rect) {
    let focused = app.focus == Focus::Leaders;
    let inner = pane(app, frame, area, " Leaders ", focused);
    let width = usize::from(inner.width);
    let leaders = &app.analysis.leaders;
    let offset = list_offset(area, app.leader_selected, leaders.len());
    let lines: Vec<Line> = leaders
        .iter()
        .enumerate()
        .skip(offset)
        .take(usize::from(inner.height))
        .map(|(i, l)| {
            let count = format!(" {}", l.mentions.len());
            let role = l
                .role
                .as_deref()
                .map(|r| format!(" · {r}"))
                .unwrap_or_default();
            let room = width.saturating_sub(1 + count.len());
            let label = truncate(&format!("{}{role}", l.name), room);
            let pad = room.saturating_sub(crate::source::display_width(&label));
            let mut style = if app.show_leaders {
                app.theme.leader
            } else {
                Style::new()
            };
            if i == app.leader_selected && focused {
                style = style.patch(app.theme.selected);
            }
            Line::from(vec![
                Span::raw(" "),
                Span::styled(label, style),
                Span::raw(" ".repeat(pad)),
                Span::styled(count, app.theme.dim),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
