//! What gets linted: stdin, --jsonl-in, directories (.gitignore-aware, --ext), globs, --shard.

use crate::support::{copydesk, findings_of, json_paths, parse_json, tree, validate, OPEN_QUOTE};

#[test]
fn stdin_uses_the_given_name_kind_and_configuration() {
    let dir = tree(&[(
        "news/copydesk.toml",
        "[rules]\nunbalanced-quote = \"info\"\n",
    )]);
    let run = copydesk(
        dir.path(),
        &[
            "lint",
            "-",
            "--stdin-filename",
            "news/draft.md",
            "--format",
            "json",
        ],
        Some(OPEN_QUOTE.as_bytes()),
    );
    let doc = parse_json(&run.stdout);
    assert_eq!(json_paths(&doc), ["news/draft.md"]);
    assert_eq!(
        findings_of(&doc, "news/draft.md", "unbalanced-quote"),
        [(1, 1, "info".to_string())]
    );
    let run = copydesk(
        dir.path(),
        &["lint", "--stdin", "--format", "line"],
        Some(OPEN_QUOTE.as_bytes()),
    );
    assert!(
        run.stdout
            .contains("<stdin>:1:1: error: Quotation mark is never closed"),
        "{}",
        run.stdout
    );
    assert_eq!(run.code, 1);
}

#[test]
fn jsonl_in_writes_one_line_per_input_line_in_order() {
    let mut input = String::new();
    for i in 0..1100 {
        let text = if i % 2 == 0 {
            OPEN_QUOTE
        } else {
            "Nothing to see."
        };
        input.push_str(&serde_json::json!({"id": i, "text": text}).to_string());
        input.push('\n');
        if i == 3 {
            input.push('\n'); // blank lines are skipped
        }
    }
    let dir = tree(&[]);
    let run = copydesk(dir.path(), &["lint", "--jsonl-in"], Some(input.as_bytes()));
    assert_eq!(run.code, 1, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 1100);
    for (i, line) in lines.iter().enumerate() {
        let doc = parse_json(line);
        assert_eq!(doc["id"], i, "order kept across blocks");
        let quotes = doc["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule"] == "unbalanced-quote")
            .count();
        assert_eq!(quotes, usize::from(i % 2 == 0), "line {i}");
    }
    validate("schemas/lint-v1.schema.json", lines[0], Some("jsonlResult"));
}

#[test]
fn jsonl_in_reports_bad_lines_in_place() {
    let input = "{\"id\": \"a.md\", \"text\": \"Fine.\"}\nnot json\n{\"id\": \"b\"}\n{\"id\": [1], \"text\": \"\"}\n";
    let run = copydesk(
        tree(&[]).path(),
        &["lint", "--jsonl-in"],
        Some(input.as_bytes()),
    );
    assert_eq!(run.code, 2);
    let lines: Vec<serde_json::Value> = run.stdout.lines().map(parse_json).collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["id"], "a.md");
    assert_eq!(lines[0]["error"], serde_json::Value::Null);
    assert_eq!(lines[1]["id"], serde_json::Value::Null);
    assert!(lines[1]["error"]
        .as_str()
        .unwrap()
        .starts_with("stdin:2: not a {\"id\", \"text\"} object"));
    assert!(lines[2]["error"].as_str().unwrap().starts_with("stdin:3:"));
    assert_eq!(lines[3]["id"], serde_json::json!([1]));
    for line in run.stdout.lines() {
        validate("schemas/lint-v1.schema.json", line, Some("jsonlResult"));
    }
}

#[test]
fn a_byte_order_mark_before_the_first_line_is_skipped() {
    // (Windows tools write one; only before the first line is it no part of the document)
    let input =
        "\u{feff}{\"id\": \"a\", \"text\": \"Fine.\"}\n\u{feff}{\"id\": \"b\", \"text\": \"x\"}\n";
    let run = copydesk(
        tree(&[]).path(),
        &["lint", "--jsonl-in"],
        Some(input.as_bytes()),
    );
    let lines: Vec<serde_json::Value> = run.stdout.lines().map(parse_json).collect();
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["error"], serde_json::Value::Null);
    assert!(lines[1]["error"]
        .as_str()
        .unwrap()
        .starts_with("stdin:2: not a {\"id\", \"text\"} object"));
    assert_eq!(run.code, 2);
}

#[test]
fn jsonl_in_answers_a_line_that_is_not_utf8_in_its_place() {
    let input =
        b"{\"id\": \"a\", \"text\": \"Fine.\"}\n\xff\xfe\n{\"id\": \"b\", \"text\": \"Fine.\"}\n";
    let run = copydesk(tree(&[]).path(), &["lint", "--jsonl-in"], Some(input));
    assert_eq!(run.code, 2);
    let lines: Vec<serde_json::Value> = run.stdout.lines().map(parse_json).collect();
    assert_eq!(lines.len(), 3, "one result line per input line");
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[1]["id"], serde_json::Value::Null);
    assert!(lines[1]["error"]
        .as_str()
        .unwrap()
        .starts_with("stdin:2: not UTF-8 text"));
    assert_eq!(lines[2]["id"], "b");
    assert_eq!(lines[2]["error"], serde_json::Value::Null);
}

#[test]
fn directories_honour_gitignore_and_extensions() {
    let dir = tree(&[
        (".gitignore", "wire/\nskip.md\n"),
        ("a.txt", "A."),
        ("b.md", "B."),
        ("c.markdown", "C."),
        ("page.html", "<p>D.</p>"),
        ("skip.md", "E."),
        ("wire/f.txt", "F."),
        (".hidden/g.txt", "G."),
        ("sub/h.txt", "H."),
    ]);
    let paths = |args: &[&str]| {
        let mut all = vec!["lint", "--format", "json"];
        all.extend_from_slice(args);
        json_paths(&parse_json(&copydesk(dir.path(), &all, None).stdout))
    };
    assert_eq!(paths(&[]), ["a.txt", "b.md", "c.markdown", "sub/h.txt"]);
    assert_eq!(
        paths(&["--ext", "html,TXT"]),
        ["a.txt", "page.html", "sub/h.txt"]
    );
    // a file named explicitly is linted whatever its extension or ignore status
    assert_eq!(paths(&["skip.md", "page.html"]), ["page.html", "skip.md"]);
    // globs, with a literal directory prefix or not; the same file twice is linted once
    assert_eq!(paths(&["sub/*.txt", "**/h.txt"]), ["sub/h.txt"]);
    assert_eq!(paths(&["*.md"]), ["b.md"]);
}

#[test]
fn shards_partition_the_sorted_file_list() {
    let files: Vec<(String, &str)> = (0..7).map(|i| (format!("f{i}.txt"), "Text.")).collect();
    let refs: Vec<(&str, &str)> = files.iter().map(|(p, t)| (p.as_str(), *t)).collect();
    let dir = tree(&refs);
    let shard = |s: &str| {
        json_paths(&parse_json(
            &copydesk(
                dir.path(),
                &["lint", "--shard", s, "--format", "json"],
                None,
            )
            .stdout,
        ))
    };
    assert_eq!(shard("1/3"), ["f0.txt", "f3.txt", "f6.txt"]);
    assert_eq!(shard("2/3"), ["f1.txt", "f4.txt"]);
    assert_eq!(shard("3/3"), ["f2.txt", "f5.txt"]);
    assert_eq!(shard("1/1").len(), 7);
}

#[test]
fn an_absurd_number_of_jobs_is_capped() {
    // (-j 100000 used to spawn threads until the machine gave up)
    let dir = tree(&[("a.txt", "Critics say the plan failed.\n")]);
    let run = copydesk(
        dir.path(),
        &["lint", "--jobs", "100000", "--format", "line"],
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "a.txt:1:1: warning: Vague attribution: “Critics” names no one [weasel-attribution]\n"
    );
}
