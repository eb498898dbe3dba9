//! End-to-end tests: lsp (see the modules under tests/lsp/).
