//! A table as text: each cell padded to its column's width between `│` rules, the head
//! ruled off, so that the table reads as a grid in a terminal. The rules also part the
//! cells' words, so that no name runs from one cell into the next.

use crate::source::display_width;

/// How a column's cells sit in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    /// As the table did not say: to the right for a column of numbers, else left.
    #[default]
    Auto,
    Left,
    Center,
    Right,
}

/// What the grid is drawn with: bars between cells, and the rule under the head.
const BAR: char = '│';
const LINE: char = '─';
const LEFT: char = '├';
const CROSS: char = '┼';
const RIGHT: char = '┤';

/// Whether `c` is one of the characters a grid is drawn with (which a reader may show
/// receding behind the cells).
pub fn is_rule(c: char) -> bool {
    matches!(c, BAR | LINE | LEFT | CROSS | RIGHT)
}

/// A row wider than the body is scrolled sideways (see `layout::window`); a grid wider
/// than this would be read a row at a time, scrolled to and fro across a few screens,
/// and reads better as one paragraph per row.
pub const MAX_WIDTH: usize = 150;

/// A table laid out as text.
#[derive(Debug, PartialEq, Eq)]
pub struct Grid {
    /// The rows, one per line.
    pub text: String,
    /// Where each cell's text starts in `text`: row by row, the cells each row has.
    pub cells: Vec<usize>,
}

/// One cell: its text and how many columns it spans (HTML's `colspan`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell<'a> {
    pub text: &'a str,
    pub span: usize,
}

impl<'a> Cell<'a> {
    pub fn new(text: &'a str) -> Cell<'a> {
        Cell { text, span: 1 }
    }
}

/// The cells of a row with the column each starts at.
fn placed<'r, 'a>(row: &'r [Cell<'a>]) -> impl Iterator<Item = (usize, &'r Cell<'a>)> + 'r {
    row.iter().scan(0, |column, cell| {
        let at = *column;
        *column += cell.span.max(1);
        Some((at, cell))
    })
}

/// Lays out `rows` of cells (rows may differ in length; missing cells are empty), the
/// first `head_rows` of them ruled off from the rest. `None` when the grid would be
/// wider than [`MAX_WIDTH`].
pub fn grid(rows: &[Vec<Cell>], head_rows: usize, aligns: &[Align]) -> Option<Grid> {
    let span = |cell: &Cell| cell.span.max(1);
    // A row's last cell spans at most the columns left (`colspan="999"`: the rest).
    let columns = rows
        .iter()
        .filter_map(|r| Some(r[..r.len().checked_sub(1)?].iter().map(span).sum::<usize>() + 1))
        .max()
        .unwrap_or(0);
    let rows: Vec<Vec<Cell>> = rows
        .iter()
        .map(|row| {
            let mut at = 0;
            row.iter()
                .map(|cell| {
                    let cell = Cell {
                        span: span(cell).min(columns - at),
                        ..*cell
                    };
                    at += cell.span;
                    cell
                })
                .collect()
        })
        .collect();
    let rows = rows.as_slice();
    // Columns fit their own cells; a cell across several widens them if it must. `│ `
    // before each cell and ` ` after it: 3 columns between two.
    let mut widths = vec![0; columns];
    for (at, cell) in rows.iter().flat_map(|r| placed(r)) {
        if span(cell) == 1 {
            widths[at] = widths[at].max(display_width(cell.text));
        }
    }
    for (at, cell) in rows.iter().flat_map(|r| placed(r)) {
        let (across, need) = (at..at + span(cell), display_width(cell.text));
        let have = widths[across.clone()].iter().sum::<usize>() + 3 * (span(cell) - 1);
        // Shared out evenly, the last columns taking what does not divide.
        let (more, n) = (need.saturating_sub(have), across.len());
        for (k, width) in widths[across].iter_mut().enumerate() {
            *width += more / n + usize::from(k >= n - more % n);
        }
    }
    if widths.iter().map(|w| w + 3).sum::<usize>() + 1 > MAX_WIDTH {
        return None;
    }
    // A column's own cells in the body, for its alignment: those spanning it say nothing.
    let own = |c: usize| {
        rows.iter().skip(head_rows).filter_map(move |row| {
            match placed(row).find(|&(at, cell)| at <= c && c < at + span(cell)) {
                Some((at, cell)) if at == c && span(cell) == 1 => Some(Some(cell.text)),
                Some(_) => None,
                None => Some(None),
            }
        })
    };
    let aligns: Vec<Align> = (0..columns)
        .map(|c| match aligns.get(c).copied().unwrap_or_default() {
            Align::Auto if is_numbers(own(c)) => Align::Right,
            Align::Auto => Align::Left,
            align => align,
        })
        .collect();
    let mut text = String::new();
    let mut cells = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        if r > 0 {
            text.push('\n');
        }
        if r > 0 && r == head_rows {
            push_rule(&mut text, &widths);
            text.push('\n');
        }
        let mut covered = 0;
        for (at, cell) in placed(row) {
            let across = at..at + span(cell);
            let width = widths[across.clone()].iter().sum::<usize>() + 3 * (across.len() - 1);
            cells.push(push_cell(&mut text, cell.text, width, aligns[at]));
            covered = across.end;
        }
        for &width in &widths[covered..] {
            push_cell(&mut text, "", width, Align::Left);
        }
        text.push(BAR);
    }
    Some(Grid { text, cells })
}

/// Appends `│ `, the cell's text placed in `width` columns as `align` says, and a space;
/// returns where the text starts.
fn push_cell(text: &mut String, cell: &str, width: usize, align: Align) -> usize {
    text.push(BAR);
    text.push(' ');
    let room = width.saturating_sub(display_width(cell));
    let before = match align {
        Align::Auto | Align::Left => 0,
        Align::Center => room / 2,
        Align::Right => room,
    };
    text.extend(std::iter::repeat_n(' ', before));
    let at = text.len();
    text.push_str(cell);
    text.extend(std::iter::repeat_n(' ', room - before + 1));
    at
}

/// Whether a column's cells (`None` for a missing one) are all numbers (`411`, `−251`,
/// `3.5%`, `$1,200`), and there is one.
fn is_numbers<'a>(mut cells: impl Iterator<Item = Option<&'a str>>) -> bool {
    let number = |cell: &str| {
        let digits = cell.trim_start_matches(['+', '-', '−', '$', '€', '£']);
        digits.starts_with(|c: char| c.is_ascii_digit())
            && digits
                .chars()
                .all(|c| c.is_ascii_digit() || ",.%".contains(c))
    };
    let mut any = false;
    cells.all(|cell| {
        any = true;
        cell.is_some_and(number)
    }) && any
}

/// The line between the head and the body: `├──┼──┤`.
fn push_rule(text: &mut String, widths: &[usize]) {
    for (c, width) in widths.iter().enumerate() {
        text.push(if c == 0 { LEFT } else { CROSS });
        text.extend(std::iter::repeat_n(LINE, width + 2));
    }
    text.push(RIGHT);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells<'a>(rows: &[&[&'a str]]) -> Vec<Vec<Cell<'a>>> {
        rows.iter()
            .map(|r| r.iter().map(|&t| Cell::new(t)).collect())
            .collect()
    }

    #[test]
    fn a_cell_across_columns_spans_their_widths_and_rules() {
        let span = |text, span| Cell { text, span };
        let rows = vec![
            vec![span("Region", 2), Cell::new("Votes")],
            vec![Cell::new("North"), Cell::new("East"), Cell::new("1,200")],
            vec![Cell::new("South"), Cell::new("West"), Cell::new("900")],
            vec![span("Total: 2,100", 3)],
        ];
        let made = grid(&rows, 1, &[]).expect("fits");
        let expected = [
            "│ Region       │ Votes │",
            "├───────┼──────┼───────┤",
            "│ North │ East │ 1,200 │",
            "│ South │ West │   900 │",
            "│ Total: 2,100         │",
        ];
        assert_eq!(made.text, expected.join("\n"));
        // A spanning cell wider than its columns widens them all alike.
        let mut rows = rows;
        rows[3] = vec![span("Total counted in all four regions", 3)];
        let made = grid(&rows, 1, &[]).expect("fits");
        let widths: Vec<usize> = made.text.lines().map(display_width).collect();
        assert!(widths.iter().all(|&w| w == widths[0]), "{}", made.text);
        assert!(made.text.contains("│ Total counted in all four regions │"));
        let rule = made.text.lines().nth(1).expect("the head's rule");
        let parts: Vec<usize> = rule
            .trim_matches(['├', '┤'])
            .split('┼')
            .map(|p| p.chars().count())
            .collect();
        // 7, 6, 7 columns (with the cells' spaces) before; 33 - 20 = 13 more, shared out.
        assert_eq!(parts, [11, 10, 12]);
    }

    #[test]
    fn cells_are_padded_to_their_column_and_aligned() {
        let rows = cells(&[
            &["Party", "Leader", "Seats"],
            &["Labour", "Keir Starmer", "411"],
            &["Reform UK", "Nigel Farage"],
        ]);
        let aligns = [Align::Left, Align::Center, Align::Right];
        let grid = grid(&rows, 1, &aligns).expect("narrow enough");
        let expected = [
            "│ Party     │    Leader    │ Seats │",
            "├───────────┼──────────────┼───────┤",
            "│ Labour    │ Keir Starmer │   411 │",
            "│ Reform UK │ Nigel Farage │       │",
        ];
        assert_eq!(grid.text, expected.join("\n"));
        // Less its rules and padding, the grid is its cells' words.
        let words: String = grid
            .text
            .chars()
            .filter(|&c| !is_rule(c) && c != ' ')
            .collect();
        let cells: String = rows
            .iter()
            .flatten()
            .map(|c| c.text.replace(' ', ""))
            .collect();
        assert_eq!(words.replace('\n', ""), cells);
        let at = |cell: usize| &grid.text[grid.cells[cell]..];
        assert!(at(1).starts_with("Leader"));
        assert!(at(5).starts_with("411"));
        assert!(at(7).starts_with("Nigel Farage"));
        assert_eq!(grid.cells.len(), 8);
    }

    #[test]
    fn columns_of_numbers_sit_right_unless_told() {
        let rows = cells(&[
            &["Party", "Seats", "Share", "Note"],
            &["Labour", "411", "33.7%", "won"],
            &["Reform", "5", "−14", "12 new"],
        ]);
        let grid = grid(&rows, 1, &[Align::Auto, Align::Auto, Align::Left]).expect("fits");
        let lines: Vec<&str> = grid.text.lines().collect();
        assert_eq!(lines[2], "│ Labour │   411 │ 33.7% │ won    │");
        assert_eq!(lines[3], "│ Reform │     5 │ −14   │ 12 new │");
    }

    #[test]
    fn widths_are_columns_on_screen_not_bytes() {
        let rows = cells(&[&["Erdoğan", "漢字"], &["Li", "x"]]);
        let grid = grid(&rows, 0, &[]).expect("narrow enough");
        assert_eq!(grid.text, "│ Erdoğan │ 漢字 │\n│ Li      │ x    │");
    }

    #[test]
    fn a_grid_wider_than_a_screen_is_not_made() {
        let long = "word ".repeat(30);
        assert_eq!(grid(&cells(&[&[long.trim(), "x"]]), 0, &[]), None);
        assert!(grid(&cells(&[&[&long[..142], "x"]]), 0, &[]).is_some());
    }
}
