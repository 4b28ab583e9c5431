//! `startWorkflow` and `cancelWorkflow`: test managers steering cycles.

use async_graphql::{Context, ID, InputObject, Object, Result};
use chrono::{DateTime, Utc};
use worker::messages::Fault;

use super::types::{CompensationLog, MigrationRecord, WorkflowExecution};
use crate::graphql::context::{ContextExt, parse_id};
use crate::graphql::enums::{ApprovalMode, Phase};
use crate::services::decisions;
use crate::services::workflows::{self, StartRequest};

/// How to start a cycle's workflow.
#[derive(InputObject, Default)]
pub struct StartWorkflowInput {
    /// Only these reports of the cycle (default, or an empty list: every report).
    report_ids: Option<Vec<ID>>,
    /// Phases to skip (default: none); they are recorded as SKIPPED.
    skip_phases: Option<Vec<Phase>>,
    /// MANUAL (people decide each human step) or AUTO (the workflow decides, recorded as automatic).
    /// Nullable as API.md declares it: null, like leaving it out, means MANUAL.
    #[graphql(default_with = "Some(ApprovalMode::Manual)")]
    approval_mode: Option<ApprovalMode>,
    /// Failures to inject; only on a server started with SYNAPSE_TESTING_FAULTS=true.
    faults: Option<Vec<FaultInput>>,
    /// Pin the run to this workflow version (default: the current one).
    version: Option<String>,
    /// Every human step's SLA in seconds; only on a server started with SYNAPSE_TESTING_FAULTS=true.
    sla_seconds: Option<i32>,
    /// Schedule the run: its phases begin at this time (in the future, within the workflow
    /// timeout) instead of at once; until then the execution is PENDING and can be cancelled.
    start_at: Option<DateTime<Utc>>,
}

/// A failure to inject into a phase's work (testing only).
#[derive(InputObject)]
pub struct FaultInput {
    /// The phase whose work fails.
    phase: Phase,
    /// How many attempts fail before one succeeds (a large number: all of them).
    failing_attempts: i32,
    /// Fail as a business error, not retried.
    #[graphql(default)]
    non_retryable: bool,
    /// Only in this review round.
    round: Option<i32>,
    /// Make the first attempt take this many milliseconds first.
    #[graphql(default)]
    delay_ms: i32,
}

/// What an operator does with a phase paused for manual intervention.
#[derive(async_graphql::Enum, Clone, Copy, PartialEq, Eq)]
#[graphql(remote = "worker::messages::OperatorAction")]
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

/// Mutations steering workflows.
#[derive(Default)]
pub struct WorkflowMutation;

#[Object]
impl WorkflowMutation {
    /// Starts the cycle's workflow. TEST_MANAGER and ADMIN only; CONFLICT while one runs (a run
    /// that has just ended is waited for while it closes, ten seconds at most); UNAVAILABLE (with
    /// nothing stored) when Temporal cannot be reached.
    async fn start_workflow(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The cycle.")] cycle_id: ID,
        input: Option<StartWorkflowInput>,
    ) -> Result<WorkflowExecution> {
        let viewer = ctx.viewer()?;
        let cycle_id = parse_id("cycleId", &cycle_id)?;
        let input = input.unwrap_or_default();
        let report_ids = input
            .report_ids
            .map(|ids| ids.iter().map(|id| parse_id("reportIds", id)).collect::<Result<Vec<_>, _>>())
            .transpose()?;
        let request = StartRequest {
            report_ids,
            skip_phases: input.skip_phases.unwrap_or_default().into_iter().map(Into::into).collect(),
            approval_mode: input.approval_mode.map(Into::into),
            faults: input
                .faults
                .unwrap_or_default()
                .into_iter()
                .map(|f| Fault {
                    phase: f.phase.into(),
                    failing_attempts: u32::try_from(f.failing_attempts).unwrap_or(0),
                    non_retryable: f.non_retryable,
                    round: f.round.and_then(|r| u32::try_from(r).ok()),
                    delay_ms: u64::try_from(f.delay_ms).unwrap_or(0),
                })
                .collect(),
            version: input.version,
            sla_seconds: input.sla_seconds.and_then(|s| u64::try_from(s).ok()),
            start_at: input.start_at,
        };
        let execution = workflows::start(ctx.db(), ctx.gateway(), ctx.config(), viewer, cycle_id, request).await?;
        Ok(WorkflowExecution(execution))
    }

    /// Cancels a running execution (its per-report runs stop too). TEST_MANAGER and ADMIN only.
    async fn cancel_workflow(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The execution.")] execution_id: ID,
        #[graphql(desc = "Why it is cancelled (audited).")] reason: String,
    ) -> Result<WorkflowExecution> {
        let viewer = ctx.viewer()?;
        let id = parse_id("executionId", &execution_id)?;
        Ok(WorkflowExecution(workflows::cancel(ctx.db(), ctx.gateway(), viewer, id, &reason).await?))
    }

    /// Moves a running execution (a cycle's run: each of its running report runs) to a newer
    /// workflow version at the next phase boundary. TEST_MANAGER and ADMIN only.
    async fn migrate_workflow(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The execution.")] execution_id: ID,
        #[graphql(desc = "The version to move to, e.g. \"1.1.0\".")] to_version: String,
    ) -> Result<Vec<MigrationRecord>> {
        let viewer = ctx.viewer()?;
        let id = parse_id("executionId", &execution_id)?;
        let rows = workflows::migrate(ctx.db(), ctx.gateway(), viewer, id, &to_version).await?;
        Ok(rows.into_iter().map(MigrationRecord).collect())
    }

    /// Answers a phase paused by MANUAL_INTERVENTION compensation. TEST_MANAGER and ADMIN only.
    async fn resolve_intervention(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The compensation awaiting an operator.")] compensation_log_id: ID,
        #[graphql(desc = "What to do with the paused phase.")] action: OperatorAction,
    ) -> Result<CompensationLog> {
        let viewer = ctx.viewer()?;
        let id = parse_id("compensationLogId", &compensation_log_id)?;
        let log = decisions::resolve_intervention(ctx.db(), ctx.gateway(), viewer, id, action.into()).await?;
        Ok(CompensationLog(log))
    }
}
