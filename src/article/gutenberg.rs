//! Books from Project Gutenberg as plain text: the project's header (a notice, then
//! `Title:`, `Author:`, `Release date:`) and its licence after the book are no part of
//! the book. The book is read from between its start and end marks (`*** START OF THE
//! PROJECT GUTENBERG EBOOK EMMA ***`), under its title and a credit line made from the
//! header, as a Markdown file's front matter gives them.

use std::ops::Range;

/// The start mark is looked for this far into the text: a header is a page or two.
const HEADER_BYTES: usize = 64 << 10;

/// How many of the book's first paragraphs may be its title page, which repeats what
/// the title and credit say (`THE QUIET PIER`, `By ELEANOR VANCE`).
const TITLE_PAGE_PARAGRAPHS: usize = 6;

/// The longest paragraph of a title page that is left out as a repeat.
const MAX_REPEAT_BYTES: usize = 200;

/// The book's text under its title and credit, or `text` as it is when it holds no
/// book of the project.
pub fn book(text: String) -> String {
    let Some(marks) = marks(&text) else {
        return text;
    };
    let header = &text[..marks.body.start];
    let fields = Fields::read(header);
    let mut book = String::with_capacity(marks.body.len() + 256);
    if let Some(title) = &fields.title {
        book.push_str(title);
        book.push_str("\n\n");
        if let Some(author) = &fields.author {
            book.push_str("By ");
            book.push_str(author);
            if let Some(released) = fields.released {
                book.push_str(" · ");
                book.push_str(released);
            }
            book.push_str("\n\n");
        }
    }
    // The title page's repeats are left out; the rest of it stays (`VOLUME I`).
    let said: Vec<String> = [fields.title.clone(), fields.author.clone()]
        .into_iter()
        .flatten()
        .flat_map(|s| [letters(&s), letters(&format!("by {s}"))])
        .collect();
    let mut rest = text[marks.body].trim_matches('\n');
    for _ in 0..TITLE_PAGE_PARAGRAPHS {
        let Some((paragraph, after)) = rest.split_once("\n\n") else {
            break;
        };
        if paragraph.len() > MAX_REPEAT_BYTES || !said.contains(&letters(paragraph)) {
            book.push_str(paragraph);
            book.push_str("\n\n");
        }
        rest = after.trim_start_matches('\n');
    }
    book.push_str(rest);
    book.push('\n');
    book
}

/// The letters and digits of `s`, lowercased: what a title page and a header share.
fn letters(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

struct Marks {
    /// From the line after the start mark to the end mark's line (or the text's end).
    body: Range<usize>,
}

/// Where the book lies between the project's marks.
fn marks(text: &str) -> Option<Marks> {
    let head = &text[..text.floor_char_boundary(HEADER_BYTES)];
    let start_line = lines(head, 0).find(|&(_, line)| is_mark(line, "START OF"))?;
    let body_start = start_line.0 + start_line.1.len();
    let end = lines(text, body_start)
        .find(|&(_, line)| is_mark(line, "END OF"))
        .map_or(text.len(), |(at, _)| at);
    Some(Marks {
        body: body_start..end,
    })
}

/// `*** START OF THE PROJECT GUTENBERG EBOOK EMMA ***`, `***END OF THIS PROJECT
/// GUTENBERG EBOOK…`: a line of the project's own, in capitals.
fn is_mark(line: &str, what: &str) -> bool {
    let Some(rest) = line.trim().strip_prefix("***") else {
        return false;
    };
    let rest = rest.trim_start();
    rest.starts_with(what) && rest.contains("PROJECT GUTENBERG")
}

/// The lines of `text` from byte `from` (a line's start), each with where it starts.
fn lines(text: &str, from: usize) -> impl Iterator<Item = (usize, &str)> {
    text[from..].split_inclusive('\n').scan(from, |at, line| {
        let start = *at;
        *at += line.len();
        Some((start, line.trim_end_matches('\n')))
    })
}

/// What the header says of the book.
#[derive(Default)]
struct Fields<'t> {
    title: Option<String>,
    author: Option<String>,
    /// `June 1, 1998` of `Release date: June 1, 1998 [eBook #1342]`.
    released: Option<&'t str>,
}

impl<'t> Fields<'t> {
    fn read(header: &'t str) -> Fields<'t> {
        let mut fields = Fields::default();
        let lines: Vec<&str> = header.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let Some((name, value)) = line.split_once(':') else {
                continue;
            };
            // A field goes on in indented lines (`Title: Frankenstein⏎       or, The
            // Modern Prometheus`).
            let more = lines[i + 1..]
                .iter()
                .take_while(|l| l.starts_with([' ', '\t']) && !l.trim().is_empty());
            let whole = || {
                let mut value = value.trim().to_string();
                for line in more.clone() {
                    value.push(' ');
                    value.push_str(line.trim());
                }
                Some(value).filter(|v| !v.is_empty())
            };
            match name.trim().to_ascii_lowercase().as_str() {
                "title" => fields.title = whole(),
                "author" | "authors" => fields.author = whole(),
                "release date" => {
                    let date = value.split(" [").next().unwrap_or_default().trim();
                    fields.released = Some(date).filter(|d| !d.is_empty());
                }
                _ => {}
            }
        }
        // Older headers name the book in their first line only: `The Project Gutenberg
        // EBook of Emma, by Jane Austen`.
        if fields.title.is_none()
            && let Some(first) = lines.iter().find(|l| !l.trim().is_empty())
        {
            let named = first.trim().trim_start_matches('\u{feff}');
            let prefix = "the project gutenberg ebook of ";
            if named.len() > prefix.len()
                && named.is_char_boundary(prefix.len())
                && named[..prefix.len()].eq_ignore_ascii_case(prefix)
            {
                let rest = &named[prefix.len()..];
                let (title, author) = match rest.rsplit_once(", by ") {
                    Some((title, author)) => (title, Some(author)),
                    None => (rest, None),
                };
                fields.title = Some(title.trim().to_string());
                if fields.author.is_none() {
                    fields.author = author.map(|a| a.trim().to_string());
                }
            }
        }
        fields
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A header and licence shaped as the project's are, in words of my own.
    fn book_file(header: &str, body: &str) -> String {
        format!(
            "{header}\n\n*** START OF THE PROJECT GUTENBERG EBOOK THE QUIET PIER ***\n\n\n\
             {body}\n\n\n*** END OF THE PROJECT GUTENBERG EBOOK THE QUIET PIER ***\n\n\
             Newer editions replace older ones.\n\nSTART: FULL LICENSE\n\n\
             THE FULL LICENSE\n\nSection 1. Terms of use\n\nThe terms go here.\n"
        )
    }

    const HEADER: &str = "The Project Gutenberg eBook of The Quiet Pier\n\n\
        This ebook is free for anyone to use, with the licence at its end.\n\n\
        Title: The Quiet Pier\n\nAuthor: Eleanor Vance\n\n\
        Release date: March 1, 2026 [eBook #99999]\n\
        \x20               Most recently updated: March 2, 2026\n\nLanguage: English";

    #[test]
    fn the_book_is_read_between_its_marks_under_its_title_and_credit() {
        let text = book(book_file(HEADER, "CHAPTER I.\n\nThe tide was out."));
        assert_eq!(
            text,
            "The Quiet Pier\n\nBy Eleanor Vance · March 1, 2026\n\n\
             CHAPTER I.\n\nThe tide was out.\n"
        );
        // Its title page says it again: once is enough; what else it says stays.
        let body = "THE QUIET PIER.\n\n\nVOLUME I\n\nBY\nELEANOR VANCE\n\nThe tide was out.";
        let text = book(book_file(HEADER, body));
        assert!(
            text.ends_with("March 1, 2026\n\nVOLUME I\n\nThe tide was out.\n"),
            "{text}"
        );
    }

    #[test]
    fn an_old_header_names_the_book_in_its_first_line() {
        let header = "The Project Gutenberg EBook of The Quiet Pier, by Eleanor Vance\n\n\
                      This eBook is for the use of anyone.";
        let text = book(
            book_file(header, "The tide was out.")
                .replace("*** START OF THE PROJECT", "***START OF THIS PROJECT"),
        );
        assert_eq!(
            text,
            "The Quiet Pier\n\nBy Eleanor Vance\n\nThe tide was out.\n"
        );
    }

    #[test]
    fn a_field_goes_on_in_indented_lines() {
        let header =
            "Title: Frankenstein\n       or, The Modern Prometheus\n\nAuthor: Mary Shelley";
        let fields = Fields::read(header);
        assert_eq!(
            fields.title.as_deref(),
            Some("Frankenstein or, The Modern Prometheus")
        );
        assert_eq!(fields.author.as_deref(), Some("Mary Shelley"));
        assert_eq!(fields.released, None);
    }

    #[test]
    fn a_book_without_its_end_mark_runs_to_the_end() {
        let text = "Title: Notes\n\n*** START OF THE PROJECT GUTENBERG EBOOK NOTES ***\n\nOne.\n";
        assert_eq!(book(text.to_string()), "Notes\n\nOne.\n");
    }

    #[test]
    fn other_texts_are_left_as_they_are() {
        for text in [
            "A story.\n\n*** START OF SOMETHING ***\n\nMore.\n",
            "Title: Not a book\n\nIt mentions the START OF THE PROJECT GUTENBERG EBOOK.\n",
            "Title: Not a book\n\nSTART OF THE PROJECT GUTENBERG EBOOK, the sign said.\n",
            "",
        ] {
            assert_eq!(book(text.to_string()), text);
        }
        // A mark past the header's length is in the text, not before it.
        let late = format!(
            "{}\n\n*** START OF THE PROJECT GUTENBERG EBOOK X ***\n",
            "word ".repeat(HEADER_BYTES / 5)
        );
        assert_eq!(book(late.clone()), late);
    }
}
