//! `ReportTestingWorkflow`: one report through the eight phases. Phases 3 and 4 run in parallel
//! and join before 5; skipped phases are recorded as SKIPPED; each human step opens an inbox task
//! and waits for a `decide` update; a phase sent back is redone with the reviewer's comment up to
//! its round limit; a phase whose work fails after its retries is compensated per its strategy.
//!
//! This file holds the workflow's state, its update and query handlers and the order of the
//! phases; `rounds` runs one phase's rounds, `work` each phase's activities, `human` its inbox
//! tasks and `compensation` a failed phase's strategy.

mod compensation;
mod human;
mod rounds;
mod work;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use entity::enums::{ExecutionStatus, Phase, StepStatus, TaskKind};
use serde_json::json;
use temporalio_macros::{workflow, workflow_methods};
use temporalio_sdk::workflows::join;
use temporalio_sdk::{
    ApplicationFailure, SyncWorkflowContext, WorkflowContext, WorkflowContextView, WorkflowResult, WorkflowTermination,
};

use super::steps::{envelope, failure_message, options};
use crate::activities::tasks::TaskActivities;
use crate::activities::tracking::{ReportLinks, ReportPeople, TrackingActivities};
use crate::messages::{
    Fault, MigrationRequest, OperatorDecision, REPORT_WORKFLOW_TYPE, ReportOutcome, ReportRun, TaskDecision,
};
use crate::payloads::DecisionPayload;
use crate::phases::PhaseInput;
use crate::phases::migration::ApplyMigration;
use crate::provider::Revision;
use crate::settings::ActivityKind;
use crate::tracking::{BeginExecution, ExecutionScope, FinishExecution, PhaseChange, Transition};
use crate::versions::WorkflowVersion;

type HandlerError = Box<dyn std::error::Error + Send + Sync>;

/// One report's run: the decisions people have sent and the steps waiting for them.
#[workflow]
#[derive(Default)]
pub struct ReportTestingWorkflow {
    /// Tasks open in the inbox whose decision this run waits for, with the phase and kind that
    /// say which payload a decision on each may carry.
    awaiting: BTreeMap<i64, (Phase, TaskKind)>,
    /// Decisions received and not yet acted on.
    decisions: BTreeMap<i64, TaskDecision>,
    /// Compensation logs waiting for an operator.
    awaiting_operator: BTreeSet<i64>,
    /// Operator answers received and not yet acted on.
    operator_decisions: BTreeMap<i64, OperatorDecision>,
    /// The last review round each phase has reached (a reopened phase goes on from it).
    rounds: HashMap<Phase, u32>,
    /// The version the run executes now (set at start, changed by a migration).
    version: Option<WorkflowVersion>,
    /// A migration to apply at the next phase boundary.
    pending_migration: Option<MigrationRequest>,
}

#[workflow_methods]
impl ReportTestingWorkflow {
    /// Runs the eight phases for one report.
    #[run(name = "ReportTestingWorkflow")]
    pub async fn run(ctx: &mut WorkflowContext<Self>, input: ReportRun) -> WorkflowResult<ReportOutcome> {
        let version = input.version;
        ctx.state_mut(|s| s.version = Some(version));
        let runner = Runner::begin(ctx.clone(), input).await?;
        runner.execute().await
    }

    #[update_validator(decide)]
    fn validate_decide(&self, _ctx: &WorkflowContextView, decision: &TaskDecision) -> Result<(), HandlerError> {
        let Some(&(phase, kind)) = self.awaiting.get(&decision.task_id) else {
            return Err(format!("task {} is not awaiting a decision", decision.task_id).into());
        };
        // The API checks payloads first; this keeps one sent another way from failing the phase.
        DecisionPayload::read(phase, kind, decision.payload.as_ref()).map(drop).map_err(Into::into)
    }

    /// A person's decision on an open task.
    #[update]
    pub fn decide(&mut self, _ctx: &mut SyncWorkflowContext<Self>, decision: TaskDecision) -> i64 {
        let task = decision.task_id;
        self.awaiting.remove(&task);
        self.decisions.insert(task, decision);
        task
    }

    #[update_validator(intervene)]
    fn validate_intervene(&self, _ctx: &WorkflowContextView, decision: &OperatorDecision) -> Result<(), HandlerError> {
        if self.awaiting_operator.contains(&decision.compensation_log_id) {
            Ok(())
        } else {
            Err(format!("compensation {} is not awaiting an operator", decision.compensation_log_id).into())
        }
    }

    /// An operator's answer to a phase paused for manual intervention.
    #[update]
    pub fn intervene(&mut self, _ctx: &mut SyncWorkflowContext<Self>, decision: OperatorDecision) -> i64 {
        let log = decision.compensation_log_id;
        self.awaiting_operator.remove(&log);
        self.operator_decisions.insert(log, decision);
        log
    }

    #[update_validator(migrate)]
    fn validate_migrate(&self, _ctx: &WorkflowContextView, request: &MigrationRequest) -> Result<(), HandlerError> {
        let current = self.version.unwrap_or(WorkflowVersion::CURRENT);
        if self.pending_migration.is_some() {
            return Err("a migration is already pending".into());
        }
        if !current.can_migrate_to(request.to_version) {
            return Err(format!("version {} cannot move to {}", current.as_str(), request.to_version.as_str()).into());
        }
        Ok(())
    }

    /// Asks the run to move to a newer version at its next phase boundary.
    #[update]
    pub fn migrate(&mut self, _ctx: &mut SyncWorkflowContext<Self>, request: MigrationRequest) -> i64 {
        let id = request.history_id;
        self.pending_migration = Some(request);
        id
    }

    /// The version the run executes now.
    #[query]
    pub fn current_version(&self, _ctx: &WorkflowContextView) -> Option<WorkflowVersion> {
        self.version
    }

    /// The tasks this run waits on.
    #[query]
    pub fn awaiting_tasks(&self, _ctx: &WorkflowContextView) -> Vec<i64> {
        self.awaiting.keys().copied().collect()
    }
}

/// Why the run stops early.
enum Stop {
    Failed(Phase, String),
    Cancelled,
}

/// What a human step or a phase's review came to.
enum Review {
    Accepted,
    SentBack(TaskDecision),
}

/// What a phase's work came to when it did not finish.
enum WorkFailure {
    Failed(String),
    Cancelled,
}

struct Runner {
    ctx: WorkflowContext<ReportTestingWorkflow>,
    input: ReportRun,
    scope: ExecutionScope,
    people: ReportPeople,
}

impl Runner {
    async fn begin(ctx: WorkflowContext<ReportTestingWorkflow>, input: ReportRun) -> WorkflowResult<Self> {
        let settings = &input.settings;
        let people = ctx
            .execute_activity(
                TrackingActivities::report_people,
                ReportLinks { cycle_id: input.cycle_id, report_ids: vec![input.report_id] },
                options(settings, ActivityKind::Database, true),
            )
            .await?
            .into_iter()
            .next()
            .ok_or_else(|| {
                ApplicationFailure::non_retryable(format!("report {} is not in the cycle", input.report_id))
            })?;
        let execution_id = ctx
            .execute_activity(
                TrackingActivities::begin_execution,
                BeginExecution {
                    workflow_id: ctx.workflow_id().to_owned(),
                    run_id: ctx.run_id().to_owned(),
                    workflow_type: REPORT_WORKFLOW_TYPE.to_owned(),
                    parent_execution_id: Some(input.parent_execution_id),
                    cycle_id: input.cycle_id,
                    report_id: Some(input.report_id),
                    cycle_report_id: Some(input.cycle_report_id),
                    version: input.version.as_str().to_owned(),
                    approval_mode: input.approval_mode.as_str().to_owned(),
                    input: json!({ "skipPhases": input.skip_phases, "reportId": input.report_id }),
                    started_by: input.started_by,
                    scheduled: false,
                },
                options(settings, ActivityKind::Database, true),
            )
            .await?;
        let scope = ExecutionScope {
            execution_id,
            cycle_id: input.cycle_id,
            report_id: Some(input.report_id),
            cycle_report_id: Some(input.cycle_report_id),
        };
        Ok(Self { ctx, input, scope, people })
    }

    async fn execute(&self) -> WorkflowResult<ReportOutcome> {
        let outcome = self.phases().await;
        let (status, error, failed_phase) = match &outcome {
            Ok(()) => (ExecutionStatus::Completed, None, None),
            Err(Stop::Cancelled) => (ExecutionStatus::Cancelled, None, None),
            Err(Stop::Failed(phase, message)) => (ExecutionStatus::Failed, Some(message.clone()), Some(*phase)),
        };
        self.ctx
            .execute_activity(
                TrackingActivities::finish_execution,
                FinishExecution {
                    scope: self.scope.clone(),
                    status,
                    error: error.clone(),
                    result: json!({ "failedPhase": failed_phase }),
                },
                options(&self.input.settings, ActivityKind::Database, true),
            )
            .await?;
        match outcome {
            Ok(()) => Ok(ReportOutcome { report_id: self.input.report_id, completed: true, failed_phase: None }),
            Err(Stop::Cancelled) => Err(WorkflowTermination::cancelled()),
            Err(Stop::Failed(phase, message)) => {
                Err(ApplicationFailure::non_retryable(format!("{} failed: {message}", phase.label())).into())
            }
        }
    }

    /// The eight phases in order, 3 and 4 side by side.
    async fn phases(&self) -> Result<(), Stop> {
        self.phase(Phase::Planning, None, "START").await?;
        self.phase(Phase::Scoping, Some(Phase::Planning), "SEQUENTIAL").await?;
        let (samples, owners) = join!(
            self.phase(Phase::SampleSelection, Some(Phase::Scoping), "PARALLEL_FORK"),
            self.phase(Phase::DataOwnerIdentification, Some(Phase::Scoping), "PARALLEL_FORK"),
        );
        samples?;
        owners?;
        self.phase(Phase::RequestForInformation, Some(Phase::SampleSelection), "PARALLEL_JOIN").await?;
        self.phase(Phase::TestExecution, Some(Phase::RequestForInformation), "SEQUENTIAL").await?;
        self.phase(Phase::ObservationManagement, Some(Phase::TestExecution), "SEQUENTIAL").await?;
        self.phase(Phase::FinalizeTestReport, Some(Phase::ObservationManagement), "SEQUENTIAL").await
    }

    async fn record(
        &self,
        phase: Phase,
        status: StepStatus,
        round: u32,
        transition: Option<Transition>,
        error: Option<String>,
    ) -> Result<(), Stop> {
        let change = PhaseChange {
            scope: self.scope.clone(),
            phase,
            status,
            round,
            transition,
            detail: json!({ "round": round }),
            error,
        };
        self.ctx
            .execute_activity(
                TrackingActivities::record_phase,
                change,
                options(&self.input.settings, ActivityKind::Database, true),
            )
            .await
            .map_err(|err| Stop::Failed(phase, failure_message(&err)))
    }

    /// The version the run executes now.
    fn version(&self) -> WorkflowVersion {
        self.ctx.state(|s| s.version.unwrap_or(self.input.version))
    }

    /// Applies a requested version migration before `phase` starts.
    async fn migrate_at_boundary(&self, phase: Phase) -> Result<(), Stop> {
        let Some(request) = self.ctx.state_mut(|s| s.pending_migration.take()) else { return Ok(()) };
        let settings = &self.input.settings;
        let apply = ApplyMigration {
            scope: self.scope.clone(),
            history_id: request.history_id,
            from: self.version(),
            to: request.to_version,
            at_phase: phase,
        };
        self.ctx
            .execute_activity(
                TaskActivities::apply_migration,
                envelope(settings, &self.scope, Some(phase), ActivityKind::Database, None, apply),
                options(settings, ActivityKind::Database, true),
            )
            .await
            .map_err(|err| Stop::Failed(phase, failure_message(&err)))?;
        self.ctx.state_mut(|s| s.version = Some(request.to_version));
        Ok(())
    }

    fn fault(&self, phase: Phase, round: u32) -> Option<Fault> {
        self.input.faults.iter().find(|f| f.phase == phase && f.round.is_none_or(|r| r == round)).cloned()
    }

    fn tracked<T>(
        &self,
        phase: Phase,
        kind: ActivityKind,
        fault: Option<Fault>,
        value: T,
    ) -> crate::activities::Tracked<T> {
        envelope(&self.input.settings, &self.scope, Some(phase), kind, fault, value)
    }

    fn phase_input(&self, round: u32, revision: Option<Revision>) -> PhaseInput {
        PhaseInput { cycle_report_id: self.input.cycle_report_id, report_id: self.input.report_id, round, revision }
    }

    fn cancelled(&self) -> bool {
        self.ctx.cancellation_token().is_cancelled()
    }

    fn failure(&self, err: &temporalio_sdk::ActivityExecutionError) -> WorkFailure {
        if self.cancelled() { WorkFailure::Cancelled } else { WorkFailure::Failed(failure_message(err)) }
    }
}
