//! Semantic tokens: entity types, quotes, cues and sources.

use copydesk_core::entities::EntityType;
use copydesk_core::ide::{highlights, HighlightKind};
use copydesk_core::Span;
use tower_lsp_server::ls_types::{
    SemanticToken, SemanticTokenModifier, SemanticTokenType, SemanticTokens, SemanticTokensLegend,
};

use crate::snapshot::Snapshot;

/// Token types, in legend order.
const TYPES: [&str; 8] = [
    "person",
    "organization",
    "place",
    "norp",
    "misc",
    "quote",
    "cue",
    "source",
];
/// Modifier bit 0: the entity's defining mention.
const MODIFIERS: [&str; 1] = ["definition"];

pub fn legend() -> SemanticTokensLegend {
    SemanticTokensLegend {
        token_types: TYPES.iter().map(|t| SemanticTokenType::new(t)).collect(),
        token_modifiers: MODIFIERS
            .iter()
            .map(|m| SemanticTokenModifier::new(m))
            .collect(),
    }
}

fn type_index(kind: HighlightKind) -> u32 {
    match kind {
        HighlightKind::Entity(EntityType::Person) => 0,
        HighlightKind::Entity(EntityType::Org) => 1,
        HighlightKind::Entity(EntityType::Place) => 2,
        HighlightKind::Entity(EntityType::Norp) => 3,
        HighlightKind::Entity(EntityType::Misc) => 4,
        HighlightKind::Quote => 5,
        HighlightKind::Cue => 6,
        HighlightKind::Source => 7,
    }
}

/// Tokens overlapping `within` (the whole text when `None`), split at line ends, delta-encoded.
pub fn tokens(snap: &Snapshot, within: Option<Span>) -> SemanticTokens {
    let mut data = Vec::new();
    let (mut prev_line, mut prev_col) = (0, 0);
    for h in highlights(&snap.analysis) {
        if within.is_some_and(|w| !w.overlaps(h.span)) {
            continue;
        }
        let ty = type_index(h.kind);
        let mods = u32::from(h.defining);
        for piece in split_lines(&snap.text, h.span) {
            let start = snap.position(piece.start);
            let end = snap.position(piece.end);
            let delta_line = start.line - prev_line;
            let delta_start = if delta_line == 0 {
                start.character - prev_col
            } else {
                start.character
            };
            data.push(SemanticToken {
                delta_line,
                delta_start,
                length: end.character - start.character,
                token_type: ty,
                token_modifiers_bitset: mods,
            });
            (prev_line, prev_col) = (start.line, start.character);
        }
    }
    SemanticTokens {
        result_id: None,
        data,
    }
}

/// The non-empty single-line pieces of a span (tokens may not cross lines).
fn split_lines(text: &str, span: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = span.start;
    for (i, _) in text[span.range()].match_indices('\n') {
        let end = span.start + i;
        let trimmed = if text[..end].ends_with('\r') {
            end - 1
        } else {
            end
        };
        out.push(Span::new(start, trimmed));
        start = end + 1;
    }
    out.push(Span::new(start, span.end));
    out.retain(|s| !s.is_empty() && !text[s.range()].trim().is_empty());
    out
}
