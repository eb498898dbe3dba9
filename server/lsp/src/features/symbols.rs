//! Document symbols (entities grouped by type, then attributions) and workspace symbols.

use copydesk_core::entities::EntityType;
use copydesk_core::ide;
use tower_lsp_server::ls_types::{DocumentSymbol, Location, OneOf, SymbolKind, WorkspaceSymbol};

use super::type_group;
use crate::snapshot::Snapshot;
use crate::workspace::WorkspaceIndex;

fn kind(ty: EntityType) -> SymbolKind {
    match ty {
        EntityType::Person => SymbolKind::OBJECT,
        EntityType::Org => SymbolKind::CLASS,
        EntityType::Place => SymbolKind::NAMESPACE,
        EntityType::Norp => SymbolKind::ENUM,
        EntityType::Misc => SymbolKind::CONSTANT,
    }
}

#[allow(deprecated)] // `deprecated` is a required field of the protocol type
fn symbol(
    name: String,
    detail: Option<String>,
    kind: SymbolKind,
    range: tower_lsp_server::ls_types::Range,
    selection: tower_lsp_server::ls_types::Range,
    children: Option<Vec<DocumentSymbol>>,
) -> DocumentSymbol {
    DocumentSymbol {
        name,
        detail,
        kind,
        tags: None,
        deprecated: None,
        range,
        selection_range: selection,
        children,
    }
}

pub fn document_symbols(snap: &Snapshot) -> Vec<DocumentSymbol> {
    let a = &snap.analysis;
    let mut out = Vec::new();
    for ty in EntityType::ALL {
        let children: Vec<DocumentSymbol> = a
            .entities
            .iter()
            .filter(|e| e.ty == ty)
            .map(|e| {
                let spans: Vec<_> = e.mentions.iter().map(|&m| a.mentions[m].span).collect();
                let hull = spans.iter().fold(spans[0], |h, s| h.cover(*s));
                let detail = (!e.roles.is_empty()).then(|| e.roles.join("; "));
                let sel = snap.range(a.mentions[e.defining].span);
                symbol(
                    e.name.clone(),
                    detail,
                    kind(ty),
                    snap.range(hull),
                    sel,
                    None,
                )
            })
            .collect();
        if let Some(first) = children.first() {
            let range = children.iter().fold(first.range, |r, c| cover(r, c.range));
            out.push(symbol(
                type_group(ty).into(),
                None,
                SymbolKind::NAMESPACE,
                range,
                first.selection_range,
                Some(children),
            ));
        }
    }
    let attributions: Vec<DocumentSymbol> = a
        .attributions
        .iter()
        .filter_map(|attr| {
            let cue = attr.cue_hull()?;
            let hull = [attr.source_hull(), attr.content_hull()]
                .into_iter()
                .flatten()
                .fold(cue, |h, s| h.cover(s));
            let who = attr
                .source_entity
                .map(|e| a.entities[e].name.clone())
                .unwrap_or_else(|| ide::source_text(&snap.text, attr));
            let what = ide::content_text(&snap.text, attr);
            let name = format!(
                "{}: {}",
                if who.is_empty() { "(no source)" } else { &who },
                shorten(&what, 60)
            );
            let kind = if attr.direct {
                SymbolKind::STRING
            } else {
                SymbolKind::EVENT
            };
            Some(symbol(
                name,
                None,
                kind,
                snap.range(hull),
                snap.range(cue),
                None,
            ))
        })
        .collect();
    if let Some(first) = attributions.first() {
        let range = attributions
            .iter()
            .fold(first.range, |r, c| cover(r, c.range));
        out.push(symbol(
            "Attributions".into(),
            None,
            SymbolKind::NAMESPACE,
            range,
            first.selection_range,
            Some(attributions),
        ));
    }
    out
}

fn cover(
    a: tower_lsp_server::ls_types::Range,
    b: tower_lsp_server::ls_types::Range,
) -> tower_lsp_server::ls_types::Range {
    tower_lsp_server::ls_types::Range::new(a.start.min(b.start), a.end.max(b.end))
}

fn shorten(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// Entities of every indexed article whose name contains the query (case-insensitive), sorted
/// by name then file; at most 500.
pub fn workspace_symbols(index: &WorkspaceIndex, query: &str) -> Vec<WorkspaceSymbol> {
    let q = query.to_lowercase();
    let mut hits: Vec<_> = index
        .all()
        .filter(|(_, e)| e.name.to_lowercase().contains(&q))
        .collect();
    hits.sort_by(|x, y| (&x.1.name, x.0.as_str()).cmp(&(&y.1.name, y.0.as_str())));
    hits.truncate(500);
    hits.into_iter()
        .map(|(uri, e)| WorkspaceSymbol {
            name: e.name.clone(),
            kind: kind(e.ty),
            tags: None,
            container_name: uri.path().as_str().rsplit('/').next().map(str::to_string),
            location: OneOf::Left(Location::new(uri.clone(), e.defining)),
            data: None,
        })
        .collect()
}
