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
    /// Reads settings leniently: `null` means defaults; a malformed value is logged and ignored.
    pub fn from_json(value: &serde_json::Value) -> Option<Settings> {
        if value.is_null() {
            return Some(Settings::default());
        }
        match serde_json::from_value(value.clone()) {
            Ok(s) => Some(s),
            Err(e) => {
                eprintln!("copydesk lsp: ignoring malformed settings: {e}");
                None
            }
        }
    }

    /// `config` with these settings on top. "default" keeps the project's level for a rule.
    pub fn overlay(&self, mut config: Config) -> Config {
        for (id, level) in &self.rules {
            if rule(id).is_none() {
                eprintln!("copydesk lsp: settings name an unknown rule `{id}`");
                continue;
            }
            match level.trim().to_ascii_lowercase().as_str() {
                "default" => {}
                "off" => {
                    config.rules.insert(id.clone(), None);
                }
                other => match Severity::parse(other) {
                    Some(s) => {
                        config.rules.insert(id.clone(), Some(s));
                    }
                    None => eprintln!("copydesk lsp: unknown level `{level}` for rule `{id}`"),
                },
            }
        }
        if let Some(min) = self.min_severity.as_deref().and_then(Severity::parse) {
            config.min_severity = min;
        }
        config
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
        assert!(!s.inlay_hints.enabled);
        let c = s.overlay(Config::default());
        assert_eq!(c.severity("unsourced-claim"), None);
        assert_eq!(c.severity("weasel-attribution"), Some(Severity::Error));
        assert_eq!(c.min_severity, Severity::Info);
        assert_eq!(Settings::from_json(&json!({"rules": 3})), None);
    }
}
