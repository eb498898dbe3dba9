//! Definition, declaration, references and document highlights.

use copydesk_core::ide;
use copydesk_core::position::LineIndex;
use copydesk_core::Span;
use tower_lsp_server::ls_types::{
    DocumentHighlight, DocumentHighlightKind, Location, Position, Range, Uri,
};

use crate::snapshot::{Lines, Snapshot};
use crate::workspace::WorkspaceIndex;

/// The defining mention; for an entity from the project file, also its `[[entities]]` entry.
pub fn definition(snap: &Snapshot, pos: Position) -> Option<Vec<Location>> {
    let a = &snap.analysis;
    let e = ide::entity_at(a, snap.offset(pos))?;
    let mut out = vec![Location::new(
        snap.uri.clone(),
        snap.range(ide::defining_span(a, e)),
    )];
    let kb = a.entities[e].kb.map(|r| snap.config.kb.entry(r));
    if let (Some(entry), Some(path)) = (kb.filter(|k| k.from_project), &snap.project.path) {
        if let (Some(span), Some(uri)) = (
            project_entry(&snap.project.source, &entry.name),
            Uri::from_file_path(path),
        ) {
            let index = LineIndex::new(&snap.project.source);
            let lines = Lines {
                text: &snap.project.source,
                index: &index,
                enc: snap.enc,
            };
            out.push(Location::new(uri, lines.range(span)));
        }
    }
    Some(out)
}

/// The defining mention only.
pub fn declaration(snap: &Snapshot, pos: Position) -> Option<Location> {
    let a = &snap.analysis;
    let e = ide::entity_at(a, snap.offset(pos))?;
    Some(Location::new(
        snap.uri.clone(),
        snap.range(ide::defining_span(a, e)),
    ))
}

/// The span of the quoted name in `name = "…"` of a `[[entities]]` entry.
fn project_entry(source: &str, name: &str) -> Option<Span> {
    source
        .lines()
        .scan(0, |start, line| {
            let here = *start;
            *start += line.len() + 1;
            Some((here, line))
        })
        .find_map(|(start, line)| {
            let rest = line
                .trim_start()
                .strip_prefix("name")?
                .trim_start()
                .strip_prefix('=')?
                .trim();
            let quoted = rest.strip_prefix('"').or_else(|| rest.strip_prefix('\''))?;
            let value = &quoted[..quoted.find(['"', '\''])?];
            (value == name).then(|| {
                let at = start + line.find(value)?;
                Some(Span::new(at, at + value.len()))
            })?
        })
}

/// Every mention of the entity in this article, then in other indexed articles (by entity key).
pub fn references(
    snap: &Snapshot,
    pos: Position,
    include_declaration: bool,
    index: &WorkspaceIndex,
) -> Option<Vec<Location>> {
    let a = &snap.analysis;
    let e = ide::entity_at(a, snap.offset(pos))?;
    let entity = &a.entities[e];
    let mut out: Vec<Location> = entity
        .mentions
        .iter()
        .filter(|&&m| include_declaration || m != entity.defining)
        .map(|&m| Location::new(snap.uri.clone(), snap.range(a.mentions[m].span)))
        .collect();
    let mut others: Vec<(&Uri, Range)> = index
        .with_key(&entity.key)
        .filter(|(uri, _)| **uri != snap.uri)
        .flat_map(|(uri, o)| {
            o.mentions
                .iter()
                .filter(move |m| include_declaration || m.range != o.defining)
                .map(move |m| (uri, m.range))
        })
        .collect();
    others.sort_by(|x, y| (x.0.as_str(), x.1.start).cmp(&(y.0.as_str(), y.1.start)));
    out.extend(
        others
            .into_iter()
            .map(|(uri, range)| Location::new(uri.clone(), range)),
    );
    Some(out)
}

pub fn highlights(snap: &Snapshot, pos: Position) -> Option<Vec<DocumentHighlight>> {
    let a = &snap.analysis;
    let e = ide::entity_at(a, snap.offset(pos))?;
    let defining = ide::defining_span(a, e);
    Some(
        ide::mention_spans(a, e)
            .into_iter()
            .map(|s| DocumentHighlight {
                range: snap.range(s),
                kind: Some(if s == defining {
                    DocumentHighlightKind::WRITE
                } else {
                    DocumentHighlightKind::READ
                }),
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_entity_name_line() {
        let src = "[[entities]]\nname = \"Hossein Amirabdollahian\"\ntype = \"PERSON\"\n";
        let s = project_entry(src, "Hossein Amirabdollahian").unwrap();
        assert_eq!(&src[s.range()], "Hossein Amirabdollahian");
        assert_eq!(project_entry(src, "Raisi"), None);
    }
}
