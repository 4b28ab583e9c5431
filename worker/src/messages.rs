//! The typed messages between the API and the workflows: how a cycle starts, what each report's
//! run receives, and the decisions people make on human steps. One definition shared by the
//! client and the worker.

use chrono::{DateTime, Utc};
use entity::enums::{ApprovalMode, Decision, Phase};
use serde::{Deserialize, Serialize};

use crate::settings::WorkflowSettings;
use crate::versions::WorkflowVersion;

fn current_version() -> WorkflowVersion {
    WorkflowVersion::CURRENT
}

/// The Temporal workflow type of the per-cycle workflow (the seed's name).
pub const CYCLE_WORKFLOW_TYPE: &str = "EnhancedTestCycleWorkflow";
/// The Temporal workflow type of the per-report child workflow.
pub const REPORT_WORKFLOW_TYPE: &str = "ReportTestingWorkflow";

/// The workflow id of a cycle's workflow: one per cycle, so a second start is refused.
/// `prefix` separates deployments sharing one Temporal namespace (empty by default).
pub fn cycle_workflow_id(prefix: &str, cycle_id: i64) -> String {
    format!("{prefix}test-cycle-{cycle_id}")
}

/// The workflow id of one report's run within a cycle's workflow.
pub fn report_workflow_id(cycle_workflow_id: &str, report_id: i64) -> String {
    format!("{cycle_workflow_id}-report-{report_id}")
}

/// A failure to inject, for tests. Only honoured by a worker started with fault injection
/// enabled (`SYNAPSE_TESTING_FAULTS=true`); the API refuses faults otherwise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fault {
    /// The phase whose work fails.
    pub phase: Phase,
    /// How many attempts fail before one succeeds (`u32::MAX`: every attempt).
    pub failing_attempts: u32,
    /// Fail as a business error that is not retried.
    #[serde(default)]
    pub non_retryable: bool,
    /// Only in this review round (every round when absent).
    #[serde(default)]
    pub round: Option<u32>,
    /// Make the first attempt take this long before working (to kill a worker mid-activity).
    #[serde(default)]
    pub delay_ms: u64,
}

/// Input of the per-cycle workflow.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StartCycle {
    pub cycle_id: i64,
    /// The reports to test (resolved by the API: never empty).
    pub report_ids: Vec<i64>,
    pub skip_phases: Vec<Phase>,
    pub approval_mode: ApprovalMode,
    /// The user who started it.
    pub started_by: i64,
    /// Policies snapshotted at start.
    pub settings: WorkflowSettings,
    /// Injected failures (tests only).
    #[serde(default)]
    pub faults: Vec<Fault>,
    /// The workflow version the run starts on (the current one unless pinned).
    #[serde(default = "current_version")]
    pub version: WorkflowVersion,
    /// A scheduled start: when the phases begin. The run waits PENDING on a durable timer until
    /// then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_at: Option<DateTime<Utc>>,
}

impl StartCycle {
    /// The request as the run's execution row keeps it (`startAt` only when scheduled). Both the
    /// API and the workflow record the row, whichever comes first, so both write this.
    pub fn recorded_input(&self) -> serde_json::Value {
        let mut input = serde_json::json!({ "reportIds": self.report_ids, "skipPhases": self.skip_phases });
        if let Some(start_at) = self.start_at {
            input["startAt"] = serde_json::json!(start_at);
        }
        input
    }
}

/// Input of one report's child workflow.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportRun {
    pub cycle_id: i64,
    pub report_id: i64,
    pub cycle_report_id: i64,
    /// The parent run's execution row.
    pub parent_execution_id: i64,
    pub skip_phases: Vec<Phase>,
    pub approval_mode: ApprovalMode,
    pub started_by: i64,
    pub settings: WorkflowSettings,
    #[serde(default)]
    pub faults: Vec<Fault>,
    #[serde(default = "current_version")]
    pub version: WorkflowVersion,
}

/// A request to move a running report run to a newer version at its next phase boundary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MigrationRequest {
    /// The `workflow_migration_history` row recording it.
    pub history_id: i64,
    pub to_version: WorkflowVersion,
}

/// A person's decision on a human task, forwarded to the waiting workflow.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskDecision {
    pub task_id: i64,
    pub decision: Decision,
    pub comment: Option<String>,
    pub payload: Option<serde_json::Value>,
    pub decided_by: i64,
}

/// What an operator chooses for a phase paused by MANUAL_INTERVENTION compensation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum OperatorAction {
    /// Carry on as if the phase had succeeded (its work was finished by hand).
    Resume,
    /// Run the phase again.
    Retry,
    /// Mark the phase skipped and continue.
    Skip,
    /// Fail the report's run.
    Abort,
}

/// An operator's answer to a paused phase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OperatorDecision {
    pub compensation_log_id: i64,
    pub action: OperatorAction,
    pub operator_id: i64,
}

/// What a report's run ended with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportOutcome {
    pub report_id: i64,
    pub completed: bool,
    pub failed_phase: Option<Phase>,
}
