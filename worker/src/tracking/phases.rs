//! A phase's step rows and the transitions between phases, recorded as the workflow moves.

use entity::enums::{Phase, StepStatus};
use sea_orm::{DatabaseConnection, DbErr};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::ExecutionScope;
use crate::events::{self, EventKind, NewEvent};
use crate::statement::Writes;

/// How one phase moved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PhaseChange {
    pub scope: ExecutionScope,
    pub phase: Phase,
    pub status: StepStatus,
    /// Review round (1 for the first pass).
    pub round: u32,
    /// The transition this change makes, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transition: Option<Transition>,
    pub detail: serde_json::Value,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// A move between phases.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Transition {
    pub from: Option<Phase>,
    pub to: Option<Phase>,
    /// START, SEQUENTIAL, PARALLEL_FORK, PARALLEL_JOIN, SKIP, LOOP_BACK, COMPENSATION or END.
    pub kind: String,
}

/// Records a phase step's new status, the transition it makes, and the event dashboards show:
/// one statement, so one round trip and one commit.
pub async fn record_phase(db: &DatabaseConnection, change: PhaseChange) -> Result<(), DbErr> {
    let scope = &change.scope;
    let status = change.status.as_str();
    let starting = matches!(change.status, StepStatus::Running);
    let mut writes = Writes::default();
    let execution = writes.bind(scope.execution_id);
    let phase = writes.bind(change.phase.as_str());
    let key = writes.bind(format!("phase:{}", change.phase.as_str()));
    let label = writes.bind(change.phase.label());
    let step_status = writes.bind(status);
    let attempt = writes.bind(i32::try_from(change.round).unwrap_or(i32::MAX));
    let error = writes.bind(change.error.clone());
    let detail = writes.bind(change.detail.clone());
    // A phase that starts has no end yet; any other change ends it now.
    let completed_at = if starting { "NULL::timestamptz" } else { "now()" };
    writes.with(format!(
        "INSERT INTO workflow_step (execution_id, step_key, phase, name, step_type, status, attempt, started_at,
                completed_at, error, detail)
         VALUES ({execution}, {key}, {phase}, {label}, 'PHASE', {step_status}, {attempt}, now(), {completed_at},
                 {error}, {detail})
         ON CONFLICT (execution_id, step_key) DO UPDATE SET
            status = EXCLUDED.status, attempt = EXCLUDED.attempt, completed_at = EXCLUDED.completed_at,
            error = EXCLUDED.error, detail = workflow_step.detail || EXCLUDED.detail"
    ));
    if let Some(transition) = &change.transition {
        let key = format!(
            "{}->{}:{}:{}",
            transition.from.map_or("START", Phase::as_str),
            transition.to.map_or("END", Phase::as_str),
            transition.kind,
            change.round
        );
        let values = [
            writes.bind(key),
            writes.bind(transition.from.map(|p| p.as_str().to_owned())),
            writes.bind(transition.to.map(|p| p.as_str().to_owned())),
            writes.bind(transition.kind.clone()),
            writes.bind(json!({ "round": change.round })),
        ];
        writes.with(format!(
            "INSERT INTO workflow_transition (execution_id, transition_key, from_phase, to_phase, transition_type, detail)
             VALUES ({execution}, {}) ON CONFLICT (execution_id, transition_key) DO NOTHING",
            values.join(", ")
        ));
    }
    if starting {
        writes.with(format!(
            "UPDATE workflow_execution SET current_phase = {phase}, updated_at = now() WHERE id = {execution}"
        ));
        if let Some(link) = scope.cycle_report_id {
            let link = writes.bind(link);
            writes
                .with(format!("UPDATE cycle_report SET current_phase = {phase}, updated_at = now() WHERE id = {link}"));
        }
    }
    let kind = match change.status {
        StepStatus::Running => EventKind::PhaseStarted,
        StepStatus::Completed => EventKind::PhaseCompleted,
        StepStatus::Skipped => EventKind::PhaseSkipped,
        StepStatus::Compensated => EventKind::Compensated,
        _ => EventKind::PhaseFailed,
    };
    let mut detail = change.detail.clone();
    if let (Some(error), Some(map)) = (&change.error, detail.as_object_mut()) {
        map.insert("error".into(), error.clone().into());
    }
    let event = NewEvent {
        cycle_id: scope.cycle_id,
        report_id: scope.report_id,
        execution_id: Some(scope.execution_id),
        phase: Some(change.phase),
        kind,
        status: status.to_owned(),
        detail,
        key: format!("{}:{}:{}:{}", scope.execution_id, change.phase.as_str(), status, change.round),
    };
    let insert = events::insert(&mut writes, &[event]);
    writes.execute(db, &insert).await.map(drop)
}
