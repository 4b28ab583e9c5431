//! The `HumanTask` type, and the `InformationRequest` an evidence task answers.

use async_graphql::{Context, ID, Json, Object, Result};
use chrono::{DateTime, Utc};
use entity::{human_task, information_request};

use super::evidence::TestCase;
use crate::graphql::context::{load, load_group};
use crate::graphql::cycles::types::{Cycle, CycleReport};
use crate::graphql::enums::{Decision, Phase, Role, TaskKind, TaskStatus};
use crate::graphql::loaders::{CycleId, CycleReportId, ReportId, RequestId, TestCasesOfRequest, UserId};
use crate::graphql::reports::types::Report;
use crate::graphql::scalars::utc;
use crate::graphql::users::types::User;

/// A human step a workflow waits on: an approval, review, assignment, evidence or sign-off.
pub struct HumanTask(pub human_task::Model);

#[Object]
impl HumanTask {
    /// Opaque id.
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    /// What is asked, in a line.
    async fn title(&self) -> &str {
        &self.0.title
    }

    /// The cycle it belongs to.
    async fn cycle(&self, ctx: &Context<'_>) -> Result<Option<Cycle>> {
        Ok(load(ctx, CycleId(self.0.cycle_id)).await?.map(Cycle))
    }

    /// The report it is about, if it is about one.
    async fn report(&self, ctx: &Context<'_>) -> Result<Option<Report>> {
        let Some(link) = self.0.cycle_report_id else { return Ok(None) };
        let Some(link) = load(ctx, CycleReportId(link)).await? else { return Ok(None) };
        Ok(load(ctx, ReportId(link.report_id)).await?.map(Report))
    }

    /// The phase that waits on it.
    async fn phase(&self) -> Phase {
        self.0.phase.into()
    }

    /// What kind of step it is.
    async fn kind(&self) -> TaskKind {
        self.0.kind.into()
    }

    /// The role that may complete it.
    async fn assignee_role(&self) -> Role {
        self.0.assignee_role.into()
    }

    /// The person it is assigned to; null when anyone of the role may take it.
    async fn assignee(&self, ctx: &Context<'_>) -> Result<Option<User>> {
        let Some(id) = self.0.assignee_id else { return Ok(None) };
        Ok(load(ctx, UserId(id)).await?.map(User))
    }

    /// Review round (1 for the first, +1 after each REJECT or REQUEST_CHANGES).
    async fn round(&self) -> i32 {
        self.0.round
    }

    /// Where it stands.
    async fn status(&self) -> TaskStatus {
        self.0.status.into()
    }

    /// When it is due (its SLA).
    async fn due_at(&self) -> Option<DateTime<Utc>> {
        self.0.due_at.map(utc)
    }

    /// The decision taken, once completed.
    async fn decision(&self) -> Option<Decision> {
        self.0.decision.map(Into::into)
    }

    /// The decider's comment.
    async fn comment(&self) -> Option<&str> {
        self.0.comment.as_deref()
    }

    /// Structured data sent with the decision (e.g. scoping overrides).
    async fn payload(&self) -> Option<Json<&serde_json::Value>> {
        self.0.payload.as_ref().map(Json)
    }

    /// Who decided.
    async fn decided_by(&self, ctx: &Context<'_>) -> Result<Option<User>> {
        let Some(id) = self.0.decided_by else { return Ok(None) };
        Ok(load(ctx, UserId(id)).await?.map(User))
    }

    /// Whether the workflow decided it itself (AUTO approval mode).
    async fn decided_automatically(&self) -> bool {
        self.0.decided_automatically
    }

    /// When it was decided.
    async fn decided_at(&self) -> Option<DateTime<Utc>> {
        self.0.decided_at.map(utc)
    }

    /// When it was opened.
    async fn created_at(&self) -> DateTime<Utc> {
        utc(self.0.created_at)
    }

    /// The report of the cycle it is about, with what its phases produced (attributes, scoping,
    /// samples, data owners) for the person to review.
    async fn cycle_report(&self, ctx: &Context<'_>) -> Result<Option<CycleReport>> {
        let Some(id) = self.0.cycle_report_id else { return Ok(None) };
        Ok(load(ctx, CycleReportId(id)).await?.map(CycleReport))
    }

    /// For EVIDENCE tasks: the request for information it answers, with its status and due date.
    async fn request(&self, ctx: &Context<'_>) -> Result<Option<InformationRequest>> {
        let Some(request) = self.0.information_request_id else { return Ok(None) };
        Ok(load(ctx, RequestId(request)).await?.map(InformationRequest))
    }

    /// For EVIDENCE tasks: the test cases the data owner answers (empty for other kinds).
    async fn test_cases(&self, ctx: &Context<'_>) -> Result<Vec<TestCase>> {
        let Some(request) = self.0.information_request_id else { return Ok(Vec::new()) };
        Ok(load_group(ctx, TestCasesOfRequest(request)).await?.into_iter().map(TestCase).collect())
    }
}

/// A request for information: what a data owner is asked to answer for one report, by when.
pub struct InformationRequest(pub information_request::Model);

#[Object]
impl InformationRequest {
    /// Opaque id.
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    /// SENT, ACKNOWLEDGED (evidence has started to come in), SUBMITTED, OVERDUE (past its due
    /// date unanswered) or CLOSED (testing has used it).
    async fn status(&self) -> &str {
        &self.0.status
    }

    /// When the answer is due.
    async fn due_at(&self) -> DateTime<Utc> {
        utc(self.0.due_at)
    }

    /// When it was sent.
    async fn sent_at(&self) -> DateTime<Utc> {
        utc(self.0.sent_at)
    }

    /// When its data owner submitted it.
    async fn submitted_at(&self) -> Option<DateTime<Utc>> {
        self.0.submitted_at.map(utc)
    }

    /// The data owner asked.
    async fn data_owner(&self, ctx: &Context<'_>) -> Result<Option<User>> {
        Ok(load(ctx, UserId(self.0.data_owner_id)).await?.map(User))
    }
}
