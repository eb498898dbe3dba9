//! Countries named as sports teams: "Sweden defeated South Korea 1 – 0", "Tunisia lost 1 – 2 to
//! England". A match score with two countries around it in one clause makes both national teams,
//! organizations; a lone country near a number range ("Russia and 15 – 20 other states") stays a
//! place.
//!
//! Cities named as clubs: "Liverpool beat Chelsea 2-1", "drew 1-1 with Leeds". A city right before
//! or after a score, or a result ("beat", "drew", "lost to"), is its club.

use std::ops::Range;

use rustc_hash::FxHashMap as HashMap;

use crate::text::{Document, TokenKind};

/// How far (in tokens) a score may stand from a country, within one clause.
const WINDOW: usize = 5;

/// Of the given country mentions (token range, country id), the indices of those that name a team.
pub fn national_teams<K: Copy + PartialEq>(
    doc: &Document,
    countries: &[(Range<usize>, K)],
) -> Vec<usize> {
    // score start token → the countries around it
    let mut around: HashMap<usize, Vec<(usize, K)>> = HashMap::default();
    for (i, (name, k)) in countries.iter().enumerate() {
        for s in scores_near(doc, name.clone()) {
            around.entry(s).or_default().push((i, *k));
        }
    }
    let mut teams: Vec<usize> = around
        .values()
        .filter(|v| v.iter().any(|(_, k)| *k != v[0].1))
        .flat_map(|v| v.iter().map(|(i, _)| *i))
        .collect();
    teams.sort_unstable();
    teams.dedup();
    teams
}

/// Of the given city names (token ranges), the indices of those that name a club: right before or
/// after a score ("Chelsea 2-1", "2-1 Chelsea"), a result ("Liverpool beat", "lost to Leeds") or
/// a standing ("champions Liverpool").
pub fn city_clubs(doc: &Document, cities: &[Range<usize>]) -> Vec<usize> {
    let word = |k: usize| doc.tokens.get(k).map_or("", |_| doc.lower(k));
    let on_line = |k: usize| doc.tokens.get(k).is_some_and(|t| !t.newline_before);
    cities
        .iter()
        .enumerate()
        .filter(|(_, name)| {
            let (a, e) = (name.start, name.end);
            let before = |w: &str| a >= 1 && word(a - 1) == w;
            let score_after = on_line(e) && score_len(doc, e).is_some();
            let score_before = a >= 1 && on_line(a) && score_ending_at(doc, a - 1).is_some();
            // ("Paris drew crowds": a draw or a loss needs its score or its opponent)
            let opponent_or_score = |k: usize| {
                matches!(word(k), "with" | "to") || on_line(k) && score_len(doc, k).is_some()
            };
            let result_after = on_line(e)
                && (matches!(word(e), "beat" | "beats")
                    || matches!(word(e), "drew" | "draws" | "lost" | "loses")
                        && opponent_or_score(e + 1));
            // ("10 points behind champions Liverpool": a club's standing before its name)
            let standing = a >= 1
                && matches!(
                    word(a - 1),
                    "champions" | "rivals" | "leaders" | "giants" | "holders"
                );
            let result_before = on_line(a)
                && (before("beat")
                    || before("beats")
                    || standing
                    || a >= 2
                        && matches!(word(a - 2), "lost" | "drew" | "draws" | "loses")
                        && matches!(word(a - 1), "to" | "with"));
            score_after || score_before || result_after || result_before
        })
        .map(|(i, _)| i)
        .collect()
}

/// Start tokens of the match scores ("1 – 0", "2-1") within a few tokens of the name, in its
/// clause.
fn scores_near(doc: &Document, name: Range<usize>) -> impl Iterator<Item = usize> + '_ {
    let after = (name.end..doc.tokens.len().min(name.end + WINDOW))
        .take_while(|&k| !ends_clause(doc, k))
        .filter(|&k| score_len(doc, k).is_some());
    let before = (name.start.saturating_sub(WINDOW)..name.start)
        .rev()
        .take_while(|&k| !ends_clause(doc, k))
        .filter_map(|k| score_ending_at(doc, k));
    after.chain(before)
}

fn ends_clause(doc: &Document, k: usize) -> bool {
    let t = &doc.tokens[k];
    t.newline_before || t.kind == TokenKind::Punct && doc.token_text(k) != "-"
}

/// The start of a score whose last token is `k`.
fn score_ending_at(doc: &Document, k: usize) -> Option<usize> {
    [k, k.saturating_sub(2)]
        .into_iter()
        .find(|&s| score_len(doc, s).is_some_and(|n| s + n == k + 1))
}

/// A score starting at token `k` (two small numbers joined by a dash or hyphen), in tokens.
fn score_len(doc: &Document, k: usize) -> Option<usize> {
    let small = |w: &str| (1..=2).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit());
    let text = |i: usize| doc.tokens.get(i).map_or("", |_| doc.token_text(i));
    let dash = |i: usize| {
        doc.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Dash || matches!(text(i), "-" | "\u{2013}"))
    };
    if small(text(k)) && dash(k + 1) && small(text(k + 2)) {
        return Some(3);
    }
    // "2-1" written as one token
    text(k)
        .split_once(['-', '\u{2013}'])
        .is_some_and(|(a, b)| small(a) && small(b))
        .then_some(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::DocKind;

    /// The text's tokens that are among `names` (one-token names), with their token ranges.
    fn found<'a>(doc: &Document, names: &[&'a str]) -> Vec<(Range<usize>, &'a str)> {
        (0..doc.tokens.len())
            .filter_map(|i| {
                let w = names.iter().find(|n| **n == doc.token_text(i))?;
                Some((i..i + 1, *w))
            })
            .collect()
    }

    /// The names among `names` (one-token country names) that the text makes teams.
    fn teams<'a>(text: &str, names: &[&'a str]) -> Vec<&'a str> {
        let doc = Document::new(text, DocKind::Plain);
        let countries = found(&doc, names);
        national_teams(&doc, &countries)
            .into_iter()
            .map(|i| countries[i].1)
            .collect()
    }

    #[test]
    fn countries_around_a_score_are_teams() {
        let c = ["Sweden", "Korea", "Tunisia", "England", "Belgium", "Panama"];
        assert_eq!(
            teams("Sweden defeated Korea 1 – 0 on Monday.", &c),
            ["Sweden", "Korea"]
        );
        assert_eq!(
            teams("Tunisia lost 1 – 2 to England.", &c),
            ["Tunisia", "England"]
        );
        assert_eq!(
            teams("Group G — Belgium 3-0 Panama", &c),
            ["Belgium", "Panama"]
        );
    }

    /// The names among `names` (one-token city names) that the text makes clubs.
    fn clubs<'a>(text: &str, names: &[&'a str]) -> Vec<&'a str> {
        let doc = Document::new(text, DocKind::Plain);
        let cities = found(&doc, names);
        let ranges: Vec<Range<usize>> = cities.iter().map(|(r, _)| r.clone()).collect();
        city_clubs(&doc, &ranges)
            .into_iter()
            .map(|i| cities[i].1)
            .collect()
    }

    #[test]
    fn a_city_beside_a_score_or_a_result_is_its_club() {
        let c = ["Liverpool", "Leeds", "Madrid", "Paris"];
        assert_eq!(
            clubs("Liverpool beat Chelsea 2-1 at Anfield.", &c),
            ["Liverpool"]
        );
        assert_eq!(
            clubs("Arsenal drew with Leeds, then lost 0-2 to Madrid.", &c),
            ["Leeds"]
        );
        assert_eq!(clubs("Everton lost to Madrid 3-1.", &c), ["Madrid"]);
        assert!(clubs("She moved from Paris to Leeds in 2-3 weeks.", &c).is_empty());
        assert_eq!(
            clubs("Arsenal finished 10 points behind champions Liverpool.", &c),
            ["Liverpool"]
        );
    }

    #[test]
    fn a_lone_country_near_numbers_is_not_a_team() {
        let c = ["Sweden", "Russia", "China"];
        assert!(teams("It ended with Sweden winning 1 – 0.", &c).is_empty());
        assert!(teams("Russia and 15 – 20 other states signed.", &c).is_empty());
        assert!(teams("The vote was 13-0, with Russia and China abstaining.", &c).is_empty());
        assert!(teams("Sweden sent 1,200 troops in 2015 – 2016 to Russia.", &c).is_empty());
    }
}
