//! sea-orm entities of Synapse DT: one module per table, plus the typed enumerations stored in
//! their TEXT columns.

pub mod enums;

pub mod app_user;
pub mod attribute;
pub mod audit_log;
pub mod cycle_report;
pub mod data_owner_assignment;
pub mod evidence;
pub mod human_task;
pub mod information_request;
pub mod lob;
pub mod notification;
pub mod observation;
pub mod observation_execution;
pub mod phase_setting;
pub mod report;
pub mod retry_policy;
pub mod sample;
pub mod scoping_decision;
pub mod source_record;
pub mod test_case;
pub mod test_cycle;
pub mod test_execution;
pub mod test_report;
pub mod test_report_sign_off;
pub mod workflow_activity_retry_log;
pub mod workflow_alert;
pub mod workflow_compensation_log;
pub mod workflow_event;
pub mod workflow_execution;
pub mod workflow_metrics;
pub mod workflow_migration_history;
pub mod workflow_step;
pub mod workflow_transition;

/// Every entity under its PascalCase table name.
pub mod prelude {
    pub use crate::app_user::Entity as AppUser;
    pub use crate::attribute::Entity as Attribute;
    pub use crate::audit_log::Entity as AuditLog;
    pub use crate::cycle_report::Entity as CycleReport;
    pub use crate::data_owner_assignment::Entity as DataOwnerAssignment;
    pub use crate::evidence::Entity as Evidence;
    pub use crate::human_task::Entity as HumanTask;
    pub use crate::information_request::Entity as InformationRequest;
    pub use crate::lob::Entity as Lob;
    pub use crate::notification::Entity as Notification;
    pub use crate::observation::Entity as Observation;
    pub use crate::observation_execution::Entity as ObservationExecution;
    pub use crate::phase_setting::Entity as PhaseSetting;
    pub use crate::report::Entity as Report;
    pub use crate::retry_policy::Entity as RetryPolicy;
    pub use crate::sample::Entity as Sample;
    pub use crate::scoping_decision::Entity as ScopingDecision;
    pub use crate::source_record::Entity as SourceRecord;
    pub use crate::test_case::Entity as TestCase;
    pub use crate::test_cycle::Entity as TestCycle;
    pub use crate::test_execution::Entity as TestExecution;
    pub use crate::test_report::Entity as TestReport;
    pub use crate::test_report_sign_off::Entity as TestReportSignOff;
    pub use crate::workflow_activity_retry_log::Entity as WorkflowActivityRetryLog;
    pub use crate::workflow_alert::Entity as WorkflowAlert;
    pub use crate::workflow_compensation_log::Entity as WorkflowCompensationLog;
    pub use crate::workflow_event::Entity as WorkflowEvent;
    pub use crate::workflow_execution::Entity as WorkflowExecution;
    pub use crate::workflow_metrics::Entity as WorkflowMetrics;
    pub use crate::workflow_migration_history::Entity as WorkflowMigrationHistory;
    pub use crate::workflow_step::Entity as WorkflowStep;
    pub use crate::workflow_transition::Entity as WorkflowTransition;
}
