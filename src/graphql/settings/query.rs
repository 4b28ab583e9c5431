//! `workflowSettings`.

use async_graphql::{Context, ID, Object, Result};

use super::types::WorkflowSettings;
use crate::graphql::context::{ContextExt, parse_id};
use crate::services::settings;

/// Queries about workflow settings.
#[derive(Default)]
pub struct SettingsQuery;

#[Object]
impl SettingsQuery {
    /// The settings the cycle's next run starts under (a cycle the viewer sees), or without a
    /// cycle the defaults (managers and monitoring roles).
    async fn workflow_settings(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The cycle; leave out for the defaults.")] cycle_id: Option<ID>,
    ) -> Result<WorkflowSettings> {
        let viewer = ctx.viewer()?;
        let cycle_id = cycle_id.as_ref().map(|id| parse_id("cycleId", id)).transpose()?;
        Ok(WorkflowSettings(settings::read(ctx.db(), viewer, cycle_id).await?))
    }
}
