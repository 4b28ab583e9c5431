//! What the API does, over a `DatabaseConnection`, free of GraphQL types: reads that respect
//! what the viewer may see, and commands that check rights, validate, write and audit in one
//! transaction.

pub mod alerts;
pub mod audit;
pub mod by_hand;
pub mod compensation;
pub mod cycles;
pub mod decision_payload;
pub mod decisions;
pub mod executions;
pub mod metrics;
pub mod notifications;
pub mod page;
pub mod reports;
pub mod settings;
pub mod tasks;
pub mod users;
pub mod views;
pub mod visibility;
pub mod workflows;
