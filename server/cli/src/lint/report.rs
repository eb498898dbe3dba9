//! What `copydesk lint` reports: wire types kept separate from the core's, because the JSON
//! schema (`schemas/lint-v1.schema.json`) is a public contract.

use copydesk_core::position::{CodePointIndex, Encoding, LineIndex};
use copydesk_core::rules::apply_suppressions;
use copydesk_core::text::DocKind;
use copydesk_core::{analyze, Config, Finding, Severity, Span};
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
    /// The source line the finding starts on, or a window of it (for the text format).
    #[serde(skip)]
    pub excerpt: Excerpt,
}

/// What the text format shows of a finding's line: all of it, or when it is long a window
/// around the finding with `…` where it was cut. A scraped article can be one line of many
/// kilobytes: a copy of the whole line per finding made 10,000 findings on a 30 KB line take
/// 345 MB, and a line that long is no help to read either.
#[derive(Debug, PartialEq, Eq)]
pub struct Excerpt {
    /// The line or its window, tabs shown as spaces (so that the carets line up).
    pub text: String,
    /// Characters of `text` before the finding, and the finding's characters in it (at least
    /// one, for a caret under an empty span).
    pub caret_start: usize,
    pub caret_len: usize,
}

/// Lines up to this many characters are shown whole.
const EXCERPT_CHARS: usize = 240;
/// Characters of a longer line shown before the finding.
const EXCERPT_BEFORE: usize = 80;

/// The [`Excerpt`] of `span` on the line `line` (byte range, without its line ending).
fn excerpt(text: &str, (ls, le): (usize, usize), span: Span) -> Excerpt {
    let start = span.start.clamp(ls, le);
    let end = span.end.clamp(start, le);
    // (chars are walked only as far as the window reaches: never the whole of a long line)
    let back = |from: usize, n: usize| {
        text[ls..from]
            .char_indices()
            .rev()
            .take(n)
            .last()
            .map_or(from, |(i, _)| ls + i)
    };
    let forward = |from: usize, n: usize| {
        text[from..le]
            .char_indices()
            .nth(n)
            .map_or(le, |(i, _)| from + i)
    };
    let (from, to) = if forward(ls, EXCERPT_CHARS) == le {
        (ls, le)
    } else {
        let from = back(start, EXCERPT_BEFORE);
        (from, forward(from, EXCERPT_CHARS))
    };
    let (lead, tail) = (
        if from > ls { "…" } else { "" },
        if to < le { "…" } else { "" },
    );
    let chars = |a: usize, b: usize| text[a..b].chars().count();
    // (no space before a closing ellipsis)
    let shown = if tail.is_empty() {
        &text[from..to]
    } else {
        text[from..to].trim_end()
    };
    Excerpt {
        text: format!("{lead}{}{tail}", shown.replace('\t', " ")),
        caret_start: usize::from(from > ls) + chars(from, start),
        caret_len: chars(start, end.min(to)).max(1),
    }
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
            let excerpt = excerpt(text, lines.line_span(text, start.line), f.span);
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
                excerpt,
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

#[cfg(test)]
mod tests {
    use super::{excerpt, Excerpt, EXCERPT_BEFORE, EXCERPT_CHARS};
    use copydesk_core::Span;

    fn line(text: &str) -> (usize, usize) {
        (0, text.find('\n').unwrap_or(text.len()))
    }

    #[test]
    fn a_short_line_is_shown_whole_with_tabs_as_spaces() {
        let text = "“Naïve,”\the said.\nnext";
        let said = text.find("said").unwrap();
        assert_eq!(
            excerpt(text, line(text), Span::new(said, said + 4)),
            Excerpt {
                text: "“Naïve,” he said.".into(),
                caret_start: 12,
                caret_len: 4,
            }
        );
        // an empty span still gets a caret; a span running onto the next line stops at the end
        assert_eq!(excerpt(text, line(text), Span::new(0, 0)).caret_len, 1);
        let to_next = excerpt(text, line(text), Span::new(said, text.len()));
        assert_eq!((to_next.caret_start, to_next.caret_len), (12, 5));
    }

    #[test]
    fn a_long_line_is_cut_to_a_window_around_the_finding() {
        let before = "é".repeat(500);
        let text = format!("{before}Raisi{}", " x".repeat(500));
        let at = before.len();
        let x = excerpt(&text, line(&text), Span::new(at, at + 5));
        assert_eq!(x.caret_start, 1 + EXCERPT_BEFORE);
        assert_eq!(x.caret_len, 5);
        assert!(
            x.text.starts_with("…éé") && x.text.ends_with(" x…"),
            "{}",
            x.text
        );
        assert!(x.text.chars().count() <= EXCERPT_CHARS + 2);
        assert_eq!(
            x.text
                .chars()
                .skip(x.caret_start)
                .take(5)
                .collect::<String>(),
            "Raisi"
        );
        // at the start of the line nothing is cut before it
        let x = excerpt(&text, line(&text), Span::new(0, 2));
        assert_eq!((x.caret_start, x.caret_len), (0, 1));
        assert!(x.text.starts_with("éé") && x.text.ends_with('…'));
    }
}
