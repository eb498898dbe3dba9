//! `unbalanced-quote`: an opening quotation mark never closed, or a closing one never opened.

use super::check::{finding, Context};
use super::{Finding, Severity};

pub fn run(cx: &Context, severity: Severity) -> Vec<Finding> {
    let doc = cx.input.doc;
    let mut out = Vec::new();
    for (i, q) in cx.quotes.iter().enumerate() {
        let continued = cx.quotes.get(i + 1).is_some_and(|n| n.continues);
        if q.close.is_none() && !continued {
            out.push(finding(
                "unbalanced-quote",
                severity,
                doc.tokens[q.open].span,
                format!("Quotation mark is never closed: {}", cx.snippet(q.span, 40)),
            ));
        }
    }
    for s in cx.strays {
        out.push(finding(
            "unbalanced-quote",
            severity,
            doc.tokens[s.token].span,
            "Closing quotation mark with no opening one".to_string(),
        ));
    }
    out
}
