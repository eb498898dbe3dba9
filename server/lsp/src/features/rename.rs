//! prepareRename and rename: one entity's mentions in this article and in every other article of
//! the workspace that mentions the same entity (same entity key).

use copydesk_core::{ide, Analysis};
use tower_lsp_server::jsonrpc::{Error, ErrorCode};
use tower_lsp_server::ls_types::{
    DocumentChanges, OneOf, OptionalVersionedTextDocumentIdentifier, Position,
    PrepareRenameResponse, TextDocumentEdit, TextEdit, Uri, WorkspaceEdit,
};

use crate::snapshot::{Lines, Snapshot};
use crate::state::State;
use crate::workspace::DiskArticle;

pub fn prepare(snap: &Snapshot, pos: Position) -> Option<PrepareRenameResponse> {
    let span = ide::rename_target(&snap.analysis, snap.offset(pos))?;
    Some(PrepareRenameResponse::RangeWithPlaceholder {
        range: snap.range(span),
        placeholder: span.text(&snap.text).to_string(),
    })
}

/// The edits of one article; `version` is set for open documents.
struct ArticleEdits {
    uri: Uri,
    version: Option<i32>,
    edits: Vec<TextEdit>,
}

pub fn rename(
    snap: &Snapshot,
    pos: Position,
    new_name: &str,
    st: &State,
) -> Result<WorkspaceEdit, Error> {
    let offset = snap.offset(pos);
    let edits =
        ide::rename_edits(&snap.analysis, &snap.text, offset, new_name).map_err(request_failed)?;
    let mut articles = vec![ArticleEdits {
        uri: snap.uri.clone(),
        version: Some(snap.version),
        edits: to_lsp(edits, snap.lines()),
    }];
    if let Some(at) = snap.analysis.mention_at(offset) {
        let a = &snap.analysis;
        let key = &a.entities[a.mentions[at].entity].key;
        let old = a.mentions[at].span.text(&snap.text);
        if !key.is_empty() {
            articles.extend(other_articles(snap, st, key, old, new_name));
        }
    }
    articles.retain(|a| !a.edits.is_empty());
    Ok(workspace_edit(articles, st.flags().document_changes))
}

/// The same rename in the other indexed articles that mention an entity with this key, each
/// re-analysed now (open documents from memory, closed ones from disk) so ranges are exact.
fn other_articles(
    snap: &Snapshot,
    st: &State,
    key: &str,
    old: &str,
    new_name: &str,
) -> Vec<ArticleEdits> {
    let mut uris: Vec<Uri> = {
        let index = st.index.read().unwrap_or_else(|p| p.into_inner());
        index
            .with_key(key)
            .map(|(uri, _)| uri.clone())
            .filter(|uri| *uri != snap.uri)
            .collect()
    };
    uris.sort_by(|x, y| x.as_str().cmp(y.as_str()));
    uris.dedup();
    uris.into_iter()
        .filter_map(|uri| {
            if let Some(open) = st.snapshot(&uri) {
                let edits = entity_edits(&open.analysis, open.lines(), key, old, new_name);
                return Some(ArticleEdits {
                    uri,
                    version: Some(open.version),
                    edits,
                });
            }
            let path = uri.to_file_path()?.into_owned();
            let disk = DiskArticle::load(&path, &st.configs)?;
            let edits = entity_edits(
                &disk.analysis,
                disk.lines(st.encoding()),
                key,
                old,
                new_name,
            );
            Some(ArticleEdits {
                uri,
                version: None,
                edits,
            })
        })
        .collect()
}

/// Rename edits of every entity with `key` in one article, in text order.
fn entity_edits(
    analysis: &Analysis,
    lines: Lines,
    key: &str,
    old: &str,
    new_name: &str,
) -> Vec<TextEdit> {
    let mut edits: Vec<_> = (0..analysis.entities.len())
        .filter(|&e| analysis.entities[e].key == key)
        .filter_map(|e| ide::rename_entity_edits(analysis, lines.text, e, old, new_name).ok())
        .flatten()
        .collect();
    edits.sort_by_key(|e| e.span.start);
    to_lsp(edits, lines)
}

fn to_lsp(edits: Vec<copydesk_core::rules::TextEdit>, lines: Lines) -> Vec<TextEdit> {
    edits
        .into_iter()
        .map(|e| TextEdit::new(lines.range(e.span), e.new_text))
        .collect()
}

/// `documentChanges` with versions when the client supports them, else `changes`.
fn workspace_edit(articles: Vec<ArticleEdits>, document_changes: bool) -> WorkspaceEdit {
    if document_changes {
        let edits = articles
            .into_iter()
            .map(|a| TextDocumentEdit {
                text_document: OptionalVersionedTextDocumentIdentifier {
                    uri: a.uri,
                    version: a.version,
                },
                edits: a.edits.into_iter().map(OneOf::Left).collect(),
            })
            .collect();
        return WorkspaceEdit {
            document_changes: Some(DocumentChanges::Edits(edits)),
            ..WorkspaceEdit::default()
        };
    }
    WorkspaceEdit {
        changes: Some(articles.into_iter().map(|a| (a.uri, a.edits)).collect()),
        ..WorkspaceEdit::default()
    }
}

fn request_failed(e: ide::RenameError) -> Error {
    Error {
        code: ErrorCode::ServerError(-32803), // RequestFailed
        message: e.to_string().into(),
        data: None,
    }
}
