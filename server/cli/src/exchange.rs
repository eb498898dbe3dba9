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

pub fn document<'a>(id: &'a str, text: &str, a: &Analysis) -> Document<'a> {
    let cpi = CodePointIndex::new(text);
    let cp = |s: Span| [cpi.to_code_points(s.start), cpi.to_code_points(s.end)];
    let hull = |spans: &[Span]| spans.iter().copied().reduce(Span::cover).map(cp);
    let frags = |spans: &[Span]| (spans.len() > 1).then(|| spans.iter().map(|s| cp(*s)).collect());
    Document {
        id,
        entities: a
            .mentions
            .iter()
            .map(|m| {
                let [start, end] = cp(m.span);
                EntityMention {
                    start,
                    end,
                    ty: a.entities[m.entity].ty.label(),
                    cluster: Cluster(m.entity),
                }
            })
            .collect(),
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
