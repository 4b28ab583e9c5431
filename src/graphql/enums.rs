//! The API's enumerations, mirrored from the entity enums so the database and the schema name
//! every value the same way (conversions both ways are generated).

use async_graphql::Enum;

/// A user's role.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::Role")]
pub enum Role {
    Admin,
    TestManager,
    Tester,
    ReportOwner,
    ReportOwnerExecutive,
    DataExecutive,
    DataOwner,
}

/// One of the eight testing phases.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::Phase")]
pub enum Phase {
    Planning,
    Scoping,
    SampleSelection,
    DataOwnerIdentification,
    RequestForInformation,
    TestExecution,
    ObservationManagement,
    FinalizeTestReport,
}

/// Where a test cycle stands.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::CycleStatus")]
pub enum CycleStatus {
    Planned,
    Active,
    Completed,
    Cancelled,
    OnHold,
}

/// Where one report of a cycle stands.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::CycleReportStatus")]
pub enum CycleReportStatus {
    NotStarted,
    InProgress,
    Complete,
    Failed,
    Cancelled,
}

/// Where a workflow execution stands.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::ExecutionStatus")]
pub enum ExecutionStatus {
    Pending,
    Running,
    Completed,
    Failed,
    Cancelled,
    Terminated,
    TimedOut,
}

/// Where a workflow step stands.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::StepStatus")]
pub enum StepStatus {
    Pending,
    Running,
    Waiting,
    Completed,
    Failed,
    Skipped,
    Compensated,
    Cancelled,
}

/// Whether people decide the human steps, or the workflow does.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[graphql(remote = "entity::enums::ApprovalMode")]
pub enum ApprovalMode {
    #[default]
    Manual,
    Auto,
}

/// What a human task asks for.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::TaskKind")]
pub enum TaskKind {
    Approval,
    Review,
    Assignment,
    Evidence,
    SignOff,
}

/// Where a human task stands.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::TaskStatus")]
pub enum TaskStatus {
    Open,
    Completed,
    Cancelled,
    Expired,
}

/// A decision on a human step.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::Decision")]
pub enum Decision {
    Approve,
    Reject,
    RequestChanges,
}

/// How a failed phase is compensated.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::CompensationAction")]
pub enum CompensationAction {
    Rollback,
    PartialRollback,
    Notify,
    Skip,
    ManualIntervention,
}
