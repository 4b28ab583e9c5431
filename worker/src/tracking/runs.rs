//! A run's first and last records: its execution row, the status of its cycle or report, its
//! per-phase metrics, and the tasks it leaves open when it ends.

use entity::enums::{ExecutionStatus, Phase};
use sea_orm::{DatabaseConnection, DatabaseTransaction, DbErr, FromQueryResult, TransactionTrait};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::ExecutionScope;
use crate::events::{self, EventKind, NewEvent};
use crate::sql::{exec, rows, scalar_i64};
use crate::statement::Writes;

/// A run that has begun.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BeginExecution {
    pub workflow_id: String,
    pub run_id: String,
    pub workflow_type: String,
    pub parent_execution_id: Option<i64>,
    pub cycle_id: i64,
    pub report_id: Option<i64>,
    pub cycle_report_id: Option<i64>,
    pub version: String,
    pub approval_mode: String,
    pub input: serde_json::Value,
    pub started_by: i64,
    /// A scheduled start: the row is recorded PENDING, and `start_scheduled` marks it begun when
    /// its time comes.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub scheduled: bool,
}

/// Records a run as RUNNING (once) and marks its cycle active or its report in progress; a
/// scheduled run only as PENDING. Two statements, each idempotent: a retry after the first finds
/// the run and completes the rest.
pub async fn begin_execution(db: &DatabaseConnection, run: BeginExecution) -> Result<i64, DbErr> {
    let status = if run.scheduled { ExecutionStatus::Pending } else { ExecutionStatus::Running };
    let id = scalar_i64(
        db,
        "INSERT INTO workflow_execution (workflow_id, run_id, workflow_type, parent_execution_id, cycle_id,
                cycle_report_id, version, status, approval_mode, input, started_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $11, $8, $9, $10)
         ON CONFLICT (workflow_id, run_id) DO UPDATE SET updated_at = now()
         RETURNING id",
        vec![
            run.workflow_id.clone().into(),
            run.run_id.clone().into(),
            run.workflow_type.into(),
            run.parent_execution_id.into(),
            run.cycle_id.into(),
            run.cycle_report_id.into(),
            run.version.into(),
            run.approval_mode.into(),
            run.input.into(),
            run.started_by.into(),
            status.as_str().into(),
        ],
    )
    .await?
    .ok_or_else(|| DbErr::RecordNotInserted)?;
    if run.scheduled {
        return Ok(id);
    }
    let scope = ExecutionScope {
        execution_id: id,
        cycle_id: run.cycle_id,
        report_id: run.report_id,
        cycle_report_id: run.cycle_report_id,
    };
    let started = RunStarted { scope, workflow_id: run.workflow_id, run_id: run.run_id };
    mark_started(db, &started, Writes::default()).await?;
    Ok(id)
}

/// A scheduled run whose time has come.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunStarted {
    pub scope: ExecutionScope,
    pub workflow_id: String,
    pub run_id: String,
}

/// Moves a scheduled run from PENDING to RUNNING, started now, and marks it begun as
/// `begin_execution` marks a run started at once. Idempotent.
pub async fn start_scheduled(db: &DatabaseConnection, started: RunStarted) -> Result<(), DbErr> {
    let mut writes = Writes::default();
    let id = writes.bind(started.scope.execution_id);
    writes.with(format!(
        "UPDATE workflow_execution SET status = 'RUNNING', started_at = now(), updated_at = now()
         WHERE id = {id} AND status = 'PENDING'"
    ));
    mark_started(db, &started, writes).await
}

/// The cycle active or the report in progress, and the run's WORKFLOW_STARTED event (once, by its
/// key), written with `writes` in one statement.
async fn mark_started(db: &DatabaseConnection, started: &RunStarted, mut writes: Writes) -> Result<(), DbErr> {
    let run = &started.scope;
    match run.cycle_report_id {
        None => {
            let cycle = writes.bind(run.cycle_id);
            writes.with(format!(
                "UPDATE test_cycle SET status = 'ACTIVE', updated_at = now() WHERE id = {cycle} AND status = 'PLANNED'"
            ));
        }
        Some(link) => {
            let (link, workflow) = (writes.bind(link), writes.bind(started.workflow_id.clone()));
            writes.with(format!(
                "UPDATE cycle_report SET status = 'IN_PROGRESS', workflow_id = {workflow}, updated_at = now()
                 WHERE id = {link}"
            ));
        }
    }
    let event = NewEvent {
        cycle_id: run.cycle_id,
        report_id: run.report_id,
        execution_id: Some(run.execution_id),
        phase: None,
        kind: EventKind::WorkflowStarted,
        status: ExecutionStatus::Running.as_str().to_owned(),
        detail: json!({ "workflowId": started.workflow_id, "runId": started.run_id }),
        key: format!("{}:{}:started", started.workflow_id, started.run_id),
    };
    let insert = events::insert(&mut writes, &[event]);
    writes.execute(db, &insert).await.map(|_| ())
}

/// How a run ended.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FinishExecution {
    pub scope: ExecutionScope,
    pub status: ExecutionStatus,
    pub error: Option<String>,
    pub result: serde_json::Value,
}

/// Records a run's end, its per-phase metrics, and the status of its report or cycle.
pub async fn finish_execution(db: &DatabaseConnection, finish: FinishExecution) -> Result<(), DbErr> {
    let scope = &finish.scope;
    let txn = db.begin().await?;
    // This first write locks the run's row, which a task's opening reads under a share lock
    // (`phases::tasks::insert_task`): an opening under way is whole before the end looks for
    // tasks to withdraw, and one after it sees the run over.
    let changed = exec(
        &txn,
        "UPDATE workflow_execution SET status = $2, error = $3, result = $4, completed_at = now(), updated_at = now(),
                current_phase = NULL
         WHERE id = $1 AND completed_at IS NULL",
        vec![
            scope.execution_id.into(),
            finish.status.as_str().into(),
            finish.error.clone().into(),
            finish.result.into(),
        ],
    )
    .await?;
    if changed == 0 {
        // Already finished by an earlier attempt: nothing more to write.
        return txn.commit().await;
    }
    // A run that ends (cancelled, failed) while people still owe it a decision withdraws those
    // tasks, so no inbox or dashboard keeps waiting on a run that is over.
    withdraw_open_tasks(&txn, scope).await?;
    exec(
        &txn,
        "UPDATE workflow_step SET status = 'CANCELLED', completed_at = now()
         WHERE execution_id = $1 AND step_type = 'HUMAN_TASK' AND status = 'WAITING'",
        vec![scope.execution_id.into()],
    )
    .await?;
    exec(
        &txn,
        "INSERT INTO workflow_metrics (execution_id, phase, status, duration_ms, working_ms, waiting_ms,
                activity_count, retry_count, human_task_count, review_rounds)
         SELECT p.execution_id, p.phase, p.status,
                COALESCE((EXTRACT(EPOCH FROM (p.completed_at - p.started_at)) * 1000)::bigint, 0) AS duration_ms,
                GREATEST(COALESCE((EXTRACT(EPOCH FROM (p.completed_at - p.started_at)) * 1000)::bigint, 0)
                         - COALESCE(SUM(s.waiting_ms) FILTER (WHERE s.step_type = 'HUMAN_TASK'), 0), 0),
                COALESCE(SUM(s.waiting_ms) FILTER (WHERE s.step_type = 'HUMAN_TASK'), 0),
                COUNT(s.id) FILTER (WHERE s.step_type = 'ACTIVITY'),
                COALESCE(SUM(s.attempt - 1) FILTER (WHERE s.step_type = 'ACTIVITY'), 0),
                COUNT(s.id) FILTER (WHERE s.step_type = 'HUMAN_TASK'),
                p.attempt
         FROM workflow_step p
         LEFT JOIN workflow_step s ON s.execution_id = p.execution_id AND s.phase = p.phase AND s.step_type <> 'PHASE'
         WHERE p.execution_id = $1 AND p.step_type = 'PHASE'
         GROUP BY p.id
         ON CONFLICT (execution_id, phase) DO NOTHING",
        vec![scope.execution_id.into()],
    )
    .await?;
    let (kind, report_status) = match finish.status {
        ExecutionStatus::Completed => (EventKind::WorkflowCompleted, "COMPLETE"),
        ExecutionStatus::Cancelled | ExecutionStatus::Terminated => (EventKind::WorkflowCancelled, "CANCELLED"),
        _ => (EventKind::WorkflowFailed, "FAILED"),
    };
    match scope.cycle_report_id {
        Some(link) => {
            exec(
                &txn,
                "UPDATE cycle_report SET status = $2, current_phase = NULL, updated_at = now() WHERE id = $1",
                vec![link.into(), report_status.into()],
            )
            .await?;
        }
        None => {
            // The cycle is complete when every one of its reports is.
            exec(
                &txn,
                "UPDATE test_cycle SET status = 'COMPLETED', updated_at = now()
                 WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM cycle_report WHERE cycle_id = $1 AND status <> 'COMPLETE')",
                vec![scope.cycle_id.into()],
            )
            .await?;
        }
    }
    events::append(
        &txn,
        NewEvent {
            cycle_id: scope.cycle_id,
            report_id: scope.report_id,
            execution_id: Some(scope.execution_id),
            phase: None,
            kind,
            status: finish.status.as_str().to_owned(),
            detail: json!({ "error": finish.error }),
            key: format!("{}:finished", scope.execution_id),
        },
    )
    .await?;
    txn.commit().await
}

/// A task withdrawn because its run ended.
#[derive(Debug, FromQueryResult)]
struct WithdrawnTask {
    id: i64,
    kind: String,
    phase: String,
    assignee_role: String,
    assignee_id: Option<i64>,
}

/// Cancels the run's open tasks, each with a TASK_CANCELLED event for the inbox it sat in.
async fn withdraw_open_tasks(txn: &DatabaseTransaction, scope: &ExecutionScope) -> Result<(), DbErr> {
    let withdrawn: Vec<WithdrawnTask> = rows(
        txn,
        "UPDATE human_task SET status = 'CANCELLED' WHERE execution_id = $1 AND status = 'OPEN'
         RETURNING id, kind, phase::text AS phase, assignee_role, assignee_id",
        vec![scope.execution_id.into()],
    )
    .await?;
    for task in withdrawn {
        let event = NewEvent {
            cycle_id: scope.cycle_id,
            report_id: scope.report_id,
            execution_id: Some(scope.execution_id),
            phase: Phase::ALL.into_iter().find(|p| p.as_str() == task.phase),
            kind: EventKind::TaskCancelled,
            status: "CANCELLED".to_owned(),
            detail: json!({ "taskId": task.id, "kind": task.kind, "withdrawn": true,
                            "assigneeRole": task.assignee_role, "assigneeId": task.assignee_id }),
            key: format!("task:{}:cancelled", task.id),
        };
        events::append(txn, event).await?;
    }
    Ok(())
}
