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
    if lex.anonymous.any_in(&doc.prose, hull) || unnamed_official(&lower, lex) {
        return (SourceKind::Anonymous, None);
    }
    // "a circular seen by Reuters", "documents obtained by The Times": the outlet's own
    // reporting of a document, not another outlet's report
    // (one search for the rare " by ", then the word before it)
    let seen_by = lower.find(" by ").is_some_and(|i| {
        let before = &lower[..i];
        let last = before.rsplit(' ').next().unwrap_or(before);
        last.len() < before.len() && words.seen_by.contains(last)
    });
    if seen_by {
        return (SourceKind::Document, None);
    }
    let bare = lower
        .strip_prefix("the ")
        .or_else(|| lower.strip_prefix("some "))
        .unwrap_or(&lower);
    if lex.weasel.is(&lower)
        || lex.weasel.is(bare)
        || vague_plural(text, &lower, lex)
        || modified_weasel(bare, lex)
    {
        return (SourceKind::Weasel, None);
    }
    // the head of the phrase is its last name: "Washington Post columnist Margaret Sullivan";
    // not a place or group it is of ("Sen. Rand Paul of Kentucky", "Rep. Henry Cuellar, a
    // Democrat whose district includes Laredo") unless there is nothing else
    let first = mentions.partition_point(|m| m.span.end <= hull.start);
    let covered = || {
        mentions[first..]
            .iter()
            .take_while(|m| m.span.start < hull.end)
            .filter(|m| hull.covers(m.span))
    };
    let modifier = |m: &Mention| {
        entities[m.entity].ty == EntityType::Norp
            || doc
                .text_of(Span::new(hull.start, m.span.start))
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| matches!(w, "of" | "from" | "in" | "whose" | "who" | "which"))
    };
    // a person's name before an apposition heads it, whatever the apposition names:
    // "Margrethe Vestager, the EU's competition chief"
    let appositive = || {
        covered().find(|m| {
            entities[m.entity].ty == EntityType::Person
                && doc.prose[m.span.end..hull.end]
                    .trim_start()
                    .starts_with(',')
        })
    };
    // "Netanyahu's office", "Trump's campaign": the owner of what speaks is not the speaker
    let owner = |m: &Mention| {
        let rest = &doc.prose[m.span.end..hull.end];
        rest.strip_prefix("'s")
            .or_else(|| rest.strip_prefix("\u{2019}s"))
            .is_some_and(|r| r.starts_with(' '))
    };
    // (a person, or a name the phrase opens with: "Secretary of State Hillary Clinton", "the
    // Kremlin in Moscow", not "an engineer based in Dublin", "leaders from the Amazon")
    let opens = |m: &Mention| {
        let before = doc.prose[hull.start..m.span.start].trim_end();
        before.is_empty()
            || before.eq_ignore_ascii_case("the")
            || entities[m.entity].ty == EntityType::Person
    };
    let head = appositive()
        .or_else(|| covered().filter(|m| !modifier(m) && !owner(m)).last())
        .or_else(|| covered().filter(|m| !owner(m) && opens(m)).last());
    // (an outlet's unit still reports for the outlet: "the Washington Post's investigative
    // unit"; a person's office or campaign is described, not the person)
    let owned = head.is_none().then(|| covered().last()).flatten();
    if let Some(m) = head.or(owned) {
        let entity = &entities[m.entity];
        // ("International Atomic Energy Agency" is known and no news agency; "a study published
        // in the journal Nature Medicine" is research, not another outlet's report)
        let research = || {
            lower
                .split_whitespace()
                .take(2)
                .any(|w| words.evidence_nouns.contains(w))
        };
        let media = entity.kb.map_or_else(
            || has_word(&lower, &words.media_words) && !research(),
            |r| kb.entry(r).has_tag("media"),
        );
        let kind = match entity.ty {
            _ if owned.is_some() && !media => return (SourceKind::Described, None),
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

/// "a Hamas official", "two Western diplomats": an indefinite determiner and an official's noun
/// (the phrase's head, so no name is).
fn unnamed_official(lower: &str, lex: &Lexicons) -> bool {
    let mut words = lower.split_whitespace();
    let first = words.next().unwrap_or("");
    // (most sources open with no indefinite: the rest is not counted for them)
    if !lex.words.indefinites.contains(first) {
        return false;
    }
    let count = words.clone().count();
    let last = words.last().unwrap_or("");
    (1..=4).contains(&count) && lex.words.unnamed_officials.contains(last)
}

/// "Some economists", "many analysts", "some political commentators": a quantifier and a
/// plural common noun, with one adjective at most between them, name no one.
fn vague_plural(text: &str, lower: &str, lex: &Lexicons) -> bool {
    let mut words = lower.split_whitespace();
    let (Some(q), Some(second)) = (words.next(), words.next()) else {
        return false;
    };
    let (adjective, noun) = match (words.next(), words.next()) {
        (None, _) => (None, second),
        (Some(noun), None) => (Some(second), noun),
        _ => return false,
    };
    // (the adjective and the noun in lower case as written: not "some Democratic senators";
    // not a verb, "Many carried placards", nor a superlative, "most ardent fans")
    let noun_as_written = text.split_whitespace().last().unwrap_or("");
    let adjective_as_written = text.split_whitespace().nth(1).unwrap_or("");
    if adjective.is_some_and(|a| adjective_as_written != a || a.ends_with("ed") || q == "most") {
        return false;
    }
    lex.words.vague_quantifiers.contains(q)
        && noun.len() > 3
        && noun.ends_with('s')
        && noun_as_written == noun
}

/// "Legal experts", "Kremlin critics", "two experts": a vague plural of the weasel list with
/// one word before it still names no one.
fn modified_weasel(bare: &str, lex: &Lexicons) -> bool {
    let mut words = bare.split_whitespace();
    let (Some(modifier), Some(noun), None) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    // (not "his supporters", "these critics": a group the article has in view)
    noun.ends_with('s')
        && lex.weasel.is(noun)
        && !lex.words.articles.contains(modifier)
        && modifier
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '\'' | '’'))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::DocKind;
    use crate::{analyze, Config};

    /// Each attribution's source with its kind.
    fn kinds(text: &str) -> Vec<(&str, SourceKind)> {
        let a = analyze(text, DocKind::Plain, &Config::default());
        a.attributions
            .iter()
            .filter_map(|at| Some((at.source_hull()?.text(text), at.source_kind)))
            .collect()
    }

    #[test]
    fn the_owner_of_what_speaks_is_not_the_speaker() {
        // (all three were Netanyahu's and Trump's own words)
        assert_eq!(
            kinds(
                "Netanyahu's office said talks would resume. Trump's campaign said the poll \
                 was wrong. The Washington Post's investigative unit reported the deal."
            ),
            [
                ("Netanyahu's office", SourceKind::Described),
                ("Trump's campaign", SourceKind::Described),
                (
                    "The Washington Post's investigative unit",
                    SourceKind::Media
                )
            ]
        );
    }

    #[test]
    fn a_place_a_described_source_is_from_does_not_name_it() {
        // (both were named organizations)
        assert_eq!(
            kinds(
                "An engineer based in Dublin said the cuts were deep. Secretary of State \
                 Hillary Clinton said the talks failed. Leaders from the Amazon said so too."
            ),
            [
                ("An engineer based in Dublin", SourceKind::Described),
                (
                    "Secretary of State Hillary Clinton",
                    SourceKind::NamedPerson
                ),
                ("Leaders from the Amazon", SourceKind::Described)
            ]
        );
    }

    #[test]
    fn a_document_seen_by_an_outlet_and_a_vague_plural_with_an_adjective() {
        assert_eq!(
            kinds(
                "Fuel prices rose, according to a circular seen by Reuters. Some political \
                 commentators believe Ishiba could survive."
            ),
            [
                ("a circular seen by Reuters", SourceKind::Document),
                ("Some political commentators", SourceKind::Weasel)
            ]
        );
    }

    #[test]
    fn a_study_in_a_journal_is_no_outlet_s_report() {
        assert_eq!(
            kinds(
                "Levels rose, according to a study published in the journal Nature Medicine. \
                 The deal was first reported by Reuters."
            ),
            [
                (
                    "a study published in the journal Nature Medicine",
                    SourceKind::Described
                ),
                ("Reuters", SourceKind::Media)
            ]
        );
    }

    #[test]
    fn a_person_before_an_apposition_heads_the_source() {
        assert_eq!(
            kinds(
                "Margrethe Vestager, the EU's competition chief, said the law would help. \
                 A spokesman for Google, Jane Doe, said it would not."
            ),
            [
                (
                    "Margrethe Vestager, the EU's competition chief,",
                    SourceKind::NamedPerson
                ),
                ("A spokesman for Google, Jane Doe", SourceKind::NamedPerson)
            ]
        );
    }

    #[test]
    fn a_vague_plural_with_a_modifier_is_still_vague() {
        assert_eq!(
            kinds(
                "Legal experts said the ruling was wide. His supporters said he won. Analysts \
                 at Bernstein said scrutiny was limited."
            ),
            [
                ("Legal experts", SourceKind::Weasel),
                ("His supporters", SourceKind::Described),
                ("Analysts at Bernstein", SourceKind::NamedOrg)
            ]
        );
    }

    #[test]
    fn a_place_or_group_a_person_is_of_is_not_the_head() {
        assert_eq!(
            kinds(
                "Sen. Rand Paul of Kentucky said it was not paid for. Rep. Henry Cuellar, a \
                 Democrat whose district includes Laredo, said the bill was costly."
            ),
            [
                ("Sen. Rand Paul of Kentucky", SourceKind::NamedPerson),
                (
                    "Rep. Henry Cuellar, a Democrat whose district includes Laredo,",
                    SourceKind::NamedPerson
                ),
            ]
        );
    }

    #[test]
    fn an_unnamed_official_is_anonymous() {
        assert_eq!(
            kinds(
                "Talks resumed, a Hamas official said. According to two Senate aides familiar \
                 with the negotiations, the deal is close."
            ),
            [
                ("a Hamas official", SourceKind::Anonymous),
                (
                    "two Senate aides familiar with the negotiations",
                    SourceKind::Anonymous
                ),
            ]
        );
    }

    #[test]
    fn a_known_agency_is_no_news_agency() {
        assert_eq!(
            kinds("The International Atomic Energy Agency said the site was closed."),
            [(
                "The International Atomic Energy Agency",
                SourceKind::NamedOrg
            )]
        );
    }

    #[test]
    fn supporters_and_everyone_are_vague() {
        assert_eq!(
            kinds("Everyone agrees the city needs housing. Supporters argue that rents will fall."),
            [
                ("Everyone", SourceKind::Weasel),
                ("Supporters", SourceKind::Weasel)
            ]
        );
    }
}
