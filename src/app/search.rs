//! Search in the app: the prompt, incremental matching slice by slice, `n`/`N`.

use super::{Action, App};
use crate::layout::Anchor;
use crate::marks::{Marks, RangeIndex};
use crate::search::Query;

/// A search scans this much of the article between two looks at the keyboard.
const SEARCH_SLICE: usize = 4 << 20;

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
    /// Where the reader was when the prompt opened, and how far rows were scrolled
    /// sideways: Esc goes back there.
    pub(super) origin: Anchor,
    pub(super) origin_x: usize,
    /// The query, compiled; `None` when empty.
    pub(super) compiled: Option<Query>,
    /// Bytes of the article scanned so far.
    pub scanned: usize,
}

impl Search {
    pub fn is_active(&self) -> bool {
        !self.query.is_empty()
    }
}

impl App {
    /// Handles an action while the search prompt is open; false lets it through.
    pub(super) fn prompt_action(&mut self, action: Action) -> bool {
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
                self.say_if_no_match();
            }
            Action::Escape => {
                let (origin, x) = (self.search.origin, self.search.origin_x);
                self.clear_search();
                self.back_to(origin, x);
            }
            _ => return false,
        }
        true
    }

    /// Finds the query (incrementally, as it is typed) and shows the first match at or
    /// after where the search started.
    pub(super) fn run_search(&mut self) {
        let query = Query::new(&self.search.query);
        let search = &mut self.search;
        search.matches.clear();
        search.index = RangeIndex::default();
        search.per_entry = vec![0; self.article.sections.len() + 1];
        search.current = None;
        search.scanned = 0;
        search.compiled = query;
        if search.compiled.is_none() {
            self.back_to(self.search.origin, self.search.origin_x);
            return;
        }
        self.search_step();
    }

    /// Says so when a search kept with `Enter` has scanned the whole article and found
    /// nothing: not before, as a big article's match may be in a slice yet to come.
    fn say_if_no_match(&mut self) {
        let kept = !self.search.editing && self.search.is_active();
        if kept && self.search.matches.is_empty() && !self.searching() {
            self.message = Some(format!("no match for “{}”", self.search.query));
        }
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
            self.back_to(self.search.origin, self.search.origin_x);
        }
        if !self.searching() {
            self.say_if_no_match();
        }
    }

    /// Back where the search started: the reader's place, and rows as far sideways.
    fn back_to(&mut self, origin: Anchor, x: usize) {
        self.jump_to_anchor(origin);
        self.scroll_x = x;
        self.keep_rows_in_reach();
    }

    pub(super) fn clear_search(&mut self) {
        self.search = Search::default();
    }

    /// `n`/`N`: the next or previous match, wrapping around with a note.
    pub(super) fn step_match(&mut self, forward: bool) {
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
}
