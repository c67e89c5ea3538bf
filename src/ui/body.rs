//! The body pane: only the visible slice of the laid-out lines, styled by marks.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use crate::app::App;
use crate::article::{BlockKind, table};
use crate::layout::{self, LineKind};
use crate::marks::{self, Marks};
use crate::source;

pub fn render(app: &App, frame: &mut Frame) {
    let areas = &app.areas;
    let height = app.height();
    let mut cut = Vec::new();
    // A table's rows that take the room left of the text (see `App::row_place`), drawn
    // there after the rest.
    let mut set_out = Vec::new();
    let spare = usize::from(areas.spare_left());
    let lines: Vec<Line> = app
        .layout
        .lines(&app.article, app.top..app.top + height)
        .into_iter()
        .enumerate()
        .map(|(y, line)| {
            let (mut drawn, outdent) = match line.kind {
                LineKind::Blank => (Line::default(), 0),
                _ if layout::is_row(&app.article, &line) => {
                    row_line(app, y, spare, &line, &mut cut)
                }
                _ => (styled_line(app, line.block, line.range.clone()), 0),
            };
            if line.indent > 0 {
                // An indent starts with a bar for each quote the block is in; lists and
                // code step in past them.
                let kind = app.article.blocks[line.block].kind;
                let width = app.layout.width;
                let columns: String = (0..usize::from(line.indent))
                    .map(|column| match layout::is_bar(kind, width, column) {
                        true => '│',
                        false => ' ',
                    })
                    .collect();
                let prefix = Span::styled(columns, app.theme.dim);
                drawn.spans.insert(0, prefix);
            }
            if outdent > 0 {
                set_out.push((y, outdent, drawn));
                return Line::default();
            }
            drawn
        })
        .collect();
    // Prose is wrapped to the text's width; rows of code and tables may go further.
    frame.render_widget(Paragraph::new(lines), areas.rows);
    for (y, outdent, line) in set_out {
        let outdent = u16::try_from(outdent).unwrap_or(0);
        let at = Rect {
            x: areas.rows.x - outdent,
            y: areas.rows.y + u16::try_from(y).unwrap_or(0),
            width: areas.rows.width + outdent,
            height: 1,
        };
        frame.render_widget(line, at);
    }
    mark_cut_rows(app, frame, areas.lines(), &cut);

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

/// A row of a table or of code cut by the body's edges: on which screen row, its first
/// and last columns, and whether it goes on to the left, to the right.
struct Cut {
    y: usize,
    first: usize,
    last: usize,
    left: bool,
    right: bool,
}

/// A row of a table or of code, as much as shows of it scrolled sideways, and how far
/// it is set out into the `spare` columns left of the text (see `App::row_place`);
/// where it goes on out of sight, noted in `cut`.
fn row_line<'a>(
    app: &'a App,
    y: usize,
    spare: usize,
    line: &layout::Line,
    cut: &mut Vec<Cut>,
) -> (Line<'a>, usize) {
    let (outdent, room) = app.row_place(line);
    let shown = layout::window(&app.article.text, line.range.clone(), app.scroll_x, room);
    if shown.more_left || shown.more_right {
        let first = spare - outdent + usize::from(line.indent);
        cut.push(Cut {
            y,
            first,
            last: first + room.saturating_sub(1),
            left: shown.more_left,
            right: shown.more_right,
        });
    }
    let mut drawn = styled_line(app, line.block, shown.range);
    // A wide character cut by the left edge.
    drawn.spans.insert(0, Span::raw(" ".repeat(shown.lead)));
    (drawn, outdent)
}

/// `‹` and `›` at the edges where a row goes on out of sight, which `←` and `→` scroll
/// to.
fn mark_cut_rows(app: &App, frame: &mut Frame, area: Rect, cut: &[Cut]) {
    let buf = frame.buffer_mut();
    for row in cut {
        let y = area
            .y
            .saturating_add(u16::try_from(row.y).unwrap_or(u16::MAX));
        let marks = [(row.left, row.first, "‹"), (row.right, row.last, "›")];
        for (x, mark) in marks.into_iter().filter(|m| m.0).map(|m| (m.1, m.2)) {
            let x = area.x.saturating_add(u16::try_from(x).unwrap_or(u16::MAX));
            // Over the second half of a wide character, its first half goes too.
            if let Some(before) = x.checked_sub(1).and_then(|bx| buf.cell_mut((bx, y)))
                && source::display_width(before.symbol()) > 1
            {
                before.set_symbol(" ");
            }
            if let Some(cell) = buf.cell_mut((x, y)) {
                cell.set_symbol(mark).set_style(app.theme.dim);
            }
        }
    }
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
        | BlockKind::ListText(_)
        | BlockKind::Quote { .. }
        | BlockKind::Term
        | BlockKind::Definition
        | BlockKind::Table(_) => Style::new(),
        BlockKind::Code(_) => app.theme.code,
    };
    // Code keeps its spaces, and a table's rows the spaces that line up its columns.
    let kind = app.article.blocks[block].kind;
    let keep_spaces = matches!(kind, BlockKind::Code(_) | BlockKind::Table(_));
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
            } else if matches!(kind, BlockKind::Table(_)) && table::is_rule(c) {
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
