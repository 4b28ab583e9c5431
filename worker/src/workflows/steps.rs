//! What both workflows need to call activities: options per activity kind (with the run's
//! snapshotted retry policy), the tracked envelope, and how an activity failure reads.

use std::time::Duration;

use entity::enums::Phase;
use temporalio_sdk::{ActivityExecutionError, ActivityOptions, WorkflowCancellationToken};

use crate::activities::{Tracked, retry_policy};
use crate::messages::Fault;
use crate::settings::{ActivityKind, WorkflowSettings};
use crate::tracking::ExecutionScope;

/// The options of an activity of `kind`. Tracking activities get a cancellation token of their
/// own so that a cancelled run can still record that it was cancelled.
pub fn options(settings: &WorkflowSettings, kind: ActivityKind, survives_cancel: bool) -> ActivityOptions {
    let timeout = Duration::from_secs(settings.activity_timeout_secs.max(1));
    let builder =
        ActivityOptions::with_start_to_close_timeout(timeout).retry_policy(retry_policy(settings.retry(kind)));
    if survives_cancel { builder.cancellation_token(WorkflowCancellationToken::new()).build() } else { builder.build() }
}

/// A tracked envelope around `input`.
pub fn envelope<T>(
    settings: &WorkflowSettings,
    scope: &ExecutionScope,
    phase: Option<Phase>,
    kind: ActivityKind,
    fault: Option<Fault>,
    input: T,
) -> Tracked<T> {
    Tracked { scope: scope.clone(), phase, kind, backoff: settings.retry(kind).backoff, fault, input }
}

/// The message of an activity failure: the application's own words when it has them.
pub fn failure_message(err: &ActivityExecutionError) -> String {
    err.cause().map_or_else(|| err.to_string(), ToString::to_string)
}
