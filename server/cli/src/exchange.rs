//! The annotation exchange format of `../shared/eval/FORMAT.md`: JSON Lines, code-point offsets.
//! Wire types are separate from core types so the format is a stable contract. They are written
//! by [`Document::to_json`] rather than by serde: serde_json's per-field work (every key escaped,
//! the cluster id formatted through `fmt`) was a third of the cost of an annotate run. The test
//! below holds the writer to what `serde_json::to_string` gives for the same types.

use copydesk_core::position::CodePointIndex;
use copydesk_core::{Analysis, Config, Span};
#[cfg(test)]
use serde::Serialize;

#[cfg_attr(test, derive(Serialize))]
pub struct Document<'a> {
    pub id: &'a str,
    pub entities: Vec<EntityMention>,
    pub attributions: Vec<Attribution>,
    pub unsourced: Vec<Unsourced>,
}

#[cfg_attr(test, derive(Serialize))]
pub struct EntityMention {
    pub start: usize,
    pub end: usize,
    #[cfg_attr(test, serde(rename = "type"))]
    pub ty: &'static str,
    pub cluster: Cluster,
}

/// A cluster id, written as "e7".
pub struct Cluster(pub usize);

#[cfg(test)]
impl Serialize for Cluster {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&format_args!("e{}", self.0))
    }
}

#[cfg_attr(test, derive(Serialize))]
pub struct Attribution {
    pub cue: Option<[usize; 2]>,
    pub source: Option<[usize; 2]>,
    pub content: Option<[usize; 2]>,
    #[cfg_attr(test, serde(skip_serializing_if = "Option::is_none"))]
    pub cue_spans: Option<Vec<[usize; 2]>>,
    #[cfg_attr(test, serde(skip_serializing_if = "Option::is_none"))]
    pub source_spans: Option<Vec<[usize; 2]>>,
    #[cfg_attr(test, serde(skip_serializing_if = "Option::is_none"))]
    pub content_spans: Option<Vec<[usize; 2]>>,
    pub source_kind: &'static str,
    pub direct: bool,
}

#[cfg_attr(test, derive(Serialize))]
pub struct Unsourced {
    pub start: usize,
    pub end: usize,
}

/// Mentions and nested mentions in text order. A nested name the article never names on its own
/// gets a cluster of its own per knowledge-base entry, numbered after the entities.
fn entity_mentions(
    a: &Analysis,
    config: &Config,
    cp: &impl Fn(Span) -> [usize; 2],
) -> Vec<EntityMention> {
    let mut unlinked: Vec<Option<u32>> = Vec::new();
    let nested = a.nested(config).into_iter().map(|n| {
        let cluster = n.entity.unwrap_or_else(|| {
            let k = unlinked.iter().position(|&r| r == n.kb).unwrap_or_else(|| {
                unlinked.push(n.kb);
                unlinked.len() - 1
            });
            a.entities.len() + k
        });
        (n.span, n.ty.label(), cluster)
    });
    let mut all: Vec<(Span, &'static str, usize)> = a
        .mentions
        .iter()
        .map(|m| (m.span, a.entities[m.entity].ty.label(), m.entity))
        .chain(nested)
        .collect();
    all.sort_by_key(|(s, ..)| (s.start, std::cmp::Reverse(s.end)));
    all.into_iter()
        .map(|(span, ty, cluster)| {
            let [start, end] = cp(span);
            EntityMention {
                start,
                end,
                ty,
                cluster: Cluster(cluster),
            }
        })
        .collect()
}

/// The rule whose findings the format reports, as `unsourced` spans.
const UNSOURCED: &str = "unsourced-claim";

/// The default configuration with every rule but [`UNSOURCED`] turned off: the format reports
/// no other finding, so running the others would be wasted work (rules are independent of each
/// other, so the unsourced spans are the same).
pub fn config() -> Config {
    let mut config = Config::default();
    for rule in copydesk_core::rules::registry() {
        if rule.id != UNSOURCED {
            config.rules.insert(rule.id.to_string(), None);
        }
    }
    config
}

pub fn document<'a>(id: &'a str, text: &str, a: &Analysis, config: &Config) -> Document<'a> {
    let cpi = CodePointIndex::new(text);
    let cp = |s: Span| [cpi.to_code_points(s.start), cpi.to_code_points(s.end)];
    let hull = |spans: &[Span]| spans.iter().copied().reduce(Span::cover).map(cp);
    let frags = |spans: &[Span]| (spans.len() > 1).then(|| spans.iter().map(|s| cp(*s)).collect());
    Document {
        id,
        entities: entity_mentions(a, config, &cp),
        attributions: a
            .attributions
            .iter()
            .map(|at| Attribution {
                cue: hull(&at.cue),
                source: hull(&at.source),
                content: hull(&at.content),
                cue_spans: frags(&at.cue),
                source_spans: frags(&at.source),
                content_spans: frags(&at.content),
                source_kind: at.source_kind.label(),
                direct: at.direct,
            })
            .collect(),
        unsourced: a
            .findings
            .iter()
            .filter(|f| f.rule == UNSOURCED)
            .map(|f| {
                let [start, end] = cp(f.span);
                Unsourced { start, end }
            })
            .collect(),
    }
}

impl Document<'_> {
    /// The document as one line of compact JSON, exactly as `serde_json::to_string` writes it.
    pub fn to_json(&self) -> String {
        let mut w = Writer(Vec::with_capacity(
            64 + 64 * self.entities.len() + 160 * self.attributions.len(),
        ));
        w.raw("{\"id\":");
        w.string(self.id);
        w.raw(",\"entities\":[");
        for (k, e) in self.entities.iter().enumerate() {
            w.comma(k);
            w.start_end(e.start, e.end);
            // (type labels are plain upper-case words: nothing to escape)
            w.raw(",\"type\":\"");
            w.raw(e.ty);
            w.raw("\",\"cluster\":\"e");
            w.int(e.cluster.0);
            w.raw("\"}");
        }
        w.raw("],\"attributions\":[");
        for (k, a) in self.attributions.iter().enumerate() {
            w.comma(k);
            w.raw("{\"cue\":");
            w.pair(a.cue);
            w.raw(",\"source\":");
            w.pair(a.source);
            w.raw(",\"content\":");
            w.pair(a.content);
            for (key, spans) in [
                (",\"cue_spans\":", &a.cue_spans),
                (",\"source_spans\":", &a.source_spans),
                (",\"content_spans\":", &a.content_spans),
            ] {
                if let Some(spans) = spans {
                    w.raw(key);
                    w.raw("[");
                    for (k, p) in spans.iter().enumerate() {
                        w.comma(k);
                        w.pair(Some(*p));
                    }
                    w.raw("]");
                }
            }
            // (kind names are plain words: nothing to escape)
            w.raw(",\"source_kind\":\"");
            w.raw(a.source_kind);
            w.raw(if a.direct {
                "\",\"direct\":true}"
            } else {
                "\",\"direct\":false}"
            });
        }
        w.raw("],\"unsourced\":[");
        for (k, u) in self.unsourced.iter().enumerate() {
            w.comma(k);
            w.start_end(u.start, u.end);
            w.raw("}");
        }
        w.raw("]}");
        String::from_utf8(w.0).expect("the writer writes UTF-8")
    }
}

struct Writer(Vec<u8>);

impl Writer {
    fn raw(&mut self, s: &str) {
        self.0.extend_from_slice(s.as_bytes());
    }

    fn int(&mut self, n: usize) {
        self.raw(itoa::Buffer::new().format(n));
    }

    /// A JSON string, escaped by serde_json (ids may hold anything).
    fn string(&mut self, s: &str) {
        serde_json::to_writer(&mut self.0, s).expect("writing to a Vec cannot fail");
    }

    /// `{"start":S,"end":E`, the head of an entity or unsourced object.
    fn start_end(&mut self, start: usize, end: usize) {
        self.raw("{\"start\":");
        self.int(start);
        self.raw(",\"end\":");
        self.int(end);
    }

    fn comma(&mut self, k: usize) {
        if k > 0 {
            self.raw(",");
        }
    }

    fn pair(&mut self, p: Option<[usize; 2]>) {
        match p {
            Some([a, b]) => {
                self.raw("[");
                self.int(a);
                self.raw(",");
                self.int(b);
                self.raw("]");
            }
            None => self.raw("null"),
        }
    }
}

#[cfg(test)]
mod tests {
    use copydesk_core::text::DocKind;
    use copydesk_core::{analyze, Config};

    #[test]
    fn only_the_unsourced_rule_runs_and_its_spans_do_not_change() {
        let text = include_str!("../../../examples/raisi-beijing.txt");
        let unsourced = |config: &Config| {
            let a = analyze(text, DocKind::Plain, config);
            let spans: Vec<_> = super::document("x", text, &a, config)
                .unsourced
                .iter()
                .map(|u| (u.start, u.end))
                .collect();
            (spans, a.findings.len())
        };
        let (all, all_findings) = unsourced(&Config::default());
        let (only, only_findings) = unsourced(&super::config());
        assert!(!all.is_empty());
        assert_eq!(all, only);
        assert_eq!(only_findings, only.len());
        assert!(all_findings > only_findings);
    }

    #[test]
    fn integers_are_written_in_decimal() {
        for n in [0, 7, 9, 10, 99, 100, 12_345, 1_000_000, usize::MAX] {
            let mut w = super::Writer(b"x".to_vec());
            w.int(n);
            assert_eq!(w.0, format!("x{n}").into_bytes());
        }
    }

    #[test]
    fn to_json_writes_what_serde_json_writes() {
        let config = Config::default();
        for (id, text) in [
            (
                "raisi \"beijing\"\n",
                include_str!("../../../examples/raisi-beijing.txt"),
            ),
            (
                "split",
                "“No,” he said, “never.” Officials said nothing. A “claim” is a claim.",
            ),
            ("empty", ""),
        ] {
            let a = analyze(text, DocKind::Plain, &config);
            let doc = super::document(id, text, &a, &config);
            assert_eq!(doc.to_json(), serde_json::to_string(&doc).unwrap());
        }
    }
}
