//! The knowledge base: what copydesk knows about the world before reading an article.
//!
//! Built from the TSV files under `grammars/kb/` (compiled into the binary) plus the `[[entities]]`
//! of a project's `copydesk.toml`. Data, not code: see `grammars/kb/README.md` for the format and
//! `scripts/build-kb` for how the files are regenerated.

mod load;

use std::sync::{Arc, LazyLock, OnceLock};

use crate::entities::EntityType;
use crate::wordset::{WordMap, WordSet};

pub use load::{parse_entities_tsv, KbError};

/// Index of an entry in its [`KnowledgeBase`].
pub type KbRef = u32;

/// "Jr.", "III", "XIV": words that follow a surname, not one.
pub fn is_generational_suffix(word: &str) -> bool {
    matches!(word, "Jr." | "Jr" | "Sr." | "Sr") || word.bytes().all(|b| b"IVXL".contains(&b))
}

/// One known entity.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct KbEntry {
    pub name: String,
    pub ty: Option<EntityType>,
    /// Free tags: `country`, `city`, `media`, `intl`, `gov`, `wellknown`, `party`, …
    pub tags: Vec<String>,
    /// Other names, short forms and acronyms ("Islamic Republic of Iran", "SCO").
    pub aliases: Vec<String>,
    /// Demonyms and group names, typed NORP ("Iranian", "Iranians").
    pub demonyms: Vec<String>,
    pub description: String,
    pub link: String,
    /// True for entries from the project file rather than the embedded data.
    pub from_project: bool,
}

impl KbEntry {
    pub fn has_tag(&self, tag: &str) -> bool {
        self.tags.iter().any(|t| t == tag)
    }
}

/// What a surface form can be in the knowledge base.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sense {
    /// The entry's name or one of its aliases.
    Name(KbRef),
    /// One of the entry's demonyms (NORP).
    Demonym(KbRef),
}

/// The senses of one surface: nearly every surface has one, kept in the table's entry itself.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Senses {
    One(Sense),
    /// Several, in order of addition: an index into [`KnowledgeBase::shared_senses`].
    Many(u32),
}

// (eight bytes, as a `Sense`: the surface table's entries stay small, and fewer of its cache lines
// are read; a `Vec` per surface made each entry 40 bytes)
const _: () = assert!(std::mem::size_of::<Senses>() == std::mem::size_of::<Sense>());

#[derive(Debug, Default)]
pub struct KnowledgeBase {
    pub entries: Vec<KbEntry>,
    /// Surface form (as written, apostrophes and dashes normalized) → senses. (A `WordMap`: most
    /// surfaces looked up are one short word, compared packed rather than hashed as a string.)
    surfaces: WordMap<Senses>,
    /// The senses of the surfaces that have several ([`Senses::Many`]).
    shared_senses: Vec<Vec<Sense>>,
    /// First words of the surfaces of several words, lower-cased: a run of words whose first
    /// word is none of them needs no lookup of more than its first word.
    heads: WordSet,
    /// Lower-cased titles and roles ("foreign minister", "president").
    titles: WordSet,
    /// Last words of titles: a cheap first test before trying multi-word titles.
    title_last_words: WordSet,
    /// First words of the titles of several words ([`KnowledgeBase::heads_titles`]).
    title_heads: WordSet,
    /// Longest title in words, to bound the matcher.
    pub max_title_words: usize,
    given_names: WordSet,
    common_words: WordSet,
    /// Words that shape names (from `grammars/kb/name-words.toml`).
    pub words: NameWords,
    /// Known people by surname, built on first use ([`KnowledgeBase::person_with_surname`]).
    surnames: OnceLock<WordMap<Option<KbRef>>>,
}

/// Word lists that shape and type names; see `grammars/kb/name-words.toml`.
#[derive(Debug, Default, Clone, serde::Deserialize)]
pub struct NameWords {
    pub connectors: WordSet,
    pub determiners: WordSet,
    pub org_suffixes: WordSet,
    pub org_suffix_pairs: WordSet,
    pub legal_forms: WordSet,
    pub model_words: WordSet,
    pub team_verbs: WordSet,
    pub place_suffixes: WordSet,
    pub place_prefixes: WordSet,
    pub misc_suffixes: WordSet,
    pub law_suffixes: WordSet,
    pub misc_heads: WordSet,
    pub org_heads: WordSet,
    pub place_heads: WordSet,
    pub misc_prefixes: WordSet,
    pub measure_prefixes: WordSet,
    pub numbered_heads: WordSet,
    pub eponym_heads: WordSet,
    pub person_verbs: WordSet,
    pub not_names: WordSet,
    pub postnominals: WordSet,
    pub korean_surnames: WordSet,
    pub constituency_titles: WordSet,
    pub not_alone: WordSet,
    pub month_abbreviations: WordSet,
    pub name_particles: WordSet,
    pub org_prefixes: WordSet,
    pub norp_endings: Vec<String>,
    pub title_case_small_words: WordSet,
    pub not_surnames: WordSet,
    pub place_prepositions: WordSet,
    pub object_prepositions: WordSet,
    pub place_titles: WordSet,
    pub portfolio_titles: WordSet,
}

static EMBEDDED: LazyLock<Arc<KnowledgeBase>> = LazyLock::new(|| Arc::new(load::embedded()));

impl KnowledgeBase {
    /// The knowledge base compiled into the binary.
    pub fn embedded() -> Arc<KnowledgeBase> {
        EMBEDDED.clone()
    }

    /// A copy of `self` extended with project entries (which win over embedded ones).
    pub fn with_entries(&self, extra: Vec<KbEntry>) -> KnowledgeBase {
        let mut kb = KnowledgeBase {
            entries: Vec::with_capacity(self.entries.len() + extra.len()),
            surfaces: WordMap::default(),
            shared_senses: Vec::new(),
            heads: WordSet::default(),
            titles: self.titles.clone(),
            title_last_words: self.title_last_words.clone(),
            title_heads: self.title_heads.clone(),
            max_title_words: self.max_title_words,
            given_names: self.given_names.clone(),
            common_words: self.common_words.clone(),
            words: self.words.clone(),
            surnames: OnceLock::new(),
        };
        for e in extra.into_iter().chain(self.entries.iter().cloned()) {
            kb.add(e);
        }
        kb
    }

    pub(crate) fn add(&mut self, entry: KbEntry) {
        let id = self.entries.len() as KbRef;
        let mut push = |s: &str, sense: Sense| {
            let s = normalized(s);
            if let Some((head, _)) = s.split_once(' ') {
                self.heads.insert(&lower_case(head));
            }
            let senses = self.surfaces.get_or_insert(&s, Senses::One(sense));
            match *senses {
                Senses::One(first) if first == sense => {}
                Senses::One(first) => {
                    *senses = Senses::Many(self.shared_senses.len() as u32);
                    self.shared_senses.push(vec![first, sense]);
                }
                Senses::Many(k) => {
                    let shared = &mut self.shared_senses[k as usize];
                    if !shared.contains(&sense) {
                        shared.push(sense);
                    }
                }
            }
        };
        push(&entry.name, Sense::Name(id));
        for a in &entry.aliases {
            push(a, Sense::Name(id));
        }
        for d in &entry.demonyms {
            push(d, Sense::Demonym(id));
        }
        self.entries.push(entry);
    }

    pub(crate) fn add_title(&mut self, title: &str) {
        let t = lower_case(title.trim());
        if t.is_empty() {
            return;
        }
        self.max_title_words = self.max_title_words.max(t.split_whitespace().count());
        if let Some(last) = t.split_whitespace().last() {
            self.title_last_words.insert(last);
        }
        if let Some((head, _)) = t.split_once(char::is_whitespace) {
            self.title_heads.insert(head);
        }
        self.titles.insert(&t);
    }

    pub(crate) fn add_given_name(&mut self, name: &str) {
        self.given_names.insert(name.trim());
    }

    /// Senses of a surface form as written (first entries win: project before embedded).
    pub fn lookup(&self, surface: &str) -> &[Sense] {
        match self.surfaces.get(&normalized(surface)) {
            Some(Senses::One(sense)) => std::slice::from_ref(sense),
            Some(&Senses::Many(k)) => &self.shared_senses[k as usize],
            None => &[],
        }
    }

    pub fn entry(&self, r: KbRef) -> &KbEntry {
        &self.entries[r as usize]
    }

    /// Is this lower-cased phrase a title or role ("president", "foreign minister")?
    pub fn is_title(&self, lower: &str) -> bool {
        self.titles.contains(lower)
    }

    /// Is this word usually written in lower case (so a capital may only mark a sentence start)?
    pub fn is_common_word(&self, word: &str) -> bool {
        self.common_words.contains_lowercased(word)
    }

    pub(crate) fn add_common_word(&mut self, word: &str) {
        self.common_words.insert(&lower_case(word.trim()));
    }

    /// Whether some surface of several words starts with `word` (ASCII, compared lower-cased):
    /// if not, no text starting with `word` and a space is a known surface, as written or
    /// title-cased.
    pub fn heads_surfaces(&self, word: &str) -> bool {
        self.heads.contains_lowercased(word)
    }

    /// Whether some title of several words starts with `word` (compared lower-cased), as
    /// [`KnowledgeBase::heads_surfaces`] for names.
    pub fn heads_titles(&self, word: &str) -> bool {
        self.title_heads.contains_lowercased(word)
    }

    /// Is this word, lower-cased, the last word of some title ("minister", "President")?
    pub fn is_title_last_word(&self, word: &str) -> bool {
        self.title_last_words.contains_lowercased(word)
    }

    pub fn is_given_name(&self, word: &str) -> bool {
        self.given_names.contains(word)
    }

    /// The known person whose surname `word` is, as written ("Putin" → Vladimir Putin):
    /// `Some(None)` when it may be several people's (two known people share it, or it is a
    /// given name too: "Bush", "Graham"), `None` when no known person has it. A surname that
    /// is a common word ("Rice") or names something else ("Jordan") is no one's here.
    pub fn person_with_surname(&self, word: &str) -> Option<Option<KbRef>> {
        self.surnames
            .get_or_init(|| self.surname_index())
            .get(word)
            .copied()
    }

    fn surname_index(&self) -> WordMap<Option<KbRef>> {
        let suffix = is_generational_suffix;
        let mut index: WordMap<Option<KbRef>> = WordMap::default();
        for (r, e) in self.entries.iter().enumerate() {
            if e.ty != Some(EntityType::Person) {
                continue;
            }
            let family_first = e.has_tag("family-first");
            let mut words = e.name.split_whitespace().rev();
            let Some(mut last) = words.find(|w| !suffix(w)) else {
                continue;
            };
            // (a one-word name is not a surname: "Madonna"; "Le Pen", "bin Laden" take their
            // particle)
            let before = words.next();
            if family_first {
                last = e.name.split_whitespace().next().unwrap_or(last);
            }
            if before.is_none_or(|w| self.words.name_particles.contains_lowercased(w))
                || self.words.not_surnames.contains(last)
                || last.chars().count() < if family_first { 2 } else { 3 }
                || !last.starts_with(|c: char| c.is_uppercase())
                || self.is_common_word(last)
                || !self.lookup(last).is_empty()
            {
                continue;
            }
            let shared = self.is_given_name(last);
            let known = index.get_or_insert(last, (!shared).then_some(r as KbRef));
            if *known != Some(r as KbRef) {
                *known = None;
            }
        }
        index
    }
}

/// `s.to_lowercase()`, borrowing `s` when it has nothing to lower-case (as most data lines).
fn lower_case(s: &str) -> std::borrow::Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
        std::borrow::Cow::Owned(s.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// Normalizes typographic variants so "Khamenei’s" and "Khamenei's", "Amir–Abdollahian" and
/// "Amir-Abdollahian" look the same to lookups.
/// Whether `normalize_surface` would leave `s` as it is (checked without allocating: names in
/// running text almost always are).
fn is_normalized(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() >= 8 && b[0] != b' ' && b[b.len() - 1] != b' ' && plain_words(b) {
        return true;
    }
    // (a short word, as most single-word lookups are: all its bytes in one machine word)
    if (1..8).contains(&b.len()) && plain_short_word(b) {
        return true;
    }
    // (a false "no" only costs an allocation: non-ASCII bytes are checked by normalizing)
    let space = |c: &u8| char::from(*c).is_whitespace();
    if b.first().is_some_and(space) || b.last().is_some_and(space) {
        return false;
    }
    // one pass, one table lookup a byte: no tab, line break or backtick, no two spaces in a
    // row, and the slow check at the first non-ASCII byte
    let mut prev = 0u8;
    for &c in b {
        if NOT_PLAIN[usize::from(c)] {
            match c {
                b' ' if prev != b' ' => {}
                b' ' | b'`' | b'\t' | b'\n' | b'\r' => return false,
                _ => return is_normalized_unicode(s),
            }
        }
        prev = c;
    }
    true
}

/// `is_normalized` for any text, without building the normalized copy to compare: nothing to
/// trim, no two spaces in a row and nothing `normalize_surface` replaces.
fn is_normalized_unicode(s: &str) -> bool {
    s.trim().len() == s.len() && !s.contains("  ") && !s.chars().any(|c| replacement(c).is_some())
}

/// Whether `b` (eight bytes or more) is plain ASCII, without control characters, backticks or
/// two spaces in a row, eight bytes at a time (a byte at a time was most of a lookup).
fn plain_words(b: &[u8]) -> bool {
    const ONES: u64 = u64::MAX / 0xff;
    const HIGH: u64 = ONES * 0x80;
    // the high bit of each zero byte of `x` (no carry crosses bytes)
    let zeros = |x: u64| !(((x & !HIGH) + !HIGH) | x) & HIGH;
    let word = |k: usize| u64::from_le_bytes(b[k..k + 8].try_into().expect("eight bytes"));
    // words overlapping by a byte, so that every two neighbouring bytes share one
    let mut k = 0;
    loop {
        let x = word(k.min(b.len() - 8));
        // (below 0x20, as ASCII: no carry once the high bits are known clear)
        let control = !x.wrapping_add(ONES * 0x60) & HIGH;
        let spaces = zeros(x ^ (ONES * u64::from(b' ')));
        let ticks = zeros(x ^ (ONES * u64::from(b'`')));
        let bad = (x & HIGH) | control | ticks | (spaces & (spaces << 8));
        if bad != 0 {
            return false;
        }
        if k + 8 >= b.len() {
            return true;
        }
        k += 7;
    }
}

/// Whether `b` (one to seven bytes) is plain ASCII without spaces, control characters or
/// backticks, tested in one machine word holding each of its bytes at least once.
fn plain_short_word(b: &[u8]) -> bool {
    const ONES: u64 = u64::MAX / 0xff;
    const HIGH: u64 = ONES * 0x80;
    let zeros = |x: u64| !(((x & !HIGH) + !HIGH) | x) & HIGH;
    let n = b.len();
    let x = if n >= 4 {
        // two overlapping four-byte loads cover all of them
        let le4 = |s: &[u8]| u64::from(u32::from_le_bytes(s.try_into().expect("four bytes")));
        le4(&b[..4]) | le4(&b[n - 4..]) << 32
    } else {
        let at = |k: usize| u64::from(b[k.min(n - 1)]);
        let four = at(0) | at(1) << 8 | at(2) << 16 | at(3) << 24;
        four | four << 32
    };
    // (a byte at or above 0x80 sets its high bit, and any carry the addition takes from it
    // only adds to a test that already failed)
    let control = !x.wrapping_add(ONES * 0x60) & HIGH;
    let spaces = zeros(x ^ (ONES * u64::from(b' ')));
    let ticks = zeros(x ^ (ONES * u64::from(b'`')));
    (x & HIGH) | control | spaces | ticks == 0
}

/// The bytes `is_normalized` looks at twice: spaces, what normalizing replaces, non-ASCII.
static NOT_PLAIN: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        t[c] = c >= 0x80 || matches!(c as u8, b' ' | b'`' | b'\t' | b'\n' | b'\r');
        c += 1;
    }
    t
};

/// `normalize_surface`, borrowing `s` when it already is normalized (as names almost always are).
pub fn normalized(s: &str) -> std::borrow::Cow<'_, str> {
    if is_normalized(s) {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(normalize_surface(s))
    }
}

/// What `normalize_surface` writes for a typographic variant: the one list of them.
#[inline]
fn replacement(c: char) -> Option<char> {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' => Some('\''),
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' => Some('-'),
        '\u{00A0}' | '\t' | '\n' | '\r' => Some(' '),
        _ => None,
    }
}

pub fn normalize_surface(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.trim().chars() {
        let c = replacement(c).unwrap_or(c);
        if c == ' ' {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn is_normalized_agrees_with_normalizing() {
        let parts = [
            "a",
            "Ab",
            "Organization",
            " ",
            "  ",
            "`",
            "\t",
            "\n",
            "\r",
            "\u{1}",
            "’",
            "\u{a0}",
            "é",
            "–",
            "\u{2003}",
            "U.S.",
        ];
        let mut texts = vec![String::new()];
        for _ in 0..3 {
            let longer: Vec<String> = texts
                .iter()
                .flat_map(|t| parts.iter().map(move |p| format!("{t}{p}")))
                .collect();
            texts.extend(longer);
        }
        for s in &texts {
            let plain = super::normalize_surface(s) == *s;
            assert_eq!(super::is_normalized(s), plain, "{s:?}");
        }
    }
}
