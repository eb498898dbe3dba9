//! Loading the embedded data ahead of the first analysis.

use std::sync::atomic::{AtomicUsize, Ordering};

/// Starts loading the knowledge base and the lexicons (a few milliseconds each) in two
/// threads, so they load while the input is read, instead of one after the other in the first
/// analysis while the other workers wait for them.
pub fn start() {
    for load in LOADS {
        std::thread::spawn(load);
    }
}

/// What [`start`] loads, a thread each.
const LOADS: [fn(); 2] = [warm_knowledge_base, warm_lexicons];

/// How many of the loads [`start`] started have finished.
static LOADED: AtomicUsize = AtomicUsize::new(0);

/// Whether everything [`start`] loads is loaded (false when it was not called).
pub fn ready() -> bool {
    LOADED.load(Ordering::Acquire) == LOADS.len()
}

fn warm_knowledge_base() {
    copydesk_core::kb::KnowledgeBase::embedded();
    LOADED.fetch_add(1, Ordering::Release);
}

fn warm_lexicons() {
    copydesk_core::sourcing::Lexicons::embedded();
    LOADED.fetch_add(1, Ordering::Release);
}
