//! Human tasks: opening the inbox row a workflow waits on, and closing it with the decision and
//! what the decision means for the phase's data (approved samples, overrides, sign-offs, …).

use entity::enums::{Decision, Phase, Role, TaskKind};
use sea_orm::{ConnectionTrait, FromQueryResult};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::{PhaseError, PhaseResult, evidence, observations, owners, report, sampling, scoping};
use crate::events::{self, EventKind, NewEvent};
use crate::payloads;
use crate::sql::rows;
use crate::statement::Writes;
use crate::tracking::ExecutionScope;

/// A human step to open, in the run its activity's envelope names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpenTask {
    pub phase: Phase,
    pub kind: TaskKind,
    pub title: String,
    pub assignee_role: Role,
    pub assignee_id: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
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

/// The comment AUTO mode records with its decisions.
const AUTO_COMMENT: &str = "Decided automatically (AUTO approval mode) with the recommended choice.";

/// The columns of a [`TaskRow`].
const TASK_COLUMNS: &str = "id, task_key, cycle_id, cycle_report_id, execution_id, phase, kind, assignee_role,
    assignee_id, information_request_id, decided_by, comment";

/// Whether the run `execution` (a placeholder) is still going, read under the share lock that
/// orders a task's opening against the run's end (see `insert_task`).
fn run_going(execution: &str) -> String {
    format!("SELECT completed_at IS NULL AS going FROM workflow_execution WHERE id = {execution} FOR SHARE")
}

/// The task row as `write` (an `INSERT` or `UPDATE` of `human_task`) leaves it, or, when it writes
/// nothing, as already stored under `filter`: one statement either way.
fn written_or_stored(write: &str, filter: &str) -> String {
    format!(
        "WITH written AS ({write} RETURNING {TASK_COLUMNS})
         SELECT * FROM written
         UNION ALL SELECT {TASK_COLUMNS} FROM human_task WHERE {filter}
         LIMIT 1"
    )
}

/// Opens the task (once, however often the activity runs). In AUTO mode the task is stored
/// already decided with the recommended choice, and that decision's effects are applied.
pub async fn open(db: &impl ConnectionTrait, scope: &ExecutionScope, task: OpenTask) -> PhaseResult<OpenedTask> {
    let key = format!(
        "{}:{}:{}:{}:{}",
        scope.execution_id,
        task.phase.as_str(),
        task.kind.as_str(),
        task.discriminator,
        task.round
    );
    let decision = task.auto.then(|| CloseTask {
        task_id: 0,
        decision: Decision::Approve,
        comment: Some(AUTO_COMMENT.to_owned()),
        payload: None,
        decided_by: None,
    });
    let row = insert_task(db, scope, &task, &key, decision.as_ref()).await?;
    // The rest of the opening in one statement, each row under its own key, so a retry after a
    // failure between the two statements adds only what is missing.
    let mut writes = Writes::default();
    let insert = match &decision {
        None => open_waiting(&mut writes, scope, &task, &key, &row),
        Some(decision) => open_decided(&mut writes, scope, &task, &key, &row, decision),
    };
    writes.execute(db, &insert).await?;
    let Some(decision) = decision else { return Ok(OpenedTask { task_id: row.id, auto_decision: None }) };
    apply_effects(db, &row, &decision).await?;
    Ok(OpenedTask { task_id: row.id, auto_decision: Some(decision.decision) })
}

/// The rest of an undecided task's opening: its WAITING step, its assignee's notification and
/// its TASK_OPENED event; returns the statement's last part. All of it only while the run is
/// going, read from the run's row as `insert_task` reads it (see there): when the run's end came
/// first, it withdrew the task, and the step is stored over (CANCELLED), with no one told.
fn open_waiting(writes: &mut Writes, scope: &ExecutionScope, task: &OpenTask, key: &str, row: &TaskRow) -> String {
    let execution = writes.bind(scope.execution_id);
    let run = writes.read(run_going(&execution));
    let going = format!("(SELECT going FROM {run})");
    let status = format!("CASE WHEN {going} THEN 'WAITING' ELSE 'CANCELLED' END");
    let completed_at = format!("CASE WHEN {going} THEN NULL ELSE now() END");
    let step = step_insert(writes, &execution, task, key, row, &status, &completed_at);
    writes.with(step);
    if let Some(user) = row.assignee_id {
        let values = [
            writes.bind(user),
            writes.bind(format!("task:{}", row.id)),
            writes.bind(format!("New task: {}", task.title)),
            writes.bind(format!("{} is waiting for your {}.", task.phase.label(), task.kind.as_str().to_lowercase())),
            writes.bind(super::INBOX_LINK),
        ];
        writes.with(format!(
            "INSERT INTO notification (user_id, notification_key, subject, body, link, kind)
             SELECT {}, 'TASK' WHERE {going} ON CONFLICT (notification_key) DO NOTHING",
            values.join(", ")
        ));
    }
    let opened = NewEvent {
        cycle_id: scope.cycle_id,
        report_id: scope.report_id,
        execution_id: Some(scope.execution_id),
        phase: Some(task.phase),
        kind: EventKind::TaskOpened,
        status: "OPEN".to_owned(),
        detail: json!({ "taskId": row.id, "kind": task.kind.as_str(), "assigneeRole": task.assignee_role.as_str(),
                        "assigneeId": row.assignee_id, "title": task.title, "round": task.round }),
        key: format!("task:{}:opened", row.id),
    };
    events::insert_if(writes, &opened, &going)
}

/// The rest of a task decided as it opens (AUTO): its step, over as it starts (it waited for
/// nobody, so `waiting_ms` stays 0), and the event of its decision: it was never open to anyone.
/// Returns the statement's last part.
fn open_decided(
    writes: &mut Writes,
    scope: &ExecutionScope,
    task: &OpenTask,
    key: &str,
    row: &TaskRow,
    decision: &CloseTask,
) -> String {
    let execution = writes.bind(scope.execution_id);
    let step = step_insert(writes, &execution, task, key, row, "'COMPLETED'", "now()");
    writes.with(step);
    let mut event = completed_event(row, decision);
    event.report_id = scope.report_id;
    if let Some(detail) = event.detail.as_object_mut() {
        detail.insert("title".into(), task.title.clone().into());
        detail.insert("round".into(), task.round.into());
    }
    events::insert(writes, &[event])
}

/// The `INSERT` of a task's step in the run `execution` (a placeholder), with `status` and
/// `completed_at` as SQL expressions.
fn step_insert(
    writes: &mut Writes,
    execution: &str,
    task: &OpenTask,
    key: &str,
    row: &TaskRow,
    status: &str,
    completed_at: &str,
) -> String {
    let values = [
        execution.to_owned(),
        writes.bind(step_key(key)),
        writes.bind(task.phase.as_str()),
        writes.bind(task.title.clone()),
        writes.bind(i32::try_from(task.round).unwrap_or(1)),
        writes.bind(json!({ "taskId": row.id, "kind": task.kind.as_str() })),
    ];
    format!(
        "INSERT INTO workflow_step (execution_id, step_key, phase, name, attempt, detail, step_type, status, started_at,
                completed_at)
         VALUES ({}, 'HUMAN_TASK', {status}, now(), {completed_at})
         ON CONFLICT (execution_id, step_key) DO NOTHING",
        values.join(", ")
    )
}

/// Stores the task under `key` unless it is already stored (decided, when `decision` is given),
/// and returns it.
///
/// An undecided task is stored OPEN only while its run is going: its run's row is read under a
/// share lock, which a run's end (`tracking::runs::finish_execution`, whose first write is to that
/// row) waits for, and which waits for an end in progress. So either the end comes after the task
/// is stored and withdraws it, or the task sees the end and is stored CANCELLED: an opening that
/// meets a cancel leaves nobody an open task in a run that is over. A decided task takes no lock.
async fn insert_task(
    db: &impl ConnectionTrait,
    scope: &ExecutionScope,
    task: &OpenTask,
    key: &str,
    decision: Option<&CloseTask>,
) -> PhaseResult<TaskRow> {
    let stored: Vec<TaskRow> = rows(
        db,
        &written_or_stored(
            &format!(
                "INSERT INTO human_task (task_key, cycle_id, cycle_report_id, execution_id, phase, kind, title,
                    assignee_role, assignee_id, information_request_id, round, due_at, status, decision, comment,
                    decided_automatically, decided_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8,
                    -- A tester's step goes to the report's tester as assigned now, not at the run's start.
                    CASE WHEN $8 = 'TESTER' THEN (SELECT tester_id FROM cycle_report WHERE id = $3) ELSE $9 END,
                    $10, $11, now() + make_interval(hours => $12),
                    CASE WHEN $13::text IS NOT NULL THEN 'COMPLETED'
                         WHEN ({going}) THEN 'OPEN'
                         ELSE 'CANCELLED' END, $13, $14,
                    $13::text IS NOT NULL, CASE WHEN $13::text IS NOT NULL THEN now() END)
             ON CONFLICT (task_key) DO NOTHING",
                going = run_going("$4")
            ),
            "task_key = $1",
        ),
        vec![
            key.into(),
            scope.cycle_id.into(),
            scope.cycle_report_id.into(),
            scope.execution_id.into(),
            task.phase.as_str().into(),
            task.kind.as_str().into(),
            task.title.clone().into(),
            task.assignee_role.as_str().into(),
            task.assignee_id.into(),
            task.information_request_id.into(),
            i32::try_from(task.round).unwrap_or(1).into(),
            i32::try_from(task.sla_hours).unwrap_or(72).into(),
            decision.map(|d| d.decision.as_str().to_owned()).into(),
            decision.and_then(|d| d.comment.clone()).into(),
        ],
    )
    .await?;
    stored.into_iter().next().ok_or_else(|| super::PhaseError::Business(format!("task {key} could not be stored")))
}

/// The TASK_COMPLETED event of `task` decided by `decision`.
fn completed_event(task: &TaskRow, decision: &CloseTask) -> NewEvent {
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
    }
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

/// Records the decision (unless the API already did) and applies what it means for the phase.
pub async fn close(db: &impl ConnectionTrait, decision: CloseTask) -> PhaseResult<()> {
    // The decided row: as this update leaves it, or as the API already left it.
    let task = rows::<TaskRow>(
        db,
        &written_or_stored(
            "UPDATE human_task SET status = 'COMPLETED', decision = $2, comment = $3, payload = $4,
                    decided_by = $5, decided_automatically = $5 IS NULL, decided_at = now()
             WHERE id = $1 AND status = 'OPEN'",
            "id = $1",
        ),
        vec![
            decision.task_id.into(),
            decision.decision.as_str().into(),
            decision.comment.clone().into(),
            decision.payload.clone().into(),
            decision.decided_by.into(),
        ],
    )
    .await?
    .into_iter()
    .next()
    .ok_or_else(|| super::PhaseError::Business(format!("task {} does not exist", decision.task_id)))?;
    let mut writes = Writes::default();
    if let Some(execution) = task.execution_id {
        let (execution, key) = (writes.bind(execution), writes.bind(step_key(&task.task_key)));
        writes.with(format!(
            "UPDATE workflow_step SET status = 'COMPLETED', completed_at = COALESCE(completed_at, now()),
                    waiting_ms = (EXTRACT(EPOCH FROM (now() - started_at)) * 1000)::bigint
             WHERE execution_id = {execution} AND step_key = {key} AND status = 'WAITING'"
        ));
    }
    let insert = events::insert(&mut writes, &[completed_event(&task, &decision)]);
    writes.execute(db, &insert).await?;
    apply_effects(db, &task, &decision).await
}

/// What a decision changes in the phase's data. Idempotent: running it twice changes nothing more.
async fn apply_effects(db: &impl ConnectionTrait, task: &TaskRow, decision: &CloseTask) -> PhaseResult<()> {
    let Some(link) = task.cycle_report_id else { return Ok(()) };
    let approved = decision.decision == Decision::Approve;
    let payload = decision.payload.as_ref().unwrap_or(&serde_json::Value::Null);
    match (task.phase.as_str(), task.kind.as_str()) {
        ("SCOPING", "REVIEW") => scoping::apply_overrides(db, link, &read(payload)?).await?,
        ("SAMPLE_SELECTION", "APPROVAL") => sampling::decide(db, link, approved).await?,
        ("DATA_OWNER_IDENTIFICATION", "ASSIGNMENT") => {
            let by = decision.decided_by.or(task.decided_by).unwrap_or_default();
            owners::assign(db, link, &read(payload)?, by).await?;
        }
        ("REQUEST_FOR_INFORMATION", "EVIDENCE") if approved => {
            if let Some(request) = task.information_request_id {
                evidence::request_submitted(db, request).await?;
            }
        }
        ("OBSERVATION_MANAGEMENT", "APPROVAL") if approved => observations::approve(db, link, &read(payload)?).await?,
        ("FINALIZE_TEST_REPORT", "SIGN_OFF") if approved => {
            let by = decision.decided_by.or(task.decided_by);
            report::sign_off(db, link, &task.assignee_role, by, decision.comment.clone()).await?;
        }
        _ => {}
    }
    Ok(())
}

/// A decision's payload as its task reads it (none reads as the empty default). The API refuses
/// a payload that does not fit before the workflow sees it, so one failing here came another
/// way and is a business error: retrying would not make it fit.
fn read<T: serde::de::DeserializeOwned + Default>(payload: &serde_json::Value) -> PhaseResult<T> {
    if payload.is_null() {
        return Ok(T::default());
    }
    payloads::parse(payload).map_err(PhaseError::Business)
}
