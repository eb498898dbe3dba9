//! Tokens: words (with internal apostrophes, hyphens and abbreviation periods), numbers,
//! possessive markers, quotation marks, dashes and other punctuation.

use std::sync::LazyLock;

use crate::span::Span;
use crate::wordset::WordSet;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    /// `'s`, `’s`, or a bare `’` after a plural ("officials’").
    Possessive,
    /// “ ‘ or a straight quote that opens.
    OpenQuote,
    /// ” ’ or a straight quote that closes.
    CloseQuote,
    /// Em dash, en dash between spaces, `--`.
    Dash,
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    /// Whitespace (or the start of the text) comes right before this token.
    pub space_before: bool,
    /// A line break comes between the previous token and this one.
    pub newline_before: bool,
    /// The first character is upper case, or the word is a brand in camel case ("iPhone"),
    /// capitalised as a name is (asked of nearly every token, so noted once).
    pub upper: bool,
}

/// Abbreviations that keep their period ("Mr.", "Sept.", "Inc."). Lower-cased, without the period.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt",
    "cmdr", "adm", "maj", "rev", "st", "jr", "sr", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "inc", "corp", "co", "ltd", "no", "vs", "v", "etc", "ft",
    "mt", "pres", "gens", "reps", "sens", "dept", "univ", "assn", "bros", "messrs", "mme", "mlle",
    "hon", "atty", "supt", "insp", "det", "cpl", "pvt", "cie", "plc", "ave", "blvd", "rd",
    "approx", "est", "fig", "al", "e.g", "i.e",
];

static ABBREVIATION_SET: LazyLock<WordSet> =
    LazyLock::new(|| ABBREVIATIONS.iter().copied().collect());

/// US states as news agencies abbreviate them ("CUPERTINO, Calif.", "Portland, Ore."), as
/// written: capitalised only, since "ill." and "wash." end sentences. (Two-letter ones with
/// periods, "N.J.", are initialisms already; "Ohio" and "Texas" are not abbreviated.)
const STATE_ABBREVIATIONS: &[&str] = &[
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Kans",
    "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore",
    "Oreg", "Pa", "Tenn", "Va", "Vt", "Wash", "Wis", "Wyo",
];

static STATE_ABBREVIATION_SET: LazyLock<WordSet> =
    LazyLock::new(|| STATE_ABBREVIATIONS.iter().copied().collect());

/// Asked of every word before a period, so a hash lookup rather than a scan of the list.
pub fn is_abbreviation(word_without_period: &str) -> bool {
    word_without_period.len() <= 6
        && (ABBREVIATION_SET.contains_lowercased(word_without_period)
            || STATE_ABBREVIATION_SET.contains(word_without_period))
}

/// Whether the period at `end` after the word at `start..end` is an abbreviation's: "Sept.",
/// "Inc.", and "No." only before its number ("No. 5"; "Smith said no." ends a sentence).
fn abbreviation_period(text: &str, start: usize, end: usize) -> bool {
    let word = &text[start..end];
    is_abbreviation(word)
        && (!word.eq_ignore_ascii_case("no")
            || text[end + 1..]
                .trim_start_matches(' ')
                .starts_with(|c: char| c.is_ascii_digit()))
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

fn is_word_char(c: char) -> bool {
    // curly quotes and dashes, the non-ASCII characters articles have most, are in General
    // Punctuation, which has no letter or digit: no Unicode table lookup for them
    c.is_ascii_alphanumeric()
        || !c.is_ascii() && !('\u{2000}'..='\u{206F}').contains(&c) && c.is_alphanumeric()
        || c == '\u{00AD}'
}

/// Character-level reads at byte offsets (always on char boundaries) without collecting the
/// characters first: most text is ASCII, so the common case is one byte compare.
struct Chars<'a> {
    text: &'a str,
}

impl Chars<'_> {
    fn at(&self, k: usize) -> Option<char> {
        match self.text.as_bytes().get(k) {
            None => None,
            Some(&b) if b < 0x80 => Some(b as char),
            Some(_) => self.text[k..].chars().next(),
        }
    }

    /// The offset of the character after the one at `k`.
    fn next(&self, k: usize) -> usize {
        match self.text.as_bytes().get(k) {
            None => self.text.len(),
            Some(&b) if b < 0x80 => k + 1,
            Some(&b) if b >= 0xF0 => k + 4,
            Some(&b) if b >= 0xE0 => k + 3,
            Some(_) => k + 2,
        }
    }

    fn before(&self, k: usize) -> Option<char> {
        self.text[..k].chars().next_back()
    }
}

/// The tokens of `text`, and the indices of those that are not all ASCII.
pub fn tokenize(text: &str) -> (Vec<Token>, Vec<usize>) {
    // (news prose runs some five bytes a token: sized to hold all of them without growing, as
    // copying the list over when it grew was a tenth of the tokenizer's work)
    let mut tokens = Vec::with_capacity(text.len() / 4 + 16);
    let mut non_ascii = Vec::new();
    let cs = Chars { text };
    let at = |k: usize| cs.at(k);
    let next = |k: usize| cs.next(k);
    let n = text.len();
    let mut k = 0;
    let mut space_before = true;
    let mut newline_before = false;
    let bytes = text.as_bytes();
    while k < n {
        // fast paths for what most of an article is: spaces, plain ASCII words, simple punctuation
        match bytes[k] {
            b' ' | b'\t' | b'\r' => {
                space_before = true;
                k += 1;
                continue;
            }
            b'\n' => {
                space_before = true;
                newline_before = true;
                k += 1;
                continue;
            }
            _ => {}
        }
        if let Some((end, kind)) = plain_ascii_token(text, k) {
            tokens.push(Token {
                span: Span::new(k, end),
                kind,
                space_before,
                newline_before,
                upper: bytes[k].is_ascii_uppercase()
                    || matches!(bytes[k], b'i' | b'e') && is_camel_brand(&bytes[k..end]),
            });
            // the space after a word, taken here rather than by another turn of the loop
            space_before = bytes.get(end) == Some(&b' ');
            newline_before = false;
            k = end + usize::from(space_before);
            continue;
        }
        let c = at(k).unwrap_or(' ');
        if c.is_whitespace() {
            space_before = true;
            newline_before |= c == '\n';
            k = next(k);
            continue;
        }
        let start = k;
        let kind;
        if is_word_char(c) {
            // initialisms with periods: U.S., U.N., D.C., a.m.
            let mut j = k;
            let mut pairs = 0;
            while at(j).is_some_and(char::is_alphabetic) && at(next(j)) == Some('.') {
                j = next(next(j));
                pairs += 1;
            }
            let initialism = pairs >= 2 && !at(j).is_some_and(is_word_char);
            if initialism {
                k = j;
                kind = TokenKind::Word;
            } else {
                let numeric = c.is_ascii_digit();
                k = next(k);
                loop {
                    // most of a word is ASCII letters and digits
                    k = alphanumeric_end(bytes, k);
                    match at(k) {
                        Some(ch) if is_word_char(ch) => k = next(k),
                        // O'Brien, don't, Khamenei's (the possessive is split off below)
                        Some(ch)
                            if is_apostrophe(ch)
                                && at(next(k)).is_some_and(char::is_alphabetic) =>
                        {
                            let k1 = next(k);
                            let after_s = at(k1).is_some_and(|x| x == 's' || x == 'S')
                                && !at(next(k1)).is_some_and(is_word_char);
                            if after_s {
                                break;
                            }
                            k = k1;
                        }
                        Some(ch) if is_hyphen(ch) && at(next(k)).is_some_and(is_word_char) => {
                            k = next(k)
                        }
                        // 2,000 3.5 10:30
                        Some(',' | '.' | ':')
                            if numeric && at(k + 1).is_some_and(|x| x.is_ascii_digit()) =>
                        {
                            k += 1
                        }
                        _ => break,
                    }
                }
                // Mr. Sept. Inc. J. keep their period (not the letter after an ampersand: "to
                // AT&T." ends the sentence; nor a letter ending a paragraph: "a post on X.";
                // nor the platform: "posted on X. Mexico's president …")
                if at(k) == Some('.') {
                    let word = &text[start..k];
                    let initial = word.chars().count() == 1
                        && c.is_uppercase()
                        && cs.before(start) != Some('&')
                        && !(word == "X" && after_platform_preposition(text, start))
                        && initial_period(text, k + 1);
                    if initial || abbreviation_period(text, start, k) {
                        k += 1;
                    }
                }
                kind = if numeric && text[start..k].chars().all(|x| !x.is_alphabetic()) {
                    TokenKind::Number
                } else {
                    TokenKind::Word
                };
            }
        } else if is_apostrophe(c)
            && at(next(k)).is_some_and(|x| x == 's' || x == 'S')
            && !at(next(next(k))).is_some_and(is_word_char)
            && cs.before(k).is_some_and(is_word_char)
        {
            k = next(next(k));
            kind = TokenKind::Possessive;
        } else if is_apostrophe(c)
            && cs.before(k) == Some('s')
            && !at(next(k)).is_some_and(is_word_char)
            && !space_before
            && !open_single_quote_pending(&tokens, text)
        {
            k = next(k);
            kind = TokenKind::Possessive;
        } else {
            k = next(k);
            kind = match c {
                '“' | '«' | '„' => TokenKind::OpenQuote,
                '”' | '»' => TokenKind::CloseQuote,
                '‘' => TokenKind::OpenQuote,
                '’' => TokenKind::CloseQuote,
                '"' | '\'' => {
                    let prev_space = space_before
                        || tokens.last().is_some_and(|t: &Token| {
                            matches!(t.kind, TokenKind::OpenQuote | TokenKind::Dash)
                                || matches!(&text[t.span.range()], "(" | "[" | "—")
                        });
                    let next_word = at(k).is_some_and(|x| !x.is_whitespace());
                    if prev_space && next_word {
                        TokenKind::OpenQuote
                    } else {
                        TokenKind::CloseQuote
                    }
                }
                '—' | '―' => TokenKind::Dash,
                '–' if space_before || at(k).is_some_and(char::is_whitespace) => TokenKind::Dash,
                // a hyphen between spaces is a dash: "TEHRAN (Reuters) - Officials said"
                '-' if space_before && at(k).is_some_and(char::is_whitespace) => TokenKind::Dash,
                '-' if at(k) == Some('-') => {
                    while at(k) == Some('-') {
                        k += 1;
                    }
                    TokenKind::Dash
                }
                _ => TokenKind::Punct,
            };
        }
        if !bytes[start..k].is_ascii() {
            non_ascii.push(tokens.len());
        }
        tokens.push(Token {
            span: Span::new(start, k),
            kind,
            space_before,
            newline_before,
            upper: c.is_uppercase(),
        });
        space_before = false;
        newline_before = false;
    }
    (tokens, non_ascii)
}

/// Top-level domains that end a site's name written in running text.
const DOMAINS: [&[u8]; 16] = [
    b"com", b"org", b"net", b"gov", b"edu", b"io", b"co", b"us", b"uk", b"ai", b"info", b"news",
    b"de", b"fr", b"fyi", b"tv",
];

/// The end of the domains after the word ending at `dot` ("PowerOutage.us", "bbc.co.uk"), if
/// a known one follows with nothing of a word after it.
fn domain_end(bytes: &[u8], dot: usize) -> Option<usize> {
    let mut end = None;
    let mut k = dot;
    while bytes.get(k) == Some(&b'.') {
        let e = alphanumeric_end(bytes, k + 1);
        if !DOMAINS.contains(&&bytes[k + 1..e]) || bytes.get(e).is_some_and(|b| *b >= 0x80) {
            break;
        }
        end = Some(e);
        k = e;
    }
    end
}

/// A token at `k` that needs none of the rules below: an ASCII word or number ending before a
/// space or punctuation that cannot continue it (no apostrophe, hyphen or non-ASCII character
/// after it, no initialism, no period after a number), or a comma, semicolon, colon, bracket,
/// `!`, `?` or a period. Its end and kind; `None` sends the token through the full rules.
fn plain_ascii_token(text: &str, k: usize) -> Option<(usize, TokenKind)> {
    let bytes = text.as_bytes();
    match bytes[k] {
        b',' | b';' | b':' | b'(' | b')' | b'!' | b'?' | b'.' => Some((k + 1, TokenKind::Punct)),
        b'a'..=b'z' | b'A'..=b'Z' => {
            let j = alphanumeric_end(bytes, k + 1);
            match bytes.get(j) {
                Some(b'\'' | b'-') => None,
                // an initial, or the start of an initialism
                Some(b'.') if j == k + 1 => None,
                Some(&b) if b >= 0x80 => None,
                // a site's name ("PowerOutage.us", "FlightAware.com"); else a word of two
                // characters or more keeps a period only as an abbreviation
                Some(b'.') => Some((
                    domain_end(bytes, j)
                        .unwrap_or_else(|| j + usize::from(abbreviation_period(text, k, j))),
                    TokenKind::Word,
                )),
                _ => Some((j, TokenKind::Word)),
            }
        }
        b'0'..=b'9' => {
            let j = alphanumeric_end(bytes, k + 1);
            match bytes.get(j) {
                Some(b'\'' | b'-' | b'.' | b',' | b':') => None,
                Some(&b) if b >= 0x80 => None,
                _ if bytes[k..j].iter().all(u8::is_ascii_digit) => Some((j, TokenKind::Number)),
                _ => Some((j, TokenKind::Word)),
            }
        }
        _ => None,
    }
}

/// Whether the word before `start` is "on", "via", "to" or "from", which put a platform after
/// them ("on X"), never a person's initial.
fn after_platform_preposition(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches(' ');
    let word = before.rsplit(|c: char| !c.is_ascii_alphabetic()).next();
    before.len() < start && matches!(word, Some("on" | "On" | "via" | "to" | "from"))
}

/// Whether the period at `from - 1` may be an initial's ("J. Smith", "Charles G. and David H.
/// Koch", "John F.⏎Kennedy" hard-wrapped) rather than the end of a sentence: not at the end of
/// the text or of a paragraph ("a post on X."), nor before a quotation mark ("so will I.\"").
fn initial_period(text: &str, from: usize) -> bool {
    let rest = &text[from..];
    if rest.starts_with(['"', '”', '’', '\'']) {
        return false;
    }
    let mut newlines = 0;
    match rest.chars().find(|&c| {
        newlines += usize::from(c == '\n');
        !c.is_whitespace()
    }) {
        None | Some('"' | '“') => false,
        Some(_) => newlines < 2,
    }
}

/// The end of the run of ASCII letters and digits at `from` (`from` itself if there is none).
/// Eight bytes at a time: most words end within the first eight, found by one test where a
/// loop over bytes took a branch per letter.
#[inline]
fn alphanumeric_end(bytes: &[u8], from: usize) -> usize {
    let mut k = from;
    while let Some(chunk) = bytes.get(k..k + 8) {
        let others = non_alphanumeric(u64::from_le_bytes(chunk.try_into().expect("eight bytes")));
        if others != 0 {
            return k + others.trailing_zeros() as usize / 8;
        }
        k += 8;
    }
    k + bytes[k.min(bytes.len())..]
        .iter()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(bytes.len().saturating_sub(k))
}

/// The high bit of each byte of `x` that is no ASCII letter or digit.
#[inline]
fn non_alphanumeric(x: u64) -> u64 {
    const ONES: u64 = u64::MAX / 0xff;
    const HIGH: u64 = ONES * 0x80;
    // the range tests add to each byte with its high bit cleared, so no sum carries over
    let low = x & !HIGH;
    let at_least = |v: u64, c: u8| (v + ONES * u64::from(0x80 - c)) & HIGH;
    let folded = low | (ONES * 0x20);
    let letter = at_least(folded, b'a') & !at_least(folded, b'z' + 1);
    let digit = at_least(low, b'0') & !at_least(low, b'9' + 1);
    !((letter | digit) & !(x & HIGH)) & HIGH
}

/// Whether an unclosed single opening quote precedes on the current line (then a trailing `’`
/// after an s closes it rather than marking a possessive).
fn open_single_quote_pending(tokens: &[Token], text: &str) -> bool {
    let mut depth = 0i32;
    for t in tokens.iter().rev() {
        let s = &text[t.span.range()];
        if t.newline_before {
            break;
        }
        match (t.kind, s) {
            (TokenKind::OpenQuote, "‘" | "'") => depth += 1,
            (TokenKind::CloseQuote, "’" | "'") => depth -= 1,
            _ => {}
        }
    }
    depth > 0
}

/// "iPhone", "iPad", "eBay": a brand's name written with a lower-case "i" or "e" before its
/// capital, and lower case after it ("mRNA", "iOS" are no such names).
pub fn is_camel_brand(w: &[u8]) -> bool {
    w.len() >= 4
        && matches!(w[0], b'i' | b'e')
        && w[1].is_ascii_uppercase()
        && w[2..].iter().any(u8::is_ascii_lowercase)
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_brand_in_camel_case_is_capitalised() {
        let upper = |w: &str| is_camel_brand(w.as_bytes());
        assert!(upper("iPhone") && upper("eBay") && upper("iPads"));
        assert!(!upper("iOS") && !upper("mRNA") && !upper("iraq") && !upper("e-mail"));
    }
    use super::*;

    fn toks(text: &str) -> Vec<(&str, TokenKind)> {
        tokenize(text)
            .0
            .into_iter()
            .map(|t| (&text[t.span.range()], t.kind))
            .collect()
    }

    #[test]
    fn names_keep_apostrophes_and_hyphens_and_lose_possessives() {
        use TokenKind::*;
        assert_eq!(
            toks("O'Brien met Amir-Abdollahian, Khamenei’s aide, and officials’ staff."),
            vec![
                ("O'Brien", Word),
                ("met", Word),
                ("Amir-Abdollahian", Word),
                (",", Punct),
                ("Khamenei", Word),
                ("’s", Possessive),
                ("aide", Word),
                (",", Punct),
                ("and", Word),
                ("officials", Word),
                ("’", Possessive),
                ("staff", Word),
                (".", Punct)
            ]
        );
    }

    #[test]
    fn a_site_s_name_is_one_word() {
        let words: Vec<&str> = toks("per PowerOutage.us. See bbc.co.uk, not it.Com or x.comma")
            .into_iter()
            .map(|(t, _)| t)
            .collect();
        assert_eq!(
            words,
            [
                "per",
                "PowerOutage.us",
                ".",
                "See",
                "bbc.co.uk",
                ",",
                "not",
                "it",
                ".",
                "Com",
                "or",
                "x",
                ".",
                "comma"
            ]
        );
        let words: Vec<&str> = toks("per Layoffs.fyi and Twitch.tv")
            .into_iter()
            .map(|(t, _)| t)
            .collect();
        assert_eq!(words, ["per", "Layoffs.fyi", "and", "Twitch.tv"]);
    }

    #[test]
    fn abbreviations_initials_and_numbers() {
        use TokenKind::*;
        assert_eq!(
            toks("Mr. J. Smith of the U.S. paid $2,000.50 on Sept. 3 in Washington, D.C."),
            vec![
                ("Mr.", Word),
                ("J.", Word),
                ("Smith", Word),
                ("of", Word),
                ("the", Word),
                ("U.S.", Word),
                ("paid", Word),
                ("$", Punct),
                ("2,000.50", Number),
                ("on", Word),
                ("Sept.", Word),
                ("3", Number),
                ("in", Word),
                ("Washington", Word),
                (",", Punct),
                ("D.C.", Word)
            ]
        );
        // a state's abbreviation keeps its period; the same word in lower case ends a sentence
        assert_eq!(
            toks("Cupertino, Calif. He fell ill."),
            vec![
                ("Cupertino", Word),
                (",", Punct),
                ("Calif.", Word),
                ("He", Word),
                ("fell", Word),
                ("ill", Word),
                (".", Punct)
            ]
        );
        // "No." is an abbreviation only before its number
        assert_eq!(
            toks("He said no. No. 5 won."),
            vec![
                ("He", Word),
                ("said", Word),
                ("no", Word),
                (".", Punct),
                ("No.", Word),
                ("5", Number),
                ("won", Word),
                (".", Punct)
            ]
        );
        // a letter with no name after it is no initial: the period ends the sentence; nor is
        // the platform after "on", whatever follows it ("Y." after "On" stays an initial)
        assert_eq!(
            toks("a post on X.\n\nOn X. He saw Y. Li"),
            vec![
                ("a", Word),
                ("post", Word),
                ("on", Word),
                ("X", Word),
                (".", Punct),
                ("On", Word),
                ("X", Word),
                (".", Punct),
                ("He", Word),
                ("saw", Word),
                ("Y.", Word),
                ("Li", Word)
            ]
        );
        // a letter after an ampersand is no initial: the period ends the sentence
        assert_eq!(
            toks("to P&G. He"),
            vec![
                ("to", Word),
                ("P", Word),
                ("&", Punct),
                ("G", Word),
                (".", Punct),
                ("He", Word)
            ]
        );
    }

    #[test]
    fn quotes_and_dashes() {
        use TokenKind::*;
        assert_eq!(
            toks("“No,” he said — \"never\" -- 'ever' don't"),
            vec![
                ("“", OpenQuote),
                ("No", Word),
                (",", Punct),
                ("”", CloseQuote),
                ("he", Word),
                ("said", Word),
                ("—", Dash),
                ("\"", OpenQuote),
                ("never", Word),
                ("\"", CloseQuote),
                ("--", Dash),
                ("'", OpenQuote),
                ("ever", Word),
                ("'", CloseQuote),
                ("don't", Word)
            ]
        );
    }

    #[test]
    fn alphanumeric_runs_end_where_a_byte_at_a_time_scan_ends() {
        // every byte value at every position of a chunk, and runs across chunk borders
        let naive = |b: &[u8], from: usize| {
            from + b[from..]
                .iter()
                .position(|c| !c.is_ascii_alphanumeric())
                .unwrap_or(b.len() - from)
        };
        for other in 0..=255u8 {
            for at in 0..20 {
                let mut b = b"Abz09AZaz9Mq0x7Yb3Wd".to_vec();
                b[at] = other;
                for from in [0, 1, 5, 12] {
                    assert_eq!(
                        alphanumeric_end(&b, from),
                        naive(&b, from),
                        "{other} at {at}"
                    );
                }
            }
        }
        assert_eq!(alphanumeric_end(b"abc", 3), 3);
        assert_eq!(alphanumeric_end(b"", 0), 0);
    }
}
