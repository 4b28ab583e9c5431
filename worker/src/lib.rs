//! The test-cycle workflow of Synapse DT and everything both sides of it share: the messages
//! the API sends, the settings a run snapshots, the event log, the tracking tables' writers, the
//! phases' work and the pure rules behind it, the activities and the workflows themselves.

pub mod activities;
pub mod catalog;
pub mod events;
pub mod mail;
pub mod messages;
pub mod net;
pub mod payloads;
pub mod phases;
pub mod provider;
pub mod rules;
pub mod runner;
pub mod session;
pub mod settings;
pub mod sql;
mod statement;
pub mod tracking;
pub mod versions;
pub mod workflows;
