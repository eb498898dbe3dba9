//! The learned cue model (`grammars/lexicon/cue-model.tsv`, written by `scripts/build-cue-model`
//! from PolNeAR train): a logistic regression that weighs a candidate word with its neighbours
//! on both sides. The lexicon rules decide unless the model is sure otherwise.
//!
//! Features mirror the script's `features()`: the word; the key of the token before and after it
//! (its lower-cased text, or `<num>`, `<dash>`, `<oq>`, `<cq>`, the punctuation itself, `<nl>`
//! across a line break); their classes (pronoun, article, auxiliary, capitalized word, other
//! word); the class two tokens back; whether the word is capitalized; and whether a reporting
//! verb comes before or after it in its sentence ([`CueModel::strong_context`]).
//!
//! Every string of the table is interned once when it is parsed. Each token of a document is
//! looked up once among all keys; whether it is a candidate and its neighbours' keys are then
//! read by id. Scoring reads dense arrays and one table keyed by integers.

use std::sync::LazyLock;

use rustc_hash::FxHashMap as HashMap;

use crate::wordset::{packed, WordMap};

use crate::text::{Document, TokenKind};

const MODEL: &str = include_str!("../../../../grammars/lexicon/cue-model.tsv");

/// An interned key of the table.
pub type Id = u32;
/// A token whose key the table never mentions: every weight on it is zero.
pub const UNKNOWN: Id = Id::MAX;

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

/// Reporting verbs whose presence elsewhere in the sentence makes a word less likely a cue of
/// its own: PolNeAR annotates one attribution per token, so a cue inside another's content
/// ("Bucher said none of them were listed") is none.
pub(crate) const STRONG: [&str; 7] = [
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

/// The tables keyed by a pair of ids: (word, previous key) and (word, next key). The pairs
/// with classes, of which there are a few dozen, are dense tables ([`ClassPairs`]).
#[derive(Clone, Copy)]
enum Pair {
    WordPrev = 1,
    WordNext,
}

/// Bits of an id in a pair's key: the table has some 5,000 keys. Four-byte keys keep the pair
/// table small enough to stay in the cache; scoring reads it five times per candidate.
const ID_BITS: u32 = 14;

fn pair(table: Pair, a: Id, b: Id) -> u32 {
    (table as u32) << (2 * ID_BITS) | a << ID_BITS | b
}

#[derive(Debug, Default)]
pub struct CueModel {
    bias: f32,
    /// A rule's cue scoring below this is none.
    pub veto: f32,
    /// A word the rules reject scoring this or above is a cue.
    pub add: f32,
    ids: WordMap<Id>,
    /// Per id: whether it is a candidate word (one with weights of its own).
    candidate: Vec<bool>,
    /// Per id: its class and weights ([`Weights`]).
    weights: Vec<Weights>,
    /// The weight of a reporting verb before or after any candidate.
    strong_before: f32,
    strong_after: f32,
    pairs: HashMap<u32, f32>,
    class_pairs: ClassPairs,
    /// The id of each one-byte ASCII key (most punctuation tokens are one), by its byte.
    ascii: Vec<Id>,
    /// Per id: [`VERB`] for a reporting verb ([`STRONG`]), [`END`] for a sentence-ending mark,
    /// else 0 ([`CueModel::strong_context`] reads them by id).
    marks: Vec<u8>,
}

/// What the model knows of one id, together: a candidate's score reads those of the word and
/// of its neighbours, and one record of each (half a cache line) is fewer memory reads than a
/// table per field was.
#[derive(Debug, Clone, Copy)]
#[repr(align(32))]
struct Weights {
    /// The word's own class (pronoun, article, auxiliary), or [`UNKNOWN`].
    class: Id,
    /// A candidate word's bias, its weight when capitalized, and with a reporting verb before
    /// or after it in its sentence.
    bias: f32,
    capitalized: f32,
    strong_before: f32,
    strong_after: f32,
    /// The weight of the key before and after any candidate, and of the class two tokens back.
    prev: f32,
    next: f32,
    prev2_class: f32,
}

impl Default for Weights {
    /// An id the table says nothing more of: no class, no weights.
    fn default() -> Weights {
        Weights {
            class: UNKNOWN,
            bias: 0.0,
            capitalized: 0.0,
            strong_before: 0.0,
            strong_after: 0.0,
            prev: 0.0,
            next: 0.0,
            prev2_class: 0.0,
        }
    }
}

/// The weights of the pairs with classes: (word, previous class), (word, next class) and
/// (previous class, next class), as dense tables indexed by the few ids that are classes and the
/// words that have such pairs: read for every candidate, they were a hash lookup each.
#[derive(Debug, Default)]
struct ClassPairs {
    /// Per id, its column if it is a class.
    class_slot: Vec<Option<u8>>,
    /// Per id, its row if it is a word with class pairs.
    word_slot: Vec<Option<u16>>,
    classes: usize,
    /// Row by word, column by class.
    word_prev: Vec<f32>,
    word_next: Vec<f32>,
    /// Row by previous class, column by next class.
    class_class: Vec<f32>,
}

impl ClassPairs {
    /// From the table's rows: (previous-class table, class-pair table, first id, class, weight).
    fn new(ids: usize, rows: &[(bool, bool, Id, Id, f32)]) -> ClassPairs {
        let mut t = ClassPairs {
            class_slot: vec![None; ids],
            word_slot: vec![None; ids],
            ..ClassPairs::default()
        };
        let mut words = 0;
        for &(_, class_pair, a, b, _) in rows {
            for class in [b].into_iter().chain(class_pair.then_some(a)) {
                if t.class_slot[class as usize].is_none() {
                    t.class_slot[class as usize] = Some(t.classes as u8);
                    t.classes += 1;
                }
            }
            if !class_pair && t.word_slot[a as usize].is_none() {
                t.word_slot[a as usize] = Some(words);
                words += 1;
            }
        }
        assert!(
            t.classes <= 256,
            "cue-model.tsv: more classes than a byte holds"
        );
        t.word_prev = vec![0.0; usize::from(words) * t.classes];
        t.word_next = t.word_prev.clone();
        t.class_class = vec![0.0; t.classes * t.classes];
        // (a later line wins, as in a map)
        for &(prev, class_pair, a, b, weight) in rows {
            let column = t.class_slot[b as usize].map_or(0, usize::from);
            if class_pair {
                let row = t.class_slot[a as usize].map_or(0, usize::from);
                t.class_class[row * t.classes + column] = weight;
            } else {
                let row = t.word_slot[a as usize].map_or(0, usize::from);
                let table = if prev {
                    &mut t.word_prev
                } else {
                    &mut t.word_next
                };
                table[row * t.classes + column] = weight;
            }
        }
        t
    }

    /// The weights of candidate `w` between tokens of classes `prev` and `next`: those of the
    /// word's two pairs together, and that of the classes' pair (apart, so that the score adds
    /// them in the same order as ever, to the last bit).
    fn weights(&self, w: Id, prev: Id, next: Id) -> (f32, f32) {
        let slot = |id: Id| {
            self.class_slot
                .get(id as usize)
                .copied()
                .flatten()
                .map(usize::from)
        };
        let (prev, next) = (slot(prev), slot(next));
        let word = self
            .word_slot
            .get(w as usize)
            .copied()
            .flatten()
            .map_or(0.0, |row| {
                let row = usize::from(row) * self.classes;
                prev.map_or(0.0, |c| self.word_prev[row + c])
                    + next.map_or(0.0, |c| self.word_next[row + c])
            });
        let classes = match (prev, next) {
            (Some(p), Some(n)) => self.class_class[p * self.classes + n],
            _ => 0.0,
        };
        (word, classes)
    }
}

impl CueModel {
    /// The embedded model, parsed once.
    pub fn embedded() -> &'static CueModel {
        static PARSED: LazyLock<CueModel> = LazyLock::new(|| CueModel::parse(MODEL));
        &PARSED
    }

    fn parse(table: &str) -> CueModel {
        // sized for the table up front (its lines average some 20 bytes; most lines hold a
        // pair): growing the maps rehashed them over and over
        let lines = table.len() / 16;
        let mut m = CueModel {
            ids: WordMap::with_capacity(lines / 4),
            pairs: HashMap::with_capacity_and_hasher(lines, Default::default()),
            ..CueModel::default()
        };
        for key in FIXED {
            m.intern(key);
        }
        // the lines of a candidate word come together: its id, not looked up again
        let mut last: (&str, Id) = ("", UNKNOWN);
        // (previous-class table, class-pair table, first id, class, weight) of each class pair
        let mut class_rows = Vec::new();
        for (line, f, len) in rows(table) {
            // at most four fields, the weight last
            assert!(
                len <= 4,
                "grammars/lexicon/cue-model.tsv: bad line {line:?}"
            );
            let weight = parse_weight(f[len - 1]);
            let mut candidate = |m: &mut CueModel, word| {
                if last.0 != word {
                    last = (word, m.candidate(word));
                }
                last.1
            };
            match (f[0], len) {
                ("bias", 2) => m.bias = weight,
                ("veto", 2) => m.veto = weight,
                ("add", 2) => m.add = weight,
                ("sb", 2) => m.strong_before = weight,
                ("sa", 2) => m.strong_after = weight,
                ("class", 3) => {
                    let (word, class) = (m.intern(f[1]), m.intern(f[2]));
                    // the first class listed wins ("her" is a pronoun before an article)
                    let own = &mut m.weights[word as usize].class;
                    if *own == UNKNOWN {
                        *own = class;
                    }
                }
                ("c", 2) => {
                    candidate(&mut m, f[1]);
                }
                ("w" | "wcap" | "wsb" | "wsa", 3) => {
                    let id = candidate(&mut m, f[1]) as usize;
                    let w = &mut m.weights[id];
                    *match f[0] {
                        "w" => &mut w.bias,
                        "wcap" => &mut w.capitalized,
                        "wsb" => &mut w.strong_before,
                        _ => &mut w.strong_after,
                    } = weight;
                }
                ("p", 3) | ("n", 3) | ("p2", 3) => {
                    let id = m.intern(f[1]) as usize;
                    let k = &mut m.weights[id];
                    *match f[0] {
                        "p" => &mut k.prev,
                        "n" => &mut k.next,
                        _ => &mut k.prev2_class,
                    } = weight;
                }
                (kind @ ("wp" | "wn"), 4) => {
                    let a = candidate(&mut m, f[1]);
                    let b = m.intern(f[2]);
                    let table = match kind {
                        "wp" => Pair::WordPrev,
                        _ => Pair::WordNext,
                    };
                    m.pairs.insert(pair(table, a, b), weight);
                }
                (kind @ ("wpc" | "wnc" | "pcnc"), 4) => {
                    let a = match kind {
                        "pcnc" => m.intern(f[1]),
                        _ => candidate(&mut m, f[1]),
                    };
                    let b = m.intern(f[2]);
                    class_rows.push((kind == "wpc", kind == "pcnc", a, b, weight));
                }
                _ => panic!("grammars/lexicon/cue-model.tsv: bad line {line:?}"),
            }
        }
        // (interned, so that every token that is one has an id, whatever the table mentions)
        let verbs = STRONG.map(|w| m.intern(w));
        let ends = [".", "?", "!"].map(|p| m.intern(p));
        m.marks = vec![0; m.ids()];
        for id in verbs {
            m.marks[id as usize] = VERB;
        }
        for id in ends {
            m.marks[id as usize] = END;
        }
        assert!(
            m.ids() < 1 << ID_BITS,
            "grammars/lexicon/cue-model.tsv: more keys than a pair's key holds"
        );
        m.class_pairs = ClassPairs::new(m.ids(), &class_rows);
        // (sized for every line of the table while it was read, the pair table had seven in ten
        // of its places empty: at its own size it is half as large, 144 KB)
        m.pairs.shrink_to_fit();
        m.ascii = (0..128u8)
            .map(|b| {
                m.id((b as char).encode_utf8(&mut [0; 1]))
                    .unwrap_or(UNKNOWN)
            })
            .collect();
        m
    }

    fn intern(&mut self, key: &str) -> Id {
        let next = self.ids.len() as Id;
        let id = *self.ids.get_or_insert(key, next);
        if id == next {
            self.candidate.push(false);
            self.weights.push(Weights::default());
        }
        id
    }

    fn candidate(&mut self, word: &str) -> Id {
        let id = self.intern(word);
        self.candidate[id as usize] = true;
        id
    }

    /// The number of ids: every id is below it.
    pub fn ids(&self) -> usize {
        self.weights.len()
    }

    /// The id of a key (a lower-cased word, a punctuation mark), if the table mentions it.
    pub fn id(&self, key: &str) -> Option<Id> {
        self.ids.get(key).copied()
    }

    /// The [`CueModel::key`] of every token of `doc`: callers ask about each token and its
    /// neighbours several times, so every token is looked up once.
    pub fn keys(&self, doc: &Document) -> Vec<Id> {
        // an article repeats its words ("the", "said", its names): a small cache of the words
        // looked up last, by their packed form, answers most of them without the table
        const SLOTS: usize = 256;
        let mut cache = [(u128::MAX, UNKNOWN); SLOTS];
        (0..doc.tokens.len())
            .map(|i| {
                if doc.tokens[i].kind != TokenKind::Word {
                    return self.key(doc, i);
                }
                let text = doc.lower(i);
                let Some(packed) = packed(text) else {
                    return self.key(doc, i);
                };
                // (a multiplicative hash's top bits: the slot)
                let slot = ((packed as u64 ^ (packed >> 64) as u64)
                    .wrapping_mul(0x9E37_79B9_7F4A_7C15)
                    >> 56) as usize
                    % SLOTS;
                if cache[slot].0 == packed {
                    return cache[slot].1;
                }
                let id = self.ids.get_packed(packed).copied().unwrap_or(UNKNOWN);
                cache[slot] = (packed, id);
                id
            })
            .collect()
    }

    /// The score (log-odds of being a cue) of every token of `doc`, given their
    /// [`CueModel::keys`]: `None` for a token that is no word the model has seen in a cue.
    pub fn scores(&self, doc: &Document, keys: &[Id]) -> Vec<Option<f32>> {
        let strong = self.strong_context(doc, keys);
        (0..doc.tokens.len())
            .map(|i| {
                let candidate = doc.tokens[i].kind == TokenKind::Word
                    && self
                        .candidate
                        .get(keys[i] as usize)
                        .copied()
                        .unwrap_or(false);
                candidate.then(|| self.score(doc, keys, i, strong[i]))
            })
            .collect()
    }

    /// The score of the candidate word at token `i`, given the [`CueModel::key`] of every
    /// token; `strong` is the token's [`CueModel::strong_context`].
    fn score(&self, doc: &Document, keys: &[Id], i: usize, strong: u8) -> f32 {
        let tokens = &doc.tokens;
        let w = keys[i];
        let first = i == 0 || tokens[i].newline_before;
        let last = i + 1 >= tokens.len() || tokens[i + 1].newline_before;
        let (prev, prev_class) = if first {
            (NL, NL)
        } else {
            let k = keys[i - 1];
            (k, self.class(doc, k, i - 1))
        };
        let (next, next_class) = if last {
            (NL, NL)
        } else {
            let k = keys[i + 1];
            (k, self.class(doc, k, i + 1))
        };
        let prev2 = if first || i < 2 || tokens[i - 1].newline_before {
            NL
        } else {
            self.class(doc, keys[i - 2], i - 2)
        };
        let of = |k: Id| self.weights.get(k as usize).copied().unwrap_or_default();
        let pair = |table, a, b| {
            if a == UNKNOWN || b == UNKNOWN {
                return 0.0;
            }
            self.pairs.get(&pair(table, a, b)).copied().unwrap_or(0.0)
        };
        let word = self.weights[w as usize];
        let mut z = self.bias + word.bias;
        z += of(prev).prev + of(next).next + of(prev2).prev2_class;
        z += pair(Pair::WordPrev, w, prev) + pair(Pair::WordNext, w, next);
        let (word_classes, classes) = self.class_pairs.weights(w, prev_class, next_class);
        z += word_classes;
        z += classes;
        if tokens[i].upper {
            z += word.capitalized;
        }
        if strong & STRONG_BEFORE != 0 {
            z += self.strong_before + word.strong_before;
        }
        if strong & STRONG_AFTER != 0 {
            z += self.strong_after + word.strong_after;
        }
        z
    }

    /// The class of token `i`, whose key is `k`: a word's own class, else capitalized or other
    /// word; any other token is its own class.
    fn class(&self, doc: &Document, k: Id, i: usize) -> Id {
        if doc.tokens[i].kind != TokenKind::Word {
            return k;
        }
        match self.weights.get(k as usize) {
            Some(&Weights { class, .. }) if class != UNKNOWN => class,
            _ if doc.tokens[i].upper => CAP,
            _ => WORD,
        }
    }

    /// The interned key of token `i`: its lower-cased word, its punctuation, or its kind.
    #[inline]
    fn key(&self, doc: &Document, i: usize) -> Id {
        let text = match doc.tokens[i].kind {
            TokenKind::Word => doc.lower(i),
            TokenKind::Number => return NUM,
            TokenKind::Possessive => return POSSESSIVE,
            TokenKind::OpenQuote => return OPEN_QUOTE,
            TokenKind::CloseQuote => return CLOSE_QUOTE,
            TokenKind::Dash => return DASH,
            TokenKind::Punct => {
                let span = doc.tokens[i].span;
                match doc.prose.as_bytes()[span.start] {
                    b if span.len() == 1 && b.is_ascii() => return self.ascii[b as usize],
                    _ => doc.token_text(i),
                }
            }
        };
        self.ids.get(text).copied().unwrap_or(UNKNOWN)
    }
}

/// The lines of `table` that are no comment (`#`), as `str::lines` gives them, each with its
/// first four tab-separated fields and the number of fields. One pass over the bytes: `lines`
/// and `split` start a `memchr` per line and per field, whose setup cost more than these short
/// fields take to scan.
fn rows(table: &str) -> impl Iterator<Item = (&str, [&str; 4], usize)> {
    let mut rest = table;
    std::iter::from_fn(move || loop {
        if rest.is_empty() {
            return None;
        }
        let mut fields = [""; 4];
        let mut n = 0;
        let mut start = 0;
        let mut end = rest.len();
        for (i, b) in rest.bytes().enumerate() {
            if b == b'\t' || b == b'\n' {
                if n < 4 {
                    fields[n] = &rest[start..i];
                }
                n += 1;
                start = i + 1;
                if b == b'\n' {
                    end = i;
                    break;
                }
            }
        }
        if end == rest.len() {
            if n < 4 {
                fields[n] = &rest[start..];
            }
            n += 1;
        }
        let mut line = &rest[..end];
        rest = rest.get(end + 1..).unwrap_or("");
        if let Some(l) = line.strip_suffix('\r') {
            line = l;
            if let Some(last) = fields.get_mut(n - 1) {
                *last = last.strip_suffix('\r').unwrap_or(last);
            }
        }
        if !line.starts_with('#') {
            return Some((line, fields, n));
        }
    })
}

/// A weight of the table, as `str::parse` reads it (0 for none). The table writes three
/// decimals: such a number is read as an integer divided by a power of ten, both exact in an
/// `f32`, so the one rounding of the division gives the correctly rounded value the general
/// parser does, at a fraction of its cost.
fn parse_weight(s: &str) -> f32 {
    let (negative, digits) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let plain = |d: &str| d.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty() || int.len() + frac.len() > 7 || !plain(int) || !plain(frac) {
        return s.parse().unwrap_or(0.0);
    }
    let n = int
        .bytes()
        .chain(frac.bytes())
        .fold(0u32, |n, b| n * 10 + u32::from(b - b'0'));
    let x = n as f32 / 10u32.pow(frac.len() as u32) as f32;
    if negative {
        -x
    } else {
        x
    }
}

/// Bit of [`CueModel::strong_context`]: a reporting verb comes before the token in its sentence.
const STRONG_BEFORE: u8 = 1;
/// Bit of [`CueModel::strong_context`]: a reporting verb comes after the token in its sentence.
const STRONG_AFTER: u8 = 2;

/// [`CueModel::marks`] of a sentence-ending mark and of a reporting verb.
const END: u8 = 4;
const VERB: u8 = 8;

impl CueModel {
    /// Per token, whether a reporting verb ([`STRONG`]) is the nearest of those and of the
    /// sentence-ending marks before it on its line, at most [`REACH`] tokens away
    /// ([`STRONG_BEFORE`]), and likewise after it ([`STRONG_AFTER`]); the script's
    /// `strong_around`. One pass each way, so the article costs the same however many
    /// candidates it has; each token's kind is read by its key (`keys`, from
    /// [`CueModel::keys`]).
    fn strong_context(&self, doc: &Document, keys: &[Id]) -> Vec<u8> {
        let tokens = &doc.tokens;
        let mut out = vec![0u8; tokens.len()];
        // the nearest end mark or reporting verb behind: its kind and its index
        let mut last = (0u8, 0usize);
        for (k, flags) in out.iter_mut().enumerate() {
            if tokens[k].newline_before {
                last.0 = 0;
            }
            if last.0 == VERB && k - last.1 <= REACH {
                *flags |= STRONG_BEFORE;
            }
            // (a word's key is its lower-cased text, a one-byte mark's key the mark: "said"
            // and "." are keys of words and marks only)
            let kind = self.marks.get(keys[k] as usize).copied().unwrap_or(0);
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
        let model = CueModel::embedded();
        let flags = model.strong_context(&doc, &model.keys(&doc));
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

    #[test]
    fn rows_split_like_lines_and_tabs() {
        let table = "# a\tcomment\nw\tsaid\t0.5\r\n\nc\tx\na\tb\tc\td\te";
        let rows: Vec<_> = rows(table).collect();
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[0], ("w\tsaid\t0.5", ["w", "said", "0.5", ""], 3));
        assert_eq!(rows[1], ("", [""; 4], 1));
        assert_eq!(rows[2], ("c\tx", ["c", "x", "", ""], 2));
        assert_eq!(rows[3].2, 5);
    }

    #[test]
    fn weights_read_as_the_general_parser_does() {
        for s in [
            "0.309", "-0.847", "-0.000", "12.5", "1.", "3", "1e3", ".5", "x", "",
        ] {
            let expected = s.parse::<f32>().unwrap_or(0.0);
            assert_eq!(parse_weight(s).to_bits(), expected.to_bits(), "{s}");
        }
        for n in 0..20_000u32 {
            let s = format!("{}.{:03}", n / 1000, n % 1000);
            assert_eq!(parse_weight(&s), s.parse::<f32>().unwrap(), "{s}");
        }
    }
}
