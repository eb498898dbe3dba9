//! What `copydesk lint` reports: wire types kept separate from the core's, because the JSON
//! schema (`schemas/lint-v1.schema.json`) is a public contract.

use copydesk_core::position::{CodePointIndex, Encoding, LineIndex};
use copydesk_core::rules::apply_suppressions;
use copydesk_core::text::DocKind;
use copydesk_core::{analyze, Config, Finding, Severity};
use serde::Serialize;

/// The version of the JSON/JSONL output. Bump on any incompatible change.
pub const SCHEMA_VERSION: u32 = 1;

/// The rule id under which `--report-unused-disable` reports suppression comments that did nothing.
pub const UNUSED_DISABLE: &str = "unused-disable";

/// One linted (or failed) file.
#[derive(Serialize)]
pub struct FileReport {
    pub path: String,
    pub findings: Vec<WireFinding>,
    /// Problems that did not stop the lint (e.g. invalid UTF-8 replaced).
    pub warnings: Vec<String>,
    /// Why the file was not linted (unreadable, binary, too large, invalid configuration).
    pub error: Option<String>,
    /// The error is the configuration's, shared by every file under it (printed once).
    #[serde(skip)]
    pub config_error: bool,
}

impl FileReport {
    pub fn failed(path: String, error: String) -> FileReport {
        FileReport {
            path,
            findings: Vec::new(),
            warnings: Vec::new(),
            error: Some(error),
            config_error: false,
        }
    }
}

/// One finding. Lines and columns are 1-based and count Unicode code points; `end_line` and
/// `end_column` point just past the last character. `start`/`end` are code-point offsets.
#[derive(Serialize)]
pub struct WireFinding {
    pub rule: String,
    pub severity: &'static str,
    pub message: String,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
    pub start: usize,
    pub end: usize,
    pub fixes: Vec<WireFix>,
    #[serde(skip)]
    pub level: Severity,
    /// The source line the finding starts on (for the text format).
    #[serde(skip)]
    pub source_line: String,
}

#[derive(Serialize)]
pub struct WireFix {
    pub title: String,
    pub edits: Vec<WireEdit>,
}

#[derive(Serialize)]
pub struct WireEdit {
    pub start: usize,
    pub end: usize,
    pub new_text: String,
}

/// Lints one text: analysis, inline suppressions, then positions.
pub fn lint_text(
    name: &str,
    text: &str,
    config: &Config,
    report_unused_disable: bool,
) -> Vec<WireFinding> {
    let analysis = analyze(text, DocKind::from_path(name), config);
    let (mut findings, unused) = apply_suppressions(text, analysis.findings);
    if report_unused_disable && !unused.is_empty() {
        findings.extend(unused.into_iter().map(|u| Finding {
            rule: UNUSED_DISABLE,
            severity: Severity::Warning,
            span: u.span,
            message: u.message,
            fixes: Vec::new(),
        }));
        findings.sort_by_key(|f| f.span.start);
    }
    if findings.is_empty() {
        return Vec::new();
    }
    let lines = LineIndex::new(text);
    let points = CodePointIndex::new(text);
    findings
        .into_iter()
        .map(|f| {
            let start = lines.position(text, f.span.start, Encoding::CodePoint);
            let end = lines.position(text, f.span.end, Encoding::CodePoint);
            let (line_start, line_end) = lines.line_span(text, start.line);
            WireFinding {
                rule: f.rule.to_string(),
                severity: f.severity.label(),
                message: f.message,
                line: start.line + 1,
                column: start.col + 1,
                end_line: end.line + 1,
                end_column: end.col + 1,
                start: points.to_code_points(f.span.start),
                end: points.to_code_points(f.span.end),
                fixes: f
                    .fixes
                    .into_iter()
                    .map(|fix| WireFix {
                        title: fix.title,
                        edits: fix
                            .edits
                            .into_iter()
                            .map(|e| WireEdit {
                                start: points.to_code_points(e.span.start),
                                end: points.to_code_points(e.span.end),
                                new_text: e.new_text,
                            })
                            .collect(),
                    })
                    .collect(),
                level: f.severity,
                source_line: text[line_start..line_end].to_string(),
            }
        })
        .collect()
}

/// Counts for the summary line and the JSON `summary` object.
#[derive(Serialize, Default, Clone)]
pub struct Summary {
    /// Files linted (ignored files are not counted, failed ones are).
    pub files: usize,
    pub files_with_findings: usize,
    /// Files that could not be linted.
    pub failed_files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub hints: usize,
    /// What the process exits with (filled in at the end).
    pub exit_code: u8,
}

impl Summary {
    pub fn add(&mut self, report: &FileReport) {
        self.files += 1;
        if report.error.is_some() {
            self.failed_files += 1;
        }
        if !report.findings.is_empty() {
            self.files_with_findings += 1;
        }
        for f in &report.findings {
            self.add_finding(f.level);
        }
    }

    pub fn add_finding(&mut self, level: Severity) {
        match level {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Info => self.infos += 1,
            Severity::Hint => self.hints += 1,
        }
    }

    /// Findings at or above `level`.
    pub fn at_or_above(&self, level: Severity) -> usize {
        [
            (Severity::Error, self.errors),
            (Severity::Warning, self.warnings),
            (Severity::Info, self.infos),
            (Severity::Hint, self.hints),
        ]
        .iter()
        .filter(|(s, _)| *s >= level)
        .map(|(_, n)| n)
        .sum()
    }

    /// The one-line summary printed on stderr.
    pub fn line(&self) -> String {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        let mut s = format!(
            "copydesk: {} checked: {}, {}, {}, {}",
            plural(self.files, "file"),
            plural(self.errors, "error"),
            plural(self.warnings, "warning"),
            plural(self.infos, "info"),
            plural(self.hints, "hint"),
        );
        if self.failed_files > 0 {
            s.push_str(&format!(
                "; {} could not be linted",
                plural(self.failed_files, "file")
            ));
        }
        s
    }
}
