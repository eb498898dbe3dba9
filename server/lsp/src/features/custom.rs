//! The custom requests shared by the editor clients: `copydesk/entities` and
//! `copydesk/documentInfo`. The wire shapes here are a contract; change them with the clients.

use serde::Serialize;
use tower_lsp_server::ls_types::Range;

use crate::snapshot::Snapshot;

const NO_SOURCE_RULES: [&str; 2] = ["unattributed-quote", "unsourced-claim"];

#[derive(Serialize)]
pub struct EntityItem {
    pub name: String,
    /// PERSON, ORG, PLACE, NORP or MISC.
    #[serde(rename = "type")]
    pub ty: &'static str,
    /// The defining mention.
    pub range: Range,
    pub mentions: usize,
    pub roles: Vec<String>,
}

/// Entities sorted by first appearance.
pub fn entities(snap: &Snapshot) -> Vec<EntityItem> {
    let a = &snap.analysis;
    let mut items: Vec<(usize, EntityItem)> = a
        .entities
        .iter()
        .map(|e| {
            let first = e
                .mentions
                .iter()
                .map(|&m| a.mentions[m].span.start)
                .min()
                .unwrap_or(0);
            let item = EntityItem {
                name: e.name.clone(),
                ty: e.ty.label(),
                range: snap.range(a.mentions[e.defining].span),
                mentions: e.mentions.len(),
                roles: e.roles.clone(),
            };
            (first, item)
        })
        .collect();
    items.sort_by_key(|(first, _)| *first);
    items.into_iter().map(|(_, i)| i).collect()
}

#[derive(Serialize)]
pub struct DocumentInfo {
    pub entities: usize,
    pub attributions: usize,
    /// Findings that say nothing sources a quote or claim (unattributed-quote, unsourced-claim).
    pub unsourced: usize,
    pub findings: usize,
    pub version: i32,
}

pub fn document_info(snap: &Snapshot) -> DocumentInfo {
    let a = &snap.analysis;
    let findings: &[copydesk_core::Finding] = if snap.ignored { &[] } else { &a.findings };
    DocumentInfo {
        entities: a.entities.len(),
        attributions: a.attributions.len(),
        unsourced: findings
            .iter()
            .filter(|f| NO_SOURCE_RULES.contains(&f.rule))
            .count(),
        findings: findings.len(),
        version: snap.version,
    }
}
