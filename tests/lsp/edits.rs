//! Incremental sync: many fast edits, and positions after curly quotes and emoji.

use serde_json::{json, Value};

use crate::fixture::{parse, position, range};
use crate::support::Server;

const START: &str = "“Tehran 👍🏽 will respond,” said Iranian President Ebrahim Raisi.\n\nRaisi arrived in Beijing on Tuesday. naïve 北京\r\nThe Shanghai Cooperation Organization (SCO) met.\n";

/// Everything the server reports about a document, to compare two documents.
fn observe(server: &mut Server, uri: &str) -> Value {
    let doc = json!({"textDocument": {"uri": uri}});
    json!({
        "entities": server.request("copydesk/entities", doc.clone()),
        "tokens": server.request("textDocument/semanticTokens/full", doc.clone())["data"],
        "symbols": server.request("textDocument/documentSymbol", doc),
    })
}

/// A deterministic pseudo-random sequence (no dependency, same every run).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

#[test]
fn five_hundred_rapid_edits_end_where_a_fresh_open_starts() {
    let mut server = Server::plain();
    let edited = "file:///t/edited.txt";
    server.open(edited, START);
    let mut text = START.to_string();
    let inserts = [
        " Raisi",
        " x",
        " “",
        " 👍🏽",
        " said",
        "\n",
        " Xi Jinping",
        " é",
        " Beijing",
    ];
    let mut rng = Lcg(42);
    for i in 0..500 {
        // edit at word boundaries so that names survive and the analysis stays interesting
        let bounds: Vec<usize> = text
            .char_indices()
            .filter(|&(_, c)| c == ' ' || c == '\n')
            .map(|(b, _)| b)
            .chain([text.len()])
            .collect();
        let start = bounds[rng.next(bounds.len())];
        let after: Vec<usize> = bounds
            .iter()
            .copied()
            .filter(|&b| b >= start)
            .take(4)
            .collect();
        // mostly inserts, some deletions and replacements, never a split CRLF
        let mut end = if i % 3 == 0 {
            after[rng.next(after.len())]
        } else {
            start
        };
        if text[..end].ends_with('\r') {
            end -= 1;
        }
        let end = end.max(start);
        let new = if i % 5 == 4 {
            ""
        } else {
            inserts[rng.next(inserts.len())]
        };
        let r = range(&text, start, end);
        text.replace_range(start..end, new);
        server.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": edited, "version": i + 2}, "contentChanges": [{"range": r, "text": new}]}),
        );
    }
    let edited_diags = server.diagnostics(edited, 501);
    let fresh = "file:///t/fresh.txt";
    server.open(fresh, &text);
    let fresh_diags = server.diagnostics(fresh, 1);
    assert_eq!(edited_diags, fresh_diags);
    let info = server.request(
        "copydesk/documentInfo",
        json!({"textDocument": {"uri": edited}}),
    );
    assert_eq!(info["version"], 501);
    let a = observe(&mut server, edited);
    let b = observe(&mut server, fresh);
    assert!(a["entities"].as_array().unwrap().len() > 3, "{a}");
    assert_eq!(a, b);
}

#[test]
fn utf16_positions_after_curly_quotes_and_emoji() {
    let f = parse("“Tehran 👍🏽 will respond,” said Iranian President [[Ebrahim Raisi]], who arrived in Beijing on Tuesday.\n“No,” 👍🏽 [[Rai$0si]] said.\n");
    let mut server = Server::plain();
    let uri = "file:///t/quotes.txt";
    server.open(uri, &f.text);
    let at = json!({"textDocument": {"uri": uri}, "position": f.cursor});
    assert_eq!(f.cursor, json!({"line": 1, "character": 14}));
    assert_eq!(
        server.request("textDocument/definition", at.clone()),
        json!([{"uri": uri, "range": f.ranges[0]}])
    );
    assert_eq!(f.ranges[0]["start"], json!({"line": 0, "character": 51}));
    assert_eq!(
        server.request("textDocument/hover", at)["range"],
        f.ranges[1]
    );
    // an edit addressed in UTF-16 right after the emoji lands between the emoji and the name
    server.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"range": range(&f.text, f.text.rfind("Raisi").unwrap(), f.text.rfind("Raisi").unwrap()), "text": "Ebrahim "}]}),
    );
    let refs = server.request(
        "textDocument/references",
        json!({"textDocument": {"uri": uri}, "position": f.ranges[0]["start"], "context": {"includeDeclaration": true}}),
    );
    let text = f.text.replacen("👍🏽 Raisi", "👍🏽 Ebrahim Raisi", 1);
    let second = text.rfind("Ebrahim Raisi").unwrap();
    assert_eq!(
        refs[1]["range"],
        range(&text, second, second + "Ebrahim Raisi".len())
    );
}

#[test]
fn utf8_positions_count_bytes() {
    let f = parse("“No,” 👍🏽 said Iranian President [[Ebrahim Raisi]], who arrived in Beijing on Tuesday.\n[[Rai$0si]] left.\n");
    let mut server = Server::start(
        json!({"capabilities": {"general": {"positionEncodings": ["utf-8"]}}}),
        Value::Null,
    );
    let uri = "file:///t/utf8.txt";
    server.open(uri, &f.text);
    let def = server.request(
        "textDocument/definition",
        json!({"textDocument": {"uri": uri}, "position": f.cursor}),
    );
    let start = f.text.find("Ebrahim").unwrap();
    assert_eq!(
        def[0]["range"]["start"],
        json!({"line": 0, "character": start})
    );
    assert_ne!(
        position(&f.text, start),
        def[0]["range"]["start"],
        "UTF-16 and UTF-8 columns differ here"
    );
}

/// Any line and column, valid or not: past the end of a line or of the text, inside a
/// surrogate pair, on the `\n` of a CRLF.
fn any_position(text: &str, rng: &mut Lcg) -> Value {
    let lines = text.split('\n').count();
    json!({"line": rng.next(lines + 2), "character": rng.next(120)})
}

#[test]
fn arbitrary_positions_and_edits_never_break_the_server() {
    let mut server = Server::plain();
    let uri = "file:///t/any.txt";
    server.open(uri, START);
    let mut rng = Lcg(9);
    let doc = json!({"uri": uri});
    let pieces = [
        "", "Raisi", " “", "”", "👍🏽", "\r\n", "\n\n", "é", "SCO said", "—",
    ];
    for version in 2..300 {
        let (a, b) = (any_position(START, &mut rng), any_position(START, &mut rng));
        server.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version},
                   "contentChanges": [{"range": {"start": a, "end": b}, "text": pieces[rng.next(pieces.len())]}]}),
        );
        let at = any_position(START, &mut rng);
        let (method, params) = match rng.next(8) {
            0 => (
                "textDocument/hover",
                json!({"textDocument": doc, "position": at}),
            ),
            1 => (
                "textDocument/definition",
                json!({"textDocument": doc, "position": at}),
            ),
            2 => (
                "textDocument/references",
                json!({"textDocument": doc, "position": at, "context": {"includeDeclaration": true}}),
            ),
            3 => (
                "textDocument/documentHighlight",
                json!({"textDocument": doc, "position": at}),
            ),
            4 => (
                "textDocument/rename",
                json!({"textDocument": doc, "position": at, "newName": "Raeesi"}),
            ),
            5 => (
                "textDocument/codeAction",
                json!({"textDocument": doc, "range": {"start": at, "end": any_position(START, &mut rng)}, "context": {"diagnostics": []}}),
            ),
            6 => (
                "textDocument/inlayHint",
                json!({"textDocument": doc, "range": {"start": at, "end": any_position(START, &mut rng)}}),
            ),
            _ => (
                "textDocument/semanticTokens/full",
                json!({"textDocument": doc}),
            ),
        };
        // (an answer, even an error, for every request: never a crash or a hang)
        let answer = server.call(method, params);
        assert!(
            answer.get("result").is_some() || answer.get("error").is_some(),
            "{method} v{version}: {answer}"
        );
    }
    // the last version is analysed and published like any other
    assert!(server
        .diagnostics(uri, 299)
        .iter()
        .all(|d| d["range"].is_object()));
    assert_eq!(
        server.request("copydesk/documentInfo", json!({"textDocument": doc}))["version"],
        299
    );
}
