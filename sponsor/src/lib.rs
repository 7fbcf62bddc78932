//! `handles-sponsor`: pays for other people's handle claims and serves the claim page.
//!
//! An owner signs a create payload (in a browser wallet, on the claim page); this service checks
//! it as the chain will ([`handles_client::Client::check_create`]), so it never pays for a claim
//! that would fail, queues it in SQLite, submits `create_handle` with its own funded key and
//! follows it to finality. See the README beside this crate.

#![deny(missing_docs)]

pub mod http;
pub mod limits;
pub mod metrics;
pub mod migration;
pub mod store;
pub mod work;
pub mod worker;
