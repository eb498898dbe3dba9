//! `unsourced-claim`: a sentence asserting a checkable fact or a loaded characterization with no
//! attribution covering it. Few, right flags: see the policy in the rule's explanation.

use super::check::{finding, fix, Context};
use super::{Finding, Severity};
use crate::span::Span;
use crate::text::{Sentence, TokenKind};

/// Shorter sentences are scene-setting or fragments.
const MIN_WORDS: usize = 6;

pub fn run(cx: &Context, severity: Severity) -> Vec<Finding> {
    let doc = cx.input.doc;
    let mut out = Vec::new();
    for p in &doc.paragraphs {
        // an attribution anywhere in the paragraph covers its sentences
        if cx.attributed(p.span) {
            continue;
        }
        for s in &doc.sentences[p.sentences.clone()] {
            if !eligible(cx, s) {
                continue;
            }
            let Some(signal) = claim_signal(cx, s) else {
                continue;
            };
            // (asked of the few sentences with a signal)
            if names_evidence(cx, s) || market_report(cx, s) {
                continue;
            }
            let mut f = finding(
                "unsourced-claim",
                severity,
                s.span,
                format!(
                    "Claim with no source ({}): {}",
                    cx.text(signal),
                    cx.snippet(s.span, 40)
                ),
            );
            let last = doc.tokens[s.tokens.end - 1];
            if doc.text_of(last.span) == "." {
                f.fixes.push(fix(
                    "Add an attribution placeholder",
                    last.span,
                    ", said [SOURCE].",
                ));
            }
            out.push(f);
        }
    }
    out
}

/// Headlines, questions, quotations and short sentences are never flagged (nor, in `run`,
/// sentences naming the poll or study their figures come from).
fn eligible(cx: &Context, s: &Sentence) -> bool {
    let doc = cx.input.doc;
    // one pass over the sentence's tokens for both counts
    let (words, quoted) =
        doc.tokens[s.tokens.clone()]
            .iter()
            .fold((0, false), |(words, quoted), t| {
                let quote = matches!(t.kind, TokenKind::OpenQuote | TokenKind::CloseQuote);
                (
                    words + usize::from(t.kind == TokenKind::Word),
                    quoted || quote,
                )
            });
    let last = doc.token_text(s.tokens.end - 1);
    // (a dateline's sentence is the outlet's own report of its news: "BRUSSELS (AP) — The
    // European Union on Monday fined Apple 1.8 billion euros")
    !s.headline && words >= MIN_WORDS && last != "?" && !quoted && doc.dateline_dash(s).is_none()
}

/// "… 47 percent in the latest Washington Post-ABC News poll": the poll is the source.
fn names_evidence(cx: &Context, s: &Sentence) -> bool {
    let doc = cx.input.doc;
    s.tokens.clone().any(|i| {
        doc.tokens[i].kind == TokenKind::Word && cx.lex.words.evidence_nouns.contains(doc.lower(i))
    })
}

/// "The S&P 500 fell 2.9 percent to 5,872.16": a market's price moving is public record (the
/// move a few words after the market: not "Dow Chemical … the case it had lost").
fn market_report(cx: &Context, s: &Sentence) -> bool {
    const REACH: usize = 8;
    let doc = cx.input.doc;
    let words = &cx.lex.words;
    let is_word = |i: usize| doc.tokens[i].kind == TokenKind::Word;
    // ("S&P" is three tokens)
    let market = |i: usize| {
        is_word(i) && words.market_nouns.contains(doc.lower(i))
            || doc.token_text(i) == "P" && i >= 2 && doc.token_text(i - 1) == "&"
    };
    s.tokens.clone().filter(|&i| market(i)).any(|i| {
        (i + 1..(i + REACH).min(s.tokens.end))
            .any(|k| is_word(k) && words.market_moves.contains(doc.lower(k)))
    })
}

/// The first strong claim signal of a sentence: a lexicon word or a figure with a unit.
fn claim_signal(cx: &Context, s: &Sentence) -> Option<Span> {
    let doc = cx.input.doc;
    let words = &cx.lex.words;
    // "more than most", "more than ever": a comparison with no measure checks nothing (but
    // "62 more than the 270 needed" does)
    let loose = |hit: Span| {
        let lower = doc.lower_text(hit);
        let first = doc.token_at_or_after(hit.start);
        matches!(&*lower, "more than" | "less than" | "fewer than")
            && !(first > 0 && doc.tokens[first - 1].kind == TokenKind::Number)
            && doc
                .tokens
                .get(doc.token_at_or_after(hit.end))
                .is_some_and(|t| {
                    t.kind == TokenKind::Word
                        && !words
                            .quantity_words
                            .contains_lowercased(doc.text_of(t.span))
                })
    };
    if let Some(hit) = cx
        .lex
        .claims
        .matches_in(&doc.prose, s.span)
        .find(|&h| !loose(h))
    {
        return Some(hit);
    }
    s.tokens.clone().find_map(|i| {
        let t = doc.tokens[i];
        if t.kind != TokenKind::Number {
            return None;
        }
        let before = (i > s.tokens.start).then(|| doc.token_text(i - 1));
        let after = (i + 1 < s.tokens.end).then(|| doc.token_text(i + 1));
        let currency = before.is_some_and(|b| words.currency_signs.contains(b));
        let unit = after.is_some_and(|a| words.number_units.contains_lowercased(a));
        match (currency, unit) {
            (true, _) => Some(doc.tokens[i - 1].span.cover(t.span)),
            (_, true) => Some(t.span.cover(doc.tokens[i + 1].span)),
            _ => None,
        }
    })
}

#[cfg(test)]
mod tests {
    fn flagged(text: &str) -> Vec<&str> {
        crate::rules::flagged(text, "unsourced-claim")
    }

    #[test]
    fn a_loose_comparison_is_no_claim() {
        let text = "More than most, the pair have been responsible for the party's turn.\n\n\
                    More than a third of the members left the party last year.";
        assert_eq!(
            flagged(text),
            ["More than a third of the members left the party last year."]
        );
    }

    #[test]
    fn a_market_s_move_is_public_record() {
        let text = "The S&P 500 fell 2.9 percent to 5,872.16, its biggest one-day decline since \
                    August.\n\nDow Chemical paid $835 million to settle a price-fixing case it had \
                    lost in lower courts.";
        assert_eq!(
            flagged(text),
            ["Dow Chemical paid $835 million to settle a price-fixing case it had lost in lower courts."]
        );
    }

    #[test]
    fn a_sentence_naming_its_poll_is_sourced() {
        let text = "In the latest Washington Post-ABC News poll, Clinton led Trump 47 percent to \
                    39 percent.\n\nSanders won 61 percent of the vote in Michigan last week.";
        assert_eq!(
            flagged(text),
            ["Sanders won 61 percent of the vote in Michigan last week."]
        );
    }

    #[test]
    fn a_dateline_s_sentence_is_the_outlet_s_own_report() {
        let text =
            "BRUSSELS (AP) — The European Union on Monday fined Apple 1.8 billion euros.\n\n\
                    Google was hit with fines of more than 8 billion euros in 2019.";
        assert_eq!(
            flagged(text),
            ["Google was hit with fines of more than 8 billion euros in 2019."]
        );
    }
}
