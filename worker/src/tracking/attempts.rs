//! Each attempt of an activity: its step row (one however many attempts), the retry log row of
//! a failed attempt, and the alerts a failure or a slow attempt raises.

use entity::enums::Phase;
use sea_orm::{ConnectionTrait, DatabaseConnection, DbErr, TransactionTrait, Value};
use serde_json::json;

use super::ExecutionScope;
use crate::events::{self, EventKind, NewEvent};
use crate::sql::exec;

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

    /// The step row's identity, bound as `$1`..`$5` by every write of it: execution, step key,
    /// phase, name and attempt; each statement's own values follow from `$6`.
    fn step_values(&self, more: impl IntoIterator<Item = Value>) -> Vec<Value> {
        let mut values = vec![
            self.scope.execution_id.into(),
            self.step_key().into(),
            self.phase.map(|p| p.as_str().to_owned()).into(),
            self.activity_type.clone().into(),
            i32::try_from(self.attempt).unwrap_or(i32::MAX).into(),
        ];
        values.extend(more);
        values
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

/// Marks an activity step running (one step row however many attempts). The write may land
/// after the attempt's own end was recorded (it is not waited for: `activities::progress`), so
/// it only ever moves the row on to a later attempt.
pub async fn activity_started(db: &impl ConnectionTrait, attempt: &ActivityAttempt) -> Result<(), DbErr> {
    exec(
        db,
        "INSERT INTO workflow_step (execution_id, step_key, phase, name, step_type, status, attempt, started_at)
         VALUES ($1, $2, $3, $4, 'ACTIVITY', 'RUNNING', $5, now())
         ON CONFLICT (execution_id, step_key) DO UPDATE SET status = 'RUNNING', attempt = EXCLUDED.attempt
         WHERE workflow_step.attempt < EXCLUDED.attempt",
        attempt.step_values([]),
    )
    .await
    .map(drop)
}

/// Records an activity step completed after `took` (one statement: the row is created here
/// when the attempt was quick enough never to be shown running).
pub async fn activity_completed(
    db: &impl ConnectionTrait,
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
        attempt.step_values([took.as_secs_f64().into()]),
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
         VALUES ($1, $2, $3, $4, 'ACTIVITY', $6, $5, now(), CASE WHEN $8 THEN now() END, $7)
         ON CONFLICT (execution_id, step_key) DO UPDATE SET status = $6, error = $7, attempt = EXCLUDED.attempt,
            completed_at = CASE WHEN $8 THEN now() END",
        attempt.step_values([
            if final_attempt { "FAILED" } else { "RUNNING" }.into(),
            error.into(),
            final_attempt.into(),
        ]),
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
