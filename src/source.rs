//! Bytes → clean text. After this layer no character of an article can drive the
//! terminal: control characters, escape sequences and bidi overrides become visible
//! placeholders, line ends are `\n` and tabs are spaces.

use std::borrow::Cow;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

use anyhow::{Context, Result};
use unicode_width::UnicodeWidthChar;

use crate::unpack;

/// Tab stops every this many columns when expanding tabs.
const TAB_WIDTH: usize = 4;

/// Decoded, neutralised article text plus what we had to do to get it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// Human-readable notes, e.g. "invalid UTF-8 replaced"; shown in the status bar.
    pub warnings: Vec<String>,
    /// Backspaces or escapes were among its characters (now control pictures): it may
    /// be text written for a terminal, styled by overstriking or escape sequences.
    pub for_terminal: bool,
}

/// Reads the text a file holds (unpacked when compressed, see [`unpack`]), or standard
/// input's when `path` is `-`.
pub fn read(path: &Path) -> Result<Vec<u8>> {
    if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .context("reading standard input")?;
        return unpack::unpacked(bytes, unpack::MAX_UNPACKED).context("reading standard input");
    }
    read_file(path, READ_IN_HALVES_BYTES)
        .map_err(anyhow::Error::from)
        .and_then(|bytes| unpack::unpacked(bytes, unpack::MAX_UNPACKED))
        .with_context(|| format!("reading {}", path.display()))
}

/// Files this big are read on two threads, half each: copying a file from the page
/// cache into a fresh buffer (whose pages fault in as it fills) is most of the time
/// reading takes, and both halves of that work run at once.
const READ_IN_HALVES_BYTES: u64 = 16 << 20;

/// Reads a file, in halves when it is a regular file of at least `halves_from` bytes.
fn read_file(path: &Path, halves_from: u64) -> std::io::Result<Vec<u8>> {
    let mut file = std::fs::File::open(path)?;
    let meta = file.metadata()?;
    #[cfg(unix)]
    if meta.is_file()
        && meta.len() >= halves_from
        && let Ok(len) = usize::try_from(meta.len())
    {
        match read_in_halves(&file, len) {
            // Shorter than measured: it changed meanwhile, and is read again as it is.
            Err(err) if err.kind() == std::io::ErrorKind::UnexpectedEof => {}
            Ok(mut bytes) => {
                // Whatever was added since it was measured.
                file.seek(SeekFrom::Start(meta.len()))?;
                file.read_to_end(&mut bytes)?;
                return Ok(bytes);
            }
            Err(err) => return Err(err),
        }
        file.rewind()?;
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The first `len` bytes of `file`, its two halves read side by side.
#[cfg(unix)]
fn read_in_halves(file: &std::fs::File, len: usize) -> std::io::Result<Vec<u8>> {
    use std::os::unix::fs::FileExt;
    let mut bytes = vec![0; len];
    advise_huge_pages(&mut bytes);
    let (head, tail) = bytes.split_at_mut(len / 2);
    let tail_at = head.len() as u64;
    std::thread::scope(|s| {
        let tail = s.spawn(|| file.read_exact_at(tail, tail_at));
        let head = file.read_exact_at(head, 0);
        let tail = tail
            .join()
            .unwrap_or_else(|_| Err(std::io::Error::other("reading stopped")));
        head.and(tail)
    })?;
    Ok(bytes)
}

/// Buffers from this big are worth backing with huge pages (see [`advise_huge_pages`]).
const HUGE_PAGES_FROM: usize = 8 << 20;

/// Asks the kernel to back a big buffer, not yet written, with huge pages: a big
/// article's text then faults in 2 MB at a time rather than 4 KB (reading 100 MB took
/// 95 ms, then 60), is freed as fast (15 ms, then 1), and every later pass over it
/// misses the TLB less. Only whole pages within the buffer are advised: written whole,
/// it holds no more memory. Only advice: where there are none, nothing changes.
pub fn advise_huge_pages<T>(buf: &mut [T]) {
    #[cfg(target_os = "linux")]
    if size_of_val(buf) >= HUGE_PAGES_FROM {
        // SAFETY: `sysconf` only reads a setting.
        let page = usize::try_from(unsafe { libc::sysconf(libc::_SC_PAGESIZE) }).unwrap_or(4096);
        let addr = buf.as_mut_ptr() as usize;
        let start = addr.next_multiple_of(page);
        let end = (addr + size_of_val(buf)) / page * page;
        // SAFETY: whole pages within `buf`, which the caller holds; advice changes none
        // of their bytes.
        unsafe { libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_HUGEPAGE) };
    }
    #[cfg(not(target_os = "linux"))]
    let _ = buf;
}

/// How many blocks ahead of the one read a loop over a big article's blocks asks for
/// the next one's text (see [`prefetch`]).
pub const PREFETCH_AHEAD: usize = 8;

/// Asks the processor to bring `text[at]` into its cache ahead of a read. A loop over a
/// big article's blocks that reads each one's first bytes would otherwise wait for
/// memory at every block, one block at a time: hundreds of thousands of waits.
#[inline]
pub fn prefetch(text: &str, at: Option<usize>) {
    #[cfg(target_arch = "x86_64")]
    if let Some(at) = at.filter(|&at| at < text.len()) {
        use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
        // SAFETY: every x86-64 processor has SSE; and a prefetch is a hint, which reads
        // nothing the program sees (the address is in the text anyway).
        unsafe { _mm_prefetch::<_MM_HINT_T0>(text.as_ptr().wrapping_add(at).cast()) };
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = (text, at);
}

/// A file's first bytes, read alone, up to their last whole character: cut short
/// inside one they would not read as UTF-8, and be decoded as a legacy encoding (`東京`
/// as `æ�±äº¬`). Bytes that are not UTF-8 anyway are left as they are.
pub fn whole_characters(head: &[u8]) -> &[u8] {
    match std::str::from_utf8(head) {
        Err(e) if e.error_len().is_none() => &head[..e.valid_up_to()],
        _ => head,
    }
}

/// Decodes bytes (UTF-8 with or without BOM, UTF-16 with BOM, anything else lossily)
/// and cleans the result with [`clean`].
pub fn decode(bytes: &[u8]) -> Decoded {
    let mut warnings = Vec::new();
    let raw: Cow<str> = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        utf8_lossy(rest, &mut warnings)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        Cow::Owned(utf16(rest, u16::from_le_bytes, &mut warnings))
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        Cow::Owned(utf16(rest, u16::from_be_bytes, &mut warnings))
    } else {
        utf8_lossy(bytes, &mut warnings)
    };
    let text = clean(&raw).into_owned();
    Decoded {
        for_terminal: memchr::memchr2(0x08, 0x1B, raw.as_bytes()).is_some(),
        text,
        warnings,
    }
}

/// Reads a file a few megabytes at a time and hands over its text cleaned (see
/// [`clean`]), in whole lines, so that a big file is never held whole. Each piece is
/// its own `String`, made without a copy, so it can go to another thread. `Ok(false)`,
/// with part of it perhaps handed over, when the file is not UTF-8 without a byte order
/// mark: it must then be read whole and decoded.
pub fn read_clean_lines(path: &Path, mut take: impl FnMut(String)) -> Result<bool> {
    const BLOCK: u64 = 2 << 20;
    // Room for a block and the part line before it.
    let room = BLOCK as usize + (64 << 10);
    let mut file =
        std::fs::File::open(path).with_context(|| format!("reading {}", path.display()))?;
    let mut pending: Vec<u8> = Vec::with_capacity(room);
    let mut first = true;
    loop {
        let read = (&mut file)
            .take(BLOCK)
            .read_to_end(&mut pending)
            .with_context(|| format!("reading {}", path.display()))?;
        let marked = [&[0xEF, 0xBB, 0xBF][..], &[0xFF, 0xFE], &[0xFE, 0xFF]];
        if std::mem::take(&mut first) && marked.iter().any(|bom| pending.starts_with(bom)) {
            return Ok(false);
        }
        let eof = read == 0;
        // Whole lines only: tabs expand by column, and `\r\n` must stay together.
        let end = if eof {
            pending.len()
        } else {
            match memchr::memrchr(b'\n', &pending) {
                Some(i) => i + 1,
                None => continue,
            }
        };
        let mut next = Vec::with_capacity(room);
        next.extend_from_slice(&pending[end..]);
        pending.truncate(end);
        let Ok(text) = utf8_string(std::mem::replace(&mut pending, next)) else {
            return Ok(false);
        };
        let cleaned = match clean(&text) {
            Cow::Owned(cleaned) => Some(cleaned),
            Cow::Borrowed(_) => None,
        };
        take(cleaned.unwrap_or(text));
        if eof {
            return Ok(true);
        }
    }
}

/// [`decode`] of a buffer that is no longer needed: clean UTF-8 without a BOM (nearly
/// every article) becomes the text as it is, without a copy.
pub fn decode_owned(bytes: Vec<u8>) -> Decoded {
    match check_in_halves_from(&bytes, 4 << 20) {
        Check::Clean if !bytes.starts_with("\u{FEFF}".as_bytes()) => Decoded {
            // SAFETY: `check_in_halves_from` found the bytes to be UTF-8.
            text: unsafe { String::from_utf8_unchecked(bytes) },
            warnings: Vec::new(),
            for_terminal: false,
        },
        _ => decode(&bytes),
    }
}

/// What [`check_in_halves_from`] finds of bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Check {
    NotUtf8,
    /// UTF-8 that [`clean`] would change.
    ToClean,
    /// UTF-8 that [`clean`] would leave as it is.
    Clean,
}

/// Whether `bytes` are UTF-8 and clean. Every byte of a big file is checked before it
/// shows whole, so the check is `simdutf8`'s vector code, and from `halves_from` bytes
/// on the two halves are checked side by side: cut where no character continues, each
/// is UTF-8 exactly when the whole is.
fn check_in_halves_from(bytes: &[u8], halves_from: usize) -> Check {
    let check = |bytes: &[u8]| match simdutf8::basic::from_utf8(bytes) {
        Err(_) => Check::NotUtf8,
        Ok(text) if first_to_clean(text).is_some() => Check::ToClean,
        Ok(_) => Check::Clean,
    };
    if bytes.len() < halves_from {
        return check(bytes);
    }
    let half = (bytes.len() / 2..bytes.len())
        .find(|&i| bytes[i] & 0xC0 != 0x80)
        .unwrap_or(bytes.len());
    let (head, tail) = bytes.split_at(half);
    std::thread::scope(|s| {
        let tail = s.spawn(|| check(tail));
        let head = check(head);
        // `Check`s order from worst to best.
        head.min(tail.join().unwrap_or(Check::NotUtf8))
    })
}

/// `String::from_utf8`, checked by `simdutf8`'s vector code, several times faster.
fn utf8_string(bytes: Vec<u8>) -> Result<String, Vec<u8>> {
    if simdutf8::basic::from_utf8(&bytes).is_err() {
        return Err(bytes);
    }
    // SAFETY: the bytes were just checked to be UTF-8.
    Ok(unsafe { String::from_utf8_unchecked(bytes) })
}

/// UTF-8 when it is; otherwise the legacy encoding the bytes most look like (usually
/// Windows-1252/Latin-1), with a note. Binary data (NUL bytes) stays lossy UTF-8.
fn utf8_lossy<'a>(bytes: &'a [u8], warnings: &mut Vec<String>) -> Cow<'a, str> {
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        return Cow::Borrowed(text);
    }
    if !bytes.contains(&0) {
        let mut detector = chardetng::EncodingDetector::new();
        detector.feed(bytes, true);
        let encoding = detector.guess(None, true);
        if encoding != encoding_rs::UTF_8 {
            let (text, _, _) = encoding.decode(bytes);
            warnings.push(format!("not UTF-8: decoded as {}", encoding.name()));
            return Cow::Owned(text.into_owned());
        }
    }
    warnings.push("invalid UTF-8 replaced with \u{FFFD}".to_string());
    Cow::Owned(String::from_utf8_lossy(bytes).into_owned())
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16, warnings: &mut Vec<String>) -> String {
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    let mut bad = bytes.len() % 2 == 1;
    let text = char::decode_utf16(units)
        .map(|c| {
            c.unwrap_or_else(|_| {
                bad = true;
                char::REPLACEMENT_CHARACTER
            })
        })
        .collect();
    if bad {
        warnings.push("invalid UTF-16 replaced with \u{FFFD}".to_string());
    }
    text
}

/// Normalises line ends to `\n`, expands tabs, drops emoji variation selectors, spells
/// out the one character wider than two columns (see below), and replaces every
/// character that a terminal would interpret (C0/C1 controls, DEL, bidi overrides and
/// isolates) with a visible placeholder. Borrows when there is nothing to change, which
/// is the common case.
pub fn clean(text: &str) -> Cow<'_, str> {
    let Some(first) = first_to_clean(text) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    out.push_str(&text[..first]);
    let mut column = text[..first].rsplit('\n').next().map_or(0, display_width);
    let mut chars = text[first..].chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                // CRLF and lone CR are both one line end.
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
                column = 0;
            }
            '\n' | '\u{2028}' | '\u{2029}' | '\u{85}' => {
                out.push('\n');
                column = 0;
            }
            // Variation selectors: terminals disagree on whether `❤️` takes one column
            // or two, and so would the layout and the screen. Without them every
            // character is as wide as it is alone.
            '\u{FE0E}' | '\u{FE0F}' => {}
            // The one character `unicode-width` makes three columns wide (terminals draw
            // it in one): written as its preferred spelling, three characters of one
            // column each, on which all agree.
            '\u{17D8}' => {
                out.push_str("\u{17D4}\u{179B}\u{17D4}");
                column += 3;
            }
            '\t' => {
                let spaces = TAB_WIDTH - column % TAB_WIDTH;
                out.extend(std::iter::repeat_n(' ', spaces));
                column += spaces;
            }
            c => {
                let shown = placeholder(c).unwrap_or(c);
                out.push(shown);
                column += shown.width().unwrap_or(0);
            }
        }
    }
    Cow::Owned(out)
}

/// Where the first character to clean is. Runs over every byte of every article, so it
/// looks at bytes only: ASCII controls, C1 controls (`C2 80`–`C2 9F`), and among the
/// characters led by `E2` (curly quotes and dashes, common) only the line separators and
/// bidi controls (`E2 80 A8`–`AE`, `E2 81 A6`–`A9`), and U+17D8; it may also stop at a rare
/// character that is left as it is (`EF B8 …`, U+FE00–U+FE3F, holds the variation
/// selectors), which costs the caller only a copy.
fn first_to_clean(text: &str) -> Option<usize> {
    first_where(text.as_bytes(), |b, next, third| {
        (b != b'\n') & starts_to_clean_or_newline(b, next, third)
    })
}

/// Whether the bytes `b`, `next`, `third` begin a character to clean, or a newline
/// (which [`clean`] keeps), written for [`first_where`] (see [`first_to_clean`]).
#[inline]
pub fn starts_to_clean_or_newline(b: u8, next: u8, third: u8) -> bool {
    // In valid UTF-8, `C2`, `E2` and `EF` only lead characters.
    (b < 0x20)
        | (b == 0x7F)
        | (b == 0xC2) & (0x80..=0x9F).contains(&next)
        | (b == 0xE2)
            & ((next == 0x80) & (0xA8..=0xAE).contains(&third)
                | (next == 0x81) & (0xA6..=0xA9).contains(&third))
        // `EF B8` leads U+FE00–U+FE3F: the variation selectors among them are cleaned.
        // Testing the third byte too would make every article's scan slower.
        | (b == 0xEF) & (next == 0xB8)
        // U+17D8, the Khmer sign beyyal.
        | (b == 0xE1) & (next == 0x9F) & (third == 0x98)
}

/// Whether the bytes `b`, `next`, `third` begin a space beyond ASCII (what
/// `char::is_whitespace` says of U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029,
/// U+202F, U+205F, U+3000), written for [`first_where`]: text without one can be split
/// at ASCII spaces alone.
#[inline]
pub fn starts_wide_space(b: u8, next: u8, third: u8) -> bool {
    (b == 0xC2) & ((next == 0x85) | (next == 0xA0))
        | (b == 0xE1) & (next == 0x9A) & (third == 0x80)
        | (b == 0xE2)
            & (next == 0x80)
            & (matches!(third, 0x80..=0x8A) | (third == 0xA8) | (third == 0xA9) | (third == 0xAF))
        | (b == 0xE2) & (next == 0x81) & (third == 0x9F)
        | (b == 0xE3) & (next == 0x80) & (third == 0x80)
}

/// The first `i` where `hit(bytes[i], bytes[i + 1], bytes[i + 2])`, bytes past the end
/// read as 0. Tests 32 places at a time with no branch on each (so `hit` should use `&`
/// and `|`, not `&&` and `||`): the compiler makes that vector code, which scans a big
/// article many times faster than a loop that stops at every byte. It is built for AVX2
/// too and run so when the machine has it: 32 bytes a step rather than the 16 of SSE2,
/// all the release build assumes of an x86-64.
pub fn first_where(bytes: &[u8], hit: impl Fn(u8, u8, u8) -> bool) -> Option<usize> {
    first_where_before(bytes, bytes.len(), hit)
}

/// [`first_where`] among the places before `end` only; `hit` is given the bytes after
/// them as they are. For a short stretch of a longer text, which is tested with no copy.
pub fn first_where_before(
    bytes: &[u8],
    end: usize,
    hit: impl Fn(u8, u8, u8) -> bool,
) -> Option<usize> {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        #[target_feature(enable = "avx2")]
        fn avx2(bytes: &[u8], end: usize, hit: impl Fn(u8, u8, u8) -> bool) -> Option<usize> {
            first_where_in(bytes, end, hit)
        }
        // SAFETY: the machine has AVX2, as just asked.
        return unsafe { avx2(bytes, end, hit) };
    }
    first_where_in(bytes, end, hit)
}

#[inline(always)]
fn first_where_in(bytes: &[u8], end: usize, hit: impl Fn(u8, u8, u8) -> bool) -> Option<usize> {
    let end = end.min(bytes.len());
    let mut from = 0;
    while from < end
        && let Some(window) = bytes.get(from..from + LANES + 2)
    {
        let Ok(window) = <&[u8; LANES + 2]>::try_from(window) else {
            break;
        };
        if let Some(k) = first_in_window(window, &hit) {
            return (from + k < end).then_some(from + k);
        }
        from += LANES;
    }
    if from >= end {
        return None;
    }
    // The last few places (fewer than two windows' worth), padded with zeros (what is
    // past the end reads as); a hit in the padding is none.
    let rest = &bytes[from..];
    let places = end - from;
    let mut padded = [0u8; 2 * LANES + 2];
    padded[..rest.len()].copy_from_slice(rest);
    for start in (0..places).step_by(LANES) {
        let Ok(window) = <&[u8; LANES + 2]>::try_from(&padded[start..start + LANES + 2]) else {
            break;
        };
        if let Some(k) = first_in_window(window, &hit) {
            return (start + k < places).then_some(from + start + k);
        }
    }
    None
}

/// Places [`first_where`] tests at a time.
const LANES: usize = 32;

/// The first of the window's `LANES` places where `hit` holds.
#[inline(always)]
fn first_in_window(window: &[u8; LANES + 2], hit: impl Fn(u8, u8, u8) -> bool) -> Option<usize> {
    // One byte per place, filled without branches (vector code), then read as two
    // numbers: the first nonzero byte is the first hit.
    let mut hits = [0u8; LANES];
    for (k, h) in hits.iter_mut().enumerate() {
        *h = u8::from(hit(window[k], window[k + 1], window[k + 2]));
    }
    for (half, bytes) in hits.chunks_exact(16).enumerate() {
        let mut word = [0u8; 16];
        word.copy_from_slice(bytes);
        let word = u128::from_le_bytes(word);
        if word != 0 {
            return Some(half * 16 + word.trailing_zeros() as usize / 8);
        }
    }
    None
}

/// Whether `b` is one of the ASCII spaces that part words (what `split_whitespace` says
/// of ASCII: space, tab, line feed, vertical tab, form feed, carriage return). Written
/// without branches, for loops the compiler makes vector code.
pub fn is_ascii_space(b: u8) -> bool {
    (b == b' ') | (b.wrapping_sub(b'\t') < 5)
}

/// How many words start after the first byte of `bytes`: places where an ASCII space
/// ([`is_ascii_space`]) is followed by another byte. Counted a chunk at a time, without
/// a branch per byte: vector code, whose lanes stay bytes wide (AVX2's when the
/// machine has it, as for [`first_where`]).
pub fn word_starts_after_first(bytes: &[u8]) -> usize {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        #[target_feature(enable = "avx2")]
        fn avx2(bytes: &[u8]) -> usize {
            word_starts_after_first_in(bytes)
        }
        // SAFETY: the machine has AVX2, as just asked.
        return unsafe { avx2(bytes) };
    }
    word_starts_after_first_in(bytes)
}

#[inline(always)]
fn word_starts_after_first_in(bytes: &[u8]) -> usize {
    let after = bytes.get(1..).unwrap_or_default();
    let chunks = bytes.chunks(128).zip(after.chunks(128));
    chunks
        .map(|(before, after)| {
            let starts = before.iter().zip(after).fold(0u8, |n, (&a, &b)| {
                n.wrapping_add(u8::from(is_ascii_space(a) & !is_ascii_space(b)))
            });
            usize::from(starts)
        })
        .sum()
}

/// Whether `b` continues a character of UTF-8 (is none's first byte).
pub fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

/// `text.split_inclusive('\n')`, its newlines found by `memchr`, which picks the
/// machine's widest vector code at run time (std's search reads a word at a time): a big
/// Markdown document is read line by line as it is cut into pieces.
pub fn lines_inclusive(text: &str) -> impl Iterator<Item = &str> {
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1);
    let mut start = 0;
    ends.chain([text.len()]).filter_map(move |end| {
        let line = &text[start..end];
        start = end;
        (!line.is_empty()).then_some(line)
    })
}

/// `b` in every byte.
pub const fn each(b: u8) -> u64 {
    u64::from_le_bytes([b; 8])
}

/// Per byte of `x`, the high bit set where the byte (below 0x80) is within `lo..=hi`:
/// adding never carries across bytes, as their high bits are clear.
pub fn within(x: u64, lo: u8, hi: u8) -> u64 {
    (x + each(0x80 - lo)) & !(x + each(0x7F - hi))
}

/// Where the run of ASCII bytes at `bytes[from..]` that `wanted` marks ends: it is
/// given eight bytes as a number, their high bits cleared, and sets the high bit of each
/// it wants (see [`within`]); `one` says the same of a single byte, for the last few.
/// Eight bytes are tested at once (most words end within them), so the loop's end is
/// seldom a branch mispredicted.
#[inline(always)]
pub fn run_end(
    bytes: &[u8],
    mut from: usize,
    wanted: impl Fn(u64) -> u64,
    one: impl Fn(u8) -> bool,
) -> usize {
    while let Some(eight) = bytes.get(from..from + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(eight);
        let x = u64::from_le_bytes(word);
        // Not wanted, or not ASCII.
        let other = (!wanted(x & each(0x7F)) | x) & each(0x80);
        if other != 0 {
            return from + other.trailing_zeros() as usize / 8;
        }
        from += 8;
    }
    while bytes.get(from).is_some_and(|&b| one(b)) {
        from += 1;
    }
    from
}

/// Where the run of printable ASCII (`!` to `~`) at `bytes[from..]` ends.
pub fn printable_end(bytes: &[u8], from: usize) -> usize {
    run_end(
        bytes,
        from,
        |low| within(low, 0x21, 0x7e),
        |b| matches!(b, 0x21..=0x7e),
    )
}

/// The visible stand-in for a character that must never reach the terminal, if any.
fn placeholder(c: char) -> Option<char> {
    match c {
        '\n' | '\t' | '\r' => None,
        // C0 controls map onto the Unicode "control pictures" block: ESC → ␛, BEL → ␇.
        '\0'..='\u{1F}' => char::from_u32(0x2400 + c as u32),
        '\u{7F}' => Some('␡'),
        // C1 controls (0x9B is a one-byte CSI) and bidi overrides/isolates, which could
        // reorder what the reader sees.
        '\u{80}'..='\u{9F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {
            Some(char::REPLACEMENT_CHARACTER)
        }
        _ => None,
    }
}

/// Display width of a string in terminal columns.
pub fn display_width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_character_is_left_wider_than_two_columns() {
        let cleaned = clean("etc\u{17D8} x");
        assert_eq!(cleaned, "etc\u{17D4}\u{179B}\u{17D4} x");
        assert!(cleaned.chars().all(|c| c.width().unwrap_or(0) <= 2));
        assert_eq!(display_width(&cleaned), display_width("etc\u{17D8} x"));
    }

    #[test]
    fn lines_are_split_as_std_splits_them() {
        for text in [
            "",
            "\n",
            "one",
            "one\n",
            "one\ntwo",
            "\n\nthree\n\n",
            "é\r\nü\n",
        ] {
            let ours: Vec<&str> = lines_inclusive(text).collect();
            let std: Vec<&str> = text.split_inclusive('\n').collect();
            assert_eq!(ours, std, "{text:?}");
        }
    }

    #[test]
    fn a_file_read_in_halves_is_read_whole() {
        let dir = tempfile::tempdir().expect("temp dir");
        // The last big enough for huge pages, and not a whole number of them.
        for len in [0, 1, 2, 3, 1001, HUGE_PAGES_FROM + 4097] {
            let path = dir.path().join(format!("{len}.txt"));
            let bytes: Vec<u8> = (0..len).map(|i| (i * 7 % 251) as u8).collect();
            std::fs::write(&path, &bytes).unwrap();
            for halves_from in [0, 2, u64::MAX] {
                assert_eq!(read_file(&path, halves_from).unwrap(), bytes, "{len}");
            }
        }
    }

    #[test]
    fn advice_on_huge_pages_changes_no_byte() {
        let bytes: Vec<u8> = (0..HUGE_PAGES_FROM + 3 * 4096)
            .map(|i| (i * 13 % 256) as u8)
            .collect();
        for from in [0, 1, 4095, 4096, 4097] {
            let mut advised = bytes.clone();
            advise_huge_pages(&mut advised[from..]);
            assert!(advised == bytes, "from {from}");
        }
    }

    /// What [`clean`] changes, character by character: the reference for the byte scan.
    fn needs_cleaning(c: char) -> bool {
        c == '\t'
            || c == '\r'
            || (c != '\n' && placeholder(c).is_some())
            || matches!(
                c,
                '\u{2028}' | '\u{2029}' | '\u{85}' | '\u{FE0E}' | '\u{FE0F}' | '\u{17D8}'
            )
    }

    #[test]
    fn runs_of_printable_bytes_end_where_a_byte_loop_ends_them() {
        let printable = |b: u8| matches!(b, 0x21..=0x7e);
        // Every byte at every place of a window and past it.
        for b in 0..=255u8 {
            for at in 0..20 {
                let mut bytes = vec![b'a'; 20];
                bytes[at] = b;
                for from in [0, 1, 7] {
                    let plain = from + bytes[from..].iter().take_while(|&&b| printable(b)).count();
                    let run = printable_end(&bytes, from);
                    assert_eq!(run, plain, "byte {b:#x} at {at} from {from}");
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn first_where_finds_the_first_place_like_a_plain_search(
            bytes in proptest::collection::vec(0u8..8, 0..200),
            (x, y) in (0u8..8, 0u8..8),
            end in 0usize..220,
        ) {
            let hit = |b: u8, next: u8, third: u8| (b == x) & (next == y) | (third == 9);
            let at = |i: usize| bytes.get(i).copied().unwrap_or(0);
            let plain = (0..bytes.len()).find(|&i| hit(bytes[i], at(i + 1), at(i + 2)));
            proptest::prop_assert_eq!(first_where(&bytes, hit), plain);
            // The build for every x86-64, whichever this machine runs.
            proptest::prop_assert_eq!(first_where_in(&bytes, bytes.len(), hit), plain);
            // Before `end`, reading the bytes after it.
            let before = (0..end.min(bytes.len())).find(|&i| hit(bytes[i], at(i + 1), at(i + 2)));
            proptest::prop_assert_eq!(first_where_before(&bytes, end, hit), before);
            proptest::prop_assert_eq!(first_where_in(&bytes, end, hit), before);
        }

        #[test]
        fn word_starts_are_counted_like_a_plain_count(
            bytes in proptest::collection::vec(proptest::sample::select(b" \tab\n".to_vec()), 0..400),
        ) {
            let plain = bytes.windows(2).filter(|w| is_ascii_space(w[0]) && !is_ascii_space(w[1])).count();
            proptest::prop_assert_eq!(word_starts_after_first(&bytes), plain);
            proptest::prop_assert_eq!(word_starts_after_first_in(&bytes), plain);
        }
    }

    #[test]
    fn ascii_spaces_are_the_spaces_words_are_split_at() {
        for b in 0..=255u8 {
            let split = b.is_ascii() && char::from(b).is_whitespace();
            assert_eq!(is_ascii_space(b), split, "{b:#x}");
        }
    }

    #[test]
    fn first_where_finds_a_single_place_anywhere_in_any_length() {
        for len in 0..140 {
            for place in 0..len {
                let mut bytes = vec![b'a'; len];
                bytes[place] = b'!';
                assert_eq!(first_where(&bytes, |b, _, _| b == b'!'), Some(place));
            }
            let bytes = vec![b'a'; len];
            // Past the end reads as 0, but is no place of its own.
            assert_eq!(first_where(&bytes, |b, _, _| b == 0), None, "{len}");
            let third_past_end = len.checked_sub(2).or((len > 0).then_some(0));
            assert_eq!(
                first_where(&bytes, |_, _, third| third == 0),
                third_past_end
            );
        }
    }

    /// Where the byte scan stops: every character to clean, and those that share the
    /// variation selectors' first two bytes.
    fn stops_at(c: char) -> bool {
        needs_cleaning(c) || ('\u{FE00}'..='\u{FE3F}').contains(&c)
    }

    #[test]
    fn the_byte_scan_stops_exactly_where_it_should() {
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            let text = format!("a{c}b{c}");
            let expected = stops_at(c).then_some(1);
            assert_eq!(first_to_clean(&text), expected, "{c:?}");
        }
        // Long texts are scanned many bytes at a time: a character at any place in a
        // window, or across two.
        for c in (0..0x3000).filter_map(char::from_u32) {
            for at in [0, 30, 31, 32, 33, 63, 64, 70] {
                let text = format!("{}{c}{}", "x".repeat(at), "y".repeat(40));
                let expected = stops_at(c).then_some(at);
                assert_eq!(first_to_clean(&text), expected, "{c:?} at {at}");
            }
        }
    }

    #[test]
    fn decoding_an_owned_buffer_equals_decoding_a_borrowed_one() {
        let inputs: [&[u8]; 7] = [
            "plain “text”\n".as_bytes(),
            b"\xEF\xBB\xBFwith a BOM",
            b"crlf\r\nline",
            b"tab\there",
            b"\x1b[31mescape",
            b"caf\xe9 au lait, na\xefve",
            b"\xFF\xFEh\x00i\x00",
        ];
        for bytes in inputs {
            assert_eq!(decode_owned(bytes.to_vec()), decode(bytes), "{bytes:?}");
        }
    }

    #[test]
    fn wide_spaces_are_the_whitespace_beyond_ascii() {
        for c in ('\u{80}'..='\u{2FFFF}').filter(|c| !c.is_ascii()) {
            let mut buf = [0; 4];
            let b = c.encode_utf8(&mut buf).as_bytes();
            let at = |i: usize| b.get(i).copied().unwrap_or(0);
            assert_eq!(
                starts_wide_space(b[0], at(1), at(2)),
                c.is_whitespace(),
                "{c:?}"
            );
        }
    }

    #[test]
    fn reading_in_clean_lines_equals_decoding_whole() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("big.md");
        // Over several read blocks: CRLF, tabs, escapes and wide characters throughout.
        let line = "col\tumn — “quoted” \x1b[31m漢字\r\n";
        let text = line.repeat(5 * (1 << 20) / line.len() + 7) + "no newline at the end";
        std::fs::write(&path, &text).expect("write");
        let mut read = String::new();
        let complete = read_clean_lines(&path, |chunk| read.push_str(&chunk)).expect("read");
        assert!(complete);
        assert_eq!(read, decode(text.as_bytes()).text);
        for odd in [&b"\xEF\xBB\xBFbom"[..], b"caf\xe9\n", b"\xFF\xFEh\x00"] {
            std::fs::write(&path, odd).expect("write");
            assert!(!read_clean_lines(&path, |_| {}).expect("read"), "{odd:?}");
        }
    }

    #[test]
    fn the_byte_scan_finds_what_a_character_scan_finds() {
        let pieces = [
            "plain ",
            "“quoted” — dash ",
            "\u{85}",
            "\u{9B}",
            "\u{2028}",
            "\u{2029}",
            "\u{202E}",
            "\u{2066}",
            "\u{2069}",
            "\u{2027}",
            "\u{2030}",
            "\t",
            "\r",
            "\x1b",
            "\x7f",
            "é",
            "漢字",
            "\n",
        ];
        for (i, a) in pieces.iter().enumerate() {
            for b in &pieces[i..] {
                let text = format!("{a}{b}{a}");
                let expected = text.char_indices().find(|&(_, c)| needs_cleaning(c));
                assert_eq!(
                    first_to_clean(&text),
                    expected.map(|(at, _)| at),
                    "{text:?}"
                );
            }
        }
    }

    #[test]
    fn bytes_checked_in_halves_are_found_as_the_whole_is() {
        let base = "word “quote” é 漢 🎉 ".repeat(4).into_bytes();
        let whole = |bytes: &[u8]| check_in_halves_from(bytes, usize::MAX);
        assert_eq!(check_in_halves_from(&base, 0), Check::Clean);
        assert_eq!(check_in_halves_from(b"", 0), Check::Clean);
        // Characters to clean and bytes that are no UTF-8, at every byte of the text:
        // inside a character too, so that some cut one the halves meet in.
        let odd: [&[u8]; 9] = [
            b"\x1b",
            "\u{2028}".as_bytes(),
            "\u{9b}".as_bytes(),
            b"\t",
            b"\r",
            b"\x80",
            b"\xE2\x80",
            b"\xC0\xAF",
            b"\xFF",
        ];
        for odd in odd {
            for at in 0..=base.len() {
                let bytes = [&base[..at], odd, &base[at..]].concat();
                let expected = whole(&bytes);
                assert_ne!(expected, Check::Clean, "{odd:?} at {at}");
                assert_eq!(check_in_halves_from(&bytes, 0), expected, "{odd:?} at {at}");
            }
        }
    }

    #[test]
    fn only_clean_utf8_is_kept_without_a_copy() {
        let text = "Plain “text” é\n";
        assert_eq!(decode_owned(text.as_bytes().to_vec()).text, text);
        let decoded = decode_owned(b"caf\xE9 au lait, tr\xE8s bien\n".to_vec());
        assert_eq!(decoded.text, "café au lait, très bien\n");
        assert_eq!(decode_owned(b"a\tb\r\n".to_vec()).text, "a   b\n");
        assert_eq!(decode_owned("\u{FEFF}x".as_bytes().to_vec()).text, "x");
    }

    #[test]
    fn variation_selectors_are_dropped_so_widths_agree() {
        let text = clean("I ❤\u{FE0F} it 0\u{FE0F} ✌\u{FE0E}");
        assert_eq!(text, "I ❤ it 0 ✌");
        let chars: usize = text.chars().filter_map(|c| c.width()).sum();
        assert_eq!(display_width(&text), chars);
        // Their neighbours, where the byte scan stops too, are kept.
        let kept = "\u{FE00}\u{FE10}\u{FE30}\u{FE3F}";
        assert_eq!(
            clean(&format!("a\u{FE0F}{kept}")),
            format!("a\u{FE00}\u{FE10}\u{FE30}\u{FE3F}")
        );
        assert_eq!(decode_owned(kept.as_bytes().to_vec()).text, kept);
    }

    #[test]
    fn plain_utf8_is_borrowed_unchanged() {
        assert!(matches!(clean("hello “world”\n"), Cow::Borrowed(_)));
    }

    #[test]
    fn strips_bom_and_normalises_line_ends() {
        let d = decode(b"\xEF\xBB\xBFone\r\ntwo\rthree\n");
        assert_eq!(d.text, "one\ntwo\nthree\n");
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn legacy_encodings_are_detected_and_noted() {
        let d = decode(b"Le caf\xE9 de la gare, \x93quoted\x94 and na\xEFve.");
        assert_eq!(d.text, "Le café de la gare, “quoted” and naïve.");
        assert!(d.warnings[0].contains("windows-1252"), "{:?}", d.warnings);
    }

    #[test]
    fn binary_stays_lossy_utf8_with_a_warning() {
        let d = decode(b"bin\x00\xff\xfe data");
        assert!(d.text.starts_with("bin␀"));
        assert!(d.text.contains('\u{FFFD}'));
        assert_eq!(d.warnings.len(), 1);
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        le.extend("Zürich “x”".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&le).text, "Zürich “x”");
        let mut be = vec![0xFE, 0xFF];
        be.extend("Kyiv".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&be).text, "Kyiv");
    }

    #[test]
    fn escape_sequences_become_visible() {
        let d = decode(b"a\x1b]0;evil\x07b\x1b[31mred\x9b");
        assert!(!d.text.chars().any(|c| c.is_control() && c != '\n'));
        assert!(d.text.starts_with("a␛]0;evil␇b␛[31mred"));
    }

    #[test]
    fn c1_and_bidi_are_neutralised() {
        let t = clean("x\u{9b}y\u{202E}z\u{2066}w");
        assert_eq!(t, "x\u{FFFD}y\u{FFFD}z\u{FFFD}w");
    }

    #[test]
    fn tabs_expand_to_stops_in_display_columns() {
        assert_eq!(clean("a\tb"), "a   b");
        assert_eq!(clean("\tb"), "    b");
        assert_eq!(clean("漢\tb"), "漢  b");
        assert_eq!(clean("x\nabcd\te"), "x\nabcd    e");
    }
}
