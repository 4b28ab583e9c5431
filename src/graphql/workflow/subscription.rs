//! Live subscriptions: `phaseTransitions` and `workflowEvents`, over graphql-transport-ws.

use std::sync::Arc;

use async_graphql::{Context, ID, Json, Object, Result, Subscription};
use chrono::{DateTime, Utc};
use futures::{Stream, StreamExt};

use crate::error::AppError;
use crate::events::{Event, EventFilter, EventHub, subscribe};
use crate::graphql::context::{ContextExt, parse_id};
use crate::graphql::enums::Phase;
use crate::graphql::scalars::utc;
use crate::services::{cycles, executions};

/// One entry of the ordered event log.
pub struct WorkflowEvent(pub Event);

#[Object]
impl WorkflowEvent {
    /// Position in the log: gap-free and in commit order; pass the last one seen as `afterSeq`.
    async fn seq(&self) -> i64 {
        self.0.seq
    }

    /// When it happened.
    async fn at(&self) -> DateTime<Utc> {
        utc(self.0.occurred_at)
    }

    /// The cycle.
    async fn cycle_id(&self) -> ID {
        ID(self.0.cycle_id.to_string())
    }

    /// The report, for per-report events.
    async fn report_id(&self) -> Option<ID> {
        self.0.report_id.map(|id| ID(id.to_string()))
    }

    /// The execution it belongs to.
    async fn execution_id(&self) -> Option<ID> {
        self.0.execution_id.map(|id| ID(id.to_string()))
    }

    /// The phase, for phase and task events.
    async fn phase(&self) -> Option<Phase> {
        self.0.phase.map(Into::into)
    }

    /// What happened: PHASE_STARTED, PHASE_COMPLETED, PHASE_SKIPPED, PHASE_FAILED, TASK_OPENED,
    /// TASK_COMPLETED, TASK_CANCELLED, COMPENSATED, RETRIED, ALERT_RAISED, VERSION_MIGRATED, WORKFLOW_STARTED,
    /// WORKFLOW_COMPLETED, WORKFLOW_FAILED or WORKFLOW_CANCELLED.
    async fn kind(&self) -> &str {
        &self.0.kind
    }

    /// The status the change led to.
    async fn status(&self) -> &str {
        &self.0.status
    }

    /// Event-specific detail.
    async fn detail(&self) -> Json<&serde_json::Value> {
        Json(&self.0.detail)
    }
}

/// A phase of one report starting, completing, being skipped, failing or being compensated.
pub type PhaseTransitionEvent = WorkflowEvent;

/// Live subscriptions.
#[derive(Default)]
pub struct WorkflowSubscription;

/// Checks the viewer may see what the filter names and returns the hub.
async fn authorise(ctx: &Context<'_>, filter: &EventFilter) -> Result<Arc<EventHub>> {
    let viewer = ctx.viewer()?;
    let db = ctx.db();
    if let Some(cycle) = filter.cycle_id
        && cycles::find(db, viewer, cycle).await?.is_none()
    {
        return Err(AppError::NotFound(format!("cycle {cycle}")).into());
    }
    if let Some(execution) = filter.execution_id
        && executions::find(db, viewer, execution).await?.is_none()
    {
        return Err(AppError::NotFound(format!("execution {execution}")).into());
    }
    if filter.cycle_id.is_none() && filter.execution_id.is_none() && !viewer.sees_all_cycles() {
        return Err(AppError::bad_input("cycleId", "name a cycleId or an executionId").into());
    }
    Ok(ctx.data_unchecked::<Arc<EventHub>>().clone())
}

/// A resume point must be a sequence number: none is negative.
pub(crate) fn check_after_seq(after_seq: Option<i64>) -> Result<()> {
    match after_seq {
        Some(seq) if seq < 0 => Err(AppError::bad_input("afterSeq", "afterSeq must not be negative").into()),
        _ => Ok(()),
    }
}

/// The events matching `filter` as GraphQL values; an unreachable database ends the stream with
/// UNAVAILABLE.
pub(crate) fn events(
    hub: &Arc<EventHub>,
    filter: EventFilter,
    after_seq: Option<i64>,
) -> impl Stream<Item = Result<WorkflowEvent>> + use<> {
    subscribe(hub, filter, after_seq)
        .map(|item| item.map(WorkflowEvent).map_err(|err| AppError::Unavailable(err.to_string()).into()))
}

#[Subscription]
impl WorkflowSubscription {
    /// Every phase start, completion, skip, failure and compensation of any report of the cycle.
    async fn phase_transitions(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The cycle to follow.")] cycle_id: ID,
        #[graphql(desc = "Resume after this sequence number (backlog first, then live).")] after_seq: Option<i64>,
    ) -> Result<impl Stream<Item = Result<PhaseTransitionEvent>> + use<>> {
        let filter = EventFilter {
            cycle_id: Some(parse_id("cycleId", &cycle_id)?),
            execution_id: None,
            phase_transitions_only: true,
            tasks_of: None,
        };
        let hub = authorise(ctx, &filter).await?;
        Ok(events(&hub, filter, after_seq))
    }

    /// The ordered event log of a cycle or an execution; pass the last `seq` you saw as
    /// `afterSeq` to resume with no gap and no duplicate.
    async fn workflow_events(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only this cycle's events.")] cycle_id: Option<ID>,
        #[graphql(desc = "Only this execution's events.")] execution_id: Option<ID>,
        #[graphql(desc = "Resume after this sequence number (backlog first, then live).")] after_seq: Option<i64>,
    ) -> Result<impl Stream<Item = Result<WorkflowEvent>> + use<>> {
        let filter = EventFilter {
            cycle_id: cycle_id.as_ref().map(|id| parse_id("cycleId", id)).transpose()?,
            execution_id: execution_id.as_ref().map(|id| parse_id("executionId", id)).transpose()?,
            phase_transitions_only: false,
            tasks_of: None,
        };
        check_after_seq(after_seq)?;
        let hub = authorise(ctx, &filter).await?;
        Ok(events(&hub, filter, after_seq))
    }
}
