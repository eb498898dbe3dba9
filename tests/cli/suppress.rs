//! Suppression comments, the same in Markdown and plain text.

use crate::support::{copydesk, findings_of, parse_json, tree};

const ARTICLE: &str = "\
<!-- copydesk-disable unbalanced-quote -->
She wrote “never closed, one.

<!-- copydesk-enable -->
She wrote “never closed, two.

<!-- copydesk-disable-next-line unbalanced-quote -->
She wrote “never closed, three.

She wrote “never closed, four.

<!-- copydesk-disable-next-line weasel-attribution -->
The end.
";

#[test]
fn comments_silence_blocks_and_next_lines_in_md_and_txt() {
    let dir = tree(&[("story.md", ARTICLE), ("story.txt", ARTICLE)]);
    let run = copydesk(
        dir.path(),
        &["lint", "--format", "json", "--report-unused-disable"],
        None,
    );
    let doc = parse_json(&run.stdout);
    for path in ["story.md", "story.txt"] {
        let at: Vec<(u64, u64)> = findings_of(&doc, path, "unbalanced-quote")
            .iter()
            .map(|f| (f.0, f.1))
            .collect();
        assert_eq!(at, [(5, 11), (10, 11)], "{path}");
        assert_eq!(
            findings_of(&doc, path, "unused-disable"),
            [(12, 1, "warning".to_string())],
            "{path}"
        );
    }
    // without the flag the unused comment is not reported
    let quiet = parse_json(&copydesk(dir.path(), &["lint", "--format", "json"], None).stdout);
    assert_eq!(findings_of(&quiet, "story.md", "unused-disable"), []);
}
