//! Turning command-line paths, directories and globs into a sorted list of files.

use std::path::{Path, PathBuf};

use globset::GlobBuilder;
use ignore::WalkBuilder;

/// The files to lint (sorted, without duplicates) and the arguments that could not be expanded.
#[derive(Default)]
pub struct FileList {
    pub files: Vec<PathBuf>,
    pub errors: Vec<String>,
}

/// Expands `args`: files are taken as given, directories are walked recursively (honouring
/// `.gitignore`, `.ignore` and hidden files) keeping the extensions in `exts`, and anything else
/// with glob characters is matched while walking from its literal prefix.
pub fn collect(args: &[String], exts: &[String]) -> FileList {
    let mut list = FileList::default();
    for arg in args {
        let path = Path::new(arg);
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                walk(path, &mut list, &|p, is_file| is_file && has_ext(p, exts))
            }
            Ok(_) => list.files.push(path.to_path_buf()),
            // a dangling link or a symlink loop: reading it will say what is wrong
            Err(_) if std::fs::symlink_metadata(path).is_ok() => list.files.push(path.into()),
            Err(_) if is_glob(arg) => match GlobBuilder::new(arg.strip_prefix("./").unwrap_or(arg))
                .literal_separator(true)
                .build()
            {
                Ok(glob) => {
                    let glob = glob.compile_matcher();
                    let before = list.files.len();
                    // directories the glob matches are kept so they get reported, not dropped
                    walk(&glob_base(arg), &mut list, &|p, _| {
                        glob.is_match(p.strip_prefix("./").unwrap_or(p))
                    });
                    if list.files.len() == before {
                        list.errors.push(format!("{arg}: no files match"));
                    }
                }
                Err(e) => list.errors.push(format!("{arg}: invalid glob: {e}")),
            },
            Err(e) => list.errors.push(format!("{arg}: {e}")),
        }
    }
    // `./a.txt` and `a.txt` are the same file, shown the same way
    for f in &mut list.files {
        if let Ok(rest) = f.strip_prefix(".") {
            if !rest.as_os_str().is_empty() {
                *f = rest.to_path_buf();
            }
        }
    }
    list.files.sort_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
    list.files.dedup();
    list
}

fn walk(root: &Path, list: &mut FileList, keep: &dyn Fn(&Path, bool) -> bool) {
    let walker = WalkBuilder::new(root)
        .follow_links(true)
        .require_git(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        .build();
    for entry in walker {
        match entry {
            Ok(e) if e.depth() == 0 => {}
            Ok(e) => {
                // (regular files only: a pipe or a device in the tree would block or never end)
                let is_file = e.file_type().is_some_and(|t| t.is_file());
                if keep(e.path(), is_file) {
                    list.files.push(e.into_path());
                }
            }
            // a broken or looping link is listed like a file, so it is reported with the files
            Err(e) => match unreadable_path(&e) {
                Some(p) if keep(p, true) => list.files.push(p.to_path_buf()),
                _ => list.errors.push(e.to_string()),
            },
        }
    }
}

fn unreadable_path(e: &ignore::Error) -> Option<&Path> {
    match e {
        ignore::Error::WithPath { path, .. } => Some(path),
        ignore::Error::WithDepth { err, .. } => unreadable_path(err),
        _ => None,
    }
}

fn has_ext(path: &Path, exts: &[String]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| exts.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

fn is_glob(arg: &str) -> bool {
    arg.contains(['*', '?', '[', '{'])
}

/// The longest leading directory of a glob with no glob characters in it.
fn glob_base(pattern: &str) -> PathBuf {
    let mut base = PathBuf::new();
    let parts: Vec<&str> = pattern.split('/').collect();
    for part in &parts[..parts.len() - 1] {
        if is_glob(part) {
            break;
        }
        base.push(if part.is_empty() { "/" } else { part });
    }
    if base.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        base
    }
}

/// Keeps the files of shard `k` of `n` (1-based): every n-th file of the sorted list.
pub fn shard(files: Vec<PathBuf>, k: usize, n: usize) -> Vec<PathBuf> {
    files
        .into_iter()
        .enumerate()
        .filter(|(i, _)| i % n == k - 1)
        .map(|(_, f)| f)
        .collect()
}

/// Parses `K/N` with 1 ≤ K ≤ N.
pub fn parse_shard(s: &str) -> Result<(usize, usize), String> {
    let err = || format!("`{s}` is not K/N with 1 ≤ K ≤ N (e.g. 2/4)");
    let (k, n) = s.split_once('/').ok_or_else(err)?;
    let k: usize = k.trim().parse().map_err(|_| err())?;
    let n: usize = n.trim().parse().map_err(|_| err())?;
    if k == 0 || k > n {
        return Err(err());
    }
    Ok((k, n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glob_bases_and_shards() {
        assert_eq!(glob_base("docs/**/*.md"), PathBuf::from("docs"));
        assert_eq!(glob_base("*.md"), PathBuf::from("."));
        assert_eq!(glob_base("/tmp/a/*.txt"), PathBuf::from("/tmp/a"));
        assert_eq!(parse_shard("2/3"), Ok((2, 3)));
        assert!(parse_shard("0/3").is_err() && parse_shard("4/3").is_err());
        let files: Vec<PathBuf> = (0..7).map(|i| PathBuf::from(i.to_string())).collect();
        let all: Vec<PathBuf> = (1..=3).flat_map(|k| shard(files.clone(), k, 3)).collect();
        assert_eq!(all.len(), 7);
        assert_eq!(shard(files, 2, 3), [PathBuf::from("1"), PathBuf::from("4")]);
    }
}
