//! The entity card shown when hovering a mention.

use crate::config::Config;
use crate::entities::{EntityId, EntityType};
use crate::Analysis;

use super::content_text;

/// Everything the article and the knowledge base say about one entity.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityCard {
    pub name: String,
    pub ty: EntityType,
    /// Roles stated in the article, in order of first appearance.
    pub roles: Vec<String>,
    /// Knowledge-base description and link (empty when unknown).
    pub description: String,
    pub link: String,
    /// True when the knowledge-base entry comes from the project's `copydesk.toml`.
    pub from_project: bool,
    /// Surface forms seen in the article other than the name.
    pub aliases: Vec<String>,
    pub mentions: usize,
    /// What the entity is quoted as saying in this article.
    pub quotes: Vec<String>,
}

pub fn entity_card(analysis: &Analysis, text: &str, config: &Config, id: EntityId) -> EntityCard {
    let e = &analysis.entities[id];
    let kb = e.kb.map(|r| config.kb.entry(r));
    EntityCard {
        name: e.name.clone(),
        ty: e.ty,
        roles: e.roles.clone(),
        description: kb.map(|k| k.description.clone()).unwrap_or_default(),
        link: kb.map(|k| k.link.clone()).unwrap_or_default(),
        from_project: kb.is_some_and(|k| k.from_project),
        aliases: e
            .aliases
            .iter()
            .filter(|a| **a != e.name)
            .cloned()
            .collect(),
        mentions: e.mentions.len(),
        quotes: analysis
            .quotes_of(id)
            .map(|a| content_text(text, a))
            .filter(|q| !q.is_empty())
            .collect(),
    }
}
