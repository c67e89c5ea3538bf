//! The one place that sets the terminal up and gives it back: raw mode, alternate
//! screen, mouse capture. Restored on quit, on error, on panic (our hook), on
//! SIGTERM/SIGHUP/SIGINT, and around `Ctrl-Z` (suspend to the shell, redraw on `fg`).

use std::io::{BufWriter, Stdout, stdout};
use std::sync::mpsc;
use std::time::Duration;

use anyhow::{Context, Result};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};
use ratatui::layout::Rect;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals;

use crate::app::App;
use crate::keymap;
use crate::ui;

/// How often the loop looks for finished background indexing.
const INDEXING_POLL: Duration = Duration::from_millis(30);

/// Frames go out through a buffer big enough for a whole screen: one write each, not
/// one per KiB as through `Stdout` alone.
type Screen = Terminal<CrosstermBackend<BufWriter<Stdout>>>;

/// Raw mode and the alternate screen, as `ratatui::init` sets them up.
fn init() -> Result<Screen> {
    enable_raw_mode().context("setting up the terminal")?;
    execute!(stdout(), EnterAlternateScreen).context("setting up the terminal")?;
    let backend = CrosstermBackend::new(BufWriter::with_capacity(1 << 16, stdout()));
    Terminal::new(backend).context("setting up the terminal")
}

/// Runs the reader until the user quits; the terminal is restored whatever happens.
pub fn run(app: &mut App) -> Result<()> {
    watch_signals()?;
    // A panic restores the terminal before its message is printed.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        hook(info);
    }));
    let mut terminal = init()?;
    let result = event_loop(&mut terminal, app);
    // Anything still buffered goes to the alternate screen, before it is left.
    drop(terminal);
    restore();
    result
}

/// Keys, the mouse and resizes, read on a thread of their own as they come. crossterm's
/// default Unix reader hands over one of a key and a resize that come in one wakeup
/// and keeps the other waiting for the next; its level-triggered reader (the
/// `use-dev-tty` feature) loses neither, but a poll of it that does not wait never
/// looks at the terminal — a blocking read on this thread needs none.
struct Input {
    events: mpsc::Receiver<std::io::Result<Event>>,
}

impl Input {
    fn start() -> Input {
        let (tx, events) = mpsc::channel();
        std::thread::spawn(move || {
            loop {
                let event = event::read();
                let failed = event.is_err();
                // Nobody listening: the reader has quit.
                if tx.send(event).is_err() || failed {
                    return;
                }
            }
        });
        Input { events }
    }

    /// The next event, waiting `wait` at most (`None`: until one comes).
    fn next(&self, wait: Option<Duration>) -> Result<Option<Event>> {
        let event = match wait {
            None => self
                .events
                .recv()
                .map_err(|_| mpsc::RecvTimeoutError::Disconnected),
            Some(wait) => self.events.recv_timeout(wait),
        };
        match event {
            Ok(event) => Ok(Some(event.context("reading a key")?)),
            Err(mpsc::RecvTimeoutError::Timeout) => Ok(None),
            Err(mpsc::RecvTimeoutError::Disconnected) => anyhow::bail!("reading a key: stopped"),
        }
    }
}

fn event_loop(terminal: &mut Screen, app: &mut App) -> Result<()> {
    let input = Input::start();
    set_mouse(app.mouse_capture)?;
    let mut captured = app.mouse_capture;
    while !app.quit {
        // ratatui reads the size before every frame (and clears the screen for a new
        // one): the app is laid out for it, so a resize before the input thread watched
        // for them, or one crossterm never told, is seen too.
        terminal
            .draw(|frame| {
                let area = frame.area();
                if (area.width, area.height) != (app.size.width, app.size.height) {
                    app.update(crate::app::Action::Resize(area.width, area.height));
                }
                ui::render(app, frame)
            })
            .context("drawing")?;
        // A running search takes the time between keys; background indexing is
        // looked at every few milliseconds.
        let wait = if app.searching() || (app.busy() && app.due()) {
            Some(Duration::ZERO)
        } else {
            app.busy().then_some(INDEXING_POLL)
        };
        let Some(event) = input.next(wait)? else {
            if app.searching() {
                app.search_step();
            } else {
                app.poll_background();
            }
            continue;
        };
        app.poll_background();
        // Terminals reflow or drop content on resize; repaint everything rather than
        // trust the diff against the previous frame.
        if matches!(event, Event::Resize(..)) {
            repaint_all(terminal)?;
        }
        let mode = if app.typing() {
            keymap::Mode::Prompt
        } else {
            keymap::Mode::Normal
        };
        if let Some(action) = keymap::action_for(&event, mode) {
            app.update(action);
        }
        if app.suspend {
            app.suspend = false;
            suspend(terminal, captured)?;
        }
        if app.mouse_capture != captured {
            captured = app.mouse_capture;
            set_mouse(captured)?;
        }
    }
    Ok(())
}

/// Shrinking to nothing clears the screen and empties both buffers; the next draw grows
/// them back to the real size and paints every cell. (`Terminal::clear` would ask the
/// terminal for the cursor position, which not every terminal answers.)
fn repaint_all(terminal: &mut Screen) -> Result<()> {
    terminal.resize(Rect::ZERO).context("repainting")
}

/// `Ctrl-Z`: give the shell its terminal back, stop, and take it again on `fg`.
fn suspend(terminal: &mut Screen, mouse: bool) -> Result<()> {
    restore();
    signal_hook::low_level::raise(SIGTSTP).context("suspending")?;
    // Execution continues here after SIGCONT, on an alternate screen entered cleared,
    // which a new terminal's first frame paints whole.
    *terminal = init()?;
    set_mouse(mouse)
}

fn restore() {
    let _ = execute!(stdout(), DisableMouseCapture, Show);
    ratatui::restore();
}

/// On SIGTERM, SIGHUP or SIGINT, restore the terminal and exit with 128 + the signal,
/// as shells expect.
fn watch_signals() -> Result<()> {
    let mut signals =
        Signals::new([SIGTERM, SIGHUP, SIGINT]).context("installing signal handlers")?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            restore();
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}

fn set_mouse(on: bool) -> Result<()> {
    if on {
        execute!(stdout(), EnableMouseCapture)
    } else {
        execute!(stdout(), DisableMouseCapture)
    }
    .context("switching mouse capture")
}
