//! `copydesk lint`: the batch linter for CI, pre-commit hooks and archive jobs.
//!
//! Exit codes: 0 when no finding reaches `--fail-on` (and warnings stay within `--max-warnings`),
//! 1 when some do, 2 for usage, configuration or I/O errors (reported after everything else is
//! linted: bad input never stops the run).

mod files;
mod format;
mod jsonl_in;
mod project;
mod report;

use std::io::{BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use copydesk_core::text::decode_lossy;
use copydesk_core::Severity;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use crate::input::read_article;
use format::Format;
use project::{Project, Projects};
use report::{lint_text, FileReport, Summary};

#[derive(clap::Args)]
pub struct Args {
    /// Files, directories (searched recursively, honouring .gitignore) or glob patterns;
    /// `-` reads stdin. Default: the current directory.
    paths: Vec<String>,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Exit 1 when a finding has this severity or higher (hint, info, warning, error, never).
    #[arg(long, default_value = "error", value_parser = parse_fail_on)]
    fail_on: FailOn,
    /// Exit 1 when there are more than N warnings.
    #[arg(long, value_name = "N")]
    max_warnings: Option<usize>,
    /// Use this configuration for every file instead of the nearest copydesk.toml.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// File extensions to lint inside directories.
    #[arg(long, value_delimiter = ',', default_value = "txt,md,markdown")]
    ext: Vec<String>,
    /// Read one article from stdin.
    #[arg(long)]
    stdin: bool,
    /// The name of the stdin article: decides Markdown or plain text, the configuration and
    /// overrides that apply, and the path shown in reports.
    #[arg(long, value_name = "PATH")]
    stdin_filename: Option<String>,
    /// Read `{"id", "text"}` JSON Lines on stdin; write one `{"id", "findings", …}` line per input
    /// line, in order (for Spark, Hadoop streaming, Ray or GNU parallel --pipe).
    #[arg(long, conflicts_with_all = ["paths", "stdin", "shard"])]
    jsonl_in: bool,
    /// Lint only shard K of N of the sorted file list (1-based), for CI matrices.
    #[arg(long, value_name = "K/N", value_parser = files::parse_shard)]
    shard: Option<(usize, usize)>,
    /// Report suppression comments that silence nothing (as `unused-disable` warnings).
    #[arg(long)]
    report_unused_disable: bool,
    /// When to use colours in the text format.
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto)]
    color: ColorWhen,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j')]
    jobs: Option<usize>,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ColorWhen {
    Auto,
    Always,
    Never,
}

/// The lowest severity that fails the run; `None` never fails on findings.
#[derive(Clone, Copy)]
struct FailOn(Option<Severity>);

fn parse_fail_on(s: &str) -> Result<FailOn, String> {
    if s.eq_ignore_ascii_case("never") || s.eq_ignore_ascii_case("none") {
        return Ok(FailOn(None));
    }
    Severity::parse(s)
        .map(|s| FailOn(Some(s)))
        .ok_or_else(|| format!("`{s}` is not one of hint, info, warning, error, never"))
}

/// Options every lint of one text needs.
struct Options {
    report_unused_disable: bool,
}

pub fn run(args: Args) -> ExitCode {
    // the embedded data loads while the files are found
    crate::warm::start();
    crate::jobs::set_workers(args.jobs);
    let explicit = match &args.config {
        Some(path) => match Project::load(path) {
            Ok(p) => Some(p),
            Err(e) => {
                eprintln!("copydesk: {e}");
                return ExitCode::from(2);
            }
        },
        None => None,
    };
    let projects = Projects::new(explicit);
    let opts = Options {
        report_unused_disable: args.report_unused_disable,
    };
    if args.jsonl_in {
        return jsonl_in::run(&projects, &opts, args.fail_on.0);
    }

    let read_stdin = args.stdin || args.paths.iter().any(|p| p == "-");
    let mut paths: Vec<String> = args.paths.iter().filter(|p| *p != "-").cloned().collect();
    if paths.is_empty() && !read_stdin {
        paths.push(".".to_string());
    }
    let mut list = files::collect(&paths, &args.ext);
    if let Some((k, n)) = args.shard {
        list.files = files::shard(list.files, k, n);
    }
    let mut failed = !list.errors.is_empty();
    for e in &list.errors {
        eprintln!("copydesk: {e}");
    }

    let color = match args.color {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => {
            anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never
        }
    };
    let mut reporter = format::reporter(args.format, color);
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut summary = Summary::default();
    let mut shown_config_errors = std::collections::HashSet::new();
    let mut emit = |report: &FileReport, out: &mut BufWriter<_>| -> std::io::Result<()> {
        for w in &report.warnings {
            eprintln!("copydesk: warning: {w}");
        }
        if let Some(e) = &report.error {
            if !report.config_error || shown_config_errors.insert(e.clone()) {
                eprintln!("copydesk: {e}");
            }
        }
        summary.add(report);
        reporter.file(out, report)
    };
    let mut io_result = Ok(());
    if read_stdin {
        if let Some(report) = lint_stdin(&args, &projects, &opts) {
            io_result = emit(&report, &mut out);
        }
    }
    let progress = progress_bar(list.files.len());
    // chunks keep output in order and memory flat while all cores work; one chunk is written
    // while the next is linted, so the cores do not wait for the output
    std::thread::scope(|scope| {
        let (done, chunks) = std::sync::mpsc::sync_channel::<Vec<Option<FileReport>>>(1);
        let (projects, opts, progress) = (&projects, &opts, &progress);
        scope.spawn(move || {
            for chunk in list.files.chunks(256) {
                let reports = chunk
                    .par_iter()
                    .map(|path| {
                        let report = lint_file(path, projects, opts);
                        progress.inc(1);
                        report
                    })
                    .collect();
                if done.send(reports).is_err() {
                    return;
                }
            }
        });
        for reports in chunks {
            for report in reports.iter().flatten() {
                if io_result.is_ok() {
                    io_result = emit(report, &mut out);
                }
            }
        }
    });
    progress.finish_and_clear();

    failed |= summary.failed_files > 0;
    let over_threshold = args.fail_on.0.is_some_and(|s| summary.at_or_above(s) > 0)
        || args.max_warnings.is_some_and(|n| summary.warnings > n);
    summary.exit_code = if failed { 2 } else { u8::from(over_threshold) };
    let finished = io_result
        .and_then(|()| reporter.finish(&mut out, &summary))
        .and_then(|()| out.flush());
    if let Err(e) = finished {
        // a closed pipe (`| head`) is not worth a message
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("copydesk: writing output: {e}");
        }
        return ExitCode::from(2);
    }
    eprintln!("{}", summary.line());
    if let Some(n) = args.max_warnings.filter(|&n| summary.warnings > n) {
        eprintln!(
            "copydesk: {} warnings is more than --max-warnings {n}",
            summary.warnings
        );
    }
    ExitCode::from(summary.exit_code)
}

fn progress_bar(files: usize) -> ProgressBar {
    if files < 2 || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(files as u64);
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed}") {
        bar.set_style(style);
    }
    bar
}

/// The path shown in reports: as given, without a leading `./`.
fn shown(path: &Path) -> String {
    let s = path.to_string_lossy();
    s.strip_prefix("./").unwrap_or(&s).to_string()
}

/// Lints one file; `None` when the configuration ignores it.
fn lint_file(path: &Path, projects: &Projects, opts: &Options) -> Option<FileReport> {
    let name = shown(path);
    let project = match projects.for_file(path) {
        Ok(p) => p,
        Err(e) => {
            return Some(FileReport {
                config_error: true,
                ..FileReport::failed(name, e.to_string())
            })
        }
    };
    if project.is_ignored(path) {
        return None;
    }
    let article = match read_article(path) {
        Ok(a) => a,
        Err(e) => return Some(FileReport::failed(name, e)),
    };
    let config = project.config_for(path);
    Some(FileReport {
        findings: lint_text(&name, &article.text, &config, opts.report_unused_disable),
        path: name,
        warnings: article.warning.into_iter().collect(),
        error: None,
        config_error: false,
    })
}

fn lint_stdin(args: &Args, projects: &Projects, opts: &Options) -> Option<FileReport> {
    let name = args
        .stdin_filename
        .clone()
        .unwrap_or_else(|| "<stdin>".to_string());
    // the configuration is looked up from where the file would be (or the current directory)
    let as_path = Path::new(args.stdin_filename.as_deref().unwrap_or("stdin"));
    let mut bytes = Vec::new();
    if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
        let error = format!("{name}: reading stdin: {e}");
        return Some(FileReport::failed(name, error));
    }
    let project = match projects.for_file(as_path) {
        Ok(p) => p,
        Err(e) => return Some(FileReport::failed(name, e.to_string())),
    };
    if project.is_ignored(as_path) {
        return None;
    }
    if crate::input::looks_binary(&bytes) {
        let error = format!("{name}: binary input (contains NUL bytes), skipped");
        return Some(FileReport::failed(name, error));
    }
    let (text, warning) = decode_lossy(&bytes);
    let config = project.config_for(as_path);
    Some(FileReport {
        findings: lint_text(&name, &text, &config, opts.report_unused_disable),
        warnings: warning
            .map(|w| format!("{name}: {w}"))
            .into_iter()
            .collect(),
        path: name,
        error: None,
        config_error: false,
    })
}
