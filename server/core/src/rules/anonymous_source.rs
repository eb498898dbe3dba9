//! `anonymous-source`: sourcing to people the article does not name.

use super::check::{finding, Context};
use super::{Finding, Severity};
use crate::sourcing::SourceKind;

pub fn run(cx: &Context, severity: Severity) -> Vec<Finding> {
    cx.input
        .attributions
        .iter()
        .filter(|a| a.source_kind == SourceKind::Anonymous)
        .filter_map(|a| {
            let span = a.source_hull()?;
            let reason = if a.anonymity_explained {
                "the article says why anonymity was granted"
            } else {
                "no reason for anonymity given"
            };
            Some(finding(
                "anonymous-source",
                severity,
                span,
                format!("Anonymous source: {} ({reason})", cx.snippet(span, 40)),
            ))
        })
        .collect()
}
