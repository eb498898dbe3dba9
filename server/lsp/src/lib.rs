//! copydesk-lsp: the language server, a thin layer over copydesk-core.
