//! Times the complete indexing of an article, as the reader runs it in the background
//! after the first paint: read, parse, analyse, hash, lay out at WIDTH columns and index
//! the highlights. Prints the time, the outline and highlight counts, and the peak RSS.
//!
//!   cargo run --release --example complete -- big.txt [WIDTH]

use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: complete FILE [WIDTH]");
        std::process::exit(2);
    };
    let width = args.get(1).and_then(|w| w.parse().ok()).unwrap_or(100);
    let entries = match byline::library::discover(&[path.into()]) {
        Ok(entries) => entries,
        Err(err) => {
            eprintln!("complete: {err:#}");
            std::process::exit(1);
        }
    };
    let Some(entry) = entries.first() else {
        eprintln!("complete: {path}: no article");
        std::process::exit(1);
    };
    let started = Instant::now();
    let Some((_, _, indexing)) = byline::indexing::start(entry, None, &[], 0, (120, 40)) else {
        eprintln!("complete: {path}: not a plain-text or Markdown article");
        std::process::exit(1);
    };
    match indexing.wait(width) {
        Ok(done) => println!(
            "{path}: complete in {:.0} ms: {} sections, {} highlights, {} lines; peak RSS {}",
            started.elapsed().as_secs_f64() * 1000.0,
            done.article.sections.len(),
            done.analysis.highlight_count(),
            done.layout.len(),
            peak_rss(),
        ),
        Err(err) => {
            eprintln!("complete: {err:#}");
            std::process::exit(1);
        }
    }
}

fn peak_rss() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| l[6..].trim().to_string())
        })
        .unwrap_or_else(|| "unknown".into())
}
