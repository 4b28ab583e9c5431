//! Compensation of a failed phase in `ReportTestingWorkflow`: the phase's strategy applied by an
//! activity, and for MANUAL_INTERVENTION the wait for an operator's resume, retry, skip or abort.

use entity::enums::{CompensationAction, Phase, StepStatus};

use super::rounds::Next;
use super::{Runner, Stop};
use crate::activities::tasks::TaskActivities;
use crate::messages::OperatorAction;
use crate::phases::compensation::{self, Compensate};
use crate::phases::email::EmailBatch;
use crate::settings::ActivityKind;
use crate::workflows::REOPEN_PLANNING_PATCH;
use crate::workflows::steps::{envelope, failure_message, options};

impl Runner {
    /// Compensates a failed phase per its strategy and says what comes next.
    pub(super) async fn compensate(&self, phase: Phase, round: u32, failure: &str) -> Result<Next, Stop> {
        let settings = &self.input.settings;
        let strategy = settings.phase(phase).compensation;
        let compensation = Compensate {
            scope: self.scope.clone(),
            cycle_report_id: self.input.cycle_report_id,
            phase,
            strategy,
            failure: failure.to_owned(),
            round,
        };
        let told = EmailBatch { keys: vec![], key_prefixes: vec![compensation::notification_prefix(&compensation)] };
        let log = self
            .ctx
            .execute_activity(
                TaskActivities::compensate,
                envelope(settings, &self.scope, Some(phase), ActivityKind::Database, None, compensation),
                options(settings, ActivityKind::Database, true),
            )
            .await
            .map_err(|err| Stop::Failed(phase, failure_message(&err)))?;
        // The log shows AWAITING_OPERATOR from here on, so the run takes an operator's answer from
        // here on too, not only once the e-mails (which may be retried for a while) have gone.
        if strategy == CompensationAction::ManualIntervention {
            self.ctx.state_mut(|s| s.awaiting_operator.insert(log));
        }
        self.email(phase, told).await;
        Ok(match strategy {
            CompensationAction::Notify => Next::Fail,
            CompensationAction::Skip => Next::Continue(StepStatus::Skipped),
            // Scoping's decisions are gone; DOMAIN.md has planning's approval reopened before
            // scoping again, so the attributes scoped next are ones the report owner stands by.
            CompensationAction::Rollback if phase == Phase::Scoping && self.ctx.patched(REOPEN_PLANNING_PATCH) => {
                Next::Reopen(Phase::Planning)
            }
            // Both undo what the failed attempt left and then redo the phase in a new round.
            CompensationAction::Rollback | CompensationAction::PartialRollback => Next::Retry,
            CompensationAction::ManualIntervention => {
                self.ctx
                    .wait_condition(|s| s.operator_decisions.contains_key(&log))
                    .await
                    .map_err(|_| Stop::Cancelled)?;
                let Some(decision) = self.ctx.state_mut(|s| s.operator_decisions.remove(&log)) else {
                    return Ok(Next::Fail);
                };
                let resolve = (log, decision.action, decision.operator_id);
                self.ctx
                    .execute_activity(
                        TaskActivities::resolve_compensation,
                        envelope(settings, &self.scope, Some(phase), ActivityKind::Database, None, resolve),
                        options(settings, ActivityKind::Database, true),
                    )
                    .await
                    .map_err(|err| Stop::Failed(phase, failure_message(&err)))?;
                match decision.action {
                    OperatorAction::Resume => Next::Continue(StepStatus::Completed),
                    OperatorAction::Retry => Next::Retry,
                    OperatorAction::Skip => Next::Continue(StepStatus::Skipped),
                    OperatorAction::Abort => Next::Fail,
                }
            }
        })
    }
}
