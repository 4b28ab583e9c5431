//! Compensation logs: what a failed phase undid, kept and told.

use entity::workflow_compensation_log as log;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use super::page::{self, Page, PageRequest};
use crate::auth::{Viewer, policy::Action};
use crate::error::AppResult;

/// A page of compensation logs, of one execution or of all; monitoring roles only.
pub async fn list(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    execution_id: Option<i64>,
    request: PageRequest,
) -> AppResult<Page<log::Model>> {
    viewer.require(Action::Monitor)?;
    let mut select = log::Entity::find();
    if let Some(execution_id) = execution_id {
        select = select.filter(log::Column::ExecutionId.eq(execution_id));
    }
    page::fetch(db, select, log::Column::Id, request).await
}
