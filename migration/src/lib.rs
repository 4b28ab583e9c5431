//! Schema migrations of Synapse DT, applied in file-name order; every one has a working down.

pub use sea_orm_migration::prelude::*;

mod m20261125_000001_create_directory;
mod m20261125_000002_create_cycles;
mod m20261125_000003_create_phase_outputs;
mod m20261125_000004_create_workflow_tracking;
mod m20261125_000005_create_workflow_event;
mod m20261125_000006_create_inbox_and_audit;
mod m20261125_000007_create_workflow_config;
mod m20261125_000008_sequence_events_at_commit;
mod m20261125_000009_index_workflow_metrics;

/// Every migration, oldest first.
#[derive(Debug)]
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261125_000001_create_directory::Migration),
            Box::new(m20261125_000002_create_cycles::Migration),
            Box::new(m20261125_000003_create_phase_outputs::Migration),
            Box::new(m20261125_000004_create_workflow_tracking::Migration),
            Box::new(m20261125_000005_create_workflow_event::Migration),
            Box::new(m20261125_000006_create_inbox_and_audit::Migration),
            Box::new(m20261125_000007_create_workflow_config::Migration),
            Box::new(m20261125_000008_sequence_events_at_commit::Migration),
            Box::new(m20261125_000009_index_workflow_metrics::Migration),
        ]
    }
}
