//! Workflow alerts (slow steps, failures, compensations, SLA reminders and escalations) for the
//! monitoring dashboard: listed newest first, and acknowledged by whoever deals with one.

use entity::{workflow_alert, workflow_execution};
use sea_orm::sea_query::Query;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QuerySelect, TransactionTrait,
};
use serde_json::json;

use super::audit::{self, Entry};
use super::page::{self, Page, PageRequest};
use crate::auth::{Viewer, policy::Action};
use crate::error::{AppError, AppResult};

/// Which alerts to list.
#[derive(Debug, Clone, Copy, Default)]
pub struct AlertFilter {
    /// Only unacknowledged ones.
    pub open_only: bool,
    /// Only those of this cycle's runs.
    pub cycle_id: Option<i64>,
}

/// A page of alerts, newest first; monitoring roles only.
pub async fn list(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    filter: AlertFilter,
    request: PageRequest,
) -> AppResult<Page<workflow_alert::Model>> {
    viewer.require(Action::Monitor)?;
    let mut select = workflow_alert::Entity::find();
    if filter.open_only {
        select = select.filter(workflow_alert::Column::AcknowledgedAt.is_null());
    }
    if let Some(cycle) = filter.cycle_id {
        let runs = Query::select()
            .column(workflow_execution::Column::Id)
            .from(workflow_execution::Entity)
            .and_where(workflow_execution::Column::CycleId.eq(cycle))
            .to_owned();
        select = select.filter(workflow_alert::Column::ExecutionId.in_subquery(runs));
    }
    page::fetch(db, select, workflow_alert::Column::Id, request).await
}

/// Acknowledges an open alert (monitoring roles); audited. CONFLICT when already acknowledged.
pub async fn acknowledge(db: &DatabaseConnection, viewer: &Viewer, alert_id: i64) -> AppResult<workflow_alert::Model> {
    viewer.require(Action::Monitor)?;
    let txn = db.begin().await?;
    let alert = workflow_alert::Entity::find_by_id(alert_id)
        .lock_exclusive()
        .one(&txn)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("alert {alert_id}")))?;
    if alert.acknowledged_at.is_some() {
        return Err(AppError::Conflict(format!("alert {alert_id} is already acknowledged")));
    }
    let mut active: workflow_alert::ActiveModel = alert.into();
    active.acknowledged_by = Set(Some(viewer.user_id));
    active.acknowledged_at = Set(Some(chrono::Utc::now().into()));
    let alert = active.update(&txn).await?;
    let entry = Entry {
        action: "ALERT_ACKNOWLEDGED",
        entity_type: "workflow_alert",
        entity_id: alert.id,
        detail: json!({ "alertType": alert.alert_type, "executionId": alert.execution_id }),
        reason: None,
    };
    audit::record(&txn, viewer, entry).await?;
    txn.commit().await?;
    Ok(alert)
}
