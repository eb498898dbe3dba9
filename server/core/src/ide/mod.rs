//! Editor features computed from an [`Analysis`]: plain data with byte offsets, no LSP types.
//!
//! The language server converts these results to protocol types; everything that is about the
//! article (which mentions an entity has, how a rename rewrites them, what a hover card says) is
//! decided here so it can be tested without a server.

mod card;
mod highlight;
mod hints;
mod rename;
mod variants;

pub use card::{entity_card, EntityCard};
pub use highlight::{highlights, Highlight, HighlightKind};
pub use hints::{first_use_hints, NameHint};
pub use rename::{rename_edits, rename_entity_edits, rename_target, RenameError};
pub use variants::spelling_variant_edits;

use crate::entities::EntityId;
use crate::sourcing::Attribution;
use crate::span::Span;
use crate::Analysis;

/// The entity whose mention touches byte `offset`.
pub fn entity_at(analysis: &Analysis, offset: usize) -> Option<EntityId> {
    analysis
        .mention_at(offset)
        .map(|m| analysis.mentions[m].entity)
}

/// Spans of every mention of an entity, in text order.
pub fn mention_spans(analysis: &Analysis, entity: EntityId) -> Vec<Span> {
    analysis.entities[entity]
        .mentions
        .iter()
        .map(|&m| analysis.mentions[m].span)
        .collect()
}

/// The span of an entity's defining mention.
pub fn defining_span(analysis: &Analysis, entity: EntityId) -> Span {
    analysis.mentions[analysis.entities[entity].defining].span
}

/// The attribution whose cue touches byte `offset`.
pub fn attribution_at_cue(analysis: &Analysis, offset: usize) -> Option<&Attribution> {
    analysis
        .attributions
        .iter()
        .find(|a| a.cue.iter().any(|s| s.touches(offset)))
}

/// The text of an attribution's content fragments, joined with an ellipsis.
pub fn content_text(text: &str, attribution: &Attribution) -> String {
    fragments_text(text, &attribution.content, " … ")
}

/// The text of an attribution's source fragments ("" when there is none).
pub fn source_text(text: &str, attribution: &Attribution) -> String {
    fragments_text(text, &attribution.source, " ")
}

fn fragments_text(text: &str, spans: &[Span], sep: &str) -> String {
    spans
        .iter()
        .filter_map(|s| text.get(s.range()))
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(sep)
}
