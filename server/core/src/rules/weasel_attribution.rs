//! `weasel-attribution`: vague ("critics say") or agentless ("it is believed") attribution.

use super::check::{finding, Context};
use super::{Finding, Severity};
use crate::sourcing::SourceKind;

pub fn run(cx: &Context, severity: Severity) -> Vec<Finding> {
    cx.input
        .attributions
        .iter()
        .filter(|a| a.source_kind == SourceKind::Weasel)
        // a headline or section heading ("## What the experts say") announces what the body
        // sources
        .filter(|a| !cx.in_headline(a.cue_hull()))
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

#[cfg(test)]
mod tests {
    fn flagged(text: &str) -> Vec<&str> {
        crate::rules::flagged(text, "weasel-attribution")
    }

    #[test]
    fn a_heading_announcing_what_experts_say_is_no_vague_attribution() {
        let text = "## What the experts say\n\nCritics say the plan will fail.\n";
        assert_eq!(flagged(text), ["Critics"]);
    }
}
