//! Scraped page furniture: "keep readingShow less", "Follow us on social", newsletter blurbs and
//! the lists of headlines that follow them.

use super::lexicon::Lexicons;
use crate::span::Span;
use crate::text::Document;

/// Furniture is short: a long sentence that happens to say "newsletter" is prose.
const MAX_WORDS: usize = 25;
/// A sentence this short beside furniture on its line is part of it.
const SHORT_WORDS: usize = 8;

/// Boilerplate blocks in text order: runs of adjacent furniture sentences, each extended over
/// the headline-like lines that directly follow it.
pub fn boilerplate_blocks(doc: &Document, lex: &Lexicons) -> Vec<Span> {
    let sentences = &doc.sentences;
    let bytes = doc.prose.as_bytes();
    // a menu: "World | Europe | Politics", "Facebook | Instagram | X"; the headline after a
    // site's menu is the article's own, so a menu does not take the headlines after it
    let menu: Vec<bool> = sentences
        .iter()
        .map(|s| {
            s.tokens.len() <= MAX_WORDS
                && doc.tokens[s.tokens.clone()]
                    .iter()
                    .filter(|t| t.span.len() == 1 && bytes[t.span.start] == b'|')
                    .count()
                    >= 2
        })
        .collect();
    let mut furniture: Vec<bool> = sentences
        .iter()
        .zip(&menu)
        .map(|(s, &menu)| {
            menu || s.tokens.len() <= MAX_WORDS
                && (lex.boilerplate.any_in(&doc.prose, s.span) || labelled(doc, lex, s))
        })
        .collect();
    // a short sentence on the line of furniture is furniture ("© 2023 The Ledger. All rights
    // reserved.")
    for i in 0..sentences.len() {
        if !furniture[i] {
            continue;
        }
        for j in [i.wrapping_sub(1), i + 1] {
            let Some(o) = sentences.get(j) else { continue };
            let (a, b) = if j < i {
                (o.span.end, sentences[i].span.start)
            } else {
                (sentences[i].span.end, o.span.start)
            };
            if o.tokens.len() <= SHORT_WORDS && !doc.prose[a..b].contains('\n') {
                furniture[j] = true;
            }
        }
    }
    let mut blocks: Vec<Span> = Vec::new();
    let mut last_in_block: Option<usize> = None;
    // whether any sentence before is prose (not headline-like: "Subscribe | Log in" is not):
    // the first headline after the furniture that opens a page ("Skip to main content", a
    // menu, "Advertisement") is the article's own
    let mut prose_before = false;
    for (i, s) in sentences.iter().enumerate() {
        let furniture = furniture[i];
        let trailing_headline = s.headline
            && prose_before
            && last_in_block == Some(i.wrapping_sub(1))
            && !menu[i.wrapping_sub(1)];
        if !(furniture || trailing_headline) {
            prose_before |= !s.headline;
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

/// "Related: Voters reject school bond": a line opening with a furniture label and a colon; or
/// the label alone on its line ("Most Read", "TOP STORIES").
fn labelled(doc: &Document, lex: &Lexicons, s: &crate::text::Sentence) -> bool {
    let first = doc.tokens[s.tokens.start];
    if !first.newline_before && s.tokens.start != 0 {
        return false;
    }
    if s.headline && s.tokens.len() <= 4 {
        let end = s.tokens.end - usize::from(doc.token_text(s.tokens.end - 1) == ":");
        let label = Span::new(first.span.start, doc.tokens[end - 1].span.end);
        if lex.words.furniture_labels.contains(&doc.lower_text(label)) {
            return true;
        }
    }
    // the label is one or two words
    (s.tokens.start + 1..(s.tokens.start + 4).min(s.tokens.end)).any(|colon| {
        doc.token_text(colon) == ":"
            && lex.words.furniture_labels.contains(
                &doc.lower_text(Span::new(first.span.start, doc.tokens[colon - 1].span.end)),
            )
    })
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

    /// The text of each boilerplate block.
    fn blocks(text: &str) -> Vec<&str> {
        let doc = Document::new(text, DocKind::Plain);
        let lex = Lexicons::for_config(&Config::default());
        let blocks = boilerplate_blocks(&doc, &lex);
        blocks.iter().map(|b| b.text(text)).collect()
    }

    #[test]
    fn menus_and_short_sentences_beside_furniture_are_furniture() {
        let text = "World | Europe | Sport\nTurkey Backs Sweden Bid\nThe vote was close.\nFacebook | X | YouTube\n© 2023 The Ledger. All rights reserved.";
        assert_eq!(
            blocks(text),
            vec![
                "World | Europe | Sport",
                "Facebook | X | YouTube\n© 2023 The Ledger. All rights reserved."
            ]
        );
    }

    #[test]
    fn a_newsletter_blurb_is_furniture() {
        let text = "Scientists say storms are wetter.\n\nSign up for our Asia newsletter\nGet the \
                    biggest stories from the region delivered to your inbox every weekday. \
                    Subscribe now.";
        assert_eq!(
            blocks(text),
            vec![
                "Sign up for our Asia newsletter\nGet the biggest stories from the region \
                 delivered to your inbox every weekday. Subscribe now."
            ]
        );
    }

    #[test]
    fn the_headline_after_the_furniture_opening_a_page_is_the_article_s() {
        let text = "Skip to main content\nKenya's Ruto Withdraws Finance Bill\n\nNAIROBI, \
                    Kenya — Ruto spoke.\n\nShare this article\nFacebook Twitter WhatsApp Email";
        assert_eq!(
            blocks(text),
            vec![
                "Skip to main content",
                "Share this article\nFacebook Twitter WhatsApp Email"
            ]
        );
    }

    #[test]
    fn a_line_opening_with_a_furniture_label_is_furniture() {
        let text = "The talks are related: one depends on the other.\n\nRelated: Voters reject \
                    school bond\n\nThe count resumed.";
        assert_eq!(blocks(text), vec!["Related: Voters reject school bond"]);
    }

    #[test]
    fn a_page_s_header_lines_are_no_prose_before_the_headline() {
        let text = "Skip to main content\nSubscribe | Log in\nAdvertisement\n\nCity council \
                    approves $48 million budget\n\nBy Jordan Ellis, Staff Writer\n\nThe council \
                    voted on Tuesday.";
        assert_eq!(blocks(text), vec!["Skip to main content", "Advertisement"]);
    }

    #[test]
    fn furniture_and_following_headlines_form_one_block() {
        let text = "The vote was close.\n\nkeep readingShow less\nRelated Headlines Here\nAnother Unrelated Story\n\nThe count resumed on Monday.";
        assert_eq!(
            blocks(text),
            vec!["keep readingShow less\nRelated Headlines Here\nAnother Unrelated Story"]
        );
        // and a numbered list of them under a label
        let text = "Growth slowed, the Bundesbank said.\n\nMost Read\n1. Royal couple announce \
                    new baby\n2. Ten best beaches in Portugal\n\nThe count resumed on Monday.";
        assert_eq!(
            blocks(text),
            vec!["Most Read\n1. Royal couple announce new baby\n2. Ten best beaches in Portugal"]
        );
    }
}
