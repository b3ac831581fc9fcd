//! Number formatting for pages: fixed, deterministic, readable.
