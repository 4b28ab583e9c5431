//! `tasks`: the inbox.

use async_graphql::{Context, ID, Object, Result};

use super::types::HumanTask;
use crate::graphql::connection::{Conn, connection, page_request};
use crate::graphql::context::{ContextExt, parse_id};
use crate::services::tasks::{self, TaskFilter};

/// Queries about human tasks.
#[derive(Default)]
pub struct TaskQuery;

#[Object]
impl TaskQuery {
    /// Human tasks, newest first: everything in the viewer's cycles for managers and monitoring
    /// roles, the tasks addressed to them for everyone else.
    #[graphql(complexity = "first.unwrap_or(20).max(0) as usize * child_complexity")]
    async fn tasks(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Page size, at most 100 (default 20).")] first: Option<i32>,
        #[graphql(desc = "Cursor of the last edge already seen.")] after: Option<String>,
        #[graphql(desc = "Only tasks of this cycle.")] cycle_id: Option<ID>,
        #[graphql(desc = "true: only open tasks; false: only closed ones.")] open: Option<bool>,
        #[graphql(
            desc = "Only tasks addressed to the viewer (personally or by role), and those their role may also decide (a report owner executive: observation approvals)."
        )]
        mine: Option<bool>,
    ) -> Result<Conn<HumanTask>> {
        let viewer = ctx.viewer()?;
        let request = page_request(first, after.as_deref())?;
        let cycle_id = cycle_id.as_ref().map(|id| parse_id("cycleId", id)).transpose()?;
        let filter = TaskFilter { cycle_id, open, mine: mine.unwrap_or(false) };
        let page = tasks::list(ctx.db(), viewer, filter, request).await?;
        Ok(connection(page, after.is_some(), |t| t.id, HumanTask))
    }
}
