//! Shared by the quality tests: annotate a gold corpus with the real binary and score it with the
//! shared scorer. Needs `python3` and `../shared` beside the repository.

use std::path::{Path, PathBuf};
use std::process::Command;

pub fn shared() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

/// Scores `copydesk annotate --jsonl` output for `corpora/<corpus>` with `score.py <args> --json`.
pub fn annotate_and_score(corpus: &str, args: &[&str]) -> serde_json::Value {
    annotate_and_score_file(&shared().join("corpora").join(corpus), args)
}

/// The same for a gold file anywhere (the house set lives in the repository).
pub fn annotate_and_score_file(gold: &Path, args: &[&str]) -> serde_json::Value {
    let corpus = gold.file_stem().unwrap().to_string_lossy();
    let tag: String = args
        .concat()
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect();
    let system = std::env::temp_dir().join(format!(
        "copydesk-{corpus}-{tag}-{}.jsonl",
        std::process::id()
    ));
    let annotate = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["annotate", "--jsonl"])
        .arg(gold)
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
        .arg(gold)
        .arg("--system")
        .arg(&system)
        .args(args)
        .arg("--json")
        .output()
        .expect("python3 runs the scorer");
    let _ = std::fs::remove_file(&system);
    assert!(
        score.status.success(),
        "{}",
        String::from_utf8_lossy(&score.stderr)
    );
    serde_json::from_slice(&score.stdout).unwrap()
}
