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
}

const NL: &str = "<nl>";

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
    /// seen the word in a cue.
    pub fn score(&self, doc: &Document, i: usize) -> Option<f32> {
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
