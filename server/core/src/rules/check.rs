//! Running the rules over an analysed article.
//!
//! Every rule is a function from the shared [`Context`] to findings, in its own file. The
//! boilerplate blocks are computed once here and every other rule's findings inside them are
//! dropped.

use super::{Finding, Fix, Severity, TextEdit};
use crate::config::Config;
use crate::entities::{Entity, Mention};
use crate::sourcing::{in_blocks, Attribution, Lexicons, Quote, Scan, StrayClose};
use crate::span::Span;
use crate::text::Document;

/// What the rules look at.
pub struct RuleInput<'a> {
    pub text: &'a str,
    pub doc: &'a Document,
    pub entities: &'a [Entity],
    pub mentions: &'a [Mention],
    pub attributions: &'a [Attribution],
    pub scan: &'a Scan,
    pub config: &'a Config,
}

/// The input plus what several rules need: lexicons, quotations, boilerplate blocks.
pub struct Context<'a> {
    pub input: &'a RuleInput<'a>,
    pub lex: &'a Lexicons,
    pub quotes: &'a [Quote],
    pub strays: &'a [StrayClose],
    pub boilerplate: &'a [Span],
    /// Cue and content spans of all attributions, merged, sorted and disjoint.
    pub attributed: Vec<Span>,
}

type Rule = fn(&Context, Severity) -> Vec<Finding>;

const RULES: &[(&str, Rule)] = &[
    ("unattributed-quote", super::unattributed_quote::run),
    ("anonymous-source", super::anonymous_source::run),
    ("weasel-attribution", super::weasel_attribution::run),
    ("unsourced-claim", super::unsourced_claim::run),
    ("second-hand-source", super::second_hand_source::run),
    ("unbalanced-quote", super::unbalanced_quote::run),
    ("boilerplate", super::boilerplate::run),
    (
        "acronym-before-definition",
        super::first_reference::run_acronyms,
    ),
    ("first-reference", super::first_reference::run_surnames),
    ("name-variant", super::name_variant::run),
];

/// All findings, in text order, with severities from the configuration (disabled rules dropped).
pub fn check(input: &RuleInput) -> Vec<Finding> {
    let scan = input.scan;
    let cx = Context {
        input,
        lex: &scan.lex,
        quotes: &scan.quotes,
        strays: &scan.strays,
        boilerplate: &scan.boilerplate,
        attributed: merged(
            input
                .attributions
                .iter()
                .flat_map(|a| a.content.iter().chain(&a.cue).copied()),
        ),
    };
    let mut out = Vec::new();
    for (id, run) in RULES {
        if let Some(severity) = input.config.severity(id) {
            out.extend(run(&cx, severity));
        }
    }
    out.retain(|f| f.rule == "boilerplate" || !in_blocks(cx.boilerplate, f.span));
    out.sort_by(|a, b| (a.span, a.rule).cmp(&(b.span, b.rule)));
    out
}

impl Context<'_> {
    pub fn text(&self, span: Span) -> &str {
        span.text(self.input.text)
    }

    /// The text of `span` in curly quotes, cut after `max` characters: “We will respond…”.
    pub fn snippet(&self, span: Span, max: usize) -> String {
        snippet(self.text(span), max)
    }

    /// True when some attribution's cue or content overlaps `span`.
    /// Does `span` start in a headline (or a heading, a label: a line of its own)?
    pub fn in_headline(&self, span: Option<Span>) -> bool {
        let doc = self.input.doc;
        span.and_then(|s| doc.sentence_at(s.start))
            .is_some_and(|si| doc.sentences[si].headline)
    }

    pub fn attributed(&self, span: Span) -> bool {
        in_blocks(&self.attributed, span)
    }
}

/// `text` without its quotation marks and surrounding space, its whitespace runs as one space,
/// in curly quotes and cut after `max` characters, at the end of a word when one ends in time
/// ("“China bought more…”", not "“China bought more than 90 percent of Ira…”").
fn snippet(text: &str, max: usize) -> String {
    let t = text.trim_matches(|c: char| "\"“”«»„".contains(c) || c.is_whitespace());
    // (only the start of a long sentence is shown: no copy of the rest is made)
    let mut out = String::from("“");
    let mut chars = 0;
    for w in t.split_whitespace() {
        if chars > 0 {
            out.push(' ');
            chars += 1;
        }
        let word_start = out.len();
        for c in w.chars() {
            if chars >= max {
                // (a word cut short goes, unless it is the only one: a long address, say)
                if out.len() > word_start && word_start > "“".len() {
                    out.truncate(word_start);
                }
                let kept = out.trim_end().len();
                out.truncate(kept);
                out.push_str("…”");
                return out;
            }
            out.push(c);
            chars += 1;
        }
    }
    out.push('”');
    out
}

/// Spans sorted and merged into disjoint ones.
fn merged(spans: impl Iterator<Item = Span>) -> Vec<Span> {
    let mut v: Vec<Span> = spans.collect();
    v.sort();
    let mut out: Vec<Span> = Vec::with_capacity(v.len());
    for s in v {
        match out.last_mut() {
            Some(l) if l.end >= s.start => l.end = l.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

pub fn finding(rule: &'static str, severity: Severity, span: Span, message: String) -> Finding {
    Finding {
        rule,
        severity,
        span,
        message,
        fixes: Vec::new(),
    }
}

/// A fix made of one edit.
pub fn fix(title: &str, span: Span, new_text: impl Into<String>) -> Fix {
    Fix {
        title: title.to_string(),
        edits: vec![TextEdit {
            span,
            new_text: new_text.into(),
        }],
    }
}

#[cfg(test)]
mod tests {
    use super::snippet;

    #[test]
    fn snippets_are_quoted_collapsed_and_cut() {
        assert_eq!(
            snippet("  “We will\n  respond.”  ", 40),
            "“We will respond.”"
        );
        assert_eq!(snippet("one two three", 7), "“one two…”");
        assert_eq!(snippet("one two three", 8), "“one two…”");
        assert_eq!(snippet("one two", 7), "“one two”");
        assert_eq!(snippet("Łódź też", 4), "“Łódź…”");
        assert_eq!(snippet("", 40), "“”");
        assert_eq!(snippet("China bought more than", 10), "“China…”");
        assert_eq!(snippet("https://example.com/a/b", 10), "“https://ex…”");
    }
}
