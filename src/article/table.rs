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

/// Grids wider than this would be cut across several screen lines per row in most
/// terminals; such a table reads better as one paragraph per row.
pub const MAX_WIDTH: usize = 100;

/// A table laid out as text.
#[derive(Debug, PartialEq, Eq)]
pub struct Grid {
    /// The rows, one per line.
    pub text: String,
    /// Where each cell's text starts in `text`: row by row, the cells each row has.
    pub cells: Vec<usize>,
}

/// Lays out `rows` of cells (rows may differ in length; missing cells are empty), the
/// first `head_rows` of them ruled off from the rest. `None` when the grid would be
/// wider than [`MAX_WIDTH`].
pub fn grid(rows: &[Vec<&str>], head_rows: usize, aligns: &[Align]) -> Option<Grid> {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths = vec![0; columns];
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(display_width(cell));
        }
    }
    // `│ ` before each cell, ` ` after it, and the closing `│`.
    if widths.iter().map(|w| w + 3).sum::<usize>() + 1 > MAX_WIDTH {
        return None;
    }
    let aligns: Vec<Align> = (0..columns)
        .map(|c| match aligns.get(c).copied().unwrap_or_default() {
            Align::Auto if is_numbers(rows.iter().skip(head_rows).map(|r| r.get(c))) => {
                Align::Right
            }
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
        for (c, width) in widths.iter().enumerate() {
            text.push_str("│ ");
            let cell = row.get(c).copied().unwrap_or("");
            let room = width - display_width(cell);
            let before = match aligns[c] {
                Align::Auto | Align::Left => 0,
                Align::Center => room / 2,
                Align::Right => room,
            };
            text.extend(std::iter::repeat_n(' ', before));
            if c < row.len() {
                cells.push(text.len());
            }
            text.push_str(cell);
            text.extend(std::iter::repeat_n(' ', room - before + 1));
        }
        text.push('│');
    }
    Some(Grid { text, cells })
}

/// Whether a column's cells are all numbers (`411`, `−251`, `3.5%`, `$1,200`), and
/// there is one.
fn is_numbers<'a>(mut cells: impl Iterator<Item = Option<&'a &'a str>>) -> bool {
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
        cell.is_some_and(|c| number(c))
    }) && any
}

/// The line between the head and the body: `├──┼──┤`.
fn push_rule(text: &mut String, widths: &[usize]) {
    for (c, width) in widths.iter().enumerate() {
        text.push(if c == 0 { '├' } else { '┼' });
        text.extend(std::iter::repeat_n('─', width + 2));
    }
    text.push('┤');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_padded_to_their_column_and_aligned() {
        let rows = vec![
            vec!["Party", "Leader", "Seats"],
            vec!["Labour", "Keir Starmer", "411"],
            vec!["Reform UK", "Nigel Farage"],
        ];
        let aligns = [Align::Left, Align::Center, Align::Right];
        let grid = grid(&rows, 1, &aligns).expect("narrow enough");
        let expected = [
            "│ Party     │    Leader    │ Seats │",
            "├───────────┼──────────────┼───────┤",
            "│ Labour    │ Keir Starmer │   411 │",
            "│ Reform UK │ Nigel Farage │       │",
        ];
        assert_eq!(grid.text, expected.join("\n"));
        let at = |cell: usize| &grid.text[grid.cells[cell]..];
        assert!(at(1).starts_with("Leader"));
        assert!(at(5).starts_with("411"));
        assert!(at(7).starts_with("Nigel Farage"));
        assert_eq!(grid.cells.len(), 8);
    }

    #[test]
    fn columns_of_numbers_sit_right_unless_told() {
        let rows = vec![
            vec!["Party", "Seats", "Share", "Note"],
            vec!["Labour", "411", "33.7%", "won"],
            vec!["Reform", "5", "−14", "12 new"],
        ];
        let grid = grid(&rows, 1, &[Align::Auto, Align::Auto, Align::Left]).expect("fits");
        let lines: Vec<&str> = grid.text.lines().collect();
        assert_eq!(lines[2], "│ Labour │   411 │ 33.7% │ won    │");
        assert_eq!(lines[3], "│ Reform │     5 │ −14   │ 12 new │");
    }

    #[test]
    fn widths_are_columns_on_screen_not_bytes() {
        let rows = vec![vec!["Erdoğan", "漢字"], vec!["Li", "x"]];
        let grid = grid(&rows, 0, &[]).expect("narrow enough");
        assert_eq!(grid.text, "│ Erdoğan │ 漢字 │\n│ Li      │ x    │");
    }

    #[test]
    fn a_grid_wider_than_a_screen_is_not_made() {
        let long = "word ".repeat(20);
        assert_eq!(grid(&[vec![long.trim(), "x"]], 0, &[]), None);
        assert!(grid(&[vec![&long[..90], "x"]], 0, &[]).is_some());
    }
}
