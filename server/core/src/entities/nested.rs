//! Known names inside a longer name: "United States" in "United States Navy", "Texas" in
//! "University of Texas", "Google" in "Google Science Fair". The exchange format carries them (a
//! corpus annotating every mention nests them); the editor features keep to the non-overlapping
//! mentions of [`crate::Analysis::mentions`].

use rustc_hash::FxHashMap as HashMap;

use super::recognize::{is_legal_form, kb_at};
use super::{Entity, EntityId, EntityType, Mention};
use crate::kb::{KbRef, KnowledgeBase, Sense};
use crate::span::Span;
use crate::text::{Document, Token, TokenKind};

/// A known name inside a longer mention.
#[derive(Debug, Clone, PartialEq)]
pub struct NestedMention {
    pub span: Span,
    pub ty: EntityType,
    /// The article's entity of that name, when it names it on its own too.
    pub entity: Option<EntityId>,
    /// The knowledge-base entry, if any (a name the article never names on its own is one).
    pub kb: Option<KbRef>,
}

/// Last words of buildings and works that take the name of their place.
const FACILITIES: &[&str] = &[
    "stadium", "arena", "airport", "station", "bridge", "tower", "towers", "prison", "base",
];

/// Longest inner name tried against the article's own names, in tokens.
const MAX_INNER_TOKENS: usize = 4;

pub fn nested_mentions(
    doc: &Document,
    kb: &KnowledgeBase,
    entities: &[Entity],
    mentions: &[Mention],
) -> Vec<NestedMention> {
    // the article's places by text: "Irving" in "Irving Police Department" when the article
    // names Irving on its own
    let mut by_text: HashMap<&str, EntityId> = HashMap::default();
    for m in mentions {
        // ("State" on its own is a word as often as a place)
        let name = doc.text_of(m.span);
        // (a name asked about once, not at each mention)
        if entities[m.entity].ty == EntityType::Place
            && !by_text.contains_key(name)
            && !kb.is_common_word(name)
        {
            by_text.insert(name, m.entity);
        }
    }
    // the first entity of each knowledge-base entry, indexed on the first known name found
    // inside another (not searched for each)
    let mut by_kb: Option<HashMap<KbRef, EntityId>> = None;
    let mut out = Vec::new();
    // mentions come in text order: each one's tokens are searched for from the last one's
    let mut last = (0, 0);
    for m in mentions {
        // a place inside a person's name is no place: "George Washington"
        if entities[m.entity].ty == EntityType::Person {
            continue;
        }
        let after = if m.span.start >= last.0 { last.1 } else { 0 };
        let from = partition_from(&doc.tokens, after, |t| t.span.start < m.span.start);
        // (tokens before `from` end before the mention does)
        let to = partition_from(&doc.tokens, from, |t| t.span.end <= m.span.end);
        last = (m.span.start, from);
        if to < from + 2 {
            continue;
        }
        let outer = entities[m.entity].ty;
        // a company's name before its legal form is its own: "Mars Inc."
        if to == from + 2 && is_legal_form(kb, doc.token_text(to - 1)) {
            continue;
        }
        // a building named after its city is another place: "Volgograd Arena"
        let building = FACILITIES.contains(&&*doc.lower_text(doc.tokens[to - 1].span));
        let mut p = from;
        while p < to {
            if doc.tokens[p].kind != TokenKind::Word || !doc.tokens[p].upper {
                p += 1;
                continue;
            }
            // strictly inside: the whole name is the mention itself
            let end = if p == from { to - 1 } else { to };
            let span = |e: usize| Span::new(doc.tokens[p].span.start, doc.tokens[e - 1].span.end);
            // a name of the same kind ending the longer one, or but for one word, is that name
            // qualified ("U.S. Environmental Protection Agency", "New South Wales", "BBC News"),
            // not a second entity; a country naming a city is one ("Mexico City")
            // so is a place opening a place before a particle ("Rio Grande do Sul", "Santiago
            // de Compostela")
            let same_name = |e: usize, ty: EntityType, country: bool| {
                let qualified = e == to
                    || e + 1 == to
                    || p == from
                        && ty == EntityType::Place
                        && kb
                            .words
                            .name_particles
                            .contains(&*doc.lower_text(doc.tokens[e].span));
                ty == outer && qualified && !(p == from && country) && !building
            };
            let known = match kb_at(doc, kb, p, end) {
                Some((e, Sense::Name(r))) => Some((e, Some(r))),
                Some((e, Sense::Demonym(_))) => Some((e, None)),
                None => None,
            };
            // a city ending a name after a given name is a surname: "Morgan Stanley"
            let surname = |e: usize| {
                e == to && e == p + 1 && p > from && kb.is_given_name(doc.token_text(p - 1))
            };
            let found = match known {
                // a short form of the longer name itself: "Saudi" in "Saudi Arabia"
                Some((_, Some(r))) if entities[m.entity].kb == Some(r) => None,
                Some((e, _)) if surname(e) => None,
                Some((e, Some(r))) => {
                    let entry = kb.entry(r);
                    let by_kb = by_kb.get_or_insert_with(|| {
                        let mut by_kb = HashMap::default();
                        for (x, e) in entities.iter().enumerate() {
                            if let Some(r) = e.kb {
                                by_kb.entry(r).or_insert(x);
                            }
                        }
                        by_kb
                    });
                    let entity = by_kb.get(&r).copied();
                    let ty = entity.map_or(entry.ty, |x| Some(entities[x].ty));
                    ty.filter(|&ty| {
                        matches!(ty, EntityType::Place | EntityType::Org | EntityType::Person)
                            && !same_name(e, ty, entry.has_tag("country"))
                    })
                    .map(|ty| (e, ty, entity, Some(r)))
                }
                Some(_) => None,
                None => (p + 1..=end.min(p + MAX_INNER_TOKENS))
                    .rev()
                    .find_map(|e| Some((e, *by_text.get(doc.text_of(span(e)))?)))
                    .map(|(e, x)| (e, entities[x].ty, Some(x), entities[x].kb))
                    .filter(|&(e, ty, ..)| !same_name(e, ty, false)),
            };
            match (found, known) {
                (Some((e, ty, entity, kb)), _) => {
                    out.push(NestedMention {
                        span: span(e),
                        ty,
                        entity,
                        kb,
                    });
                    p = e;
                }
                (None, Some((e, _))) => p = e,
                (None, None) => p += 1,
            }
        }
    }
    out
}

/// `tokens.partition_point(pred)` when the point is known to be `lo` or after, galloping from
/// `lo` (it is usually a few tokens on).
fn partition_from(tokens: &[Token], mut lo: usize, pred: impl Fn(&Token) -> bool) -> usize {
    let mut hi = lo;
    let mut step = 1;
    while hi < tokens.len() && pred(&tokens[hi]) {
        lo = hi + 1;
        hi += step;
        step *= 2;
    }
    let hi = hi.min(tokens.len());
    lo + tokens[lo..hi].partition_point(pred)
}

#[cfg(test)]
mod tests {
    use crate::text::DocKind;
    use crate::{analyze, Config};

    fn nested(text: &str) -> Vec<&str> {
        let a = analyze(text, DocKind::Plain, &Config::default());
        a.nested(&Config::default())
            .iter()
            .map(|m| &text[m.span.range()])
            .collect()
    }

    #[test]
    fn a_known_place_or_organization_inside_a_longer_name_is_nested() {
        assert_eq!(
            nested("The United States Navy and the University of Texas met at the Google Science Fair."),
            ["United States", "Texas", "Google"]
        );
    }

    #[test]
    fn a_place_the_article_names_on_its_own_is_nested_too() {
        assert_eq!(
            nested("He lives in Irving, Texas, now. The Irving Police Department said so."),
            ["Irving"]
        );
        assert!(nested("The State said so. The State Department said so.").is_empty());
    }

    #[test]
    fn a_qualified_name_of_the_same_kind_is_not_nested() {
        assert_eq!(
            nested("New South Wales, the U.S. Environmental Protection Agency, Mexico City."),
            ["U.S.", "Mexico"]
        );
        // a place opening a place before a particle
        assert_eq!(
            nested("Rain hit Rio Grande do Sul. The Federal University of Rio Grande do Sul shut."),
            ["Rio Grande do Sul"]
        );
    }

    #[test]
    fn a_building_named_after_its_city_holds_it() {
        assert_eq!(nested("They played at the Volgograd Arena."), ["Volgograd"]);
    }

    #[test]
    fn a_person_s_name_holds_no_place() {
        assert!(nested("George Washington Carver spoke.").is_empty());
        // a firm named after people: "Stanley" is a surname, not the Falklands' capital
        assert!(nested("Analysts at Morgan Stanley cut their target.").is_empty());
    }
}
