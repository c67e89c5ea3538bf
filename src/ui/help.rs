//! The `?` overlay, generated from the key table that event handling uses.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::theme::Theme;
use super::truncate;
use crate::keymap::{self, BINDINGS};

/// `scroll`: lines scrolled down (clamped here, so it can never run past the end).
pub fn render(theme: &Theme, frame: &mut Frame, size: Rect, scroll: usize) {
    let key_width = BINDINGS
        .iter()
        .map(|b| keymap::keys_label(b).chars().count())
        .max()
        .unwrap_or(0);
    let mut lines: Vec<Line> = BINDINGS
        .iter()
        .map(|b| {
            Line::from(vec![
                Span::styled(
                    format!(" {:<key_width$}  ", keymap::keys_label(b)),
                    theme.current_section,
                ),
                Span::raw(b.help),
            ])
        })
        .collect();
    lines.push(Line::default());
    lines.push(Line::styled(
        " Mouse: wheel scrolls the pane under it; a click on an outline entry or a leader",
        theme.dim,
    ));
    lines.push(Line::styled(
        " jumps there; click or drag the scrollbar to move through the article.",
        theme.dim,
    ));
    lines.push(Line::styled(" Esc or ? closes this help.", theme.dim));
    let want_w = lines.iter().map(Line::width).max().unwrap_or(0) + 3;
    let width = u16::try_from(want_w).unwrap_or(u16::MAX).min(size.width);
    let height = u16::try_from(lines.len() + 2)
        .unwrap_or(u16::MAX)
        .min(size.height);
    let area = Rect {
        x: size.x + (size.width - width) / 2,
        y: size.y + (size.height - height) / 2,
        width,
        height,
    };
    let inner_width = usize::from(width.saturating_sub(2));
    let lines: Vec<Line> = lines
        .into_iter()
        .map(|l| {
            let text: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
            if crate::source::display_width(&text) <= inner_width {
                l
            } else {
                Line::raw(truncate(&text, inner_width))
            }
        })
        .collect();
    let rows = usize::from(height.saturating_sub(2));
    let hidden = lines.len().saturating_sub(rows);
    let scroll = scroll.min(hidden);
    let title = if hidden > 0 {
        " Keys — j/k, Space/b scroll "
    } else {
        " Keys "
    };
    let mut block = Block::new()
        .borders(Borders::ALL)
        .title(title)
        .border_style(theme.border(true));
    if scroll < hidden {
        block = block.title_bottom(Line::from(" ↓ more ").right_aligned());
    }
    frame.render_widget(Clear, area);
    let shown: Vec<Line> = lines.into_iter().skip(scroll).collect();
    frame.render_widget(Paragraph::new(shown).block(block), area);
}
