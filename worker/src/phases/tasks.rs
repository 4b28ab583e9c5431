//! Human tasks: opening the inbox row a workflow waits on, and closing it with the decision and
//! what the decision means for the phase's data (approved samples, overrides, sign-offs, …).

use entity::enums::{Decision, Phase, Role, TaskKind};
use sea_orm::{DatabaseConnection, FromQueryResult, TransactionTrait};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::{PhaseResult, evidence, observations, owners, report, rows, sampling, scoping};
use crate::events::{self, EventKind, NewEvent};
use crate::tracking::{ExecutionScope, exec};

/// A human step to open.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpenTask {
    pub scope: ExecutionScope,
    pub phase: Phase,
    pub kind: TaskKind,
    pub title: String,
    pub assignee_role: Role,
    pub assignee_id: Option<i64>,
    pub information_request_id: Option<i64>,
    pub round: u32,
    pub sla_hours: u32,
    /// Distinguishes several tasks of one kind in one phase round (e.g. one per data owner).
    pub discriminator: String,
    /// AUTO approval mode: decide at once with the recommended choice.
    pub auto: bool,
}

/// An opened task, and its decision when the workflow decided it itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpenedTask {
    pub task_id: i64,
    pub auto_decision: Option<Decision>,
}

#[derive(Debug, FromQueryResult)]
struct TaskRow {
    id: i64,
    task_key: String,
    cycle_id: i64,
    cycle_report_id: Option<i64>,
    execution_id: Option<i64>,
    phase: String,
    kind: String,
    assignee_role: String,
    assignee_id: Option<i64>,
    information_request_id: Option<i64>,
    decided_by: Option<i64>,
    comment: Option<String>,
}

fn step_key(task_key: &str) -> String {
    format!("task:{task_key}")
}

/// Opens the task (once, however often the activity runs).
pub async fn open(db: &DatabaseConnection, task: OpenTask) -> PhaseResult<OpenedTask> {
    let key = format!(
        "{}:{}:{}:{}:{}",
        task.scope.execution_id,
        task.phase.as_str(),
        task.kind.as_str(),
        task.discriminator,
        task.round
    );
    let txn = db.begin().await?;
    let existing: Vec<TaskRow> = rows(&txn, &select_task("task_key = $1"), vec![key.clone().into()]).await?;
    let task_id = match existing.first() {
        Some(row) => row.id,
        None => {
            let created: Vec<TaskRow> = rows(
                &txn,
                "INSERT INTO human_task (task_key, cycle_id, cycle_report_id, execution_id, phase, kind, title,
                        assignee_role, assignee_id, information_request_id, round, due_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now() + make_interval(hours => $12))
                 RETURNING id, task_key, cycle_id, cycle_report_id, execution_id, phase, kind, assignee_role,
                           assignee_id, information_request_id, decided_by, comment",
                vec![
                    key.clone().into(),
                    task.scope.cycle_id.into(),
                    task.scope.cycle_report_id.into(),
                    task.scope.execution_id.into(),
                    task.phase.as_str().into(),
                    task.kind.as_str().into(),
                    task.title.clone().into(),
                    task.assignee_role.as_str().into(),
                    task.assignee_id.into(),
                    task.information_request_id.into(),
                    i32::try_from(task.round).unwrap_or(1).into(),
                    i32::try_from(task.sla_hours).unwrap_or(72).into(),
                ],
            )
            .await?;
            let id = created.first().map(|r| r.id).unwrap_or_default();
            exec(
                &txn,
                "INSERT INTO workflow_step (execution_id, step_key, phase, name, step_type, status, attempt, started_at, detail)
                 VALUES ($1, $2, $3, $4, 'HUMAN_TASK', 'WAITING', $5, now(), $6)
                 ON CONFLICT (execution_id, step_key) DO NOTHING",
                vec![
                    task.scope.execution_id.into(),
                    step_key(&key).into(),
                    task.phase.as_str().into(),
                    task.title.clone().into(),
                    i32::try_from(task.round).unwrap_or(1).into(),
                    json!({ "taskId": id, "kind": task.kind.as_str() }).into(),
                ],
            )
            .await?;
            if let Some(user) = task.assignee_id {
                exec(
                    &txn,
                    "INSERT INTO notification (user_id, notification_key, kind, subject, body, link)
                     VALUES ($1, $2, 'TASK', $3, $4, '/tasks') ON CONFLICT (notification_key) DO NOTHING",
                    vec![
                        user.into(),
                        format!("task:{id}").into(),
                        format!("New task: {}", task.title).into(),
                        format!("{} is waiting for your {}.", task.phase.label(), task.kind.as_str().to_lowercase())
                            .into(),
                    ],
                )
                .await?;
            }
            events::append(&txn, NewEvent {
                cycle_id: task.scope.cycle_id,
                report_id: task.scope.report_id,
                execution_id: Some(task.scope.execution_id),
                phase: Some(task.phase),
                kind: EventKind::TaskOpened,
                status: "OPEN".to_owned(),
                detail: json!({ "taskId": id, "kind": task.kind.as_str(), "assigneeRole": task.assignee_role.as_str(),
                                "assigneeId": task.assignee_id, "title": task.title, "round": task.round }),
                key: format!("task:{id}:opened"),
            })
            .await?;
            id
        }
    };
    txn.commit().await?;
    if !task.auto {
        return Ok(OpenedTask { task_id, auto_decision: None });
    }
    close(
        db,
        CloseTask {
            task_id,
            decision: Decision::Approve,
            comment: Some("Decided automatically (AUTO approval mode) with the recommended choice.".to_owned()),
            payload: None,
            decided_by: None,
        },
    )
    .await?;
    Ok(OpenedTask { task_id, auto_decision: Some(Decision::Approve) })
}

/// A decision to record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CloseTask {
    pub task_id: i64,
    pub decision: Decision,
    pub comment: Option<String>,
    pub payload: Option<serde_json::Value>,
    /// The person who decided; `None` when the workflow decided (AUTO mode).
    pub decided_by: Option<i64>,
}

fn select_task(filter: &str) -> String {
    format!(
        "SELECT id, task_key, cycle_id, cycle_report_id, execution_id, phase, kind, assignee_role, assignee_id,
                information_request_id, decided_by, comment
         FROM human_task WHERE {filter}"
    )
}

/// Records the decision (unless the API already did) and applies what it means for the phase.
pub async fn close(db: &DatabaseConnection, decision: CloseTask) -> PhaseResult<()> {
    let txn = db.begin().await?;
    exec(
        &txn,
        "UPDATE human_task SET status = 'COMPLETED', decision = $2, comment = $3, payload = $4, decided_by = $5,
                decided_automatically = $5 IS NULL, decided_at = now()
         WHERE id = $1 AND status = 'OPEN'",
        vec![
            decision.task_id.into(),
            decision.decision.as_str().into(),
            decision.comment.clone().into(),
            decision.payload.clone().into(),
            decision.decided_by.into(),
        ],
    )
    .await?;
    let task = rows::<TaskRow>(&txn, &select_task("id = $1"), vec![decision.task_id.into()])
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| super::PhaseError::Business(format!("task {} does not exist", decision.task_id)))?;
    if let Some(execution) = task.execution_id {
        exec(
            &txn,
            "UPDATE workflow_step SET status = 'COMPLETED', completed_at = COALESCE(completed_at, now()),
                    waiting_ms = (EXTRACT(EPOCH FROM (now() - started_at)) * 1000)::bigint
             WHERE execution_id = $1 AND step_key = $2 AND status = 'WAITING'",
            vec![execution.into(), step_key(&task.task_key).into()],
        )
        .await?;
    }
    events::append(
        &txn,
        NewEvent {
            cycle_id: task.cycle_id,
            report_id: None,
            execution_id: task.execution_id,
            phase: Phase::ALL.into_iter().find(|p| p.as_str() == task.phase),
            kind: EventKind::TaskCompleted,
            status: decision.decision.as_str().to_owned(),
            detail: json!({ "taskId": task.id, "kind": task.kind, "decision": decision.decision.as_str(),
                        "automatic": decision.decided_by.is_none(), "comment": task.comment,
                        "assigneeRole": task.assignee_role, "assigneeId": task.assignee_id }),
            key: format!("task:{}:completed", task.id),
        },
    )
    .await?;
    txn.commit().await?;
    apply_effects(db, &task, &decision).await
}

/// What a decision changes in the phase's data. Idempotent: running it twice changes nothing more.
async fn apply_effects(db: &DatabaseConnection, task: &TaskRow, decision: &CloseTask) -> PhaseResult<()> {
    let Some(link) = task.cycle_report_id else { return Ok(()) };
    let approved = decision.decision == Decision::Approve;
    let payload = decision.payload.as_ref();
    match (task.phase.as_str(), task.kind.as_str()) {
        ("SCOPING", "REVIEW") => {
            if let Some(payload) = payload {
                scoping::apply_overrides(db, link, payload).await?;
            }
        }
        ("SAMPLE_SELECTION", "APPROVAL") => sampling::decide(db, link, approved).await?,
        ("DATA_OWNER_IDENTIFICATION", "ASSIGNMENT") => {
            if let Some(payload) = payload {
                owners::assign(db, link, payload, decision.decided_by.or(task.decided_by).unwrap_or_default()).await?;
            }
        }
        ("REQUEST_FOR_INFORMATION", "EVIDENCE") if approved => {
            if let Some(request) = task.information_request_id {
                evidence::request_submitted(db, request).await?;
            }
        }
        ("OBSERVATION_MANAGEMENT", "APPROVAL") if approved => observations::approve(db, link, payload).await?,
        ("FINALIZE_TEST_REPORT", "SIGN_OFF") if approved => {
            let by = decision.decided_by.or(task.decided_by);
            report::sign_off(db, link, &task.assignee_role, by, decision.comment.clone()).await?;
        }
        _ => {}
    }
    Ok(())
}
