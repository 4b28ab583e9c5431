//! `acknowledgeAlert`.

use async_graphql::{Context, ID, Object, Result};

use super::types::WorkflowAlert;
use crate::graphql::context::{ContextExt, parse_id};
use crate::services::alerts;

/// Mutations on workflow alerts.
#[derive(Default)]
pub struct AlertMutation;

#[Object]
impl AlertMutation {
    /// Acknowledges an open alert: someone is dealing with it. Monitoring roles only; CONFLICT
    /// when it is already acknowledged.
    async fn acknowledge_alert(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The alert.")] alert_id: ID,
    ) -> Result<WorkflowAlert> {
        let viewer = ctx.viewer()?;
        let alert_id = parse_id("alertId", &alert_id)?;
        Ok(WorkflowAlert(alerts::acknowledge(ctx.db(), viewer, alert_id).await?))
    }
}
