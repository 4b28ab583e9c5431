//! Test cycles and the reports in them.

pub mod mutation;
pub mod outputs;
pub mod query;
pub mod types;
