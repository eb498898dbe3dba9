//! Finding name mentions and guessing their type.
//!
//! A name is a run of capitalised words (with connectors such as "of the" between capitalised words),
//! cut where the knowledge base, titles and common words say it should be cut:
//! - titles and roles before a name become the mention's `title` ("President Ebrahim Raisi" →
//!   "Ebrahim Raisi" with title "President"), lower-case ones too ("foreign minister Hossein …");
//! - known names inside a run are separate mentions ("U.S. President Donald Trump" → "U.S." and
//!   "Donald Trump") unless a suffix word makes the whole run one name ("Iranian Foreign Ministry");
//! - a common word capitalised only because it starts a sentence, a quote or a headline is not a name.

use std::borrow::Cow;
use std::cell::{Cell, OnceCell, RefCell};

use rustc_hash::{FxHashMap, FxHashSet as HashSet};

use crate::entities::EntityType;
use crate::kb::{KbRef, KnowledgeBase, Sense};
use crate::span::Span;
use crate::text::{is_camel_brand, Document, Token, TokenKind};
use crate::wordset::{WordMap, WordSet};

/// A mention before linking.
#[derive(Debug, Clone, PartialEq)]
pub struct RawMention {
    pub span: Span,
    /// Token range of the name.
    pub tokens: std::ops::Range<usize>,
    pub ty: Option<EntityType>,
    pub title: Option<Span>,
    pub kb: Option<KbRef>,
    /// Written as an acronym or initialism ("SCO", "U.N.").
    pub acronym: bool,
    /// Found only where capitals say little (a headline, a sentence start): kept only when the
    /// article confirms the name elsewhere.
    pub weak: bool,
    /// Inside a headline (never the defining mention when the body names the entity too).
    pub headline: bool,
    /// A product named with its version or model number ("Internet Explorer 6", "IE6"): the
    /// name without the number is the product line, typed like it.
    pub product: bool,
}

/// How far (in tokens) a name may extend.
const MAX_NAME_TOKENS: usize = 12;
/// Longest knowledge-base surface tried, in tokens.
const MAX_KB_TOKENS: usize = 8;

pub fn recognize(doc: &Document, kb: &KnowledgeBase) -> Vec<RawMention> {
    let mut out: Vec<RawMention> = Vec::new();
    let words = ArticleWords {
        asked: RefCell::new(Vec::new()),
        searches: Cell::new(0),
        lower: OnceCell::new(),
        alone: OnceCell::new(),
    };
    let mut resume = 0;
    for s in &doc.sentences {
        // a headline in sentence case ("Hackers attack Church of Scientology website") capitalises
        // names only, like any sentence; in Title Case or ALL CAPS its capitals say little
        // a byline ("By Ayşe Demir and Jonas Lindqvist") capitalises names only
        let byline = s.headline
            && s.tokens.len() <= 12
            && matches!(word(doc, s.tokens.start), "By" | "BY")
            && is_capitalized(word(doc, s.tokens.start + 1));
        let sentence_shouting = !byline
            && (s.headline && !is_sentence_case(doc, kb, s.tokens.clone())
                || is_all_caps_sentence(doc, s.tokens.clone()));
        let sentence_mentions = out.len();
        // (a case name may run on into the next sentence: "United States v. O'Brien")
        let mut i = s.tokens.start.max(resume);
        // the end of a slogan shouted in quotation marks, read as a shouted sentence is
        // ("a “BIG WIN FOR OUR CONSTITUTION”")
        let mut shout_until = 0;
        while i < s.tokens.end {
            let shouting = sentence_shouting || i < shout_until;
            // (only a capitalised word heads a compound: most tokens need no call to say so)
            let t = &doc.tokens[i];
            let compound = if t.upper && t.kind == TokenKind::Word {
                compound_name(doc, kb, i, s.tokens.start, shouting)
            } else {
                None
            };
            // “The Color Purple”, “Off the Wall”: a title in quotation marks is a work's name
            if t.kind == TokenKind::OpenQuote && !shouting {
                if let Some(close) = shouted_quote(doc, i, s.tokens.end) {
                    shout_until = close;
                } else if let Some((e, close)) = quoted_title(doc, kb, i, s.tokens.end) {
                    // (“Defeat Crooked Hillary PAC”: an organization's word types it)
                    let ty = suffix_type(kb, &lower_word(doc, e - 1))
                        .filter(|&t| t == EntityType::Org)
                        .unwrap_or(EntityType::Misc);
                    let mut m = whole_name_mention(doc, kb, i + 1, e, ty);
                    m.headline = s.headline;
                    out.push(m);
                    i = close + 1;
                    continue;
                }
            }
            if let Some(m) = compound {
                // "New York-based": the name took the word before the compound
                if out.last().is_some_and(|p| p.tokens == (m.tokens.start..i)) {
                    out.pop();
                }
                out.push(m);
                i += 1;
                continue;
            }
            if !is_name_token(doc, i, kb) {
                i += 1;
                continue;
            }
            if let Some(e) = doc.party_tag_end(i) {
                i = e;
                continue;
            }
            // "H.B. 1181", "Proposition 8": a bill or a ballot measure is named by its number
            if i + 1 < s.tokens.end
                && doc.tokens[i + 1].kind == TokenKind::Number
                && !doc.tokens[i + 1].newline_before
                && kb.words.measure_prefixes.contains(word(doc, i))
            {
                let mut m = whole_name_mention(doc, kb, i, i + 2, EntityType::Misc);
                m.headline = s.headline;
                out.push(m);
                i += 2;
                continue;
            }
            let mut last = i;
            let mut j = i + 1;
            while j < s.tokens.end && j - i < MAX_NAME_TOKENS {
                // "… chips from Qualcomm Inc. Qualcomm shares fell": a company's legal form ends
                // its name (and often, unseen by the sentence splitter, its sentence)
                if j == last + 1 && is_legal_form(kb, word(doc, last)) {
                    break;
                }
                let joins = !doc.tokens[j].newline_before
                    && (is_name_token(doc, j, kb)
                        || j == last + 1 && ends_known_name(doc, kb, last, j)
                        // "the U.S. Court of Appeals for the 5th Circuit": an ordinal after a
                        // connector, before a name's word
                        || j > last + 1
                            && !s.headline
                            && word(doc, j - 1) == "the"
                            && is_ordinal(word(doc, j))
                            && j + 1 < s.tokens.end
                            && is_name_token(doc, j + 1, kb)
                        // "S&P 500", "Stoxx 600"
                        || j == last + 1
                            && doc.tokens[j].kind == TokenKind::Number
                            && (i..=last).any(|a| !kb.lookup(surface(doc, a, j + 1)).is_empty()));
                if joins {
                    last = j;
                    j += 1;
                } else if is_connector(doc, j, kb)
                    && j + 1 < s.tokens.end
                    && !shouting
                    // "Le Temps and the Neue Zürcher Zeitung" are two names
                    && !(matches!(word(doc, j), "and" | "&") && lower_word(doc, j + 1) == "the")
                {
                    j += 1;
                } else {
                    break;
                }
            }
            // "Roe v. Wade", "United States v. O'Brien": a court case is one name
            if !shouting {
                if let Some(e) = case_name_end(doc, kb, last + 1) {
                    // (not a common word opening the sentence: "In Roe v. Wade, the court …")
                    let opener =
                        i == s.tokens.start && i < last && kb.is_common_word(&lower_word(doc, i));
                    let a = i + usize::from(opener);
                    out.push(whole_name_mention(doc, kb, a, e, EntityType::Misc));
                    resume = e;
                    i = e;
                    continue;
                }
            }
            // "U.S. Attorney's Office for the Southern District of New York", "Sheriff's Office":
            // the office of a title is an organization
            if !shouting
                && doc
                    .tokens
                    .get(last + 1)
                    .is_some_and(|t| t.kind == TokenKind::Possessive)
                && kb.is_title_last_word(word(doc, last))
            {
                if let Some(e) = office_end(doc, kb, last + 1, s.tokens.end) {
                    let mut m = whole_name_mention(doc, kb, i, e, EntityType::Org);
                    m.headline = s.headline;
                    out.push(m);
                    i = e;
                    continue;
                }
            }
            // "Alzheimer's Association", "Kurdistan Workers' Party", "McDonald's": a possessive
            // inside a name keeps it whole
            if !shouting {
                // (without a leading "The")
                let a = if lower_word(doc, i) == "the" {
                    i + 1
                } else {
                    i
                };
                // "Shares of McDonald's Corp.", "Retailers Macy's and Target": a known name
                // with its possessive ends the run; what comes before it is apart
                let known = known_possessive_start(doc, kb, a, last + 1);
                if let Some(k) = known {
                    let before = (a..k)
                        .rev()
                        .find(|&b| !is_connector(doc, b, kb))
                        .map(|b| b + 1);
                    if let Some(b) = before {
                        let from = out.len();
                        segment_run(doc, kb, a, b, shouting, s.tokens.start, &words, &mut out);
                        for m in &mut out[from..] {
                            m.headline = s.headline;
                        }
                    }
                }
                let a = known.unwrap_or(a);
                if let Some((e, ty)) = possessive_name_end(doc, kb, a, last + 1, s.tokens.end, &out)
                {
                    let mut m = whole_name_mention(doc, kb, a, e, ty);
                    m.headline = s.headline;
                    out.push(m);
                    i = e;
                    continue;
                }
            }
            // "the book Blown for Good", "the journal Nature Climate Change": the run after a
            // noun of works is the title of one
            if !shouting && after_work_noun(doc, kb, i, last + 1) {
                let mut m = whole_name_mention(doc, kb, i, last + 1, EntityType::Misc);
                m.headline = s.headline;
                out.push(m);
                i = last + 1;
                continue;
            }
            // "the 501st Legion", "the 82nd Airborne Division": a unit's number is its name's
            let from = match i.checked_sub(1) {
                Some(p) if p >= s.tokens.start && numbers_unit(doc, kb, p, last + 1) => p,
                _ => i,
            };
            let before = out.len();
            segment_run(
                doc,
                kb,
                from,
                last + 1,
                shouting,
                s.tokens.start,
                &words,
                &mut out,
            );
            for m in &mut out[before..] {
                m.headline = s.headline;
                m.product |= m.kb.is_some_and(|r| kb.entry(r).has_tag("product"));
            }
            join_model_words(doc, kb, &mut out, before);
            i = last + 1;
            // "Internet Explorer 6", "Windows 10": a version number makes the name a product's
            if let Some(m) = out[before..].last_mut() {
                if m.tokens.end == i && i < s.tokens.end && takes_version(doc, m, i) {
                    i += 1;
                    // a name going on after the version is the product's still: "The Internet
                    // Explorer 6 Countdown" (a website)
                    while i < s.tokens.end
                        && !doc.tokens[i].newline_before
                        && is_name_token(doc, i, kb)
                        && kb_at(doc, kb, i, i + 1).is_none()
                    {
                        i += 1;
                    }
                    m.tokens.end = i;
                    m.span = span_of(doc, m.tokens.start, i);
                    m.ty = Some(EntityType::Misc);
                    m.product = true;
                }
                // "iPhone 16 Pro Max": model words after the version too
                if m.tokens.end == i && m.product {
                    while i < s.tokens.end
                        && !doc.tokens[i].newline_before
                        && kb.words.model_words.contains(word(doc, i))
                    {
                        i += 1;
                    }
                    m.tokens.end = i;
                    m.span = span_of(doc, m.tokens.start, i);
                }
            }
        }
        if byline {
            writers_of_byline(doc, kb, &mut out, sentence_mentions);
        }
    }
    let mut out = keep_confirmed(doc, kb, out);
    take_back_dropped_words(doc, kb, &mut out);
    abbreviations_opening_laws(doc, kb, &mut out);
    newspaper_titles(doc, &mut out);
    drop_common_nouns(doc, kb, &mut out);
    // ("Number Two", "America First" cut at a line's end, "Nov 19", "NGOs": no name)
    out.retain(|m| !not_alone(doc, kb, m) && !is_date(doc, kb, m) && !plural_acronym(doc, m));
    out
}

/// "GPUs", "NGOs", "Cloud GPUs": an unknown name ending in an acronym's plural is a common
/// noun (a known one stays: the knowledge base may spell a name so).
fn plural_acronym(doc: &Document, m: &RawMention) -> bool {
    let w = word(doc, m.tokens.end - 1).as_bytes();
    m.kb.is_none()
        && w.len() >= 3
        && w.ends_with(b"s")
        && w[..w.len() - 1].iter().all(u8::is_ascii_uppercase)
}

/// "Nov 19", "Sept 3": a short month and the day after it (the day in the mention or not).
fn is_date(doc: &Document, kb: &KnowledgeBase, m: &RawMention) -> bool {
    let month = m.tokens.start;
    let day = month + 1;
    m.tokens.len() <= 2
        && m.kb.is_none()
        && day < doc.tokens.len()
        && doc.tokens[day].kind == TokenKind::Number
        && word(doc, day)
            .parse::<u8>()
            .is_ok_and(|d| (1..=31).contains(&d))
        && kb
            .words
            .month_abbreviations
            .contains_lowercased(word(doc, month))
}

/// A number or ordinal by itself (`not_alone` of `name-words.toml`): no name, only a word of one.
fn not_alone(doc: &Document, kb: &KnowledgeBase, m: &RawMention) -> bool {
    m.tokens.len() == 1
        && m.kb.is_none()
        && kb
            .words
            .not_alone
            .contains_lowercased(word(doc, m.tokens.start))
}

/// "told The Oregonian", "wrote in The Australian": a nationality after a capitalised "The"
/// inside a sentence is a newspaper's name (unless the article also uses the word as one: the
/// two would be linked by their text).
fn newspaper_titles(doc: &Document, out: &mut [RawMention]) {
    let titles: Vec<usize> = (0..out.len())
        .filter(|&i| {
            let m = &out[i];
            let a = m.tokens.start;
            m.ty == Some(EntityType::Norp)
                && m.tokens.len() == 1
                && a >= 2
                && word(doc, a - 1) == "The"
                && !doc.tokens[a - 1].newline_before
                && doc.tokens[a - 2].kind == TokenKind::Word
                && !next_word(doc, a + 1).is_some_and(is_capitalized)
        })
        .collect();
    if titles.is_empty() {
        return;
    }
    let mut uses: FxHashMap<&str, u32> = FxHashMap::default();
    for m in out.iter() {
        *uses.entry(doc.text_of(m.span)).or_default() += 1;
    }
    for i in titles {
        if uses[doc.text_of(out[i].span)] == 1 {
            out[i].ty = Some(EntityType::Org);
            out[i].kb = None;
        }
    }
}

/// One mention of the whole of `[a, e)`, typed `ty` unless the knowledge base knows it.
fn whole_name_mention(
    doc: &Document,
    kb: &KnowledgeBase,
    a: usize,
    e: usize,
    ty: EntityType,
) -> RawMention {
    RawMention::plain(doc, a, e, ty).with_kb(kb, doc.text_of(span_of(doc, a, e)))
}

impl RawMention {
    /// A mention of tokens `[a, e)` typed `ty`: no title, no entry, not weak.
    fn plain(doc: &Document, a: usize, e: usize, ty: EntityType) -> Self {
        RawMention {
            span: span_of(doc, a, e),
            tokens: a..e,
            ty: Some(ty),
            title: None,
            kb: None,
            acronym: false,
            weak: false,
            headline: false,
            product: false,
        }
    }

    fn with_kb(mut self, kb: &KnowledgeBase, text: &str) -> Self {
        if let Some(&Sense::Name(r)) = kb.lookup(text).first() {
            self.kb = Some(r);
            self.ty = kb.entry(r).ty.or(self.ty);
        }
        self
    }
}

/// The end of a court case's name whose first party ends before `v` ("Roe v. Wade", "United
/// States v. O'Brien", "Brown v. Board of Education"): "v." then a capitalised name.
fn case_name_end(doc: &Document, kb: &KnowledgeBase, v: usize) -> Option<usize> {
    let t = doc.tokens.get(v)?;
    let dotted = match word(doc, v) {
        "v." => 1,
        "v" if word(doc, v + 1) == "." && doc.tokens[v + 1].span.start == t.span.end => 2,
        _ => return None,
    };
    let k = v + dotted;
    if k >= doc.tokens.len() || doc.tokens[k].newline_before || !is_name_token(doc, k, kb) {
        return None;
    }
    Some(name_run_end(doc, kb, k + 1, doc.tokens.len()))
}

/// The end of the name going on at token `k` (names and connectors, not "and": "Plessy v.
/// Ferguson and Brown v. Board of Education" are two cases), at most to `to`.
fn name_run_end(doc: &Document, kb: &KnowledgeBase, mut k: usize, to: usize) -> usize {
    let (from, mut end) = (k, k);
    while k < to && !doc.tokens[k].newline_before && k - from < MAX_NAME_TOKENS {
        if is_name_token(doc, k, kb) {
            end = k + 1;
        } else if !is_connector(doc, k, kb) || matches!(word(doc, k), "and" | "&") {
            break;
        }
        k += 1;
    }
    end
}

/// The end of an office's name after a title's possessive at `p` ("Attorney's Office for the
/// Southern District of New York"), within the sentence ending at `to`.
fn office_end(doc: &Document, kb: &KnowledgeBase, p: usize, to: usize) -> Option<usize> {
    if p + 1 >= to
        || doc.tokens[p].kind != TokenKind::Possessive
        || !doc.tokens[p + 1].upper
        || !kb.words.org_prefixes.contains_lowercased(word(doc, p + 1))
    {
        return None;
    }
    Some(name_run_end(doc, kb, p + 2, to).max(p + 2))
}

/// The end and type of a name with a possessive at `p` inside it, the run before it starting at
/// `a`, within the sentence ending at `to`: a known name ("McDonald's"), an unknown owner and a
/// run ending in an organization's word ("Alzheimer's Association", "Kurdistan Workers' Party"),
/// or an unknown owner's eponym ("Alzheimer's disease", MISC). Not a known owner's ("China's
/// Foreign Ministry", "Prime Minister Netanyahu's Likud Party"), nor that of a surname the
/// article has given with a first name (`earlier` mentions: "Raila Odinga … Odinga's Orange
/// Democratic Movement"). A known name takes its legal form along ("Macy's Inc.").
fn possessive_name_end(
    doc: &Document,
    kb: &KnowledgeBase,
    a: usize,
    p: usize,
    to: usize,
    earlier: &[RawMention],
) -> Option<(usize, EntityType)> {
    if a >= p || p >= to || doc.tokens[p].kind != TokenKind::Possessive {
        return None;
    }
    let owner = word(doc, p - 1);
    let known_owner =
        || kb_lookup(kb, surface(doc, a, p)).is_some() || kb_lookup(kb, owner).is_some();
    // "Sam's Club", "Lloyd's of London": a known name going on past its possessive (not a known
    // owner's: "China's Foreign Ministry" is China's and the Foreign Ministry)
    // (asked only where a name could go on: most possessives are followed by a common noun)
    let goes_on = p + 1 < to && (doc.tokens[p + 1].upper || word(doc, p + 1) == "of");
    let known = goes_on.then(|| kb_at(doc, kb, a, to)).flatten();
    if let Some((e, Sense::Name(r))) = known.filter(|&(e, _)| e > p + 1) {
        if !known_owner() {
            return Some((e, kb.entry(r).ty.unwrap_or(EntityType::Org)));
        }
    }
    if !kb.lookup(surface(doc, a, p + 1)).is_empty() {
        let legal_form = p + 1 < to && is_legal_form(kb, word(doc, p + 1));
        return Some((p + 1 + usize::from(legal_form), EntityType::Org));
    }
    // "St. Peter's Square", "St. Paul's Cathedral": a saint's possessive goes on into the name
    // of his place
    if matches!(word(doc, a), "St." | "St" | "Saint") && p + 1 < to && doc.tokens[p + 1].upper {
        let e = name_run_end(doc, kb, p + 1, to);
        // (typed by its last word that types names: "St. Anselm's College Institute of Politics")
        let ty = (p + 1..e)
            .rev()
            .find_map(|k| suffix_type(kb, &lower_word(doc, k)))
            .unwrap_or(EntityType::Place);
        return Some((e, ty));
    }
    // "N. Chandrababu Naidu's Telugu Desam Party": a person's full name owns the name after it
    // (not "Clark County Coroner's Office": no word of a person's name types a name)
    let full_name = || {
        p - a >= 2
            && (kb.is_given_name(word(doc, a)) || is_initial(word(doc, a)))
            && (a..p).all(|k| {
                doc.tokens[k].upper
                    && suffix_type(kb, &lower_word(doc, k)).is_none()
                    && !kb.is_title(&lower_word(doc, k))
            })
    };
    if p + 1 >= to
        || known_owner()
        || kb.is_given_name(owner)
        || kb.person_with_surname(owner).is_some()
        || full_name()
    {
        return None;
    }
    let name = if !doc.tokens[p + 1].upper {
        kb.words
            .eponym_heads
            .contains(word(doc, p + 1))
            .then_some((p + 2, EntityType::Misc))
    } else {
        let e = name_run_end(doc, kb, p + 1, to);
        (e > p + 1 && kb.words.org_suffixes.contains_lowercased(word(doc, e - 1)))
            .then_some((e, EntityType::Org))
    };
    // (asked last, of the few possessives that would make a name, and of the mentions of the
    // last few pages only, so that a long article stays linear)
    let surname_given = || {
        earlier.iter().rev().take(SURNAME_REACH).any(|m| {
            m.tokens.len() >= 2
                && m.ty.is_none_or(|t| t == EntityType::Person)
                && word(doc, m.tokens.end - 1) == owner
        })
    };
    name.filter(|_| !surname_given())
}

/// "5th", "21st", "2nd", "3rd": a number with its ordinal ending.
fn is_ordinal(w: &str) -> bool {
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && matches!(&w[digits..], "st" | "nd" | "rd" | "th")
}

/// "N.", "J.": a capital letter and a period.
fn is_initial(w: &str) -> bool {
    matches!(w.as_bytes(), [c, b'.'] if c.is_ascii_uppercase())
}

/// How many of the mentions before a possessive are searched for a full name ending in its
/// owner: far more than a long article has.
const SURNAME_REACH: usize = 2000;

/// The first word after `a` of a known name that ends with the possessive at `p` ("McDonald's"
/// in "Shares of McDonald's"), if the run `[a, p)` holds one.
fn known_possessive_start(doc: &Document, kb: &KnowledgeBase, a: usize, p: usize) -> Option<usize> {
    if p <= a + 1
        || doc
            .tokens
            .get(p)
            .is_none_or(|t| t.kind != TokenKind::Possessive)
    {
        return None;
    }
    (a + 1..p).find(|&k| doc.tokens[k].upper && !kb.lookup(surface(doc, k, p + 1)).is_empty())
}

/// Nouns of organizations whose name may follow them in apposition: "her restaurant, Quán Lan,".
const ORG_NOUNS: &[&str] = &[
    "restaurant",
    "firm",
    "company",
    "bank",
    "lender",
    "startup",
    "start-up",
    "charity",
    "newspaper",
    "magazine",
    "broadcaster",
    "publisher",
    "hospital",
    "university",
    "club",
    "bakery",
    "cafe",
    "café",
    "hotel",
    "shop",
    "store",
    "brand",
    "manufacturer",
    "retailer",
    "airline",
    "insurer",
    "carmaker",
    "automaker",
    "chipmaker",
    "nonprofit",
    "watchdog",
    "regulator",
    "outlet",
    "studio",
];

/// Nouns of works whose title follows them: "the book Blown for Good".
const WORK_NOUNS: &[&str] = &[
    "book",
    "novel",
    "memoir",
    "film",
    "movie",
    "documentary",
    "album",
    "song",
    "musical",
    "opera",
    "sitcom",
    "podcast",
    "painting",
    "poem",
    "journal",
];

/// Is the run `[a, e)` the title of a work, right after a noun of works ("graphic novel Angel
/// Catbird")? Not a person the knowledge base knows ("the film Tom Cruise made").
fn after_work_noun(doc: &Document, kb: &KnowledgeBase, a: usize, e: usize) -> bool {
    let Some(p) = a.checked_sub(1) else {
        return false;
    };
    doc.tokens[p].kind == TokenKind::Word
        && !doc.tokens[a].newline_before
        && WORK_NOUNS.contains(&word(doc, p))
        && !(a..e).any(|k| {
            kb.lookup(word(doc, k))
                .iter()
                .any(|s| matches!(s, Sense::Name(r) if kb.entry(*r).ty == Some(EntityType::Person)))
        })
}

/// Words naming military and similar units, numbered by an ordinal: "the 501st Legion".
const UNIT_WORDS: &[&str] = &[
    "legion",
    "division",
    "brigade",
    "brigades",
    "regiment",
    "battalion",
    "fleet",
    "army",
    "corps",
    "squadron",
    "airborne",
    "infantry",
    "cavalry",
    "marines",
    "wing",
];

/// Is token `p` an ordinal ("501st", "82nd") numbering the unit named by `[p + 1, e)`?
fn numbers_unit(doc: &Document, kb: &KnowledgeBase, p: usize, e: usize) -> bool {
    let w = word(doc, p);
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0
        && matches!(&w[digits..], "st" | "nd" | "rd" | "th")
        && !doc.tokens[p + 1].newline_before
        && (p + 1..e).any(|k| {
            let l = lower_word(doc, k);
            UNIT_WORDS.contains(&&*l)
                && suffix_type(kb, &lower_word(doc, e - 1)).is_none_or(|t| t == EntityType::Org)
        })
}

/// Most candidate words [`drop_common_nouns`] searches the article for, one by one, before it
/// counts them in one pass over the article's words instead.
const NOUN_SEARCHES: usize = 8;

/// The token that is exactly the `len` bytes at byte `at`, if one is: what a search of the
/// article's text for a word found, when the word is written on its own there.
fn token_spelled_at(doc: &Document, at: usize, len: usize) -> Option<&Token> {
    doc.tokens
        .get(doc.token_at_or_after(at))
        .filter(|t| t.span.start == at && t.span.len() == len)
}

/// A common noun capitalised in passing ("WHO say Iodine deficiency is …") in an article that
/// writes it in lower case again and again (three times or more) is that noun, not a name.
fn drop_common_nouns(doc: &Document, kb: &KnowledgeBase, out: &mut Vec<RawMention>) {
    let candidate = |m: &RawMention| {
        m.tokens.len() == 1
            && m.ty.is_none()
            && m.kb.is_none()
            && m.title.is_none()
            && !m.acronym
            && !kb.is_given_name(word(doc, m.tokens.start))
    };
    // the candidates' words, and how often the article writes each in lower case
    let mut index: WordMap<usize> = WordMap::default();
    let mut candidates = Vec::new();
    for m in out.iter().filter(|m| candidate(m)) {
        let w = lower_word(doc, m.tokens.start);
        if *index.get_or_insert(&w, candidates.len()) == candidates.len() {
            candidates.push(w);
        }
    }
    if candidates.is_empty() {
        return;
    }
    let mut uses = vec![0u32; candidates.len()];
    let counts = |t: &Token| lower_use(t) && !in_domain(doc, t);
    if candidates.len() <= NOUN_SEARCHES {
        // an article has a handful: a search of its text for each costs less than a visit to
        // every token
        let bytes = doc.prose.as_bytes();
        for (w, n) in candidates.iter().zip(&mut uses) {
            *n = memchr::memmem::find_iter(bytes, w.as_bytes())
                .filter(|&at| token_spelled_at(doc, at, w.len()).is_some_and(counts))
                .count() as u32;
        }
    } else {
        // (most of the article's words the word map turns away by their length and first
        // letter, unhashed)
        for t in doc.tokens.iter().filter(|t| lower_use(t)) {
            if let Some(&k) = index.get(t.span.text(&doc.prose)) {
                uses[k] += u32::from(counts(t));
            }
        }
    }
    out.retain(|m| {
        !candidate(m)
            || index
                .get(&lower_word(doc, m.tokens.start))
                .is_none_or(|&k| uses[k] < 3)
    });
}

/// A word not capitalised: a use as a common noun, when it spells a capitalised word.
fn lower_use(t: &Token) -> bool {
    t.kind == TokenKind::Word && !t.upper
}

/// Does `w` start with a lower-case letter?
fn starts_lower(w: &str) -> bool {
    // (ASCII first: decoding and the Unicode table are for the rare other letter)
    match w.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_lowercase(),
        _ => w.chars().next().is_some_and(char::is_lowercase),
    }
}

/// A word of a domain name or an address ("scientology.org", "x.com/…", "@POTUS"): no use of
/// the word as a noun.
fn in_domain(doc: &Document, t: &Token) -> bool {
    // (asked of every lower-case word: bytes, as the marks are ASCII)
    let p = doc.prose.as_bytes();
    p.get(t.span.end) == Some(&b'.')
        && doc.prose[t.span.end + 1..].starts_with(char::is_alphanumeric)
        || t.span.start > 0 && matches!(p[t.span.start - 1], b'.' | b'/' | b'@')
}

/// A capitalised word dropped at a clause start ("Image: Home Office", "Medical Journal of
/// Australia" opening a sentence) goes back into the name when the article writes the longer
/// name elsewhere, or a name opening with it ("Formula One" in "Formula One Grand Prix").
fn take_back_dropped_words(doc: &Document, kb: &KnowledgeBase, out: &mut [RawMention]) {
    if !out.iter().any(|m| m.tokens.len() >= 2) {
        return;
    }
    // the longer names, gathered on the first capitalised word before a mention
    let mut multi: Option<HashSet<Cow<str>>> = None;
    for k in 0..out.len() {
        let a = out[k].tokens.start;
        let taken = |p: usize| k > 0 && out[k - 1].tokens.end > p;
        let Some(p) = a.checked_sub(1) else { continue };
        let t = &doc.tokens[p];
        if t.kind != TokenKind::Word || !t.upper || doc.tokens[a].newline_before || taken(p) {
            continue;
        }
        let longer = span_of(doc, p, out[k].tokens.end);
        let multi = multi.get_or_insert_with(|| {
            out.iter()
                .filter(|m| m.tokens.len() >= 2)
                .map(|m| doc.lower_text(m.span))
                .collect()
        });
        // (or opens one, when what is left is a number, no name alone: "Formula One said"
        // after "the Formula One Grand Prix")
        let lower = doc.lower_text(longer);
        let opens = |name: &Cow<str>| {
            name.strip_prefix(&*lower)
                .is_some_and(|rest| rest.starts_with(' '))
        };
        if multi.contains(&lower) || not_alone(doc, kb, &out[k]) && multi.iter().any(opens) {
            let m = &mut out[k];
            m.tokens.start = p;
            m.span = longer;
            m.title = None;
        }
    }
}

/// "the AI Act", "the COVID Relief Act": an abbreviation of a common noun, never a name on its
/// own (`not_names` of `name-words.toml`), is one of a law's or an event's name when it opens it.
fn abbreviations_opening_laws(doc: &Document, kb: &KnowledgeBase, out: &mut [RawMention]) {
    for k in 0..out.len() {
        let a = out[k].tokens.start;
        let Some(p) = a.checked_sub(1) else { continue };
        let w = word(doc, p);
        let abbreviation = doc.tokens[p].kind == TokenKind::Word
            && (2..=5).contains(&w.len())
            && w.bytes().all(|b| b.is_ascii_uppercase())
            && kb.words.not_names.contains_lowercased(w);
        let taken = k > 0 && out[k - 1].tokens.end > p;
        if out[k].ty == Some(EntityType::Misc)
            && abbreviation
            && !taken
            && !doc.tokens[a].newline_before
        {
            let m = &mut out[k];
            m.tokens.start = p;
            m.span = span_of(doc, p, m.tokens.end);
        }
    }
}

/// How the strong mentions of an article confirm a weak mention's text.
#[derive(Clone, Copy, Default)]
struct Confirmed {
    /// A strong mention has it as its text.
    as_text: bool,
    /// A person's full name has it as its given name or surname.
    as_name_word: bool,
    /// An organization's name has it as its last word.
    as_org_word: bool,
}

/// Drops weak mentions the rest of the article does not confirm: a weak mention stays when a strong
/// mention has the same text or, for a single word, contains that word ("RAISI" in a headline,
/// "Ebrahim Raisi" in the body).
fn keep_confirmed(doc: &Document, kb: &KnowledgeBase, mut out: Vec<RawMention>) -> Vec<RawMention> {
    if !out.iter().any(|m| m.weak) {
        return out;
    }
    // the weak mentions' texts, each with how strong mentions confirm it (few weak mentions,
    // many strong ones: only the weak are hashed in)
    let mut confirmed: FxHashMap<Cow<str>, Confirmed> = out
        .iter()
        .filter(|m| m.weak)
        .map(|m| (doc.lower_text(m.span), Confirmed::default()))
        .collect();
    for m in out.iter().filter(|m| !m.weak) {
        if let Some(c) = confirmed.get_mut(&doc.lower_text(m.span)) {
            c.as_text = true;
        }
        // the last word of an organization's name confirms it alone: "City manager Pep
        // Guardiola" after "Manchester City"
        if m.tokens.len() >= 2 && m.ty == Some(EntityType::Org) {
            if let Some(c) = confirmed.get_mut(&*lower_word(doc, m.tokens.end - 1)) {
                c.as_org_word = true;
            }
        }
        // the surname and given name of a full name confirm "RAISI" and "Raisi" at a sentence start
        if m.tokens.len() >= 2 && m.ty.is_none_or(|t| t == EntityType::Person) {
            let last = lower_word(doc, m.tokens.end - 1);
            // "Burhan" for "Abdel Fattah al-Burhan"
            let rest = strip_article_prefix(&last);
            for w in [&*lower_word(doc, m.tokens.start), &*last]
                .into_iter()
                .chain(rest)
            {
                if let Some(c) = confirmed.get_mut(w) {
                    c.as_name_word = true;
                }
            }
        }
    }
    out.retain(|m| {
        !m.weak || {
            let c = confirmed[&doc.lower_text(m.span)];
            // (not in a headline: "Spell Bad News For Hillary" after "Fox News")
            let org_word = c.as_org_word && !m.headline;
            // "Putin said" opening an article that never says "Vladimir Putin"
            let known_surname = || kb.person_with_surname(word(doc, m.tokens.start)).is_some();
            c.as_text || (m.tokens.len() == 1 && (c.as_name_word || org_word || known_surname()))
        }
    });
    out
}

/// A surname without its Arabic article: "Burhan" for "al-Burhan", "Sisi" for "el-Sisi".
pub(super) fn strip_article_prefix(w: &str) -> Option<&str> {
    ["al-", "Al-", "el-", "El-"]
        .iter()
        .find_map(|p| w.strip_prefix(p))
        .filter(|r| r.chars().count() > 2)
}

fn word(doc: &Document, i: usize) -> &str {
    doc.tokens.get(i).map_or("", |t| t.span.text(&doc.prose))
}

/// Token `i` lower-cased (as `str::to_lowercase` would).
fn lower_word(doc: &Document, i: usize) -> Cow<'_, str> {
    if i < doc.tokens.len() {
        doc.lower_token(i)
    } else {
        Cow::Borrowed("")
    }
}

fn lower_surface(doc: &Document, from: usize, to: usize) -> Cow<'_, str> {
    // (one token, as most are: no look at its bytes)
    if to == from + 1 {
        return doc.lower_token(from);
    }
    doc.lower_text(span_of(doc, from, to))
}

fn is_capitalized(w: &str) -> bool {
    match w.as_bytes().first() {
        Some(b'i' | b'e') => is_camel_brand(w.as_bytes()),
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => w.chars().next().is_some_and(char::is_uppercase),
    }
}

/// Two to seven capitals and digits (dots, dashes and ampersands aside), two capitals at least:
/// "NATO", "U.N.", "AT&T", "G7".
pub(crate) fn is_acronym(w: &str) -> bool {
    let (mut letters, mut capitals) = (0, 0);
    for c in w.chars().filter(|c| !matches!(c, '.' | '&' | '-')) {
        if c.is_uppercase() {
            capitals += 1;
        } else if !c.is_ascii_digit() {
            return false;
        }
        letters += 1;
        if letters > 7 {
            return false;
        }
    }
    letters >= 2 && capitals >= 2
}

/// Asked of nearly every token: the common answer (a lower-case word, punctuation) is given
/// here, inlined, and the rest of the questions in [`is_name_word`].
#[inline(always)]
fn is_name_token(doc: &Document, i: usize, kb: &KnowledgeBase) -> bool {
    let t = &doc.tokens[i];
    // (bytes: slicing the prose as text would check character boundaries)
    t.kind == TokenKind::Word
        && (t.upper || starts_with_arabic_article(&doc.prose.as_bytes()[t.span.range()]))
        && is_name_word(doc, i, kb)
}

/// "al-Assad", "el-Sissi": the Arabic article, written lower case, opens a name.
pub(crate) fn starts_with_arabic_article(word: &[u8]) -> bool {
    word.starts_with(b"al-") || word.starts_with(b"el-")
}

/// [`is_name_token`] for a word token.
#[inline(never)]
fn is_name_word(doc: &Document, i: usize, kb: &KnowledgeBase) -> bool {
    let t = &doc.tokens[i];
    let w = word(doc, i);
    // "al-Assad", "bin Salman" are handled by connectors; "al-Assad", "el-Sissi" start lower
    // case
    let first_upper = t.upper
        || (w.len() > 3
            && starts_with_arabic_article(w.as_bytes())
            && w[3..].chars().next().is_some_and(char::is_uppercase));
    // (one pass for the marks the rarer tests look for: an apostrophe, `’` starting with 0xE2,
    // and a hyphen)
    let (apostrophe, hyphen) = w.bytes().fold((false, false), |(a, h), b| {
        (a | (b == b'\'') | (b == 0xE2), h | (b == b'-'))
    });
    let contraction = || apostrophe && is_contraction(w);
    let compound =
        || hyphen && compound_head(w).is_some_and(|k| !hyphenated_given_name(doc, kb, i, k));
    first_upper
        && (!kb.words.not_names.contains_lowercased(w) || numbered_first(doc, kb, i))
        && !contraction()
        && !compound()
        && !is_handle(doc, i)
        && !is_shouted_word(doc, kb, i)
        && !(!(i > 0 && doc.tokens[i - 1].upper) && is_roman_numeral(w))
        && !postnominal(doc, kb, i)
}

/// "Michael Tovey SC", "Jane Doe MP": letters in capitals after a name, no word of it.
fn postnominal(doc: &Document, kb: &KnowledgeBase, i: usize) -> bool {
    let w = word(doc, i);
    (2..=3).contains(&w.len())
        && w.bytes().all(|b| b.is_ascii_uppercase())
        && i > 0
        && doc.tokens[i - 1].kind == TokenKind::Word
        && is_capitalized(word(doc, i - 1))
        && kb.words.postnominals.contains_lowercased(w)
}

/// "World War I", "Title I": the pronoun's letter is the numeral after a word that takes one
/// (`numbered_heads` in `grammars/kb/name-words.toml`).
fn numbered_first(doc: &Document, kb: &KnowledgeBase, i: usize) -> bool {
    i > 0
        && word(doc, i) == "I"
        && doc.tokens[i - 1].upper
        && kb
            .words
            .numbered_heads
            .contains_lowercased(word(doc, i - 1))
}

/// "#IStandWithAhmed", "@POTUS": a hashtag or a user name, not a name in the text.
fn is_handle(doc: &Document, i: usize) -> bool {
    i > 0
        && matches!(word(doc, i - 1), "#" | "@")
        && doc.tokens[i - 1].span.end == doc.tokens[i].span.start
}

/// An English word in capitals for emphasis ("UNLESS of course"), not an acronym: common, four
/// letters or more, no known name, and among lower-case words ("FIRST Global" is a name).
fn is_shouted_word(doc: &Document, kb: &KnowledgeBase, i: usize) -> bool {
    let w = word(doc, i);
    let capital_word = |k: usize| {
        doc.tokens
            .get(k)
            .is_some_and(|t| t.kind == TokenKind::Word && t.upper)
    };
    w.len() >= 4
        && !capital_word(i + 1)
        && !(i > 0 && capital_word(i - 1))
        && w.bytes().all(|b| b.is_ascii_uppercase())
        && kb.is_common_word(w)
        && kb.lookup(w).is_empty()
        && kb.lookup(&title_case(w)).is_empty()
}

/// The word of the name `a..e` that may type it, lower-cased: its last, or the one before a
/// numeral ending it ("World War II", "Title I").
fn suffix_word(doc: &Document, a: usize, e: usize) -> Cow<'_, str> {
    let last = word(doc, e - 1);
    let numeral = last == "I" || is_roman_numeral(last);
    lower_word(doc, if numeral && e - a >= 2 { e - 2 } else { e - 1 })
}

/// "XVII" in "part XVII": a number up to 39, never a name on its own, only a part of one
/// ("World War II"); larger numerals spell acronyms ("DC", "CDC").
fn is_roman_numeral(w: &str) -> bool {
    // (every such numeral starts with X, I or V; most words do not)
    if !matches!(w.as_bytes().first(), Some(b'X' | b'I' | b'V')) {
        return false;
    }
    let rest = w.trim_start_matches('X');
    let units = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"];
    w.len() >= 2 && w.len() - rest.len() <= 3 && (rest.is_empty() || units.contains(&rest))
}

/// The capitalised head of a compound with a lower-case tail ("Iranian-backed", "Saudi-led",
/// "Scientology-related", "T-shirt"), as a byte length: only the head may be a name.
fn compound_head(w: &str) -> Option<usize> {
    // most words have no hyphen: a byte search (cheaper for a short word than the call `rfind`
    // makes) rules them out before any letter is decoded
    let k = w.bytes().rposition(|b| b == b'-')?;
    (k > 0 && w.starts_with(char::is_uppercase) && w[k + 1..].starts_with(char::is_lowercase))
        .then_some(k)
}

/// "Cho Jung-tai", "Moon Jae-in", "Chun Doo-hwan": a given name of two syllables after a
/// surname, at token `i`
/// with its hyphen at `k`; not a compound adjective ("Rand Paul-style", "Ahmed-led").
fn hyphenated_given_name(doc: &Document, kb: &KnowledgeBase, i: usize, k: usize) -> bool {
    let w = word(doc, i);
    let tail = &w[k + 1..];
    i > 0
        && doc.tokens[i - 1].kind == TokenKind::Word
        && doc.tokens[i - 1].upper
        && !doc.tokens[i].newline_before
        // (a known given name's first syllable, or two short syllables: "Chun Doo-hwan",
        // "Lee Byung-chul"; after a Korean surname a syllable may spell a short word: "Chey
        // Tae-won", "Park Ju-gun", but not after another name: "White House-era")
        && (kb.is_given_name(&w[..k]) || k <= 5 && tail.len() <= 5)
        && !(tail.len() >= 3
            && kb.is_common_word(tail)
            && !(tail.len() <= 4
                && kb.words.korean_surnames.contains_lowercased(word(doc, i - 1))))
}

/// The name heading a compound word at token `i`: "Iranian" in "Iranian-backed" (NORP), "Saudi"
/// in "Saudi-led", "Scientology" in "Scientology-related". A single letter ("T-shirt", "X-ray")
/// or a common word ("Pro-government", "Long-term") is no name.
fn compound_name(
    doc: &Document,
    kb: &KnowledgeBase,
    i: usize,
    sentence_start: usize,
    shouting: bool,
) -> Option<RawMention> {
    let t = &doc.tokens[i];
    // (`upper` says what compound_head would test first, and most words are lower case)
    if t.kind != TokenKind::Word || !t.upper {
        return None;
    }
    let w = word(doc, i);
    let k = compound_head(w)?;
    let head = &w[..k];
    if head.chars().count() < 2 || head.contains('-') || kb.is_common_word(head) {
        return None;
    }
    // a known name of two words ending in the head: "New York-based", "Los Angeles-based"
    let start = i
        .checked_sub(1)
        .filter(|&p| {
            p >= sentence_start
                && !t.newline_before
                && is_name_token(doc, p, kb)
                && doc.tokens[p].span.end < t.span.start
                && !kb
                    .lookup(&doc.prose[doc.tokens[p].span.start..t.span.start + k])
                    .is_empty()
        })
        .unwrap_or(i);
    let (head, first) = (
        &doc.prose[doc.tokens[start].span.start..t.span.start + k],
        start,
    );
    let senses = kb.lookup(head);
    // a compound adjective names the people before the place: "Saudi-led" is NORP
    let sense = senses
        .iter()
        .find(|s| matches!(s, Sense::Demonym(_)))
        .or(senses.first());
    let (ty, r) = match sense {
        Some(Sense::Demonym(_)) => (Some(EntityType::Norp), None),
        Some(Sense::Name(r)) => (kb.entry(*r).ty, Some(*r)),
        None => (None, None),
    };
    Some(RawMention {
        span: Span::new(doc.tokens[first].span.start, t.span.start + k),
        tokens: first..i + 1,
        ty,
        title: None,
        kb: r,
        acronym: false,
        weak: sense.is_none() && (shouting || at_clause_start(doc, i, sentence_start)),
        headline: false,
        product: false,
    })
}

/// A company's legal form written after its name: "Inc.", "Corp.", "Ltd.", "LLC", "PLC".
pub(super) fn is_legal_form(kb: &KnowledgeBase, w: &str) -> bool {
    kb.words.legal_forms.contains_lowercased(w)
}

/// A capitalised word never a name on its own (a month, a day) that ends a known name with the
/// word before it: "Theresa May".
fn ends_known_name(doc: &Document, kb: &KnowledgeBase, prev: usize, i: usize) -> bool {
    doc.tokens[i].kind == TokenKind::Word
        && is_capitalized(word(doc, i))
        && !kb.lookup(surface(doc, prev, i + 1)).is_empty()
}

/// "I’m", "Won’t", "They’ve": capitalised only because they start a sentence.
fn is_contraction(w: &str) -> bool {
    // the last apostrophe, found by bytes (asked of every capitalised word): `’` starts with
    // 0xE2, as other characters do, which only then need the character search
    let b = w.as_bytes();
    let k = match b.iter().rposition(|&c| c == b'\'' || c == 0xE2) {
        None => return false,
        Some(k) if b[k] == b'\'' || w[k..].starts_with('\u{2019}') => k,
        Some(_) => match w.rfind(['\'', '\u{2019}']) {
            Some(k) => k,
            None => return false,
        },
    };
    let tail = &w[k..].trim_start_matches(['\'', '\u{2019}']);
    matches!(
        *tail,
        "m" | "ve" | "ll" | "re" | "d" | "M" | "VE" | "LL" | "RE" | "D"
    ) || (*tail == "t" || *tail == "T") && w[..k].ends_with(['n', 'N'])
}

fn is_connector(doc: &Document, i: usize, kb: &KnowledgeBase) -> bool {
    let t = &doc.tokens[i];
    let w = word(doc, i);
    // (the hash lookup last)
    !t.newline_before && (t.kind == TokenKind::Word || w == "&") && kb.words.connectors.contains(w)
}

fn is_all_caps_sentence(doc: &Document, r: std::ops::Range<usize>) -> bool {
    let mut words = 0;
    for i in r.filter(|&i| doc.tokens[i].kind == TokenKind::Word) {
        let w = word(doc, i);
        if w.chars().any(char::is_lowercase) {
            return false;
        }
        words += usize::from(w.chars().any(char::is_alphabetic));
    }
    words >= 3
}

/// Has the line a lower-case word that Title Case would capitalise ("attack" in "Hackers attack
/// Church of Scientology website")?
fn is_sentence_case(doc: &Document, kb: &KnowledgeBase, r: std::ops::Range<usize>) -> bool {
    r.filter(|&i| doc.tokens[i].kind == TokenKind::Word)
        .map(|i| word(doc, i))
        .any(|w| {
            w.chars().next().is_some_and(char::is_lowercase)
                && !kb.words.title_case_small_words.contains(w)
        })
}

/// Tokens at which a sentence (or a quote or clause inside it) starts, where a capital says nothing.
fn at_clause_start(doc: &Document, i: usize, sentence_start: usize) -> bool {
    if i == sentence_start {
        return true;
    }
    let prev = &doc.tokens[i - 1];
    let prev_word = word(doc, i - 1);
    matches!(prev.kind, TokenKind::OpenQuote | TokenKind::Dash)
        // (and after an elision in a quote: "[...] However, the future")
        || matches!(prev_word, ":" | "(" | "[" | "]" | "..." | "\u{2026}")
        // an item of a list: "a) Leaving", "2) Refusing"
        || prev_word == ")" && i >= 2 && word(doc, i - 2).chars().count() == 1
        // the word after the one opening a line, but not after an article: "The Securities and
        // Exchange Commission" opening a paragraph capitalises a name
        || prev.newline_before
            && i - 1 == sentence_start
            && !matches!(prev_word, "The" | "THE" | "A" | "An" | "AN")
        || doc.tokens[i].newline_before
}

fn surface(doc: &Document, from: usize, to: usize) -> &str {
    &doc.prose[doc.tokens[from].span.start..doc.tokens[to - 1].span.end]
}

/// Title-cases an ALL-CAPS word for lookups ("IRAN" → "Iran").
pub(crate) fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        // (ASCII without the Unicode tables)
        if c.is_ascii() {
            out.push(if start {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            });
        } else if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphanumeric() && c != '\'';
    }
    out
}

fn kb_lookup(kb: &KnowledgeBase, s: &str) -> Option<Sense> {
    let senses = kb.lookup(s);
    if let Some(first) = senses.first() {
        return Some(*first);
    }
    // "TEHRAN (Reuters)", "IRAN'S PRESIDENT": all-caps datelines and headlines
    if !s.chars().any(char::is_lowercase) && s.len() >= 3 {
        // "S.E.C.", "F.B.I.": an acronym in the style of papers that dot them
        if s.len() >= 4 && s.ends_with('.') && is_acronym(s) {
            let bare: String = s.chars().filter(|&c| c != '.').collect();
            if let Some(&sense) = kb.lookup(&bare).first() {
                return Some(sense);
            }
        }
        return kb.lookup(&title_case(s)).first().copied();
    }
    None
}

/// Longest title starting at token `from`, as an exclusive end token.
fn title_at(doc: &Document, kb: &KnowledgeBase, from: usize, to: usize) -> Option<usize> {
    let max = (from + kb.max_title_words).min(to);
    // (no title of several words starts with most first words)
    let max = first_word_bound(doc, from, max, |w| kb.heads_titles(w));
    (from + 1..=max)
        .rev()
        .find(|&e| kb.is_title(&lower_surface(doc, from, e)))
}

/// `max`, or the end of the tokens of the first word of the text from token `from` to `max`
/// when that word and a space start it and `heads` says no longer phrase starts with it.
fn first_word_bound(
    doc: &Document,
    from: usize,
    max: usize,
    heads: impl Fn(&str) -> bool,
) -> usize {
    if max <= from + 1 {
        return max;
    }
    let white = |next| matches!(next, b' ' | b'\t' | b'\n' | b'\r');
    match first_word(surface(doc, from, max)) {
        Some((w, next)) if white(next) && !heads(w) => tokens_within(doc, from, w.len(), max),
        _ => max,
    }
}

/// Longest knowledge-base name starting at `from` within `[from, to)`.
pub(super) fn kb_at(
    doc: &Document,
    kb: &KnowledgeBase,
    from: usize,
    to: usize,
) -> Option<(usize, Sense)> {
    let max = (from + MAX_KB_TOKENS).min(to);
    if max <= from {
        return None;
    }
    // (no surface of several words starts with most first words)
    let max = first_word_bound(doc, from, max, |w| kb.heads_surfaces(w));
    (from + 1..=max).rev().find_map(|e| {
        // a name does not end on a connector
        if is_connector(doc, e - 1, kb) {
            return None;
        }
        kb_lookup(kb, surface(doc, from, e)).map(|s| (e, s))
    })
}

/// The first word of `s` when it is plain ASCII (letters, digits and marks, no backtick), and
/// the byte after it: text starting with such a word and a space is that word, lower-cased,
/// and a space once normalized or title-cased.
fn first_word(s: &str) -> Option<(&str, u8)> {
    let b = s.as_bytes();
    let n = b.iter().position(|&c| !c.is_ascii_graphic() || c == b'`')?;
    (n > 0).then(|| (&s[..n], b[n]))
}

/// The end of the tokens from `from` on, up to `max`, that lie in the first `n` bytes from its
/// start: those of a first word followed by a space (a token never holds a space, nor ends on
/// one, so any text taking a token more ends on something after the space).
fn tokens_within(doc: &Document, from: usize, n: usize, max: usize) -> usize {
    let end = doc.tokens[from].span.start + n;
    let mut e = from + 1;
    while e < max && doc.tokens[e].span.end <= end {
        e += 1;
    }
    e
}

#[derive(Debug)]
enum Seg {
    Title(usize, usize),
    Known(usize, usize, Sense),
    Name(usize, usize),
}

// the run's context is spelled out rather than bundled: each piece is used in a different step
#[allow(clippy::too_many_arguments)]
fn segment_run(
    doc: &Document,
    kb: &KnowledgeBase,
    start: usize,
    end: usize,
    shouting: bool,
    sentence_start: usize,
    words: &ArticleWords,
    out: &mut Vec<RawMention>,
) {
    // 0. an organization's name then a person's: "Refugee Council Enver Solomon told"
    if let Some(k) = person_after_org(doc, kb, start, end, words) {
        segment_run(doc, kb, start, k, shouting, sentence_start, words, out);
        out.push(RawMention::plain(doc, k, end, EntityType::Person));
        return;
    }
    // 0b. two whole names joined by "and", "on" or "for": "Massachusetts Institute of Technology
    // and Colorado State University", "Republicans on the House Financial Services Committee" (but
    // "Food and Drug Administration", "Union of Atheists and Agnostics", "Council on Foreign
    // Relations")
    // ("Roper Center for Public Opinion Research", "Peterson Institute for International
    // Economics": an organization "for" or "on" a field is one name)
    if let Some(j) = (start + 1..end.saturating_sub(1)).find(|&j| {
        let joins_two = match word(doc, j) {
            "and" => true,
            "of" => {
                return person_of(doc, kb, start, j).is_some() && whole_name(doc, kb, j + 1, end)
            }
            "on" | "for" => {
                j - start < 2 || !kb.words.org_suffixes.contains(&*lower_word(doc, j - 1))
            }
            _ => false,
        };
        // (not inside a known name: "Department of Health and Human Services")
        joins_two
            && whole_name(doc, kb, start, j)
            && whole_name(doc, kb, j + 1, end)
            && !(start..j).any(|s| kb_at(doc, kb, s, end).is_some_and(|(e, _)| e > j))
    }) {
        // (a person's name is no run of its own: "David French" is no nationality)
        if let Some(a) = (word(doc, j) == "of")
            .then(|| person_of(doc, kb, start, j))
            .flatten()
        {
            let mut person = whole_name_mention(doc, kb, a, j, EntityType::Person);
            if a > start {
                // ("House Speaker Paul D. Ryan of Wisconsin": the House is named too)
                out.extend(name_in_title(doc, kb, start, a));
                person.title = Some(span_of(doc, start, a));
            }
            out.push(person);
        } else {
            segment_run(doc, kb, start, j, shouting, sentence_start, words, out);
        }
        segment_run(doc, kb, j + 1, end, shouting, sentence_start, words, out);
        return;
    }
    // 0c. a bare word, "and", then an organization's name: "Securities and Exchange Board of
    // India", "Oil and Natural Gas Corporation" (not "Russia and China Development Bank": a
    // known name is a name of its own)
    if let Some(org) = coordinated_org(doc, kb, start, end) {
        out.push(org);
        return;
    }
    // 1. cut the run into titles, known names and unknown words
    // (sized once: growing it from nothing cost more than the allocation)
    let mut segs: Vec<Seg> = Vec::with_capacity(end - start);
    // a common word dropped between two segments: they are separate names, not one long one
    let mut dropped_inside = false;
    let mut p = start;
    while p < end {
        let w = word(doc, p);
        let lower = lower_word(doc, p);
        // a leading article is never part of the name: "The Huffington Post" → "Huffington Post"
        // (but for a place's: "The Hague", "The Bronx")
        let place_with_the = || {
            matches!(kb_at(doc, kb, p, end), Some((e, Sense::Name(r)))
                if e > p + 1 && kb.entry(r).ty == Some(EntityType::Place)
                    && kb.entry(r).name.starts_with("The "))
        };
        if lower == "the" && p + 1 < end && !place_with_the() {
            p += 1;
            continue;
        }
        // (a one-word title before an organization's word is a word of its name: "the
        // General Administration of Customs", "the General Assembly")
        let title = title_at(doc, kb, p, end);
        let title_in_name = title.is_some_and(|e| {
            e == p + 1 && e < end && kb.words.org_suffixes.contains(&*lower_word(doc, e))
        });
        let title = title.filter(|_| !title_in_name);
        let known = kb_at(doc, kb, p, end);
        // a known name longer than a title wins: "General Motors", "Justice Department"
        if let Some(e) = title.filter(|&e| known.is_none_or(|(k, _)| k <= e)) {
            let e = portfolio_end(doc, kb, e, end);
            segs.push(Seg::Title(p, e));
            p = e;
        } else if let Some((e, sense)) = known {
            // a compass word before a known place names another place: "East Los Angeles",
            // "Northern California" (its own entity, not Los Angeles)
            let place =
                matches!(sense, Sense::Name(r) if kb.entry(r).ty == Some(EntityType::Place));
            // (a country after a name is a qualifier instead: "Hitwise UK", "Fan Expo Canada")
            let city = place && matches!(sense, Sense::Name(r) if !kb.entry(r).has_tag("country"));
            match segs.last_mut() {
                Some(Seg::Name(a, b))
                    if place
                        && *b == p
                        && *a + 1 == p
                        && kb.words.place_prefixes.contains(&*lower_word(doc, *a)) =>
                {
                    *b = e
                }
                // an unknown word right before a known place names something else: "Real
                // Madrid", "Bayern Munich", "Borussia Dortmund" (clubs), "Whitney Houston"
                Some(Seg::Name(_, b)) if city && *b == p && !shouting => *b = e,
                _ => segs.push(Seg::Known(p, e, sense)),
            }
            p = e;
        } else if matches!(segs.last(), Some(Seg::Name(_, b)) if *b == p)
            && lower != "the"
            && is_capitalized(w)
            && kb.words.determiners.contains(&*lower)
        {
            // a capitalised "An" or "A" inside a name is a syllable of it: "Hội An", "Long An"
            if let Some(Seg::Name(_, b)) = segs.last_mut() {
                *b = p + 1;
            }
            p += 1;
        } else if kb.words.determiners.contains(&*lower) || is_connector(doc, p, kb) {
            p += 1;
        } else {
            // common in English, or written in lower case elsewhere in this article (asked only
            // where a capital may say nothing, or before a colon)
            // (a given name is kept, "Gary Black said", "Clinton, speaking", but not as an
            // adjective before a word in lower case: "Coral reefs")
            let adjective = || {
                p + 1 == end
                    && doc
                        .tokens
                        .get(end)
                        .is_some_and(|t| t.kind == TokenKind::Word && !t.upper)
            };
            let common = || {
                (kb.is_common_word(w) || starts_lower(&lower) && words.written_lower(doc, &lower))
                    && (!kb.is_given_name(w) || adjective())
            };
            // (a paragraph opening with a given name goes on with a surname: "Gary Black said")
            // (asked only at a clause start)
            let after_given_name = || p > start && kb.is_given_name(word(doc, p - 1));
            let weak_start =
                at_clause_start(doc, p, sentence_start) && !after_given_name() || shouting;
            // ("Hurricane Milton makes landfall", though "hurricane" is written in lower case
            // elsewhere: a word that opens a name keeps it)
            let opens_name =
                || title_in_name || p + 1 < end && kb.words.misc_prefixes.contains(&*lower);
            if (weak_start || (shouting && !is_acronym(w))) && common() && !opens_name() {
                dropped_inside |= !segs.is_empty();
                p += 1;
                continue;
            }
            // a common word used as a label ("Image:", "Photo:") is not part of a name
            if word(doc, p + 1) == ":" && common() {
                p += 1;
                continue;
            }
            // a nationality inside a run of unknown words is part of the name: "Great British
            // Energy", "Swiss Federal Railways", "Saudi Aramco" (not before a person's name)
            if let Some(&Seg::Known(a, b, Sense::Demonym(_))) = segs.last() {
                if b == p && !shouting && !kb.is_given_name(w) {
                    segs.pop();
                    match segs.last_mut() {
                        Some(Seg::Name(_, e)) if *e == a => *e = p + 1,
                        _ => segs.push(Seg::Name(a, p + 1)),
                    }
                    p += 1;
                    continue;
                }
            }
            match segs.last_mut() {
                // a person's full name takes no "of the": "Ryan MacDonald of the University of
                // Michigan" is two names (a particle of a surname it takes: "Hugo Louis van
                // Lawick")
                Some(&mut Seg::Name(a, e))
                    if e < p
                        && word(doc, e) == "of"
                        && joins_by_particles(doc, kb, e, p)
                        && is_full_name(doc, kb, a, e) =>
                {
                    for (a, e) in [(start, e), (p, end)] {
                        segment_run(doc, kb, a, e, shouting, sentence_start, words, out);
                    }
                    return;
                }
                Some(Seg::Name(_, e))
                    if *e == p || (*e < p && joins_by_particles(doc, kb, *e, p)) =>
                {
                    *e = p + 1
                }
                // "Los Angeles County Sheriff Robert Luna": a place's word after a known place
                // names another place, with it
                Some(&mut Seg::Known(a, e, Sense::Name(r)))
                    if e == p
                        && kb.entry(r).ty == Some(EntityType::Place)
                        && kb.words.place_suffixes.contains(&*lower) =>
                {
                    segs.pop();
                    segs.push(Seg::Name(a, p + 1));
                }
                // "the critic Stanley Crouch": a city's name that is a given name, after a role
                // and before a surname, is a person's
                Some(&mut Seg::Known(a, e, Sense::Name(r)))
                    if e == p
                        && a + 1 == e
                        && kb.entry(r).has_tag("city")
                        && kb.is_given_name(word(doc, a))
                        && lower_title_before(doc, kb, a).is_some() =>
                {
                    segs.pop();
                    segs.push(Seg::Name(a, p + 1));
                }
                // "Jordan Evans", "Christian Eriksen", "Israel Katz": a known name that is a
                // given name too, before a word that can only be a surname and ends the run (not
                // a city's: "Denver Broncos" is its team)
                Some(&mut Seg::Known(a, e, Sense::Name(r)))
                    if e == p
                        && a + 1 == e
                        && !kb.entry(r).has_tag("city")
                        && p + 1 == end
                        && kb.is_given_name(word(doc, a))
                        && is_title_case_word(w)
                        && !kb.is_common_word(w)
                        && suffix_type(kb, &lower).is_none() =>
                {
                    segs.pop();
                    segs.push(Seg::Name(a, p + 1));
                }
                _ => segs.push(Seg::Name(p, p + 1)),
            }
            p += 1;
        }
    }
    // trailing connectors never end a name
    for s in &mut segs {
        if let Seg::Name(a, e) = s {
            while *e > *a + 1 && is_connector(doc, *e - 1, kb) {
                *e -= 1;
            }
        }
    }
    if segs.is_empty() {
        return;
    }
    // 2. a suffix word ("Ministry", "Act", "River") makes the whole run (after any title) one name
    let last_tok = match segs.last().unwrap() {
        Seg::Title(_, e) | Seg::Known(_, e, _) | Seg::Name(_, e) => *e - 1,
    };
    let first_name_seg = segs.iter().position(|s| !matches!(s, Seg::Title(..)));
    let first_tok = first_name_seg.map(|f| match segs[f] {
        Seg::Known(a, ..) | Seg::Name(a, _) | Seg::Title(a, _) => a,
    });
    let org_prefixed = first_tok.is_some_and(|a| org_with_of(doc, kb, a, last_tok));
    // an organization's word inside the run heads a name with "for" or "on": "International
    // Organization for Migration", "Committee on Foreign Affairs" (not after a person; "of" is
    // left to the particles: "Institute of Technology and Colorado State University" is two)
    let org_inside = first_tok.is_some_and(|a| {
        // (the given-name lookup last: most runs have no "for" or "on")
        (a..last_tok).any(|k| {
            matches!(word(doc, k + 1), "for" | "on")
                && kb.words.org_suffixes.contains(&*lower_word(doc, k))
        }) && !kb.is_given_name(word(doc, a))
    });
    // "Dr. Amelia Lake", "Professor Sam Hill": a given name after a title makes a surname of
    // a place's word
    let titled_person = || {
        first_name_seg.is_some_and(|f| match segs[f..] {
            [Seg::Name(a, e)] => {
                let titled = f > 0 && matches!(segs[f - 1], Seg::Title(..))
                    || f == 0 && lower_title_before(doc, kb, a).is_some();
                person_despite_place_word(doc, kb, a, e, titled)
            }
            _ => false,
        })
    };
    // "Health Secretary Wes Streeting and Amelia Lake": full names on both sides of "and" are
    // two, not one longer name ("Lewis and Clark College", "Henry Holt and Company" are one)
    let two_names = || {
        first_name_seg.is_some_and(|f| {
            matches!(segs[f..], [Seg::Name(a, e), Seg::Name(b, c), ..]
                if e - a >= 2 && c - b >= 2 && word(doc, e) == "and"
                    && kb.is_given_name(word(doc, a)) && kb.is_given_name(word(doc, b)))
        })
    };
    let run_suffix = name_suffix_type(doc, kb, first_tok.unwrap_or(last_tok), last_tok + 1);
    let suffix_ty = run_suffix
        .filter(|&ty| ty != EntityType::Place || !titled_person())
        .filter(|_| !two_names())
        .or((org_prefixed || org_inside).then_some(EntityType::Org))
        // "U.N. World Food Programme": a known organization's or event's name ending the run types
        // it, whatever its last word says elsewhere ("programme" names a plan)
        .map(|ty| match segs.last() {
            Some(&Seg::Known(_, _, Sense::Name(r))) => kb
                .entry(r)
                .ty
                .filter(|t| matches!(t, EntityType::Org | EntityType::Misc))
                .unwrap_or(ty),
            _ => ty,
        });
    // ("Mbappé Double Sends Real Madrid Past Bayern Into Champions League" is no league)
    if let (Some(ty), Some(mut f), false) = (suffix_ty, first_name_seg, dropped_inside) {
        // a title before a lone suffix word is a word of the name: "Premier League"
        if f > 0 && matches!(segs[f..], [Seg::Name(a, e)] if e == a + 1) {
            f -= 1;
        }
        let from = match segs[f] {
            Seg::Known(a, ..) | Seg::Name(a, _) | Seg::Title(a, _) => a,
        };
        let whole_known = matches!(segs[f..], [Seg::Known(..)]);
        // a known group ends the run: "Senate Democrats" are the Senate's Democrats, not a body
        let group_last = matches!(segs[f..], [.., Seg::Known(_, _, Sense::Name(r))]
            if kb.entry(r).ty == Some(EntityType::Norp));
        if (segs.len() - f > 1 || !whole_known) && !group_last {
            let title = (f > 0).then(|| title_span(doc, &segs[..f], from));
            let span = Span::new(doc.tokens[from].span.start, doc.tokens[last_tok].span.end);
            out.push(RawMention {
                span,
                tokens: from..last_tok + 1,
                ty: Some(ty),
                title: title.flatten(),
                kb: kb.lookup(doc.text_of(span)).iter().find_map(|s| match s {
                    Sense::Name(r) => Some(*r),
                    _ => None,
                }),
                acronym: false,
                // a suffix word alone opening a sentence may be a common noun: "Union leader
                // Joe Ajaero", "Council officials said" (kept where the article names it so)
                // (not after a word dropped there: "Democracy Corps published")
                weak: from == last_tok
                    && at_clause_start(doc, from, sentence_start)
                    && (from == sentence_start || doc.tokens[from - 1].kind != TokenKind::Word),
                headline: false,
                product: false,
            });
            return;
        }
    }
    // 3. one mention per known or unknown segment; a title before a segment is its title
    let mut pending_title: Option<usize> = None;
    for (k, seg) in segs.iter().enumerate() {
        match *seg {
            Seg::Title(a, e) => {
                pending_title.get_or_insert(a);
                out.extend(name_in_title(doc, kb, a, e));
            }
            Seg::Known(a, e, sense) => {
                let (ty, r) = match sense {
                    Sense::Name(r) => (kb.entry(r).ty, Some(r)),
                    Sense::Demonym(_) => (Some(EntityType::Norp), None),
                };
                let title = pending_title.take().map(|t| span_of(doc, t, a));
                let title = title.or_else(|| lower_title_before(doc, kb, a));
                out.push(RawMention {
                    span: span_of(doc, a, e),
                    tokens: a..e,
                    ty,
                    title,
                    kb: r,
                    // "NATO" is an acronym; "TEHRAN" (found as "Tehran") is a shouted name
                    acronym: e == a + 1
                        && is_acronym(word(doc, a))
                        && !kb.lookup(word(doc, a)).is_empty(),
                    weak: false,
                    headline: false,
                    product: false,
                });
                // a known name before a title and a name ("U.S. President Donald Trump") also
                // belongs to the title
                if matches!(segs.get(k + 1), Some(Seg::Title(..))) {
                    pending_title = Some(a);
                }
            }
            Seg::Name(a, e) => {
                // "Economic Security Minister Sanae Takaichi": common words before a minister's
                // or a secretary's title are its portfolio, no organization
                let portfolio = matches!(segs.get(k + 1), Some(&Seg::Title(_, te))
                    if kb.words.portfolio_titles.contains(&*lower_word(doc, te - 1)))
                    && (a..e).all(|i| kb.is_common_word(word(doc, i)));
                if portfolio {
                    pending_title.get_or_insert(a);
                    continue;
                }
                if let Some((ka, ty)) = joined_with_known_before(doc, kb, &segs, k, a, e, shouting)
                    .filter(|&(ka, _)| out.last().is_some_and(|m| m.tokens == (ka..a)))
                {
                    out.pop();
                    out.push(RawMention::plain(doc, ka, e, ty));
                    continue;
                }
                // a letter after a dropped capitalised word labels it, and the two are a name:
                // "Group G" at a line start, "Plan B"
                let after_dropped = || {
                    a > start
                        && doc.tokens[a - 1].kind == TokenKind::Word
                        && is_capitalized(word(doc, a - 1))
                        && !kb.words.determiners.contains(&*lower_word(doc, a - 1))
                        && !segs[..k].iter().any(|s| matches!(s, Seg::Title(_, b) | Seg::Known(_, b, _) | Seg::Name(_, b) if *b == a))
                };
                let a = if e == a + 1 && word(doc, a).chars().count() == 1 && after_dropped() {
                    a - 1
                } else {
                    a
                };
                let had_title = pending_title.is_some();
                let title = match pending_title.take() {
                    Some(t) => Some(span_of(doc, t, a)),
                    None => lower_title_before(doc, kb, a),
                };
                // transcript speaker labels: "WALLACE: …" at the start of a line
                let speaker_label = e == a + 1
                    && doc.tokens[a].newline_before | (a == 0)
                    && word(doc, a + 1) == ":"
                    && !word(doc, a).chars().any(char::is_lowercase);
                let acronym = e == a + 1 && is_acronym(word(doc, a)) && !speaker_label;
                let model = e == a + 1 && is_model_code(word(doc, a));
                // "Union of Rationalist Atheists and Agnostics (UAAR)" defines it ("(R-IN)" is
                // a party and a state)
                let in_parens = acronym
                    && a.checked_sub(1).is_some_and(|p| word(doc, p) == "(")
                    && word(doc, e) == ")"
                    && !word(doc, a).contains('-');
                // "Trenton Mayor Tony Mack", "Ohio Gov. Mike DeWine": the place a local office
                // governs
                let governed = || {
                    matches!(segs.get(k + 1), Some(&Seg::Title(_, te))
                        if kb.words.place_titles.contains(&*lower_word(doc, te - 1)))
                };
                let ty = if speaker_label {
                    Some(EntityType::Person)
                } else if model {
                    Some(EntityType::Misc)
                } else if !acronym && governed() {
                    Some(EntityType::Place)
                } else {
                    // (the run's own suffix type when the segment is the whole named part)
                    let suffix = if first_tok == Some(a) && e == last_tok + 1 {
                        run_suffix
                    } else {
                        name_suffix_type(doc, kb, a, e)
                    };
                    guess_type(doc, kb, (a, e), suffix, title.is_some(), acronym)
                };
                // "MILLBROOK — The council …": a dateline's place needs no other mention
                let dateline = ty == Some(EntityType::Place)
                    && (a == 0 || doc.tokens[a].newline_before)
                    && !word(doc, a).chars().any(char::is_lowercase)
                    && doc
                        .tokens
                        .get(e)
                        .is_some_and(|t| t.kind == TokenKind::Dash || word(doc, e) == ",");
                out.push(RawMention {
                    span: span_of(doc, a, e),
                    tokens: a..e,
                    ty,
                    title,
                    kb: None,
                    acronym: acronym && !model,
                    headline: false,
                    product: model,
                    // an acronym is a name wherever it stands in running text: "(FAA)",
                    // "ESA's director" at a sentence start
                    // (or after a common word dropped there)
                    weak: !had_title
                        && !in_parens
                        && !dateline
                        && (shouting
                            || (e == a + 1
                                && !acronym
                                && !kb.is_given_name(word(doc, a))
                                && (at_clause_start(doc, a, sentence_start)
                                    || left_by_a_dropped_word(doc, kb, a, sentence_start)))),
                });
            }
        }
    }
}

/// "“Big Tech has had its way": a common word at `a` whose capitalised common word before it,
/// opening the clause, was dropped (a number is left to `take_back_dropped_words`: "Formula
/// One said").
fn left_by_a_dropped_word(
    doc: &Document,
    kb: &KnowledgeBase,
    a: usize,
    sentence_start: usize,
) -> bool {
    a > sentence_start
        && at_clause_start(doc, a - 1, sentence_start)
        && kb.is_common_word(word(doc, a - 1))
        && kb.is_common_word(word(doc, a))
        && !kb.words.not_alone.contains_lowercased(word(doc, a))
}

/// A known place or organization opening a title ("U.S. District Judge", "House Speaker", "FBI
/// Director") or written as an abbreviation inside one ("Assistant U.S. Attorney"): a mention of
/// its own.
fn name_in_title(doc: &Document, kb: &KnowledgeBase, a: usize, e: usize) -> Option<RawMention> {
    // (the title's last word is its own: a one-word title asks nothing)
    let e = e - 1;
    (a..e).find_map(|q| {
        let w = word(doc, q);
        if !is_capitalized(w) || q > a && !(is_acronym(w) || w.ends_with('.') && w.len() > 2) {
            return None;
        }
        // "House Speaker", "House Majority Leader": a chamber (of Congress or of a state), which
        // the knowledge base cannot tell apart by the word alone
        if q == a && w == "House" {
            return Some(RawMention::plain(doc, q, q + 1, EntityType::Org));
        }
        let (k, r) = match kb_at(doc, kb, q, e)? {
            (k, Sense::Name(r)) => (k, r),
            _ => return None,
        };
        let ty = kb.entry(r).ty?;
        matches!(ty, EntityType::Place | EntityType::Org).then(|| RawMention {
            span: span_of(doc, q, k),
            tokens: q..k,
            ty: Some(ty),
            title: None,
            kb: Some(r),
            acronym: k == q + 1 && is_acronym(w),
            weak: false,
            headline: false,
            product: false,
        })
    })
}

/// The end of a title's portfolio written after it, before a name: "Minister of Education
/// Stefania Giannini", "Undersecretary for Education Mr. Toccafondi". The portfolio runs to a
/// given name, else it is one word; `e` is the end of the title word itself.
fn portfolio_end(doc: &Document, kb: &KnowledgeBase, e: usize, end: usize) -> usize {
    if e + 2 > end || !matches!(word(doc, e), "of" | "for") || !is_capitalized(word(doc, e + 1)) {
        return e;
    }
    // the run ends on the portfolio and a title follows: "… for Education Mr. Toccafondi"
    // or a comma and the name: "ESA's Director of Science, Carole Mundell"
    if e + 2 == end {
        let titled = title_at(doc, kb, end, doc.tokens.len().min(end + kb.max_title_words));
        let known = !kb.lookup(word(doc, e + 1)).is_empty();
        let comma = word(doc, end) == "," && is_capitalized(word(doc, end + 1));
        return if (titled.is_some() || comma) && !known {
            end
        } else {
            e
        };
    }
    // a name typed by its last word is one name: "Justice for Victims of Trafficking Act"
    if suffix_type(kb, &lower_word(doc, end - 1)).is_some() {
        return e;
    }
    let given = (e + 2..end - 1)
        .find(|&k| kb.is_given_name(word(doc, k)) || title_at(doc, kb, k, end).is_some());
    let to = given.unwrap_or(e + 2);
    // a known name is no portfolio: "CEO of Iraq and Afghanistan Veterans of America"
    if (e + 1..to).all(|k| {
        is_capitalized(word(doc, k))
            && !is_connector(doc, k, kb)
            && kb.lookup(word(doc, k)).is_empty()
    }) {
        to
    } else {
        e
    }
}

/// The organization's mention of segment_run's step 0c, if the run `[start, end)` is one.
fn coordinated_org(
    doc: &Document,
    kb: &KnowledgeBase,
    start: usize,
    end: usize,
) -> Option<RawMention> {
    let a = start + usize::from(word(doc, start).eq_ignore_ascii_case("the"));
    if end < a + 4 || word(doc, a + 1) != "and" {
        return None;
    }
    let first = word(doc, a);
    if !is_capitalized(first) || !kb.lookup(first).is_empty() || kb.is_given_name(first) {
        return None;
    }
    // the organization's word, ending the run or followed by "of" and the rest of its name
    let org = (a + 3..end).find(|&k| kb.words.org_suffixes.contains(&*lower_word(doc, k)))?;
    // (not "House and Senate Republicans": a group known by its word is no organization's name)
    let whole =
        (org + 1 == end || word(doc, org + 1) == "of") && kb.lookup(word(doc, org)).is_empty();
    let capitals = (a + 2..=org).all(|k| is_capitalized(word(doc, k)));
    (whole && capitals).then(|| whole_name_mention(doc, kb, a, end, EntityType::Org))
}

/// "Church of Scientology", "Medical Journal of Australia", "Joint Council for the Welfare of
/// Immigrants": an organization's word in `[a, last)`, then "of", "for" or "on" and more name.
fn org_with_of(doc: &Document, kb: &KnowledgeBase, a: usize, last: usize) -> bool {
    (a..last).any(|k| {
        matches!(word(doc, k + 1), "of" | "for" | "on")
            && (k == a && kb.words.org_prefixes.contains(&*lower_word(doc, k))
                || k > a && kb.words.org_suffixes.contains(&*lower_word(doc, k)))
            && (a..k).all(|i| is_capitalized(word(doc, i)))
    })
}

/// Is `[a, e)` (after any "the") a whole name by itself: known, typed by its words, or a
/// person's full name?
fn whole_name(doc: &Document, kb: &KnowledgeBase, a: usize, e: usize) -> bool {
    let a = if lower_word(doc, a) == "the" {
        a + 1
    } else {
        a
    };
    a < e
        && is_capitalized(word(doc, a))
        && (!kb.lookup(surface(doc, a, e)).is_empty()
            // (a head word alone is no name: "Securities and Exchange Commission")
            || e - a >= 2 && suffix_type(kb, &suffix_word(doc, a, e)).is_some()
            || org_with_of(doc, kb, a, e - 1)
            || (2..=3).contains(&(e - a))
                && kb.is_given_name(word(doc, a))
                && (a..e).all(|i| is_capitalized(word(doc, i))))
}

/// "Dr. Harlan Krumholz of Yale University", "Bill O'Reilly of Fox News": where a person's full
/// name starts in the run `[start, of)` before "of" (after any title), if the run is one.
fn person_of(doc: &Document, kb: &KnowledgeBase, start: usize, of: usize) -> Option<usize> {
    let a = title_at(doc, kb, start, of).unwrap_or(start);
    is_full_name(doc, kb, a, of).then_some(a)
}

/// Where a person's name starts at the end of the run `[start, end)` that names an organization
/// first: two or three unknown words after a word of organizations ("Refugee Council Enver Solomon
/// told"), or a given name and a surname after a name made with one ("Council on
/// American-Islamic Relations Alia Salem").
fn person_after_org(
    doc: &Document,
    kb: &KnowledgeBase,
    start: usize,
    end: usize,
    words: &ArticleWords,
) -> Option<usize> {
    // whether each of the last three tokens may be part of a person's name, found once
    // (a run is tried from two starts, and once more below)
    let may_be_name = |i: usize| {
        let w = word(doc, i);
        doc.tokens[i].kind == TokenKind::Word
            && is_capitalized(w)
            && !is_acronym(w)
            && !kb.is_common_word(w)
            && !kb.words.connectors.contains(w)
            && suffix_type(kb, &lower_word(doc, i)).is_none()
            // ("Energy Minister Herman Halushchenko": a title is no word of the name)
            && !kb.is_title(&lower_word(doc, i))
    };
    let tail: [OnceCell<bool>; 3] = Default::default();
    let fits = |k: usize| {
        k > start
            && (k..end).all(|i| {
                // (k is at least end - 3 in every question below)
                *tail[end - 1 - i].get_or_init(|| may_be_name(i))
            })
    };
    let k = (end.checked_sub(3)?..end.saturating_sub(1)).find(|&k| fits(k))?;
    // ("Kotak Mahindra Capital and Morgan Stanley": a known firm is no person)
    let known = |k: usize| {
        kb.lookup(surface(doc, k, end)).iter().any(|s| {
            matches!(s, Sense::Name(r) if kb.entry(*r).ty.is_some_and(|t| t != EntityType::Person))
        })
    };
    let org_word = |i: usize| {
        let l = lower_word(doc, i);
        kb.words.org_suffixes.contains(&*l) || kb.words.org_prefixes.contains(&*l)
    };
    let by_suffix = kb.words.org_suffixes.contains(&*lower_word(doc, k - 1))
        && (kb.is_given_name(word(doc, k))
            || next_word(doc, end).is_some_and(|w| kb.words.person_verbs.contains(w)));
    let by_name = kb.is_given_name(word(doc, k))
        && (start..k).any(|i| org_word(i) && is_connector(doc, i + 1, kb));
    if by_suffix || by_name {
        return (!known(k)).then_some(k);
    }
    // "University of Texas Arlington Amneh Jafari heard …", and "Jafari" alone elsewhere
    let k = end - 2;
    (fits(k)
        && (start..k).any(|i| org_word(i) && word(doc, i + 1) == "of")
        && words.alone_elsewhere(doc, end - 1, start))
    .then_some(k)
}

/// An unknown name `[a, e)` (segment `k`) that makes one name with the known name right before
/// it: the joined name's start and type.
fn joined_with_known_before(
    doc: &Document,
    kb: &KnowledgeBase,
    segs: &[Seg],
    k: usize,
    a: usize,
    e: usize,
    shouting: bool,
) -> Option<(usize, EntityType)> {
    let (ka, r) = match k.checked_sub(1).map(|q| &segs[q]) {
        Some(&Seg::Known(ka, ke, Sense::Name(r))) if ke == a && !shouting => (ka, r),
        _ => return None,
    };
    let entry = kb.entry(r);
    let w = word(doc, a);
    let suffix = suffix_type(kb, &lower_word(doc, e - 1));
    // "Jordan Bardella", "Israel Katz": a place's one-word name that is a given name, before a
    // surname-like word (unknown, not an everyday word, not a plural like "Charlotte Hornets"),
    // is a person's
    if a == ka + 1
        && e == a + 1
        && (entry.has_tag("country") || entry.has_tag("city"))
        && kb.is_given_name(word(doc, ka))
        && suffix.is_none()
        && !w.ends_with('s')
        && !is_acronym(w)
        && !kb.is_common_word(w)
    {
        return Some((ka, EntityType::Person));
    }
    // "Apple Intelligence", "Microsoft Teams": a company's name and an unknown word after it
    // name its product, or a part of it by a suffix ("Sony Pictures"), as any organization's
    // does ("Johns Hopkins University Applied Physics Laboratory"); the organization is nested
    let part = entry.has_tag("company")
        || entry.ty == Some(EntityType::Org) && suffix == Some(EntityType::Org);
    (part && !kb.is_given_name(w) && kb.person_with_surname(w).is_none())
        .then(|| (ka, suffix.unwrap_or(EntityType::Misc)))
}

/// A byline names writers: names found side by side in one ("By Jordan Ellis" as a country and
/// an unknown word) are one person's; a beat before a writer's title is none ("By Tom Whitaker,
/// Football Correspondent").
fn writers_of_byline(doc: &Document, kb: &KnowledgeBase, out: &mut Vec<RawMention>, from: usize) {
    let beat = |m: &RawMention| {
        m.tokens.start > 0
            && word(doc, m.tokens.start - 1) == ","
            && m.tokens.end < doc.tokens.len()
            && kb.is_title_last_word(&lower_word(doc, m.tokens.end))
    };
    let mut byline = out.split_off(from);
    byline.retain(|m| !beat(m));
    out.append(&mut byline);
    let mut k = from;
    while k + 1 < out.len() {
        let (a, b) = (&out[k], &out[k + 1]);
        if a.tokens.end == b.tokens.start && a.tokens.len() + b.tokens.len() <= 4 {
            out[k] = RawMention::plain(doc, a.tokens.start, b.tokens.end, EntityType::Person);
            out.remove(k + 1);
        } else {
            k += 1;
        }
    }
}

/// What recognition asks about the article's words as a whole.
struct ArticleWords {
    /// The words asked about and their answers: an article asks about the same few names again
    /// and again ("Trump" at every clause start), nearly always to hear no.
    asked: RefCell<Vec<(Box<str>, bool)>>,
    /// How many words [`ArticleWords::written_lower`] has searched the article for.
    searches: Cell<usize>,
    /// The words written in lower case: gathered once searching would cost more (see
    /// [`ArticleWords::written_lower`]).
    lower: OnceCell<WordSet>,
    /// Where each capitalised word stands alone as a name (no capitalised word on either side),
    /// in text order; found on the first question, as few articles ask one.
    alone: OnceCell<FxHashMap<Box<str>, Vec<usize>>>,
}

/// How many words an article is searched for before its words are gathered instead: an article
/// asks about a dozen, and a search costs less than hashing every word, but a book-length text
/// asks thousands of questions, each of which would search all of it.
const SEARCHES: usize = 32;

impl ArticleWords {
    /// Whether `w` is written exactly so, in lower case, somewhere in the article: a use as a
    /// common noun.
    fn written_lower(&self, doc: &Document, w: &str) -> bool {
        if let Some(&(_, answer)) = self.asked.borrow().iter().find(|(a, _)| &**a == w) {
            return answer;
        }
        match self.search(doc, w) {
            // (only searched answers are kept: at most [`SEARCHES`], so asking stays cheap)
            Some(answer) => {
                self.asked.borrow_mut().push((w.into(), answer));
                answer
            }
            None => self.gathered(doc).contains(w),
        }
    }

    /// Whether the article writes `w` in lower case, found by a search while it has been
    /// searched for fewer than [`SEARCHES`] words; `None` once it has.
    fn search(&self, doc: &Document, w: &str) -> Option<bool> {
        if self.lower.get().is_some() || self.searches.get() >= SEARCHES {
            return None;
        }
        self.searches.set(self.searches.get() + 1);
        let bytes = doc.prose.as_bytes();
        let inside_word = |k: usize| bytes.get(k).is_some_and(u8::is_ascii_alphanumeric);
        let found = memchr::memmem::find_iter(bytes, w.as_bytes()).any(|at| {
            // (most hits lie inside longer words: the bytes around say so before the tokens)
            if at > 0 && inside_word(at - 1) || inside_word(at + w.len()) {
                return false;
            }
            token_spelled_at(doc, at, w.len()).is_some_and(lower_use)
        });
        Some(found)
    }

    /// The article's lower-case words, gathered on first asking.
    fn gathered(&self, doc: &Document) -> &WordSet {
        self.lower.get_or_init(|| {
            // sized up front: most words of an article are lower-case ones
            let mut lower = WordSet::with_capacity(doc.tokens.len());
            for t in doc.tokens.iter().filter(|t| lower_use(t)) {
                lower.insert(t.span.text(&doc.prose));
            }
            lower
        })
    }

    /// Is the word of token `w` written elsewhere in the article as a name by itself, outside
    /// the run starting at `start`?
    fn alone_elsewhere(&self, doc: &Document, w: usize, start: usize) -> bool {
        let alone = self.alone.get_or_init(|| {
            let capital_at = |k: usize| {
                doc.tokens
                    .get(k)
                    .is_some_and(|t| t.kind == TokenKind::Word && t.upper)
            };
            let mut alone: FxHashMap<Box<str>, Vec<usize>> = FxHashMap::default();
            for (k, t) in doc.tokens.iter().enumerate() {
                if t.upper
                    && !capital_at(k + 1)
                    && !(k > 0 && capital_at(k - 1) && !t.newline_before)
                {
                    alone
                        .entry(t.span.text(&doc.prose).into())
                        .or_default()
                        .push(k);
                }
            }
            alone
        });
        alone
            .get(word(doc, w))
            .is_some_and(|ks| ks.iter().any(|&k| k < start || k > w))
    }
}

/// A model code: capitals then digits in one word ("IE6", "PS4", "MH17"), a product or a flight
/// rather than an organization.
fn is_model_code(w: &str) -> bool {
    let caps = w.bytes().take_while(u8::is_ascii_uppercase).count();
    // or a hyphen between: "F-16", "MH-17", "B-52" (not a highway, "I-95", nor a group, "G-20")
    let hyphened = (1..=3).contains(&caps)
        && w[caps..]
            .strip_prefix('-')
            .is_some_and(|d| (2..=3).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()))
        && !matches!(&w[..caps], "I" | "G");
    hyphened
        || w.bytes().last().is_some_and(|b| b.is_ascii_digit())
            && caps >= 2
            && w.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// Is token `v`, right after the unknown name `m`, its version number ("Internet Explorer 6",
/// "Windows 10", "Firefox 3.5")? Not a match score ("Korea 1 – 0"), a count ("Cruz 34
/// delegates") or a year.
/// "iPad Pro": a product's mention among `out[from..]` and the mention of model words right
/// after it (`model_words` of `name-words.toml`) are one.
fn join_model_words(doc: &Document, kb: &KnowledgeBase, out: &mut Vec<RawMention>, from: usize) {
    let mut k = from;
    while k + 1 < out.len() {
        let (m, n) = (&out[k], &out[k + 1]);
        let models = n.tokens.start == m.tokens.end
            && n.tokens
                .clone()
                .all(|t| kb.words.model_words.contains(word(doc, t)));
        if m.product && models {
            let end = n.tokens.end;
            out.remove(k + 1);
            out[k].tokens.end = end;
            out[k].span = span_of(doc, out[k].tokens.start, end);
        } else {
            k += 1;
        }
    }
}

fn takes_version(doc: &Document, m: &RawMention, v: usize) -> bool {
    // (most names are known, titled or typed: no need to read the token; a known product
    // takes its version: "iPhone 16")
    let known = m.kb.is_some() && !m.product;
    if known || m.title.is_some() || m.ty.is_some_and(|ty| ty != EntityType::Misc) {
        return false;
    }
    let t = &doc.tokens[v];
    let w = word(doc, v);
    let number = (1..=4).contains(&w.len())
        && w.starts_with(|c: char| c.is_ascii_digit())
        && w.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && !w.ends_with('.');
    let next = doc.tokens.get(v + 1);
    let more = next.is_some_and(|n| {
        !n.newline_before
            && (n.kind == TokenKind::Dash
                || matches!(word(doc, v + 1), "-" | "\u{2013}" | "%")
                || word(doc, v + 1).starts_with(|c: char| c.is_ascii_digit())
                || counts_units(word(doc, v + 1)))
    });
    number
        // a bill or a resolution is numbered in full: "Senate Bill 608", "Resolution 2334"
        && (w.len() < 3 || w.contains('.') || m.ty == Some(EntityType::Misc) && !m.product)
        && !t.newline_before
        && !more
        && !known
        && m.title.is_none()
        // "Channel 4", "Highway 1" are an organization and a place
        && m.ty.is_none_or(|ty| ty == EntityType::Misc)
}

/// A word after a number that makes it a count or a poll figure, not a version: "Cruz 34
/// delegates", "Carrier 24 years", "Trump 46 to 40 percent".
fn counts_units(w: &str) -> bool {
    matches!(w, "to" | "of" | "per" | "percent" | "point")
        || w.len() > 3 && w.ends_with('s') && w.starts_with(char::is_lowercase)
}

/// Tokens `[from, to)` are name particles that may join two unknown words ("of", "of the", "bin").
fn joins_by_particles(doc: &Document, kb: &KnowledgeBase, from: usize, to: usize) -> bool {
    let ws: Vec<&str> = (from..to).map(|k| word(doc, k)).collect();
    match ws.as_slice() {
        [w] => kb.words.name_particles.contains(*w),
        // "Ana Lucía de la Cruz", "Ursula von der Leyen", "Rafael van der Vaart"
        ["of", "the"] | ["de" | "da", "la" | "los" | "las"] | ["van" | "von", "der" | "den"] => {
            true
        }
        _ => false,
    }
}

/// A given name and one or two surnames, all capitalised ("Ryan MacDonald"): a person's name,
/// which takes no "of the" after it ("Ryan MacDonald of the University of Michigan").
fn is_full_name(doc: &Document, kb: &KnowledgeBase, a: usize, e: usize) -> bool {
    (2..=3).contains(&(e - a))
        && kb.is_given_name(word(doc, a))
        && (a..e).all(|k| is_capitalized(word(doc, k)))
        // ("Maxwell School of Syracuse University")
        && (a + 1..e).all(|k| {
            let l = lower_word(doc, k);
            suffix_type(kb, &l).is_none() && !kb.words.org_prefixes.contains(&*l)
        })
}

pub(super) fn span_of(doc: &Document, from: usize, to: usize) -> Span {
    Span::new(doc.tokens[from].span.start, doc.tokens[to - 1].span.end)
}

fn title_span(doc: &Document, titles: &[Seg], name_start: usize) -> Option<Span> {
    let first = match titles.first()? {
        Seg::Title(a, _) | Seg::Known(a, ..) | Seg::Name(a, _) => *a,
    };
    Some(span_of(doc, first, name_start))
}

/// A lower-case title right before a name ("foreign minister Hossein …"), extended over a
/// capitalised word right before it ("Iranian foreign minister").
fn lower_title_before(doc: &Document, kb: &KnowledgeBase, name_start: usize) -> Option<Span> {
    // most names have no title before them: one lookup of the word before says so; a title
    // stands on the name's line
    let prev = name_start.checked_sub(1)?;
    if doc.tokens[name_start].newline_before
        || doc.tokens[prev].kind != TokenKind::Word
        || !kb.is_title_last_word(word(doc, prev))
    {
        return None;
    }
    let max = kb.max_title_words.min(name_start);
    let start = (1..=max).rev().map(|n| name_start - n).find(|&a| {
        (a..name_start)
            .all(|i| doc.tokens[i].kind == TokenKind::Word && !doc.tokens[i].newline_before)
            && kb.is_title(&lower_surface(doc, a, name_start))
    })?;
    let mut from = start;
    if from > 0
        && doc.tokens[from - 1].kind == TokenKind::Word
        && is_capitalized(word(doc, from - 1))
    {
        from -= 1;
    }
    Some(span_of(doc, from, name_start))
}

/// Is the name ending before token `e` placed in a known region or country: "Irving, Texas,",
/// "Livorno, Tuscany." (a place then a comma and its state, and the clause goes on)?
fn in_region(doc: &Document, kb: &KnowledgeBase, e: usize) -> bool {
    if word(doc, e) != "," || e + 1 >= doc.tokens.len() || doc.tokens[e + 1].newline_before {
        return false;
    }
    let Some((end, Sense::Name(r))) = kb_at(doc, kb, e + 1, doc.tokens.len().min(e + 5)) else {
        return false;
    };
    let entry = kb.entry(r);
    entry.ty == Some(EntityType::Place)
        && (entry.has_tag("region") || entry.has_tag("country"))
        && doc
            .tokens
            .get(end)
            .is_none_or(|t| t.kind == TokenKind::Punct && word(doc, end) != "'s")
}

/// Tokens `[a, e)` as a given name and a surname ("Amelia Lake"): after a title they name a
/// person, whatever the last word.
fn given_name_and_surname(doc: &Document, kb: &KnowledgeBase, a: usize, e: usize) -> bool {
    (2..=3).contains(&(e - a)) && kb.is_given_name(word(doc, a))
}

/// The end of the words of a quoted title opening at token `open`, and its closing quotation
/// mark: two to eight words in Title Case (small words aside), nothing else, no known name alone
/// ("“Thriller”" is one word, "“No,” he said" is speech).
fn quoted_title(
    doc: &Document,
    kb: &KnowledgeBase,
    open: usize,
    end: usize,
) -> Option<(usize, usize)> {
    let mut close =
        (open + 1..end.min(open + 10)).find(|&k| doc.tokens[k].kind != TokenKind::Word)?;
    // a sequel's number ends it: “Inside Out 2”
    let last_word = close;
    if close > open + 1
        && doc.tokens[close].kind == TokenKind::Number
        && doc.tokens.get(close + 1).map(|t| t.kind) == Some(TokenKind::CloseQuote)
    {
        close += 1;
    }
    // (“Thriller,” “Bad”: American commas go inside the marks)
    let comma = matches!(word(doc, close), "," | ".")
        && doc.tokens.get(close + 1).map(|t| t.kind) == Some(TokenKind::CloseQuote);
    if doc.tokens[close].kind != TokenKind::CloseQuote && !comma {
        return None;
    }
    let words = open + 1..last_word;
    let title_case = close - open > 2
        && doc.tokens[open + 1].upper
        && doc.tokens[last_word - 1].upper
        && words
            .clone()
            .all(|k| doc.tokens[k].upper || kb.words.title_case_small_words.contains(word(doc, k)));
    let one_name = || kb_at(doc, kb, open + 1, close).is_some_and(|(e, _)| e == close);
    // (a person's name in quotation marks is still a person's: “Mr. Trump”, “Ralph Nader”)
    let person = || {
        title_at(doc, kb, open + 1, close).is_some()
            || words.len() <= 3
                && kb.is_given_name(word(doc, open + 1))
                && words.clone().all(|k| doc.tokens[k].upper)
    };
    (title_case && !one_name() && !person()).then_some((close, close + usize::from(comma)))
}

/// The closing mark of a quotation opening at token `open` of three words or more in capitals
/// ("“BIG WIN FOR OUR CONSTITUTION AND DEMOCRACY”"): a slogan, no title.
fn shouted_quote(doc: &Document, open: usize, end: usize) -> Option<usize> {
    let close = (open + 1..end.min(open + 16)).find(|&k| {
        matches!(
            doc.tokens[k].kind,
            TokenKind::CloseQuote | TokenKind::OpenQuote
        )
    })?;
    (doc.tokens[close].kind == TokenKind::CloseQuote && is_all_caps_sentence(doc, open + 1..close))
        .then_some(close)
}

/// Whether `w` is the plural of a known person's surname: a family ("Clintons", "Bushes").
fn family_of(kb: &KnowledgeBase, w: &str) -> bool {
    let stem = |suffix: &str| w.strip_suffix(suffix).filter(|s| s.len() >= 3);
    [stem("s"), stem("es")]
        .into_iter()
        .flatten()
        .any(|s| kb.person_with_surname(s).is_some())
}

/// Whether a person's role in lower case stands in apposition after the name ending at `e`:
/// ", a political scientist at …", ", the mission's project manager,".
fn role_after(doc: &Document, kb: &KnowledgeBase, e: usize) -> bool {
    if next_word(doc, e) != Some(",") {
        return false;
    }
    let mut k = e + 1;
    if next_word(doc, k).is_some_and(|w| matches!(w, "a" | "an" | "the")) {
        k += 1;
    }
    let lower = |i: usize| {
        doc.tokens
            .get(i)
            .filter(|t| t.kind == TokenKind::Word && !t.upper)
    };
    (k..k + 4)
        .take_while(|&i| {
            lower(i).is_some()
                || doc
                    .tokens
                    .get(i)
                    .is_some_and(|t| t.kind == TokenKind::Possessive)
        })
        .any(|i| {
            lower(i).is_some()
                && kb.is_title_last_word(&lower_word(doc, i))
                && next_word(doc, i + 1).is_none_or(|w| {
                    matches!(w, "," | "." | "at" | "of" | "for" | "with" | "in" | "and")
                })
        })
}

/// The type the suffix word of the name `a..e` gives it ([`suffix_word`], [`suffix_type`]), but
/// for a given name alone ("and Bill survived", "husband Bill": no bill).
fn name_suffix_type(doc: &Document, kb: &KnowledgeBase, a: usize, e: usize) -> Option<EntityType> {
    if e - a == 1 && kb.is_given_name(word(doc, a)) {
        return None;
    }
    let ty = suffix_type(kb, &suffix_word(doc, a, e))?;
    // "Riverside Unified School District": a body, though a district alone is a place (asked
    // only of the few names with a suffix)
    if e - a >= 2
        && kb
            .words
            .org_suffix_pairs
            .contains(&lower_surface(doc, e - 2, e))
    {
        return Some(EntityType::Org);
    }
    Some(ty)
}

fn suffix_type(kb: &KnowledgeBase, last_lower: &str) -> Option<EntityType> {
    if kb.words.org_suffixes.contains(last_lower) {
        Some(EntityType::Org)
    } else if kb.words.misc_suffixes.contains(last_lower) {
        Some(EntityType::Misc)
    } else if kb.words.place_suffixes.contains(last_lower) {
        Some(EntityType::Place)
    } else {
        None
    }
}

/// "Millbrook": a capital and then lower-case letters only.
fn is_title_case_word(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.as_str().len() >= 2
        && chars.all(char::is_lowercase)
}

fn next_word(doc: &Document, i: usize) -> Option<&str> {
    doc.tokens.get(i).map(|t| t.span.text(&doc.prose))
}

/// A given name and a surname ending in a place's word is a person's with a title ("Premier
/// Tim Houston") or when it speaks as a person does ("Kevin Hall, who led that trial, said").
fn person_despite_place_word(
    doc: &Document,
    kb: &KnowledgeBase,
    a: usize,
    e: usize,
    titled: bool,
) -> bool {
    given_name_and_surname(doc, kb, a, e)
        && (titled || e == a + 2 && speaks_as_a_person(doc, kb, a, e))
}

/// "Raisi said", "Smith, who", "Smith, 62,", "…,” said Chip Carter.": the name at `a..e` is
/// a person's by what is said around it.
fn speaks_as_a_person(doc: &Document, kb: &KnowledgeBase, a: usize, e: usize) -> bool {
    let after = next_word(doc, e);
    let after2 = next_word(doc, e + 1);
    let inverted = || {
        a > 0
            // (not "told": "he told WKOW-TV" names the one told)
            && matches!(word(doc, a - 1), "said" | "says" | "added" | "wrote")
            && after.is_none_or(|w| matches!(w, "," | "." | ";"))
    };
    // (only for full names: a lone word that "said" something is as often an organization; and
    // not after "at", "for": "analysts at Standard Chartered said")
    let object = || a > 0 && kb.words.object_prepositions.contains(word(doc, a - 1));
    after.is_some_and(|w| kb.words.person_verbs.contains(w)) && !object()
        || (after == Some(",")
            && after2.is_some_and(|w| w == "who" || w.chars().all(|c| c.is_ascii_digit())))
        || inverted()
}

/// `suffix` is [`name_suffix_type`] of the name, which the caller has often asked already.
fn guess_type(
    doc: &Document,
    kb: &KnowledgeBase,
    (a, e): (usize, usize),
    suffix: Option<EntityType>,
    titled: bool,
    acronym: bool,
) -> Option<EntityType> {
    let first = word(doc, a);
    // (asked in several of the tests below, of one word: looked up once)
    let given_name = OnceCell::new();
    let is_given_name = || *given_name.get_or_init(|| kb.is_given_name(first));
    if let Some(ty) = suffix {
        // (see `titled_person` in `segment_run`)
        let person = ty == EntityType::Place && person_despite_place_word(doc, kb, a, e, titled);
        return Some(if person { EntityType::Person } else { ty });
    }
    // "Barnes & Noble", "Roots & Shoots": names joined by an ampersand are a firm's
    if (a + 1..e - 1).any(|k| word(doc, k) == "&") {
        return Some(EntityType::Org);
    }
    // "the ruling Morena party", "the Zamzam camp" (not "the Trump movement", "the Haley
    // camp": a person's name stays one)
    let head = next_word(doc, e).filter(|_| kb.person_with_surname(word(doc, e - 1)).is_none());
    if head.is_some_and(|w| kb.words.org_heads.contains(w)) {
        return Some(EntityType::Org);
    }
    if head.is_some_and(|w| kb.words.place_heads.contains(w)) {
        return Some(EntityType::Place);
    }
    if next_word(doc, e).is_some_and(|w| kb.words.misc_heads.contains(w))
        || e - a >= 2 && kb.words.misc_prefixes.contains_lowercased(first)
    {
        return Some(EntityType::Misc);
    }
    // "Banco Atlântico", "Bank Leumi": a name opening with an organization's noun
    if e - a >= 2 && !titled && kb.words.org_prefixes.contains_lowercased(first) {
        return Some(EntityType::Org);
    }
    // "the trading firm, Blackwater Quant,", "her restaurant, Quán Lan,": an organization named
    // in apposition to its noun (but "the owner of the store, Sam Patel,": a person in
    // apposition to the noun the noun belongs to)
    let owner_of = || {
        (a.saturating_sub(4)..a - 2).any(|k| word(doc, k) == "of")
            && given_name_and_surname(doc, kb, a, e)
    };
    if !titled
        && a >= 2
        && word(doc, a - 1) == ","
        && ORG_NOUNS.contains(&word(doc, a - 2))
        && next_word(doc, e).is_none_or(|w| matches!(w, "," | "." | ")" | ";"))
        && !owner_of()
    {
        return Some(EntityType::Org);
    }
    // a name opening with a nationality is an organization's: "Swiss Federal Railways"
    if e - a >= 2
        && kb
            .lookup(first)
            .iter()
            .any(|s| matches!(s, Sense::Demonym(_)))
    {
        return Some(EntityType::Org);
    }
    // a dateline: "MILLBROOK, Ore. —", "LAUREL —" at the start of a line
    let line_start = a == 0 || doc.tokens[a].newline_before;
    let shouted = (a..e).all(|k| !word(doc, k).chars().any(char::is_lowercase));
    // (with its region, "CAMDEN, N.J. —", even a short one that could be an acronym is a place)
    let dash_soon = || {
        (e + 1..(e + 6).min(doc.tokens.len()))
            .take_while(|&k| !doc.tokens[k].newline_before)
            .any(|k| doc.tokens[k].kind == TokenKind::Dash)
    };
    if line_start
        && shouted
        && doc.tokens.get(e).is_some_and(|t| {
            !acronym && (t.kind == TokenKind::Dash || word(doc, e) == ",")
                || word(doc, e) == "," && dash_soon()
        })
    {
        return Some(EntityType::Place);
    }
    // "Windows XP", "PlayStation VR": a model code ends a product's name, never a person's (a
    // shouted line has no model codes: "SAN JOSE")
    let last = word(doc, e - 1);
    if !titled
        && !shouted
        && e - a >= 2
        && (2..=4).contains(&last.len())
        && last.bytes().all(|b| b.is_ascii_uppercase())
        && !is_roman_numeral(last)
    {
        return Some(EntityType::Misc);
    }
    // "the suburb of Patima Halandriou", "the town of Varnavas": a name after a place's noun
    if !titled
        && a >= 2
        && word(doc, a - 1) == "of"
        && kb.words.place_suffixes.contains(&*lower_word(doc, a - 2))
    {
        return Some(EntityType::Place);
    }
    // "the MP for Clacton", "the member for York Central": a seat
    if !titled
        && a >= 2
        && word(doc, a - 1) == "for"
        && kb
            .words
            .constituency_titles
            .contains_lowercased(word(doc, a - 2))
    {
        return Some(EntityType::Place);
    }
    if titled || e - a >= 2 && is_given_name() {
        return Some(EntityType::Person);
    }
    // "a boy in Bondy,", "a stall in Hội An.": a name after "in" ending the phrase is a place's
    // (not a common word: "in Nature"; not a modifier: "in Scientology jargon", "in Scott's
    // district")
    if a > 0
        && matches!(word(doc, a - 1), "in" | "near" | "outside")
        && doc.tokens.get(e).is_none_or(|t| {
            t.kind == TokenKind::Dash || t.kind == TokenKind::Punct && word(doc, e) != "&"
        })
        && !(a..e).any(|k| kb.is_common_word(word(doc, k)))
    {
        return Some(EntityType::Place);
    }
    // "the Monti government", "the Obama administration": a leader's surname
    if e - a == 1
        && next_word(doc, e).is_some_and(|w| {
            matches!(
                w,
                "government" | "administration" | "cabinet" | "presidency" | "campaign"
            )
        })
    {
        return Some(EntityType::Person);
    }
    if acronym {
        return Some(EntityType::Org);
    }
    if e - a >= 2 && kb.words.place_prefixes.contains(&*lower_word(doc, a)) || in_region(doc, kb, e)
    {
        return Some(EntityType::Place);
    }
    // "said Koichi Nakano, a political scientist at Sophia University": a role in apposition
    // makes a person of a name that would be a firm's
    if e - a == 2 && role_after(doc, kb, e) {
        return Some(EntityType::Person);
    }
    // a name ending in a known place that is no person's nor a compass-named place is a club or a firm: "Bayern Munich"
    if e - a >= 2
        && kb.lookup(word(doc, e - 1)).iter().any(
            |s| matches!(s, Sense::Name(r) if kb.entry(*r).ty == Some(EntityType::Place) && !kb.entry(*r).has_tag("country")),
        )
    {
        return Some(EntityType::Org);
    }
    if e - a >= 2 && speaks_as_a_person(doc, kb, a, e) {
        return Some(EntityType::Person);
    }
    if doc
        .tokens
        .get(e)
        .is_some_and(|t: &Token| t.kind == TokenKind::Possessive)
        && e - a >= 2
        && is_given_name()
    {
        return Some(EntityType::Person);
    }
    // "Arizonans", "Oklahomans": the people of a known place (in the plural: "Burman" is a name)
    if e - a == 1 && first.ends_with("ns") {
        let stem = &first[..first.len() - 2];
        let place =
            |s: &Sense| matches!(s, Sense::Name(r) if kb.entry(*r).ty == Some(EntityType::Place));
        if stem.len() >= 4 && kb.lookup(stem).iter().any(place) {
            return Some(EntityType::Norp);
        }
    }
    // "Macron", "Putin": a known person's surname; "the Clintons", "the Bushes": their
    // family; "Bob": a given name alone
    let number = |k: usize| {
        doc.tokens
            .get(k)
            .is_some_and(|t| t.kind == TokenKind::Number)
    };
    // (not a club named like a person, before its score: "beat Chelsea 2-1"; not a model after
    // its number: "the 737 Max")
    let model = a > 0
        && number(a - 1)
        && doc.tokens[a - 1].span.len() >= 3
        && !doc.tokens[a].newline_before;
    let given = is_given_name() && !kb.is_common_word(first);
    if e - a == 1
        && (kb.person_with_surname(first).is_some()
            || family_of(kb, first)
            || given && !number(e) && !model)
    {
        return Some(EntityType::Person);
    }
    // "Gabonese officials", "Tajik forces": an adjective of nationality before a lower-case noun
    let next_lower =
        next_word(doc, e).is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase));
    if e - a == 1
        && (next_lower || first.ends_with('s'))
        && !is_given_name()
        && kb
            .words
            .norp_endings
            .iter()
            .any(|s| first.len() > s.len() + 2 && first.ends_with(s.as_str()))
    {
        return Some(EntityType::Norp);
    }
    // "tenants in Millbrook have", "the mayor of Kellerton", "the march toward Dunmore": one
    // unknown Title Case word after "in", "of" or "toward" is a town (not a given name, not a
    // common word, not a creed or a field: "members of Scientology"; not a
    // possessive's owner or the start of a longer name: "of Digimon's heroes", "of Movimento 5
    // Stelle")
    if e - a == 1
        && a > 0
        && matches!(word(doc, a - 1), "in" | "of" | "toward" | "towards")
        && is_title_case_word(first)
        && !["ology", "ism", "ics"].iter().any(|s| first.ends_with(s))
        && !is_given_name()
        && !kb.is_common_word(first)
        && doc.tokens.get(e).is_none_or(|t| {
            !matches!(t.kind, TokenKind::Possessive | TokenKind::Number)
                && !is_capitalized(word(doc, e))
        })
    {
        return Some(EntityType::Place);
    }
    None
}

#[cfg(test)]
pub(super) mod tests {
    use crate::text::DocKind;
    use crate::{analyze, Config};

    fn mentions(text: &str) -> Vec<&str> {
        let a = analyze(text, DocKind::Plain, &Config::default());
        a.mentions.iter().map(|m| &text[m.span.range()]).collect()
    }

    /// Each mention's text with its entity's type.
    pub(in crate::entities) fn typed(text: &str) -> Vec<(&str, &'static str)> {
        let a = analyze(text, DocKind::Plain, &Config::default());
        a.mentions
            .iter()
            .map(|m| (&text[m.span.range()], a.entities[m.entity].ty.label()))
            .collect()
    }

    #[test]
    fn a_trophy_is_an_event_s_and_german_parties_are_known_by_their_plural() {
        assert_eq!(
            typed(
                "The Border-Gavaskar Trophy moves to Adelaide. His Christian Democrats \
                 (CDU) and the Social Democrats lead."
            ),
            [
                ("Border-Gavaskar Trophy", "MISC"),
                ("Adelaide", "PLACE"),
                ("Christian Democrats", "ORG"),
                ("CDU", "ORG"),
                ("Social Democrats", "ORG")
            ]
        );
    }

    #[test]
    fn sequels_are_titles_and_shouted_slogans_are_not() {
        assert_eq!(
            typed(
                "“Inside Out 2” crossed $1 billion. Trump called it a “BIG WIN FOR OUR \
                 CONSTITUTION AND DEMOCRACY.” Justices Elena Kagan and Ketanji Brown Jackson \
                 dissented. A quake could strike along the Nankai Trough."
            ),
            [
                ("Inside Out 2", "MISC"),
                ("Trump", "PERSON"),
                ("Elena Kagan", "PERSON"),
                ("Ketanji Brown Jackson", "PERSON"),
                ("Nankai Trough", "PLACE")
            ]
        );
    }

    #[test]
    fn an_alliance_of_states_is_an_organization_and_a_deputy_governor_a_title() {
        assert_eq!(
            typed(
                "The Alliance of Small Island States said it failed. Deputy Governor Jonathan \
                 Heath dissented."
            ),
            [
                ("Alliance of Small Island States", "ORG"),
                ("Jonathan Heath", "PERSON")
            ]
        );
    }

    #[test]
    fn a_bare_word_and_an_organization_s_name_are_one_organization() {
        assert_eq!(
            typed(
                "The Securities and Exchange Board of India is investigating. He met House and \
                 Senate Republicans."
            ),
            [
                ("Securities and Exchange Board of India", "ORG"),
                ("House", "ORG"),
                ("Senate", "ORG"),
                ("Republicans", "NORP")
            ]
        );
    }

    #[test]
    fn products_in_camel_case_with_models_and_codes_and_people_after_said() {
        assert_eq!(
            typed(
                "Apple unveiled the iPhone 16 and the iPad Pro. Samsung sells the Galaxy S24. \
                 Sales grew, according to market researcher IDC. “He was a hero,” said Chip \
                 Carter. He built homes with Habitat for Humanity."
            ),
            [
                ("Apple", "ORG"),
                ("iPhone 16", "MISC"),
                ("iPad Pro", "MISC"),
                ("Samsung", "ORG"),
                ("Galaxy S24", "MISC"),
                ("IDC", "ORG"),
                ("Chip Carter", "PERSON"),
                ("Habitat for Humanity", "ORG")
            ]
        );
    }

    #[test]
    fn fires_are_events_and_rating_agencies_organizations() {
        assert_eq!(
            typed(
                "The Palisades Fire has burned 20,000 acres, officials said at 9:15 a.m. PT. \
                 Olu Sonola works at Sonola Ratings."
            ),
            [
                ("Palisades Fire", "MISC"),
                ("Olu Sonola", "PERSON"),
                ("Sonola Ratings", "ORG")
            ]
        );
    }

    #[test]
    fn a_place_s_word_after_a_known_place_names_another_place() {
        assert_eq!(
            typed("Officials met. Los Angeles County Sheriff Robert Luna flew to Atlantic City."),
            [
                ("Los Angeles County", "PLACE"),
                ("Robert Luna", "PERSON"),
                ("Atlantic City", "PLACE")
            ]
        );
    }

    #[test]
    fn a_title_after_an_organization_s_word_is_no_word_of_the_name() {
        assert_eq!(
            typed("Officials met. Energy Minister Herman Halushchenko wrote so."),
            [("Herman Halushchenko", "PERSON")]
        );
    }

    #[test]
    fn a_person_in_apposition_to_the_owner_of_a_store_is_no_store() {
        assert_eq!(
            typed("The owner of the store, Sam Patel, said so. The firm, Blackwater Quant, did."),
            [("Sam Patel", "PERSON"), ("Blackwater Quant", "ORG")]
        );
    }

    #[test]
    fn a_known_name_that_is_a_given_name_starts_a_person_s_name_before_a_surname() {
        assert_eq!(
            typed(
                "“It went as planned,” said Jordan Evans. Arsenal want Christian Nørgaard. \
                 The Denver Broncos won."
            ),
            [
                ("Jordan Evans", "PERSON"),
                ("Arsenal", "ORG"),
                ("Christian Nørgaard", "PERSON"),
                ("Denver", "PLACE"),
                ("Broncos", "ORG"),
            ]
        );
    }

    #[test]
    fn a_place_noun_after_an_unknown_name_makes_it_a_place() {
        assert_eq!(
            typed(
                "He died in the Bel Air neighborhood. Shells hit the Zamzam camp. He spoke \
                 outside the Hôtel de Matignon."
            ),
            [
                ("Bel Air", "PLACE"),
                ("Zamzam", "PLACE"),
                ("Hôtel de Matignon", "PLACE")
            ]
        );
    }

    #[test]
    fn a_known_organization_ending_a_run_types_it_and_unions_are_organizations() {
        assert_eq!(
            typed("The U.N. World Food Programme and the United Steelworkers objected."),
            [
                ("U.N. World Food Programme", "ORG"),
                ("United Steelworkers", "ORG")
            ]
        );
    }

    #[test]
    fn a_one_word_title_before_an_organization_s_word_is_part_of_the_name() {
        assert_eq!(
            typed(
                "China’s exports grew, the General Administration of Customs said. General \
                 Electric says it paid taxes. Hurricane Milton hit the coast, and the hurricane \
                 weakened."
            ),
            [
                ("China", "PLACE"),
                ("General Administration of Customs", "ORG"),
                ("General Electric", "ORG"),
                ("Hurricane Milton", "MISC"),
            ]
        );
    }

    #[test]
    fn a_role_in_apposition_makes_a_person_of_a_name_ending_in_a_place() {
        assert_eq!(
            typed(
                "“It is a protest vote,” said Koichi Nakano, a political scientist at Sophia \
                 University. Bayern Munich, the German champions, won."
            ),
            [
                ("Koichi Nakano", "PERSON"),
                ("Sophia University", "ORG"),
                ("Bayern Munich", "ORG"),
                ("German", "NORP"),
            ]
        );
    }

    #[test]
    fn a_title_in_quotation_marks_is_a_work_s_name() {
        assert_eq!(
            typed(
                "Jackson made “Off the Wall,” and Quincy Jones produced “The Color Purple.” He \
                 told “Midday with Charlie Sykes” that “Ralph Nader” gave to the “Defeat \
                 Crooked Hillary PAC.” “No way,” he said."
            ),
            [
                ("Jackson", "PERSON"),
                ("Off the Wall", "MISC"),
                ("Quincy Jones", "PERSON"),
                ("The Color Purple", "MISC"),
                ("Midday with Charlie Sykes", "MISC"),
                ("Ralph Nader", "PERSON"),
                ("Defeat Crooked Hillary PAC", "ORG"),
            ]
        );
    }

    #[test]
    fn a_number_is_no_name_alone_but_the_name_it_ends_is_taken_back() {
        assert_eq!(
            typed(
                "The Formula One Grand Prix was canceled on Sunday. \
                 Formula One said the decision was final."
            ),
            [("Formula One Grand Prix", "ORG"), ("Formula One", "ORG")]
        );
        assert!(mentions(
            "Just the opposite. Number Two, in terms of cost: it was high. \
             Retirement accounts Two years ago were empty."
        )
        .is_empty());
    }

    #[test]
    fn a_short_month_and_its_day_are_a_date() {
        assert_eq!(
            typed("SAN FRANCISCO, Nov 19 (Reuters) - She spoke on Sept 3 with Jan Egeland."),
            [
                ("SAN FRANCISCO", "PLACE"),
                ("Reuters", "ORG"),
                ("Jan Egeland", "PERSON")
            ]
        );
    }

    #[test]
    fn a_state_s_people_are_a_group_and_a_stream_is_a_place() {
        assert_eq!(
            typed("Texans and Ohioans flew to Gombe Stream."),
            [
                ("Texans", "NORP"),
                ("Ohioans", "NORP"),
                ("Gombe Stream", "PLACE")
            ]
        );
    }

    #[test]
    fn a_name_opening_with_an_organization_s_noun_is_one() {
        assert_eq!(
            typed("Mariana Oliveira, chief economist at Banco Atlântico, spoke at 9:42 a.m. JST."),
            [("Mariana Oliveira", "PERSON"), ("Banco Atlântico", "ORG")]
        );
    }

    #[test]
    fn a_court_case_is_one_name_without_the_word_opening_the_sentence() {
        assert_eq!(
            typed("In Roe v. Wade, the court ruled."),
            [("Roe v. Wade", "MISC")]
        );
    }

    #[test]
    fn a_known_firm_after_an_organization_and_and_is_no_person() {
        // ("Morgan Stanley" was a person: a given name after an organization's word)
        assert_eq!(
            typed("Kotak Mahindra Capital and Morgan Stanley are working on the deal."),
            [("Kotak Mahindra Capital", "ORG"), ("Morgan Stanley", "ORG")]
        );
    }

    #[test]
    fn a_known_outlet_opening_a_sentence_keeps_its_first_word() {
        // ("Stone" was the organization: "Rolling" is a common word)
        assert_eq!(
            typed("Critics were divided. Rolling Stone called the album a triumph."),
            [("Rolling Stone", "ORG")]
        );
    }

    #[test]
    fn a_district_s_body_a_market_and_a_palace() {
        assert_eq!(
            typed(
                "The Riverside Unified School District voted. Traders at Makola Market said \
                 prices rose, and protesters reached the Casa de Nariño."
            ),
            [
                ("Riverside Unified School District", "ORG"),
                ("Makola Market", "PLACE"),
                ("Casa de Nariño", "PLACE")
            ]
        );
    }

    #[test]
    fn a_common_word_after_a_dropped_one_is_no_name_by_itself() {
        // ("Tech" and "Latest" were organizations)
        assert!(
            mentions("“Big Tech has had its way,” he said. The Latest on the vote.").is_empty()
        );
    }

    #[test]
    fn common_words_before_a_minister_are_the_portfolio() {
        assert_eq!(
            typed(
                "Former Economic Security Minister Sanae Takaichi spoke. Tesla CEO Elon Musk \
                 agreed."
            ),
            [
                ("Sanae Takaichi", "PERSON"),
                ("Tesla", "ORG"),
                ("Elon Musk", "PERSON")
            ]
        );
    }

    #[test]
    fn a_title_before_an_organization_s_word_is_in_its_name() {
        // ("General" was a title and "Confederation" a person)
        assert_eq!(
            typed("The General Confederation of Labour (CGT) called a strike."),
            [("General Confederation of Labour", "ORG"), ("CGT", "ORG")]
        );
    }

    #[test]
    fn a_campus_or_a_chapel_title_is_no_part_of_the_name() {
        assert_eq!(
            mentions("Provost Ann Lee and Chaplain Mark Ruiz spoke to the board president."),
            ["Ann Lee", "Mark Ruiz"]
        );
    }

    #[test]
    fn a_surname_keeps_its_two_particles() {
        assert_eq!(
            typed(
                "“I have six employees,” said Ana Lucía de la Cruz. Ursula von der Leyen agreed."
            ),
            [
                ("Ana Lucía de la Cruz", "PERSON"),
                ("Ursula von der Leyen", "PERSON")
            ]
        );
    }

    #[test]
    fn an_acronym_s_plural_is_a_common_noun() {
        assert_eq!(
            typed("Cloud GPUs are sold out, CEOs and NGOs said, and the Navy SEALs agreed."),
            [("Navy SEALs", "ORG")]
        );
    }

    #[test]
    fn a_name_after_at_or_from_is_no_person_for_the_verb_after_it() {
        assert_eq!(
            typed("Analysts at Standard Chartered said the measures could add to inflation."),
            [("Standard Chartered", "ORG")]
        );
        assert_eq!(
            typed("Officials from Global Witness said the report was accurate."),
            [("Global Witness", "ORG")]
        );
        assert_eq!(
            typed("Then John Keller said the plant would close."),
            [("John Keller", "PERSON")]
        );
    }

    #[test]
    fn a_family_and_a_given_name_alone_are_people() {
        assert_eq!(
            typed(
                "The Clintons visited. Carson invited both Bob and me to his house. The \
                 country prospered, and Bill survived. Coral reefs died as the coral bleached. The \
                 737 Max crashed."
            ),
            [
                ("Clintons", "PERSON"),
                ("Carson", "PERSON"),
                ("Bob", "PERSON"),
                ("Bill", "PERSON"),
                ("Max", "ORG")
            ]
        );
    }

    #[test]
    fn a_time_zone_is_no_name() {
        assert_eq!(
            typed("Published 6:05 p.m. ET June 12, 2025, by Jenna Morales."),
            [("Jenna Morales", "PERSON")]
        );
    }

    #[test]
    fn a_title_before_a_lone_suffix_word_and_trust_and_sport_end_names() {
        assert_eq!(
            typed("They top the Premier League. The Wellcome Trust paid, BBC Sport said."),
            [
                ("Premier League", "ORG"),
                ("Wellcome Trust", "ORG"),
                ("BBC Sport", "ORG")
            ]
        );
        assert_eq!(
            mentions("By Sam Wallace, Chief Sports Writer\n\nSalah scored."),
            ["Sam Wallace", "Salah"]
        );
    }

    #[test]
    fn a_suffix_word_alone_opening_a_sentence_is_a_common_noun_unless_named_so() {
        assert_eq!(
            typed("Union leader Joe Ajaero said no. Council officials agreed."),
            [("Joe Ajaero", "PERSON")]
        );
        assert_eq!(
            mentions("Court officials agreed. The ruling of the Court stands."),
            ["Court", "Court"]
        );
    }

    #[test]
    fn letters_after_a_name_are_none_of_it_and_an_mp_s_seat_is_a_place() {
        assert_eq!(
            typed("Michael Tovey SC defended him. Jane Doe MP, the MP for Clacton, spoke."),
            [
                ("Michael Tovey", "PERSON"),
                ("Jane Doe", "PERSON"),
                ("Clacton", "PLACE")
            ]
        );
    }

    #[test]
    fn a_firm_named_after_its_founder_is_an_organization() {
        // (all three were people)
        assert_eq!(
            typed(
                "A contract with Peters Construction, a study by Walker Consultants, a paper \
                   owned by Lee Enterprises."
            ),
            [
                ("Peters Construction", "ORG"),
                ("Walker Consultants", "ORG"),
                ("Lee Enterprises", "ORG")
            ]
        );
    }

    #[test]
    fn sport_and_newsroom_words_and_a_surname_that_names_places() {
        // ("Substitute" was part of the name, "Football" an organization, "The Dutchman" an
        // organization, "Kevin Hall" a place)
        assert_eq!(
            typed(
                "By Tom Whitaker, Football Correspondent\n\nSubstitute Darwin Núñez scored. \
                 The Dutchman was pleased. Kevin Hall, who led the trial, said so."
            ),
            [
                ("Tom Whitaker", "PERSON"),
                ("Darwin Núñez", "PERSON"),
                ("Dutchman", "NORP"),
                ("Kevin Hall", "PERSON")
            ]
        );
        assert_eq!(
            typed("Victoria Park is green."),
            [("Victoria Park", "PLACE")]
        );
    }

    #[test]
    fn a_hyphenated_given_name_after_a_surname_is_no_compound() {
        assert_eq!(
            typed("Premier Cho Jung-tai met Moon Jae-in and Rand Paul-style critics."),
            [
                ("Cho Jung-tai", "PERSON"),
                ("Moon Jae-in", "PERSON"),
                ("Rand Paul", "PERSON")
            ]
        );
    }

    #[test]
    fn a_party_tag_is_no_name() {
        assert_eq!(
            mentions("Sen. John Cornyn, R-Texas, and Sen. Gary Peters (D-Mich.) met."),
            ["John Cornyn", "Gary Peters"]
        );
        // (a state legislator's is a city of a few words: "D-San Antonio" was a person)
        assert_eq!(
            mentions("Sen. José Menéndez, D-San Antonio, and Rep. Ann Smith, R-Fort Worth, met."),
            ["José Menéndez", "Ann Smith"]
        );
        // (nor one ending a sentence: "D-Tucson" was an organization, and R-S.D. keeps its
        // periods)
        assert_eq!(
            mentions("“No,” said Sen. Maria Lopez, D-Tucson. Sen. John Thune, R-S.D. She left."),
            ["Maria Lopez", "John Thune"]
        );
    }

    #[test]
    fn the_arabic_article_el_opens_a_name_word_like_al() {
        assert_eq!(
            typed("President Abdel Fattah el-Sissi met them. The office of el-Sissi said so."),
            [("Abdel Fattah el-Sissi", "PERSON"), ("el-Sissi", "PERSON")]
        );
    }

    #[test]
    fn a_month_ends_a_known_name_but_not_an_unknown_one() {
        assert_eq!(
            mentions("Prime Minister Theresa May spoke to Hillary Clinton Friday."),
            ["Theresa May", "Hillary Clinton"]
        );
    }

    #[test]
    fn an_acronym_at_a_clause_start_is_still_a_name() {
        assert_eq!(
            mentions(
                "The Federal Aviation Administration (FAA) spoke. FAA chief Mike Whitaker left."
            ),
            [
                "Federal Aviation Administration",
                "FAA",
                "FAA",
                "Mike Whitaker"
            ]
        );
    }

    #[test]
    fn a_title_case_headline_ending_in_a_suffix_word_is_not_one_name() {
        let text =
            "Mbappé Double Sends Madrid Past Bayern Into League Final\n\nKylian Mbappé scored.";
        assert!(!mentions(text).iter().any(|m| m.contains("Sends")));
    }

    #[test]
    fn a_shouted_three_letter_short_form_is_its_known_entity() {
        let text = "STOCKS SLIDE AS FED SIGNALS LONGER WAIT\n\nThe Fed held rates.";
        let a = analyze(text, DocKind::Plain, &Config::default());
        let ents: Vec<usize> = a.mentions.iter().map(|m| m.entity).collect();
        assert_eq!(ents.len(), 2, "{:?}", a.mentions);
        assert_eq!(ents[0], ents[1]);
    }

    #[test]
    fn a_club_named_after_its_city_and_a_capitalised_an_stay_whole() {
        assert_eq!(
            mentions("They beat Bayern Munich at home. She grew up in Hội An, Vietnam."),
            ["Bayern Munich", "Hội An", "Vietnam"]
        );
        let text = "Bayern Munich lost in North Darfur.";
        let a = analyze(text, DocKind::Plain, &Config::default());
        let types: Vec<&str> = a.entities.iter().map(|e| e.ty.label()).collect();
        assert_eq!(types, ["ORG", "PLACE"]);
    }

    #[test]
    fn an_unknown_dateline_is_a_place_and_the_town_of_the_article() {
        let text = "MILLBROOK, Ore. — The vote in Millbrook was close.";
        let a = analyze(text, DocKind::Plain, &Config::default());
        let m: Vec<(&str, &str, usize)> = a
            .mentions
            .iter()
            .map(|m| {
                (
                    &text[m.span.range()],
                    a.entities[m.entity].ty.label(),
                    m.entity,
                )
            })
            .filter(|m| m.0.to_lowercase() == "millbrook")
            .collect();
        assert_eq!(m.len(), 2);
        assert_eq!((m[0].1, m[0].2), ("PLACE", m[1].2));
    }

    #[test]
    fn portuguese_particles_join_a_name() {
        assert_eq!(
            typed("Floods hit Rio Grande do Sul and Mato Grosso do Sul, Lula da Silva said."),
            [
                ("Rio Grande do Sul", "PLACE"),
                ("Mato Grosso do Sul", "PLACE"),
                ("Lula da Silva", "PERSON")
            ]
        );
    }

    #[test]
    fn a_person_of_an_organization_is_two_names() {
        // each was one organization: "Harlan Krumholz of Yale University"
        assert_eq!(
            typed("Dr. Harlan Krumholz of Yale University and House Speaker Paul D. Ryan of Wisconsin spoke at the Cleveland Clinic about Wegovy."),
            [
                ("Harlan Krumholz", "PERSON"),
                ("Yale University", "ORG"),
                ("House", "ORG"),
                ("Paul D. Ryan", "PERSON"),
                ("Wisconsin", "PLACE"),
                ("Cleveland Clinic", "ORG"),
                ("Wegovy", "MISC")
            ]
        );
    }

    #[test]
    fn a_person_s_possessive_ends_the_person_s_name() {
        // one organization "N. Chandrababu Naidu's Telugu Desam Party"
        assert_eq!(
            typed("N. Chandrababu Naidu's Telugu Desam Party won. The Clark County Coroner's Office said so."),
            [
                ("N. Chandrababu Naidu", "PERSON"),
                ("Telugu Desam Party", "ORG"),
                ("Clark County Coroner's Office", "ORG")
            ]
        );
    }

    #[test]
    fn a_saint_s_possessive_goes_on_into_the_name_of_his_place() {
        assert_eq!(
            typed("Pilgrims filled St. Peter's Square at Easter. St. Anselm's College Institute of Politics and St. Ann's Episcopal Church hosted Patriarch Kirill."),
            [
                ("St. Peter's Square", "PLACE"),
                ("Easter", "MISC"),
                ("St. Anselm's College Institute of Politics", "ORG"),
                ("St. Ann's Episcopal Church", "ORG"),
                ("Kirill", "PERSON")
            ]
        );
    }

    #[test]
    fn a_full_name_takes_the_particle_of_its_surname() {
        // "Hugo Eric Louis" and "Lawick" were two people
        assert_eq!(
            mentions("Her son, Hugo Eric Louis van Lawick, spoke."),
            ["Hugo Eric Louis van Lawick"]
        );
    }

    #[test]
    fn names_joined_by_an_ampersand_are_a_firm() {
        assert_eq!(
            typed("She founded Roots & Shoots. Barnes & Noble fell."),
            [("Roots & Shoots", "ORG"), ("Barnes & Noble", "ORG")]
        );
    }

    #[test]
    fn a_korean_given_name_of_two_short_syllables_is_a_name() {
        // "Chun" and "Doo" were two organizations
        assert_eq!(
            typed("It was imposed by the military dictator Chun Doo-hwan."),
            [("Chun Doo-hwan", "PERSON")]
        );
        // not a compound adjective after a name
        assert_eq!(mentions("Rand Paul-style politics won."), ["Rand Paul"]);
    }

    #[test]
    fn an_ordinal_after_a_connector_stays_in_the_name() {
        // cut before "5th": "U.S. Court of Appeals" and "Circuit"
        assert_eq!(
            mentions("The U.S. Court of Appeals for the 5th Circuit ruled."),
            ["U.S. Court of Appeals for the 5th Circuit"]
        );
    }

    #[test]
    fn a_name_before_party_or_movement_is_an_organization() {
        assert_eq!(
            typed("The ruling Xalapa party won, and the Stop Trump movement lost."),
            [("Xalapa", "ORG"), ("Stop Trump", "ORG")]
        );
    }

    #[test]
    fn a_name_after_a_place_s_noun_and_of_is_a_place() {
        // a person: "Patima Halandriou"
        assert_eq!(
            typed("A body was found in the suburb of Patima Halandriou."),
            [("Patima Halandriou", "PLACE")]
        );
    }

    #[test]
    fn a_known_name_with_and_is_not_cut_in_two() {
        // "Department of Health" and "Human Services" were two whole names joined by "and"
        assert_eq!(
            mentions("Officials at the U.S. Department of Health and Human Services agreed."),
            ["U.S. Department of Health and Human Services"]
        );
    }

    #[test]
    fn a_numeral_after_a_name_s_head_word_types_it() {
        // "World War II" was an organization, and "I" the pronoun
        assert_eq!(
            typed("After World War II and World War I, Title I schools grew; so did I."),
            [
                ("World War II", "MISC"),
                ("World War I", "MISC"),
                ("Title I", "ORG")
            ]
        );
    }

    #[test]
    fn and_the_separates_two_names() {
        assert_eq!(
            mentions("Critics from Le Temps and the Neue Zürcher Zeitung agreed."),
            ["Le Temps", "Neue Zürcher Zeitung"]
        );
    }

    #[test]
    fn a_nationality_inside_unknown_words_is_part_of_an_organization() {
        let text = "Funds went through Great British Energy and Swiss Federal Railways. Iranian President Ebrahim Raisi spoke.";
        assert_eq!(
            typed(text),
            [
                ("Great British Energy", "ORG"),
                ("Swiss Federal Railways", "ORG"),
                ("Iranian", "NORP"),
                ("Ebrahim Raisi", "PERSON")
            ]
        );
    }

    #[test]
    fn an_organization_word_before_for_heads_the_whole_name() {
        assert_eq!(
            mentions("The International Organization for Migration (IOM) said so."),
            ["International Organization for Migration", "IOM"]
        );
    }

    #[test]
    fn a_bill_keeps_its_number() {
        assert_eq!(
            mentions("It mirrors a state law, Senate Bill 608, which limits rents."),
            ["Senate Bill 608"]
        );
    }

    #[test]
    fn a_byline_names_its_writers() {
        assert_eq!(
            mentions(
                "Sweden Joins NATO\nBy Ayşe Demir and Jonas Lindqvist\nANKARA — Sweden joined."
            ),
            [
                "Sweden",
                "NATO",
                "Ayşe Demir",
                "Jonas Lindqvist",
                "ANKARA",
                "Sweden"
            ]
        );
        assert_eq!(
            typed("Budget passes\n\nBy Jordan Ellis\n\nThe council voted."),
            [("Jordan Ellis", "PERSON")]
        );
        // a writer's role after the name is no organization
        assert_eq!(
            mentions("Tesla shares slide\n\nBy Priya Raman, Staff Writer\n\nTesla fell."),
            ["Tesla", "Priya Raman", "Tesla"]
        );
    }

    #[test]
    fn a_nationality_after_a_capital_the_inside_a_sentence_is_a_newspaper() {
        assert_eq!(
            typed("He told The Oregonian that Canadian firms wrote in The Australian."),
            [
                ("Oregonian", "ORG"),
                ("Canadian", "NORP"),
                ("Australian", "ORG")
            ]
        );
        // the same word as a nationality elsewhere: both stay one
        assert_eq!(
            typed("Australian firms wrote in The Australian."),
            [("Australian", "NORP"), ("Australian", "NORP")]
        );
    }

    #[test]
    fn a_dateline_place_stands_on_its_own() {
        assert_eq!(
            typed("MILLBROOK — The Millbrook City Council voted on Monday."),
            [("MILLBROOK", "PLACE"), ("Millbrook City Council", "ORG")]
        );
    }

    #[test]
    fn a_surname_that_is_a_common_word_stays_with_the_given_name_opening_a_paragraph() {
        assert_eq!(
            typed("We met Tim Black.\n\nGary Black said so.\n"),
            [("Tim Black", "PERSON"), ("Gary Black", "PERSON")]
        );
    }

    #[test]
    fn a_business_word_ends_a_company_s_name() {
        assert_eq!(
            typed(
                "Nova Scotia Power said so, and Rivian Automotive rose. Acme Pharmaceuticals fell."
            ),
            [
                ("Nova Scotia Power", "ORG"),
                ("Rivian Automotive", "ORG"),
                ("Acme Pharmaceuticals", "ORG")
            ]
        );
    }

    #[test]
    fn the_place_of_a_local_office_and_a_dateline_with_its_region_are_places() {
        assert_eq!(
            typed("CAMDEN, N.J. — A judge sentenced former Trenton Mayor Tony Mack on Tuesday."),
            [
                ("CAMDEN", "PLACE"),
                ("N.J.", "PLACE"),
                ("Trenton", "PLACE"),
                ("Tony Mack", "PERSON")
            ]
        );
    }

    #[test]
    fn an_organization_and_an_unknown_word_name_its_product() {
        assert_eq!(
            typed("It brings Apple Intelligence to users of Microsoft Teams, Apple said."),
            [
                ("Apple Intelligence", "MISC"),
                ("Microsoft Teams", "MISC"),
                ("Apple", "ORG")
            ]
        );
    }

    #[test]
    fn a_city_s_name_that_is_a_given_name_after_a_role_is_a_person_s() {
        assert_eq!(
            typed("The critic Stanley Crouch wrote that it was great."),
            [("Stanley Crouch", "PERSON")]
        );
    }

    #[test]
    fn a_place_s_name_before_a_surname_is_a_given_name() {
        assert_eq!(
            typed("It is led by Jordan Bardella, while Israel Katz met the Malaysia Tourism board. BNP Paribas agreed."),
            [
                ("Jordan Bardella", "PERSON"),
                ("Israel Katz", "PERSON"),
                ("Malaysia", "PLACE"),
                ("Tourism", "ORG"),
                ("BNP Paribas", "ORG")
            ]
        );
    }

    #[test]
    fn a_company_s_legal_form_ends_its_name() {
        assert_eq!(
            typed("It replaced chips from Qualcomm Inc. Qualcomm shares fell. Counterpoint Research agreed."),
            [
                ("Qualcomm Inc.", "ORG"),
                ("Qualcomm", "ORG"),
                ("Counterpoint Research", "ORG")
            ]
        );
    }

    #[test]
    fn a_lawmaker_s_party_and_state_name_nothing() {
        assert_eq!(
            mentions("Sen. John Thune, R-S.D., and Rep. Alexandria Ocasio-Cortez (D-N.Y.) met Sen. Ted Cruz, R-Texas."),
            ["John Thune", "Alexandria Ocasio-Cortez", "Ted Cruz"]
        );
    }

    #[test]
    fn a_known_persons_surname_alone_is_a_person_even_opening_a_sentence() {
        assert_eq!(
            typed("Putin said talks had failed. Merkel met Macron."),
            [
                ("Putin", "PERSON"),
                ("Merkel", "PERSON"),
                ("Macron", "PERSON")
            ]
        );
        // a surname that is an everyday word stays one ("Rice" is Condoleezza Rice's)
        assert_eq!(typed("Rice prices rose. Rice said so."), []);
    }

    #[test]
    fn a_version_number_makes_a_product_but_a_count_does_not() {
        let text =
            "Users of Explorer 6 and IE6 left Explorer. Cruz 34 delegates. Sweden 1 – 0 Panama.";
        assert_eq!(
            typed(text),
            [
                ("Explorer 6", "MISC"),
                ("IE6", "MISC"),
                ("Explorer", "MISC"),
                ("Cruz", "PERSON"),
                ("Sweden", "ORG"),
                ("Panama", "ORG")
            ]
        );
    }

    #[test]
    fn only_the_name_heads_a_compound_with_a_lower_case_tail() {
        assert_eq!(
            mentions("Iranian-backed and Saudi-led forces wore T-shirt and Pro-government badges."),
            ["Iranian", "Saudi"]
        );
        assert_eq!(
            mentions("He left Scientology-related work. Scientology denied it."),
            ["Scientology", "Scientology"]
        );
        assert_eq!(
            mentions("A New York-based firm hired a Los Angeles-based lawyer."),
            ["New York", "Los Angeles"]
        );
    }

    #[test]
    fn a_compass_word_before_a_known_place_is_part_of_the_name() {
        assert_eq!(
            mentions("Officers in East Los Angeles and Los Angeles met."),
            ["East Los Angeles", "Los Angeles"]
        );
    }

    #[test]
    fn a_letter_labelling_a_dropped_word_takes_it_back() {
        assert_eq!(
            mentions("Group G was tough. Fans posted on X today."),
            ["Group G", "X"]
        );
    }

    #[test]
    fn an_organization_s_name_takes_of_for_or_on_and_the_rest() {
        assert_eq!(
            mentions("It ran in the Medical Journal of Australia. The Joint Council for the Welfare of Immigrants said so."),
            ["Medical Journal of Australia", "Joint Council for the Welfare of Immigrants"]
        );
        assert_eq!(
            mentions("The Massachusetts Institute of Technology and Colorado State University of the US met the Food and Drug Administration."),
            ["Massachusetts Institute of Technology", "Colorado State University of the US", "Food and Drug Administration"]
        );
        assert_eq!(
            mentions("Republicans on the House Financial Services Committee met. The Council on Foreign Relations met."),
            ["Republicans", "House Financial Services Committee", "Council on Foreign Relations"]
        );
    }

    #[test]
    fn a_person_s_name_after_an_organization_s_is_its_own() {
        assert_eq!(
            mentions("The CEO of the Refugee Council Enver Solomon told reporters."),
            ["Refugee Council", "Enver Solomon"]
        );
    }

    #[test]
    fn handles_numerals_shouted_words_and_common_abbreviations_are_no_names() {
        assert_eq!(
            mentions("A VIP tweeted @POTUS and #IStandWithAhmed in part XVII, UNLESS of course NATO and DC object to World War II."),
            ["NATO", "DC", "World War II"]
        );
    }

    #[test]
    fn storms_operations_climate_patterns_and_weapons_are_misc() {
        // storms were people ("Typhoon Kalmaegi"), El Niño a place, Patriot an organization
        assert_eq!(
            typed(
                "Typhoon Kalmaegi left 40 dead in Cebu. The army began Operation Desert Storm. \
                 El Niño brought drought. Kyiv wants more Patriot systems."
            ),
            [
                ("Typhoon Kalmaegi", "MISC"),
                ("Cebu", "PLACE"),
                ("Operation Desert Storm", "MISC"),
                ("El Niño", "MISC"),
                ("Kyiv", "PLACE"),
                ("Patriot", "MISC")
            ]
        );
    }

    #[test]
    fn an_award_and_a_product_with_a_model_code_are_misc() {
        let text = "He won the Budweiser Man of the Match award. Sony sells PlayStation VR.";
        let a = analyze(text, DocKind::Plain, &Config::default());
        let typed: Vec<(&str, &str)> = a
            .mentions
            .iter()
            .map(|m| (&text[m.span.range()], a.entities[m.entity].ty.label()))
            .collect();
        assert_eq!(
            typed,
            [
                ("Budweiser Man of the Match", "MISC"),
                ("Sony", "ORG"),
                ("PlayStation VR", "MISC")
            ]
        );
    }

    #[test]
    fn a_word_dropped_at_a_clause_start_comes_back_when_the_article_confirms_the_name() {
        assert_eq!(
            mentions("The Home Office said so. Image: Home Office."),
            ["Home Office", "Home Office"]
        );
    }

    #[test]
    fn a_portfolio_after_a_title_belongs_to_the_title() {
        assert_eq!(
            mentions("Minister of Education Stefania Giannini agreed. Undersecretary for Education Mr. Toccafondi did not."),
            ["Stefania Giannini", "Toccafondi"]
        );
    }

    #[test]
    fn an_acronym_in_parentheses_after_its_name_is_one() {
        assert_eq!(
            mentions("Its claim was heard. The Union of Rationalist Atheists and Agnostics (UAAR) has launched a petition."),
            ["Union of Rationalist Atheists and Agnostics", "UAAR"]
        );
    }

    #[test]
    fn a_common_noun_the_article_writes_in_lower_case_is_no_name() {
        assert_eq!(
            mentions("Salt has iodine. Bread has iodine. Milk has iodine. WHO say Iodine deficiency is bad."),
            ["WHO"]
        );
    }

    #[test]
    fn an_article_is_searched_for_a_few_words_then_its_words_are_gathered() {
        use super::{ArticleWords, SEARCHES};
        use crate::text::Document;
        // a search per question would make a long text's cost grow with its square
        let doc = Document::new(
            "iodine and salt, x.com/iodine, Iodine, IODINE; the salt. Salt.",
            DocKind::Plain,
        );
        let words = ArticleWords {
            asked: Default::default(),
            searches: Default::default(),
            lower: Default::default(),
            alone: Default::default(),
        };
        let ask = || {
            ["iodine", "salt", "the", "Salt", "pepper", "ion", "com"]
                .map(|w| words.written_lower(&doc, w))
        };
        let expected = [true, true, true, false, false, false, true];
        // a word asked again is answered from memory
        assert_eq!(ask(), expected);
        assert_eq!(ask(), expected);
        assert_eq!(words.searches.get(), expected.len());
        // other words are searched for until the budget is spent, then the words are gathered
        for k in 0..SEARCHES {
            assert!(!words.written_lower(&doc, &format!("w{k}")));
        }
        assert_eq!(words.searches.get(), SEARCHES);
        assert!(words.lower.get().is_some());
        assert_eq!(ask(), expected);
    }

    #[test]
    fn a_court_case_a_work_and_a_numbered_unit_are_one_name() {
        assert_eq!(
            typed("The case is United States v. O'Brien, No. 23. Plessy v. Ferguson and Brown v. Board of Education fell."),
            [
                ("United States v. O'Brien", "MISC"),
                ("Plessy v. Ferguson", "MISC"),
                ("Brown v. Board of Education", "MISC")
            ]
        );
        assert_eq!(
            mentions("She held the book Blown for Good. The 82nd Airborne Division left."),
            ["Blown for Good", "82nd Airborne Division"]
        );
        assert_eq!(
            mentions("A site, The Internet Explorer 6 Countdown, opened."),
            ["Explorer 6 Countdown"]
        );
    }

    #[test]
    fn a_person_takes_no_of_and_an_office_takes_its_title() {
        assert_eq!(
            mentions("It was led by Dr. Ryan MacDonald of the University of Michigan. He taught at the Maxwell School of Syracuse University."),
            ["Ryan MacDonald", "University of Michigan", "Maxwell School of Syracuse University"]
        );
        assert_eq!(
            mentions("Prosecutors from the U.S. Attorney's Office for the Southern District of New York said so."),
            ["U.S. Attorney's Office for the Southern District of New York"]
        );
        assert_eq!(
            mentions(
                "A major at University of Texas Arlington Amneh Jafari heard. Jafari said so."
            ),
            ["University of Texas Arlington", "Amneh Jafari", "Jafari"]
        );
    }

    #[test]
    fn a_known_name_opening_a_title_is_a_mention_and_a_portfolio_before_a_comma_is_none() {
        assert_eq!(
            mentions("U.S. District Judge Katherine Failla said so. ESA's Director of Science, Carole Mundell, agreed with House Speaker Mike Johnson."),
            ["U.S.", "Katherine Failla", "ESA", "Carole Mundell", "House", "Mike Johnson"]
        );
    }

    #[test]
    fn a_group_ends_a_run_and_an_organization_stands_in_apposition_to_its_noun() {
        assert_eq!(
            typed("Senate Democrats met. She runs her restaurant, Quán Lan, alone."),
            [
                ("Senate", "ORG"),
                ("Democrats", "NORP"),
                ("Quán Lan", "ORG")
            ]
        );
    }

    #[test]
    fn indices_model_codes_and_a_place_after_in_are_typed() {
        assert_eq!(
            typed("The S&P 500 fell as F-16 jets flew over. She grew up in Bondy, near Paris."),
            [
                ("S&P 500", "MISC"),
                ("F-16", "MISC"),
                ("Bondy", "PLACE"),
                ("Paris", "PLACE")
            ]
        );
        assert_eq!(
            typed("It was a term in Scientology jargon."),
            [("Scientology", "ORG")]
        );
    }

    #[test]
    fn clubs_parties_agencies_and_companies_of_the_knowledge_base_and_a_city_s_club() {
        assert_eq!(
            typed(
                "Liverpool beat Chelsea 2-1 after Tottenham Hotspur drew with West Ham. \
                 Brothers of Italy, Forza Italia and the RN met. The NIH paid Eli Lilly and \
                 P&G. Miles Davis played."
            ),
            [
                ("Liverpool", "ORG"),
                ("Chelsea", "ORG"),
                ("Tottenham Hotspur", "ORG"),
                ("West Ham", "ORG"),
                ("Brothers of Italy", "ORG"),
                ("Forza Italia", "ORG"),
                ("RN", "ORG"),
                ("NIH", "ORG"),
                ("Eli Lilly", "ORG"),
                ("P&G", "ORG"),
                ("Miles Davis", "PERSON")
            ]
        );
        // a city far from any result stays a place
        assert_eq!(
            typed("Paris drew crowds to Liverpool."),
            [("Paris", "PLACE"), ("Liverpool", "PLACE")]
        );
    }

    #[test]
    fn clubs_venues_and_competitions_of_the_knowledge_base() {
        // "Real Madrid" was the dateline's city, "Paris Saint-Germain" a person, the
        // Bernabéu a person and the Champions League an organization
        let text = "MADRID — Real Madrid beat Bayern Munich 2-1 at the Santiago Bernabéu to reach \
                    the Champions League final against Paris Saint-Germain. PSG lead.";
        assert_eq!(
            typed(text),
            [
                ("MADRID", "PLACE"),
                ("Real Madrid", "ORG"),
                ("Bayern Munich", "ORG"),
                ("Santiago Bernabéu", "PLACE"),
                ("Champions League", "MISC"),
                ("Paris Saint-Germain", "ORG"),
                ("PSG", "ORG")
            ]
        );
        // the club is not the city, and the acronym is the club
        let a = analyze(text, DocKind::Plain, &Config::default());
        assert_ne!(a.mentions[0].entity, a.mentions[1].entity);
        assert_eq!(a.mentions[5].entity, a.mentions[6].entity);
    }

    #[test]
    fn a_possessive_inside_a_name_keeps_it_whole() {
        // each was cut at its possessive ("Alzheimer", "Association"; "McDonald")
        assert_eq!(
            mentions(
                "The Alzheimer's Association said McDonald's would pay. The Kurdistan \
                 Workers' Party is banned."
            ),
            [
                "Alzheimer's Association",
                "McDonald's",
                "Kurdistan Workers' Party"
            ]
        );
        // an unknown owner's eponym is a name of its own, not the owner
        assert_eq!(
            typed("The drug slows Alzheimer's disease and Tourette's syndrome."),
            [
                ("Alzheimer's disease", "MISC"),
                ("Tourette's syndrome", "MISC")
            ]
        );
        // a known owner's organization is its own name
        assert_eq!(
            typed("China's Foreign Ministry and Trump's Justice Department said."),
            [
                ("China", "PLACE"),
                ("Foreign Ministry", "ORG"),
                ("Trump", "PERSON"),
                ("Justice Department", "ORG")
            ]
        );
    }

    #[test]
    fn a_given_name_after_a_title_makes_a_surname_of_a_place_word() {
        // both were places, by "lake" and "bay"
        assert_eq!(
            typed("Dr. Amelia Lake welcomed the move. Director Michael Bay spoke at Crater Lake."),
            [
                ("Amelia Lake", "PERSON"),
                ("Michael Bay", "PERSON"),
                ("Crater Lake", "PLACE")
            ]
        );
    }

    #[test]
    fn police_ranks_are_titles_and_a_city_quarter_is_a_place() {
        // were "Detective" (ORG), "Officer Joseph Beinlich" (ORG), "Petty" and "Southeast
        // Portland" (ORG)
        assert_eq!(
            typed(
                "Call Detective Sgt. Ken Duilio. Officer Joseph Beinlich and Petty Officer \
                 Lyle White saw it in Southeast Portland."
            ),
            [
                ("Ken Duilio", "PERSON"),
                ("Joseph Beinlich", "PERSON"),
                ("Lyle White", "PERSON"),
                ("Southeast Portland", "PLACE")
            ]
        );
    }

    #[test]
    fn a_bill_or_ballot_measure_is_named_by_its_number() {
        // were "H.B." (ORG) and nothing
        assert_eq!(
            typed("Texas passed H.B. 1181 before voters rejected Proposition 8."),
            [
                ("Texas", "PLACE"),
                ("H.B. 1181", "MISC"),
                ("Proposition 8", "MISC")
            ]
        );
    }

    #[test]
    fn an_abbreviation_of_a_common_noun_opens_a_law() {
        // were "Act" and "Relief Act"
        assert_eq!(
            typed("The European Union's AI Act and the COVID Relief Act passed."),
            [
                ("European Union", "ORG"),
                ("AI Act", "MISC"),
                ("COVID Relief Act", "MISC")
            ]
        );
    }

    #[test]
    fn full_names_on_both_sides_of_and_are_two_before_a_place_word() {
        // was one place, "Wes Streeting and Amelia Lake", by "lake"
        assert_eq!(
            typed(
                "Health Secretary Wes Streeting and Amelia Lake spoke. Henry Holt and Company \
                 objected. So did Lewis and Clark College."
            ),
            [
                ("Wes Streeting", "PERSON"),
                ("Amelia Lake", "PLACE"),
                ("Henry Holt and Company", "ORG"),
                ("Lewis and Clark College", "ORG")
            ]
        );
    }

    #[test]
    fn a_possessive_owner_the_article_has_named_or_a_word_before_a_known_name_stays_apart() {
        // were "Odinga's Orange Democratic Movement", "Shares of McDonald's Corp.", "Sam" and
        // "Club", "Macy's" and "Inc.", "Retailers Macy"
        assert_eq!(
            typed(
                "Raila Odinga spoke. Odinga's Orange Democratic Movement said it would sue.                  Shares of McDonald's Corp. fell after Walmart's Sam's Club cut prices.                  Macy's Inc. said sales rose. Retailers Macy's and Target gained."
            ),
            [
                ("Raila Odinga", "PERSON"),
                ("Odinga", "PERSON"),
                ("Orange Democratic Movement", "ORG"),
                ("McDonald's Corp.", "ORG"),
                ("Walmart", "ORG"),
                ("Sam's Club", "ORG"),
                ("Macy's Inc.", "ORG"),
                ("Macy's", "ORG"),
                ("Target", "ORG")
            ]
        );
    }

    #[test]
    fn an_unknown_word_after_in_of_or_toward_is_a_town() {
        // each was an organization
        assert_eq!(
            typed(
                "Tenants in Millbrook have long complained. The mayor of Kellerton resigned. \
                 The march toward Dunmore began at dawn."
            ),
            [
                ("Millbrook", "PLACE"),
                ("Kellerton", "PLACE"),
                ("Dunmore", "PLACE")
            ]
        );
        // a creed, a possessive's owner and the start of a longer name are no town
        assert_eq!(
            typed("He was a member of Scientology. Fans of Digimon's heroes came."),
            [("Scientology", "ORG"), ("Digimon", "ORG")]
        );
    }

    #[test]
    fn the_people_of_a_known_place_are_a_group_and_a_dam_is_a_place() {
        assert_eq!(
            typed("Millions of Arizonans rely on Hoover Dam, Burman said."),
            [
                ("Arizonans", "NORP"),
                ("Hoover Dam", "PLACE"),
                ("Burman", "ORG")
            ]
        );
    }

    #[test]
    fn a_surname_before_government_is_a_person() {
        assert_eq!(
            typed("It was changed by the Monti government."),
            [("Monti", "PERSON")]
        );
    }

    #[test]
    fn a_sentence_case_headline_keeps_its_names_whole() {
        assert_eq!(
            mentions("Hackers attack Church of Scientology website\n\nIt was down."),
            ["Church of Scientology"]
        );
    }
}
