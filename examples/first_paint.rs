//! Times a terminal program's first paint in a pseudo-terminal: from spawn until MARKER
//! is on screen, then (optionally) from sending `G` until END_MARKER is. Runs each
//! command several times and prints the median. Example, side by side with less:
//!
//!   cargo run --release --example first_paint -- "A Synthetic Report" THE-END -- ./target/release/byline --no-state big.txt
//!   cargo run --release --example first_paint -- "A Synthetic Report" THE-END -- less big.txt

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const RUNS: usize = 5;
const TIMEOUT: Duration = Duration::from_secs(60);

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let split = args.iter().position(|a| a == "--");
    let (Some(split), Some(marker)) = (split, args.first()) else {
        eprintln!("usage: first_paint MARKER [END_MARKER] -- COMMAND [ARGS…]");
        std::process::exit(2);
    };
    let end_marker = (split == 2).then(|| args[1].clone());
    let command = &args[split + 1..];
    let mut paints = Vec::new();
    let mut ends = Vec::new();
    for _ in 0..RUNS {
        let (paint, end) = run(command, marker, end_marker.as_deref());
        paints.push(paint);
        ends.extend(end);
    }
    eprintln!("runs: {paints:.1?}");
    println!(
        "{}: first paint {:.1} ms",
        command.join(" "),
        median(&mut paints)
    );
    if !ends.is_empty() {
        println!(
            "{}: G to the end {:.1} ms",
            command.join(" "),
            median(&mut ends)
        );
    }
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// One run: milliseconds to the first paint, and from `G` to the end marker.
fn run(command: &[String], marker: &str, end_marker: Option<&str>) -> (f64, Option<f64>) {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 40,
            cols: 120,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("openpty");
    let mut cmd = CommandBuilder::new(&command[0]);
    cmd.args(&command[1..]);
    cmd.cwd(std::env::current_dir().expect("current folder"));
    let start = Instant::now();
    let mut child = pair.slave.spawn_command(cmd).expect("spawn");
    drop(pair.slave);
    let screen = Arc::new(Mutex::new(vt100::Parser::new(40, 120, 0)));
    let mut reader = pair.master.try_clone_reader().expect("reader");
    let shared = screen.clone();
    std::thread::spawn(move || {
        let mut buf = [0u8; 65536];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            shared.lock().expect("screen").process(&buf[..n]);
        }
    });
    let wait = |text: &str| {
        while !screen
            .lock()
            .expect("screen")
            .screen()
            .contents()
            .contains(text)
        {
            assert!(start.elapsed() < TIMEOUT, "timed out waiting for {text}");
            std::thread::sleep(Duration::from_micros(200));
        }
    };
    wait(marker);
    let paint = start.elapsed().as_secs_f64() * 1000.0;
    let mut writer = pair.master.take_writer().expect("writer");
    let end = end_marker.map(|end| {
        let sent = Instant::now();
        writer.write_all(b"G").expect("send G");
        wait(end);
        sent.elapsed().as_secs_f64() * 1000.0
    });
    writer.write_all(b"q").expect("send q");
    let _ = child.wait();
    (paint, end)
}
