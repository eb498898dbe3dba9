//! The workspace: background index with progress, .gitignore, workspace symbols, cross-article
//! references, the `name-variant` finding and its code actions.

use std::path::PathBuf;

use serde_json::{json, Value};

use crate::fixture::range;
use crate::support::{uri, Server};

struct Workspace {
    root: PathBuf,
}

impl Workspace {
    fn new(name: &str) -> Workspace {
        Workspace::with(name, &[
            ("a.md", "Iranian Foreign Minister Hossein Amir-Abdollahian met his counterpart Wang Yi in Beijing on Monday.\n"),
            ("b.txt", "Foreign Minister Hossein Amirabdollahian arrived in Moscow on Friday.\n"),
            (".gitignore", "drafts/\n"),
            ("drafts/c.txt", "Foreign Minister Hossein Amirabdollahian met Vladimir Putin.\n"),
        ])
    }

    /// A workspace folder holding these files (path, text).
    fn with(name: &str, files: &[(&str, &str)]) -> Workspace {
        let root = std::env::temp_dir().join(format!("copydesk-lsp-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("drafts")).unwrap();
        for (path, text) in files {
            std::fs::write(root.join(path), text).unwrap();
        }
        Workspace { root }
    }

    fn uri(&self, path: &str) -> String {
        uri(&self.root.join(path))
    }

    fn start(&self) -> Server {
        self.start_with(json!({"configuration": true}))
    }

    /// Starts a server on the folder for a client with these workspace capabilities, once the
    /// folder is indexed.
    fn start_with(&self, workspace: Value) -> Server {
        let root = uri(&self.root);
        let mut server = Server::start(
            json!({
                "rootUri": root,
                "workspaceFolders": [{"uri": root, "name": "news"}],
                "capabilities": {"window": {"workDoneProgress": true}, "workspace": workspace},
            }),
            Value::Null,
        );
        server.wait_for("$/progress", |p| p["value"]["kind"] == "end");
        server
    }
}

impl Drop for Workspace {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

#[test]
fn index_reports_progress_and_skips_gitignored_files() {
    let ws = Workspace::new("progress");
    let mut server = ws.start();
    let begin = server
        .inbox
        .iter()
        .find(|m| m["method"] == "$/progress" && m["params"]["value"]["kind"] == "begin");
    assert_eq!(
        begin.unwrap()["params"]["value"]["title"],
        "Indexing articles"
    );
    assert!(server
        .inbox
        .iter()
        .any(|m| m["method"] == "window/workDoneProgress/create"));
    let putin = server.request("workspace/symbol", json!({"query": "putin"}));
    assert_eq!(putin, json!([]));
}

#[test]
fn a_workspace_too_big_to_index_is_indexed_up_to_the_limit_and_says_so() {
    let ws = Workspace::with("huge", &[]);
    // 10,001 articles: the last in path order ("z…") is past the limit
    for k in 0..10_000 {
        std::fs::write(ws.root.join(format!("a{k:05}.txt")), "Critics say so.\n").unwrap();
    }
    std::fs::write(ws.root.join("z.txt"), "Ebrahim Raisi arrived in Beijing.\n").unwrap();
    let mut server = ws.start();
    let shown = server.wait_for("window/showMessage", |_| true);
    assert_eq!(shown["type"], 2);
    assert!(
        shown["message"].as_str().unwrap().starts_with(
            "copydesk: this workspace holds more than 10000 articles; only the first 10000"
        ),
        "{shown}"
    );
    let raisi = server.request("workspace/symbol", json!({"query": "raisi"}));
    assert_eq!(raisi, json!([]));
}

#[test]
fn workspace_symbols_come_from_every_article() {
    let ws = Workspace::new("symbols");
    let mut server = ws.start();
    let found = server.request("workspace/symbol", json!({"query": "abdollahian"}));
    let files: Vec<&str> = found
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["containerName"].as_str().unwrap())
        .collect();
    assert_eq!(files.len(), 2, "{found}");
    assert!(
        files.contains(&"a.md") && files.contains(&"b.txt"),
        "{found}"
    );
    let b = found
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["containerName"] == "b.txt")
        .unwrap();
    assert_eq!(b["location"]["uri"], uri(&ws.root.join("b.txt")));
    assert_eq!(
        b["location"]["range"],
        json!({"start": {"line": 0, "character": 17}, "end": {"line": 0, "character": 40}})
    );
}

#[test]
fn name_variant_across_articles_with_fixes() {
    let ws = Workspace::new("variant");
    let mut server = ws.start();
    let a = uri(&ws.root.join("a.md"));
    let b = uri(&ws.root.join("b.txt"));
    server.open(&a, &std::fs::read_to_string(ws.root.join("a.md")).unwrap());
    let diags = server.diagnostics(&a, 1);
    let variant = diags
        .iter()
        .find(|d| d["code"] == "name-variant")
        .expect("name-variant diagnostic");
    let name = json!({"start": {"line": 0, "character": 25}, "end": {"line": 0, "character": 49}});
    assert_eq!(variant["range"], name);
    assert_eq!(
        variant["message"],
        "“Hossein Amir-Abdollahian” is spelled “Hossein Amirabdollahian” in b.txt"
    );
    assert_eq!(variant["source"], "copydesk");
    assert_eq!(variant["severity"], 3);
    assert!(variant["codeDescription"]["href"]
        .as_str()
        .unwrap()
        .ends_with("#name-variant"));

    let refs = server.request(
        "textDocument/references",
        json!({"textDocument": {"uri": a}, "position": name["start"], "context": {"includeDeclaration": true}}),
    );
    assert_eq!(
        refs[1],
        json!({"uri": b, "range": {"start": {"line": 0, "character": 17}, "end": {"line": 0, "character": 40}}})
    );

    let actions = server.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": a}, "range": name, "context": {"diagnostics": [variant]}}),
    );
    let find = |title: &str| {
        actions
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["title"] == title)
            .cloned()
            .unwrap_or_else(|| panic!("{title}: {actions}"))
    };
    let line = find("Disable name-variant for this line");
    assert_eq!(
        line["edit"]["changes"][&a],
        json!([{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "newText": "<!-- copydesk-disable-next-line name-variant -->\n"}])
    );
    let file = find("Disable name-variant in this file");
    assert_eq!(
        file["edit"]["changes"][&a][0]["newText"],
        "<!-- copydesk-disable name-variant -->\n"
    );
    let normalize = find("Spell “Hossein Amir-Abdollahian” the same way across the workspace");
    assert_eq!(normalize["kind"], "refactor.rewrite");
    assert_eq!(
        normalize["edit"]["changes"],
        json!({b: [{"range": {"start": {"line": 0, "character": 17}, "end": {"line": 0, "character": 40}}, "newText": "Hossein Amir-Abdollahian"}]})
    );
}

#[test]
fn client_settings_turn_a_rule_off() {
    let ws = Workspace::new("settings");
    let mut server = ws.start();
    let a = uri(&ws.root.join("a.md"));
    server.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"copydesk": {"rules": {"name-variant": "off"}}}}),
    );
    server.open(&a, &std::fs::read_to_string(ws.root.join("a.md")).unwrap());
    assert_eq!(server.diagnostics(&a, 1), Vec::<Value>::new());
    server.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"copydesk": {"rules": {"name-variant": "error"}}}}),
    );
    let diags = server.wait_for("textDocument/publishDiagnostics", |p| {
        p["uri"] == a && !p["diagnostics"].as_array().unwrap().is_empty()
    });
    assert_eq!(diags["diagnostics"][0]["severity"], 1);
}

#[test]
fn project_file_turns_a_rule_off_and_entities_link_to_it() {
    let ws = Workspace::new("project");
    std::fs::write(
        ws.root.join("copydesk.toml"),
        "[rules]\nname-variant = \"off\"\n\n[[entities]]\nname = \"Mehdi Zarghami\"\ntype = \"PERSON\"\ndescription = \"Tehran taxi driver\"\n",
    )
    .unwrap();
    let mut server = ws.start();
    let a = uri(&ws.root.join("a.md"));
    server.open(&a, "Hossein Amir-Abdollahian met Mehdi Zarghami, a taxi driver, in Tehran on Monday.\nZarghami said prices rose.\n");
    assert_eq!(server.diagnostics(&a, 1), Vec::<Value>::new());
    let def = server.request(
        "textDocument/definition",
        json!({"textDocument": {"uri": a}, "position": {"line": 1, "character": 3}}),
    );
    assert_eq!(
        def[0]["range"]["start"],
        json!({"line": 0, "character": 29})
    );
    assert_eq!(
        def[1],
        json!({"uri": uri(&ws.root.join("copydesk.toml")), "range": {"start": {"line": 4, "character": 8}, "end": {"line": 4, "character": 22}}})
    );
}

#[test]
fn a_broken_project_file_gets_a_diagnostic_and_defaults_apply() {
    let ws = Workspace::new("broken");
    std::fs::write(
        ws.root.join("copydesk.toml"),
        "[rules]\nbogus-rule = \"off\"\n",
    )
    .unwrap();
    let mut server = ws.start();
    let a = uri(&ws.root.join("a.md"));
    server.open(&a, &std::fs::read_to_string(ws.root.join("a.md")).unwrap());
    let toml = uri(&ws.root.join("copydesk.toml"));
    let p = server.wait_for("textDocument/publishDiagnostics", |p| p["uri"] == toml);
    let d = &p["diagnostics"][0];
    assert_eq!(d["range"]["start"], json!({"line": 1, "character": 0}));
    assert!(d["message"].as_str().unwrap().contains("bogus-rule"), "{d}");
    // the defaults still report the name variant
    let diags = server.diagnostics(&a, 1);
    assert_eq!(diags[0]["code"], "name-variant");
}

const ONE: &str = "Foreign Minister Hossein Amirabdollahian met Wang Yi in Beijing on Monday. Amirabdollahian said the talks went well.\n";
const TWO: &str = "“We are ready 👍”, Foreign Minister Hossein Amirabdollahian told reporters in Moscow.\nAmirabdollahian flew home on Friday.\n";
const THREE: &str = "Wang Yi met Sergei Lavrov in Moscow on Tuesday.\n";

/// Edits that replace each whole `old` in `text` (UTF-16 ranges, computed independently).
fn replacements(text: &str, old: &str, new: &[&str]) -> Value {
    let found: Vec<usize> = text.match_indices(old).map(|(i, _)| i).collect();
    assert_eq!(found.len(), new.len(), "{old} in {text}");
    found
        .iter()
        .zip(new)
        .map(|(&i, new)| json!({"range": range(text, i, i + old.len()), "newText": new}))
        .collect()
}

fn rename_params(uri: &str, text: &str, at: usize, new_name: &str) -> Value {
    json!({
        "textDocument": {"uri": uri},
        "position": crate::fixture::position(text, at),
        "newName": new_name,
    })
}

#[test]
fn renaming_a_surname_edits_every_article_that_mentions_the_entity() {
    let ws = Workspace::with(
        "rename",
        &[("one.txt", ONE), ("two.md", TWO), ("three.txt", THREE)],
    );
    let mut server = ws.start();
    let one = ws.uri("one.txt");
    server.open(&one, ONE);
    let surname = ONE.rfind("Amirabdollahian").unwrap() + 3;
    let edit = server.request(
        "textDocument/rename",
        rename_params(&one, ONE, surname, "Amir-Abdollahian"),
    );
    // two.md is closed: its edits come from the file on disk, after a curly quote and an emoji
    let new = ["Amir-Abdollahian"; 2];
    assert_eq!(
        edit,
        json!({"changes": {
            one: replacements(ONE, "Amirabdollahian", &new),
            ws.uri("two.md"): replacements(TWO, "Amirabdollahian", &new),
        }})
    );
}

#[test]
fn renaming_a_full_name_gives_versioned_document_changes() {
    let four = "Hossein Amirabdollahian arrived in Moscow on Friday.\n";
    let ws = Workspace::with(
        "rename-versions",
        &[("one.txt", ONE), ("two.md", TWO), ("four.txt", four)],
    );
    let mut server =
        ws.start_with(json!({"configuration": true, "workspaceEdit": {"documentChanges": true}}));
    let (one, two) = (ws.uri("one.txt"), ws.uri("two.md"));
    server.open(&one, ONE);
    server.open(&two, TWO);
    // an unsaved edit: the rename must use the text in memory, at version 2
    let at_start =
        json!({"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}});
    server.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": two, "version": 2}, "contentChanges": [{"range": at_start, "text": "UPDATE: "}]}),
    );
    let two_now = format!("UPDATE: {TWO}");
    let full = ONE.find("Hossein").unwrap() + 2;
    let edit = server.request(
        "textDocument/rename",
        rename_params(&one, ONE, full, "Hossein Amir-Abdollahian"),
    );
    let full_then_surname = |text: &str| {
        let full = text.find("Hossein Amirabdollahian").unwrap();
        let surname = text.rfind("Amirabdollahian").unwrap();
        json!([
            {"range": range(text, full, full + "Hossein Amirabdollahian".len()), "newText": "Hossein Amir-Abdollahian"},
            {"range": range(text, surname, surname + "Amirabdollahian".len()), "newText": "Amir-Abdollahian"},
        ])
    };
    let four_full = four.find("Hossein").unwrap();
    assert_eq!(
        edit,
        json!({"documentChanges": [
            {"textDocument": {"uri": one, "version": 1}, "edits": full_then_surname(ONE)},
            {"textDocument": {"uri": ws.uri("four.txt"), "version": null}, "edits": [
                {"range": range(four, four_full, four_full + "Hossein Amirabdollahian".len()), "newText": "Hossein Amir-Abdollahian"},
            ]},
            {"textDocument": {"uri": two, "version": 2}, "edits": full_then_surname(&two_now)},
        ]})
    );
}
