//! One-line-per-finding formats: the classic compiler line and GitHub workflow commands.

use std::io::{self, Write};

use copydesk_core::Severity;

use super::Reporter;
use crate::lint::report::{FileReport, Summary};

/// `path:line:col: severity: message [rule]`, as editors' error parsers expect.
pub struct Line;

impl Reporter for Line {
    fn file(&mut self, out: &mut dyn Write, report: &FileReport) -> io::Result<()> {
        for f in &report.findings {
            writeln!(
                out,
                "{}:{}:{}: {}: {} [{}]",
                report.path, f.line, f.column, f.severity, f.message, f.rule
            )?;
        }
        Ok(())
    }

    fn finish(&mut self, _out: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        Ok(())
    }
}

/// `::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=RULE::message`
pub struct Github;

impl Reporter for Github {
    fn file(&mut self, out: &mut dyn Write, report: &FileReport) -> io::Result<()> {
        let file = escape_property(&report.path);
        if let Some(error) = &report.error {
            writeln!(out, "::error file={file}::{}", escape_data(error))?;
        }
        for f in &report.findings {
            let command = match f.level {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info | Severity::Hint => "notice",
            };
            writeln!(
                out,
                "::{command} file={file},line={},col={},endLine={},endColumn={},title={}::{}",
                f.line,
                f.column,
                f.end_line,
                f.end_column,
                escape_property(&f.rule),
                escape_data(&f.message)
            )?;
        }
        Ok(())
    }

    fn finish(&mut self, _out: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        Ok(())
    }
}

/// Escaping of a workflow command's message (as in @actions/core `escapeData`).
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escaping of a workflow command's property value (as in @actions/core `escapeProperty`).
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_command_escaping() {
        assert_eq!(escape_data("50% of\r\nthem"), "50%25 of%0D%0Athem");
        assert_eq!(escape_property("a,b:c.md"), "a%2Cb%3Ac.md");
    }
}
