//! Server state shared by the async handlers and the blocking workers.

use std::collections::HashMap;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, RwLock};

use copydesk_core::analyze;
use copydesk_core::position::{Encoding, LineIndex};
use copydesk_core::rules::apply_suppressions;
use tower_lsp_server::ls_types::Uri;

use crate::config::ConfigCache;
use crate::documents::OpenDoc;
use crate::settings::Settings;
use crate::snapshot::Snapshot;
use crate::workspace::{IndexedEntity, WorkspaceIndex};

/// Documents bigger than this are kept in sync but not analysed: no article is this long, and
/// analysing a data dump would keep a worker busy for seconds.
pub const MAX_ANALYZED_BYTES: usize = 4 << 20;

/// What the client said it can do, as far as the server cares.
#[derive(Debug, Default, Clone, Copy)]
pub struct ClientFlags {
    /// The client pulls diagnostics (`textDocument/diagnostic`): do not push them too.
    pub pull_diagnostics: bool,
    pub work_done_progress: bool,
    pub configuration: bool,
    pub watch_files: bool,
    /// Workspace edits may be `documentChanges` (with the versions of open documents).
    pub document_changes: bool,
}

#[derive(Default)]
pub struct State {
    pub docs: Mutex<HashMap<Uri, OpenDoc>>,
    pub enc: OnceLock<Encoding>,
    pub client: OnceLock<ClientFlags>,
    pub settings: RwLock<Arc<Settings>>,
    pub configs: ConfigCache,
    pub index: RwLock<WorkspaceIndex>,
    pub folders: Mutex<Vec<std::path::PathBuf>>,
    pub shutdown: AtomicBool,
    /// Whether each project file had an error when its diagnostics were last published.
    config_errors: Mutex<HashMap<std::path::PathBuf, bool>>,
}

/// Locks a mutex even if a panicking thread poisoned it: the data is still consistent because
/// every critical section here is a plain assignment or a rope edit.
pub fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl State {
    pub fn encoding(&self) -> Encoding {
        self.enc.get().copied().unwrap_or(Encoding::Utf16)
    }

    pub fn flags(&self) -> ClientFlags {
        self.client.get().copied().unwrap_or_default()
    }

    pub fn settings(&self) -> Arc<Settings> {
        self.settings
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// The change counter of an open document.
    pub fn rev(&self, uri: &Uri) -> Option<u64> {
        lock(&self.docs).get(uri).map(|d| d.rev)
    }

    /// The analysed current version of an open document (blocking: call from a worker thread).
    /// The lock is held only to copy the text; analysis runs unlocked, and the result is kept
    /// only if no edit arrived meanwhile.
    pub fn snapshot(&self, uri: &Uri) -> Option<Arc<Snapshot>> {
        let (text, version, rev, kind) = {
            let docs = lock(&self.docs);
            let doc = docs.get(uri)?;
            if let Some(s) = doc.analyzed.as_ref().filter(|s| s.rev == doc.rev) {
                return Some(s.clone());
            }
            (doc.rope.to_string(), doc.version, doc.rev, doc.kind)
        };
        let path = uri.to_file_path().map(|p| p.into_owned());
        let project = self.configs.for_document(path.as_deref());
        let settings = self.settings();
        let config = settings.overlay(project.for_path(path.as_deref()));
        let analysis = if text.len() > MAX_ANALYZED_BYTES {
            eprintln!(
                "copydesk lsp: {} is {} bytes, over the {MAX_ANALYZED_BYTES}-byte limit: not analysed",
                uri.as_str(),
                text.len()
            );
            analyze("", kind, &config)
        } else {
            // inline `<!-- copydesk-disable … -->` comments silence findings here as in `lint`
            let mut analysis = analyze(&text, kind, &config);
            let findings = std::mem::take(&mut analysis.findings);
            analysis.findings = apply_suppressions(&text, findings).0;
            analysis
        };
        let snap = Arc::new(Snapshot {
            uri: uri.clone(),
            ignored: project.ignores(path.as_deref()),
            path,
            version,
            rev,
            index: LineIndex::new(&text),
            text,
            enc: self.encoding(),
            project,
            config,
            inlay_hints: settings.inlay_hints.enabled,
            analysis,
        });
        let entities = WorkspaceIndex::summarize(&snap.analysis, snap.lines());
        let mut docs = lock(&self.docs);
        if let Some(doc) = docs.get_mut(uri).filter(|d| d.rev == rev) {
            doc.analyzed = Some(snap.clone());
            // (still under the documents' lock: released before, an older analysis finishing
            // late could overwrite the index entry of a newer one)
            self.write_index().insert(uri.clone(), entities);
        }
        Some(snap)
    }

    /// Puts a closed article's entities as read from disk in the index (`None`: it is gone),
    /// unless it is open: an open document indexes its own text. The check and the write are
    /// one step under the documents' lock, so an article opened meanwhile keeps its entry.
    pub fn index_closed(&self, uri: Uri, entry: Option<Vec<IndexedEntity>>) {
        let docs = lock(&self.docs);
        if docs.contains_key(&uri) {
            return;
        }
        let mut index = self.write_index();
        match entry {
            Some(entities) => index.insert(uri, entities),
            None => index.remove(&uri),
        }
        drop(docs);
    }

    /// The workspace index for writing. Lock order: the documents' lock, if taken, before this.
    fn write_index(&self) -> std::sync::RwLockWriteGuard<'_, WorkspaceIndex> {
        self.index.write().unwrap_or_else(|p| p.into_inner())
    }

    /// Records whether a project file has an error; true when that differs from last time.
    pub fn config_errors_changed(&self, path: &std::path::Path, has_error: bool) -> bool {
        lock(&self.config_errors).insert(path.to_path_buf(), has_error) != Some(has_error)
    }

    /// Drops every cached analysis (after a configuration change).
    pub fn invalidate(&self) {
        for doc in lock(&self.docs).values_mut() {
            doc.analyzed = None;
        }
    }
}
