//! The worker threads of `lint` and `annotate` (`--jobs`).

/// Most workers started, whatever `--jobs` says: a typo such as `-j 100000` spawned threads
/// until the machine gave up, and no machine has use for more than this.
const MAX_JOBS: usize = 256;

/// Sizes the global pool to `jobs` (between 1 and [`MAX_JOBS`]); `None` keeps one worker per core.
pub fn set_workers(jobs: Option<usize>) {
    if let Some(n) = jobs {
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n.clamp(1, MAX_JOBS))
            .build_global();
    }
}
