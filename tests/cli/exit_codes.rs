//! Exit codes: 0 clean, 1 findings at or above --fail-on or too many warnings, 2 usage and I/O.

use crate::support::{copydesk, fixture, tree, OPEN_QUOTE};

fn code(args: &[&str]) -> i32 {
    let mut all = vec!["lint", "--report-unused-disable"];
    all.extend_from_slice(args);
    copydesk(&fixture("formats"), &all, None).code
}

#[test]
fn fail_on_sets_the_threshold() {
    // the fixture has exactly one warning
    assert_eq!(code(&[]), 0);
    assert_eq!(code(&["--fail-on", "error"]), 0);
    assert_eq!(code(&["--fail-on", "warning"]), 1);
    assert_eq!(code(&["--fail-on", "hint"]), 1);
    assert_eq!(code(&["--fail-on", "never", "--format", "json"]), 0);
}

#[test]
fn max_warnings_fails_above_the_limit() {
    assert_eq!(code(&["--max-warnings", "1"]), 0);
    let run = copydesk(
        &fixture("formats"),
        &["lint", "--report-unused-disable", "--max-warnings", "0"],
        None,
    );
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .ends_with("copydesk: 1 warnings is more than --max-warnings 0\n"),
        "{}",
        run.stderr
    );
}

#[test]
fn errors_fail_by_default() {
    let dir = tree(&[("story.txt", OPEN_QUOTE)]);
    let run = copydesk(dir.path(), &["lint", "--format", "line"], None);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(run
        .stdout
        .starts_with("story.txt:1:1: error: Quotation mark is never closed"));
    assert_eq!(
        copydesk(dir.path(), &["lint", "--fail-on", "never"], None).code,
        0
    );
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["lint", "--format", "yaml"][..],
        &["lint", "--fail-on", "loud"],
        &["lint", "--shard", "3/2"],
        &["lint", "--shard", "two"],
        &["lint", "--jsonl-in", "file.txt"],
        &["frobnicate"],
    ] {
        let run = copydesk(&fixture("formats"), args, None);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(!run.stderr.is_empty());
    }
}
