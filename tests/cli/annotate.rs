//! `copydesk annotate --jsonl`: the exchange format, one line per input line, streamed on one
//! job and in input order on several.

use crate::support::{copydesk, tree};

/// A good line, one that is not UTF-8, a blank one, one that is not a document, a good one.
const INPUT: &[u8] = b"{\"id\":\"a\",\"text\":\"Raisi said hi.\"}\n\xff\xfe bad\n\n not json\n{\"id\":7,\"text\":\"\"}\n";

fn annotate(jobs: &str) -> crate::support::Run {
    copydesk(
        tree(&[]).path(),
        &["annotate", "-j", jobs, "--jsonl", "-"],
        Some(INPUT),
    )
}

#[test]
fn bad_lines_are_reported_in_place_and_the_rest_annotated() {
    for jobs in ["1", "2"] {
        let run = annotate(jobs);
        assert_eq!(run.code, 2, "-j{jobs}: {}", run.stderr);
        let lines: Vec<&str> = run.stdout.lines().collect();
        assert_eq!(
            lines,
            [
                "{\"id\":\"a\",\"entities\":[{\"start\":0,\"end\":5,\"type\":\"PERSON\",\"cluster\":\"e0\"}],\
                 \"attributions\":[{\"cue\":[6,10],\"source\":[0,5],\"content\":[11,13],\
                 \"source_kind\":\"NamedPerson\",\"direct\":false}],\"unsourced\":[]}",
                "{\"id\":\"7\",\"entities\":[],\"attributions\":[],\"unsourced\":[]}",
            ],
            "-j{jobs}"
        );
        let errors: Vec<&str> = run.stderr.lines().collect();
        assert_eq!(errors.len(), 2, "-j{jobs}: {}", run.stderr);
        assert!(
            errors[0].starts_with("copydesk: -:2: not UTF-8 text"),
            "{}",
            errors[0]
        );
        assert!(
            errors[1].starts_with("copydesk: -:4: not a {\"id\", \"text\"} object"),
            "{}",
            errors[1]
        );
    }
}
