//! End-to-end tests: quality (see the modules under tests/quality/).
