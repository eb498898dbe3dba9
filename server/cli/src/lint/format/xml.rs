//! XML formats CI servers import: Checkstyle and JUnit.

use std::io::{self, Write};

use copydesk_core::Severity;

use super::Reporter;
use crate::lint::report::{FileReport, Summary};

/// Escapes text for an XML attribute or element; drops characters XML 1.0 cannot carry.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\t' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

const PROLOG: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

/// Writes the prolog and root element before the first file (or at the end, for no files).
#[derive(Default)]
struct Root {
    started: bool,
}

impl Root {
    fn start(&mut self, out: &mut dyn Write, element: &str) -> io::Result<()> {
        if !self.started {
            self.started = true;
            writeln!(out, "{PROLOG}\n<{element}>")?;
        }
        Ok(())
    }
}

#[derive(Default)]
pub struct Checkstyle {
    root: Root,
}

impl Checkstyle {
    fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        self.root.start(out, "checkstyle version=\"4.3\"")
    }
}

impl Reporter for Checkstyle {
    fn file(&mut self, out: &mut dyn Write, report: &FileReport) -> io::Result<()> {
        self.start(out)?;
        writeln!(out, "  <file name=\"{}\">", esc(&report.path))?;
        if let Some(error) = &report.error {
            writeln!(
                out,
                "    <error line=\"1\" severity=\"error\" message=\"{}\" source=\"copydesk\"/>",
                esc(error)
            )?;
        }
        for f in &report.findings {
            let severity = match f.level {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info | Severity::Hint => "info",
            };
            writeln!(
                out,
                "    <error line=\"{}\" column=\"{}\" severity=\"{severity}\" message=\"{}\" source=\"copydesk.{}\"/>",
                f.line,
                f.column,
                esc(&f.message),
                esc(&f.rule)
            )?;
        }
        writeln!(out, "  </file>")
    }

    fn finish(&mut self, out: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        self.start(out)?;
        writeln!(out, "</checkstyle>")
    }
}

#[derive(Default)]
pub struct Junit {
    root: Root,
}

impl Junit {
    fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        self.root.start(out, "testsuites name=\"copydesk\"")
    }
}

impl Reporter for Junit {
    fn file(&mut self, out: &mut dyn Write, report: &FileReport) -> io::Result<()> {
        self.start(out)?;
        let path = esc(&report.path);
        let errors = usize::from(report.error.is_some());
        let tests = report.findings.len().max(1);
        writeln!(
            out,
            "  <testsuite name=\"{path}\" tests=\"{tests}\" failures=\"{}\" errors=\"{errors}\">",
            report.findings.len()
        )?;
        if let Some(error) = &report.error {
            writeln!(
                out,
                "    <testcase name=\"read\" classname=\"{path}\"><error message=\"{}\"/></testcase>",
                esc(error)
            )?;
        } else if report.findings.is_empty() {
            writeln!(
                out,
                "    <testcase name=\"copydesk\" classname=\"{path}\"/>"
            )?;
        }
        for f in &report.findings {
            writeln!(
                out,
                "    <testcase name=\"{}:{} {}\" classname=\"{path}\"><failure message=\"{}\" type=\"{}\">{path}:{}:{}: {}: {} [{}]</failure></testcase>",
                f.line,
                f.column,
                esc(&f.rule),
                esc(&f.message),
                f.severity,
                f.line,
                f.column,
                f.severity,
                esc(&f.message),
                esc(&f.rule)
            )?;
        }
        writeln!(out, "  </testsuite>")
    }

    fn finish(&mut self, out: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        self.start(out)?;
        writeln!(out, "</testsuites>")
    }
}
