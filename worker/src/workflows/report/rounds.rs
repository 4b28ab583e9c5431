//! One phase of `ReportTestingWorkflow` from its start to its end: review rounds (a phase sent
//! back is redone with the reviewer's comment), compensation of a failed round, and an earlier
//! phase reopened (scoping's rollback reopens planning's approval), each up to the phase's round
//! limit.

use entity::enums::{Phase, StepStatus};

use super::{Review, Runner, Stop, WorkFailure};
use crate::payloads::excluded_attributes;
use crate::provider::Revision;
use crate::tracking::Transition;

/// What happens after a compensation.
pub(super) enum Next {
    /// The phase counts as done with this status.
    Continue(StepStatus),
    /// Run the phase's work again in a new round.
    Retry,
    /// Reopen an earlier phase's approval, then run the phase's work again in a new round.
    Reopen(Phase),
    /// Stop the run.
    Fail,
}

/// How a phase's first round begins.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Opening {
    /// With the phase's work, then its human steps.
    Work,
    /// With planning's approval alone, its attributes kept: planning reopened by scoping's rollback.
    ReopenedApproval,
}

impl Runner {
    /// One phase from start to its end, with review rounds and compensation.
    pub(super) async fn phase(&self, phase: Phase, from: Option<Phase>, entry: &str) -> Result<(), Stop> {
        self.migrate_at_boundary(phase).await?;
        if self.input.skip_phases.contains(&phase) {
            let transition = Transition { from, to: Some(phase), kind: "SKIP".to_owned() };
            return self.record(phase, StepStatus::Skipped, 1, Some(transition), None).await;
        }
        let transition = Transition { from, to: Some(phase), kind: entry.to_owned() };
        self.record(phase, StepStatus::Running, 1, Some(transition), None).await?;
        self.rounds(phase, 1, Opening::Work).await
    }

    /// Reopens `earlier` (planning) from `phase` (scoping, rolled back): its approval is asked
    /// again in a new round, and sent back, its work is redone as in its own review rounds.
    async fn reopen(&self, earlier: Phase, phase: Phase) -> Result<(), Stop> {
        let round = self.ctx.state(|s| s.rounds.get(&earlier).copied().unwrap_or(1)) + 1;
        let transition = Transition { from: Some(phase), to: Some(earlier), kind: "COMPENSATION".to_owned() };
        self.record(earlier, StepStatus::Running, round, Some(transition), None).await?;
        // Boxed: the reopened phase's rounds run inside the rounds of the phase that reopened it.
        Box::pin(self.rounds(earlier, round, Opening::ReopenedApproval)).await
    }

    /// The phase's rounds from `first` on: a phase sent back or rolled back is redone in the next
    /// round, up to the phase's round limit; a failure is compensated per the phase's strategy.
    async fn rounds(&self, phase: Phase, first: u32, opening: Opening) -> Result<(), Stop> {
        let last = first + self.input.settings.phase(phase).max_review_rounds.max(1) - 1;
        let mut round = first;
        let mut revision = None;
        loop {
            self.ctx.state_mut(|s| s.rounds.insert(phase, round));
            let outcome = if round == first && opening == Opening::ReopenedApproval {
                self.approve_attributes(round).await
            } else {
                self.work(phase, round, revision.take()).await
            };
            let next = match outcome {
                Ok(Review::Accepted) => return self.record(phase, StepStatus::Completed, round, None, None).await,
                Ok(Review::SentBack(decision)) => {
                    revision = Some(Revision {
                        comment: decision.comment.clone(),
                        exclude: excluded_attributes(decision.payload.as_ref()),
                    });
                    Next::Retry
                }
                Err(WorkFailure::Cancelled) => return Err(Stop::Cancelled),
                Err(WorkFailure::Failed(message)) => match self.compensate(phase, round, &message).await? {
                    Next::Fail => {
                        self.record(phase, StepStatus::Failed, round, None, Some(message.clone())).await?;
                        return Err(Stop::Failed(phase, message));
                    }
                    other => other,
                },
            };
            match next {
                Next::Continue(status) => return self.record(phase, status, round, None, None).await,
                Next::Retry if round < last => {
                    round += 1;
                    let transition = Transition { from: Some(phase), to: Some(phase), kind: "LOOP_BACK".to_owned() };
                    self.record(phase, StepStatus::Running, round, Some(transition), None).await?;
                }
                Next::Reopen(earlier) if round < last => {
                    self.reopen(earlier, phase).await?;
                    round += 1;
                    let transition = Transition { from: Some(earlier), to: Some(phase), kind: "SEQUENTIAL".to_owned() };
                    self.record(phase, StepStatus::Running, round, Some(transition), None).await?;
                }
                Next::Retry | Next::Reopen(_) | Next::Fail => {
                    let rounds = last - first + 1;
                    let message = format!("{} did not succeed within {rounds} rounds", phase.label());
                    self.record(phase, StepStatus::Failed, round, None, Some(message.clone())).await?;
                    return Err(Stop::Failed(phase, message));
                }
            }
        }
    }
}
