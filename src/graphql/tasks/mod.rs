//! The human task inbox.

pub mod query;
pub mod types;
