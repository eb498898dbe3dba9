//! Spelling variants of one entity ("Amir-Abdollahian" vs "Amirabdollahian").

use crate::entities::entity_key;
use crate::rules::TextEdit;
use crate::span::Span;

/// Edits that rewrite every name in `names` spelled differently from `canonical` but with the same
/// entity key (letters and digits, case-folded) to `canonical`. `names` are mention spans of one
/// article; surnames and acronyms have other keys and are left alone.
pub fn spelling_variant_edits(text: &str, names: &[Span], canonical: &str) -> Vec<TextEdit> {
    let key = entity_key(canonical);
    names
        .iter()
        .filter_map(|&span| {
            let t = text.get(span.range())?;
            (t != canonical && entity_key(t) == key).then(|| TextEdit {
                span,
                new_text: canonical.to_string(),
            })
        })
        .collect()
}
