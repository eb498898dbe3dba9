//! `anonymous-source`: sourcing to people the article does not name.

use super::check::{finding, Context};
use super::{Finding, Severity};
use crate::sourcing::SourceKind;

pub fn run(cx: &Context, severity: Severity) -> Vec<Finding> {
    // one finding a source, however many cues it has ("The official … disputed that account
    // and said …")
    let mut seen = Vec::new();
    cx.input
        .attributions
        .iter()
        .filter(|a| a.source_kind == SourceKind::Anonymous)
        .filter_map(|a| {
            let span = a.source_hull()?;
            if seen.contains(&span) {
                return None;
            }
            seen.push(span);
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

#[cfg(test)]
mod tests {
    use crate::analysis::analyze;
    use crate::config::Config;
    use crate::text::DocKind;

    fn messages(text: &str) -> Vec<String> {
        let a = analyze(text, DocKind::Plain, &Config::default());
        a.findings
            .iter()
            .filter(|f| f.rule == "anonymous-source")
            .map(|f| f.message.clone())
            .collect()
    }

    #[test]
    fn a_source_with_two_cues_is_one_finding() {
        let text = "The official, who spoke on condition of anonymity because he was not \
                    authorized to speak, disputed that account and said the decision stood.";
        assert_eq!(
            messages(text),
            ["Anonymous source: “The official” (the article says why anonymity was granted)"]
        );
    }

    #[test]
    fn the_reason_may_follow_in_the_next_paragraph() {
        let text = "The listing could raise $6 billion, three people familiar with the matter \
                    said.\n\nThe sources declined to be identified because the talks are private.";
        assert_eq!(
            messages(text),
            [
                "Anonymous source: “three people familiar with the matter” (the article says why \
              anonymity was granted)"
            ]
        );
        // but not two sentences on
        let text = "The listing could raise $6 billion, three people familiar with the matter \
                    said.\n\nShares rose.\n\nThe sources declined to be identified because the \
                    talks are private.";
        assert_eq!(
            messages(text),
            [
                "Anonymous source: “three people familiar with the matter” (no reason for \
              anonymity given)"
            ]
        );
    }
}
