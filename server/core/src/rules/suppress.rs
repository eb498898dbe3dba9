//! Inline suppression comments, as ESLint and textlint users know them:
//!
//! - `<!-- copydesk-disable RULE[, RULE] -->` … `<!-- copydesk-enable [RULE] -->` silences a block;
//! - `<!-- copydesk-disable-next-line RULE -->` silences the line after the comment.
//!
//! No rule means every rule. The comments work in Markdown and in plain text alike (the text model
//! blanks HTML comments in both, so they are never analysed as prose). Pure: text and findings in,
//! kept findings and unused directives out, so the CLI and the language server share it.

use super::{registry, Finding};
use crate::span::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DirectiveKind {
    Disable,
    Enable,
    DisableNextLine,
}

/// One suppression comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    pub kind: DirectiveKind,
    /// The rules named; empty means all rules.
    pub rules: Vec<String>,
    /// The whole comment, `<!--` to `-->`.
    pub span: Span,
}

/// A disable directive (or one rule of it) that silenced nothing, or names no known rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnusedSuppression {
    /// The comment.
    pub span: Span,
    /// The rule named in the comment, or `None` for a directive covering all rules.
    pub rule: Option<String>,
    /// One line for the user, e.g. "unused copydesk-disable directive for `weasel-attribution`".
    pub message: String,
}

const PREFIX: &str = "copydesk-";

/// All suppression directives in text order. Comments that merely mention copydesk are ignored.
pub fn parse_directives(text: &str) -> Vec<Directive> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(start) = crate::text::comment_start(text, from) {
        let Some(j) = text[start + 4..].find("-->") else {
            break;
        };
        let end = start + 4 + j + 3;
        if let Some(d) = parse_comment(&text[start + 4..end - 3]) {
            out.push(Directive {
                span: Span::new(start, end),
                ..d
            });
        }
        from = end;
    }
    out
}

fn parse_comment(body: &str) -> Option<Directive> {
    let body = body.trim().strip_prefix(PREFIX)?;
    let (word, rest) = body
        .split_once(|c: char| c.is_whitespace())
        .unwrap_or((body, ""));
    let kind = match word {
        "disable" => DirectiveKind::Disable,
        "enable" => DirectiveKind::Enable,
        "disable-next-line" => DirectiveKind::DisableNextLine,
        _ => return None,
    };
    // an ESLint-style justification after `--` is allowed and ignored
    let rules_part = rest.split(" -- ").next().unwrap_or("");
    let rules = rules_part
        .split([',', ' ', '\t', '\n', '\r'])
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(str::to_string)
        .collect();
    Some(Directive {
        kind,
        rules,
        span: Span::default(),
    })
}

/// Drops the findings silenced by suppression comments in `text`. Returns the kept findings (in
/// their original order) and the disable directives that silenced nothing or name unknown rules.
pub fn apply_suppressions(
    text: &str,
    findings: Vec<Finding>,
) -> (Vec<Finding>, Vec<UnusedSuppression>) {
    let directives = parse_directives(text);
    if directives.is_empty() {
        return (findings, Vec::new());
    }
    // used[d][k]: rule k of directive d (k = 0 for an all-rules directive) silenced something
    let mut used: Vec<Vec<bool>> = directives
        .iter()
        .map(|d| vec![false; d.rules.len().max(1)])
        .collect();
    let kept = findings
        .into_iter()
        .filter(|f| match suppressor(text, &directives, f) {
            Some((d, k)) => {
                used[d][k] = true;
                false
            }
            None => true,
        })
        .collect();
    let mut unused = Vec::new();
    for (d, directive) in directives.iter().enumerate() {
        if directive.kind == DirectiveKind::Enable {
            continue;
        }
        let name = match directive.kind {
            DirectiveKind::DisableNextLine => "copydesk-disable-next-line",
            _ => "copydesk-disable",
        };
        if directive.rules.is_empty() && !used[d][0] {
            unused.push(UnusedSuppression {
                span: directive.span,
                rule: None,
                message: format!("unused {name} directive (no finding was silenced)"),
            });
        }
        for (k, rule) in directive.rules.iter().enumerate() {
            let known = registry().iter().any(|r| r.id == rule);
            if !known || !used[d][k] {
                let why = if known {
                    "no finding was silenced"
                } else {
                    "no such rule"
                };
                unused.push(UnusedSuppression {
                    span: directive.span,
                    rule: Some(rule.clone()),
                    message: format!("unused {name} directive for `{rule}` ({why})"),
                });
            }
        }
    }
    (kept, unused)
}

/// The directive (and rule index within it) that silences `f`, if any.
fn suppressor(text: &str, directives: &[Directive], f: &Finding) -> Option<(usize, usize)> {
    let at = f.span.start;
    let rule_index = |d: &Directive| -> Option<usize> {
        if d.rules.is_empty() {
            Some(0)
        } else {
            d.rules.iter().position(|r| r == f.rule)
        }
    };
    // a disable-next-line comment on the line just before the finding's line
    let line_start = line_start(text, at);
    if line_start > 0 {
        let prev_start = self::line_start(text, line_start - 1);
        for (d, directive) in directives.iter().enumerate() {
            if directive.kind == DirectiveKind::DisableNextLine
                && directive.span.end > prev_start
                && directive.span.end <= line_start
            {
                if let Some(k) = rule_index(directive) {
                    return Some((d, k));
                }
            }
        }
    }
    // replay the block directives before the finding
    let mut all: Option<usize> = None;
    // per rule: Some(d) disabled by directive d, None explicitly re-enabled
    let mut one: Option<Option<(usize, usize)>> = None;
    for (d, directive) in directives.iter().enumerate() {
        if directive.span.start >= at {
            break;
        }
        match directive.kind {
            DirectiveKind::DisableNextLine => {}
            DirectiveKind::Disable => match rule_index(directive) {
                Some(_) if directive.rules.is_empty() => {
                    all = Some(d);
                    one = None;
                }
                Some(k) => one = Some(Some((d, k))),
                None => {}
            },
            DirectiveKind::Enable => {
                if directive.rules.is_empty() {
                    all = None;
                    one = None;
                } else if directive.rules.iter().any(|r| r == f.rule) {
                    one = Some(None);
                }
            }
        }
    }
    match one {
        Some(state) => state,
        None => all.map(|d| (d, 0)),
    }
}

/// Byte offset where the line containing `offset` starts.
fn line_start(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Severity;

    fn finding(text: &str, rule: &'static str, needle: &str) -> Finding {
        let start = text.find(needle).expect(needle);
        Finding {
            rule,
            severity: Severity::Warning,
            span: Span::new(start, start + needle.len()),
            message: format!("{rule} at {needle}"),
            fixes: Vec::new(),
        }
    }

    fn kept_needles(text: &str, findings: Vec<Finding>) -> (Vec<String>, Vec<String>) {
        let (kept, unused) = apply_suppressions(text, findings);
        (
            kept.iter().map(|f| f.span.text(text).to_string()).collect(),
            unused.into_iter().map(|u| u.message).collect(),
        )
    }

    #[test]
    fn parses_kinds_rule_lists_and_justifications() {
        let text = "<!-- copydesk-disable weasel-attribution, unsourced-claim -->\n\
                    <!--copydesk-enable-->\n\
                    <!-- copydesk-disable-next-line anonymous-source -- granted by editor -->\n\
                    <!-- a comment about copydesk -->\n";
        let d = parse_directives(text);
        assert_eq!(d.len(), 3);
        assert_eq!(d[0].kind, DirectiveKind::Disable);
        assert_eq!(d[0].rules, ["weasel-attribution", "unsourced-claim"]);
        assert_eq!(d[0].span.text(text), &text[..d[0].span.end]);
        assert_eq!((d[1].kind, d[1].rules.len()), (DirectiveKind::Enable, 0));
        assert_eq!(d[2].kind, DirectiveKind::DisableNextLine);
        assert_eq!(d[2].rules, ["anonymous-source"]);
    }

    #[test]
    fn blocks_silence_named_rules_until_enabled() {
        let text = "Alpha one.\n<!-- copydesk-disable weasel-attribution -->\nBeta two.\n\
                    Gamma three.\n<!-- copydesk-enable weasel-attribution -->\nDelta four.\n";
        let findings = vec![
            finding(text, "weasel-attribution", "Alpha"),
            finding(text, "weasel-attribution", "Beta"),
            finding(text, "unsourced-claim", "Gamma"),
            finding(text, "weasel-attribution", "Delta"),
        ];
        let (kept, unused) = kept_needles(text, findings);
        assert_eq!(kept, ["Alpha", "Gamma", "Delta"]);
        assert!(unused.is_empty(), "{unused:?}");
    }

    #[test]
    fn disable_all_and_reenable_one_rule() {
        let text = "<!-- copydesk-disable -->\nOne.\n<!-- copydesk-enable unsourced-claim -->\n\
                    Two.\nThree.\n<!-- copydesk-enable -->\nFour.";
        let findings = vec![
            finding(text, "unsourced-claim", "One"),
            finding(text, "unsourced-claim", "Two"),
            finding(text, "weasel-attribution", "Three"),
            finding(text, "weasel-attribution", "Four"),
        ];
        let (kept, unused) = kept_needles(text, findings);
        assert_eq!(kept, ["Two", "Four"]);
        assert!(unused.is_empty(), "{unused:?}");
    }

    #[test]
    fn next_line_covers_only_the_following_line() {
        let text = "<!-- copydesk-disable-next-line unbalanced-quote -->\n“Open one.\n“Open two.\n";
        let findings = vec![
            finding(text, "unbalanced-quote", "“Open one"),
            finding(text, "unbalanced-quote", "“Open two"),
        ];
        let (kept, unused) = kept_needles(text, findings);
        assert_eq!(kept, ["“Open two"]);
        assert!(unused.is_empty());
        // a finding on the comment's own line is not covered
        let text = "“Same line <!-- copydesk-disable-next-line -->\nnext";
        let (kept, unused) = kept_needles(text, vec![finding(text, "unbalanced-quote", "“Same")]);
        assert_eq!(kept, ["“Same"]);
        assert_eq!(
            unused,
            ["unused copydesk-disable-next-line directive (no finding was silenced)"]
        );
    }

    #[test]
    fn reports_unused_and_unknown_rules() {
        let text = "<!-- copydesk-disable weasel-attribution, no-such-rule -->\nText.\n\
                    <!-- copydesk-disable-next-line unsourced-claim -->\nClaim.\n";
        let findings = vec![finding(text, "unsourced-claim", "Claim")];
        let (kept, unused) = kept_needles(text, findings);
        assert!(kept.is_empty());
        assert_eq!(
            unused,
            [
                "unused copydesk-disable directive for `weasel-attribution` (no finding was silenced)",
                "unused copydesk-disable directive for `no-such-rule` (no such rule)",
            ]
        );
    }

    #[test]
    fn crlf_lines_and_no_directives() {
        let text = "<!-- copydesk-disable-next-line -->\r\nBad line.\r\nGood line.";
        let findings = vec![
            finding(text, "unsourced-claim", "Bad"),
            finding(text, "unsourced-claim", "Good"),
        ];
        assert_eq!(kept_needles(text, findings).0, ["Good"]);
        let plain = "No comments here.";
        let f = vec![finding(plain, "unsourced-claim", "No")];
        assert_eq!(apply_suppressions(plain, f.clone()), (f, Vec::new()));
    }
}
