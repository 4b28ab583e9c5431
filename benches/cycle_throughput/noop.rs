//! The no-op shape: a copy of the real workflow's shape (a parent starting one child per report;
//! a child running the eight phases, 3 and 4 side by side, with as many activity calls per phase
//! as the real one makes in AUTO mode) whose one activity returns at once and touches no database.

use std::collections::BTreeSet;
use std::time::Duration;

use entity::enums::Phase;
use serde::{Deserialize, Serialize};
use temporalio_macros::{activities, workflow, workflow_methods};
use temporalio_sdk::activities::{ActivityContext, ActivityError};
use temporalio_sdk::workflows::{join, join_all};
use temporalio_sdk::{ActivityOptions, ApplicationFailure, ChildWorkflowOptions, WorkflowContext, WorkflowResult};
use worker::activities::retry_policy;
use worker::messages::{ReportOutcome, ReportRun, StartCycle, report_workflow_id};
use worker::settings::{ActivityKind, WorkflowSettings};

/// Input of the no-op parent: the real start input plus which reports' phase 4 opens a task.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NoopCycle {
    pub start: StartCycle,
    pub owner_tasks: BTreeSet<i64>,
}

/// Input of the no-op child: the real child input plus whether phase 4 opens a task.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NoopReport {
    pub run: ReportRun,
    pub owner_task: bool,
}

/// What a no-op activity is told: only names, so its payload stays small.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NoopStep {
    pub phase: Option<Phase>,
    pub step: String,
}

/// The one no-op activity, standing in for every real one.
pub struct NoopActivities;

#[activities]
impl NoopActivities {
    /// Returns at once; the `i64` stands for the ids real activities return.
    #[activity]
    pub async fn noop(_ctx: ActivityContext, _step: NoopStep) -> Result<i64, ActivityError> {
        Ok(1)
    }
}

/// The real activities' options (timeout and database retry policy from the snapshotted settings).
fn noop_options(settings: &WorkflowSettings) -> ActivityOptions {
    ActivityOptions::with_start_to_close_timeout(Duration::from_secs(settings.activity_timeout_secs.max(1)))
        .retry_policy(retry_policy(settings.retry(ActivityKind::Database)))
        .build()
}

/// One activity call of a phase, or two side by side (phase 8's two sign-offs).
#[derive(Debug, Clone, Copy)]
enum Call {
    One(&'static str),
    Both(&'static str, &'static str),
}

use Call::{Both, One};

/// The calls between a phase's "running" and "completed" records in the real AUTO run
/// (`worker/src/workflows/report/work.rs`): its work, then an `open_task` per human step, which AUTO
/// mode decides inside that same activity (so there is no `close_task`).
fn phase_calls(phase: Phase, owner_task: bool) -> Vec<Call> {
    match phase {
        Phase::Planning => vec![One("generate_attributes"), One("open_task")],
        Phase::Scoping => vec![One("score_scoping"), One("open_task"), One("open_task")],
        Phase::SampleSelection => vec![One("select_samples"), One("open_task")],
        Phase::DataOwnerIdentification if owner_task => vec![One("map_data_owners"), One("open_task")],
        Phase::DataOwnerIdentification => vec![One("map_data_owners")],
        Phase::RequestForInformation => vec![One("issue_requests"), One("auto_evidence")],
        Phase::TestExecution => vec![One("execute_tests"), One("open_task")],
        Phase::ObservationManagement => vec![One("raise_observations"), One("open_task")],
        Phase::FinalizeTestReport => {
            vec![One("render_report"), Both("open_task", "open_task"), One("finalize_report")]
        }
    }
}

/// The no-op child: eight phases, 3 and 4 side by side, as `ReportTestingWorkflow` runs them.
#[workflow]
#[derive(Default)]
pub struct NoopReportWorkflow;

#[workflow_methods]
impl NoopReportWorkflow {
    #[run(name = "BenchNoopReportWorkflow")]
    pub async fn run(ctx: &mut WorkflowContext<Self>, input: NoopReport) -> WorkflowResult<ReportOutcome> {
        let steps =
            Steps { ctx: ctx.clone(), options: noop_options(&input.run.settings), owner_task: input.owner_task };
        // The real child's begin: its report's people, then its execution row.
        steps.call(None, "report_people").await?;
        steps.call(None, "begin_execution").await?;
        steps.phase(Phase::Planning).await?;
        steps.phase(Phase::Scoping).await?;
        let (samples, owners) = join!(steps.phase(Phase::SampleSelection), steps.phase(Phase::DataOwnerIdentification));
        samples?;
        owners?;
        steps.phase(Phase::RequestForInformation).await?;
        steps.phase(Phase::TestExecution).await?;
        steps.phase(Phase::ObservationManagement).await?;
        steps.phase(Phase::FinalizeTestReport).await?;
        steps.call(None, "finish_execution").await?;
        Ok(ReportOutcome { report_id: input.run.report_id, completed: true, failed_phase: None })
    }
}

/// Runs the no-op calls of one child.
struct Steps {
    ctx: WorkflowContext<NoopReportWorkflow>,
    options: ActivityOptions,
    owner_task: bool,
}

impl Steps {
    async fn call(&self, phase: Option<Phase>, step: &str) -> WorkflowResult<i64> {
        let input = NoopStep { phase, step: step.to_owned() };
        Ok(self.ctx.execute_activity(NoopActivities::noop, input, self.options.clone()).await?)
    }

    /// A phase: record "running", its calls, record "completed".
    async fn phase(&self, phase: Phase) -> WorkflowResult<()> {
        self.call(Some(phase), "record_phase").await?;
        for call in phase_calls(phase, self.owner_task) {
            match call {
                One(step) => {
                    self.call(Some(phase), step).await?;
                }
                Both(first, second) => {
                    let (a, b) = join!(self.call(Some(phase), first), self.call(Some(phase), second));
                    a?;
                    b?;
                }
            }
        }
        self.call(Some(phase), "record_phase").await?;
        Ok(())
    }
}

/// The no-op parent: like `EnhancedTestCycleWorkflow`, two calls, every child at once, one call.
#[workflow]
#[derive(Default)]
pub struct NoopCycleWorkflow;

#[workflow_methods]
impl NoopCycleWorkflow {
    #[run(name = "BenchNoopCycleWorkflow")]
    pub async fn run(ctx: &mut WorkflowContext<Self>, input: NoopCycle) -> WorkflowResult<Vec<ReportOutcome>> {
        let start = &input.start;
        let options = noop_options(&start.settings);
        let step = |name: &str| NoopStep { phase: None, step: name.to_owned() };
        ctx.execute_activity(NoopActivities::noop, step("report_people"), options.clone()).await?;
        let execution_id = ctx.execute_activity(NoopActivities::noop, step("begin_execution"), options.clone()).await?;
        let children = start.report_ids.iter().map(|&report_id| {
            let run = ReportRun {
                cycle_id: start.cycle_id,
                report_id,
                cycle_report_id: report_id,
                parent_execution_id: execution_id,
                skip_phases: start.skip_phases.clone(),
                approval_mode: start.approval_mode,
                started_by: start.started_by,
                settings: start.settings.clone(),
                faults: Vec::new(),
                version: start.version,
            };
            let child = NoopReport { run, owner_task: input.owner_tasks.contains(&report_id) };
            let id = report_workflow_id(ctx.workflow_id(), report_id);
            let ctx = ctx.clone();
            async move {
                let started = ctx
                    .start_child_workflow(NoopReportWorkflow::run, child, ChildWorkflowOptions::workflow_id(id))
                    .await;
                match started {
                    Ok(started) => started.result().await.ok(),
                    Err(_) => None,
                }
            }
        });
        let reports: Vec<ReportOutcome> = join_all(children).await.into_iter().flatten().collect();
        ctx.execute_activity(NoopActivities::noop, step("finish_execution"), options).await?;
        if reports.len() < start.report_ids.len() {
            return Err(ApplicationFailure::non_retryable("a no-op report run failed").into());
        }
        Ok(reports)
    }
}
