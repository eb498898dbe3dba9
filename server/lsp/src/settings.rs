//! Client settings (section "copydesk"), overlaid on the project's `copydesk.toml`.
//!
//! Shape: `{"rules": {"<rule-id>": "off|hint|info|warning|error|default"}, "minSeverity": "hint",
//! "inlayHints": {"enabled": true}}`, from `initializationOptions`, `workspace/configuration` or
//! `workspace/didChangeConfiguration`.

use std::collections::BTreeMap;

use copydesk_core::rules::{rule, Severity};
use copydesk_core::Config;
use serde::Deserialize;

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct Settings {
    pub rules: BTreeMap<String, String>,
    pub min_severity: Option<String>,
    pub inlay_hints: InlayHints,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(default)]
pub struct InlayHints {
    pub enabled: bool,
}

impl Default for InlayHints {
    fn default() -> Self {
        InlayHints { enabled: true }
    }
}

impl Settings {
    /// Reads settings: `null` means defaults; a malformed value is an error naming what is wrong
    /// (the caller keeps the settings it had).
    pub fn from_json(value: &serde_json::Value) -> Result<Settings, String> {
        if value.is_null() {
            return Ok(Settings::default());
        }
        serde_json::from_value(value.clone()).map_err(|e| e.to_string())
    }

    /// What in these settings names no rule or no level (those entries are ignored), one line
    /// each: the user sees them once, when the settings arrive.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (id, level) in &self.rules {
            if rule(id).is_none() {
                out.push(format!("unknown rule `{id}`"));
            } else if level_of(level).is_none() {
                out.push(format!(
                    "unknown level `{level}` for rule `{id}` (off, hint, info, warning, error or default)"
                ));
            }
        }
        if let Some(min) = &self.min_severity {
            if Severity::parse(min.trim()).is_none() {
                out.push(format!(
                    "unknown minSeverity `{min}` (hint, info, warning or error)"
                ));
            }
        }
        out
    }

    /// `config` with these settings on top. "default" keeps the project's level for a rule.
    pub fn overlay(&self, mut config: Config) -> Config {
        // (entries naming no rule or no level are skipped: `problems` reported them)
        for (id, level) in &self.rules {
            if let (Some(_), Some(Level::Set(s))) = (rule(id), level_of(level)) {
                config.rules.insert(id.clone(), s);
            }
        }
        if let Some(min) = self
            .min_severity
            .as_deref()
            .and_then(|m| Severity::parse(m.trim()))
        {
            config.min_severity = min;
        }
        config
    }
}

/// A rule's level in the settings.
enum Level {
    /// The project's level.
    Default,
    /// Off (`None`) or a severity.
    Set(Option<Severity>),
}

fn level_of(level: &str) -> Option<Level> {
    match level.trim().to_ascii_lowercase().as_str() {
        "default" => Some(Level::Default),
        "off" => Some(Level::Set(None)),
        other => Severity::parse(other).map(|s| Level::Set(Some(s))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn overlay_levels() {
        let s = Settings::from_json(&json!({
            "rules": {"unsourced-claim": "off", "weasel-attribution": "error", "boilerplate": "default"},
            "minSeverity": "info",
            "inlayHints": {"enabled": false}
        }))
        .unwrap();
        assert!(s.problems().is_empty());
        assert!(!s.inlay_hints.enabled);
        let c = s.overlay(Config::default());
        assert_eq!(c.severity("unsourced-claim"), None);
        assert_eq!(c.severity("weasel-attribution"), Some(Severity::Error));
        assert_eq!(c.min_severity, Severity::Info);
        assert!(Settings::from_json(&json!({"rules": 3})).is_err());
    }

    #[test]
    fn unknown_rules_and_levels_are_named_and_skipped() {
        let s = Settings::from_json(&json!({
            "rules": {"unsourced-claims": "off", "weasel-attribution": "warnin"},
            "minSeverity": "loud"
        }))
        .unwrap();
        assert_eq!(
            s.problems(),
            [
                "unknown rule `unsourced-claims`",
                "unknown level `warnin` for rule `weasel-attribution` (off, hint, info, warning, error or default)",
                "unknown minSeverity `loud` (hint, info, warning or error)",
            ]
        );
        let (c, d) = (s.overlay(Config::default()), Config::default());
        assert_eq!(
            c.severity("weasel-attribution"),
            d.severity("weasel-attribution")
        );
        assert_eq!(c.min_severity, d.min_severity);
    }
}
