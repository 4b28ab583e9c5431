//! Live subscriptions: `phaseTransitions` and `workflowEvents`, over graphql-transport-ws.

use std::borrow::Cow;
use std::marker::PhantomData;
use std::sync::Arc;

use async_graphql::{Context, ID, Json, Object, Result, Subscription, TypeName};
use chrono::{DateTime, Utc};
use futures::{Stream, StreamExt};

use crate::error::AppError;
use crate::events::{Event, EventFilter, EventHub, subscribe};
use crate::graphql::context::{ContextExt, parse_id};
use crate::graphql::enums::Phase;
use crate::graphql::scalars::utc;
use crate::services::{cycles, executions};

/// The name an event of the log is served under: API.md names the type of `phaseTransitions`
/// `PhaseTransitionEvent` and that of `workflowEvents` `WorkflowEvent`, with the same fields, so
/// a client's fragments on either name hold.
pub trait EventTypeName: Send + Sync + 'static {
    const NAME: &'static str;
}

/// Any entry of the log (`WorkflowEvent`).
pub enum AnyEntry {}

impl EventTypeName for AnyEntry {
    const NAME: &'static str = "WorkflowEvent";
}

/// A phase of one report starting, completing, being skipped, failing or being compensated
/// (`PhaseTransitionEvent`).
pub enum PhaseTransition {}

impl EventTypeName for PhaseTransition {
    const NAME: &'static str = "PhaseTransitionEvent";
}

/// One entry of the ordered event log, under the name `N` gives it.
pub struct LogEvent<N>(pub Event, PhantomData<N>);

/// Any entry of the log.
pub type WorkflowEvent = LogEvent<AnyEntry>;

/// A phase transition of the log.
pub type PhaseTransitionEvent = LogEvent<PhaseTransition>;

impl<N: EventTypeName> TypeName for LogEvent<N> {
    fn type_name() -> Cow<'static, str> {
        Cow::Borrowed(N::NAME)
    }
}

/// One entry of the ordered event log.
#[Object(name_type)]
impl<N: EventTypeName> LogEvent<N> {
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

/// Live subscriptions.
#[derive(Default)]
pub struct WorkflowSubscription;

/// Checks the viewer may see what the filter names and returns the hub.
///
/// Boxed: a subscription's stream keeps room for the largest state of its resolver for as long
/// as it lives, and the visibility queries are its largest (boxed, a subscriber's stream holds
/// about 1.7 KB less: 3.45 against 1.70 KB, heaptrack), though they run once, before the first
/// event.
async fn authorise(ctx: &Context<'_>, filter: &EventFilter) -> Result<Arc<EventHub>> {
    Box::pin(check_visibility(ctx, filter)).await
}

async fn check_visibility(ctx: &Context<'_>, filter: &EventFilter) -> Result<Arc<EventHub>> {
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
pub(crate) fn events<N: EventTypeName>(
    hub: &Arc<EventHub>,
    filter: EventFilter,
    after_seq: Option<i64>,
) -> impl Stream<Item = Result<LogEvent<N>>> + use<N> {
    subscribe(hub, filter, after_seq).map(|item| {
        item.map(|event| LogEvent(event, PhantomData)).map_err(|err| AppError::Unavailable(err.to_string()).into())
    })
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
        check_after_seq(after_seq)?;
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
