//! `cycles` and `cycle`: the cycles the viewer may see.

use async_graphql::{Context, ID, Object, Result};

use super::types::Cycle;
use crate::graphql::connection::{Conn, connection, page_request};
use crate::graphql::context::{ContextExt, parse_id};
use crate::graphql::enums::CycleStatus;
use crate::services::cycles;

/// Queries about cycles.
#[derive(Default)]
pub struct CycleQuery;

#[Object]
impl CycleQuery {
    /// The cycles the viewer may see, newest first.
    #[graphql(complexity = "first.unwrap_or(20).max(0) as usize * child_complexity")]
    async fn cycles(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Page size, at most 100 (default 20).")] first: Option<i32>,
        #[graphql(desc = "Cursor of the last edge already seen.")] after: Option<String>,
        #[graphql(desc = "Only cycles in this status.")] status: Option<CycleStatus>,
    ) -> Result<Conn<Cycle>> {
        let viewer = ctx.viewer()?;
        let request = page_request(first, after.as_deref())?;
        let page = cycles::list(ctx.db(), viewer, status.map(Into::into), request).await?;
        Ok(connection(page, after.is_some(), |c| c.id, Cycle))
    }

    /// One cycle; null when it does not exist or the viewer may not see it.
    async fn cycle(&self, ctx: &Context<'_>, #[graphql(desc = "The cycle's id.")] id: ID) -> Result<Option<Cycle>> {
        let viewer = ctx.viewer()?;
        let id = parse_id("id", &id)?;
        Ok(cycles::find(ctx.db(), viewer, id).await?.map(Cycle))
    }
}
