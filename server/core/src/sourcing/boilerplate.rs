//! Scraped page furniture: "keep readingShow less", "Follow us on social", newsletter blurbs and
//! the lists of headlines that follow them.

use super::lexicon::Lexicons;
use crate::span::Span;
use crate::text::Document;

/// Furniture is short: a long sentence that happens to say "newsletter" is prose.
const MAX_WORDS: usize = 25;

/// Boilerplate blocks in text order: runs of adjacent furniture sentences, each extended over
/// the headline-like lines that directly follow it.
pub fn boilerplate_blocks(doc: &Document, lex: &Lexicons) -> Vec<Span> {
    let mut blocks: Vec<Span> = Vec::new();
    let mut last_in_block: Option<usize> = None;
    for (i, s) in doc.sentences.iter().enumerate() {
        let words = s.tokens.len();
        let furniture = words <= MAX_WORDS && lex.boilerplate.any_in(&doc.prose, s.span);
        let trailing_headline = s.headline && last_in_block == Some(i.wrapping_sub(1));
        if !(furniture || trailing_headline) {
            continue;
        }
        match blocks.last_mut() {
            Some(b) if last_in_block == Some(i.wrapping_sub(1)) => *b = b.cover(s.span),
            _ => blocks.push(s.span),
        }
        last_in_block = Some(i);
    }
    blocks
}

/// True when `span` overlaps one of the (sorted, disjoint) blocks.
pub fn in_blocks(blocks: &[Span], span: Span) -> bool {
    let i = blocks.partition_point(|b| b.end <= span.start);
    i < blocks.len() && blocks[i].overlaps(span)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::text::DocKind;

    #[test]
    fn furniture_and_following_headlines_form_one_block() {
        let text = "The vote was close.\n\nkeep readingShow less\nRelated Headlines Here\nAnother Unrelated Story\n\nThe count resumed on Monday.";
        let doc = Document::new(text, DocKind::Plain);
        let lex = Lexicons::for_config(&Config::default());
        let blocks = boilerplate_blocks(&doc, &lex);
        let texts: Vec<&str> = blocks.iter().map(|b| b.text(text)).collect();
        assert_eq!(
            texts,
            vec!["keep readingShow less\nRelated Headlines Here\nAnother Unrelated Story"]
        );
    }
}
