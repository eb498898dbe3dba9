//! copydesk-lsp: the language server, a thin layer over copydesk-core.
//!
//! Shape (see shared/STYLE.md §4): `did_open`/`did_change`/`did_close` mutate documents
//! synchronously under a plain mutex in arrival order; every request and every analysis runs on
//! a frozen [`snapshot::Snapshot`] in `spawn_blocking`, so a panic becomes an error response and
//! a slow analysis never blocks edits. Logs go to stderr; stdout is the protocol.

mod backend;
mod config;
mod documents;
mod features;
mod settings;
mod snapshot;
mod state;
mod workspace;

use std::process::ExitCode;
use std::sync::atomic::Ordering;

use tower_lsp_server::{LspService, Server};

use backend::Backend;

/// Serves the protocol on stdin/stdout until `exit`. Exit code 0 when `shutdown` came first
/// (as the specification asks), 1 otherwise.
pub fn run_stdio() -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("copydesk lsp: cannot start the runtime: {e}");
            return ExitCode::from(2);
        }
    };
    let clean = runtime.block_on(async {
        let (service, socket) = LspService::build(Backend::new)
            .custom_method("copydesk/entities", Backend::entities)
            .custom_method("copydesk/documentInfo", Backend::document_info)
            .finish();
        let state = service.inner().state.clone();
        Server::new(tokio::io::stdin(), tokio::io::stdout(), socket)
            .serve(service)
            .await;
        state.shutdown.load(Ordering::SeqCst)
    });
    // Background indexing may still hold blocking threads: do not wait for them.
    runtime.shutdown_background();
    if clean {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
