//! The rule registry, compiled from `grammars/rules.toml`.

use std::sync::LazyLock;

use serde::Deserialize;

use super::Severity;

/// Metadata of one rule: the single source for CLI lists, docs and editor settings.
#[derive(Debug, Clone)]
pub struct RuleInfo {
    pub id: &'static str,
    pub default_severity: Severity,
    pub summary: &'static str,
    pub explanation: &'static str,
    pub docs_url: String,
}

#[derive(Deserialize)]
struct RawRegistry {
    docs_base: String,
    rule: Vec<RawRule>,
}

#[derive(Deserialize)]
struct RawRule {
    id: String,
    severity: String,
    summary: String,
    explanation: String,
}

static REGISTRY: LazyLock<Vec<RuleInfo>> = LazyLock::new(|| {
    let raw: RawRegistry = toml::from_str(include_str!("../../../../grammars/rules.toml"))
        .expect("grammars/rules.toml is valid (checked by tests)");
    raw.rule
        .into_iter()
        .map(|r| RuleInfo {
            docs_url: format!("{}{}", raw.docs_base, r.id),
            id: leak(r.id),
            default_severity: Severity::parse(&r.severity).expect("valid severity in rules.toml"),
            summary: leak(r.summary),
            explanation: leak(r.explanation.trim().to_string()),
        })
        .collect()
});

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

/// All rules, in registry order.
pub fn registry() -> &'static [RuleInfo] {
    &REGISTRY
}

/// The rule with this id.
pub fn rule(id: &str) -> Option<&'static RuleInfo> {
    registry().iter().find(|r| r.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_loads_with_unique_ids() {
        let ids: Vec<_> = registry().iter().map(|r| r.id).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(ids.len(), sorted.len());
        assert!(ids.contains(&"unsourced-claim"));
        assert_eq!(
            rule("boilerplate").unwrap().default_severity,
            Severity::Hint
        );
    }
}
