//! The workspace index: the entities of every article in the workspace folders, for
//! workspace symbols, cross-article references and the `name-variant` check.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use copydesk_core::entities::EntityType;
use copydesk_core::position::{Encoding, LineIndex};
use copydesk_core::text::{decode_lossy, DocKind};
use copydesk_core::{analyze, Analysis};
use tower_lsp_server::ls_types::{Range, Uri};

use crate::config::ConfigCache;
use crate::snapshot::Lines;

/// Articles bigger than this are not indexed (they are still analysed when opened).
const MAX_INDEXED_BYTES: u64 = 2 << 20;

pub struct IndexedMention {
    pub range: Range,
    pub text: String,
}

pub struct IndexedEntity {
    pub name: String,
    /// The defining mention as written in the article (the name may come from the knowledge base).
    pub spelling: String,
    pub ty: EntityType,
    pub key: String,
    pub defining: Range,
    pub mentions: Vec<IndexedMention>,
}

#[derive(Default)]
pub struct WorkspaceIndex {
    files: HashMap<Uri, Vec<IndexedEntity>>,
    by_key: HashMap<String, HashSet<Uri>>,
}

impl WorkspaceIndex {
    pub fn summarize(analysis: &Analysis, lines: Lines) -> Vec<IndexedEntity> {
        analysis
            .entities
            .iter()
            .map(|e| IndexedEntity {
                name: e.name.clone(),
                spelling: analysis.mentions[e.defining]
                    .span
                    .text(lines.text)
                    .to_string(),
                ty: e.ty,
                key: e.key.clone(),
                defining: lines.range(analysis.mentions[e.defining].span),
                mentions: e
                    .mentions
                    .iter()
                    .map(|&m| {
                        let span = analysis.mentions[m].span;
                        IndexedMention {
                            range: lines.range(span),
                            text: span.text(lines.text).to_string(),
                        }
                    })
                    .collect(),
            })
            .collect()
    }

    pub fn insert(&mut self, uri: Uri, entities: Vec<IndexedEntity>) {
        self.remove(&uri);
        for e in &entities {
            self.by_key
                .entry(e.key.clone())
                .or_default()
                .insert(uri.clone());
        }
        self.files.insert(uri, entities);
    }

    pub fn remove(&mut self, uri: &Uri) {
        for e in self.files.remove(uri).into_iter().flatten() {
            if let Some(set) = self.by_key.get_mut(&e.key) {
                set.remove(uri);
                if set.is_empty() {
                    self.by_key.remove(&e.key);
                }
            }
        }
    }

    /// Entities with this key, in every indexed article.
    pub fn with_key<'a>(
        &'a self,
        key: &'a str,
    ) -> impl Iterator<Item = (&'a Uri, &'a IndexedEntity)> + 'a {
        self.by_key
            .get(key)
            .into_iter()
            .flatten()
            .flat_map(move |uri| {
                self.files[uri]
                    .iter()
                    .filter(move |e| e.key == key)
                    .map(move |e| (uri, e))
            })
    }

    pub fn all(&self) -> impl Iterator<Item = (&Uri, &IndexedEntity)> {
        self.files
            .iter()
            .flat_map(|(uri, es)| es.iter().map(move |e| (uri, e)))
    }
}

/// Most articles indexed. A folder opened by mistake (a home directory, `/`) must not keep the
/// server walking and reading for minutes, nor hold gigabytes: some 16 KB of index an article.
pub const MAX_INDEXED_ARTICLES: usize = 10_000;

/// Articles (`.txt`, `.md`) under the folders, honouring `.gitignore` and `.ignore` files: the
/// first [`MAX_INDEXED_ARTICLES`] in path order, and whether there are more (the walk stops
/// there).
pub fn articles(folders: &[PathBuf]) -> (Vec<PathBuf>, bool) {
    let Some((first, rest)) = folders.split_first() else {
        return (Vec::new(), false);
    };
    let mut walk = ignore::WalkBuilder::new(first);
    for f in rest {
        walk.add(f);
    }
    // .gitignore applies even when the folder is not (yet) a git repository.
    walk.require_git(false);
    walk.sort_by_file_name(|a, b| a.cmp(b));
    let mut out: Vec<PathBuf> = walk
        .build()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_some_and(|t| t.is_file()))
        .map(ignore::DirEntry::into_path)
        .filter(|p| is_article(p))
        .take(MAX_INDEXED_ARTICLES + 1)
        .collect();
    let more = out.len() > MAX_INDEXED_ARTICLES;
    out.truncate(MAX_INDEXED_ARTICLES);
    out.sort();
    (out, more)
}

pub fn is_article(path: &Path) -> bool {
    matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("txt" | "md" | "markdown")
    )
}

/// An article read from disk and analysed.
pub struct DiskArticle {
    pub text: String,
    pub index: LineIndex,
    pub analysis: Analysis,
}

impl DiskArticle {
    /// Reads and analyses one article. Binary files (with NUL bytes), huge files and anything
    /// but a regular file (a pipe would block the worker forever) are skipped; other bytes are
    /// decoded leniently.
    pub fn load(path: &Path, configs: &ConfigCache) -> Option<DiskArticle> {
        let meta = std::fs::metadata(path).ok()?;
        if !meta.is_file() || meta.len() > MAX_INDEXED_BYTES {
            return None;
        }
        let bytes = std::fs::read(path).ok()?;
        if bytes.contains(&0) {
            return None;
        }
        let (text, _) = decode_lossy(&bytes);
        let project = configs.for_document(Some(path));
        let config = project.for_path(Some(path));
        let analysis = analyze(&text, DocKind::from_path(&path.to_string_lossy()), &config);
        let index = LineIndex::new(&text);
        Some(DiskArticle {
            text: text.into_owned(),
            index,
            analysis,
        })
    }

    pub fn lines(&self, enc: Encoding) -> Lines<'_> {
        Lines {
            text: &self.text,
            index: &self.index,
            enc,
        }
    }
}

/// Reads and analyses one article from disk for the index.
pub fn index_file(
    path: &Path,
    enc: Encoding,
    configs: &ConfigCache,
) -> Option<(Uri, Vec<IndexedEntity>)> {
    let uri = Uri::from_file_path(path)?;
    let article = DiskArticle::load(path, configs)?;
    let entities = WorkspaceIndex::summarize(&article.analysis, article.lines(enc));
    Some((uri, entities))
}
