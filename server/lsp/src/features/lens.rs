//! Code lenses on defining mentions and inlay hints after bare first uses.

use copydesk_core::ide;
use serde_json::json;
use tower_lsp_server::ls_types::{CodeLens, Command, InlayHint, InlayHintLabel, Location, Range};

use crate::snapshot::Snapshot;

/// Client-side command the lenses run: arguments are `[uri, position, locations]` (the shape of
/// VS Code's `editor.action.showReferences`).
pub const SHOW_REFERENCES: &str = "copydesk.showReferences";

pub fn code_lenses(snap: &Snapshot) -> Vec<CodeLens> {
    let a = &snap.analysis;
    a.entities
        .iter()
        .enumerate()
        .map(|(id, e)| {
            let range = snap.range(a.mentions[e.defining].span);
            let quotes = a.quotes_of(id).count();
            let locations: Vec<Location> = ide::mention_spans(a, id)
                .into_iter()
                .map(|s| Location::new(snap.uri.clone(), snap.range(s)))
                .collect();
            let plural =
                |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
            CodeLens {
                range,
                command: Some(Command {
                    title: format!(
                        "{} · {}",
                        plural(e.mentions.len(), "mention"),
                        plural(quotes, "quote")
                    ),
                    command: SHOW_REFERENCES.to_string(),
                    arguments: Some(vec![json!(snap.uri), json!(range.start), json!(locations)]),
                }),
                data: None,
            }
        })
        .collect()
}

pub fn inlay_hints(snap: &Snapshot, range: Range) -> Vec<InlayHint> {
    if !snap.inlay_hints {
        return Vec::new();
    }
    let within = snap.lines().span(range);
    ide::first_use_hints(&snap.analysis, &snap.text)
        .into_iter()
        .filter(|h| within.touches(h.offset))
        .map(|h| InlayHint {
            position: snap.position(h.offset),
            label: InlayHintLabel::String(format!("({})", h.full_name)),
            kind: None,
            text_edits: None,
            tooltip: None,
            padding_left: Some(true),
            padding_right: None,
            data: None,
        })
        .collect()
}
