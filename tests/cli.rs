//! End-to-end tests of `copydesk lint`, `annotate`, `rules`, `explain` and `init`: the real binary on real
//! files. Run with `cargo test -p copydesk --test cli`. Schema checks need `python3` with the
//! `jsonschema` package.

#[path = "cli/support.rs"]
mod support;

#[path = "cli/formats.rs"]
mod formats;

#[path = "cli/exit_codes.rs"]
mod exit_codes;

#[path = "cli/config.rs"]
mod config;

#[path = "cli/inputs.rs"]
mod inputs;

#[path = "cli/bad_input.rs"]
mod bad_input;

#[path = "cli/suppress.rs"]
mod suppress;

#[path = "cli/registry.rs"]
mod registry;

#[path = "cli/annotate.rs"]
mod annotate;
