//! `boilerplate`: scraped page furniture, once per block.

use super::check::{finding, fix, Context};
use super::{Finding, Severity};

pub fn run(cx: &Context, severity: Severity) -> Vec<Finding> {
    cx.boilerplate
        .iter()
        .map(|&b| {
            let mut f = finding(
                "boilerplate",
                severity,
                b,
                format!("Scraped page furniture: {}", cx.snippet(b, 40)),
            );
            f.fixes.push(fix("Remove the page furniture", b, ""));
            f
        })
        .collect()
}
