//! Throughput of the whole analysis (entities, attributions, rules) on one thread.
//!
//! Reads the PolNeAR train texts from `../shared` when present (the benchmark corpus),
//! else the example article. Run: `cargo bench -p copydesk-core --bench analyze`.

use std::path::Path;

use copydesk_core::text::DocKind;
use copydesk_core::{analyze, Config};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn corpus() -> Vec<String> {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpora/polnear-train.jsonl");
    match std::fs::read_to_string(&path) {
        Ok(src) => src
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v["text"].as_str().map(str::to_string))
            .collect(),
        Err(_) => vec![include_str!("../../../examples/raisi-beijing.txt").to_string()],
    }
}

fn bench(c: &mut Criterion) {
    let texts = corpus();
    let config = Config::default();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut group = c.benchmark_group("analyze");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("polnear-train", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| analyze(t, DocKind::Plain, &config).mentions.len())
                .sum::<usize>()
        })
    });
    // linear in length: one article made 64 times longer must cost about 64 times as much
    let long = texts[0].repeat(64);
    group.throughput(Throughput::Bytes(long.len() as u64));
    group.bench_function("one-long-article", |b| {
        b.iter(|| analyze(&long, DocKind::Plain, &config).mentions.len())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
