//! Activities: the only place the workflow touches the world. Each holds its dependencies in an
//! `Arc<Deps>`; the phase work runs inside [`Deps::tracked`], which writes the activity's step
//! row, logs every failed attempt to `workflow_activity_retry_log`, applies the linear backoff
//! of database work through the failure's next-retry delay, and fails business errors at once.

pub mod progress;
pub mod tasks;
pub mod tracking;
pub mod work;

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use entity::enums::Phase;
use sea_orm::DatabaseConnection;
use serde::{Deserialize, Serialize};
use temporalio_sdk::ApplicationFailure;
use temporalio_sdk::activities::{ActivityContext, ActivityError, ActivityInfo};

use crate::messages::Fault;
use crate::phases::{PhaseError, PhaseResult};
use crate::provider::AttributeProvider;
use crate::session::Session;
use crate::settings::{ActivityKind, Backoff, RetrySettings};
use crate::tracking::{
    ActivityAttempt, ExecutionScope, activity_completed, activity_failed, activity_slow, activity_started,
};
use progress::while_showing;

/// How long an attempt runs before its step is shown RUNNING.
const SHOW_RUNNING_AFTER: Duration = Duration::from_millis(250);

/// What activities need.
pub struct Deps {
    pub db: DatabaseConnection,
    pub provider: Arc<dyn AttributeProvider>,
    /// Honour injected faults; only when the worker was started for testing.
    pub faults_enabled: bool,
    /// Sends e-mail copies of notifications; none without `SMTP_URL`.
    pub mailer: Option<crate::mail::Mailer>,
    /// The address people open the app at, for links in e-mail.
    pub public_url: String,
}

impl std::fmt::Debug for Deps {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Deps")
            .field("faults_enabled", &self.faults_enabled)
            .field("mailer", &self.mailer)
            .finish_non_exhaustive()
    }
}

/// The envelope of a tracked activity's input: where it runs, its kind and how its retries back
/// off, and any injected fault. What Temporal already delivers with every attempt (the retry
/// policy's attempts and intervals, the start-to-close deadline) is read from the attempt's
/// info instead of being written into each input: every input is stored in the run's history,
/// and history the server keeps and replays is work on the cores it shares with the phases
/// (measured in docs/BENCHMARKS.md).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tracked<T> {
    pub scope: ExecutionScope,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phase: Option<Phase>,
    pub kind: ActivityKind,
    /// Temporal's policy cannot say "linear", so the backoff travels with the input. An input
    /// written before it did leaves retries to Temporal's own schedule.
    #[serde(default = "temporal_backoff")]
    pub backoff: Backoff,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fault: Option<Fault>,
    pub input: T,
}

fn temporal_backoff() -> Backoff {
    Backoff::Exponential
}

/// The retry policy an attempt runs under, as Temporal delivered it with the attempt.
fn attempt_retry(info: &ActivityInfo, backoff: Backoff) -> Option<RetrySettings> {
    let policy = info.retry_policy.as_ref()?;
    let millis = |d: Duration| u64::try_from(d.as_millis()).unwrap_or(u64::MAX);
    Some(RetrySettings {
        backoff,
        max_attempts: policy.maximum_attempts(),
        initial_interval_ms: millis(policy.initial_interval()),
        backoff_coefficient: policy.backoff_coefficient(),
        maximum_interval_ms: policy.maximum_interval().map_or(u64::MAX, millis),
    })
}

/// Half the attempt's start-to-close timeout: slow enough to be worth a look, well before it
/// fails (`None` when the attempt has no deadline).
fn slow_after(info: &ActivityInfo) -> Option<Duration> {
    let timeout = info.deadline?.duration_since(info.started_time?).ok()?;
    Some(timeout / 2)
}

/// The error a failed attempt is reported to Temporal with.
fn activity_error(error: &PhaseError, next_retry_delay: Option<Duration>) -> ActivityError {
    let message = error.to_string();
    if !error.is_retryable() {
        return ActivityError::application(ApplicationFailure::non_retryable(message));
    }
    let failure = ApplicationFailure::builder(message).maybe_next_retry_delay(next_retry_delay).build();
    ActivityError::application(failure)
}

/// Turns a tracking write's failure into a retryable activity error.
pub(crate) fn db_error(err: sea_orm::DbErr) -> ActivityError {
    activity_error(&PhaseError::Database(err), None)
}

impl Deps {
    /// Runs `work` as one tracked attempt of the current activity, on one database session that
    /// also writes the attempt's step row (see [`Session`]).
    pub async fn tracked<T, I, F, Fut>(
        &self,
        ctx: &ActivityContext,
        envelope: &Tracked<I>,
        work: F,
    ) -> Result<T, ActivityError>
    where
        F: FnOnce(Arc<Session>) -> Fut,
        Fut: Future<Output = PhaseResult<T>>,
    {
        let session = Session::new(self.db.get_postgres_connection_pool().clone());
        let info = ctx.info();
        let attempt = ActivityAttempt {
            scope: envelope.scope.clone(),
            phase: envelope.phase,
            workflow_id: info.workflow_id.clone().unwrap_or_default(),
            run_id: info.workflow_run_id.clone().unwrap_or_default(),
            activity_id: info.activity_id.clone(),
            activity_type: info.activity_type.clone(),
            kind: envelope.kind.as_str(),
            attempt: info.attempt,
        };
        let began = std::time::Instant::now();
        let work = async {
            if let Some(fault) =
                envelope.fault.as_ref().filter(|f| self.faults_enabled && f.delay_ms > 0 && info.attempt == 1)
            {
                tokio::time::sleep(Duration::from_millis(fault.delay_ms)).await;
            }
            match self.injected(envelope.fault.as_ref(), info.attempt) {
                Some(fault) => Err(fault),
                None => work(session.clone()).await,
            }
        };
        // Most attempts finish in milliseconds: their step row is written once, at the end. One
        // still running after a moment is shown RUNNING meanwhile, for dashboards and operators.
        let result = while_showing(work, SHOW_RUNNING_AFTER, activity_started(&self.db, &attempt)).await;
        // Every later write but the step row goes through the pool: the session is given back
        // first, so attempts waiting for a session never wait on each other.
        match result {
            Ok(value) => {
                let completed = activity_completed(&*session, &attempt, began.elapsed()).await;
                session.release().await;
                completed.map_err(db_error)?;
                let elapsed = began.elapsed();
                if slow_after(info).is_some_and(|slow| elapsed > slow) {
                    let elapsed_ms = u64::try_from(elapsed.as_millis()).unwrap_or(u64::MAX);
                    activity_slow(&self.db, &attempt, elapsed_ms).await.map_err(db_error)?;
                }
                Ok(value)
            }
            Err(error) => {
                session.release().await;
                let retry = attempt_retry(info, envelope.backoff);
                // Zero attempts, or no policy delivered, is Temporal's "no limit".
                let max_attempts = retry.map_or(0, |r| r.max_attempts);
                let last = !error.is_retryable() || (max_attempts > 0 && info.attempt >= max_attempts);
                let delay =
                    retry.filter(|r| !last && r.backoff == Backoff::Linear).map(|r| r.linear_delay(info.attempt + 1));
                let delay_ms = delay.map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX));
                if let Err(log_error) = activity_failed(&self.db, &attempt, &error.to_string(), delay_ms, last).await {
                    tracing::warn!(error = %log_error, activity = %attempt.activity_type, "could not log a failed attempt");
                }
                tracing::warn!(activity = %attempt.activity_type, attempt = info.attempt, error = %error, "activity attempt failed");
                Err(activity_error(&error, delay))
            }
        }
    }

    /// The injected failure for this attempt, when faults are enabled and one applies.
    fn injected(&self, fault: Option<&Fault>, attempt: u32) -> Option<PhaseError> {
        let fault = fault.filter(|_| self.faults_enabled)?;
        if attempt > fault.failing_attempts {
            return None;
        }
        let message = format!("injected fault in {} (attempt {attempt})", fault.phase.as_str());
        Some(if fault.non_retryable { PhaseError::Business(message) } else { PhaseError::Injected(message) })
    }
}

/// Temporal's retry policy for `retry`.
pub fn retry_policy(retry: &RetrySettings) -> temporalio_common::RetryPolicy {
    let initial = Duration::from_millis(retry.initial_interval_ms);
    let maximum = Duration::from_millis(retry.maximum_interval_ms);
    let coefficient = match retry.backoff {
        Backoff::Exponential => retry.backoff_coefficient.max(1.0),
        // Linear delays come from each failure's next-retry delay; fixed ones never grow.
        Backoff::Linear | Backoff::Fixed => 1.0,
    };
    temporalio_common::RetryPolicy::builder()
        .initial_interval(initial)
        .backoff_coefficient(coefficient)
        .maximum_interval(maximum)
        .maximum_attempts(retry.max_attempts)
        .build()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::phases::PhaseInput;

    fn scope() -> ExecutionScope {
        ExecutionScope { execution_id: 477, cycle_id: 110, report_id: Some(1), cycle_report_id: Some(220) }
    }

    #[test]
    fn an_envelope_leaves_out_what_the_attempt_already_knows() {
        let input = PhaseInput { cycle_report_id: 220, report_id: 1, round: 1, revision: None };
        let envelope = Tracked {
            scope: scope(),
            phase: Some(Phase::Planning),
            kind: ActivityKind::Llm,
            backoff: Backoff::Exponential,
            fault: None,
            input,
        };
        let json = serde_json::to_value(&envelope).expect("encodes");
        assert_eq!(
            json,
            serde_json::json!({
                "scope": { "execution_id": 477, "cycle_id": 110, "report_id": 1, "cycle_report_id": 220 },
                "phase": "PLANNING",
                "kind": "LLM",
                "backoff": "EXPONENTIAL",
                "input": { "cycle_report_id": 220, "report_id": 1, "round": 1 }
            })
        );
        assert_eq!(serde_json::from_value::<Tracked<PhaseInput>>(json).expect("decodes"), envelope);
    }

    /// An activity scheduled by an older worker still runs on a newer one: the retry policy and
    /// slow-step threshold it carried are ignored (the attempt's info has them), and with no
    /// backoff named, retries follow Temporal's own schedule.
    #[test]
    fn an_envelope_written_by_an_older_worker_still_reads() {
        let old = serde_json::json!({
            "scope": { "execution_id": 477, "cycle_id": 110, "report_id": 1, "cycle_report_id": 220 },
            "phase": "SAMPLE_SELECTION",
            "kind": "DATABASE",
            "retry": { "backoff": "LINEAR", "max_attempts": 3, "initial_interval_ms": 500,
                       "backoff_coefficient": 1.0, "maximum_interval_ms": 10000 },
            "fault": null,
            "slow_after_ms": 150000,
            "input": [{ "scope": { "execution_id": 477, "cycle_id": 110, "report_id": 1, "cycle_report_id": 220 },
                        "cycle_report_id": 220, "report_id": 1, "round": 1, "revision": null }, 25]
        });
        let read: Tracked<(PhaseInput, u32)> = serde_json::from_value(old).expect("an old envelope reads");
        assert_eq!(read.backoff, Backoff::Exponential);
        assert_eq!(read.input, (PhaseInput { cycle_report_id: 220, report_id: 1, round: 1, revision: None }, 25));
    }
}
