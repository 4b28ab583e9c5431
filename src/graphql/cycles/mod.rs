//! Test cycles and the reports in them.

pub mod mutation;
pub mod outputs;
pub mod phase_outputs;
pub mod query;
pub mod types;
