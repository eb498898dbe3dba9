//! The entity card shown when hovering a mention.

use crate::config::Config;
use crate::entities::{EntityId, EntityType};
use crate::Analysis;

use super::{content_text, has_content};

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
    /// What the entity is quoted as saying in this article: the first [`CARD_QUOTES`], each
    /// cut after [`super::SHOWN_CHARS`] characters.
    pub quotes: Vec<String>,
    /// How many times it is quoted in all.
    pub quote_count: usize,
}

/// Quotes a card shows: an official can be quoted dozens of times in one article.
pub const CARD_QUOTES: usize = 5;

pub fn entity_card(analysis: &Analysis, text: &str, config: &Config, id: EntityId) -> EntityCard {
    let e = &analysis.entities[id];
    let kb = e.kb.map(|r| config.kb.entry(r));
    // (the first few shown, all counted, in one pass)
    let (mut quotes, mut quote_count) = (Vec::new(), 0);
    for a in analysis.quotes_of(id).filter(|a| has_content(text, a)) {
        if quotes.len() < CARD_QUOTES {
            quotes.push(content_text(text, a));
        }
        quote_count += 1;
    }
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
        quotes,
        quote_count,
    }
}

#[cfg(test)]
mod tests {
    use super::{entity_card, CARD_QUOTES};
    use crate::ide::{entity_at, SHOWN_CHARS};
    use crate::text::DocKind;
    use crate::{analyze, Config};

    #[test]
    fn a_card_shows_the_first_quotes_cut_and_counts_them_all() {
        let long = "very ".repeat(100);
        let mut text = format!("Iranian President Ebrahim Raisi said: “This is {long}long.”\n");
        for k in 0..8 {
            text.push_str(&format!("“We will answer number {k},” Raisi said.\n"));
        }
        let config = Config::default();
        let a = analyze(&text, DocKind::Plain, &config);
        let raisi = entity_at(&a, text.find("Ebrahim").unwrap()).unwrap();
        let card = entity_card(&a, &text, &config, raisi);
        assert_eq!(card.quote_count, 9);
        assert_eq!(card.quotes.len(), CARD_QUOTES);
        assert!(card.quotes[0].chars().count() <= SHOWN_CHARS + 1);
        assert!(
            card.quotes[0].starts_with("“This is very") && card.quotes[0].ends_with("very…"),
            "{}",
            card.quotes[0]
        );
        assert_eq!(card.quotes[1], "“We will answer number 0,”");
    }
}
