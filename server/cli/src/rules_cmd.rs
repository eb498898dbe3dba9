//! `copydesk rules`, `copydesk explain RULE` and `copydesk init`: everything here is generated
//! from the one rule registry (grammars/rules.toml).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use copydesk_core::rules::registry;
use serde::Serialize;

#[derive(clap::Args)]
pub struct RulesArgs {
    /// `text` (a table), `json` (`[{"id", "severity", "summary", "docs_url", "explanation"}]`,
    /// a stable shape the editor settings are generated from) or `markdown` (the rule reference,
    /// docs/rules.md, where the findings' help links point).
    #[arg(long, value_enum, default_value_t = RulesFormat::Text)]
    format: RulesFormat,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum RulesFormat {
    Text,
    Json,
    Markdown,
}

#[derive(Serialize)]
struct RuleJson {
    id: &'static str,
    severity: &'static str,
    summary: &'static str,
    docs_url: &'static str,
    explanation: &'static str,
}

pub fn rules(args: RulesArgs) -> ExitCode {
    let mut out = std::io::stdout().lock();
    let written = match args.format {
        RulesFormat::Json => {
            let list: Vec<RuleJson> = registry()
                .iter()
                .map(|r| RuleJson {
                    id: r.id,
                    severity: r.default_severity.label(),
                    summary: r.summary,
                    docs_url: &r.docs_url,
                    explanation: r.explanation,
                })
                .collect();
            serde_json::to_writer_pretty(&mut out, &list)
                .map_err(std::io::Error::from)
                .and_then(|()| writeln!(out))
        }
        RulesFormat::Markdown => out.write_all(rules_markdown().as_bytes()),
        RulesFormat::Text => {
            let width = registry().iter().map(|r| r.id.len()).max().unwrap_or(0);
            registry().iter().try_for_each(|r| {
                writeln!(
                    out,
                    "{:width$}  {:7}  {}",
                    r.id,
                    r.default_severity.label(),
                    r.summary
                )
            })
        }
    };
    exit_on(written)
}

/// The rule reference (docs/rules.md): one section per rule, anchored by its id.
pub fn rules_markdown() -> String {
    let mut s = String::from(
        "# copydesk rules\n\n\
         Generated from `grammars/rules.toml` by `copydesk rules --format markdown`; do not edit.\n\
         Severities are the defaults; a project's `copydesk.toml` changes them (`[rules]`).\n\n\
         | rule | default | summary |\n|---|---|---|\n",
    );
    for r in registry() {
        let (id, level) = (r.id, r.default_severity.label());
        s.push_str(&format!("| [`{id}`](#{id}) | {level} | {} |\n", r.summary));
    }
    for r in registry() {
        s.push_str(&format!(
            "\n## {}\n\nDefault severity: `{}`. {}\n\n{}\n",
            r.id,
            r.default_severity.label(),
            r.summary,
            r.explanation
        ));
    }
    s
}

#[derive(clap::Args)]
pub struct ExplainArgs {
    /// A rule id, as printed by `copydesk rules`.
    rule: String,
}

pub fn explain(args: ExplainArgs) -> ExitCode {
    let Some(rule) = copydesk_core::rules::rule(&args.rule) else {
        let ids: Vec<&str> = registry().iter().map(|r| r.id).collect();
        eprintln!(
            "copydesk: unknown rule `{}`; the rules are: {}",
            args.rule,
            ids.join(", ")
        );
        return ExitCode::from(2);
    };
    let mut out = std::io::stdout().lock();
    exit_on(writeln!(
        out,
        "{} ({} by default): {}\n\n{}\n\nMore: {}",
        rule.id,
        rule.default_severity.label(),
        rule.summary,
        rule.explanation,
        rule.docs_url
    ))
}

#[derive(clap::Args)]
pub struct InitArgs {
    /// Where to write the file.
    #[arg(default_value = "copydesk.toml")]
    path: PathBuf,
    /// Overwrite an existing file.
    #[arg(long)]
    force: bool,
}

pub fn init(args: InitArgs) -> ExitCode {
    if args.path.exists() && !args.force {
        eprintln!(
            "copydesk: {} already exists (use --force to overwrite)",
            args.path.display()
        );
        return ExitCode::from(2);
    }
    if let Err(e) = std::fs::write(&args.path, starter_config()) {
        eprintln!("copydesk: {}: {e}", args.path.display());
        return ExitCode::from(2);
    }
    eprintln!("copydesk: wrote {}", args.path.display());
    ExitCode::SUCCESS
}

/// A commented `copydesk.toml` listing every rule at its default severity.
pub fn starter_config() -> String {
    let mut s = String::from(
        "# copydesk configuration. copydesk uses the nearest copydesk.toml above each file.\n\
         # Docs: `copydesk rules`, `copydesk explain RULE`.\n\n\
         # Findings below this level are not reported: hint, info, warning or error.\n\
         min-severity = \"hint\"\n\n\
         # Files never linted (globs relative to this file; a pattern without `/` matches at any depth).\n\
         ignore = [\"node_modules/\", \"*.draft.md\"]\n\n\
         # Each rule: \"off\", \"hint\", \"info\", \"warning\" or \"error\". Shown at their defaults.\n\
         [rules]\n",
    );
    let width = registry().iter().map(|r| r.id.len()).max().unwrap_or(0) + 2;
    for r in registry() {
        let lhs = format!("{} = \"{}\"", r.id, r.default_severity.label());
        s.push_str(&format!(
            "{lhs:width$}  # {}\n",
            r.summary,
            width = width + 10
        ));
    }
    s.push_str(
        "\n# Different settings for some files (applied in order, later ones win).\n\
         # [[overrides]]\n\
         # files = [\"opinion/**\"]\n\
         # rules = { unsourced-claim = \"off\" }\n\n\
         # Words added to the lexicons behind the rules.\n\
         # [lexicon]\n\
         # weasel = [\"observers say\"]\n\n\
         # People, organizations and places the built-in knowledge base does not know.\n\
         # type is PERSON, ORG, PLACE, NORP or MISC.\n\
         # [[entities]]\n\
         # name = \"Hossein Amirabdollahian\"\n\
         # type = \"PERSON\"\n\
         # aliases = [\"Amir-Abdollahian\"]\n\
         # description = \"Iranian foreign minister\"\n",
    );
    s
}

fn exit_on(written: std::io::Result<()>) -> ExitCode {
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("copydesk: {e}");
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committed_rule_reference_is_the_registry_s() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/rules.md");
        let committed = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            committed == rules_markdown(),
            "docs/rules.md is stale: run `copydesk rules --format markdown > docs/rules.md`"
        );
        for r in registry() {
            assert!(r.docs_url.ends_with(&format!("docs/rules.md#{}", r.id)));
        }
    }

    #[test]
    fn starter_config_parses_and_keeps_defaults() {
        let cfg = copydesk_core::Config::from_toml(&starter_config()).unwrap();
        for r in registry() {
            assert_eq!(cfg.severity(r.id), Some(r.default_severity), "{}", r.id);
        }
    }
}
