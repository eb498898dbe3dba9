//! Decoding article bytes: never fail, say when something was lost.

use std::borrow::Cow;

/// Decodes bytes as UTF-8 (dropping a BOM), with a warning when they are not. A UTF-16 BOM is
/// honoured. Bytes with no valid multi-byte UTF-8 sequence at all are an older 8-bit encoding,
/// read as Windows-1252 (Latin-1 and its smart quotes: what Western newsroom systems and
/// Windows editors wrote); otherwise invalid sequences become U+FFFD and the warning counts them.
pub fn decode_lossy(bytes: &[u8]) -> (Cow<'_, str>, Option<String>) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return decode_lossy(rest);
    }
    if bytes.len() >= 2 && (bytes[..2] == [0xFF, 0xFE] || bytes[..2] == [0xFE, 0xFF]) {
        let le = bytes[0] == 0xFF;
        let units: Vec<u16> = bytes[2..]
            .chunks_exact(2)
            .map(|c| {
                if le {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            })
            .collect();
        let text = String::from_utf16_lossy(&units);
        return (
            Cow::Owned(text),
            Some("decoded as UTF-16 (byte-order mark found)".to_string()),
        );
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (Cow::Borrowed(s), None),
        Err(_) if !has_utf8_sequence(bytes) => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            (
                text,
                Some("not valid UTF-8: decoded as Windows-1252 (Latin-1)".to_string()),
            )
        }
        Err(_) => {
            let text = String::from_utf8_lossy(bytes).into_owned();
            let bad = text.chars().filter(|&c| c == '\u{FFFD}').count();
            (
                Cow::Owned(text),
                Some(format!(
                    "not valid UTF-8: {bad} invalid byte sequence(s) replaced by U+FFFD"
                )),
            )
        }
    }
}

/// Whether `bytes` hold at least one valid multi-byte UTF-8 character.
fn has_utf8_sequence(bytes: &[u8]) -> bool {
    bytes.utf8_chunks().any(|chunk| !chunk.valid().is_ascii())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_and_windows_1252_bytes_are_read_as_such_with_a_warning() {
        let (text, warning) = decode_lossy(b"Caf\xe9 owner Jos\xe9 said \x93no\x94 \x96 twice");
        assert_eq!(text, "Café owner José said “no” – twice");
        assert!(warning.unwrap().contains("Windows-1252"));
    }

    #[test]
    fn damaged_utf8_is_replaced_with_a_warning() {
        let bytes = ["Café \u{201c}".as_bytes(), b"\xe9"].concat();
        let (text, warning) = decode_lossy(&bytes);
        assert_eq!(text, "Café \u{201c}\u{FFFD}");
        assert!(warning.unwrap().contains("1 invalid byte sequence"));
    }

    #[test]
    fn utf8_passes_through_and_bom_is_dropped() {
        let (text, warning) = decode_lossy("\u{FEFF}“Raisi”".as_bytes());
        assert_eq!(text, "“Raisi”");
        assert!(warning.is_none());
    }
}
