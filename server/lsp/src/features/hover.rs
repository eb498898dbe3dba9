//! Hover: the entity card on a mention, who said what on a cue, the rule behind a diagnostic.

use copydesk_core::ide::{self, EntityCard};
use copydesk_core::rules::rule;
use tower_lsp_server::ls_types::{Hover, HoverContents, MarkupContent, MarkupKind, Position};

use crate::snapshot::Snapshot;

pub fn hover(snap: &Snapshot, pos: Position) -> Option<Hover> {
    let offset = snap.offset(pos);
    let a = &snap.analysis;
    let mut sections = Vec::new();
    let mut range = None;
    if let Some(m) = a.mention_at(offset) {
        let e = a.mentions[m].entity;
        sections.push(card_markdown(&ide::entity_card(
            a,
            &snap.text,
            &snap.config,
            e,
        )));
        range = Some(snap.range(a.mentions[m].span));
    }
    if let Some(attr) = ide::attribution_at_cue(a, offset) {
        let who = match attr.source_entity {
            Some(e) => a.entities[e].name.clone(),
            None => match ide::source_text(&snap.text, attr) {
                s if s.is_empty() => "No source".to_string(),
                s => s,
            },
        };
        let what = ide::content_text(&snap.text, attr);
        let verb = if attr.direct {
            "said"
        } else {
            "said, in substance"
        };
        sections.push(format!("**{who}** {verb}:\n\n> {what}"));
    }
    if !snap.ignored {
        for f in a.findings.iter().filter(|f| f.span.touches(offset)) {
            let mut s = format!("**{}** · `{}`", f.message, f.rule);
            if let Some(r) = rule(f.rule) {
                s.push_str(&format!(
                    "\n\n{}\n\n[{}]({})",
                    r.explanation, r.summary, r.docs_url
                ));
            }
            sections.push(s);
        }
    }
    if sections.is_empty() {
        return None;
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: sections.join("\n\n---\n\n"),
        }),
        range,
    })
}

/// The card as Markdown: name and type, roles, knowledge-base entry, aliases, mentions, quotes.
pub fn card_markdown(c: &EntityCard) -> String {
    let mut lines = vec![format!("**{}** · {}", c.name, c.ty.label())];
    if !c.roles.is_empty() {
        lines.push(format!("*{}*", c.roles.join("; ")));
    }
    if !c.description.is_empty() || !c.link.is_empty() {
        let mut kb = c.description.clone();
        if !c.link.is_empty() {
            kb.push_str(&format!(" ([link]({}))", c.link));
        }
        if c.from_project {
            kb.push_str(" — from `copydesk.toml`");
        }
        lines.push(kb.trim().to_string());
    }
    if !c.aliases.is_empty() {
        lines.push(format!("Also written: {}", c.aliases.join(", ")));
    }
    let plural = if c.mentions == 1 { "" } else { "s" };
    lines.push(format!("{} mention{plural} in this article", c.mentions));
    for q in &c.quotes {
        lines.push(format!("> {q}"));
    }
    if c.quote_count > c.quotes.len() {
        let more = c.quote_count - c.quotes.len();
        lines.push(format!(
            "…and {more} more quote{}",
            if more == 1 { "" } else { "s" }
        ));
    }
    lines.join("\n\n")
}

#[cfg(test)]
mod tests {
    use copydesk_core::entities::EntityType;
    use copydesk_core::ide::EntityCard;

    #[test]
    fn a_card_says_how_many_quotes_it_leaves_out() {
        let card = EntityCard {
            name: "Ebrahim Raisi".into(),
            ty: EntityType::Person,
            roles: vec!["Iranian President".into()],
            description: String::new(),
            link: String::new(),
            from_project: false,
            aliases: vec!["Raisi".into()],
            mentions: 9,
            quotes: vec!["“We will respond.”".into()],
            quote_count: 3,
        };
        assert_eq!(
            super::card_markdown(&card),
            "**Ebrahim Raisi** · PERSON\n\n*Iranian President*\n\nAlso written: Raisi\n\n\
             9 mentions in this article\n\n> “We will respond.”\n\n…and 2 more quotes"
        );
    }
}
