//! Tests, one file per area.
