//! Key and mouse events → `Action`s, through one table that the help overlay prints,
//! so the keys and their documentation cannot drift apart.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use crate::app::Action;

/// A key as the table names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Ctrl(char),
    Code(KeyCode),
}

pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    pub help: &'static str,
}

use Key::{Char, Code, Ctrl};

/// Every key byline knows. Order is the order of the help overlay.
#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    Binding { keys: &[Char('j'), Code(KeyCode::Down)], action: Action::Down, help: "scroll down a line (in a pane: select next)" },
    Binding { keys: &[Char('k'), Code(KeyCode::Up)], action: Action::Up, help: "scroll up a line (in a pane: select previous)" },
    Binding { keys: &[Char(' '), Code(KeyCode::PageDown), Ctrl('f')], action: Action::PageDown, help: "page down" },
    Binding { keys: &[Char('b'), Code(KeyCode::PageUp), Ctrl('b')], action: Action::PageUp, help: "page up" },
    Binding { keys: &[Ctrl('d')], action: Action::HalfDown, help: "half a page down" },
    Binding { keys: &[Ctrl('u')], action: Action::HalfUp, help: "half a page up" },
    Binding { keys: &[Code(KeyCode::Right)], action: Action::ScrollRight, help: "scroll wide code and tables right (› marks more)" },
    Binding { keys: &[Code(KeyCode::Left)], action: Action::ScrollLeft, help: "scroll wide code and tables left (‹ marks more)" },
    Binding { keys: &[Char('g'), Code(KeyCode::Home)], action: Action::Top, help: "go to the top" },
    Binding { keys: &[Char('G'), Code(KeyCode::End)], action: Action::Bottom, help: "go to the end" },
    Binding { keys: &[Char(']')], action: Action::NextSection, help: "next section" },
    Binding { keys: &[Char('[')], action: Action::PrevSection, help: "previous section" },
    Binding { keys: &[Char('1'), Char('2'), Char('3'), Char('4'), Char('5'), Char('6'), Char('7'), Char('8'), Char('9')], action: Action::JumpSection(0), help: "jump to the section with that number" },
    Binding { keys: &[Code(KeyCode::Tab)], action: Action::FocusNext, help: "move focus: body → outline → leaders" },
    Binding { keys: &[Code(KeyCode::BackTab)], action: Action::FocusPrev, help: "move focus back" },
    Binding { keys: &[Code(KeyCode::Enter)], action: Action::Activate, help: "in a pane: jump to the selected entry" },
    Binding { keys: &[Char('"')], action: Action::ToggleQuotes, help: "toggle quote highlights" },
    Binding { keys: &[Char('L')], action: Action::ToggleLeaders, help: "toggle leader highlights" },
    Binding { keys: &[Char('H')], action: Action::ToggleAll, help: "toggle all highlights" },
    Binding { keys: &[Char('l')], action: Action::ToggleLeadersPane, help: "show or hide the leaders pane" },
    Binding { keys: &[Char('t')], action: Action::ToggleSidePanes, help: "show or hide the outline and leaders panes" },
    Binding { keys: &[Char('.')], action: Action::NextMention, help: "next mention of the selected leader" },
    Binding { keys: &[Char(',')], action: Action::PrevMention, help: "previous mention of the selected leader" },
    Binding { keys: &[Char('m')], action: Action::ToggleMouse, help: "mouse capture on/off (off: select text with the mouse)" },
    Binding { keys: &[Char('/')], action: Action::SearchStart, help: "search (Enter keeps the matches, Esc goes back); in the picker: filter" },
    Binding { keys: &[Char('n')], action: Action::NextMatch, help: "next match" },
    Binding { keys: &[Char('N')], action: Action::PrevMatch, help: "previous match" },
    Binding { keys: &[Char('o')], action: Action::OpenPicker, help: "the article picker (library); Enter opens" },
    Binding { keys: &[Char('}')], action: Action::NextArticle, help: "next article" },
    Binding { keys: &[Char('{')], action: Action::PrevArticle, help: "previous article" },
    Binding { keys: &[Char('?')], action: Action::Help, help: "this help" },
    Binding { keys: &[Code(KeyCode::Esc)], action: Action::Escape, help: "close help or search, or return focus to the body" },
    Binding { keys: &[Ctrl('z')], action: Action::Suspend, help: "suspend to the shell (fg resumes)" },
    Binding { keys: &[Char('q'), Ctrl('c')], action: Action::Quit, help: "quit" },
];

/// Where keys go: the reader, or a text prompt (search) that takes typed characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Normal,
    Prompt,
}

/// The action for a terminal event, if any.
pub fn action_for(event: &Event, mode: Mode) -> Option<Action> {
    match event {
        Event::Key(key) if mode == Mode::Prompt => prompt_action(key),
        Event::Key(key) => key_action(key),
        Event::Mouse(mouse) => mouse_action(mouse),
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        _ => None,
    }
}

fn key_action(event: &KeyEvent) -> Option<Action> {
    if event.kind != KeyEventKind::Press {
        return None;
    }
    let key = match event.code {
        KeyCode::Char(c) if event.modifiers.contains(KeyModifiers::CONTROL) => {
            Ctrl(c.to_ascii_lowercase())
        }
        KeyCode::Char(c) => Char(c),
        code => Code(code),
    };
    let binding = BINDINGS.iter().find(|b| b.keys.contains(&key))?;
    Some(match (binding.action, key) {
        (Action::JumpSection(_), Char(d)) => Action::JumpSection(d.to_digit(10)? as usize),
        (action, _) => action,
    })
}

/// In a prompt, characters are text; Enter, Esc, Backspace and Ctrl-C keep their jobs.
fn prompt_action(event: &KeyEvent) -> Option<Action> {
    if event.kind != KeyEventKind::Press {
        return None;
    }
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    match event.code {
        KeyCode::Char('c') if ctrl => Some(Action::Quit),
        KeyCode::Char(c) if !ctrl => Some(Action::SearchInput(c)),
        KeyCode::Backspace => Some(Action::SearchBackspace),
        KeyCode::Enter => Some(Action::SearchConfirm),
        KeyCode::Esc => Some(Action::Escape),
        _ => None,
    }
}

fn mouse_action(event: &MouseEvent) -> Option<Action> {
    let (x, y) = (event.column, event.row);
    match event.kind {
        MouseEventKind::ScrollDown => Some(Action::Wheel { x, y, down: true }),
        MouseEventKind::ScrollUp => Some(Action::Wheel { x, y, down: false }),
        MouseEventKind::ScrollRight => Some(Action::WheelSideways { right: true }),
        MouseEventKind::ScrollLeft => Some(Action::WheelSideways { right: false }),
        MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { x, y }),
        MouseEventKind::Drag(MouseButton::Left) => Some(Action::Drag { x, y }),
        MouseEventKind::Up(MouseButton::Left) => Some(Action::Release),
        _ => None,
    }
}

/// How a key is written in the help overlay.
pub fn label(key: Key) -> String {
    match key {
        Char(' ') => "Space".into(),
        Char(c) => c.to_string(),
        Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
        Code(KeyCode::Down) => "↓".into(),
        Code(KeyCode::Up) => "↑".into(),
        Code(KeyCode::Right) => "→".into(),
        Code(KeyCode::Left) => "←".into(),
        Code(KeyCode::PageDown) => "PgDn".into(),
        Code(KeyCode::PageUp) => "PgUp".into(),
        Code(KeyCode::BackTab) => "Shift-Tab".into(),
        Code(code) => code.to_string(),
    }
}

/// The keys of a binding as one label: `j ↓`, or `1…9` for the digit row.
pub fn keys_label(binding: &Binding) -> String {
    if matches!(binding.action, Action::JumpSection(_)) {
        return "1…9".into();
    }
    binding
        .keys
        .iter()
        .map(|&k| label(k))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> Event {
        Event::Key(KeyEvent::new(code, modifiers))
    }

    #[test]
    fn the_design_keys_map_to_their_actions() {
        let none = KeyModifiers::NONE;
        let ctrl = KeyModifiers::CONTROL;
        let table = [
            (press(KeyCode::Char('q'), none), Action::Quit),
            (press(KeyCode::Char('c'), ctrl), Action::Quit),
            (press(KeyCode::Char('j'), none), Action::Down),
            (press(KeyCode::Down, none), Action::Down),
            (press(KeyCode::Char('k'), none), Action::Up),
            (press(KeyCode::Char(' '), none), Action::PageDown),
            (press(KeyCode::PageDown, none), Action::PageDown),
            (press(KeyCode::Char('f'), ctrl), Action::PageDown),
            (press(KeyCode::Char('b'), none), Action::PageUp),
            (press(KeyCode::Char('b'), ctrl), Action::PageUp),
            (press(KeyCode::Char('d'), ctrl), Action::HalfDown),
            (press(KeyCode::Char('u'), ctrl), Action::HalfUp),
            (press(KeyCode::Char('g'), none), Action::Top),
            (press(KeyCode::Home, none), Action::Top),
            (
                press(KeyCode::Char('G'), KeyModifiers::SHIFT),
                Action::Bottom,
            ),
            (press(KeyCode::End, none), Action::Bottom),
            (press(KeyCode::Char(']'), none), Action::NextSection),
            (press(KeyCode::Char('['), none), Action::PrevSection),
            (press(KeyCode::Char('3'), none), Action::JumpSection(3)),
            (press(KeyCode::Tab, none), Action::FocusNext),
            (press(KeyCode::Enter, none), Action::Activate),
            (press(KeyCode::Char('"'), none), Action::ToggleQuotes),
            (press(KeyCode::Char('L'), none), Action::ToggleLeaders),
            (press(KeyCode::Char('H'), none), Action::ToggleAll),
            (press(KeyCode::Char('?'), none), Action::Help),
            (press(KeyCode::Esc, none), Action::Escape),
            (press(KeyCode::Right, none), Action::ScrollRight),
            (press(KeyCode::Char('t'), none), Action::ToggleSidePanes),
            (press(KeyCode::Left, none), Action::ScrollLeft),
        ];
        for (event, action) in table {
            assert_eq!(action_for(&event, Mode::Normal), Some(action), "{event:?}");
        }
    }

    #[test]
    fn the_wheel_scrolls_down_and_up_and_sideways() {
        let turn = |kind| {
            let mouse = MouseEvent {
                kind,
                column: 7,
                row: 3,
                modifiers: KeyModifiers::NONE,
            };
            action_for(&Event::Mouse(mouse), Mode::Normal)
        };
        let (x, y) = (7, 3);
        assert_eq!(
            turn(MouseEventKind::ScrollDown),
            Some(Action::Wheel { x, y, down: true })
        );
        assert_eq!(
            turn(MouseEventKind::ScrollUp),
            Some(Action::Wheel { x, y, down: false })
        );
        assert_eq!(
            turn(MouseEventKind::ScrollRight),
            Some(Action::WheelSideways { right: true })
        );
        assert_eq!(
            turn(MouseEventKind::ScrollLeft),
            Some(Action::WheelSideways { right: false })
        );
        assert_eq!(
            keys_label(
                BINDINGS
                    .iter()
                    .find(|b| b.action == Action::ScrollRight)
                    .unwrap()
            ),
            "→"
        );
    }

    #[test]
    fn releases_and_unknown_keys_do_nothing() {
        let mut release = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE);
        release.kind = KeyEventKind::Release;
        assert_eq!(action_for(&Event::Key(release), Mode::Normal), None);
        assert_eq!(
            action_for(&press(KeyCode::Char('z'), KeyModifiers::NONE), Mode::Normal),
            None
        );
        assert_eq!(
            action_for(&press(KeyCode::Char('0'), KeyModifiers::NONE), Mode::Normal),
            None
        );
    }

    #[test]
    fn the_prompt_takes_text() {
        let none = KeyModifiers::NONE;
        let p = |code, m| action_for(&press(code, m), Mode::Prompt);
        assert_eq!(p(KeyCode::Char('q'), none), Some(Action::SearchInput('q')));
        assert_eq!(
            p(KeyCode::Char('G'), KeyModifiers::SHIFT),
            Some(Action::SearchInput('G'))
        );
        assert_eq!(p(KeyCode::Enter, none), Some(Action::SearchConfirm));
        assert_eq!(p(KeyCode::Esc, none), Some(Action::Escape));
        assert_eq!(p(KeyCode::Backspace, none), Some(Action::SearchBackspace));
        assert_eq!(
            p(KeyCode::Char('c'), KeyModifiers::CONTROL),
            Some(Action::Quit)
        );
    }

    #[test]
    fn no_key_is_bound_twice() {
        let mut seen = Vec::new();
        for b in BINDINGS {
            for k in b.keys {
                assert!(!seen.contains(k), "{k:?} bound twice");
                seen.push(*k);
            }
        }
    }
}
