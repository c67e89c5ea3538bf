//! Configuration and remembered positions through the real binary.

mod common;

use std::path::Path;
use std::process::Command;

use common::Pty;

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(name)
        .to_string_lossy()
        .into_owned()
}

#[test]
fn quitting_in_the_last_section_and_reopening_lands_there() {
    let temp = tempfile::tempdir().expect("temp dir");
    let state = temp.path();
    let env = [("XDG_STATE_HOME", state.to_str().unwrap())];
    let mut pty = Pty::spawn_env(&[], 120, 40, &env);
    pty.wait_for_text("Outline");
    pty.send("]]]");
    pty.wait_for("the last section at the top", |s| {
        s.contents()
            .lines()
            .next()
            .is_some_and(|l| l.contains("Fighting Rages On in Ukraine"))
    });
    pty.send("\"q");
    assert_eq!(pty.wait_exit(), 0);

    // A different width: the anchor, not the row, is remembered.
    let mut pty = Pty::spawn_env(&[], 90, 30, &env);
    pty.wait_for("the last section restored", |s| {
        s.contents()
            .lines()
            .next()
            .is_some_and(|l| l.contains("Fighting Rages On in Ukraine"))
    });
    pty.wait_for_text("quotes 3 off");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);

    // --no-state starts at the top.
    let mut pty = Pty::spawn_env(&["--no-state"], 90, 30, &env);
    pty.wait_for_text("ANCHORAGE, ALASKA");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
}

#[test]
fn a_corrupt_state_file_is_a_warning_not_a_failure() {
    let temp = tempfile::tempdir().expect("temp dir");
    let state = temp.path();
    std::fs::create_dir_all(state.join("byline")).unwrap();
    std::fs::write(state.join("byline/positions.json"), "{{{ not json").unwrap();
    let env = [("XDG_STATE_HOME", state.to_str().unwrap())];
    let mut pty = Pty::spawn_env(&[], 120, 40, &env);
    pty.wait_for_text("corrupt");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
    // It was replaced by a good one on the way out.
    let text = std::fs::read_to_string(state.join("byline/positions.json")).unwrap();
    assert!(serde_json::from_str::<serde_json::Value>(&text).is_ok());
}

#[test]
fn a_leader_added_in_the_config_is_highlighted() {
    let temp = tempfile::tempdir().expect("temp dir");
    let dir = temp.path();
    let config = dir.join("config.toml");
    std::fs::write(&config, "[[leaders]]\nname = \"Maria Lopes\"\nrole = \"Chair of the Goat Cooperative\"\naliases = [\"Lopes\"]\n").unwrap();
    let article = fixture("tests/fixtures/corpus/02-no-leaders.txt");
    let plain = Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(["--json", &article])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&plain.stdout).unwrap();
    assert_eq!(v["leaders"].as_array().unwrap().len(), 0);
    let out = Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(["--json", "--config", config.to_str().unwrap(), &article])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["leaders"][0]["name"], "Maria Lopes");
    assert_eq!(v["leaders"][0]["role"], "Chair of the Goat Cooperative");

    let mut pty = Pty::spawn(
        &["--no-state", "--config", config.to_str().unwrap(), &article],
        120,
        40,
    );
    pty.wait_for_text("Maria Lopes · Chair");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
}

/// `byline --outline` of the seed with `config`.
fn outline_with_config(config: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_byline"))
        .args([
            "--outline",
            "--config",
            config.to_str().unwrap(),
            &fixture("seeds/anchorage-summit.txt"),
        ])
        .output()
        .unwrap()
}

#[test]
fn a_broken_config_is_an_error_naming_file_line_and_key() {
    let temp = tempfile::tempdir().expect("temp dir");
    let dir = temp.path();
    let config = dir.join("config.toml");
    std::fs::write(&config, "theme = \"dark\"\nmeasure = \"wide\"\n").unwrap();
    let out = outline_with_config(&config);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("config.toml") && err.contains("line 2") && err.contains("measure"),
        "{err}"
    );

    std::fs::write(&config, "mesure = 70\n").unwrap();
    let out = outline_with_config(&config);
    assert!(out.status.success());
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("unknown key mesure")
    );
}

#[test]
fn print_config_is_a_valid_starting_file() {
    let out = Command::new(env!("CARGO_BIN_EXE_byline"))
        .arg("--print-config")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let loaded = byline::config::parse(&text).unwrap();
    assert_eq!(loaded.config, byline::config::Config::default());
}

#[test]
fn no_color_keeps_highlights_visible_without_colour() {
    let mut pty = Pty::spawn_env(&["--no-state"], 120, 40, &[("NO_COLOR", "1")]);
    pty.wait_for_text("Outline");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
    let raw = String::from_utf8_lossy(&pty.raw()).into_owned();
    let params = sgr_params(&raw);
    // No foreground/background colour at all (39/49 only reset to the default)…
    let colours: Vec<_> = params
        .iter()
        .filter(|p| matches!(p, 30..=38 | 40..=48 | 90..=97 | 100..=107))
        .collect();
    assert!(colours.is_empty(), "colour codes {colours:?} with NO_COLOR");
    // …but quotes are italic, leaders bold and underlined.
    for style in [1, 3, 4] {
        assert!(params.contains(&style), "no SGR {style}");
    }
}

/// Every parameter of every SGR sequence (`ESC [ … m`) in the output.
fn sgr_params(raw: &str) -> Vec<u32> {
    let mut params = Vec::new();
    for chunk in raw.split('\u{1b}').skip(1) {
        let Some(body) = chunk.strip_prefix('[') else {
            continue;
        };
        let end = body
            .find(|c: char| !(c.is_ascii_digit() || c == ';'))
            .unwrap_or(body.len());
        if body[end..].starts_with('m') {
            params.extend(body[..end].split(';').filter_map(|p| p.parse::<u32>().ok()));
        }
    }
    params
}
