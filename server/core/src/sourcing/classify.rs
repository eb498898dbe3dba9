//! What kind of source a source phrase names, and which entity it is.

use super::lexicon::Lexicons;
use super::SourceKind;
use crate::entities::{Entity, EntityId, EntityType, Mention};
use crate::kb::KnowledgeBase;
use crate::span::Span;
use crate::text::Document;

/// How far back (in bytes) a pronoun looks for the person it stands for.
const PRONOUN_REACH: usize = 1500;

/// Classifies a source phrase (given as spans) and resolves it to an entity where clear.
pub fn classify_source(
    doc: &Document,
    lex: &Lexicons,
    kb: &KnowledgeBase,
    entities: &[Entity],
    mentions: &[Mention],
    source: &[Span],
) -> (SourceKind, Option<EntityId>) {
    let Some(hull) = super::hull(source) else {
        return (SourceKind::None, None);
    };
    let text = doc.text_of(hull);
    // borrowed from the document's lower-cased text unless the phrase is not ASCII
    let lower = doc.lower_text(hull);
    let words = &lex.words;
    // ("WHO" is the World Health Organization)
    let acronym = text.len() >= 2 && !text.chars().any(char::is_lowercase);
    if words.pronouns.contains(&*lower) && !acronym {
        let entity = words
            .person_pronouns
            .contains(&*lower)
            .then(|| last_person_before(entities, mentions, hull.start))
            .flatten();
        return (SourceKind::Pronoun, entity);
    }
    if lex.anonymous.any_in(&doc.prose, hull) {
        return (SourceKind::Anonymous, None);
    }
    let bare = lower
        .strip_prefix("the ")
        .or_else(|| lower.strip_prefix("some "))
        .unwrap_or(&lower);
    if lex.weasel.is(&lower) || lex.weasel.is(bare) || vague_plural(text, &lower, lex) {
        return (SourceKind::Weasel, None);
    }
    // the head of the phrase is its last name: "Washington Post columnist Margaret Sullivan",
    // before an appositive: "Sen. Chuck Schumer of New York, the top Democrat,"
    let first = mentions.partition_point(|m| m.span.end <= hull.start);
    let named = mentions[first..]
        .iter()
        .take_while(|m| m.span.start < hull.end)
        .filter(|m| hull.covers(m.span));
    // and not a name after a preposition: "Chuck Schumer of New York", "officials at the WHO"
    // stay what the phrase's head is
    let appositive = text.find(", ").map_or(hull.end, |k| hull.start + k);
    let modifier = |m: &&Mention| {
        let before = doc.prose[hull.start..m.span.start].trim_end();
        let before = before.strip_suffix("the").unwrap_or(before).trim_end();
        [" of", " from", " in", " at", " for"]
            .iter()
            .any(|p| before.ends_with(p))
    };
    let head = named
        .clone()
        .filter(|m| m.span.end <= appositive && !modifier(m))
        .last()
        .or_else(|| named.last());
    if let Some(m) = head {
        let entity = &entities[m.entity];
        let media = entity.kb.is_some_and(|r| kb.entry(r).has_tag("media"))
            || has_word(&lower, &words.media_words);
        let kind = match entity.ty {
            EntityType::Person => SourceKind::NamedPerson,
            _ if media => SourceKind::Media,
            EntityType::Org | EntityType::Place => SourceKind::NamedOrg,
            _ => SourceKind::Described,
        };
        return (kind, Some(m.entity));
    }
    let capitalized = text.chars().next().is_some_and(char::is_uppercase);
    if has_word(&lower, &words.documents) {
        (SourceKind::Document, None)
    } else if capitalized && has_word(&lower, &words.media_words) {
        (SourceKind::Media, None)
    } else {
        (SourceKind::Described, None)
    }
}

/// "Some economists", "many analysts": a quantifier and a plural common noun name no one.
fn vague_plural(text: &str, lower: &str, lex: &Lexicons) -> bool {
    let mut words = lower.split_whitespace();
    let (Some(q), Some(noun), None) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    let noun_as_written = text.split_whitespace().nth(1).unwrap_or("");
    lex.words.vague_quantifiers.contains(q)
        && noun.len() > 3
        && noun.ends_with('s')
        && noun_as_written == noun
}

fn has_word(lower: &str, set: &crate::wordset::WordSet) -> bool {
    lower
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .any(|w| set.contains(w))
}

/// The person most recently mentioned before `offset`, within reach.
fn last_person_before(
    entities: &[Entity],
    mentions: &[Mention],
    offset: usize,
) -> Option<EntityId> {
    let end = mentions.partition_point(|m| m.span.start < offset);
    mentions[..end]
        .iter()
        .rev()
        .take_while(|m| m.span.end + PRONOUN_REACH >= offset)
        .find(|m| entities[m.entity].ty == EntityType::Person)
        .map(|m| m.entity)
}
