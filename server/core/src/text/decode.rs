//! Decoding article bytes: never fail, say when something was lost.

use std::borrow::Cow;

/// Decodes bytes as UTF-8 (dropping a BOM); invalid sequences become U+FFFD and a warning says how
/// many there were. A UTF-16 BOM is honoured.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_bytes_are_replaced_with_a_warning() {
        let (text, warning) = decode_lossy(b"Caf\xe9 Tehran");
        assert_eq!(text, "Caf\u{FFFD} Tehran");
        assert!(warning.unwrap().contains("1 invalid byte sequence"));
    }

    #[test]
    fn utf8_passes_through_and_bom_is_dropped() {
        let (text, warning) = decode_lossy("\u{FEFF}“Raisi”".as_bytes());
        assert_eq!(text, "“Raisi”");
        assert!(warning.is_none());
    }
}
