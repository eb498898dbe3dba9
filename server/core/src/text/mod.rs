//! The text model: the article's prose as paragraphs, sentences and tokens with byte offsets.

mod decode;
mod markdown;
mod sentences;
mod tokens;

pub use decode::decode_lossy;
pub(crate) use markdown::comment_start;
pub use markdown::prose_mask;
pub use sentences::{Paragraph, Sentence};
pub use tokens::is_camel_brand;
pub use tokens::{Token, TokenKind};

use std::borrow::Cow;

use crate::span::Span;

/// What kind of file the text comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DocKind {
    #[default]
    Plain,
    Markdown,
}

impl DocKind {
    /// Guesses the kind from a file name or URI.
    pub fn from_path(path: &str) -> DocKind {
        let lower = path.to_ascii_lowercase();
        if [".md", ".markdown", ".mdx", ".mkd"]
            .iter()
            .any(|e| lower.ends_with(e))
        {
            DocKind::Markdown
        } else {
            DocKind::Plain
        }
    }
}

/// The tokenized article. `prose` has the same length as the original text, with everything that
/// is not prose (Markdown syntax, code, front matter, HTML, link targets) blanked out, so every
/// offset into it is an offset into the original.
#[derive(Debug, Clone)]
pub struct Document {
    pub prose: String,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    pub paragraphs: Vec<Paragraph>,
    /// The prose with ASCII letters lower-cased, followed by the lower-case forms of the tokens
    /// that are not ASCII; token `i`'s form is `lower[lower_spans[i]]`. Built once: every stage
    /// compares lower-cased words many times over.
    lower: String,
    lower_spans: Vec<Span>,
}

impl Document {
    pub fn new(text: &str, kind: DocKind) -> Document {
        let prose = prose_mask(text, kind);
        let (tokens, non_ascii) = tokens::tokenize(&prose);
        let (paragraphs, sentences) = sentences::split(&prose, &tokens);
        let (lower, lower_spans) = lower_forms(&prose, &tokens, &non_ascii);
        Document {
            prose,
            tokens,
            sentences,
            paragraphs,
            lower,
            lower_spans,
        }
    }

    /// Token `i` lower-cased, with `’` as `'` ("Khamenei’s" → "khamenei's").
    pub fn lower(&self, i: usize) -> &str {
        self.lower_spans[i].text(&self.lower)
    }

    /// Token `i` lower-cased like `str::to_lowercase` (a quote or apostrophe kept as written):
    /// borrowed from the lower-cased prose when the token is ASCII, as nearly all are, which its
    /// lower-case form's span says without a look at its bytes (only tokens with other
    /// characters have a span of their own, after the prose's).
    pub fn lower_token(&self, i: usize) -> Cow<'_, str> {
        let span = self.tokens[i].span;
        if self.lower_spans[i] == span {
            Cow::Borrowed(span.text(&self.lower))
        } else {
            Cow::Owned(span.text(&self.prose).to_lowercase())
        }
    }

    /// The text of `span` lower-cased like `str::to_lowercase` (quotes and apostrophes kept as
    /// written): borrowed from the lower-cased prose when the span is ASCII, as it almost always is.
    pub fn lower_text(&self, span: Span) -> Cow<'_, str> {
        let text = span.text(&self.prose);
        if text.is_ascii() {
            Cow::Borrowed(span.text(&self.lower))
        } else {
            Cow::Owned(text.to_lowercase())
        }
    }

    pub fn token_text(&self, i: usize) -> &str {
        self.tokens[i].span.text(&self.prose)
    }

    /// A US lawmaker's party and state set off after the name ("Sen. Ted Cruz (R-Texas)",
    /// "John Thune, R-S.D.,", "D-N.Y."), starting at token `i`: the index after its last token.
    /// It names neither an organization nor a place of its own.
    pub fn party_tag_end(&self, i: usize) -> Option<usize> {
        // ("R-Texas", "D-Mich", "R-S" of "R-S.D."; asked of every capitalised word opening a
        // name, so single bytes first)
        let bytes = self.prose.as_bytes();
        let (t, prev) = (
            self.tokens[i].span,
            i.checked_sub(1).map(|p| self.tokens[p].span),
        );
        if !prev.is_some_and(|p| p.len() == 1 && matches!(bytes[p.start], b',' | b'('))
            || t.len() < 3
            || !matches!(bytes[t.start], b'R' | b'D' | b'I')
            || bytes[t.start + 1] != b'-'
            || !bytes[t.start + 2].is_ascii_uppercase()
            || self.tokens[i].kind != TokenKind::Word
        {
            return None;
        }
        // the rest of a state written with periods: "R-S" "." "D." ("R-S.D.")
        let mut e = i + 1;
        while e < self.tokens.len() && !self.tokens[e].space_before {
            let w = self.token_text(e);
            let letter = w.len() <= 2 && w.starts_with(|c: char| c.is_ascii_uppercase());
            if w != "." && !letter {
                break;
            }
            e += 1;
        }
        // and the rest of a city of two or three words: "D-San Antonio", "R-Fort Worth"
        let mut city = e;
        while city < self.tokens.len()
            && city - e < 2
            && self.tokens[city].kind == TokenKind::Word
            && self
                .token_text(city)
                .starts_with(|c: char| c.is_uppercase())
        {
            city += 1;
        }
        // (or the sentence: "said Sen. Maria Lopez, D-Tucson. She …", "R-S.D. She …")
        let closes = |e: usize| {
            self.tokens.get(e).is_none_or(|t| {
                matches!(self.token_text(e), "," | ")" | "." | ";")
                    || t.space_before && self.token_text(e - 1).ends_with('.')
            })
        };
        if city > e && closes(city) {
            e = city;
        }
        let closed = closes(e);
        closed.then_some(e)
    }

    /// The dash ending the dateline that opens sentence `s`, if one does: "HALIFAX, Nova Scotia
    /// (AP) —", a place in capitals, then a region, a date and an agency in a few capitalised
    /// words, numbers and marks; or a live report's time stamp, "9:58 a.m. JST —".
    pub fn dateline_dash(&self, s: &Sentence) -> Option<usize> {
        let tokens = &self.tokens;
        let start = s.tokens.start;
        if s.tokens.len() < 3 {
            return None;
        }
        // the place in capitals: "HALIFAX", "ST. JOHN'S"
        let w = self.token_text(start);
        let shouted = tokens[start].kind == TokenKind::Word
            && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !w.chars().any(char::is_lowercase);
        if !shouted {
            return self.time_stamp_dash(s);
        }
        // (and a date: "WASHINGTON, June 24 (UPI) —")
        let dash = (start + 1..s.tokens.end.min(start + 12)).find(|&i| {
            let t = &tokens[i];
            t.kind == TokenKind::Dash
                || !(t.kind == TokenKind::Word && t.upper
                    || t.kind == TokenKind::Number
                    || matches!(self.token_text(i), "," | "." | "(" | ")"))
        })?;
        (tokens[dash].kind == TokenKind::Dash && dash + 1 < s.tokens.end).then_some(dash)
    }

    /// The dash after a time that opens sentence `s`: "9:58 a.m. —", "14:30 GMT —".
    fn time_stamp_dash(&self, s: &Sentence) -> Option<usize> {
        let start = s.tokens.start;
        let is_time_word = |i: usize| {
            let w = self.token_text(i);
            matches!(w, ":" | "." | "a.m." | "p.m." | "am" | "pm" | "AM" | "PM")
                || self.tokens[i].kind == TokenKind::Number
                || self.tokens[i].upper && w.len() <= 4
        };
        if self.tokens[start].kind != TokenKind::Number {
            return None;
        }
        let dash = (start + 1..s.tokens.end.min(start + 7)).find(|&i| !is_time_word(i))?;
        // (a clock's colon or a.m. makes the number a time, not "2016 — the year")
        let clock = (start..dash).any(|i| {
            let w = self.token_text(i);
            w.contains(':') || w.ends_with(".m.")
        });
        (clock && self.tokens[dash].kind == TokenKind::Dash && dash + 1 < s.tokens.end)
            .then_some(dash)
    }

    /// Index of the sentence containing byte `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= offset);
        (i < self.sentences.len() && self.sentences[i].span.start <= offset).then_some(i)
    }

    /// Index of the first token whose span ends after `offset`.
    pub fn token_at_or_after(&self, offset: usize) -> usize {
        self.tokens.partition_point(|t| t.span.end <= offset)
    }

    pub fn text_of(&self, span: Span) -> &str {
        span.text(&self.prose)
    }
}

/// The ASCII-lower-cased prose and every token's span in it; the tokens the tokenizer found to
/// hold non-ASCII characters (`non_ascii`, a small minority) get a full lower-case form appended.
fn lower_forms(prose: &str, tokens: &[Token], non_ascii: &[usize]) -> (String, Vec<Span>) {
    let mut lower = prose.to_ascii_lowercase();
    let mut spans: Vec<Span> = tokens.iter().map(|t| t.span).collect();
    for &i in non_ascii {
        let start = lower.len();
        for c in tokens[i].span.text(prose).chars() {
            match c {
                '’' => lower.push('\''),
                c => lower.extend(c.to_lowercase()),
            }
        }
        spans[i] = Span::new(start, lower.len());
    }
    (lower, spans)
}

#[cfg(test)]
mod tests {
    use super::{DocKind, Document};
    use std::borrow::Cow;

    #[test]
    fn tokens_lower_case_like_to_lowercase_and_borrow_when_ascii() {
        let doc = Document::new("Trump met KHAMENEI’S envoy at the ÉLYSÉE.", DocKind::Plain);
        let lower: Vec<(String, bool)> = (0..doc.tokens.len())
            .map(|i| match doc.lower_token(i) {
                Cow::Borrowed(w) => (w.to_string(), true),
                Cow::Owned(w) => (w, false),
            })
            .collect();
        let expected = [
            ("trump", true),
            ("met", true),
            ("khamenei", true),
            ("’s", false),
            ("envoy", true),
            ("at", true),
            ("the", true),
            ("élysée", false),
            (".", true),
        ];
        let expected: Vec<(String, bool)> =
            expected.iter().map(|(w, b)| (w.to_string(), *b)).collect();
        assert_eq!(lower, expected);
        // the form the lookups use turns the typographic apostrophe straight
        assert_eq!(doc.lower(3), "'s");
    }
}
