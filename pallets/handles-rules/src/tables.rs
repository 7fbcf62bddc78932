//! The tables `build.rs` generates from the pinned Unicode data (per-character folds, rule-3 and
//! script data, decimal digits, the canonical forms of the default reserved handles). Their
//! layout is in `table_layout.rs`.

include!(concat!(env!("OUT_DIR"), "/tables.rs"));
