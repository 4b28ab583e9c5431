//! `WorkflowSettings`, `PhaseSetting` and `RetryPolicy`.

use async_graphql::{Enum, ID, Object};
use worker::settings::{self, PhaseSettings, RetrySettings};

use crate::graphql::enums::{CompensationAction, Phase};
use crate::services::settings::SettingsView;

/// The kinds of activity, each with its retry policy (DOMAIN.md).
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "worker::settings::ActivityKind")]
pub enum ActivityKind {
    /// Calls to the attribute generator: exponential backoff.
    Llm,
    /// Database work: linear backoff.
    Database,
    /// E-mail: a fixed delay.
    Email,
}

/// The settings a cycle's next run starts under, or the defaults every cycle starts from.
pub struct WorkflowSettings(pub SettingsView);

#[Object]
impl WorkflowSettings {
    /// The cycle; null for the defaults.
    async fn cycle_id(&self) -> Option<ID> {
        self.0.cycle_id.map(|id| ID(id.to_string()))
    }

    /// Samples drawn per report in phase 3.
    async fn sample_size(&self) -> u32 {
        self.0.settings.sample_size
    }

    /// Days a data owner has to answer a request for information.
    async fn rfi_due_days(&self) -> u32 {
        self.0.settings.rfi_due_days
    }

    /// Each phase's compensation, SLA and review rounds, in phase order.
    async fn phases(&self) -> Vec<PhaseSetting> {
        entity::enums::Phase::ALL
            .into_iter()
            .map(|phase| PhaseSetting {
                settings: self.0.settings.phase(phase),
                overridden: self.0.overridden.contains(&phase),
            })
            .collect()
    }

    /// The retry policy of each kind of activity.
    async fn retry_policies(&self) -> Vec<RetryPolicy> {
        [settings::ActivityKind::Llm, settings::ActivityKind::Database, settings::ActivityKind::Email]
            .into_iter()
            .map(|kind| RetryPolicy { kind, settings: *self.0.settings.retry(kind) })
            .collect()
    }
}

/// One phase's settings.
pub struct PhaseSetting {
    settings: PhaseSettings,
    overridden: bool,
}

#[Object]
impl PhaseSetting {
    /// The phase.
    async fn phase(&self) -> Phase {
        self.settings.phase.into()
    }

    /// How a failure after the phase's retries is compensated.
    async fn compensation(&self) -> CompensationAction {
        self.settings.compensation.into()
    }

    /// The strategies this phase may be given.
    async fn allowed_compensations(&self) -> Vec<CompensationAction> {
        settings::allowed_compensations(self.settings.phase).iter().map(|&s| s.into()).collect()
    }

    /// Hours a human step of the phase may take before it is escalated.
    async fn sla_hours(&self) -> u32 {
        self.settings.sla_hours
    }

    /// At which share of its SLA (per cent) the assignee is reminded.
    async fn sla_warning_percent(&self) -> u32 {
        self.settings.sla_warning_percent
    }

    /// How many rounds a phase sent back may take before the report fails.
    async fn max_review_rounds(&self) -> u32 {
        self.settings.max_review_rounds
    }

    /// Whether the cycle sets this phase itself rather than taking the defaults.
    async fn overridden(&self) -> bool {
        self.overridden
    }
}

/// How failed attempts of one kind of activity are retried.
pub struct RetryPolicy {
    pub kind: settings::ActivityKind,
    pub settings: RetrySettings,
}

#[Object]
impl RetryPolicy {
    /// The kind of activity.
    async fn kind(&self) -> ActivityKind {
        self.kind.into()
    }

    /// EXPONENTIAL, LINEAR or FIXED: the kind's own (DOMAIN.md), not editable.
    async fn backoff(&self) -> &'static str {
        self.settings.backoff.as_str()
    }

    /// Attempts in all, the first included.
    async fn max_attempts(&self) -> u32 {
        self.settings.max_attempts
    }

    /// Wait before the first retry, in milliseconds.
    async fn initial_interval_ms(&self) -> u64 {
        self.settings.initial_interval_ms
    }

    /// How much each wait grows (exponential backoff only; 1 otherwise).
    async fn backoff_coefficient(&self) -> f64 {
        self.settings.backoff_coefficient
    }

    /// Longest wait between attempts, in milliseconds.
    async fn maximum_interval_ms(&self) -> u64 {
        self.settings.maximum_interval_ms
    }
}
