//! Loading the embedded data ahead of the first analysis.

/// Starts loading the knowledge base and the lexicons (a few milliseconds each) in two
/// threads, so they load while the input is read, instead of one after the other in the first
/// analysis while the other workers wait for them.
pub fn start() {
    for load in [warm_knowledge_base as fn(), warm_lexicons] {
        std::thread::spawn(load);
    }
}

fn warm_knowledge_base() {
    copydesk_core::kb::KnowledgeBase::embedded();
}

fn warm_lexicons() {
    copydesk_core::sourcing::Lexicons::embedded();
}
