//! The `$0` fixture mini-language: `$0` marks the cursor and `[[…]]` marks expected ranges, e.g.
//! `"Iranian President [[Ebrahim Raisi]] arrived … [[Rai$0si]] said"`. Positions are computed
//! here independently of the server, in UTF-16 code units (the LSP default).

use serde_json::{json, Value};

pub struct Fixture {
    pub text: String,
    pub cursor: Value,
    /// Ranges of the `[[…]]` marks, in text order.
    pub ranges: Vec<Value>,
}

pub fn position(text: &str, offset: usize) -> Value {
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let col: usize = before
        .rsplit('\n')
        .next()
        .unwrap()
        .chars()
        .map(char::len_utf16)
        .sum();
    json!({"line": line, "character": col})
}

pub fn range(text: &str, start: usize, end: usize) -> Value {
    json!({"start": position(text, start), "end": position(text, end)})
}

pub fn parse(fixture: &str) -> Fixture {
    let mut text = String::new();
    let (mut cursor, mut opens, mut spans) = (None, Vec::new(), Vec::new());
    let mut rest = fixture;
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix("$0") {
            cursor = Some(text.len());
            rest = r;
        } else if let Some(r) = rest.strip_prefix("[[") {
            opens.push(text.len());
            rest = r;
        } else if let Some(r) = rest.strip_prefix("]]") {
            spans.push((opens.pop().expect("balanced [[ ]]"), text.len()));
            rest = r;
        } else {
            let c = rest.chars().next().unwrap();
            text.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    spans.sort();
    let cursor = position(&text, cursor.expect("a $0 cursor"));
    let ranges = spans.iter().map(|&(s, e)| range(&text, s, e)).collect();
    Fixture {
        text,
        cursor,
        ranges,
    }
}

#[test]
fn fixture_language_strips_marks_and_counts_utf16() {
    let f = parse("“👍” [[Rai$0si]]\n[[Xi]]");
    assert_eq!(f.text, "“👍” Raisi\nXi");
    assert_eq!(f.cursor, json!({"line": 0, "character": 8}));
    assert_eq!(
        f.ranges,
        vec![
            json!({"start": {"line": 0, "character": 5}, "end": {"line": 0, "character": 10}}),
            json!({"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 2}}),
        ]
    );
}
