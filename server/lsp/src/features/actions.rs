//! Code actions: fixes from findings, rule suppression comments, adding an entity to
//! `copydesk.toml`, and normalizing spelling variants across the workspace.

use std::collections::HashMap;

use copydesk_core::entities::MentionKind;
use copydesk_core::ide;
use copydesk_core::Span;
use tower_lsp_server::ls_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CreateFile, Diagnostic,
    DocumentChangeOperation, DocumentChanges, NumberOrString, OneOf,
    OptionalVersionedTextDocumentIdentifier, Position, Range, ResourceOp, TextDocumentEdit,
    TextEdit, Uri, WorkspaceEdit,
};

use super::diagnostics::{finding, SOURCE};
use crate::config::CONFIG_FILE;
use crate::snapshot::Snapshot;
use crate::workspace::WorkspaceIndex;

pub fn code_actions(
    snap: &Snapshot,
    range: Range,
    context: &[Diagnostic],
    index: &WorkspaceIndex,
) -> Vec<CodeActionOrCommand> {
    let span = snap.lines().span(range);
    let mut out = Vec::new();
    let mut rules: Vec<(String, Diagnostic)> = Vec::new();
    if !snap.ignored {
        let here =
            |f: &&copydesk_core::Finding| f.span.touches(span.start) || f.span.overlaps(span);
        for f in snap.analysis.findings.iter().filter(here) {
            let diag = finding(snap, f);
            for fix in &f.fixes {
                let edits = fix
                    .edits
                    .iter()
                    .map(|e| TextEdit::new(snap.range(e.span), e.new_text.clone()))
                    .collect();
                out.push(action(
                    fix.title.clone(),
                    CodeActionKind::QUICKFIX,
                    edit_one(&snap.uri, edits),
                    Some(diag.clone()),
                    true,
                ));
            }
            rules.push((f.rule.to_string(), diag));
        }
    }
    // Workspace-level diagnostics (name-variant) are not findings: the client hands them back.
    for d in context {
        if let (Some(SOURCE), Some(NumberOrString::String(rule))) = (d.source.as_deref(), &d.code) {
            if !rules.iter().any(|(r, _)| r == rule) {
                rules.push((rule.clone(), d.clone()));
            }
        }
    }
    for (rule, diag) in rules {
        let line = Position::new(diag.range.start.line, 0);
        let comment = format!("<!-- copydesk-disable-next-line {rule} -->\n");
        out.push(action(
            format!("Disable {rule} for this line"),
            CodeActionKind::QUICKFIX,
            edit_one(
                &snap.uri,
                vec![TextEdit::new(Range::new(line, line), comment)],
            ),
            Some(diag.clone()),
            false,
        ));
        let top = snap.position(file_top(&snap.text));
        let comment = format!("<!-- copydesk-disable {rule} -->\n");
        out.push(action(
            format!("Disable {rule} in this file"),
            CodeActionKind::QUICKFIX,
            edit_one(
                &snap.uri,
                vec![TextEdit::new(Range::new(top, top), comment)],
            ),
            Some(diag),
            false,
        ));
    }
    if let Some(e) = ide::entity_at(&snap.analysis, span.start) {
        if let Some(a) = add_entity(snap, e) {
            out.push(a);
        }
        if let Some(a) = normalize_spelling(snap, e, index) {
            out.push(a);
        }
    }
    out.into_iter()
        .map(CodeActionOrCommand::CodeAction)
        .collect()
}

fn action(
    title: String,
    kind: CodeActionKind,
    edit: WorkspaceEdit,
    diag: Option<Diagnostic>,
    preferred: bool,
) -> CodeAction {
    CodeAction {
        title,
        kind: Some(kind),
        diagnostics: diag.map(|d| vec![d]),
        edit: Some(edit),
        is_preferred: preferred.then_some(true),
        ..CodeAction::default()
    }
}

fn edit_one(uri: &Uri, edits: Vec<TextEdit>) -> WorkspaceEdit {
    WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..WorkspaceEdit::default()
    }
}

/// Where file-wide comments go: the start, or after Markdown front matter.
fn file_top(text: &str) -> usize {
    let Some(rest) = text.strip_prefix("---\n") else {
        return 0;
    };
    match rest.find("\n---\n") {
        Some(i) => 4 + i + 5,
        None => 0,
    }
}

/// "Add “X” to copydesk.toml": appends an `[[entities]]` entry, creating the file next to the
/// document when there is none. Offered for entities the knowledge base does not know.
fn add_entity(snap: &Snapshot, e: usize) -> Option<CodeAction> {
    let entity = &snap.analysis.entities[e];
    if entity.kb.is_some() {
        return None;
    }
    let mut entry = format!(
        "\n[[entities]]\nname = {}\ntype = \"{}\"\n",
        toml_str(&entity.name),
        entity.ty.label()
    );
    let aliases: Vec<String> = entity
        .aliases
        .iter()
        .filter(|a| **a != entity.name)
        .map(|a| toml_str(a))
        .collect();
    if !aliases.is_empty() {
        entry.push_str(&format!("aliases = [{}]\n", aliases.join(", ")));
    }
    if let Some(role) = entity.roles.first() {
        entry.push_str(&format!("description = {}\n", toml_str(role)));
    }
    let title = format!("Add “{}” to {CONFIG_FILE}", entity.name);
    let edit = match &snap.project.path {
        Some(path) => {
            let uri = Uri::from_file_path(path)?;
            let end = crate::snapshot::Lines {
                text: &snap.project.source,
                index: &copydesk_core::position::LineIndex::new(&snap.project.source),
                enc: snap.enc,
            }
            .position(snap.project.source.len());
            edit_one(&uri, vec![TextEdit::new(Range::new(end, end), entry)])
        }
        None => {
            let path = snap.path.as_ref()?.parent()?.join(CONFIG_FILE);
            let uri = Uri::from_file_path(&path)?;
            let at = Position::new(0, 0);
            WorkspaceEdit {
                document_changes: Some(DocumentChanges::Operations(vec![
                    DocumentChangeOperation::Op(ResourceOp::Create(CreateFile {
                        uri: uri.clone(),
                        options: None,
                        annotation_id: None,
                    })),
                    DocumentChangeOperation::Edit(TextDocumentEdit {
                        text_document: OptionalVersionedTextDocumentIdentifier {
                            uri,
                            version: None,
                        },
                        edits: vec![OneOf::Left(TextEdit::new(
                            Range::new(at, at),
                            entry.trim_start().to_string(),
                        ))],
                    }),
                ])),
                ..WorkspaceEdit::default()
            }
        }
    };
    Some(action(title, CodeActionKind::QUICKFIX, edit, None, false))
}

fn toml_str(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// "Spell “X” the same everywhere": rewrites same-key spellings of this entity's full name in
/// this article and in every indexed article to the spelling under the cursor.
fn normalize_spelling(snap: &Snapshot, e: usize, index: &WorkspaceIndex) -> Option<CodeAction> {
    let a = &snap.analysis;
    let entity = &a.entities[e];
    let canonical = a.mentions[entity.defining].span.text(&snap.text);
    let names: Vec<Span> = entity
        .mentions
        .iter()
        .map(|&m| &a.mentions[m])
        .filter(|m| matches!(m.kind, MentionKind::Name | MentionKind::Alias))
        .map(|m| m.span)
        .collect();
    let mut changes: HashMap<Uri, Vec<TextEdit>> = HashMap::new();
    let here: Vec<TextEdit> = ide::spelling_variant_edits(&snap.text, &names, canonical)
        .into_iter()
        .map(|t| TextEdit::new(snap.range(t.span), t.new_text))
        .collect();
    if !here.is_empty() {
        changes.insert(snap.uri.clone(), here);
    }
    let key = copydesk_core::entities::entity_key(canonical);
    for (uri, other) in index
        .with_key(&entity.key)
        .filter(|(uri, _)| **uri != snap.uri)
    {
        let edits = other
            .mentions
            .iter()
            .filter(|m| m.text != canonical && copydesk_core::entities::entity_key(&m.text) == key)
            .map(|m| TextEdit::new(m.range, canonical.to_string()));
        changes.entry(uri.clone()).or_default().extend(edits);
    }
    changes.retain(|_, v| !v.is_empty());
    if changes.is_empty() {
        return None;
    }
    let title = format!("Spell “{canonical}” the same way across the workspace");
    Some(action(
        title,
        CodeActionKind::REFACTOR_REWRITE,
        WorkspaceEdit {
            changes: Some(changes),
            ..WorkspaceEdit::default()
        },
        None,
        false,
    ))
}
