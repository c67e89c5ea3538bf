//! Writes a synthetic article for measurements: `cargo run --release --example synth --
//! SIZE OUT [--markdown]`, SIZE like 100K, 10M, 100M.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(size), Some(out)) = (args.first(), args.get(1)) else {
        eprintln!("usage: synth SIZE OUT [--markdown]   (SIZE: 100K, 1M, 100M …)");
        std::process::exit(2);
    };
    let (number, unit) = size.split_at(size.trim_end_matches(['K', 'M', 'k', 'm']).len());
    let bytes = number.parse::<usize>().unwrap_or(0)
        * match unit.to_ascii_uppercase().as_str() {
            "K" => 1_000,
            "M" => 1_000_000,
            _ => 1,
        };
    let markdown = args.iter().any(|a| a == "--markdown");
    let text = format!("{}\nTHE-END\n", byline::synth::article(bytes, 1, markdown));
    if let Err(err) = std::fs::write(out, text) {
        eprintln!("synth: writing {out}: {err}");
        std::process::exit(1);
    }
}
