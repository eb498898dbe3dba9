//! Attribution detection: cue words from the lexicon, the source phrase before or after the cue,
//! and the content (a quotation, the complement clause, or the clause before a trailing
//! "…, X said"). One pass over the sentences; every look-around is bounded to the sentence, the
//! paragraph or the quotation at hand, so the work is linear in the length of the article.

use std::cell::OnceCell;
use std::ops::Range;

use super::boilerplate::in_blocks;
use super::classify::classify_source;
use super::cue_model::STRONG;
use super::lexicon::{Lexicons, AFTER_NAME, NUMBER};
use super::quotes::{quote_at, Quote};
use super::{Attribution, Scan, SourceKind};
use crate::config::Config;
use crate::entities::{Entity, EntityType, Mention};
use crate::span::Span;
use crate::text::{Document, Sentence, TokenKind};
use crate::wordset::{WordMap, WordSet};

/// Longest source phrase we look for, in tokens.
const MAX_SOURCE_TOKENS: usize = 12;
/// Longest appositive between a source's commas: a name with its organization's can be long
/// ("Amit Mehta of the U.S. District Court for the District of Columbia").
const MAX_APPOSITIVE_TOKENS: usize = 20;
/// Numbers in words, for the nouns they count.
const NUMBER_WORDS: [&str; 11] = [
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "several",
];

/// Finds the attributions of an article, in text order of their cues.
pub fn detect(
    doc: &Document,
    entities: &[Entity],
    mentions: &[Mention],
    scan: &Scan,
    config: &Config,
) -> Vec<Attribution> {
    let boilerplate = &scan.boilerplate;
    let mut d = Detector {
        doc,
        entities,
        mentions,
        lex: &scan.lex,
        config,
        quotes: &scan.quotes,
        cues: Vec::new(),
    };
    // each token is asked about several times: decide once
    let keys = d.lex.cue_model.keys(doc);
    let scores = d.lex.cue_model.scores(doc, &keys);
    // the cues a few words after a "who" (see below), noted while deciding
    let mut after_who = Vec::new();
    // (no id matches u32::MAX when the model has none for it)
    let heard_id = d.lex.cue_model.id("heard").unwrap_or(u32::MAX);
    d.cues = (0..doc.tokens.len())
        .map(|i| {
            // most words are a candidate of neither the rules nor the model: decide that by id
            let candidate = doc.tokens[i].kind == TokenKind::Word
                && d.lex.cue_candidate(keys[i], || doc.lower(i));
            // (a scored word is no cue below the model's thresholds, whatever else holds: most
            // of the model's words are decided here, before any of the vetoes of cue_decision)
            let model = d.lex.cue_model;
            let proposed = match scores[i] {
                Some(z) if candidate => z >= model.veto.min(model.add) || d.that_after_time(i),
                Some(z) => z >= model.add,
                None => candidate,
            };
            // "The court heard Pike transferred …": testimony (a word the model scores: most
            // tokens are asked nothing more)
            let heard = || {
                keys[i] == heard_id
                    && i > 0
                    && d.lex.words.hearing_bodies.contains(doc.lower(i - 1))
            };
            let cue = match scores[i] {
                None => candidate && d.cue_decision(i, candidate, None),
                Some(_) => proposed && d.cue_decision(i, candidate, scores[i]) || heard(),
            };
            if let Some(who) = (cue && i > 0)
                .then(|| (i.saturating_sub(3)..i).find(|&k| doc.lower(k) == "who"))
                .flatten()
            {
                after_who.push((who, i));
            }
            cue
        })
        .collect();
    // "who asked not to be named", "officials who spoke on condition of anonymity": a phrase
    // describing an anonymous source reports nothing itself. Such a phrase is a relative
    // clause, so it is looked for only around a cue a few words after a "who".
    for (who, i) in after_who {
        let from = who.saturating_sub(2);
        let to = (i + 6).min(doc.tokens.len());
        let around = Span::new(doc.tokens[from].span.start, doc.tokens[to - 1].span.end);
        for phrase in d.lex.anonymous.find_in(&doc.prose, around) {
            let a = doc.token_at_or_after(phrase.start);
            let e = doc.token_at_or_after(phrase.end);
            if e >= a + 3 {
                d.cues[a..e].fill(false);
            }
        }
    }
    let mut out = Vec::new();
    // the paragraph of each attribution in `out`
    let mut paragraphs = Vec::new();
    for (si, s) in doc.sentences.iter().enumerate() {
        if in_blocks(boilerplate, s.span) {
            continue;
        }
        let start = out.len();
        out.extend(d.colon_attribution(si));
        let mut previous = None;
        let mut groups = d.cue_groups(s);
        // "Grayson said …, according to Frankel": the trailing "according to" attributes the
        // whole report, the cues before it are part of its content
        if let Some(k) = groups.iter().position(|g| {
            g.start > s.tokens.start
                && d.lower(g.start) == "according"
                && (d.is(g.start - 1, ",") || doc.tokens[g.start - 1].kind == TokenKind::Dash)
        }) {
            let mut i = 0;
            groups.retain(|g| {
                i += 1;
                i > k || !matches!(d.lower(g.start), "said" | "says" | "say" | "told" | "tells")
            });
        }
        // the sentence's agentless phrase, searched for once and only in a sentence holding a
        // key word of one
        let agentless = OnceCell::new();
        let agentless_phrase = || {
            *agentless.get_or_init(|| {
                s.tokens
                    .clone()
                    .any(|k| d.lex.agentless_key(keys[k], || doc.lower(k)))
                    .then(|| d.lex.agentless.first_in(&doc.prose, s.span))
                    .flatten()
            })
        };
        // "It is widely believed that Xi wants …": an agentless phrase opening the sentence
        // attributes all of it, cues after it included, to no one
        let opener = (!s.headline && !groups.is_empty())
            .then(agentless_phrase)
            .flatten()
            .filter(|p| p.start == doc.tokens[s.tokens.start].span.start)
            .map(|p| d.agentless_at(s, p));
        if let Some(a) = opener {
            out.push(a);
            groups.clear();
        }
        for cue in groups {
            let (a, source) = d.attribution(si, cue, previous.as_ref());
            previous = source.or(previous);
            out.push(a);
        }
        // "The program is considered one of the best": a cue with no source in an agentless
        // phrase is that phrase's attribution to no one
        for a in &mut out[start..] {
            if !a.source.is_empty() || a.source_kind != SourceKind::None {
                continue;
            }
            let overlaps = |p: &Span| a.cue.iter().any(|c| c.start < p.end && p.start < c.end);
            // (a reporting verb is no key word, and its phrases are searched for only here:
            // "Officials are said to be furious", "It is said that …")
            let p = agentless_phrase().filter(overlaps).or_else(|| {
                let all = d.lex.agentless.find_in(&doc.prose, s.span);
                all.into_iter().find(overlaps)
            });
            if let Some(p) = p {
                *a = d.agentless_at(s, p);
            }
        }
        if out.len() == start && !s.headline {
            out.extend(d.agentless(s));
        }
        paragraphs.resize(out.len(), s.paragraph);
    }
    d.carry_over_quotes(&mut out, &paragraphs);
    for a in &mut out {
        trim_dateline(doc, a);
        end_relative_clause(&d, a);
    }
    end_before_trailing_attribution(&d, &mut out);
    anonymous_back_references(&d, &mut out);
    out.retain(|a: &Attribution| !a.content.is_empty() || !a.source.is_empty());
    out
}

/// "Four people familiar with the matter described the call. … two of the people said.": a
/// definite noun phrase naming again the head of an earlier anonymous source ("the people",
/// "two of the officials", "those sources") is that anonymous source, and the reason given for
/// its anonymity holds for it.
fn anonymous_back_references(d: &Detector, out: &mut [Attribution]) {
    let doc = d.doc;
    let words = &d.lex.words;
    let unnamed = |w: &str| words.unnamed_officials.contains(w) || words.bare_sources.contains(w);
    // the nouns of unnamed people in the anonymous sources so far ("people", "officials"), with
    // whether their anonymity was explained
    let mut heads: Vec<(String, bool)> = Vec::new();
    for a in out.iter_mut() {
        let Some(hull) = a.source_hull() else {
            continue;
        };
        let anonymous = a.source_kind == SourceKind::Anonymous;
        if !anonymous && (a.source_kind != SourceKind::Described || heads.is_empty()) {
            continue;
        }
        let lower = doc.lower_text(hull);
        if anonymous {
            let explained = a.anonymity_explained;
            let nouns = lower.split_whitespace().filter(|w| unnamed(w));
            heads.extend(nouns.map(|w| (w.to_owned(), explained)));
            continue;
        }
        let phrase: Vec<&str> = lower.split_whitespace().collect();
        let noun = match phrase[..] {
            ["the" | "these" | "those", noun] => noun,
            [_, "of", "the" | "these" | "those", noun] => noun,
            _ => continue,
        };
        if let Some(&(_, explained)) = heads.iter().find(|(h, _)| h == noun) {
            a.source_kind = SourceKind::Anonymous;
            a.anonymity_explained |= explained;
        }
    }
}

/// "Mayor Mike Johnston, who proposed the cuts in September, defended the plan": a cue in a
/// relative clause between commas reports up to the clause's end, not the main clause after it.
fn end_relative_clause(d: &Detector, a: &mut Attribution) {
    let doc = d.doc;
    let ([source], [cue], [content]) = (&a.source[..], &a.cue[..], &mut a.content[..]) else {
        return;
    };
    let w = doc.token_at_or_after(source.start);
    if w == 0 || !d.is(w - 1, ",") || !matches!(d.lower(w), "who" | "which") || d.acronym(w) {
        return;
    }
    let from = doc.token_at_or_after(cue.end);
    let to = doc.token_at_or_after(content.end);
    if let Some(comma) = (from..to).find(|&k| d.is(k, ",") && !d.in_quote(k)) {
        let end = doc.tokens[comma - 1].span.end;
        if end > content.start {
            content.end = end;
        }
    }
}

/// "Ukraine asked for more air defence, the ministry said": a report whose content runs into a
/// trailing attribution of the whole sentence ends before it; the trailing source and cue are
/// not part of what Ukraine asked.
fn end_before_trailing_attribution(d: &Detector, out: &mut [Attribution]) {
    let doc = d.doc;
    for k in 0..out.len() {
        let (head, tail) = out.split_at_mut(k + 1);
        let a = &mut head[k];
        let ([cue], [content], false) = (&a.cue[..], &mut a.content[..], a.direct) else {
            continue;
        };
        // (attributions come in the order of their cues: a trailing one is among the next few)
        let trailing = tail.iter().take(4).find_map(|b| {
            let ([b_cue], [b_source], [b_content]) = (&b.cue[..], &b.source[..], &b.content[..])
            else {
                return None;
            };
            // "…, the ministry said", "…, said the ministry": the trailing report's source
            // and cue stand right after the comma that ends its content, which holds this
            // report's cue (the spans first: most reports have no such neighbour)
            let after_comma = b_source.start.min(b_cue.start);
            let nested = b_content.start <= cue.start
                && cue.end < after_comma
                && content.start <= b_cue.start
                && b_cue.end <= content.end
                && b_content.end < after_comma;
            if !nested {
                return None;
            }
            let comma = doc.token_at_or_after(after_comma).checked_sub(1)?;
            // (and ends the sentence, but for a few words: "… on Thursday"; or stands between
            // commas: "…, two Egyptian officials said, as Israeli forces pressed on")
            let last = doc.token_at_or_after(b_cue.end.max(b_source.end));
            let sentence_end = doc.sentences[doc.sentence_at(b_cue.start)?].tokens.end;
            let set_off = last < sentence_end && d.is(last, ",");
            // (a relative clause's "…, which first reported the story" reports nothing of it)
            let relative = matches!(d.lower(comma + 1), "which" | "who" | "that");
            (comma > 0
                && d.is(comma, ",")
                && !relative
                && (sentence_end.saturating_sub(last) <= 6 || set_off)
                && b_content.end == doc.tokens[comma - 1].span.end)
                .then_some(comma)
        });
        if let Some(comma) = trailing {
            let end = doc.tokens[comma - 1].span.end;
            if end > content.start {
                content.end = end;
            } else if a.source.is_empty() {
                // "The suspect had not been charged, police said": a cue with no source whose
                // content would be only the trailing report's source and cue reports nothing
                a.content.clear();
            }
        }
    }
}

/// "HALIFAX, Nova Scotia (AP) — More than …, officials said": the dateline opening a story
/// says where it was filed, not what anyone said, so content opening with one starts after it.
fn trim_dateline(doc: &Document, a: &mut Attribution) {
    let Some(first) = a.content.first_mut() else {
        return;
    };
    let Some(s) = doc.sentence_at(first.start).map(|si| &doc.sentences[si]) else {
        return;
    };
    let tokens = &doc.tokens;
    if first.start != s.span.start {
        return;
    }
    let Some(dash) = doc.dateline_dash(s) else {
        return;
    };
    let after = tokens[dash + 1].span.start;
    if after < first.end {
        first.start = after;
        return;
    }
    // "WASHINGTON — The Senate on Thursday passed a bill": the dateline was all the content
    // before the cue, so the content is what follows the cue
    let cue_end = a.cue.iter().map(|c| c.end).max().unwrap_or(first.end);
    let from = doc.token_at_or_after(cue_end);
    let mut to = s.tokens.end;
    while to > from && matches!(doc.token_text(to - 1), "." | "!" | "?") {
        to -= 1;
    }
    if a.content.len() == 1 && from < to {
        a.content[0] = Span::new(tokens[from].span.start, tokens[to - 1].span.end);
    }
}

/// Whether a word opening a phrase set off by commas makes it a relative clause or a participle
/// phrase, which may stand between a subject and its cue: "Yoon, whose country imports oil,
/// said", "Prince Faisal, speaking in Riyadh, called for", "the agency, known as UNRWA, said",
/// "Spotify, based in Stockholm, welcomed".
fn inserted_clause(first: &str) -> bool {
    // (and the participles that open an appositive: "Spotify, based in Stockholm, welcomed")
    matches!(
        first,
        "who"
            | "whose"
            | "which"
            | "known"
            | "based"
            | "founded"
            | "headquartered"
            | "located"
            | "owned"
            | "backed"
            | "led"
            | "elected"
            | "appointed"
    ) || first.len() > 4 && first.ends_with("ing")
}

struct Detector<'a> {
    doc: &'a Document,
    entities: &'a [Entity],
    mentions: &'a [Mention],
    lex: &'a Lexicons,
    config: &'a Config,
    quotes: &'a [Quote],
    /// Per token: a cue word ([`Detector::cue_decision`]).
    cues: Vec<bool>,
}

/// The prepositions a source's noun phrase may hang on: "people familiar with the matter",
/// "officials at the Department of Health", "lawyers for the family".
const SOURCE_PREPOSITIONS: [&str; 8] = ["with", "of", "close", "to", "at", "for", "from", "in"];

/// Words that open an adverbial phrase or clause at the start of a sentence, besides the
/// prepositions of `words.toml` ("Despite the vote, …", "If elected, …").
/// Days opening a sentence's time phrase: "Wednesday at the debate, Clinton said …".
const DAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The writer's comment after a report: "…, in what the army called a warning" (the searcher
/// is built once: building one costs more than most searches).
static IN_WHAT: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new(", in what "));

/// Auxiliary verbs: a phrase containing one is a clause, not a source.
const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "do", "does", "did", "will",
    "would", "can", "could", "may", "might", "must", "should", "shall",
];

impl Detector<'_> {
    fn text(&self, i: usize) -> &str {
        self.doc.token_text(i)
    }

    /// The token lower-cased with straight apostrophes (borrowed when it already is).
    fn lower(&self, i: usize) -> &str {
        self.doc.lower(i)
    }

    fn is_word(&self, i: usize) -> bool {
        self.doc.tokens[i].kind == TokenKind::Word
    }

    fn is(&self, i: usize, s: &str) -> bool {
        // compared as bytes: asked of every token, and slicing the text checks char boundaries
        let span = self.doc.tokens[i].span;
        span.len() == s.len() && &self.doc.prose.as_bytes()[span.range()] == s.as_bytes()
    }

    /// (a surname with the Arabic article is a capitalised name: "Khalid al-Faisal")
    #[inline]
    fn capitalized(&self, i: usize) -> bool {
        let t = &self.doc.tokens[i];
        t.kind == TokenKind::Word && (t.upper || self.arabic_surname(t))
    }

    #[inline(never)]
    fn arabic_surname(&self, t: &crate::text::Token) -> bool {
        let w = &self.doc.prose.as_bytes()[t.span.range()];
        crate::entities::starts_with_arabic_article(w)
            && w.get(3).is_some_and(u8::is_ascii_uppercase)
    }

    /// A word in capitals among words that are not: "WHO" and "IT" are names there, never the
    /// pronouns "who" and "it".
    fn acronym(&self, i: usize) -> bool {
        let shouted = |k: usize| {
            self.is_word(k) && {
                let w = self.doc.token_text(k);
                w.len() >= 2 && !w.chars().any(char::is_lowercase)
            }
        };
        shouted(i)
            && !(i > 0 && shouted(i - 1))
            && !(i + 1 < self.doc.tokens.len() && shouted(i + 1))
    }

    /// A pronoun ("he", "who"), not an acronym spelled like one.
    fn pronoun(&self, i: usize) -> bool {
        self.lex.words.pronouns.contains(self.lower(i)) && !self.acronym(i)
    }

    fn in_quote(&self, i: usize) -> bool {
        quote_at(self.quotes, self.doc.tokens[i].span.start).is_some()
    }

    fn span(&self, r: &Range<usize>) -> Span {
        Span::new(
            self.doc.tokens[r.start].span.start,
            self.doc.tokens[r.end - 1].span.end,
        )
    }

    /// Runs of cue words outside quotations ("has also repeatedly said" gives one run).
    fn cue_groups(&self, s: &Sentence) -> Vec<Range<usize>> {
        let words = &self.lex.words;
        let mut groups: Vec<Range<usize>> = Vec::new();
        for i in s.tokens.clone() {
            if !self.is_cue_at(i) || self.in_quote(i) {
                continue;
            }
            let mut end = i + 1;
            if self.lower(i) == "according" && end < s.tokens.end && self.lower(end) == "to" {
                end += 1;
            }
            // "said in a statement" is one cue, not two, and so is "has even claimed" ("said in
            // a televised statement": one word more before a document's noun)
            let document = words.documents.contains(self.lower(i));
            let joins = |g: &Range<usize>| {
                // (the word more only after a preposition: not "issued a formal statement")
                let mut spare =
                    usize::from(document && words.prepositions.contains(self.lower(g.end)));
                i - g.end <= 2 + usize::from(document)
                    && (g.end..i).all(|k| {
                        let w = self.lower(k);
                        // not "said and added" nor "said when asked": coordinated cues and a
                        // clause's are two
                        let joining = (words.prepositions.contains(w)
                            && !matches!(
                                w,
                                "and" | "but" | "then" | "when" | "while" | "before" | "after"
                            ))
                            || words.articles.contains(w)
                            || words.between_subject_and_cue.contains(w);
                        let spared = !joining && spare > 0 && self.is_word(k) && !self.is_cue_at(k);
                        spare -= usize::from(spared);
                        joining || spared
                    })
            };
            match groups.last_mut() {
                // the "to" of "according to" may be a cue of its own too: no group of its own
                Some(g) if g.end >= i || joins(g) => g.end = g.end.max(end),
                _ => groups.push(i..end),
            }
        }
        groups
    }

    /// The attribution of one cue, and its source phrase; `previous` is the source of the cue
    /// before it in the sentence.
    fn attribution(
        &self,
        si: usize,
        cue: Range<usize>,
        previous: Option<&Range<usize>>,
    ) -> (Attribution, Option<Range<usize>>) {
        let s = &self.doc.sentences[si];
        let according = self.lower(cue.start) == "according";
        if self.lex.agentless.is(self.lower(cue.start)) {
            return (self.agentless_at(s, self.span(&cue)), None);
        }
        let (source, clause) = if according {
            let src = self.phrase_after(cue.end, s.tokens.end).map(|src| {
                // "According to Maria Lopez, the city's budget director, the shortfall …": the
                // appositive describes the source, and the report starts after it
                let first = cue.start == s.tokens.start;
                match self.appositive_end(src.end, s.tokens.end).filter(|_| first) {
                    Some(end) => src.start..end,
                    // "…, according to the Manhattan district attorney, Alvin L. Bragg.": a
                    // name in apposition ending the sentence is the source's
                    None => src.start..self.final_name_end(src.end, s).unwrap_or(src.end),
                }
            });
            // "According to a senior official, who asked not to be named, the party …": the
            // report starts after the source's relative clause
            let clause_end = src.as_ref().map_or(cue.end, |r| {
                let relative = self.relative_clause_end(r.end, s.tokens.end);
                relative
                    .filter(|_| cue.start == s.tokens.start)
                    .unwrap_or(r.end)
            });
            (src, cue.start..clause_end)
        } else if let Some((aux, agent, end)) = self.passive(&cue, s) {
            (agent, aux..end)
        } else if let Some((verb, agent)) = self.drawn_from(&cue, s) {
            let end = agent.end;
            (Some(agent), verb..end)
        } else if let Some(src) = self.shared_subject(&cue, s, previous) {
            (Some(src), cue.clone())
        } else if let Some(src) = self.subject_before(cue.start, s.tokens.start) {
            let src = self.after_lead_quote(&src, s).unwrap_or(src);
            let clause = src.start..cue.end;
            (Some(src), clause)
        } else if let Some(src) = self.inverted_source(&cue, s) {
            let clause = cue.start..src.end;
            (Some(src), clause)
        } else if let Some(src) = self.interrupted_subject(&cue, s) {
            let clause = src.start..cue.end;
            (Some(src), clause)
        } else {
            (None, cue.clone())
        };
        // "ST. LOUIS — … workers went on strike after rejecting …": a dateline is no source
        // (a dateline is a few words opening the sentence)
        let source = source.filter(|r| {
            r.start > s.tokens.start + 4
                || self.doc.dateline_dash(s).is_none_or(|dash| r.end > dash)
        });
        let (mut content, direct) = self.content(si, &cue, &clause);
        if !direct && self.before_free_relative(source.as_ref(), s, &content) {
            content.clear();
        }
        let source_spans: Vec<Span> = source.iter().map(|r| self.span(r)).collect();
        let (mut source_kind, source_entity) = classify_source(
            self.doc,
            self.lex,
            &self.config.kb,
            self.entities,
            self.mentions,
            &source_spans,
        );
        // "A senior diplomat, who spoke on condition of anonymity, said …": the clause between
        // an unnamed source and its cue can make it anonymous; so can a participle after the
        // cue ("a Hamas official told Al Jazeera, speaking on condition of anonymity")
        let hull = super::hull(&source_spans);
        let unnamed = source_kind == SourceKind::Described
            || matches!(source_kind, SourceKind::NamedOrg | SourceKind::Media)
                && hull.is_some_and(|h| self.names_no_one(h));
        if unnamed {
            let cue_span = self.span(&cue);
            let prose = &self.doc.prose;
            let between = hull.filter(|h| h.end < cue_span.start).is_some_and(|h| {
                self.lex
                    .anonymous
                    .any_in(prose, Span::new(h.end, cue_span.start))
            });
            let after = || {
                let rest = Span::new(cue_span.end, s.span.end.max(cue_span.end));
                self.lex.anonymous.find_in(prose, rest).iter().any(|m| {
                    let m = m.text(prose);
                    m.contains("anonymity") || m.contains("named") || m.contains("authorized")
                })
            };
            if between || after() {
                source_kind = SourceKind::Anonymous;
            }
        }
        let anonymity_explained =
            source_kind == SourceKind::Anonymous && self.anonymity_explained(si);
        let attribution = Attribution {
            cue: vec![self.span(&cue)],
            source: source_spans,
            source_kind,
            source_entity,
            content,
            direct,
            anonymity_explained,
        };
        (attribution, source)
    }

    /// Whether the source phrase `h` ends in a common noun rather than a name: "a Hamas
    /// official", not "the State Department".
    fn names_no_one(&self, h: Span) -> bool {
        let k = self.mentions.partition_point(|m| m.span.end < h.end);
        !self
            .mentions
            .get(k)
            .is_some_and(|m| m.span.end == h.end && m.span.start >= h.start)
    }

    /// A passive cue ("was first reported by MSNBC", "has been told"): the first auxiliary
    /// before it, the agent of the "by" phrase after it (no source without one) and the end of
    /// the clause (after the "by" phrase).
    fn passive(
        &self,
        cue: &Range<usize>,
        s: &Sentence,
    ) -> Option<(usize, Option<Range<usize>>, usize)> {
        if self.lower(cue.start).ends_with("ing") {
            return None;
        }
        let words = &self.lex.words;
        let mut j = cue.start;
        let mut be = false;
        while j > s.tokens.start && words.between_subject_and_cue.contains(self.lower(j - 1)) {
            j -= 1;
            be |= words.be_forms.contains(self.lower(j));
        }
        if !be {
            return None;
        }
        // "…, the court was told": who was told heard it, and is no part of the content
        if self.lower(cue.start) == "told"
            && j > s.tokens.start
            && words.hearing_bodies.contains(self.lower(j - 1))
        {
            j = self
                .subject_before(j, s.tokens.start)
                .map_or(j, |r| r.start);
        }
        // (not past an infinitive or a clause: "is expected to grow by 0.2%")
        let by = (cue.end..(cue.end + 6).min(s.tokens.end))
            .take_while(|&i| self.is_word(i) && !matches!(self.lower(i), "to" | "that"))
            .find(|&i| self.lower(i) == "by");
        let phrase = by.and_then(|b| self.phrase_after(b + 1, s.tokens.end));
        let end = phrase.as_ref().map_or(cue.end, |r| r.end);
        // "A ruling is expected by June": a time is no agent, and no part of the content
        if by.is_some_and(|b| self.time_at(b + 1)) {
            return Some((j, None, end));
        }
        Some((j, phrase, end))
    }

    /// A reaction drawn from someone: "The plan drew sharp criticism from Lula", "…, drawing
    /// praise from allies". The drawing verb (at most two words before the noun cue) and the
    /// source after "from"; the content is what comes before the verb, as in a passive.
    fn drawn_from(&self, cue: &Range<usize>, s: &Sentence) -> Option<(usize, Range<usize>)> {
        let from = if self.lower(cue.end - 1) == "from" {
            cue.end - 1
        } else if cue.end < s.tokens.end && self.lower(cue.end) == "from" {
            cue.end
        } else {
            return None;
        };
        let words = &self.lex.words;
        let verb = (cue.start.saturating_sub(3).max(s.tokens.start)..cue.start)
            .rev()
            .take_while(|&k| self.is_word(k))
            .find(|&k| words.drawing_verbs.contains(self.lower(k)))?;
        let agent = self.phrase_after(from + 1, s.tokens.end)?;
        Some((verb, agent))
    }

    /// Whether a time expression starts at token `k`: "June", "Friday", "2025", "then", "the
    /// end of the year".
    fn time_at(&self, k: usize) -> bool {
        if k >= self.doc.tokens.len() {
            return false;
        }
        // (not "by Monday's statement")
        let possessive = self
            .doc
            .tokens
            .get(k + 1)
            .is_some_and(|t| t.kind == TokenKind::Possessive);
        let w = self.lower(k);
        !possessive
            && (self.doc.tokens[k].kind == TokenKind::Number
                || self.lex.words.time_words.contains(w)
                || w == "the" && k + 1 < self.doc.tokens.len() && self.lower(k + 1) == "end")
    }

    /// Cues that share the subject of the clause before them: a participle after a comma
    /// ("…, saying …", "…, calling him …"), a verb coordinated with an earlier one ("… and
    /// told them …") and an opening participle ("After thanking the crowd, he …").
    fn shared_subject(
        &self,
        cue: &Range<usize>,
        s: &Sentence,
        previous: Option<&Range<usize>>,
    ) -> Option<Range<usize>> {
        let words = &self.lex.words;
        if words.object_source_cues.contains(self.lower(cue.start)) {
            return None;
        }
        let participle = self.lower(cue.start).ends_with("ing");
        let mut j = cue.start;
        while j > s.tokens.start && words.between_subject_and_cue.contains(self.lower(j - 1)) {
            j -= 1;
        }
        let opening = j == s.tokens.start
            || (j == s.tokens.start + 1 && words.prepositions.contains(self.lower(j - 1)));
        if opening {
            if !participle && self.lower(cue.start) != "having" {
                return None;
            }
            // the subject of the main clause, after the comma closing the opening phrase
            let comma = (cue.end..s.tokens.end).find(|&i| self.is(i, ","))?;
            return self.noun_phrase_at(comma + 1, s.tokens.end);
        }
        let before = self.lower(j - 1);
        // ("praising the treatments while saying that …": a participle after a conjunction
        // shares the subject too)
        let joined = matches!(before, "and" | "but" | "then")
            || (participle
                && (self.is(j - 1, ",")
                    || self.doc.tokens[j - 1].kind == TokenKind::Dash
                    || matches!(before, "while" | "after" | "before" | "when" | "by")));
        if !joined {
            return None;
        }
        previous
            .cloned()
            .or_else(|| self.sentence_subject(s, j - 1))
    }

    /// Where a role in lower case before the name at token `b` starts, with the capitalised
    /// words or possessive naming whose role it is ("White House spokesman", "Kasich's chief
    /// strategist"); `b` if no role stands there.
    fn role_before(&self, b: usize, start: usize) -> usize {
        let kb = &self.config.kb;
        let mut q = b;
        // the role's words: a title's last word, and the words of titles before it ("chief",
        // "campaign" are not titles: at most two such words)
        if !(q > start && !self.capitalized(q - 1) && kb.is_title_last_word(self.lower(q - 1))) {
            return b;
        }
        q -= 1;
        while q > start
            && b - q < 3
            && self.is_word(q - 1)
            && !self.capitalized(q - 1)
            && !self.lex.words.determiners.contains(self.lower(q - 1))
            && !self.lex.words.prepositions.contains(self.lower(q - 1))
            && !AUXILIARIES.contains(&self.lower(q - 1))
            && !self.is_cue_at(q - 1)
        {
            q -= 1;
        }
        // whose: capitalised words and possessives right before it
        let mut o = q;
        while o > start
            && b - o < MAX_SOURCE_TOKENS
            && (self.capitalized(o - 1) || self.doc.tokens[o - 1].kind == TokenKind::Possessive)
        {
            o -= 1;
        }
        // a possessive's owner in lower case, with its article: "the network's nightly news
        // anchor Ilia Calderón"
        if o < q && o > start && self.doc.tokens[o].kind == TokenKind::Possessive {
            o -= 1;
            if o > start && self.lex.words.determiners.contains(self.lower(o - 1)) {
                o -= 1;
            }
        }
        // (a role alone, with no one's name before it, opens a noun phrase: "a campaign
        // spokesman Josh Earnest" is left to the walk that found the name)
        // ("…, regional governor Oleh Syniehubov said": at a clause's start it is the phrase)
        if o == q && q > start && self.lower(q - 1) != "the" && !self.is(q - 1, ",") {
            return b;
        }
        o
    }

    /// The span of the entity mention that ends with token `k`, if one does.
    fn mention_ending_at(&self, k: usize) -> Option<Span> {
        let end = self.doc.tokens[k].span.end;
        let i = self.mentions.partition_point(|m| m.span.end < end);
        self.mentions[i..]
            .iter()
            .take_while(|m| m.span.end == end)
            .map(|m| m.span)
            .min_by_key(|s| s.start)
    }

    /// Whether token `k` lies in a mention of more than one token.
    fn in_long_mention(&self, k: usize) -> bool {
        let t = self.doc.tokens[k].span;
        let i = self.mentions.partition_point(|m| m.span.end < t.end);
        self.mentions[i..]
            .iter()
            .take_while(|m| m.span.start <= t.start)
            .any(|m| m.span.len() > t.len())
    }

    /// The end of a person's name set off by the comma at token `k` and ending sentence `s`
    /// (before its final mark).
    fn final_name_end(&self, k: usize, s: &Sentence) -> Option<usize> {
        let m = self
            .mention_starting_at(k + 1)
            .filter(|_| k + 1 < s.tokens.end && self.is(k, ",") && self.person_at(k + 1))?;
        let mut end = self.doc.token_at_or_after(m.span.end);
        // (and the age after it: "said his daughter, Yesenia Gutierrez, 24.")
        if end + 1 < s.tokens.end
            && self.is(end, ",")
            && self.doc.tokens[end + 1].kind == TokenKind::Number
        {
            end += 2;
        }
        let last =
            (end..s.tokens.end).all(|t| matches!(self.text(t), "." | "!" | "?" | "”" | "\""));
        last.then_some(end)
    }

    /// Whether the tokens `k..end` are one place's name.
    fn place_between(&self, k: usize, end: usize) -> bool {
        let span_end = self.doc.tokens[end - 1].span.end;
        self.mention_starting_at(k).is_some_and(|m| {
            m.span.end == span_end && self.entities[m.entity].ty == EntityType::Place
        })
    }

    /// Whether a person's name starts at token `k`.
    fn person_at(&self, k: usize) -> bool {
        self.mention_starting_at(k)
            .is_some_and(|m| self.entities[m.entity].ty == EntityType::Person)
    }

    /// The mention starting where token `k` starts, if one does.
    fn mention_starting_at(&self, k: usize) -> Option<&Mention> {
        let start = self.doc.tokens.get(k)?.span.start;
        let i = self.mentions.partition_point(|m| m.span.start < start);
        self.mentions.get(i).filter(|m| m.span.start == start)
    }

    /// Where the phrase of a group counted by the number at token `q` starts: "the 19
    /// officials", "seven of the 19 officials".
    fn counted_group_start(&self, q: usize, start: usize) -> usize {
        let q = if q > start && self.lower(q - 1) == "the" {
            q - 1
        } else {
            q
        };
        if q >= start + 2 && self.lower(q - 1) == "of" && self.counted(q - 2) {
            q - 2
        } else {
            q
        }
    }

    /// A number, in figures or words ("3", "three").
    fn counted(&self, k: usize) -> bool {
        self.doc.tokens[k].kind == TokenKind::Number
            || self.is_word(k) && NUMBER_WORDS.contains(&self.lower(k))
    }

    /// A word that joins the words of a name ("of", "bin", "von", "da": `name_particles` in
    /// `grammars/kb/name-words.toml`).
    fn name_particle(&self, k: usize) -> bool {
        self.config.kb.words.name_particles.contains(self.lower(k))
    }

    /// The subject of the sentence's main clause, found before token `before`: past an opening
    /// adverbial phrase ("In Nevada, she …", "Speaking in Salem, Trump …").
    fn sentence_subject(&self, s: &Sentence, before: usize) -> Option<Range<usize>> {
        let first = s.tokens.start;
        let mut k = first;
        let opener = self.lower(first);
        if self.lex.words.prepositions.contains(opener) || opener.ends_with("ing") {
            k = (first..before).find(|&i| self.is(i, ","))? + 1;
        }
        self.noun_phrase_at(k, before)
    }

    /// A short noun phrase starting at token `k`: a pronoun, a name, or a determiner and the
    /// words after it.
    fn noun_phrase_at(&self, k: usize, end: usize) -> Option<Range<usize>> {
        if k >= end || !self.is_word(k) {
            return None;
        }
        let words = &self.lex.words;
        let lower = self.lower(k);
        if self.pronoun(k) {
            return Some(k..k + 1);
        }
        let determiner = words.determiners.contains(lower);
        if !determiner && !self.capitalized(k) {
            return None;
        }
        // ("Civic groups have criticised …, saying": a common word capitalised to open the
        // sentence opens a common noun phrase, as a determiner does)
        let opens_phrase = determiner || self.config.kb.is_common_word(self.text(k));
        let mut e = k + 1;
        while e < end && e - k < MAX_SOURCE_TOKENS {
            let lower = self.lower(e);
            let name_part = self.capitalized(e)
                || self.doc.tokens[e].kind == TokenKind::Possessive
                || ((lower == "and" || self.name_particle(e))
                    && e + 1 < end
                    && self.capitalized(e + 1));
            // after a determiner, a few lower-case words up to the first verb-like one
            let common = opens_phrase
                && self.is_word(e)
                && e - k <= 3
                && !AUXILIARIES.contains(&lower)
                && !lower.ends_with("ed")
                && !words.prepositions.contains(lower)
                && !self.is_cue_at(e);
            if !(name_part || common) {
                break;
            }
            e += 1;
        }
        Some(k..e)
    }

    /// "Graham: Trump's rhetoric is destroying the party": a short phrase naming someone, a
    /// colon and what they said (the headline convention for a quotation or a claim). The
    /// phrase opens the sentence or follows a dash ("Iowa polls overhyped - Philip Bump: “…”"),
    /// and names a person, an organization or a document ("Poll: Trump and Clinton tied").
    fn colon_attribution(&self, si: usize) -> Option<Attribution> {
        let s = &self.doc.sentences[si];
        let toks = &self.doc.tokens;
        // (most sentences hold no colon: one search of their bytes says so before any token is
        // looked at)
        memchr::memchr(b':', &self.doc.prose.as_bytes()[s.span.range()])?;
        let (names, colon) = s.tokens.clone().find_map(|colon| {
            if !self.is(colon, ":") {
                return None;
            }
            let mut start = colon;
            while start > s.tokens.start
                && colon - start < 6
                && (self.capitalized(start - 1) || toks[start - 1].kind == TokenKind::Possessive)
            {
                start -= 1;
            }
            let opens = start == s.tokens.start || toks[start - 1].kind == TokenKind::Dash;
            (opens && start < colon).then_some((start..colon, colon))
        })?;
        let name = self.span(&names);
        let first = self.mentions.partition_point(|m| m.span.end <= name.start);
        // a person or an organization speaks; "Iowa: Tim Albrecht, Brad Anderson, …" is a list
        let speaker = self.mentions.get(first).is_some_and(|m| {
            name.covers(m.span) && self.entities[m.entity].ty != EntityType::Place
        }) || self.lex.words.documents.contains(self.lower(colon - 1));
        if !speaker {
            return None;
        }
        // "Sahm: Tariffs. We don't know yet …": a speaker's label opening a paragraph (an
        // interview's answer) speaks the whole paragraph, however short its first sentence
        let paragraph = &self.doc.paragraphs[s.paragraph];
        let label = names.start == s.tokens.start && paragraph.sentences.start == si;
        let mut last = if label {
            self.doc.sentences[paragraph.sentences.end - 1].tokens.end
        } else {
            s.tokens.end
        };
        while last > colon + 1 && matches!(self.text(last - 1), "." | "!" | "?" | ";") {
            last -= 1;
        }
        // ("Clinton: 1,769": a table's figure says nothing)
        let words = (colon + 1..last).any(|k| self.is_word(k));
        if last <= colon + 1 || last == colon + 2 && !label || !words {
            return None;
        }
        let source = vec![name];
        let (source_kind, source_entity) = classify_source(
            self.doc,
            self.lex,
            &self.config.kb,
            self.entities,
            self.mentions,
            &source,
        );
        Some(Attribution {
            cue: vec![self.doc.tokens[colon].span],
            source,
            source_kind,
            source_entity,
            content: vec![self.span(&(colon + 1..last))],
            direct: self.doc.tokens[colon + 1].kind == TokenKind::OpenQuote,
            anonymity_explained: false,
        })
    }

    /// The subject of a cue verb: the noun phrase right before it, past auxiliaries and adverbs.
    fn subject_before(&self, cue: usize, start: usize) -> Option<Range<usize>> {
        let words = &self.lex.words;
        let mut j = cue;
        while j > start && words.between_subject_and_cue.contains(self.lower(j - 1)) {
            j -= 1;
            // "The Senate on Thursday passed": the day's preposition goes with it
            if j > start
                && self.capitalized(j)
                && matches!(self.lower(j - 1), "on" | "last" | "this" | "late" | "early")
            {
                j -= 1;
            }
        }
        // "House Speaker Mike Johnson, R-La., said", "Sen. Gary Peters (D-Mich.) said"
        if let Some(open) = (j > start + 3)
            .then(|| self.party_tag_before(j - 1, start))
            .flatten()
        {
            return self.subject_before(open, start).map(|s| s.start..j);
        }
        if j > start + 3 && self.is(j - 1, ",") {
            return self.appositive_subject(j - 1, start);
        }
        // "Marine Le Pen's National Rally (RN) said": the name before its acronym
        if j > start + 3 && self.parenthesized_acronym_at(j - 3) {
            return self.subject_before(j - 3, start).map(|s| s.start..j);
        }
        if j == start || !self.is_word(j - 1) {
            return None;
        }
        let head = j - 1;
        if self.pronoun(head) {
            return Some(head..j);
        }
        // "preventing rivals such as Spotify from telling users": a preposition ends no subject
        if words.prepositions.contains(self.lower(head)) {
            return None;
        }
        // "The African Union and ECOWAS both urged calm": a quantifier after its subject, with
        // it (as PolNeAR's sources keep it)
        if head > start && matches!(self.lower(head), "both" | "all" | "each") {
            if let Some(subject) = self.subject_before(head, start) {
                return Some(subject.start..j);
            }
        }
        if let Some(subject) = self.restrictive_relative_subject(head, start) {
            // the clause's adverbs too ("… to speak publicly said"), not the cue's auxiliaries
            let adverbs = (j..cue).all(|k| !AUXILIARIES.contains(&self.lower(k)));
            return Some(subject.start..if adverbs { cue } else { j });
        }
        let mut b = head;
        if self.capitalized(head) {
            while b > start && head - b < MAX_SOURCE_TOKENS {
                let p = b - 1;
                // ("Mohammed bin Abdulrahman Al Thani", "Ursula von der Leyen", "Luiz Inácio
                // Lula da Silva")
                let joins = (matches!(self.lower(p), "for" | "and") || self.name_particle(p))
                    && p > start
                    && self.capitalized(p - 1);
                // "IRAN'S RAISI IN BEIJING AS TEHRAN SEEKS": a capitalised preposition or
                // conjunction in a shouted headline ends the name
                // "the Alzheimer's Association": a possessive between capitalised words
                let possessive = self.doc.tokens[p].kind == TokenKind::Possessive
                    && p > start
                    && self.capitalized(p - 1);
                if joins
                    || possessive
                    || self.capitalized(p) && !words.prepositions.contains(self.lower(p))
                {
                    b = p;
                } else {
                    break;
                }
            }
            // a role in lower case before the name, and whose role it is: "White House
            // spokesman Josh Earnest", "Sanders campaign manager Jeff Weaver", "Chiefs coach
            // Andy Reid" (PolNeAR's sources keep them)
            b = self.role_before(b, start);
            // the whole name the head ends: "The Kenya National Commission on Human Rights"
            // (a connector the walk stops at)
            if let Some(m) = self.mention_ending_at(head) {
                let first = self.doc.token_at_or_after(m.start);
                if first < b && first >= start {
                    b = first;
                }
            }
            if b > start && self.lower(b - 1) == "the" {
                b -= 1;
            } else if b > start + 1
                && self.lower(b - 2) == "the"
                && self.is_word(b - 1)
                && !self.capitalized(b - 1)
                && self.lower(b - 1).contains('-')
            {
                // "of the hard-left France Unbowed": with its one hyphenated modifier
                b -= 2;
            }
        } else {
            // a common noun phrase: back to its determiner, a possessive or a name
            let mut k = head;
            let mut found = None;
            let mut quantity = None;
            // whether the walk reached the clause's start (a comma, the sentence's start)
            let mut clause_start = false;
            // whether the walk stopped at a conjunction opening the sentence
            let mut opener = false;
            while head - k < 5 {
                if k == start {
                    break;
                }
                let p = k - 1;
                let t = &self.doc.tokens[p];
                // "… after lawmakers voted": a conjunction opens the subject's clause
                let conjunction = matches!(
                    self.lower(p),
                    "after" | "before" | "when" | "while" | "because" | "since" | "until" | "if"
                );
                // "But experts say", "While critics say": and one opening the sentence, the
                // phrase after it (found as though it were a name's capital)
                if self.capitalized(p)
                    && (conjunction
                        || matches!(self.lower(p), "but" | "yet" | "although" | "though"))
                {
                    found = Some(p);
                    opener = true;
                    break;
                }
                if conjunction {
                    clause_start = true;
                    break;
                }
                if words.determiners.contains(self.lower(p))
                    || self.capitalized(p)
                    || self.lower(p) == "what"
                {
                    found = Some(p);
                    break;
                }
                // "56% of newsroom leaders say", "2,000 residents signed": a number counts them
                if t.kind == TokenKind::Number {
                    quantity = Some(p);
                    break;
                }
                if self.is(p, "%") && p > start && self.doc.tokens[p - 1].kind == TokenKind::Number
                {
                    quantity = Some(p - 1);
                    break;
                }
                if t.kind == TokenKind::Possessive {
                    k = p;
                    continue;
                }
                if !self.is_word(p) || self.is_cue_at(p) {
                    clause_start = self.is(p, ",");
                    break;
                }
                // "Trump has steadfastly refused", "a reporter can be heard asking": an
                // auxiliary makes the words before the cue a verb phrase, whose subject is
                // before the auxiliary (none after a relative pronoun: "a rule that would have
                // required pharmacies to report")
                if AUXILIARIES.contains(&self.lower(p)) {
                    let relative = matches!(self.lower(p - 1), "that" | "which" | "who" | "to");
                    let subject = p > start && self.is_word(p - 1) && !relative;
                    return subject.then(|| self.subject_before(p, start)).flatten();
                }
                k = p;
            }
            // "a case that prosecutors called …", "a shortfall that city officials blamed":
            // "that" before a plural is a relative pronoun, and the subject starts after it
            // (and "what": "his role in what prosecutors called the largest scheme")
            let relative = |p: usize| {
                self.lower(p) == "that" && self.lower(head).ends_with('s')
                    || self.lower(p) == "what"
            };
            b = match found {
                _ if quantity.is_some() => {
                    self.counted_group_start(quantity.unwrap_or(head), start)
                }
                Some(p) if relative(p) || opener => p + 1,
                // "the plan the council approved": a determiner found opens the phrase, or
                // with another ("all the officials", "the most recent poll"), but not a
                // complement's "that" ("… cautioned that the study does not show")
                Some(p) if !self.capitalized(p) => {
                    let before = p
                        .checked_sub(1)
                        .filter(|&q| q >= start)
                        .map(|q| self.lower(q));
                    if before.is_some_and(|w| w != "that" && words.determiners.contains(w)) {
                        p - 1
                    } else {
                        p
                    }
                }
                Some(p) => {
                    // a name before a possessive or a determiner ("Trump's campaign")
                    let mut q = p;
                    while q > start && self.capitalized(q - 1) {
                        q -= 1;
                    }
                    // and the city before its state: "The Santa Clara, California-based company"
                    if q > start + 1
                        && self.lower(q).ends_with("-based")
                        && self.is(q - 1, ",")
                        && self.capitalized(q - 2)
                    {
                        q -= 2;
                        while q > start && self.capitalized(q - 1) {
                            q -= 1;
                        }
                    }
                    // and the determiner of a name used as a modifier: "a Hamas official",
                    // "a senior European diplomat"
                    let determiner = |i: usize| words.determiners.contains(self.lower(i));
                    if q > start && determiner(q - 1) {
                        q - 1
                    } else if q > start + 1 && determiner(q - 2) && !self.capitalized(q - 1) {
                        q - 2
                    } else {
                        q
                    }
                }
                // "…, people familiar with the matter said": a bare plural of people opening
                // its clause ("…, mission managers said", "…, exit polls and early results
                // showed": or a plural noun and its modifiers, and a plural it is joined to)
                None if clause_start && words.bare_sources.contains(self.lower(k)) => k,
                None if clause_start && self.bare_plural_phrase(k, head) => k,
                None => head,
            };
        }
        // "people familiar with the campaign's strategy", "officials at the Department of
        // Health", "lawyers for the family": the phrase the preposition hangs on is the source
        // ("a survey by Comcast", "a review by The Times": a document's author)
        // ("A memo reviewed by The Chronicle", "records obtained by the AP": what the outlet saw)
        if b >= start + 2
            && (SOURCE_PREPOSITIONS.contains(&self.lower(b - 1))
                || self.lower(b - 1) == "by"
                    && (words.documents.contains(self.lower(b - 2))
                        || words.seen_by.contains(self.lower(b - 2))))
        {
            if let Some(outer) = self.subject_before(b - 1, start) {
                if outer.end == b - 1 {
                    return Some(outer.start..j);
                }
            }
        }
        Some(b..j)
    }

    /// Whether the words `k..=head` are a plural noun with its modifiers, or two such joined by
    /// "and" ("mission managers", "exit polls and early results"), not a clause ("prices rose
    /// and analysts").
    fn bare_plural_phrase(&self, k: usize, head: usize) -> bool {
        let plural = |i: usize| {
            let w = self.lower(i);
            w.len() > 3 && w.ends_with('s') && !w.ends_with("ss")
        };
        plural(head)
            && (k..head).all(|i| match self.lower(i) {
                "and" | "or" => i > k && plural(i - 1),
                w => {
                    !AUXILIARIES.contains(&w)
                        && !w.ends_with("ed")
                        && !matches!(
                            w,
                            "but"
                                | "while"
                                | "where"
                                | "when"
                                | "as"
                                | "because"
                                | "that"
                                | "which"
                                | "so"
                                | "if"
                                | "though"
                                | "than"
                                | "then"
                        )
                }
            })
    }

    /// "An official who was not authorized to speak said": the subject of a cue whose last
    /// word `head` ends a relative clause without commas is the noun phrase before "who" and
    /// the clause with it.
    fn restrictive_relative_subject(&self, head: usize, start: usize) -> Option<Range<usize>> {
        let from = head.saturating_sub(MAX_SOURCE_TOKENS).max(start + 1);
        let who = (from..head)
            .rev()
            .take_while(|&i| self.is_word(i))
            .find(|&i| self.lower(i) == "who")?;
        // "Blinken, who is due in Cairo, said": a clause set off by commas is no part of it
        if !self.is_word(who - 1) {
            return None;
        }
        self.subject_before(who, start)
            .filter(|subject| subject.end == who)
    }

    /// `“…,” the Florida senator and presidential candidate said`: everything between a quotation
    /// that ends on a comma (or ? !) and the cue is the speaker, not only the last noun phrase.
    fn after_lead_quote(&self, src: &Range<usize>, s: &Sentence) -> Option<Range<usize>> {
        let mut b = src.start;
        while b > s.tokens.start
            && src.end - b < MAX_SOURCE_TOKENS
            && matches!(
                self.doc.tokens[b - 1].kind,
                TokenKind::Word | TokenKind::Possessive
            )
        {
            b -= 1;
        }
        let close = b.checked_sub(1)?;
        let ends_quote = close > s.tokens.start
            && self.doc.tokens[close].kind == TokenKind::CloseQuote
            && matches!(self.text(close - 1), "," | "?" | "!");
        // (a quotation leading the sentence: not 'accusing it of "anti-state activities," only
        // to lift it after lawmakers voted')
        let leads = || {
            quote_at(self.quotes, self.doc.tokens[close].span.start)
                .is_some_and(|q| self.quotes[q].span.start <= s.span.start)
        };
        (ends_quote && b < src.start && leads()).then_some(b..src.end)
    }

    /// "Samantha Phillips, the city's emergency director, said": the name and its appositive,
    /// `comma` being the comma before the cue.
    fn appositive_subject(&self, comma: usize, start: usize) -> Option<Range<usize>> {
        let words = &self.lex.words;
        // "Chiefs coach Andy Reid, 65, said": an age
        if comma > start + 2
            && self.doc.tokens[comma - 1].kind == TokenKind::Number
            && self.is(comma - 2, ",")
        {
            return self
                .subject_before(comma - 2, start)
                .map(|s| s.start..comma + 1);
        }
        let mut k = comma;
        while k > start && comma - k < MAX_APPOSITIVE_TOKENS && !self.is(k - 1, ",") {
            k -= 1;
            if !matches!(
                self.doc.tokens[k].kind,
                TokenKind::Word | TokenKind::Possessive
            ) {
                return None;
            }
        }
        if k <= start + 1 || !self.is(k - 1, ",") {
            return None;
        }
        // "Sen. John Cornyn, R-Texas, the bill's sponsor, said" (but not a relative clause:
        // "Rep. Gail Griffin, R-Hereford, who chairs the panel, said")
        if let Some(open) = self.party_tag_before(k - 1, start) {
            let end = if inserted_clause(self.lower(k)) {
                k - 1
            } else {
                comma + 1
            };
            return self.subject_before(open, start).map(|s| s.start..end);
        }
        // "managers at the laboratory in Pasadena, California, said": a city's state or
        // country is part of the phrase before it
        if self.place_between(k, comma) && k >= start + 2 && self.capitalized(k - 2) {
            return self.subject_before(k - 1, start).map(|s| s.start..comma);
        }
        // "A city official, speaking on condition of anonymity, said", "The indictment,
        // unsealed in Brooklyn federal court, alleges": the subject is the phrase before a
        // participle's commas
        let first = self.lower(k);
        let participle =
            first.ends_with("ing") || first.ends_with("ed") && !matches!(first, "indeed");
        if first.len() > 4 && participle && !self.capitalized(k) {
            return self.subject_before(k - 1, start);
        }
        let before = self
            .subject_before(k - 1, start)
            .filter(|n| n.end == k - 1)?;
        let b = before.start;
        // "His publicist, Arnold Robinson, confirmed", "A separate judge, Amit Mehta of the
        // U.S. District Court, ruled": a role, then the person's name
        // (or an owner's: "Meanwhile, Boeing's chief executive, Jane Doe, said")
        if !self.capitalized(k - 2) {
            let owner = || {
                before
                    .clone()
                    .any(|i| self.doc.tokens[i].kind == TokenKind::Possessive)
            };
            let role = (words.determiners.contains(self.lower(b)) || owner()) && before.len() <= 5;
            return (role && self.person_at(k)).then_some(b..comma);
        }
        // the name before the appositive, "of" and all: "Sen. Chuck Schumer of New York, the
        // top Democrat, said"
        // "Jane Doe, vice president of research at the association, said": a role without a
        // determiner after a full name ("Google's vice president": or with its owner's name)
        let owned = || {
            self.capitalized(k)
                && self.doc.tokens.get(k + 1).map(|t| t.kind) == Some(TokenKind::Possessive)
                && k + 2 < comma
                && !self.capitalized(k + 2)
        };
        // ("Ambani, Asia's richest man, told", "Vodafone, Europe's largest mobile operator,
        // said": one name alone before an owned role)
        let role = || {
            (b + 1 < k - 1 || owned() && self.mention_starting_at(b).is_some())
                && (!self.capitalized(k) || owned())
                && !inserted_clause(first)
                && !words.prepositions.contains(first)
                && !AUXILIARIES.contains(&first)
        };
        let short = comma - k < 8;
        (short && words.determiners.contains(first) || role()).then_some(b..comma + 1)
    }

    /// ", R-Texas,", ", R-La.," or " (D-Mich.)": the comma or parenthesis opening a party tag
    /// that the comma or parenthesis `mark` closes (or the comma after it).
    fn party_tag_before(&self, mark: usize, start: usize) -> Option<usize> {
        let end = if mark > start && self.is(mark, ",") && self.is(mark - 1, ")") {
            mark - 1
        } else {
            mark
        };
        if !matches!(self.text(end), ")" | ",") {
            return None;
        }
        (start + 1..end)
            .rev()
            .take(6)
            .find(|&k| matches!(self.text(k), "(" | ","))
            .filter(|&k| self.doc.party_tag_end(k + 1) == Some(end))
    }

    /// A cue word used as one (not the noun in "the report").
    fn is_cue_at(&self, i: usize) -> bool {
        self.cues[i]
    }

    /// Whether word `i` is a cue, given whether it is a candidate of the rules
    /// ([`Lexicons::cue_candidate`]) and its score by the learned model.
    fn cue_decision(&self, i: usize, candidate: bool, score: Option<f32>) -> bool {
        // "the agency, known as UNRWA,": a name given, not a report
        if self.is(i, "known") && i > 0 && self.is(i - 1, ",") {
            return false;
        }
        if self.not_cue_pair(i) || i > 0 && self.not_cue_pair(i - 1) {
            return false;
        }
        // "the singer Stevie Wonder said": a word of a name is no cue (but in Title Case, as
        // in a headline, names are no reliable guide: "Report Reveals Clinton's Meetings")
        let title_case = i + 1 < self.doc.tokens.len() && self.capitalized(i + 1);
        if self.capitalized(i) && !title_case && self.in_long_mention(i) {
            return false;
        }
        // "three counts of felonious assault": a plural after a number is a noun, and so is
        // one opening what was said ("Luna said orders now cover …")
        if i > 0
            && self.lower(i).ends_with('s')
            && !self.is(i, "says")
            && (self.counted(i - 1) || matches!(self.lower(i - 1), "said" | "says" | "told"))
        {
            return false;
        }
        // "Boeing said the rejected offer …": a participle after a cue and an article modifies
        // the noun of what was said (a noun is part of the cue: "issued a statement")
        if i >= 2
            && self.lower(i).ends_with("ed")
            && self.lex.words.articles.contains(self.lower(i - 1))
            && self.lex.is_cue(self.lower(i - 2))
        {
            return false;
        }
        // "by a quarter point to 10.25%": so is a word after a measure's
        if i > 0 && self.lex.words.measure_words.contains(self.lower(i - 1)) {
            return false;
        }
        // (asked again of a low-scored candidate that it proposed: rarer than asking every
        // candidate once, which costs more)
        if candidate && self.that_after_time(i) {
            return true;
        }
        let rule = candidate && self.rule_cue_at(i, self.lower(i));
        let model = self.lex.cue_model;
        // the rules decide unless the model is sure otherwise (measured on a held-out part of
        // train: together they beat either alone)
        match score {
            Some(z) if rule => z >= model.veto,
            // a capitalized word in a Title Case headline has no reliable neighbours ("Iran Says
            // Talks Will Resume"): the model may veto it but not add it
            // ("Putin has also courted him", "has been endorsed by": a word standing between
            // a subject and its cue is never one, which leaves a passive its agent)
            Some(z) => {
                z >= model.add
                    && !self.capitalized(i)
                    && !self
                        .lex
                        .words
                        .between_subject_and_cue
                        .contains(self.lower(i))
            }
            None => rule,
        }
    }

    /// "The CDC estimated in August that 55 percent …": a "that" after the time of the saying
    /// makes a candidate verb a cue, whatever its neighbours tell the model.
    fn that_after_time(&self, i: usize) -> bool {
        let end = self.doc.tokens.len();
        // (a verb's past: nouns take a time and a relative "that" too, "a case Monday that …";
        // and a "that" within reach, looked for before the time is read)
        // (most candidates fail on the word after them, which opens no time)
        if i + 2 >= end
            || !(matches!(self.lower(i + 1), "on" | "in" | "last" | "this")
                || self.capitalized(i + 1))
            || !self.lower(i).ends_with("ed")
            || !(i + 2..(i + 8).min(end)).any(|k| self.is(k, "that"))
        {
            return false;
        }
        let after = self.after_time_of_saying(i + 1, end);
        // (a clause's subject after "that", not a relative clause's verb: "two articles
        // published in October that examined …")
        let words = &self.lex.words;
        let subject = |k: usize| {
            k < end
                && (self.doc.tokens[k].kind == TokenKind::Number
                    || self.capitalized(k)
                    || words.determiners.contains(self.lower(k))
                    || words.pronouns.contains(self.lower(k)))
        };
        after > i + 1 && after < end && self.lower(after) == "that" && subject(after + 1)
    }

    /// Whether word `i` and the next one are a pair of `not-cue-pairs.txt` ("pleaded guilty",
    /// "continued to", "added 3 points"): neither word is a cue, whatever the model says.
    fn not_cue_pair(&self, i: usize) -> bool {
        let Some(nexts) = self.lex.not_cue_pairs.get(self.lower(i)) else {
            return false;
        };
        i + 1 < self.doc.tokens.len()
            && (nexts.contains(self.lower(i + 1))
                || self.doc.tokens[i + 1].kind == TokenKind::Number && nexts.contains(NUMBER))
    }

    /// The lexicon rules' answer for a cue candidate: its pair tables, then a subject before a
    /// weak cue.
    fn rule_cue_at(&self, i: usize, lower: &str) -> bool {
        let next_in = |pairs: &WordMap<WordSet>| {
            pairs.get(lower).is_some_and(|next| {
                i + 1 < self.doc.tokens.len() && next.contains(self.lower(i + 1))
            })
        };
        // the word before decides first ("records show", "be found"); then the word after
        let after_word = (i > 0 && self.is_word(i - 1))
            .then(|| self.lex.cue_after.get(lower))
            .flatten()
            .and_then(|prevs| {
                prevs.get(self.doc.lower(i - 1)).or_else(|| {
                    (self.capitalized(i - 1) && !self.capitalized(i))
                        .then(|| prevs.get(AFTER_NAME))
                        .flatten()
                })
            });
        let strong = match after_word {
            Some(false) => return false,
            Some(true) => true,
            None => {
                (self.lex.is_cue(lower) && !next_in(&self.lex.not_cues_before))
                    || next_in(&self.lex.cues_before)
            }
        };
        // most words are no cue at all: decide that with a lookup or two
        if !strong && !self.lex.cues_after_subject.contains(lower) {
            return false;
        }
        let words = &self.lex.words;
        let prev = (i > 0).then(|| self.lower(i - 1));
        // "refused to discuss": an infinitive is not a cue of its own
        if prev == Some("to") || words.between_subject_and_cue.contains(lower) {
            return false;
        }
        // "the report" is a noun, but "several said" and "one in five say" have a subject
        let after_determiner = prev.as_ref().is_some_and(|p| words.articles.contains(&**p));
        if strong {
            return !after_determiner;
        }
        // a weak cue needs a subject right before it (in a Title Case headline every word is
        // capitalized, so a name there is no evidence)
        !after_determiner
            && prev.as_ref().is_some_and(|p| {
                words.pronouns.contains(&**p) || (self.capitalized(i - 1) && !self.capitalized(i))
            })
    }

    /// A cue with its source after it: `“…,” said Caddell` or `…, said the senator.` The source
    /// is short and ends the clause.
    fn inverted_source(&self, cue: &Range<usize>, s: &Sentence) -> Option<Range<usize>> {
        let after_break = cue.start == s.tokens.start
            || self.is(cue.start - 1, ",")
            || self.doc.tokens[cue.start - 1].kind == TokenKind::CloseQuote;
        // "Blinken, who is due in Cairo, said Washington …": a relative clause before the cue
        // interrupts its subject ([`Detector::interrupted_subject`])
        let relative = || {
            (s.tokens.start..cue.start).any(|i| {
                self.is(i, ",") && inserted_clause(self.lower(i + 1)) && !self.acronym(i + 1)
            })
        };
        // ("His publicist, Arnold Robinson, confirmed the death": only a verb of saying
        // commonly comes before its source, "…, said the ministry")
        let saying = STRONG.contains(&self.lower(cue.start));
        if !after_break || (relative() || !saying) && self.interrupted_subject(cue, s).is_some() {
            return None;
        }
        let src = self.phrase_after(cue.end, s.tokens.end)?;
        let ends_clause =
            src.end == s.tokens.end || matches!(self.text(src.end), "," | "." | "!" | "?" | ";");
        let src = src.start..self.saying_circumstance(src.clone()).unwrap_or(src.end);
        // a source is a noun phrase: "…, said Beijing had been careful" is content, not a source
        let has_verb = src.clone().any(|k| AUXILIARIES.contains(&self.lower(k)));
        // (longer only as a name of an organization: "…,” said Dr. Madeleine van Oppen of
        // the Australian Institute of Marine Science.")
        let of_name = |k: usize| {
            self.is(k, "of")
                && k + 2 < src.end
                && (self.capitalized(k + 1) || self.is(k + 1, "the") && self.capitalized(k + 2))
        };
        let named = || self.capitalized(src.start) && src.clone().any(of_name);
        let source = ends_clause && (src.len() <= 8 || named()) && !has_verb;
        // "…,” said Colombia's environment minister, Irene Vélez.": with the name ending the
        // sentence in apposition
        source.then(|| src.start..self.final_name_end(src.end, s).unwrap_or(src.end))
    }

    /// "It is unclear what officials said", "That is what the experts say": whether the content
    /// comes before the "what" of a free relative opening at the source, which is none of it.
    fn before_free_relative(
        &self,
        source: Option<&Range<usize>>,
        s: &Sentence,
        content: &[Span],
    ) -> bool {
        source
            .filter(|r| r.start > s.tokens.start)
            .is_some_and(|r| {
                let what_end = self.doc.tokens[r.start - 1].span.end;
                matches!(self.lower(r.start - 1), "what" | "whatever")
                    && content.iter().all(|c| c.end <= what_end)
            })
    }

    /// "…,” said Sheriff Kory Honea at a briefing in Oroville.": where in `src` a phrase about
    /// the saying starts after the source's name ("at a briefing", "in an interview", "on
    /// Tuesday"), but not its affiliation ("at Harvard", "at the University of Texas").
    fn saying_circumstance(&self, src: Range<usize>) -> Option<usize> {
        (src.start + 1..src.end.saturating_sub(1)).find(|&k| {
            let next_common = |j: usize| self.is_word(j) && !self.capitalized(j);
            matches!(
                self.lower(k),
                "at" | "in" | "on" | "during" | "after" | "before" | "while"
            ) && self.capitalized(k - 1)
                && next_common(k + 1)
                && (self.lower(k + 1) != "the" || k + 2 < src.end && next_common(k + 2))
        })
    }

    /// "Two officials familiar with the talks, who spoke …, said": the subject opens the sentence
    /// and a relative or appositive clause separates it from its cue.
    fn interrupted_subject(&self, cue: &Range<usize>, s: &Sentence) -> Option<Range<usize>> {
        let words = &self.lex.words;
        // the cue's auxiliaries and adverbs go with it: "Its chief executive, Arthur Mensch, has
        // said"
        let mut at = cue.start;
        while at > s.tokens.start && words.between_subject_and_cue.contains(self.lower(at - 1)) {
            at -= 1;
        }
        if at == s.tokens.start || !self.is(at - 1, ",") {
            return None;
        }
        let comma = (s.tokens.start..at - 1).find(|&i| self.is(i, ","))?;
        let inserted = self.lower(comma + 1);
        let first = s.tokens.start;
        // a long subject must be a name: "The United Nations Relief and Works Agency for
        // Palestine Refugees, known as UNRWA, said"
        let name_like = || {
            !words.prepositions.contains(self.lower(first))
                && (first..comma).all(|i| {
                    self.capitalized(i) || matches!(self.lower(i), "of" | "and" | "for" | "the")
                })
        };
        let subject_like = comma > first
            && (first..comma)
                .all(|i| self.is_word(i) || self.doc.tokens[i].kind == TokenKind::Possessive)
            && (comma - first <= 8 || comma - first <= MAX_SOURCE_TOKENS && name_like());
        if !subject_like {
            return None;
        }
        let inserted_phrase = || {
            (words.inserted_phrase_openers.contains(inserted)
                || self.doc.tokens[comma + 1].kind == TokenKind::Number)
                && !words.prepositions.contains(self.lower(first))
        };
        if inserted_clause(inserted) && !self.acronym(comma + 1)
            || words.determiners.contains(inserted)
            || inserted_phrase()
        {
            return Some(first..comma);
        }
        // "Her rival, Gov. Mark Hale, accused …": the appositive name belongs to the subject
        // (from the noun phrase before the comma, not the sentence's start: "The verdict came
        // after Smith's daughter, Jane Smith, said")
        // (with its particles: "Qatar's prime minister, Mohammed bin Abdulrahman Al Thani,")
        // (and a relative clause after the name: "Her main rival, Xóchitl Gálvez, who ran for
        // a coalition, conceded")
        let name_end = (comma + 2..at - 1)
            .find(|&i| self.is(i, ",") && matches!(self.lower(i + 1), "who" | "whose"))
            .unwrap_or(at - 1);
        // "Rep. Gail Griffin, R-Hereford, who chairs …, said": a party tag, not a name
        if self.party_tag_before(name_end, first) == Some(comma) {
            return Some(first..name_end);
        }
        let inside = comma + 2..name_end.saturating_sub(1);
        let name = (comma + 1..name_end)
            .all(|i| self.capitalized(i) || inside.contains(&i) && self.name_particle(i));
        if !name || name_end <= comma + 1 {
            return None;
        }
        // the noun phrase before the name is the subject's ("Her main rival, Xóchitl Gálvez"),
        // an opening phrase is not ("Moments later, Marco Rubio, whose support …, drew")
        let noun_phrase = words.determiners.contains(self.lower(first))
            || (first..comma).any(|i| self.doc.tokens[i].kind == TokenKind::Possessive);
        let subject = match self.subject_before(comma, first) {
            Some(r) if noun_phrase || name_end == at - 1 => r.start,
            None if name_end == at - 1 => first,
            _ => comma + 1,
        };
        Some(subject..name_end)
    }

    /// A noun phrase starting at `k` (a name, a pronoun or a determiner phrase), up to a comma.
    fn phrase_after(&self, k: usize, end: usize) -> Option<Range<usize>> {
        if k >= end || !self.is_word(k) {
            return None;
        }
        if self.pronoun(k) {
            return Some(k..k + 1);
        }
        let mut e = k;
        while e < end && e - k < MAX_SOURCE_TOKENS {
            let stop = !self.phrase_word(e)
                // ("was identified by the coroner's office as John Doe": "as" ends the agent)
                || (e > k
                    && matches!(self.lower(e), "that" | "who" | "which" | "as")
                    && !self.acronym(e))
                || (e > k && self.is_cue_at(e));
            if stop {
                break;
            }
            e += 1;
        }
        // "according to the National Disaster … Council (NDRRMC)": its acronym too
        if e > k && e + 3 <= end && self.parenthesized_acronym_at(e) {
            e += 3;
        }
        (e > k).then_some(k..e)
    }

    /// An appositive set off by commas after a source ending at token `k`: ", the city's budget
    /// director," (an article, a few words and no verb or clause word, then the comma before the
    /// rest of the sentence). The end of its words.
    fn appositive_end(&self, k: usize, end: usize) -> Option<usize> {
        let words = &self.lex.words;
        if k + 2 >= end || !self.is(k, ",") || !words.articles.contains(self.lower(k + 1)) {
            return None;
        }
        let close = (k + 2..end.min(k + 2 + MAX_SOURCE_TOKENS)).find(|&e| !self.phrase_word(e))?;
        // (an indefinite phrase may hold a relative clause: "According to Layoffs.fyi, a website
        // that tracks job cuts, more than …")
        let indefinite = matches!(self.lower(k + 1), "a" | "an");
        let plain = (k + 1..close).all(|e| {
            !words.be_forms.contains(self.lower(e))
                && (indefinite || !matches!(self.lower(e), "that" | "who" | "which"))
                && !self.is_cue_at(e)
        });
        // (the rest of the sentence is a clause of its own: three words at least)
        (plain && self.is(close, ",") && close + 3 < end).then_some(close)
    }

    /// A relative clause set off by commas after a source ending at token `k`: ", who asked
    /// not to be named," with the rest of the sentence after it. The clause's closing comma.
    fn relative_clause_end(&self, k: usize, end: usize) -> Option<usize> {
        if k + 2 >= end || !self.is(k, ",") || !matches!(self.lower(k + 1), "who" | "which") {
            return None;
        }
        let close = (k + 2..end.min(k + 2 + 2 * MAX_SOURCE_TOKENS)).find(|&e| self.is(e, ","))?;
        // (the rest of the sentence is a clause of its own: three words at least)
        (close + 3 < end).then_some(close)
    }

    /// Whether token `i` can stand inside a noun phrase: a word, a possessive or a number.
    fn phrase_word(&self, i: usize) -> bool {
        matches!(
            self.doc.tokens[i].kind,
            TokenKind::Word | TokenKind::Possessive | TokenKind::Number
        )
    }

    /// Whether tokens `i..i + 3` are an acronym in parentheses: "(NDRRMC)".
    fn parenthesized_acronym_at(&self, i: usize) -> bool {
        i + 2 < self.doc.tokens.len()
            && self.is(i, "(")
            && self.acronym(i + 1)
            && self.is(i + 2, ")")
    }

    /// The attributed content and whether it is a direct quotation.
    fn content(&self, si: usize, cue: &Range<usize>, clause: &Range<usize>) -> (Vec<Span>, bool) {
        let s = &self.doc.sentences[si];
        let toks = &self.doc.tokens;
        let before = s.tokens.start..clause.start;
        let after = clause.end..s.tokens.end;
        let last_before = clause.start.checked_sub(1).filter(|&p| p >= s.tokens.start);
        let tail = last_before.is_some_and(|p| {
            (self.is(p, ",")
                || toks[p].kind == TokenKind::CloseQuote
                // (not a dateline's: "RENO, Nev. (AP) — Republican hopeful Donald Trump says")
                || toks[p].kind == TokenKind::Dash && self.doc.dateline_dash(s) != Some(p))
                // "Monday, BuzzFeed announced it had …": an opening phrase, not the content
                && !self.opening_phrase(s, p, &after)
                // "The AP reported that, according to an analysis, 85 of …": inside a clause
                // that "that" opens, the report follows
                && !(p > s.tokens.start && self.lower(p - 1) == "that")
        });
        // "…, saying the race was close": a participle's content follows it (not that of
        // "…, according to the Labor Department, down from June")
        let participle = clause.start == cue.start
            && self.lower(cue.start).ends_with("ing")
            && self.lower(cue.start) != "according";
        // "…, who has called climate change a lie": so does a relative clause's
        // (not "WHO Director-General Tedros": the acronym)
        let relative =
            matches!(self.lower(clause.start), "who" | "which") && !self.acronym(clause.start);
        let tail = tail && !self.that_clause_follows(&after) && !participle && !relative;
        let according_first = self.lower(cue.start) == "according" && before.is_empty();
        if tail && !according_first {
            // "…," X said[, "…"]
            let mut end = clause.start;
            while end > s.tokens.start && matches!(self.text(end - 1), "," | "—" | "–" | "--") {
                end -= 1;
            }
            let mut first = self.span(&(s.tokens.start..end.max(s.tokens.start + 1)));
            if let Some(q) = quote_at(self.quotes, first.start) {
                first.start = first.start.min(self.quotes[q].span.start);
            }
            let mut spans = self.reopened_quotes(first.start);
            spans.push(first);
            let direct = toks[end.saturating_sub(1)].kind == TokenKind::CloseQuote;
            // a split quote: “…,” he said, “…” (not a title quoted after the cue: “…,” she
            // told the Assembly as lawmakers sang “La Marseillaise”)
            if let Some(q) = self
                .quote_starting_in(after.clone())
                .filter(|&q| !self.quotes[q].holds_only_a_name(self.doc, self.mentions))
            {
                spans.push(self.quotes[q].span);
            } else if direct {
                spans.extend(self.following_quotes(si));
            } else if let Some(rest) = (clause.end <= cue.end)
                // "…, said Ed Rendell, who serves as …", "…, according to Andy Smith, director
                // of …": after a source that follows its cue comes its relative clause or
                // appositive
                .then(|| self.interrupted_rest(&after))
                .flatten()
            {
                spans.push(self.span(&rest));
            }
            return (spans, direct);
        }
        // "X said (that) …", "According to X, …": PolNeAR's content keeps the "that"
        let mut k = after.start;
        let tell = matches!(
            self.lower(cue.end - 1),
            "told" | "tells" | "tell" | "telling"
        );
        // ("telling tens of thousands of pilgrims in St. Peter's Square that …": the one told
        // may take more words, if they make a noun phrase)
        let that_within = |n: usize| (k..(k + n).min(after.end)).find(|&i| self.lower(i) == "that");
        let recipient_words = |t: usize| {
            (k..t).all(|i| {
                self.phrase_word(i)
                    && !AUXILIARIES.contains(&self.lower(i))
                    && !matches!(self.lower(i), "and" | "but" | "when" | "who")
            })
        };
        // ("said the study could not prove that …": not a "that" past an auxiliary, which
        // belongs to a clause of the content)
        let no_verb = |t: usize| (k..t).all(|i| !AUXILIARIES.contains(&self.lower(i)));
        // ("said in an interview with CBC News that …": a longer phrase after a preposition,
        // with no comma nor verb in it)
        let preposition = k < after.end && matches!(self.lower(k), "in" | "on" | "at" | "during");
        let phrase = |t: usize| no_verb(t) && (k..t).all(|i| self.is_word(i));
        let that = that_within(6)
            .filter(|&t| no_verb(t))
            .or_else(|| {
                preposition
                    .then(|| that_within(11))
                    .flatten()
                    .filter(|&t| phrase(t))
            })
            .or_else(|| that_within(14).filter(|&t| tell && recipient_words(t)));
        if let Some(t) = that {
            // "told reporters on Sunday that …"
            if !(k..t).any(|i| toks[i].kind == TokenKind::OpenQuote) {
                k = t;
            }
        } else if tell {
            k = self.recipient_end(k, after.end);
        } else {
            k = self.after_time_of_saying(k, after.end);
        }
        while k < after.end && matches!(self.text(k), "," | ":" | "—") {
            k += 1;
        }
        let mut end = after.end;
        // "While critics say it failed, he won": a subordinate clause opening the sentence
        // ends at its comma
        let opens = clause.start == s.tokens.start + 1
            && matches!(
                self.lower(s.tokens.start),
                "while" | "although" | "though" | "whereas" | "if" | "because" | "since"
            );
        if opens {
            let comma = (k..after.end)
                .find(|&i| self.is(i, ",") && quote_at(self.quotes, toks[i].span.start).is_none());
            end = comma.unwrap_or(end);
        }
        // "…, in what the People's Liberation Army called a “stern warning”": the writer's
        // comment on the report is none of it
        // (one byte search of the content's text, not a look at each of its tokens)
        if k < end {
            let from = toks[k].span.start;
            let text = &self.doc.prose[from..toks[end - 1].span.end];
            if let Some(at) = IN_WHAT.find(text.as_bytes()) {
                end = self.doc.token_at_or_after(from + at);
            }
        }
        while end > k && matches!(self.text(end - 1), "." | "!" | "?" | ":" | ";") {
            end -= 1;
        }
        if k >= end {
            // "X said:" followed by the quotation
            if self.text(after.end - 1) == ":" {
                let spans = self.following_quotes(si);
                let direct = !spans.is_empty();
                return (spans, direct);
            }
            if !before.is_empty() {
                let end = before
                    .end
                    .saturating_sub(usize::from(self.is(before.end - 1, ",")));
                if end > before.start {
                    return (vec![self.span(&(before.start..end))], false);
                }
            }
            // "“Why should workers pay for this?” Ajaero asked.": a question ended the sentence
            // before its speaker's
            if let Some(q) = self.question_before(si) {
                return (vec![self.quotes[q].span], true);
            }
            return (Vec::new(), false);
        }
        let mut span = self.span(&(k..end));
        let direct = toks[k].kind == TokenKind::OpenQuote;
        // a quotation that opens in the content and runs on into the next sentences (“every
        // word I said there is true and accurate. No one has disputed a word I said.”)
        let last = quote_at(self.quotes, span.end - 1);
        if let Some(q) = last {
            span.end = span.end.max(self.quotes[q].span.end);
        }
        let mut spans = vec![span];
        if last.is_some_and(|q| self.quotes[q].close.is_none()) {
            spans.extend(self.continued_quotes(span.end));
        }
        (spans, direct)
    }

    /// The quotation ending in "?" or "!" that ends the sentence before sentence `si`, in the
    /// same paragraph and right before it.
    fn question_before(&self, si: usize) -> Option<usize> {
        let s = &self.doc.sentences[si];
        let p = self.doc.sentences.get(si.checked_sub(1)?)?;
        let last = p.tokens.end - 1;
        let asked = p.paragraph == s.paragraph
            && self.doc.tokens[last].kind == TokenKind::CloseQuote
            && last > p.tokens.start
            && matches!(self.text(last - 1), "?" | "!");
        let q = quote_at(self.quotes, self.doc.tokens[last].span.start).filter(|_| asked)?;
        (!self.quotes[q].holds_only_a_name(self.doc, self.mentions)).then_some(q)
    }

    /// "said on Tuesday it would …", "said in July it …", "said last week the plan …": the
    /// token after the time of the saying that opens `k..end` (PolNeAR's content leaves it
    /// out), or `k` when none does or too little would follow it.
    fn after_time_of_saying(&self, k: usize, end: usize) -> usize {
        let mut j = k;
        if j < end && matches!(self.lower(j), "on" | "in") {
            j += 1;
        }
        let relative = j + 1 < end
            && matches!(self.lower(j), "last" | "this" | "next")
            && matches!(
                self.lower(j + 1),
                "week" | "month" | "year" | "weekend" | "night"
            );
        if relative {
            j += 2;
        } else {
            // a day or a month, and its date ("March 3", "July 2024")
            let named = j < end
                && !matches!(
                    self.lower(j),
                    "then" | "now" | "next" | "early" | "mid" | "late"
                )
                && self.doc.tokens[j].kind == TokenKind::Word
                && self.time_at(j);
            if !named {
                return k;
            }
            j += 1;
            while j < end && j - k < 5 && self.doc.tokens[j].kind == TokenKind::Number {
                j += 1;
            }
            // ("Sunday night", "Monday morning")
            if j < end && matches!(self.lower(j), "night" | "morning" | "afternoon" | "evening") {
                j += 1;
            }
        }
        while j < end && self.is(j, ",") {
            j += 1;
        }
        if j + 2 < end {
            j
        } else {
            k
        }
    }

    /// "told reporters India backed it", "told Reuters the talks failed": the end of the one
    /// told, when token `k` after the cue opens a pronoun, a bare plural or a name that a clause
    /// follows (else `k`).
    fn recipient_end(&self, k: usize, end: usize) -> usize {
        if k + 1 >= end || !self.is_word(k) {
            return k;
        }
        let lower = self.lower(k);
        if matches!(lower, "him" | "her" | "them" | "us" | "me")
            || !self.capitalized(k) && lower.len() > 3 && lower.ends_with('s')
        {
            return k + 1;
        }
        match self.name_end(k, end) {
            // "told Bill O'Reilly of Fox News, that …": and where the one told works
            Some(e) if self.lower(e) == "of" => self.name_end(e + 1, end).unwrap_or(e),
            Some(e) => e,
            None => k,
        }
    }

    /// The token after the name (or "the" and a name) at token `k`, if one is there and ends
    /// before token `end - 1`.
    fn name_end(&self, k: usize, end: usize) -> Option<usize> {
        if k + 1 >= end {
            return None;
        }
        let at = if self.lower(k) == "the" { k + 1 } else { k };
        let start = self.doc.tokens[at].span.start;
        let m = self.mentions.partition_point(|m| m.span.start < start);
        self.mentions
            .get(m)
            .filter(|m| m.span.start == start && m.span.end < self.doc.tokens[end - 1].span.end)
            .map(|m| self.doc.token_at_or_after(m.span.end))
    }

    /// Whether "that" follows a cue (which then takes the clause after it) before any participle
    /// phrase: not in "…, the agency said, deepening a standoff that diplomats fear".
    fn that_clause_follows(&self, after: &Range<usize>) -> bool {
        // ("…, according to people familiar with the matter, a deal that could …": after a
        // comma, "that" opens a relative clause of what follows)
        if after.start < after.end && self.is(after.start, ",") {
            return false;
        }
        after
            .clone()
            .take_while(|&i| {
                !(self.is(i, ",")
                    && i + 1 < after.end
                    && self.lower(i + 1).len() > 4
                    && self.lower(i + 1).ends_with("ing"))
            })
            .any(|i| self.lower(i) == "that")
    }

    /// "Monday, BuzzFeed announced it had …", "In a tweet, Trump said he …": the sentence opens
    /// with a short phrase ending on the comma `comma` just before the source, and a clause follows
    /// the cue. The content is that clause, not the opening phrase.
    fn opening_phrase(&self, s: &Sentence, comma: usize, after: &Range<usize>) -> bool {
        let first = s.tokens.start;
        // (a phrase after a preposition may run long: "In a letter filed in federal court
        // Monday as part of a Freedom of Information Act lawsuit, …")
        // ("Tuesday in New York City, while on the campaign trail for his wife, …": or after
        // a day)
        let day = DAYS.contains(&self.lower(first));
        let reach = if self.lex.words.prepositions.contains(self.lower(first)) || day {
            25
        } else {
            15
        };
        if comma <= first || !self.is(comma, ",") || comma - first > reach {
            return false;
        }
        let toks = &self.doc.tokens;
        let plain = |i: usize| {
            matches!(
                toks[i].kind,
                TokenKind::Word | TokenKind::Number | TokenKind::Possessive
            )
        };
        let words = &self.lex.words;
        let opener = self.lower(first);
        // "At rally after rally, to rapturous crowds, he vows …": phrases after a preposition
        let phrases =
            (words.prepositions.contains(opener) || words.phrase_openers.contains(opener) || day)
                && (first..comma).all(|i| plain(i) || self.is(i, ","));
        if !(phrases || (comma - first <= 8 && (first..comma).all(plain))) {
            return false;
        }
        // "Also on Thursday", "Earlier Sunday": short, and no verb in it ("Nothing changed")
        let short = comma - first <= 3
            && (first..comma).all(|i| {
                let w = self.lower(i);
                !AUXILIARIES.contains(&w) && !w.ends_with("ed")
            });
        // "Asked whether he would run, Smith said no": the question put, then the answer
        let asked = opener == "asked";
        if !(short || phrases || opener.ends_with("ing") || asked) {
            return false;
        }
        // a clause after the cue ("vows to impose …"), not a phrase about the speaking ("…, she
        // said on Tuesday")
        let k = after.start;
        let words_after = (k..after.end).take_while(|&i| plain(i)).count();
        // ("… said the sentence “sends a clear message.”": a quotation continues the clause)
        let quoted = words_after >= 1
            && toks
                .get(k + words_after)
                .is_some_and(|t| t.kind == TokenKind::OpenQuote);
        k < after.end
            && self.is_word(k)
            && (self.lower(k) == "to" || !words.prepositions.contains(self.lower(k)))
            && !words.between_subject_and_cue.contains(self.lower(k))
            && (words_after >= 3
                || quoted
                || asked && words_after >= 1
                // "…, Clinton said Patricia Smith, the mother of …, is wrong": a name opens it
                || words_after == 2
                    && self.capitalized(k)
                    && !words.time_words.contains(self.lower(k)))
    }

    /// "The outreach, they said, raised new worries": after an attribution set off by commas, the
    /// rest of the sentence continues the attributed clause (unless it is a phrase about the
    /// speaking itself: "…, he said, in an interview", "…, she said, adding that …").
    fn interrupted_rest(&self, after: &Range<usize>) -> Option<Range<usize>> {
        if after.is_empty()
            || !matches!(
                self.doc.tokens[after.start].kind,
                TokenKind::Punct | TokenKind::Dash
            )
            || !matches!(self.text(after.start), "," | "—" | "–" | "--")
        {
            return None;
        }
        let k = after.start + 1;
        let mut end = after.end;
        while end > k && matches!(self.text(end - 1), "." | "!" | "?" | ";") {
            end -= 1;
        }
        if k >= end || !self.is_word(k) {
            return None;
        }
        let first = self.lower(k);
        let words = &self.lex.words;
        if first.ends_with("ing") || words.prepositions.contains(first) {
            return None;
        }
        (!(k..end).any(|i| self.is_cue_at(i))).then_some(k..end)
    }

    /// The first quotation opening among these tokens.
    fn quote_starting_in(&self, tokens: Range<usize>) -> Option<usize> {
        tokens
            .filter(|&i| self.doc.tokens[i].kind == TokenKind::OpenQuote)
            .find_map(|i| {
                let q = quote_at(self.quotes, self.doc.tokens[i].span.start)?;
                (self.quotes[q].open == i).then_some(q)
            })
    }

    /// Quotations that carry on after sentence `si` in its paragraph, in sentences with no cue of
    /// their own, and across paragraphs that reopen an unclosed quotation.
    fn following_quotes(&self, si: usize) -> Vec<Span> {
        let s = &self.doc.sentences[si];
        let para = &self.doc.paragraphs[s.paragraph];
        let mut out = Vec::new();
        for next in si + 1..para.sentences.end {
            let n = &self.doc.sentences[next];
            let Some(q) = self.quote_starting_in(n.tokens.start..n.tokens.start + 1) else {
                break;
            };
            if !self.cue_groups(n).is_empty() || self.quote_tail_has_cue(n, q) {
                break;
            }
            out.push(self.quotes[q].span);
            out.extend(self.continued_quotes(self.quotes[q].span.end));
        }
        if out.is_empty() && si + 1 == para.sentences.end {
            // "X said:" at the end of a paragraph, the quotation in the next one (unless it has
            // a speaker of its own: "“…,” said Battalion Chief Jonathan Pike.")
            if let Some(next) = self.doc.paragraphs.get(s.paragraph + 1) {
                let n = &self.doc.sentences[next.sentences.start];
                let q = self.quote_starting_in(n.tokens.start..n.tokens.start + 1);
                if let Some(q) = q.filter(|&q| !self.quote_tail_has_cue(n, q)) {
                    out.push(self.quotes[q].span);
                    out.extend(self.continued_quotes(self.quotes[q].span.end));
                }
            }
        }
        out
    }

    /// After a quotation in sentence `n` there is a cue ("“…,” she said"): it is not a carry-over.
    fn quote_tail_has_cue(&self, n: &Sentence, q: usize) -> bool {
        let close = self.quotes[q].close.unwrap_or(n.tokens.end);
        (close..n.tokens.end).any(|i| self.is_cue_at(i))
    }

    /// The earlier paragraphs of a quotation that continues at byte `start`, in text order.
    fn reopened_quotes(&self, start: usize) -> Vec<Span> {
        let mut out = Vec::new();
        let Some(mut q) = quote_at(self.quotes, start) else {
            return out;
        };
        while self.quotes[q].continues && q > 0 && self.quotes[q - 1].close.is_none() {
            q -= 1;
            out.push(self.quotes[q].span);
        }
        out.reverse();
        out
    }

    /// The continuation quotations of an unclosed quotation ending at byte `end`.
    fn continued_quotes(&self, end: usize) -> Vec<Span> {
        let mut out = Vec::new();
        let Some(mut q) = quote_at(self.quotes, end.saturating_sub(1)) else {
            return out;
        };
        while self.quotes[q].close.is_none() {
            match self.quotes.get(q + 1) {
                Some(n) if n.continues => {
                    out.push(n.span);
                    q += 1;
                }
                _ => break,
            }
        }
        out
    }

    /// Quotations that open a sentence and that no attribution covers belong to the speaker
    /// attributed just before them: in the same paragraph, or in the paragraph before when that
    /// one ends on the speaker's own quotation or on a colon.
    fn carry_over_quotes(&self, out: &mut [Attribution], paragraphs: &[usize]) {
        let mut covered: Vec<Span> = out.iter().flat_map(|a| a.content.iter().copied()).collect();
        covered.sort_unstable_by_key(|c| c.start);
        // reach[i]: the furthest end among covered[..=i]
        let reach: Vec<usize> = covered
            .iter()
            .scan(0, |m, c| {
                *m = (*m).max(c.end);
                Some(*m)
            })
            .collect();
        let mut next = 0;
        let mut speaker: Option<usize> = None;
        for q in self.quotes {
            while next < out.len()
                && out[next]
                    .cue
                    .first()
                    .is_some_and(|c| c.start < q.span.start)
            {
                if !out[next].source.is_empty() {
                    speaker = Some(next);
                }
                next += 1;
            }
            let Some(a) = speaker else { continue };
            let k = covered.partition_point(|c| c.start < q.span.end);
            if q.continues || (k > 0 && reach[k - 1] > q.span.start) {
                continue;
            }
            let opens_sentence = self
                .doc
                .sentence_at(q.span.start)
                .is_some_and(|si| self.doc.sentences[si].tokens.start == q.open);
            let same_paragraph = paragraphs[a] == q.paragraph;
            let next_paragraph = paragraphs[a] + 1 == q.paragraph && out[a].direct && {
                let prev = &self.doc.paragraphs[paragraphs[a]];
                let last = self.doc.token_at_or_after(prev.span.end.saturating_sub(1));
                self.doc
                    .tokens
                    .get(last)
                    .is_some_and(|t| t.kind == TokenKind::CloseQuote)
                    || self.is(last, ":")
            };
            if opens_sentence && (same_paragraph || next_paragraph) {
                out[a].content.push(q.span);
                out[a].content.extend(self.continued_quotes(q.span.end));
            }
        }
    }

    /// Whether the article says why a source in sentence `si` was granted anonymity.
    fn anonymity_explained(&self, si: usize) -> bool {
        // (the next sentence may be a paragraph of its own: "The sources declined to be
        // identified because the discussions are private.")
        let s = &self.doc.sentences[si];
        let span = match self.doc.sentences.get(si + 1) {
            Some(n) => s.span.cover(n.span),
            None => s.span,
        };
        self.lex.anonymity_reasons.any_in(&self.doc.prose, span)
    }

    /// "It is believed that …", "… reportedly …": attributions with no source at all.
    fn agentless(&self, s: &Sentence) -> Option<Attribution> {
        let phrase = self.lex.agentless.first_in(&self.doc.prose, s.span)?;
        Some(self.agentless_at(s, phrase))
    }

    fn agentless_at(&self, s: &Sentence, phrase: Span) -> Attribution {
        let after = self.doc.token_at_or_after(phrase.end);
        let mut end = s.tokens.end;
        while end > after && matches!(self.text(end - 1), "." | "!" | "?") {
            end -= 1;
        }
        let mut content = Vec::new();
        // (the subject of "is said to be" is reported on; what comes before "it is understood
        // that" is not: "His contract expires in June, and it is understood that talks …")
        let expletive = self.lower(self.doc.token_at_or_after(phrase.start)) == "it";
        if self.doc.tokens[s.tokens.start].span.start < phrase.start && !expletive {
            let last = self.doc.token_at_or_after(phrase.start);
            // (from the phrase's subject: "The interview set off a panic, and Republicans were
            // said to be furious")
            let first = self
                .subject_before(last, s.tokens.start)
                .map_or(s.tokens.start, |r| r.start);
            if last > first {
                content.push(self.span(&(first..last)));
            }
        }
        if end > after {
            content.push(self.span(&(after..end)));
        }
        Attribution {
            cue: vec![phrase],
            source: Vec::new(),
            source_kind: SourceKind::Weasel,
            source_entity: None,
            content,
            direct: false,
            anonymity_explained: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze;
    use crate::text::DocKind;

    /// (cue, source, content fragments) as text.
    fn roles(text: &str) -> Vec<(String, String, Vec<String>)> {
        let a = analyze(text, DocKind::Plain, &Config::default());
        a.attributions
            .iter()
            .map(|at| {
                let t = |v: &[Span]| v.iter().map(|s| s.text(text)).collect::<Vec<_>>().join("|");
                (
                    t(&at.cue),
                    t(&at.source),
                    at.content
                        .iter()
                        .map(|s| s.text(text).to_string())
                        .collect(),
                )
            })
            .collect()
    }

    /// The [`roles`] of the attributions whose cue is `cue`.
    fn roles_of(text: &str, cue: &str) -> Vec<(String, String, Vec<String>)> {
        roles(text).into_iter().filter(|(c, ..)| c == cue).collect()
    }

    fn r(cue: &str, source: &str, content: &[&str]) -> (String, String, Vec<String>) {
        (
            cue.into(),
            source.into(),
            content.iter().map(|s| s.to_string()).collect(),
        )
    }

    #[test]
    fn a_reaction_drawn_from_someone_is_theirs() {
        let text = "The plan drew sharp criticism from Lula. The bank kept rates high, \
                    drawing repeated criticism from the president.";
        assert_eq!(
            roles(text),
            [
                r("sharp criticism", "Lula", &["The plan"]),
                r(
                    "repeated criticism",
                    "the president",
                    &["The bank kept rates high"]
                ),
            ]
        );
    }

    #[test]
    fn an_acronym_spelled_like_who_opens_no_relative_clause() {
        assert_eq!(
            roles("“This is bad,” WHO Director-General Tedros told a news conference."),
            [r(
                "told",
                "WHO Director-General Tedros",
                &["“This is bad,”"]
            )]
        );
    }

    #[test]
    fn a_relative_clause_s_report_follows_its_cue() {
        let text = "Argentina withdrew on orders from President Javier Milei, who has called \
                    climate change a lie. The bank cut its rate by a quarter point to 10.25%.";
        assert_eq!(
            roles(text)
                .into_iter()
                .filter(|(cue, ..)| cue != "withdrew")
                .collect::<Vec<_>>(),
            [r("called", "who", &["climate change a lie"])]
        );
    }

    #[test]
    fn a_past_participle_s_commas_stand_between_subject_and_cue() {
        assert_eq!(
            roles("The indictment, unsealed in Brooklyn federal court, alleges that he paid."),
            [r("alleges", "The indictment", &["that he paid"])]
        );
    }

    #[test]
    fn a_plural_opening_what_was_said_is_no_cue() {
        assert_eq!(
            roles("Sheriff Robert Luna said orders now cover 180,000 residents."),
            [r(
                "said",
                "Sheriff Robert Luna",
                &["orders now cover 180,000 residents"]
            )]
        );
    }

    #[test]
    fn a_complements_that_does_not_open_its_subject() {
        let text = "He cautioned that the study does not show that plastics cause disease. \
                    Polls show that all the voters want change.";
        assert_eq!(
            roles_of(text, "show"),
            [
                r("show", "the study", &["that plastics cause disease"]),
                r("show", "Polls", &["that all the voters want change"]),
            ]
        );
    }

    #[test]
    fn something_found_somewhere_is_no_finding() {
        let text = "Microplastics found in human brain tissue, study finds. A Marine was \
                    found guilty. The study found that levels rose.";
        assert_eq!(
            roles(text)
                .into_iter()
                .map(|(cue, source, _)| (cue, source))
                .collect::<Vec<_>>(),
            [
                ("finds".to_string(), "study".to_string()),
                ("found".to_string(), "The study".to_string())
            ]
        );
    }

    #[test]
    fn a_role_then_a_name_between_commas_is_the_source() {
        let text = "His publicist, Arnold Robinson, confirmed the death. A separate judge, \
                    Amit Mehta of the U.S. District Court for the District of Columbia, ruled \
                    last August that the search engine is a monopoly.";
        assert_eq!(
            roles(text),
            [
                r(
                    "confirmed",
                    "His publicist, Arnold Robinson",
                    &["the death"]
                ),
                r(
                    "ruled",
                    "A separate judge, Amit Mehta of the U.S. District Court for the District \
                     of Columbia",
                    &["that the search engine is a monopoly"]
                ),
            ]
        );
    }

    #[test]
    fn a_role_owned_by_a_name_is_an_appositive() {
        let text = "Lee-Anne Mulholland, Google’s vice president of regulatory affairs, said \
                    the company would appeal.";
        assert_eq!(
            roles(text),
            [r(
                "said",
                "Lee-Anne Mulholland, Google’s vice president of regulatory affairs,",
                &["the company would appeal"]
            )]
        );
    }

    #[test]
    fn no_cue_in_a_name_a_counted_noun_or_known_as() {
        let text = "“Quincy was a giant,” the singer Stevie Wonder said. Brooks faces three \
                    counts of assault. The general, widely known as Hemedti, will lead.";
        assert_eq!(
            roles(text),
            [r(
                "said",
                "the singer Stevie Wonder",
                &["“Quincy was a giant,”"]
            )]
        );
    }

    #[test]
    fn a_participle_after_a_conjunction_shares_the_subject() {
        let text = "Kennedy praised the treatments while saying that the vaccine protects \
                    children.";
        assert_eq!(
            roles_of(text, "saying"),
            [r(
                "saying",
                "Kennedy",
                &["that the vaccine protects children"]
            )]
        );
    }

    #[test]
    fn a_trailing_source_keeps_its_modifiers_its_conjunct_and_its_city_s_state() {
        let text = "The probe flew by Mars, mission managers at the Jet Propulsion Laboratory \
                    in Pasadena, California, said. The coalition lost its majority, exit polls \
                    and early results showed, dealing a blow to Ishiba.";
        assert_eq!(
            roles(text),
            [
                r(
                    "said",
                    "mission managers at the Jet Propulsion Laboratory in Pasadena, California",
                    &["The probe flew by Mars"]
                ),
                r(
                    "showed",
                    "exit polls and early results",
                    &["The coalition lost its majority"]
                ),
            ]
        );
    }

    #[test]
    fn a_role_opening_its_clause_a_count_and_a_day_s_phrase_shape_the_source() {
        let cases = [
            (
                "A drone strike killed three people, regional governor Oleh Syniehubov said.",
                r(
                    "said",
                    "regional governor Oleh Syniehubov",
                    &["A drone strike killed three people"],
                ),
            ),
            (
                "A survey found that 56% of newsroom leaders say they use the tools.",
                r("say", "56% of newsroom leaders", &["they use the tools"]),
            ),
            (
                "She took bribes, according to the district attorney, Alvin L. Bragg.",
                r(
                    "according to",
                    "the district attorney, Alvin L. Bragg",
                    &["She took bribes"],
                ),
            ),
            (
                "The victim was identified by the coroner’s office as John Doe.",
                r("identified", "the coroner’s office", &["as John Doe"]),
            ),
            (
                "But Jonah Goldberg of the anti-Trump National Review called it a farce.",
                r(
                    "called",
                    "Jonah Goldberg of the anti-Trump National Review",
                    &["it a farce"],
                ),
            ),
            (
                "But seven of the 19 officials now expect no cuts this year.",
                r(
                    "expect",
                    "seven of the 19 officials",
                    &["no cuts this year"],
                ),
            ),
            (
                "Wednesday at the debate, candidate Hillary Clinton said Patricia Smith, the \
                 mother, was wrong.",
                r(
                    "said",
                    "candidate Hillary Clinton",
                    &["Patricia Smith, the mother, was wrong"],
                ),
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(roles_of(text, &expected.0), vec![expected], "{text}");
        }
    }

    #[test]
    fn a_that_after_a_comma_is_no_complement_of_the_cue() {
        let text = "Microsoft is in talks to buy TikTok, according to people familiar with the \
                    matter, a deal that could be worth billions.";
        assert_eq!(
            roles(text),
            [r(
                "according to",
                "people familiar with the matter",
                &["Microsoft is in talks to buy TikTok"]
            )]
        );
        let text = "The AP reported that, according to an analysis, 85 of the meetings were \
                    with donors.";
        assert_eq!(
            roles_of(text, "according to"),
            [r(
                "according to",
                "an analysis",
                &["85 of the meetings were with donors"]
            )]
        );
    }

    #[test]
    fn an_interview_answer_is_its_speaker_s_whole_paragraph() {
        let text = "Q: What is the biggest risk?\n\nClaudia Sahm: Tariffs. Companies will pass \
                    them on.\n\nVotes:\n\nClinton: 547\n";
        assert_eq!(
            roles_of(text, ":"),
            [r(
                ":",
                "Claudia Sahm",
                &["Tariffs. Companies will pass them on"]
            )]
        );
    }

    #[test]
    fn a_not_cue_pair_is_no_cue() {
        // each was a cue with the subject as source and the rest as content
        let text = "O'Brien pleaded guilty to wire fraud. The company continued to grow. \
                    She learned to fly in Texas. Smith added 3 points in the second half. \
                    Smith added that he was tired. Nvidia became the most valuable listed \
                    company. Shares of listed firms rose.";
        assert_eq!(
            roles(text),
            vec![r("added", "Smith", &["that he was tired"])]
        );
    }

    #[test]
    fn a_word_between_subject_and_cue_is_no_cue_by_itself() {
        // the model had "also" as a cue of its own, reporting "courted the Iranian leader"
        let text = "Putin has also courted the Iranian leader. Putin has also said he would visit.";
        assert_eq!(roles(text), vec![r("said", "Putin", &["he would visit"])]);
    }

    #[test]
    fn the_subject_of_a_relative_clause_starts_after_that() {
        let text = "It closed a shortfall that city officials blamed on rising costs.";
        let sources: Vec<String> = roles(text).into_iter().map(|(_, s, _)| s).collect();
        assert_eq!(sources, ["city officials"]);
    }

    #[test]
    fn a_possessive_inside_a_name_stays_in_the_source() {
        // the source was "Association", and "the Alzheimer's" went to the content
        let text = "The drug slows the disease, the Alzheimer's Association said.";
        assert_eq!(
            roles(text),
            vec![r(
                "said",
                "the Alzheimer's Association",
                &["The drug slows the disease"]
            )]
        );
    }

    #[test]
    fn an_appositive_name_keeps_its_particles() {
        // "bin" cut the name: no source, and the subject was the content
        let text = "Qatar's prime minister, Mohammed bin Abdulrahman Al Thani, said mediators \
                    were not giving up.";
        assert_eq!(
            roles(text),
            vec![r(
                "said",
                "Qatar's prime minister, Mohammed bin Abdulrahman Al Thani",
                &["mediators were not giving up"]
            )]
        );
    }

    #[test]
    fn a_source_keeps_every_particle_of_its_name() {
        // "da" ended the name: the source was "President Luiz Inácio Lula"
        let text = "President Luiz Inácio Lula da Silva toured the region and promised that \
                    help would come.";
        assert_eq!(
            roles(text),
            vec![r(
                "promised",
                "President Luiz Inácio Lula da Silva",
                &["that help would come"]
            )]
        );
    }

    #[test]
    fn what_opens_the_source_of_a_relative_cue() {
        // the source ran back to "Larry Householder of racketeering conspiracy for his role in"
        let text = "A jury convicted Larry Householder for his role in what prosecutors called \
                    the largest bribery scheme in the state's history.";
        assert_eq!(
            roles_of(text, "called"),
            vec![r(
                "called",
                "prosecutors",
                &["the largest bribery scheme in the state's history"]
            )]
        );
    }

    #[test]
    fn the_one_told_keeps_where_he_works() {
        // the content opened with "of Fox News,"
        let text = "Pence told Bill O'Reilly of Fox News, that the threat was serious.";
        assert_eq!(
            roles(text),
            vec![r("told", "Pence", &["that the threat was serious"])]
        );
    }

    #[test]
    fn the_one_told_may_take_many_words_before_that() {
        // the content opened with "a town hall in Salem, …"
        assert_eq!(
            roles("Trump told a town hall in Salem on Monday night that waterboarding is fine."),
            vec![r("told", "Trump", &["that waterboarding is fine"])]
        );
        // not past a clause of its own
        assert_eq!(
            roles("Gates told he was working with Manafort and that both were paid.")[0].2,
            ["he was working with Manafort and that both were paid"]
        );
    }

    #[test]
    fn an_appositive_name_before_an_auxiliary_and_its_cue_is_the_source() {
        // no source: the comma before the cue was looked for before "has"
        assert_eq!(
            roles("Its chief executive, Arthur Mensch, has said the company wants a champion."),
            vec![r(
                "said",
                "Its chief executive, Arthur Mensch",
                &["the company wants a champion"]
            )]
        );
        // "charged with" is a court's word, not a speaker's
        assert!(roles("The man was charged with attempted murder.").is_empty());
    }

    #[test]
    fn an_age_after_the_source_s_name_is_part_of_it() {
        // the name was the content and there was no source
        assert_eq!(
            roles_of("Chiefs coach Andy Reid, 65, said he would stay.", "said"),
            vec![r("said", "Chiefs coach Andy Reid, 65,", &["he would stay"])]
        );
    }

    #[test]
    fn a_role_before_the_source_s_name_is_part_of_it() {
        // the source was the name alone, and after a dateline the content was the dateline
        assert_eq!(
            roles("RENO, Nev. (AP) — Republican hopeful Donald Trump says he rarely watches football."),
            vec![r(
                "says",
                "Republican hopeful Donald Trump",
                &["he rarely watches football"]
            )]
        );
        assert_eq!(
            roles("White House spokesman Josh Earnest said the talks would go on.")[0].1,
            "White House spokesman Josh Earnest"
        );
    }

    #[test]
    fn a_quotation_inside_a_sentence_leads_no_source() {
        let text = "Yoon accused them of \"anti-state activities,\" only to back down after \
                    lawmakers voted to block the decree.";
        assert_eq!(
            roles_of(text, "voted"),
            vec![r("voted", "lawmakers", &["to block the decree"])]
        );
    }

    #[test]
    fn the_answer_to_an_opening_question_is_the_report() {
        // the content was the question: "Asked whether he would run again"
        assert_eq!(
            roles_of("Asked whether he would run again, Smith said no.", "said"),
            vec![r("said", "Smith", &["no"])]
        );
    }

    #[test]
    fn a_relative_clause_after_an_appositive_name_is_not_the_source() {
        // the object was the source: "defeat late Sunday"
        assert_eq!(
            roles_of("Her main rival, Xóchitl Gálvez, who ran for a coalition of parties, conceded defeat late Sunday.", "conceded"),
            vec![r("conceded", "Her main rival, Xóchitl Gálvez", &["defeat late Sunday"])]
        );
        // an opening phrase before the name is not
        assert_eq!(
            roles_of(
                "Moments later, Marco Rubio, whose support cratered, drew a contrast.",
                "drew"
            )[0]
            .1,
            "Marco Rubio"
        );
    }

    #[test]
    fn a_statement_with_an_adjective_is_one_cue_with_its_verb() {
        // "statement" was a second cue, with "… said in a televised" for its source
        assert_eq!(
            roles("\"We are fighting,\" Minister Vassilis Kikilias said in a televised statement."),
            vec![r(
                "said in a televised statement",
                "Minister Vassilis Kikilias",
                &["\"We are fighting,\""]
            )]
        );
    }

    #[test]
    fn now_stands_between_a_subject_and_its_cue() {
        // the source took it: "Seventy-two percent now"
        assert_eq!(
            roles("Seventy-two percent now believe he could win.")[0].1,
            "Seventy-two percent"
        );
    }

    #[test]
    fn a_participle_appositive_stands_between_the_source_and_its_cue() {
        // the object was the source and the subject the content
        assert_eq!(
            roles("Spotify, based in Stockholm, welcomed the decision."),
            vec![r("welcomed", "Spotify", &["the decision"])]
        );
    }

    #[test]
    fn a_document_by_its_author_is_the_source() {
        // the source was the author alone: "The Times"
        let text = "A review by The Times shows most of the hours were for travel.";
        assert_eq!(
            roles(text),
            vec![r(
                "shows",
                "A review by The Times",
                &["most of the hours were for travel"]
            )]
        );
    }

    #[test]
    fn an_appositive_name_source_starts_at_its_noun_phrase() {
        // the source ran from the sentence's start: "The verdict came after Smith's daughter, …"
        let text = "The verdict came after Smith's daughter, Jane Smith, said she was relieved.";
        let sources: Vec<String> = roles(text).into_iter().map(|(_, s, _)| s).collect();
        assert_eq!(sources, ["Smith's daughter, Jane Smith"]);
    }

    #[test]
    fn a_parenthesized_acronym_belongs_to_its_source() {
        // "(NDRRMC)" was the content, and "(RN)" left "said" without a source
        let text = "At least 40 people died, according to the Disaster Council (NDRRMC). \
                    Marine Le Pen's National Rally (RN) said it would table a motion.";
        assert_eq!(
            roles(text),
            vec![
                r(
                    "according to",
                    "the Disaster Council (NDRRMC)",
                    &["At least 40 people died"]
                ),
                r(
                    "said",
                    "Marine Le Pen's National Rally (RN)",
                    &["it would table a motion"]
                ),
            ]
        );
    }

    #[test]
    fn a_bare_plural_of_people_after_a_comma_opens_the_source() {
        // the source was "familiar with the matter" and "people" went to the content
        let text = "The department is weighing curbs, people familiar with the matter said.";
        assert_eq!(
            roles(text),
            vec![r(
                "said",
                "people familiar with the matter",
                &["The department is weighing curbs"]
            )]
        );
    }

    #[test]
    fn a_shouted_preposition_ends_a_headline_source() {
        let text =
            "IRAN'S RAISI IN BEIJING AS TEHRAN SEEKS DEEPER TIES\n\nRaisi arrived on Tuesday.";
        let sources: Vec<String> = roles(text).into_iter().map(|(_, s, _)| s).collect();
        assert_eq!(sources, ["TEHRAN"]);
    }

    #[test]
    fn indirect_speech_takes_the_complement_clause() {
        assert_eq!(
            roles("Ebrahim Raisi said that the talks would resume in May."),
            vec![r(
                "said",
                "Ebrahim Raisi",
                &["that the talks would resume in May"]
            )]
        );
    }

    #[test]
    fn content_leaves_out_an_opening_phrase_and_the_source_appositive() {
        let cases = [
            (
                "On Monday, BuzzFeed announced it had pulled out of the deal.",
                r("announced", "BuzzFeed", &["it had pulled out of the deal"]),
            ),
            (
                "The talks failed, the official said on Monday.",
                r("said", "the official", &["The talks failed"]),
            ),
            (
                "The group is short, said Ed Rendell, who chairs the committee.",
                r("said", "Ed Rendell", &["The group is short"]),
            ),
            (
                "At rally after rally, to rapturous crowds, he vows to impose a tax.",
                r("vows", "he", &["to impose a tax"]),
            ),
            (
                "Unless countries act, the experts say, the world could suffer.",
                r(
                    "say",
                    "the experts",
                    &["Unless countries act", "the world could suffer"],
                ),
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(roles(text), vec![expected], "{text}");
        }
    }

    #[test]
    fn the_word_before_decides_a_cue() {
        assert_eq!(
            roles("Campaign records show the donor gave $500. He made two phone calls."),
            vec![r("show", "Campaign records", &["the donor gave $500"])]
        );
    }

    #[test]
    fn trailing_attribution_takes_the_clause_before_it() {
        assert_eq!(
            roles("The talks will resume in May, the senior official said."),
            vec![r(
                "said",
                "the senior official",
                &["The talks will resume in May"]
            )]
        );
    }

    #[test]
    fn split_quote_gives_two_fragments() {
        assert_eq!(
            roles("“We are ready,” said Ross, “and we will stay ready.”"),
            vec![r(
                "said",
                "Ross",
                &["“We are ready,”", "“and we will stay ready.”"]
            )]
        );
    }

    #[test]
    fn a_title_quoted_after_the_cue_is_no_part_of_the_quote() {
        assert_eq!(
            roles(
                "“The reform is necessary,” Prime Minister Élisabeth Borne told lawmakers, as \
                 they sang “La Marseillaise” and waved placards. “We cannot gamble.”"
            ),
            vec![r(
                "told",
                "Prime Minister Élisabeth Borne",
                &["“The reform is necessary,”", "“We cannot gamble.”"]
            )]
        );
    }

    #[test]
    fn quote_carried_over_to_the_next_sentence() {
        assert_eq!(
            roles("“It is going well,” Ross said. “Police are out there.”"),
            vec![r(
                "said",
                "Ross",
                &["“It is going well,”", "“Police are out there.”"]
            )]
        );
    }

    #[test]
    fn a_quotation_running_on_past_the_sentence_stays_in_the_content() {
        assert_eq!(
            roles("Cruz said that “every word is true. No one has disputed it.” Then he left."),
            vec![r(
                "said",
                "Cruz",
                &["that “every word is true. No one has disputed it.”"]
            )]
        );
    }

    #[test]
    fn attribution_set_off_by_commas_takes_both_halves() {
        assert_eq!(
            roles("The outreach, they said, failed badly. The vote, he said, in an interview."),
            vec![
                r("said", "they", &["The outreach", "failed badly"]),
                r("said", "he", &["The vote"]),
            ]
        );
    }

    #[test]
    fn speaker_after_a_quotation_runs_back_to_it() {
        assert_eq!(
            roles("“We won,” the senator and presidential candidate said in a statement."),
            vec![r(
                "said in a statement",
                "the senator and presidential candidate",
                &["“We won,”"]
            )]
        );
    }

    #[test]
    fn unattributed_quotation_goes_to_the_speaker_before_it() {
        assert_eq!(
            roles("Ross said the talks failed. “We tried.”\n\n“It is over.”"),
            vec![r("said", "Ross", &["the talks failed", "“We tried.”"])]
        );
        assert_eq!(
            roles("“We tried,” Ross said.\n\n“It is over.”"),
            vec![r("said", "Ross", &["“We tried,”", "“It is over.”"])]
        );
    }

    #[test]
    fn participles_and_coordinated_cues_share_the_subject() {
        assert_eq!(
            roles("Sen. Mark Hale met voters and told them the plan would pass."),
            vec![r("told", "Sen. Mark Hale", &["the plan would pass"])]
        );
        assert_eq!(
            roles("In Ohio, Ross met the crowd, saying the race was close."),
            vec![r("saying", "Ross", &["the race was close"])]
        );
    }

    #[test]
    fn passive_cue_takes_the_agent_after_by() {
        assert_eq!(
            roles("The move was first reported by Reuters."),
            vec![r("reported", "Reuters", &["The move"])]
        );
        // a time is no agent ("June" was the source)
        assert_eq!(
            roles("A ruling is expected by June."),
            vec![r("expected", "", &["A ruling"])]
        );
        // nor is a measure after an infinitive ("just 0.2" was the source)
        assert_eq!(
            roles_of(
                "The economy is expected to grow by just 0.2% this year.",
                "expected"
            ),
            vec![r("expected", "", &["to grow by just 0.2% this year"])]
        );
    }

    #[test]
    fn an_auxiliary_ends_a_common_noun_subject() {
        // a verb phrase is no source ("would have required pharmacies" was)
        let text = "A judge blocked a rule that would have required pharmacies to report sales.";
        assert!(roles(text)
            .iter()
            .all(|(_, source, _)| !source.contains("would")));
        // but the name before the auxiliary is ("Trump has steadfastly" was)
        assert_eq!(
            roles("Trump has steadfastly refused to disclose his records."),
            vec![r("refused", "Trump", &["to disclose his records"])]
        );
    }

    #[test]
    fn a_city_before_its_state_s_based_is_in_the_source() {
        // ("California-based company" was the source, "The Santa Clara" the content)
        assert_eq!(
            roles("The Santa Clara, California-based company said revenue rose."),
            vec![r(
                "said",
                "The Santa Clara, California-based company",
                &["revenue rose"]
            )]
        );
    }

    #[test]
    fn a_name_in_apposition_after_an_inverted_source_is_in_it() {
        // ("Colombia's environment minister" was the source)
        assert_eq!(
            roles("“We will not stop,” said Colombia's environment minister, Irene Vélez."),
            vec![r(
                "said",
                "Colombia's environment minister, Irene Vélez",
                &["“We will not stop,”"]
            )]
        );
    }

    #[test]
    fn a_cue_whose_content_is_the_trailing_report_reports_nothing() {
        // ("charged" reported "police said")
        assert_eq!(
            roles("The suspect had not yet been charged, police said."),
            vec![r(
                "said",
                "police",
                &["The suspect had not yet been charged"]
            )]
        );
    }

    #[test]
    fn a_surname_before_an_owned_role_is_the_source() {
        assert_eq!(
            roles("Ambani, Asia's richest man, told shareholders the listing would wait."),
            vec![r(
                "told",
                "Ambani, Asia's richest man,",
                &["the listing would wait"]
            )]
        );
    }

    #[test]
    fn an_indefinite_appositive_after_according_to_may_hold_a_relative_clause() {
        assert_eq!(
            roles(
                "According to Layoffs.fyi, a website that tracks job cuts, more than 100,000 \
                   tech workers lost their jobs."
            ),
            vec![r(
                "According to",
                "Layoffs.fyi, a website that tracks job cuts",
                &["more than 100,000 tech workers lost their jobs"]
            )]
        );
    }

    #[test]
    fn the_time_of_the_saying_is_no_content() {
        for text in [
            "Intel said on Tuesday it would cut 15,000 jobs.",
            "Intel said in July 2024 it would cut 15,000 jobs.",
            "Intel said last week it would cut 15,000 jobs.",
            "Intel said Sunday night it would cut 15,000 jobs.",
        ] {
            assert_eq!(
                roles(text),
                vec![r("said", "Intel", &["it would cut 15,000 jobs"])],
                "{text}"
            );
        }
        // (but a time that is the content's stays: "said now is the time")
        assert_eq!(
            roles("Intel said now is the time to cut."),
            vec![r("said", "Intel", &["now is the time to cut"])]
        );
    }

    #[test]
    fn a_firm_before_an_owned_role_is_the_source() {
        assert_eq!(
            roles("Vodafone, Europe’s largest mobile operator, said it would cut 11,000 jobs."),
            vec![r(
                "said",
                "Vodafone, Europe’s largest mobile operator,",
                &["it would cut 11,000 jobs"]
            )]
        );
    }

    #[test]
    fn a_question_quoted_before_its_speaker_s_sentence_is_his() {
        // (the content was empty and the question flagged as having no speaker)
        assert_eq!(
            roles("Ajaero spoke on Monday. “Why should workers pay for this?” Ajaero asked."),
            vec![r(
                "asked",
                "Ajaero",
                &["“Why should workers pay for this?”"]
            )]
        );
    }

    #[test]
    fn a_phrase_set_off_by_commas_stands_between_subject_and_cue() {
        // (no source was found, and the content was the subject and the phrase)
        assert_eq!(
            roles(
                "The governor, in a statement on Monday, said the school would close. Marsh, \
                 now a partner at a consulting firm, said he did not recall the call."
            ),
            vec![
                r("said", "The governor", &["the school would close"]),
                r("said", "Marsh", &["he did not recall the call"])
            ]
        );
    }

    #[test]
    fn a_phrase_about_the_saying_after_an_inverted_source_is_none_of_it() {
        assert_eq!(
            roles(
                "“We have teams going in,” said Sheriff Kory Honea at a briefing in Oroville. \
                 “It is hard,” said Jane Doe at the University of Texas."
            ),
            vec![
                r("said", "Sheriff Kory Honea", &["“We have teams going in,”"]),
                r(
                    "said",
                    "Jane Doe at the University of Texas",
                    &["“It is hard,”"]
                )
            ]
        );
        // (the next paragraph's quotation was the sheriff's too)
        assert_eq!(
            roles(
                "“We have teams going in,” said Sheriff Kory Honea.\n\n“It is hard,” said \
                 Battalion Chief Jonathan Pike at an afternoon briefing."
            ),
            vec![
                r("said", "Sheriff Kory Honea", &["“We have teams going in,”"]),
                r("said", "Battalion Chief Jonathan Pike", &["“It is hard,”"])
            ]
        );
    }

    #[test]
    fn an_opening_adverb_is_neither_source_nor_content() {
        assert_eq!(
            roles(
                "Elsewhere in the region, officials said the vote would be peaceful. \
                 Meanwhile, Boeing's chief executive, Jane Doe, said profits would rise."
            ),
            vec![
                r("said", "officials", &["the vote would be peaceful"]),
                r(
                    "said",
                    "Boeing's chief executive, Jane Doe",
                    &["profits would rise"]
                )
            ]
        );
    }

    #[test]
    fn court_reports_and_an_estimate_dated_before_its_that() {
        assert_eq!(
            roles(
                "The court heard Pike transferred money. Only $1.1 million was recovered, the \
                 court was told. The CDC estimated in August that 55 percent were vaccinated."
            ),
            vec![
                r("heard", "The court", &["Pike transferred money"]),
                r("told", "", &["Only $1.1 million was recovered"]),
                r("estimated", "The CDC", &["that 55 percent were vaccinated"])
            ]
        );
        // (a participle's relative clause is no report)
        assert_eq!(
            roles("Two articles published in October that examined the gap ran online."),
            vec![]
        );
    }

    #[test]
    fn said_to_and_it_is_understood_are_agentless() {
        // ("said" was a cue with no source and no weasel finding; the clause before "it is
        // understood" was content)
        assert_eq!(
            roles(
                "The vote failed, and officials are said to be furious. His contract expires in \
                 June, and it is understood that talks have stalled."
            ),
            vec![
                r("are said to", "", &["officials", "be furious"]),
                r("it is understood", "", &["that talks have stalled"])
            ]
        );
    }

    #[test]
    fn anonymous_sources_named_again_and_documents_seen_by_the_outlet() {
        let text = "Four people familiar with the matter described the call. The deal held, two \
                    of the people said. A memo reviewed by The Chronicle recommended that the \
                    contract end. The people of Ohio said no.";
        let a = analyze(text, DocKind::Plain, &Config::default());
        let kinds: Vec<(&str, SourceKind)> = a
            .attributions
            .iter()
            .map(|a| (a.source[0].text(text), a.source_kind))
            .collect();
        assert_eq!(
            kinds,
            [
                (
                    "Four people familiar with the matter",
                    SourceKind::Anonymous
                ),
                ("two of the people", SourceKind::Anonymous),
                ("A memo reviewed by The Chronicle", SourceKind::Document),
                ("The people of Ohio", SourceKind::Described)
            ]
        );
    }

    #[test]
    fn a_dateline_is_no_source() {
        // ("ORLANDO" was the source)
        let sources: Vec<String> = roles("ORLANDO — Praising the police, the mayor left.")
            .into_iter()
            .map(|r| r.1)
            .collect();
        assert_eq!(sources, [""]);
    }

    #[test]
    fn a_participle_after_a_cue_and_an_article_is_no_cue() {
        // (the cue was "said the rejected")
        assert_eq!(
            roles("Boeing said the rejected offer included a raise."),
            vec![r(
                "said",
                "Boeing",
                &["the rejected offer included a raise"]
            )]
        );
    }

    #[test]
    fn an_arabic_surname_heads_a_subject_and_an_age_ends_a_final_name() {
        // (the content was the subject, and the source "the kingdom wanted peace"; the name
        // was left out of the source)
        assert_eq!(
            roles(
                "Khalid al-Faisal, governor of Mecca, said the kingdom wanted peace. “It hurt,” \
                 said his daughter, Yesenia Gutierrez, 24."
            ),
            vec![
                r(
                    "said",
                    "Khalid al-Faisal, governor of Mecca,",
                    &["the kingdom wanted peace"]
                ),
                r(
                    "said",
                    "his daughter, Yesenia Gutierrez, 24",
                    &["“It hurt,”"]
                )
            ]
        );
    }

    #[test]
    fn a_party_tag_before_a_relative_clause_stays_with_the_name() {
        // (the source was "R-Hereford")
        assert_eq!(
            roles("Rep. Gail Griffin, R-Hereford, who chairs the panel, said it would pass."),
            vec![r(
                "said",
                "Rep. Gail Griffin, R-Hereford",
                &["it would pass"]
            )]
        );
    }

    #[test]
    fn an_unnamed_mp_is_an_anonymous_source() {
        let text = "A Conservative MP said the whips were working the phones.";
        let a = analyze(text, DocKind::Plain, &Config::default());
        assert_eq!(a.attributions[0].source[0].text(text), "A Conservative MP");
        assert_eq!(a.attributions[0].source_kind, SourceKind::Anonymous);
    }

    #[test]
    fn prices_going_up_report_nothing() {
        // (an attribution from "Prices" with the cue "went")
        assert_eq!(roles("Prices went up by 40 percent this year."), vec![]);
    }

    #[test]
    fn the_writer_s_comment_after_a_report_is_none_of_it() {
        assert_eq!(
            roles_of(
                "Days after Lai said the island would never accept the claims, in what the \
                 army called a warning, drills began.",
                "said"
            ),
            vec![r(
                "said",
                "Lai",
                &["the island would never accept the claims"]
            )]
        );
    }

    #[test]
    fn what_comes_before_a_free_relative_is_none_of_its_content() {
        // (the content was "It is unclear what")
        assert_eq!(
            roles("It is unclear what officials said. Here is what critics say about the plan."),
            vec![
                r("said", "officials", &[]),
                r("say", "critics", &["about the plan"])
            ]
        );
    }

    #[test]
    fn a_capitalised_common_word_opens_a_common_noun_subject() {
        // ("Civic" was the source of "saying", and the British "criticised" no cue)
        assert_eq!(
            roles("Civic groups have criticised the pardon, saying it undermines the law."),
            vec![
                r(
                    "criticised",
                    "Civic groups",
                    &["the pardon, saying it undermines the law"]
                ),
                r("saying", "Civic groups", &["it undermines the law"])
            ]
        );
    }

    #[test]
    fn a_quantifier_after_the_subject_is_no_source() {
        // ("both" alone was the source)
        assert_eq!(
            roles("The African Union and ECOWAS both urged calm."),
            vec![r("urged", "The African Union and ECOWAS both", &["calm"])]
        );
    }

    #[test]
    fn a_preposition_ends_no_subject() {
        // ("Spotify from" was the source of "telling")
        assert_eq!(
            roles("The rule stops rivals such as Spotify from telling users about prices."),
            vec![]
        );
    }

    #[test]
    fn a_live_report_s_time_stamp_is_no_content() {
        // ("10:15 a.m." was the content)
        assert_eq!(
            roles("10:15 a.m. — Hayashi told reporters the task force was set up."),
            vec![r("told", "Hayashi", &["the task force was set up"])]
        );
    }

    #[test]
    fn a_that_past_an_auxiliary_belongs_to_the_content() {
        assert_eq!(
            roles("She said the study could not prove that walking helped."),
            vec![r(
                "said",
                "She",
                &["the study could not prove that walking helped"]
            )]
        );
        assert_eq!(
            roles("She said on Monday that walking helped."),
            vec![r("said", "She", &["that walking helped"])]
        );
        // (and past a longer phrase after a preposition)
        assert_eq!(
            roles("She said in an interview with CBC News that walking helped."),
            vec![r("said", "She", &["that walking helped"])]
        );
    }

    #[test]
    fn name_and_colon_attribute_a_headline() {
        // the name opens the sentence or follows a dash; a document may speak too
        for (text, source, content) in [
            (
                "Lindsey Graham: Trump Rhetoric Destroying GOP Chances\n\nGraham spoke.",
                "Lindsey Graham",
                "Trump Rhetoric Destroying GOP Chances",
            ),
            (
                "Polls were early - Philip Bump: “Two weeks ago, it was close.”",
                "Philip Bump",
                "“Two weeks ago, it was close.”",
            ),
            (
                "Poll: Trump and Clinton hold narrow leads.",
                "Poll",
                "Trump and Clinton hold narrow leads",
            ),
        ] {
            assert_eq!(roles(text), vec![r(":", source, &[content])], "{text}");
        }
    }

    #[test]
    fn a_trailing_according_to_takes_the_report_before_it() {
        assert_eq!(
            roles("“We won,” Grayson said, according to Frankel."),
            vec![r("according to", "Frankel", &["“We won,” Grayson said"])]
        );
    }

    #[test]
    fn according_to_inside_a_sentence_takes_the_report_before_it() {
        // the content was what followed the source: "down from 9.1% in June"
        assert_eq!(
            roles("Prices rose 3.4% in April, according to the Labor Department, down from 9.1% in June."),
            vec![r(
                "according to",
                "the Labor Department",
                &["Prices rose 3.4% in April"]
            )]
        );
    }

    #[test]
    fn according_to_in_either_position() {
        assert_eq!(
            roles("According to Reuters, the plant closed. The plant closed, according to the report."),
            vec![
                r("According to", "Reuters", &["the plant closed"]),
                r("according to", "the report", &["The plant closed"]),
            ]
        );
    }

    #[test]
    fn colon_introduces_a_quote_in_the_next_paragraph() {
        assert_eq!(
            roles(
                "Caddell continued:\n\n“The health issue is partisan.\n\n“It is in their heads.”"
            ),
            vec![r(
                "continued",
                "Caddell",
                &["“The health issue is partisan.", "“It is in their heads.”"]
            )]
        );
    }

    #[test]
    fn agentless_attribution_has_no_source() {
        assert_eq!(
            roles("The minister reportedly resigned on Tuesday."),
            vec![r(
                "reportedly",
                "",
                &["The minister", "resigned on Tuesday"]
            )]
        );
    }

    #[test]
    fn a_relative_clause_keeps_the_subject_and_anonymity_after_the_cue_counts() {
        assert_eq!(
            roles("Antony Blinken, who is due in Cairo, said Washington backed it.")[0],
            r("said", "Antony Blinken", &["Washington backed it"])
        );
        let text = "\"We are ready,\" a Hamas official told Al Jazeera, speaking on condition of \
                    anonymity because he was not authorized to speak.";
        let a = analyze(text, DocKind::Plain, &Config::default());
        let at = &a.attributions[0];
        assert_eq!(at.source[0].text(text), "a Hamas official");
        assert_eq!(at.source_kind, SourceKind::Anonymous);
        assert!(at.anonymity_explained);
    }

    #[test]
    fn a_relative_clause_granting_anonymity_reports_nothing_and_may_give_the_reason() {
        let text = "A person familiar with the matter, who asked not to be named because the \
                    talks are private, said Tesla was in talks.";
        assert_eq!(
            roles(text),
            vec![r(
                "said",
                "A person familiar with the matter",
                &["Tesla was in talks"]
            )]
        );
        let a = analyze(text, DocKind::Plain, &Config::default());
        assert_eq!(a.attributions[0].source_kind, SourceKind::Anonymous);
        assert!(a.attributions[0].anonymity_explained);
    }

    #[test]
    fn anonymity_granted_to_discuss_something_is_explained() {
        let text = "An Israeli official, speaking on condition of anonymity to discuss sensitive \
                    talks, said gaps remained.";
        let a = analyze(text, DocKind::Plain, &Config::default());
        assert_eq!(a.attributions[0].source_kind, SourceKind::Anonymous);
        assert!(a.attributions[0].anonymity_explained);
    }

    #[test]
    fn a_conjunction_opening_the_sentence_is_no_part_of_the_source() {
        assert_eq!(
            roles("But experts say the plan will fail. While critics say it failed, he won."),
            [
                r("say", "experts", &["the plan will fail"]),
                r("say", "critics", &["it failed"]),
            ]
        );
    }

    #[test]
    fn an_acronym_spelled_like_a_pronoun_is_a_name() {
        let text = "Malaria killed 608,000 people in 2022, according to the WHO. The WHO said so.";
        assert_eq!(
            roles(text),
            vec![
                r(
                    "according to",
                    "the WHO",
                    &["Malaria killed 608,000 people in 2022"]
                ),
                r("said", "The WHO", &["so"]),
            ]
        );
        let a = analyze(text, DocKind::Plain, &Config::default());
        assert_eq!(a.attributions[0].source_kind, SourceKind::NamedOrg);
    }

    #[test]
    fn a_cue_in_a_relative_clause_reports_up_to_the_clause_s_end() {
        assert_eq!(
            roles("Mayor Mike Johnston, who proposed the cuts in September, defended the plan.")[0],
            r("proposed", "who", &["the cuts in September"])
        );
    }

    #[test]
    fn a_report_ends_before_the_trailing_attribution_of_its_sentence() {
        // "asked" ran on into ", the ministry said"
        assert_eq!(
            roles("Ukraine asked for more air defence systems on Tuesday, the ministry said."),
            [
                r(
                    "asked",
                    "Ukraine",
                    &["for more air defence systems on Tuesday"]
                ),
                r(
                    "said",
                    "the ministry",
                    &["Ukraine asked for more air defence systems on Tuesday"]
                )
            ]
        );
        // also one set off by commas, however long the sentence goes on after it
        let text = "Talks stalled after Hamas rejected an Israeli proposal, two Egyptian \
                    officials said, as Israeli forces pressed ahead with an offensive in Rafah.";
        assert_eq!(
            roles(text)[0],
            r("rejected", "Hamas", &["an Israeli proposal"])
        );
        // a relative clause after the comma is no attribution of the sentence
        let text = "The aide disclosed the deal to the AP, which first reported the story.";
        assert_eq!(
            roles(text)[0].2,
            ["the deal to the AP, which first reported the story"]
        );
    }

    #[test]
    fn a_relative_clause_after_an_opening_according_to_is_not_the_report() {
        assert_eq!(
            roles("According to a senior official, who asked not to be named, the party has demanded the post."),
            [r(
                "According to",
                "a senior official",
                &["the party has demanded the post"]
            )]
        );
    }

    #[test]
    fn an_appositive_after_an_opening_according_to_belongs_to_the_source() {
        // the appositive was the start of the content
        assert_eq!(
            roles("According to Maria Lopez, the city's budget director, the shortfall is $4 million."),
            [r(
                "According to",
                "Maria Lopez, the city's budget director",
                &["the shortfall is $4 million"]
            )]
        );
        // a clause after the comma is the content itself
        assert_eq!(
            roles("According to Lopez, the shortfall is large, and it grows.")[0].2,
            ["the shortfall is large, and it grows"]
        );
    }

    #[test]
    fn a_cue_with_no_source_in_an_agentless_phrase_is_agentless() {
        let text = "The program is considered one of the most successful in the country.";
        let a = analyze(text, DocKind::Plain, &Config::default());
        assert_eq!(a.attributions.len(), 1);
        assert_eq!(a.attributions[0].cue[0].text(text), "is considered");
        assert_eq!(a.attributions[0].source_kind, SourceKind::Weasel);
    }

    #[test]
    fn a_dateline_and_a_day_are_neither_content_nor_source() {
        assert_eq!(
            roles(
                "WASHINGTON — The Senate on Thursday passed a $14 billion bill by a vote of 58-41."
            ),
            vec![r(
                "passed",
                "The Senate",
                &["a $14 billion bill by a vote of 58-41"]
            )]
        );
    }

    #[test]
    fn the_source_is_the_speaker_s_whole_name_and_nothing_around_it() {
        for (text, source) in [
            // an appositive after a name with "of"
            (
                "Sen. Chuck Schumer of New York, the top Democrat, said the bill was weak.",
                "Sen. Chuck Schumer of New York, the top Democrat,",
            ),
            // a relative "that" before a plural, but not a demonstrative
            (
                "It capped a case that prosecutors called \"a betrayal of public trust.\"",
                "prosecutors",
            ),
            ("That official said the plan failed.", "That official"),
        ] {
            assert_eq!(roles(text)[0].1, source, "{text}");
        }
    }

    #[test]
    fn an_opening_phrase_is_not_content_before_a_quotation() {
        assert_eq!(
            roles("In a statement, Philip Sellinger said the sentence \"sends a clear message.\""),
            vec![r(
                "said",
                "Philip Sellinger",
                &["the sentence \"sends a clear message.\""]
            )]
        );
    }

    #[test]
    fn a_dateline_is_not_what_the_source_said() {
        assert_eq!(
            roles("HALIFAX, Nova Scotia (AP) — More than 120,000 homes lost power, Nova Scotia Power said."),
            vec![r(
                "said",
                "Nova Scotia Power",
                &["More than 120,000 homes lost power"]
            )]
        );
    }

    #[test]
    fn a_restrictive_relative_clause_is_part_of_the_source() {
        let text = "A senior European official who was not authorized to speak publicly said the \
                    talks had stalled.";
        assert_eq!(
            roles(text),
            vec![r(
                "said",
                "A senior European official who was not authorized to speak publicly",
                &["the talks had stalled"]
            )]
        );
        let a = analyze(text, DocKind::Plain, &Config::default());
        assert_eq!(a.attributions[0].source_kind, SourceKind::Anonymous);
    }

    #[test]
    fn a_name_modifying_a_noun_keeps_its_determiner_and_a_for_phrase_stays() {
        assert_eq!(
            roles("A delegation arrived in Cairo, a Hamas official said, as pressure mounted."),
            vec![r(
                "said",
                "a Hamas official",
                &["A delegation arrived in Cairo"]
            )]
        );
        assert_eq!(
            roles("A spokeswoman for the company declined to comment.")[0].1,
            "A spokeswoman for the company"
        );
    }

    #[test]
    fn a_party_tag_after_a_lawmaker_s_name_is_part_of_the_source() {
        let cases = [
            (
                "House Speaker Mike Johnson, R-La., said the House would act.",
                r(
                    "said",
                    "House Speaker Mike Johnson, R-La.,",
                    &["the House would act"],
                ),
            ),
            (
                "Sen. John Cornyn, R-Texas, the lead sponsor, said it was ready.",
                r(
                    "said",
                    "Sen. John Cornyn, R-Texas, the lead sponsor,",
                    &["it was ready"],
                ),
            ),
            (
                "Sen. Gary Peters (D-Mich.) said the bill was costly.",
                r(
                    "said",
                    "Sen. Gary Peters (D-Mich.)",
                    &["the bill was costly"],
                ),
            ),
            // a state written with periods
            (
                "Senate Majority Leader John Thune, R-S.D., called the vote a win.",
                r(
                    "called",
                    "Senate Majority Leader John Thune, R-S.D.,",
                    &["the vote a win"],
                ),
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(roles(text), vec![expected], "{text}");
        }
    }

    #[test]
    fn a_role_without_a_determiner_after_a_full_name_is_an_appositive() {
        assert_eq!(
            roles(
                "Dr. Rebecca Edelmayer, vice president of scientific engagement at the \
                   Alzheimer's Association, said trials were needed."
            ),
            vec![r(
                "said",
                "Dr. Rebecca Edelmayer, vice president of scientific engagement at the \
                 Alzheimer's Association,",
                &["trials were needed"]
            )]
        );
    }

    #[test]
    fn the_one_told_is_not_what_was_said() {
        assert_eq!(
            roles("Jaishankar told reporters India supported a deal."),
            vec![r("told", "Jaishankar", &["India supported a deal"])]
        );
        assert_eq!(
            roles("Thune told The Associated Press the bill would pass."),
            vec![r("told", "Thune", &["the bill would pass"])]
        );
    }

    #[test]
    fn a_participle_after_a_trailing_attribution_is_no_complement_clause() {
        assert_eq!(
            roles(
                "Iran barred inspectors, the agency said on Tuesday, deepening a standoff that \
                   diplomats fear."
            ),
            vec![r("said", "the agency", &["Iran barred inspectors"])]
        );
    }

    #[test]
    fn a_relative_or_participle_phrase_between_commas_does_not_hide_the_source() {
        let cases = [
            (
                "South Korean President Yoon Suk-yeol, whose country imports oil, said Seoul \
                 was watching.",
                r(
                    "said",
                    "South Korean President Yoon Suk-yeol",
                    &["Seoul was watching"],
                ),
            ),
            (
                "The United Nations Relief and Works Agency for Palestine Refugees, known as \
                 UNRWA, said aid had fallen.",
                r(
                    "said",
                    "The United Nations Relief and Works Agency for Palestine Refugees",
                    &["aid had fallen"],
                ),
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(roles(text), vec![expected], "{text}");
        }
    }

    #[test]
    fn a_participle_between_commas_does_not_hide_the_source() {
        assert_eq!(
            roles("A city official, speaking on condition of anonymity, said talks stalled."),
            vec![r("said", "A city official", &["talks stalled"])]
        );
    }

    #[test]
    fn an_agentless_opener_holds_the_cues_after_it() {
        assert_eq!(
            roles("It is widely believed that Xi wants to visit Washington."),
            vec![r(
                "It is widely believed",
                "",
                &["that Xi wants to visit Washington"]
            )]
        );
        // not opening the sentence, it leaves a named source's attribution alone
        assert_eq!(
            roles("Smith said the deal, widely believed dead, was alive.")[0].1,
            "Smith"
        );
    }
}
