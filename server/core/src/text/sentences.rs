//! Paragraphs and sentences.
//!
//! A blank line ends a paragraph. Inside a paragraph a sentence ends after `.`, `!` or `?` (and any
//! closing quotes or brackets) when the next token starts like a sentence, and at a line break when
//! the line reads as a unit of its own (a headline, a list item, a line ending in terminal
//! punctuation). Abbreviations and initials keep their period and never end a sentence, except an
//! initialism before a typical sentence opener ("… in the U.S. The …").

use std::ops::Range;

use super::tokens::{Token, TokenKind};
use crate::span::Span;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    /// Token indices.
    pub tokens: Range<usize>,
    pub paragraph: usize,
    /// A headline, title or label: no terminal punctuation, standing on its own line.
    pub headline: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub span: Span,
    /// Sentence indices.
    pub sentences: Range<usize>,
}

const OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "But",
    "And",
    "In",
    "On",
    "At",
    "This",
    "That",
    "These",
    "Those",
    "His",
    "Her",
    "Their",
    "Its",
    "There",
    "As",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "Some",
    "Many",
    "Most",
    "According",
    "Officials",
    "However",
    "Still",
    "Yet",
    "So",
    "Now",
    "Last",
    "For",
];

fn ends_with_terminal(text: &str, tokens: &[Token], last: usize) -> bool {
    // skip closing quotes/brackets
    let mut i = last as isize;
    while i >= 0 {
        let t = &tokens[i as usize];
        let s = &text[t.span.range()];
        if t.kind == TokenKind::CloseQuote || s == ")" || s == "]" {
            i -= 1;
            continue;
        }
        return matches!(s, "." | "!" | "?" | "…" | ":" | ";")
            || (t.kind == TokenKind::Word && s.ends_with('.'));
    }
    false
}

fn is_blank_line_between(text: &str, a: &Token, b: &Token) -> bool {
    let gap = &text.as_bytes()[a.span.end..b.span.start];
    gap.iter().filter(|&&c| c == b'\n').count() >= 2
}

pub fn split(text: &str, tokens: &[Token]) -> (Vec<Paragraph>, Vec<Sentence>) {
    // (sized for news prose, some 23 tokens a sentence and 47 a paragraph, so neither grows)
    let mut paragraphs = Vec::with_capacity(tokens.len() / 16 + 4);
    let mut sentences: Vec<Sentence> = Vec::with_capacity(tokens.len() / 8 + 4);
    if tokens.is_empty() {
        return (paragraphs, sentences);
    }
    let mut para_start_tok = 0;
    let mut sent_start = 0;
    let push_sentence = |sentences: &mut Vec<Sentence>, from: usize, to: usize, para: usize| {
        if from < to {
            sentences.push(Sentence {
                span: Span::new(tokens[from].span.start, tokens[to - 1].span.end),
                tokens: from..to,
                paragraph: para,
                headline: false,
            });
        }
    };
    for i in 0..tokens.len() {
        let next = tokens.get(i + 1);
        // most tokens are followed on the same line by one that cannot open a sentence: then
        // neither a sentence nor a paragraph ends here
        if next.is_some_and(|n| !(n.newline_before || n.space_before && opens(text, n))) {
            continue;
        }
        let para = paragraphs.len();
        // (a blank line needs a line break, which the tokenizer already noted)
        let para_break =
            next.is_none_or(|n| n.newline_before && is_blank_line_between(text, &tokens[i], n));
        let mut sent_break = para_break;
        if let Some(n) = next.filter(|n| !sent_break && (n.newline_before || n.space_before)) {
            let n_starts = opens(text, n);
            if n.newline_before {
                // a line that ends in terminal punctuation, or a short unpunctuated line (headline,
                // list item, dateline) followed by a capitalised line, stands alone
                let short = i + 1 - sent_start <= 20;
                sent_break = n_starts && (ends_with_terminal(text, tokens, i) || short);
            } else if n_starts && n.space_before {
                let closing =
                    tokens[i].kind == TokenKind::CloseQuote || &text[tokens[i].span.range()] == ")";
                let last_real = if closing {
                    prev_non_closing(text, tokens, i)
                } else {
                    Some(i)
                };
                if let Some(j) = last_real {
                    let ls = &text[tokens[j].span.range()];
                    // "1. Royal couple announce new baby": a list item's number
                    let list_marker = j > 0
                        && tokens[j - 1].kind == TokenKind::Number
                        && (j == 1 || tokens[j - 1].newline_before)
                        && !tokens[j].space_before;
                    sent_break = match ls {
                        "." => !list_marker,
                        "!" | "?" | "…" => true,
                        w if tokens[j].kind == TokenKind::Word
                            && w.ends_with('.')
                            && w.len() >= 2 =>
                        {
                            // initialism (U.S.) or abbreviation (Inc.): only before a typical opener
                            let core = &w[..w.len() - 1];
                            let title_like = matches!(
                                core.to_ascii_lowercase().as_str(),
                                "mr" | "mrs"
                                    | "ms"
                                    | "dr"
                                    | "prof"
                                    | "sen"
                                    | "rep"
                                    | "gov"
                                    | "gen"
                                    | "st"
                                    | "rev"
                                    | "lt"
                                    | "col"
                                    | "capt"
                                    | "sgt"
                            );
                            // "at about 8:30 p.m. More than 2 million homes …": a time
                            // ends a sentence before any capital but its time zone's
                            let next = &text[n.span.range()];
                            let time = matches!(core, "a.m" | "p.m" | "A.M" | "P.M");
                            !title_like
                                && (OPENERS.contains(&next)
                                    || time && !is_time_zone(next) && !is_day_or_month(next))
                        }
                        _ => false,
                    };
                }
            }
        }
        if sent_break {
            push_sentence(&mut sentences, sent_start, i + 1, para);
            sent_start = i + 1;
        }
        if para_break {
            let first = sentences
                .iter()
                .rposition(|s| s.paragraph != para)
                .map_or(0, |p| p + 1);
            paragraphs.push(Paragraph {
                span: Span::new(tokens[para_start_tok].span.start, tokens[i].span.end),
                sentences: first..sentences.len(),
            });
            para_start_tok = i + 1;
        }
    }
    for s in &mut sentences {
        s.headline = is_headline(text, tokens, s);
    }
    (paragraphs, sentences)
}

/// Whether `t` starts like a sentence (asked of nearly every token: its flags and first byte,
/// not its text).
fn opens(text: &str, t: &Token) -> bool {
    let first = text.as_bytes()[t.span.start];
    t.upper
        || first.is_ascii_digit()
        || t.kind == TokenKind::OpenQuote
        || first == b'(' && t.span.len() == 1
}

fn prev_non_closing(text: &str, tokens: &[Token], mut i: usize) -> Option<usize> {
    loop {
        let t = &tokens[i];
        let s = &text[t.span.range()];
        if t.kind != TokenKind::CloseQuote && s != ")" {
            return Some(i);
        }
        if i == 0 {
            return None;
        }
        i -= 1;
    }
}

const SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "by", "for", "with",
    "from", "as", "vs.", "via",
];

/// A sentence without terminal punctuation that stands on its own line(s).
fn is_headline(text: &str, tokens: &[Token], s: &Sentence) -> bool {
    let last = s.tokens.end - 1;
    let own_line = tokens[s.tokens.start].newline_before || s.tokens.start == 0;
    let line_ends = tokens.get(s.tokens.end).is_none_or(|n| n.newline_before);
    if !(own_line && line_ends) {
        return false;
    }
    if !ends_with_terminal(text, tokens, last) {
        return true;
    }
    // an ALL-CAPS or Title Case line ending in a period is still a headline
    // (small function words stay lower case in Title Case)
    let mut words = tokens[s.tokens.clone()]
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| &text[t.span.range()])
        .filter(|w| !SMALL_WORDS.contains(w));
    // every word capitalised: a sentence full of names still has a lower-case verb
    let mut n = 0;
    words.all(|w| {
        n += 1;
        w.chars().next().is_some_and(char::is_uppercase)
    }) && n >= 4
}

/// "Wednesday", "Sept.", "June": a date after a time ("began at 2 p.m. Wednesday") goes on with
/// its sentence.
fn is_day_or_month(w: &str) -> bool {
    matches!(
        w.trim_end_matches('.'),
        "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "January"
            | "Jan"
            | "February"
            | "Feb"
            | "March"
            | "April"
            | "June"
            | "July"
            | "August"
            | "Aug"
            | "September"
            | "Sept"
            | "Sep"
            | "October"
            | "Oct"
            | "November"
            | "Nov"
            | "December"
            | "Dec"
    )
}

/// "ET", "EDT", "GMT", "Eastern": what may follow "p.m." in the same sentence.
fn is_time_zone(w: &str) -> bool {
    matches!(
        w,
        "ET" | "EST"
            | "EDT"
            | "CT"
            | "CST"
            | "CDT"
            | "MT"
            | "MST"
            | "MDT"
            | "PT"
            | "PST"
            | "PDT"
            | "GMT"
            | "UTC"
            | "BST"
            | "CET"
            | "CEST"
            | "Eastern"
            | "Central"
            | "Mountain"
            | "Pacific"
            | "local"
    )
}

#[cfg(test)]
mod tests {
    use crate::text::{DocKind, Document};

    fn sents(text: &str) -> Vec<(String, bool)> {
        let d = Document::new(text, DocKind::Plain);
        d.sentences
            .iter()
            .map(|s| (text[s.span.range()].to_string(), s.headline))
            .collect()
    }

    #[test]
    fn splits_on_terminal_punctuation_but_not_on_abbreviations() {
        assert_eq!(
            sents("Mr. Raisi met J. Smith in the U.S. on Sept. 3. He left. “Go,” she said. It rained in the U.S. The end."),
            vec![
                ("Mr. Raisi met J. Smith in the U.S. on Sept. 3.".into(), false),
                ("He left.".into(), false),
                ("“Go,” she said.".into(), false),
                ("It rained in the U.S.".into(), false),
                ("The end.".into(), false),
            ]
        );
    }

    #[test]
    fn a_time_ends_a_sentence_before_a_capital_but_its_zone() {
        assert_eq!(
            sents("It landed at 8:30 p.m. More than 2 million lost power at 9 p.m. ET on Monday."),
            vec![
                ("It landed at 8:30 p.m.".into(), false),
                (
                    "More than 2 million lost power at 9 p.m. ET on Monday.".into(),
                    false
                ),
            ]
        );
    }

    #[test]
    fn a_day_after_a_time_goes_on_with_its_sentence() {
        assert_eq!(
            sents("The fire, which began at 2 p.m. Wednesday, was contained. It ended at 5 p.m. Rain fell."),
            [
                ("The fire, which began at 2 p.m. Wednesday, was contained.".into(), false),
                ("It ended at 5 p.m.".into(), false),
                ("Rain fell.".into(), false)
            ]
        );
    }

    #[test]
    fn a_single_initial_ends_a_sentence_before_an_opener() {
        assert_eq!(
            sents("The report was written by Anna K. He said it was late."),
            vec![
                ("The report was written by Anna K.".into(), false),
                ("He said it was late.".into(), false),
            ]
        );
    }

    #[test]
    fn a_line_full_of_names_with_a_verb_is_not_a_headline() {
        assert_eq!(
            sents("TEHRAN — Iranian President Ebrahim Raisi met Foreign Minister Hossein Amir-Abdollahian in Tabriz on Sunday.\n"),
            vec![("TEHRAN — Iranian President Ebrahim Raisi met Foreign Minister Hossein Amir-Abdollahian in Tabriz on Sunday.".into(), false)]
        );
        assert_eq!(
            sents("Stealth Over Health: Clinton Was Headed to ER but Diverted to Avoid Bad Optics.\n\nText follows."),
            vec![
                ("Stealth Over Health: Clinton Was Headed to ER but Diverted to Avoid Bad Optics.".into(), true),
                ("Text follows.".into(), false),
            ]
        );
    }

    #[test]
    fn headlines_and_lists_stand_alone() {
        let text = "IRAN'S PRESIDENT VISITS CHINA\r\n\r\nRaisi Arrives In Beijing For Talks\r\nMore headlines here\r\nThe visit began on Tuesday.\r\nIt ended\r\nlater that week.";
        assert_eq!(
            sents(text),
            vec![
                ("IRAN'S PRESIDENT VISITS CHINA".into(), true),
                ("Raisi Arrives In Beijing For Talks".into(), true),
                ("More headlines here".into(), true),
                ("The visit began on Tuesday.".into(), false),
                ("It ended\r\nlater that week.".into(), false),
            ]
        );
        let d = Document::new(text, DocKind::Plain);
        assert_eq!(d.paragraphs.len(), 2);
        assert_eq!(d.paragraphs[1].sentences, 1..5);
        // a case's "v." ends no sentence, the platform X does
        assert_eq!(
            sents("SEC v. Jarkesy was argued. She posted on X. Mexico's president replied."),
            vec![
                ("SEC v. Jarkesy was argued.".into(), false),
                ("She posted on X.".into(), false),
                ("Mexico's president replied.".into(), false),
            ]
        );
        // a numbered item's number ends no sentence (but a number ending one does)
        assert_eq!(
            sents("1. Royal couple announce new baby\n2. Stocks slide\nThe tally hit 2. Then it fell."),
            vec![
                ("1. Royal couple announce new baby".into(), true),
                ("2. Stocks slide".into(), true),
                ("The tally hit 2.".into(), false),
                ("Then it fell.".into(), false),
            ]
        );
    }
}
