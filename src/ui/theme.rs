//! Styles. Every highlight stays distinguishable without colour: quotes are italic,
//! leaders bold and underlined, so `NO_COLOR` terminals and light themes still show them.

use ratatui::style::{Color, Modifier, Style};

use crate::marks::Marks;

pub fn quote() -> Style {
    Style::new().fg(Color::Green).add_modifier(Modifier::ITALIC)
}

pub fn leader() -> Style {
    Style::new()
        .fg(Color::Cyan)
        .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
}

pub fn dateline() -> Style {
    Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD)
}

pub fn title() -> Style {
    Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
}

pub fn heading() -> Style {
    Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD)
}

pub fn pane_border(focused: bool) -> Style {
    if focused {
        Style::new().fg(Color::Yellow)
    } else {
        Style::new().fg(Color::DarkGray)
    }
}

pub fn selected() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

pub fn current_section() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

pub fn dim() -> Style {
    Style::new().fg(Color::DarkGray)
}

pub fn status() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

/// The style for text covered by `marks` (already masked by the toggles).
pub fn for_marks(marks: Marks) -> Style {
    let mut style = Style::new();
    if marks.contains(Marks::DATELINE) {
        style = style.patch(dateline());
    }
    if marks.contains(Marks::QUOTE) {
        style = style.patch(quote());
    }
    if marks.contains(Marks::LEADER) {
        style = style.patch(leader());
    }
    style
}
