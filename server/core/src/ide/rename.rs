//! Renaming an entity across all its mentions.

use crate::entities::EntityId;
use crate::rules::TextEdit;
use crate::span::Span;
use crate::Analysis;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RenameError {
    /// The cursor is not on a mention.
    NotAMention,
    /// The new name is empty, spans several lines or holds other control characters.
    InvalidName,
}

impl std::fmt::Display for RenameError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            RenameError::NotAMention => "there is no name at the cursor to rename",
            RenameError::InvalidName => "the new name must be a non-empty single line of text",
        })
    }
}

/// The span a rename at `offset` starts from: the mention under the cursor.
pub fn rename_target(analysis: &Analysis, offset: usize) -> Option<Span> {
    analysis
        .mention_at(offset)
        .map(|m| analysis.mentions[m].span)
}

/// Edits that rename the entity under the cursor, in text order.
///
/// Mentions written like the one under the cursor become `new_name`. Renaming a full name also
/// renames bare surnames (and given names) with the new name's last (first) word; renaming a bare
/// surname also rewrites that word inside the full-name mentions, so "Ebrahim Raisi … Raisi"
/// renamed at "Raisi" to "Raeesi" gives "Ebrahim Raeesi … Raeesi". Other aliases and acronyms are
/// left alone.
pub fn rename_edits(
    analysis: &Analysis,
    text: &str,
    offset: usize,
    new_name: &str,
) -> Result<Vec<TextEdit>, RenameError> {
    let at = analysis
        .mention_at(offset)
        .ok_or(RenameError::NotAMention)?;
    let old = analysis.mentions[at].span.text(text);
    rename_entity_edits(analysis, text, analysis.mentions[at].entity, old, new_name)
}

/// Edits that rename `entity` as [`rename_edits`] does when the mention under the cursor reads
/// `old`. The cursor may be in another article: this is how a rename reaches the other articles
/// of a workspace that mention the same entity.
pub fn rename_entity_edits(
    analysis: &Analysis,
    text: &str,
    entity: EntityId,
    old: &str,
    new_name: &str,
) -> Result<Vec<TextEdit>, RenameError> {
    let new_name = new_name.trim();
    // (line breaks, tabs, NUL: no name holds a control character)
    if new_name.is_empty() || new_name.contains(char::is_control) {
        return Err(RenameError::InvalidName);
    }
    let old_words: Vec<&str> = old.split_whitespace().collect();
    let new_words: Vec<&str> = new_name.split_whitespace().collect();
    let mut edits = Vec::new();
    for &m in &analysis.entities[entity].mentions {
        let span = analysis.mentions[m].span;
        let t = span.text(text);
        if t == old {
            edits.push(edit(span, new_name));
        } else if old_words.len() == 1 {
            edits.extend(whole_word_matches(t, old).map(|s| {
                edit(
                    Span::new(span.start + s, span.start + s + old.len()),
                    new_name,
                )
            }));
        } else if Some(&t) == old_words.last() {
            edits.push(edit(span, new_words.last().unwrap_or(&new_name)));
        } else if Some(&t) == old_words.first() {
            edits.push(edit(span, new_words.first().unwrap_or(&new_name)));
        }
    }
    edits.retain(|e| e.span.text(text) != e.new_text);
    Ok(edits)
}

fn edit(span: Span, new_text: &str) -> TextEdit {
    TextEdit {
        span,
        new_text: new_text.to_string(),
    }
}

/// Byte offsets of `word` in `hay` where it is not part of a longer word.
fn whole_word_matches<'a>(hay: &'a str, word: &'a str) -> impl Iterator<Item = usize> + 'a {
    hay.match_indices(word).map(|(i, _)| i).filter(move |&i| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyze, text::DocKind, Config};

    const TEXT: &str =
        "Iranian President Ebrahim Raisi arrived in Beijing on Tuesday. Raisi met officials.";

    fn apply(text: &str, mut edits: Vec<TextEdit>) -> String {
        let mut out = text.to_string();
        edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
        for e in edits {
            out.replace_range(e.span.range(), &e.new_text);
        }
        out
    }

    #[test]
    fn surname_rename_rewrites_full_names_too() {
        let a = analyze(TEXT, DocKind::Plain, &Config::default());
        let at = TEXT.rfind("Raisi").unwrap() + 2;
        let edits = rename_edits(&a, TEXT, at, "Raeesi").unwrap();
        assert_eq!(
            apply(TEXT, edits),
            "Iranian President Ebrahim Raeesi arrived in Beijing on Tuesday. Raeesi met officials."
        );
    }

    #[test]
    fn full_name_rename_rewrites_surnames_with_the_last_word() {
        let a = analyze(TEXT, DocKind::Plain, &Config::default());
        let at = TEXT.find("Ebrahim").unwrap();
        let edits = rename_edits(&a, TEXT, at, "Ibrahim Raeesi").unwrap();
        assert_eq!(
            apply(TEXT, edits),
            "Iranian President Ibrahim Raeesi arrived in Beijing on Tuesday. Raeesi met officials."
        );
    }

    #[test]
    fn errors() {
        let a = analyze(TEXT, DocKind::Plain, &Config::default());
        assert_eq!(
            rename_edits(&a, TEXT, TEXT.find("arrived").unwrap() + 2, "X"),
            Err(RenameError::NotAMention)
        );
        assert_eq!(
            rename_edits(&a, TEXT, TEXT.find("Raisi").unwrap(), "  "),
            Err(RenameError::InvalidName)
        );
        for name in ["Ebrahim\nRaisi", "\n\"\u{0}", "Ebrahim\tRaisi"] {
            assert_eq!(
                rename_edits(&a, TEXT, TEXT.find("Raisi").unwrap(), name),
                Err(RenameError::InvalidName),
                "{name:?}"
            );
        }
    }
}
