//! Sets of words for the lexicon and knowledge-base membership tests that every stage asks of
//! nearly every token.
//!
//! Hashing and comparing strings was the largest single cost of an analysis. Almost every word
//! is at most 15 bytes long, so such a word is stored packed with its length into a `u128`: a
//! membership test is then two multiplications and an integer compare, with no string hashing
//! and no `memcmp`. Longer words and phrases go to an ordinary string set.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Deserializer};

/// Longest word stored packed, in bytes (the 16th byte holds the length).
const PACKED: usize = 15;

/// A map from words, for the same lookups as [`WordSet`] with a value per word.
#[derive(Debug, Clone, PartialEq)]
pub struct WordMap<V> {
    short: FxHashMap<Key, V>,
    /// By length, a bit for the low six bits of each packed word's first byte: most words
    /// asked about share neither length nor first letter with any word of a small lexicon, and
    /// this says so before the word is packed and hashed.
    firsts: [u64; PACKED + 1],
    long: FxHashMap<Box<str>, V>,
}

/// A packed word as the table stores it: two words rather than a `u128`, whose 16-byte
/// alignment would pad every entry with a small value to 32 bytes.
type Key = (u64, u64);

fn key(k: u128) -> Key {
    (k as u64, (k >> 64) as u64)
}

/// A set of words (a [`WordMap`] without values).
#[derive(Debug, Default, Clone, PartialEq)]
pub struct WordSet(WordMap<()>);

/// The bit of `firsts[w.len()]` for a word starting with byte `b`.
fn first_bit(b: u8) -> u64 {
    1 << (b & 63)
}

/// `w` (lower-cased when `lower`: the caller has checked it is ASCII) packed with its length, if
/// it fits.
#[inline]
fn pack(w: &str, lower: bool) -> Option<u128> {
    let b = w.as_bytes();
    let n = b.len();
    if n > PACKED {
        return None;
    }
    // byte i of the key is b[i]; two overlapping loads instead of a copy (a memcpy call cost
    // more than the whole lookup)
    let le8 = |s: &[u8]| u64::from_le_bytes(s.try_into().expect("eight bytes"));
    let le4 = |s: &[u8]| u32::from_le_bytes(s.try_into().expect("four bytes"));
    let key = if n >= 8 {
        let hi = (le8(&b[n - 8..]) >> (8 * (15 - n))) >> 8;
        u128::from(le8(&b[..8])) | u128::from(hi) << 64
    } else if n >= 4 {
        u128::from(le4(&b[..4]) as u64 | (le4(&b[n - 4..]) as u64) << (8 * (n - 4)))
    } else {
        b.iter()
            .enumerate()
            .fold(0, |k, (i, &c)| k | u128::from(c) << (8 * i))
    };
    let key = if lower { ascii_lowercase(key) } else { key };
    Some(key | (n as u128) << (8 * PACKED))
}

/// `w` packed as the maps key it, if it is short enough to be ([`WordMap::get_packed`]).
#[inline]
pub fn packed(w: &str) -> Option<u128> {
    pack(w, false)
}

/// ASCII upper-case letters of `x` (ASCII bytes) lower-cased, sixteen at a time.
#[inline]
fn ascii_lowercase(x: u128) -> u128 {
    const ONES: u128 = u128::MAX / 0xff;
    // per byte, no carries since every byte is below 0x80: bit 7 set from 'A' on, and from
    // the byte after 'Z' on
    let from_a = x + ONES * (0x80 - u128::from(b'A'));
    let after_z = x + ONES * (0x80 - u128::from(b'Z') - 1);
    let upper = from_a & !after_z & (ONES * 0x80);
    x | upper >> 2
}

impl<V> Default for WordMap<V> {
    fn default() -> WordMap<V> {
        WordMap {
            short: FxHashMap::default(),
            firsts: [0; PACKED + 1],
            long: FxHashMap::default(),
        }
    }
}

impl<V> WordMap<V> {
    pub fn with_capacity(n: usize) -> WordMap<V> {
        WordMap {
            short: FxHashMap::with_capacity_and_hasher(n, Default::default()),
            ..WordMap::default()
        }
    }

    pub fn len(&self) -> usize {
        self.short.len() + self.long.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Inserts `w`, or keeps its value when it is already there; returns the value.
    pub fn get_or_insert(&mut self, w: &str, value: V) -> &mut V {
        match pack(w, false) {
            Some(k) => {
                if let Some(&b) = w.as_bytes().first() {
                    self.firsts[w.len()] |= first_bit(b);
                }
                self.short.entry(key(k)).or_insert(value)
            }
            None => {
                if !self.long.contains_key(w) {
                    self.long.insert(w.into(), value);
                }
                self.long.get_mut(w).expect("just inserted")
            }
        }
    }

    /// Most words asked about are turned away by [`WordMap::firsts`]: that test is inlined
    /// into the caller, and only a word it lets through pays for the call that packs and
    /// hashes it (whose register saves had cost as much as the test itself).
    #[inline(always)]
    pub fn get(&self, w: &str) -> Option<&V> {
        if let Some(&b) = w.as_bytes().first() {
            if w.len() <= PACKED && self.firsts[w.len()] & first_bit(b) == 0 {
                return None;
            }
        }
        self.get_hashed(w)
    }

    /// The value of the word packed as `key` (by [`packed`]): for callers that keep words
    /// packed, so as to pack each once.
    #[inline]
    pub fn get_packed(&self, packed: u128) -> Option<&V> {
        self.short.get(&key(packed))
    }

    #[inline(never)]
    fn get_hashed(&self, w: &str) -> Option<&V> {
        match pack(w, false) {
            Some(k) => self.get_packed(k),
            None => self.long.get(w),
        }
    }

    /// The value of the lower-case form of `w` (as `str::to_lowercase` gives it). As in
    /// [`WordMap::get`], the first test is inlined.
    #[inline(always)]
    pub fn get_lowercased(&self, w: &str) -> Option<&V> {
        // (lower-casing keeps the length of ASCII only)
        if let Some(&b) = w.as_bytes().first() {
            if w.len() <= PACKED
                && self.firsts[w.len()] & first_bit(b.to_ascii_lowercase()) == 0
                && w.is_ascii()
            {
                return None;
            }
        }
        self.get_lowercased_hashed(w)
    }

    #[inline(never)]
    fn get_lowercased_hashed(&self, w: &str) -> Option<&V> {
        if w.is_ascii() {
            if let Some(k) = pack(w, true) {
                return self.get_packed(k);
            }
        }
        self.get(&w.to_lowercase())
    }
}

impl WordSet {
    pub fn with_capacity(n: usize) -> WordSet {
        WordSet(WordMap::with_capacity(n))
    }

    pub fn insert(&mut self, w: &str) {
        self.0.get_or_insert(w, ());
    }

    /// Generic like `HashSet::contains`, so call sites read the same as with a `HashSet<String>`.
    #[inline]
    pub fn contains<Q: AsRef<str> + ?Sized>(&self, w: &Q) -> bool {
        self.0.get(w.as_ref()).is_some()
    }

    /// Whether the lower-case form of `w` (as `str::to_lowercase` gives it) is in the set.
    #[inline]
    pub fn contains_lowercased(&self, w: &str) -> bool {
        self.0.get_lowercased(w).is_some()
    }
}

impl<'a> FromIterator<&'a str> for WordSet {
    fn from_iter<I: IntoIterator<Item = &'a str>>(iter: I) -> WordSet {
        let mut set = WordSet::default();
        for w in iter {
            set.insert(w);
        }
        set
    }
}

/// A list of words in TOML (`connectors = ["of", "the"]`).
impl<'de> Deserialize<'de> for WordSet {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<WordSet, D::Error> {
        let words = Vec::<String>::deserialize(d)?;
        Ok(words.iter().map(String::as_str).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::WordSet;

    #[test]
    fn short_long_and_lower_cased_words() {
        let set: WordSet = ["said", "according", "foreign minister", "a", ""]
            .into_iter()
            .collect();
        assert!(set.contains("said") && set.contains("a") && set.contains(""));
        assert!(set.contains("foreign minister"));
        assert!(!set.contains("sai") && !set.contains("saids") && !set.contains("Said"));
        assert!(set.contains_lowercased("SAID") && set.contains_lowercased("Foreign Minister"));
        assert!(!set.contains_lowercased("Saids"));
        // a word with its padding spelled out is another word
        assert!(!set.contains("a\0"));
    }

    #[test]
    fn packing_keeps_every_byte_of_every_length() {
        let text = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz@[`{0123456789-'.&";
        for n in 0..=super::PACKED {
            for start in 0..text.len() - n {
                let w = &text[start..start + n];
                let mut naive = [0u8; 16];
                naive[..n].copy_from_slice(w.as_bytes());
                naive[super::PACKED] = n as u8;
                assert_eq!(
                    super::pack(w, false),
                    Some(u128::from_le_bytes(naive)),
                    "{w}"
                );
                naive[..n].make_ascii_lowercase();
                assert_eq!(
                    super::pack(w, true),
                    Some(u128::from_le_bytes(naive)),
                    "{w}"
                );
            }
        }
        assert_eq!(super::pack("sixteen letters!", false), None);
    }

    #[test]
    fn non_ascii_words_lower_case_like_to_lowercase() {
        let set: WordSet = ["élysée", "über"].into_iter().collect();
        assert!(set.contains_lowercased("Élysée") && set.contains_lowercased("ÜBER"));
        assert!(!set.contains_lowercased("Elysee"));
    }
}
