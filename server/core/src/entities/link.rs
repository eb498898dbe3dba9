//! Linking mentions into entities: what go-to-definition, references and rename use.
//!
//! Mentions are joined (union-find) when they:
//! - are the same knowledge-base entry ("U.S." and "United States") or the same normalized text;
//! - define each other as acronym and full name, in either order: "Shanghai Cooperation
//!   Organization (SCO)", "SCO (Shanghai Cooperation Organization)", or an acronym whose letters are
//!   the initials of a full name in the article;
//! - are a person's surname or given name and a full name containing it ("Raisi", "Mr. Raisi" →
//!   "Ebrahim Raisi"): the closest full name before the mention wins, else the first after it, so
//!   different people sharing a surname stay apart.
//!
//! Each entity's defining mention is its first fullest one outside headlines (a headline names
//! what the lede introduces).

use std::borrow::Cow;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::recognize::{is_legal_form, span_of, RawMention};
use super::{Entity, EntityType, Mention, MentionKind};
use crate::kb::{
    is_generational_suffix, normalize_surface, normalized, KbRef, KnowledgeBase, Sense,
};
use crate::text::{Document, TokenKind};

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }
    /// Joins the sets of `a` and `b`; the smaller index stays the root (the earlier mention).
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.0[hi] = lo;
        }
    }
}

/// Name words of a mention: its word tokens minus lower-case connectors.
fn name_words<'a>(doc: &'a Document, m: &RawMention) -> impl Iterator<Item = &'a str> {
    m.tokens
        .clone()
        .filter(|&i| doc.tokens[i].kind == TokenKind::Word)
        .map(|i| doc.token_text(i))
        .filter(|w| {
            w.chars().next().is_some_and(|c| !c.is_lowercase())
                || super::recognize::strip_article_prefix(w)
                    .is_some_and(|r| r.starts_with(char::is_uppercase))
        })
}

/// The initials of a name, upper-cased ("Shanghai Cooperation Organization" → "SCO"), into
/// `out`.
fn write_initials(words: &[&str], out: &mut String) {
    out.clear();
    for c in words.iter().filter_map(|w| w.chars().next()) {
        push_upper(c, out);
    }
}

/// `c` upper-cased (as `char::to_uppercase`), ASCII without the Unicode tables.
fn push_upper(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
    } else {
        out.extend(c.to_uppercase());
    }
}

/// The letters and digits of an acronym, upper-cased ("U.N." → "UN"), into `out`.
fn write_acronym_letters(s: &str, out: &mut String) {
    out.clear();
    for c in s.chars().filter(|c| c.is_alphanumeric()) {
        push_upper(c, out);
    }
}

/// Key for linking the same entity across articles: lower case, letters and digits only, so
/// "Amir-Abdollahian" and "Amirabdollahian" agree.
pub fn entity_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    write_entity_key(name, &mut key);
    key
}

/// [`entity_key`] into a reused buffer (for loops over many mentions).
pub fn write_entity_key(name: &str, key: &mut String) {
    key.clear();
    // (byte by byte when ASCII, as names almost always are: no decoding)
    if name.is_ascii() {
        key.extend(
            name.bytes()
                .filter(u8::is_ascii_alphanumeric)
                .map(|b| char::from(b.to_ascii_lowercase())),
        );
        return;
    }
    for c in name.chars() {
        // ASCII first: the Unicode tables are for the rare other letter
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                key.push(c.to_ascii_lowercase());
            }
        } else if c.is_alphanumeric() {
            key.extend(c.to_lowercase());
        }
    }
}

pub fn link_mentions(
    doc: &Document,
    mut raw: Vec<RawMention>,
    kb: &KnowledgeBase,
) -> (Vec<Entity>, Vec<Mention>) {
    type_product_lines(doc, &mut raw);
    let n = raw.len();
    let mut uf = UnionFind((0..n).collect());
    // every mention's name words in one list (not a list per mention)
    let mut all_words: Vec<&str> = Vec::with_capacity(2 * n);
    let mut bounds = Vec::with_capacity(n);
    for m in &raw {
        let a = all_words.len();
        all_words.extend(name_words(doc, m));
        bounds.push(a..all_words.len());
    }
    let words: Vec<&[&str]> = bounds.into_iter().map(|r| &all_words[r]).collect();
    people_named_like_cities(doc, kb, &mut raw, &words);
    clubs_named_like_cities(doc, kb, &mut raw, &words);
    cities_playing_as_clubs(doc, kb, &mut raw);
    companies_named_like_places(kb, &mut raw, &words);
    let texts: Vec<Cow<str>> = raw
        .iter()
        .map(|m| normalized(doc.text_of(m.span)))
        .collect();

    // (a name the article types as a thing somewhere is one everywhere: "her restaurant, Quán
    // Lan," then "awarded Quán Lan a star")
    let things: HashSet<&str> = (0..n)
        .filter(|&i| {
            words[i].len() >= 2
                && raw[i].kb.is_none()
                && matches!(
                    raw[i].ty,
                    Some(EntityType::Org | EntityType::Misc | EntityType::Place)
                )
        })
        .map(|i| texts[i].as_ref())
        .collect();
    // full names of people by surname and by given name
    let person_like = |i: usize| {
        // (the hash lookup last)
        raw[i].ty.is_none_or(|t| t == EntityType::Person)
            && !raw[i].acronym
            && words[i].len() >= 2
            && words[i].len() <= 5
            && !things.contains(texts[i].as_ref())
    };
    let mut by_last: HashMap<&str, Vec<usize>> =
        HashMap::with_capacity_and_hasher(n, Default::default());
    let mut by_first: HashMap<&str, Vec<usize>> =
        HashMap::with_capacity_and_hasher(n, Default::default());
    for (i, name) in words.iter().enumerate() {
        if person_like(i) {
            // "Ferdinand Marcos Jr." is "Marcos"
            let Some(&last) = name.iter().rev().find(|w| !is_generational_suffix(w)) else {
                continue;
            };
            by_last.entry(last).or_default().push(i);
            // "Burhan" is "Abdel Fattah al-Burhan"
            if let Some(rest) = super::recognize::strip_article_prefix(last) {
                by_last.entry(rest).or_default().push(i);
            }
            by_first.entry(name[0]).or_default().push(i);
            // "Lee" is "Lee Jae-yong", "Lai" is "Lai Ching-te": the family name comes first
            // before a hyphenated given name
            if let [family, given] = name[..] {
                if given
                    .split_once('-')
                    .is_some_and(|(_, b)| b.starts_with(char::is_lowercase))
                {
                    by_last.entry(family).or_default().push(i);
                }
            }
        }
    }
    // a bare name shared by several people ("Mohamed" for Ahmed Mohamed and his father) is
    // resolved mention by mention below, never joined by its text alone
    // how many different full names each word belongs to, counted once per word (not per
    // mention: a long article mentions "Trump" thousands of times)
    let last_names = distinct_names(&by_last, &texts);
    let first_names = distinct_names(&by_first, &texts);
    let distinct = |m: &HashMap<&str, usize>, w: &str| m.get(w).copied().unwrap_or(0);
    let shared_name = |i: usize| {
        words[i].len() == 1
            && raw[i].kb.is_none()
            && distinct(&last_names, words[i][0]) + distinct(&first_names, words[i][0]) > 1
    };

    // (Houston the premier and Houston the city share a text, not an entity)
    let known_place = |m: &RawMention| m.kb.is_some() && m.ty == Some(EntityType::Place);
    let person = |m: &RawMention| m.ty == Some(EntityType::Person);

    // 1. same knowledge-base entry or same text
    let mut first_by_kb: HashMap<u32, usize> =
        HashMap::with_capacity_and_hasher(n, Default::default());
    let mut first_by_text: HashMap<&str, usize> =
        HashMap::with_capacity_and_hasher(n, Default::default());
    for i in 0..n {
        if let Some(r) = raw[i].kb {
            let f = *first_by_kb.entry(r).or_insert(i);
            uf.union(f, i);
        }
        if !shared_name(i) {
            let f = *first_by_text.entry(texts[i].as_ref()).or_insert(i);
            let (a, b) = (&raw[f], &raw[i]);
            if !(person(a) && known_place(b) || known_place(a) && person(b)) {
                uf.union(f, i);
            }
        }
    }

    // 1b. a shouted name is the same name in Title Case: "MILLBROOK, Ore." and "Millbrook"
    for i in 0..n {
        let t = texts[i].as_ref();
        // (a lower-case letter, usually the second, rules a name out before any counting)
        // (in a shouted headline any name looks like an acronym: "IRAN'S RAISI IN BEIJING")
        if (!raw[i].acronym || raw[i].headline)
            && !t.chars().any(char::is_lowercase)
            && t.chars().filter(|c| c.is_alphabetic()).count() > 3
        {
            if let Some(&j) = first_by_text.get(super::recognize::title_case(t).as_str()) {
                // (not a dateline's city and the team named after it: "MADRID —", "Madrid face
                // Stuttgart")
                let apart = matches!(
                    (raw[i].ty, raw[j].ty),
                    (Some(EntityType::Place), Some(EntityType::Org))
                        | (Some(EntityType::Org), Some(EntityType::Place))
                );
                if !apart {
                    uf.union(j, i);
                }
            }
        }
    }

    // 2. acronyms defined in parentheses, either order
    for i in 0..n.saturating_sub(1) {
        let (a, b) = (&raw[i], &raw[i + 1]);
        let between = &doc.prose[a.span.end..b.span.start];
        // (`between.trim() == "("`, without trimming the end of a long stretch of text)
        let opens = between
            .trim_start()
            .strip_prefix('(')
            .is_some_and(|rest| rest.trim_start().is_empty());
        if opens && doc.prose[b.span.end..].trim_start().starts_with(')') {
            let (full, acr) = if b.acronym {
                (i, i + 1)
            } else if a.acronym {
                (i + 1, i)
            } else {
                continue;
            };
            // "Nova Scotia (AP)" is a dateline, not a definition: an acronym starts with the
            // initial of a word of its name ("CEI (Italian Episcopal Conference)" abbreviates it
            // in Italian), or is the same knowledge-base entry
            let starts_alike = texts[acr]
                .chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(|c| {
                    words[full]
                        .iter()
                        .filter_map(|w| w.chars().next())
                        .any(|f| f.to_uppercase().eq(c.to_uppercase()))
                });
            let other_entries = matches!((raw[full].kb, raw[acr].kb), (Some(x), Some(y)) if x != y);
            if words[full].len() >= 2
                && (starts_alike || raw[acr].kb.is_some() && raw[acr].kb == raw[full].kb)
                && !other_entries
            {
                uf.union(full, acr);
            }
        }
    }

    // 3. acronyms whose letters are the initials of a full name in the article
    let mut by_initials: HashMap<String, usize> = HashMap::default();
    // (one buffer for every name's letters: a key is copied only when new)
    let mut letters = String::new();
    for i in 0..n {
        if words[i].len() >= 2 && !raw[i].acronym {
            write_initials(words[i], &mut letters);
            if !by_initials.contains_key(&letters) {
                by_initials.insert(letters.clone(), i);
            }
        }
    }
    for i in 0..n {
        if raw[i].acronym {
            write_acronym_letters(&texts[i], &mut letters);
            if let Some(&full) = by_initials.get(&letters) {
                // (a known acronym is its own entry's: "U.S." is not "U.S. Steel")
                if raw[full].ty != Some(EntityType::Person)
                    && (raw[full].kb.is_none() && raw[i].kb.is_none() || raw[full].kb == raw[i].kb)
                {
                    uf.union(full, i);
                }
            }
        }
    }

    // 4. a name qualified by its country is the bare name: "United Kingdom Home Office" →
    // "Home Office", "Iranian Foreign Ministry" → "Foreign Ministry"
    // ("Comic Corps of Canada" → "Comic Corps" likewise)
    for i in 0..n {
        let bares = [
            without_country(doc, kb, &raw[i]),
            without_place_of(doc, kb, &raw[i]),
        ];
        for bare in bares.iter().flatten() {
            if let Some(&j) = first_by_text.get(bare.as_str()) {
                let same_kb = raw[j].kb.is_none_or(|r| Some(r) == raw[i].kb);
                let group = matches!(raw[j].ty, Some(EntityType::Person | EntityType::Norp));
                if same_kb && !group {
                    uf.union(i, j);
                }
            }
        }
    }

    // 4a. a company's name with its legal form is the bare name: "Nvidia Corp." → "Nvidia"
    // (known or not)
    for i in 0..n {
        let [.., form] = words[i][..] else { continue };
        if raw[i].ty != Some(EntityType::Org) || raw[i].tokens.len() < 2 || !is_legal_form(kb, form)
        {
            continue;
        }
        let (a, e) = (raw[i].tokens.start, raw[i].tokens.end - 1);
        let bare = &doc.prose[doc.tokens[a].span.start..doc.tokens[e - 1].span.end];
        if let Some(&j) = first_by_text.get(bare) {
            if raw[j].ty == Some(EntityType::Org) && raw[i].kb.is_none_or(|r| raw[j].kb == Some(r))
            {
                uf.union(j, i);
            }
        }
    }

    // 4b. "Korea" is the article's one "South Korea" (or "North Korea", never both)
    let mut by_bare_place: HashMap<&str, Vec<usize>> = HashMap::default();
    for i in 0..n {
        if let [first, .., last] = words[i][..] {
            if raw[i].ty == Some(EntityType::Place)
                && kb.words.place_prefixes.contains_lowercased(first)
            {
                by_bare_place.entry(last).or_default().push(i);
            }
        }
    }
    if !by_bare_place.is_empty() {
        for i in 0..n {
            // a known place stays itself: "Sudan" is not "South Sudan"
            if words[i].len() != 1 || raw[i].acronym || raw[i].kb.is_some() {
                continue;
            }
            let Some(places) = by_bare_place.get(words[i][0]) else {
                continue;
            };
            if places.iter().all(|&p| texts[p] == texts[places[0]]) {
                uf.union(places[0], i);
            }
        }
    }

    // 5. surnames and given names of people (full names indexed above)
    for i in 0..n {
        // "De Bruyne" is the surname of "Kevin De Bruyne"
        let particle_surname =
            || words[i].len() == 2 && kb.words.name_particles.contains_lowercased(words[i][0]);
        if !(words[i].len() == 1 || particle_surname())
            || raw[i].acronym
            || raw[i].ty.is_some_and(|t| t != EntityType::Person)
        {
            continue;
        }
        let caps;
        let mut w = words[i][words[i].len() - 1];
        if !w.chars().any(char::is_lowercase) && w.chars().count() > 3 {
            caps = super::recognize::title_case(w);
            w = &caps;
        }
        // the closest full name before the mention, else the first after it (cands are sorted)
        let paragraph = |m: usize| {
            doc.sentence_at(raw[m].span.start)
                .map(|s| doc.sentences[s].paragraph)
        };
        let pick = |cands: &Vec<usize>| {
            let k = cands.partition_point(|&c| c < i);
            if k > 0 {
                // the closest in the paragraph; from a paragraph of its own, the first: "Ahmad
                // Jamal … His daughter, Sumayah Jamal, confirmed it. ¶ Mr. Jamal converted …"
                let closest = cands[k - 1];
                let first = cands[0];
                let same = texts[closest] == texts[first] || paragraph(closest) == paragraph(i);
                Some(if same { closest } else { first })
            } else {
                cands
                    .get(k)
                    .copied()
                    .filter(|&c| c != i)
                    .or(cands.get(k + 1).copied())
            }
        };
        let target = by_last.get(w).and_then(pick).or_else(|| {
            // a given name alone links only when exactly one person in the article has it
            by_first
                .get(w)
                .filter(|_| distinct(&first_names, w) == 1)
                .and_then(pick)
        });
        if let Some(t) = target {
            uf.union(t, i);
        }
    }

    // 6. a lone unknown word that names no person is the one longer name of a thing holding it:
    // "Webb" for the James Webb Space Telescope, "Halcyon" for Halcyon Capital, "Bayern" for
    // Bayern Munich (never when two names hold it: "Millbrook City Council", "Millbrook Library")
    let mut holders: HashMap<&str, Vec<usize>> = HashMap::default();
    for j in 0..n {
        let thing = matches!(
            raw[j].ty,
            Some(EntityType::Org | EntityType::Misc | EntityType::Place)
        );
        // (a court case is named by its parties: "Ferguson" is not "Plessy v. Ferguson")
        let case = || texts[j].contains(" v. ");
        if words[j].len() >= 2 && thing && !raw[j].acronym && !case() {
            for &w in words[j] {
                holders.entry(w).or_default().push(j);
            }
        }
    }
    // the one name holding a word, if all its holders are one name (found once per word asked
    // about, not once per mention of it)
    let mut sole_holders: HashMap<&str, Option<usize>> = HashMap::default();
    if !holders.is_empty() {
        for i in 0..n {
            // (one word by itself: "Alzheimer's disease" holds one name word, but is a name of
            // its own, not "Alzheimer's Association")
            let lone = words[i].len() == 1
                && raw[i].tokens.len() == 1
                && raw[i].kb.is_none()
                && !raw[i].acronym;
            if !lone || uf.find(i) != i || by_last.contains_key(words[i][0]) {
                continue;
            }
            let w = words[i][0];
            let Some(js) = holders.get(w) else {
                continue;
            };
            // "City" for Manchester City, "United" for Newcastle United: a club's last word is
            // its short name, typed as a place's or not
            let club = || {
                js.iter().all(|&j| {
                    words[j].last() == Some(&w)
                        && raw[j].kb.is_some_and(|r| kb.entry(r).has_tag("sport"))
                })
            };
            let thing = raw[i]
                .ty
                .is_none_or(|t| t == EntityType::Org || t == EntityType::Misc);
            // ("The Union" after "European Union": a head noun is no name of its own)
            let head = || {
                kb.words.org_suffixes.contains_lowercased(w)
                    || kb.words.misc_suffixes.contains_lowercased(w)
                    || kb.words.place_suffixes.contains_lowercased(w)
                    || kb.is_common_word(w)
            };
            if !(thing && !head() || club()) {
                continue;
            }
            let sole = *sole_holders.entry(w).or_insert_with(|| {
                js.iter()
                    .all(|&j| texts[j] == texts[js[0]])
                    .then_some(js[0])
            });
            if let Some(j) = sole {
                uf.union(j, i);
            }
        }
    }

    // 6b. an organization's head word alone is the closest organization named with it before:
    // "the Court" → "Italian Supreme Court of Cassation", "the Council" → "Refugee Council"
    // (indexed by word on the first question, rather than searched backwards for each)
    let mut orgs_by_word: Option<HashMap<&str, Vec<usize>>> = None;
    for i in 0..n {
        let [w] = words[i][..] else { continue };
        if raw[i].acronym || raw[i].kb.is_some() || !kb.words.org_suffixes.contains_lowercased(w) {
            continue;
        }
        let orgs = orgs_by_word.get_or_insert_with(|| {
            let mut orgs: HashMap<&str, Vec<usize>> = HashMap::default();
            // (a known one is a body of its own: "the Union" is not always the European Union)
            for j in (0..n).filter(|&j| {
                words[j].len() >= 2 && raw[j].ty == Some(EntityType::Org) && raw[j].kb.is_none()
            }) {
                for &v in words[j] {
                    let js = orgs.entry(v).or_default();
                    if js.last() != Some(&j) {
                        js.push(j);
                    }
                }
            }
            orgs
        });
        // the closest before
        let head = orgs.get(w).and_then(|js| {
            let k = js.partition_point(|&j| j < i);
            k.checked_sub(1).map(|k| js[k])
        });
        if let Some(j) = head {
            uf.union(j, i);
        }
    }

    // 6c. a name alone is the organization named with it and a head word: "Freedom" → "Freedom
    // Magazine", "Hofstra" → "Hofstra University" (never a person's or a known name: "Trump",
    // "Washington")
    let mut by_bare_org: HashMap<&str, usize> = HashMap::default();
    for j in 0..n {
        if let [w, head] = words[j][..] {
            if raw[j].ty == Some(EntityType::Org)
                && raw[j].kb.is_none()
                && kb.words.org_suffixes.contains_lowercased(head)
            {
                by_bare_org.entry(w).or_insert(j);
            }
        }
    }
    for i in 0..n {
        let [w] = words[i][..] else { continue };
        let person = || by_last.contains_key(w) || by_first.contains_key(w);
        if raw[i].acronym
            || raw[i].tokens.len() > 1
            || raw[i].kb.is_some()
            || matches!(raw[i].ty, Some(EntityType::Person | EntityType::Place))
            || person()
        {
            continue;
        }
        if let Some(&j) = by_bare_org.get(w) {
            uf.union(j, i);
        }
    }

    // countries around a match score are national teams
    let country_mentions: Vec<usize> = (0..n)
        .filter(|&i| {
            raw[i].kb.is_some_and(|r| {
                let e = kb.entry(r);
                e.has_tag("country") || e.has_tag("nation")
            }) && raw[i].ty != Some(EntityType::Norp)
        })
        .collect();
    let mut team = vec![false; n];
    if !country_mentions.is_empty() {
        let countries: Vec<_> = country_mentions
            .iter()
            .map(|&i| (raw[i].tokens.clone(), raw[i].kb))
            .collect();
        for t in super::team::national_teams(doc, &countries) {
            team[country_mentions[t]] = true;
        }
    }
    // a city beside a score or a result is its club
    let city_mentions: Vec<usize> = (0..n)
        .filter(|&i| raw[i].kb.is_some_and(|r| kb.entry(r).has_tag("city")))
        .collect();
    if !city_mentions.is_empty() {
        let cities: Vec<_> = city_mentions
            .iter()
            .map(|&i| raw[i].tokens.clone())
            .collect();
        for t in super::team::city_clubs(doc, &cities) {
            team[city_mentions[t]] = true;
        }
    }

    // build entities
    // (a root is a mention's index: a list, not a map)
    let mut root_to_entity: Vec<Option<usize>> = vec![None; n];
    let mut entities: Vec<Entity> = Vec::new();
    let mut mentions: Vec<Mention> = Vec::with_capacity(n);
    for (i, r) in raw.iter().enumerate() {
        let root = uf.find(i);
        let id = *root_to_entity[root].get_or_insert_with(|| {
            entities.push(Entity {
                name: String::new(),
                ty: EntityType::Person,
                defining: i,
                mentions: Vec::new(),
                roles: Vec::new(),
                aliases: Vec::new(),
                key: String::new(),
                kb: None,
            });
            entities.len() - 1
        });
        let e = &mut entities[id];
        e.mentions.push(i);
        if e.kb.is_none() {
            e.kb = r.kb;
        }
        let surface = doc.text_of(r.span);
        if !e.aliases.iter().any(|a| a == surface) {
            e.aliases.push(surface.to_string());
        }
        if let Some(t) = r.title {
            // (copied only when new: a person's title is mostly repeated)
            let role = doc.text_of(t).trim();
            if !e.roles.iter().any(|r| r.eq_ignore_ascii_case(role)) {
                e.roles.push(role.to_string());
            }
        }
        mentions.push(Mention {
            span: r.span,
            entity: id,
            kind: MentionKind::Name,
            title: r.title,
        });
    }

    for e in &mut entities {
        // first fullest: most name words, then the earliest
        let def = *e
            .mentions
            .iter()
            .max_by_key(|&&m| {
                let fullness = words[m].len() + if raw[m].acronym { 0 } else { 1 };
                let shouted = !raw[m].acronym && !texts[m].chars().any(char::is_lowercase);
                (!raw[m].headline, !shouted, fullness, std::cmp::Reverse(m))
            })
            .unwrap();
        e.defining = def;
        e.ty = resolve_type(e, &raw, &words, kb);
        if e.ty == EntityType::Person && e.kb.is_none() {
            e.ty = no_person_s_name(words[def], raw[def].title.is_some()).unwrap_or(e.ty);
        }
        if e.ty == EntityType::Place && e.mentions.iter().any(|&m| team[m]) {
            e.ty = EntityType::Org;
        }
        let def_words = words[def].len();
        for &m in &e.mentions {
            // (a word of the name shouted in a headline is no acronym: "RAISI" for "Ebrahim Raisi")
            let shouted_word = raw[m].headline
                && words[m].len() == 1
                && words[def]
                    .iter()
                    .any(|w| w != &words[m][0] && lower_eq(w, words[m][0]));
            mentions[m].kind = if raw[m].acronym && !shouted_word {
                MentionKind::Acronym
            } else if e.ty == EntityType::Person && words[m].len() < def_words {
                MentionKind::PartialName
            } else if texts[m] != texts[def] {
                MentionKind::Alias
            } else {
                MentionKind::Name
            };
        }
        if e.kb.is_none() && e.ty == EntityType::Person && words[def].len() == 1 {
            e.kb = known_by_surname(kb, words[def][0], &e.roles);
        }
        e.name = match e.kb {
            Some(r) => kb.entry(r).name.clone(),
            None => doc.text_of(raw[def].span).to_string(),
        };
        e.key = entity_key(&e.name);
    }
    (entities, mentions)
}

/// The known person an article naming only a surname means ("Putin" → Vladimir Putin), unless
/// a role it gives is not in the knowledge base's description ("Officer Sullivan" is not the
/// national security adviser; honorifics and short abbreviations, "Mr.", "Sen.", say nothing).
/// A city's name that is the surname of a person the article names in full is that person,
/// unless the words around it make it a place: "Premier Tim Houston … Houston told reporters",
/// but "flights to Houston" and "Houston, Texas" stay the city. A place only guessed is the
/// person wherever it stands. `words` are each mention's name words.
fn people_named_like_cities(
    doc: &Document,
    kb: &KnowledgeBase,
    raw: &mut [RawMention],
    words: &[&[&str]],
) {
    // (a word only guessed a place, by the "in" before it, is a surname wherever it stands:
    // "full confidence in Terzić" after "Edin Terzić")
    let guessed = |m: &RawMention| m.kb.is_none() && !m.acronym;
    let is_city = |m: &RawMention| {
        m.tokens.len() == 1
            && m.ty == Some(EntityType::Place)
            && (guessed(m) || m.kb.is_some_and(|r| kb.entry(r).has_tag("city")))
    };
    if !raw.iter().any(is_city) {
        return;
    }
    let surnames: HashSet<&str> = raw
        .iter()
        .zip(words)
        // (not "Mr. Nevins of Showtime", whose last word is no surname)
        .filter(|(m, w)| {
            m.ty == Some(EntityType::Person)
                && m.tokens.len() >= 2
                && !m.acronym
                && !w.contains(&"of")
        })
        .filter_map(|(_, w)| w.last().copied())
        .collect();
    for m in raw.iter_mut() {
        let a = m.tokens.start;
        if !is_city(m) || !surnames.contains(doc.token_text(a)) {
            continue;
        }
        if guessed(m) || !in_place_context(doc, kb, a) {
            m.ty = Some(EntityType::Person);
            m.kb = None;
        }
    }
}

/// Whether the words around the one-word name at token `a` make it a place: a place's
/// preposition before it ("flights to Houston"), a place after it ("Houston, Texas").
fn in_place_context(doc: &Document, kb: &KnowledgeBase, a: usize) -> bool {
    let after_place_word = a > 0
        && doc.tokens[a - 1].kind == TokenKind::Word
        && kb.words.place_prepositions.contains(doc.lower(a - 1));
    let before_place = doc.tokens.get(a + 1).is_some_and(|t| {
        doc.token_text(a + 1) == ","
            && !t.newline_before
            && doc
                .tokens
                .get(a + 2)
                .is_some_and(|n| n.kind == TokenKind::Word && n.upper)
            && kb
                .lookup(doc.token_text(a + 2))
                .iter()
                .any(|s| matches!(s, Sense::Name(r) if kb.entry(*r).ty == Some(EntityType::Place)))
    });
    after_place_word || before_place
}

/// A city's name that is a word of the one sports club the article names with it is that club,
/// unless the words around it make it a place: "Bayern beat Borussia Dortmund … Dortmund coach
/// Edin Terzić", but "back in Dortmund". `words` are each mention's name words.
fn clubs_named_like_cities(
    doc: &Document,
    kb: &KnowledgeBase,
    raw: &mut [RawMention],
    words: &[&[&str]],
) {
    let club = |m: &RawMention| m.kb.filter(|&r| kb.entry(r).has_tag("sport"));
    if !raw.iter().any(|m| club(m).is_some()) {
        return;
    }
    // each word of a club's name of two words or more, with the club (None if two clubs share
    // it: "Manchester")
    let mut clubs: HashMap<&str, Option<KbRef>> = HashMap::default();
    for (m, w) in raw.iter().zip(words) {
        if let Some(r) = club(m).filter(|_| w.len() >= 2) {
            for &word in w.iter() {
                let holder = clubs.entry(word).or_insert(Some(r));
                if *holder != Some(r) {
                    *holder = None;
                }
            }
        }
    }
    let city = |m: &RawMention| {
        m.tokens.len() == 1
            && m.ty == Some(EntityType::Place)
            && m.kb.is_some_and(|r| kb.entry(r).has_tag("city"))
            && clubs
                .get(doc.token_text(m.tokens.start))
                .is_some_and(Option::is_some)
    };
    // ("MUNICH — …": a dateline is the place)
    let dateline = |a: usize| {
        (a == 0 || doc.tokens[a].newline_before)
            && doc
                .tokens
                .get(a + 1)
                .is_some_and(|t| t.kind == TokenKind::Dash || doc.token_text(a + 1) == ",")
    };
    // an article that also names the city as a place ("on WEEI radio in Boston") leaves every
    // mention of it to the place: the same name is read one way throughout
    let places: HashSet<&str> = raw
        .iter()
        .filter(|m| city(m))
        .map(|m| m.tokens.start)
        .filter(|&a| !dateline(a) && in_place_context(doc, kb, a))
        .map(|a| doc.token_text(a))
        .collect();
    for m in raw.iter_mut() {
        let a = m.tokens.start;
        if !city(m) || dateline(a) || places.contains(doc.token_text(a)) {
            continue;
        }
        if let Some(&Some(r)) = clubs.get(doc.token_text(a)) {
            m.ty = Some(EntityType::Org);
            m.kb = Some(r);
        }
    }
}

/// "Mars agrees to buy Kellanova … Mars Inc. agreed": a known place's name that the article
/// also gives with a company's legal form is the company's short name, read so throughout (as
/// one name is read one way in an article); rule 6c then links it to the company.
fn companies_named_like_places(kb: &KnowledgeBase, raw: &mut [RawMention], words: &[&[&str]]) {
    let companies: HashSet<&str> = raw
        .iter()
        .zip(words)
        .filter(|(m, w)| {
            m.kb.is_none()
                && m.ty == Some(EntityType::Org)
                && w.len() == 2
                && is_legal_form(kb, w[1])
        })
        .map(|(_, w)| w[0])
        .collect();
    if companies.is_empty() {
        return;
    }
    for (m, w) in raw.iter_mut().zip(words) {
        if let [name] = w[..] {
            if m.ty == Some(EntityType::Place) && m.kb.is_some() && companies.contains(name) {
                m.ty = Some(EntityType::Org);
                m.kb = None;
            }
        }
    }
}

/// "Barcelona lead the table", "Madrid face Stuttgart": in an article about a sport (it names
/// a club or a league the knowledge base knows), a city doing what teams do (`team_verbs` of
/// `name-words.toml`) is a team throughout, unless the article also names it as a place.
fn cities_playing_as_clubs(doc: &Document, kb: &KnowledgeBase, raw: &mut [RawMention]) {
    let sport = |m: &RawMention| {
        m.kb.is_some_and(|r| {
            let e = kb.entry(r);
            e.has_tag("sport") || e.has_tag("league")
        })
    };
    if !raw.iter().any(sport) {
        return;
    }
    let city = |m: &RawMention| {
        m.ty == Some(EntityType::Place) && m.kb.is_some_and(|r| kb.entry(r).has_tag("city"))
    };
    // (a dateline has a dash or a comma after the city, not a verb)
    let plays = |m: &RawMention| {
        let e = m.tokens.end;
        doc.tokens.get(e).is_some_and(|t| {
            t.kind == TokenKind::Word && kb.words.team_verbs.contains(doc.token_text(e))
        })
    };
    // (an article that names the city as a place too leaves it the place throughout, as in
    // `clubs_named_like_cities`: "on the radio in Boston … Boston won")
    let places: HashSet<&str> = raw
        .iter()
        .filter(|m| city(m) && in_place_context(doc, kb, m.tokens.start))
        .map(|m| doc.text_of(m.span))
        .collect();
    let teams: HashSet<&str> = raw
        .iter()
        .filter(|m| city(m) && plays(m))
        .map(|m| doc.text_of(m.span))
        .filter(|t| !places.contains(t))
        .collect();
    if teams.is_empty() {
        return;
    }
    // the name read one way throughout, but for a dateline ("BARCELONA, Spain —")
    for m in raw.iter_mut() {
        let dateline = m.tokens.start == 0 || doc.tokens[m.tokens.start].newline_before;
        let dateline = dateline && !plays(m);
        if city(m) && !dateline && teams.contains(doc.text_of(m.span)) {
            m.ty = Some(EntityType::Org);
            m.kb = None;
        }
    }
}

fn known_by_surname(kb: &KnowledgeBase, surname: &str, roles: &[String]) -> Option<KbRef> {
    let r = kb.person_with_surname(surname)??;
    let description = kb.entry(r).description.to_lowercase();
    let fits = |role: &String| {
        role.split_whitespace().last().is_none_or(|w| {
            let w = w.to_lowercase();
            w.chars().count() < 4 || w.ends_with('.') || description.contains(&w)
        })
    };
    roles.iter().all(fits).then_some(r)
}

/// The name without a leading country or nationality ("United Kingdom Home Office" → "Home
/// Office"), normalized, for names of organizations and places.
fn without_country(doc: &Document, kb: &KnowledgeBase, m: &RawMention) -> Option<String> {
    const MAX_COUNTRY_TOKENS: usize = 4;
    // groups are names of their own: "African Americans" are not "Americans"
    if m.acronym
        || matches!(m.ty, Some(EntityType::Person | EntityType::Norp))
        || m.tokens.len() < 3
    {
        return None;
    }
    let text =
        |a: usize, b: usize| &doc.prose[doc.tokens[a].span.start..doc.tokens[b - 1].span.end];
    let (a, e) = (m.tokens.start, m.tokens.end);
    let cut = (a + 1..e.min(a + 1 + MAX_COUNTRY_TOKENS))
        .rev()
        .find(|&k| {
            kb.lookup(text(a, k)).iter().any(|s| match *s {
                Sense::Demonym(_) => true,
                Sense::Name(r) => {
                    let entry = kb.entry(r);
                    entry.has_tag("country") || entry.has_tag("nation")
                }
            })
        })?;
    // the bare name is of two words or more ("European Union" is not a "Union") and starts with
    // a capital
    let rest = text(cut, e);
    (e - cut >= 2 && rest.starts_with(char::is_uppercase)).then(|| normalize_surface(rest))
}

/// The name without a trailing "of" and a known place ("Comic Corps of Canada" → "Comic
/// Corps"), normalized, when two words or more remain.
fn without_place_of(doc: &Document, kb: &KnowledgeBase, m: &RawMention) -> Option<String> {
    if m.acronym || matches!(m.ty, Some(EntityType::Person | EntityType::Norp)) {
        return None;
    }
    let (a, e) = (m.tokens.start, m.tokens.end);
    let of = (a + 2..e.saturating_sub(1))
        .rev()
        .find(|&k| doc.token_text(k) == "of")?;
    let place = &doc.prose[doc.tokens[of + 1].span.start..doc.tokens[e - 1].span.end];
    let known_place = kb
        .lookup(place)
        .iter()
        .any(|s| matches!(*s, Sense::Name(r) if kb.entry(r).ty == Some(EntityType::Place)));
    known_place.then(|| {
        normalize_surface(&doc.prose[doc.tokens[a].span.start..doc.tokens[of - 1].span.end])
    })
}

/// Names of products the article also names with a version ("Explorer" and "Internet Explorer
/// 6", "IE" and "IE6") are products too, not organizations.
fn type_product_lines(doc: &Document, raw: &mut [RawMention]) {
    let lines: HashSet<&str> = raw
        .iter()
        .filter(|m| m.product)
        .map(|m| {
            let line = if m.tokens.len() > 1 {
                span_of(doc, m.tokens.start, m.tokens.end - 1)
            } else {
                m.span
            };
            doc.text_of(line)
                .trim_end_matches(|c: char| c.is_ascii_digit())
        })
        .collect();
    if lines.is_empty() {
        return;
    }
    for m in raw.iter_mut() {
        if !m.product
            && m.kb.is_none()
            && m.ty != Some(EntityType::Person)
            && lines.contains(doc.text_of(m.span))
        {
            m.ty = Some(EntityType::Misc);
        }
    }
}

/// How many different full names each word belongs to, counted once per word (not per mention:
/// a long article mentions "Trump" thousands of times).
fn distinct_names<'a>(
    map: &HashMap<&'a str, Vec<usize>>,
    texts: &[Cow<str>],
) -> HashMap<&'a str, usize> {
    map.iter()
        .map(|(w, v)| {
            // (most words belong to one name, however often it is written: no list to sort)
            if v.iter().all(|&x| texts[x] == texts[v[0]]) {
                return (*w, 1);
            }
            let mut t: Vec<&str> = v.iter().map(|&x| texts[x].as_ref()).collect();
            t.sort_unstable();
            t.dedup();
            (*w, t.len())
        })
        .collect()
}

fn resolve_type(
    e: &Entity,
    raw: &[RawMention],
    words: &[&[&str]],
    kb: &KnowledgeBase,
) -> EntityType {
    if let Some(r) = e.kb {
        if let Some(t) = kb.entry(r).ty {
            // a demonym sense was typed NORP at recognition; the entry is the country
            return raw[e.mentions[0]]
                .ty
                .filter(|t| *t == EntityType::Norp)
                .unwrap_or(t);
        }
    }
    // an unknown acronym's type is a guess, which a law's name spelled out overrules: "DMA"
    // throughout is the Digital Markets Act's
    let law = e.mentions.iter().any(|&m| {
        !raw[m].acronym
            && raw[m].ty == Some(EntityType::Misc)
            && words[m]
                .last()
                .is_some_and(|w| kb.words.law_suffixes.contains_lowercased(w))
    });
    let mut votes = [0u32; 5];
    for &m in &e.mentions {
        if raw[m].acronym && law {
            continue;
        }
        if let Some(t) = raw[m].ty {
            let w = if raw[m].title.is_some() && t == EntityType::Person {
                3
            } else {
                2
            };
            votes[t as usize] += w;
        }
    }
    let best = (0..5)
        .max_by_key(|&k| (votes[k], std::cmp::Reverse(k)))
        .unwrap();
    if votes[best] > 0 {
        return EntityType::ALL[best];
    }
    // unknown: two or three words are most often a person's name, unless the first word is a
    // common noun ("Sea Org", "Mountain View"); a lone capitalised word that never links to a full
    // name (surnames do) is most often an organization, brand or product
    let longest = *e
        .mentions
        .iter()
        .max_by_key(|&&m| words[m].len())
        .expect("an entity has mentions");
    let first = words[longest].first().copied().unwrap_or("");
    // (nor an acronym: "BNP Paribas", "NHS England")
    let name_like = kb.is_given_name(first)
        || !kb.is_common_word(first) && !super::recognize::is_acronym(first);
    if (2..=3).contains(&words[longest].len()) && name_like {
        EntityType::Person
    } else {
        EntityType::Org
    }
}

/// The type of a name typed a person's that no person's name has the shape of: an acronym
/// after a role (`titled`: "market researcher IDC"; a transcript's "TAPPER:" is a person) is
/// an organization's, a model code ending it ("Galaxy S24") a product's.
fn no_person_s_name(words: &[&str], titled: bool) -> Option<EntityType> {
    let code = |w: &str| {
        let letters = w.bytes().take_while(u8::is_ascii_uppercase).count();
        (1..=2).contains(&letters)
            && w.len() > letters
            && w.bytes().skip(letters).all(|b| b.is_ascii_digit())
    };
    match words {
        [w] if titled && w.len() >= 3 && super::recognize::is_acronym(w) && !w.contains('.') => {
            Some(EntityType::Org)
        }
        [_, .., last] if code(last) => Some(EntityType::Misc),
        _ => None,
    }
}

/// Whether two words are the same but for case ("RAISI", "Raisi").
fn lower_eq(a: &str, b: &str) -> bool {
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

#[cfg(test)]
mod tests {
    use crate::text::DocKind;
    use crate::{analyze, Config};

    /// The defining mention's text of the entity of each mention with this text.
    fn defined_as(text: &str, mention: &str) -> Vec<String> {
        let a = analyze(text, DocKind::Plain, &Config::default());
        a.mentions
            .iter()
            .filter(|m| &text[m.span.range()] == mention)
            .map(|m| {
                let def = a.mentions[a.entities[m.entity].defining].span;
                text[def.range()].to_string()
            })
            .collect()
    }

    #[test]
    fn a_law_spelled_out_types_its_acronym_but_an_organization_s_keeps_its_votes() {
        use crate::entities::recognize::tests::typed;
        assert_eq!(
            typed(
                "The Commission acted under the Digital Markets Act (DMA) on Thursday.\n\n\
                 Under the DMA, companies can be fined."
            ),
            [
                ("Commission", "ORG"),
                ("Digital Markets Act", "MISC"),
                ("DMA", "MISC"),
                ("DMA", "MISC")
            ]
        );
        // ("initiative" names programmes and bodies alike: the acronym's votes stand)
        assert_eq!(
            typed(
                "The Clinton Global Initiative (CGI) met on Monday.\n\n\
                 CGI said it raised money. CGI spent it."
            ),
            [
                ("Clinton Global Initiative", "ORG"),
                ("CGI", "ORG"),
                ("CGI", "ORG"),
                ("CGI", "ORG")
            ]
        );
    }

    #[test]
    fn a_shouted_headline_name_is_the_person_of_the_article() {
        let text = "IRAN'S RAISI IN BEIJING\n\nIranian President Ebrahim Raisi arrived on Tuesday. Raisi spoke.";
        assert_eq!(defined_as(text, "RAISI"), ["Ebrahim Raisi"]);
        let a = analyze(text, DocKind::Plain, &Config::default());
        let raisi = a.mentions.iter().find(|m| &text[m.span.range()] == "RAISI");
        assert_eq!(
            raisi.map(|m| a.entities[m.entity].ty),
            Some(crate::EntityType::Person)
        );
        // a surname shouted, not an acronym to spell out
        assert_eq!(
            raisi.map(|m| m.kind),
            Some(crate::entities::MentionKind::PartialName)
        );
    }

    #[test]
    fn a_clubs_last_word_alone_is_the_club() {
        // "City" was a place of its own
        let text = "Manchester City beat Arsenal. City manager Pep Guardiola was pleased.";
        assert_eq!(defined_as(text, "City"), ["Manchester City"]);
        // not when another name holds the word too
        let text = "Manchester City beat Arsenal. City manager Pep Guardiola thanked the City \
                    Council.";
        assert_eq!(defined_as(text, "City"), ["City"]);
    }

    #[test]
    fn an_eponym_is_not_the_organization_named_after_its_owner() {
        // "Alzheimer's disease" joined "Alzheimer's Association" by its one name word
        let text =
            "The drug slows Alzheimer's disease. The Alzheimer's Association funds research.";
        let a = analyze(text, DocKind::Plain, &Config::default());
        let entities: Vec<(&str, &str)> = a
            .entities
            .iter()
            .map(|e| (e.name.as_str(), e.ty.label()))
            .collect();
        assert_eq!(
            entities,
            [
                ("Alzheimer's disease", "MISC"),
                ("Alzheimer's Association", "ORG")
            ]
        );
    }

    #[test]
    fn a_surname_alone_is_the_known_person_unless_a_role_says_otherwise() {
        let names = |text: &str| {
            let a = analyze(text, DocKind::Plain, &Config::default());
            a.entities
                .iter()
                .map(|e| e.name.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            names("President Putin spoke. Mr. Macron listened. Xi agreed."),
            ["Vladimir Putin", "Emmanuel Macron", "Xi Jinping"]
        );
        assert_eq!(names("Sheriff Rubio closed the road."), ["Rubio"]);
        // a surname two known people share is nobody's in particular
        assert_eq!(names("Bush said so."), ["Bush"]);
    }

    #[test]
    fn a_surname_in_a_later_paragraph_is_the_first_person_named_with_it() {
        let text = "Ahmad Jamal died on Sunday. His daughter, Sumayah Jamal, confirmed it.\n\n\
                    Born in Pittsburgh, Mr. Jamal moved to Chicago. Sumayah Jamal said Jamal loved it.";
        assert_eq!(defined_as(text, "Jamal"), ["Ahmad Jamal", "Sumayah Jamal"]);
    }

    #[test]
    fn a_surname_skips_a_generational_suffix_and_keeps_its_particle() {
        let text = "President Ferdinand Marcos Jr. spoke. Marcos said so. Kevin De Bruyne is \
                    hurt. Guardiola said De Bruyne would miss the game.";
        assert_eq!(defined_as(text, "Marcos"), ["Ferdinand Marcos Jr."]);
        assert_eq!(defined_as(text, "De Bruyne"), ["Kevin De Bruyne"]);
    }

    #[test]
    fn a_korean_family_name_comes_first() {
        // ("Lee" was the reporter of the byline, and "Byung" an organization)
        let text = "By Heekyong Yang and Joyce Lee\n\nSEOUL — Chairman Lee Jae-yong met \
                    investors. Lee, the grandson of Lee Byung-chul, smiled. Chey Tae-won spoke.";
        assert_eq!(defined_as(text, "Lee"), ["Lee Jae-yong"]);
        assert_eq!(defined_as(text, "Chey Tae-won"), ["Chey Tae-won"]);
        assert_eq!(defined_as(text, "Lee Byung-chul"), ["Lee Byung-chul"]);
    }

    /// Each mention's text with its entity's type and defining mention.
    fn linked(text: &str) -> Vec<(&str, &'static str, &str)> {
        let a = analyze(text, DocKind::Plain, &Config::default());
        a.mentions
            .iter()
            .map(|m| {
                let e = &a.entities[m.entity];
                (
                    &text[m.span.range()],
                    e.ty.label(),
                    &text[a.mentions[e.defining].span.range()],
                )
            })
            .collect()
    }

    /// The [`linked`] mentions whose text, lower-cased, starts with `prefix`.
    fn linked_starting<'t>(text: &'t str, prefix: &str) -> Vec<(&'t str, &'static str, &'t str)> {
        linked(text)
            .into_iter()
            .filter(|(m, ..)| m.to_lowercase().starts_with(prefix))
            .collect()
    }

    #[test]
    fn a_known_place_s_name_with_a_legal_form_is_the_company_throughout() {
        let text = "Mars agrees to buy Kellanova\n\nMars Inc. agreed to buy Kellanova. \
                    Mars chief executive Poul Weihrauch spoke of Mars.";
        assert_eq!(
            linked_starting(text, "mars"),
            [
                ("Mars", "ORG", "Mars Inc."),
                ("Mars Inc.", "ORG", "Mars Inc."),
                ("Mars", "ORG", "Mars Inc."),
                ("Mars", "ORG", "Mars Inc."),
            ]
        );
    }

    #[test]
    fn a_city_doing_what_teams_do_in_a_sports_article_is_a_team() {
        let text = "Mbappé scored for Real Madrid in La Liga.\n\nBarcelona lead the table. \
                    Barcelona is a port. Paris is a city.";
        let types: Vec<_> = linked_starting(text, "barcelona")
            .into_iter()
            .map(|(_, ty, _)| ty)
            .collect();
        assert_eq!(types, ["ORG", "ORG"]);
    }

    #[test]
    fn a_dateline_s_city_is_not_the_team_named_after_it() {
        let text = "MADRID — Mbappé scored for Real Madrid in La Liga.\n\nMadrid face \
                    Stuttgart on Tuesday.";
        assert_eq!(
            linked_starting(text, "madrid"),
            [
                ("MADRID", "PLACE", "MADRID"),
                ("Madrid", "ORG", "Real Madrid")
            ]
        );
    }

    #[test]
    fn a_known_acronym_is_not_the_initials_of_an_unknown_name() {
        let text = "Shares of U.S. Steel rose. The U.S. government holds a golden share.";
        assert_eq!(
            linked(text),
            [
                ("U.S. Steel", "ORG", "U.S. Steel"),
                ("U.S.", "PLACE", "U.S."),
            ]
        );
    }

    #[test]
    fn a_dotted_acronym_is_its_known_entry_s() {
        let text = "The Securities and Exchange Commission sued. The S.E.C. said it would appeal.";
        assert_eq!(
            linked(text),
            [
                (
                    "Securities and Exchange Commission",
                    "ORG",
                    "Securities and Exchange Commission"
                ),
                ("S.E.C.", "ORG", "Securities and Exchange Commission"),
            ]
        );
    }

    #[test]
    fn a_company_s_name_with_its_legal_form_is_the_bare_name() {
        // two entities: "Nvidia Corp." and "Nvidia"
        let text = "Nvidia Corp.'s value soared. Shares of Nvidia rose.";
        assert_eq!(
            linked(text),
            [
                ("Nvidia Corp.", "ORG", "Nvidia Corp."),
                ("Nvidia", "ORG", "Nvidia Corp.")
            ]
        );
    }

    #[test]
    fn a_word_guessed_a_place_is_the_person_with_that_surname() {
        // "in Terzić" made a place of the coach
        let text = "Coach Edin Terzić spoke. The board had full confidence in Terzić.";
        assert_eq!(
            linked(text),
            [
                ("Edin Terzić", "PERSON", "Edin Terzić"),
                ("Terzić", "PERSON", "Edin Terzić")
            ]
        );
    }

    #[test]
    fn a_city_s_name_is_the_club_the_article_names_with_it() {
        let text = "Bayern beat Borussia Dortmund 4-0. Dortmund coach Edin Terzić was angry.";
        assert_eq!(
            linked(text)[..3],
            [
                ("Bayern", "ORG", "Bayern"),
                ("Borussia Dortmund", "ORG", "Borussia Dortmund"),
                ("Dortmund", "ORG", "Borussia Dortmund")
            ]
        );
        // not where the article names the city as a place too
        let text = "He was on the radio in Boston. He pitched for the Boston Red Sox. Boston won.";
        let types: Vec<_> = linked(text).into_iter().map(|(t, ty, _)| (t, ty)).collect();
        assert_eq!(
            types,
            [
                ("Boston", "PLACE"),
                ("Boston Red Sox", "ORG"),
                ("Boston", "PLACE")
            ]
        );
    }

    #[test]
    fn a_city_s_name_is_the_person_with_that_surname_outside_a_place_s_context() {
        let text = "Premier Tim Houston spoke. Houston told reporters the roads were closed. \
                    He flew to Houston. Flights from Houston, Texas, were cancelled.";
        let a = analyze(text, DocKind::Plain, &Config::default());
        let of = |at: usize| {
            let m = a
                .mentions
                .iter()
                .find(|m| m.span.start == at)
                .expect("a mention");
            let e = &a.entities[m.entity];
            (
                e.ty.label(),
                text[a.mentions[e.defining].span.range()].to_string(),
            )
        };
        let houstons: Vec<usize> = text.match_indices("Houston").map(|(i, _)| i).collect();
        assert_eq!(of(houstons[1]), ("PERSON", "Tim Houston".to_string()));
        assert_eq!(of(houstons[2]), ("PLACE", "Houston".to_string()));
        assert_eq!(of(houstons[3]), ("PLACE", "Houston".to_string()));
    }

    #[test]
    fn an_acronym_in_parentheses_defines_only_a_name_it_can_stand_for() {
        let text = "The Shanghai Cooperation Organization (SCO) met. HALIFAX, Nova Scotia (AP) \
                    — Storms hit. The SCO said so.";
        assert_eq!(
            defined_as(text, "SCO"),
            [
                "Shanghai Cooperation Organization",
                "Shanghai Cooperation Organization"
            ]
        );
        assert_eq!(defined_as(text, "AP"), ["AP"]);
    }

    #[test]
    fn a_lone_word_is_the_one_longer_name_holding_it() {
        let text = "The James Webb Space Telescope saw it. Images from Webb are big. The Millbrook City Council and the Millbrook Public Library met in Millbrook.";
        assert_eq!(defined_as(text, "Webb"), ["James Webb Space Telescope"]);
        assert_eq!(defined_as(text, "Millbrook"), ["Millbrook"]);
    }

    #[test]
    fn a_bare_name_links_to_its_country_qualified_form() {
        let text = "The United Kingdom Home Office issued forms. The Home Office said so.";
        assert_eq!(
            defined_as(text, "Home Office"),
            ["United Kingdom Home Office"]
        );
    }

    #[test]
    fn a_bare_name_links_to_its_form_qualified_by_a_place() {
        let text = "The Comic Corps of Canada collects toys. Officials of Comic Corps said so.";
        assert_eq!(defined_as(text, "Comic Corps"), ["Comic Corps of Canada"]);
    }

    #[test]
    fn an_organization_s_head_word_alone_is_the_closest_organization_with_it() {
        let text = "The Italian Supreme Court of Cassation ruled. The Court said so.";
        assert_eq!(
            defined_as(text, "Court"),
            ["Italian Supreme Court of Cassation"]
        );
    }

    #[test]
    fn a_name_alone_is_the_organization_named_with_it_and_a_head_word() {
        let text = "He wrote for Freedom Magazine. Officials of Freedom said so.";
        assert_eq!(defined_as(text, "Freedom"), ["Freedom Magazine"]);
    }

    #[test]
    fn a_bare_place_is_the_one_compass_named_place_of_the_article() {
        let text = "South Korea beat Sweden. Fans of Korea cheered. Sudan and South Sudan met.";
        assert_eq!(defined_as(text, "Korea"), ["South Korea"]);
        assert_eq!(defined_as(text, "Sudan"), ["Sudan"]);
        let both = "North Korea and South Korea met. Fans of Korea cheered.";
        assert_eq!(defined_as(both, "Korea"), ["Korea"]);
    }

    #[test]
    fn a_group_or_a_one_word_rest_is_no_country_qualifier() {
        let text =
            "African Americans voted. Americans voted. The European Union met. The Union met.";
        assert_eq!(defined_as(text, "Americans"), ["Americans"]);
        assert_eq!(defined_as(text, "Union"), ["Union"]);
    }
}
