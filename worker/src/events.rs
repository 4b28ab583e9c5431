//! The ordered event log behind live subscriptions. Every tracked change appends one row in the
//! transaction that makes the change. Sequence numbers are handed out under a transaction-level
//! advisory lock held until commit, so they are gap-free and in commit order: a reader who has
//! seen `seq = n` has seen everything before it. The `NOTIFY` carries only the number.

use entity::enums::Phase;
use sea_orm::{ConnectionTrait, DatabaseTransaction, DbBackend, DbErr, Statement};
use serde::{Deserialize, Serialize};

/// The channel listeners LISTEN on.
pub const CHANNEL: &str = "workflow_events";
/// Advisory lock key serialising event appends (an arbitrary constant, "SYNEVT" in ASCII).
const APPEND_LOCK: i64 = 0x53_59_4E_45_56_54;

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum EventKind {
    WorkflowStarted,
    PhaseStarted,
    PhaseCompleted,
    PhaseSkipped,
    PhaseFailed,
    TaskOpened,
    TaskCompleted,
    Compensated,
    Retried,
    AlertRaised,
    VersionMigrated,
    WorkflowCompleted,
    WorkflowFailed,
    WorkflowCancelled,
}

impl EventKind {
    /// The value stored in `workflow_event.kind`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::WorkflowStarted => "WORKFLOW_STARTED",
            Self::PhaseStarted => "PHASE_STARTED",
            Self::PhaseCompleted => "PHASE_COMPLETED",
            Self::PhaseSkipped => "PHASE_SKIPPED",
            Self::PhaseFailed => "PHASE_FAILED",
            Self::TaskOpened => "TASK_OPENED",
            Self::TaskCompleted => "TASK_COMPLETED",
            Self::Compensated => "COMPENSATED",
            Self::Retried => "RETRIED",
            Self::AlertRaised => "ALERT_RAISED",
            Self::VersionMigrated => "VERSION_MIGRATED",
            Self::WorkflowCompleted => "WORKFLOW_COMPLETED",
            Self::WorkflowFailed => "WORKFLOW_FAILED",
            Self::WorkflowCancelled => "WORKFLOW_CANCELLED",
        }
    }

    /// Whether the event is a phase transition (what `phaseTransitions` streams).
    pub fn is_phase_transition(self) -> bool {
        matches!(
            self,
            Self::PhaseStarted | Self::PhaseCompleted | Self::PhaseSkipped | Self::PhaseFailed | Self::Compensated
        )
    }
}

/// An event to append.
#[derive(Debug, Clone)]
pub struct NewEvent {
    pub cycle_id: i64,
    pub report_id: Option<i64>,
    pub execution_id: Option<i64>,
    pub phase: Option<Phase>,
    pub kind: EventKind,
    pub status: String,
    pub detail: serde_json::Value,
    /// Idempotency key: appending the same key twice stores one event.
    pub key: String,
}

/// Appends `event` inside `txn` and notifies listeners at commit. Returns its sequence number,
/// or `None` when an event with the same key was already stored.
pub async fn append(txn: &DatabaseTransaction, event: NewEvent) -> Result<Option<i64>, DbErr> {
    txn.execute_raw(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT pg_advisory_xact_lock($1)",
        [APPEND_LOCK.into()],
    ))
    .await?;
    let inserted = txn
        .query_one_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "INSERT INTO workflow_event (seq, cycle_id, report_id, execution_id, phase, kind, status, event_key, detail)
             SELECT COALESCE(MAX(seq), 0) + 1, $1, $2, $3, $4, $5, $6, $7, $8 FROM workflow_event
             ON CONFLICT (event_key) DO NOTHING
             RETURNING seq",
            [
                event.cycle_id.into(),
                event.report_id.into(),
                event.execution_id.into(),
                event.phase.map(|p| p.as_str().to_owned()).into(),
                event.kind.as_str().into(),
                event.status.into(),
                event.key.into(),
                event.detail.into(),
            ],
        ))
        .await?;
    let Some(row) = inserted else { return Ok(None) };
    let seq: i64 = row.try_get_by_index(0)?;
    txn.execute_raw(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT pg_notify($1, $2)",
        [CHANNEL.into(), seq.to_string().into()],
    ))
    .await?;
    Ok(Some(seq))
}
