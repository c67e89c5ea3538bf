//! Highlights on a corpus of short articles written for these tests. Each file carries
//! its gold annotations inline: `{mention|Canonical Name}` for a leader mention and
//! `⟦…⟧` around the text of each quote (inside its marks). The test strips the markup,
//! runs the analysis and reports precision and recall for quotes and leader mentions.

use std::collections::BTreeSet;
use std::ops::Range;
use std::path::Path;

use byline::{analysis, article};

#[derive(Default)]
struct Gold {
    text: String,
    quotes: BTreeSet<(usize, usize)>,
    mentions: BTreeSet<(usize, usize)>,
    /// Mention span → canonical name.
    names: Vec<(Range<usize>, String)>,
}

fn parse_markup(marked: &str) -> Gold {
    let mut gold = Gold::default();
    let mut open_quotes = Vec::new();
    let mut mention: Option<usize> = None;
    let mut in_name = false;
    let mut name = String::new();
    for c in marked.chars() {
        if in_name {
            if c == '}' {
                let start = mention.take().unwrap();
                let end = gold.text.len();
                gold.mentions.insert((start, end));
                gold.names.push((start..end, std::mem::take(&mut name)));
                in_name = false;
            } else {
                name.push(c);
            }
            continue;
        }
        match c {
            '⟦' => open_quotes.push(gold.text.len()),
            '⟧' => {
                let start = open_quotes.pop().expect("balanced ⟦⟧");
                gold.quotes.insert((start, gold.text.len()));
            }
            '{' => mention = Some(gold.text.len()),
            '|' if mention.is_some() => in_name = true,
            c => gold.text.push(c),
        }
    }
    gold
}

struct Score {
    tp: usize,
    predicted: usize,
    gold: usize,
}

impl Score {
    fn add(&mut self, predicted: &BTreeSet<(usize, usize)>, gold: &BTreeSet<(usize, usize)>) {
        self.tp += predicted.intersection(gold).count();
        self.predicted += predicted.len();
        self.gold += gold.len();
    }
    fn precision(&self) -> f64 {
        if self.predicted == 0 {
            1.0
        } else {
            self.tp as f64 / self.predicted as f64
        }
    }
    fn recall(&self) -> f64 {
        if self.gold == 0 {
            1.0
        } else {
            self.tp as f64 / self.gold as f64
        }
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

#[test]
fn corpus_precision_and_recall() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let mut quotes = Score {
        tp: 0,
        predicted: 0,
        gold: 0,
    };
    let mut mentions = Score {
        tp: 0,
        predicted: 0,
        gold: 0,
    };
    let mut report = Vec::new();
    for path in &paths {
        let gold = parse_markup(&std::fs::read_to_string(path).unwrap());
        let a = article::parse(gold.text.as_bytes(), &path.display().to_string());
        assert_eq!(a.text, gold.text, "the corpus files are clean text");
        let an = analysis::analyse(&a, &[]);
        let got_quotes: BTreeSet<_> = an
            .quotes
            .iter()
            .map(|q| (q.inner().start, q.inner().end))
            .collect();
        let got_mentions: BTreeSet<_> = an
            .leaders
            .iter()
            .flat_map(|l| l.mentions.iter().map(|m| (m.start, m.end)))
            .collect();
        let show = |set: &BTreeSet<(usize, usize)>| -> Vec<&str> {
            set.iter().map(|&(s, e)| &a.text[s..e]).collect()
        };
        let name = path.file_name().unwrap().to_string_lossy();
        let q_missed: BTreeSet<_> = gold.quotes.difference(&got_quotes).copied().collect();
        let q_extra: BTreeSet<_> = got_quotes.difference(&gold.quotes).copied().collect();
        let m_missed: BTreeSet<_> = gold.mentions.difference(&got_mentions).copied().collect();
        let m_extra: BTreeSet<_> = got_mentions.difference(&gold.mentions).copied().collect();
        if !(q_missed.is_empty() && q_extra.is_empty() && m_missed.is_empty() && m_extra.is_empty())
        {
            report.push(format!(
                "{name}: quotes missed {:?} extra {:?}; mentions missed {:?} extra {:?}",
                show(&q_missed),
                show(&q_extra),
                show(&m_missed),
                show(&m_extra)
            ));
        }
        // Every mention that was found belongs to the right leader.
        for (range, gold_name) in &gold.names {
            if let Some(l) = an.leaders.iter().find(|l| l.mentions.contains(range)) {
                assert_eq!(&l.name, gold_name, "{name}: {}", &a.text[range.clone()]);
            }
        }
        quotes.add(&got_quotes, &gold.quotes);
        mentions.add(&got_mentions, &gold.mentions);
    }
    eprintln!("corpus: {} articles", paths.len());
    eprintln!(
        "quotes:   precision {:.3} recall {:.3} F1 {:.3} ({} gold)",
        quotes.precision(),
        quotes.recall(),
        quotes.f1(),
        quotes.gold
    );
    eprintln!(
        "mentions: precision {:.3} recall {:.3} F1 {:.3} ({} gold)",
        mentions.precision(),
        mentions.recall(),
        mentions.f1(),
        mentions.gold
    );
    for line in &report {
        eprintln!("  {line}");
    }
    assert!(paths.len() >= 15);
    assert!(quotes.f1() >= 0.95, "quotes F1 {:.3}", quotes.f1());
    assert!(mentions.f1() >= 0.90, "mentions F1 {:.3}", mentions.f1());
}
