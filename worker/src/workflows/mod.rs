//! The one workflow definition of a test cycle: a parent per cycle ([`cycle`]) with a child per
//! report ([`report`]) running the eight phases. Workflow code is deterministic: it touches no
//! database, clock or randomness of its own; everything it learns comes from activities.

pub mod cycle;
pub mod report;
mod steps;

pub use cycle::EnhancedTestCycleWorkflow;
pub use report::ReportTestingWorkflow;

/// Patch marker of the SLA timers added in workflow version 1.1.0.
pub const SLA_PATCH: &str = "sla-escalation-v1.1";
/// Patch marker of the e-mail copies of task and compensation notifications.
pub const EMAIL_PATCH: &str = "email-notifications";
/// Patch marker of scoping's ROLLBACK reopening planning's approval before scoping again (runs
/// recorded before it only scoped again).
pub const REOPEN_PLANNING_PATCH: &str = "scoping-rollback-reopens-planning";
