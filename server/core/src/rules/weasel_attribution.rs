//! `weasel-attribution`: vague ("critics say") or agentless ("it is believed") attribution.

use super::check::{finding, Context};
use super::{Finding, Severity};
use crate::sourcing::SourceKind;

pub fn run(cx: &Context, severity: Severity) -> Vec<Finding> {
    cx.input
        .attributions
        .iter()
        .filter(|a| a.source_kind == SourceKind::Weasel)
        .filter_map(|a| {
            let (span, what) = match a.source_hull() {
                Some(s) => (s, "Vague attribution"),
                None => (a.cue_hull()?, "Agentless attribution"),
            };
            Some(finding(
                "weasel-attribution",
                severity,
                span,
                format!("{what}: {} names no one", cx.snippet(span, 40)),
            ))
        })
        .collect()
}
