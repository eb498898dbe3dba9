//! Configuration: rule settings, lexicon additions and project knowledge-base entries.
//!
//! Parsed from the text of a `copydesk.toml` (finding the file is the caller's job: the core does
//! no I/O). Unknown keys are errors with a line and column, so typos do not pass silently.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Deserialize;

use crate::entities::EntityType;
use crate::kb::{KbEntry, KnowledgeBase};
use crate::rules::{registry, Severity};

/// Everything an analysis depends on besides the text.
#[derive(Debug, Clone)]
pub struct Config {
    pub kb: Arc<KnowledgeBase>,
    /// Per-rule level; `None` disables the rule. Missing rules use their default severity.
    pub rules: BTreeMap<String, Option<Severity>>,
    /// Findings below this severity are dropped.
    pub min_severity: Severity,
    /// Words added to the lexicons, by lexicon name (`cues`, `weasel`, `anonymous`, `claims`, …).
    pub lexicon: BTreeMap<String, Vec<String>>,
    /// Glob patterns of files not to lint (applied by the CLI and the server).
    pub ignore: Vec<String>,
    /// Per-glob rule overrides, in file order (applied by the caller with [`Config::for_path`]).
    pub overrides: Vec<Override>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Override {
    pub files: Vec<String>,
    pub rules: BTreeMap<String, Option<Severity>>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            kb: KnowledgeBase::embedded(),
            rules: BTreeMap::new(),
            min_severity: Severity::Hint,
            lexicon: BTreeMap::new(),
            ignore: Vec::new(),
            overrides: Vec::new(),
        }
    }
}

/// A configuration error with a 1-based line and column in the source file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub line: usize,
    pub col: usize,
    pub message: String,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.col, self.message)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    #[serde(default)]
    min_severity: Option<String>,
    #[serde(default)]
    rules: BTreeMap<String, RawRule>,
    #[serde(default)]
    lexicon: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    ignore: Vec<String>,
    #[serde(default)]
    overrides: Vec<RawOverride>,
    #[serde(default)]
    entities: Vec<RawEntity>,
}

#[derive(Deserialize)]
#[serde(
    untagged,
    expecting = "expected a rule's level (\"off\", \"hint\", \"info\", \"warning\" or \"error\"), true or false, or a table with `severity` and `enabled`"
)]
enum RawRule {
    /// `rule = "warning"` or `rule = "off"`
    Level(String),
    /// `rule = false`
    Enabled(bool),
    /// `[rules.rule] severity = "…", enabled = …`
    Table {
        #[serde(default)]
        severity: Option<String>,
        #[serde(default)]
        enabled: Option<bool>,
    },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOverride {
    files: Vec<String>,
    #[serde(default)]
    rules: BTreeMap<String, RawRule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntity {
    name: String,
    #[serde(rename = "type")]
    ty: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    description: String,
    #[serde(default)]
    link: String,
    #[serde(default)]
    tags: Vec<String>,
}

impl Config {
    /// Parses the text of a `copydesk.toml` on top of the embedded defaults.
    pub fn from_toml(src: &str) -> Result<Config, ConfigError> {
        let at = |span: Option<std::ops::Range<usize>>, message: String| {
            let (line, col) = span.map(|s| line_col(src, s.start)).unwrap_or((1, 1));
            ConfigError { line, col, message }
        };
        let raw: RawConfig =
            toml::from_str(src).map_err(|e| at(e.span(), e.message().to_string()))?;
        // serde loses spans after deserialization; find keys textually for semantic errors
        let locate = |needle: &str| src.find(needle).map(|i| i..i + needle.len());
        let mut cfg = Config::default();
        if let Some(level) = raw.min_severity {
            cfg.min_severity = Severity::parse(&level).ok_or_else(|| {
                at(
                    locate(&level),
                    format!("unknown severity `{level}` (use hint, info, warning or error)"),
                )
            })?;
        }
        cfg.rules = rule_map(
            raw.rules,
            &|n| {
                at(
                    locate(n),
                    format!("unknown rule `{n}` (see `copydesk rules`)"),
                )
            },
            &|v| {
                at(
                    locate(v),
                    format!("unknown severity `{v}` (use off, hint, info, warning or error)"),
                )
            },
        )?;
        for o in raw.overrides {
            let rules = rule_map(
                o.rules,
                &|n| at(locate(n), format!("unknown rule `{n}`")),
                &|v| at(locate(v), format!("unknown severity `{v}`")),
            )?;
            cfg.overrides.push(Override {
                files: o.files,
                rules,
            });
        }
        cfg.lexicon = raw.lexicon;
        cfg.ignore = raw.ignore;
        if !raw.entities.is_empty() {
            let mut extra = Vec::new();
            for e in raw.entities {
                let ty = EntityType::parse(&e.ty).ok_or_else(|| {
                    at(
                        locate(&format!("\"{}\"", e.ty)),
                        format!(
                            "unknown entity type `{}` (use PERSON, ORG, PLACE, NORP or MISC)",
                            e.ty
                        ),
                    )
                })?;
                extra.push(KbEntry {
                    name: e.name,
                    ty: Some(ty),
                    tags: e.tags,
                    aliases: e.aliases,
                    demonyms: Vec::new(),
                    description: e.description,
                    link: e.link,
                    from_project: true,
                });
            }
            cfg.kb = Arc::new(cfg.kb.with_entries(extra));
        }
        Ok(cfg)
    }

    /// The effective severity of a rule, or `None` when it is disabled or below the minimum.
    pub fn severity(&self, rule: &str) -> Option<Severity> {
        let level = match self.rules.get(rule) {
            Some(level) => *level,
            None => registry()
                .iter()
                .find(|r| r.id == rule)
                .map(|r| r.default_severity),
        }?;
        (level >= self.min_severity).then_some(level)
    }

    /// This configuration with the overrides whose globs match `path` applied, in order.
    /// `matches(glob, path)` is supplied by the caller (the core has no glob engine).
    pub fn for_path(&self, path: &str, matches: impl Fn(&str, &str) -> bool) -> Config {
        let mut cfg = self.clone();
        for o in &self.overrides {
            if o.files.iter().any(|g| matches(g, path)) {
                cfg.rules
                    .extend(o.rules.iter().map(|(k, v)| (k.clone(), *v)));
            }
        }
        cfg
    }

    /// Extra words for a lexicon (from `[lexicon]`).
    pub fn lexicon_words(&self, name: &str) -> &[String] {
        self.lexicon.get(name).map(Vec::as_slice).unwrap_or(&[])
    }
}

fn rule_map(
    raw: BTreeMap<String, RawRule>,
    unknown_rule: &dyn Fn(&str) -> ConfigError,
    bad_level: &dyn Fn(&str) -> ConfigError,
) -> Result<BTreeMap<String, Option<Severity>>, ConfigError> {
    let mut out = BTreeMap::new();
    for (name, rule) in raw {
        let Some(info) = registry().iter().find(|r| r.id == name) else {
            return Err(unknown_rule(&name));
        };
        let parse = |v: &str| -> Result<Option<Severity>, ConfigError> {
            match v.trim().to_ascii_lowercase().as_str() {
                "off" | "none" | "disabled" => Ok(None),
                _ => Severity::parse(v).map(Some).ok_or_else(|| bad_level(v)),
            }
        };
        let level = match rule {
            RawRule::Level(v) => parse(&v)?,
            RawRule::Enabled(on) => on.then_some(info.default_severity),
            RawRule::Table { severity, enabled } => match (enabled, severity) {
                (Some(false), _) => None,
                (_, Some(v)) => parse(&v)?,
                (_, None) => Some(info.default_severity),
            },
        };
        out.insert(name, level);
    }
    Ok(out)
}

fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let before = &src[..offset.min(src.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_levels_and_entities_parse() {
        let cfg = Config::from_toml(
            r#"
min-severity = "info"
[rules]
unsourced-claim = "off"
weasel-attribution = "error"
boilerplate = true
[[entities]]
name = "Hossein Amirabdollahian"
type = "PERSON"
aliases = ["Amir-Abdollahian"]
description = "Iranian foreign minister"
"#,
        )
        .unwrap();
        assert_eq!(cfg.severity("unsourced-claim"), None);
        assert_eq!(cfg.severity("weasel-attribution"), Some(Severity::Error));
        // boilerplate defaults to hint, below the minimum
        assert_eq!(cfg.severity("boilerplate"), None);
        assert_eq!(cfg.severity("anonymous-source"), Some(Severity::Info));
        assert!(!cfg.kb.lookup("Amir-Abdollahian").is_empty());
    }

    #[test]
    fn errors_point_at_line_and_column() {
        let e = Config::from_toml("[rules]\nno-such-rule = \"warning\"\n").unwrap_err();
        assert_eq!((e.line, e.col), (2, 1));
        assert!(e.message.contains("no-such-rule"), "{}", e.message);
        let e = Config::from_toml("[rules]\nunsourced-claim = \"loud\"\n").unwrap_err();
        assert_eq!((e.line, e.col), (2, 20));
        let e = Config::from_toml("bogus = 1\n").unwrap_err();
        assert_eq!(e.line, 1);
        assert!(e.message.contains("bogus"), "{}", e.message);
        // a level of the wrong kind says what a rule takes (not serde's "untagged enum")
        let e = Config::from_toml("[rules]\nweasel-attribution = 3\n").unwrap_err();
        assert_eq!((e.line, e.col), (2, 22));
        assert_eq!(
            e.message,
            "expected a rule's level (\"off\", \"hint\", \"info\", \"warning\" or \"error\"), \
             true or false, or a table with `severity` and `enabled`"
        );
    }
}
