//! The reader's state and the only code that changes it: `App::update(Action)`.
//! No terminal here, so every behaviour is testable by sending actions.

use ratatui::layout::{Position, Rect};

use crate::analysis::leaders::KnownLeader;
use crate::analysis::{self, Analysis, Kind};
use crate::article::{Article, Format};
use crate::layout::{Anchor, Layout};
use crate::library::{self, Item};
use crate::marks::{self, Marks, RangeIndex};
use crate::picker::Picker;
use crate::search::Query;
use crate::state::{self, Store};
use crate::ui::areas::Areas;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    Escape,
    Down,
    Up,
    PageDown,
    PageUp,
    HalfDown,
    HalfUp,
    Top,
    Bottom,
    NextSection,
    PrevSection,
    /// 1-based, as numbered in the outline.
    JumpSection(usize),
    FocusNext,
    FocusPrev,
    Activate,
    ToggleQuotes,
    ToggleLeaders,
    ToggleAll,
    ToggleLeadersPane,
    NextMention,
    PrevMention,
    ToggleMouse,
    Help,
    Suspend,
    /// `/`: open the search prompt.
    SearchStart,
    /// A character typed into the search prompt.
    SearchInput(char),
    SearchBackspace,
    SearchConfirm,
    NextMatch,
    PrevMatch,
    /// `o`: the article picker.
    OpenPicker,
    NextArticle,
    PrevArticle,
    Resize(u16, u16),
    Wheel {
        x: u16,
        y: u16,
        down: bool,
    },
    Click {
        x: u16,
        y: u16,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Body,
    Outline,
    Leaders,
}

/// Lines the mouse wheel scrolls.
const WHEEL_LINES: usize = 3;
/// A search scans this much of the article between two looks at the keyboard.
const SEARCH_SLICE: usize = 4 << 20;
/// Parsed articles kept in memory besides the open one.
const CACHED_ARTICLES: usize = 8;

/// How articles from the library are loaded, analysed and remembered.
#[derive(Debug)]
pub struct Loader {
    pub format: Option<Format>,
    pub extra_leaders: Vec<KnownLeader>,
    pub store: Option<Store>,
    /// Articles larger than this open progressively (see `indexing`).
    pub progressive_bytes: u64,
}

impl Default for Loader {
    fn default() -> Self {
        Loader {
            format: None,
            extra_leaders: Vec::new(),
            store: None,
            progressive_bytes: crate::indexing::DEFAULT_THRESHOLD,
        }
    }
}

/// Per outline entry: (quotes, leader mentions) in it. Entry 0 is the lead.
type Counts = Vec<(usize, usize)>;

/// The search: what was typed, where it matched, which match is current.
#[derive(Debug, Default)]
pub struct Search {
    pub query: String,
    /// The prompt is open and keys go to it.
    pub editing: bool,
    pub matches: Vec<std::ops::Range<usize>>,
    /// The same matches, indexed for drawing.
    pub index: RangeIndex,
    pub current: Option<usize>,
    /// Matches per outline entry (0 is the lead).
    pub per_entry: Vec<usize>,
    /// Where the reader was when the prompt opened: Esc goes back there.
    origin: Anchor,
    /// The query, compiled; `None` when empty.
    compiled: Option<Query>,
    /// Bytes of the article scanned so far.
    pub scanned: usize,
}

impl Search {
    pub fn is_active(&self) -> bool {
        !self.query.is_empty()
    }
}

pub struct App {
    pub article: Article,
    pub analysis: Analysis,
    /// Quotes, leaders and dateline, built once; toggles mask it when drawing.
    pub marks: RangeIndex,
    pub layout: Layout,
    pub size: Rect,
    pub areas: Areas,
    /// First visible line of the body.
    pub top: usize,
    /// Where the reader is, independent of width: set when the reader moves, used to
    /// find `top` again after a re-wrap (never recomputed from `top` on resize, so
    /// repeated resizes do not drift).
    anchor: Anchor,
    pub focus: Focus,
    /// Selected outline entry: 0 is the top of the article, k is section k.
    pub outline_selected: usize,
    pub leader_selected: usize,
    /// The mention last jumped to: (leader, mention index).
    pub mention_cursor: Option<(usize, usize)>,
    pub show_quotes: bool,
    pub show_leaders: bool,
    pub leaders_pane: bool,
    pub help: bool,
    pub mouse_capture: bool,
    /// A one-off note for the status bar, cleared by the next action.
    pub message: Option<String>,
    pub counts: Counts,
    pub quit: bool,
    /// Set by `Ctrl-Z`; the terminal loop suspends and clears it.
    pub suspend: bool,
    pub search: Search,
    pub theme: crate::ui::theme::Theme,
    pub shape: crate::ui::areas::Shape,
    /// Every article byline was asked to open.
    pub library: Vec<Item>,
    /// Which library item is open, if any.
    pub current: Option<usize>,
    pub picker: Picker,
    pub loader: Loader,
    /// Recently read articles: (library index, article, analysis).
    cache: Vec<(usize, Article, Analysis)>,
    /// Content hash of the open article: its key in the state store.
    hash: String,
    /// The open article is still being indexed in the background.
    pub indexing: Option<crate::indexing::Indexing>,
}

impl App {
    pub fn new(article: Article, analysis: Analysis, size: Rect) -> App {
        let marks = marks::article_index(&article, &analysis);
        let counts = outline_counts(&article, &analysis);
        let layout = Layout::new(&article, 1);
        let message = (!article.warnings.is_empty()).then(|| article.warnings.join("; "));
        let mut app = App {
            article,
            analysis,
            marks,
            layout,
            size: Rect::default(),
            areas: Areas::default(),
            top: 0,
            anchor: Anchor::default(),
            focus: Focus::Body,
            outline_selected: 0,
            leader_selected: 0,
            mention_cursor: None,
            show_quotes: true,
            show_leaders: true,
            leaders_pane: true,
            help: false,
            mouse_capture: true,
            message,
            counts,
            quit: false,
            suspend: false,
            search: Search::default(),
            theme: crate::ui::theme::Theme::default(),
            shape: crate::ui::areas::Shape::default(),
            library: Vec::new(),
            current: None,
            picker: Picker::default(),
            loader: Loader::default(),
            cache: Vec::new(),
            hash: String::new(),
            indexing: None,
        };
        app.resize(size);
        app
    }

    /// A reader over a library: opens the only article directly, else starts in the
    /// picker.
    pub fn with_library(items: Vec<Item>, loader: Loader, size: Rect) -> App {
        let empty = crate::article::plain::parse(String::new(), "");
        let mut app = App::new(empty, Analysis::default(), size);
        app.library = items;
        app.loader = loader;
        app.picker.refilter(&app.library);
        if app.library.len() == 1 {
            app.open(0);
        }
        if app.current.is_none() {
            app.picker.open = true;
        }
        app
    }

    /// Opens library item `index`: from the cache or from disk; a failure is shown in
    /// the picker and leaves the reader as it was.
    pub fn open(&mut self, index: usize) {
        if self.current == Some(index) {
            self.picker.open = false;
            return;
        }
        let mut indexing = None;
        let loaded = match self.cache.iter().position(|(i, _, _)| *i == index) {
            Some(at) => {
                let (_, article, analysis) = self.cache.remove(at);
                (article, analysis)
            }
            None => match self.load(index, &mut indexing) {
                Ok(pair) => pair,
                Err(err) => {
                    let text = format!("{err:#}");
                    if let Some(item) = self.library.get_mut(index) {
                        item.error = Some(text.clone());
                    }
                    self.message = Some(text);
                    self.picker.open = true;
                    return;
                }
            },
        };
        self.remember();
        let (article, analysis) = loaded;
        let old_article = std::mem::replace(&mut self.article, article);
        let old_analysis = std::mem::replace(&mut self.analysis, analysis);
        // A half-indexed article is not worth caching.
        let old_complete = self.indexing.take().is_none();
        self.indexing = indexing;
        if let Some(old) = self.current.filter(|_| old_complete) {
            self.cache.push((old, old_article, old_analysis));
            if self.cache.len() > CACHED_ARTICLES {
                self.cache.remove(0);
            }
        }
        self.current = Some(index);
        self.reset_reader();
        if let Some(item) = self.library.get_mut(index) {
            item.words = self.article.word_count();
            item.title = self.article.title.clone();
        }
        let memory = self
            .loader
            .store
            .as_ref()
            .map(|s| s.lookup(&self.hash, &self.article.source));
        match memory {
            Some(Ok(Some(m))) => self.restore(m.anchor, m.quotes, m.leaders),
            Some(Err(err)) => self.message = Some(format!("{err:#}")),
            _ => {}
        }
        self.picker.open = false;
        self.picker.select(index);
    }

    /// Reads and analyses item `index`; a file with several articles becomes several
    /// items first. A big article comes back as its first part, with `indexing` set.
    fn load(
        &mut self,
        index: usize,
        indexing: &mut Option<crate::indexing::Indexing>,
    ) -> anyhow::Result<(Article, Analysis)> {
        let item = self
            .library
            .get(index)
            .ok_or_else(|| anyhow::anyhow!("no article {index}"))?;
        if let Some(err) = &item.error {
            anyhow::bail!("{err}");
        }
        let loader = &self.loader;
        if let Some((first, analysis, run)) = crate::indexing::start(
            &item.entry,
            loader.format,
            &loader.extra_leaders,
            loader.progressive_bytes,
        ) {
            *indexing = Some(run);
            return Ok((first, analysis));
        }
        let mut articles = item.entry.load(self.loader.format)?;
        let wanted = item.index;
        if articles.len() > 1
            && self
                .library
                .iter()
                .filter(|i| i.entry.source == item.entry.source)
                .count()
                == 1
        {
            library::expand(&mut self.library, index, &articles);
            // Indices after this one moved.
            self.cache.clear();
            self.current = self
                .current
                .map(|c| if c > index { c + articles.len() - 1 } else { c });
            self.picker.refilter(&self.library);
        }
        if wanted >= articles.len() {
            anyhow::bail!(
                "{}: article {} is gone",
                self.library[index].entry.source,
                wanted + 1
            );
        }
        let article = articles.swap_remove(wanted);
        let analysis = analysis::analyse(&article, &self.loader.extra_leaders);
        Ok((article, analysis))
    }

    /// Fresh per-article state for a newly opened article.
    fn reset_reader(&mut self) {
        self.marks = marks::article_index(&self.article, &self.analysis);
        self.counts = outline_counts(&self.article, &self.analysis);
        self.hash = state::hash(&self.article.text);
        self.layout = Layout::new(&self.article, usize::from(self.areas.text.width).max(1));
        self.top = 0;
        self.anchor = Anchor::default();
        self.focus = Focus::Body;
        self.outline_selected = 0;
        self.leader_selected = 0;
        self.mention_cursor = None;
        self.show_quotes = true;
        self.show_leaders = true;
        self.search = Search::default();
        self.message =
            (!self.article.warnings.is_empty()).then(|| self.article.warnings.join("; "));
        self.resize(self.size);
    }

    /// Takes over the whole article once background indexing is done; keeps the reader
    /// on the same sentence, the highlights as they are and the search. True when the
    /// screen changed.
    pub fn poll_indexing(&mut self) -> bool {
        let Some(done) = self.indexing.as_ref().and_then(|i| i.poll()) else {
            return false;
        };
        self.indexing = None;
        match done {
            Ok((article, analysis)) => {
                let moved = self.anchor != Anchor::default();
                self.article = article;
                self.analysis = analysis;
                self.marks = marks::article_index(&self.article, &self.analysis);
                self.counts = outline_counts(&self.article, &self.analysis);
                self.hash = state::hash(&self.article.text);
                self.layout = Layout::new(&self.article, usize::from(self.areas.text.width).max(1));
                self.resize(self.size);
                if self.search.is_active() {
                    let editing = self.search.editing;
                    self.search.origin = self.anchor;
                    self.run_search();
                    self.search.editing = editing;
                }
                let memory = self
                    .loader
                    .store
                    .as_ref()
                    .map(|s| s.lookup(&self.hash, &self.article.source));
                if let (false, Some(Ok(Some(m)))) = (moved, memory) {
                    self.restore(m.anchor, m.quotes, m.leaders);
                }
                if let Some(item) = self.current.and_then(|c| self.library.get_mut(c)) {
                    item.words = self.article.word_count();
                }
            }
            Err(err) => self.message = Some(format!("indexing failed: {err:#}")),
        }
        true
    }

    /// Saves where the reader is in the open article (when positions are remembered).
    pub fn remember(&mut self) {
        let (Some(store), Some(_)) = (&self.loader.store, self.current) else {
            return;
        };
        let entry = state::Entry {
            hash: self.hash.clone(),
            source: self.article.source.clone(),
            anchor: self.anchor,
            quotes: self.show_quotes,
            leaders: self.show_leaders,
            seen: 0,
        };
        if let Err(err) = store.save(entry) {
            self.message = Some(format!("remembering the position: {err:#}"));
        }
    }

    /// Keys while the picker is shown.
    fn picker_action(&mut self, action: Action) {
        let page = usize::from(self.size.height.saturating_sub(4)).max(1) as isize;
        match action {
            Action::Quit => self.quit = true,
            Action::Suspend => self.suspend = true,
            Action::Help => self.help = true,
            Action::Resize(w, h) => self.resize(Rect::new(0, 0, w, h)),
            Action::Down => self.picker.step(1),
            Action::Up => self.picker.step(-1),
            Action::PageDown | Action::HalfDown => self.picker.step(page),
            Action::PageUp | Action::HalfUp => self.picker.step(-page),
            Action::Top => self.picker.selected = 0,
            Action::Bottom => self.picker.step(isize::MAX),
            Action::Activate => match self.picker.current() {
                Some(i) => self.open(i),
                None => self.message = Some("no article matches the filter".into()),
            },
            Action::SearchStart => self.picker.editing = true,
            Action::SearchInput(c) => {
                self.picker.filter.push(c);
                self.picker.refilter(&self.library);
                self.picker.selected = 0;
            }
            Action::SearchBackspace => {
                self.picker.filter.pop();
                self.picker.refilter(&self.library);
                self.picker.selected = 0;
            }
            Action::SearchConfirm => self.picker.editing = false,
            Action::Escape if self.picker.editing || !self.picker.filter.is_empty() => {
                self.picker.editing = false;
                self.picker.filter.clear();
                self.picker.refilter(&self.library);
            }
            Action::Escape | Action::OpenPicker if self.current.is_some() => {
                self.picker.open = false
            }
            Action::Wheel { down, .. } => self.picker.step(if down { 1 } else { -1 }),
            Action::Click { y, .. } => {
                let list = crate::ui::areas::picker_list(self.size);
                if y >= list.y && y < list.bottom() {
                    let offset = picker_offset(list, self.picker.selected);
                    let row = offset + usize::from(y - list.y);
                    if row < self.picker.visible.len() {
                        self.picker.selected = row;
                        if let Some(i) = self.picker.current() {
                            self.open(i);
                        }
                    }
                }
            }
            _ => {}
        }
    }

    /// `}`/`{`: the next or previous article in the library, without the picker.
    fn step_article(&mut self, forward: bool) {
        let len = self.library.len();
        let Some(current) = self.current.filter(|_| len > 1) else {
            self.message = Some("only one article is open".into());
            return;
        };
        let next = if forward {
            (current + 1) % len
        } else {
            (current + len - 1) % len
        };
        self.open(next);
        if self.current == Some(next) {
            self.message = Some(format!(
                "article {}/{len}: {}",
                next + 1,
                self.article.title
            ));
        }
    }

    /// A prompt (search or the picker's filter) takes typed characters.
    pub fn typing(&self) -> bool {
        if self.picker.open {
            self.picker.editing
        } else {
            self.search.editing
        }
    }

    /// Visible body rows.
    pub fn height(&self) -> usize {
        usize::from(self.areas.text.height)
    }

    /// The largest `top`: the last line at the bottom, or the last heading at the top,
    /// whichever is further, so that every section can be brought to the top.
    pub fn max_top(&self) -> usize {
        let end = self.layout.len().saturating_sub(self.height());
        let last_heading = self.section_lines().last().unwrap_or(0);
        end.max(last_heading)
    }

    fn section_lines(&self) -> impl Iterator<Item = usize> + '_ {
        self.layout.section_lines(&self.article)
    }

    /// The section the reader is in (0 = the lead): the one holding the top line, or at
    /// the very end, the last one whose heading is on screen.
    pub fn current_entry(&self) -> usize {
        let lines: Vec<usize> = self.section_lines().collect();
        // At the natural end (`G`), not past it after a jump to a late heading.
        let at_end = self.top > 0 && self.top + self.height() == self.layout.len();
        let probe = if at_end {
            self.top + self.height().saturating_sub(1)
        } else {
            self.top
        };
        lines.partition_point(|&l| l <= probe)
    }

    /// Position through the article, 0–100: 100 once the last line is on screen.
    pub fn percent(&self) -> usize {
        let end = self.layout.len().saturating_sub(self.height());
        (self.top.min(end) * 100).checked_div(end).unwrap_or(100)
    }

    pub fn outline_len(&self) -> usize {
        self.article.sections.len() + 1
    }

    /// Which highlight kinds are shown, as a mask over `marks::Marks`.
    pub fn mark_mask(&self) -> Marks {
        let mut m = Marks::DATELINE
            .with(Marks::MATCH)
            .with(Marks::CURRENT_MATCH);
        if self.show_quotes {
            m = m.with(Marks::QUOTE);
        }
        if self.show_leaders {
            m = m.with(Marks::LEADER);
        }
        m
    }

    pub fn update(&mut self, action: Action) {
        if !matches!(action, Action::Resize(..)) {
            self.message = None;
        }
        if self.help {
            match action {
                Action::Help | Action::Escape => self.help = false,
                Action::Quit => self.quit = true,
                Action::Suspend => self.suspend = true,
                Action::Resize(w, h) => self.resize(Rect::new(0, 0, w, h)),
                _ => {}
            }
            return;
        }
        if self.picker.open {
            self.picker_action(action);
            return;
        }
        if self.search.editing && self.prompt_action(action) {
            return;
        }
        let page = self.height().saturating_sub(1).max(1);
        match action {
            Action::Quit => self.quit = true,
            Action::Suspend => self.suspend = true,
            Action::Escape if self.search.is_active() => self.clear_search(),
            Action::Escape => self.focus = Focus::Body,
            Action::SearchStart => {
                self.search.editing = true;
                self.search.query.clear();
                self.search.origin = self.anchor;
                self.run_search();
            }
            Action::NextMatch => self.step_match(true),
            Action::PrevMatch => self.step_match(false),
            Action::OpenPicker if self.library.len() > 1 => {
                self.picker.open = true;
                if let Some(c) = self.current {
                    self.picker.select(c);
                }
            }
            Action::OpenPicker => {
                self.message =
                    Some("one article open: give byline several files or a folder".into());
            }
            Action::NextArticle => self.step_article(true),
            Action::PrevArticle => self.step_article(false),
            Action::SearchInput(_) | Action::SearchBackspace | Action::SearchConfirm => {}
            Action::Help => self.help = true,
            Action::Down => self.move_in_focus(1),
            Action::Up => self.move_in_focus(-1),
            Action::PageDown => self.scroll_by(page as isize),
            Action::PageUp => self.scroll_by(-(page as isize)),
            Action::HalfDown => self.scroll_by((self.height() / 2).max(1) as isize),
            Action::HalfUp => self.scroll_by(-((self.height() / 2).max(1) as isize)),
            Action::Top => self.scroll_to(0),
            Action::Bottom => {
                if self.indexing.is_some() {
                    self.message =
                        Some("indexing… this is the end of what is loaded so far".into());
                }
                self.scroll_to(self.layout.len().saturating_sub(self.height()));
            }
            Action::NextSection => {
                let next = self.section_lines().find(|&l| l > self.top);
                match next {
                    Some(line) => self.scroll_to(line),
                    None => self.message = Some("no next section".into()),
                }
            }
            Action::PrevSection => {
                let line = self
                    .section_lines()
                    .filter(|&l| l < self.top)
                    .last()
                    .unwrap_or(0);
                self.scroll_to(line);
            }
            Action::JumpSection(n) => self.jump_to_entry(n),
            Action::FocusNext => self.cycle_focus(true),
            Action::FocusPrev => self.cycle_focus(false),
            Action::Activate => match self.focus {
                Focus::Outline => self.jump_to_entry(self.outline_selected),
                Focus::Leaders => self.step_mention(true),
                Focus::Body => {}
            },
            Action::ToggleQuotes => self.show_quotes = !self.show_quotes,
            Action::ToggleLeaders => self.show_leaders = !self.show_leaders,
            Action::ToggleAll => {
                let on = !(self.show_quotes || self.show_leaders);
                self.show_quotes = on;
                self.show_leaders = on;
            }
            Action::ToggleLeadersPane => {
                self.leaders_pane = !self.leaders_pane;
                if !self.leaders_pane && self.focus == Focus::Leaders {
                    self.focus = Focus::Body;
                }
                self.resize(self.size);
            }
            Action::NextMention => self.step_mention(true),
            Action::PrevMention => self.step_mention(false),
            Action::ToggleMouse => {
                self.mouse_capture = !self.mouse_capture;
                self.message = Some(if self.mouse_capture {
                    "mouse capture on".into()
                } else {
                    "mouse capture off: select text with the mouse; m turns it back on".into()
                });
            }
            Action::Resize(w, h) => self.resize(Rect::new(0, 0, w, h)),
            Action::Wheel { x, y, down } => self.wheel(Position { x, y }, down),
            Action::Click { x, y } => self.click(Position { x, y }),
        }
    }

    /// Handles an action while the search prompt is open; false lets it through.
    fn prompt_action(&mut self, action: Action) -> bool {
        match action {
            Action::SearchInput(c) => {
                self.search.query.push(c);
                self.run_search();
            }
            Action::SearchBackspace => {
                self.search.query.pop();
                self.run_search();
            }
            Action::SearchConfirm => {
                self.search.editing = false;
                if self.search.matches.is_empty() && self.search.is_active() {
                    self.message = Some(format!("no match for “{}”", self.search.query));
                }
            }
            Action::Escape => {
                let origin = self.search.origin;
                self.clear_search();
                self.jump_to_anchor(origin);
            }
            _ => return false,
        }
        true
    }

    /// Finds the query (incrementally, as it is typed) and shows the first match at or
    /// after where the search started.
    fn run_search(&mut self) {
        let query = Query::new(&self.search.query);
        let search = &mut self.search;
        search.matches.clear();
        search.index = RangeIndex::default();
        search.per_entry = vec![0; self.article.sections.len() + 1];
        search.current = None;
        search.scanned = 0;
        search.compiled = query;
        if search.compiled.is_none() {
            self.jump_to_anchor(self.search.origin);
            return;
        }
        self.search_step();
    }

    /// Whether a search is still scanning the article.
    pub fn searching(&self) -> bool {
        self.search.compiled.is_some() && self.search.scanned < self.article.text.len()
    }

    /// Scans the next slice of the article for the query: a search never holds the
    /// screen for more than a slice, however big the article. Shows the first match at
    /// or after where the search started as soon as it is found.
    pub fn search_step(&mut self) {
        let Some(query) = self.search.compiled.as_ref() else {
            return;
        };
        let text = self.article.text.as_str();
        let from = self.search.scanned;
        let mut until = (from + SEARCH_SLICE).min(text.len());
        while !text.is_char_boundary(until) {
            until += 1;
        }
        let (found, next) = query.find_in(text, from, until);
        let origin = self
            .article
            .blocks
            .get(self.search.origin.block)
            .map_or(0, |b| b.range.start)
            + self.search.origin.offset;
        for m in found {
            let block = self.article.block_at(m.start);
            self.search.per_entry[self.article.section_of_block(block).map_or(0, |s| s + 1)] += 1;
            self.search.index.push(m.clone(), Marks::MATCH);
            self.search.matches.push(m);
        }
        self.search.scanned = next;
        let first_after_origin = self.search.matches.partition_point(|m| m.start < origin);
        let current = if first_after_origin < self.search.matches.len() {
            Some(first_after_origin)
        } else if !self.searching() && !self.search.matches.is_empty() {
            // Nothing after the start: wrap to the first match.
            Some(0)
        } else {
            None
        };
        if self.search.current.is_none() && current.is_some() {
            self.search.current = current;
            if let Some(i) = current {
                self.show_byte(self.search.matches[i].start);
            }
        } else if current.is_none() && !self.searching() {
            self.jump_to_anchor(self.search.origin);
        }
    }

    fn clear_search(&mut self) {
        self.search = Search::default();
    }

    /// `n`/`N`: the next or previous match, wrapping around with a note.
    fn step_match(&mut self, forward: bool) {
        let count = self.search.matches.len();
        if count == 0 {
            self.message = Some(if self.search.is_active() {
                format!("no match for “{}”", self.search.query)
            } else {
                "no search yet: press / to search".into()
            });
            return;
        }
        let current = self.search.current.unwrap_or(0);
        let next = if forward {
            (current + 1) % count
        } else {
            (current + count - 1) % count
        };
        if forward && next < current {
            self.message = Some("search wrapped to the top".into());
        } else if !forward && next > current {
            self.message = Some("search wrapped to the bottom".into());
        }
        self.search.current = Some(next);
        self.show_byte(self.search.matches[next].start);
    }

    /// Scrolls so that `byte` is on screen, a quarter of the way down, unless it is
    /// already visible.
    fn show_byte(&mut self, byte: usize) {
        let line = self.layout.line_of_byte(&self.article, byte);
        if line < self.top || line >= self.top + self.height() {
            self.scroll_to(line.saturating_sub(self.height() / 4));
        }
    }

    fn jump_to_anchor(&mut self, anchor: Anchor) {
        let line = self.layout.line_of(anchor, &self.article);
        self.scroll_to(line);
    }

    /// Applies the config: theme, pane shape, leaders pane, mouse.
    pub fn configure(&mut self, config: &crate::config::Config, color: bool) {
        self.theme = config.theme(color);
        self.shape = crate::ui::areas::Shape {
            measure: config.measure,
            center: config.center,
            outline_width: config.outline_width,
        };
        self.leaders_pane = config.leaders_pane;
        self.mouse_capture = config.mouse;
        self.resize(self.size);
    }

    /// Puts the reader back where they were in this article, with their highlights.
    pub fn restore(&mut self, anchor: Anchor, quotes: bool, leaders: bool) {
        self.anchor = anchor;
        self.show_quotes = quotes;
        self.show_leaders = leaders;
        self.top = self
            .layout
            .line_of(anchor, &self.article)
            .min(self.max_top());
        self.outline_selected = self.current_entry();
    }

    /// Re-wraps once for a new body width and keeps the reader on the same sentence.
    fn resize(&mut self, size: Rect) {
        let anchor = self.anchor;
        self.size = size;
        self.areas = Areas::new(size, self.leaders_rows(), self.shape);
        let width = usize::from(self.areas.text.width).max(1);
        if width != self.layout.width {
            self.layout = Layout::new(&self.article, width);
        }
        self.top = self
            .layout
            .line_of(anchor, &self.article)
            .min(self.max_top());
    }

    /// Where the reader is: the start of the top line when they last moved.
    pub fn anchor(&self) -> Anchor {
        self.anchor
    }

    /// Sets the top line and the anchor that follows it.
    fn set_top(&mut self, line: usize) {
        self.top = line.min(self.max_top());
        self.anchor = self.layout.anchor_of(self.top, &self.article);
    }

    fn leaders_rows(&self) -> usize {
        if self.leaders_pane {
            self.analysis.leaders.len()
        } else {
            0
        }
    }

    fn scroll_to(&mut self, line: usize) {
        self.set_top(line);
        if self.focus != Focus::Outline {
            self.outline_selected = self.current_entry();
        }
    }

    fn scroll_by(&mut self, delta: isize) {
        self.scroll_to(self.top.saturating_add_signed(delta));
    }

    fn move_in_focus(&mut self, delta: isize) {
        match self.focus {
            Focus::Body => self.scroll_by(delta),
            Focus::Outline => {
                self.outline_selected = step(self.outline_selected, delta, self.outline_len());
            }
            Focus::Leaders => {
                self.leader_selected =
                    step(self.leader_selected, delta, self.analysis.leaders.len());
                self.mention_cursor = None;
            }
        }
    }

    /// Outline entry `n`: 0 is the top, k is section k.
    fn jump_to_entry(&mut self, n: usize) {
        let line = if n == 0 {
            Some(0)
        } else {
            self.article
                .sections
                .get(n - 1)
                .map(|s| self.layout.block_line(s.block))
        };
        match line {
            Some(line) => {
                self.outline_selected = n;
                self.set_top(line);
            }
            None => self.message = Some(format!("no section {n}")),
        }
    }

    fn cycle_focus(&mut self, forward: bool) {
        let mut order = vec![Focus::Body];
        if self.areas.outline.is_some() {
            order.push(Focus::Outline);
        }
        if self.areas.leaders.is_some() {
            order.push(Focus::Leaders);
        }
        let at = order.iter().position(|&f| f == self.focus).unwrap_or(0);
        let next = if forward {
            at + 1
        } else {
            at + order.len() - 1
        };
        self.focus = order[next % order.len()];
        if self.focus == Focus::Outline {
            self.outline_selected = self.current_entry();
        }
    }

    /// Jumps to the next or previous mention of the selected leader, wrapping around.
    fn step_mention(&mut self, forward: bool) {
        let Some(leader) = self.analysis.leaders.get(self.leader_selected) else {
            self.message = Some("no leaders in this article".into());
            return;
        };
        let count = leader.mentions.len();
        let index = match self.mention_cursor {
            Some((l, i)) if l == self.leader_selected => {
                if forward {
                    (i + 1) % count
                } else {
                    (i + count - 1) % count
                }
            }
            _ => {
                // From the reading position: the first mention on or after the top line.
                let lines: Vec<usize> = leader
                    .mentions
                    .iter()
                    .map(|m| self.layout.line_of_byte(&self.article, m.start))
                    .collect();
                let after = lines.partition_point(|&l| l < self.top);
                if forward {
                    after % count
                } else {
                    (after + count - 1) % count
                }
            }
        };
        let start = leader.mentions[index].start;
        self.message = Some(format!("{} — mention {}/{}", leader.name, index + 1, count));
        self.mention_cursor = Some((self.leader_selected, index));
        self.show_byte(start);
    }

    fn wheel(&mut self, at: Position, down: bool) {
        let delta = if down { 1 } else { -1 };
        if self.areas.outline.is_some_and(|r| r.contains(at)) {
            self.outline_selected = step(self.outline_selected, delta, self.outline_len());
        } else if self.areas.leaders.is_some_and(|r| r.contains(at)) {
            self.leader_selected = step(self.leader_selected, delta, self.analysis.leaders.len());
        } else {
            self.scroll_by(delta * WHEEL_LINES as isize);
        }
    }

    fn click(&mut self, at: Position) {
        if let Some(r) = self.areas.outline.filter(|r| r.contains(at)) {
            self.focus = Focus::Outline;
            if let Some(entry) = row_entry(r, at.y, self.outline_selected, self.outline_len()) {
                self.jump_to_entry(entry);
            }
        } else if let Some(r) = self.areas.leaders.filter(|r| r.contains(at)) {
            self.focus = Focus::Leaders;
            if let Some(entry) =
                row_entry(r, at.y, self.leader_selected, self.analysis.leaders.len())
            {
                self.leader_selected = entry;
                self.mention_cursor = None;
                self.step_mention(true);
            }
        } else if self.areas.body.contains(at) {
            self.focus = Focus::Body;
        }
    }
}

fn step(at: usize, delta: isize, len: usize) -> usize {
    at.saturating_add_signed(delta).min(len.saturating_sub(1))
}

/// The first entry shown in a bordered list pane of `area` whose selection is
/// `selected`: scrolls just enough to keep the selection visible. Views use the same
/// function, so a click lands on what is drawn.
pub fn list_offset(area: Rect, selected: usize, len: usize) -> usize {
    let rows = usize::from(area.height.saturating_sub(2)).max(1);
    selected
        .saturating_sub(rows - 1)
        .min(len.saturating_sub(rows))
}

/// The first picker row shown in `list` (an unbordered list) for a selection.
pub fn picker_offset(list: Rect, selected: usize) -> usize {
    selected.saturating_sub(usize::from(list.height).max(1) - 1)
}

/// The list entry under row `y` of a bordered pane.
fn row_entry(area: Rect, y: u16, selected: usize, len: usize) -> Option<usize> {
    let row = y.checked_sub(area.y + 1)?;
    if row >= area.height.saturating_sub(2) {
        return None;
    }
    let entry = list_offset(area, selected, len) + usize::from(row);
    (entry < len).then_some(entry)
}

/// How many quotes and leader mentions each outline entry holds.
fn outline_counts(article: &Article, analysis: &Analysis) -> Counts {
    let mut counts = vec![(0, 0); article.sections.len() + 1];
    for h in &analysis.highlights {
        let block = article.block_at(h.range.start);
        let entry = article.section_of_block(block).map_or(0, |s| s + 1);
        match h.kind {
            Kind::Quote => counts[entry].0 += 1,
            Kind::Leader(_) => counts[entry].1 += 1,
        }
    }
    counts
}
