//! `acronym-before-definition` and `first-reference`: an acronym or a surname used before the
//! entity's full name, unless the knowledge base says every reader knows it (`wellknown`).
//! Headlines are exempt: they name people by surname and groups by acronym by design.

use super::check::{finding, fix, Context};
use super::{Finding, Severity};
use crate::entities::{Entity, EntityType, Mention, MentionKind};
use crate::text::Document;

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
            .find(|m| m.kind == kind && !in_headline(input.doc, m))?;
        Some((e, early, cx.text(def.span)))
    })
}

fn in_headline(doc: &Document, m: &Mention) -> bool {
    doc.sentence_at(m.span.start)
        .is_some_and(|s| doc.sentences[s].headline)
}

#[cfg(test)]
mod tests {
    use crate::analysis::analyze;
    use crate::config::Config;
    use crate::text::DocKind;

    /// (rule, text, line) of the early-reference findings.
    fn early(text: &str) -> Vec<(&str, &str, usize)> {
        let a = analyze(text, DocKind::Plain, &Config::default());
        a.findings
            .iter()
            .filter(|f| matches!(f.rule, "first-reference" | "acronym-before-definition"))
            .map(|f| {
                let line = text[..f.span.start].matches('\n').count();
                (f.rule, &text[f.span.range()], line)
            })
            .collect()
    }

    #[test]
    fn headlines_may_use_surnames_and_acronyms_the_body_may_not() {
        let text = "IRAN'S RAISI AT SCO SUMMIT\n\n\
                    Raisi arrived on Tuesday. Iranian President Ebrahim Raisi met SCO leaders. \
                    The Shanghai Cooperation Organization (SCO) groups ten states.";
        assert_eq!(
            early(text),
            [
                ("first-reference", "Raisi", 2),
                ("acronym-before-definition", "SCO", 2)
            ]
        );
    }
}
