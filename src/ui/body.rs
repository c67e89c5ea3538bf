//! The body pane: only the visible slice of the laid-out lines, styled by marks.

use ratatui::Frame;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use crate::app::App;
use crate::article::{BlockKind, table};
use crate::layout::{self, LineKind, QUOTE_INDENT};
use crate::marks::{self, Marks};

pub fn render(app: &App, frame: &mut Frame) {
    let areas = &app.areas;
    let height = app.height();
    let lines: Vec<Line> = app
        .layout
        .lines(&app.article, app.top..app.top + height)
        .into_iter()
        .map(|line| {
            let mut drawn = match line.kind {
                LineKind::Blank => Line::default(),
                LineKind::Code => {
                    Line::styled(&app.article.text[line.range.clone()], app.theme.code)
                }
                LineKind::Text => styled_line(app, line.block, line.range.clone()),
            };
            if line.indent > 0 {
                // An indent starts with a bar for each quote the block is in; lists and
                // code step in past them.
                let kind = app.article.blocks[line.block].kind;
                let bars = layout::bar_columns(kind, app.layout.width);
                let prefix = if bars > 0 {
                    let columns = (0..usize::from(line.indent)).map(|column| {
                        if column < bars && column % QUOTE_INDENT == 0 {
                            '│'
                        } else {
                            ' '
                        }
                    });
                    Span::styled(columns.collect::<String>(), app.theme.dim)
                } else {
                    Span::raw(" ".repeat(usize::from(line.indent)))
                };
                drawn.spans.insert(0, prefix);
            }
            drawn
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), areas.text);

    let max_top = app.max_top();
    if max_top > 0 {
        let mut state = ScrollbarState::new(max_top + 1).position(app.top);
        let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None);
        frame.render_stateful_widget(bar, areas.scrollbar, &mut state);
    }
    mark_matches_on_scrollbar(app, frame);
}

/// A tick on the scrollbar for every row of it whose stretch of the article holds a
/// search match: a binary search per row, so the cost does not grow with the matches,
/// and rows placed in the text without wrapping, so not with the paragraphs' length.
fn mark_matches_on_scrollbar(app: &App, frame: &mut Frame) {
    let bar = app.areas.scrollbar;
    let layout = &app.layout;
    let matches = &app.search.matches;
    if matches.is_empty() || bar.height == 0 || layout.is_empty() {
        return;
    }
    let rows = usize::from(bar.height);
    let byte_at = |row: usize| {
        let line = (row * layout.len()).div_ceil(rows);
        layout
            .byte_near_line(&app.article, line)
            .unwrap_or(usize::MAX)
    };
    let buf = frame.buffer_mut();
    for row in 0..rows {
        let (from, to) = (if row == 0 { 0 } else { byte_at(row) }, byte_at(row + 1));
        let first = matches.partition_point(|m| m.start < from);
        if matches.get(first).is_some_and(|m| m.start < to) {
            let y = bar.y + u16::try_from(row).unwrap_or(u16::MAX);
            if let Some(cell) = buf.cell_mut((bar.x, y)) {
                cell.set_symbol("◆").set_style(app.theme.search);
            }
        }
    }
}

/// One visual line: whitespace runs drawn as single spaces (as the layout measured
/// them; a table's as they are), each run of text styled by the marks over it.
fn styled_line<'a>(app: &'a App, block: usize, range: std::ops::Range<usize>) -> Line<'a> {
    let text = app.article.text.as_str();
    let base = match app.article.blocks[block].kind {
        BlockKind::Title => app.theme.title,
        BlockKind::Heading { .. } => app.theme.heading,
        BlockKind::Break => app.theme.dim,
        BlockKind::Paragraph
        | BlockKind::ListItem { .. }
        | BlockKind::Quote { .. }
        | BlockKind::Term
        | BlockKind::Definition
        | BlockKind::Code
        | BlockKind::Table => Style::new(),
    };
    // A table's rows keep the spaces that line up its columns.
    let keep_spaces = app.article.blocks[block].kind == BlockKind::Table;
    let mask = app.mark_mask();
    let mut spans = Vec::new();
    let mut after_space = false;
    let current = app
        .search
        .current
        .map(|i| (app.search.matches[i].clone(), Marks::CURRENT_MATCH));
    let overlapping = app
        .marks
        .overlapping(range.clone())
        .chain(app.search.index.overlapping(range.clone()))
        .chain(
            current
                .into_iter()
                .filter(|(r, _)| r.start < range.end && r.end > range.start),
        );
    for (seg, set) in marks::segments(range.clone(), overlapping) {
        let style = base.patch(app.theme.for_marks(Marks(set.0 & mask.0)));
        let mut piece = String::new();
        for c in text[seg].chars() {
            if c.is_whitespace() && !keep_spaces {
                if !after_space {
                    piece.push(' ');
                }
                after_space = true;
            } else if keep_spaces && table::is_rule(c) {
                // A table's rules recede behind its cells.
                spans.push(Span::styled(std::mem::take(&mut piece), style));
                spans.push(Span::styled(c.to_string(), app.theme.dim));
            } else {
                piece.push(c);
                after_space = false;
            }
        }
        spans.push(Span::styled(piece, style));
    }
    spans.retain(|s| !s.content.is_empty());
    Line::from(spans)
}
