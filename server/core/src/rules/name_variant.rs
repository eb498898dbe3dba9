//! `name-variant`: one entity spelled two ways in the same article ("Amirabdollahian" and
//! "Amir-Abdollahian").

use rustc_hash::FxHashMap as HashMap;

use super::check::{finding, fix, Context};
use super::{Finding, Severity};
use crate::entities::write_entity_key;

fn same_letters(a: &str, b: &str) -> bool {
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

pub fn run(cx: &Context, severity: Severity) -> Vec<Finding> {
    let input = cx.input;
    let mut out = Vec::new();
    let mut key = String::new();
    // only entities written in more than one way can have variant spellings
    for e in input.entities.iter().filter(|e| e.aliases.len() > 1) {
        // key → the first spelling seen
        let mut first: HashMap<String, &str> = HashMap::default();
        // spelling → the first spelling of its key: most mentions repeat a spelling, whose key
        // is then not built again
        let mut known: HashMap<&str, &str> = HashMap::default();
        for &m in &e.mentions {
            let span = input.mentions[m].span;
            let written = cx.text(span);
            let earlier = *known.entry(written).or_insert_with(|| {
                // spellings that differ only in case, hyphens, spaces, apostrophes or periods
                // share the entity key
                write_entity_key(written, &mut key);
                match first.get(key.as_str()) {
                    Some(&earlier) => earlier,
                    None => {
                        first.insert(key.clone(), written);
                        written
                    }
                }
            });
            // an all-caps headline or a lower-case slip is not a variant spelling
            if earlier != written && !same_letters(earlier, written) {
                let mut f = finding(
                    "name-variant",
                    severity,
                    span,
                    format!("“{written}” is spelled “{earlier}” elsewhere in this article"),
                );
                f.fixes
                    .push(fix(&format!("Spell it “{earlier}”"), span, earlier));
                out.push(f);
            }
        }
    }
    out
}
