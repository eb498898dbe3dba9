//! Findings as diagnostics, plus the workspace-level `name-variant` check.

use copydesk_core::rules::rule;
use copydesk_core::{Finding, Severity};
use serde_json::json;
use tower_lsp_server::ls_types::{
    CodeDescription, Diagnostic, DiagnosticSeverity, NumberOrString, TextEdit, Uri,
};

use crate::snapshot::Snapshot;
use crate::state::MAX_ANALYZED_BYTES;
use crate::workspace::WorkspaceIndex;

pub const SOURCE: &str = "copydesk";
const NAME_VARIANT: &str = "name-variant";

pub fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Hint => DiagnosticSeverity::HINT,
        Severity::Info => DiagnosticSeverity::INFORMATION,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Error => DiagnosticSeverity::ERROR,
    }
}

/// Most diagnostics sent for one document. Scraped junk can hold tens of thousands of stray
/// quotation marks; that many diagnostics (megabytes of JSON on every keystroke) would freeze
/// the editor and help no one. `copydesk lint` still lists them all.
pub const MAX_DIAGNOSTICS: usize = 1000;

/// Every diagnostic of a document, in text order: the first [`MAX_DIAGNOSTICS`], then one note
/// saying how many more there are.
pub fn diagnostics(snap: &Snapshot, index: &WorkspaceIndex) -> Vec<Diagnostic> {
    if snap.ignored {
        return Vec::new();
    }
    if snap.text.len() > MAX_ANALYZED_BYTES {
        // (said where the user looks, not only in the log: otherwise the article just stays bare)
        let message = format!(
            "Not analysed: {:.1} MB is over the {} MB an editor analyses (`copydesk lint` reads \
             up to 64 MB)",
            snap.text.len() as f64 / (1 << 20) as f64,
            MAX_ANALYZED_BYTES >> 20
        );
        return vec![note(snap, 0, message)];
    }
    let findings = &snap.analysis.findings;
    let mut out: Vec<Diagnostic> = findings
        .iter()
        .take(MAX_DIAGNOSTICS)
        .map(|f| finding(snap, f))
        .collect();
    let variants = name_variants(snap, index);
    let total = findings.len() + variants.len();
    out.extend(variants);
    out.sort_by_key(|d| (d.range.start, d.range.end));
    if let Some(first_left) = findings.get(MAX_DIAGNOSTICS) {
        out.truncate(MAX_DIAGNOSTICS);
        let left = total - MAX_DIAGNOSTICS;
        let message = format!(
            "{left} more findings from here on are not shown (an editor gets at most \
             {MAX_DIAGNOSTICS} per article; `copydesk lint` lists them all)"
        );
        out.push(note(snap, first_left.span.start, message));
    }
    out
}

/// A note about the diagnostics themselves, at byte `offset`: no rule's finding, so no code.
fn note(snap: &Snapshot, offset: usize, message: String) -> Diagnostic {
    Diagnostic {
        range: snap.range(copydesk_core::Span::new(offset, offset)),
        severity: Some(DiagnosticSeverity::INFORMATION),
        source: Some(SOURCE.to_string()),
        message,
        ..Diagnostic::default()
    }
}

pub fn finding(snap: &Snapshot, f: &Finding) -> Diagnostic {
    let fixes: Vec<_> = f
        .fixes
        .iter()
        .map(|fix| {
            let edits: Vec<TextEdit> = fix
                .edits
                .iter()
                .map(|e| TextEdit::new(snap.range(e.span), e.new_text.clone()))
                .collect();
            json!({ "title": fix.title, "edits": edits })
        })
        .collect();
    make(
        snap.range(f.span),
        f.rule,
        f.severity,
        f.message.clone(),
        json!({ "rule": f.rule, "fixes": fixes }),
    )
}

fn make(
    range: tower_lsp_server::ls_types::Range,
    rule_id: &str,
    level: Severity,
    message: String,
    data: serde_json::Value,
) -> Diagnostic {
    Diagnostic {
        range,
        severity: Some(severity(level)),
        code: Some(NumberOrString::String(rule_id.to_string())),
        code_description: rule(rule_id)
            .and_then(|r| r.docs_url.parse::<Uri>().ok())
            .map(|href| CodeDescription { href }),
        source: Some(SOURCE.to_string()),
        message,
        related_information: None,
        tags: None,
        data: Some(data),
    }
}

/// The same entity (same key) spelled differently in another article of the workspace.
fn name_variants(snap: &Snapshot, index: &WorkspaceIndex) -> Vec<Diagnostic> {
    let Some(level) = snap.config.severity(NAME_VARIANT) else {
        return Vec::new();
    };
    let a = &snap.analysis;
    let mut out = Vec::new();
    for e in &a.entities {
        let span = a.mentions[e.defining].span;
        let spelling = span.text(&snap.text);
        let other = index
            .with_key(&e.key)
            .filter(|(uri, _)| **uri != snap.uri)
            .find(|(_, o)| o.spelling != spelling);
        if let Some((uri, o)) = other {
            let file = uri
                .path()
                .as_str()
                .rsplit('/')
                .next()
                .unwrap_or_default()
                .to_string();
            let message = format!("“{spelling}” is spelled “{}” in {file}", o.spelling);
            let data = json!({ "rule": NAME_VARIANT, "fixes": [], "spelling": o.spelling });
            out.push(make(snap.range(span), NAME_VARIANT, level, message, data));
        }
    }
    out
}

/// The parse error of the project's `copydesk.toml`, as a diagnostic on that file (an empty list
/// once it parses again).
pub fn config_diagnostics(snap: &Snapshot) -> Option<(Uri, Vec<Diagnostic>)> {
    let uri = Uri::from_file_path(snap.project.path.as_ref()?)?;
    let diags = snap.project.error.iter().map(|e| {
        // ConfigError positions are 1-based line and column (in characters).
        let at = tower_lsp_server::ls_types::Position::new(
            e.line.saturating_sub(1) as u32,
            e.col.saturating_sub(1) as u32,
        );
        Diagnostic {
            range: tower_lsp_server::ls_types::Range::new(at, at),
            severity: Some(DiagnosticSeverity::ERROR),
            source: Some(SOURCE.to_string()),
            message: e.message.clone(),
            ..Diagnostic::default()
        }
    });
    Some((uri, diags.collect()))
}
