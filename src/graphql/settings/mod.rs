//! The settings workflows start under: reading them and changing a cycle's or the defaults.

pub mod mutation;
pub mod query;
pub mod types;
