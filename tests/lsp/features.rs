//! Feature tests written as `$0` fixtures over one unambiguous article.

use serde_json::{json, Value};

use crate::fixture::{parse, position, range, Fixture};
use crate::support::Server;

const URI: &str = "file:///articles/raisi.txt";

/// Marks: `[[…]]` around every mention of Ebrahim Raisi.
const RAISI: &str = "Iranian President [[Ebrahim Raisi]] arrived in Beijing on Tuesday for a three-day visit.\n\n\"We will not bow to pressure,\" [[Rai$0si]] said.\n";

/// Opens the fixture's text and waits until its first analysis is published.
fn open(fixture: &str) -> (Server, Fixture) {
    let f = parse(fixture);
    let mut server = Server::plain();
    server.open(URI, &f.text);
    server.diagnostics(URI, 1);
    (server, f)
}

fn at(f: &Fixture) -> Value {
    json!({"textDocument": {"uri": URI}, "position": f.cursor})
}

fn location(r: &Value) -> Value {
    json!({"uri": URI, "range": r})
}

#[test]
fn hover_shows_the_entity_card() {
    let (mut server, f) = open(RAISI);
    let hover = server.request("textDocument/hover", at(&f));
    assert_eq!(hover["range"], f.ranges[1]);
    assert_eq!(hover["contents"]["kind"], "markdown");
    let card = hover["contents"]["value"].as_str().unwrap();
    let first = card.split("\n\n").next().unwrap();
    assert_eq!(first, "**Ebrahim Raisi** · PERSON");
    assert!(card.contains("*Iranian President*"), "{card}");
    assert!(card.contains("Also written: Raisi"), "{card}");
    assert!(card.contains("2 mentions in this article"), "{card}");
    assert!(
        card.contains("> \"We will not bow to pressure,\""),
        "{card}"
    );
}

#[test]
fn hover_on_a_cue_says_who_said_what() {
    let fixture = RAISI.replace("$0", "").replace("said.", "sa$0id.");
    let (mut server, f) = open(&fixture);
    let hover = server.request("textDocument/hover", at(&f));
    let text = hover["contents"]["value"].as_str().unwrap();
    assert!(
        text.starts_with("**Ebrahim Raisi** said:\n\n> \"We will not bow to pressure,\""),
        "{text}"
    );
}

#[test]
fn nothing_to_hover_between_names() {
    let (mut server, f) = open("Iranian President Ebrahim Raisi arr$0ived in Beijing.\n");
    assert_eq!(server.request("textDocument/hover", at(&f)), Value::Null);
}

#[test]
fn definition_and_declaration_go_to_the_defining_mention() {
    let (mut server, f) = open(RAISI);
    let def = server.request("textDocument/definition", at(&f));
    assert_eq!(def, json!([location(&f.ranges[0])]));
    let decl = server.request("textDocument/declaration", at(&f));
    assert_eq!(decl, location(&f.ranges[0]));
}

#[test]
fn references_and_highlights_cover_every_mention() {
    let (mut server, f) = open(RAISI);
    let mut params = at(&f);
    params["context"] = json!({"includeDeclaration": true});
    let refs = server.request("textDocument/references", params.clone());
    assert_eq!(
        refs,
        json!([location(&f.ranges[0]), location(&f.ranges[1])])
    );
    params["context"] = json!({"includeDeclaration": false});
    let refs = server.request("textDocument/references", params);
    assert_eq!(refs, json!([location(&f.ranges[1])]));
    let hl = server.request("textDocument/documentHighlight", at(&f));
    assert_eq!(
        hl,
        json!([{"range": f.ranges[0], "kind": 3}, {"range": f.ranges[1], "kind": 2}])
    );
}

#[test]
fn renaming_a_surname_renames_it_inside_the_full_name_too() {
    let (mut server, f) = open(RAISI);
    let prep = server.request("textDocument/prepareRename", at(&f));
    assert_eq!(prep, json!({"range": f.ranges[1], "placeholder": "Raisi"}));
    let mut params = at(&f);
    params["newName"] = json!("Raeesi");
    let edit = server.request("textDocument/rename", params);
    let surname_in_full_name = {
        let start = f.text.find("Raisi").unwrap();
        range(&f.text, start, start + "Raisi".len())
    };
    assert_eq!(
        edit,
        json!({"changes": {URI: [
            {"range": surname_in_full_name, "newText": "Raeesi"},
            {"range": f.ranges[1], "newText": "Raeesi"},
        ]}})
    );
}

#[test]
fn rename_off_a_name_is_refused() {
    let (mut server, f) = open("Iranian President Ebrahim Raisi arr$0ived in Beijing.\n");
    assert_eq!(
        server.request("textDocument/prepareRename", at(&f)),
        Value::Null
    );
    let mut params = at(&f);
    params["newName"] = json!("X");
    let resp = server.call("textDocument/rename", params);
    assert_eq!(
        resp["error"],
        json!({"code": -32803, "message": "there is no name at the cursor to rename"})
    );
}

#[test]
fn copydesk_entities_lists_entities_by_first_appearance() {
    let (mut server, f) = open(RAISI);
    let entities = server.request("copydesk/entities", json!({"textDocument": {"uri": URI}}));
    let names: Vec<&str> = entities
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Iranian", "Ebrahim Raisi", "Beijing"]);
    assert_eq!(
        entities[1],
        json!({"name": "Ebrahim Raisi", "type": "PERSON", "range": f.ranges[0], "mentions": 2, "roles": ["Iranian President"]})
    );
    assert_eq!(entities[2]["type"], "PLACE");
    let info = server.request(
        "copydesk/documentInfo",
        json!({"textDocument": {"uri": URI}}),
    );
    assert_eq!(info["entities"], 3);
    assert_eq!(info["attributions"], 1);
    assert_eq!(info["version"], 1);
}

/// Decodes semantic tokens into (line, start, length, type name, modifiers).
fn decode(data: &Value, legend: &Value) -> Vec<(u64, u64, u64, String, u64)> {
    let (mut line, mut col) = (0, 0);
    data.as_array()
        .unwrap()
        .chunks(5)
        .map(|t| {
            let v: Vec<u64> = t.iter().map(|x| x.as_u64().unwrap()).collect();
            if v[0] > 0 {
                col = 0;
            }
            line += v[0];
            col += v[1];
            (
                line,
                col,
                v[2],
                legend[v[3] as usize].as_str().unwrap().to_string(),
                v[4],
            )
        })
        .collect()
}

#[test]
fn semantic_tokens_mark_entities_quotes_and_cues() {
    let (mut server, _) = open(RAISI);
    let legend =
        server.init["capabilities"]["semanticTokensProvider"]["legend"]["tokenTypes"].clone();
    let full = server.request(
        "textDocument/semanticTokens/full",
        json!({"textDocument": {"uri": URI}}),
    );
    let tokens = decode(&full["data"], &legend);
    let t = |l, c, n, ty: &str, m| (l, c, n, ty.to_string(), m);
    assert_eq!(
        tokens[..3],
        [
            t(0, 0, 7, "norp", 1),
            t(0, 18, 13, "person", 1),
            t(0, 43, 7, "place", 1)
        ]
    );
    let line2: Vec<_> = tokens.iter().filter(|x| x.0 == 2).cloned().collect();
    assert_eq!(
        line2.iter().map(|x| x.3.as_str()).collect::<Vec<_>>(),
        ["quote", "person", "cue"]
    );
    assert_eq!(line2[1], t(2, 31, 5, "person", 0));
    assert_eq!(line2[2], t(2, 37, 4, "cue", 0));
    let ranged = server.request(
        "textDocument/semanticTokens/range",
        json!({"textDocument": {"uri": URI}, "range": {"start": {"line": 2, "character": 0}, "end": {"line": 3, "character": 0}}}),
    );
    let ranged = decode(&ranged["data"], &legend);
    assert_eq!(ranged, line2);
}

#[test]
fn document_symbols_group_entities_by_type() {
    let (mut server, f) = open(RAISI);
    let symbols = server.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": URI}}),
    );
    let groups: Vec<&str> = symbols
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        groups,
        [
            "People",
            "Places",
            "Groups and nationalities",
            "Attributions"
        ]
    );
    let raisi = &symbols[0]["children"][0];
    assert_eq!(raisi["name"], "Ebrahim Raisi");
    assert_eq!(raisi["detail"], "Iranian President");
    assert_eq!(raisi["selectionRange"], f.ranges[0]);
}

#[test]
fn code_lens_counts_mentions_and_quotes() {
    let (mut server, f) = open(RAISI);
    let lenses = server.request(
        "textDocument/codeLens",
        json!({"textDocument": {"uri": URI}}),
    );
    let raisi = lenses
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["range"] == f.ranges[0])
        .unwrap();
    assert_eq!(raisi["command"]["title"], "2 mentions · 1 quote");
    assert_eq!(raisi["command"]["command"], "copydesk.showReferences");
}

#[test]
fn inlay_hint_names_a_bare_surname_on_first_use() {
    let fixture =
        "Raisi$0 spoke first.\n\nIranian President Ebrahim Raisi arrived in Beijing on Tuesday.\n";
    let (mut server, f) = open(fixture);
    let whole = json!({"textDocument": {"uri": URI}, "range": range(&f.text, 0, f.text.len())});
    let hints = server.request("textDocument/inlayHint", whole.clone());
    assert_eq!(
        hints,
        json!([{"position": f.cursor, "label": "(Ebrahim Raisi)", "paddingLeft": true}])
    );
    server.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"copydesk": {"inlayHints": {"enabled": false}}}}),
    );
    // the setting applies to the next analysis; an edit-free request still sees it
    let hints = server.request("textDocument/inlayHint", whole);
    assert_eq!(hints, json!([]));
    let _ = position;
}

#[test]
fn add_entity_to_project_file_for_unknown_names() {
    let (mut server, f) = open(
        "Mehdi Zarghami, a Tehran taxi driver, said prices rose.\nZarg$0hami said he was tired.\n",
    );
    let actions = server.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": URI}, "range": {"start": f.cursor, "end": f.cursor}, "context": {"diagnostics": []}}),
    );
    let add = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Add “Mehdi Zarghami” to copydesk.toml")
        .expect("add-entity action");
    let ops = &add["edit"]["documentChanges"];
    assert_eq!(
        ops[0],
        json!({"kind": "create", "uri": "file:///articles/copydesk.toml"})
    );
    let text = ops[1]["edits"][0]["newText"].as_str().unwrap();
    assert!(
        text.starts_with("[[entities]]\nname = \"Mehdi Zarghami\"\ntype = \"PERSON\"\n"),
        "{text}"
    );
}

#[test]
fn a_cancelled_request_gets_request_cancelled_or_its_result_and_the_server_goes_on() {
    let (mut server, f) = open(RAISI);
    let hover = server.request("textDocument/hover", at(&f));
    assert_eq!(hover["range"], f.ranges[1]);
    // Which one wins depends on thread scheduling; an answer of one of the two kinds does not.
    let cancelled = server.call_and_cancel("textDocument/hover", at(&f));
    let answered = cancelled["error"]["code"] == -32800 || cancelled["result"] == hover;
    assert!(answered, "{cancelled}");
    // the server still answers, and correctly
    assert_eq!(server.request("textDocument/hover", at(&f)), hover);
    // cancelling a request that already completed, or one that never existed, changes nothing
    server.notify("$/cancelRequest", json!({"id": 2}));
    server.notify("$/cancelRequest", json!({"id": 999}));
    assert_eq!(server.request("textDocument/hover", at(&f)), hover);
}
