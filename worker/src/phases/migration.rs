//! Moving a running report run to a newer workflow version at a phase boundary.

use entity::enums::Phase;
use sea_orm::{DatabaseConnection, TransactionTrait};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::PhaseResult;
use crate::events::{self, EventKind, NewEvent};
use crate::sql::exec;
use crate::tracking::ExecutionScope;
use crate::versions::WorkflowVersion;

/// A migration the run is applying now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApplyMigration {
    pub scope: ExecutionScope,
    pub history_id: i64,
    pub from: WorkflowVersion,
    pub to: WorkflowVersion,
    /// The phase about to start.
    pub at_phase: Phase,
}

/// Records the migration as applied and the execution's new version.
pub async fn apply(db: &DatabaseConnection, migration: ApplyMigration) -> PhaseResult<()> {
    let txn = db.begin().await?;
    let applied = exec(
        &txn,
        "UPDATE workflow_migration_history SET status = 'APPLIED', at_phase = $2, applied_at = now()
         WHERE id = $1 AND status = 'REQUESTED'",
        vec![migration.history_id.into(), migration.at_phase.as_str().into()],
    )
    .await?;
    exec(
        &txn,
        "UPDATE workflow_execution SET version = $2, updated_at = now() WHERE id = $1",
        vec![migration.scope.execution_id.into(), migration.to.as_str().into()],
    )
    .await?;
    if applied > 0 {
        events::append(&txn, NewEvent {
            cycle_id: migration.scope.cycle_id,
            report_id: migration.scope.report_id,
            execution_id: Some(migration.scope.execution_id),
            phase: Some(migration.at_phase),
            kind: EventKind::VersionMigrated,
            status: migration.to.as_str().to_owned(),
            detail: json!({ "from": migration.from.as_str(), "to": migration.to.as_str(), "historyId": migration.history_id }),
            key: format!("migration:{}", migration.history_id),
        })
        .await?;
    }
    Ok(txn.commit().await?)
}
