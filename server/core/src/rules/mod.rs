//! Findings and the registry of rules that produce them.

mod anonymous_source;
mod boilerplate;
mod check;
mod first_reference;
mod name_variant;
mod registry;
mod second_hand_source;
mod suppress;
mod unattributed_quote;
mod unbalanced_quote;
mod unsourced_claim;
mod weasel_attribution;

pub use check::{check, RuleInput};

pub use registry::{registry, rule, RuleInfo};
pub use suppress::{
    apply_suppressions, parse_directives, Directive, DirectiveKind, UnusedSuppression,
};

use crate::span::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Hint,
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Hint => "hint",
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
    pub fn parse(s: &str) -> Option<Severity> {
        Some(match s.trim().to_ascii_lowercase().as_str() {
            "hint" => Severity::Hint,
            "info" | "information" | "suggestion" => Severity::Info,
            "warning" | "warn" => Severity::Warning,
            "error" => Severity::Error,
            _ => return None,
        })
    }
}

/// A replacement of `span` by `new_text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextEdit {
    pub span: Span,
    pub new_text: String,
}

/// A suggested fix: a titled set of non-overlapping edits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<TextEdit>,
}

/// One problem found in an article.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Stable rule id from the registry, e.g. `unattributed-quote`.
    pub rule: &'static str,
    pub severity: Severity,
    pub span: Span,
    /// One line that names what the finding is about.
    pub message: String,
    pub fixes: Vec<Fix>,
}

/// The text of each finding of `rule` in `text`, analysed with the default configuration.
#[cfg(test)]
pub(crate) fn flagged<'a>(text: &'a str, rule: &str) -> Vec<&'a str> {
    let a = crate::analysis::analyze(
        text,
        crate::text::DocKind::Plain,
        &crate::config::Config::default(),
    );
    a.findings
        .iter()
        .filter(|f| f.rule == rule)
        .map(|f| &text[f.span.range()])
        .collect()
}
