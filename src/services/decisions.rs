//! People's decisions on human tasks and the evidence data owners submit: checked against the
//! task and the caller, forwarded to the waiting workflow, stored once the workflow accepted.

use entity::enums::{Decision, Role, TaskStatus};
use entity::{human_task, information_request, test_case, workflow_execution};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, DatabaseConnection, EntityTrait, TransactionTrait};
use serde_json::json;
use std::future::Future;
use std::time::Duration;
use temporalio_client::WorkflowExecuteUpdateOptions;
use temporalio_client::errors::WorkflowUpdateError;
use worker::messages::TaskDecision;
use worker::workflows::ReportTestingWorkflow;

use super::audit::{self, Entry};
use super::decision_payload;
use crate::auth::Viewer;
use crate::error::{AppError, AppResult};
use crate::temporal::Gateway;

/// Longest comment or evidence value accepted.
const MAX_TEXT: usize = 4000;

/// How long a person's answer keeps being offered to a workflow that has not yet begun waiting
/// for it: the row they act on (a task, a paused compensation) is written by an activity a moment
/// before the workflow sees the activity's result and starts waiting.
const OPENING_GRACE: Duration = Duration::from_secs(5);

/// A decision as sent by a person.
#[derive(Debug, Clone)]
pub struct NewDecision {
    pub decision: Decision,
    pub comment: Option<String>,
    pub payload: Option<serde_json::Value>,
}

/// Whether `viewer` may decide `task`: its assignee, anyone of its role when no one is named,
/// an admin, or (for observations) the report owner executive, who may override severity.
fn may_decide(viewer: &Viewer, task: &human_task::Model) -> bool {
    let addressed = match task.assignee_id {
        Some(assignee) => assignee == viewer.user_id,
        None => viewer.role == task.assignee_role,
    };
    let also = viewer.also_decides() == Some((task.phase, task.kind));
    viewer.role == Role::Admin || addressed || also
}

fn validate(decision: &NewDecision) -> AppResult<()> {
    let comment = decision.comment.as_deref().map(str::trim).unwrap_or_default();
    if decision.decision != Decision::Approve && comment.is_empty() {
        return Err(AppError::bad_input(
            "comment",
            "say what should change: REJECT and REQUEST_CHANGES need a comment",
        ));
    }
    if comment.chars().count() > MAX_TEXT {
        return Err(AppError::bad_input("comment", format!("a comment may be at most {MAX_TEXT} characters")));
    }
    Ok(())
}

/// Decides an open task: checks, forwards to the workflow (which validates it waits on this
/// task), then stores the decision and audits it. Returns the completed task.
pub async fn complete_task(
    db: &DatabaseConnection,
    gateway: &Gateway,
    viewer: &Viewer,
    task_id: i64,
    decision: NewDecision,
) -> AppResult<human_task::Model> {
    let task = human_task::Entity::find_by_id(task_id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("task {task_id}")))?;
    if !may_decide(viewer, &task) {
        return Err(AppError::Forbidden(format!("task {task_id} is not yours to decide")));
    }
    if task.status != TaskStatus::Open {
        return Err(AppError::Conflict(format!("task {task_id} is {}", task.status.as_str())));
    }
    validate(&decision)?;
    decision_payload::check(db, &task, decision.decision, decision.payload.as_ref()).await?;
    let execution_id =
        task.execution_id.ok_or_else(|| AppError::Conflict(format!("task {task_id} belongs to no workflow")))?;
    let execution = workflow_execution::Entity::find_by_id(execution_id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::Conflict(format!("task {task_id} belongs to no workflow")))?;

    let message = TaskDecision {
        task_id,
        decision: decision.decision,
        comment: decision.comment.clone(),
        payload: decision.payload.clone(),
        decided_by: viewer.user_id,
    };
    let client = gateway.client().await?;
    let handle = client.get_workflow_handle::<ReportTestingWorkflow>(execution.workflow_id.clone());
    let send = || {
        handle.execute_update(ReportTestingWorkflow::decide, message.clone(), WorkflowExecuteUpdateOptions::default())
    };
    forward(send, &format!("task {task_id} is not awaiting a decision")).await?;

    let txn = db.begin().await?;
    let mut row: human_task::ActiveModel = task.clone().into();
    if task.status == TaskStatus::Open {
        row.status = Set(TaskStatus::Completed);
        row.decision = Set(Some(decision.decision));
        row.comment = Set(decision.comment.clone());
        row.payload = Set(decision.payload.clone());
        row.decided_by = Set(Some(viewer.user_id));
        row.decided_at = Set(Some(chrono::Utc::now().fixed_offset()));
    }
    let stored = row.update(&txn).await?;
    let entry = Entry {
        action: "TASK_DECIDED",
        entity_type: "human_task",
        entity_id: task_id,
        detail: json!({ "decision": decision.decision.as_str(), "phase": task.phase.as_str(),
                        "kind": task.kind.as_str(), "payload": decision.payload }),
        reason: decision.comment,
    };
    audit::record(&txn, viewer, entry).await?;
    txn.commit().await?;
    Ok(stored)
}

/// Stores a new version of a test case's evidence from its data owner, while the request is open.
pub async fn submit_evidence(
    db: &DatabaseConnection,
    viewer: &Viewer,
    test_case_id: i64,
    value: &str,
    document_ref: Option<&str>,
) -> AppResult<test_case::Model> {
    let case = test_case::Entity::find_by_id(test_case_id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("test case {test_case_id}")))?;
    if viewer.role != Role::Admin && case.data_owner_id != Some(viewer.user_id) {
        return Err(AppError::Forbidden(format!("test case {test_case_id} is not routed to you")));
    }
    let value = value.trim();
    if value.is_empty() || value.chars().count() > MAX_TEXT {
        return Err(AppError::bad_input("value", format!("evidence must be 1 to {MAX_TEXT} characters")));
    }
    let request = match case.information_request_id {
        Some(id) => information_request::Entity::find_by_id(id).one(db).await?,
        None => None,
    };
    if !request.is_some_and(|r| matches!(r.status.as_str(), "SENT" | "ACKNOWLEDGED" | "OVERDUE")) {
        return Err(AppError::Conflict(format!("the request of test case {test_case_id} is no longer open")));
    }
    let txn = db.begin().await?;
    let version = worker::phases::evidence::submit(&txn, test_case_id, value, document_ref, viewer.user_id)
        .await
        .map_err(|err| AppError::Internal(err.into()))?;
    let entry = Entry {
        action: "EVIDENCE_SUBMITTED",
        entity_type: "test_case",
        entity_id: test_case_id,
        detail: json!({ "version": version, "documentRef": document_ref }),
        reason: None,
    };
    audit::record(&txn, viewer, entry).await?;
    txn.commit().await?;
    Ok(case)
}

/// An operator's answer to a phase paused by MANUAL_INTERVENTION: forwarded to the paused run,
/// which records it and resumes, retries, skips or aborts. TEST_MANAGER and ADMIN only.
pub async fn resolve_intervention(
    db: &DatabaseConnection,
    gateway: &Gateway,
    viewer: &Viewer,
    compensation_log_id: i64,
    action: worker::messages::OperatorAction,
) -> AppResult<entity::workflow_compensation_log::Model> {
    use entity::workflow_compensation_log as log;
    viewer.require(crate::auth::policy::Action::ControlWorkflows)?;
    let entry = log::Entity::find_by_id(compensation_log_id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("compensation {compensation_log_id}")))?;
    if entry.status != "AWAITING_OPERATOR" {
        return Err(AppError::Conflict(format!("compensation {compensation_log_id} is {}", entry.status)));
    }
    let execution = workflow_execution::Entity::find_by_id(entry.execution_id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::Conflict(format!("compensation {compensation_log_id} belongs to no workflow")))?;
    let client = gateway.client().await?;
    let handle = client.get_workflow_handle::<ReportTestingWorkflow>(execution.workflow_id.clone());
    let message = worker::messages::OperatorDecision { compensation_log_id, action, operator_id: viewer.user_id };
    let send = || {
        handle.execute_update(
            ReportTestingWorkflow::intervene,
            message.clone(),
            WorkflowExecuteUpdateOptions::default(),
        )
    };
    forward(send, &format!("compensation {compensation_log_id} is not awaiting an operator")).await?;
    let audit_entry = Entry {
        action: "INTERVENTION_RESOLVED",
        entity_type: "workflow_compensation_log",
        entity_id: compensation_log_id,
        detail: json!({ "action": action }),
        reason: None,
    };
    audit::record(db, viewer, audit_entry).await?;
    Ok(entry)
}

/// Sends a person's answer to the waiting workflow with `send`. A validator's rejection within
/// [`OPENING_GRACE`] is retried (the workflow may not be waiting yet); after it, it is a
/// CONFLICT with the validator's own reason, which names what is not awaited. A run no longer
/// running is a CONFLICT that starts with `not_waiting`.
async fn forward<T, Sent>(send: impl Fn() -> Sent, not_waiting: &str) -> AppResult<()>
where
    Sent: Future<Output = Result<T, WorkflowUpdateError>>,
{
    let deadline = tokio::time::Instant::now() + OPENING_GRACE;
    loop {
        match send().await {
            Ok(_) => return Ok(()),
            Err(WorkflowUpdateError::Failed(_)) if tokio::time::Instant::now() < deadline => {
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            Err(WorkflowUpdateError::Failed(failure)) => {
                return Err(AppError::Conflict(failure.message));
            }
            Err(WorkflowUpdateError::NotFound(_)) => {
                return Err(AppError::Conflict(format!("{not_waiting}: the workflow is no longer running")));
            }
            Err(other) => {
                tracing::warn!(error = %other, "forwarding a person's answer to a workflow failed");
                return Err(AppError::Unavailable("the workflow engine is unavailable".to_owned()));
            }
        }
    }
}
