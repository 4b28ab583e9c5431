//! Synapse DT: regulatory report testing as a durable Temporal workflow, watched and steered
//! live through GraphQL. The library holds everything; `main.rs` only parses the command line.

pub mod auth;
pub mod cli;
pub mod config;
pub mod db;
pub mod error;
pub mod events;
pub mod graphql;
pub mod http;
pub mod metrics;
pub mod seed;
pub mod server;
pub mod services;
pub mod telemetry;
pub mod temporal;
