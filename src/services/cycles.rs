//! Test cycles: listing what the viewer may see, creating cycles, adding reports to them and
//! assigning their testers.

use std::collections::HashSet;

use chrono::NaiveDate;
use entity::enums::{CycleStatus, Role, TaskStatus};
use entity::{app_user, cycle_report, human_task, report, test_cycle};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction,
    EntityTrait, QueryFilter, QuerySelect, TransactionTrait,
};
use serde_json::json;
use worker::events::{self, EventKind, NewEvent};

use super::audit::{self, Entry};
use super::page::{self, Page, PageRequest};
use super::visibility::cycle_condition;
use crate::auth::{Viewer, policy::Action};
use crate::error::{AppError, AppResult};

/// Longest cycle name accepted.
const MAX_NAME_LEN: usize = 200;

/// A page of the cycles the viewer may see, optionally of one status.
pub async fn list(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    status: Option<CycleStatus>,
    request: PageRequest,
) -> AppResult<Page<test_cycle::Model>> {
    let mut select = test_cycle::Entity::find();
    if let Some(status) = status {
        select = select.filter(test_cycle::Column::Status.eq(status));
    }
    if let Some(visible) = cycle_condition(viewer, "test_cycle.id") {
        select = select.filter(visible);
    }
    page::fetch(db, select, test_cycle::Column::Id, request).await
}

/// The cycle with this id, if the viewer may see it.
pub async fn find(db: &impl ConnectionTrait, viewer: &Viewer, id: i64) -> AppResult<Option<test_cycle::Model>> {
    let mut select = test_cycle::Entity::find_by_id(id);
    if let Some(visible) = cycle_condition(viewer, "test_cycle.id") {
        select = select.filter(visible);
    }
    Ok(select.one(db).await?)
}

/// BAD_USER_INPUT on `field` unless user `id` is active and holds `role` (called `role_name`).
async fn require_active(
    txn: &DatabaseTransaction,
    id: i64,
    role: Role,
    field: &'static str,
    role_name: &str,
) -> AppResult<()> {
    let user = app_user::Entity::find_by_id(id).one(txn).await?;
    if user.is_some_and(|u| u.role == role && u.active) {
        Ok(())
    } else {
        Err(AppError::bad_input(field, format!("user {id} is not an active {role_name}")))
    }
}

/// The cycle `cycle_id`, its row locked until `txn` ends so that changes to one cycle (its reports,
/// testers, settings, moves by hand) serialise: NOT_FOUND when there is none, CONFLICT once it is
/// over (completed or cancelled) and takes no more changes.
pub async fn lock_open(txn: &DatabaseTransaction, cycle_id: i64) -> AppResult<test_cycle::Model> {
    let cycle = test_cycle::Entity::find_by_id(cycle_id)
        .lock_exclusive()
        .one(txn)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("cycle {cycle_id}")))?;
    if matches!(cycle.status, CycleStatus::Completed | CycleStatus::Cancelled) {
        return Err(AppError::Conflict(format!(
            "cycle {cycle_id} is {} and takes no more changes",
            cycle.status.as_str()
        )));
    }
    Ok(cycle)
}

/// What a new cycle needs.
#[derive(Debug, Clone)]
pub struct NewCycle {
    pub name: String,
    pub description: String,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    /// The owning test manager; the creator when absent.
    pub test_manager_id: Option<i64>,
}

/// Creates a PLANNED cycle owned by a test manager.
pub async fn create(db: &DatabaseConnection, viewer: &Viewer, input: NewCycle) -> AppResult<test_cycle::Model> {
    viewer.require(Action::ManageCycles)?;
    let name = input.name.trim().to_owned();
    if name.is_empty() {
        return Err(AppError::bad_input("name", "name must not be empty"));
    }
    if name.chars().count() > MAX_NAME_LEN {
        return Err(AppError::bad_input("name", format!("name may be at most {MAX_NAME_LEN} characters")));
    }
    if input.end_date < input.start_date {
        return Err(AppError::bad_input("endDate", "endDate must not be before startDate"));
    }
    let manager_id = match input.test_manager_id {
        Some(id) => id,
        None if viewer.role == Role::TestManager => viewer.user_id,
        None => return Err(AppError::bad_input("testManagerId", "an admin must name the cycle's test manager")),
    };

    let txn = db.begin().await?;
    require_active(&txn, manager_id, Role::TestManager, "testManagerId", "test manager").await?;
    let cycle = test_cycle::ActiveModel {
        name: Set(name),
        description: Set(input.description.trim().to_owned()),
        test_manager_id: Set(manager_id),
        start_date: Set(input.start_date),
        end_date: Set(input.end_date),
        status: Set(CycleStatus::Planned),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let entry = Entry {
        action: "CYCLE_CREATED",
        entity_type: "test_cycle",
        entity_id: cycle.id,
        detail: json!({ "name": cycle.name, "startDate": cycle.start_date, "endDate": cycle.end_date,
                        "testManagerId": manager_id }),
        reason: None,
    };
    audit::record(&txn, viewer, entry).await?;
    txn.commit().await?;
    Ok(cycle)
}

/// Adds reports to a cycle that is still open. All or nothing: one unknown or already-added
/// report rejects the whole request and stores nothing.
pub async fn add_reports(
    db: &DatabaseConnection,
    viewer: &Viewer,
    cycle_id: i64,
    report_ids: &[i64],
) -> AppResult<test_cycle::Model> {
    viewer.require(Action::ManageCycles)?;
    if report_ids.is_empty() {
        return Err(AppError::bad_input("reportIds", "name at least one report"));
    }
    let unique: HashSet<i64> = report_ids.iter().copied().collect();
    if unique.len() != report_ids.len() {
        return Err(AppError::bad_input("reportIds", "a report is named more than once"));
    }

    let txn = db.begin().await?;
    let cycle = lock_open(&txn, cycle_id).await?;
    let found = report::Entity::find().filter(report::Column::Id.is_in(unique.iter().copied())).all(&txn).await?;
    if let Some(missing) = report_ids.iter().find(|id| !found.iter().any(|r| r.id == **id)) {
        return Err(AppError::bad_input("reportIds", format!("report {missing} does not exist")));
    }
    let already = cycle_report::Entity::find()
        .filter(cycle_report::Column::CycleId.eq(cycle_id))
        .filter(cycle_report::Column::ReportId.is_in(unique.iter().copied()))
        .all(&txn)
        .await?;
    if let Some(dup) = already.first() {
        return Err(AppError::Conflict(format!("report {} is already in cycle {cycle_id}", dup.report_id)));
    }
    let rows = report_ids.iter().map(|&report_id| cycle_report::ActiveModel {
        cycle_id: Set(cycle_id),
        report_id: Set(report_id),
        ..Default::default()
    });
    cycle_report::Entity::insert_many(rows).exec_without_returning(&txn).await?;
    let entry = Entry {
        action: "REPORTS_ADDED_TO_CYCLE",
        entity_type: "test_cycle",
        entity_id: cycle_id,
        detail: json!({ "reportIds": report_ids }),
        reason: None,
    };
    audit::record(&txn, viewer, entry).await?;
    txn.commit().await?;
    Ok(cycle)
}

/// Assigns `tester_id` (an active TESTER) to test `report_id` in `cycle_id`, or unassigns with
/// `None`. The report's tester steps go to them from now on: its open ones at once, and those a
/// running workflow opens later (the worker reads the assignment when it opens a step).
pub async fn assign_tester(
    db: &DatabaseConnection,
    viewer: &Viewer,
    cycle_id: i64,
    report_id: i64,
    tester_id: Option<i64>,
) -> AppResult<cycle_report::Model> {
    viewer.require(Action::ManageCycles)?;
    let txn = db.begin().await?;
    lock_open(&txn, cycle_id).await?;
    let link = cycle_report::Entity::find()
        .filter(cycle_report::Column::CycleId.eq(cycle_id))
        .filter(cycle_report::Column::ReportId.eq(report_id))
        .lock_exclusive()
        .one(&txn)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("report {report_id} in cycle {cycle_id}")))?;
    if let Some(id) = tester_id {
        require_active(&txn, id, Role::Tester, "testerId", "tester").await?;
    }
    let previous = link.tester_id;
    let mut active: cycle_report::ActiveModel = link.into();
    active.tester_id = Set(tester_id);
    active.updated_at = Set(chrono::Utc::now().into());
    let link = active.update(&txn).await?;
    hand_over_open_steps(&txn, &link, previous).await?;
    let entry = Entry {
        action: "TESTER_ASSIGNED",
        entity_type: "cycle_report",
        entity_id: link.id,
        detail: json!({ "cycleId": cycle_id, "reportId": report_id, "testerId": tester_id, "previousTesterId": previous }),
        reason: None,
    };
    audit::record(&txn, viewer, entry).await?;
    txn.commit().await?;
    Ok(link)
}

/// Moves the report's open tester steps to its tester as now assigned. Each inbox concerned
/// hears of it: the step is withdrawn from whom it was addressed to and opened for the new one.
async fn hand_over_open_steps(
    txn: &DatabaseTransaction,
    link: &cycle_report::Model,
    previous: Option<i64>,
) -> AppResult<()> {
    let open = human_task::Entity::find()
        .filter(human_task::Column::CycleReportId.eq(link.id))
        .filter(human_task::Column::AssigneeRole.eq(Role::Tester))
        .filter(human_task::Column::Status.eq(TaskStatus::Open))
        .all(txn)
        .await?;
    let stamp = chrono::Utc::now().timestamp_micros();
    for task in open {
        let mut active: human_task::ActiveModel = task.clone().into();
        active.assignee_id = Set(link.tester_id);
        active.update(txn).await?;
        let phase = Some(task.phase);
        let addressed = |assignee: Option<i64>| {
            json!({ "taskId": task.id, "kind": task.kind.as_str(), "assigneeRole": Role::Tester.as_str(),
                    "assigneeId": assignee, "title": task.title, "round": task.round, "reason": "REASSIGNED" })
        };
        for (kind, status, assignee, side) in [
            (EventKind::TaskCancelled, "REASSIGNED", previous, "withdrawn"),
            (EventKind::TaskOpened, "OPEN", link.tester_id, "opened"),
        ] {
            let event = NewEvent {
                cycle_id: link.cycle_id,
                report_id: Some(link.report_id),
                execution_id: task.execution_id,
                phase,
                kind,
                status: status.to_owned(),
                detail: addressed(assignee),
                key: format!("task:{}:reassigned:{stamp}:{side}", task.id),
            };
            events::append(txn, event).await?;
        }
    }
    Ok(())
}
