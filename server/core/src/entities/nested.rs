//! Known names inside a longer name: "United States" in "United States Navy", "Texas" in
//! "University of Texas", "Google" in "Google Science Fair". The exchange format carries them (a
//! corpus annotating every mention nests them); the editor features keep to the non-overlapping
//! mentions of [`crate::Analysis::mentions`].

use super::recognize::kb_at;
use super::{Entity, EntityId, EntityType, Mention};
use crate::kb::{KbRef, KnowledgeBase, Sense};
use crate::span::Span;
use crate::text::{Document, TokenKind};

/// A known name inside a longer mention.
#[derive(Debug, Clone, PartialEq)]
pub struct NestedMention {
    pub span: Span,
    pub ty: EntityType,
    /// The article's entity for the same knowledge-base entry, when it names it on its own too.
    pub entity: Option<EntityId>,
    pub kb: KbRef,
}

pub fn nested_mentions(
    doc: &Document,
    kb: &KnowledgeBase,
    entities: &[Entity],
    mentions: &[Mention],
) -> Vec<NestedMention> {
    let mut out = Vec::new();
    for m in mentions {
        // a place inside a person's name is no place: "George Washington"
        if entities[m.entity].ty == EntityType::Person {
            continue;
        }
        let from = doc.tokens.partition_point(|t| t.span.start < m.span.start);
        let to = doc.tokens.partition_point(|t| t.span.end <= m.span.end);
        if to < from + 2 {
            continue;
        }
        let outer = entities[m.entity].ty;
        let mut p = from;
        while p < to {
            if doc.tokens[p].kind != TokenKind::Word {
                p += 1;
                continue;
            }
            // strictly inside: the whole name is the mention itself
            let end = if p == from { to - 1 } else { to };
            match kb_at(doc, kb, p, end) {
                Some((e, Sense::Name(r))) => {
                    let entry = kb.entry(r);
                    let same_name = |ty| {
                        // a name of the same kind ending the longer one, or but for one word, is
                        // that name qualified ("U.S. Environmental Protection Agency", "New South
                        // Wales", "BBC News"), not a second entity; a country naming a city is one
                        // ("Mexico City")
                        ty == outer
                            && (e == to || e + 1 == to)
                            && !(p == from && entry.has_tag("country"))
                    };
                    if let Some(ty @ (EntityType::Place | EntityType::Org | EntityType::Person)) =
                        entry.ty.filter(|&ty| !same_name(ty))
                    {
                        let entity = entities.iter().position(|x| x.kb == Some(r));
                        out.push(NestedMention {
                            span: Span::new(doc.tokens[p].span.start, doc.tokens[e - 1].span.end),
                            ty: entity.map_or(ty, |x| entities[x].ty),
                            entity,
                            kb: r,
                        });
                    }
                    p = e;
                }
                Some((e, Sense::Demonym(_))) => p = e,
                None => p += 1,
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::text::DocKind;
    use crate::{analyze, Config};

    fn nested(text: &str) -> Vec<&str> {
        let a = analyze(text, DocKind::Plain, &Config::default());
        a.nested.iter().map(|m| &text[m.span.range()]).collect()
    }

    #[test]
    fn a_known_place_or_organization_inside_a_longer_name_is_nested() {
        assert_eq!(
            nested("The United States Navy and the University of Texas met at the Google Science Fair."),
            ["United States", "Texas", "Google"]
        );
    }

    #[test]
    fn a_qualified_name_of_the_same_kind_is_not_nested() {
        assert_eq!(
            nested("New South Wales, the U.S. Environmental Protection Agency, Mexico City."),
            ["U.S.", "Mexico"]
        );
    }

    #[test]
    fn a_person_s_name_holds_no_place() {
        assert!(nested("George Washington Carver spoke.").is_empty());
    }
}
