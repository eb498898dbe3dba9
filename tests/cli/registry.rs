//! `copydesk rules`, `explain` and `init`, all generated from the rule registry.

use crate::support::{copydesk, fixture, tree};

#[test]
fn rules_json_has_a_stable_shape() {
    let run = copydesk(&fixture("formats"), &["rules", "--format", "json"], None);
    assert_eq!(run.code, 0);
    let rules: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).unwrap();
    assert!(rules.len() >= 9);
    for r in &rules {
        let keys: Vec<&str> = r.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            ["docs_url", "explanation", "id", "severity", "summary"]
        );
        let id = r["id"].as_str().unwrap();
        assert!(r["docs_url"].as_str().unwrap().ends_with(&format!("#{id}")));
        assert!(["error", "warning", "info", "hint"].contains(&r["severity"].as_str().unwrap()));
    }
    let quote = rules
        .iter()
        .find(|r| r["id"] == "unbalanced-quote")
        .unwrap();
    assert_eq!(quote["severity"], "error");
    // the text list names the same rules in the same order
    let text = copydesk(&fixture("formats"), &["rules"], None).stdout;
    let ids: Vec<&str> = text
        .lines()
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    let json_ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, json_ids);
}

#[test]
fn explain_prints_the_explanation_or_lists_the_rules() {
    let rules: Vec<serde_json::Value> = serde_json::from_str(
        &copydesk(&fixture("formats"), &["rules", "--format", "json"], None).stdout,
    )
    .unwrap();
    let weasel = rules
        .iter()
        .find(|r| r["id"] == "weasel-attribution")
        .unwrap();
    let run = copydesk(
        &fixture("formats"),
        &["explain", "weasel-attribution"],
        None,
    );
    assert_eq!(run.code, 0);
    assert!(run.stdout.starts_with(&format!(
        "weasel-attribution (warning by default): {}\n\n{}",
        weasel["summary"].as_str().unwrap(),
        weasel["explanation"].as_str().unwrap()
    )));
    let unknown = copydesk(&fixture("formats"), &["explain", "weasel"], None);
    assert_eq!(unknown.code, 2);
    assert!(unknown
        .stderr
        .starts_with("copydesk: unknown rule `weasel`; the rules are: unattributed-quote, "));
}

#[test]
fn init_writes_a_valid_starter_and_never_overwrites() {
    let dir = tree(&[("a.md", "<!-- nothing -->\n")]);
    let run = copydesk(dir.path(), &["init"], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let written = std::fs::read_to_string(dir.path().join("copydesk.toml")).unwrap();
    assert!(
        written.contains("\nunbalanced-quote = \"error\""),
        "{written}"
    );
    assert!(written.contains("# [[entities]]"));
    // the starter is picked up (and valid) when linting
    assert_eq!(copydesk(dir.path(), &["lint"], None).code, 0);
    let again = copydesk(dir.path(), &["init"], None);
    assert_eq!(again.code, 2);
    assert!(again.stderr.contains("already exists"));
    std::fs::write(dir.path().join("copydesk.toml"), "x").unwrap();
    assert_eq!(copydesk(dir.path(), &["init", "--force"], None).code, 0);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("copydesk.toml")).unwrap(),
        written
    );
}
