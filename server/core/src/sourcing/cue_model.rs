//! The learned cue model (`grammars/lexicon/cue-model.tsv`, written by `scripts/build-cue-model`
//! from PolNeAR train): a logistic regression that weighs a candidate word with its neighbours
//! on both sides. The lexicon rules decide unless the model is sure otherwise.
//!
//! Features mirror the script's `features()`: the word; the key of the token before and after it
//! (its lower-cased text, or `<num>`, `<dash>`, `<oq>`, `<cq>`, the punctuation itself, `<nl>`
//! across a line break); their classes (pronoun, article, auxiliary, capitalized word, other
//! word); the class two tokens back; and whether the word is capitalized.
//!
//! Every string of the table is interned once when it is parsed. A word of a document is first
//! looked up among the candidate words (a small table; most words are none), and only a
//! candidate's neighbours are then looked up among all keys. Scoring reads dense arrays and one
//! table keyed by integers.

use std::sync::LazyLock;

use rustc_hash::FxHashMap as HashMap;

use crate::wordset::WordMap;

use crate::text::{Document, TokenKind};

const MODEL: &str = include_str!("../../../../grammars/lexicon/cue-model.tsv");

/// An interned key of the table.
type Id = u32;
/// A token whose key the table never mentions: every weight on it is zero.
const UNKNOWN: Id = Id::MAX;

/// The fixed keys, interned first so that their ids are these constants.
const NL: Id = 0;
const CAP: Id = 1;
const WORD: Id = 2;
const NUM: Id = 3;
const POSSESSIVE: Id = 4;
const OPEN_QUOTE: Id = 5;
const CLOSE_QUOTE: Id = 6;
const DASH: Id = 7;
const FIXED: [&str; 8] = [
    "<nl>", "<cap>", "<word>", "<num>", "'s", "<oq>", "<cq>", "<dash>",
];

/// The tables keyed by a pair of ids: (word, previous key), (word, next key), (word, previous
/// class), (word, next class) and (previous class, next class).
#[derive(Clone, Copy)]
enum Pair {
    WordPrev = 1,
    WordNext,
    WordPrevClass,
    WordNextClass,
    Classes,
}

fn pair(table: Pair, a: Id, b: Id) -> u64 {
    (table as u64) << 60 | u64::from(a) << 30 | u64::from(b)
}

#[derive(Debug, Default)]
pub struct CueModel {
    bias: f32,
    /// A rule's cue scoring below this is none.
    pub veto: f32,
    /// A word the rules reject scoring this or above is a cue.
    pub add: f32,
    ids: WordMap<Id>,
    /// The candidate words (those with weights of their own), by their id.
    candidates: WordMap<Id>,
    /// Per id: the word's own class (pronoun, article, auxiliary), if it has one.
    class: Vec<Option<Id>>,
    /// Per id: a candidate word's bias and its weight when capitalized.
    word_bias: Vec<f32>,
    word_capitalized: Vec<f32>,
    /// Per id: the weight of the key before and after any candidate, and of the class two
    /// tokens back.
    prev: Vec<f32>,
    next: Vec<f32>,
    prev2_class: Vec<f32>,
    pairs: HashMap<u64, f32>,
}

impl CueModel {
    /// The embedded model, parsed once.
    pub fn embedded() -> &'static CueModel {
        static PARSED: LazyLock<CueModel> = LazyLock::new(|| CueModel::parse(MODEL));
        &PARSED
    }

    fn parse(table: &str) -> CueModel {
        let mut m = CueModel::default();
        for key in FIXED {
            m.intern(key);
        }
        for line in table.lines().filter(|l| !l.starts_with('#')) {
            // at most four fields, the weight last: no vector per line
            let mut f = [""; 4];
            let mut len = 0;
            for (k, field) in line.split('\t').enumerate() {
                assert!(k < 4, "grammars/lexicon/cue-model.tsv: bad line {line:?}");
                f[k] = field;
                len = k + 1;
            }
            let weight = f[len - 1].parse::<f32>().unwrap_or(0.0);
            match (f[0], len) {
                ("bias", 2) => m.bias = weight,
                ("veto", 2) => m.veto = weight,
                ("add", 2) => m.add = weight,
                ("class", 3) => {
                    let (word, class) = (m.intern(f[1]), m.intern(f[2]));
                    // the first class listed wins ("her" is a pronoun before an article)
                    m.class[word as usize].get_or_insert(class);
                }
                ("c", 2) => {
                    m.candidate(f[1]);
                }
                ("w", 3) | ("wcap", 3) => {
                    let w = m.candidate(f[1]) as usize;
                    let table = if f[0] == "w" {
                        &mut m.word_bias
                    } else {
                        &mut m.word_capitalized
                    };
                    table[w] = weight;
                }
                ("p", 3) | ("n", 3) | ("p2", 3) => {
                    let k = m.intern(f[1]) as usize;
                    let table = match f[0] {
                        "p" => &mut m.prev,
                        "n" => &mut m.next,
                        _ => &mut m.prev2_class,
                    };
                    table[k] = weight;
                }
                (kind @ ("wp" | "wn" | "wpc" | "wnc" | "pcnc"), 4) => {
                    let a = match kind {
                        "pcnc" => m.intern(f[1]),
                        _ => m.candidate(f[1]),
                    };
                    let b = m.intern(f[2]);
                    let table = match kind {
                        "wp" => Pair::WordPrev,
                        "wn" => Pair::WordNext,
                        "wpc" => Pair::WordPrevClass,
                        "wnc" => Pair::WordNextClass,
                        _ => Pair::Classes,
                    };
                    m.pairs.insert(pair(table, a, b), weight);
                }
                _ => panic!("grammars/lexicon/cue-model.tsv: bad line {line:?}"),
            }
        }
        m
    }

    fn intern(&mut self, key: &str) -> Id {
        let next = self.ids.len() as Id;
        let id = *self.ids.get_or_insert(key, next);
        if id == next {
            self.class.push(None);
            for table in [
                &mut self.word_bias,
                &mut self.word_capitalized,
                &mut self.prev,
                &mut self.next,
                &mut self.prev2_class,
            ] {
                table.push(0.0);
            }
        }
        id
    }

    fn candidate(&mut self, word: &str) -> Id {
        let id = self.intern(word);
        self.candidates.get_or_insert(word, id);
        id
    }

    /// The score (log-odds of being a cue) of every token of `doc`: `None` for a token that is
    /// no word the model has seen in a cue.
    pub fn scores(&self, doc: &Document) -> Vec<Option<f32>> {
        (0..doc.tokens.len())
            .map(|i| {
                if doc.tokens[i].kind != TokenKind::Word {
                    return None;
                }
                let w = *self.candidates.get(doc.lower(i))?;
                Some(self.score(doc, w, i))
            })
            .collect()
    }

    /// The score of candidate word `w` at token `i`.
    fn score(&self, doc: &Document, w: Id, i: usize) -> f32 {
        let tokens = &doc.tokens;
        let first = i == 0 || tokens[i].newline_before;
        let last = i + 1 >= tokens.len() || tokens[i + 1].newline_before;
        let (prev, prev_class) = if first {
            (NL, NL)
        } else {
            let k = self.key(doc, i - 1);
            (k, self.class(doc, k, i - 1))
        };
        let (next, next_class) = if last {
            (NL, NL)
        } else {
            let k = self.key(doc, i + 1);
            (k, self.class(doc, k, i + 1))
        };
        let prev2 = if first || i < 2 || tokens[i - 1].newline_before {
            NL
        } else {
            self.class(doc, self.key(doc, i - 2), i - 2)
        };
        let at = |table: &[f32], k: Id| table.get(k as usize).copied().unwrap_or(0.0);
        let pair = |table, a, b| {
            if a == UNKNOWN || b == UNKNOWN {
                return 0.0;
            }
            self.pairs.get(&pair(table, a, b)).copied().unwrap_or(0.0)
        };
        let mut z = self.bias + self.word_bias[w as usize];
        z += at(&self.prev, prev) + at(&self.next, next) + at(&self.prev2_class, prev2);
        z += pair(Pair::WordPrev, w, prev) + pair(Pair::WordNext, w, next);
        z += pair(Pair::WordPrevClass, w, prev_class) + pair(Pair::WordNextClass, w, next_class);
        z += pair(Pair::Classes, prev_class, next_class);
        if tokens[i].upper {
            z += self.word_capitalized[w as usize];
        }
        z
    }

    /// The class of token `i`, whose key is `k`: a word's own class, else capitalized or other
    /// word; any other token is its own class.
    fn class(&self, doc: &Document, k: Id, i: usize) -> Id {
        if doc.tokens[i].kind != TokenKind::Word {
            return k;
        }
        match self.class.get(k as usize) {
            Some(&Some(class)) => class,
            _ if doc.tokens[i].upper => CAP,
            _ => WORD,
        }
    }

    /// The interned key of token `i`: its lower-cased word, its punctuation, or its kind.
    fn key(&self, doc: &Document, i: usize) -> Id {
        let text = match doc.tokens[i].kind {
            TokenKind::Word => doc.lower(i),
            TokenKind::Number => return NUM,
            TokenKind::Possessive => return POSSESSIVE,
            TokenKind::OpenQuote => return OPEN_QUOTE,
            TokenKind::CloseQuote => return CLOSE_QUOTE,
            TokenKind::Dash => return DASH,
            TokenKind::Punct => doc.token_text(i),
        };
        self.ids.get(text).copied().unwrap_or(UNKNOWN)
    }
}
