//! The `?` overlay, generated from the key table that event handling uses.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::theme::Theme;
use super::truncate;
use crate::keymap::{self, BINDINGS};

pub fn render(theme: &Theme, frame: &mut Frame, size: Rect) {
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
        " Mouse: wheel scrolls the pane under it; a click on an outline entry jumps.",
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
    frame.render_widget(Clear, area);
    let block = Block::new()
        .borders(Borders::ALL)
        .title(" Keys ")
        .border_style(theme.border(true));
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
