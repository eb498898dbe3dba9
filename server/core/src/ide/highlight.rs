//! Highlight classes for every part of an article copydesk understands (semantic tokens).

use crate::entities::EntityType;
use crate::span::Span;
use crate::Analysis;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HighlightKind {
    Entity(EntityType),
    /// Directly quoted content.
    Quote,
    /// Attribution cue ("said", "according to").
    Cue,
    /// Attribution source phrase that is not itself a mention ("a senior official").
    Source,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Highlight {
    pub span: Span,
    pub kind: HighlightKind,
    /// True on an entity's defining mention.
    pub defining: bool,
}

impl HighlightKind {
    /// Which kind wins where two overlap: names inside quotes stay names.
    fn priority(self) -> u8 {
        match self {
            HighlightKind::Entity(_) => 3,
            HighlightKind::Cue => 2,
            HighlightKind::Source => 1,
            HighlightKind::Quote => 0,
        }
    }
}

/// Non-overlapping highlights in text order. Where spans overlap, mentions win over cues, cues
/// over sources, sources over quotes; a quote with a name inside becomes quote–name–quote.
pub fn highlights(analysis: &Analysis) -> Vec<Highlight> {
    let mut raw: Vec<Highlight> = Vec::new();
    for (i, m) in analysis.mentions.iter().enumerate() {
        let defining = analysis.entities[m.entity].defining == i;
        let kind = HighlightKind::Entity(analysis.entities[m.entity].ty);
        raw.push(Highlight {
            span: m.span,
            kind,
            defining,
        });
    }
    for a in &analysis.attributions {
        let mut push = |spans: &[Span], kind| {
            raw.extend(spans.iter().map(|&span| Highlight {
                span,
                kind,
                defining: false,
            }))
        };
        push(&a.cue, HighlightKind::Cue);
        push(&a.source, HighlightKind::Source);
        if a.direct {
            push(&a.content, HighlightKind::Quote);
        }
    }
    flatten(raw)
}

/// Cuts overlapping highlights into pieces, keeping the highest-priority kind on each piece.
fn flatten(mut raw: Vec<Highlight>) -> Vec<Highlight> {
    raw.retain(|h| !h.span.is_empty());
    let mut bounds: Vec<usize> = raw
        .iter()
        .flat_map(|h| [h.span.start, h.span.end])
        .collect();
    bounds.sort_unstable();
    bounds.dedup();
    raw.sort_by_key(|h| h.span.start);
    let mut out: Vec<Highlight> = Vec::new();
    let mut active: Vec<Highlight> = Vec::new();
    let mut next = 0;
    for w in bounds.windows(2) {
        let piece = Span::new(w[0], w[1]);
        active.retain(|h| h.span.end > piece.start);
        while next < raw.len() && raw[next].span.start <= piece.start {
            active.push(raw[next]);
            next += 1;
        }
        let Some(best) = active
            .iter()
            .filter(|h| h.span.covers(piece))
            .max_by_key(|h| (h.kind.priority(), std::cmp::Reverse(h.span.start)))
        else {
            continue;
        };
        match out.last_mut() {
            Some(last)
                if last.span.end == piece.start
                    && last.kind == best.kind
                    && last.defining == best.defining
                    && best.span.covers(last.span.cover(piece)) =>
            {
                last.span.end = piece.end
            }
            _ => out.push(Highlight {
                span: piece,
                ..*best
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(start: usize, end: usize, kind: HighlightKind) -> Highlight {
        Highlight {
            span: Span::new(start, end),
            kind,
            defining: false,
        }
    }

    #[test]
    fn names_inside_quotes_split_the_quote() {
        let person = HighlightKind::Entity(EntityType::Person);
        let out = flatten(vec![h(0, 20, HighlightKind::Quote), h(5, 10, person)]);
        assert_eq!(
            out,
            vec![
                h(0, 5, HighlightKind::Quote),
                h(5, 10, person),
                h(10, 20, HighlightKind::Quote)
            ]
        );
    }

    #[test]
    fn adjacent_mentions_stay_separate() {
        let person = HighlightKind::Entity(EntityType::Person);
        let out = flatten(vec![h(0, 5, person), h(5, 9, person)]);
        assert_eq!(out, vec![h(0, 5, person), h(5, 9, person)]);
    }
}
