//! A saved email (`.eml`), as a newsletter arrives: its subject is the title, its
//! sender and date the credit line, its HTML part (else its text) the article. A
//! mailbox (`.mbox`) holds many, an article each. MIME, transfer encodings, charsets and
//! mailboxes are `mail-parser`'s work.

use anyhow::Context;
use mail_parser::mailbox::mbox::MessageIterator;
use mail_parser::{Address, MessageParser, MessagePart};

use super::{Article, Format, build, html, plain};

/// Whether `bytes` start as an email does: with a header every mail carries (or a
/// mailbox's `From ` line), before any blank line. Sniffed only when the name does not
/// say (`.eml`, `.mbox`).
pub fn looks_like_email(bytes: &[u8]) -> bool {
    const FIRST_HEADERS: &[&str] = &[
        "from:",
        "return-path:",
        "received:",
        "delivered-to:",
        "mime-version:",
        "message-id:",
    ];
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(SNIFF_BYTES)]);
    let head = head.trim_start().replace("\r\n", "\n");
    let Some(headers) = head.split("\n\n").next() else {
        return false;
    };
    let lower = headers.to_ascii_lowercase();
    let first = FIRST_HEADERS.iter().any(|h| lower.starts_with(h)) || lower.starts_with(MBOX_FROM);
    first && lower.contains("\nsubject:")
}

/// How far into a file its headers are looked for: a mail's `Received:` and signature
/// headers often take kilobytes before its `Subject:`.
const SNIFF_BYTES: usize = 16 << 10;

/// How each message of a mailbox starts, on a line of its own.
const MBOX_FROM: &str = "from ";

/// The articles of an email, or of each email in a mailbox.
pub fn parse_all(bytes: &[u8], name: &str) -> anyhow::Result<Vec<Article>> {
    if !bytes.starts_with(b"From ") {
        return Ok(vec![parse(bytes, name)?]);
    }
    MessageIterator::new(bytes)
        .map(|message| {
            let message = message.context("reading the mailbox")?;
            parse(message.contents(), name)
        })
        .collect()
}

/// The article an email holds. Errors when the bytes hold no message at all.
pub fn parse(bytes: &[u8], name: &str) -> anyhow::Result<Article> {
    let message = MessageParser::default()
        .parse(bytes)
        .context("not an email: no headers")?;
    // Headers are text as sent: cleaned as any text is before it shows.
    let title = message
        .subject()
        .map(|t| build::collapse(&crate::source::clean(t)))
        .filter(|t| !t.is_empty());
    let sender = message
        .from()
        .and_then(Address::first)
        .and_then(|a| a.name().or(a.address()));
    let date = message.date().map(|d| d.to_rfc3339());
    let credit = build::credit_line(&Vec::from_iter(sender), date.as_deref());
    let html = message
        .html_part(0)
        .filter(|part| part.is_text_html())
        .and_then(MessagePart::text_contents);
    let mut article = match html {
        Some(html) => html::parse_fields(title.as_deref(), credit.as_deref(), html, name),
        None => {
            let text = message.body_text(0).unwrap_or_default();
            plain::parse_fields(title.as_deref(), credit.as_deref(), text.into_owned(), name)
        }
    };
    // The subject titles it, though its HTML opens with a heading of its own.
    if let Some(title) = title {
        article.title = title;
    }
    article.format = Format::Email;
    Ok(article)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_email_is_known_by_its_first_header_and_a_subject() {
        for head in [
            "From: Ana <a@b.org>\nSubject: Hi\n\nBody",
            "Return-Path: <a@b.org>\nReceived: by x\nSubject: Hi\n\nBody",
            "MIME-Version: 1.0\r\nSubject: Hi\r\n\r\nBody",
            "From ana@b.org Tue Mar  3 09:00:00 2026\nFrom: Ana <ana@b.org>\nSubject: Hi\n\nBody",
            // Led by blank lines, as a pasted mail may be.
            "\n\n  From: Ana <a@b.org>\nSubject: Hi\n\nBody",
        ] {
            assert!(looks_like_email(head.as_bytes()), "{head:?}");
        }
        for other in [
            "From: the editor's desk, a note on sources.\n\nSubject: none.",
            "Subject: Hi\nFrom: a@b\n\nA memo heading, not a mail's first header.",
            "From the Archive\n\nSubject: war",
            // The subject must be a header, not a line of the body after them.
            "From: Ana <a@b.org>\r\nTo: Bo\r\n\r\nBody\r\nSubject: a line",
        ] {
            assert!(!looks_like_email(other.as_bytes()), "{other:?}");
        }
    }

    #[test]
    fn a_subject_after_kilobytes_of_headers_is_found_and_the_format_agrees() {
        let received = "Received: from relay.example by mx.example; Tue, 3 Mar 2026\n".repeat(80);
        let mail = format!("Return-Path: <a@b.org>\n{received}Subject: Late\n\nBody text.\n");
        assert!(mail.len() > 4096);
        assert!(looks_like_email(mail.as_bytes()));
        assert_eq!(super::super::detect("-", &mail), Format::Email);
        assert_eq!(super::super::parse(mail.as_bytes(), "-").title, "Late");
    }

    #[test]
    fn a_plain_email_is_titled_by_its_subject_and_credited_to_its_sender() {
        let mail = "From: Ana Ruiz <ana@example.org>\nSubject: Ferry vote\n\
                    Date: Tue, 3 Mar 2026 09:00:00 +0000\n\n\
                    Residents voted on Tuesday.\n\n> An older letter.\n";
        let a = parse(mail.as_bytes(), "vote.eml").unwrap();
        assert_eq!(a.title, "Ferry vote");
        assert!(
            a.text
                .starts_with("Ferry vote\n\nBy Ana Ruiz · 2026-03-03\n\nResidents")
        );
        // A sender known by address alone is credited by it.
        let bare = mail.replace("Ana Ruiz <ana@example.org>", "ana@example.org");
        let a = parse(bare.as_bytes(), "vote.eml").unwrap();
        assert!(
            a.text.contains("By ana@example.org · 2026-03-03"),
            "{}",
            a.text
        );
        // A subject that encodes a control character shows it harmless.
        let escaped = mail.replace(
            "Subject: Ferry vote",
            "Subject: =?UTF-8?Q?Ferry=1B[2J_vote?=",
        );
        let a = parse(escaped.as_bytes(), "vote.eml").unwrap();
        assert_eq!(a.title, "Ferry␛[2J vote");
    }
}
