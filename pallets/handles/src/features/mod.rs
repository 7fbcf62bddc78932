//! One module per feature; the calls in `lib.rs` hand over to the `do_*` functions here. What
//! several features share sits beside this folder: `checks` (the rules on chain state),
//! `signed` (signatures and replay), `records` (writing handles and owner lists), `pruning`
//! (the queues) and `call_weights`.

mod change;
mod create;
mod governance;
pub mod hooks;
pub mod pool;
mod read;
mod retire;
pub mod synthetic;
mod transfer;
#[cfg(any(feature = "try-runtime", test))]
mod try_state;
