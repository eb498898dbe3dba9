//! Open documents as ropes, edited incrementally in arrival order.

use std::borrow::Cow;
use std::sync::Arc;

use copydesk_core::position::{Encoding, LineCol, LineIndex};
use copydesk_core::text::DocKind;
use ropey::Rope;
use tower_lsp_server::ls_types::{Position, TextDocumentContentChangeEvent};

use crate::snapshot::Snapshot;

/// One open document. `rev` counts every change the server applied, so a snapshot can tell it is
/// stale even when a client reuses a version number.
pub struct OpenDoc {
    pub rope: Rope,
    pub version: i32,
    pub rev: u64,
    pub kind: DocKind,
    /// The latest analysis, possibly of an older `rev`.
    pub analyzed: Option<Arc<Snapshot>>,
}

impl OpenDoc {
    pub fn new(text: &str, version: i32, kind: DocKind) -> OpenDoc {
        OpenDoc {
            rope: Rope::from_str(text),
            version,
            rev: 0,
            kind,
            analyzed: None,
        }
    }

    /// Applies a batch of changes in order. Versions only go up: a non-increasing version is
    /// logged and the edit still applied (the edits themselves arrive in order).
    pub fn apply(
        &mut self,
        version: i32,
        changes: Vec<TextDocumentContentChangeEvent>,
        enc: Encoding,
    ) {
        if version <= self.version {
            eprintln!(
                "copydesk lsp: version went from {} to {version}; applying the edit anyway",
                self.version
            );
        }
        for change in changes {
            match change.range {
                Some(range) => {
                    let start = self.char_index(range.start, enc);
                    let end = self.char_index(range.end, enc).max(start);
                    self.rope.remove(start..end);
                    self.rope.insert(start, &change.text);
                }
                None => self.rope = Rope::from_str(&change.text),
            }
        }
        self.version = self.version.max(version);
        self.rev += 1;
    }

    /// The rope char index of an LSP position. Lines come from the rope (LF-only, like
    /// `LineIndex`); the column is converted by `copydesk_core::position` on that one line.
    fn char_index(&self, pos: Position, enc: Encoding) -> usize {
        let line = pos.line as usize;
        if line >= self.rope.len_lines() {
            return self.rope.len_chars();
        }
        let text: Cow<str> = self.rope.line(line).into();
        let byte = LineIndex::new(&text).offset(
            &text,
            LineCol {
                line: 0,
                col: pos.character,
            },
            enc,
        );
        self.rope.line_to_char(line) + text[..byte].chars().count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower_lsp_server::ls_types::Range;

    fn change(l0: u32, c0: u32, l1: u32, c1: u32, text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: Some(Range::new(Position::new(l0, c0), Position::new(l1, c1))),
            range_length: None,
            text: text.into(),
        }
    }

    #[test]
    fn utf16_edits_after_emoji_curly_quotes_and_crlf() {
        let mut doc = OpenDoc::new("“Hi,” 👍🏽 said Raisi.\r\nnaïve 北京\r\n", 1, DocKind::Plain);
        // "said" starts at UTF-16 column 11: “Hi,” is 5 units, a space, 👍🏽 is 4 units, a space
        doc.apply(2, vec![change(0, 11, 0, 15, "told")], Encoding::Utf16);
        doc.apply(3, vec![change(1, 6, 1, 8, "Beijing")], Encoding::Utf16);
        // a column past the line end stays before the CRLF
        doc.apply(4, vec![change(1, 99, 1, 99, "!")], Encoding::Utf16);
        assert_eq!(
            doc.rope.to_string(),
            "“Hi,” 👍🏽 told Raisi.\r\nnaïve Beijing!\r\n"
        );
        assert_eq!((doc.version, doc.rev), (4, 3));
    }

    #[test]
    fn utf8_columns_count_bytes() {
        let mut doc = OpenDoc::new("naïve x", 1, DocKind::Plain);
        doc.apply(2, vec![change(0, 7, 0, 8, "y")], Encoding::Utf8);
        assert_eq!(doc.rope.to_string(), "naïve y");
    }
}
