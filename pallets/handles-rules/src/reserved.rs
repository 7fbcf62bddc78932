//! The handles reserved by default. `build.rs` includes this file and writes their canonical
//! forms into the generated table, so validation never canonicalizes the list.

/// Handles reserved by default (compared by canonical form).
pub const DEFAULT_RESERVED: [&str; 3] = ["admin", "everyone", "all"];
