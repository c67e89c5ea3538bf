//! The `?` overlay, generated from the key table that event handling uses.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::theme::Theme;
use super::truncate;
use crate::keymap::{self, BINDINGS};

/// What the overlay says below the keys.
const NOTES: &[&str] = &[
    "Mouse: wheel scrolls the pane under it; a click on an outline entry or a leader \
     jumps there; click or drag the scrollbar to move through the article.",
    "Esc or ? closes this help.",
];

/// Descriptions narrower than this are not wrapped but cut: the keys leave no room.
const MIN_WRAP_COLUMNS: usize = 16;

/// The overlay's lines and where it goes on a screen of `size`: as wide as the keys'
/// longest line and the screen allow, a description that does not fit going on under
/// itself.
fn layout(theme: &Theme, size: Rect) -> (Vec<Line<'static>>, Rect) {
    let key_width = BINDINGS
        .iter()
        .map(|b| keymap::keys_label(b).chars().count())
        .max()
        .unwrap_or(0);
    // ` key  description`, in a border.
    let prefix = key_width + 3;
    let longest = BINDINGS
        .iter()
        .map(|b| prefix + crate::source::display_width(b.help))
        .max()
        .unwrap_or(0);
    let width = u16::try_from(longest + 3)
        .unwrap_or(u16::MAX)
        .min(size.width);
    let inner_width = usize::from(width.saturating_sub(2));
    let wrap = |text: &str, columns: usize| -> Vec<String> {
        if columns < MIN_WRAP_COLUMNS {
            return vec![truncate(text, columns)];
        }
        textwrap::wrap(text, columns)
            .into_iter()
            .map(|l| l.into_owned())
            .collect()
    };
    let keys_width = prefix.min(inner_width);
    let mut lines: Vec<Line> = Vec::new();
    for b in BINDINGS {
        let keys = format!(" {:<key_width$}  ", keymap::keys_label(b));
        let said = wrap(b.help, inner_width.saturating_sub(keys_width));
        for (i, part) in said.into_iter().enumerate() {
            let lead = match i {
                0 => Span::styled(truncate(&keys, keys_width), theme.current_section),
                _ => Span::raw(" ".repeat(keys_width)),
            };
            lines.push(Line::from(vec![lead, Span::raw(part)]));
        }
    }
    lines.push(Line::default());
    for note in NOTES {
        for part in wrap(note, inner_width.saturating_sub(2)) {
            lines.push(Line::styled(format!(" {part}"), theme.dim));
        }
    }
    let height = u16::try_from(lines.len() + 2)
        .unwrap_or(u16::MAX)
        .min(size.height);
    let area = Rect {
        x: size.x + (size.width - width) / 2,
        y: size.y + (size.height - height) / 2,
        width,
        height,
    };
    (lines, area)
}

/// How many of the overlay's lines a screen of `size` cannot show at once: how far it
/// scrolls.
pub fn hidden_lines(size: Rect) -> usize {
    let (lines, area) = layout(&Theme::plain(), size);
    lines
        .len()
        .saturating_sub(usize::from(area.height.saturating_sub(2)))
}

/// `scroll`: lines scrolled down (clamped here too, so it never runs past the end).
pub fn render(theme: &Theme, frame: &mut Frame, size: Rect, scroll: usize) {
    let (lines, area) = layout(theme, size);
    let height = area.height;
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
