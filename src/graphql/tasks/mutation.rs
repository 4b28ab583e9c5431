//! `completeTask` and `submitEvidence`: people answering the workflow.

use async_graphql::{Context, ID, InputObject, Json, Object, Result};

use super::evidence::TestCase;
use super::types::HumanTask;
use crate::error::AppError;
use crate::graphql::context::{ContextExt, parse_id};
use crate::graphql::enums::Decision;
use crate::services::decisions::{self, NewDecision};
use crate::services::views;

/// A decision on a human task.
#[derive(InputObject)]
pub struct TaskDecisionInput {
    /// APPROVE, REJECT or REQUEST_CHANGES.
    decision: Decision,
    /// Why; required for REJECT and REQUEST_CHANGES (it goes back to the phase).
    comment: Option<String>,
    /// Structured changes, by task: planning APPROVAL sent back `{"exclude": [attribute name]}`;
    /// scoping REVIEW `{"overrides": [{"attribute", "inScope", "reason"}]}`; ASSIGNMENT
    /// `{"assignments": [{"attributeId", "lobId", "dataOwnerId"}]}`; observation APPROVAL
    /// `{"severityOverrides": [{"observationId", "severity", "reason"}]}`; other tasks none.
    /// What does not fit the task, or names what is not the report's, is BAD_USER_INPUT.
    payload: Option<Json<serde_json::Value>>,
}

/// Mutations answering human tasks.
#[derive(Default)]
pub struct TaskMutation;

#[Object]
impl TaskMutation {
    /// Decides an open task. The assignee (or anyone of the task's role when none is named)
    /// and admins may decide; answers with the completed task.
    async fn complete_task(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The task.")] task_id: ID,
        input: TaskDecisionInput,
    ) -> Result<HumanTask> {
        let viewer = ctx.viewer()?;
        let task_id = parse_id("taskId", &task_id)?;
        let decision = NewDecision {
            decision: input.decision.into(),
            comment: input.comment,
            payload: input.payload.map(|j| j.0),
        };
        Ok(HumanTask(decisions::complete_task(ctx.db(), ctx.gateway(), viewer, task_id, decision).await?))
    }

    /// Submits (a new version of) the evidence for a test case routed to the caller.
    async fn submit_evidence(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The test case.")] test_case_id: ID,
        #[graphql(desc = "The value in the system of record.")] value: String,
        #[graphql(desc = "Where the value can be checked (document, screen, query).")] document_ref: Option<String>,
    ) -> Result<TestCase> {
        let viewer = ctx.viewer()?;
        let id = parse_id("testCaseId", &test_case_id)?;
        decisions::submit_evidence(ctx.db(), viewer, id, &value, document_ref.as_deref()).await?;
        let view =
            views::test_case(ctx.db(), id).await?.ok_or_else(|| AppError::NotFound(format!("test case {id}")))?;
        Ok(TestCase(view))
    }
}
