//! `copydesk lint --jsonl-in`: `{"id", "text"}` lines on stdin, one result line per input line
//! on stdout, in input order, flushed block by block so it streams under `parallel --pipe`,
//! Spark `RDD.pipe` or Hadoop streaming. Blank lines are skipped.

use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

use copydesk_core::Severity;
use rayon::prelude::*;
use serde::Serialize;
use serde_json::Value;

use super::project::Projects;
use super::report::{lint_text, Summary, WireFinding};
use super::Options;
use crate::input::{decode_line, JsonLines};

/// One output line. `id` echoes the input's (null when the line was not a valid object).
#[derive(Serialize)]
struct OutDoc {
    id: Value,
    findings: Vec<WireFinding>,
    error: Option<String>,
}

const BLOCK: usize = 512;

pub fn run(projects: &Projects, opts: &Options, fail_on: Option<Severity>) -> ExitCode {
    // the configuration in force in the current directory, overrides matched against string ids
    let project = match projects.for_file(Path::new("stdin")) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("copydesk: {e}");
            return ExitCode::from(2);
        }
    };
    let stdin = std::io::stdin();
    // (a line that is not UTF-8 comes in its place, as an error: one result line per input line)
    let mut lines = JsonLines::new(stdin.lock(), "stdin");
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut summary = Summary::default();
    loop {
        let block: Vec<(usize, Result<String, String>)> = lines.by_ref().take(BLOCK).collect();
        if block.is_empty() {
            break;
        }
        let results: Vec<OutDoc> = block
            .par_iter()
            .map(|(n, line)| {
                let doc = line
                    .as_deref()
                    .map_err(String::clone)
                    .and_then(|l| decode_line("stdin", *n, l));
                match doc {
                    Ok(doc) => {
                        let name = match &doc.id {
                            Value::String(s) => s.clone(),
                            _ => String::new(),
                        };
                        let config = project.config_for(Path::new(&name));
                        OutDoc {
                            findings: lint_text(
                                &name,
                                &doc.text,
                                &config,
                                opts.report_unused_disable,
                            ),
                            id: doc.id,
                            error: None,
                        }
                    }
                    Err(error) => OutDoc {
                        id: Value::Null,
                        findings: Vec::new(),
                        error: Some(error),
                    },
                }
            })
            .collect();
        for doc in &results {
            summary.files += 1;
            if let Some(e) = &doc.error {
                eprintln!("copydesk: {e}");
                summary.failed_files += 1;
            }
            for f in &doc.findings {
                summary.add_finding(f.level);
            }
            let written = serde_json::to_writer(&mut out, doc)
                .map_err(std::io::Error::from)
                .and_then(|()| writeln!(out));
            if written.is_err() {
                return ExitCode::from(2);
            }
        }
        if out.flush().is_err() {
            return ExitCode::from(2);
        }
    }
    let failed = lines.error.is_some();
    if let Some((n, e)) = &lines.error {
        eprintln!("copydesk: stdin:{n}: {e}");
    }
    eprintln!("{}", summary.line());
    if failed || summary.failed_files > 0 {
        ExitCode::from(2)
    } else if fail_on.is_some_and(|s| summary.at_or_above(s) > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
