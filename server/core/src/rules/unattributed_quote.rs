//! `unattributed-quote`: quotation marks around speech with no speaker in reach.

use super::check::{finding, fix, Context};
use super::{Finding, Severity};

/// Fewer words than this are scare quotes or titles, not speech.
const MIN_WORDS: usize = 4;

pub fn run(cx: &Context, severity: Severity) -> Vec<Finding> {
    let doc = cx.input.doc;
    let mut out = Vec::new();
    for (i, q) in cx.quotes.iter().enumerate() {
        let end = q.close.unwrap_or(doc.token_at_or_after(q.span.end));
        let words = doc.tokens[q.open..end]
            .iter()
            .filter(|t| t.kind == crate::text::TokenKind::Word)
            .count();
        // a continuation paragraph belongs to the quotation it continues
        let continued = q.continues && i > 0;
        // (a title in quotation marks is no speech: “Make America Great Again”)
        let title = || q.holds_only_a_name(doc, cx.input.mentions);
        if words < MIN_WORDS
            || continued
            || cx.attributed(q.span)
            || title()
            || signed(doc, q)
            || labelled(cx, q)
        {
            continue;
        }
        let mut f = finding(
            "unattributed-quote",
            severity,
            q.span,
            format!("Quote has no speaker: {}", cx.snippet(q.span, 40)),
        );
        let at = crate::span::Span::new(q.span.end, q.span.end);
        f.fixes.push(fix(
            "Add an attribution placeholder",
            at,
            " [who said this?]",
        ));
        out.push(f);
    }
    out
}

/// Words written, not spoken: "signs reading “Fair Contract Now”", "a hand-lettered sign:
/// “Libertad para Don José.”", "a report titled “…”" (`quote_labels` of words.toml).
fn labelled(cx: &Context, q: &crate::sourcing::Quote) -> bool {
    let doc = cx.input.doc;
    let mut k = q.open;
    if k > 0 && matches!(doc.token_text(k - 1), ":" | ",") {
        k -= 1;
    }
    k > 0 && cx.lex.words.quote_labels.contains(doc.lower(k - 1))
}

/// A quotation signed on the line after it, as a pull quote is: "> — Cedric Schuster, AOSIS
/// chair".
fn signed(doc: &crate::text::Document, q: &crate::sourcing::Quote) -> bool {
    let rest = &doc.prose[q.span.end..];
    let gap = rest.len() - rest.trim_start().len();
    let after = &rest[gap..];
    let dash = after
        .strip_prefix('\u{2014}')
        .or_else(|| after.strip_prefix('\u{2013}'))
        .or_else(|| after.strip_prefix("--"));
    rest[..gap].matches('\n').count() == 1
        && dash.is_some_and(|name| name.trim_start().starts_with(char::is_uppercase))
}

#[cfg(test)]
mod tests {
    fn flagged(text: &str) -> Vec<&str> {
        crate::rules::flagged(text, "unattributed-quote")
    }

    #[test]
    fn a_quoted_title_is_no_speech_but_a_quoted_sentence_is() {
        let text = "She watched “The Rachel Maddow Show” every night.\n\n\
                    The town was empty. “Nobody came to help us for two days.”";
        assert_eq!(flagged(text), ["“Nobody came to help us for two days.”"]);
    }

    #[test]
    fn a_sign_s_words_are_no_speech() {
        let text = "Workers carried signs reading “We Build Your Jets and Your Ships.” His \
                    co-workers hung a sign: “Libertad para Don José ahora.” Then “we want our \
                    jobs back now.”";
        assert_eq!(flagged(text), ["“we want our jobs back now.”"]);
    }

    #[test]
    fn a_quote_signed_on_the_next_line_has_its_speaker() {
        let text = "The talks ended.\n\n“We came here in good faith and leave betrayed.”\n— \
                    Cedric Schuster, AOSIS chair\n\n“We came here in good faith and leave \
                    betrayed.”\n\n— Cedric Schuster";
        // (a dash after a blank line signs nothing)
        assert_eq!(
            flagged(text),
            ["“We came here in good faith and leave betrayed.”"]
        );
    }
}
