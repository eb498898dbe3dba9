//! End-to-end tests: cli (see the modules under tests/cli/).
