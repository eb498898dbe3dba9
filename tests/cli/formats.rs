//! Every output format on the same fixture: `formats/dispatch.txt` holds one certain finding (an
//! unused suppression comment after "北京 👍🏽 ", so columns count code points) and
//! `formats/notes.md` none.

use crate::support::{copydesk, fixture, parse_json, validate, Run};

const MESSAGE: &str =
    "unused copydesk-disable directive for `weasel-attribution` (no finding was silenced)";
const COMMENT: &str = "<!-- copydesk-disable weasel-attribution -->";
/// 1-based column just past the comment: 6 code points before it, 44 in it.
const END_COLUMN: usize = 7 + 44;

fn lint(format: &str) -> Run {
    let run = copydesk(
        &fixture("formats"),
        &["lint", ".", "--report-unused-disable", "--format", format],
        None,
    );
    assert_eq!(
        run.code, 0,
        "warnings do not fail by default: {}",
        run.stderr
    );
    assert_eq!(
        run.stderr,
        "copydesk: 2 files checked: 0 errors, 1 warning, 0 infos, 0 hints\n"
    );
    run
}

#[test]
fn text_shows_the_source_line_and_a_caret_underline() {
    let run = lint("text");
    let expected = format!(
        "dispatch.txt:1:7 warning unused-disable {MESSAGE}\n\
         1 | 北京 👍🏽 {COMMENT}\n  |       {}\n",
        "^".repeat(44)
    );
    assert_eq!(run.stdout, expected);
    // colours only when asked (stdout is a pipe here)
    let colored = copydesk(
        &fixture("formats"),
        &["lint", "--report-unused-disable", "--color", "always"],
        None,
    );
    assert!(colored.stdout.contains("\u{1b}[33m"), "{}", colored.stdout);
    assert_eq!(strip_ansi(&colored.stdout), expected);
}

fn strip_ansi(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            chars.by_ref().find(|&c| c == 'm');
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn line_format_is_one_finding_per_line() {
    assert_eq!(
        lint("line").stdout,
        format!("dispatch.txt:1:7: warning: {MESSAGE} [unused-disable]\n")
    );
}

#[test]
fn json_is_one_versioned_document_valid_against_the_schema() {
    let run = lint("json");
    validate("schemas/lint-v1.schema.json", &run.stdout, None);
    let doc = parse_json(&run.stdout);
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["tool"]["name"], "copydesk");
    assert_eq!(
        doc["files"],
        serde_json::json!([
            {"path": "dispatch.txt", "warnings": [], "error": null, "findings": [{
                "rule": "unused-disable", "severity": "warning", "message": MESSAGE,
                "line": 1, "column": 7, "end_line": 1, "end_column": END_COLUMN,
                "start": 6, "end": 50, "fixes": [],
            }]},
            {"path": "notes.md", "findings": [], "warnings": [], "error": null},
        ])
    );
    assert_eq!(
        doc["summary"],
        serde_json::json!({"files": 2, "files_with_findings": 1, "failed_files": 0,
            "errors": 0, "warnings": 1, "infos": 0, "hints": 0, "exit_code": 0})
    );
}

#[test]
fn jsonl_is_one_file_object_per_line() {
    let run = lint("jsonl");
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 2);
    for line in &lines {
        validate("schemas/lint-v1.schema.json", line, Some("file"));
    }
    let first = parse_json(lines[0]);
    assert_eq!(first["path"], "dispatch.txt");
    assert_eq!(first["findings"][0]["column"], 7);
    assert_eq!(parse_json(lines[1])["findings"], serde_json::json!([]));
}

#[test]
fn sarif_is_valid_2_1_0_with_rule_metadata() {
    let run = lint("sarif");
    validate("schemas/sarif-schema-2.1.0.json", &run.stdout, None);
    let doc = parse_json(&run.stdout);
    assert_eq!(doc["version"], "2.1.0");
    let sarif_run = &doc["runs"][0];
    assert_eq!(sarif_run["columnKind"], "unicodeCodePoints");
    let rules = sarif_run["tool"]["driver"]["rules"].as_array().unwrap();
    let quote = rules
        .iter()
        .find(|r| r["id"] == "unbalanced-quote")
        .expect("registry rules are described");
    assert!(quote["helpUri"]
        .as_str()
        .unwrap()
        .ends_with("#unbalanced-quote"));
    assert_eq!(quote["defaultConfiguration"]["level"], "error");
    let results = sarif_run["results"].as_array().unwrap();
    assert_eq!(results.len(), 1);
    let r = &results[0];
    assert_eq!(r["ruleId"], "unused-disable");
    assert_eq!(
        rules[r["ruleIndex"].as_u64().unwrap() as usize]["id"],
        "unused-disable"
    );
    assert_eq!(r["level"], "warning");
    assert_eq!(r["message"]["text"], MESSAGE);
    let loc = &r["locations"][0]["physicalLocation"];
    assert_eq!(loc["artifactLocation"]["uri"], "dispatch.txt");
    assert_eq!(
        loc["region"],
        serde_json::json!({"startLine": 1, "startColumn": 7, "endLine": 1, "endColumn": END_COLUMN})
    );
    assert_eq!(sarif_run["invocations"][0]["executionSuccessful"], true);
}

#[test]
fn github_writes_workflow_annotations() {
    assert_eq!(
        lint("github").stdout,
        format!(
            "::warning file=dispatch.txt,line=1,col=7,endLine=1,endColumn={END_COLUMN},\
             title=unused-disable::{MESSAGE}\n"
        )
    );
}

#[test]
fn checkstyle_and_junit_xml() {
    assert_eq!(
        lint("checkstyle").stdout,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n\
         \x20 <file name=\"dispatch.txt\">\n\
         \x20   <error line=\"1\" column=\"7\" severity=\"warning\" message=\"unused copydesk-disable directive for `weasel-attribution` (no finding was silenced)\" source=\"copydesk.unused-disable\"/>\n\
         \x20 </file>\n  <file name=\"notes.md\">\n  </file>\n</checkstyle>\n"
    );
    let junit = lint("junit").stdout;
    assert!(junit.starts_with(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"copydesk\">\n"
    ));
    assert!(junit.contains(
        "<testsuite name=\"dispatch.txt\" tests=\"1\" failures=\"1\" errors=\"0\">\n    \
         <testcase name=\"1:7 unused-disable\" classname=\"dispatch.txt\"><failure message=\""
    ));
    assert!(junit.contains(
        "<testsuite name=\"notes.md\" tests=\"1\" failures=\"0\" errors=\"0\">\n    \
         <testcase name=\"copydesk\" classname=\"notes.md\"/>"
    ));
    assert!(junit.ends_with("</testsuites>\n"));
}

#[test]
fn empty_runs_still_write_complete_documents() {
    let dir = crate::support::tree(&[]);
    for format in ["json", "sarif", "checkstyle", "junit"] {
        let run = copydesk(dir.path(), &["lint", "--format", format], None);
        assert_eq!(run.code, 0, "{format}: {}", run.stderr);
        match format {
            "json" => validate("schemas/lint-v1.schema.json", &run.stdout, None),
            "sarif" => validate("schemas/sarif-schema-2.1.0.json", &run.stdout, None),
            _ => assert!(run.stdout.trim_end().ends_with('>'), "{}", run.stdout),
        }
    }
}
