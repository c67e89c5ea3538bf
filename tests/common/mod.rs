//! Runs the real byline binary in a pseudo-terminal and reads its screen with vt100.
//! The pty is read on its own thread; tests wait for a screen condition with a
//! timeout, never a fixed sleep.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// The screen and everything the program wrote (for raw escape-sequence checks).
struct State {
    parser: vt100::Parser,
    raw: Vec<u8>,
    /// Bytes not yet given to the parser: vt100 wants whole UTF-8 characters.
    fed: usize,
}

impl State {
    fn feed(&mut self) {
        let pending = &self.raw[self.fed..];
        let complete = match std::str::from_utf8(pending) {
            Ok(_) => pending.len(),
            Err(e) if e.error_len().is_none() => e.valid_up_to(),
            Err(_) => pending.len(),
        };
        // vt100 can panic on sizes a real terminal survives (a wide character in one
        // column); start a fresh screen then: byline repaints everything anyway.
        let chunk = pending[..complete].to_vec();
        let (rows, cols) = self.parser.screen().size();
        let parser = &mut self.parser;
        if std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| parser.process(&chunk)))
            .is_err()
        {
            self.parser = vt100::Parser::new(rows, cols, 0);
        }
        self.fed += complete;
    }
}

pub struct Pty {
    state: Arc<Mutex<State>>,
    writer: Box<dyn Write + Send>,
    master: Box<dyn MasterPty + Send>,
    child: Box<dyn Child + Send + Sync>,
    /// The spawn's own config and state, removed with it.
    _home: tempfile::TempDir,
}

const WAIT: Duration = Duration::from_secs(20);

/// The screen's last line: the status bar.
pub fn status(screen: &vt100::Screen) -> String {
    screen
        .contents()
        .lines()
        .last()
        .unwrap_or_default()
        .to_string()
}

impl Pty {
    pub fn spawn(args: &[&str], cols: u16, rows: u16) -> Pty {
        Self::spawn_env(args, cols, rows, &[])
    }

    pub fn spawn_env(args: &[&str], cols: u16, rows: u16, env: &[(&str, &str)]) -> Pty {
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_byline"));
        cmd.args(args);
        Self::spawn_command(cmd, cols, rows, env)
    }

    /// Runs byline (`--no-state`) on a synthetic plain-text article of about `bytes`,
    /// written to a temporary folder that lives as long as the returned guard.
    pub fn spawn_synthetic(
        bytes: usize,
        seed: u64,
        cols: u16,
        rows: u16,
    ) -> (tempfile::TempDir, Pty) {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("synthetic.txt");
        std::fs::write(&path, byline::synth::article(bytes, seed, false)).expect("write");
        let pty = Self::spawn(
            &["--no-state", path.to_str().expect("utf-8 path")],
            cols,
            rows,
        );
        (dir, pty)
    }

    /// Runs a shell command line in the pty, with `$BYLINE` set to the binary.
    pub fn spawn_shell(line: &str, cols: u16, rows: u16) -> Pty {
        let mut cmd = CommandBuilder::new("sh");
        cmd.args(["-c", line]);
        Self::spawn_command(cmd, cols, rows, &[("BYLINE", env!("CARGO_BIN_EXE_byline"))])
    }

    fn spawn_command(mut cmd: CommandBuilder, cols: u16, rows: u16, env: &[(&str, &str)]) -> Pty {
        let system = native_pty_system();
        let pair = system
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("openpty");
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        // Never the developer's own config or remembered positions: a fresh home per spawn.
        let home = tempfile::tempdir().expect("temp dir");
        cmd.env("XDG_STATE_HOME", home.path().join("state"));
        cmd.env("XDG_CONFIG_HOME", home.path().join("config"));
        cmd.env_remove("NO_COLOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn byline");
        drop(pair.slave);
        let state = Arc::new(Mutex::new(State {
            parser: vt100::Parser::new(rows, cols, 0),
            raw: Vec::new(),
            fed: 0,
        }));
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let shared = state.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                let mut state = shared.lock().unwrap();
                state.raw.extend_from_slice(&buf[..n]);
                state.feed();
            }
        });
        let writer = pair.master.take_writer().expect("writer");
        Pty {
            state,
            writer,
            master: pair.master,
            child,
            _home: home,
        }
    }

    pub fn screen_text(&self) -> String {
        self.with_screen(|s| s.contents())
    }

    pub fn with_screen<T>(&self, f: impl FnOnce(&vt100::Screen) -> T) -> T {
        f(self.state.lock().unwrap().parser.screen())
    }

    pub fn raw(&self) -> Vec<u8> {
        self.state.lock().unwrap().raw.clone()
    }

    /// Waits until `cond` holds for the screen; panics with the screen on timeout.
    pub fn wait_for(&self, what: &str, cond: impl Fn(&vt100::Screen) -> bool) {
        let start = Instant::now();
        loop {
            if self.with_screen(&cond) {
                return;
            }
            if start.elapsed() > WAIT {
                panic!(
                    "timed out waiting for {what}; screen:\n{}",
                    self.screen_text()
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn wait_for_text(&self, needle: &str) {
        self.wait_for(needle, |s| s.contents().contains(needle));
    }

    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Resizes the pty. vt100 mangles rows when its grid grows, so the screen is rebuilt
    /// at the new size by replaying everything written so far (modes included); byline
    /// repaints in full after a resize, which the tests then wait for.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        {
            let mut state = self.state.lock().unwrap();
            state.parser = vt100::Parser::new(rows, cols, 0);
            state.fed = 0;
            state.feed();
        }
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
    }

    pub fn signal(&self, signal: &str) {
        let pid = self.child.process_id().expect("pid");
        std::process::Command::new("kill")
            .args([&format!("-{signal}"), &pid.to_string()])
            .status()
            .unwrap();
    }

    /// Waits for the process to exit and returns its exit code.
    pub fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.exit_code();
            }
            if start.elapsed() > WAIT {
                let _ = self.child.kill();
                panic!("byline did not exit; screen:\n{}", self.screen_text());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The terminal is as byline found it: main screen, cursor shown, no mouse capture.
    pub fn assert_restored(&self) {
        // Give the reader thread a moment to drain the last bytes.
        self.wait_for("the terminal to be restored", |s| {
            !s.alternate_screen()
                && !s.hide_cursor()
                && s.mouse_protocol_mode() == vt100::MouseProtocolMode::None
        });
    }
}
