//! The sourcing lexicons from `grammars/lexicon/`, plus the project's `[lexicon]` additions.
//!
//! Built once for the embedded data; a configuration with additions gets its own copy.

use rustc_hash::FxHashMap as HashMap;
use std::sync::{Arc, LazyLock, Mutex};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Input, MatchKind};
use serde::Deserialize;

use super::cue_model::{CueModel, Id};
use crate::config::Config;
use crate::span::Span;
use crate::wordset::{WordMap, WordSet};

const CUES_TSV: &str = include_str!("../../../../grammars/lexicon/cues.tsv");
const CUES_AFTER_SUBJECT: &str =
    include_str!("../../../../grammars/lexicon/cues-after-subject.tsv");
const CUE_CONTEXTS: &str = include_str!("../../../../grammars/lexicon/cue-contexts.tsv");
const CUE_AFTER_WORD: &str = include_str!("../../../../grammars/lexicon/cue-after-word.tsv");
const CUES_EXTRA: &str = include_str!("../../../../grammars/lexicon/cues-extra.txt");
const NOT_CUE_PAIRS: &str = include_str!("../../../../grammars/lexicon/not-cue-pairs.txt");
const ANONYMOUS: &str = include_str!("../../../../grammars/lexicon/anonymous.txt");
const REASONS: &str = include_str!("../../../../grammars/lexicon/anonymity-reasons.txt");
const WEASEL: &str = include_str!("../../../../grammars/lexicon/weasel.txt");
const AGENTLESS: &str = include_str!("../../../../grammars/lexicon/agentless.txt");
const CLAIMS: &str = include_str!("../../../../grammars/lexicon/claims.txt");
const BOILERPLATE: &str = include_str!("../../../../grammars/lexicon/boilerplate.txt");
const WORDS: &str = include_str!("../../../../grammars/lexicon/words.toml");

/// Closed word classes (see `grammars/lexicon/words.toml`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Words {
    pub pronouns: WordSet,
    pub person_pronouns: WordSet,
    pub between_subject_and_cue: WordSet,
    pub determiners: WordSet,
    pub articles: WordSet,
    pub vague_quantifiers: WordSet,
    pub indefinites: WordSet,
    pub unnamed_officials: WordSet,
    pub bare_sources: WordSet,
    pub complementizers: WordSet,
    pub prepositions: WordSet,
    pub inserted_phrase_openers: WordSet,
    pub phrase_openers: WordSet,
    pub hearing_bodies: WordSet,
    pub seen_by: WordSet,
    pub market_nouns: WordSet,
    pub market_moves: WordSet,
    pub quote_labels: WordSet,
    pub be_forms: WordSet,
    pub object_source_cues: WordSet,
    pub drawing_verbs: WordSet,
    pub documents: WordSet,
    pub media_words: WordSet,
    pub report_cues: WordSet,
    pub number_units: WordSet,
    pub evidence_nouns: WordSet,
    pub quantity_words: WordSet,
    pub measure_words: WordSet,
    pub furniture_labels: WordSet,
    pub currency_signs: WordSet,
    pub time_words: WordSet,
}

/// Case-insensitive phrases matched on word boundaries.
#[derive(Debug)]
pub struct PhraseSet {
    matcher: AhoCorasick,
    /// Most sentences hold no phrase, and a check for pieces of the phrases costs a fraction of
    /// the automaton's walk (`None` when a phrase is too short to have a piece).
    pieces: Option<Pieces>,
    /// The phrases with ASCII letters lower-cased, for [`PhraseSet::is`]: a set lookup costs a
    /// fraction of starting a search.
    whole: WordSet,
}

/// Four-byte pieces of phrases, ASCII case folded, hashed into 2^16 bits (a few dozen phrases
/// leave almost all of them clear). Every phrase gives the `step` pieces that start in the first
/// `step` bytes of a stretch of it (its longest word where that is long enough), so a text that
/// holds the phrase holds one of those pieces at an offset that is a multiple of `step`: only
/// every `step`-th offset is looked at, and a piece found is checked against the phrases it
/// comes from (common words hold pieces of phrases: "because" holds one of "caused").
#[derive(Debug)]
struct Pieces {
    bits: Box<[u64; 1 << 10]>,
    /// Folded piece → the phrases (by index) that give it, and its offset in them.
    sources: HashMap<u32, Vec<(usize, usize)>>,
    phrases: Vec<String>,
    step: usize,
    /// The length of the longest phrase.
    longest: usize,
}

impl Pieces {
    fn new(phrases: &[&str]) -> Option<Pieces> {
        let shortest = phrases.iter().map(|p| p.len()).min()?;
        // as long a step as the shortest phrase has room for: the fewer offsets looked at, the
        // better, and a few more pieces hardly fill the bits
        let step = shortest.checked_sub(3).filter(|&s| s > 0)?;
        let mut pieces = Pieces {
            bits: Box::new([0; 1 << 10]),
            sources: HashMap::default(),
            phrases: phrases.iter().map(|p| p.to_string()).collect(),
            step,
            longest: phrases.iter().map(|p| p.len()).max()?,
        };
        for (i, p) in phrases.iter().enumerate() {
            let longest = p
                .split(|c: char| !c.is_ascii_alphanumeric())
                .max_by_key(|w| w.len())
                .unwrap_or(p);
            let word_start = longest.as_ptr() as usize - p.as_ptr() as usize;
            let start = word_start.min(p.len() - (3 + step));
            for offset in start..start + step {
                let piece = Pieces::fold(&p.as_bytes()[offset..offset + 4]);
                let bit = Pieces::bit(piece);
                pieces.bits[bit / 64] |= 1 << (bit % 64);
                pieces.sources.entry(piece).or_default().push((i, offset));
            }
        }
        Some(pieces)
    }

    /// Four bytes with bit 0x20 set in each, which folds ASCII case.
    fn fold(piece: &[u8]) -> u32 {
        u32::from_le_bytes(piece.try_into().expect("four bytes")) | 0x2020_2020
    }

    fn bit(piece: u32) -> usize {
        (piece.wrapping_mul(0x9E37_79B1) >> 16) as usize
    }

    /// Whether a phrase that gives `piece`, found at `at` in `hay`, is there in any ASCII case
    /// (as the automaton matches). Out of line: most pieces found are not.
    #[inline(never)]
    fn phrase_around(&self, hay: &[u8], at: usize, piece: u32) -> bool {
        self.sources.get(&piece).is_some_and(|sources| {
            sources.iter().any(|&(i, offset)| {
                let phrase = self.phrases[i].as_bytes();
                at.checked_sub(offset)
                    .and_then(|start| hay.get(start..start + phrase.len()))
                    .is_some_and(|h| h.eq_ignore_ascii_case(phrase))
            })
        })
    }

    /// Where a search of `hay` must start to find every phrase in it: `None` when it holds
    /// none. Every phrase in it is found around a piece no earlier than the first one found, so
    /// starts at most the longest phrase's length less four bytes before that.
    fn search_from(&self, hay: &str) -> Option<usize> {
        let bytes = hay.as_bytes();
        let first = (0..bytes.len().saturating_sub(3))
            .step_by(self.step)
            .find(|&i| {
                let piece = Pieces::fold(&bytes[i..i + 4]);
                let bit = Pieces::bit(piece);
                self.bits[bit / 64] & 1 << (bit % 64) != 0 && self.phrase_around(bytes, i, piece)
            })?;
        Some(first.saturating_sub(self.longest - 4))
    }
}

impl PhraseSet {
    fn new<'a>(phrases: impl IntoIterator<Item = &'a str>) -> PhraseSet {
        let phrases: Vec<&str> = phrases.into_iter().collect();
        let matcher = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&phrases)
            .expect("lexicon phrases compile");
        let lower: Vec<String> = phrases.iter().map(|p| p.to_ascii_lowercase()).collect();
        let whole = lower.iter().map(String::as_str).collect();
        PhraseSet {
            matcher,
            pieces: Pieces::new(&phrases),
            whole,
        }
    }

    /// Whole-word matches in `text[span]`, in text order, as spans of `text`, found lazily.
    pub fn matches_in<'t>(&'t self, text: &'t str, span: Span) -> impl Iterator<Item = Span> + 't {
        let hay = &text[span.range()];
        let from = match &self.pieces {
            Some(pieces) => pieces.search_from(hay),
            None => Some(0),
        };
        from.map(|from| {
            self.matcher
                .find_iter(Input::new(hay).span(from..hay.len()))
        })
        .into_iter()
        .flatten()
        .filter(move |m| word_boundary(hay, m.start(), m.end()))
        .map(move |m| Span::new(span.start + m.start(), span.start + m.end()))
    }

    /// Whole-word matches in `text[span]`, in text order, as spans of `text`.
    pub fn find_in(&self, text: &str, span: Span) -> Vec<Span> {
        self.matches_in(text, span).collect()
    }

    /// The first whole-word match in `text[span]` (without looking for the others).
    pub fn first_in(&self, text: &str, span: Span) -> Option<Span> {
        self.matches_in(text, span).next()
    }

    pub fn any_in(&self, text: &str, span: Span) -> bool {
        self.first_in(text, span).is_some()
    }

    /// True when the whole of `s` is one of the phrases (ignoring ASCII case, as the matcher
    /// does: the leftmost-longest match covers all of `s` exactly when `s` is a phrase).
    pub fn is(&self, s: &str) -> bool {
        if s.is_ascii() {
            self.whole.contains_lowercased(s)
        } else {
            self.whole.contains(&s.to_ascii_lowercase())
        }
    }
}

fn word_boundary(hay: &str, start: usize, end: usize) -> bool {
    let before = hay[..start].chars().next_back();
    let last = hay[..end].chars().next_back();
    let after = hay[end..].chars().next();
    // scraped text glues words together: "keep readingShow less"
    let glued = last.is_some_and(char::is_lowercase) && after.is_some_and(char::is_uppercase);
    !before.is_some_and(char::is_alphanumeric)
        && (glued || !after.is_some_and(char::is_alphanumeric))
}

#[derive(Debug)]
pub struct Lexicons {
    /// Single lower-case cue words ("said", "according").
    pub cues: WordSet,
    /// Words that are cues only right after a pronoun or a name ("they say", "Trump calls").
    pub cues_after_subject: WordSet,
    /// Words that are cues right before one of these next words ("talking about").
    pub cues_before: WordMap<WordSet>,
    /// Cue words that are none right before one of these next words ("known as").
    pub not_cues_before: WordMap<WordSet>,
    /// Cue words that are never one right before these next words, whatever the model says
    /// ("pleaded guilty", "continued to", "added 3 points": [`NUMBER`] stands for a number).
    pub not_cue_pairs: WordMap<WordSet>,
    /// Whether a word is a cue right after a given previous word, or after a name
    /// ([`AFTER_NAME`]): word → previous → cue ("records show", "Rubio wants", not "be found").
    pub cue_after: WordMap<WordMap<bool>>,
    /// Every word that may be a cue in some context (the union of the five above), by its
    /// cue-model id ([`Lexicons::cue_candidate`]).
    cue_candidates: ModelWords,
    /// The learned model that overrides the rules above when it is sure.
    pub cue_model: &'static CueModel,
    /// By cue-model id, whether the word is the key word of some agentless phrase (its longest:
    /// "believed" of "it is widely believed"), so that a sentence is searched for the phrases
    /// only when it holds one.
    agentless_keys: ModelWords,
    pub anonymous: PhraseSet,
    pub anonymity_reasons: PhraseSet,
    pub weasel: PhraseSet,
    pub agentless: PhraseSet,
    pub claims: PhraseSet,
    pub boilerplate: PhraseSet,
    pub words: Words,
}

/// Non-comment, non-empty lines; the first tab-separated field.
fn entries(src: &str) -> impl Iterator<Item = &str> {
    src.lines()
        .map(|l| l.split('\t').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The word pairs of `cue-contexts.tsv` of one kind ("cue" or "not"): (word, next word).
fn cue_contexts(kind: &str) -> Vec<(&'static str, &'static str)> {
    CUE_CONTEXTS
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|line| {
            let mut fields = line.split('\t');
            let (word, next, k) = (fields.next()?, fields.next()?, fields.next()?);
            (k == kind).then_some((word, next))
        })
        .collect()
}

/// Word pairs as a map from the first word to the set of second words.
fn by_first_word<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> WordMap<WordSet> {
    let mut out: WordMap<WordSet> = WordMap::default();
    for (word, next) in pairs {
        out.get_or_insert(word, WordSet::default()).insert(next);
    }
    out
}

/// The next-word key of `not-cue-pairs.txt` for any number.
pub const NUMBER: &str = "<number>";

/// `not-cue-pairs.txt`: cue word → the next words before which it is none.
fn not_cue_pairs() -> WordMap<WordSet> {
    let pairs: Vec<(String, String)> = NOT_CUE_PAIRS
        .lines()
        .map(str::trim)
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once(' '))
        .map(|(word, next)| (word.to_lowercase(), next.trim().to_lowercase()))
        .collect();
    by_first_word(pairs.iter().map(|(w, n)| (w.as_str(), n.as_str())))
}

/// See [`Lexicons::agentless_keys`]. The reporting verbs of nearly every sentence ("said", the
/// cue model's strong ones) are no key word: a sentence with one has that cue, and its
/// attribution stands.
fn agentless_keys(phrases: &[String], model: &CueModel) -> ModelWords {
    ModelWords::new(
        model,
        phrases
            .iter()
            .filter_map(|p| p.split_whitespace().rev().max_by_key(|w| w.len()))
            .filter(|key| !super::cue_model::STRONG.contains(key)),
    )
}

/// A set of words asked about by cue-model id: detection has every token's id already, so most
/// words of an article are answered by an array read; a word the model has no id for ("rumoured")
/// is looked up as text.
#[derive(Debug)]
struct ModelWords {
    by_id: Vec<bool>,
    unmodelled: WordSet,
}

impl ModelWords {
    fn new<'w>(model: &CueModel, words: impl IntoIterator<Item = &'w str>) -> ModelWords {
        let mut set = ModelWords {
            by_id: vec![false; model.ids()],
            unmodelled: WordSet::default(),
        };
        for w in words {
            match model.id(w) {
                Some(id) => set.by_id[id as usize] = true,
                None => set.unmodelled.insert(w),
            }
        }
        set
    }

    /// Whether the token with cue-model id `key` ([`super::cue_model::UNKNOWN`] for none) is in
    /// the set; `lower` gives the word, asked for only when the model has no id for it.
    #[inline]
    fn contains<'w>(&self, key: Id, lower: impl FnOnce() -> &'w str) -> bool {
        match self.by_id.get(key as usize) {
            Some(&member) => member,
            None => self.unmodelled.contains(lower()),
        }
    }
}

/// The previous-word key of `cue-after-word.tsv` for a capitalized word before a lower-case one.
pub const AFTER_NAME: &str = "<name>";

/// `cue-after-word.tsv`: (previous word, word, whether the word is a cue there).
fn cue_after_word() -> Vec<(&'static str, &'static str, bool)> {
    CUE_AFTER_WORD
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|line| {
            let mut fields = line.split('\t');
            Some((fields.next()?, fields.next()?, fields.next()? == "cue"))
        })
        .collect()
}

const NAMES: [&str; 7] = [
    "cues",
    "anonymous",
    "anonymity-reasons",
    "weasel",
    "agentless",
    "claims",
    "boilerplate",
];

/// Project additions by lexicon name, and the lexicons built from them.
type Cached = (Vec<Vec<String>>, Arc<Lexicons>);

impl Lexicons {
    fn build(config: Option<&Config>) -> Lexicons {
        let extra = |name: &str| {
            config
                .map(|c| c.lexicon_words(name))
                .unwrap_or(&[])
                .iter()
                .map(String::as_str)
        };
        let phrases = |src: &'static str, name: &str| {
            PhraseSet::new(entries(src).chain(extra(name).map(str::trim)))
        };
        let cues: Vec<String> = entries(CUES_TSV)
            .chain(entries(CUES_EXTRA))
            .chain(extra("cues"))
            .map(str::to_lowercase)
            .collect();
        let cues_after_subject: Vec<String> =
            entries(CUES_AFTER_SUBJECT).map(str::to_lowercase).collect();
        let cues_before = cue_contexts("cue");
        let not_cues_before = cue_contexts("not");
        let cue_after_rows = cue_after_word();
        // word → previous word → cue (a later line wins)
        let mut cue_after: WordMap<WordMap<bool>> = WordMap::default();
        for &(prev, word, cue) in &cue_after_rows {
            *cue_after
                .get_or_insert(word, WordMap::default())
                .get_or_insert(prev, cue) = cue;
        }
        let cue_model = CueModel::embedded();
        let cue_candidates = ModelWords::new(
            cue_model,
            cues.iter()
                .chain(&cues_after_subject)
                .map(String::as_str)
                .chain(cues_before.iter().map(|p| p.0))
                .chain(not_cues_before.iter().map(|p| p.0))
                .chain(cue_after_rows.iter().map(|r| r.1)),
        );
        let agentless: Vec<String> = entries(AGENTLESS)
            .chain(extra("agentless").map(str::trim))
            .map(str::to_lowercase)
            .collect();
        let agentless_keys = agentless_keys(&agentless, cue_model);
        let set = |words: &[String]| words.iter().map(String::as_str).collect();
        Lexicons {
            agentless_keys,
            cues: set(&cues),
            cues_after_subject: set(&cues_after_subject),
            cues_before: by_first_word(cues_before),
            not_cues_before: by_first_word(not_cues_before),
            not_cue_pairs: not_cue_pairs(),
            cue_after,
            cue_candidates,
            cue_model,
            anonymous: phrases(ANONYMOUS, "anonymous"),
            anonymity_reasons: phrases(REASONS, "anonymity-reasons"),
            weasel: phrases(WEASEL, "weasel"),
            agentless: PhraseSet::new(agentless.iter().map(String::as_str)),
            claims: phrases(CLAIMS, "claims"),
            boilerplate: phrases(BOILERPLATE, "boilerplate"),
            words: toml::from_str(WORDS).expect("grammars/lexicon/words.toml is valid"),
        }
    }

    /// The lexicons for a configuration: the shared embedded ones unless the project adds words.
    /// The embedded lexicons, built once.
    pub fn embedded() -> Arc<Lexicons> {
        static EMBEDDED: LazyLock<Arc<Lexicons>> =
            LazyLock::new(|| Arc::new(Lexicons::build(None)));
        EMBEDDED.clone()
    }

    pub fn for_config(config: &Config) -> Arc<Lexicons> {
        // the last project lexicon, so an editor re-analysing on every keystroke builds it once
        static LAST: Mutex<Option<Cached>> = Mutex::new(None);
        let additions: Vec<Vec<String>> = NAMES
            .iter()
            .map(|n| config.lexicon_words(n).to_vec())
            .collect();
        if additions.iter().all(Vec::is_empty) {
            return Lexicons::embedded();
        }
        let mut last = LAST.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((key, lex)) = last.as_ref() {
            if *key == additions {
                return lex.clone();
            }
        }
        let lex = Arc::new(Lexicons::build(Some(config)));
        *last = Some((additions, lex.clone()));
        lex
    }

    /// Whether a word may be a cue in some context; `key` is its cue-model id
    /// ([`super::cue_model::UNKNOWN`] for none) and `lower` gives the word (only asked for
    /// when the model has no id for it).
    #[inline]
    pub fn cue_candidate<'w>(&self, key: Id, lower: impl FnOnce() -> &'w str) -> bool {
        self.cue_candidates.contains(key, lower)
    }

    /// Whether the token with cue-model id `key` may be the key word of an agentless phrase;
    /// `lower` gives the word (only asked for when the model has no id for it).
    #[inline]
    pub fn agentless_key<'w>(&self, key: Id, lower: impl FnOnce() -> &'w str) -> bool {
        self.agentless_keys.contains(key, lower)
    }

    pub fn is_cue(&self, lower: &str) -> bool {
        self.cues.contains(lower)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lexicons_load_and_match_whole_words() {
        let lex = Lexicons::for_config(&Config::default());
        assert!(lex.is_cue("said") && lex.is_cue("according") && !lex.is_cue("the"));
        let text = "Critics say the sourcesless plan failed, sources said.";
        let found: Vec<&str> = lex
            .anonymous
            .find_in(text, Span::new(0, text.len()))
            .iter()
            .map(|s| s.text(text))
            .collect();
        assert_eq!(found, vec!["sources"]);
        assert!(lex.weasel.is("critics"));
    }

    #[test]
    fn every_phrase_is_found_at_every_offset_in_any_case() {
        let lex = Lexicons::embedded();
        for (set, src) in [
            (&lex.anonymous, ANONYMOUS),
            (&lex.anonymity_reasons, REASONS),
            (&lex.agentless, AGENTLESS),
            (&lex.claims, CLAIMS),
            (&lex.boilerplate, BOILERPLATE),
        ] {
            for phrase in entries(src) {
                for pad in 0..5 {
                    let text = format!("{} {}.", "x".repeat(pad), phrase.to_uppercase());
                    let found = set.first_in(&text, Span::new(0, text.len()));
                    assert!(found.is_some(), "{phrase:?} after {pad} bytes");
                }
            }
        }
    }

    #[test]
    fn project_additions_extend_the_lexicons() {
        let cfg = Config::from_toml("[lexicon]\ncues = [\"Harrumphed\"]\nweasel = [\"pundits\"]\n")
            .unwrap();
        let lex = Lexicons::for_config(&cfg);
        assert!(lex.is_cue("harrumphed"));
        assert!(lex.weasel.is("pundits"));
        assert!(!Lexicons::for_config(&Config::default()).is_cue("harrumphed"));
        // a phrase too short for the pieces check is still found
        let cfg = Config::from_toml("[lexicon]\nclaims = [\"ok\"]\n").unwrap();
        let text = "It was OK.";
        let found = Lexicons::for_config(&cfg)
            .claims
            .first_in(text, Span::new(0, text.len()));
        assert_eq!(found.map(|s| s.text(text)), Some("OK"));
    }
}
