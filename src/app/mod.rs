//! The reader's state and the only code that changes it: `App::update(Action)`.
//! No terminal here, so every behaviour is testable by sending actions. Search and the
//! library (picker, opening articles) live in the two submodules.

mod articles;
mod search;

pub use articles::{Loader, picker_offset};
pub use search::Search;

use ratatui::layout::{Position, Rect};

use std::sync::Arc;

use crate::analysis::Analysis;
use crate::article::Article;
use crate::layout::{self, Anchor, Layout, Line};
use crate::library::Item;
use crate::marks::{self, Marks, RangeIndex};
use crate::picker::Picker;
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
    ToggleSidePanes,
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
    /// `←`/`→`: scroll the rows of code and tables sideways, half the body at a time.
    ScrollLeft,
    ScrollRight,
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
    /// A wheel turned sideways (or a touchpad swiped): rows of code and tables scroll a
    /// few columns.
    WheelSideways {
        right: bool,
    },
    Click {
        x: u16,
        y: u16,
    },
    /// The mouse moved with its left button held.
    Drag {
        x: u16,
        y: u16,
    },
    /// The left button let go.
    Release,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Body,
    Outline,
    Leaders,
}

/// Lines the mouse wheel scrolls.
const WHEEL_LINES: usize = 3;
/// Columns a sideways turn of the wheel scrolls rows of code and tables.
const WHEEL_COLUMNS: usize = 4;

/// Per outline entry: (quotes, leader mentions) in it. Entry 0 is the lead.
type Counts = Vec<(usize, usize)>;

pub struct App {
    /// Shared with a background re-layout after a resize (see `indexing::Relayout`).
    pub article: Arc<Article>,
    pub analysis: Analysis,
    /// Quotes, leaders and dateline, built once; toggles mask it when drawing.
    pub marks: RangeIndex,
    pub layout: Layout,
    pub size: Rect,
    pub areas: Areas,
    /// First visible line of the body.
    pub top: usize,
    /// Columns the rows of code and tables on screen are scrolled to the left: drawn as
    /// written, a row wider than the body is scrolled sideways rather than wrapped.
    pub scroll_x: usize,
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
    /// Lines the help overlay is scrolled down.
    pub help_scroll: usize,
    pub mouse_capture: bool,
    /// The scrollbar was clicked and not let go: dragging moves along it.
    scrollbar_held: bool,
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
    /// The folder every library item is in, which the picker shows once.
    pub library_folder: String,
    /// Which library item is open, if any.
    pub current: Option<usize>,
    /// How far the reader got in the articles read before, 0–100, by source.
    pub progress: std::collections::HashMap<String, u8>,
    pub picker: Picker,
    pub loader: Loader,
    /// Recently read articles: (library index, article, analysis).
    pub(super) cache: Vec<(usize, Arc<Article>, Analysis)>,
    /// Content hash of the open article: its key in the state store.
    hash: String,
    /// The open article is still being indexed in the background.
    pub indexing: Option<crate::indexing::Indexing>,
    /// The exact layout after a resize of a big article, still being counted.
    relayout: Option<crate::indexing::Relayout>,
}

/// Articles from this size on are re-laid out around the reader at once and exactly in
/// the background; smaller ones are re-wrapped whole, in a few milliseconds.
const LAZY_RELAYOUT_BYTES: usize = 512 << 10;

impl App {
    pub fn new(article: Article, analysis: Analysis, size: Rect) -> App {
        let marks = marks::article_index(&article, &analysis);
        let counts = crate::analysis::section_counts(&article, &analysis);
        // Laid out by the `resize` below, once, at the real width.
        let layout = Layout::empty(0);
        let message = (!article.warnings.is_empty()).then(|| article.warnings.join("; "));
        let mut app = App {
            article: Arc::new(article),
            analysis,
            marks,
            layout,
            size: Rect::default(),
            areas: Areas::default(),
            top: 0,
            scroll_x: 0,
            anchor: Anchor::default(),
            focus: Focus::Body,
            outline_selected: 0,
            leader_selected: 0,
            mention_cursor: None,
            show_quotes: true,
            show_leaders: true,
            leaders_pane: true,
            help: false,
            help_scroll: 0,
            mouse_capture: true,
            scrollbar_held: false,
            message,
            counts,
            quit: false,
            suspend: false,
            search: Search::default(),
            theme: crate::ui::theme::Theme::default(),
            shape: crate::ui::areas::Shape::default(),
            library: Vec::new(),
            library_folder: String::new(),
            current: None,
            progress: Default::default(),
            picker: Picker::default(),
            loader: Loader::default(),
            cache: Vec::new(),
            hash: String::new(),
            indexing: None,
            relayout: None,
        };
        app.resize(size);
        app
    }

    /// A prompt (search or the picker's filter) takes typed characters.
    pub fn typing(&self) -> bool {
        if self.picker.open {
            self.picker.editing
        } else {
            self.search.editing
        }
    }

    /// Columns the outline's longest entry needs: marker, number, title, counts, borders.
    fn outline_want(&self) -> u16 {
        let top = self.article.top_level();
        let longest = std::iter::once(crate::source::display_width(&self.article.title))
            .chain(self.article.sections.iter().enumerate().map(|(i, s)| {
                let number = (i + 1).to_string().len() + 1;
                let indent = usize::from(s.level - top.min(s.level));
                number + indent + crate::source::display_width(&s.title)
            }))
            .max()
            .unwrap_or(0);
        // Marker, a space, up to ~8 columns of counts, two borders.
        u16::try_from(longest + 12).unwrap_or(u16::MAX)
    }

    /// Columns the leaders pane's longest entry needs: a space, name, role, mentions,
    /// borders; none without the pane.
    fn leaders_want(&self) -> u16 {
        use crate::source::display_width;
        let shown = if self.leaders_pane {
            &self.analysis.leaders[..]
        } else {
            &[]
        };
        let longest = shown.iter().map(|l| {
            let role = l.role.as_deref().map_or(0, |r| 3 + display_width(r));
            display_width(&l.name) + role + 1 + l.mentions.len().to_string().len()
        });
        u16::try_from(longest.max().map_or(0, |n| n + 3)).unwrap_or(u16::MAX)
    }

    /// Visible body rows.
    pub fn height(&self) -> usize {
        usize::from(self.areas.text.height)
    }

    /// The largest `top`: the last line at the bottom, or the last heading at the top,
    /// whichever is further, so that every section can be brought to the top.
    pub fn max_top(&self) -> usize {
        let end = self.layout.len().saturating_sub(self.height());
        let last_heading = self
            .article
            .sections
            .len()
            .checked_sub(1)
            .map_or(0, |i| self.section_line(i));
        end.max(last_heading)
    }

    /// The first visual line of section `i`.
    fn section_line(&self, i: usize) -> usize {
        self.layout
            .block_line(&self.article, self.article.sections[i].block)
    }

    /// How many sections start at or before `line`: section lines only increase, so a
    /// binary search — the outline and status bar ask every frame, whatever the size.
    fn sections_up_to(&self, line: usize) -> usize {
        self.article
            .sections
            .partition_point(|s| self.layout.block_line(&self.article, s.block) <= line)
    }

    /// The section the reader is in (0 = the lead): the one holding the top line, or at
    /// the very end, the last one whose heading is on screen.
    pub fn current_entry(&self) -> usize {
        // At the natural end (`G`), not past it after a jump to a late heading.
        let at_end = self.top > 0 && self.top + self.height() == self.layout.len();
        let probe = if at_end {
            self.top + self.height().saturating_sub(1)
        } else {
            self.top
        };
        self.sections_up_to(probe)
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
        // Markup styles, the dateline and search matches are always shown.
        let mut m = [
            Marks::DATELINE,
            Marks::MATCH,
            Marks::CURRENT_MATCH,
            Marks::EMPHASIS,
            Marks::STRONG,
            Marks::CODE,
            Marks::LINK,
            Marks::DELETED,
            Marks::MUTED,
        ]
        .into_iter()
        .fold(Marks::default(), Marks::with);
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
            let page = usize::from(self.size.height.saturating_sub(3)).max(1);
            match action {
                Action::Help | Action::Escape => {
                    self.help = false;
                    self.help_scroll = 0;
                }
                Action::Down => self.help_scroll = self.help_scroll.saturating_add(1),
                Action::Up => self.help_scroll = self.help_scroll.saturating_sub(1),
                Action::PageDown | Action::HalfDown => {
                    self.help_scroll = self.help_scroll.saturating_add(page)
                }
                Action::PageUp | Action::HalfUp => {
                    self.help_scroll = self.help_scroll.saturating_sub(page)
                }
                Action::Top => self.help_scroll = 0,
                Action::Bottom => self.help_scroll = usize::MAX,
                Action::Quit => self.quit = true,
                Action::Suspend => self.suspend = true,
                Action::Resize(w, h) => self.resize(Rect::new(0, 0, w, h)),
                _ => {}
            }
            // No further than what the overlay holds at this size.
            self.help_scroll = self
                .help_scroll
                .min(crate::ui::help::hidden_lines(self.size));
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
                self.search.origin_x = self.scroll_x;
                self.run_search();
            }
            Action::NextMatch => self.step_match(true),
            Action::PrevMatch => self.step_match(false),
            Action::ScrollLeft => self.scroll_sideways(-(self.half_body() as isize)),
            Action::ScrollRight => self.scroll_sideways(self.half_body() as isize),
            Action::WheelSideways { right } => self.scroll_sideways(match right {
                true => WHEEL_COLUMNS as isize,
                false => -(WHEEL_COLUMNS as isize),
            }),
            Action::OpenPicker if self.library.len() > 1 => {
                self.note_progress();
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
            Action::Bottom => self.scroll_to(self.layout.len().saturating_sub(self.height())),
            Action::NextSection => {
                let after = self.sections_up_to(self.top);
                let next = (after < self.article.sections.len()).then(|| self.section_line(after));
                match next {
                    Some(line) => self.scroll_to(line),
                    None => self.message = Some("no next section".into()),
                }
            }
            Action::PrevSection => {
                let before = self.sections_up_to(self.top.saturating_sub(1));
                let line = before.checked_sub(1).map_or(0, |i| self.section_line(i));
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
            Action::ToggleSidePanes => {
                self.shape.side = !self.shape.side;
                if !self.shape.side {
                    self.focus = Focus::Body;
                }
                self.resize(self.size);
                if self.shape.side && self.areas.outline.is_none() {
                    self.message = Some("too narrow for the side panes".into());
                }
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
            Action::Drag { y, .. } if self.scrollbar_held => self.scroll_along_bar(y),
            Action::Drag { .. } => {}
            Action::Release => self.scrollbar_held = false,
        }
    }

    /// Scrolls so that `byte` is on screen, a quarter of the way down, unless it is
    /// already visible; in a row of code or a table, sideways too, a quarter of the way
    /// in.
    fn show_byte(&mut self, byte: usize) {
        let line = self.layout.line_of_byte(&self.article, byte);
        if line < self.top || line >= self.top + self.height() {
            self.scroll_to(line.saturating_sub(self.height() / 4));
        }
        let Some(row) = self.layout.line(&self.article, line) else {
            return;
        };
        if !layout::is_row(&self.article, &row) || byte < row.range.start {
            return;
        }
        let column = layout::row_columns(&self.article.text, row.range.start..byte, usize::MAX);
        let room = self.row_room(&row);
        // Not under the marks that say a row goes on (see `ui::body`).
        let shown = self.scroll_x + usize::from(self.scroll_x > 0)..self.scroll_x + room - 1;
        if !shown.contains(&column) {
            let want = column.saturating_sub(room / 4);
            self.scroll_x = want.min(self.sideways_limit(want));
        }
    }

    /// Half the width rows have, at least a column: what `←` and `→` scroll.
    fn half_body(&self) -> usize {
        usize::from(self.areas.rows.width / 2).max(1)
    }

    /// The columns a row has beside its indent (see [`App::row_place`]).
    fn row_room(&self, row: &Line) -> usize {
        self.row_place(row).1
    }

    /// Where a row goes (see `Areas::rows`): how many columns left of the rows' area it
    /// starts, and how many it has beside its indent. A row at the margin wider than
    /// the area — a table's: code is set in — takes the room left of the text as far
    /// as it needs (a table's rows are as wide as each other, so its columns stay in
    /// line); a row set in, under an item's text or behind a quote's bar, stays there.
    pub(crate) fn row_place(&self, row: &Line) -> (usize, usize) {
        let room = usize::from(self.areas.rows.width)
            .saturating_sub(usize::from(row.indent))
            .max(1);
        let spare = usize::from(self.areas.spare_left());
        if spare == 0 || row.indent > 0 {
            return (0, room);
        }
        let columns = layout::row_columns(&self.article.text, row.range.clone(), room + spare);
        let outdent = columns.saturating_sub(room);
        (outdent, room + outdent)
    }

    /// How far the rows of code and tables on screen can be scrolled sideways, up to
    /// `want` columns: until the widest one's end shows.
    fn sideways_limit(&self, want: usize) -> usize {
        let text = &self.article.text;
        self.layout
            .lines(&self.article, self.top..self.top + self.height())
            .iter()
            .filter(|line| layout::is_row(&self.article, line))
            .map(|row| {
                let room = self.row_room(row);
                layout::row_columns(text, row.range.clone(), want + room).saturating_sub(room)
            })
            .max()
            .unwrap_or(0)
    }

    /// Rows scrolled sideways stay so only as far as the rows on screen go.
    pub(super) fn keep_rows_in_reach(&mut self) {
        if self.scroll_x > 0 {
            self.scroll_x = self.scroll_x.min(self.sideways_limit(self.scroll_x));
        }
    }

    fn scroll_sideways(&mut self, delta: isize) {
        let want = self.scroll_x.saturating_add_signed(delta);
        self.scroll_x = want.min(self.sideways_limit(want));
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
            side: config.side_panes,
            ..self.shape
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
        self.settle();
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
        self.shape.outline_want = self.outline_want();
        self.shape.leaders_want = self.leaders_want();
        self.areas = Areas::new(size, self.leaders_rows(), self.shape);
        let width = usize::from(self.areas.text.width).max(1);
        if width != self.layout.width {
            self.relayout = None;
            if self.article.text.len() < LAZY_RELAYOUT_BYTES {
                self.layout = Layout::new(&self.article, width);
            } else {
                self.layout = Layout::around(&self.article, width, anchor.block);
                let article = Arc::clone(&self.article);
                self.relayout = Some(crate::indexing::Relayout::start(article, width));
            }
        }
        self.top = self
            .layout
            .line_of(anchor, &self.article)
            .min(self.max_top());
        self.keep_rows_in_reach();
    }

    /// Work running in the background that the loop should look at now and then.
    pub fn busy(&self) -> bool {
        self.indexing.is_some() || self.relayout.is_some()
    }

    /// Work to do right after this frame: a big article's first part, shown before its
    /// highlights were found.
    pub fn due(&self) -> bool {
        self.indexing
            .as_ref()
            .is_some_and(|i| i.first_part_pending())
    }

    /// Takes in what background work has finished: the whole article, an exact layout.
    pub fn poll_background(&mut self) {
        self.poll_indexing();
        let Some(relayout) = &self.relayout else {
            return;
        };
        match relayout.poll() {
            Ok(None) => {}
            Ok(Some(layout)) => {
                self.relayout = None;
                if layout.width == self.layout.width {
                    self.layout = layout;
                    self.top = self
                        .layout
                        .line_of(self.anchor, &self.article)
                        .min(self.max_top());
                }
            }
            Err(_) => self.relayout = None,
        }
    }

    /// After a move in a layout that still estimates some blocks: counts those around
    /// the reader, and puts `top` back on the anchor if line numbers changed.
    fn settle(&mut self) {
        if !self.layout.is_exact() && self.layout.refine(&self.article, self.anchor.block) {
            self.top = self
                .layout
                .line_of(self.anchor, &self.article)
                .min(self.max_top());
        }
    }

    /// Where the reader is: the start of the top line when they last moved.
    pub fn anchor(&self) -> Anchor {
        self.anchor
    }

    /// Sets the top line and the anchor that follows it.
    fn set_top(&mut self, line: usize) {
        self.top = line.min(self.max_top());
        self.anchor = self.layout.anchor_of(self.top, &self.article);
        self.settle();
        self.keep_rows_in_reach();
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

    /// Scrolls to where row `y` of the scrollbar stands in the article: its top row the
    /// start, its bottom row the end.
    fn scroll_along_bar(&mut self, y: u16) {
        let bar = self.areas.scrollbar;
        let rows = usize::from(bar.height.saturating_sub(1)).max(1);
        let row = usize::from(y.saturating_sub(bar.y)).min(rows);
        self.scroll_to((row * self.max_top() + rows / 2) / rows);
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
                .map(|s| self.layout.block_line(&self.article, s.block))
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
        self.scrollbar_held = self.areas.scrollbar.contains(at) && self.max_top() > 0;
        if self.scrollbar_held {
            self.focus = Focus::Body;
            self.scroll_along_bar(at.y);
        } else if let Some(r) = self.areas.outline.filter(|r| r.contains(at)) {
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

/// The list entry under row `y` of a bordered pane.
fn row_entry(area: Rect, y: u16, selected: usize, len: usize) -> Option<usize> {
    let row = y.checked_sub(area.y + 1)?;
    if row >= area.height.saturating_sub(2) {
        return None;
    }
    let entry = list_offset(area, selected, len) + usize::from(row);
    (entry < len).then_some(entry)
}
