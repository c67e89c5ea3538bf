//! Synthetic articles for benchmarks and scale tests: deterministic for a seed, with
//! headings every few paragraphs, quotes and leader names throughout.

/// A tiny deterministic generator (xorshift), so no dependency is needed for noise.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const WORDS: &[&str] = &[
    "the",
    "talks",
    "resumed",
    "after",
    "a",
    "long",
    "pause",
    "while",
    "officials",
    "said",
    "progress",
    "was",
    "slow",
    "and",
    "markets",
    "reacted",
    "calmly",
    "to",
    "news",
    "of",
    "new",
    "tariffs",
    "on",
    "steel",
    "imports",
    "from",
    "several",
    "countries",
    "in",
    "region",
];
const LEADERS: &[&str] = &[
    "President Emmanuel Macron",
    "Chancellor Friedrich Merz",
    "Prime Minister Keir Starmer",
    "Ukrainian President Volodymyr Zelenskyy",
    "Macron",
    "Merz",
    "Mr Starmer",
];
const QUOTES: &[&str] = &[
    "“great progress”",
    "“no deal yet,”",
    "‘a hard winter’",
    "\"cautious optimism\"",
];

/// Roughly `bytes` of plain text (or Markdown, with `#` headings).
pub fn article(bytes: usize, seed: u64, markdown: bool) -> String {
    let mut rng = Rng(seed.max(1));
    let mut out = String::with_capacity(bytes + 1024);
    out.push_str(if markdown {
        "# A Synthetic Report\n\n"
    } else {
        "A Synthetic Report\n\n"
    });
    let mut paragraph = 0;
    while out.len() < bytes {
        if paragraph % 5 == 4 {
            let heading = format!("Section Number {}", paragraph / 5 + 1);
            out.push_str(if markdown { "## " } else { "" });
            out.push_str(&heading);
            out.push_str("\n\n");
        }
        for sentence in 0..5 {
            let words = 8 + (rng.next() % 10) as usize;
            for w in 0..words {
                let word = rng.pick(WORDS);
                if w == 0 && sentence == 0 {
                    let mut c = word.chars();
                    out.extend(c.next().map(|f| f.to_ascii_uppercase()));
                    out.push_str(c.as_str());
                } else {
                    out.push(' ');
                    out.push_str(word);
                }
                if w == 3 && rng.next().is_multiple_of(3) {
                    out.push(' ');
                    out.push_str(rng.pick(LEADERS));
                    out.push_str(" said");
                }
                if w == 5 && rng.next().is_multiple_of(4) {
                    out.push(' ');
                    out.push_str(rng.pick(QUOTES));
                }
            }
            out.push_str(". ");
        }
        out.push_str("\n\n");
        paragraph += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn deterministic_and_sized() {
        let a = super::article(10_000, 7, false);
        assert_eq!(a, super::article(10_000, 7, false));
        assert!(a.len() >= 10_000 && a.len() < 12_000);
        assert!(a.contains("Section Number 1") && a.contains("Macron"));
    }
}
