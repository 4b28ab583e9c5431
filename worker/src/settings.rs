//! The settings a run works under, read from the config tables when it starts and carried in
//! the workflow input, so editing a policy never changes a run already under way (and replays
//! see exactly what the first execution saw).

use std::time::Duration;

use entity::enums::{CompensationAction, Phase};
use entity::{phase_setting, retry_policy, test_cycle};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter};
use serde::{Deserialize, Serialize};

/// Which retry policy an activity runs under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ActivityKind {
    /// Calls to the attribute generator (an LLM in production): exponential backoff.
    Llm,
    /// Database work: linear backoff, through the failure's next-retry delay.
    Database,
    /// E-mail and notifications: fixed delay.
    Email,
}

impl ActivityKind {
    /// The value stored in `retry_policy.activity_kind`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Llm => "LLM",
            Self::Database => "DATABASE",
            Self::Email => "EMAIL",
        }
    }
}

/// How the delay between attempts grows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Backoff {
    Exponential,
    Linear,
    Fixed,
}

impl Backoff {
    /// The value stored in `retry_policy.backoff` (and shown by the API).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Exponential => "EXPONENTIAL",
            Self::Linear => "LINEAR",
            Self::Fixed => "FIXED",
        }
    }

    /// The backoff stored as `text` (exponential for anything else, Temporal's own kind).
    pub fn parse(text: &str) -> Self {
        [Self::Linear, Self::Fixed].into_iter().find(|b| b.as_str() == text).unwrap_or(Self::Exponential)
    }
}

/// One retry policy.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct RetrySettings {
    pub backoff: Backoff,
    pub max_attempts: u32,
    pub initial_interval_ms: u64,
    pub backoff_coefficient: f64,
    pub maximum_interval_ms: u64,
}

impl RetrySettings {
    /// The delay before attempt `next_attempt` (2 for the first retry) under a linear backoff;
    /// Temporal only knows exponential backoff, so linear is applied through the failure's
    /// next-retry delay.
    pub fn linear_delay(&self, next_attempt: u32) -> Duration {
        let steps = u64::from(next_attempt.saturating_sub(1).max(1));
        Duration::from_millis((self.initial_interval_ms * steps).min(self.maximum_interval_ms))
    }
}

/// Per-phase settings of a cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhaseSettings {
    pub phase: Phase,
    pub compensation: CompensationAction,
    pub sla_hours: u32,
    pub sla_warning_percent: u32,
    pub max_review_rounds: u32,
}

/// Everything a run needs to know about policy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkflowSettings {
    pub llm: RetrySettings,
    pub database: RetrySettings,
    pub email: RetrySettings,
    pub phases: Vec<PhaseSettings>,
    /// Samples drawn per report in phase 3.
    pub sample_size: u32,
    /// Start-to-close timeout of one activity, in seconds.
    pub activity_timeout_secs: u64,
    /// Days data owners have to answer an RFI.
    pub rfi_due_days: u32,
    /// Every human step's SLA in seconds instead of the phase's hours (tests only).
    #[serde(default)]
    pub sla_seconds_override: Option<u64>,
}

/// Samples per report when the cycle does not say otherwise (DOMAIN.md).
pub const DEFAULT_SAMPLE_SIZE: u32 = 25;
/// Days a data owner has to answer a request when the cycle does not say otherwise.
pub const DEFAULT_RFI_DUE_DAYS: u32 = 5;

impl WorkflowSettings {
    /// The retry policy of `kind`.
    pub fn retry(&self, kind: ActivityKind) -> &RetrySettings {
        match kind {
            ActivityKind::Llm => &self.llm,
            ActivityKind::Database => &self.database,
            ActivityKind::Email => &self.email,
        }
    }

    /// How long a human step of `phase` may take, and when its assignee is reminded.
    pub fn sla(&self, phase: Phase) -> (Duration, Duration) {
        let settings = self.phase(phase);
        let deadline = self
            .sla_seconds_override
            .map_or_else(|| Duration::from_secs(u64::from(settings.sla_hours) * 3600), Duration::from_secs);
        let warning = deadline.mul_f64(f64::from(settings.sla_warning_percent.clamp(1, 99)) / 100.0);
        (warning, deadline)
    }

    /// The settings of `phase` (defaults of DOMAIN.md when missing).
    pub fn phase(&self, phase: Phase) -> PhaseSettings {
        self.phases.iter().copied().find(|p| p.phase == phase).unwrap_or(PhaseSettings {
            phase,
            compensation: default_compensation(phase),
            sla_hours: 72,
            sla_warning_percent: 75,
            max_review_rounds: 3,
        })
    }

    /// The settings in force for `cycle_id`: its own phase rows and sampling over the defaults;
    /// the defaults alone without a cycle.
    pub async fn load(
        db: &impl ConnectionTrait,
        cycle_id: Option<i64>,
        activity_timeout_secs: u64,
    ) -> Result<Self, DbErr> {
        let policies = retry_policy::Entity::find().all(db).await?;
        let policy = |kind: ActivityKind| {
            policies.iter().find(|p| p.activity_kind == kind.as_str()).map_or_else(
                || default_retry(kind),
                |p| RetrySettings {
                    backoff: Backoff::parse(&p.backoff),
                    max_attempts: u32::try_from(p.max_attempts).unwrap_or(3),
                    initial_interval_ms: u64::try_from(p.initial_interval_ms).unwrap_or(1000),
                    backoff_coefficient: p.backoff_coefficient,
                    maximum_interval_ms: u64::try_from(p.maximum_interval_ms).unwrap_or(30_000),
                },
            )
        };
        let mut scope = Condition::any().add(phase_setting::Column::CycleId.is_null());
        if let Some(id) = cycle_id {
            scope = scope.add(phase_setting::Column::CycleId.eq(id));
        }
        let rows = phase_setting::Entity::find().filter(scope).all(db).await?;
        let cycle = match cycle_id {
            Some(id) => test_cycle::Entity::find_by_id(id).one(db).await?,
            None => None,
        };
        let phases = Phase::ALL
            .into_iter()
            .map(|phase| {
                let own = rows.iter().find(|r| r.phase == phase && cycle_id.is_some() && r.cycle_id == cycle_id);
                let default = rows.iter().find(|r| r.phase == phase && r.cycle_id.is_none());
                own.or(default).map_or(
                    PhaseSettings {
                        phase,
                        compensation: default_compensation(phase),
                        sla_hours: 72,
                        sla_warning_percent: 75,
                        max_review_rounds: 3,
                    },
                    |r| PhaseSettings {
                        phase,
                        compensation: r.compensation_strategy,
                        sla_hours: u32::try_from(r.sla_hours).unwrap_or(72),
                        sla_warning_percent: u32::try_from(r.sla_warning_percent).unwrap_or(75),
                        max_review_rounds: u32::try_from(r.max_review_rounds).unwrap_or(3),
                    },
                )
            })
            .collect();
        Ok(Self {
            llm: policy(ActivityKind::Llm),
            database: policy(ActivityKind::Database),
            email: policy(ActivityKind::Email),
            phases,
            sample_size: cycle.as_ref().and_then(|c| u32::try_from(c.sample_size).ok()).unwrap_or(DEFAULT_SAMPLE_SIZE),
            activity_timeout_secs,
            rfi_due_days: cycle
                .as_ref()
                .and_then(|c| u32::try_from(c.rfi_due_days).ok())
                .unwrap_or(DEFAULT_RFI_DUE_DAYS),
            sla_seconds_override: None,
        })
    }
}

/// The strategies a cycle may choose for `phase`: those that mean something for any phase
/// (NOTIFY fails the report and tells the people concerned, SKIP marks the phase skipped and goes
/// on, MANUAL_INTERVENTION waits for an operator) and the rollbacks defined for its outputs
/// (`phases::compensation` undoes exactly these).
pub fn allowed_compensations(phase: Phase) -> &'static [CompensationAction] {
    use CompensationAction::*;
    match phase {
        Phase::Scoping => &[Rollback, Notify, Skip, ManualIntervention],
        Phase::SampleSelection | Phase::TestExecution => &[PartialRollback, Notify, Skip, ManualIntervention],
        _ => &[Notify, Skip, ManualIntervention],
    }
}

/// The compensation of DOMAIN.md for `phase`.
pub fn default_compensation(phase: Phase) -> CompensationAction {
    match phase {
        Phase::Planning | Phase::DataOwnerIdentification | Phase::FinalizeTestReport => CompensationAction::Notify,
        Phase::Scoping => CompensationAction::Rollback,
        Phase::SampleSelection | Phase::TestExecution => CompensationAction::PartialRollback,
        Phase::RequestForInformation => CompensationAction::ManualIntervention,
        Phase::ObservationManagement => CompensationAction::Skip,
    }
}

fn default_retry(kind: ActivityKind) -> RetrySettings {
    match kind {
        ActivityKind::Llm => RetrySettings {
            backoff: Backoff::Exponential,
            max_attempts: 3,
            initial_interval_ms: 1000,
            backoff_coefficient: 2.0,
            maximum_interval_ms: 30_000,
        },
        ActivityKind::Database => RetrySettings {
            backoff: Backoff::Linear,
            max_attempts: 3,
            initial_interval_ms: 500,
            backoff_coefficient: 1.0,
            maximum_interval_ms: 10_000,
        },
        ActivityKind::Email => RetrySettings {
            backoff: Backoff::Fixed,
            max_attempts: 3,
            initial_interval_ms: 2000,
            backoff_coefficient: 1.0,
            maximum_interval_ms: 2000,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linear_backoff_grows_by_the_initial_interval() {
        let db = default_retry(ActivityKind::Database);
        assert_eq!(db.linear_delay(2), Duration::from_millis(500));
        assert_eq!(db.linear_delay(3), Duration::from_millis(1000));
        assert_eq!(db.linear_delay(100), Duration::from_millis(10_000), "capped");
    }

    #[test]
    fn every_phase_may_keep_its_default_compensation() {
        for phase in Phase::ALL {
            assert!(allowed_compensations(phase).contains(&default_compensation(phase)), "{phase:?}");
        }
    }

    #[test]
    fn compensation_defaults_follow_the_domain_table() {
        assert_eq!(default_compensation(Phase::Scoping), CompensationAction::Rollback);
        assert_eq!(default_compensation(Phase::RequestForInformation), CompensationAction::ManualIntervention);
        assert_eq!(default_compensation(Phase::ObservationManagement), CompensationAction::Skip);
    }
}
