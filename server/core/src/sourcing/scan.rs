//! The first pass over an article that detection and the rules both build on: the lexicons for
//! its configuration, its quotations and its boilerplate blocks. Computed once per analysis.

use std::sync::Arc;

use super::boilerplate::boilerplate_blocks;
use super::lexicon::Lexicons;
use super::quotes::{find_quotes, Quote, StrayClose};
use crate::config::Config;
use crate::span::Span;
use crate::text::Document;

pub struct Scan {
    pub lex: Arc<Lexicons>,
    pub quotes: Vec<Quote>,
    /// Closing quotation marks that close nothing.
    pub strays: Vec<StrayClose>,
    /// Boilerplate blocks, sorted and disjoint.
    pub boilerplate: Vec<Span>,
}

impl Scan {
    pub fn new(doc: &Document, config: &Config) -> Scan {
        let lex = Lexicons::for_config(config);
        let (quotes, strays) = find_quotes(doc);
        let boilerplate = boilerplate_blocks(doc, &lex);
        Scan {
            lex,
            quotes,
            strays,
            boilerplate,
        }
    }
}
