//! The library side of the app: opening articles (from the cache, from disk, or
//! progressively), the picker's keys, stepping between articles, remembering positions.

use ratatui::layout::Rect;

use super::{Action, App, Focus, Search};
use crate::analysis::leaders::KnownLeader;
use crate::analysis::section_counts;
use crate::analysis::{self, Analysis};
use crate::article::{Article, Format};
use crate::layout::{Anchor, Layout};
use crate::library::{self, Item, Length};
use crate::marks;
use crate::state::{self, Store};

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

impl App {
    /// A reader over a library: opens the only article directly, else starts in the
    /// picker.
    pub fn with_library(items: Vec<Item>, loader: Loader, size: Rect) -> App {
        let empty = crate::article::plain::parse(String::new(), "");
        let mut app = App::new(empty, Analysis::default(), size);
        app.library_folder = library::shared_folder(&items);
        app.library = items;
        app.loader = loader;
        if let Some(store) = &app.loader.store {
            // Unreadable, it is said when an article is opened.
            app.progress = store.progress().unwrap_or_default();
        }
        app.picker.refilter(&app.library);
        // One file opens at its first article, whether it holds one or several (a
        // feed's items, listed at once when the file is small).
        let one_file = (app.library.split_first())
            .is_some_and(|(first, rest)| rest.iter().all(|i| i.entry.source == first.entry.source));
        if one_file {
            app.open(0);
        }
        if app.current.is_none() {
            app.picker.open = true;
            // On the article read last, to go on with it.
            let last = (app.loader.store.as_ref()).and_then(|s| s.last_read().ok().flatten());
            let at = last.and_then(|l| app.library.iter().position(|i| i.entry.source == l));
            if let Some(at) = at {
                app.picker.select(at);
            }
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
                Ok((article, analysis)) => (std::sync::Arc::new(article), analysis),
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
        self.relayout = None;
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
            item.length = Length::Words(self.article.word_count());
            item.title = self.article.title.clone();
        }
        // A remembered position counts blocks of the whole article: while it is still
        // indexing, `poll_indexing` restores it.
        let memory = self
            .loader
            .store
            .as_ref()
            .filter(|_| self.indexing.is_none())
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
    pub(super) fn load(
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
            (self.size.width, self.size.height),
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
    pub(super) fn reset_reader(&mut self) {
        self.marks = marks::article_index(&self.article, &self.analysis);
        self.counts = section_counts(&self.article, &self.analysis);
        self.hash = state::hash(&self.article.text);
        self.layout = Layout::new(&self.article, usize::from(self.areas.text.width).max(1));
        self.top = 0;
        self.scroll_x = 0;
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
        if let Some(analysis) = self
            .indexing
            .as_mut()
            .and_then(|i| i.analyse_first_part(&self.article))
        {
            self.analysis = analysis;
            self.marks = marks::article_index(&self.article, &self.analysis);
            self.counts = section_counts(&self.article, &self.analysis);
            // The leaders pane may have grown.
            self.resize(self.size);
            return true;
        }
        let width = usize::from(self.areas.text.width).max(1);
        let Some(done) = self.indexing.as_mut().and_then(|i| i.poll(width)) else {
            return false;
        };
        let run = self.indexing.take();
        match done {
            Ok(whole) => {
                let moved = self.anchor != Anchor::default();
                if let Some(run) = &run {
                    self.anchor = run.map_anchor(&self.article, &whole.article, self.anchor);
                }
                self.article = std::sync::Arc::new(whole.article);
                self.relayout = None;
                self.analysis = whole.analysis;
                self.marks = whole.marks;
                self.counts = whole.counts;
                self.hash = whole.hash;
                // Laid out in the background; again only if the width changed since.
                self.layout = whole.layout;
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
                    item.length = Length::Words(whole.words);
                }
            }
            Err(err) => self.message = Some(format!("indexing failed: {err:#}")),
        }
        true
    }

    /// How far the reader got in library item `i` when last there, 0–100; none for an
    /// article never read, or one of several in a file (a feed's items), which the
    /// memory, kept by path, does not tell apart.
    pub fn read_progress(&self, i: usize) -> Option<u8> {
        let item = self.library.get(i)?;
        let source = &item.entry.source;
        let alone = item.index == 0
            && (self.library.get(i + 1)).is_none_or(|next| next.entry.source != *source);
        alone.then(|| self.progress.get(source).copied()).flatten()
    }

    /// Notes how far the reader is in the open article, for the library to show.
    pub(super) fn note_progress(&mut self) -> Option<u8> {
        // Mid-indexing the layout is the first part's: no measure of the whole.
        if self.indexing.is_some() || self.current.is_none() {
            return None;
        }
        let progress = u8::try_from(self.percent()).unwrap_or(100);
        self.progress.insert(self.article.source.clone(), progress);
        Some(progress)
    }

    /// Saves where the reader is in the open article (when positions are remembered).
    pub fn remember(&mut self) {
        let progress = self.note_progress();
        let (Some(store), Some(_)) = (&self.loader.store, self.current) else {
            return;
        };
        // Mid-indexing, only a position in the head has the whole article's numbering.
        if self
            .indexing
            .as_ref()
            .is_some_and(|run| !run.in_head(self.anchor))
        {
            return;
        }
        let entry = state::Entry {
            hash: self.hash.clone(),
            source: self.article.source.clone(),
            anchor: self.anchor,
            quotes: self.show_quotes,
            leaders: self.show_leaders,
            seen: 0,
            progress,
        };
        if let Err(err) = store.save(entry) {
            self.message = Some(format!("remembering the position: {err:#}"));
        }
    }

    /// Keys while the picker is shown.
    pub(super) fn picker_action(&mut self, action: Action) {
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
    pub(super) fn step_article(&mut self, forward: bool) {
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
}

/// The first picker row shown in `list` (an unbordered list) for a selection.
pub fn picker_offset(list: Rect, selected: usize) -> usize {
    selected.saturating_sub(usize::from(list.height).max(1) - 1)
}
