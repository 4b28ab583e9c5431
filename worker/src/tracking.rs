//! The seed's tracking tables, written by activities. Every write is keyed so that a retried or
//! replayed activity writes nothing twice: executions by (workflow id, run id), steps by
//! (execution, step key), transitions by (execution, transition key), events by event key.

use entity::enums::{ExecutionStatus, Phase, StepStatus};
use sea_orm::{
    ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbBackend, DbErr, FromQueryResult, Statement,
    TransactionTrait, Value,
};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::events::{self, EventKind, NewEvent};
use crate::phases::rows;
use crate::statement::Writes;

pub(crate) async fn exec(db: &impl ConnectionTrait, sql: &str, values: Vec<Value>) -> Result<u64, DbErr> {
    Ok(db.execute_raw(Statement::from_sql_and_values(DbBackend::Postgres, sql, values)).await?.rows_affected())
}

pub(crate) async fn scalar_i64(db: &impl ConnectionTrait, sql: &str, values: Vec<Value>) -> Result<Option<i64>, DbErr> {
    let row = db.query_one_raw(Statement::from_sql_and_values(DbBackend::Postgres, sql, values)).await?;
    row.map(|r| r.try_get_by_index::<Option<i64>>(0)).transpose().map(Option::flatten)
}

/// Where an execution belongs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExecutionScope {
    pub execution_id: i64,
    pub cycle_id: i64,
    /// Null for the cycle's parent run.
    pub report_id: Option<i64>,
    pub cycle_report_id: Option<i64>,
}

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
}

/// Records a run as RUNNING (once) and marks its cycle active or its report in progress. Two
/// statements, each idempotent: a retry after the first finds the run and completes the rest.
pub async fn begin_execution(db: &DatabaseConnection, run: BeginExecution) -> Result<i64, DbErr> {
    let id = scalar_i64(
        db,
        "INSERT INTO workflow_execution (workflow_id, run_id, workflow_type, parent_execution_id, cycle_id,
                cycle_report_id, version, status, approval_mode, input, started_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'RUNNING', $8, $9, $10)
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
        ],
    )
    .await?
    .ok_or_else(|| DbErr::RecordNotInserted)?;
    let mut writes = Writes::default();
    match run.cycle_report_id {
        None => {
            let cycle = writes.bind(run.cycle_id);
            writes.with(format!(
                "UPDATE test_cycle SET status = 'ACTIVE', updated_at = now() WHERE id = {cycle} AND status = 'PLANNED'"
            ));
        }
        Some(link) => {
            let (link, workflow) = (writes.bind(link), writes.bind(run.workflow_id.clone()));
            writes.with(format!(
                "UPDATE cycle_report SET status = 'IN_PROGRESS', workflow_id = {workflow}, updated_at = now()
                 WHERE id = {link}"
            ));
        }
    }
    let event = NewEvent {
        cycle_id: run.cycle_id,
        report_id: run.report_id,
        execution_id: Some(id),
        phase: None,
        kind: EventKind::WorkflowStarted,
        status: ExecutionStatus::Running.as_str().to_owned(),
        detail: json!({ "workflowId": run.workflow_id, "runId": run.run_id }),
        key: format!("{}:{}:started", run.workflow_id, run.run_id),
    };
    let insert = events::insert(&mut writes, &[event]);
    writes.execute(db, &insert).await?;
    Ok(id)
}

/// How one phase moved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PhaseChange {
    pub scope: ExecutionScope,
    pub phase: Phase,
    pub status: StepStatus,
    /// Review round (1 for the first pass).
    pub round: u32,
    /// The transition this change makes, if any.
    pub transition: Option<Transition>,
    pub detail: serde_json::Value,
    pub error: Option<String>,
}

/// A move between phases.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Transition {
    pub from: Option<Phase>,
    pub to: Option<Phase>,
    /// START, SEQUENTIAL, PARALLEL_FORK, PARALLEL_JOIN, SKIP, LOOP_BACK, COMPENSATION or END.
    pub kind: String,
}

/// Records a phase step's new status, the transition it makes, and the event dashboards show:
/// one statement, so one round trip and one commit.
pub async fn record_phase(db: &DatabaseConnection, change: PhaseChange) -> Result<(), DbErr> {
    let scope = &change.scope;
    let status = change.status.as_str();
    let starting = matches!(change.status, StepStatus::Running);
    let mut writes = Writes::default();
    let execution = writes.bind(scope.execution_id);
    let phase = writes.bind(change.phase.as_str());
    let key = writes.bind(format!("phase:{}", change.phase.as_str()));
    let label = writes.bind(change.phase.label());
    let step_status = writes.bind(status);
    let attempt = writes.bind(i32::try_from(change.round).unwrap_or(i32::MAX));
    let error = writes.bind(change.error.clone());
    let detail = writes.bind(change.detail.clone());
    // A phase that starts has no end yet; any other change ends it now.
    let completed_at = if starting { "NULL::timestamptz" } else { "now()" };
    writes.with(format!(
        "INSERT INTO workflow_step (execution_id, step_key, phase, name, step_type, status, attempt, started_at,
                completed_at, error, detail)
         VALUES ({execution}, {key}, {phase}, {label}, 'PHASE', {step_status}, {attempt}, now(), {completed_at},
                 {error}, {detail})
         ON CONFLICT (execution_id, step_key) DO UPDATE SET
            status = EXCLUDED.status, attempt = EXCLUDED.attempt, completed_at = EXCLUDED.completed_at,
            error = EXCLUDED.error, detail = workflow_step.detail || EXCLUDED.detail"
    ));
    if let Some(transition) = &change.transition {
        let key = format!(
            "{}->{}:{}:{}",
            transition.from.map_or("START", Phase::as_str),
            transition.to.map_or("END", Phase::as_str),
            transition.kind,
            change.round
        );
        let values = [
            writes.bind(key),
            writes.bind(transition.from.map(|p| p.as_str().to_owned())),
            writes.bind(transition.to.map(|p| p.as_str().to_owned())),
            writes.bind(transition.kind.clone()),
            writes.bind(json!({ "round": change.round })),
        ];
        writes.with(format!(
            "INSERT INTO workflow_transition (execution_id, transition_key, from_phase, to_phase, transition_type, detail)
             VALUES ({execution}, {}) ON CONFLICT (execution_id, transition_key) DO NOTHING",
            values.join(", ")
        ));
    }
    if starting {
        writes.with(format!(
            "UPDATE workflow_execution SET current_phase = {phase}, updated_at = now() WHERE id = {execution}"
        ));
        if let Some(link) = scope.cycle_report_id {
            let link = writes.bind(link);
            writes
                .with(format!("UPDATE cycle_report SET current_phase = {phase}, updated_at = now() WHERE id = {link}"));
        }
    }
    let kind = match change.status {
        StepStatus::Running => EventKind::PhaseStarted,
        StepStatus::Completed => EventKind::PhaseCompleted,
        StepStatus::Skipped => EventKind::PhaseSkipped,
        StepStatus::Compensated => EventKind::Compensated,
        _ => EventKind::PhaseFailed,
    };
    let mut detail = change.detail.clone();
    if let (Some(error), Some(map)) = (&change.error, detail.as_object_mut()) {
        map.insert("error".into(), error.clone().into());
    }
    let event = NewEvent {
        cycle_id: scope.cycle_id,
        report_id: scope.report_id,
        execution_id: Some(scope.execution_id),
        phase: Some(change.phase),
        kind,
        status: status.to_owned(),
        detail,
        key: format!("{}:{}:{}:{}", scope.execution_id, change.phase.as_str(), status, change.round),
    };
    let insert = events::insert(&mut writes, &[event]);
    writes.execute(db, &insert).await.map(drop)
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

/// One attempt of an activity.
#[derive(Debug, Clone)]
pub struct ActivityAttempt {
    pub scope: ExecutionScope,
    pub phase: Option<Phase>,
    pub workflow_id: String,
    pub run_id: String,
    pub activity_id: String,
    pub activity_type: String,
    pub kind: &'static str,
    pub attempt: u32,
}

impl ActivityAttempt {
    fn step_key(&self) -> String {
        format!("activity:{}", self.activity_id)
    }

    /// An event about this attempt.
    fn event(&self, kind: EventKind, status: &str, detail: serde_json::Value, key: String) -> NewEvent {
        NewEvent {
            cycle_id: self.scope.cycle_id,
            report_id: self.scope.report_id,
            execution_id: Some(self.scope.execution_id),
            phase: self.phase,
            kind,
            status: status.to_owned(),
            detail,
            key,
        }
    }
}

/// Marks an activity step running (one step row however many attempts).
pub async fn activity_started(db: &DatabaseConnection, attempt: &ActivityAttempt) -> Result<(), DbErr> {
    exec(
        db,
        "INSERT INTO workflow_step (execution_id, step_key, phase, name, step_type, status, attempt, started_at)
         VALUES ($1, $2, $3, $4, 'ACTIVITY', 'RUNNING', $5, now())
         ON CONFLICT (execution_id, step_key) DO UPDATE SET status = 'RUNNING', attempt = EXCLUDED.attempt",
        vec![
            attempt.scope.execution_id.into(),
            attempt.step_key().into(),
            attempt.phase.map(|p| p.as_str().to_owned()).into(),
            attempt.activity_type.clone().into(),
            i32::try_from(attempt.attempt).unwrap_or(i32::MAX).into(),
        ],
    )
    .await
    .map(drop)
}

/// Records an activity step completed after `took` (one statement: the row is created here
/// when the attempt was quick enough never to be shown running).
pub async fn activity_completed(
    db: &DatabaseConnection,
    attempt: &ActivityAttempt,
    took: std::time::Duration,
) -> Result<(), DbErr> {
    exec(
        db,
        "INSERT INTO workflow_step (execution_id, step_key, phase, name, step_type, status, attempt, started_at, completed_at)
         VALUES ($1, $2, $3, $4, 'ACTIVITY', 'COMPLETED', $5, now() - make_interval(secs => $6), now())
         ON CONFLICT (execution_id, step_key) DO UPDATE SET
            status = 'COMPLETED', attempt = EXCLUDED.attempt, completed_at = now(), error = NULL,
            started_at = COALESCE(workflow_step.started_at, EXCLUDED.started_at)",
        vec![
            attempt.scope.execution_id.into(),
            attempt.step_key().into(),
            attempt.phase.map(|p| p.as_str().to_owned()).into(),
            attempt.activity_type.clone().into(),
            i32::try_from(attempt.attempt).unwrap_or(i32::MAX).into(),
            took.as_secs_f64().into(),
        ],
    )
    .await
    .map(drop)
}

/// Records a failed attempt: the retry log row, the step's error, an alert and an event.
pub async fn activity_failed(
    db: &DatabaseConnection,
    attempt: &ActivityAttempt,
    error: &str,
    next_retry_delay_ms: Option<i64>,
    final_attempt: bool,
) -> Result<(), DbErr> {
    let txn = db.begin().await?;
    let logged = exec(
        &txn,
        "INSERT INTO workflow_activity_retry_log (execution_id, workflow_id, run_id, activity_id, activity_type,
                activity_kind, attempt, error, next_retry_delay_ms)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (workflow_id, run_id, activity_id, attempt) DO NOTHING",
        vec![
            attempt.scope.execution_id.into(),
            attempt.workflow_id.clone().into(),
            attempt.run_id.clone().into(),
            attempt.activity_id.clone().into(),
            attempt.activity_type.clone().into(),
            attempt.kind.into(),
            i32::try_from(attempt.attempt).unwrap_or(i32::MAX).into(),
            error.into(),
            next_retry_delay_ms.into(),
        ],
    )
    .await?;
    exec(
        &txn,
        "INSERT INTO workflow_step (execution_id, step_key, phase, name, step_type, status, attempt, started_at,
                completed_at, error)
         VALUES ($1, $2, $6, $7, 'ACTIVITY', $3, $8, now(), CASE WHEN $5 THEN now() END, $4)
         ON CONFLICT (execution_id, step_key) DO UPDATE SET status = $3, error = $4, attempt = EXCLUDED.attempt,
            completed_at = CASE WHEN $5 THEN now() END",
        vec![
            attempt.scope.execution_id.into(),
            attempt.step_key().into(),
            if final_attempt { "FAILED" } else { "RUNNING" }.into(),
            error.into(),
            final_attempt.into(),
            attempt.phase.map(|p| p.as_str().to_owned()).into(),
            attempt.activity_type.clone().into(),
            i32::try_from(attempt.attempt).unwrap_or(i32::MAX).into(),
        ],
    )
    .await?;
    if logged > 0 {
        let kind = if final_attempt { EventKind::AlertRaised } else { EventKind::Retried };
        if final_attempt {
            exec(
                &txn,
                "INSERT INTO workflow_alert (execution_id, alert_key, alert_type, severity, message)
                 VALUES ($1, $2, 'FAILURE', 'CRITICAL', $3) ON CONFLICT (alert_key) DO NOTHING",
                vec![
                    attempt.scope.execution_id.into(),
                    format!("failure:{}:{}:{}", attempt.workflow_id, attempt.run_id, attempt.activity_id).into(),
                    format!("{} failed after {} attempts: {error}", attempt.activity_type, attempt.attempt).into(),
                ],
            )
            .await?;
        }
        let detail = json!({ "activity": attempt.activity_type, "attempt": attempt.attempt, "error": error,
                             "nextRetryDelayMs": next_retry_delay_ms });
        let key =
            format!("retry:{}:{}:{}:{}", attempt.workflow_id, attempt.run_id, attempt.activity_id, attempt.attempt);
        events::append(&txn, attempt.event(kind, "FAILED", detail, key)).await?;
    }
    txn.commit().await
}

/// Raises a SLOW_STEP alert for an attempt that took `elapsed_ms`.
pub async fn activity_slow(db: &DatabaseConnection, attempt: &ActivityAttempt, elapsed_ms: u64) -> Result<(), DbErr> {
    let txn = db.begin().await?;
    let key = format!("slow:{}:{}:{}", attempt.workflow_id, attempt.run_id, attempt.activity_id);
    let raised = exec(
        &txn,
        "INSERT INTO workflow_alert (execution_id, step_id, alert_key, alert_type, severity, message)
         SELECT $1, (SELECT id FROM workflow_step WHERE execution_id = $1 AND step_key = $2), $3, 'SLOW_STEP', 'WARNING', $4
         ON CONFLICT (alert_key) DO NOTHING",
        vec![
            attempt.scope.execution_id.into(),
            attempt.step_key().into(),
            key.clone().into(),
            format!("{} took {elapsed_ms} ms", attempt.activity_type).into(),
        ],
    )
    .await?;
    if raised > 0 {
        let detail = json!({ "activity": attempt.activity_type, "elapsedMs": elapsed_ms });
        events::append(&txn, attempt.event(EventKind::AlertRaised, "SLOW_STEP", detail, key)).await?;
    }
    txn.commit().await
}
