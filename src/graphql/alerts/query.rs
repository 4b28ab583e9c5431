//! `workflowAlerts`.

use async_graphql::{Context, ID, Object, Result};

use super::types::WorkflowAlert;
use crate::graphql::connection::{Conn, connection, page_request};
use crate::graphql::context::{ContextExt, parse_id};
use crate::services::alerts::{self, AlertFilter};

/// Queries about workflow alerts.
#[derive(Default)]
pub struct AlertQuery;

#[Object]
impl AlertQuery {
    /// Workflow alerts, newest first. Monitoring roles only.
    #[graphql(complexity = "first.unwrap_or(20).max(0) as usize * child_complexity")]
    async fn workflow_alerts(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Page size, at most 100 (default 20).")] first: Option<i32>,
        #[graphql(desc = "Cursor of the last edge already seen.")] after: Option<String>,
        #[graphql(desc = "true: only those not yet acknowledged.")] open: Option<bool>,
        #[graphql(desc = "Only those of this cycle's runs.")] cycle_id: Option<ID>,
    ) -> Result<Conn<WorkflowAlert>> {
        let viewer = ctx.viewer()?;
        let request = page_request(first, after.as_deref())?;
        let filter = AlertFilter {
            open_only: open.unwrap_or(false),
            cycle_id: cycle_id.as_ref().map(|id| parse_id("cycleId", id)).transpose()?,
        };
        let page = alerts::list(ctx.db(), viewer, filter, request).await?;
        Ok(connection(page, after.is_some(), |a| a.id, WorkflowAlert))
    }
}
