//! Parsing of the knowledge-base data files.

use super::{KbEntry, KnowledgeBase};
use crate::entities::EntityType;
use crate::wordset::{WordMap, WordSet};

/// The embedded data files, in load order (earlier files win on ambiguous surfaces).
const ENTITY_FILES: &[(&str, &str)] = &[
    (
        "curated.tsv",
        include_str!("../../../../grammars/kb/curated.tsv"),
    ),
    (
        "organizations.tsv",
        include_str!("../../../../grammars/kb/organizations.tsv"),
    ),
    (
        "products.tsv",
        include_str!("../../../../grammars/kb/products.tsv"),
    ),
    (
        "groups.tsv",
        include_str!("../../../../grammars/kb/groups.tsv"),
    ),
    (
        "countries.tsv",
        include_str!("../../../../grammars/kb/countries.tsv"),
    ),
    (
        "regions.tsv",
        include_str!("../../../../grammars/kb/regions.tsv"),
    ),
    (
        "places.tsv",
        include_str!("../../../../grammars/kb/places.tsv"),
    ),
];
const TITLES: &str = include_str!("../../../../grammars/kb/titles.txt");
const GIVEN_NAMES: &str = include_str!("../../../../grammars/kb/given-names.txt");
const COMMON_WORDS: &str = include_str!("../../../../grammars/kb/common-words.txt");
const NAME_WORDS: &str = include_str!("../../../../grammars/kb/name-words.toml");

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KbError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for KbError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

pub(super) fn embedded() -> KnowledgeBase {
    let mut kb = KnowledgeBase::default();
    let files: Vec<Vec<KbEntry>> = ENTITY_FILES
        .iter()
        .map(|(file, src)| {
            parse_entities_tsv(file, src).expect("embedded knowledge base is valid (tested)")
        })
        .collect();
    kb.entries.reserve(files.iter().map(Vec::len).sum());
    // (sized up front: the tables would be copied over several times as they grow)
    let surfaces = files.iter().flatten();
    kb.surfaces = WordMap::with_capacity(
        surfaces
            .map(|e| 1 + e.aliases.len() + e.demonyms.len())
            .sum(),
    );
    kb.common_words =
        WordSet::with_capacity(memchr::memchr_iter(b'\n', COMMON_WORDS.as_bytes()).count());
    for e in files.into_iter().flatten() {
        kb.add(e);
    }
    for line in data_lines(TITLES) {
        kb.add_title(line);
    }
    for line in data_lines(GIVEN_NAMES) {
        kb.add_given_name(line);
    }
    for line in data_lines(COMMON_WORDS) {
        kb.add_common_word(line);
    }
    kb.words = toml::from_str(NAME_WORDS).expect("grammars/kb/name-words.toml is valid (tested)");
    kb
}

fn data_lines(src: &str) -> impl Iterator<Item = &str> {
    src.lines()
        .map(trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Parses an entities TSV: a header line `name type tags aliases demonyms description link`
/// (tab-separated; list columns separated by `|`), `#` comments and blank lines ignored.
pub fn parse_entities_tsv(file: &str, src: &str) -> Result<Vec<KbEntry>, KbError> {
    let err = |line: usize, message: String| KbError {
        file: file.to_string(),
        line,
        message,
    };
    let mut out = Vec::new();
    let mut header_seen = false;
    for (i, raw) in src.lines().enumerate() {
        let line = raw.trim_end_matches('\r');
        if trim(line).is_empty() || line.starts_with('#') {
            continue;
        }
        if !header_seen {
            if !line.starts_with("name\ttype") {
                return Err(err(
                    i + 1,
                    "expected the header `name\ttype\ttags\taliases\tdemonyms\tdescription\tlink`"
                        .into(),
                ));
            }
            header_seen = true;
            continue;
        }
        let (cols, len) = columns(line);
        if len < 2 || trim(cols[0]).is_empty() {
            return Err(err(i + 1, "expected at least a name and a type".into()));
        }
        let ty = match trim(cols[1]) {
            "" => None,
            t => Some(
                EntityType::parse(t).ok_or_else(|| err(i + 1, format!("unknown type `{t}`")))?,
            ),
        };
        let list = |k: usize| -> Vec<String> {
            if cols[k].is_empty() {
                return Vec::new();
            }
            cols[k]
                .split('|')
                .map(trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect()
        };
        let text = |k: usize| trim(cols[k]).to_string();
        out.push(KbEntry {
            name: trim(cols[0]).to_string(),
            ty,
            tags: list(2),
            aliases: list(3),
            demonyms: list(4),
            description: text(5),
            link: text(6),
            from_project: false,
        });
    }
    Ok(out)
}

/// `s.trim()`, answered from the two end bytes when they are neither ASCII whitespace nor part
/// of a non-ASCII character, as they almost always are in the data files.
fn trim(s: &str) -> &str {
    let plain = |b: Option<&u8>| b.is_some_and(|&b| b > b' ' && b.is_ascii());
    if plain(s.as_bytes().first()) && plain(s.as_bytes().last()) {
        s
    } else {
        s.trim()
    }
}

/// The (at most seven) tab-separated columns of `line`, the last one taking the rest, and how
/// many there are, into an array (the knowledge base is parsed at every start). The tabs are
/// found by one vectorized search over the line: most of a line is its description.
fn columns(line: &str) -> ([&str; 7], usize) {
    let mut cols = [""; 7];
    let mut len = 0;
    let mut start = 0;
    for j in memchr::memchr_iter(b'\t', line.as_bytes()) {
        if len == cols.len() - 1 {
            break;
        }
        cols[len] = &line[start..j];
        len += 1;
        start = j + 1;
    }
    cols[len] = &line[start..];
    (cols, len + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::Sense;

    #[test]
    fn embedded_data_parses_and_answers_lookups() {
        let kb = embedded();
        assert!(kb.entries.len() > 100, "{}", kb.entries.len());
        let iran = kb.lookup("Iran");
        assert!(matches!(iran.first(), Some(Sense::Name(_))));
        assert!(kb
            .lookup("Iranian")
            .iter()
            .any(|s| matches!(s, Sense::Demonym(_))));
        assert!(kb.is_title("foreign minister"));
        assert!(kb.is_given_name("Vladimir"));
    }

    #[test]
    fn every_embedded_file_has_typed_entries_with_unique_names() {
        for (file, src) in ENTITY_FILES {
            let entries = parse_entities_tsv(file, src).unwrap();
            let mut names = std::collections::HashSet::new();
            for e in &entries {
                assert!(e.ty.is_some(), "{file}: {} has no type", e.name);
                assert!(names.insert(&e.name), "{file}: {} twice", e.name);
            }
        }
    }

    #[test]
    fn short_forms_demonyms_and_acronyms_resolve_to_their_entries() {
        let kb = embedded();
        let name_of = |surface: &str| match kb.lookup(surface).first() {
            Some(Sense::Name(r) | Sense::Demonym(r)) => kb.entry(*r).name.clone(),
            None => format!("<{surface} not found>"),
        };
        assert_eq!(name_of("U.S."), "United States");
        assert_eq!(name_of("Britons"), "United Kingdom");
        assert_eq!(name_of("IRGC"), "Islamic Revolutionary Guard Corps");
        assert_eq!(name_of("Amir-Abdollahian"), "Hossein Amirabdollahian");
        assert_eq!(name_of("Shiite"), "Shiites");
        assert_eq!(name_of("Kiev"), "Kyiv");
        assert_eq!(name_of("Calif."), "California");
        assert_eq!(
            name_of("Mobile"),
            "<Mobile not found>",
            "a common word is not a place"
        );
        let wellknown =
            |s: &Sense| matches!(s, Sense::Name(r) if kb.entry(*r).has_tag("wellknown"));
        assert!(kb.lookup("NATO").iter().any(wellknown));
        assert!(kb.is_title("secretary of state"));
        assert!(kb.is_given_name("Hossein") && !kb.is_given_name("Will"));
    }

    #[test]
    fn trimming_is_str_trim() {
        for s in [
            "",
            " ",
            "a",
            " a ",
            "\ta\r",
            "a\u{a0}",
            "\u{2003}a",
            "é",
            "ab c",
        ] {
            assert_eq!(trim(s), s.trim(), "{s:?}");
        }
    }

    #[test]
    fn the_seventh_column_takes_the_rest_of_the_line() {
        let (cols, len) = columns("a\tb\t\td\te\tf\tg\th");
        assert_eq!(len, 7);
        assert_eq!(cols, ["a", "b", "", "d", "e", "f", "g\th"]);
        assert_eq!(columns("name"), (["name", "", "", "", "", "", ""], 1));
    }

    #[test]
    fn bad_type_is_reported_with_its_line() {
        let e = parse_entities_tsv("x.tsv", "name\ttype\nFoo\tPLANET\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.contains("PLANET"));
    }
}
