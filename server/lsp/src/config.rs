//! Project configuration: the `copydesk.toml` found upward from a document, cached until the file
//! changes (the client watches it for us).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use copydesk_core::config::ConfigError;
use copydesk_core::Config;
use globset::Glob;

pub const CONFIG_FILE: &str = "copydesk.toml";

/// The project configuration that applies to one document.
#[derive(Clone)]
pub struct ProjectConfig {
    /// The configuration file, when one was found.
    pub path: Option<PathBuf>,
    pub config: Arc<Config>,
    /// The file's text (for go-to-definition into `[[entities]]`).
    pub source: Arc<str>,
    /// A parse error; the defaults are used instead.
    pub error: Option<ConfigError>,
}

#[derive(Default)]
pub struct ConfigCache {
    by_file: Mutex<HashMap<PathBuf, ProjectConfig>>,
}

impl ConfigCache {
    /// The configuration for a document at `doc` (a file path), or the defaults.
    pub fn for_document(&self, doc: Option<&Path>) -> ProjectConfig {
        let Some(file) = doc.and_then(find_upward) else {
            return ProjectConfig {
                path: None,
                config: Arc::new(Config::default()),
                source: "".into(),
                error: None,
            };
        };
        let mut cache = self.by_file.lock().unwrap_or_else(|p| p.into_inner());
        cache
            .entry(file.clone())
            .or_insert_with(|| load(file))
            .clone()
    }

    /// Forgets every cached file (after a watched-file change).
    pub fn clear(&self) {
        self.by_file
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clear();
    }
}

fn find_upward(doc: &Path) -> Option<PathBuf> {
    doc.ancestors()
        .skip(1)
        .map(|dir| dir.join(CONFIG_FILE))
        .find(|p| p.is_file())
}

fn load(path: PathBuf) -> ProjectConfig {
    let source: Arc<str> = std::fs::read_to_string(&path).unwrap_or_default().into();
    let (config, error) = match Config::from_toml(&source) {
        Ok(c) => (c, None),
        Err(e) => {
            eprintln!("copydesk lsp: {}:{e}", path.display());
            (Config::default(), Some(e))
        }
    };
    ProjectConfig {
        path: Some(path),
        config: Arc::new(config),
        source,
        error,
    }
}

impl ProjectConfig {
    /// The document's path relative to the configuration file's folder, for globs.
    fn relative<'a>(&self, doc: &'a Path) -> &'a Path {
        self.path
            .as_deref()
            .and_then(Path::parent)
            .and_then(|dir| doc.strip_prefix(dir).ok())
            .unwrap_or(doc)
    }

    /// The configuration with `[[overrides]]` for this document applied.
    pub fn for_path(&self, doc: Option<&Path>) -> Config {
        match doc {
            Some(doc) if !self.config.overrides.is_empty() => {
                let rel = self.relative(doc).to_string_lossy().into_owned();
                self.config.for_path(&rel, glob_matches)
            }
            _ => (*self.config).clone(),
        }
    }

    /// True when the configuration's `ignore` globs exclude this document from linting.
    pub fn ignores(&self, doc: Option<&Path>) -> bool {
        let Some(doc) = doc else { return false };
        let rel = self.relative(doc).to_string_lossy().into_owned();
        self.config.ignore.iter().any(|g| glob_matches(g, &rel))
    }
}

fn glob_matches(glob: &str, path: &str) -> bool {
    Glob::new(glob).is_ok_and(|g| g.compile_matcher().is_match(path))
}
