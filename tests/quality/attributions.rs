//! Attribution quality on PolNeAR dev, measured by the shared scorer on `copydesk annotate`
//! output. The floors sit a little under the measured figures (see the report in issue 3), so a
//! regression fails here. Needs `python3` and `../shared` next to the repository.

use std::path::PathBuf;
use std::process::Command;

/// (metric key in the scorer's JSON, floor for its F1).
const FLOORS: &[(&str, f64)] = &[
    ("cue", 0.69),
    ("source_cue_matched", 0.59),
    ("content_tokens", 0.71),
    ("sentences", 0.72),
];

fn shared() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

#[test]
fn polnear_dev_attributions_stay_above_floors() {
    let gold = shared().join("corpora/polnear-dev.jsonl");
    let system = std::env::temp_dir().join(format!("copydesk-pd-{}.jsonl", std::process::id()));
    let annotate = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["annotate", "--jsonl"])
        .arg(&gold)
        .output()
        .expect("copydesk runs");
    assert!(
        annotate.status.success(),
        "{}",
        String::from_utf8_lossy(&annotate.stderr)
    );
    std::fs::write(&system, &annotate.stdout).unwrap();
    let score = Command::new("python3")
        .arg(shared().join("eval/score.py"))
        .arg("--gold")
        .arg(&gold)
        .arg("--system")
        .arg(&system)
        .args(["--task", "attributions", "--json"])
        .output()
        .expect("python3 runs the scorer");
    let _ = std::fs::remove_file(&system);
    assert!(
        score.status.success(),
        "{}",
        String::from_utf8_lossy(&score.stderr)
    );
    let res: serde_json::Value = serde_json::from_slice(&score.stdout).unwrap();
    let att = &res["attributions"];
    let mut failures = Vec::new();
    for &(metric, floor) in FLOORS {
        let f1 = att[metric]["f1"].as_f64().unwrap();
        eprintln!("{metric}: F1 {f1:.4} (floor {floor})");
        if f1 < floor {
            failures.push(format!("{metric} F1 {f1:.4} < {floor}"));
        }
    }
    assert!(failures.is_empty(), "below floors: {failures:?}");
}
