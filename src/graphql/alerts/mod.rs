//! Workflow alerts for the monitoring dashboard: the list and acknowledging one.

pub mod mutation;
pub mod query;
pub mod types;
