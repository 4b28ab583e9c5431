//! Cycles advanced phase by phase by hand, without Temporal (seed, "Important Notes": existing
//! workflows keep working without it; DOMAIN.md: "a cycle can still be advanced phase by phase by
//! hand; Temporal is used for cycles whose workflow was started"). A test manager moves one report
//! of a cycle to its next phase, recording who, when and why; dashboards hear of it as phase
//! events. A cycle is driven one way or the other: once its workflow has started, its phases move
//! with the workflow, and once a report has moved by hand, the workflow is not started for it.
//! (A start and a move sent at the same moment are not excluded: a start writes its execution row
//! only once Temporal has accepted it, and holding the cycle's lock across that call would stall
//! every other change to the cycle while Temporal answers.)

use entity::enums::{CycleReportStatus, CycleStatus, Phase};
use entity::{cycle_report, test_cycle, workflow_execution};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait,
    QueryFilter, TransactionTrait,
};
use serde_json::json;
use worker::events::{self, EventKind, NewEvent};

use super::audit::{self, Entry};
use super::cycles;
use crate::auth::{Viewer, policy::Action};
use crate::error::{AppError, AppResult};

/// Longest note accepted with a move.
const MAX_NOTE_LEN: usize = 2000;

/// The phase after `current` (the first when the report has not started), or `None` after the last.
pub fn next_phase(current: Option<Phase>) -> Option<Phase> {
    match current {
        None => Some(Phase::ALL[0]),
        Some(phase) => Phase::ALL.iter().position(|p| *p == phase).and_then(|i| Phase::ALL.get(i + 1).copied()),
    }
}

/// Whether any report of `cycle_id` has been moved by hand (it has a phase but the cycle no run).
pub async fn advanced_by_hand(db: &impl ConnectionTrait, cycle_id: i64) -> AppResult<bool> {
    Ok(cycle_report::Entity::find()
        .filter(cycle_report::Column::CycleId.eq(cycle_id))
        .filter(cycle_report::Column::CurrentPhase.is_not_null())
        .filter(cycle_report::Column::WorkflowId.is_null())
        .count(db)
        .await?
        > 0)
}

/// Moves `report_id` of `cycle_id` to its next phase, or completes it after the last; completes
/// the cycle once every report is complete. TEST_MANAGER and ADMIN; CONFLICT for a cycle that is
/// over or runs as a workflow, and for a report already complete.
pub async fn advance(
    db: &DatabaseConnection,
    viewer: &Viewer,
    cycle_id: i64,
    report_id: i64,
    note: Option<String>,
) -> AppResult<cycle_report::Model> {
    viewer.require(Action::ManageCycles)?;
    let note = note.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty());
    if note.as_ref().is_some_and(|n| n.chars().count() > MAX_NOTE_LEN) {
        return Err(AppError::bad_input("note", format!("note may be at most {MAX_NOTE_LEN} characters")));
    }
    let txn = db.begin().await?;
    // Locked: two moves of one cycle's reports serialise, so the cycle's status follows them all.
    let cycle = cycles::lock_open(&txn, cycle_id).await?;
    let runs =
        workflow_execution::Entity::find().filter(workflow_execution::Column::CycleId.eq(cycle_id)).count(&txn).await?;
    if runs > 0 {
        return Err(AppError::Conflict(format!("cycle {cycle_id} runs as a workflow: its phases move with it")));
    }
    let link = cycle_report::Entity::find()
        .filter(cycle_report::Column::CycleId.eq(cycle_id))
        .filter(cycle_report::Column::ReportId.eq(report_id))
        .one(&txn)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("report {report_id} in cycle {cycle_id}")))?;
    if link.status == CycleReportStatus::Complete {
        return Err(AppError::Conflict(format!("report {report_id} is complete in cycle {cycle_id}")));
    }
    let from = link.current_phase;
    let to = next_phase(from);
    let mut active: cycle_report::ActiveModel = link.clone().into();
    match to {
        Some(phase) => {
            active.current_phase = Set(Some(phase));
            active.status = Set(CycleReportStatus::InProgress);
        }
        None => active.status = Set(CycleReportStatus::Complete),
    }
    active.updated_at = Set(chrono::Utc::now().into());
    let link = active.update(&txn).await?;

    let detail = json!({ "byHand": true, "by": viewer.user_id, "note": note });
    let stamp = chrono::Utc::now().timestamp_micros();
    let event = |phase: Phase, kind: EventKind, status: &str| NewEvent {
        cycle_id,
        report_id: Some(report_id),
        execution_id: None,
        phase: Some(phase),
        kind,
        status: status.to_owned(),
        detail: detail.clone(),
        key: format!("by-hand:{}:{}:{}:{stamp}", link.id, phase.as_str(), kind.as_str()),
    };
    if let Some(done) = from {
        events::append(&txn, event(done, EventKind::PhaseCompleted, "COMPLETED")).await?;
    }
    if let Some(next) = to {
        events::append(&txn, event(next, EventKind::PhaseStarted, "RUNNING")).await?;
    }

    let unfinished = cycle_report::Entity::find()
        .filter(cycle_report::Column::CycleId.eq(cycle_id))
        .filter(cycle_report::Column::Status.ne(CycleReportStatus::Complete))
        .count(&txn)
        .await?;
    let status = if unfinished == 0 { CycleStatus::Completed } else { CycleStatus::Active };
    if cycle.status != status {
        let mut active: test_cycle::ActiveModel = cycle.into();
        active.status = Set(status);
        active.updated_at = Set(chrono::Utc::now().into());
        active.update(&txn).await?;
    }
    let entry = Entry {
        action: "REPORT_ADVANCED_BY_HAND",
        entity_type: "cycle_report",
        entity_id: link.id,
        detail: json!({ "cycleId": cycle_id, "reportId": report_id, "from": from.map(Phase::as_str),
                        "to": to.map(Phase::as_str), "complete": to.is_none() }),
        reason: note,
    };
    audit::record(&txn, viewer, entry).await?;
    txn.commit().await?;
    Ok(link)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phases_follow_in_order_and_end_after_the_last() {
        assert_eq!(next_phase(None), Some(Phase::Planning));
        assert_eq!(next_phase(Some(Phase::Scoping)), Some(Phase::SampleSelection));
        assert_eq!(next_phase(Some(Phase::FinalizeTestReport)), None);
    }
}
