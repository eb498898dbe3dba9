//! JSON: one versioned document (`{"version": 1, "tool", "files", "summary"}`), or JSON Lines
//! with one file object per line. Both follow schemas/lint-v1.schema.json.

use std::io::{self, Write};

use serde_json::json;

use super::Reporter;
use crate::lint::report::{FileReport, Summary, SCHEMA_VERSION};

/// Streams `{"version":1,"tool":{…},"files":[…],"summary":{…}}` file by file.
#[derive(Default)]
pub struct Json {
    files: usize,
}

impl Json {
    fn separate(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if self.files == 0 {
            let tool = json!({"name": "copydesk", "version": env!("CARGO_PKG_VERSION")});
            write!(
                out,
                "{{\"version\":{SCHEMA_VERSION},\"tool\":{tool},\"files\":["
            )?;
        }
        Ok(())
    }
}

impl Reporter for Json {
    fn file(&mut self, out: &mut dyn Write, report: &FileReport) -> io::Result<()> {
        self.separate(out)?;
        writeln!(out, "{}", if self.files == 0 { "" } else { "," })?;
        self.files += 1;
        // into memory first: serde_json's many small writes through `dyn Write` cost more than
        // the serializing
        out.write_all(&serde_json::to_vec(report)?)
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        self.separate(out)?;
        if self.files > 0 {
            writeln!(out)?;
        }
        writeln!(out, "],\"summary\":{}}}", serde_json::to_string(summary)?)
    }
}

/// One file object per line, written as soon as the file is done.
pub struct Jsonl;

impl Reporter for Jsonl {
    fn file(&mut self, out: &mut dyn Write, report: &FileReport) -> io::Result<()> {
        let mut line = serde_json::to_vec(report)?;
        line.push(b'\n');
        out.write_all(&line)
    }

    fn finish(&mut self, _out: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        Ok(())
    }
}
