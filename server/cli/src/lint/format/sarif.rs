//! SARIF 2.1.0 (checked against the OASIS schema in tests): rule metadata from the registry with
//! help URIs, one result per finding, files that could not be linted as tool notifications.

use std::io::{self, Write};

use copydesk_core::rules::registry;
use copydesk_core::Severity;
use serde_json::{json, Value};

use super::Reporter;
use crate::lint::report::{FileReport, Summary, UNUSED_DISABLE};

#[derive(Default)]
pub struct Sarif {
    results: usize,
    notifications: Vec<Value>,
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Hint => "note",
    }
}

/// Rule descriptors in registry order, then the suppression-comment pseudo-rule.
fn rules() -> Vec<Value> {
    let mut rules: Vec<Value> = registry()
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "shortDescription": {"text": r.summary},
                "fullDescription": {"text": r.explanation},
                "help": {"text": r.explanation},
                "helpUri": r.docs_url,
                "defaultConfiguration": {"level": level(r.default_severity)},
            })
        })
        .collect();
    rules.push(json!({
        "id": UNUSED_DISABLE,
        "shortDescription": {"text": "Suppression comment that silences nothing"},
        "defaultConfiguration": {"level": "warning"},
    }));
    rules
}

fn rule_index(id: &str) -> usize {
    registry()
        .iter()
        .position(|r| r.id == id)
        .unwrap_or(registry().len())
}

/// A relative URI reference for a path: `/` separators, unsafe bytes percent-encoded.
fn uri(path: &str) -> String {
    let mut out = String::new();
    for b in path.replace('\\', "/").bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    if path.starts_with('/') {
        format!("file://{out}")
    } else {
        out
    }
}

impl Reporter for Sarif {
    fn file(&mut self, out: &mut dyn Write, report: &FileReport) -> io::Result<()> {
        let location =
            json!({"physicalLocation": {"artifactLocation": {"uri": uri(&report.path)}}});
        if let Some(error) = &report.error {
            self.notifications.push(json!({
                "level": "error",
                "message": {"text": error},
                "locations": [location],
            }));
        }
        for f in &report.findings {
            if self.results == 0 {
                write_header(out)?;
            } else {
                writeln!(out, ",")?;
            }
            self.results += 1;
            let result = json!({
                "ruleId": f.rule,
                "ruleIndex": rule_index(&f.rule),
                "level": level(f.level),
                "message": {"text": f.message},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": uri(&report.path)},
                    "region": {
                        "startLine": f.line,
                        "startColumn": f.column,
                        "endLine": f.end_line,
                        "endColumn": f.end_column,
                    },
                }}],
            });
            serde_json::to_writer(&mut *out, &result)?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        if self.results == 0 {
            write_header(out)?;
        }
        let invocation = json!({
            "executionSuccessful": summary.failed_files == 0,
            "exitCode": summary.exit_code,
            "toolExecutionNotifications": self.notifications,
        });
        writeln!(out, "\n],\"invocations\":[{invocation}]}}]}}")
    }
}

fn write_header(out: &mut dyn Write) -> io::Result<()> {
    let driver = json!({
        "name": "copydesk",
        "version": env!("CARGO_PKG_VERSION"),
        "informationUri": "https://github.com/copydesk/copydesk",
        "rules": rules(),
    });
    writeln!(
        out,
        "{{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\",\
         \"runs\":[{{\"tool\":{{\"driver\":{driver}}},\"columnKind\":\"unicodeCodePoints\",\
         \"results\":["
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_encoded() {
        assert_eq!(uri("news/a b#1.md"), "news/a%20b%231.md");
        assert_eq!(uri("/abs/ü.txt"), "file:///abs/%C3%BC.txt");
    }
}
