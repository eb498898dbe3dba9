//! Robustness: real articles mangled the ways scraped and hand-edited text is (curly and stray
//! quotes, dashes, emoji, combining marks, NBSP, CRLF, tabs, Markdown syntax, ALL CAPS, text cut
//! anywhere, paragraphs duplicated or dropped) must analyse without a panic, every span of the
//! result must lie inside the text on character boundaries and point at real entities, and the
//! editor features (cards, highlights, hints, renames) must answer for every entity.
//! Deterministic: a fixed seed, so a failure names the case that reproduces it
//! (`COPYDESK_MUTATIONS=n` runs more cases while developing).

use copydesk_core::ide;
use copydesk_core::text::DocKind;
use copydesk_core::{analyze, Analysis, Config, Span};

/// Small linear congruential generator: reproducible without a dependency.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// What gets inserted: the characters and fragments that real articles break tools with.
const PIECES: &[&str] = &[
    "“",
    "”",
    "‘",
    "’",
    "\"",
    "'",
    "«",
    "»",
    "„",
    "—",
    "–",
    "-",
    "--",
    "…",
    "\u{a0}",
    "\u{200b}",
    "\u{200d}",
    "\u{feff}",
    "\u{301}",
    "\u{202e}",
    "é",
    "İ",
    "ß",
    "ﬁ",
    "👍🏽",
    "🇺🇸",
    "\r\n",
    "\r",
    "\t",
    "\n",
    "\n\n",
    " ",
    "  ",
    "#",
    "# ",
    "*",
    "**",
    "_",
    "`",
    "```",
    "[",
    "]",
    "(",
    ")",
    "](http://x.com)",
    "<a href=\"x\">",
    "</a>",
    "<!--",
    "-->",
    "---\n",
    "> ",
    "- ",
    "1. ",
    "|",
    "U.S.",
    "Mr.",
    "Sen.",
    "'s",
    "’s",
    "s’",
    "O'Brien",
    "Amir-Abdollahian",
    "BREAKING NEWS",
    "ALL CAPS SHOUTED LINE",
    "said",
    " said.",
    "according to",
    " told Reuters",
    "sources said",
    "it is believed",
    "(SCO)",
    "Shanghai Cooperation Organization",
    "Raisi",
    "Ebrahim Raisi",
    "Iranian",
    "Xi Jinping",
    "Beijing",
    ":",
    ";",
    ",",
    ".",
    "?",
    "!",
    "$",
    "%",
    "2024",
    "1,000",
    "3.5",
    "keep readingShow less",
    "Follow us on social",
    "Ǆ",
    "ǅ",
    "Σ",
    "ς",
    "\u{0}",
    "\u{7f}",
];

/// A char boundary of `text` at or before `at`.
fn boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn mutate(text: &str, rng: &mut Lcg) -> String {
    let mut t = text.to_string();
    for _ in 0..1 + rng.next(8) {
        let a = boundary(&t, rng.next(t.len() + 1));
        let b = boundary(&t, a + rng.next(200));
        match rng.next(10) {
            // insert a piece (most often)
            0..=4 => t.insert_str(a, PIECES[rng.next(PIECES.len())]),
            // delete a range
            5 => t.replace_range(a..b, ""),
            // duplicate a range
            6 => {
                let copy = t[a..b].to_string();
                t.insert_str(b, &copy);
            }
            // shout a range
            7 => {
                let upper = t[a..b].to_uppercase();
                t.replace_range(a..b, &upper);
            }
            // cut the text
            8 => t.truncate(b),
            // straight quotes and line ends turned into their other forms
            _ => {
                let swapped = t[a..b]
                    .replace('\n', "\r\n")
                    .replace('"', "“")
                    .replace(' ', "\u{a0}");
                t.replace_range(a..b, &swapped);
            }
        }
    }
    t
}

fn check_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end),
        "{what} {span:?} is not a span of the {}-byte text",
        text.len()
    );
}

fn check(text: &str, a: &Analysis, config: &Config) {
    for m in &a.mentions {
        check_span(text, m.span, "mention");
        assert!(!m.span.is_empty(), "empty mention {:?}", m.span);
        assert!(m.entity < a.entities.len(), "mention of no entity");
        if let Some(t) = m.title {
            check_span(text, t, "title");
        }
    }
    assert!(
        a.mentions
            .windows(2)
            .all(|w| w[0].span.start <= w[1].span.start),
        "mentions out of text order"
    );
    for (id, e) in a.entities.iter().enumerate() {
        assert!(
            e.mentions.contains(&e.defining),
            "{}: defining mention not its own",
            e.name
        );
        assert!(e.mentions.iter().all(|&m| a.mentions[m].entity == id));
    }
    for at in &a.attributions {
        for s in at.cue.iter().chain(&at.source).chain(&at.content) {
            check_span(text, *s, "attribution span");
        }
        assert!(at.source_entity.is_none_or(|e| e < a.entities.len()));
    }
    for f in &a.findings {
        check_span(text, f.span, f.rule);
        for edit in f.fixes.iter().flat_map(|fix| &fix.edits) {
            check_span(text, edit.span, "fix");
        }
    }
    for n in a.nested(config) {
        check_span(text, n.span, "nested mention");
    }
    check_editor_features(text, a, config);
}

/// What the language server asks of an analysis, for every entity and mention.
fn check_editor_features(text: &str, a: &Analysis, config: &Config) {
    for h in ide::highlights(a) {
        check_span(text, h.span, "highlight");
    }
    for hint in ide::first_use_hints(a, text) {
        assert!(text.is_char_boundary(hint.offset), "hint off a boundary");
    }
    for id in 0..a.entities.len() {
        let card = ide::entity_card(a, text, config, id);
        assert!(card.quotes.len() <= card.quote_count);
        check_span(text, ide::defining_span(a, id), "defining mention");
    }
    for m in &a.mentions {
        assert!(
            ide::entity_at(a, m.span.start).is_some(),
            "no entity at a mention"
        );
        if let Ok(edits) = ide::rename_edits(a, text, m.span.start, "Zed Quill") {
            assert!(!edits.is_empty(), "a rename that changes nothing");
            for e in &edits {
                check_span(text, e.span, "rename edit");
            }
            assert!(
                edits.windows(2).all(|w| w[0].span.end <= w[1].span.start),
                "overlapping rename edits"
            );
        }
    }
    for at in &a.attributions {
        let _ = (ide::content_text(text, at), ide::source_text(text, at));
    }
}

fn articles() -> Vec<String> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut out = vec![include_str!("../../../examples/raisi-beijing.txt").to_string()];
    for dir in ["entities", "sourcing"] {
        let mut paths: Vec<_> = std::fs::read_dir(format!("{root}/{dir}"))
            .expect("fixture folder")
            .map(|e| e.expect("fixture").path())
            .collect();
        paths.sort();
        out.extend(
            paths
                .iter()
                .map(|p| std::fs::read_to_string(p).expect("UTF-8 fixture")),
        );
    }
    out
}

#[test]
fn mangled_articles_analyse_to_spans_inside_the_text() {
    let config = Config::default();
    let articles = articles();
    let cases: usize = std::env::var("COPYDESK_MUTATIONS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(3000);
    let mut rng = Lcg(7);
    for case in 0..cases {
        let text = mutate(&articles[case % articles.len()], &mut rng);
        let kind = if case % 3 == 0 {
            DocKind::Markdown
        } else {
            DocKind::Plain
        };
        let result = std::panic::catch_unwind(|| {
            let a = analyze(&text, kind, &config);
            check(&text, &a, &config);
        });
        if result.is_err() {
            panic!("case {case} ({kind:?}) failed on this text:\n{text:?}");
        }
    }
}
