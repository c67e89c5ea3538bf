//! The article picker's state: a fuzzy filter over the library's titles and sources,
//! the filtered order, and the selection. No terminal here.

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};

use crate::library::Item;

#[derive(Debug, Default)]
pub struct Picker {
    pub open: bool,
    pub filter: String,
    /// The filter prompt has the keys.
    pub editing: bool,
    /// Library indices shown, best match first.
    pub visible: Vec<usize>,
    /// Index into `visible`.
    pub selected: usize,
}

impl Picker {
    /// Recomputes the visible list for the filter; keeps the selection on the same item
    /// when it is still shown.
    pub fn refilter(&mut self, items: &[Item]) {
        let keep = self.visible.get(self.selected).copied();
        self.visible = if self.filter.trim().is_empty() {
            (0..items.len()).collect()
        } else {
            let pattern = Pattern::parse(&self.filter, CaseMatching::Smart, Normalization::Smart);
            let mut matcher = Matcher::new(Config::DEFAULT);
            let mut buf = Vec::new();
            let mut scored: Vec<(u32, usize)> = items
                .iter()
                .enumerate()
                .filter_map(|(i, item)| {
                    let haystack = format!("{} {}", item.title, item.entry.source);
                    let score = pattern.score(Utf32Str::new(&haystack, &mut buf), &mut matcher)?;
                    Some((score, i))
                })
                .collect();
            scored.sort_by_key(|&(score, i)| (std::cmp::Reverse(score), i));
            scored.into_iter().map(|(_, i)| i).collect()
        };
        self.selected = keep
            .and_then(|k| self.visible.iter().position(|&v| v == k))
            .unwrap_or(0);
    }

    /// The library index of the selected item.
    pub fn current(&self) -> Option<usize> {
        self.visible.get(self.selected).copied()
    }

    pub fn select(&mut self, library_index: usize) {
        if let Some(p) = self.visible.iter().position(|&v| v == library_index) {
            self.selected = p;
        }
    }

    pub fn step(&mut self, delta: isize) {
        let last = self.visible.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::{Entry, Origin};

    fn item(title: &str) -> Item {
        Item {
            entry: Entry {
                source: format!("{title}.txt"),
                origin: Origin::Bytes(Vec::new()),
            },
            index: 0,
            title: title.into(),
            length: crate::library::Length::Words(100),
            error: None,
        }
    }

    #[test]
    fn fuzzy_filter_ranks_and_keeps_selection() {
        let items = vec![
            item("Harbour ferry vote"),
            item("Budget passes"),
            item("Ferry fares rise"),
        ];
        let mut p = Picker::default();
        p.refilter(&items);
        assert_eq!(p.visible, [0, 1, 2]);
        p.selected = 2;
        p.filter = "ferry".into();
        p.refilter(&items);
        assert_eq!(p.visible.len(), 2);
        assert_eq!(p.current(), Some(2), "the selected item stays selected");
        p.filter = "bdgt".into();
        p.refilter(&items);
        assert_eq!(p.visible, [1]);
        p.filter = "zzz".into();
        p.refilter(&items);
        assert!(p.visible.is_empty() && p.current().is_none());
    }
}
