//! The annotation exchange format of `../shared/eval/FORMAT.md`: JSON Lines, code-point offsets.
//! Wire types are separate from core types so the format is a stable contract.

use copydesk_core::position::CodePointIndex;
use copydesk_core::{Analysis, Span};
use serde::Serialize;

#[derive(Serialize)]
pub struct Document<'a> {
    pub id: &'a str,
    pub entities: Vec<EntityMention>,
    pub attributions: Vec<Attribution>,
    pub unsourced: Vec<Unsourced>,
}

#[derive(Serialize)]
pub struct EntityMention {
    pub start: usize,
    pub end: usize,
    #[serde(rename = "type")]
    pub ty: &'static str,
    pub cluster: Cluster,
}

/// A cluster id, written as "e7": formatted straight into the output, not into a String first.
pub struct Cluster(pub usize);

impl Serialize for Cluster {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&format_args!("e{}", self.0))
    }
}

#[derive(Serialize)]
pub struct Attribution {
    pub cue: Option<[usize; 2]>,
    pub source: Option<[usize; 2]>,
    pub content: Option<[usize; 2]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cue_spans: Option<Vec<[usize; 2]>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_spans: Option<Vec<[usize; 2]>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_spans: Option<Vec<[usize; 2]>>,
    pub source_kind: String,
    pub direct: bool,
}

#[derive(Serialize)]
pub struct Unsourced {
    pub start: usize,
    pub end: usize,
}

/// Mentions and nested mentions in text order. A nested name the article never names on its own
/// gets a cluster of its own per knowledge-base entry, numbered after the entities.
fn entity_mentions(a: &Analysis, cp: &impl Fn(Span) -> [usize; 2]) -> Vec<EntityMention> {
    let mut unlinked: Vec<Option<u32>> = Vec::new();
    let nested = a.nested.iter().map(|n| {
        let cluster = n.entity.unwrap_or_else(|| {
            let k = unlinked.iter().position(|&r| r == n.kb).unwrap_or_else(|| {
                unlinked.push(n.kb);
                unlinked.len() - 1
            });
            a.entities.len() + k
        });
        (n.span, n.ty.label(), cluster)
    });
    let mut all: Vec<(Span, &'static str, usize)> = a
        .mentions
        .iter()
        .map(|m| (m.span, a.entities[m.entity].ty.label(), m.entity))
        .chain(nested)
        .collect();
    all.sort_by_key(|(s, ..)| (s.start, std::cmp::Reverse(s.end)));
    all.into_iter()
        .map(|(span, ty, cluster)| {
            let [start, end] = cp(span);
            EntityMention {
                start,
                end,
                ty,
                cluster: Cluster(cluster),
            }
        })
        .collect()
}

pub fn document<'a>(id: &'a str, text: &str, a: &Analysis) -> Document<'a> {
    let cpi = CodePointIndex::new(text);
    let cp = |s: Span| [cpi.to_code_points(s.start), cpi.to_code_points(s.end)];
    let hull = |spans: &[Span]| spans.iter().copied().reduce(Span::cover).map(cp);
    let frags = |spans: &[Span]| (spans.len() > 1).then(|| spans.iter().map(|s| cp(*s)).collect());
    Document {
        id,
        entities: entity_mentions(a, &cp),
        attributions: a
            .attributions
            .iter()
            .map(|at| Attribution {
                cue: hull(&at.cue),
                source: hull(&at.source),
                content: hull(&at.content),
                cue_spans: frags(&at.cue),
                source_spans: frags(&at.source),
                content_spans: frags(&at.content),
                source_kind: format!("{:?}", at.source_kind),
                direct: at.direct,
            })
            .collect(),
        unsourced: a
            .findings
            .iter()
            .filter(|f| f.rule == "unsourced-claim")
            .map(|f| {
                let [start, end] = cp(f.span);
                Unsourced { start, end }
            })
            .collect(),
    }
}
