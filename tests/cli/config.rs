//! copydesk.toml: found upward from each file, `--config`, ignore globs, overrides, errors.

use crate::support::{copydesk, findings_of, json_paths, parse_json, tree, OPEN_QUOTE};

#[test]
fn nearest_config_above_each_file_applies() {
    let dir = tree(&[
        ("copydesk.toml", "ignore = [\"drafts/\", \"*.draft.md\"]\n"),
        ("desk/story.txt", OPEN_QUOTE),
        ("desk/idea.draft.md", OPEN_QUOTE),
        ("drafts/old.txt", OPEN_QUOTE),
        // a nearer file replaces the parent's for everything under it
        (
            "desk/world/copydesk.toml",
            "[rules]\nunbalanced-quote = \"info\"\n",
        ),
        ("desk/world/raisi.md", OPEN_QUOTE),
        ("desk/world/raisi.draft.md", OPEN_QUOTE),
    ]);
    // run from a subdirectory: the configuration is searched upward from each file
    let run = copydesk(
        &dir.path().join("desk"),
        &["lint", "--format", "json"],
        None,
    );
    let doc = parse_json(&run.stdout);
    assert_eq!(
        json_paths(&doc),
        ["story.txt", "world/raisi.draft.md", "world/raisi.md"]
    );
    assert_eq!(
        findings_of(&doc, "story.txt", "unbalanced-quote"),
        [(1, 1, "error".to_string())]
    );
    assert_eq!(
        findings_of(&doc, "world/raisi.md", "unbalanced-quote"),
        [(1, 1, "info".to_string())]
    );
    assert_eq!(run.code, 1);
}

#[test]
fn overrides_apply_per_glob_in_order() {
    let dir = tree(&[
        (
            "copydesk.toml",
            "[rules]\nunbalanced-quote = \"warning\"\n\n\
             [[overrides]]\nfiles = [\"opinion/**\"]\nrules = { unbalanced-quote = \"off\" }\n\n\
             [[overrides]]\nfiles = [\"opinion/letters/*.txt\"]\nrules = { unbalanced-quote = \"hint\" }\n",
        ),
        ("news/a.txt", OPEN_QUOTE),
        ("opinion/b.txt", OPEN_QUOTE),
        ("opinion/letters/c.txt", OPEN_QUOTE),
    ]);
    let run = copydesk(dir.path(), &["lint", "--format", "json"], None);
    let doc = parse_json(&run.stdout);
    let level = |p: &str| findings_of(&doc, p, "unbalanced-quote");
    assert_eq!(level("news/a.txt"), [(1, 1, "warning".to_string())]);
    assert_eq!(level("opinion/b.txt"), []);
    assert_eq!(level("opinion/letters/c.txt"), [(1, 1, "hint".to_string())]);
    assert_eq!(run.code, 0, "no errors left: {}", run.stderr);
}

#[test]
fn explicit_config_replaces_discovery() {
    let dir = tree(&[
        ("copydesk.toml", "ignore = [\"*.txt\"]\n"),
        ("ci.toml", "[rules]\nunbalanced-quote = \"off\"\n"),
        ("a.txt", OPEN_QUOTE),
    ]);
    let run = copydesk(
        dir.path(),
        &["lint", "--config", "ci.toml", "--format", "json"],
        None,
    );
    let doc = parse_json(&run.stdout);
    assert_eq!(json_paths(&doc), ["a.txt"]);
    assert_eq!(findings_of(&doc, "a.txt", "unbalanced-quote"), []);
    assert_eq!(run.code, 0);
}

#[test]
fn invalid_config_is_reported_with_line_and_column_once() {
    let dir = tree(&[
        ("bad/copydesk.toml", "[rules]\nno-such-rule = \"warning\"\n"),
        ("bad/one.txt", OPEN_QUOTE),
        ("bad/two.txt", OPEN_QUOTE),
        ("good/three.txt", OPEN_QUOTE),
    ]);
    let run = copydesk(dir.path(), &["lint", "--format", "json"], None);
    assert_eq!(run.code, 2);
    let message = "bad/copydesk.toml:2:1: unknown rule `no-such-rule` (see `copydesk rules`)";
    assert_eq!(
        run.stderr.matches(message).count(),
        1,
        "printed once: {}",
        run.stderr
    );
    let doc = parse_json(&run.stdout);
    // the files under the broken configuration are reported, the others linted
    assert_eq!(doc["files"][0]["error"], message);
    assert_eq!(doc["files"][1]["error"], message);
    assert_eq!(
        findings_of(&doc, "good/three.txt", "unbalanced-quote").len(),
        1
    );
    assert_eq!(doc["summary"]["failed_files"], 2);

    let explicit = copydesk(dir.path(), &["lint", "--config", "bad/copydesk.toml"], None);
    assert_eq!(explicit.code, 2);
    assert_eq!(explicit.stderr, format!("copydesk: {message}\n"));

    let syntax = tree(&[
        ("copydesk.toml", "min-severity = \"loud\"\n"),
        ("a.txt", "x"),
    ]);
    let run = copydesk(syntax.path(), &["lint"], None);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains(
            "copydesk.toml:1:17: unknown severity `loud` (use hint, info, warning or error)"
        ),
        "{}",
        run.stderr
    );
}
