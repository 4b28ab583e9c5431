//! `EnhancedTestCycleWorkflow` (the seed's name): one per started cycle. It records the run,
//! waits for its time if the start was scheduled, starts one `ReportTestingWorkflow` child per
//! report, all at once, and records the cycle's end when every child has ended. Cancelling it
//! cancels the children (or, while it waits, ends it before any phase).

use chrono::{DateTime, Utc};
use entity::enums::ExecutionStatus;
use serde::{Deserialize, Serialize};
use serde_json::json;
use temporalio_macros::{workflow, workflow_methods};
use temporalio_sdk::workflows::{join_all, select};
use temporalio_sdk::{ApplicationFailure, ChildWorkflowOptions, WorkflowContext, WorkflowResult, WorkflowTermination};

use super::report::ReportTestingWorkflow;
use super::steps::options;
use crate::activities::tracking::{ReportLinks, TrackingActivities};
use crate::messages::{CYCLE_WORKFLOW_TYPE, ReportOutcome, ReportRun, StartCycle, report_workflow_id};
use crate::settings::ActivityKind;
use crate::tracking::{BeginExecution, ExecutionScope, FinishExecution, RunStarted};

/// What a cycle's run came to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CycleOutcome {
    pub cycle_id: i64,
    pub reports: Vec<ReportOutcome>,
}

/// The per-cycle workflow.
#[workflow]
#[derive(Default)]
pub struct EnhancedTestCycleWorkflow;

#[workflow_methods]
impl EnhancedTestCycleWorkflow {
    /// Tests every report of the start request, each in its own child run.
    #[run(name = "EnhancedTestCycleWorkflow")]
    pub async fn run(ctx: &mut WorkflowContext<Self>, input: StartCycle) -> WorkflowResult<CycleOutcome> {
        let settings = &input.settings;
        let tracking = options(settings, ActivityKind::Database, true);
        let people = ctx
            .execute_activity(
                TrackingActivities::report_people,
                ReportLinks { cycle_id: input.cycle_id, report_ids: input.report_ids.clone() },
                tracking.clone(),
            )
            .await?;
        let execution_id = ctx
            .execute_activity(
                TrackingActivities::begin_execution,
                BeginExecution {
                    workflow_id: ctx.workflow_id().to_owned(),
                    run_id: ctx.run_id().to_owned(),
                    workflow_type: CYCLE_WORKFLOW_TYPE.to_owned(),
                    parent_execution_id: None,
                    cycle_id: input.cycle_id,
                    report_id: None,
                    cycle_report_id: None,
                    version: input.version.as_str().to_owned(),
                    approval_mode: input.approval_mode.as_str().to_owned(),
                    input: input.recorded_input(),
                    started_by: input.started_by,
                    scheduled: input.start_at.is_some(),
                },
                tracking.clone(),
            )
            .await?;
        let scope = ExecutionScope { execution_id, cycle_id: input.cycle_id, report_id: None, cycle_report_id: None };
        if let Some(start_at) = input.start_at {
            // A scheduled start waits, PENDING, on a durable timer; cancelled meanwhile, it ends
            // without having run a phase. Only scheduled runs have this timer, so the histories
            // of runs started at once replay unchanged. The wait is measured from the workflow's
            // own clock, which replays as it ran.
            let now = ctx.workflow_time().map_or_else(Utc::now, DateTime::<Utc>::from);
            let token = ctx.cancellation_token();
            if let Ok(delay) = (start_at - now).to_std()
                && !delay.is_zero()
            {
                select! {
                    _ = ctx.timer(delay) => {}
                    _ = token.cancelled() => {}
                };
            }
            if token.is_cancelled() {
                let finish = FinishExecution {
                    scope,
                    status: ExecutionStatus::Cancelled,
                    error: None,
                    result: json!({ "reports": [] }),
                };
                ctx.execute_activity(TrackingActivities::finish_execution, finish, tracking).await?;
                return Err(WorkflowTermination::cancelled());
            }
            let started = RunStarted {
                scope: scope.clone(),
                workflow_id: ctx.workflow_id().to_owned(),
                run_id: ctx.run_id().to_owned(),
            };
            ctx.execute_activity(TrackingActivities::start_scheduled, started, tracking.clone()).await?;
        }

        let children = people.iter().map(|person| {
            let run = ReportRun {
                cycle_id: input.cycle_id,
                report_id: person.report_id,
                cycle_report_id: person.cycle_report_id,
                parent_execution_id: execution_id,
                skip_phases: input.skip_phases.clone(),
                approval_mode: input.approval_mode,
                started_by: input.started_by,
                settings: input.settings.clone(),
                faults: input.faults.clone(),
                version: input.version,
            };
            let id = report_workflow_id(ctx.workflow_id(), person.report_id);
            let report_id = person.report_id;
            let ctx = ctx.clone();
            async move {
                let child = ctx
                    .start_child_workflow(ReportTestingWorkflow::run, run, ChildWorkflowOptions::workflow_id(id))
                    .await;
                let outcome = match child {
                    Ok(started) => started.result().await.ok(),
                    Err(_) => None,
                };
                outcome.unwrap_or(ReportOutcome { report_id, completed: false, failed_phase: None })
            }
        });
        let reports = join_all(children).await;

        let cancelled = ctx.cancellation_token().is_cancelled();
        let failed = reports.iter().filter(|r| !r.completed).count();
        let status = match (cancelled, failed) {
            (true, _) => ExecutionStatus::Cancelled,
            (false, 0) => ExecutionStatus::Completed,
            _ => ExecutionStatus::Failed,
        };
        let error =
            (status == ExecutionStatus::Failed).then(|| format!("{failed} of {} reports failed", reports.len()));
        ctx.execute_activity(
            TrackingActivities::finish_execution,
            FinishExecution { scope, status, error: error.clone(), result: json!({ "reports": reports }) },
            tracking,
        )
        .await?;
        match (status, error) {
            (ExecutionStatus::Cancelled, _) => Err(WorkflowTermination::cancelled()),
            (_, Some(error)) => Err(ApplicationFailure::non_retryable(error).into()),
            _ => Ok(CycleOutcome { cycle_id: input.cycle_id, reports }),
        }
    }
}
