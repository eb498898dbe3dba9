//! Development aid: prints the entities of an article (or of one document of a JSON Lines file).
//! Usage: cargo run -p copydesk-core --example entities -- FILE [DOC-ID]

use copydesk_core::text::DocKind;
use copydesk_core::{analyze, Config};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: entities FILE [DOC-ID]");
    let raw = std::fs::read_to_string(&path).unwrap();
    let text = match args.next() {
        Some(id) => raw
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
            .find(|v| v["id"] == id.as_str())
            .map(|v| v["text"].as_str().unwrap().to_string())
            .expect("no document with that id"),
        None => raw,
    };
    let a = analyze(&text, DocKind::from_path(&path), &Config::default());
    for e in &a.entities {
        let def = &a.mentions[e.defining];
        println!(
            "{:6} {:40} def={:?} roles={:?} key={}",
            e.ty.label(),
            e.name,
            &text[def.span.range()],
            e.roles,
            e.key
        );
        for &m in &e.mentions {
            let m = &a.mentions[m];
            println!("         {:?} {:?}", &text[m.span.range()], m.kind);
        }
    }
}
