//! Bad input is reported and skipped; everything else is still linted; exit 2 at the end.

use std::os::unix::fs::symlink;

use crate::support::{copydesk, findings_of, parse_json, tree, write, OPEN_QUOTE};

#[test]
fn each_kind_of_bad_input_is_reported_and_the_rest_linted() {
    let dir = tree(&[("good.txt", OPEN_QUOTE), ("zz-last.md", OPEN_QUOTE)]);
    let root = dir.path();
    write(root, "binary.txt", b"GIF89a\x00\x01\x02 not text");
    write(root, "latin1.txt", b"Caf\xe9 \xe9t\xe9. \xe2\x80\x9cOpen\n");
    std::fs::create_dir(root.join("folder.md")).unwrap();
    let huge = std::fs::File::create(root.join("huge.txt")).unwrap();
    huge.set_len(65 * 1024 * 1024).unwrap(); // sparse: no disk used
    symlink("missing.txt", root.join("dangling.txt")).unwrap();
    symlink("loop-b.txt", root.join("loop-a.txt")).unwrap();
    symlink("loop-a.txt", root.join("loop-b.txt")).unwrap();
    std::fs::create_dir(root.join("cycle")).unwrap();
    symlink("..", root.join("cycle/up")).unwrap();
    // a named pipe in the tree is no article: reading it would wait for a writer forever
    let fifo = std::process::Command::new("mkfifo")
        .arg(root.join("pipe.txt"))
        .status()
        .unwrap();
    assert!(fifo.success());

    let run = copydesk(
        root,
        &["lint", ".", "*.md", "nope.txt", "--format", "json"],
        None,
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    let doc = parse_json(&run.stdout);
    let error = |p: &str| -> String {
        doc["files"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["path"] == p)
            .unwrap_or_else(|| panic!("{p} missing: {}", run.stdout))["error"]
            .as_str()
            .unwrap_or("")
            .to_string()
    };
    assert_eq!(
        error("binary.txt"),
        "binary.txt: binary file (contains NUL bytes), skipped"
    );
    assert_eq!(
        error("huge.txt"),
        "huge.txt: 68157440 bytes is larger than the 64 MB limit"
    );
    assert_eq!(error("folder.md"), "folder.md: is a directory");
    assert!(!run.stdout.contains("pipe.txt"), "{}", run.stdout);
    assert!(error("dangling.txt").starts_with("dangling.txt: No such file"));
    assert!(
        error("loop-a.txt").contains("symbolic links"),
        "{}",
        error("loop-a.txt")
    );
    // invalid UTF-8 is linted with a warning
    assert_eq!(error("latin1.txt"), "");
    let latin1 = &doc["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "latin1.txt")
        .unwrap();
    assert_eq!(
        latin1["warnings"][0],
        "latin1.txt: not valid UTF-8: 3 invalid byte sequence(s) replaced by U+FFFD"
    );
    assert_eq!(findings_of(&doc, "latin1.txt", "unbalanced-quote").len(), 1);
    // the good files around them are linted
    assert_eq!(findings_of(&doc, "good.txt", "unbalanced-quote").len(), 1);
    assert_eq!(findings_of(&doc, "zz-last.md", "unbalanced-quote").len(), 1);
    // every problem is on stderr too, and the directory cycle is found, not followed forever
    for needle in [
        "copydesk: nope.txt: No such file or directory",
        "copydesk: binary.txt: binary file",
        "copydesk: huge.txt: 68157440 bytes",
        "copydesk: folder.md: is a directory",
        "copydesk: warning: latin1.txt: not valid UTF-8",
        "File system loop found",
    ] {
        assert!(run.stderr.contains(needle), "{needle}: {}", run.stderr);
    }
    assert!(
        run.stderr.ends_with("could not be linted\n"),
        "{}",
        run.stderr
    );
}

#[test]
fn binary_stdin_is_reported() {
    let run = copydesk(
        tree(&[]).path(),
        &["lint", "-", "--format", "line"],
        Some(b"\x00\x01binary"),
    );
    assert_eq!(run.code, 2);
    assert!(run
        .stderr
        .contains("copydesk: <stdin>: binary input (contains NUL bytes), skipped"));
}

#[test]
fn a_device_that_never_ends_is_read_only_up_to_the_limit() {
    // (its length says 0: only the read itself can stop at the limit)
    let run = copydesk(tree(&[]).path(), &["lint", "/dev/zero"], None);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("copydesk: /dev/zero: larger than the 64 MB limit"),
        "{}",
        run.stderr
    );
}
