//! Named entities: recognition of mentions and linking of mentions into entities.

mod link;
mod nested;
mod recognize;
mod team;

pub use link::{entity_key, link_mentions, write_entity_key};
pub use nested::{nested_mentions, NestedMention};
pub use recognize::recognize;
pub(crate) use recognize::starts_with_arabic_article;

use crate::span::Span;

/// Index into [`crate::Analysis::entities`].
pub type EntityId = usize;
/// Index into [`crate::Analysis::mentions`].
pub type MentionId = usize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityType {
    Person,
    Org,
    Place,
    /// Nationalities, religious and political groups: "Iranian", "Shiite", "Western".
    Norp,
    /// Named laws, treaties, events, works, products.
    Misc,
}

impl EntityType {
    pub const ALL: [EntityType; 5] = [
        EntityType::Person,
        EntityType::Org,
        EntityType::Place,
        EntityType::Norp,
        EntityType::Misc,
    ];

    /// The exchange-format label: PERSON, ORG, PLACE, NORP, MISC.
    pub fn label(self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Org => "ORG",
            EntityType::Place => "PLACE",
            EntityType::Norp => "NORP",
            EntityType::Misc => "MISC",
        }
    }

    pub fn parse(s: &str) -> Option<EntityType> {
        // (upper-cased in a buffer rather than a new string: the knowledge base parses a type
        // for each of its thousands of entries at every start)
        let s = s.trim().as_bytes();
        let mut upper = [0u8; "ORGANIZATION".len()];
        let upper = upper.get_mut(..s.len())?;
        upper.copy_from_slice(s);
        upper.make_ascii_uppercase();
        Some(match &*upper {
            b"PERSON" | b"PER" => EntityType::Person,
            b"ORG" | b"ORGANIZATION" => EntityType::Org,
            b"PLACE" | b"LOC" | b"GPE" | b"LOCATION" => EntityType::Place,
            b"NORP" => EntityType::Norp,
            b"MISC" | b"EVENT" | b"LAW" => EntityType::Misc,
            _ => return None,
        })
    }
}

/// How a mention names its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MentionKind {
    /// The full name as written ("Ebrahim Raisi", "Shanghai Cooperation Organization").
    Name,
    /// A part of a person's name: surname ("Raisi") or given name.
    PartialName,
    /// An acronym or initialism ("SCO", "U.N.").
    Acronym,
    /// Another known alias (knowledge base or project file: "Tehran" for the Iranian government).
    Alias,
}

/// One occurrence of a name in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// The name itself: no title, no possessive.
    pub span: Span,
    pub entity: EntityId,
    pub kind: MentionKind,
    /// A title or role written right before the name ("President", "Iranian foreign minister").
    pub title: Option<Span>,
}

/// A real-world entity mentioned in the article.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// Canonical name: the defining mention's text, or the knowledge-base name when known.
    pub name: String,
    pub ty: EntityType,
    /// The first fullest mention: the target of go-to-definition.
    pub defining: MentionId,
    /// All mentions in text order (includes `defining`).
    pub mentions: Vec<MentionId>,
    /// Roles the article states ("Iranian foreign minister"), in order of first appearance.
    pub roles: Vec<String>,
    /// Distinct surface forms seen in the article, in order of first appearance.
    pub aliases: Vec<String>,
    /// Normalized key for linking the same entity across articles.
    pub key: String,
    /// Knowledge-base entry this entity was linked to, if any.
    pub kb: Option<crate::kb::KbRef>,
}
