//! Lifecycle, capabilities, encodings, errors and hostile content.

use std::process::Command;

use serde_json::{json, Value};

use crate::support::Server;

#[test]
fn initialize_announces_capabilities_and_utf16_by_default() {
    let server = Server::plain();
    let caps = &server.init["capabilities"];
    assert_eq!(caps["positionEncoding"], "utf-16");
    assert_eq!(caps["textDocumentSync"]["change"], 2, "incremental sync");
    for cap in [
        "hoverProvider",
        "definitionProvider",
        "declarationProvider",
        "referencesProvider",
        "documentHighlightProvider",
        "documentSymbolProvider",
        "workspaceSymbolProvider",
        "inlayHintProvider",
    ] {
        assert_eq!(caps[cap], true, "{cap}");
    }
    assert_eq!(caps["renameProvider"]["prepareProvider"], true);
    assert_eq!(caps["semanticTokensProvider"]["range"], true);
    assert_eq!(
        caps["semanticTokensProvider"]["legend"]["tokenTypes"],
        json!([
            "person",
            "organization",
            "place",
            "norp",
            "misc",
            "quote",
            "cue",
            "source"
        ])
    );
    assert_eq!(caps["diagnosticProvider"]["identifier"], "copydesk");
    assert_eq!(server.init["serverInfo"]["name"], "copydesk");
    assert!(server.shutdown().success());
}

#[test]
fn utf8_is_chosen_when_offered() {
    let server = Server::start(
        json!({"capabilities": {"general": {"positionEncodings": ["utf-16", "utf-8"]}}}),
        Value::Null,
    );
    assert_eq!(server.init["capabilities"]["positionEncoding"], "utf-8");
}

#[test]
fn unknown_methods_and_malformed_params_are_errors_not_crashes() {
    let mut server = Server::plain();
    assert_eq!(
        server.call("copydesk/noSuchThing", json!({}))["error"]["code"],
        -32601
    );
    assert_eq!(
        server.call("textDocument/hover", json!({"textDocument": 3}))["error"]["code"],
        -32602
    );
    assert_eq!(
        server.call("copydesk/entities", json!({"nope": true}))["error"]["code"],
        -32602
    );
    // a document that is not open
    let resp = server.call(
        "copydesk/documentInfo",
        json!({"textDocument": {"uri": "file:///nowhere.txt"}}),
    );
    assert_eq!(resp["error"]["code"], -32602);
    let hover = server.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": "file:///nowhere.txt"}, "position": {"line": 0, "character": 0}}),
    );
    assert_eq!(hover, Value::Null);
    assert!(server.shutdown().success());
}

#[test]
fn exit_without_shutdown_exits_with_1() {
    let mut server = Server::plain();
    server.notify("exit", Value::Null);
    let status = server.wait_exit();
    assert_eq!(status.code(), Some(1));
}

#[test]
fn empty_binary_and_huge_documents_are_handled() {
    let mut server = Server::plain();
    let cases = [
        ("file:///t/empty.txt", String::new()),
        (
            "file:///t/binary.txt",
            "\u{0}\u{1}\u{fffd}PNG\u{0}\u{7f}".repeat(1000),
        ),
        (
            "file:///t/huge.md",
            "Iranian President Ebrahim Raisi arrived in Beijing on Tuesday. ".repeat(160_000),
        ),
    ];
    for (uri, text) in &cases {
        server.open(uri, text);
        let info = server.request(
            "copydesk/documentInfo",
            json!({"textDocument": {"uri": uri}}),
        );
        assert_eq!(info["version"], 1, "{uri}");
        server.diagnostics(uri, 1);
    }
    assert!(cases[2].1.len() >= 10_000_000);
    let info = server.request(
        "copydesk/documentInfo",
        json!({"textDocument": {"uri": "file:///t/empty.txt"}}),
    );
    assert_eq!(
        info,
        json!({"entities": 0, "attributions": 0, "unsourced": 0, "findings": 0, "version": 1})
    );
    // over the size limit: kept in sync, not analysed
    let huge = server.request(
        "copydesk/documentInfo",
        json!({"textDocument": {"uri": "file:///t/huge.md"}}),
    );
    assert_eq!(huge["entities"], 0);
    server.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": "file:///t/huge.md", "version": 2}, "contentChanges": [{"text": "Ebrahim Raisi arrived in Beijing on Tuesday."}]}),
    );
    let small = server.request(
        "copydesk/documentInfo",
        json!({"textDocument": {"uri": "file:///t/huge.md"}}),
    );
    assert_eq!(
        (small["entities"].clone(), small["version"].clone()),
        (json!(2), json!(2))
    );
    assert!(server.shutdown().success());
}

#[test]
fn lsp_subcommand_has_help_and_version() {
    let bin = env!("CARGO_BIN_EXE_copydesk");
    let out = Command::new(bin)
        .args(["lsp", "--version"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains(env!("CARGO_PKG_VERSION")));
    let out = Command::new(bin).args(["lsp", "--help"]).output().unwrap();
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("language server"),
        "{out:?}"
    );
}

#[test]
fn suppression_comments_silence_diagnostics_as_in_lint() {
    let mut server = Server::plain();
    let quote = "Critics say the deal is weak.\n";
    let uri = "file:///tmp/copydesk-suppress.txt";
    server.open(uri, quote);
    let rules: Vec<Value> = server
        .diagnostics(uri, 1)
        .iter()
        .map(|d| d["code"].clone())
        .collect();
    assert_eq!(rules, vec![json!("weasel-attribution")]);
    let uri2 = "file:///tmp/copydesk-suppressed.txt";
    server.open(
        uri2,
        &format!("<!-- copydesk-disable-next-line weasel-attribution -->\n{quote}"),
    );
    assert_eq!(server.diagnostics(uri2, 1), Vec::<Value>::new());
}

#[test]
fn an_article_of_junk_gets_a_thousand_diagnostics_and_a_note_of_the_rest() {
    let mut server = Server::plain();
    let uri = "file:///tmp/copydesk-junk.txt";
    // 1,500 opening quotation marks never closed: an unbalanced-quote each, as lint says
    let junk = "“ ".repeat(1500);
    server.open(uri, &junk);
    let diags = server.diagnostics(uri, 1);
    assert_eq!(diags.len(), 1001);
    assert!(diags[..1000]
        .iter()
        .all(|d| d["code"] == "unbalanced-quote"));
    let note = &diags[1000];
    assert_eq!(
        note["message"],
        "500 more findings from here on are not shown (an editor gets at most 1000 per \
         article; `copydesk lint` lists them all)"
    );
    assert_eq!(note["severity"], 3);
    assert_eq!(
        note["range"],
        json!({"start": {"line": 0, "character": 2000}, "end": {"line": 0, "character": 2000}})
    );
}

#[test]
fn misspelt_settings_are_shown_to_the_user_once() {
    let mut server = Server::plain();
    server.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"copydesk": {"rules": {"unsourced-claims": "off", "weasel-attribution": "warnin"}}}}),
    );
    let shown = server.wait_for("window/showMessage", |_| true);
    assert_eq!(shown["type"], 2);
    assert_eq!(
        shown["message"],
        "copydesk settings: unknown rule `unsourced-claims`; unknown level `warnin` for rule \
         `weasel-attribution` (off, hint, info, warning, error or default)"
    );
    server.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"copydesk": {"rules": 3}}}),
    );
    let shown = server.wait_for("window/showMessage", |_| true);
    assert!(
        shown["message"]
            .as_str()
            .unwrap()
            .starts_with("copydesk settings: ignored, not valid settings: invalid type"),
        "{shown}"
    );
}

#[test]
fn an_article_too_large_to_analyse_says_so() {
    let mut server = Server::plain();
    let uri = "file:///tmp/copydesk-huge.txt";
    // 4.5 MB of prose, over the 4 MB an editor analyses
    let huge = "Raisi said the talks would resume. ".repeat(135_000);
    server.open(uri, &huge);
    let diags = server.diagnostics(uri, 1);
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!(
        diags[0]["message"],
        "Not analysed: 4.5 MB is over the 4 MB an editor analyses (`copydesk lint` reads up to 64 MB)"
    );
    assert_eq!(diags[0]["severity"], 3);
}
