//! prepareRename and rename: one entity's mentions in this article.

use std::collections::HashMap;

use copydesk_core::ide;
use tower_lsp_server::jsonrpc::{Error, ErrorCode};
use tower_lsp_server::ls_types::{Position, PrepareRenameResponse, TextEdit, WorkspaceEdit};

use crate::snapshot::Snapshot;

pub fn prepare(snap: &Snapshot, pos: Position) -> Option<PrepareRenameResponse> {
    let span = ide::rename_target(&snap.analysis, snap.offset(pos))?;
    Some(PrepareRenameResponse::RangeWithPlaceholder {
        range: snap.range(span),
        placeholder: span.text(&snap.text).to_string(),
    })
}

pub fn rename(snap: &Snapshot, pos: Position, new_name: &str) -> Result<WorkspaceEdit, Error> {
    let edits =
        ide::rename_edits(&snap.analysis, &snap.text, snap.offset(pos), new_name).map_err(|e| {
            Error {
                code: ErrorCode::ServerError(-32803), // RequestFailed
                message: e.to_string().into(),
                data: None,
            }
        })?;
    let edits = edits
        .into_iter()
        .map(|e| TextEdit::new(snap.range(e.span), e.new_text))
        .collect();
    Ok(WorkspaceEdit {
        changes: Some(HashMap::from([(snap.uri.clone(), edits)])),
        ..WorkspaceEdit::default()
    })
}
