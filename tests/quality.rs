//! End-to-end tests: quality (see the modules under tests/quality/).

mod quality {
    mod attributions;
    mod entities;
    mod house;
    mod support;
}
