//! Where each pane goes for a terminal size. Pure geometry, shared by drawing and by
//! the app (which needs the body's width to wrap and knows where a click landed).

use ratatui::layout::Rect;

/// Smaller than this, byline shows a short message instead of a broken layout.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 4;
/// The outline pane needs at least this much terminal width to be shown.
const OUTLINE_MIN_TERMINAL_WIDTH: u16 = 50;
/// The body's text is never wider than a comfortable reading measure.
pub const MEASURE: u16 = 84;

/// The user's choices that shape the panes (from the config).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    /// The widest the body's text gets.
    pub measure: u16,
    /// Centre the text in its pane (else keep it at the left).
    pub center: bool,
    /// The side panes' width; 0 fits their entries (see `new`).
    pub outline_width: u16,
    /// The width the outline's entries would like (set by the app from the article).
    pub outline_want: u16,
    /// The width the leaders pane's entries would like (set by the app from the
    /// analysis): given only where the text keeps its measure, so that leaders found
    /// after the first paint never re-wrap it.
    pub leaders_want: u16,
    /// Show the side panes (the outline, the leaders under it) where the terminal is
    /// wide enough; else the body takes the width.
    pub side: bool,
}

impl Default for Shape {
    fn default() -> Self {
        Shape {
            measure: MEASURE,
            center: true,
            outline_width: 0,
            outline_want: 30,
            leaders_want: 0,
            side: true,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Areas {
    pub outline: Option<Rect>,
    pub leaders: Option<Rect>,
    /// The whole body pane.
    pub body: Rect,
    /// Where the body's text goes: inside `body`, at most MEASURE wide, centred.
    pub text: Rect,
    /// Where rows of code and tables go: from the text's left edge to the body's right
    /// margin, so that a wide one takes the room the measure leaves beside the text (a
    /// table wider still, the room left of the text too: see [`Areas::spare_left`]).
    pub rows: Rect,
    pub scrollbar: Rect,
    pub status: Rect,
}

impl Areas {
    pub fn too_small(size: Rect) -> bool {
        size.width < MIN_WIDTH || size.height < MIN_HEIGHT
    }

    /// `leaders_rows`: entries in the leaders pane (0 hides it).
    pub fn new(size: Rect, leaders_rows: usize, shape: Shape) -> Areas {
        if Self::too_small(size) {
            return Areas::default();
        }
        let status = Rect {
            y: size.bottom() - 1,
            height: 1,
            ..size
        };
        let main = Rect {
            height: size.height - 1,
            ..size
        };
        let (left, body) = if shape.side && size.width >= OUTLINE_MIN_TERMINAL_WIDTH {
            // As wide as the outline's entries want: up to 30% of the terminal, or up
            // to two fifths where the text keeps its full measure anyway; as the leaders'
            // want only in what the text's measure leaves.
            let spare = size.width.saturating_sub(shape.measure.saturating_add(4));
            let cap = (size.width * 3 / 10)
                .max(spare.min(size.width * 2 / 5))
                .max(16);
            let outline = shape.outline_want.clamp(16, cap);
            let auto = outline.max(shape.leaders_want.min(spare.min(cap)));
            let w = if shape.outline_width == 0 {
                auto
            } else {
                shape.outline_width.clamp(10, size.width / 2)
            };
            (
                Some(Rect { width: w, ..main }),
                Rect {
                    x: main.x + w,
                    width: main.width - w,
                    ..main
                },
            )
        } else {
            (None, main)
        };
        let (outline, leaders) = match left {
            Some(left) if leaders_rows > 0 && left.height >= 12 => {
                let rows = u16::try_from(leaders_rows).unwrap_or(u16::MAX);
                let h = rows.saturating_add(2).min(left.height / 2);
                (
                    Some(Rect {
                        height: left.height - h,
                        ..left
                    }),
                    Some(Rect {
                        y: left.y + left.height - h,
                        height: h,
                        ..left
                    }),
                )
            }
            other => (other, None),
        };
        let scrollbar = Rect {
            x: body.right().saturating_sub(1),
            width: 1.min(body.width),
            ..body
        };
        // One column of air on each side of the text, plus the scrollbar.
        let room = body.width.saturating_sub(3);
        let text_width = room.min(shape.measure.max(10));
        let x = body.x
            + 1
            + if shape.center {
                (room - text_width) / 2
            } else {
                0
            };
        let text = Rect {
            x,
            width: text_width,
            ..body
        };
        let rows = Rect {
            width: (body.x + 1 + room).saturating_sub(x).max(text_width),
            ..text
        };
        Areas {
            outline,
            leaders,
            body,
            text,
            rows,
            scrollbar,
            status,
        }
    }

    /// The columns between the body's air on the left and the text (none when the text
    /// is not centred), which a table too wide for `rows` takes as far as it needs.
    pub fn spare_left(&self) -> u16 {
        self.rows.x.saturating_sub(self.body.x + 1)
    }

    /// Where the body's lines are drawn: `rows` and the spare columns left of it.
    pub fn lines(&self) -> Rect {
        let spare = self.spare_left();
        Rect {
            x: self.rows.x - spare,
            width: self.rows.width + spare,
            ..self.rows
        }
    }
}

/// The picker's list: below its header and filter line, above the status bar.
pub fn picker_list(size: Rect) -> Rect {
    let top = 2.min(size.height);
    Rect {
        y: size.y + top,
        height: size.height.saturating_sub(top + 1),
        ..size
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inside(inner: Rect, outer: Rect) -> bool {
        inner.x >= outer.x
            && inner.y >= outer.y
            && inner.right() <= outer.right()
            && inner.bottom() <= outer.bottom()
    }

    #[test]
    fn leaders_widen_the_side_only_where_the_text_keeps_its_width() {
        for w in 0..=260 {
            let size = Rect::new(0, 0, w, 40);
            let without = Areas::new(size, 3, Shape::default());
            let with = |leaders_want| {
                let shape = Shape {
                    leaders_want,
                    ..Shape::default()
                };
                Areas::new(size, 3, shape)
            };
            for want in [20, 40, 60, 90, 900] {
                assert_eq!(with(want).text.width, without.text.width, "{w}: {want}");
            }
            // And they do widen it where there is room.
            if w >= 200 {
                assert_eq!(with(60).leaders.map(|l| l.width), Some(60), "{w}");
            }
        }
    }

    #[test]
    fn every_area_fits_at_every_size() {
        for w in 0..=260 {
            for h in [0, 1, 3, 4, 5, 11, 12, 20, 40, 200] {
                let size = Rect::new(0, 0, w, h);
                let a = Areas::new(size, 3, Shape::default());
                for r in [
                    Some(a.body),
                    Some(a.text),
                    Some(a.rows),
                    Some(a.lines()),
                    Some(a.scrollbar),
                    Some(a.status),
                    a.outline,
                    a.leaders,
                ]
                .into_iter()
                .flatten()
                {
                    assert!(inside(r, size) || r.area() == 0, "{w}x{h}: {r:?}");
                }
                if !Areas::too_small(size) {
                    assert!(a.text.width <= MEASURE && a.text.width > 0, "{w}x{h}");
                    // Rows start with the text and end at the body's margin, clear of
                    // the scrollbar.
                    assert_eq!(
                        (a.rows.x, a.rows.y, a.rows.height),
                        (a.text.x, a.text.y, a.text.height)
                    );
                    assert_eq!(a.rows.right(), a.body.right() - 2, "{w}x{h}");
                    // The body's lines, from its air on the left to the rows' end.
                    let lines = a.lines();
                    assert_eq!((lines.x, lines.right()), (a.body.x + 1, a.rows.right()));
                }
                let odd = Shape {
                    measure: 0,
                    center: false,
                    outline_width: 500,
                    outline_want: 900,
                    leaders_want: 900,
                    side: true,
                };
                let b = Areas::new(size, 30, odd);
                for r in [
                    Some(b.body),
                    Some(b.text),
                    Some(b.rows),
                    Some(b.lines()),
                    Some(b.status),
                    b.outline,
                    b.leaders,
                ]
                .into_iter()
                .flatten()
                {
                    assert!(inside(r, size) || r.area() == 0, "{w}x{h}: {r:?}");
                }
                // Not centred, the text leaves no room to its left.
                assert_eq!(b.lines(), b.rows, "{w}x{h}");
            }
        }
    }

    #[test]
    fn without_side_panes_the_body_takes_the_width() {
        let size = Rect::new(0, 0, 120, 40);
        let shape = Shape {
            side: false,
            ..Shape::default()
        };
        let a = Areas::new(size, 3, shape);
        assert!(a.outline.is_none() && a.leaders.is_none());
        assert_eq!((a.body.x, a.body.width), (0, 120));
        assert!(Areas::new(size, 3, Shape::default()).outline.is_some());
    }

    #[test]
    fn narrow_terminals_hide_the_outline() {
        assert!(
            Areas::new(Rect::new(0, 0, 40, 20), 0, Shape::default())
                .outline
                .is_none()
        );
        assert!(
            Areas::new(Rect::new(0, 0, 60, 20), 0, Shape::default())
                .outline
                .is_some()
        );
    }
}
