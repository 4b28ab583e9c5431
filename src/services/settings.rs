//! The settings workflows start under (DOMAIN.md: compensation "editable per cycle", retry
//! policies "editable", sample size "from config"): reading them, and changing a cycle's own
//! (TEST_MANAGER, ADMIN) or the defaults every cycle starts from (ADMIN). A run already under way
//! keeps the settings it started with; they travel in its workflow input.

use std::collections::HashSet;

use entity::enums::{CompensationAction, Phase};
use entity::{phase_setting, retry_policy, test_cycle};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, TransactionTrait,
};
use serde_json::json;
use worker::settings::{ActivityKind, Backoff, RetrySettings, WorkflowSettings, allowed_compensations};

use super::audit::{self, Entry};
use super::cycles;
use crate::auth::{Viewer, policy::Action};
use crate::error::{AppError, AppResult};

/// Most review rounds a phase may be given.
pub const MAX_REVIEW_ROUNDS: i32 = 10;
/// Longest SLA a human step may be given: a year.
pub const MAX_SLA_HOURS: i32 = 24 * 365;
/// Longest wait between attempts a retry policy may set: an hour.
pub const MAX_INTERVAL_MS: i64 = 3_600_000;

/// The settings of a cycle's next run, or the defaults, with which phases the cycle overrides.
#[derive(Debug, Clone)]
pub struct SettingsView {
    pub cycle_id: Option<i64>,
    pub settings: WorkflowSettings,
    pub overridden: Vec<Phase>,
}

/// A change to one phase's settings; what is left out stays as it is.
#[derive(Debug, Clone, Default)]
pub struct PhaseChange {
    pub phase: Option<Phase>,
    pub compensation: Option<CompensationAction>,
    pub sla_hours: Option<i32>,
    pub sla_warning_percent: Option<i32>,
    pub max_review_rounds: Option<i32>,
}

/// A change to a cycle's settings (or to the defaults, without the per-cycle fields).
#[derive(Debug, Clone, Default)]
pub struct SettingsChange {
    pub sample_size: Option<i32>,
    pub rfi_due_days: Option<i32>,
    pub phases: Vec<PhaseChange>,
}

/// A change to one activity kind's retry policy; its backoff is the kind's own (DOMAIN.md).
#[derive(Debug, Clone, Default)]
pub struct RetryChange {
    pub max_attempts: Option<i32>,
    pub initial_interval_ms: Option<i64>,
    pub backoff_coefficient: Option<f64>,
    pub maximum_interval_ms: Option<i64>,
}

/// The settings of `cycle_id`'s next run (a cycle the viewer sees), or the defaults (managers and
/// monitoring roles).
pub async fn read(db: &DatabaseConnection, viewer: &Viewer, cycle_id: Option<i64>) -> AppResult<SettingsView> {
    match cycle_id {
        Some(id) => {
            cycles::find(db, viewer, id).await?.ok_or_else(|| AppError::NotFound(format!("cycle {id}")))?;
        }
        None if viewer.may(Action::ManageCycles) || viewer.may(Action::Monitor) => {}
        None => return Err(AppError::Forbidden("your role may not see the default workflow settings".into())),
    }
    let settings = WorkflowSettings::load(db, cycle_id, 0).await?;
    let overridden = match cycle_id {
        Some(id) => phase_setting::Entity::find()
            .filter(phase_setting::Column::CycleId.eq(id))
            .all(db)
            .await?
            .into_iter()
            .map(|row| row.phase)
            .collect(),
        None => Vec::new(),
    };
    Ok(SettingsView { cycle_id, settings, overridden })
}

/// Applies `change` to `cycle_id`'s own settings (TEST_MANAGER, ADMIN; not once the cycle is
/// over) or, with no cycle, to the defaults (ADMIN). All or nothing; audited.
pub async fn update(
    db: &DatabaseConnection,
    viewer: &Viewer,
    cycle_id: Option<i64>,
    change: SettingsChange,
) -> AppResult<SettingsView> {
    viewer.require(if cycle_id.is_some() { Action::ManageCycles } else { Action::ConfigureDefaults })?;
    check(cycle_id, &change)?;
    let txn = db.begin().await?;
    if let Some(id) = cycle_id {
        let cycle = cycles::lock_open(&txn, id).await?;
        if change.sample_size.is_some() || change.rfi_due_days.is_some() {
            let mut active: test_cycle::ActiveModel = cycle.into();
            if let Some(size) = change.sample_size {
                active.sample_size = Set(size);
            }
            if let Some(days) = change.rfi_due_days {
                active.rfi_due_days = Set(days);
            }
            active.updated_at = Set(chrono::Utc::now().into());
            active.update(&txn).await?;
        }
    }
    let current = WorkflowSettings::load(&txn, cycle_id, 0).await?;
    for phase_change in &change.phases {
        let phase = phase_change.phase.expect("checked");
        let now = current.phase(phase);
        let row = phase_setting::ActiveModel {
            cycle_id: Set(cycle_id),
            phase: Set(phase),
            compensation_strategy: Set(phase_change.compensation.unwrap_or(now.compensation)),
            sla_hours: Set(phase_change.sla_hours.unwrap_or(now.sla_hours as i32)),
            sla_warning_percent: Set(phase_change.sla_warning_percent.unwrap_or(now.sla_warning_percent as i32)),
            max_review_rounds: Set(phase_change.max_review_rounds.unwrap_or(now.max_review_rounds as i32)),
            updated_at: Set(chrono::Utc::now().into()),
            ..Default::default()
        };
        let columns = [
            phase_setting::Column::CompensationStrategy,
            phase_setting::Column::SlaHours,
            phase_setting::Column::SlaWarningPercent,
            phase_setting::Column::MaxReviewRounds,
            phase_setting::Column::UpdatedAt,
        ];
        phase_setting::Entity::insert(row)
            .on_conflict(
                OnConflict::columns([phase_setting::Column::CycleId, phase_setting::Column::Phase])
                    .update_columns(columns)
                    .to_owned(),
            )
            .exec_without_returning(&txn)
            .await?;
    }
    let entry = Entry {
        action: "WORKFLOW_SETTINGS_CHANGED",
        // The defaults belong to no cycle: they are recorded against id 0.
        entity_type: if cycle_id.is_some() { "test_cycle" } else { "phase_setting" },
        entity_id: cycle_id.unwrap_or(0),
        detail: describe(&change),
        reason: None,
    };
    audit::record(&txn, viewer, entry).await?;
    txn.commit().await?;
    read(db, viewer, cycle_id).await
}

/// Changes `kind`'s retry policy (ADMIN); runs started afterwards retry under it. Audited.
pub async fn update_retry(
    db: &DatabaseConnection,
    viewer: &Viewer,
    kind: ActivityKind,
    change: RetryChange,
) -> AppResult<RetrySettings> {
    viewer.require(Action::ConfigureDefaults)?;
    let txn = db.begin().await?;
    let current = *WorkflowSettings::load(&txn, None, 0).await?.retry(kind);
    let next = RetrySettings {
        backoff: current.backoff,
        max_attempts: positive(change.max_attempts.map(i64::from), current.max_attempts.into(), "maxAttempts", 100)?
            as u32,
        initial_interval_ms: positive(
            change.initial_interval_ms,
            current.initial_interval_ms as i64,
            "initialIntervalMs",
            MAX_INTERVAL_MS,
        )? as u64,
        backoff_coefficient: change.backoff_coefficient.unwrap_or(current.backoff_coefficient),
        maximum_interval_ms: positive(
            change.maximum_interval_ms,
            current.maximum_interval_ms as i64,
            "maximumIntervalMs",
            MAX_INTERVAL_MS,
        )? as u64,
    };
    match current.backoff {
        Backoff::Exponential if !(1.0..=10.0).contains(&next.backoff_coefficient) => {
            return Err(AppError::bad_input("backoffCoefficient", "an exponential backoff grows by 1 to 10 times"));
        }
        Backoff::Linear | Backoff::Fixed if change.backoff_coefficient.is_some_and(|c| c != 1.0) => {
            return Err(AppError::bad_input(
                "backoffCoefficient",
                format!("{} retries do not grow exponentially: their coefficient is 1", kind.as_str()),
            ));
        }
        _ => {}
    }
    if next.maximum_interval_ms < next.initial_interval_ms {
        return Err(AppError::bad_input("maximumIntervalMs", "the longest wait may not be below the first"));
    }
    let row = retry_policy::ActiveModel {
        activity_kind: Set(kind.as_str().to_owned()),
        backoff: Set(next.backoff.as_str().to_owned()),
        max_attempts: Set(next.max_attempts as i32),
        initial_interval_ms: Set(next.initial_interval_ms as i64),
        backoff_coefficient: Set(next.backoff_coefficient),
        maximum_interval_ms: Set(next.maximum_interval_ms as i64),
        updated_by: Set(Some(viewer.user_id)),
        updated_at: Set(chrono::Utc::now().into()),
    };
    retry_policy::Entity::insert(row)
        .on_conflict(
            OnConflict::column(retry_policy::Column::ActivityKind)
                .update_columns([
                    retry_policy::Column::MaxAttempts,
                    retry_policy::Column::InitialIntervalMs,
                    retry_policy::Column::BackoffCoefficient,
                    retry_policy::Column::MaximumIntervalMs,
                    retry_policy::Column::UpdatedBy,
                    retry_policy::Column::UpdatedAt,
                ])
                .to_owned(),
        )
        .exec_without_returning(&txn)
        .await?;
    let entry = Entry {
        action: "RETRY_POLICY_CHANGED",
        entity_type: "retry_policy",
        entity_id: 0,
        detail: json!({ "kind": kind.as_str(), "maxAttempts": next.max_attempts,
                        "initialIntervalMs": next.initial_interval_ms, "backoffCoefficient": next.backoff_coefficient,
                        "maximumIntervalMs": next.maximum_interval_ms }),
        reason: None,
    };
    audit::record(&txn, viewer, entry).await?;
    txn.commit().await?;
    Ok(next)
}

/// `value` (or `current` when left out) when within 1..=`max`, BAD_USER_INPUT on `field` otherwise.
fn positive(value: Option<i64>, current: i64, field: &'static str, max: i64) -> AppResult<i64> {
    let value = value.unwrap_or(current);
    if (1..=max).contains(&value) {
        Ok(value)
    } else {
        Err(AppError::bad_input(field, format!("{field} must be 1 to {max}")))
    }
}

/// Checks a change before anything is written.
fn check(cycle_id: Option<i64>, change: &SettingsChange) -> AppResult<()> {
    if cycle_id.is_none() && (change.sample_size.is_some() || change.rfi_due_days.is_some()) {
        let field = if change.sample_size.is_some() { "sampleSize" } else { "rfiDueDays" };
        return Err(AppError::bad_input(field, format!("{field} is set per cycle: name the cycle")));
    }
    if let Some(size) = change.sample_size {
        positive(Some(size.into()), 0, "sampleSize", 500)?;
    }
    if let Some(days) = change.rfi_due_days {
        positive(Some(days.into()), 0, "rfiDueDays", 90)?;
    }
    let mut seen = HashSet::new();
    for phase_change in &change.phases {
        let Some(phase) = phase_change.phase else {
            return Err(AppError::bad_input("phases", "each phase change names its phase"));
        };
        if !seen.insert(phase) {
            return Err(AppError::bad_input("phases", format!("{} is named more than once", phase.as_str())));
        }
        if let Some(strategy) = phase_change.compensation
            && !allowed_compensations(phase).contains(&strategy)
        {
            let allowed: Vec<&str> = allowed_compensations(phase).iter().map(|s| s.as_str()).collect();
            return Err(AppError::bad_input(
                "compensation",
                format!("{} is not defined for {}: choose {}", strategy.as_str(), phase.as_str(), allowed.join(", ")),
            ));
        }
        if let Some(hours) = phase_change.sla_hours {
            positive(Some(hours.into()), 0, "slaHours", MAX_SLA_HOURS.into())?;
        }
        if let Some(percent) = phase_change.sla_warning_percent {
            positive(Some(percent.into()), 0, "slaWarningPercent", 99)?;
        }
        if let Some(rounds) = phase_change.max_review_rounds {
            positive(Some(rounds.into()), 0, "maxReviewRounds", MAX_REVIEW_ROUNDS.into())?;
        }
    }
    Ok(())
}

/// The change as the audit log keeps it.
fn describe(change: &SettingsChange) -> serde_json::Value {
    let phases: Vec<_> = change
        .phases
        .iter()
        .map(|p| {
            json!({ "phase": p.phase.map(Phase::as_str), "compensation": p.compensation.map(CompensationAction::as_str),
                    "slaHours": p.sla_hours, "slaWarningPercent": p.sla_warning_percent,
                    "maxReviewRounds": p.max_review_rounds })
        })
        .collect();
    json!({ "sampleSize": change.sample_size, "rfiDueDays": change.rfi_due_days, "phases": phases })
}
