//! Workflow versions and the features each declares, so the API can tell what a running
//! execution supports and whether it may move to a newer version at a phase boundary.

use serde::{Deserialize, Serialize};

/// A capability a workflow version has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Feature {
    /// The eight phases, one child workflow per report.
    EightPhases,
    /// Phases 3 and 4 run in parallel and join before phase 5.
    ParallelSampleAndOwnerPhases,
    /// Phases can be skipped at start.
    SkipPhases,
    /// Human steps as Temporal updates with validators.
    HumanApprovals,
    /// The workflow decides every human step itself when started in AUTO mode.
    AutoApprovalMode,
    /// Retry policy per activity kind, snapshotted into the run.
    RetryPolicyPerKind,
    /// Compensation per phase, including waiting for an operator.
    PhaseCompensation,
    /// SLA timers on human steps with reminders and escalation.
    SlaEscalation,
}

/// A released version of the test-cycle workflow, oldest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum WorkflowVersion {
    /// The first release.
    #[serde(rename = "1.0.0")]
    V1_0_0,
    /// Adds SLA timers and escalation on human steps.
    #[serde(rename = "1.1.0")]
    V1_1_0,
}

impl WorkflowVersion {
    /// Every version, oldest first.
    pub const ALL: [WorkflowVersion; 2] = [WorkflowVersion::V1_0_0, WorkflowVersion::V1_1_0];

    /// The version new executions start on.
    pub const CURRENT: WorkflowVersion = WorkflowVersion::V1_1_0;

    /// The version as stored in `workflow_execution.version`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::V1_0_0 => "1.0.0",
            Self::V1_1_0 => "1.1.0",
        }
    }

    /// The version stored as `text`, if it is one.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == text)
    }

    /// What this version can do.
    pub fn features(self) -> &'static [Feature] {
        use Feature::*;
        const BASE: &[Feature] = &[
            EightPhases,
            ParallelSampleAndOwnerPhases,
            SkipPhases,
            HumanApprovals,
            AutoApprovalMode,
            RetryPolicyPerKind,
            PhaseCompensation,
        ];
        const WITH_SLA: &[Feature] = &[
            EightPhases,
            ParallelSampleAndOwnerPhases,
            SkipPhases,
            HumanApprovals,
            AutoApprovalMode,
            RetryPolicyPerKind,
            PhaseCompensation,
            SlaEscalation,
        ];
        match self {
            Self::V1_0_0 => BASE,
            Self::V1_1_0 => WITH_SLA,
        }
    }

    /// Whether a running execution on `self` may move to `target` at a phase boundary: only
    /// forward, and only when the target keeps every feature the execution already relies on.
    pub fn can_migrate_to(self, target: WorkflowVersion) -> bool {
        target > self && self.features().iter().all(|f| target.features().contains(f))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_round_trip_through_their_text() {
        for v in WorkflowVersion::ALL {
            assert_eq!(WorkflowVersion::parse(v.as_str()), Some(v));
        }
        assert_eq!(WorkflowVersion::parse("0.9"), None);
    }

    #[test]
    fn migration_goes_forward_only() {
        assert!(WorkflowVersion::V1_0_0.can_migrate_to(WorkflowVersion::V1_1_0));
        assert!(!WorkflowVersion::V1_1_0.can_migrate_to(WorkflowVersion::V1_0_0));
        assert!(!WorkflowVersion::V1_1_0.can_migrate_to(WorkflowVersion::V1_1_0));
    }

    #[test]
    fn the_current_version_is_the_newest() {
        assert_eq!(WorkflowVersion::ALL.iter().max(), Some(&WorkflowVersion::CURRENT));
    }
}
