//! `copydesk annotate`: the exchange format for scoring and for other tools.

use std::io::{BufRead, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::LazyLock;

use copydesk_core::analyze;
use copydesk_core::text::DocKind;
use rayon::prelude::*;

use crate::exchange;
use crate::input::{decode_line, read_article, JsonLines};

#[derive(clap::Args)]
pub struct Args {
    /// Articles to annotate (`.txt` or `.md`); the document id is the path.
    files: Vec<PathBuf>,
    /// Read documents from a JSON Lines file (`{"id", "text"}` per line; `-` for stdin) and write
    /// one annotated object per input line, in input order.
    #[arg(long, value_name = "IN.jsonl")]
    jsonl: Option<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j')]
    jobs: Option<usize>,
}

/// Input and output are read and written in blocks this large: with the default 8 KB, the
/// 4 MB of a benchmark corpus took some 500 reads and its output some 650 writes.
const IO_BUFFER: usize = 1 << 16;

pub fn run(args: Args) -> ExitCode {
    // the embedded data loads while the input is read
    crate::warm::start();
    crate::jobs::set_workers(args.jobs);
    // (built on first use: the default configuration holds the knowledge base, so building it
    // here would wait for the load that the input is read during)
    let config = LazyLock::new(exchange::config);
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(IO_BUFFER, stdout.lock());
    let annotate = |doc: Result<(String, String), String>| {
        let (id, text) = doc?;
        let analysis = analyze(&text, DocKind::Plain, &config);
        Ok(exchange::document(&id, &text, &analysis, &config).to_json())
    };
    let mut failed = false;
    if let Some(path) = &args.jsonl {
        let label = path.display().to_string();
        let mut lines = match open(path) {
            Ok(reader) => JsonLines::new(reader, label.clone()),
            Err(e) => {
                eprintln!("copydesk: {}: {e}", path.display());
                return ExitCode::from(2);
            }
        };
        let mut docs = lines
            .by_ref()
            .map(|(n, line)| line.and_then(|line| decode(&label, n, &line)));
        if args.jobs == Some(1) {
            // one job runs on this thread and streams: documents are decoded ahead only while
            // the embedded data is still loading, then each is read, analysed and written in
            // turn, so its text's memory serves the next one (holding every text touched new
            // memory for all of them, which the kernel must zero page by page)
            let mut ahead = Vec::new();
            while !crate::warm::ready() {
                match docs.next() {
                    Some(doc) => ahead.push(doc),
                    None => break,
                }
            }
            failed |= write_results(&mut out, ahead.into_iter().chain(docs).map(annotate));
        } else {
            let all: Vec<_> = docs.collect();
            let results: Vec<_> = all.into_par_iter().map(annotate).collect();
            failed |= write_results(&mut out, results);
        }
        if let Some((_, e)) = lines.error {
            eprintln!("copydesk: {}: {e}", path.display());
            return ExitCode::from(2);
        }
    }
    let results: Vec<Result<String, String>> = args
        .files
        .par_iter()
        .map(|path| {
            let article = read_article(path)?;
            if let Some(w) = &article.warning {
                eprintln!("copydesk: warning: {w}");
            }
            let id = path.display().to_string();
            let analysis = analyze(&article.text, DocKind::from_path(&id), &config);
            Ok(exchange::document(&id, &article.text, &analysis, &config).to_json())
        })
        .collect();
    failed |= write_results(&mut out, results);
    if out.flush().is_err() {
        return ExitCode::from(2);
    }
    if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

/// A JSON Lines input: the file at `path`, or stdin for `-`.
fn open(path: &Path) -> std::io::Result<Box<dyn BufRead>> {
    Ok(if path.as_os_str() == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(std::io::BufReader::with_capacity(
            IO_BUFFER,
            std::fs::File::open(path)?,
        ))
    })
}

/// The id and text of line `n` of the input `label`, or a message naming the line when it is not a document.
fn decode(label: &str, n: usize, line: &str) -> Result<(String, String), String> {
    let doc = decode_line(label, n, line)?;
    let id = match doc.id {
        serde_json::Value::String(s) => s,
        other => other.to_string(),
    };
    Ok((id, doc.text))
}

/// Writes each result line in input order; errors go to stderr. True when any input failed.
fn write_results(
    out: &mut impl Write,
    results: impl IntoIterator<Item = Result<String, String>>,
) -> bool {
    let mut failed = false;
    for r in results {
        match r {
            Ok(line) => {
                // (not `writeln!`: its formatting machinery cost more than the copy)
                let _ = out.write_all(line.as_bytes());
                let _ = out.write_all(b"\n");
            }
            Err(e) => {
                eprintln!("copydesk: {e}");
                failed = true;
            }
        }
    }
    failed
}
