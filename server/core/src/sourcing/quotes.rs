//! Quotations: pairs of double quotation marks, paragraph by paragraph.
//!
//! Single quotes are left alone (they are apostrophes as often as quotation marks, and nest
//! inside double quotes). A quotation still open at the end of a paragraph is closed there; when
//! the next paragraph opens with a quotation mark, that quotation continues the open one, as
//! stylebooks require for quotes running over several paragraphs.

use crate::entities::Mention;
use crate::span::Span;
use crate::text::{Document, TokenKind};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// From the opening mark to the closing mark (both included), or to the paragraph end.
    pub span: Span,
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark, when there is one in the paragraph.
    pub close: Option<usize>,
    pub paragraph: usize,
    /// This quotation reopens one left open at the end of the previous paragraph.
    pub continues: bool,
}

impl Quote {
    /// Whether the quotation holds one name and nothing else: a title (“La Marseillaise”,
    /// “State of the Union”), not words anyone spoke. `mentions` are in text order.
    pub fn holds_only_a_name(&self, doc: &Document, mentions: &[Mention]) -> bool {
        let Some(close) = self.close.filter(|&c| c > self.open + 1) else {
            return false;
        };
        let inside = Span::new(
            doc.tokens[self.open + 1].span.start,
            doc.tokens[close - 1].span.end,
        );
        let i = mentions.partition_point(|m| m.span.start < inside.start);
        mentions[i..]
            .iter()
            .take_while(|m| m.span.start == inside.start)
            .any(|m| m.span == inside)
    }
}

/// A closing mark with no opening one before it in its paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StrayClose {
    pub token: usize,
}

fn is_double(s: &str) -> bool {
    matches!(s, "\"" | "“" | "”" | "«" | "»" | "„")
}

/// The last token of the double quotation mark starting at token `i`, if one starts there: a
/// double-quote character, or two apostrophes written together (`''`, the typewriter convention
/// of some newspaper archives).
fn double_mark_end(doc: &Document, i: usize, end: usize) -> Option<usize> {
    // words, numbers and other punctuation are no quotation marks (most tokens: decided without
    // looking at the text)
    if !matches!(
        doc.tokens[i].kind,
        TokenKind::OpenQuote | TokenKind::CloseQuote | TokenKind::Possessive
    ) {
        return None;
    }
    if is_double(doc.token_text(i)) {
        return Some(i);
    }
    let apostrophe = |k: usize| matches!(doc.token_text(k), "'" | "’");
    let next = i + 1;
    (next < end
        && apostrophe(i)
        && apostrophe(next)
        && doc.tokens[i].span.end == doc.tokens[next].span.start
        && doc.tokens[i].kind == doc.tokens[next].kind)
        .then_some(next)
}

/// All quotations in text order, and the closing marks that close nothing.
pub fn find_quotes(doc: &Document) -> (Vec<Quote>, Vec<StrayClose>) {
    let mut quotes: Vec<Quote> = Vec::new();
    let mut strays = Vec::new();
    for (p, para) in doc.paragraphs.iter().enumerate() {
        let Some(first) = para.sentences.clone().next() else {
            continue;
        };
        let last = para.sentences.end - 1;
        let tokens = doc.sentences[first].tokens.start..doc.sentences[last].tokens.end;
        let mut open: Option<usize> = None;
        let mut open_continues = false;
        let reopens = quotes
            .last()
            .is_some_and(|q| q.close.is_none() && q.paragraph + 1 == p);
        let mut i = tokens.start;
        while i < tokens.end {
            let Some(mark_end) = double_mark_end(doc, i, tokens.end) else {
                i += 1;
                continue;
            };
            let t = &doc.tokens[i];
            // an opening mark typed where a closing one belongs (`“It's unusual,“ said X`):
            // glued to the word before it and followed by a space, it closes the quotation
            let closes = t.kind == TokenKind::CloseQuote
                || (!t.space_before && doc.tokens.get(mark_end + 1).is_none_or(|n| n.space_before));
            match (t.kind, open) {
                (TokenKind::OpenQuote, None) => {
                    open = Some(i);
                    open_continues = reopens && i == tokens.start;
                }
                (_, Some(o)) if closes => {
                    quotes.push(Quote {
                        span: Span::new(doc.tokens[o].span.start, doc.tokens[mark_end].span.end),
                        open: o,
                        close: Some(mark_end),
                        paragraph: p,
                        continues: open_continues,
                    });
                    open = None;
                }
                // an opening mark inside an open quotation: the first one was never closed
                (TokenKind::OpenQuote, Some(o)) => {
                    quotes.push(Quote {
                        span: Span::new(doc.tokens[o].span.start, doc.tokens[i - 1].span.end),
                        open: o,
                        close: None,
                        paragraph: p,
                        continues: open_continues,
                    });
                    open = Some(i);
                    open_continues = false;
                }
                (_, None) => strays.push(StrayClose { token: i }),
                _ => {}
            }
            i = mark_end + 1;
        }
        if let Some(o) = open {
            quotes.push(Quote {
                span: Span::new(doc.tokens[o].span.start, para.span.end),
                open: o,
                close: None,
                paragraph: p,
                continues: open_continues,
            });
        }
    }
    (quotes, strays)
}

/// Index of the quotation containing byte `offset`, if any (quotes are sorted and disjoint).
pub fn quote_at(quotes: &[Quote], offset: usize) -> Option<usize> {
    let i = quotes.partition_point(|q| q.span.end <= offset);
    (i < quotes.len() && quotes[i].span.start <= offset).then_some(i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::DocKind;

    fn quotes(text: &str) -> Vec<(String, bool, bool)> {
        let doc = Document::new(text, DocKind::Plain);
        find_quotes(&doc)
            .0
            .iter()
            .map(|q| {
                (
                    q.span.text(text).to_string(),
                    q.close.is_some(),
                    q.continues,
                )
            })
            .collect()
    }

    #[test]
    fn split_and_multi_paragraph_quotes() {
        assert_eq!(
            quotes("“No,” he said, “never.”\n\n“We will fight.\n\n“And we will win,” she said."),
            vec![
                ("“No,”".into(), true, false),
                ("“never.”".into(), true, false),
                ("“We will fight.".into(), false, false),
                ("“And we will win,”".into(), true, true),
            ]
        );
    }

    #[test]
    fn doubled_apostrophes_are_a_double_quotation_mark() {
        assert_eq!(
            quotes("''It doesn't scare me,'' he said of 'the race'."),
            vec![("''It doesn't scare me,''".into(), true, false)]
        );
    }

    #[test]
    fn opening_mark_typed_as_a_closing_one_closes() {
        assert_eq!(
            quotes("“It's unusual,“ said Noble. “Very.”"),
            vec![
                ("“It's unusual,“".into(), true, false),
                ("“Very.”".into(), true, false)
            ]
        );
    }

    #[test]
    fn stray_closing_marks_are_reported() {
        let doc = Document::new("He said no.” Then he left.", DocKind::Plain);
        let (q, strays) = find_quotes(&doc);
        assert!(q.is_empty());
        assert_eq!(strays.len(), 1);
    }
}
