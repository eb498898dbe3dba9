//! Separating prose from everything else, without moving a single byte.
//!
//! The mask has the same length as the input; non-prose bytes become ASCII spaces (newlines are
//! kept so lines and paragraphs stay where they were). Analysis runs on the mask, so its offsets are
//! offsets into the original text.

use std::sync::LazyLock;

use memchr::memmem::Finder;
use regex::Regex;

use super::DocKind;

static URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:https?://|www\.)[^\s<>()\[\]]+").unwrap());
static INLINE_CODE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"`+[^`\n]*`+").unwrap());
static HTML_TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>").unwrap());
static LINK_TARGET: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\]\([^)\n]*\)").unwrap());
static REF_DEF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^ {0,3}\[[^\]\n]+\]:[^\n]*$").unwrap());
static LINE_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?m)^[ \t]*(?:#{1,6}[ \t]|>[ \t]?|[-*+][ \t]|\d{1,3}[.)][ \t]|(?:[-*_][ \t]*){3,}$)",
    )
    .unwrap()
});

/// The prose of `text`: HTML comments and URLs are blanked in every kind of file; Markdown also
/// loses front matter, code, HTML tags, link targets and syntax characters.
pub fn prose_mask(text: &str, kind: DocKind) -> String {
    // most plain-text articles have nothing to blank: a copy, with no UTF-8 check of the result
    if kind == DocKind::Plain && comment_start(text, 0).is_none() && !may_hold_url(text) {
        return text.to_owned();
    }
    let mut bytes = text.as_bytes().to_vec();
    blank_html_comments(text, &mut bytes);
    if kind == DocKind::Markdown {
        blank_front_matter_and_fences(text, &mut bytes);
        for re in [
            &*INLINE_CODE,
            &*HTML_TAG,
            &*LINK_TARGET,
            &*REF_DEF,
            &*LINE_MARKER,
        ] {
            for m in re.find_iter(text) {
                blank(&mut bytes, m.start(), m.end());
            }
        }
        for (i, b) in text.bytes().enumerate() {
            // `_` marks emphasis at a word boundary, not inside snake_case
            let emphasis = b == b'*'
                || b == b'_'
                    && (!is_word_byte(text, i.wrapping_sub(1)) || !is_word_byte(text, i + 1));
            if emphasis
                || b == b'|'
                || (b == b'[' || b == b']')
                || (b == b'!' && text.as_bytes().get(i + 1) == Some(&b'['))
            {
                bytes[i] = b' ';
            }
        }
    }
    if may_hold_url(text) {
        for m in URL.find_iter(text) {
            blank(&mut bytes, m.start(), m.end());
        }
    }
    // only whole ASCII-delimited ranges of valid UTF-8 were replaced by ASCII, so this holds
    String::from_utf8(bytes).expect("masking keeps UTF-8 valid")
}

/// Whether `text` has a `://` or a `www.` in any case, which every [`URL`] match contains. Most
/// articles have neither, and this is a few vectorized scans where the regex (case-insensitive,
/// anchored on a word boundary, so without a literal prefilter) walks every byte. A `www.` ends
/// in `w.` or `W.`, far rarer than a period.
fn may_hold_url(text: &str) -> bool {
    static SCHEME: LazyLock<Finder> = LazyLock::new(|| Finder::new("://"));
    static W_DOT: LazyLock<[Finder; 2]> = LazyLock::new(|| [Finder::new("w."), Finder::new("W.")]);
    let bytes = text.as_bytes();
    SCHEME.find(bytes).is_some()
        || W_DOT.iter().any(|f| {
            f.find_iter(bytes)
                .any(|i| i >= 2 && bytes[i - 2..i].eq_ignore_ascii_case(b"ww"))
        })
}

fn is_word_byte(text: &str, i: usize) -> bool {
    text.as_bytes()
        .get(i)
        .is_some_and(|b| b.is_ascii_alphanumeric() || *b >= 0x80)
}

fn blank(bytes: &mut [u8], start: usize, end: usize) {
    for b in &mut bytes[start..end] {
        if *b != b'\n' && *b != b'\r' {
            *b = b' ';
        }
    }
}

fn blank_html_comments(text: &str, bytes: &mut [u8]) {
    let mut from = 0;
    while let Some(start) = comment_start(text, from) {
        let end = text[start + 4..]
            .find("-->")
            .map_or(text.len(), |j| start + 4 + j + 3);
        blank(bytes, start, end);
        from = end;
    }
}

/// The next `<!--` from `from` on (a vectorized search: std's substring and byte searches
/// were a tenth of the text model's cost over a whole article).
pub(crate) fn comment_start(text: &str, from: usize) -> Option<usize> {
    static COMMENT: LazyLock<Finder> = LazyLock::new(|| Finder::new("<!--"));
    COMMENT.find(&text.as_bytes()[from..]).map(|i| from + i)
}

fn blank_front_matter_and_fences(text: &str, bytes: &mut [u8]) {
    let mut offset = 0;
    let mut fence: Option<&str> = None;
    let opens =
        text.starts_with("---\n") || text.starts_with("---\r\n") || text.starts_with("+++\n");
    // (the first three bytes, when they are whole characters: they matter only after `---`)
    let front_delim = text.get(..3).unwrap_or_default();
    let closes = |line: &str| {
        let t = line.trim_end();
        t == front_delim || t == "..."
    };
    // front matter needs its closing line: without one, an opening `---` is a thematic break
    // and the article follows it
    let mut front = opens && text.split_inclusive('\n').skip(1).any(closes);
    let mut first = true;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let trimmed = line.trim_end();
        if front {
            blank(bytes, start, offset);
            if !first && closes(line) {
                front = false;
            }
            first = false;
            continue;
        }
        let t = trimmed.trim_start();
        let indent = trimmed.len() - t.len();
        match fence {
            Some(open) => {
                blank(bytes, start, offset);
                if t.starts_with(open)
                    && t.trim_start_matches(open.chars().next().unwrap())
                        .is_empty()
                {
                    fence = None;
                }
            }
            None if indent <= 3 && (t.starts_with("```") || t.starts_with("~~~")) => {
                let ch = t.chars().next().unwrap();
                let n = t.chars().take_while(|&c| c == ch).count();
                fence = Some(&t[..n]);
                blank(bytes, start, offset);
            }
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_syntax_code_and_front_matter_are_blanked_in_place() {
        let md = "---\ntitle: x\n---\n# Raisi in *Beijing*\n\n```\ncode Here\n```\nSee [the report](https://x.org/a) and `Foo`.\n<!-- copydesk-disable -->\n";
        let m = prose_mask(md, DocKind::Markdown);
        assert_eq!(m.len(), md.len());
        assert_eq!(
            m,
            "   \n        \n   \n  Raisi in  Beijing \n\n   \n         \n   \nSee  the report                   and      .\n                         \n"
        );
    }

    #[test]
    fn urls_without_a_scheme_are_found_in_any_case() {
        let t = "See WWW.Example.org/a or www.x.com. Not aww.";
        assert_eq!(
            prose_mask(t, DocKind::Plain),
            "See                   or            Not aww."
        );
        assert!(!may_hold_url("U.S. officials said. www"));
    }

    #[test]
    fn plain_text_keeps_everything_but_comments_and_urls() {
        let t = "Raisi said (https://t.co/x). <!-- note -->“Yes.”";
        assert_eq!(
            prose_mask(t, DocKind::Plain),
            "Raisi said (              ).              “Yes.”"
        );
    }

    #[test]
    fn an_opening_rule_with_no_closing_line_is_no_front_matter() {
        let md = "---\nRaisi said the talks would resume.\n";
        assert_eq!(
            prose_mask(md, DocKind::Markdown),
            "   \nRaisi said the talks would resume.\n"
        );
    }

    #[test]
    fn a_text_opening_with_a_multibyte_character_is_no_front_matter() {
        // (its third byte falls inside the character: this used to panic)
        let t = "Fo\u{200b}rmer mayor sentenced\n\nCAMDEN, N.J. — A judge";
        assert_eq!(prose_mask(t, DocKind::Markdown), t);
    }
}
