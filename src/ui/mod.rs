//! Drawing: `render(&App, &mut Frame)`. Views read the state and never change it.

pub mod areas;
mod body;
pub mod help;
mod outline;
mod picker;
mod status;
pub mod theme;

use ratatui::Frame;
use ratatui::layout::Alignment;
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::App;
use areas::Areas;

pub fn render(app: &App, frame: &mut Frame) {
    let size = frame.area();
    if Areas::too_small(size) {
        // Short enough to fit in very little room; wrapping a one-off message is fine.
        let note = Paragraph::new("Terminal too small — enlarge it, or press q")
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true });
        frame.render_widget(note, size);
        return;
    }
    if app.picker.open {
        picker::render(app, frame, size);
        if app.help {
            help::render(&app.theme, frame, size, app.help_scroll);
        }
        return;
    }
    let areas = &app.areas;
    if let Some(area) = areas.outline {
        outline::render_outline(app, frame, area);
    }
    if let Some(area) = areas.leaders {
        outline::render_leaders(app, frame, area);
    }
    body::render(app, frame);
    status::render(app, frame, areas.status);
    if app.help {
        help::render(&app.theme, frame, size, app.help_scroll);
    }
}

/// Cuts `s` to `width` display columns, ending in `…` when cut.
pub fn truncate(s: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    if crate::source::display_width(s) <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}
