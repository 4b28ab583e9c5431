//! The seed's tracking tables, written by activities. Every write is keyed so that a retried or
//! replayed activity writes nothing twice: executions by (workflow id, run id), steps by
//! (execution, step key), transitions by (execution, transition key), events by event key.
//!
//! [`runs`] begins and ends executions, [`phases`] records phase steps and transitions, and
//! [`attempts`] records each activity attempt: its step, retries, alerts.

mod attempts;
mod phases;
mod runs;

use serde::{Deserialize, Serialize};

pub use attempts::{ActivityAttempt, activity_completed, activity_failed, activity_slow, activity_started};
pub use phases::{PhaseChange, Transition, record_phase};
pub use runs::{BeginExecution, FinishExecution, RunStarted, begin_execution, finish_execution, start_scheduled};

/// Where an execution belongs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExecutionScope {
    pub execution_id: i64,
    pub cycle_id: i64,
    /// Null for the cycle's parent run.
    pub report_id: Option<i64>,
    pub cycle_report_id: Option<i64>,
}
