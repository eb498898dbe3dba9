//! The learned cue model (`grammars/lexicon/cue-model.tsv`, written by `scripts/build-cue-model`
//! from PolNeAR train): a logistic regression that weighs a candidate word with its neighbours
//! on both sides. The lexicon rules decide unless the model is sure otherwise.
//!
//! Features mirror the script's `features()`: the word; the key of the token before and after it
//! (its lower-cased text, or `<num>`, `<dash>`, `<oq>`, `<cq>`, the punctuation itself, `<nl>`
//! across a line break); their classes (pronoun, article, auxiliary, capitalized word, other
//! word); the class two tokens back; and whether the word is capitalized. Every lookup is by
//! `&str` into the tables: no allocation per token.

use std::sync::LazyLock;

use rustc_hash::FxHashMap as HashMap;

use crate::text::{Document, TokenKind};

const MODEL: &str = include_str!("../../../../grammars/lexicon/cue-model.tsv");

// keys borrow from the embedded table: parsing allocates no string
type Weights = HashMap<&'static str, f32>;

#[derive(Debug, Default)]
struct WordWeights {
    bias: f32,
    capitalized: f32,
    /// A reporting verb ([`STRONG`]) before the word in its sentence, or after it.
    strong_before: f32,
    strong_after: f32,
    prev: Weights,
    next: Weights,
    prev_class: Weights,
    next_class: Weights,
}

#[derive(Debug, Default)]
pub struct CueModel {
    bias: f32,
    /// A rule's cue scoring below this is none.
    pub veto: f32,
    /// A word the rules reject scoring this or above is a cue.
    pub add: f32,
    /// Words with a class of their own (pronouns, articles, auxiliaries).
    classes: HashMap<&'static str, &'static str>,
    words: HashMap<&'static str, WordWeights>,
    prev: Weights,
    next: Weights,
    prev2_class: Weights,
    class_pairs: HashMap<&'static str, Weights>,
    strong_before: f32,
    strong_after: f32,
}

const NL: &str = "<nl>";

/// Reporting verbs whose presence elsewhere in the sentence makes a word less likely a cue of
/// its own: PolNeAR annotates one attribution per token, so a cue inside another's content
/// ("Bucher said none of them were listed") is none.
const STRONG: [&str; 7] = [
    "said",
    "says",
    "say",
    "told",
    "tells",
    "according",
    "saying",
];
/// How far the sentence is searched for one, in tokens each way.
const REACH: usize = 40;

impl CueModel {
    /// The embedded model, parsed once.
    pub fn embedded() -> &'static CueModel {
        static MODEL: LazyLock<CueModel> = LazyLock::new(CueModel::parse);
        &MODEL
    }

    fn parse() -> CueModel {
        let mut m = CueModel::default();
        for line in MODEL.lines().filter(|l| !l.starts_with('#')) {
            // at most four fields, the weight last: no vector per line
            let mut f = [""; 4];
            let mut len = 0;
            for (k, field) in line.split('\t').enumerate() {
                assert!(k < 4, "grammars/lexicon/cue-model.tsv: bad line {line:?}");
                f[k] = field;
                len = k + 1;
            }
            let weight = || f[len - 1].parse::<f32>().unwrap_or(0.0);
            match (f[0], len) {
                ("bias", 2) => m.bias = weight(),
                ("veto", 2) => m.veto = weight(),
                ("add", 2) => m.add = weight(),
                ("sb", 2) => m.strong_before = weight(),
                ("sa", 2) => m.strong_after = weight(),
                ("wsb", 3) => m.word(f[1]).strong_before = weight(),
                ("wsa", 3) => m.word(f[1]).strong_after = weight(),
                ("class", 3) => {
                    let class = match f[2] {
                        "<pron>" => "<pron>",
                        "<art>" => "<art>",
                        _ => "<aux>",
                    };
                    // the first class listed wins ("her" is a pronoun before an article)
                    m.classes.entry(f[1]).or_insert(class);
                }
                ("c", 2) => {
                    m.word(f[1]);
                }
                ("w", 3) => m.word(f[1]).bias = weight(),
                ("wcap", 3) => m.word(f[1]).capitalized = weight(),
                ("p", 3) => {
                    m.prev.insert(f[1], weight());
                }
                ("n", 3) => {
                    m.next.insert(f[1], weight());
                }
                ("p2", 3) => {
                    m.prev2_class.insert(f[1], weight());
                }
                ("pcnc", 4) => {
                    m.class_pairs
                        .entry(f[1])
                        .or_default()
                        .insert(f[2], weight());
                }
                (kind @ ("wp" | "wn" | "wpc" | "wnc"), 4) => {
                    let w = m.word(f[1]);
                    let table = match kind {
                        "wp" => &mut w.prev,
                        "wn" => &mut w.next,
                        "wpc" => &mut w.prev_class,
                        _ => &mut w.next_class,
                    };
                    table.insert(f[2], weight());
                }
                _ => panic!("grammars/lexicon/cue-model.tsv: bad line {line:?}"),
            }
        }
        m
    }

    fn word(&mut self, w: &'static str) -> &mut WordWeights {
        self.words.entry(w).or_default()
    }

    /// The score (log-odds of being a cue) of word token `i`, or `None` when the model has never
    /// seen the word in a cue; `strong` is the token's [`strong_context`].
    pub fn score(&self, doc: &Document, i: usize, strong: u8) -> Option<f32> {
        let w = self.words.get(doc.lower(i))?;
        let tokens = &doc.tokens;
        let first = i == 0 || tokens[i].newline_before;
        let last = i + 1 >= tokens.len() || tokens[i + 1].newline_before;
        let (prev, prev_class) = if first {
            (NL, NL)
        } else {
            (key(doc, i - 1), self.class(doc, i - 1))
        };
        let (next, next_class) = if last {
            (NL, NL)
        } else {
            (key(doc, i + 1), self.class(doc, i + 1))
        };
        let prev2 = if first || i < 2 || tokens[i - 1].newline_before {
            NL
        } else {
            self.class(doc, i - 2)
        };
        let get = |t: &Weights, k: &str| t.get(k).copied().unwrap_or(0.0);
        let mut z = self.bias + w.bias;
        z += get(&self.prev, prev) + get(&self.next, next) + get(&self.prev2_class, prev2);
        z += get(&w.prev, prev) + get(&w.next, next);
        z += get(&w.prev_class, prev_class) + get(&w.next_class, next_class);
        z += self
            .class_pairs
            .get(prev_class)
            .map_or(0.0, |t| get(t, next_class));
        if tokens[i].upper {
            z += w.capitalized;
        }
        if strong & STRONG_BEFORE != 0 {
            z += self.strong_before + w.strong_before;
        }
        if strong & STRONG_AFTER != 0 {
            z += self.strong_after + w.strong_after;
        }
        Some(z)
    }

    fn class<'d>(&self, doc: &'d Document, i: usize) -> &'d str {
        if doc.tokens[i].kind != TokenKind::Word {
            return key(doc, i);
        }
        if let Some(c) = self.classes.get(doc.lower(i)) {
            return c;
        }
        if doc.tokens[i].upper {
            "<cap>"
        } else {
            "<word>"
        }
    }
}

/// Bit of [`strong_context`]: a reporting verb comes before the token in its sentence.
pub const STRONG_BEFORE: u8 = 1;
/// Bit of [`strong_context`]: a reporting verb comes after the token in its sentence.
pub const STRONG_AFTER: u8 = 2;

/// Per token, whether a reporting verb ([`STRONG`]) is the nearest of those and of the
/// sentence-ending marks before it on its line, at most [`REACH`] tokens away
/// ([`STRONG_BEFORE`]), and likewise after it ([`STRONG_AFTER`]); the script's
/// `strong_around`. One pass each way, so the article costs the same however many candidates
/// it has.
pub fn strong_context(doc: &Document) -> Vec<u8> {
    const END: u8 = 4;
    const VERB: u8 = 8;
    let tokens = &doc.tokens;
    let bytes = doc.prose.as_bytes();
    let mut out = vec![0u8; tokens.len()];
    // the nearest end mark or reporting verb behind: its kind and its index
    let mut last = (0u8, 0usize);
    for (k, flags) in out.iter_mut().enumerate() {
        let t = &tokens[k];
        if t.newline_before {
            last.0 = 0;
        }
        if last.0 == VERB && k - last.1 <= REACH {
            *flags |= STRONG_BEFORE;
        }
        let at = |j: usize| bytes.get(t.span.start + j).map_or(0, |b| b | 0x20);
        let kind = match t.kind {
            TokenKind::Punct if t.span.len() == 1 && matches!(at(0), b'.' | b'?' | b'!') => END,
            // most words are turned away by their first two bytes, without slicing the text
            TokenKind::Word
                if matches!(
                    (at(0), at(1)),
                    (b's', b'a') | (b't', b'o' | b'e') | (b'a', b'c')
                ) && STRONG.contains(&doc.lower(k)) =>
            {
                VERB
            }
            _ => 0,
        };
        if kind != 0 {
            last = (kind, k);
            *flags |= kind;
        }
    }
    let mut next = (0u8, 0usize);
    for k in (0..tokens.len()).rev() {
        if next.0 == VERB && next.1 - k < REACH {
            out[k] |= STRONG_AFTER;
        }
        let kind = out[k] & (END | VERB);
        out[k] &= STRONG_BEFORE | STRONG_AFTER;
        if tokens[k].newline_before {
            next.0 = 0;
        } else if kind != 0 {
            next = (kind, k);
        }
    }
    out
}

/// The key of a neighbouring token.
fn key(doc: &Document, i: usize) -> &str {
    match doc.tokens[i].kind {
        TokenKind::Word => doc.lower(i),
        TokenKind::Number => "<num>",
        TokenKind::Possessive => "'s",
        TokenKind::OpenQuote => "<oq>",
        TokenKind::CloseQuote => "<cq>",
        TokenKind::Dash => "<dash>",
        TokenKind::Punct => doc.token_text(i),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::DocKind;

    #[test]
    fn reporting_verbs_are_seen_within_the_sentence_and_line() {
        let doc = Document::new(
            "Ross said the plan failed. Voters agreed.\nThey wanted it, aides say.",
            DocKind::Plain,
        );
        let flags = strong_context(&doc);
        let of = |word: &str| {
            let i = (0..doc.tokens.len())
                .find(|&i| doc.token_text(i) == word)
                .unwrap();
            (flags[i] & STRONG_BEFORE != 0, flags[i] & STRONG_AFTER != 0)
        };
        assert_eq!(of("plan"), (true, false));
        assert_eq!(of("Ross"), (false, true));
        assert_eq!(of("agreed"), (false, false));
        assert_eq!(of("wanted"), (false, true));
    }
}
