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

/// The most of an attribution's content or source an editor shows, in characters: a quotation
/// can run over paragraphs, and a scraped page can make one attribution of a whole article.
pub const SHOWN_CHARS: usize = 280;

/// The text of an attribution's content fragments, joined with an ellipsis and cut after
/// [`SHOWN_CHARS`] characters.
pub fn content_text(text: &str, attribution: &Attribution) -> String {
    fragments_text(text, &attribution.content, " … ")
}

/// The text of an attribution's source fragments ("" when there is none), cut likewise.
pub fn source_text(text: &str, attribution: &Attribution) -> String {
    fragments_text(text, &attribution.source, " ")
}

/// Whether an attribution's content has any text (quotes with nothing in them show nothing).
pub fn has_content(text: &str, attribution: &Attribution) -> bool {
    attribution
        .content
        .iter()
        .filter_map(|s| text.get(s.range()))
        .any(|t| !t.trim().is_empty())
}

/// The fragments trimmed and joined with `sep`, cut at the end of a word within
/// [`SHOWN_CHARS`] characters of theirs with `…` (only what is shown is copied).
fn fragments_text(text: &str, spans: &[Span], sep: &str) -> String {
    let mut out = String::new();
    let mut chars = 0;
    for (k, fragment) in spans.iter().filter_map(|s| text.get(s.range())).enumerate() {
        if k > 0 {
            out.push_str(sep);
        }
        for c in fragment.trim().chars() {
            if chars == SHOWN_CHARS {
                // (at the end of a word: back to the last space when the cut falls inside one)
                if !c.is_whitespace() {
                    if let Some(space) = out.rfind(char::is_whitespace) {
                        out.truncate(space);
                    }
                }
                out.truncate(out.trim_end().len());
                out.push('…');
                return out;
            }
            out.push(c);
            chars += 1;
        }
    }
    out
}
