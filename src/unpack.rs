//! What a file's bytes hold: the text inside a gzip file (`README.md.gz`, the
//! documentation Debian ships), or nothing readable at all (a program, an image), which
//! is refused with a clear error rather than shown as a screen of placeholders.

use std::io::Read;
use std::path::Path;

use anyhow::{Result, bail};
use flate2::read::MultiGzDecoder;

/// How every gzip file starts.
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// The most text a compressed file may unpack to: a few bytes of gzip can claim
/// gigabytes, and past this it is refused rather than fill the memory.
pub const MAX_UNPACKED: u64 = 1 << 30;

/// How much of a file's start is looked at to tell that it is binary: as `git` does.
const BINARY_HEAD: usize = 8000;

pub fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&GZIP_MAGIC)
}

/// Whether a file is named as compressed with gzip: its size and its end are not its
/// text's (see [`unpacked_size`]).
pub fn has_gzip_name(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"))
}

/// `name` without a `.gz` at its end: `notes.md.gz` is read as `notes.md` is.
pub fn without_gzip_suffix(name: &str) -> &str {
    match name.len().checked_sub(3) {
        Some(cut) if name.is_char_boundary(cut) && name[cut..].eq_ignore_ascii_case(".gz") => {
            &name[..cut]
        }
        _ => name,
    }
}

/// The bytes a file holds as text: unpacked when compressed with gzip; an error when
/// they are binary, or unpack to more than `limit` bytes.
pub fn unpacked(bytes: Vec<u8>, limit: u64) -> Result<Vec<u8>> {
    let bytes = if is_gzip(&bytes) {
        let mut out = Vec::new();
        MultiGzDecoder::new(&bytes[..])
            .take(limit + 1)
            .read_to_end(&mut out)
            .map_err(|err| anyhow::anyhow!("unpacking gzip: {err}"))?;
        if out.len() as u64 > limit {
            bail!("unpacks to more than {} MiB", limit >> 20);
        }
        out
    } else {
        bytes
    };
    refuse_binary(&bytes)?;
    Ok(bytes)
}

/// The first `n` bytes of text a file holds, unpacked as [`unpacked`] does, without
/// reading (or unpacking) the rest.
pub fn head(path: &Path, n: usize) -> Result<Vec<u8>> {
    let file = std::fs::File::open(path)?;
    let mut raw = Vec::with_capacity(n);
    (&file).take(n as u64).read_to_end(&mut raw)?;
    if !is_gzip(&raw) {
        refuse_binary(&raw)?;
        return Ok(raw);
    }
    let mut head = Vec::with_capacity(n);
    MultiGzDecoder::new(std::fs::File::open(path)?)
        .take(n as u64)
        .read_to_end(&mut head)
        .map_err(|err| anyhow::anyhow!("unpacking gzip: {err}"))?;
    refuse_binary(&head)?;
    Ok(head)
}

/// The size of the text a gzip file holds, as its last four bytes say (modulo 4 GiB,
/// of its last member: exact for the files this reads); `None` when it is no gzip.
pub fn unpacked_size(path: &Path) -> Option<u64> {
    use std::io::{Seek, SeekFrom};
    let mut file = std::fs::File::open(path).ok()?;
    let mut magic = [0; 2];
    file.read_exact(&mut magic).ok()?;
    if !is_gzip(&magic) {
        return None;
    }
    file.seek(SeekFrom::End(-4)).ok()?;
    let mut size = [0; 4];
    file.read_exact(&mut size).ok()?;
    Some(u64::from(u32::from_le_bytes(size)))
}

/// An error when `bytes` are binary: NULs among their first bytes, which text has none
/// of, and those bytes no UTF-8. A stray NUL (a damaged text, a hostile one) is shown as
/// a control picture; a byte-order mark saying UTF-16, whose text has NULs, is text.
fn refuse_binary(bytes: &[u8]) -> Result<()> {
    let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    let head = &bytes[..bytes.len().min(BINARY_HEAD)];
    if utf16 || memchr::memchr_iter(0, head).nth(1).is_none() {
        return Ok(());
    }
    if std::str::from_utf8(crate::source::whole_characters(head)).is_err() {
        bail!("a binary file, not text");
    }
    Ok(())
}

/// `bytes` compressed with gzip: for the tests of what reads such files.
#[cfg(test)]
pub(crate) fn gzip(bytes: &[u8]) -> Vec<u8> {
    use flate2::{Compression, write::GzEncoder};
    use std::io::Write;
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(bytes).expect("gzip in memory");
    encoder.finish().expect("gzip in memory")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gzip_unpacks_to_its_text_and_plain_bytes_stay_as_they_are() {
        let text = "# Notes\n\nThe ferry runs at nine.\n".repeat(50);
        assert_eq!(
            unpacked(gzip(text.as_bytes()), MAX_UNPACKED).unwrap(),
            text.as_bytes()
        );
        assert_eq!(
            unpacked(text.clone().into_bytes(), 10).unwrap(),
            text.as_bytes()
        );
        // Two members one after another (`cat a.gz b.gz`) are one text.
        let mut both = gzip(b"one ");
        both.extend(gzip(b"two"));
        assert_eq!(unpacked(both, MAX_UNPACKED).unwrap(), b"one two");
    }

    #[test]
    fn too_much_unpacked_truncated_gzip_and_binary_bytes_are_refused() {
        let packed = gzip(&[b'a'; 5000]);
        assert!(packed.len() < 100);
        let err = unpacked(packed.clone(), 4096).unwrap_err().to_string();
        assert!(err.contains("more than"), "{err}");
        assert!(unpacked(packed.clone(), 5000).is_ok());
        assert!(unpacked(packed[..packed.len() - 6].to_vec(), 5000).is_err());
        let program = b"\x7fELF\x02\x01\x01\0\0\0\xa8\x01".to_vec();
        let err = unpacked(program, 100).unwrap_err().to_string();
        assert_eq!(err, "a binary file, not text");
        // In a gzip too; but not a stray NUL in UTF-8 text, nor UTF-16's NULs, nor
        // other bytes than UTF-8 without a NUL (a legacy encoding's text).
        assert!(unpacked(gzip(b"PK\x03\x04\0\0\xa8"), 100).is_err());
        assert!(unpacked("NULs \0 in “text” \0".into(), 100).is_ok());
        assert!(unpacked(b"one NUL \0 and \x9b".to_vec(), 100).is_ok());
        assert!(unpacked(b"\xFF\xFEH\0i\0".to_vec(), 100).is_ok());
        assert!(unpacked(b"caf\xe9".to_vec(), 100).is_ok());
    }

    #[test]
    fn a_head_and_the_size_of_a_gzip_file_are_of_its_text() {
        let dir = tempfile::tempdir().unwrap();
        let text = "Harbour notes, line after line.\n".repeat(400);
        let packed = dir.path().join("notes.txt.gz");
        std::fs::write(&packed, gzip(text.as_bytes())).unwrap();
        let plain = dir.path().join("notes.txt");
        std::fs::write(&plain, &text).unwrap();
        for path in [&packed, &plain] {
            assert_eq!(head(path, 100).unwrap(), text.as_bytes()[..100]);
        }
        assert_eq!(unpacked_size(&packed), Some(text.len() as u64));
        assert_eq!(unpacked_size(&plain), None);
        let binary = dir.path().join("a.out");
        std::fs::write(&binary, b"\x7fELF\0\0\0\xa8").unwrap();
        assert!(head(&binary, 100).is_err());
    }

    #[test]
    fn a_gz_suffix_is_dropped_in_any_case_and_nothing_else_is() {
        assert_eq!(without_gzip_suffix("notes.md.gz"), "notes.md");
        assert_eq!(without_gzip_suffix("NOTES.MD.GZ"), "NOTES.MD");
        assert_eq!(without_gzip_suffix("notes.md"), "notes.md");
        assert_eq!(without_gzip_suffix("gz"), "gz");
        assert_eq!(without_gzip_suffix("é.gz"), "é");
        assert_eq!(without_gzip_suffix("aé"), "aé");
        assert!(has_gzip_name(Path::new("a/NEWS.gz")) && !has_gzip_name(Path::new("gz")));
    }
}
