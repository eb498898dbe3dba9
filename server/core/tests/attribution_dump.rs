//! Developer tool, not a check: writes the attributions of a JSON Lines corpus in the exchange
//! format, straight from the core library (useful while the CLI does not build). Run with
//! `COPYDESK_DUMP_IN=in.jsonl COPYDESK_DUMP_OUT=out.jsonl cargo test -p copydesk-core --profile fast
//! --test attribution_dump -- --ignored`.

use copydesk_core::position::CodePointIndex;
use copydesk_core::text::DocKind;
use copydesk_core::{analyze, Config, Span};
use serde_json::{json, Value};

#[test]
#[ignore = "developer tool: needs COPYDESK_DUMP_IN and COPYDESK_DUMP_OUT"]
fn dump_attributions() {
    let input = std::env::var("COPYDESK_DUMP_IN").expect("COPYDESK_DUMP_IN");
    let output = std::env::var("COPYDESK_DUMP_OUT").expect("COPYDESK_DUMP_OUT");
    let config = Config::default();
    let mut out = String::new();
    for line in std::fs::read_to_string(input).unwrap().lines() {
        let doc: Value = serde_json::from_str(line).unwrap();
        let text = doc["text"].as_str().unwrap();
        let a = analyze(text, DocKind::Plain, &config);
        let cpi = CodePointIndex::new(text);
        let cp = |s: Span| json!([cpi.to_code_points(s.start), cpi.to_code_points(s.end)]);
        let hull = |v: &[Span]| v.iter().copied().reduce(Span::cover).map(cp);
        let frags = |v: &[Span]| v.iter().map(|s| cp(*s)).collect::<Vec<_>>();
        let atts: Vec<Value> = a
            .attributions
            .iter()
            .map(|at| {
                json!({"cue": hull(&at.cue), "source": hull(&at.source), "content": hull(&at.content),
                       "cue_spans": (!at.cue.is_empty()).then(|| frags(&at.cue)),
                       "source_spans": (!at.source.is_empty()).then(|| frags(&at.source)),
                       "content_spans": (!at.content.is_empty()).then(|| frags(&at.content)),
                       "source_kind": format!("{:?}", at.source_kind)})
            })
            .collect();
        let unsourced: Vec<Value> = a
            .findings
            .iter()
            .filter(|f| f.rule == "unsourced-claim")
            .map(|f| json!({"start": cpi.to_code_points(f.span.start), "end": cpi.to_code_points(f.span.end)}))
            .collect();
        out.push_str(
            &json!({"id": doc["id"], "attributions": atts, "unsourced": unsourced}).to_string(),
        );
        out.push('\n');
    }
    std::fs::write(output, out).unwrap();
}
