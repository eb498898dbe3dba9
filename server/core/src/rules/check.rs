//! Running the rules over an analysed article. (Being written: see issue 3.)

use super::Finding;
use crate::config::Config;
use crate::entities::{Entity, Mention};
use crate::sourcing::Attribution;
use crate::text::Document;

/// What the rules look at.
pub struct RuleInput<'a> {
    pub text: &'a str,
    pub doc: &'a Document,
    pub entities: &'a [Entity],
    pub mentions: &'a [Mention],
    pub attributions: &'a [Attribution],
    pub config: &'a Config,
}

/// All findings, in text order, with severities from the configuration (disabled rules dropped).
pub fn check(input: &RuleInput) -> Vec<Finding> {
    let _ = input;
    Vec::new()
}
