//! The `WorkflowAlert` type.

use async_graphql::{Context, ID, Object, Result};
use chrono::{DateTime, Utc};
use entity::workflow_alert;

use crate::graphql::context::load;
use crate::graphql::loaders::{ExecutionId, UserId};
use crate::graphql::scalars::utc;
use crate::graphql::users::types::User;
use crate::graphql::workflow::types::WorkflowExecution;

/// Something a dashboard should draw attention to: a slow step, a failed run, a compensation, an
/// SLA reminder or escalation.
pub struct WorkflowAlert(pub workflow_alert::Model);

#[Object]
impl WorkflowAlert {
    /// Opaque id.
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    /// SLOW_STEP, FAILURE, COMPENSATION, MANUAL_INTERVENTION, SLA_WARNING or SLA_BREACH.
    async fn alert_type(&self) -> &str {
        &self.0.alert_type
    }

    /// INFO, WARNING or CRITICAL.
    async fn severity(&self) -> &str {
        &self.0.severity
    }

    /// What happened, in a sentence.
    async fn message(&self) -> &str {
        &self.0.message
    }

    /// The run it is about.
    async fn execution(&self, ctx: &Context<'_>) -> Result<Option<WorkflowExecution>> {
        let Some(id) = self.0.execution_id else { return Ok(None) };
        Ok(load(ctx, ExecutionId(id)).await?.map(WorkflowExecution))
    }

    /// When it was raised.
    async fn created_at(&self) -> DateTime<Utc> {
        utc(self.0.created_at)
    }

    /// Who acknowledged it; null while open.
    async fn acknowledged_by(&self, ctx: &Context<'_>) -> Result<Option<User>> {
        let Some(id) = self.0.acknowledged_by else { return Ok(None) };
        Ok(load(ctx, UserId(id)).await?.map(User))
    }

    /// When it was acknowledged; null while open.
    async fn acknowledged_at(&self) -> Option<DateTime<Utc>> {
        self.0.acknowledged_at.map(utc)
    }
}
