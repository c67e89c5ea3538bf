//! The config file (`~/.config/byline/config.toml`, or `--config PATH`): theme, reading
//! measure, panes, mouse, and extra leaders. A broken file is an error that names the
//! file, line and key; an unknown key is only a warning.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

use crate::analysis::leaders::KnownLeader;
use crate::ui::theme::Theme;

/// The defaults, as a commented starting file: `byline --print-config`.
pub const DEFAULT_CONFIG: &str = r##"# byline configuration: ~/.config/byline/config.toml (or byline --config PATH).
# Every key is optional; these are the defaults.

# "dark" or "light": which colours suit your terminal's background.
theme = "dark"
# The widest the body's text gets, in columns (code and tables may go wider), and
# whether it is centred in its pane.
measure = 84
center = true
# Width of the side panes in columns; 0 fits their entries: the outline's titles in up
# to 30% of the terminal, the leaders' roles in what the text's measure leaves.
outline_width = 0
# Show the leaders pane when an article opens.
leaders_pane = true
# Show the outline and leaders panes beside the body (where the terminal is wide
# enough); `t` shows or hides them.
side_panes = true
# Capture the mouse (wheel, clicks). `m` toggles it; off lets you select text.
mouse = true

# Styles: a colour (a name like "cyan", a number 0-255, or "#rrggbb"), optionally
# "on" a background colour, and modifiers: bold, italic, underline, reversed, dim.
# Empty keeps the theme's style.
[styles]
quote = ""
leader = ""
search = ""
heading = ""
outline = ""
status = ""

# Extra leaders, matched like the built-in list (diacritics and case of the first letter
# ignored). Repeat the block for each.
# [[leaders]]
# name = "Ada Quill"
# role = "Chair of the Harbour Board"
# aliases = ["Quill"]
#
# A family name written first: `short` is the name used alone once the full one is
# given (by default the last word).
# [[leaders]]
# name = "Park Min-ji"
# role = "Mayor of Busan"
# short = "Park"
"##;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Config {
    pub theme: ThemeChoice,
    pub measure: u16,
    pub center: bool,
    pub outline_width: u16,
    pub leaders_pane: bool,
    pub side_panes: bool,
    pub mouse: bool,
    pub styles: Styles,
    pub leaders: Vec<LeaderEntry>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            theme: ThemeChoice::Dark,
            measure: crate::ui::areas::MEASURE,
            center: true,
            outline_width: 0,
            leaders_pane: true,
            side_panes: true,
            mouse: true,
            styles: Styles::default(),
            leaders: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeChoice {
    Dark,
    Light,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Styles {
    pub quote: String,
    pub leader: String,
    pub search: String,
    pub heading: String,
    pub outline: String,
    pub status: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct LeaderEntry {
    pub name: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The name used alone once the full one is given, when not the last word.
    #[serde(default)]
    pub short: Option<String>,
}

/// A loaded config and what was odd about it.
#[derive(Debug, Default)]
pub struct Loaded {
    pub config: Config,
    /// Unknown keys, as `file: unknown key styles.qoute`.
    pub warnings: Vec<String>,
}

/// The default config path: `$XDG_CONFIG_HOME/byline/config.toml`.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "byline").map(|d| d.config_dir().join("config.toml"))
}

/// Reads the config. A missing default file is fine (defaults); a missing `--config`
/// file, bad TOML or a bad value is an error naming the file, line and key.
pub fn load(explicit: Option<&Path>) -> Result<Loaded> {
    let path = match explicit {
        Some(p) => p.to_path_buf(),
        None => match default_path() {
            Some(p) if p.exists() => p,
            _ => return Ok(Loaded::default()),
        },
    };
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("reading config {}", path.display()))?;
    parse(&text)
        .map_err(|e| anyhow::anyhow!("config {}: {e}", path.display()))
        .map(|mut loaded| {
            for w in &mut loaded.warnings {
                *w = format!("config {}: {w}", path.display());
            }
            loaded
        })
}

/// Parses config text; errors say `line N, key K: what`.
pub fn parse(text: &str) -> std::result::Result<Loaded, String> {
    let describe = |e: toml::de::Error| {
        let message = e.message().trim().to_string();
        match e.span() {
            Some(span) => {
                let line = text[..span.start.min(text.len())].matches('\n').count() + 1;
                let line_text = text.lines().nth(line - 1).unwrap_or("");
                let key = line_text.split('=').next().unwrap_or("").trim();
                if key.is_empty() || !line_text.contains('=') {
                    format!("line {line}: {message}")
                } else {
                    format!("line {line}, key `{key}`: {message}")
                }
            }
            None => message,
        }
    };
    let deserializer = toml::Deserializer::parse(text).map_err(describe)?;
    let mut warnings = Vec::new();
    let config: Config = serde_ignored::deserialize(deserializer, |path| {
        warnings.push(format!("unknown key {path} (ignored)"));
    })
    .map_err(describe)?;
    for (name, value) in [
        ("quote", &config.styles.quote),
        ("leader", &config.styles.leader),
        ("search", &config.styles.search),
        ("heading", &config.styles.heading),
        ("outline", &config.styles.outline),
        ("status", &config.styles.status),
    ] {
        parse_style(value).map_err(|e| {
            let line = text
                .lines()
                .position(|l| l.trim_start().starts_with(name) && l.contains('='))
                .map_or(String::new(), |n| format!("line {}, ", n + 1));
            format!("{line}key `styles.{name}`: {e}")
        })?;
    }
    Ok(Loaded { config, warnings })
}

impl Config {
    /// The theme: dark or light, then the user's styles over it. `color` false gives
    /// modifiers only (`NO_COLOR`), user colours dropped too.
    pub fn theme(&self, color: bool) -> Theme {
        let mut theme = match (color, self.theme) {
            (false, _) => return Theme::plain(),
            (true, ThemeChoice::Dark) => Theme::dark(),
            (true, ThemeChoice::Light) => Theme::light(),
        };
        let s = &self.styles;
        for (target, value) in [
            (&mut theme.quote, &s.quote),
            (&mut theme.leader, &s.leader),
            (&mut theme.search, &s.search),
            (&mut theme.heading, &s.heading),
            (&mut theme.outline, &s.outline),
            (&mut theme.status, &s.status),
        ] {
            if let Ok(Some(style)) = parse_style(value) {
                *target = style;
            }
        }
        theme
    }

    /// The extra leaders for the analysis.
    pub fn known_leaders(&self) -> Vec<KnownLeader> {
        self.leaders
            .iter()
            .map(|l| KnownLeader {
                name: l.name.clone(),
                role: l.role.clone(),
                aliases: l.aliases.clone(),
                short: l.short.clone(),
            })
            .collect()
    }
}

/// `"bold cyan"`, `"black on #ffd75f"`, `"italic 114"`; empty → `None` (keep the theme's).
pub fn parse_style(spec: &str) -> std::result::Result<Option<Style>, String> {
    let words: Vec<&str> = spec.split_whitespace().collect();
    if words.is_empty() {
        return Ok(None);
    }
    let mut style = Style::new();
    let mut background = false;
    for word in words {
        let modifier = match word.to_ascii_lowercase().as_str() {
            "bold" => Some(Modifier::BOLD),
            "italic" => Some(Modifier::ITALIC),
            "underline" | "underlined" => Some(Modifier::UNDERLINED),
            "reversed" | "reverse" => Some(Modifier::REVERSED),
            "dim" => Some(Modifier::DIM),
            "on" => {
                background = true;
                continue;
            }
            _ => None,
        };
        if let Some(m) = modifier {
            style = style.add_modifier(m);
            continue;
        }
        let color: Color = word
            .parse()
            .map_err(|_| format!("`{word}` is not a colour or a modifier"))?;
        style = if background {
            style.bg(color)
        } else {
            style.fg(color)
        };
        background = false;
    }
    Ok(Some(style))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_parse_to_the_default_config() {
        let loaded = parse(DEFAULT_CONFIG).unwrap();
        assert_eq!(loaded.config, Config::default());
        assert!(loaded.warnings.is_empty());
        assert_eq!(parse("").unwrap().config, Config::default());
    }

    #[test]
    fn every_key() {
        let text = r##"
theme = "light"
measure = 70
center = false
outline_width = 24
leaders_pane = false
side_panes = false
mouse = false
[styles]
quote = "italic #aa5500"
leader = "bold underline 33"
search = "black on yellow"
heading = "blue"
outline = "dim"
status = "reversed"
[[leaders]]
name = "Ada Quill"
role = "Chair"
aliases = ["Quill"]
[[leaders]]
name = "Park Min-ji"
short = "Park"
"##;
        let c = parse(text).unwrap().config;
        assert_eq!(c.theme, ThemeChoice::Light);
        assert_eq!((c.measure, c.center, c.outline_width), (70, false, 24));
        assert!(!c.leaders_pane && !c.side_panes && !c.mouse);
        assert_eq!(c.leaders[0].aliases, ["Quill"]);
        assert_eq!(c.leaders[1].short.as_deref(), Some("Park"));
        let theme = c.theme(true);
        assert_eq!(
            theme.search,
            Style::new().fg(Color::Black).bg(Color::Yellow)
        );
        assert_eq!(theme.leader.fg, Some(Color::Indexed(33)));
        assert_eq!(c.theme(false), Theme::plain());
    }

    #[test]
    fn errors_name_the_line_and_key() {
        let e = parse("theme = \"dark\"\nmeasure = \"wide\"\n").unwrap_err();
        assert!(e.contains("line 2") && e.contains("measure"), "{e}");
        let e = parse("theme = \"purple\"").unwrap_err();
        assert!(e.contains("line 1") && e.contains("theme"), "{e}");
        let e = parse("[styles]\nquote = \"sparkly\"\n").unwrap_err();
        assert!(
            e.contains("line 2") && e.contains("styles.quote") && e.contains("sparkly"),
            "{e}"
        );
        let e = parse("measure = = 3").unwrap_err();
        assert!(e.contains("line 1"), "{e}");
    }

    #[test]
    fn unknown_keys_are_warnings() {
        let loaded = parse("mesure = 70\n[styles]\nqoute = \"red\"\n").unwrap();
        assert_eq!(loaded.warnings.len(), 2);
        assert!(loaded.warnings[0].contains("mesure"));
        assert!(loaded.warnings[1].contains("styles.qoute"));
    }
}
