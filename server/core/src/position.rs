//! The one place where byte offsets become line/column positions and back.
//!
//! Internally everything is a byte offset. Editors speak in lines and columns counted in UTF-16
//! code units (the LSP default) or UTF-8 bytes (when negotiated); the exchange format counts
//! Unicode code points. A [`LineIndex`] is built once per text version and answers all three.
//! Lines end at `\n`; a `\r` before it belongs to the line ending, so CRLF survives round trips.

/// How columns are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
    /// Unicode scalar values (what Python's `str` indexes and the exchange format use).
    CodePoint,
}

/// A zero-based line and column, the column counted in some [`Encoding`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: u32,
    pub col: u32,
}

/// Line starts of one text, for offset → position conversion in O(log lines) and position →
/// offset in O(log lines + column).
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    len: usize,
    ascii: bool,
    /// For a text that is not all ASCII, the characters counted every [`CHECKPOINT`] bytes: a
    /// column is then counted from the nearest checkpoint, not from the start of its line (a
    /// scraped article can be one line of many kilobytes with thousands of findings on it).
    checkpoints: Vec<Checkpoint>,
}

/// Bytes between two [`Checkpoint`]s.
const CHECKPOINT: usize = 256;

/// The code points and UTF-16 units before `byte`, the char boundary at or just before a
/// multiple of [`CHECKPOINT`].
#[derive(Debug, Clone, Copy)]
struct Checkpoint {
    byte: usize,
    code_points: usize,
    utf16: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut line_starts = vec![0];
        line_starts.extend(memchr_newlines(text).map(|i| i + 1));
        let ascii = text.is_ascii();
        LineIndex {
            line_starts,
            len: text.len(),
            ascii,
            checkpoints: if ascii { Vec::new() } else { checkpoints(text) },
        }
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// Byte offset where `line` starts (clamped to the text).
    pub fn line_start(&self, line: u32) -> usize {
        self.line_starts
            .get(line as usize)
            .copied()
            .unwrap_or(self.len)
    }

    /// Byte range of `line` without its line ending.
    pub fn line_span(&self, text: &str, line: u32) -> (usize, usize) {
        let start = self.line_start(line);
        let mut end = self.line_start(line + 1);
        if end > start && text.as_bytes().get(end - 1) == Some(&b'\n') {
            end -= 1;
            if end > start && text.as_bytes()[end - 1] == b'\r' {
                end -= 1;
            }
        }
        (start, end.max(start))
    }

    /// Position of a byte offset. Offsets inside a character are moved to its start; offsets past
    /// the end are clamped.
    pub fn position(&self, text: &str, offset: usize, enc: Encoding) -> LineCol {
        let offset = floor_char_boundary(text, offset.min(self.len));
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let col = if self.ascii || enc == Encoding::Utf8 {
            offset - start
        } else {
            self.units_before(text, offset, enc) - self.units_before(text, start, enc)
        };
        LineCol {
            line: line as u32,
            col: col as u32,
        }
    }

    /// Byte offset of a position. A column past the end of its line is clamped to the line end
    /// (before the line ending); a column inside a character (half a surrogate pair) moves to the
    /// character's start; a line past the end gives the end of the text.
    pub fn offset(&self, text: &str, pos: LineCol, enc: Encoding) -> usize {
        if pos.line as usize >= self.line_starts.len() {
            return self.len;
        }
        let (start, end) = self.line_span(text, pos.line);
        let want = pos.col as usize;
        if self.ascii || enc == Encoding::Utf8 {
            return floor_char_boundary(text, (start + want).min(end));
        }
        let mut units = 0;
        for (i, c) in text[start..end].char_indices() {
            let w = match enc {
                Encoding::Utf16 => c.len_utf16(),
                _ => 1,
            };
            if units + w > want {
                return start + i;
            }
            units += w;
        }
        end
    }
}

impl LineIndex {
    /// The units of `enc` before byte `offset` (a char boundary) of a text that is not all
    /// ASCII: those before the checkpoint behind it, and the few characters after that.
    fn units_before(&self, text: &str, offset: usize, enc: Encoding) -> usize {
        let c = self.checkpoints[(offset / CHECKPOINT).min(self.checkpoints.len() - 1)];
        let rest = &text[c.byte..offset];
        match enc {
            Encoding::Utf8 => offset,
            Encoding::Utf16 => c.utf16 + rest.chars().map(char::len_utf16).sum::<usize>(),
            Encoding::CodePoint => c.code_points + rest.chars().count(),
        }
    }
}

/// The [`Checkpoint`]s of `text`: the first at 0, then one every [`CHECKPOINT`] bytes.
fn checkpoints(text: &str) -> Vec<Checkpoint> {
    let mut out = Vec::with_capacity(text.len() / CHECKPOINT + 1);
    let mut c = Checkpoint {
        byte: 0,
        code_points: 0,
        utf16: 0,
    };
    out.push(c);
    for k in (CHECKPOINT..text.len()).step_by(CHECKPOINT) {
        let byte = floor_char_boundary(text, k);
        for ch in text[c.byte..byte].chars() {
            c.code_points += 1;
            c.utf16 += ch.len_utf16();
        }
        c.byte = byte;
        out.push(c);
    }
    out
}

/// Offsets of the `\n`s of `text`, found by a vectorized memchr (a byte-by-byte filter was two
/// percent of a lint run).
fn memchr_newlines(text: &str) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr_iter(b'\n', text.as_bytes())
}

/// The largest char boundary ≤ `offset`.
pub fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    if offset >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Converts byte offsets to code-point offsets for many monotone or random queries in O(log n):
/// the exchange format counts code points.
#[derive(Debug, Clone)]
pub struct CodePointIndex {
    /// (byte offset, code-point offset) at every non-ASCII char boundary, sorted.
    marks: Vec<(usize, usize)>,
}

impl CodePointIndex {
    pub fn new(text: &str) -> CodePointIndex {
        let mut marks = Vec::new();
        let mut extra = 0; // bytes beyond one per char so far
        let bytes = text.as_bytes();
        let mut i = 0;
        // byte by byte: news text is mostly ASCII, and a lead byte gives the char's length
        while i < bytes.len() {
            // eight ASCII bytes at a time: no marks among them
            if let Some(chunk) = bytes.get(i..i + 8) {
                let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
                if word & 0x8080_8080_8080_8080 == 0 {
                    i += 8;
                    continue;
                }
            }
            let l = match bytes[i] {
                0..0x80 => 1,
                0xF0.. => 4,
                0xE0.. => 3,
                _ => 2,
            };
            if l > 1 {
                extra += l - 1;
                marks.push((i + l, i + l - extra));
            }
            i += l;
        }
        CodePointIndex { marks }
    }

    pub fn to_code_points(&self, byte: usize) -> usize {
        let k = self.marks.partition_point(|&(b, _)| b <= byte);
        if k == 0 {
            byte
        } else {
            let (b, c) = self.marks[k - 1];
            c + (byte - b)
        }
    }

    pub fn to_bytes(&self, cp: usize) -> usize {
        let k = self.marks.partition_point(|&(_, c)| c <= cp);
        if k == 0 {
            cp
        } else {
            let (b, c) = self.marks[k - 1];
            b + (cp - c)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLES: &[&str] = &[
        "“Naïve,” he said.\r\nThen 北京 👍🏽 replied.\n",
        "plain ascii\nsecond line",
        "",
        "\r\n\r\n",
        "👍🏽👍🏽\nx",
    ];

    #[test]
    fn round_trips_every_char_boundary_in_every_encoding() {
        for text in SAMPLES {
            let idx = LineIndex::new(text);
            for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::CodePoint] {
                for (off, _) in text.char_indices().chain([(text.len(), ' ')]) {
                    let pos = idx.position(text, off, enc);
                    let back = idx.offset(text, pos, enc);
                    // the '\n' of a CRLF is the only boundary not reachable as a column
                    if text[..off].ends_with('\r') && text[off..].starts_with('\n') {
                        assert_eq!(back, off - 1, "{text:?} {off} {enc:?}");
                    } else {
                        assert_eq!(back, off, "{text:?} {off} {enc:?} {pos:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn utf16_columns_count_surrogate_pairs_and_curly_quotes() {
        let text = "“Naïve,” he said.\r\nThen 北京 👍🏽 replied.\n";
        let idx = LineIndex::new(text);
        let he = text.find("he").unwrap();
        assert_eq!(
            idx.position(text, he, Encoding::Utf16),
            LineCol { line: 0, col: 9 }
        );
        assert_eq!(
            idx.position(text, he, Encoding::Utf8),
            LineCol { line: 0, col: 14 }
        );
        let replied = text.find("replied").unwrap();
        // "Then 北京 " = 8 units, "👍🏽" = 4 units, " " = 1
        assert_eq!(
            idx.position(text, replied, Encoding::Utf16),
            LineCol { line: 1, col: 13 }
        );
        assert_eq!(
            idx.position(text, replied, Encoding::CodePoint),
            LineCol { line: 1, col: 11 }
        );
        // a column in the middle of a surrogate pair lands on the emoji's start
        let thumbs = text.find('👍').unwrap();
        assert_eq!(
            idx.offset(text, LineCol { line: 1, col: 9 }, Encoding::Utf16),
            thumbs
        );
        // columns past the end of a CRLF line clamp before the '\r'
        assert_eq!(
            idx.offset(text, LineCol { line: 0, col: 99 }, Encoding::Utf16),
            text.find('\r').unwrap()
        );
        assert_eq!(
            idx.offset(text, LineCol { line: 9, col: 0 }, Encoding::Utf16),
            text.len()
        );
    }

    #[test]
    fn columns_on_a_long_line_count_from_checkpoints_as_from_the_line_start() {
        // a line spanning many checkpoints, with characters of every width across their edges
        let line: String = (0..300)
            .map(|i| ["a", "é", "北", "👍🏽", " "][i % 5])
            .collect();
        let text = format!("first “line”\n{line}\n{line}");
        let idx = LineIndex::new(&text);
        for (off, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let start = idx.line_start(idx.position(&text, off, Encoding::Utf8).line);
            let before = &text[start..off];
            assert_eq!(
                idx.position(&text, off, Encoding::Utf16).col as usize,
                before.chars().map(char::len_utf16).sum::<usize>()
            );
            assert_eq!(
                idx.position(&text, off, Encoding::CodePoint).col as usize,
                before.chars().count()
            );
        }
    }

    #[test]
    fn code_point_index_matches_char_counts() {
        for text in SAMPLES {
            let cpi = CodePointIndex::new(text);
            for (off, _) in text.char_indices().chain([(text.len(), ' ')]) {
                let cp = text[..off].chars().count();
                assert_eq!(cpi.to_code_points(off), cp);
                assert_eq!(cpi.to_bytes(cp), off);
            }
        }
    }
}
