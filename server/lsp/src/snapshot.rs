//! A frozen, analysed version of one document: what every request and diagnostic reads.

use std::path::PathBuf;

use copydesk_core::position::{Encoding, LineCol, LineIndex};
use copydesk_core::{Analysis, Config, Span};
use tower_lsp_server::ls_types::{Position, Range, Uri};

use crate::config::ProjectConfig;

pub struct Snapshot {
    pub uri: Uri,
    pub path: Option<PathBuf>,
    pub version: i32,
    pub rev: u64,
    pub text: String,
    pub index: LineIndex,
    pub enc: Encoding,
    pub project: ProjectConfig,
    /// The effective configuration: project file, overrides for this path, client settings.
    pub config: Config,
    /// The project's `ignore` globs exclude this document: no diagnostics.
    pub ignored: bool,
    pub inlay_hints: bool,
    pub analysis: Analysis,
}

impl Snapshot {
    pub fn lines(&self) -> Lines<'_> {
        Lines {
            text: &self.text,
            index: &self.index,
            enc: self.enc,
        }
    }
    pub fn range(&self, span: Span) -> Range {
        self.lines().range(span)
    }
    pub fn position(&self, offset: usize) -> Position {
        self.lines().position(offset)
    }
    pub fn offset(&self, pos: Position) -> usize {
        self.lines().offset(pos)
    }
}

/// LSP positions of one text in the negotiated encoding; all arithmetic is
/// `copydesk_core::position`'s.
#[derive(Clone, Copy)]
pub struct Lines<'a> {
    pub text: &'a str,
    pub index: &'a LineIndex,
    pub enc: Encoding,
}

impl Lines<'_> {
    pub fn position(&self, offset: usize) -> Position {
        let lc = self.index.position(self.text, offset, self.enc);
        Position::new(lc.line, lc.col)
    }
    pub fn range(&self, span: Span) -> Range {
        Range::new(self.position(span.start), self.position(span.end))
    }
    pub fn offset(&self, pos: Position) -> usize {
        let lc = LineCol {
            line: pos.line,
            col: pos.character,
        };
        self.index.offset(self.text, lc, self.enc)
    }
    pub fn span(&self, range: Range) -> Span {
        let start = self.offset(range.start);
        Span::new(start, self.offset(range.end).max(start))
    }
}
