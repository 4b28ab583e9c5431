//! Starting, cancelling and steering cycle workflows. Every command checks rights and input
//! against the database first, then talks to Temporal, and writes only after Temporal agreed, so
//! an unreachable Temporal leaves nothing half-written.

use chrono::{DateTime, Utc};
use entity::enums::{ApprovalMode, CycleStatus, ExecutionStatus, Phase};
use entity::{cycle_report, test_cycle, workflow_execution};
use sea_orm::ActiveValue::Set;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, TransactionTrait};
use serde_json::json;
use temporalio_client::errors::{WorkflowInteractionError, WorkflowStartError};
use temporalio_client::{
    WorkflowCancelOptions, WorkflowGetResultOptions, WorkflowIdConflictPolicy, WorkflowIdReusePolicy,
    WorkflowStartOptions,
};
use worker::messages::{Fault, StartCycle, cycle_workflow_id};
use worker::settings::WorkflowSettings;
use worker::versions::WorkflowVersion;
use worker::workflows::EnhancedTestCycleWorkflow;

use super::audit::{self, Entry};
use super::visibility::cycle_condition;
use crate::auth::{Viewer, policy::Action};
use crate::config::Config;
use crate::db::statement;
use crate::error::{AppError, AppResult};
use crate::temporal::Gateway;

/// What a start asks for.
#[derive(Debug, Clone, Default)]
pub struct StartRequest {
    /// Only these reports of the cycle; all of them when `None`.
    pub report_ids: Option<Vec<i64>>,
    pub skip_phases: Vec<Phase>,
    pub approval_mode: Option<ApprovalMode>,
    /// Injected failures; refused unless the server runs with fault injection enabled.
    pub faults: Vec<Fault>,
    /// Pin the run to this workflow version (the current one when absent).
    pub version: Option<String>,
    /// Every human step's SLA in seconds (testing only, like faults).
    pub sla_seconds: Option<u64>,
    /// A scheduled start: the phases begin at this time instead of at once.
    pub start_at: Option<DateTime<Utc>>,
}

/// Starts the cycle's workflow; answers with the cycle's new execution.
pub async fn start(
    db: &DatabaseConnection,
    gateway: &Gateway,
    config: &Config,
    viewer: &Viewer,
    cycle_id: i64,
    request: StartRequest,
) -> AppResult<workflow_execution::Model> {
    viewer.require(Action::ControlWorkflows)?;
    if !request.faults.is_empty() && !config.testing_faults {
        return Err(AppError::bad_input("faults", "fault injection is disabled on this server"));
    }
    if request.sla_seconds.is_some() && !config.testing_faults {
        return Err(AppError::bad_input("slaSeconds", "SLA overrides are for testing servers only"));
    }
    check_start_at(request.start_at, Utc::now(), config.workflow_timeout())?;
    let version = match request.version.as_deref() {
        None => WorkflowVersion::CURRENT,
        Some(text) => WorkflowVersion::parse(text)
            .ok_or_else(|| AppError::bad_input("version", format!("{text} is not a workflow version")))?,
    };
    let cycle = test_cycle::Entity::find_by_id(cycle_id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("cycle {cycle_id}")))?;
    if matches!(cycle.status, CycleStatus::Cancelled | CycleStatus::Completed) {
        return Err(AppError::Conflict(format!("cycle {cycle_id} is {}", cycle.status.as_str())));
    }
    if super::by_hand::advanced_by_hand(db, cycle_id).await? {
        return Err(AppError::Conflict(format!(
            "cycle {cycle_id} is advanced by hand: its phases move without a workflow"
        )));
    }
    let in_cycle: Vec<i64> = cycle_report::Entity::find()
        .filter(cycle_report::Column::CycleId.eq(cycle_id))
        .all(db)
        .await?
        .into_iter()
        .map(|link| link.report_id)
        .collect();
    // An empty list restricts nothing, as in the seed's scripts (`"report_ids": []`).
    let report_ids = match request.report_ids.filter(|ids| !ids.is_empty()) {
        Some(ids) => {
            if let Some(stranger) = ids.iter().find(|id| !in_cycle.contains(id)) {
                return Err(AppError::bad_input("reportIds", format!("report {stranger} is not in cycle {cycle_id}")));
            }
            let mut ids = ids;
            ids.sort_unstable();
            ids.dedup();
            ids
        }
        None => in_cycle,
    };
    if report_ids.is_empty() {
        return Err(AppError::bad_input("reportIds", format!("cycle {cycle_id} has no reports to test")));
    }
    if has_live_run(db, cycle_id).await? {
        return Err(already_running(cycle_id));
    }
    let mut settings = WorkflowSettings::load(db, Some(cycle_id), config.temporal_activity_timeout).await?;
    settings.sla_seconds_override = request.sla_seconds;
    let approval_mode = request.approval_mode.unwrap_or(ApprovalMode::Manual);
    let input = StartCycle {
        cycle_id,
        report_ids: report_ids.clone(),
        skip_phases: request.skip_phases.clone(),
        approval_mode,
        started_by: viewer.user_id,
        settings,
        faults: request.faults,
        version,
        start_at: request.start_at,
    };
    let (recorded_input, scheduled) = (input.recorded_input(), input.start_at.is_some());
    let workflow_id = cycle_workflow_id(&gateway.id_prefix, cycle_id);
    let options = WorkflowStartOptions::new(gateway.task_queue.clone(), workflow_id.clone())
        .id_conflict_policy(WorkflowIdConflictPolicy::Fail)
        .id_reuse_policy(WorkflowIdReusePolicy::AllowDuplicate)
        .execution_timeout(config.workflow_timeout())
        .build();
    let run_id = start_run(db, gateway.client().await?, input, options).await?;

    // The workflow records the same row itself (same natural key); whoever comes first wins.
    let txn = db.begin().await?;
    txn.execute_raw(statement(
        "INSERT INTO workflow_execution (workflow_id, run_id, workflow_type, cycle_id, version, status, approval_mode,
                input, started_by)
         VALUES ($1, $2, $3, $4, $5, $9, $6, $7, $8) ON CONFLICT (workflow_id, run_id) DO NOTHING",
        [
            workflow_id.clone().into(),
            run_id.clone().into(),
            worker::messages::CYCLE_WORKFLOW_TYPE.into(),
            cycle_id.into(),
            version.as_str().into(),
            approval_mode.as_str().into(),
            recorded_input.into(),
            viewer.user_id.into(),
            if scheduled { ExecutionStatus::Pending } else { ExecutionStatus::Running }.as_str().into(),
        ],
    ))
    .await?;
    let execution = workflow_execution::Entity::find()
        .filter(workflow_execution::Column::WorkflowId.eq(workflow_id.as_str()))
        .filter(workflow_execution::Column::RunId.eq(run_id.as_str()))
        .one(&txn)
        .await?
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("execution row of {workflow_id} missing")))?;
    let entry = Entry {
        action: "WORKFLOW_STARTED",
        entity_type: "test_cycle",
        entity_id: cycle_id,
        detail: json!({ "workflowId": workflow_id, "runId": run_id, "approvalMode": approval_mode.as_str(),
                        "reportIds": report_ids, "skipPhases": request.skip_phases, "startAt": request.start_at }),
        reason: None,
    };
    audit::record(&txn, viewer, entry).await?;
    txn.commit().await?;
    Ok(execution)
}

/// A scheduled start's time must lie ahead of `now`, and near enough for the run to start before
/// the workflow timeout ends it.
fn check_start_at(
    start_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
    workflow_timeout: std::time::Duration,
) -> AppResult<()> {
    let Some(start_at) = start_at else { return Ok(()) };
    let delay = (start_at - now)
        .to_std()
        .ok()
        .filter(|delay| !delay.is_zero())
        .ok_or_else(|| AppError::bad_input("startAt", "startAt must be in the future"))?;
    if delay >= workflow_timeout {
        return Err(AppError::bad_input(
            "startAt",
            format!("startAt must be within the workflow timeout ({} s from now)", workflow_timeout.as_secs()),
        ));
    }
    Ok(())
}

/// How long a start waits for the cycle's last run to close in Temporal after it has recorded
/// its end: one workflow task, normally milliseconds.
const CLOSING_GRACE: std::time::Duration = std::time::Duration::from_secs(10);

/// Whether the cycle has a run that is running or waiting for its scheduled start.
async fn has_live_run(db: &impl ConnectionTrait, cycle_id: i64) -> AppResult<bool> {
    Ok(workflow_execution::Entity::find()
        .filter(workflow_execution::Column::CycleId.eq(cycle_id))
        .filter(workflow_execution::Column::ParentExecutionId.is_null())
        .filter(workflow_execution::Column::Status.is_in([ExecutionStatus::Running, ExecutionStatus::Pending]))
        .one(db)
        .await?
        .is_some())
}

fn already_running(cycle_id: i64) -> AppError {
    AppError::Conflict(format!("cycle {cycle_id} already has a running workflow"))
}

/// Starts the cycle's workflow in Temporal; answers with the new run's id.
///
/// A run records its end (CANCELLED, COMPLETED, FAILED) and only then closes in Temporal, so a
/// start right after the cycle shows its run ended can find the workflow id still taken. When
/// the database knows no live run, the start waits for that workflow to close (on Temporal's
/// close event, not by polling), at most [`CLOSING_GRACE`], and tries once more; a run really
/// in progress (a concurrent start, say) still answers CONFLICT.
async fn start_run(
    db: &DatabaseConnection,
    client: &temporalio_client::Client,
    input: StartCycle,
    options: WorkflowStartOptions,
) -> AppResult<String> {
    let start = || client.start_workflow(EnhancedTestCycleWorkflow::run, input.clone(), options.clone());
    let mut started = start().await;
    if matches!(started, Err(WorkflowStartError::AlreadyStarted { .. })) && !has_live_run(db, input.cycle_id).await? {
        let closing = client.get_workflow_handle::<EnhancedTestCycleWorkflow>(options.workflow_id.clone());
        let closed = closing.get_result(WorkflowGetResultOptions::builder().follow_runs(false).build());
        // However it ended, it is over for the cycle; a wait cut short ends in CONFLICT below.
        let _ = tokio::time::timeout(CLOSING_GRACE, closed).await;
        started = start().await;
    }
    match started {
        Ok(handle) => Ok(handle.run_id().unwrap_or_default().to_owned()),
        Err(WorkflowStartError::AlreadyStarted { .. }) => Err(already_running(input.cycle_id)),
        Err(other) => {
            tracing::warn!(error = %other, "starting a workflow failed");
            Err(AppError::Unavailable("the workflow engine did not accept the start".to_owned()))
        }
    }
}

/// Asks Temporal to cancel a running execution; the workflow records CANCELLED when it stops.
pub async fn cancel(
    db: &DatabaseConnection,
    gateway: &Gateway,
    viewer: &Viewer,
    execution_id: i64,
    reason: &str,
) -> AppResult<workflow_execution::Model> {
    viewer.require(Action::ControlWorkflows)?;
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(AppError::bad_input("reason", "say why the workflow is cancelled"));
    }
    let mut select = workflow_execution::Entity::find_by_id(execution_id);
    if let Some(visible) = cycle_condition(viewer, "workflow_execution.cycle_id") {
        select = select.filter(visible);
    }
    let execution = select.one(db).await?.ok_or_else(|| AppError::NotFound(format!("execution {execution_id}")))?;
    if !matches!(execution.status, ExecutionStatus::Running | ExecutionStatus::Pending) {
        return Err(AppError::Conflict(format!("execution {execution_id} is {}", execution.status.as_str())));
    }
    let client = gateway.client().await?;
    let handle = client.get_workflow_handle::<EnhancedTestCycleWorkflow>(execution.workflow_id.clone());
    handle
        .cancel(WorkflowCancelOptions::builder().reason(reason.to_owned()).build())
        .await
        .map_err(|err| interaction_error(&err, execution_id))?;
    let entry = Entry {
        action: "WORKFLOW_CANCEL_REQUESTED",
        entity_type: "workflow_execution",
        entity_id: execution_id,
        detail: json!({ "workflowId": execution.workflow_id }),
        reason: Some(reason.to_owned()),
    };
    audit::record(db, viewer, entry).await?;
    Ok(execution)
}

/// The API's reading of a failed interaction with a running workflow.
pub(crate) fn interaction_error(err: &WorkflowInteractionError, execution_id: i64) -> AppError {
    match err {
        WorkflowInteractionError::NotFound(_) => {
            AppError::Conflict(format!("execution {execution_id} is no longer running"))
        }
        other => {
            tracing::warn!(error = %other, "talking to a workflow failed");
            AppError::Unavailable("the workflow engine is unavailable".to_owned())
        }
    }
}

/// Asks a running execution to move to a newer workflow version at its next phase boundary: a
/// report run directly, a cycle run through each of its running report runs. Each request is
/// recorded in `workflow_migration_history` (REQUESTED, then APPLIED by the run).
pub async fn migrate(
    db: &DatabaseConnection,
    gateway: &Gateway,
    viewer: &Viewer,
    execution_id: i64,
    to_version: &str,
) -> AppResult<Vec<entity::workflow_migration_history::Model>> {
    use entity::workflow_migration_history as history;
    use sea_orm::ActiveModelTrait;
    use temporalio_client::WorkflowExecuteUpdateOptions;
    use temporalio_client::errors::WorkflowUpdateError;
    use worker::messages::MigrationRequest;
    use worker::workflows::ReportTestingWorkflow;

    viewer.require(Action::ControlWorkflows)?;
    let target = WorkflowVersion::parse(to_version)
        .ok_or_else(|| AppError::bad_input("toVersion", format!("{to_version} is not a workflow version")))?;
    let execution = workflow_execution::Entity::find_by_id(execution_id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("execution {execution_id}")))?;
    if execution.status != ExecutionStatus::Running {
        return Err(AppError::Conflict(format!("execution {execution_id} is {}", execution.status.as_str())));
    }
    let runs = if execution.parent_execution_id.is_some() {
        vec![execution]
    } else {
        workflow_execution::Entity::find()
            .filter(workflow_execution::Column::ParentExecutionId.eq(execution_id))
            .filter(workflow_execution::Column::Status.eq(ExecutionStatus::Running))
            .all(db)
            .await?
    };
    for run in &runs {
        let from = WorkflowVersion::parse(&run.version).unwrap_or(WorkflowVersion::CURRENT);
        if !from.can_migrate_to(target) {
            return Err(AppError::bad_input(
                "toVersion",
                format!(
                    "execution {} on {} cannot move to {}: only to a newer version that keeps its features",
                    run.id,
                    from.as_str(),
                    target.as_str()
                ),
            ));
        }
    }
    let client = gateway.client().await?;
    let mut recorded = Vec::new();
    for run in runs {
        let row = history::ActiveModel {
            execution_id: Set(run.id),
            from_version: Set(run.version.clone()),
            to_version: Set(target.as_str().to_owned()),
            status: Set("REQUESTED".to_owned()),
            requested_by: Set(Some(viewer.user_id)),
            ..Default::default()
        }
        .insert(db)
        .await?;
        let handle = client.get_workflow_handle::<ReportTestingWorkflow>(run.workflow_id.clone());
        let request = MigrationRequest { history_id: row.id, to_version: target };
        let sent = handle
            .execute_update(ReportTestingWorkflow::migrate, request, WorkflowExecuteUpdateOptions::default())
            .await;
        if let Err(err) = sent {
            let reason = match &err {
                WorkflowUpdateError::Failed(failure) => failure.message.clone(),
                other => other.to_string(),
            };
            let mut rejected: history::ActiveModel = row.into();
            rejected.status = Set("REJECTED".to_owned());
            rejected.reason = Set(Some(reason.clone()));
            rejected.update(db).await?;
            return Err(match err {
                WorkflowUpdateError::Failed(_) | WorkflowUpdateError::NotFound(_) => AppError::Conflict(reason),
                _ => AppError::Unavailable("the workflow engine is unavailable".to_owned()),
            });
        }
        let entry = Entry {
            action: "VERSION_MIGRATION_REQUESTED",
            entity_type: "workflow_execution",
            entity_id: run.id,
            detail: json!({ "from": run.version, "to": target.as_str(), "historyId": row.id }),
            reason: None,
        };
        audit::record(db, viewer, entry).await?;
        recorded.push(row);
    }
    Ok(recorded)
}
