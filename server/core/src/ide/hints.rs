//! Inlay hints: the full name after a bare acronym or surname on its first use.

use crate::entities::MentionKind;
use crate::Analysis;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameHint {
    /// Byte offset right after the bare mention.
    pub offset: usize,
    pub full_name: String,
}

/// One hint per entity whose first mention is a bare acronym or partial name that differs from the
/// entity's full name, in text order.
pub fn first_use_hints(analysis: &Analysis, text: &str) -> Vec<NameHint> {
    let mut hints: Vec<NameHint> = analysis
        .entities
        .iter()
        .filter_map(|e| {
            let first = &analysis.mentions[*e.mentions.first()?];
            let bare = matches!(first.kind, MentionKind::Acronym | MentionKind::PartialName);
            (bare && first.span.text(text) != e.name).then(|| NameHint {
                offset: first.span.end,
                full_name: e.name.clone(),
            })
        })
        .collect();
    hints.sort_by_key(|h| h.offset);
    hints
}
