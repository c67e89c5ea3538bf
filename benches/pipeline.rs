//! Throughput of every layer on synthetic articles, and the work of one frame after a
//! move (update + render into a TestBackend at 200×60), which must not grow with the
//! article. Run: `cargo bench`.

use std::hint::black_box;
use std::time::Duration;

use byline::app::{Action, App};
use byline::article::{html, markdown, plain};
use byline::layout::Layout;
use byline::{analysis, source, synth};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

const SIZES: &[(&str, usize)] = &[("100K", 100_000), ("1M", 1_000_000), ("10M", 10_000_000)];

fn config(c: &mut Criterion) -> criterion::BenchmarkGroup<'_, criterion::measurement::WallTime> {
    let mut g = c.benchmark_group("pipeline");
    g.sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2));
    g
}

fn layers(c: &mut Criterion) {
    let mut g = config(c);
    for &(name, size) in SIZES {
        let text = synth::article(size, 42, false);
        let md = synth::article(size, 42, true);
        let html_doc = format!(
            "<html><body><article>{}</article></body></html>",
            text.split("\n\n")
                .map(|p| format!("<p>{p}</p>"))
                .collect::<String>()
        );
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(BenchmarkId::new("decode", name), |b| {
            b.iter(|| source::decode(black_box(text.as_bytes())))
        });
        g.bench_function(BenchmarkId::new("parse-text", name), |b| {
            b.iter(|| plain::parse(black_box(text.clone()), "x.txt"))
        });
        g.bench_function(BenchmarkId::new("parse-markdown", name), |b| {
            b.iter(|| markdown::parse(black_box(&md), "x.md"))
        });
        g.bench_function(BenchmarkId::new("parse-html", name), |b| {
            b.iter(|| html::parse(black_box(&html_doc), "x.html"))
        });
        let article = plain::parse(text.clone(), "x.txt");
        g.bench_function(BenchmarkId::new("analysis", name), |b| {
            b.iter(|| analysis::analyse(black_box(&article), &[]))
        });
        for width in [60, 120] {
            g.bench_function(BenchmarkId::new(format!("layout-w{width}"), name), |b| {
                b.iter(|| Layout::new(black_box(&article), width))
            });
        }
    }
    g.finish();
}

/// One key's worth of work: update + draw, at three article sizes. The terminal stays
/// 200×60 for the resizes (to 70 and 90 columns, narrower than the measure so the text
/// re-wraps): what is measured is the re-layout.
fn frame(c: &mut Criterion) {
    let mut g = config(c);
    for &(name, size) in SIZES {
        let article = plain::parse(synth::article(size, 42, false), "x.txt");
        let an = analysis::analyse(&article, &[]);
        let mut app = App::new(article, an, Rect::new(0, 0, 200, 60));
        let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("test backend");
        for (label, actions) in [
            ("G", vec![Action::Bottom, Action::Top]),
            ("section", vec![Action::NextSection, Action::PrevSection]),
            ("page", vec![Action::PageDown, Action::PageUp]),
            // A big article re-wraps around the reader at once, the rest in the background.
            (
                "resize",
                vec![Action::Resize(70, 60), Action::Resize(90, 60)],
            ),
        ] {
            g.bench_function(BenchmarkId::new(format!("frame-{label}"), name), |b| {
                let mut i = 0;
                b.iter(|| {
                    app.update(actions[i % actions.len()]);
                    i += 1;
                    terminal
                        .draw(|f| byline::ui::render(&app, f))
                        .expect("draw");
                })
            });
        }
    }
    g.finish();
}

/// Opening a folder of 5,000 articles: discovery and cheap titles for the picker.
fn library(c: &mut Criterion) {
    let dir = std::env::temp_dir().join("byline-bench-library");
    if !dir.join("04999.txt").exists() {
        std::fs::create_dir_all(&dir).expect("bench folder");
        for i in 0..5000 {
            std::fs::write(
                dir.join(format!("{i:05}.txt")),
                synth::article(3000, i + 1, false),
            )
            .expect("write");
        }
    }
    let mut g = config(c);
    g.bench_function("library-5000", |b| {
        b.iter(|| {
            byline::library::scan(
                byline::library::discover(std::slice::from_ref(&dir)).expect("discover"),
                None,
            )
        })
    });
    g.finish();
}

criterion_group!(benches, layers, frame, library);
criterion_main!(benches);
