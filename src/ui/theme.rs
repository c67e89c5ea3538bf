//! Styles. Every highlight stays distinguishable without colour: quotes are italic,
//! leaders bold and underlined, search matches reversed — so `NO_COLOR` terminals and
//! light themes still show them. Colours only add to that.

use ratatui::style::{Color, Modifier, Style};

use crate::marks::Marks;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub quote: Style,
    pub leader: Style,
    pub dateline: Style,
    pub title: Style,
    pub heading: Style,
    pub search: Style,
    pub current_match: Style,
    pub emphasis: Style,
    pub strong: Style,
    pub code: Style,
    pub link: Style,
    pub deleted: Style,
    pub outline: Style,
    pub current_section: Style,
    pub selected: Style,
    pub border: Style,
    pub focused_border: Style,
    pub dim: Style,
    pub status: Style,
}

impl Theme {
    /// Modifiers only: what `NO_COLOR` gets, and the base the colour themes add to.
    pub fn plain() -> Theme {
        Theme {
            quote: Style::new().add_modifier(Modifier::ITALIC),
            leader: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            dateline: Style::new().add_modifier(Modifier::BOLD),
            title: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            heading: Style::new().add_modifier(Modifier::BOLD),
            search: Style::new().add_modifier(Modifier::REVERSED),
            current_match: Style::new()
                .add_modifier(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED),
            emphasis: Style::new().add_modifier(Modifier::ITALIC),
            strong: Style::new().add_modifier(Modifier::BOLD),
            code: Style::new(),
            link: Style::new().add_modifier(Modifier::UNDERLINED),
            deleted: Style::new().add_modifier(Modifier::CROSSED_OUT),
            outline: Style::new(),
            current_section: Style::new().add_modifier(Modifier::BOLD),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            border: Style::new(),
            focused_border: Style::new().add_modifier(Modifier::BOLD),
            dim: Style::new(),
            status: Style::new().add_modifier(Modifier::REVERSED),
        }
    }

    /// For dark terminal backgrounds.
    pub fn dark() -> Theme {
        let p = Theme::plain();
        Theme {
            quote: p.quote.fg(Color::Green),
            leader: p.leader.fg(Color::Cyan),
            dateline: p.dateline.fg(Color::Magenta),
            heading: p.heading.fg(Color::Blue),
            search: Style::new().fg(Color::Black).bg(Color::Yellow),
            current_match: Style::new()
                .fg(Color::Black)
                .bg(Color::LightRed)
                .add_modifier(Modifier::BOLD),
            code: Style::new().fg(Color::Yellow),
            link: p.link.fg(Color::Blue),
            border: Style::new().fg(Color::DarkGray),
            focused_border: Style::new().fg(Color::Yellow),
            dim: Style::new().fg(Color::DarkGray),
            ..p
        }
    }

    /// For light terminal backgrounds: darker colours that read on white.
    pub fn light() -> Theme {
        let p = Theme::plain();
        Theme {
            quote: p.quote.fg(Color::Rgb(0, 110, 40)),
            leader: p.leader.fg(Color::Rgb(0, 70, 160)),
            dateline: p.dateline.fg(Color::Rgb(140, 0, 110)),
            heading: p.heading.fg(Color::Rgb(30, 30, 140)),
            search: Style::new().fg(Color::Black).bg(Color::Rgb(255, 230, 120)),
            current_match: Style::new()
                .fg(Color::White)
                .bg(Color::Rgb(200, 40, 40))
                .add_modifier(Modifier::BOLD),
            code: Style::new().fg(Color::Rgb(120, 60, 0)),
            link: p.link.fg(Color::Rgb(0, 60, 180)),
            border: Style::new().fg(Color::Gray),
            focused_border: Style::new().fg(Color::Rgb(180, 90, 0)),
            dim: Style::new().fg(Color::Gray),
            ..p
        }
    }

    pub fn border(&self, focused: bool) -> Style {
        if focused {
            self.focused_border
        } else {
            self.border
        }
    }

    /// The style for text covered by `marks` (already masked by the toggles).
    pub fn for_marks(&self, marks: Marks) -> Style {
        let mut style = Style::new();
        for (mark, s) in [
            (Marks::EMPHASIS, self.emphasis),
            (Marks::STRONG, self.strong),
            (Marks::CODE, self.code),
            (Marks::LINK, self.link),
            (Marks::DELETED, self.deleted),
            (Marks::MUTED, self.dim),
            (Marks::DATELINE, self.dateline),
            (Marks::QUOTE, self.quote),
            (Marks::LEADER, self.leader),
            (Marks::MATCH, self.search),
            (Marks::CURRENT_MATCH, self.current_match),
        ] {
            if marks.contains(mark) {
                style = style.patch(s);
            }
        }
        style
    }
}

impl Default for Theme {
    fn default() -> Self {
        Theme::dark()
    }
}
