//! Reading articles from disk: bytes in, text and warnings out. Never panics on bad input.

use std::io::Read;
use std::path::Path;

use copydesk_core::text::decode_lossy;
use serde::Deserialize;

/// An article read from disk.
pub struct Article {
    pub text: String,
    /// Decoding problems worth telling the user about.
    pub warning: Option<String>,
}

/// Files larger than this are refused: they are not articles.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

pub fn read_article(path: &Path) -> Result<Article, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if meta.is_dir() {
        return Err(format!("{}: is a directory", path.display()));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(format!(
            "{}: {} bytes is larger than the {} MB limit",
            path.display(),
            meta.len(),
            MAX_FILE_BYTES >> 20
        ));
    }
    // (read through a cap: a device or a pipe says nothing of its length, and /dev/zero never ends)
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| format!("{}: {e}", path.display()))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(format!(
            "{}: larger than the {} MB limit",
            path.display(),
            MAX_FILE_BYTES >> 20
        ));
    }
    if looks_binary(&bytes) {
        return Err(format!(
            "{}: binary file (contains NUL bytes), skipped",
            path.display()
        ));
    }
    let (text, warning) = decode_lossy(&bytes);
    Ok(Article {
        text: text.into_owned(),
        warning: warning.map(|w| format!("{}: {w}", path.display())),
    })
}

/// NUL bytes in the first 8 KB mark a binary file (as git does), unless it is UTF-16 with a BOM.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    let utf16 = head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]);
    !utf16 && head.contains(&0)
}

/// One line of a JSON Lines input of articles.
#[derive(Deserialize)]
pub struct InDoc {
    pub id: serde_json::Value,
    pub text: String,
}

/// Line `n` of the JSON Lines input `label` as a document, or a message naming the line when it
/// is not one.
pub fn decode_line(label: &str, n: usize, line: &str) -> Result<InDoc, String> {
    serde_json::from_str(line)
        .map_err(|e| format!("{label}:{n}: not a {{\"id\", \"text\"}} object: {e}"))
}

/// The non-blank lines of a JSON Lines input, each with its 1-based number, read as bytes so
/// that a line that is not UTF-8 comes in its place as a message naming it (`LABEL:N: not
/// UTF-8 text: …`) and the lines after it still come. Reading stops at the first I/O error,
/// kept in `error` with the number of the line it hit.
pub struct JsonLines<R> {
    reader: R,
    label: String,
    line: Vec<u8>,
    n: usize,
    pub error: Option<(usize, std::io::Error)>,
}

impl<R: std::io::BufRead> JsonLines<R> {
    /// Lines of `reader`; `label` names the input in messages ("stdin", a path).
    pub fn new(reader: R, label: impl Into<String>) -> JsonLines<R> {
        JsonLines {
            reader,
            label: label.into(),
            line: Vec::new(),
            n: 0,
            error: None,
        }
    }
}

impl<R> JsonLines<R> {
    /// The line read, without the byte-order mark that Windows tools put before the first one
    /// (JSON parsers may ignore it, and it is no part of the document).
    fn unmarked(&self) -> &[u8] {
        match self.line.strip_prefix(b"\xEF\xBB\xBF") {
            Some(rest) if self.n == 1 => rest,
            _ => &self.line,
        }
    }
}

impl<R: std::io::BufRead> Iterator for JsonLines<R> {
    type Item = (usize, Result<String, String>);

    fn next(&mut self) -> Option<Self::Item> {
        while self.error.is_none() {
            self.line.clear();
            self.n += 1;
            match self.reader.read_until(b'\n', &mut self.line) {
                Ok(0) => return None,
                Err(e) => self.error = Some((self.n, e)),
                Ok(_) => match std::str::from_utf8(self.unmarked()) {
                    Ok(line) if line.trim().is_empty() => {}
                    Ok(line) => return Some((self.n, Ok(line.to_owned()))),
                    Err(e) => {
                        let message = format!("{}:{}: not UTF-8 text: {e}", self.label, self.n);
                        return Some((self.n, Err(message)));
                    }
                },
            }
        }
        None
    }
}
