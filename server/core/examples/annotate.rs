//! Development aid: `copydesk annotate --jsonl` built from the core alone, so entity and
//! attribution work can be scored while the server crates are being edited.
//! Usage: cargo run --release -p copydesk-core --example annotate -- IN.jsonl > OUT.jsonl

#[path = "../../cli/src/exchange.rs"]
mod exchange;

use std::io::{BufRead, Write};

use copydesk_core::analyze;
use copydesk_core::text::DocKind;

fn main() {
    let path = std::env::args().nth(1).expect("usage: annotate IN.jsonl");
    let config = exchange::config();
    let out = std::io::stdout();
    let mut out = out.lock();
    for line in std::io::BufReader::new(std::fs::File::open(path).unwrap()).lines() {
        let v: serde_json::Value = serde_json::from_str(&line.unwrap()).unwrap();
        let (id, text) = (v["id"].as_str().unwrap(), v["text"].as_str().unwrap());
        let a = analyze(text, DocKind::Plain, &config);
        writeln!(
            out,
            "{}",
            exchange::document(id, text, &a, &config).to_json()
        )
        .unwrap();
    }
}
