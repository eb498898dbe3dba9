//! The default format, for people: location, severity, rule and message, then the source line
//! with the span underlined. Colours only when asked for or on a terminal.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};
use copydesk_core::Severity;

use super::Reporter;
use crate::lint::report::{FileReport, Summary};

pub struct Text {
    color: bool,
    wrote_any: bool,
}

impl Text {
    pub fn new(color: bool) -> Text {
        Text {
            color,
            wrote_any: false,
        }
    }

    fn paint(&self, style: Style, s: &str) -> String {
        if self.color {
            format!("{style}{s}{style:#}")
        } else {
            s.to_string()
        }
    }
}

fn severity_style(level: Severity) -> Style {
    let color = match level {
        Severity::Error => AnsiColor::Red,
        Severity::Warning => AnsiColor::Yellow,
        Severity::Info => AnsiColor::Blue,
        Severity::Hint => AnsiColor::Cyan,
    };
    Style::new().fg_color(Some(color.into())).bold()
}

impl Reporter for Text {
    fn file(&mut self, out: &mut dyn Write, report: &FileReport) -> io::Result<()> {
        if report.findings.is_empty() {
            return Ok(());
        }
        if self.wrote_any {
            writeln!(out)?;
        }
        self.wrote_any = true;
        let dim = Style::new().dimmed();
        for f in &report.findings {
            writeln!(
                out,
                "{} {} {} {}",
                self.paint(
                    Style::new().bold(),
                    &format!("{}:{}:{}", report.path, f.line, f.column)
                ),
                self.paint(severity_style(f.level), f.severity),
                self.paint(dim, &f.rule),
                f.message
            )?;
            let x = &f.excerpt;
            let gutter = f.line.to_string();
            let pad = " ".repeat(gutter.len());
            writeln!(
                out,
                "{} {}",
                self.paint(dim, &format!("{gutter} |")),
                x.text
            )?;
            writeln!(
                out,
                "{} {}{}",
                self.paint(dim, &format!("{pad} |")),
                " ".repeat(x.caret_start),
                self.paint(severity_style(f.level), &"^".repeat(x.caret_len))
            )?;
        }
        Ok(())
    }

    fn finish(&mut self, _out: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        Ok(())
    }
}
