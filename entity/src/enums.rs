//! Typed enumerations stored as TEXT (plain or through a check-constrained domain), each value
//! written in SCREAMING_SNAKE_CASE in the database and in JSON alike.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

/// Declares a TEXT-backed `DeriveActiveEnum` whose variants map to the given database strings,
/// with serde using the same strings and an `as_str` giving them back without allocating.
macro_rules! text_enum {
    (
        $(#[$meta:meta])*
        $name:ident {
            $( $(#[$variant_meta:meta])* $variant:ident = $value:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(
            Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
        )]
        #[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
        #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
        pub enum $name {
            $(
                $(#[$variant_meta])*
                #[sea_orm(string_value = $value)]
                $variant,
            )+
        }

        impl $name {
            /// The string stored in the database (and used in JSON).
            pub fn as_str(self) -> &'static str {
                match self {
                    $( Self::$variant => $value, )+
                }
            }
        }
    };
}

text_enum! {
    /// A user's role (`app_user.role`, `human_task.assignee_role`).
    Role {
        Admin = "ADMIN",
        TestManager = "TEST_MANAGER",
        Tester = "TESTER",
        ReportOwner = "REPORT_OWNER",
        ReportOwnerExecutive = "REPORT_OWNER_EXECUTIVE",
        DataExecutive = "DATA_EXECUTIVE",
        DataOwner = "DATA_OWNER",
    }
}

text_enum! {
    /// One of the eight testing phases, in order (the `phase` domain).
    Phase {
        Planning = "PLANNING",
        Scoping = "SCOPING",
        SampleSelection = "SAMPLE_SELECTION",
        DataOwnerIdentification = "DATA_OWNER_IDENTIFICATION",
        RequestForInformation = "REQUEST_FOR_INFORMATION",
        TestExecution = "TEST_EXECUTION",
        ObservationManagement = "OBSERVATION_MANAGEMENT",
        FinalizeTestReport = "FINALIZE_TEST_REPORT",
    }
}

impl Phase {
    /// Every phase, in workflow order.
    pub const ALL: [Phase; 8] = [
        Phase::Planning,
        Phase::Scoping,
        Phase::SampleSelection,
        Phase::DataOwnerIdentification,
        Phase::RequestForInformation,
        Phase::TestExecution,
        Phase::ObservationManagement,
        Phase::FinalizeTestReport,
    ];

    /// Position in the workflow, 1 to 8.
    pub fn number(self) -> u8 {
        match self {
            Phase::Planning => 1,
            Phase::Scoping => 2,
            Phase::SampleSelection => 3,
            Phase::DataOwnerIdentification => 4,
            Phase::RequestForInformation => 5,
            Phase::TestExecution => 6,
            Phase::ObservationManagement => 7,
            Phase::FinalizeTestReport => 8,
        }
    }

    /// Human-readable name.
    pub fn label(self) -> &'static str {
        match self {
            Phase::Planning => "Planning",
            Phase::Scoping => "Scoping",
            Phase::SampleSelection => "Sample Selection",
            Phase::DataOwnerIdentification => "Data Owner Identification",
            Phase::RequestForInformation => "Request for Information",
            Phase::TestExecution => "Test Execution",
            Phase::ObservationManagement => "Observation Management",
            Phase::FinalizeTestReport => "Finalize Test Report",
        }
    }
}

text_enum! {
    /// Lifecycle of a test cycle (`test_cycle.status`).
    CycleStatus {
        Planned = "PLANNED",
        Active = "ACTIVE",
        Completed = "COMPLETED",
        Cancelled = "CANCELLED",
        OnHold = "ON_HOLD",
    }
}

text_enum! {
    /// Progress of one report within a cycle (`cycle_report.status`).
    CycleReportStatus {
        NotStarted = "NOT_STARTED",
        InProgress = "IN_PROGRESS",
        Complete = "COMPLETE",
        Failed = "FAILED",
        Cancelled = "CANCELLED",
    }
}

text_enum! {
    /// Status of a workflow run (the `execution_status` domain).
    ExecutionStatus {
        Pending = "PENDING",
        Running = "RUNNING",
        Completed = "COMPLETED",
        Failed = "FAILED",
        Cancelled = "CANCELLED",
        Terminated = "TERMINATED",
        TimedOut = "TIMED_OUT",
    }
}

text_enum! {
    /// Status of a workflow step or of a phase rollup (the `step_status` domain).
    StepStatus {
        Pending = "PENDING",
        Running = "RUNNING",
        Waiting = "WAITING",
        Completed = "COMPLETED",
        Failed = "FAILED",
        Skipped = "SKIPPED",
        Compensated = "COMPENSATED",
        Cancelled = "CANCELLED",
    }
}

text_enum! {
    /// Whether human tasks of a workflow run wait for a person or are decided automatically
    /// (`workflow_execution.approval_mode`).
    ApprovalMode {
        Manual = "MANUAL",
        Auto = "AUTO",
    }
}

text_enum! {
    /// What a human task asks for (`human_task.kind`).
    TaskKind {
        Approval = "APPROVAL",
        Review = "REVIEW",
        Assignment = "ASSIGNMENT",
        Evidence = "EVIDENCE",
        SignOff = "SIGN_OFF",
    }
}

text_enum! {
    /// Lifecycle of a human task (`human_task.status`).
    TaskStatus {
        Open = "OPEN",
        Completed = "COMPLETED",
        Cancelled = "CANCELLED",
        Expired = "EXPIRED",
    }
}

text_enum! {
    /// The decision that completes a human task (`human_task.decision`).
    Decision {
        Approve = "APPROVE",
        Reject = "REJECT",
        RequestChanges = "REQUEST_CHANGES",
    }
}

text_enum! {
    /// How a failed phase is compensated (the `compensation_action` domain).
    CompensationAction {
        Rollback = "ROLLBACK",
        PartialRollback = "PARTIAL_ROLLBACK",
        Notify = "NOTIFY",
        Skip = "SKIP",
        ManualIntervention = "MANUAL_INTERVENTION",
    }
}

#[cfg(test)]
mod tests {
    use sea_orm::Iterable;

    use super::*;

    /// `as_str`, sea-orm and serde must agree on every variant's string.
    macro_rules! check_strings {
        ($($name:ident),+) => {
            $(
                for variant in $name::iter() {
                    let db = variant.to_value();
                    assert_eq!(variant.as_str(), db);
                    assert_eq!($name::try_from_value(&db).expect("known value"), variant);
                    let json = serde_json::to_value(variant).expect("serializes");
                    assert_eq!(json, serde_json::Value::String(db));
                    let back: $name = serde_json::from_value(json).expect("deserializes");
                    assert_eq!(back, variant);
                }
            )+
        };
    }

    #[test]
    fn strings_agree() {
        check_strings!(
            Role,
            Phase,
            CycleStatus,
            CycleReportStatus,
            ExecutionStatus,
            StepStatus,
            ApprovalMode,
            TaskKind,
            TaskStatus,
            Decision,
            CompensationAction
        );
    }

    #[test]
    fn phases_are_ordered() {
        let all: Vec<Phase> = Phase::iter().collect();
        assert_eq!(all, Phase::ALL.to_vec());
        for (i, phase) in Phase::ALL.into_iter().enumerate() {
            assert_eq!(usize::from(phase.number()), i + 1);
        }
        assert_eq!(Phase::RequestForInformation.label(), "Request for Information");
    }
}
