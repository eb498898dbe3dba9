//! End-to-end tests of `copydesk lsp`: the real binary over stdio, a plain JSON-RPC client.
//! Run with `cargo test -p copydesk --test lsp`.

#[path = "lsp/support.rs"]
mod support;

#[path = "lsp/fixture.rs"]
mod fixture;

#[path = "lsp/protocol.rs"]
mod protocol;

#[path = "lsp/features.rs"]
mod features;

#[path = "lsp/edits.rs"]
mod edits;

#[path = "lsp/workspace.rs"]
mod workspace;
