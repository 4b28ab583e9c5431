//! Integration tests of the API against a real PostgreSQL: one binary, one fresh database per
//! test (cloned from a migrated, seeded template), run in parallel.

mod alerts;
mod auth;
mod by_hand;
mod cycles;
mod decision_payloads;
mod email;
mod fixtures;
mod harness;
mod limits;
mod migrations;
mod notifications;
mod phase_outputs;
mod pools;
mod postgres_restart;
mod queries;
mod replay;
mod rest;
mod sampling;
mod scheduling;
mod schema;
mod settings;
mod smtp_sink;
mod subscriptions;
mod task_events;
mod task_withdrawal;
mod testers;
mod workflow_metrics;
mod workflow_process;
mod workflow_reads;
mod workflow_runs;
mod workflow_steering;
mod ws;
