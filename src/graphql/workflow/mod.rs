//! Workflow executions as tracked in the database: steps, transitions, retries, compensation,
//! the monitoring figures over them, and the workflow versions this build knows.

pub mod metrics;
pub mod mutation;
pub mod query;
pub mod subscription;
pub mod types;
pub mod versions;
