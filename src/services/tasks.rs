//! The human task inbox.

use entity::enums::TaskStatus;
use entity::human_task;
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter};

use super::page::{self, Page, PageRequest};
use super::visibility::cycle_condition;
use crate::auth::Viewer;
use crate::error::AppResult;

/// Filters of the inbox.
#[derive(Debug, Clone, Copy, Default)]
pub struct TaskFilter {
    pub cycle_id: Option<i64>,
    /// Only open tasks (`Some(true)`), only closed ones (`Some(false)`), or both.
    pub open: Option<bool>,
    /// Only the tasks addressed to the viewer: assigned to them, or to their role and unassigned.
    pub mine: bool,
}

/// A page of the tasks the viewer may see. Managers and monitoring roles see every task of the
/// cycles they see; everyone else sees the tasks addressed to them.
pub async fn list(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    filter: TaskFilter,
    request: PageRequest,
) -> AppResult<Page<human_task::Model>> {
    let mut select = human_task::Entity::find();
    if let Some(cycle_id) = filter.cycle_id {
        select = select.filter(human_task::Column::CycleId.eq(cycle_id));
    }
    match filter.open {
        Some(true) => select = select.filter(human_task::Column::Status.eq(TaskStatus::Open)),
        Some(false) => select = select.filter(human_task::Column::Status.ne(TaskStatus::Open)),
        None => {}
    }
    if filter.mine || !viewer.sees_all_cycles() {
        select = select.filter(addressed_to(viewer));
    }
    if let Some(visible) = cycle_condition(viewer, "human_task.cycle_id") {
        // Tasks addressed to the viewer are visible even where the cycle otherwise is not.
        select = select.filter(Condition::any().add(visible).add(addressed_to(viewer)));
    }
    page::fetch(db, select, human_task::Column::Id, request).await
}

/// Tasks assigned to the viewer, or to the viewer's role with no one named, and those the
/// viewer's role may also decide (`Viewer::also_decides`).
pub fn addressed_to(viewer: &Viewer) -> Condition {
    let role_tasks = Condition::all()
        .add(human_task::Column::AssigneeId.is_null())
        .add(human_task::Column::AssigneeRole.eq(viewer.role));
    let mut condition = Condition::any().add(human_task::Column::AssigneeId.eq(viewer.user_id)).add(role_tasks);
    if let Some((phase, kind)) = viewer.also_decides() {
        condition = condition
            .add(Condition::all().add(human_task::Column::Phase.eq(phase)).add(human_task::Column::Kind.eq(kind)));
    }
    condition
}
