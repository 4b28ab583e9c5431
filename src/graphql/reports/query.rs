//! `reports`: browsing the report inventory.

use async_graphql::{Context, Object, Result};

use super::types::Report;
use crate::graphql::connection::{Conn, connection, page_request};
use crate::graphql::context::ContextExt;
use crate::services::reports;

/// Queries about reports.
#[derive(Default)]
pub struct ReportQuery;

#[Object]
impl ReportQuery {
    /// Every report, newest first.
    #[graphql(complexity = "first.unwrap_or(20).max(0) as usize * child_complexity")]
    async fn reports(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Page size, at most 100 (default 20).")] first: Option<i32>,
        #[graphql(desc = "Cursor of the last edge already seen.")] after: Option<String>,
    ) -> Result<Conn<Report>> {
        ctx.viewer()?;
        let request = page_request(first, after.as_deref())?;
        let page = reports::list(ctx.db(), request).await?;
        Ok(connection(page, after.is_some(), |r| r.id, Report))
    }
}
