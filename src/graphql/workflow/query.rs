//! Queries over tracked workflow runs: executions, monitoring figures, compensation logs,
//! versions.

use async_graphql::{Context, ID, Object, Result};
use chrono::{DateTime, Utc};
use worker::versions::WorkflowVersion;

use super::metrics::WorkflowMetrics;
use super::types::{CompensationLog, WorkflowExecution};
use super::versions::WorkflowVersionInfo;
use crate::graphql::connection::{Conn, connection, page_request};
use crate::graphql::context::{ContextExt, parse_id};
use crate::graphql::enums::ExecutionStatus;
use crate::services::compensation;
use crate::services::executions::{self, ExecutionFilter};
use crate::services::metrics::{self, Window};

/// Queries about workflow runs.
#[derive(Default)]
pub struct WorkflowQuery;

#[Object]
impl WorkflowQuery {
    /// One execution; null when it does not exist or the viewer may not see its cycle.
    async fn workflow_execution(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The execution's id.")] id: ID,
    ) -> Result<Option<WorkflowExecution>> {
        let viewer = ctx.viewer()?;
        let id = parse_id("id", &id)?;
        Ok(executions::find(ctx.db(), viewer, id).await?.map(WorkflowExecution))
    }

    /// Executions of the cycles the viewer may see, newest first.
    #[graphql(complexity = "first.unwrap_or(20).max(0) as usize * child_complexity")]
    async fn workflow_executions(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Page size, at most 100 (default 20).")] first: Option<i32>,
        #[graphql(desc = "Cursor of the last edge already seen.")] after: Option<String>,
        #[graphql(desc = "Only executions of this cycle.")] cycle_id: Option<ID>,
        #[graphql(desc = "Only executions in this status.")] status: Option<ExecutionStatus>,
    ) -> Result<Conn<WorkflowExecution>> {
        let viewer = ctx.viewer()?;
        let request = page_request(first, after.as_deref())?;
        let cycle_id = cycle_id.as_ref().map(|id| parse_id("cycleId", id)).transpose()?;
        let filter = ExecutionFilter { cycle_id, status: status.map(Into::into) };
        let page = executions::list(ctx.db(), viewer, filter, request).await?;
        Ok(connection(page, after.is_some(), |e| e.id, WorkflowExecution))
    }

    /// Monitoring figures over the runs started between `from` and `to` (inclusive): totals by
    /// status, success rate, per-phase durations, bottlenecks and a daily trend; monitoring roles
    /// only.
    async fn workflow_metrics(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Start of the window (default: 30 days before `to`).")] from: Option<DateTime<Utc>>,
        #[graphql(desc = "End of the window, inclusive (default: now); not before `from`.")] to: Option<DateTime<Utc>>,
    ) -> Result<WorkflowMetrics> {
        let viewer = ctx.viewer()?;
        let now = Utc::now();
        let window = Window::new(from, to, now)?;
        Ok(metrics::workflow_metrics(ctx.db(), viewer, window, now).await?.into())
    }

    /// Compensation logs, newest first; monitoring roles only.
    #[graphql(complexity = "first.unwrap_or(20).max(0) as usize * child_complexity")]
    async fn compensation_logs(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Page size, at most 100 (default 20).")] first: Option<i32>,
        #[graphql(desc = "Cursor of the last edge already seen.")] after: Option<String>,
        #[graphql(desc = "Only logs of this execution.")] execution_id: Option<ID>,
    ) -> Result<Conn<CompensationLog>> {
        let viewer = ctx.viewer()?;
        let request = page_request(first, after.as_deref())?;
        let execution_id = execution_id.as_ref().map(|id| parse_id("executionId", id)).transpose()?;
        let page = compensation::list(ctx.db(), viewer, execution_id, request).await?;
        Ok(connection(page, after.is_some(), |c| c.id, CompensationLog))
    }

    /// The workflow versions this build knows, oldest first, with how many runs use each.
    async fn workflow_versions(&self, ctx: &Context<'_>) -> Result<Vec<WorkflowVersionInfo>> {
        ctx.viewer()?;
        let counts = executions::count_by_version(ctx.db()).await?;
        Ok(WorkflowVersion::ALL
            .into_iter()
            .map(|version| {
                let (all, running) = counts
                    .iter()
                    .find(|(v, _, _)| v == version.as_str())
                    .map_or((0, 0), |(_, all, running)| (*all, *running));
                WorkflowVersionInfo::new(version, all, running)
            })
            .collect())
    }
}
