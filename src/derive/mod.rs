//! Derived figures: what the deck computes from the content rather than
//! reading it (changes since last quarter, key-result progress, new hires
//! and anniversaries).
