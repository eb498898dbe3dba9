//! The `LanguageServer` implementation: protocol glue only. Document notifications mutate state
//! synchronously before any `.await` (tower-lsp issue #284: the transport runs handlers
//! concurrently, so an await before the edit could reorder edits); requests run their feature on
//! a snapshot in `spawn_blocking`, where a panic becomes an error response.

use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::sync::Arc;

use copydesk_core::position::Encoding;
use copydesk_core::text::DocKind;
use serde::Deserialize;
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer};

use crate::config::CONFIG_FILE;
use crate::documents::OpenDoc;
use crate::features::{self, custom};
use crate::settings::Settings;
use crate::snapshot::Snapshot;
use crate::state::{lock, ClientFlags, State};
use crate::workspace;

#[derive(Clone)]
pub struct Backend {
    client: Client,
    pub state: Arc<State>,
    /// Serializes "is this still the newest version? then send", so diagnostics of an older
    /// version can never arrive after a newer one.
    publish: Arc<tokio::sync::Mutex<()>>,
}

/// Params of the custom requests: `{"textDocument": {"uri"}}`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DocParams {
    text_document: TextDocumentIdentifier,
}

impl Backend {
    pub fn new(client: Client) -> Backend {
        Backend {
            client,
            state: Arc::new(State::default()),
            publish: Arc::default(),
        }
    }

    /// Runs `f` on a worker thread; a panic becomes an internal error.
    async fn blocking<R: Send + 'static>(
        &self,
        f: impl FnOnce(&State) -> R + Send + 'static,
    ) -> Result<R> {
        let state = self.state.clone();
        tokio::task::spawn_blocking(move || f(&state))
            .await
            .map_err(|e| {
                eprintln!("copydesk lsp: request failed: {e}");
                Error {
                    message: format!("copydesk: internal error: {e}").into(),
                    ..Error::internal_error()
                }
            })
    }

    /// Runs `f` on the analysed current version of an open document; `None` when it is not open.
    async fn on_doc<R: Send + 'static>(
        &self,
        uri: &Uri,
        f: impl FnOnce(&Snapshot, &State) -> R + Send + 'static,
    ) -> Result<Option<R>> {
        let uri = uri.clone();
        self.blocking(move |st| st.snapshot(&uri).map(|s| f(&s, st)))
            .await
    }

    async fn on_open_doc<R: Send + 'static>(
        &self,
        uri: &Uri,
        f: impl FnOnce(&Snapshot, &State) -> R + Send + 'static,
    ) -> Result<R> {
        self.on_doc(uri, f)
            .await?
            .ok_or_else(|| Error::invalid_params(format!("document is not open: {}", uri.as_str())))
    }

    fn schedule_publish(&self, uri: Uri) {
        let Some(rev) = self.state.rev(&uri) else {
            return;
        };
        let this = self.clone();
        tokio::spawn(async move { this.publish(uri, rev).await });
    }

    fn republish_all(&self) {
        self.state.invalidate();
        let uris: Vec<Uri> = lock(&self.state.docs).keys().cloned().collect();
        for uri in uris {
            self.schedule_publish(uri);
        }
        let client = self.client.clone();
        if self.state.flags().pull_diagnostics {
            tokio::spawn(async move { client.workspace_diagnostic_refresh().await });
        }
    }

    /// Analyses and pushes diagnostics for change number `rev`, unless a newer change arrived.
    async fn publish(&self, uri: Uri, rev: u64) {
        if self.state.flags().pull_diagnostics || self.state.rev(&uri) != Some(rev) {
            return;
        }
        let key = uri.clone();
        let result = self
            .on_doc(&key, |s, st| {
                let index = st.index.read().unwrap_or_else(|p| p.into_inner());
                // only when the file's state changed, not on every keystroke
                let config = features::diagnostics::config_diagnostics(s).filter(|(_, d)| {
                    let path = s.project.path.as_deref();
                    path.is_some_and(|p| st.config_errors_changed(p, !d.is_empty()))
                });
                (
                    s.rev,
                    s.version,
                    features::diagnostics::diagnostics(s, &index),
                    config,
                )
            })
            .await;
        let Ok(Some((rev, version, diags, config_diags))) = result else {
            return;
        };
        let _guard = self.publish.lock().await;
        if self.state.rev(&uri) == Some(rev) {
            self.client
                .publish_diagnostics(uri, diags, Some(version))
                .await;
            if let Some((config_uri, diags)) = config_diags {
                self.client
                    .publish_diagnostics(config_uri, diags, None)
                    .await;
            }
        }
    }

    async fn pull_settings(&self) {
        let item = ConfigurationItem {
            scope_uri: None,
            section: Some("copydesk".into()),
        };
        match self.client.configuration(vec![item]).await {
            Ok(values) => {
                if let Some(s) = values.first().and_then(|v| self.read_settings(v)) {
                    self.set_settings(s);
                }
            }
            Err(e) => eprintln!("copydesk lsp: workspace/configuration failed: {e}"),
        }
    }

    /// The client's settings, or `None` when malformed. What is wrong with them is shown to the
    /// user once, here, as a warning: a misspelt rule or level would otherwise be ignored
    /// silently.
    fn read_settings(&self, value: &serde_json::Value) -> Option<Settings> {
        let (settings, problems) = match Settings::from_json(value) {
            Ok(s) => {
                let problems = s.problems();
                (Some(s), problems)
            }
            Err(e) => (None, vec![format!("ignored, not valid settings: {e}")]),
        };
        if !problems.is_empty() {
            let message = format!("copydesk settings: {}", problems.join("; "));
            eprintln!("copydesk lsp: {message}");
            let client = self.client.clone();
            tokio::spawn(async move { client.show_message(MessageType::WARNING, message).await });
        }
        settings
    }

    fn set_settings(&self, s: Settings) {
        let changed = {
            let mut cur = self
                .state
                .settings
                .write()
                .unwrap_or_else(|p| p.into_inner());
            let changed = **cur != s;
            *cur = Arc::new(s);
            changed
        };
        if changed {
            self.republish_all();
            let client = self.client.clone();
            tokio::spawn(async move { client.inlay_hint_refresh().await });
        }
    }

    /// Indexes every article of the workspace folders in the background, reporting `$/progress`.
    async fn index_workspace(&self) {
        let folders = lock(&self.state.folders).clone();
        let Ok((files, more)) = self.blocking(move |_| workspace::articles(&folders)).await else {
            return;
        };
        let total = files.len();
        if more {
            let message = format!(
                "copydesk: this workspace holds more than {} articles; only the first {0} (in \
                 path order) are indexed for name variants and for references and symbols \
                 across files. Open a narrower folder to cover it all.",
                workspace::MAX_INDEXED_ARTICLES
            );
            eprintln!("{message}");
            self.client
                .show_message(MessageType::WARNING, message)
                .await;
        }
        let progress = if self.state.flags().work_done_progress && total > 0 {
            let token = NumberOrString::String("copydesk/index".into());
            match self.client.create_work_done_progress(token.clone()).await {
                Ok(()) => Some(
                    self.client
                        .progress(token, "Indexing articles")
                        .with_percentage(0)
                        .begin()
                        .await,
                ),
                Err(_) => None,
            }
        } else {
            None
        };
        let mut done = 0;
        for chunk in files.chunks(32) {
            let chunk = chunk.to_vec();
            let _ = self
                .blocking(move |st| {
                    for path in chunk {
                        if let Some((uri, entities)) =
                            workspace::index_file(&path, st.encoding(), &st.configs)
                        {
                            st.index_closed(uri, Some(entities));
                        }
                    }
                })
                .await;
            done += chunk_len(total, done);
            if let Some(p) = &progress {
                p.report_with_message(
                    format!("{done}/{total} articles"),
                    (done * 100 / total.max(1)) as u32,
                )
                .await;
            }
        }
        if let Some(p) = progress {
            p.finish_with_message(format!("{total} articles indexed"))
                .await;
        }
        eprintln!("copydesk lsp: indexed {total} articles");
        self.republish_all();
    }

    /// Re-reads one article from disk into the index (closed, created or changed on disk).
    fn reindex(&self, path: PathBuf, deleted: bool) {
        let this = self.clone();
        tokio::spawn(async move {
            let _ = this
                .blocking(move |st| {
                    let Some(uri) = Uri::from_file_path(&path) else {
                        return;
                    };
                    if lock(&st.docs).contains_key(&uri) {
                        return; // (not worth reading: checked again when indexed)
                    }
                    let entry = (!deleted)
                        .then(|| workspace::index_file(&path, st.encoding(), &st.configs))
                        .flatten();
                    st.index_closed(uri, entry.map(|(_, entities)| entities));
                })
                .await;
        });
    }

    pub async fn entities(&self, params: DocParams) -> Result<Vec<custom::EntityItem>> {
        self.on_open_doc(&params.text_document.uri, |s, _| custom::entities(s))
            .await
    }

    pub async fn document_info(&self, params: DocParams) -> Result<custom::DocumentInfo> {
        self.on_open_doc(&params.text_document.uri, |s, _| custom::document_info(s))
            .await
    }
}

fn chunk_len(total: usize, done: usize) -> usize {
    (total - done).min(32)
}

fn negotiate_encoding(params: &InitializeParams) -> Encoding {
    let offered = params
        .capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref());
    if offered.is_some_and(|o| o.contains(&PositionEncodingKind::UTF8)) {
        Encoding::Utf8
    } else {
        Encoding::Utf16
    }
}

fn client_flags(caps: &ClientCapabilities) -> ClientFlags {
    let ws = caps.workspace.as_ref();
    ClientFlags {
        pull_diagnostics: caps
            .text_document
            .as_ref()
            .is_some_and(|t| t.diagnostic.is_some()),
        work_done_progress: caps
            .window
            .as_ref()
            .and_then(|w| w.work_done_progress)
            .unwrap_or(false),
        configuration: ws.and_then(|w| w.configuration).unwrap_or(false),
        watch_files: ws
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|d| d.dynamic_registration)
            .unwrap_or(false),
        document_changes: ws
            .and_then(|w| w.workspace_edit.as_ref())
            .and_then(|e| e.document_changes)
            .unwrap_or(false),
    }
}

#[allow(deprecated)] // root_uri is the only folder some clients send
fn workspace_paths(params: &InitializeParams) -> Vec<PathBuf> {
    let uris: Vec<&Uri> = match &params.workspace_folders {
        Some(f) if !f.is_empty() => f.iter().map(|f| &f.uri).collect(),
        _ => params.root_uri.iter().collect(),
    };
    uris.into_iter()
        .filter_map(|u| u.to_file_path().map(|p| p.into_owned()))
        .collect()
}

fn is_config(uri: &Uri) -> bool {
    uri.path().as_str().ends_with(CONFIG_FILE)
}

fn capabilities(enc: Encoding) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(match enc {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            _ => PositionEncodingKind::UTF16,
        }),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                ..TextDocumentSyncOptions::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        declaration_provider: Some(DeclarationCapability::Simple(true)),
        references_provider: Some(OneOf::Left(true)),
        document_highlight_provider: Some(OneOf::Left(true)),
        rename_provider: Some(OneOf::Right(RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: WorkDoneProgressOptions::default(),
        })),
        document_symbol_provider: Some(OneOf::Left(true)),
        workspace_symbol_provider: Some(OneOf::Left(true)),
        semantic_tokens_provider: Some(SemanticTokensServerCapabilities::SemanticTokensOptions(
            SemanticTokensOptions {
                legend: features::tokens::legend(),
                range: Some(true),
                full: Some(SemanticTokensFullOptions::Bool(true)),
                work_done_progress_options: WorkDoneProgressOptions::default(),
            },
        )),
        code_lens_provider: Some(CodeLensOptions {
            resolve_provider: Some(false),
        }),
        inlay_hint_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![
                CodeActionKind::QUICKFIX,
                CodeActionKind::REFACTOR_REWRITE,
            ]),
            ..CodeActionOptions::default()
        })),
        diagnostic_provider: Some(DiagnosticServerCapabilities::Options(DiagnosticOptions {
            identifier: Some("copydesk".into()),
            inter_file_dependencies: true,
            workspace_diagnostics: false,
            work_done_progress_options: WorkDoneProgressOptions::default(),
        })),
        workspace: Some(WorkspaceServerCapabilities {
            workspace_folders: Some(WorkspaceFoldersServerCapabilities {
                supported: Some(true),
                change_notifications: None,
            }),
            file_operations: None,
        }),
        ..ServerCapabilities::default()
    }
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let enc = negotiate_encoding(&params);
        let _ = self.state.enc.set(enc);
        let _ = self.state.client.set(client_flags(&params.capabilities));
        if let Some(s) = params
            .initialization_options
            .as_ref()
            .and_then(|v| self.read_settings(v))
        {
            *self
                .state
                .settings
                .write()
                .unwrap_or_else(|p| p.into_inner()) = Arc::new(s);
        }
        *lock(&self.state.folders) = workspace_paths(&params);
        Ok(InitializeResult {
            capabilities: capabilities(enc),
            server_info: Some(ServerInfo {
                name: "copydesk".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
            offset_encoding: None,
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        let flags = self.state.flags();
        if flags.watch_files {
            let options = DidChangeWatchedFilesRegistrationOptions {
                watchers: ["**/copydesk.toml", "**/*.{txt,md,markdown}"]
                    .into_iter()
                    .map(|g| FileSystemWatcher {
                        glob_pattern: GlobPattern::String(g.into()),
                        kind: None,
                    })
                    .collect(),
            };
            let registration = Registration {
                id: "copydesk-watch".into(),
                method: "workspace/didChangeWatchedFiles".into(),
                register_options: serde_json::to_value(options).ok(),
            };
            let client = self.client.clone();
            tokio::spawn(async move {
                if let Err(e) = client.register_capability(vec![registration]).await {
                    eprintln!("copydesk lsp: cannot watch files: {e}");
                }
            });
        }
        if flags.configuration {
            let this = self.clone();
            tokio::spawn(async move { this.pull_settings().await });
        }
        let this = self.clone();
        tokio::spawn(async move { this.index_workspace().await });
    }

    async fn shutdown(&self) -> Result<()> {
        self.state.shutdown.store(true, Ordering::SeqCst);
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let doc = params.text_document;
        let kind = DocKind::from_path(doc.uri.as_str());
        lock(&self.state.docs).insert(doc.uri.clone(), OpenDoc::new(&doc.text, doc.version, kind));
        self.schedule_publish(doc.uri);
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let enc = self.state.encoding();
        match lock(&self.state.docs).get_mut(&uri) {
            Some(doc) => doc.apply(params.text_document.version, params.content_changes, enc),
            None => {
                eprintln!(
                    "copydesk lsp: change for a document that is not open: {}",
                    uri.as_str()
                );
                return;
            }
        }
        self.schedule_publish(uri);
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        lock(&self.state.docs).remove(&uri);
        if let Some(path) = uri.to_file_path().map(|p| p.into_owned()) {
            self.reindex(path, false);
        }
        if !self.state.flags().pull_diagnostics {
            let _guard = self.publish.lock().await;
            self.client.publish_diagnostics(uri, Vec::new(), None).await;
        }
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        if is_config(&params.text_document.uri) {
            self.state.configs.clear();
            self.republish_all();
        }
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        let pushed = params.settings.get("copydesk").cloned();
        match pushed {
            Some(v) => {
                if let Some(s) = self.read_settings(&v) {
                    self.set_settings(s);
                }
            }
            None if self.state.flags().configuration => {
                let this = self.clone();
                tokio::spawn(async move { this.pull_settings().await });
            }
            None => {}
        }
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        let mut config_changed = false;
        for change in params.changes {
            if is_config(&change.uri) {
                config_changed = true;
            } else if let Some(path) = change.uri.to_file_path().map(|p| p.into_owned()) {
                self.reindex(path, change.typ == FileChangeType::DELETED);
            }
        }
        if config_changed {
            self.state.configs.clear();
            self.republish_all();
        }
    }

    async fn diagnostic(
        &self,
        params: DocumentDiagnosticParams,
    ) -> Result<DocumentDiagnosticReportResult> {
        let items = self
            .on_doc(&params.text_document.uri, |s, st| {
                let index = st.index.read().unwrap_or_else(|p| p.into_inner());
                features::diagnostics::diagnostics(s, &index)
            })
            .await?
            .unwrap_or_default();
        Ok(DocumentDiagnosticReportResult::Report(
            DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport {
                related_documents: None,
                full_document_diagnostic_report: FullDocumentDiagnosticReport {
                    result_id: None,
                    items,
                },
            }),
        ))
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let p = params.text_document_position_params;
        Ok(self
            .on_doc(&p.text_document.uri, move |s, _| {
                features::hover::hover(s, p.position)
            })
            .await?
            .flatten())
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        let p = params.text_document_position_params;
        let found = self
            .on_doc(&p.text_document.uri, move |s, _| {
                features::navigation::definition(s, p.position)
            })
            .await?;
        Ok(found.flatten().map(GotoDefinitionResponse::Array))
    }

    async fn goto_declaration(
        &self,
        params: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        let p = params.text_document_position_params;
        let found = self
            .on_doc(&p.text_document.uri, move |s, _| {
                features::navigation::declaration(s, p.position)
            })
            .await?;
        Ok(found.flatten().map(GotoDefinitionResponse::Scalar))
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        let p = params.text_document_position;
        let include = params.context.include_declaration;
        let found = self
            .on_doc(&p.text_document.uri, move |s, st| {
                let index = st.index.read().unwrap_or_else(|p| p.into_inner());
                features::navigation::references(s, p.position, include, &index)
            })
            .await?;
        Ok(found.flatten())
    }

    async fn document_highlight(
        &self,
        params: DocumentHighlightParams,
    ) -> Result<Option<Vec<DocumentHighlight>>> {
        let p = params.text_document_position_params;
        Ok(self
            .on_doc(&p.text_document.uri, move |s, _| {
                features::navigation::highlights(s, p.position)
            })
            .await?
            .flatten())
    }

    async fn prepare_rename(
        &self,
        params: TextDocumentPositionParams,
    ) -> Result<Option<PrepareRenameResponse>> {
        Ok(self
            .on_doc(&params.text_document.uri, move |s, _| {
                features::rename::prepare(s, params.position)
            })
            .await?
            .flatten())
    }

    async fn rename(&self, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
        let p = params.text_document_position;
        let new_name = params.new_name;
        match self
            .on_doc(&p.text_document.uri, move |s, st| {
                features::rename::rename(s, p.position, &new_name, st)
            })
            .await?
        {
            Some(edit) => edit.map(Some),
            None => Ok(None),
        }
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        let found = self
            .on_doc(&params.text_document.uri, |s, _| {
                features::symbols::document_symbols(s)
            })
            .await?;
        Ok(found.map(DocumentSymbolResponse::Nested))
    }

    async fn symbol(
        &self,
        params: WorkspaceSymbolParams,
    ) -> Result<Option<WorkspaceSymbolResponse>> {
        let found = self
            .blocking(move |st| {
                let index = st.index.read().unwrap_or_else(|p| p.into_inner());
                features::symbols::workspace_symbols(&index, &params.query)
            })
            .await?;
        Ok(Some(WorkspaceSymbolResponse::Nested(found)))
    }

    async fn semantic_tokens_full(
        &self,
        params: SemanticTokensParams,
    ) -> Result<Option<SemanticTokensResult>> {
        let found = self
            .on_doc(&params.text_document.uri, |s, _| {
                features::tokens::tokens(s, None)
            })
            .await?;
        Ok(found.map(SemanticTokensResult::Tokens))
    }

    async fn semantic_tokens_range(
        &self,
        params: SemanticTokensRangeParams,
    ) -> Result<Option<SemanticTokensRangeResult>> {
        let range = params.range;
        let found = self
            .on_doc(&params.text_document.uri, move |s, _| {
                features::tokens::tokens(s, Some(s.lines().span(range)))
            })
            .await?;
        Ok(found.map(SemanticTokensRangeResult::Tokens))
    }

    async fn code_lens(&self, params: CodeLensParams) -> Result<Option<Vec<CodeLens>>> {
        self.on_doc(&params.text_document.uri, |s, _| {
            features::lens::code_lenses(s)
        })
        .await
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
        let range = params.range;
        self.on_doc(&params.text_document.uri, move |s, _| {
            features::lens::inlay_hints(s, range)
        })
        .await
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let range = params.range;
        let context = params.context.diagnostics;
        self.on_doc(&params.text_document.uri, move |s, st| {
            let index = st.index.read().unwrap_or_else(|p| p.into_inner());
            features::actions::code_actions(s, range, &context, &index)
        })
        .await
    }
}
