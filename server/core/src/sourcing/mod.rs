//! Sourcing: who said what, and what nobody said.

use crate::entities::EntityId;
use crate::span::Span;

/// What kind of source an attribution names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SourceKind {
    NamedPerson,
    NamedOrg,
    /// A news outlet or agency ("Reuters", "the semi-official Tasnim News Agency").
    Media,
    /// A document, statement, report or post ("a statement", "the indictment").
    Document,
    /// A pronoun ("he", "they"); `source_entity` holds the resolution when clear.
    Pronoun,
    /// A described but unnamed person ("a senior official", "a spokesman").
    Described,
    /// Deliberately anonymous ("sources said", "people familiar with the matter").
    Anonymous,
    /// Vague or agentless ("critics say", "it is believed", "experts").
    Weasel,
    /// No source in the text.
    None,
}

impl SourceKind {
    /// The variant's name, as `Debug` writes it ("NamedPerson"): the exchange format's
    /// `source_kind`.
    pub fn label(self) -> &'static str {
        match self {
            SourceKind::NamedPerson => "NamedPerson",
            SourceKind::NamedOrg => "NamedOrg",
            SourceKind::Media => "Media",
            SourceKind::Document => "Document",
            SourceKind::Pronoun => "Pronoun",
            SourceKind::Described => "Described",
            SourceKind::Anonymous => "Anonymous",
            SourceKind::Weasel => "Weasel",
            SourceKind::None => "None",
        }
    }
}

/// One attribution: a cue, a source and the content attributed to it.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    /// The cue words ("said", "according to"), possibly discontinuous.
    pub cue: Vec<Span>,
    /// The source phrase, possibly discontinuous; empty when there is none.
    pub source: Vec<Span>,
    pub source_kind: SourceKind,
    /// The entity the source refers to (directly or through a pronoun), when known.
    pub source_entity: Option<EntityId>,
    /// The attributed content, as fragments in text order (split quotes give several).
    pub content: Vec<Span>,
    /// True when the content is a direct quotation.
    pub direct: bool,
    /// For anonymous sources: the article says why anonymity was granted.
    pub anonymity_explained: bool,
}

impl Attribution {
    pub fn cue_hull(&self) -> Option<Span> {
        hull(&self.cue)
    }
    pub fn source_hull(&self) -> Option<Span> {
        hull(&self.source)
    }
    pub fn content_hull(&self) -> Option<Span> {
        hull(&self.content)
    }
}

pub(crate) fn hull(spans: &[Span]) -> Option<Span> {
    let first = spans.first()?;
    Some(spans.iter().fold(*first, |a, b| a.cover(*b)))
}

mod boilerplate;
mod classify;
mod cue_model;
mod detect;
mod lexicon;
mod quotes;
mod scan;

pub use boilerplate::{boilerplate_blocks, in_blocks};
pub use detect::detect;
pub use lexicon::{Lexicons, PhraseSet};
pub use quotes::{find_quotes, quote_at, Quote, StrayClose};
pub use scan::Scan;

#[cfg(test)]
mod tests {
    use super::SourceKind;

    #[test]
    fn source_kind_labels_are_their_debug_names() {
        use SourceKind::*;
        for k in [
            NamedPerson,
            NamedOrg,
            Media,
            Document,
            Pronoun,
            Described,
            Anonymous,
            Weasel,
            None,
        ] {
            assert_eq!(k.label(), format!("{k:?}"));
        }
    }
}
