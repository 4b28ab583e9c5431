//! Workflow executions as the tracking tables record them.

use entity::enums::ExecutionStatus;
use entity::workflow_execution;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use super::page::{self, Page, PageRequest};
use super::visibility::cycle_condition;
use crate::auth::Viewer;
use crate::error::AppResult;

/// Filters of the executions list.
#[derive(Debug, Clone, Copy, Default)]
pub struct ExecutionFilter {
    pub cycle_id: Option<i64>,
    pub status: Option<ExecutionStatus>,
}

/// A page of the executions the viewer may see.
pub async fn list(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    filter: ExecutionFilter,
    request: PageRequest,
) -> AppResult<Page<workflow_execution::Model>> {
    let mut select = workflow_execution::Entity::find();
    if let Some(cycle_id) = filter.cycle_id {
        select = select.filter(workflow_execution::Column::CycleId.eq(cycle_id));
    }
    if let Some(status) = filter.status {
        select = select.filter(workflow_execution::Column::Status.eq(status));
    }
    if let Some(visible) = cycle_condition(viewer, "workflow_execution.cycle_id") {
        select = select.filter(visible);
    }
    page::fetch(db, select, workflow_execution::Column::Id, request).await
}

/// The execution with this id, if the viewer may see it.
pub async fn find(db: &impl ConnectionTrait, viewer: &Viewer, id: i64) -> AppResult<Option<workflow_execution::Model>> {
    let mut select = workflow_execution::Entity::find_by_id(id);
    if let Some(visible) = cycle_condition(viewer, "workflow_execution.cycle_id") {
        select = select.filter(visible);
    }
    Ok(select.one(db).await?)
}

/// Executions per workflow version: `(version, all, running)`.
pub async fn count_by_version(db: &impl ConnectionTrait) -> AppResult<Vec<(String, i64, i64)>> {
    use sea_orm::QuerySelect;
    use sea_orm::sea_query::Expr;
    Ok(workflow_execution::Entity::find()
        .select_only()
        .column(workflow_execution::Column::Version)
        .column_as(Expr::cust("count(*)"), "all")
        .column_as(Expr::cust("count(*) FILTER (WHERE status = 'RUNNING')"), "running")
        .group_by(workflow_execution::Column::Version)
        .into_tuple()
        .all(db)
        .await?)
}
