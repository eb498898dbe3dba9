//! copydesk-core: the pure analysis library.
//!
//! Text and configuration in, plain data out. Offsets are byte offsets into the analysed text.
//! No I/O, no LSP types, no async: the CLI and the language server are thin layers over
//! [`analyze`].

pub mod analysis;
pub mod config;
pub mod entities;
pub mod ide;
pub mod kb;
pub mod position;
pub mod rules;
pub mod sourcing;
pub mod span;
pub mod text;
pub mod wordset;

pub use analysis::{analyze, Analysis};
pub use config::Config;
pub use entities::{Entity, EntityId, EntityType, Mention, MentionId, MentionKind};
pub use rules::{Finding, Fix, Severity, TextEdit};
pub use sourcing::{Attribution, SourceKind};
pub use span::Span;
