//! byline: a terminal reader for articles. The core (source → article → analysis →
//! layout) is pure and never touches the terminal; `app`, `keymap` and `ui` are the
//! terminal side. See DESIGN.md.

pub mod analysis;
pub mod app;
pub mod article;
pub mod config;
pub mod export;
pub mod indexing;
pub mod invariants;
pub mod keymap;
pub mod layout;
pub mod library;
pub mod marks;
pub mod picker;
pub mod search;
pub mod source;
pub mod state;
pub mod synth;
pub mod terminal;
pub mod ui;
pub mod unpack;
