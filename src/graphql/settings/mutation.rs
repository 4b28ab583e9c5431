//! `updateWorkflowSettings` and `updateRetryPolicy`.

use async_graphql::{Context, ID, InputObject, Object, Result};

use super::types::{ActivityKind, RetryPolicy, WorkflowSettings};
use crate::graphql::context::{ContextExt, parse_id};
use crate::graphql::enums::{CompensationAction, Phase};
use crate::services::settings::{self, PhaseChange, RetryChange, SettingsChange};

/// A change to one phase's settings; what is left out stays as it is.
#[derive(InputObject)]
pub struct PhaseSettingInput {
    /// The phase.
    phase: Phase,
    /// One of the phase's `allowedCompensations`.
    compensation: Option<CompensationAction>,
    /// 1 to 8760 hours.
    sla_hours: Option<i32>,
    /// 1 to 99 per cent of the SLA.
    sla_warning_percent: Option<i32>,
    /// 1 to 10 rounds.
    max_review_rounds: Option<i32>,
}

/// A change to the settings; what is left out stays as it is.
#[derive(InputObject, Default)]
pub struct WorkflowSettingsInput {
    /// Samples per report, 1 to 500 (per cycle only).
    sample_size: Option<i32>,
    /// Days to answer a request for information, 1 to 90 (per cycle only).
    rfi_due_days: Option<i32>,
    /// Phases to change, each named once.
    #[graphql(default)]
    phases: Vec<PhaseSettingInput>,
}

/// A change to a retry policy; its backoff is the kind's own.
#[derive(InputObject)]
pub struct RetryPolicyInput {
    /// Attempts in all, 1 to 100.
    max_attempts: Option<i32>,
    /// Wait before the first retry, 1 to 3600000 ms.
    initial_interval_ms: Option<i64>,
    /// Growth of each wait, 1 to 10; exponential backoff only.
    backoff_coefficient: Option<f64>,
    /// Longest wait, not below the first, at most 3600000 ms.
    maximum_interval_ms: Option<i64>,
}

/// Mutations of workflow settings.
#[derive(Default)]
pub struct SettingsMutation;

#[Object]
impl SettingsMutation {
    /// Changes a cycle's own settings (TEST_MANAGER, ADMIN; CONFLICT once the cycle is over) or,
    /// without a cycle, the defaults (ADMIN). All or nothing; runs under way keep theirs.
    async fn update_workflow_settings(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The cycle; leave out for the defaults.")] cycle_id: Option<ID>,
        input: WorkflowSettingsInput,
    ) -> Result<WorkflowSettings> {
        let viewer = ctx.viewer()?;
        let cycle_id = cycle_id.as_ref().map(|id| parse_id("cycleId", id)).transpose()?;
        let change = SettingsChange {
            sample_size: input.sample_size,
            rfi_due_days: input.rfi_due_days,
            phases: input
                .phases
                .into_iter()
                .map(|p| PhaseChange {
                    phase: Some(p.phase.into()),
                    compensation: p.compensation.map(Into::into),
                    sla_hours: p.sla_hours,
                    sla_warning_percent: p.sla_warning_percent,
                    max_review_rounds: p.max_review_rounds,
                })
                .collect(),
        };
        Ok(WorkflowSettings(settings::update(ctx.db(), viewer, cycle_id, change).await?))
    }

    /// Changes one kind of activity's retry policy (ADMIN); runs started afterwards use it.
    async fn update_retry_policy(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The kind of activity.")] kind: ActivityKind,
        input: RetryPolicyInput,
    ) -> Result<RetryPolicy> {
        let viewer = ctx.viewer()?;
        let change = RetryChange {
            max_attempts: input.max_attempts,
            initial_interval_ms: input.initial_interval_ms,
            backoff_coefficient: input.backoff_coefficient,
            maximum_interval_ms: input.maximum_interval_ms,
        };
        let kind = kind.into();
        let settings = settings::update_retry(ctx.db(), viewer, kind, change).await?;
        Ok(RetryPolicy { kind, settings })
    }
}
