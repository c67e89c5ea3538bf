//! The `byline` command: parse the command line, load and parse every article BEFORE
//! the terminal is touched (so errors print on a normal screen), then either print
//! (`--outline`, `--json`, `--dump`) or run the TUI.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Parser, ValueEnum};

use byline::analysis::leaders::KnownLeader;
use byline::analysis::{self, Analysis};
use byline::app::App;
use byline::article::Article;
use byline::{config, export, library, state};
use ratatui::layout::Rect;

/// A terminal reader for articles: section outline, scrollable body, highlighted quotes
/// and leaders.
#[derive(Parser, Debug)]
#[command(
    version,
    about,
    after_help = "With no PATH, opens the bundled articles. Press ? in the reader for keys."
)]
struct Cli {
    /// Files or folders to open; `-` reads standard input.
    paths: Vec<PathBuf>,
    /// Print the section outline and exit.
    #[arg(long, group = "mode")]
    outline: bool,
    /// Print the parsed and analysed article as JSON and exit.
    #[arg(long, group = "mode")]
    json: bool,
    /// Print the article with highlights and exit.
    #[arg(long, group = "mode")]
    dump: bool,
    /// When to use colour (NO_COLOR is honoured by `auto`).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// Read this config file instead of ~/.config/byline/config.toml.
    #[arg(long, value_name = "PATH")]
    config: Option<PathBuf>,
    /// Print the default config file and exit.
    #[arg(long)]
    print_config: bool,
    /// Read every input as this format instead of detecting it.
    #[arg(long, value_enum)]
    format: Option<byline::article::Format>,
    /// Neither restore nor remember reading positions.
    #[arg(long)]
    no_state: bool,
}

impl ColorChoice {
    fn enabled(self, is_terminal: bool) -> bool {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => is_terminal && !no_color,
        }
    }
}

/// Exit status for a bad command line or a broken config.
const USAGE_ERROR: u8 = 2;

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

fn main() -> ExitCode {
    // Ready by the time the first article is analysed, at no cost to the first paint.
    std::thread::spawn(byline::analysis::leaders::warm_up);
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("byline: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    if cli.print_config {
        print!("{}", config::DEFAULT_CONFIG);
        return Ok(ExitCode::SUCCESS);
    }
    let loaded = match config::load(cli.config.as_deref()) {
        Ok(loaded) => loaded,
        Err(err) => {
            eprintln!("byline: {err:#}");
            return Ok(ExitCode::from(USAGE_ERROR));
        }
    };
    for warning in &loaded.warnings {
        eprintln!("byline: {warning}");
    }
    let config = loaded.config;
    let extra_leaders = config.known_leaders();
    let entries = if cli.paths.is_empty() && stdin_has_article() {
        library::discover(&[PathBuf::from("-")])?
    } else if cli.paths.is_empty() {
        library::seeds()
    } else {
        library::discover(&cli.paths)?
    };
    let stdout_tty = std::io::stdout().is_terminal();
    let printing = cli.outline || cli.json || cli.dump || !stdout_tty;
    if printing {
        return print(&cli, &entries, stdout_tty, &extra_leaders);
    }
    let items = library::scan(entries, cli.format);
    let store = (!cli.no_state)
        .then(state::Store::default_location)
        .flatten();
    let loader = byline::app::Loader {
        progressive_bytes: byline::indexing::DEFAULT_THRESHOLD,
        format: cli.format,
        extra_leaders,
        store,
    };
    // The real size from the start: a layout at a placeholder width would be wasted.
    let (width, height) = ratatui::crossterm::terminal::size().unwrap_or((80, 24));
    let mut app = App::with_library(items, loader, Rect::new(0, 0, width, height));
    // Nothing could be opened: say why on a normal screen, as the printing modes do.
    if app.current.is_none() && app.library.iter().all(|item| item.error.is_some()) {
        for item in &app.library {
            eprintln!("byline: {}", item.error.as_deref().unwrap_or("unreadable"));
        }
        return Ok(ExitCode::FAILURE);
    }
    app.configure(&config, cli.color.enabled(true));
    if !loaded.warnings.is_empty() {
        app.message = Some(loaded.warnings.join("; "));
    }
    byline::terminal::run(&mut app)?;
    app.remember();
    Ok(ExitCode::SUCCESS)
}

/// `cat x | byline` and `byline < x` read the article from stdin; a stdin that is merely
/// not a terminal (`/dev/null` under cron or a test harness) does not count.
fn stdin_has_article() -> bool {
    use std::os::fd::AsFd;
    use std::os::unix::fs::FileTypeExt;
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        return false;
    }
    let Ok(fd) = stdin.as_fd().try_clone_to_owned() else {
        return false;
    };
    std::fs::File::from(fd)
        .metadata()
        .is_ok_and(|m| m.file_type().is_fifo() || m.file_type().is_file())
}

/// Prints each article in the chosen mode; a file that fails is reported and the rest
/// still print, with a non-zero exit at the end.
fn print(
    cli: &Cli,
    entries: &[library::Entry],
    stdout_tty: bool,
    extra: &[KnownLeader],
) -> Result<ExitCode> {
    let mut failed = false;
    let mut loaded: Vec<(Article, Analysis)> = Vec::new();
    for entry in entries {
        match entry.load(cli.format) {
            Ok(articles) => {
                for article in articles {
                    // The outline needs no highlights.
                    let analysis = if cli.outline {
                        Analysis::default()
                    } else {
                        analysis::analyse(&article, extra)
                    };
                    loaded.push((article, analysis));
                }
            }
            Err(err) => {
                eprintln!("byline: {err:#}");
                failed = true;
            }
        }
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let result = if cli.json {
        // One file asked for is one object, or nothing when it fails (an empty array
        // would read as a file with no articles); several are an array of those that
        // loaded.
        let docs: Vec<_> = loaded.iter().map(|(a, an)| export::json(a, an)).collect();
        let one = entries.len() == 1;
        let written = match docs.as_slice() {
            _ if one && failed => None,
            [doc] if one => Some(serde_json::to_writer_pretty(&mut out, doc)),
            _ => Some(serde_json::to_writer_pretty(&mut out, &docs)),
        };
        written.map_or(Ok(()), |written| {
            written
                .map_err(anyhow::Error::from)
                .and_then(|()| writeln!(out).map_err(anyhow::Error::from))
        })
    } else {
        let ansi = match cli.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                stdout_tty && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        };
        loaded
            .iter()
            .enumerate()
            .try_for_each(|(i, (article, analysis))| {
                if i > 0 {
                    writeln!(out)?;
                }
                let text = if cli.outline && loaded.len() > 1 {
                    // Whose outline each is, when there are several.
                    let head = format!("{} ({})", article.title, article.source);
                    let rule = "=".repeat(byline::source::display_width(&head));
                    format!("{head}\n{rule}\n{}", export::outline(article))
                } else if cli.outline {
                    export::outline(article)
                } else {
                    export::dump(article, analysis, ansi)
                };
                out.write_all(text.as_bytes())
            })
            .map_err(anyhow::Error::from)
    };
    let result = result.and_then(|()| out.flush().map_err(anyhow::Error::from));
    if let Err(err) = result {
        // A closed pipe (`byline x | head`) is not an error worth reporting.
        if err
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
        {
            return Ok(ExitCode::SUCCESS);
        }
        return Err(err);
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
