//! Arbitrary bytes through the email parser and everything after it.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    byline::invariants::check_bytes(data, byline::article::Format::Email);
});
