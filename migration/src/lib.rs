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
mod m20261126_000010_task_cancelled_event;
mod m20261126_000011_source_record_category;
mod m20261126_000012_lighter_test_case_writes;
mod m20261126_000013_index_owner_assignments_by_report;
mod m20261127_000014_cycle_sampling_settings;
mod m20261127_000015_index_open_alerts_by_id;

/// Every migration, oldest first.
#[derive(Debug)]
pub struct Migrator;

/// The migrations of `modules`, in order; each module holds its SQL as `UP` and `DOWN`, and its
/// name (the file's) is the one recorded in `seaql_migrations`.
macro_rules! raw_sql_migrations {
    ($($module:ident),* $(,)?) => {
        vec![$(Box::new(RawSql { name: stringify!($module), up: $module::UP, down: $module::DOWN }) as Box<dyn MigrationTrait>),*]
    };
}

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        raw_sql_migrations![
            m20261125_000001_create_directory,
            m20261125_000002_create_cycles,
            m20261125_000003_create_phase_outputs,
            m20261125_000004_create_workflow_tracking,
            m20261125_000005_create_workflow_event,
            m20261125_000006_create_inbox_and_audit,
            m20261125_000007_create_workflow_config,
            m20261125_000008_sequence_events_at_commit,
            m20261125_000009_index_workflow_metrics,
            m20261126_000010_task_cancelled_event,
            m20261126_000011_source_record_category,
            m20261126_000012_lighter_test_case_writes,
            m20261126_000013_index_owner_assignments_by_report,
            m20261127_000014_cycle_sampling_settings,
            m20261127_000015_index_open_alerts_by_id,
        ]
    }
}

/// A migration written as plain SQL: every schema change here is, so the shape lives once.
struct RawSql {
    name: &'static str,
    up: &'static str,
    down: &'static str,
}

impl MigrationName for RawSql {
    fn name(&self) -> &str {
        self.name
    }
}

#[async_trait::async_trait]
impl MigrationTrait for RawSql {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.get_connection().execute_unprepared(self.up).await.map(drop)
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.get_connection().execute_unprepared(self.down).await.map(drop)
    }
}
