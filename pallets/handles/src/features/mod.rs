//! One module per feature; the calls in `lib.rs` hand over to the `do_*` functions here.

mod change;
mod create;
mod governance;
mod hooks;
mod payload;
mod read;
mod retire;
mod rules;
mod transfer;
#[cfg(any(feature = "try-runtime", test))]
mod try_state;
