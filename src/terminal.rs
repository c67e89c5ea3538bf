//! The one place that sets the terminal up and gives it back: raw mode, alternate
//! screen, mouse capture. Restored on quit, on error and on panic (ratatui's hook).

use std::io::stdout;

use anyhow::{Context, Result};
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::layout::Rect;

use crate::analysis::Analysis;
use crate::app::App;
use crate::article::Article;
use crate::{keymap, ui};

/// Runs the reader until the user quits; the terminal is restored whatever happens.
pub fn run(article: Article, analysis: Analysis) -> Result<()> {
    let mut terminal = ratatui::try_init().context("setting up the terminal")?;
    let result = (|| {
        let size = terminal.size().context("reading the terminal size")?;
        let mut app = App::new(article, analysis, Rect::new(0, 0, size.width, size.height));
        set_mouse(app.mouse_capture)?;
        let mut captured = app.mouse_capture;
        while !app.quit {
            terminal
                .draw(|frame| ui::render(&app, frame))
                .context("drawing")?;
            let event = event::read().context("reading a key")?;
            // Terminals reflow or drop content on resize; repaint everything rather than
            // trust the diff against the previous frame.
            if matches!(event, event::Event::Resize(..)) {
                // Shrinking to nothing clears the screen and empties both buffers; the
                // next draw grows them back to the real size and paints every cell.
                // (`Terminal::clear` would ask the terminal for the cursor position,
                // which not every terminal answers.)
                terminal
                    .resize(Rect::ZERO)
                    .context("repainting after a resize")?;
            }
            if let Some(action) = keymap::action_for(&event) {
                app.update(action);
            }
            if app.mouse_capture != captured {
                captured = app.mouse_capture;
                set_mouse(captured)?;
            }
        }
        Ok(())
    })();
    let _ = execute!(stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}

fn set_mouse(on: bool) -> Result<()> {
    if on {
        execute!(stdout(), EnableMouseCapture)
    } else {
        execute!(stdout(), DisableMouseCapture)
    }
    .context("switching mouse capture")
}
