//! The typed messages the API sends the test-cycle workflow: how to start it and the decisions
//! people make on its human steps. One definition shared by client and worker.

use entity::enums::{ApprovalMode, Decision, Phase};
use serde::{Deserialize, Serialize};

/// The Temporal workflow type of the per-cycle workflow (the seed's name).
pub const CYCLE_WORKFLOW_TYPE: &str = "EnhancedTestCycleWorkflow";

/// The workflow id of a cycle's workflow: one per cycle, so a second start is refused.
pub fn cycle_workflow_id(cycle_id: i64) -> String {
    format!("test-cycle-{cycle_id}")
}

/// Input of the per-cycle workflow.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StartCycle {
    pub cycle_id: i64,
    /// The reports to test; every report of the cycle when empty.
    pub report_ids: Vec<i64>,
    pub skip_phases: Vec<Phase>,
    pub approval_mode: ApprovalMode,
    /// The user who started it.
    pub started_by: i64,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_start_message_survives_json() {
        let start = StartCycle {
            cycle_id: 3,
            report_ids: vec![1, 2],
            skip_phases: vec![Phase::Scoping],
            approval_mode: ApprovalMode::Auto,
            started_by: 9,
        };
        let json = serde_json::to_string(&start).expect("serialise");
        assert!(json.contains("\"SCOPING\""), "{json}");
        assert_eq!(serde_json::from_str::<StartCycle>(&json).expect("parse"), start);
    }

    #[test]
    fn workflow_ids_are_per_cycle() {
        assert_eq!(cycle_workflow_id(42), "test-cycle-42");
    }
}
