//! Human steps of `ReportTestingWorkflow`: a task opened in the inbox (decided at once in AUTO
//! mode), the wait for its `decide` update with the SLA reminders of version 1.1.0, the e-mail
//! copies, and the task closed with the decision.

use entity::enums::{ApprovalMode, Decision, Phase, Role, TaskKind};
use temporalio_sdk::workflows::select;

use super::{Review, Runner, WorkFailure};
use crate::activities::tasks::TaskActivities;
use crate::messages::TaskDecision;
use crate::phases::alerts::{SlaAlert, SlaLevel};
use crate::phases::email::EmailBatch;
use crate::phases::tasks::{CloseTask, OpenTask};
use crate::settings::ActivityKind;
use crate::versions::Feature;
use crate::workflows::steps::{envelope, options};
use crate::workflows::{EMAIL_PATCH, SLA_PATCH};

impl Runner {
    /// Opens a task and waits for its decision (AUTO mode decides at once).
    #[expect(clippy::too_many_arguments, reason = "a task's fields, named at each call")]
    pub(super) async fn human(
        &self,
        phase: Phase,
        kind: TaskKind,
        title: String,
        role: Role,
        assignee: Option<i64>,
        round: u32,
        request: Option<i64>,
        discriminator: impl Into<String>,
    ) -> Result<Review, WorkFailure> {
        let settings = &self.input.settings;
        let open = OpenTask {
            phase,
            kind,
            title,
            assignee_role: role,
            assignee_id: assignee,
            information_request_id: request,
            round,
            sla_hours: settings.phase(phase).sla_hours,
            discriminator: discriminator.into(),
            auto: self.input.approval_mode == ApprovalMode::Auto,
        };
        let opened = self
            .ctx
            .execute_activity(
                TaskActivities::open_task,
                envelope(settings, &self.scope, Some(phase), ActivityKind::Database, None, open),
                options(settings, ActivityKind::Database, false),
            )
            .await
            .map_err(|e| self.failure(&e))?;
        let task = opened.task_id;
        if let Some(decision) = opened.auto_decision {
            return Ok(if decision == Decision::Approve {
                Review::Accepted
            } else {
                Review::SentBack(TaskDecision { task_id: task, decision, comment: None, payload: None, decided_by: 0 })
            });
        }
        self.ctx.state_mut(|s| s.awaiting.insert(task, (phase, kind)));
        let mut keys = vec![format!("task:{task}")];
        keys.extend(request.map(|r| format!("rfi:{r}")));
        self.email(phase, EmailBatch { keys, key_prefixes: vec![] }).await;
        self.await_decision(phase, task).await?;
        let Some(decision) = self.ctx.state_mut(|s| s.decisions.remove(&task)) else {
            return Err(WorkFailure::Failed(format!("the decision on task {task} went missing")));
        };
        let close = CloseTask {
            task_id: task,
            decision: decision.decision,
            comment: decision.comment.clone(),
            payload: decision.payload.clone(),
            decided_by: Some(decision.decided_by),
        };
        self.ctx
            .execute_activity(
                TaskActivities::close_task,
                envelope(settings, &self.scope, Some(phase), ActivityKind::Database, None, close),
                options(settings, ActivityKind::Database, false),
            )
            .await
            .map_err(|e| self.failure(&e))?;
        Ok(if decision.decision == Decision::Approve { Review::Accepted } else { Review::SentBack(decision) })
    }

    /// Waits for the decision on `task`. From version 1.1.0 (behind its patch marker) the wait
    /// has an SLA: a reminder at the warning mark, an escalation past the deadline.
    async fn await_decision(&self, phase: Phase, task: i64) -> Result<(), WorkFailure> {
        let sla = self.version().features().contains(&Feature::SlaEscalation) && self.ctx.patched(SLA_PATCH);
        if sla {
            let (warning, deadline) = self.input.settings.sla(phase);
            for (wait, level) in [(warning, SlaLevel::Warning), (deadline.saturating_sub(warning), SlaLevel::Breach)] {
                select! {
                    decided = self.ctx.wait_condition(|s| s.decisions.contains_key(&task)) => {
                        return decided.map_err(|_| WorkFailure::Cancelled);
                    }
                    _ = self.ctx.timer(wait) => {}
                };
                if self.cancelled() {
                    return Err(WorkFailure::Cancelled);
                }
                let settings = &self.input.settings;
                let alert = SlaAlert { scope: self.scope.clone(), task_id: task, level };
                self.ctx
                    .execute_activity(
                        TaskActivities::raise_sla_alert,
                        envelope(settings, &self.scope, Some(phase), ActivityKind::Email, None, alert),
                        options(settings, ActivityKind::Email, false),
                    )
                    .await
                    .map_err(|e| self.failure(&e))?;
            }
        }
        self.ctx.wait_condition(|s| s.decisions.contains_key(&task)).await.map_err(|_| WorkFailure::Cancelled)
    }

    /// E-mails the notifications a step has just written (from the e-mail patch on). A delivery
    /// that fails after its retries is logged and alerted by its activity; the people concerned
    /// still have the in-app notification, so the run goes on.
    pub(super) async fn email(&self, phase: Phase, batch: EmailBatch) {
        if !self.ctx.patched(EMAIL_PATCH) {
            return;
        }
        let settings = &self.input.settings;
        let _ = self
            .ctx
            .execute_activity(
                TaskActivities::send_emails,
                envelope(settings, &self.scope, Some(phase), ActivityKind::Email, None, batch),
                options(settings, ActivityKind::Email, false),
            )
            .await;
    }
}
