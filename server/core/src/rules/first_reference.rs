//! `acronym-before-definition` and `first-reference`: an acronym or a surname used before the
//! entity's full name, unless the knowledge base says every reader knows it (`wellknown`).

use super::check::{finding, fix, Context};
use super::{Finding, Severity};
use crate::entities::{Entity, EntityType, Mention, MentionKind};

pub fn run_acronyms(cx: &Context, severity: Severity) -> Vec<Finding> {
    early_mentions(cx, MentionKind::Acronym)
        .map(|(_, m, full)| {
            let short = cx.text(m.span);
            let message = format!("“{short}” is used before it is spelled out as “{full}”");
            let expanded = format!("{full} ({short})");
            let title = format!("Spell out: {expanded}");
            early_finding(
                "acronym-before-definition",
                severity,
                m,
                message,
                title,
                expanded,
            )
        })
        .collect()
}

pub fn run_surnames(cx: &Context, severity: Severity) -> Vec<Finding> {
    early_mentions(cx, MentionKind::PartialName)
        .filter(|(e, _, _)| e.ty == EntityType::Person)
        .map(|(_, m, full)| {
            let message = format!(
                "“{}” is used before the full name “{full}”",
                cx.text(m.span)
            );
            let title = format!("Use the full name: {full}");
            early_finding("first-reference", severity, m, message, title, full.into())
        })
        .collect()
}

fn early_finding(
    rule: &'static str,
    severity: Severity,
    m: &Mention,
    message: String,
    title: String,
    replacement: String,
) -> Finding {
    let mut f = finding(rule, severity, m.span, message);
    f.fixes.push(fix(&title, m.span, replacement));
    f
}

/// Per entity, the first mention of this kind that comes before the defining mention, with the
/// defining mention's text.
fn early_mentions<'a>(
    cx: &'a Context,
    kind: MentionKind,
) -> impl Iterator<Item = (&'a Entity, &'a Mention, &'a str)> + 'a {
    let input = cx.input;
    input.entities.iter().filter_map(move |e| {
        let wellknown =
            e.kb.is_some_and(|r| input.config.kb.entry(r).has_tag("wellknown"));
        if wellknown {
            return None;
        }
        let def = &input.mentions[e.defining];
        let early = e
            .mentions
            .iter()
            .map(|&m| &input.mentions[m])
            .take_while(|m| m.span.start < def.span.start)
            .find(|m| m.kind == kind)?;
        Some((e, early, cx.text(def.span)))
    })
}
