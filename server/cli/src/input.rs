//! Reading articles from disk: bytes in, text and warnings out. Never panics on bad input.

use std::path::Path;

use copydesk_core::text::decode_lossy;

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
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
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
