//! The entry point: one article in, everything copydesk knows about it out.

use crate::config::Config;
use crate::entities::{self, Entity, EntityId, Mention, MentionId, NestedMention};
use crate::rules::{self, Finding, RuleInput};
use crate::sourcing::{self, Attribution};
use crate::text::{DocKind, Document};

/// Everything copydesk found in one article. Offsets are byte offsets into the analysed text.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub doc: Document,
    pub entities: Vec<Entity>,
    /// All mentions in text order.
    pub mentions: Vec<Mention>,
    pub attributions: Vec<Attribution>,
    /// Findings in text order, already filtered by the configuration.
    pub findings: Vec<Finding>,
}

/// Analyses one article. Pure: the same text, kind and configuration give the same result.
pub fn analyze(text: &str, kind: DocKind, config: &Config) -> Analysis {
    let doc = Document::new(text, kind);
    let scan = sourcing::Scan::new(&doc, config);
    let mut raw = entities::recognize(&doc, &config.kb);
    // scraped page furniture ("Share on Facebook", "Follow us on social") names nothing the
    // article is about
    raw.retain(|m| !sourcing::in_blocks(&scan.boilerplate, m.span));
    let (entities, mentions) = entities::link_mentions(&doc, raw, &config.kb);
    let attributions = sourcing::detect(&doc, &entities, &mentions, &scan, config);
    let findings = rules::check(&RuleInput {
        text,
        doc: &doc,
        entities: &entities,
        mentions: &mentions,
        attributions: &attributions,
        scan: &scan,
        config,
    });
    Analysis {
        doc,
        entities,
        mentions,
        attributions,
        findings,
    }
}

impl Analysis {
    /// Known names inside longer mentions ("United States" in "United States Navy"), in text
    /// order. Only the exchange format reports them (they overlap `mentions`), so they are found
    /// on request rather than on every analysis the editor and the linter run.
    pub fn nested(&self, config: &Config) -> Vec<NestedMention> {
        entities::nested_mentions(&self.doc, &config.kb, &self.entities, &self.mentions)
    }

    /// The mention under a cursor at byte `offset` (touching either end counts).
    pub fn mention_at(&self, offset: usize) -> Option<MentionId> {
        let i = self.mentions.partition_point(|m| m.span.end < offset);
        (i..self.mentions.len())
            .take_while(|&j| self.mentions[j].span.start <= offset)
            .find(|&j| self.mentions[j].span.touches(offset))
    }

    pub fn entity_of(&self, mention: MentionId) -> &Entity {
        &self.entities[self.mentions[mention].entity]
    }

    /// Attributions whose source is this entity.
    pub fn quotes_of(&self, entity: EntityId) -> impl Iterator<Item = &Attribution> {
        self.attributions
            .iter()
            .filter(move |a| a.source_entity == Some(entity))
    }
}
