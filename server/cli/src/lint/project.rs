//! Finding and applying `copydesk.toml`: searched upward from each file (or given with
//! `--config`), with `ignore` globs and `[[overrides]]` matched relative to the file's directory.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use copydesk_core::Config;
use globset::{GlobBuilder, GlobMatcher, GlobSet, GlobSetBuilder};

pub const CONFIG_FILE: &str = "copydesk.toml";

/// One configuration and the directory its globs are relative to.
pub struct Project {
    root: PathBuf,
    config: Config,
    ignore: GlobSet,
    overrides: HashMap<String, GlobMatcher>,
}

impl Project {
    /// Built-in defaults, globs relative to `root`.
    pub fn defaults(root: PathBuf) -> Project {
        Project {
            root,
            config: Config::default(),
            ignore: GlobSet::empty(),
            overrides: HashMap::new(),
        }
    }

    /// Reads and parses a configuration file. Errors read `path:line:col: message`.
    pub fn load(path: &Path) -> Result<Project, String> {
        let shown = shown_path(path);
        let src = std::fs::read_to_string(path).map_err(|e| format!("{shown}: {e}"))?;
        let config = Config::from_toml(&src)
            .map_err(|e| format!("{shown}:{}:{}: {}", e.line, e.col, e.message))?;
        let bad_glob = |e: globset::Error| format!("{shown}: invalid glob: {e}");
        let mut ignore = GlobSetBuilder::new();
        for g in &config.ignore {
            ignore.add(glob(g).map_err(bad_glob)?);
        }
        let mut overrides = HashMap::new();
        for g in config.overrides.iter().flat_map(|o| &o.files) {
            overrides.insert(g.clone(), glob(g).map_err(bad_glob)?.compile_matcher());
        }
        let root = path.parent().map_or_else(PathBuf::new, Path::to_path_buf);
        Ok(Project {
            root: absolute(&root),
            config,
            ignore: ignore.build().map_err(bad_glob)?,
            overrides,
        })
    }

    /// The file's path relative to the configuration's directory, with `/` separators.
    fn relative(&self, file: &Path) -> String {
        let abs = absolute(file);
        let rel = abs.strip_prefix(&self.root).unwrap_or(&abs);
        rel.to_string_lossy().replace('\\', "/")
    }

    pub fn is_ignored(&self, file: &Path) -> bool {
        !self.ignore.is_empty() && self.ignore.is_match(self.relative(file))
    }

    /// The configuration with the overrides matching `file` applied.
    pub fn config_for(&self, file: &Path) -> std::borrow::Cow<'_, Config> {
        if self.overrides.is_empty() {
            return std::borrow::Cow::Borrowed(&self.config);
        }
        let rel = self.relative(file);
        std::borrow::Cow::Owned(self.config.for_path(&rel, |g, p| {
            self.overrides.get(g).is_some_and(|m| m.is_match(p))
        }))
    }
}

/// Gitignore-like globs: a pattern without `/` matches at any depth, `dir/` matches everything
/// under `dir`, and `*` does not cross directories (`**` does).
fn glob(pattern: &str) -> Result<globset::Glob, globset::Error> {
    let mut p = pattern.trim_start_matches("./").to_string();
    if p.ends_with('/') {
        p.push_str("**");
    }
    if !p.contains('/') {
        p = format!("**/{p}");
    }
    GlobBuilder::new(&p).literal_separator(true).build()
}

/// A path as the user would type it: relative to the current directory when under it.
fn shown_path(path: &Path) -> String {
    let cwd = std::env::current_dir().unwrap_or_default();
    let rel = path.strip_prefix(&cwd).unwrap_or(path);
    rel.display().to_string()
}

pub fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// A project, or the error of its configuration file (shared by every file under it).
type Found = Result<Arc<Project>, Arc<str>>;

/// The configuration of every file: one explicit file, or the nearest `copydesk.toml` above it.
pub struct Projects {
    explicit: Option<Arc<Project>>,
    /// Directory → the project in force there (or the error of its configuration file).
    by_dir: Mutex<HashMap<PathBuf, Found>>,
}

impl Projects {
    pub fn new(explicit: Option<Project>) -> Projects {
        Projects {
            explicit: explicit.map(Arc::new),
            by_dir: Mutex::new(HashMap::new()),
        }
    }

    /// The project in force for a file (or for stdin named `file`).
    pub fn for_file(&self, file: &Path) -> Found {
        if let Some(p) = &self.explicit {
            return Ok(p.clone());
        }
        let abs = absolute(file);
        let dir = abs.parent().unwrap_or(Path::new("/"));
        self.for_dir(dir)
    }

    fn for_dir(&self, dir: &Path) -> Found {
        if let Some(found) = self.by_dir.lock().unwrap().get(dir) {
            return found.clone();
        }
        let candidate = dir.join(CONFIG_FILE);
        let found = if candidate.is_file() {
            Project::load(&candidate).map(Arc::new).map_err(Arc::from)
        } else {
            match dir.parent() {
                Some(parent) => self.for_dir(parent),
                None => Ok(Arc::new(Project::defaults(PathBuf::from("/")))),
            }
        };
        self.by_dir
            .lock()
            .unwrap()
            .insert(dir.to_path_buf(), found.clone());
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_behave_like_gitignore() {
        let m = |g: &str, p: &str| glob(g).unwrap().compile_matcher().is_match(p);
        assert!(m("*.draft.md", "a/b/x.draft.md"));
        assert!(m("drafts/", "drafts/a/b.md"));
        assert!(!m("drafts/", "other/drafts.md"));
        assert!(m("wire/*.txt", "wire/a.txt"));
        assert!(!m("wire/*.txt", "wire/sub/a.txt"));
        assert!(m("wire/**/*.txt", "wire/sub/a.txt"));
    }
}
