//! The seed article is the first acceptance test: its outline, dateline, quotes and
//! leaders are known exactly.

use byline::{analysis, article, export, library};

const SEED: &[u8] = include_bytes!("../seeds/anchorage-summit.txt");

#[test]
fn seed_is_bundled_byte_for_byte() {
    let seeds = library::seeds();
    assert!(
        seeds
            .iter()
            .any(|e| matches!(e.origin, library::Origin::Seed(b) if b == SEED))
    );
}

#[test]
fn seed_outline_and_dateline() {
    let a = article::parse(SEED, "seed:anchorage-summit.txt");
    assert_eq!(
        export::outline(&a),
        "Leaders’ Vague Optimism Contrasts with Ground Realities\n\
         Post-Summit Diplomatic Engagements\n\
         Fighting Rages On in Ukraine\n"
    );
    let d = a.dateline.as_ref().expect("dateline");
    assert_eq!(&a.text[d.place.clone()], "ANCHORAGE, ALASKA");
    // The lead before the first heading is a real part of the article.
    assert!(a.sections[0].block > 0);
}

#[test]
fn seed_quotes_and_leaders_are_exact() {
    let a = article::parse(SEED, "seed:anchorage-summit.txt");
    let an = analysis::analyse(&a, &[]);
    let quotes: Vec<&str> = an.quotes.iter().map(|q| &a.text[q.inner()]).collect();
    assert_eq!(quotes, ["great progress,", "great progress", "progress"]);
    let leaders: Vec<(&str, usize)> = an
        .leaders
        .iter()
        .map(|l| (l.name.as_str(), l.mentions.len()))
        .collect();
    assert_eq!(
        leaders,
        [
            ("Donald Trump", 4),
            ("Vladimir Putin", 5),
            ("Volodymyr Zelenskyy", 1)
        ]
    );
    let trump: Vec<&str> = an.leaders[0]
        .mentions
        .iter()
        .map(|m| &a.text[m.clone()])
        .collect();
    assert_eq!(
        trump,
        [
            "US President Donald Trump",
            "President Trump",
            "US President Donald Trump",
            "President Trump"
        ]
    );
}

#[test]
fn seed_json_offsets_point_at_their_text() {
    let a = article::parse(SEED, "seed:anchorage-summit.txt");
    let an = analysis::analyse(&a, &[]);
    let json = serde_json::to_value(export::json(&a, &an)).unwrap();
    for q in json["quotes"].as_array().unwrap() {
        let (s, e) = (
            q["start"].as_u64().unwrap() as usize,
            q["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&a.text[s..e], q["text"].as_str().unwrap());
    }
    for l in json["leaders"].as_array().unwrap() {
        for m in l["mentions"].as_array().unwrap() {
            let (s, e) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&a.text[s..e], m["text"].as_str().unwrap());
        }
    }
    assert_eq!(json["dateline"], "ANCHORAGE, ALASKA");
    assert_eq!(json["sections"].as_array().unwrap().len(), 3);
}
