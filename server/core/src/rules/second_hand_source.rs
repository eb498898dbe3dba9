//! `second-hand-source`: a claim sourced only to another outlet's reporting.

use super::check::{finding, Context};
use super::{Finding, Severity};
use crate::sourcing::SourceKind;

pub fn run(cx: &Context, severity: Severity) -> Vec<Finding> {
    let words = &cx.lex.words;
    cx.input
        .attributions
        .iter()
        .filter(|a| a.source_kind == SourceKind::Media)
        .filter_map(|a| {
            let source = a.source_hull()?;
            let cue = cx.text(a.cue_hull()?).to_lowercase();
            let reporting = cue
                .split_whitespace()
                .any(|w| words.report_cues.contains(w))
                || cue.starts_with("according");
            reporting.then(|| {
                finding(
                    "second-hand-source",
                    severity,
                    source,
                    format!(
                        "Sourced to another outlet's report: {}",
                        cx.snippet(source, 40)
                    ),
                )
            })
        })
        .collect()
}
