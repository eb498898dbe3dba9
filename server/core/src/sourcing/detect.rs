//! Attribution detection. (Being written: see issue 3.)

use super::Attribution;
use crate::config::Config;
use crate::entities::{Entity, Mention};
use crate::text::Document;

/// Finds the attributions of an article.
pub fn detect(
    doc: &Document,
    entities: &[Entity],
    mentions: &[Mention],
    config: &Config,
) -> Vec<Attribution> {
    let _ = (doc, entities, mentions, config);
    Vec::new()
}
