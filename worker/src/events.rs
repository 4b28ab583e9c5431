//! The ordered event log behind live subscriptions. Every tracked change appends one row in the
//! transaction that makes the change. The row's sequence number is handed out while that
//! transaction commits (a deferred trigger, see migration `m20261125_000008`), under a lock held
//! only for the commit itself: numbers are gap-free and in commit order, so a reader who has seen
//! `seq = n` has seen everything before it. The `NOTIFY` carries only the number.

use entity::enums::Phase;
use sea_orm::{ConnectionTrait, DatabaseTransaction, DbErr};
use serde::{Deserialize, Serialize};

use crate::statement::Writes;

/// The channel listeners LISTEN on; the sequencing trigger notifies on it.
pub const CHANNEL: &str = "workflow_events";

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
    TaskCancelled,
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
            Self::TaskCancelled => "TASK_CANCELLED",
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

/// Appends `event` inside `txn`; it gets its sequence number, and listeners their notification,
/// when `txn` commits. Returns whether it was new (`false`: an event with the same key was
/// already stored).
pub async fn append(txn: &DatabaseTransaction, event: NewEvent) -> Result<bool, DbErr> {
    let mut writes = Writes::default();
    let insert = insert(&mut writes, &[event]);
    Ok(writes.execute(txn, &insert).await? > 0)
}

/// The columns an event row is written with, in the order [`bind`] binds them.
const COLUMNS: &str = "cycle_id, report_id, execution_id, phase, kind, status, event_key, detail";

/// Binds `event`'s values in `writes`; returns their placeholders, comma-separated.
fn bind(writes: &mut Writes, event: &NewEvent) -> String {
    let values = [
        writes.bind(event.cycle_id),
        writes.bind(event.report_id),
        writes.bind(event.execution_id),
        writes.bind(event.phase.map(|p| p.as_str().to_owned())),
        writes.bind(event.kind.as_str()),
        writes.bind(event.status.clone()),
        writes.bind(event.key.clone()),
        writes.bind(event.detail.clone()),
    ];
    values.join(", ")
}

/// The `INSERT` of `events` (in this order) for a statement built with `writes`, as its last
/// part or one of its writes. Events with a key already stored are left out.
pub(crate) fn insert(writes: &mut Writes, events: &[NewEvent]) -> String {
    let rows: Vec<String> = events.iter().map(|event| format!("({})", bind(writes, event))).collect();
    format!("INSERT INTO workflow_event ({COLUMNS}) VALUES {} ON CONFLICT (event_key) DO NOTHING", rows.join(", "))
}

/// The `INSERT` of `event`, as [`insert`] writes it, made only where `condition` (an SQL boolean
/// the statement computes) holds.
pub(crate) fn insert_if(writes: &mut Writes, event: &NewEvent, condition: &str) -> String {
    format!(
        "INSERT INTO workflow_event ({COLUMNS}) SELECT {} WHERE {condition} ON CONFLICT (event_key) DO NOTHING",
        bind(writes, event)
    )
}

/// The sequence number of the committed event stored under `key`.
pub async fn committed_seq(db: &impl ConnectionTrait, key: &str) -> Result<Option<i64>, DbErr> {
    crate::sql::scalar_i64(db, "SELECT seq FROM workflow_event WHERE event_key = $1 AND seq > 0", vec![key.into()])
        .await
}
