//! `WorkflowExecution` and what hangs off it: steps, transitions, retry and compensation logs.

use async_graphql::{Context, ID, Json, Object, Result};
use chrono::{DateTime, FixedOffset, Utc};
use entity::{
    workflow_activity_retry_log, workflow_compensation_log, workflow_execution, workflow_step, workflow_transition,
};

use crate::graphql::context::{ContextExt, load, load_group};
use crate::graphql::cycles::types::Cycle;
use crate::graphql::enums::{ApprovalMode, CompensationAction, ExecutionStatus, Phase, StepStatus};
use crate::graphql::loaders::{
    ChildrenOfExecution, CompensationsOfExecution, CycleId, CycleReportId, ExecutionId, MigrationsOfExecution,
    ReportId, RetriesOfExecution, StepsOfExecution, TransitionsOfExecution,
};
use crate::graphql::reports::types::Report;
use crate::graphql::scalars::utc;

/// Seconds from `start` to `end`, or to now while still open.
fn seconds_between(start: DateTime<FixedOffset>, end: Option<DateTime<FixedOffset>>) -> f64 {
    let end = end.map_or_else(Utc::now, utc);
    (end - utc(start)).num_milliseconds().max(0) as f64 / 1000.0
}

/// One run of a workflow: the cycle's parent workflow, or the child testing one report.
pub struct WorkflowExecution(pub workflow_execution::Model);

#[Object]
impl WorkflowExecution {
    /// Opaque id.
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    /// Temporal workflow id.
    async fn workflow_id(&self) -> &str {
        &self.0.workflow_id
    }

    /// Temporal run id.
    async fn run_id(&self) -> &str {
        &self.0.run_id
    }

    /// Temporal workflow type.
    async fn workflow_type(&self) -> &str {
        &self.0.workflow_type
    }

    /// The cycle under test.
    async fn cycle(&self, ctx: &Context<'_>) -> Result<Option<Cycle>> {
        Ok(load(ctx, CycleId(self.0.cycle_id)).await?.map(Cycle))
    }

    /// The report this run tests; null for the cycle's parent run.
    async fn report(&self, ctx: &Context<'_>) -> Result<Option<Report>> {
        let Some(link) = self.0.cycle_report_id else { return Ok(None) };
        let Some(link) = load(ctx, CycleReportId(link)).await? else { return Ok(None) };
        Ok(load(ctx, ReportId(link.report_id)).await?.map(Report))
    }

    /// Where the run stands.
    async fn status(&self) -> ExecutionStatus {
        self.0.status.into()
    }

    /// Workflow version the run executes.
    async fn version(&self) -> &str {
        &self.0.version
    }

    /// Whether people or the workflow decide human steps.
    async fn approval_mode(&self) -> ApprovalMode {
        self.0.approval_mode.into()
    }

    /// The phase the run is in, while running.
    async fn current_phase(&self) -> Option<Phase> {
        self.0.current_phase.map(Into::into)
    }

    /// When it started: for a scheduled run, when its phases began (the request's time while it
    /// is PENDING).
    async fn started_at(&self) -> DateTime<Utc> {
        utc(self.0.started_at)
    }

    /// For a scheduled start, the time its phases were set to begin; null for a run started at once.
    async fn scheduled_for(&self) -> Option<DateTime<Utc>> {
        self.0.input.get("startAt").and_then(|at| serde_json::from_value(at.clone()).ok())
    }

    /// When it ended, if it has.
    async fn completed_at(&self) -> Option<DateTime<Utc>> {
        self.0.completed_at.map(utc)
    }

    /// Seconds from start to end (or to now while running).
    async fn duration_seconds(&self) -> f64 {
        seconds_between(self.0.started_at, self.0.completed_at)
    }

    /// Why it failed, if it did.
    async fn error(&self) -> Option<&str> {
        self.0.error.as_deref()
    }

    /// Phase, activity and human steps, in the order they started.
    async fn steps(&self, ctx: &Context<'_>) -> Result<Vec<WorkflowStep>> {
        Ok(load_group(ctx, StepsOfExecution(self.0.id)).await?.into_iter().map(WorkflowStep).collect())
    }

    /// Phase transitions in order, including parallel forks and joins.
    async fn transitions(&self, ctx: &Context<'_>) -> Result<Vec<WorkflowTransition>> {
        Ok(load_group(ctx, TransitionsOfExecution(self.0.id)).await?.into_iter().map(WorkflowTransition).collect())
    }

    /// The per-report runs of a cycle's parent run.
    async fn children(&self, ctx: &Context<'_>) -> Result<Vec<WorkflowExecution>> {
        Ok(load_group(ctx, ChildrenOfExecution(self.0.id)).await?.into_iter().map(WorkflowExecution).collect())
    }

    /// The parent run of a per-report run.
    async fn parent(&self, ctx: &Context<'_>) -> Result<Option<WorkflowExecution>> {
        let Some(parent) = self.0.parent_execution_id else { return Ok(None) };
        Ok(load(ctx, ExecutionId(parent)).await?.map(WorkflowExecution))
    }

    /// Compensations run for failed phases.
    async fn compensation_logs(&self, ctx: &Context<'_>) -> Result<Vec<CompensationLog>> {
        Ok(load_group(ctx, CompensationsOfExecution(self.0.id)).await?.into_iter().map(CompensationLog).collect())
    }

    /// Failed activity attempts that were retried.
    async fn retry_logs(&self, ctx: &Context<'_>) -> Result<Vec<RetryLog>> {
        Ok(load_group(ctx, RetriesOfExecution(self.0.id)).await?.into_iter().map(RetryLog).collect())
    }

    /// Moves of this run to a newer workflow version: requested, then applied at a phase boundary.
    async fn migrations(&self, ctx: &Context<'_>) -> Result<Vec<MigrationRecord>> {
        Ok(load_group(ctx, MigrationsOfExecution(self.0.id)).await?.into_iter().map(MigrationRecord).collect())
    }

    /// This run's history in the Temporal web UI.
    async fn temporal_ui_url(&self, ctx: &Context<'_>) -> String {
        let config = ctx.config();
        format!(
            "{}/namespaces/{}/workflows/{}/{}/history",
            config.temporal_ui_url.trim_end_matches('/'),
            config.temporal_namespace,
            self.0.workflow_id,
            self.0.run_id
        )
    }
}

/// One step of a run: a phase, an activity inside it, or a human step.
pub struct WorkflowStep(pub workflow_step::Model);

#[Object]
impl WorkflowStep {
    /// Opaque id.
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    /// The phase the step belongs to.
    async fn phase(&self) -> Option<Phase> {
        self.0.phase.map(Into::into)
    }

    /// What the step does.
    async fn name(&self) -> &str {
        &self.0.name
    }

    /// PHASE, ACTIVITY, HUMAN_TASK or COMPENSATION.
    async fn step_type(&self) -> &str {
        &self.0.step_type
    }

    /// Where the step stands.
    async fn status(&self) -> StepStatus {
        self.0.status.into()
    }

    /// Attempt number (1 on the first try).
    async fn attempt(&self) -> i32 {
        self.0.attempt
    }

    /// When it started.
    async fn started_at(&self) -> Option<DateTime<Utc>> {
        self.0.started_at.map(utc)
    }

    /// When it ended.
    async fn completed_at(&self) -> Option<DateTime<Utc>> {
        self.0.completed_at.map(utc)
    }

    /// Seconds from start to end (or to now while open); null before it starts.
    async fn duration_seconds(&self) -> Option<f64> {
        self.0.started_at.map(|start| seconds_between(start, self.0.completed_at))
    }

    /// Seconds spent waiting on people.
    async fn waiting_seconds(&self) -> f64 {
        self.0.waiting_ms as f64 / 1000.0
    }

    /// Why it failed, if it did.
    async fn error(&self) -> Option<&str> {
        self.0.error.as_deref()
    }

    /// Step-specific detail.
    async fn detail(&self) -> Json<&serde_json::Value> {
        Json(&self.0.detail)
    }
}

/// A move from one phase to another.
pub struct WorkflowTransition(pub workflow_transition::Model);

#[Object]
impl WorkflowTransition {
    /// Opaque id.
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    /// The phase left; null at the start.
    async fn from_phase(&self) -> Option<Phase> {
        self.0.from_phase.map(Into::into)
    }

    /// The phase entered; null at the end.
    async fn to_phase(&self) -> Option<Phase> {
        self.0.to_phase.map(Into::into)
    }

    /// START, SEQUENTIAL, PARALLEL_FORK, PARALLEL_JOIN, SKIP, LOOP_BACK, COMPENSATION or END.
    async fn transition_type(&self) -> &str {
        &self.0.transition_type
    }

    /// When it happened.
    async fn occurred_at(&self) -> DateTime<Utc> {
        utc(self.0.occurred_at)
    }

    /// Transition-specific detail.
    async fn detail(&self) -> Json<&serde_json::Value> {
        Json(&self.0.detail)
    }
}

/// What compensating a failed phase undid, kept and told.
pub struct CompensationLog(pub workflow_compensation_log::Model);

#[Object]
impl CompensationLog {
    /// Opaque id.
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    /// The run that was compensated.
    async fn execution(&self, ctx: &Context<'_>) -> Result<Option<WorkflowExecution>> {
        Ok(load(ctx, ExecutionId(self.0.execution_id)).await?.map(WorkflowExecution))
    }

    /// The phase that failed.
    async fn phase(&self) -> Phase {
        self.0.phase.into()
    }

    /// The strategy applied.
    async fn strategy(&self) -> CompensationAction {
        self.0.strategy.into()
    }

    /// STARTED, COMPLETED, FAILED, AWAITING_OPERATOR or RESOLVED.
    async fn status(&self) -> &str {
        &self.0.status
    }

    /// The failure that set it off.
    async fn failure(&self) -> Option<&str> {
        self.0.failure.as_deref()
    }

    /// What was undone.
    async fn undone(&self) -> Json<&serde_json::Value> {
        Json(&self.0.undone)
    }

    /// What was kept.
    async fn kept(&self) -> Json<&serde_json::Value> {
        Json(&self.0.kept)
    }

    /// Who was told.
    async fn notified(&self) -> Json<&serde_json::Value> {
        Json(&self.0.notified)
    }

    /// The operator's choice for MANUAL_INTERVENTION: RESUME, RETRY, SKIP or ABORT.
    async fn operator_action(&self) -> Option<&str> {
        self.0.operator_action.as_deref()
    }

    /// When it started.
    async fn started_at(&self) -> DateTime<Utc> {
        utc(self.0.started_at)
    }

    /// When it finished.
    async fn completed_at(&self) -> Option<DateTime<Utc>> {
        self.0.completed_at.map(utc)
    }
}

/// One failed attempt of an activity that was (or will be) retried.
pub struct RetryLog(pub workflow_activity_retry_log::Model);

#[Object]
impl RetryLog {
    /// Opaque id.
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    /// Temporal activity id.
    async fn activity_id(&self) -> &str {
        &self.0.activity_id
    }

    /// Activity type.
    async fn activity_type(&self) -> &str {
        &self.0.activity_type
    }

    /// LLM, DATABASE or EMAIL: which retry policy applies.
    async fn activity_kind(&self) -> &str {
        &self.0.activity_kind
    }

    /// The attempt that failed.
    async fn attempt(&self) -> i32 {
        self.0.attempt
    }

    /// Why it failed.
    async fn error(&self) -> &str {
        &self.0.error
    }

    /// Delay before the next attempt, in milliseconds.
    async fn next_retry_delay_ms(&self) -> Option<i64> {
        self.0.next_retry_delay_ms
    }

    /// When it failed.
    async fn failed_at(&self) -> DateTime<Utc> {
        utc(self.0.failed_at)
    }
}

/// A request to move a run to another workflow version, and whether it was applied.
pub struct MigrationRecord(pub entity::workflow_migration_history::Model);

#[Object]
impl MigrationRecord {
    /// Opaque id.
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    /// The run being moved.
    async fn execution(&self, ctx: &Context<'_>) -> Result<Option<WorkflowExecution>> {
        Ok(load(ctx, ExecutionId(self.0.execution_id)).await?.map(WorkflowExecution))
    }

    /// Version before.
    async fn from_version(&self) -> &str {
        &self.0.from_version
    }

    /// Version after.
    async fn to_version(&self) -> &str {
        &self.0.to_version
    }

    /// REQUESTED, APPLIED, REJECTED or FAILED.
    async fn status(&self) -> &str {
        &self.0.status
    }

    /// The phase boundary where it was applied.
    async fn at_phase(&self) -> Option<Phase> {
        self.0.at_phase.map(Into::into)
    }

    /// Why it was refused, if it was.
    async fn reason(&self) -> Option<&str> {
        self.0.reason.as_deref()
    }

    /// When it was asked for.
    async fn requested_at(&self) -> DateTime<Utc> {
        utc(self.0.requested_at)
    }

    /// When the run applied it.
    async fn applied_at(&self) -> Option<DateTime<Utc>> {
        self.0.applied_at.map(utc)
    }
}
