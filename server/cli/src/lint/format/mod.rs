//! Output formats. Every reporter streams: it is handed files in output order and a summary at
//! the end, so memory stays flat however many files are linted.

mod human;
mod json;
mod lines;
mod sarif;
mod xml;

use std::io::{self, Write};

use super::report::{FileReport, Summary};

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// `path:line:col severity rule message`, the source line and a caret underline.
    Text,
    /// `path:line:col: severity: message [rule]`, one finding per line.
    Line,
    /// One JSON document with every file and a summary (schema: schemas/lint-v1.schema.json).
    Json,
    /// One JSON object per file, written as each file is done.
    Jsonl,
    /// SARIF 2.1.0, for code-scanning tools.
    Sarif,
    /// GitHub Actions workflow commands (annotations on the pull request).
    Github,
    /// Checkstyle XML.
    Checkstyle,
    /// JUnit XML (one test suite per file, one failing test case per finding).
    Junit,
}

pub trait Reporter {
    fn file(&mut self, out: &mut dyn Write, report: &FileReport) -> io::Result<()>;
    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()>;
}

pub fn reporter(format: Format, color: bool) -> Box<dyn Reporter> {
    match format {
        Format::Text => Box::new(human::Text::new(color)),
        Format::Line => Box::new(lines::Line),
        Format::Github => Box::new(lines::Github),
        Format::Json => Box::new(json::Json::default()),
        Format::Jsonl => Box::new(json::Jsonl),
        Format::Sarif => Box::new(sarif::Sarif::default()),
        Format::Checkstyle => Box::new(xml::Checkstyle::default()),
        Format::Junit => Box::new(xml::Junit::default()),
    }
}
