//! Attribution quality on PolNeAR dev, measured by the shared scorer on `copydesk annotate`
//! output. The floors sit a little under the measured figures (see the report in issue 3), so a
//! regression fails here. Needs `python3` and `../shared` next to the repository.

use super::support::annotate_and_score;

/// (metric key in the scorer's JSON, floor for its F1).
const FLOORS: &[(&str, f64)] = &[
    ("cue", 0.75),
    ("source_cue_matched", 0.725),
    ("content_tokens", 0.815),
    ("sentences", 0.82),
];

#[test]
fn polnear_dev_attributions_stay_above_floors() {
    let res = annotate_and_score("polnear-dev.jsonl", &["--task", "attributions"]);
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
