//! Test cycles and the reports in them.

pub mod mutation;
pub mod query;
pub mod types;
