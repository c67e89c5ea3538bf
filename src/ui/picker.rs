//! The article picker: a filter line and a list of titles with source, words and
//! reading time; failed articles show their error. Only the visible rows are drawn, so a
//! library of any size stays instant.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::areas::picker_list;
use super::truncate;
use crate::app::{App, picker_offset};
use crate::source::display_width;

pub fn render(app: &App, frame: &mut Frame, size: Rect) {
    let picker = &app.picker;
    let mut header = format!(
        " Library — {} of {} articles",
        picker.visible.len(),
        app.library.len()
    );
    if !app.library_folder.is_empty() {
        header += &format!(" in {}", app.library_folder);
    }
    frame.render_widget(
        Paragraph::new(Line::styled(
            truncate(&header, usize::from(size.width)),
            app.theme.title,
        )),
        Rect { height: 1, ..size },
    );
    if size.height > 1 {
        let filter = if picker.editing {
            format!(" filter: {}▏", picker.filter)
        } else if picker.filter.is_empty() {
            " / to filter · Enter opens · o or Esc goes back · q quits".to_string()
        } else {
            format!(" filter: {}  (Esc clears)", picker.filter)
        };
        frame.render_widget(
            Paragraph::new(Line::styled(
                truncate(&filter, usize::from(size.width)),
                app.theme.dim,
            )),
            Rect {
                y: size.y + 1,
                height: 1,
                ..size
            },
        );
    }
    let list = picker_list(size);
    let width = usize::from(list.width);
    let offset = picker_offset(list, picker.selected);
    let rows: Vec<(usize, usize, String)> = picker
        .visible
        .iter()
        .enumerate()
        .skip(offset)
        .take(usize::from(list.height))
        .map(|(row, &i)| {
            let item = &app.library[i];
            let detail = match &item.error {
                Some(err) => format!("  ⚠ {err}"),
                None => {
                    let source = item.entry.source.as_str();
                    let source = source.strip_prefix(&app.library_folder).unwrap_or(source);
                    // Before the length, which a narrow screen cuts first.
                    let read = match app.read_progress(i) {
                        Some(100) => "read · ".to_string(),
                        Some(p @ 1..) => format!("{p}% read · "),
                        _ => String::new(),
                    };
                    format!("  {source} · {read}{}", item.length)
                }
            };
            (row, i, detail)
        })
        .collect();
    // One column of details for the rows shown, so that titles end alike; the titles
    // keep half the width at least.
    let details = rows
        .iter()
        .map(|(_, _, d)| display_width(d))
        .max()
        .unwrap_or(0);
    let title_room = width
        .saturating_sub(2)
        .min(width.saturating_sub(details).max(width / 2));
    let detail_room = width.saturating_sub(title_room);
    let lines: Vec<Line> = rows
        .into_iter()
        .map(|(row, i, detail)| {
            let item = &app.library[i];
            let marker = if app.current == Some(i) { "▸" } else { " " };
            let title = truncate(&item.title, title_room.saturating_sub(1));
            let pad = title_room.saturating_sub(display_width(&title) + 1);
            let detail = truncate(&detail, detail_room);
            let align = detail_room.saturating_sub(display_width(&detail));
            let mut style = if item.error.is_some() {
                app.theme.dim
            } else {
                Style::new()
            };
            let mut detail_style = app.theme.dim;
            // The selection is a bar across the row: its details are the item's too.
            if row == picker.selected {
                style = style.patch(app.theme.selected);
                detail_style = detail_style.patch(app.theme.selected);
            }
            Line::from(vec![
                Span::raw(marker),
                Span::styled(format!("{title}{}", " ".repeat(pad)), style),
                Span::styled(format!("{}{detail}", " ".repeat(align)), detail_style),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
    if size.height > 2 {
        let status = match &app.message {
            Some(m) => format!(" {m}"),
            None => " ↑↓ move · Enter open · / filter · ? help".to_string(),
        };
        let area = Rect {
            y: size.bottom() - 1,
            height: 1,
            ..size
        };
        frame.render_widget(
            Paragraph::new(truncate(&status, usize::from(size.width))).style(app.theme.status),
            area,
        );
    }
}
