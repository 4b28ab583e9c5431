//! `ReportTestingWorkflow`: one report through the eight phases. Phases 3 and 4 run in parallel
//! and join before 5; skipped phases are recorded as SKIPPED; each human step opens an inbox task
//! and waits for a `decide` update; a phase sent back is redone with the reviewer's comment up to
//! its round limit; a phase whose work fails after its retries is compensated per its strategy.

use std::collections::{BTreeMap, BTreeSet};

use entity::enums::{ApprovalMode, CompensationAction, Decision, ExecutionStatus, Phase, Role, StepStatus, TaskKind};
use serde_json::json;
use temporalio_macros::{workflow, workflow_methods};
use temporalio_sdk::workflows::{join, join_all, select};
use temporalio_sdk::{
    ApplicationFailure, SyncWorkflowContext, WorkflowContext, WorkflowContextView, WorkflowResult, WorkflowTermination,
};

use super::steps::{envelope, failure_message, options};
use super::{EMAIL_PATCH, SLA_PATCH};
use crate::activities::tasks::TaskActivities;
use crate::activities::tracking::{ReportLinks, ReportPeople, TrackingActivities};
use crate::activities::work::PhaseActivities;
use crate::messages::{
    Fault, MigrationRequest, OperatorAction, OperatorDecision, REPORT_WORKFLOW_TYPE, ReportOutcome, ReportRun,
    TaskDecision,
};
use crate::phases::PhaseInput;
use crate::phases::alerts::{SlaAlert, SlaLevel};
use crate::phases::compensation::{self, Compensate};
use crate::phases::email::EmailBatch;
use crate::phases::migration::ApplyMigration;
use crate::phases::tasks::{CloseTask, OpenTask};
use crate::provider::Revision;
use crate::settings::ActivityKind;
use crate::tracking::{BeginExecution, ExecutionScope, FinishExecution, PhaseChange, Transition};
use crate::versions::{Feature, WorkflowVersion};

type HandlerError = Box<dyn std::error::Error + Send + Sync>;

/// One report's run: the decisions people have sent and the steps waiting for them.
#[workflow]
#[derive(Default)]
pub struct ReportTestingWorkflow {
    /// Tasks open in the inbox whose decision this run waits for.
    awaiting: BTreeSet<i64>,
    /// Decisions received and not yet acted on.
    decisions: BTreeMap<i64, TaskDecision>,
    /// Compensation logs waiting for an operator.
    awaiting_operator: BTreeSet<i64>,
    /// Operator answers received and not yet acted on.
    operator_decisions: BTreeMap<i64, OperatorDecision>,
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
        if self.awaiting.contains(&decision.task_id) {
            Ok(())
        } else {
            Err(format!("task {} is not awaiting a decision", decision.task_id).into())
        }
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
        self.awaiting.iter().copied().collect()
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

/// What happens after a compensation.
enum Next {
    /// The phase counts as done with this status.
    Continue(StepStatus),
    /// Run the phase's work again in a new round.
    Retry,
    /// Stop the run.
    Fail,
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

    /// One phase from start to its end, with review rounds and compensation.
    async fn phase(&self, phase: Phase, from: Option<Phase>, entry: &str) -> Result<(), Stop> {
        self.migrate_at_boundary(phase).await?;
        if self.input.skip_phases.contains(&phase) {
            let transition = Transition { from, to: Some(phase), kind: "SKIP".to_owned() };
            return self.record(phase, StepStatus::Skipped, 1, Some(transition), None).await;
        }
        let transition = Transition { from, to: Some(phase), kind: entry.to_owned() };
        self.record(phase, StepStatus::Running, 1, Some(transition), None).await?;
        let max_rounds = self.input.settings.phase(phase).max_review_rounds.max(1);
        let mut round = 1;
        let mut revision = None;
        loop {
            let next = match self.work(phase, round, revision.take()).await {
                Ok(Review::Accepted) => return self.record(phase, StepStatus::Completed, round, None, None).await,
                Ok(Review::SentBack(decision)) => {
                    revision = Some(Revision {
                        comment: decision.comment.clone(),
                        exclude: decision
                            .payload
                            .as_ref()
                            .and_then(|p| p.get("exclude"))
                            .and_then(|e| serde_json::from_value(e.clone()).ok())
                            .unwrap_or_default(),
                    });
                    Next::Retry
                }
                Err(WorkFailure::Cancelled) => return Err(Stop::Cancelled),
                Err(WorkFailure::Failed(message)) => match self.compensate(phase, round, &message).await? {
                    Next::Fail => {
                        self.record(phase, StepStatus::Failed, round, None, Some(message.clone())).await?;
                        return Err(Stop::Failed(phase, message));
                    }
                    other => other,
                },
            };
            match next {
                Next::Continue(status) => return self.record(phase, status, round, None, None).await,
                Next::Retry if round < max_rounds => {
                    round += 1;
                    let transition = Transition { from: Some(phase), to: Some(phase), kind: "LOOP_BACK".to_owned() };
                    self.record(phase, StepStatus::Running, round, Some(transition), None).await?;
                }
                Next::Retry | Next::Fail => {
                    let message = format!("{} did not succeed within {max_rounds} rounds", phase.label());
                    self.record(phase, StepStatus::Failed, round, None, Some(message.clone())).await?;
                    return Err(Stop::Failed(phase, message));
                }
            }
        }
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

    /// Waits for the decision on `task`. From version 1.1.0 (behind its patch marker) the wait
    /// has an SLA: a reminder at the warning mark, an escalation past the deadline.
    async fn await_decision(&self, phase: Phase, task: i64) -> Result<(), WorkFailure> {
        let sla = self.version().features().contains(&Feature::SlaEscalation) && self.ctx.patched(SLA_PATCH);
        if sla {
            let (warning, deadline) = self.input.settings.sla(phase);
            for (wait, level) in [(warning, SlaLevel::Warning), (deadline.saturating_sub(warning), SlaLevel::Breach)] {
                select! {
                    decided = self.ctx.wait_condition(|s| s.decisions.contains_key(&task)) => {
                        return decided.map_err(|_| WorkFailure::Cancelled);
                    }
                    _ = self.ctx.timer(wait) => {}
                };
                if self.cancelled() {
                    return Err(WorkFailure::Cancelled);
                }
                let settings = &self.input.settings;
                let alert = SlaAlert { scope: self.scope.clone(), task_id: task, level };
                self.ctx
                    .execute_activity(
                        TaskActivities::raise_sla_alert,
                        envelope(settings, &self.scope, Some(phase), ActivityKind::Email, None, alert),
                        options(settings, ActivityKind::Email, false),
                    )
                    .await
                    .map_err(|e| self.failure(&e))?;
            }
        }
        self.ctx.wait_condition(|s| s.decisions.contains_key(&task)).await.map_err(|_| WorkFailure::Cancelled)
    }

    /// E-mails the notifications a step has just written (from the e-mail patch on). A delivery
    /// that fails after its retries is logged and alerted by its activity; the people concerned
    /// still have the in-app notification, so the run goes on.
    async fn email(&self, phase: Phase, batch: EmailBatch) {
        if !self.ctx.patched(EMAIL_PATCH) {
            return;
        }
        let settings = &self.input.settings;
        let _ = self
            .ctx
            .execute_activity(
                TaskActivities::send_emails,
                envelope(settings, &self.scope, Some(phase), ActivityKind::Email, None, batch),
                options(settings, ActivityKind::Email, false),
            )
            .await;
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
        PhaseInput {
            scope: self.scope.clone(),
            cycle_report_id: self.input.cycle_report_id,
            report_id: self.input.report_id,
            round,
            revision,
        }
    }

    fn cancelled(&self) -> bool {
        self.ctx.cancellation_token().is_cancelled()
    }

    fn failure(&self, err: &temporalio_sdk::ActivityExecutionError) -> WorkFailure {
        if self.cancelled() { WorkFailure::Cancelled } else { WorkFailure::Failed(failure_message(err)) }
    }

    /// The phase's automatic work and its human steps.
    async fn work(&self, phase: Phase, round: u32, revision: Option<Revision>) -> Result<Review, WorkFailure> {
        let settings = &self.input.settings;
        let input = self.phase_input(round, revision);
        let fault = self.fault(phase, round);
        let db = options(settings, ActivityKind::Database, false);
        let tracked = |kind, value| self.tracked(phase, kind, fault.clone(), value);
        let owner = Some(self.people.report_owner_id);
        let report = self.input.report_id;
        match phase {
            Phase::Planning => {
                let llm = options(settings, ActivityKind::Llm, false);
                self.ctx
                    .execute_activity(PhaseActivities::generate_attributes, tracked(ActivityKind::Llm, input), llm)
                    .await
                    .map_err(|e| self.failure(&e))?;
                let title = format!("Approve the attributes to test for report {report}");
                self.human(phase, TaskKind::Approval, title, Role::ReportOwner, owner, round, None, "owner").await
            }
            Phase::Scoping => {
                self.ctx
                    .execute_activity(PhaseActivities::score_scoping, tracked(ActivityKind::Database, input), db)
                    .await
                    .map_err(|e| self.failure(&e))?;
                let review = format!("Review the scoping of report {report}");
                let tester = self.people.tester_id;
                if let Review::SentBack(d) =
                    self.human(phase, TaskKind::Review, review, Role::Tester, tester, round, None, "tester").await?
                {
                    return Ok(Review::SentBack(d));
                }
                let title = format!("Approve the scope of report {report}");
                self.human(phase, TaskKind::Approval, title, Role::ReportOwner, owner, round, None, "owner").await
            }
            Phase::SampleSelection => {
                let work = self.tracked(phase, ActivityKind::Database, fault.clone(), (input, settings.sample_size));
                self.ctx
                    .execute_activity(PhaseActivities::select_samples, work, db)
                    .await
                    .map_err(|e| self.failure(&e))?;
                let title = format!("Approve the samples of report {report}");
                self.human(phase, TaskKind::Approval, title, Role::ReportOwner, owner, round, None, "owner").await
            }
            Phase::DataOwnerIdentification => {
                let unmapped = self
                    .ctx
                    .execute_activity(PhaseActivities::map_data_owners, tracked(ActivityKind::Database, input), db)
                    .await
                    .map_err(|e| self.failure(&e))?;
                if unmapped == 0 {
                    return Ok(Review::Accepted);
                }
                let title = format!("Assign data owners to {unmapped} unmapped attribute/LOB pairs of report {report}");
                self.human(phase, TaskKind::Assignment, title, Role::DataExecutive, None, round, None, "executive")
                    .await
            }
            Phase::RequestForInformation => {
                let work =
                    self.tracked(phase, ActivityKind::Database, fault.clone(), (input.clone(), settings.rfi_due_days));
                let requests = self
                    .ctx
                    .execute_activity(PhaseActivities::issue_requests, work, db.clone())
                    .await
                    .map_err(|e| self.failure(&e))?;
                if self.input.approval_mode == ApprovalMode::Auto {
                    self.ctx
                        .execute_activity(PhaseActivities::auto_evidence, tracked(ActivityKind::Database, input), db)
                        .await
                        .map_err(|e| self.failure(&e))?;
                    return Ok(Review::Accepted);
                }
                let steps = requests.iter().map(|r| {
                    let title = format!("Submit evidence for {} test cases of report {report}", r.test_cases);
                    let discriminator = format!("rfi-{}", r.information_request_id);
                    self.human_owned(
                        phase,
                        TaskKind::Evidence,
                        title,
                        Role::DataOwner,
                        Some(r.data_owner_id),
                        round,
                        Some(r.information_request_id),
                        discriminator,
                    )
                });
                // A data owner who cannot provide evidence leaves those cases INCONCLUSIVE: the
                // phase goes on either way once every request is answered.
                for result in join_all(steps).await {
                    result?;
                }
                Ok(Review::Accepted)
            }
            Phase::TestExecution => {
                self.ctx
                    .execute_activity(PhaseActivities::execute_tests, tracked(ActivityKind::Database, input), db)
                    .await
                    .map_err(|e| self.failure(&e))?;
                let title = format!("Review the test results of report {report}");
                let tester = self.people.tester_id;
                self.human(phase, TaskKind::Review, title, Role::Tester, tester, round, None, "tester").await
            }
            Phase::ObservationManagement => {
                self.ctx
                    .execute_activity(PhaseActivities::raise_observations, tracked(ActivityKind::Database, input), db)
                    .await
                    .map_err(|e| self.failure(&e))?;
                let title = format!("Approve the observations of report {report}");
                self.human(phase, TaskKind::Approval, title, Role::ReportOwner, owner, round, None, "owner").await
            }
            Phase::FinalizeTestReport => {
                self.ctx
                    .execute_activity(
                        PhaseActivities::render_report,
                        tracked(ActivityKind::Database, input.clone()),
                        db.clone(),
                    )
                    .await
                    .map_err(|e| self.failure(&e))?;
                let manager = Some(self.people.test_manager_id);
                let (by_manager, by_owner) = join!(
                    self.human(
                        phase,
                        TaskKind::SignOff,
                        format!("Sign off the test report of report {report}"),
                        Role::TestManager,
                        manager,
                        round,
                        None,
                        "manager",
                    ),
                    self.human(
                        phase,
                        TaskKind::SignOff,
                        format!("Sign off the test report of report {report}"),
                        Role::ReportOwner,
                        owner,
                        round,
                        None,
                        "owner",
                    ),
                );
                for review in [by_manager?, by_owner?] {
                    if let Review::SentBack(decision) = review {
                        return Ok(Review::SentBack(decision));
                    }
                }
                self.ctx
                    .execute_activity(PhaseActivities::finalize_report, tracked(ActivityKind::Database, input), db)
                    .await
                    .map_err(|e| self.failure(&e))?;
                Ok(Review::Accepted)
            }
        }
    }

    #[expect(clippy::too_many_arguments, reason = "a task's fields, named at each call")]
    async fn human(
        &self,
        phase: Phase,
        kind: TaskKind,
        title: String,
        role: Role,
        assignee: Option<i64>,
        round: u32,
        request: Option<i64>,
        discriminator: &str,
    ) -> Result<Review, WorkFailure> {
        self.human_owned(phase, kind, title, role, assignee, round, request, discriminator.to_owned()).await
    }

    /// Opens a task and waits for its decision (AUTO mode decides at once).
    #[expect(clippy::too_many_arguments, reason = "a task's fields, named at each call")]
    async fn human_owned(
        &self,
        phase: Phase,
        kind: TaskKind,
        title: String,
        role: Role,
        assignee: Option<i64>,
        round: u32,
        request: Option<i64>,
        discriminator: String,
    ) -> Result<Review, WorkFailure> {
        let settings = &self.input.settings;
        let open = OpenTask {
            scope: self.scope.clone(),
            phase,
            kind,
            title,
            assignee_role: role,
            assignee_id: assignee,
            information_request_id: request,
            round,
            sla_hours: settings.phase(phase).sla_hours,
            discriminator,
            auto: self.input.approval_mode == ApprovalMode::Auto,
        };
        let opened = self
            .ctx
            .execute_activity(
                TaskActivities::open_task,
                envelope(settings, &self.scope, Some(phase), ActivityKind::Database, None, open),
                options(settings, ActivityKind::Database, false),
            )
            .await
            .map_err(|e| self.failure(&e))?;
        let task = opened.task_id;
        if let Some(decision) = opened.auto_decision {
            return Ok(if decision == Decision::Approve {
                Review::Accepted
            } else {
                Review::SentBack(TaskDecision { task_id: task, decision, comment: None, payload: None, decided_by: 0 })
            });
        }
        self.ctx.state_mut(|s| s.awaiting.insert(task));
        let mut keys = vec![format!("task:{task}")];
        keys.extend(request.map(|r| format!("rfi:{r}")));
        self.email(phase, EmailBatch { keys, key_prefixes: vec![] }).await;
        self.await_decision(phase, task).await?;
        let Some(decision) = self.ctx.state_mut(|s| s.decisions.remove(&task)) else {
            return Err(WorkFailure::Failed(format!("the decision on task {task} went missing")));
        };
        let close = CloseTask {
            task_id: task,
            decision: decision.decision,
            comment: decision.comment.clone(),
            payload: decision.payload.clone(),
            decided_by: Some(decision.decided_by),
        };
        self.ctx
            .execute_activity(
                TaskActivities::close_task,
                envelope(settings, &self.scope, Some(phase), ActivityKind::Database, None, close),
                options(settings, ActivityKind::Database, false),
            )
            .await
            .map_err(|e| self.failure(&e))?;
        Ok(if decision.decision == Decision::Approve { Review::Accepted } else { Review::SentBack(decision) })
    }

    /// Compensates a failed phase per its strategy and says what comes next.
    async fn compensate(&self, phase: Phase, round: u32, failure: &str) -> Result<Next, Stop> {
        let settings = &self.input.settings;
        let strategy = settings.phase(phase).compensation;
        let compensation = Compensate {
            scope: self.scope.clone(),
            cycle_report_id: self.input.cycle_report_id,
            phase,
            strategy,
            failure: failure.to_owned(),
            round,
        };
        let told = EmailBatch { keys: vec![], key_prefixes: vec![compensation::notification_prefix(&compensation)] };
        let log = self
            .ctx
            .execute_activity(
                TaskActivities::compensate,
                envelope(settings, &self.scope, Some(phase), ActivityKind::Database, None, compensation),
                options(settings, ActivityKind::Database, true),
            )
            .await
            .map_err(|err| Stop::Failed(phase, failure_message(&err)))?;
        self.email(phase, told).await;
        Ok(match strategy {
            CompensationAction::Notify => Next::Fail,
            CompensationAction::Skip => Next::Continue(StepStatus::Skipped),
            // Both undo what the failed attempt left and then redo the phase in a new round (for
            // scoping this reopens the planning approval's outcome: decisions are made afresh).
            CompensationAction::Rollback | CompensationAction::PartialRollback => Next::Retry,
            CompensationAction::ManualIntervention => {
                self.ctx.state_mut(|s| s.awaiting_operator.insert(log));
                self.ctx
                    .wait_condition(|s| s.operator_decisions.contains_key(&log))
                    .await
                    .map_err(|_| Stop::Cancelled)?;
                let Some(decision) = self.ctx.state_mut(|s| s.operator_decisions.remove(&log)) else {
                    return Ok(Next::Fail);
                };
                let resolve = (log, decision.action, decision.operator_id);
                self.ctx
                    .execute_activity(
                        TaskActivities::resolve_compensation,
                        envelope(settings, &self.scope, Some(phase), ActivityKind::Database, None, resolve),
                        options(settings, ActivityKind::Database, true),
                    )
                    .await
                    .map_err(|err| Stop::Failed(phase, failure_message(&err)))?;
                match decision.action {
                    OperatorAction::Resume => Next::Continue(StepStatus::Completed),
                    OperatorAction::Retry => Next::Retry,
                    OperatorAction::Skip => Next::Continue(StepStatus::Skipped),
                    OperatorAction::Abort => Next::Fail,
                }
            }
        })
    }
}
