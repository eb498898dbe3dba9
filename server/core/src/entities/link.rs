//! Linking mentions into entities (what go-to-definition uses). Placeholder: exact text.

use std::collections::HashMap;

use super::recognize::RawMention;
use super::{Entity, EntityType, Mention, MentionKind};
use crate::kb::KnowledgeBase;
use crate::text::Document;

pub fn link_mentions(
    doc: &Document,
    raw: Vec<RawMention>,
    kb: &KnowledgeBase,
) -> (Vec<Entity>, Vec<Mention>) {
    let mut entities: Vec<Entity> = Vec::new();
    let mut mentions = Vec::new();
    let mut by_text: HashMap<String, usize> = HashMap::new();
    for r in raw {
        let text = doc.text_of(r.span).to_string();
        let id = *by_text.entry(text.clone()).or_insert_with(|| {
            entities.push(Entity {
                name: text.clone(),
                ty: r.ty.unwrap_or(EntityType::Person),
                defining: mentions.len(),
                mentions: Vec::new(),
                roles: Vec::new(),
                aliases: vec![text.clone()],
                key: text.to_lowercase(),
                kb: r.kb,
            });
            entities.len() - 1
        });
        entities[id].mentions.push(mentions.len());
        mentions.push(Mention {
            span: r.span,
            entity: id,
            kind: MentionKind::Name,
            title: r.title,
        });
    }
    let _ = kb;
    (entities, mentions)
}
